"""``l10n tm export`` / ``l10n tm import``: the project's human translations as TMX."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import TMXError
from .files import write_bytes
from .memory import Unit, units_of
from .model import Catalog
from .pipeline import Project
from .pofile import read_po
from .tmx import format_tmx, imported_units, memory_dir, read_tmx


def _catalogs(project: Project, lang: str) -> list[tuple[str, Catalog]]:
    """The catalogs of ``lang``, each with its project-relative name."""
    config = project.config
    return [(config.relative(path), read_po(path, shown=config.relative(path))) for path in config.catalogs((lang,))]


def human_units(project: Project, lang: str) -> list[Unit]:
    """Every human translation of ``lang`` in the project's catalogs, each (context, source, target) once."""
    return _unique([unit for shown, catalog in _catalogs(project, lang) for unit in units_of(catalog, shown)])


def _unique(units: list[Unit]) -> list[Unit]:
    seen: set[tuple[str | None, str, str]] = set()
    kept = []
    for unit in units:
        if (unit.context, unit.source, unit.target) not in seen:
            seen.add((unit.context, unit.source, unit.target))
            kept.append(unit)
    return kept


def revision_date(catalog: Catalog) -> str | None:
    """The catalog's ``PO-Revision-Date`` as a TMX date in UTC; None while it is the template's placeholder."""
    value = catalog.header_fields().get("PO-Revision-Date", "")
    try:
        moment = datetime.strptime(value, "%Y-%m-%d %H:%M%z")
    except ValueError:
        return None
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def export_tmx(project: Project, lang: str) -> bytes:
    """The TMX of ``lang``; each unit dated by its catalog's last revision, so an unchanged project exports the same bytes."""
    catalogs = _catalogs(project, lang)
    units = _unique([unit for shown, catalog in catalogs for unit in units_of(catalog, shown)])
    dates = {shown: date for shown, catalog in catalogs if (date := revision_date(catalog))}
    return format_tmx(units, project.config.source_language, lang, dates)


@dataclass(frozen=True)
class ImportReport:
    """What ``tm import`` did: where the file went, its units and its conflicts per language.

    A conflict is an imported unit whose source the memory already translates
    otherwise. Memory is looked up in order: the catalogs' human translations,
    then the imported files by name. ``kept`` counts the conflicts in which an
    earlier translation stays; ``overridden`` those in which this file's unit
    comes before a later file's (only with ``overwrite``).
    """

    target: Path
    units: dict[str, int]
    kept: dict[str, int]
    overridden: dict[str, int]


def import_tmx(project: Project, source: Path, dry_run: bool = False, overwrite: bool = False) -> ImportReport:
    """Check ``source`` and copy it to ``locales/memory/``. Nothing written on bad input.

    Without ``overwrite`` nothing a translator's memory holds changes meaning:
    a file of the same name with other content, or units that would come
    before another imported file's different translation, are a TMXError.
    """
    config = project.config
    found = read_tmx(source, config.source_language, str(source))
    if not found:
        raise TMXError("no translation units with a source and a target", str(source))
    target = memory_dir(config.locales_dir) / (source.stem + ".tmx")
    data = source.read_bytes()
    if target.exists() and target.read_bytes() != data and not overwrite:
        raise TMXError(f"{config.relative(target)} exists with other units (--overwrite replaces it)", str(source))
    counts = {lang: _conflicts(project, lang, units, target) for lang, units in sorted(found.items())}
    for lang, (_, overridden) in counts.items():
        if overridden and not overwrite:
            raise TMXError(f"{lang}: {overridden} units would come before other translations of their source in "
                           f"{config.relative(memory_dir(config.locales_dir))}/ (name order; --overwrite lets them)",
                           str(source))
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, data)
    return ImportReport(target, {lang: len(units) for lang, units in sorted(found.items())},
                        {lang: kept for lang, (kept, _) in counts.items()},
                        {lang: overridden for lang, (_, overridden) in counts.items()})


def _conflicts(project: Project, lang: str, units: list[Unit], target: Path) -> tuple[int, int]:
    """(kept, overridden): ``units`` whose source an earlier or a later memory translates otherwise."""
    config = project.config
    shown = config.relative(target)
    imported = imported_units(config.locales_dir, config.root, config.source_language, lang)
    earlier = (human_units(project, lang) if lang in config.languages else []) + [
        u for u in imported if u.origin < shown]
    before, after = _targets(earlier), _targets([u for u in imported if u.origin > shown])
    kept = overridden = 0
    for unit in units:
        if unit.source in before:
            kept += unit.target not in before[unit.source]
        elif unit.source in after:
            overridden += unit.target not in after[unit.source]
    return kept, overridden


def _targets(units: list[Unit]) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    for unit in units:
        known.setdefault(unit.source, set()).add(unit.target)
    return known
