"""``l10n tm export`` / ``l10n tm import``: the project's human translations as TMX."""

from __future__ import annotations

from pathlib import Path

from .errors import TMXError
from .files import write_bytes
from .memory import Unit, units_of
from .pipeline import Project
from .pofile import read_po
from .tmx import format_tmx, memory_dir, read_tmx


def human_units(project: Project, lang: str) -> list[Unit]:
    """Every human translation of ``lang`` in the project's catalogs, each (context, source, target) once."""
    config = project.config
    seen: set[tuple[str | None, str, str]] = set()
    units = []
    for path in config.catalogs((lang,)):
        for unit in units_of(read_po(path, shown=config.relative(path)), config.relative(path)):
            if (unit.context, unit.source, unit.target) not in seen:
                seen.add((unit.context, unit.source, unit.target))
                units.append(unit)
    return units


def export_tmx(project: Project, lang: str, stamp: str | None = None) -> bytes:
    return format_tmx(human_units(project, lang), project.config.source_language, lang, stamp)


def import_tmx(project: Project, source: Path, dry_run: bool = False) -> tuple[Path, dict[str, int]]:
    """Check ``source`` and copy it to ``locales/memory/``; units per language. Nothing written on bad input."""
    config = project.config
    found = read_tmx(source, config.source_language, str(source))
    if not found:
        raise TMXError("no translation units with a source and a target", str(source))
    target = memory_dir(config.locales_dir) / (source.stem + ".tmx")
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, source.read_bytes())
    return target, {lang: len(units) for lang, units in sorted(found.items())}
