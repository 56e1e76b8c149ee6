"""Project-level steps over a Config: load, extract, update, build, pretranslate.

Each step is a plain function returning a result object; the CLI only
formats results and picks exit codes. Writers write only what changed and
report which files they touched; with ``dry_run`` they touch nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .catalog import build_template, merge, now_stamp, same_content
from .config import SLUG_RE, Config
from .errors import CatalogError, SourceError, UnknownArticle
from .files import write_bytes, write_text
from .glossary import read_glossary
from .header import HeaderInfo
from .lock import project_lock
from .model import Catalog, Document, Segment, Term
from .mofile import format_mo
from .pofile import format_po, read_po
from .provenance import record_review
from .render import edition_title, render_html, render_markdown
from .segment import read_document
from .stats import catalog_stats
from .typography import typesetter


@dataclass
class Project:
    """Everything the steps need, loaded once."""

    config: Config
    documents: list[Document]
    terms: list[Term]


@dataclass
class WriteReport:
    """Which files a step wrote (or would write, with dry_run)."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, path: str, changed: bool) -> None:
        (self.changed if changed else self.unchanged).append(path)


def load_project(config: Config) -> Project:
    """Read every source document and the glossary; fail on the first bad one."""
    for path in config.sources():
        if not SLUG_RE.match(path.stem):
            raise SourceError("file name is not a valid article slug (lowercase letters, digits, '.', '_', '-')",
                              config.relative(path))
    documents = [
        read_document(path, config.relative(path), config.front_matter_keys) for path in config.sources()
    ]
    terms: list[Term] = []
    if config.glossary is not None and config.glossary.exists():
        terms = read_glossary(config.glossary, config.languages, config.relative(config.glossary))
    return Project(config, documents, terms)


def select_documents(project: Project, slugs: Sequence[str] = ()) -> list[Document]:
    """The documents the slugs name (every document when there are none), in project order.

    Raises UnknownArticle naming every slug no source file has.
    """
    known = {document.slug for document in project.documents}
    unknown = sorted(set(slugs) - known)
    if unknown:
        raise UnknownArticle(unknown)
    return [document for document in project.documents if not slugs or document.slug in slugs]


def _info(config: Config) -> HeaderInfo:
    return HeaderInfo(config.project, config.bugs_address, config.team, config.teams)


def _template(project: Project, document: Document) -> Catalog:
    """The document's template, keeping the old creation date if nothing changed."""
    config = project.config
    date = now_stamp()
    template = build_template(document, project.terms, config.languages, _info(config), date)
    pot = config.pot_path(document.slug)
    if pot.exists():
        old = read_po(pot, shown=config.relative(pot))
        if same_content(template, old):
            template = build_template(document, project.terms, config.languages, _info(config),
                                      old.header_fields().get("POT-Creation-Date", date))
    template.path = config.relative(config.source_path(document.slug))
    return template


def _write(path: Path, text: str, report: WriteReport, config: Config, dry_run: bool) -> None:
    shown = config.relative(path)
    if dry_run:
        report.record(shown, not path.exists() or path.read_text("utf-8") != text)
    else:
        report.record(shown, write_text(path, text))


def extract(project: Project, dry_run: bool = False) -> WriteReport:
    """Write ``locales/<slug>.pot`` for every document (under the project lock)."""
    with project_lock(project.config.root):
        return _extract(project, dry_run)


def _extract(project: Project, dry_run: bool) -> WriteReport:
    return _write_all(_templates(project), project.config, dry_run)


def _templates(project: Project, documents: list[Document] | None = None) -> list[tuple[Path, Catalog]]:
    config = project.config
    chosen = project.documents if documents is None else documents
    return [(config.pot_path(d.slug), _template(project, d)) for d in chosen]


def _write_all(outputs: Sequence[tuple[Path, Catalog | None]], config: Config, dry_run: bool) -> WriteReport:
    """Write every output once all are computed, so bad input stops a run before any write.

    ``None`` marks a catalog known to be up to date.
    """
    report = WriteReport()
    for path, _ in outputs:
        config.writable(path)
    for path, catalog in outputs:
        if catalog is None:
            report.record(config.relative(path), False)
        else:
            _write(path, format_po(catalog), report, config, dry_run)
    return report


def update(project: Project, languages: tuple[str, ...] | None = None, dry_run: bool = False,
           slugs: Sequence[str] = ()) -> WriteReport:
    """Extract, then create or merge every language's PO catalogs (only the articles ``slugs`` names, if any)."""
    documents = select_documents(project, slugs)
    with project_lock(project.config.root):
        return _update(project, documents, languages, dry_run)


def _update(project: Project, documents: list[Document], languages: tuple[str, ...] | None, dry_run: bool) -> WriteReport:
    """Merge each document's template, the POT's very entries and hints, into its catalogs.

    Catalogs get the template's ``#.`` lines unchanged (every language's
    glossary forms), as ``msgmerge`` would copy them.
    """
    config = project.config
    info = _info(config)
    templates = _templates(project, documents)
    today = date.today().isoformat()
    outputs: list[tuple[Path, Catalog | None]] = list(templates)
    for document, (_, template) in zip(documents, templates):
        for lang in languages or config.languages:
            path = config.po_path(lang, document.slug)
            existing = read_po(path, shown=config.relative(path)) if path.exists() else None
            merged = merge(template, _reviewed(existing, today), lang, info.team_for(lang))
            unchanged = existing is not None and same_content(merged, existing, ignore=())
            outputs.append((path, None if unchanged else merged))
    return _write_all(outputs, config, dry_run)


def _reviewed(existing: Catalog | None, stamp: str) -> Catalog | None:
    """A copy of ``existing`` whose accepted drafts say they were reviewed.

    Done before the merge, so an entry accepted and then made fuzzy by a
    source edit in the same run keeps the record (the original is compared
    with the merge result, so the change is written).
    """
    if existing is None or not any(record_review(copy.deepcopy(m), stamp) for m in existing.entries()):
        return existing
    marked = copy.deepcopy(existing)
    for message in marked.entries():
        record_review(message, stamp)
    return marked


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


def build(project: Project, languages: tuple[str, ...] | None = None, force: bool = False, dry_run: bool = False,
          slugs: Sequence[str] = (), no_fallback: bool = False) -> list[EditionReport]:
    """Build Markdown, HTML and MO for every language and document (or the articles ``slugs`` names).

    An edition below the threshold is refused (reported, not built) and
    does not stop the others; with ``no_fallback`` (or ``tool.l10n.no_fallback``)
    so is one with any segment left in the source language, for the publishing step.

    Every catalog is read and every edition made in memory before the first
    write, so bad input in any language (the last one too) leaves ``build/``
    untouched.
    """
    config = project.config
    documents = select_documents(project, slugs)
    catalogs = {}
    for lang in languages or config.languages:
        for document in documents:
            path = config.po_path(lang, document.slug)
            if not path.exists():
                raise CatalogError(f"no catalog for {lang}; run `l10n update` first", config.relative(path))
            catalogs[lang, document.slug] = read_po(path, shown=config.relative(path))
            for target in _edition_paths(config, lang, document.slug):
                config.writable(target)
    editions = [
        _build_one(project, document, lang, catalogs[lang, document.slug], force, no_fallback or config.no_fallback)
        for lang in languages or config.languages
        for document in documents
    ]
    if not dry_run:
        for _, outputs in editions:
            for target, data in outputs:
                write_bytes(target, data)
    return [report for report, _ in editions]


def _build_one(project: Project, document: Document, lang: str, catalog: Catalog, force: bool,
               no_fallback: bool) -> tuple[EditionReport, list[tuple[Path, bytes]]]:
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
    edition = render_markdown(document, translations, lang, typeset=typesetter(lang, config.uk_apostrophe),
                              source_lang=config.source_language)
    report.fallback = len(edition.fallback)
    report.fallbacks = _fallbacks(document, catalog, config.relative(path), edition.fallback)
    if report.fallback and no_fallback:
        report.built = False
        report.reason = f"{report.fallback} segment(s) would show in the source language (--no-fallback)"
        return report, []
    page = render_html(edition, edition_title(document, translations))
    contents = (edition.markdown.encode("utf-8"), page.encode("utf-8"), format_mo(catalog))
    outputs = list(zip(_edition_paths(config, lang, document.slug), contents))
    report.files = [config.relative(target) for target, _ in outputs]
    return report, outputs


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


def pretranslate(
    project: Project, engine_for: Any, languages: tuple[str, ...] | None = None, *,
    overwrite_mt: bool = False, dry_run: bool = False, progress: Any = None, slugs: Sequence[str] = (),
) -> list[Any]:
    """Pretranslate every language's catalogs (or the articles ``slugs`` names); one report per language.

    Translation memory reads every catalog of the language; only the chosen
    articles' catalogs are filled and written.
    """
    config = project.config
    select_documents(project, slugs)
    reports = []
    with project_lock(config.root):
        for path in config.catalogs(languages):  # all must read before any is written
            read_po(config.writable(path), shown=config.relative(path))
        for lang in languages or config.languages:
            reports.append(_pretranslate_one(project, lang, engine_for, overwrite_mt, dry_run, progress, slugs))
    return reports


def _pretranslate_one(project: Project, lang: str, engine_for: Any, overwrite_mt: bool, dry_run: bool, progress: Any,
                      slugs: Sequence[str]) -> Any:
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
