"""Project-level steps over a Config: extract, update, pretranslate (and build, from ``l10n.editions``).

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
from typing import TYPE_CHECKING

from .cache import StepCache, state
from .catalog import build_template, merge, now_stamp, same_content
from .config import Config
from .editions import EditionReport, Fallback, build
from .files import write_text
from .header import HeaderInfo, template_header
from .lock import project_lock
from .model import Catalog, Document
from .parallel import ordered_map
from .pofile import read_po
from .powriter import format_po
from .project import (
    Project,
    Segmented,
    jobs_for,
    load_project,
    select_documents,
    select_slugs,
    step_inputs,
)
from .provenance import record_review, unrecorded_review

if TYPE_CHECKING:
    from .engines import EngineFactory, Progress
    from .pretranslate import LanguageReport

__all__ = ["EditionReport", "Fallback", "Project", "WriteReport", "build", "extract", "load_project", "pretranslate",
           "select_documents", "select_slugs", "update"]


@dataclass
class WriteReport:
    """Which files a step wrote (or would write, with dry_run)."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, path: str, changed: bool) -> None:
        (self.changed if changed else self.unchanged).append(path)


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


def extract(project: Project, dry_run: bool = False, jobs: int | None = None) -> WriteReport:
    """Write ``locales/<slug>.pot`` for every document (under the project lock); unchanged ones are skipped."""
    with project_lock(project.config.root):
        return _run_step(project, "extract", project.slugs, (), dry_run, jobs_for(project, jobs))


def update(project: Project, languages: tuple[str, ...] | None = None, dry_run: bool = False,
           slugs: Sequence[str] = (), jobs: int | None = None) -> WriteReport:
    """Extract, then create or merge every language's PO catalogs (only the articles ``slugs`` names, if any)."""
    chosen = select_slugs(project, slugs)
    with project_lock(project.config.root):
        return _run_step(project, "update", chosen, languages or project.config.languages, dry_run,
                         jobs_for(project, jobs))


def _step_paths(config: Config, slug: str, languages: tuple[str, ...]) -> list[Path]:
    """The files one document's extract (no languages) or update writes: its POT, then each PO."""
    return [config.pot_path(slug), *(config.po_path(lang, slug) for lang in languages)]


def _step_state(project: Project, step: str, slug: str, languages: tuple[str, ...]) -> str:
    """The cache digest of one document's extract (no languages) or update: its inputs and the files it writes, as they are now."""
    return state(step_inputs(project, step, slug, ",".join(languages)), _step_paths(project.config, slug, languages))


def _run_step(project: Project, step: str, slugs: list[str], languages: tuple[str, ...], dry_run: bool,
              jobs: int) -> WriteReport:
    """Extract or update the documents ``slugs``: skip those the cache shows unchanged, compute the
    others (in a process pool when many), then write every output once all are computed, so bad
    input stops a run before any write."""
    config = project.config
    cache = StepCache(config.root, step)
    extracted = cache if step == "extract" else StepCache(config.root, "extract")
    pending = [slug for slug in slugs if cache.fresh(slug, _step_state(project, step, slug, languages)) is None]
    today = date.today().isoformat()
    work = [(slug, languages, today) for slug in pending]
    results = dict(zip(pending, ordered_map(_document_outputs, project, work, jobs), strict=True))
    computed = {slug: outputs for slug, (outputs, _) in results.items()}
    report = WriteReport()
    config.writable_all([path for slug in slugs for path in _step_paths(config, slug, languages)])
    for slug in slugs:
        for path, text in computed.get(slug) or [(path, None) for path in _step_paths(config, slug, languages)]:
            _write(path, text, report, config, dry_run)
    if not dry_run:
        for slug in pending:
            cache.record(slug, _step_state(project, step, slug, languages))
            extracted.record(slug, _step_state(project, "extract", slug, ()))
        for kept in (extracted, cache):
            kept.forget_except(project.slugs)
            kept.save()
        project.keep(segmented for _, segmented in results.values())
    return report


def _write(path: Path, text: str | None, report: WriteReport, config: Config, dry_run: bool) -> None:
    shown = config.relative(path)
    if text is None or dry_run:
        report.record(shown, text is not None)
    else:
        report.record(shown, write_text(path, text))


def _document_outputs(project: Project, job: tuple[str, tuple[str, ...], str]) -> tuple[list[Output], Segmented]:
    """One document's template, merged into each language's catalog (none for extract), as text
    (and the document, when it was segmented now, for the cache).

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
    return outputs, project.segmented_now(slug)


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
