"""The build step: editions (Markdown, HTML, MO) of every document and language.

Every catalog is read and every edition made in memory before the first
write; a document whose source, catalogs and editions are as the last build
left them (``l10n.cache``) is not built again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cache import StepCache, state
from .config import Config
from .errors import CatalogError
from .files import differs, write_bytes
from .model import Catalog, Document, Segment
from .mofile import format_mo
from .parallel import ordered_map
from .pofile import read_po
from .project import Project, Segmented, jobs_for, select_slugs, step_inputs
from .render import edition_title, render_html, render_markdown
from .stats import catalog_stats
from .typography import typesetter


@dataclass(frozen=True)
class Fallback:
    """A segment an edition shows in the source language, and where to fix it."""

    msgid: str
    source: str  # "source/<slug>.md:<line>"
    catalog: str  # "locales/<lang>/LC_MESSAGES/<slug>.po:<line>" (the file alone if it has no entry)


@dataclass
class EditionReport:
    lang: str
    slug: str
    percent: float
    fallback: int = 0
    built: bool = True
    reason: str = ""
    files: list[str] = field(default_factory=list)
    fallbacks: list[Fallback] = field(default_factory=list)
    changed: bool = True


Edition = tuple[EditionReport, list[tuple[Path, bytes]]]


def build(project: Project, languages: tuple[str, ...] | None = None, force: bool = False, dry_run: bool = False,
          slugs: Sequence[str] = (), no_fallback: bool = False, jobs: int | None = None) -> list[EditionReport]:
    """Build Markdown, HTML and MO for every language and document (or the articles ``slugs`` names).

    An edition below the threshold is refused (reported, not built) and
    does not stop the others; with ``no_fallback`` (or ``tool.l10n.no_fallback``)
    so is one with any segment left in the source language, for the publishing step.
    A document whose source, catalogs and editions are as the last build
    left them is not built again (its reports say ``changed=False``).

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
    targets = {slug: _all_paths(config, slug, langs) for slug in chosen}
    config.writable_all([target for slug in chosen for target in targets[slug]])
    cache = StepCache(config.root, "build")
    refuse_fallback = no_fallback or config.no_fallback
    options = (",".join(langs), f"force={force}", f"no_fallback={refuse_fallback}")
    inputs = {slug: _build_inputs(project, slug, langs, options) for slug in chosen}
    reports = {slug: _cached_reports(cache, slug, state(inputs[slug], targets[slug])) for slug in chosen}
    pending = [slug for slug in chosen if reports[slug] is None]
    shown = iter(config.relative_all([config.po_path(lang, slug) for slug in pending for lang in langs]))
    jobs_of = [(slug, tuple((lang, next(shown)) for lang in langs), force, refuse_fallback) for slug in pending]
    results = dict(zip(pending, ordered_map(_build_document, project, jobs_of, jobs_for(project, jobs)), strict=True))
    built = {slug: editions for slug, (editions, _) in results.items()}
    editions = [edition for slug in pending for edition in built[slug]]
    _name_files(config, editions)
    for report, outputs in editions:
        # write_bytes leaves a file that is already so alone; a list, so every file is seen
        report.changed = any([differs(target, data) if dry_run else write_bytes(target, data, durable=False)
                              for target, data in outputs])
    if not dry_run:
        for slug in pending:
            written = {target: data for _, outputs in built[slug] for target, data in outputs}
            cache.record(slug, state(inputs[slug], targets[slug], written),
                         {"editions": [dataclasses.asdict(report) for report, _ in built[slug]]})
        cache.forget_except(project.slugs)
        cache.save()
        project.keep(segmented for _, segmented in results.values())
    every = {(r.lang, r.slug): r for slug in chosen for r in (reports[slug] or [e for e, _ in built[slug]])}
    return [every[lang, slug] for lang in langs for slug in chosen]


def _name_files(config: Config, editions: Sequence[Edition]) -> None:
    """Each report's files as users see them, named in one pass so each folder is resolved once."""
    shown = iter(config.relative_all([target for _, outputs in editions for target, _ in outputs]))
    for report, outputs in editions:
        report.files = [next(shown) for _ in outputs]


def _build_inputs(project: Project, slug: str, langs: tuple[str, ...], options: tuple[str, ...]) -> list[bytes | str]:
    """What one document's editions are made of (source, catalogs, settings), read once per build:
    its cache digest is taken before the build and again, over the files written, after it."""
    catalogs = [project.config.po_path(lang, slug).read_bytes() for lang in langs]
    return step_inputs(project, "build", slug, *options, *catalogs)


def _all_paths(config: Config, slug: str, langs: tuple[str, ...]) -> list[Path]:
    """Every edition file of one document, in the languages' order."""
    return [target for lang in langs for target in _edition_paths(config, lang, slug)]


def _cached_reports(cache: StepCache, slug: str, digest: str) -> list[EditionReport] | None:
    """The reports of a document the cache shows unchanged (None: build it)."""
    payload = cache.fresh(slug, digest)
    items = payload.get("editions") if payload is not None else None
    if not isinstance(items, list):
        return None
    try:
        return [_restored(item) for item in items]
    except (TypeError, AttributeError):  # a record written by another version
        return None


def _restored(item: dict[str, object]) -> EditionReport:
    """An edition's report as the cache kept it (``dataclasses.asdict``), marked unchanged."""
    fallbacks = item.get("fallbacks", [])
    assert isinstance(fallbacks, list)
    report = EditionReport(**{**item, "fallbacks": [Fallback(**f) for f in fallbacks]})  # type: ignore[arg-type]
    return dataclasses.replace(report, changed=False)


def _build_document(project: Project, job: tuple[str, tuple[tuple[str, str], ...], bool, bool]) -> tuple[list[Edition], Segmented]:
    """Every language's edition of one document, in memory (and the document, when it was segmented now);
    the job names each language with its catalog as shown (named in one pass for all)."""
    slug, langs, force, no_fallback = job
    config = project.config
    document = project.document(slug)
    editions = []
    for lang, shown in langs:
        catalog = read_po(config.po_path(lang, slug), shown=shown)
        editions.append(_build_one(project, document, lang, (catalog, shown), force, no_fallback))
    return editions, project.segmented_now(slug)


def _build_one(project: Project, document: Document, lang: str, read: tuple[Catalog, str], force: bool,
               no_fallback: bool) -> Edition:
    """One edition's report and the files it consists of (none when refused); ``read`` is the
    catalog and its name as shown. The report names its files once every edition is made."""
    config = project.config
    catalog, shown = read
    stats = catalog_stats(catalog, shown, words=False)
    report = EditionReport(lang, document.slug, stats.percent)
    if stats.percent < config.threshold and not force:
        report.built = False
        report.reason = f"{stats.percent:.0f}% translated, below the {config.threshold:g}% threshold (use --force)"
        return report, []
    translations = {m.key: m.msgstr for m in catalog.entries() if m.translated}
    edition = render_markdown(document, translations, lang, typeset=typesetter(lang, config.uk_apostrophe),
                              source_lang=config.source_language)
    report.fallback = len(edition.fallback)
    report.fallbacks = _fallbacks(document, catalog, shown, edition.fallback)
    if report.fallback and no_fallback:
        report.built = False
        report.reason = f"{report.fallback} segment(s) would show in the source language (--no-fallback)"
        return report, []
    page = render_html(edition, edition_title(document, translations))
    contents = (edition.markdown.encode("utf-8"), page.encode("utf-8"), format_mo(catalog))
    return report, list(zip(_edition_paths(config, lang, document.slug), contents, strict=True))


def _fallbacks(document: Document, catalog: Catalog, shown: str, segments: Sequence[Segment]) -> list[Fallback]:
    """Where each fallback segment is, in the source and in the catalog (shown as ``shown``) a translator opens."""
    lines = {m.key: m.lineno for m in catalog.entries()}
    return [
        Fallback(s.text, f"{document.path}:{s.line}",
                 f"{shown}:{lines[s.context, s.text]}" if lines.get((s.context, s.text)) else shown)
        for s in segments
    ]


def _edition_paths(config: Config, lang: str, slug: str) -> tuple[Path, Path, Path]:
    """The Markdown edition, the HTML page and the MO file of one language."""
    return config.edition_path(lang, slug, ".md"), config.edition_path(lang, slug, ".html"), config.mo_path(lang, slug)
