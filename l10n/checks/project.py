"""``l10n check`` as a library call: which catalogs, which glossary, which minimum.

Inside a project (a ``pyproject.toml`` with ``[tool.l10n]`` above the current
directory) the project comes from ``pipeline.load_project``, as for every
other command: every language's catalogs, its glossary, ``check_threshold``.
Outside one, catalogs named on the command line are still checked, with no
glossary and a 100% minimum, so the hook works on any repository holding PO files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import ConfigError
from .runner import CheckOptions, CheckResult, check_catalogs

if TYPE_CHECKING:
    from ..pipeline import Project


def catalog_files(config: Config | None, paths: list[Path], languages: tuple[str, ...] = (),
                  slugs: tuple[str, ...] = ()) -> list[tuple[Path, str]]:
    """``(path, shown name)`` of the catalogs to check; folders are searched for ``*.po``.

    ``slugs`` (inside a project) add those articles' catalogs in every chosen
    language; with neither paths nor slugs, every catalog of the project.
    """
    files: list[Path] = []
    if slugs and config is not None:
        chosen = [config.po_path(lang, slug) for slug in slugs for lang in languages or config.languages]
        files = [path for path in chosen if path.exists()]
    elif not paths:
        if config is None:
            raise ConfigError("no catalogs named and no pyproject.toml with [tool.l10n] here or above")
        files = config.catalogs(languages or None)
    files += [found for path in paths for found in (sorted(path.rglob("*.po")) if path.is_dir() else [path])]
    return [(path, config.relative(path) if config else str(path)) for path in files]


def run_check(
    project: Project | None,
    paths: list[Path],
    *,
    languages: tuple[str, ...] = (),
    minimum: float | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    slugs: tuple[str, ...] = (),
    jobs: int | None = None,
) -> CheckResult:
    """Check the named catalogs (or the project's) with the project's glossary and threshold."""
    config = project.config if project is not None else None
    default = config.check_threshold if config is not None else 100.0
    options = CheckOptions(
        terms=tuple(project.terms) if project is not None else (),
        minimum=default if minimum is None else minimum,
        select=select,
        ignore=ignore,
        languages=languages,
    )
    if jobs is None:
        jobs = config.jobs if config is not None else 0
    return check_catalogs(catalog_files(config, paths, languages, slugs), options, jobs=jobs)
