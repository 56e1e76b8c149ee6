"""Project-level steps over a Config: load, extract, update, build, pretranslate.

Each step is a plain function returning a result object; the CLI only
formats results and picks exit codes. Writers write only what changed and
report which files they touched; with ``dry_run`` they touch nothing.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import StepCache, read_bytes_or_absent, state
from .catalog import build_template, merge, now_stamp, same_content
from .config import SLUG_RE, Config
from .errors import CatalogError, SourceError, UnknownArticle
from .files import write_bytes, write_text
from .glossary import read_glossary
from .header import HeaderInfo, template_header
from .lock import project_lock
from .model import Catalog, Document, Term
from .mofile import format_mo
from .parallel import ordered_map
from .pofile import format_po, read_po
from .provenance import record_review, unrecorded_review
from .render import edition_title, render_html, render_markdown
from .segment import read_document
from .stats import catalog_stats

if TYPE_CHECKING:
    from .engines import EngineFactory, Progress
    from .pretranslate import LanguageReport


@dataclass
class Project:
    """Everything the steps need: settings, glossary, and the source files, each parsed when first needed.

    A run that finds most documents unchanged (``l10n.cache``) never parses
    them; with a process pool, the workers parse their own.
    """

    config: Config
    sources: dict[str, Path]
    terms: list[Term]
    _parsed: dict[str, Document] = field(default_factory=dict, repr=False)

    @property
    def slugs(self) -> list[str]:
        """Every article's slug, in project order."""
        return list(self.sources)

    @property
    def documents(self) -> list[Document]:
        """Every document, parsed (the first bad one raises)."""
        return [self.document(slug) for slug in self.sources]

    def document(self, slug: str) -> Document:
        """The parsed document of ``slug`` (SourceError names file and line)."""
        found = self._parsed.get(slug)
        if found is None:
            path = self.sources[slug]
            found = self._parsed[slug] = read_document(path, self.config.relative(path), self.config.front_matter_keys)
        return found


@dataclass
class WriteReport:
    """Which files a step wrote (or would write, with dry_run)."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, path: str, changed: bool) -> None:
        (self.changed if changed else self.unchanged).append(path)


def load_project(config: Config) -> Project:
    """Check every source file's name and read the glossary; documents are parsed when a step needs them."""
    sources: dict[str, Path] = {}
    for path in config.sources():
        if not SLUG_RE.match(path.stem):
            raise SourceError("file name is not a valid article slug (lowercase letters, digits, '.', '_', '-')",
                              config.relative(path))
        sources[path.stem] = path
    terms: list[Term] = []
    if config.glossary is not None and config.glossary.exists():
        terms = read_glossary(config.glossary, config.languages, config.relative(config.glossary))
    return Project(config, sources, terms)


def select_slugs(project: Project, slugs: Sequence[str] = ()) -> list[str]:
    """The slugs asked for (every article when there are none), in project order.

    Raises UnknownArticle naming every slug no source file has.
    """
    unknown = sorted(set(slugs) - set(project.sources))
    if unknown:
        raise UnknownArticle(unknown)
    return [slug for slug in project.sources if not slugs or slug in slugs]


def select_documents(project: Project, slugs: Sequence[str] = ()) -> list[Document]:
    """The documents :func:`select_slugs` names, parsed."""
    return [project.document(slug) for slug in select_slugs(project, slugs)]


def _info(config: Config) -> HeaderInfo:
    return HeaderInfo(config.project, config.bugs_address, config.team, config.teams)


def _template(project: Project, document: Document) -> Catalog:
    """The document's template, keeping the old creation date if nothing else changed (built once)."""
    config = project.config
    info = _info(config)
    template = build_template(document, project.terms, config.languages, info, now_stamp())
    pot = config.pot_path(document.slug)
    if pot.exists():
        old = read_po(pot, shown=config.relative(pot))
        created = old.header_fields().get("POT-Creation-Date")
        if created is not None and same_content(template, old):
            template.messages[0] = template_header(info, created, document.slug)
    template.path = config.relative(config.source_path(document.slug))
    return template


Output = tuple[Path, "str | None"]
"""A file a step computed: its path and text, None when the file already says so."""


def _output(path: Path, text: str) -> Output:
    try:
        return path, None if path.read_text("utf-8") == text else text
    except (FileNotFoundError, UnicodeDecodeError):
        return path, text


def _config_key(config: Config) -> str:
    """The settings that shape outputs, as text for the cache (not how many processes run)."""
    return repr(dataclasses.replace(config, jobs=0))


def _inputs(project: Project, step: str, slug: str, *extra: bytes | str) -> list[bytes | str]:
    """What a document's step result depends on besides the code: its source, the glossary, the settings."""
    config = project.config
    return [step, slug, project.sources[slug].read_bytes(), read_bytes_or_absent(config.glossary),
            _config_key(config), *extra]


def extract(project: Project, dry_run: bool = False, jobs: int | None = None) -> WriteReport:
    """Write ``locales/<slug>.pot`` for every document (under the project lock); unchanged ones are skipped."""
    with project_lock(project.config.root):
        return _run_step(project, "extract", project.slugs, (), dry_run, _jobs(project, jobs))


def update(project: Project, languages: tuple[str, ...] | None = None, dry_run: bool = False,
           slugs: Sequence[str] = (), jobs: int | None = None) -> WriteReport:
    """Extract, then create or merge every language's PO catalogs (only the articles ``slugs`` names, if any)."""
    chosen = select_slugs(project, slugs)
    with project_lock(project.config.root):
        return _run_step(project, "update", chosen, languages or project.config.languages, dry_run,
                         _jobs(project, jobs))


def _jobs(project: Project, jobs: int | None) -> int:
    return project.config.jobs if jobs is None else jobs


def _step_paths(config: Config, slug: str, languages: tuple[str, ...]) -> list[Path]:
    """The files one document's extract (no languages) or update writes: its POT, then each PO."""
    return [config.pot_path(slug), *(config.po_path(lang, slug) for lang in languages)]


def _run_step(project: Project, step: str, slugs: list[str], languages: tuple[str, ...], dry_run: bool,
              jobs: int) -> WriteReport:
    """Extract or update the documents ``slugs``: skip those the cache shows unchanged, compute the
    others (in a process pool when many), then write every output once all are computed, so bad
    input stops a run before any write."""
    config = project.config
    cache = StepCache(config.root, step)
    extracted = cache if step == "extract" else StepCache(config.root, "extract")
    extra = (",".join(languages),)
    pending = [slug for slug in slugs
               if cache.fresh(slug, state(_inputs(project, step, slug, *extra), _step_paths(config, slug, languages))) is None]
    today = date.today().isoformat()
    computed = dict(zip(pending, ordered_map(_document_outputs, project, [(s, languages, today) for s in pending], jobs)))
    report = WriteReport()
    for slug in slugs:
        for path in _step_paths(config, slug, languages):
            config.writable(path)
    for slug in slugs:
        for path, text in computed.get(slug) or [(path, None) for path in _step_paths(config, slug, languages)]:
            _write(path, text, report, config, dry_run)
    if not dry_run:
        for slug in pending:
            cache.record(slug, state(_inputs(project, step, slug, *extra), _step_paths(config, slug, languages)))
            extracted.record(slug, state(_inputs(project, "extract", slug, ""), _step_paths(config, slug, ())))
        extracted.save()
        cache.save()
    return report


def _write(path: Path, text: str | None, report: WriteReport, config: Config, dry_run: bool) -> None:
    shown = config.relative(path)
    if text is None or dry_run:
        report.record(shown, text is not None)
    else:
        report.record(shown, write_text(path, text))


def _document_outputs(project: Project, job: tuple[str, tuple[str, ...], str]) -> list[Output]:
    """One document's template, merged into each language's catalog (none for extract), as text.

    Catalogs get the template's ``#.`` lines unchanged (every language's
    glossary forms), as ``msgmerge`` would copy them. A catalog whose content
    the merge leaves as it is keeps its file as it is (None).
    """
    slug, languages, today = job
    config = project.config
    info = _info(config)
    template = _template(project, project.document(slug))
    outputs = [_output(config.pot_path(slug), format_po(template))]
    for lang in languages:
        path = config.po_path(lang, slug)
        existing = read_po(path, shown=config.relative(path)) if path.exists() else None
        merged = merge(template, _reviewed(existing, today), lang, info.team_for(lang))
        unchanged = existing is not None and same_content(merged, existing, ignore=())
        outputs.append((path, None if unchanged else format_po(merged)))
    return outputs


def _reviewed(existing: Catalog | None, stamp: str) -> Catalog | None:
    """A copy of ``existing`` whose accepted drafts say they were reviewed.

    Done before the merge, so an entry accepted and then made fuzzy by a
    source edit in the same run keeps the record (the original is compared
    with the merge result, so the change is written).
    """
    if existing is None or not any(unrecorded_review(m) is not None for m in existing.entries()):
        return existing
    marked = copy.deepcopy(existing)
    for message in marked.entries():
        record_review(message, stamp)
    return marked


@dataclass
class EditionReport:
    lang: str
    slug: str
    percent: float
    fallback: int = 0
    built: bool = True
    reason: str = ""
    files: list[str] = field(default_factory=list)
    changed: bool = True


Edition = tuple[EditionReport, list[tuple[Path, bytes]]]


def build(project: Project, languages: tuple[str, ...] | None = None, force: bool = False, dry_run: bool = False,
          slugs: Sequence[str] = (), jobs: int | None = None) -> list[EditionReport]:
    """Build Markdown, HTML and MO for every language and document (or the articles ``slugs`` names).

    An edition below the threshold is refused (reported, not built) and
    does not stop the others. A document whose source, catalogs and
    editions are as the last build left them is not built again (its
    reports say ``changed=False``).

    Every catalog is read and every edition made in memory before the first
    write, so bad input in any language (the last one too) leaves ``build/``
    untouched.
    """
    config = project.config
    chosen = select_slugs(project, slugs)
    langs = languages or config.languages
    for lang in langs:
        for slug in chosen:
            path = config.po_path(lang, slug)
            if not path.exists():
                raise CatalogError(f"no catalog for {lang}; run `l10n update` first", config.relative(path))
            for target in _edition_paths(config, lang, slug):
                config.writable(target)
    cache = StepCache(config.root, "build")
    options = (",".join(langs), f"force={force}")
    reports = {slug: _cached_reports(cache, slug, _build_state(project, slug, langs, options)) for slug in chosen}
    pending = [slug for slug in chosen if reports[slug] is None]
    built = dict(zip(pending, ordered_map(_build_document, project, [(s, langs, force) for s in pending], _jobs(project, jobs))))
    editions = [edition for slug in pending for edition in built[slug]]
    for report, outputs in editions:
        report.changed = any(_differs(target, data) for target, data in outputs)
        if report.changed and not dry_run:
            for target, data in outputs:
                write_bytes(target, data)
    if not dry_run:
        for slug in pending:
            cache.record(slug, _build_state(project, slug, langs, options),
                         {"editions": [dataclasses.asdict(report) for report, _ in built[slug]]})
        cache.save()
    every = {(r.lang, r.slug): r for slug in chosen for r in (reports[slug] or [e for e, _ in built[slug]])}
    return [every[lang, slug] for lang in langs for slug in chosen]


def _build_state(project: Project, slug: str, langs: tuple[str, ...], options: tuple[str, ...]) -> str:
    """The cache digest of one document's editions: source, catalogs, settings and the edition files."""
    config = project.config
    catalogs = [config.po_path(lang, slug).read_bytes() for lang in langs]
    outputs = [target for lang in langs for target in _edition_paths(config, lang, slug)]
    return state(_inputs(project, "build", slug, *options, *catalogs), outputs)


def _cached_reports(cache: StepCache, slug: str, digest: str) -> list[EditionReport] | None:
    """The reports of a document the cache shows unchanged (None: build it)."""
    payload = cache.fresh(slug, digest)
    items = payload.get("editions") if payload is not None else None
    if not isinstance(items, list):
        return None
    try:
        return [dataclasses.replace(EditionReport(**item), changed=False) for item in items]
    except TypeError:  # a record written by another version
        return None


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() != data
    except FileNotFoundError:
        return True


def _build_document(project: Project, job: tuple[str, tuple[str, ...], bool]) -> list[Edition]:
    """Every language's edition of one document, in memory."""
    slug, langs, force = job
    config = project.config
    document = project.document(slug)
    editions = []
    for lang in langs:
        path = config.po_path(lang, slug)
        editions.append(_build_one(project, document, lang, read_po(path, shown=config.relative(path)), force))
    return editions


def _build_one(project: Project, document: Document, lang: str, catalog: Catalog, force: bool) -> Edition:
    """One edition's report and the files it consists of (none when refused)."""
    config = project.config
    path = config.po_path(lang, document.slug)
    stats = catalog_stats(catalog, config.relative(path))
    report = EditionReport(lang, document.slug, stats.percent)
    if stats.percent < config.threshold and not force:
        report.built = False
        report.reason = f"{stats.percent:.0f}% translated, below the {config.threshold:g}% threshold (use --force)"
        return report, []
    translations = {m.key: m.msgstr for m in catalog.entries() if m.translated}
    edition = render_markdown(document, translations, lang)
    report.fallback = len(edition.fallback)
    page = render_html(edition, edition_title(document, translations))
    contents = (edition.markdown.encode("utf-8"), page.encode("utf-8"), format_mo(catalog))
    outputs = list(zip(_edition_paths(config, lang, document.slug), contents))
    report.files = [config.relative(target) for target, _ in outputs]
    return report, outputs


def _edition_paths(config: Config, lang: str, slug: str) -> tuple[Path, Path, Path]:
    """The Markdown edition, the HTML page and the MO file of one language."""
    return config.edition_path(lang, slug, ".md"), config.edition_path(lang, slug, ".html"), config.mo_path(lang, slug)


def pretranslate(
    project: Project, engine_for: EngineFactory, languages: tuple[str, ...] | None = None, *,
    overwrite_mt: bool = False, dry_run: bool = False, progress: Progress | None = None, slugs: Sequence[str] = (),
) -> list[LanguageReport]:
    """Pretranslate every language's catalogs (or the articles ``slugs`` names); one report per language.

    Translation memory reads every catalog of the language; only the chosen
    articles' catalogs are filled and written.
    """
    config = project.config
    select_slugs(project, slugs)
    reports = []
    with project_lock(config.root):
        for path in config.catalogs(languages):  # all must read before any is written
            read_po(config.writable(path), shown=config.relative(path))
        for lang in languages or config.languages:
            reports.append(_pretranslate_one(project, lang, engine_for, overwrite_mt, dry_run, progress, slugs))
    return reports


def _pretranslate_one(project: Project, lang: str, engine_for: EngineFactory, overwrite_mt: bool, dry_run: bool,
                      progress: Progress | None, slugs: Sequence[str]) -> LanguageReport:
    from .pretranslate import pretranslate_language
    from .tmx import imported_units

    config = project.config
    every = [(path, config.relative(path)) for path in config.catalogs((lang,))]
    chosen = [(path, shown) for path, shown in every if not slugs or path.stem in slugs]
    imported = imported_units(config.locales_dir, config.root, config.source_language, lang)
    return pretranslate_language(
        lang, config.source_language, chosen, project.terms, engine_for,
        other_langs=config.languages, overwrite_mt=overwrite_mt, dry_run=dry_run, progress=progress,
        memory_catalogs=every,
        imported=imported,
    )
