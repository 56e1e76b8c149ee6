"""Project configuration: ``[tool.l10n]`` in ``pyproject.toml``.

Parsed once into a frozen :class:`Config`; every path of the project
(where POT, PO, MO and edition files live) is asked of it. The catalog
convention itself (``<lang>/LC_MESSAGES/<slug>.po``, both ways) is owned by
:mod:`l10n.paths`, which Config uses. Unknown keys and wrong types are errors that name the key.
``check`` and ``stats`` also work outside a project: :func:`find_project` and
:func:`split_targets` (here, so ``stats`` loads no check) say which project, if any,
and which arguments are its articles.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import ConfigError, UnknownArticle
from .localedata import is_known
from .paths import catalog_path, language_catalogs
from .typography import DEFAULT_APOSTROPHE, UK_APOSTROPHES

FRONT_MATTER_KEYS = ("title", "description", "summary", "author", "publisher")
"""Front-matter fields readers see, translated unless ``front_matter_keys`` says otherwise."""

CONFIG_FILE = "pyproject.toml"
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
SERVER_URL_RE = re.compile(r"^https?://[^/\s?#]+[^\s]*$")
"""A LibreTranslate server address (``tool.l10n.libretranslate_url`` or ``--server``)."""


@dataclass(frozen=True)
class Config:
    """Validated project settings; paths are absolute."""

    root: Path
    source_dir: Path
    locales_dir: Path
    build_dir: Path
    source_language: str = "en"
    languages: tuple[str, ...] = ("uk", "ru")
    glossary: Path | None = None
    threshold: float = 80.0
    check_threshold: float = 100.0
    project: str = "l10n"
    bugs_address: str = ""
    team: str = ""
    teams: tuple[tuple[str, str], ...] = ()
    front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS
    engine: str = "argos"
    libretranslate_url: str | None = None
    libretranslate_concurrency: int = 4
    libretranslate_batch_size: int = 32
    libretranslate_timeout: float = 120.0
    libretranslate_retries: int = 3
    no_fallback: bool = False
    uk_apostrophe: str = DEFAULT_APOSTROPHE
    jobs: int = 0

    def sources(self) -> list[Path]:
        """Every Markdown article of the project, sorted by name."""
        return sorted(self.source_dir.glob("*.md"))

    def source_path(self, slug: str) -> Path:
        return self.source_dir / f"{slug}.md"

    def pot_path(self, slug: str) -> Path:
        return self.locales_dir / f"{slug}.pot"

    def po_path(self, lang: str, slug: str) -> Path:
        return catalog_path(self.locales_dir, lang, slug)

    def mo_path(self, lang: str, slug: str) -> Path:
        return catalog_path(self.build_dir, lang, slug, ".mo")

    def catalogs(self, languages: tuple[str, ...] | None = None) -> list[Path]:
        """Every PO catalog of the languages (all configured ones by default)."""
        return language_catalogs(self.locales_dir, languages or self.languages)

    def edition_path(self, lang: str, slug: str, suffix: str) -> Path:
        return self.build_dir.joinpath(lang, f"{slug}{suffix}")

    def writable(self, path: Path) -> Path:
        """``path`` if it stays inside the project once symlinks are followed."""
        self.writable_all([path])
        return path

    def writable_all(self, paths: Sequence[Path]) -> None:
        """ConfigError naming the first of ``paths`` that leads outside the project once symlinks are followed."""
        for path, resolved in zip(paths, resolved_all(paths), strict=True):
            if resolved != self.root and not resolved.is_relative_to(self.root):
                shown = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)
                raise ConfigError(f"refusing to write outside the project: the path leads to {resolved} (a symlink?)",
                                  shown)

    def relative(self, path: Path) -> str:
        """A path as shown to users and written into ``#:`` references."""
        return self.relative_all([path])[0]

    def relative_all(self, paths: Sequence[Path]) -> list[str]:
        """:meth:`relative` of each path, each folder resolved and named once (a build names 8,000 files)."""
        folders: dict[Path, Path] = {}
        prefixes: dict[Path, str | None] = {}  # resolved folder → its shown name and "/", None outside the project
        shown = []
        for path in paths:
            folder = _resolved_folder(path, folders)
            if folder is None:
                shown.append(_shown(self.root, path, path.resolve()))
                continue
            if folder not in prefixes:
                prefixes[folder] = (None if not folder.is_relative_to(self.root)
                                    else "" if folder == self.root else folder.relative_to(self.root).as_posix() + "/")
            prefix = prefixes[folder]
            shown.append(str(path) if prefix is None else prefix + path.name)
        return shown


def _shown(root: Path, path: Path, resolved: Path) -> str:
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)


def resolved_all(paths: Sequence[Path]) -> list[Path]:
    """Each path as ``Path.resolve()`` gives it, each distinct folder resolved once.

    A build checks and names thousands of files in a few folders, and
    resolve() calls lstat on every component of every path. A last
    component that is a symlink (or ``..``) is still resolved whole, so the
    answer is resolve()'s; nothing is remembered past the call.
    """
    folders: dict[Path, Path] = {}
    result = []
    for path in paths:
        folder = _resolved_folder(path, folders)
        result.append(path.resolve() if folder is None else folder / path.name)
    return result


def _resolved_folder(path: Path, folders: dict[Path, Path]) -> Path | None:
    """``path``'s folder resolved (remembered in ``folders``), or None when the path must be resolved
    whole: its last component is a symlink or ``..``."""
    if path.name in ("", "..") or os.path.islink(path):
        return None
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder


_TYPES: dict[str, type | tuple[type, ...]] = {
    "source_dir": str,
    "locales_dir": str,
    "build_dir": str,
    "source_language": str,
    "languages": list,
    "glossary": str,
    "threshold": (int, float),
    "check_threshold": (int, float),
    "project": str,
    "bugs_address": str,
    "team": str,
    "teams": dict,
    "front_matter_keys": list,
    "engine": str,
    "libretranslate_url": str,
    "libretranslate_concurrency": int,
    "libretranslate_batch_size": int,
    "libretranslate_timeout": (int, float),
    "libretranslate_retries": int,
    "no_fallback": bool,
    "uk_apostrophe": str,
    "jobs": int,
}
ENGINES = ("argos", "libretranslate")
"""Machine-translation engines ``pretranslate`` can use (``tool.l10n.engine``)."""
_ENGINE_KEYS = ("engine", "libretranslate_url", "libretranslate_concurrency", "libretranslate_batch_size",
                "libretranslate_timeout", "libretranslate_retries")
_EDITION_KEYS = ("no_fallback", "uk_apostrophe")
_PATH_KEYS = ("source_dir", "locales_dir", "build_dir", "glossary")


def find_config_file(start: Path) -> Path:
    """Walk up from ``start`` to the first pyproject.toml with ``[tool.l10n]``."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file() and "[tool.l10n]" in candidate.read_text("utf-8", "replace"):
            return candidate
    raise ConfigError(f"no {CONFIG_FILE} with a [tool.l10n] table in {start} or its parents")


def load_config(start: Path | None = None) -> Config:
    """Find, parse and validate the project configuration."""
    path = find_config_file((start or Path.cwd()).resolve())
    shown = path.name  # the project's root is the file's folder: shown relative to it
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        at = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise ConfigError(f"cannot parse: {exc}", shown, int(at.group(1)) if at else None) from None
    table = data.get("tool", {}).get("l10n", {})
    try:
        return parse_config(table, path.parent, shown)
    except ConfigError as error:
        key = re.search(r"tool\.l10n\.(\w+(?:\.\w+)?)", error.message)
        error.line = error.line or (_key_line(path.read_text("utf-8"), key.group(1)) if key else None)
        raise


def find_project(start: Path) -> Config | None:
    """The project configuration above ``start``, or None when there is none.

    A configuration that exists but is broken is still an error: silently
    checking without its glossary would pass what should fail.
    """
    try:
        find_config_file(start.resolve())
    except ConfigError:
        return None
    return load_config(start)


def split_targets(config: Config | None, args: tuple[str, ...]) -> tuple[tuple[str, ...], list[Path]]:
    """``check``/``stats`` arguments as (article slugs, catalog paths).

    Inside a project an argument naming a source article (``source/<slug>.md``)
    is a slug, even if a file of that name exists here; anything else must be
    an existing file or folder, or it is an UnknownArticle.
    """
    known = {path.stem for path in config.sources()} if config is not None else set()
    missing = [arg for arg in args if arg not in known and not Path(arg).exists()]
    if missing:
        raise UnknownArticle(missing, "and no such file")
    return tuple(arg for arg in args if arg in known), [Path(arg) for arg in args if arg not in known]


def _key_line(text: str, key: str) -> int | None:
    """The line of ``key = …`` in the ``[tool.l10n]`` table, for error messages.

    A dotted key (``teams.uk``) is looked up in its own table
    (``[tool.l10n.teams]``) first, then as the line of its parent key.
    """
    parent, _, child = key.partition(".")
    if child:
        table = re.search(rf"(?m)^\[tool\.l10n\.{re.escape(parent)}\][ \t]*$", text)
        line = _assignment_line(text, child, table.end()) if table else None
        if line is not None:
            return line
    table = re.search(r"(?m)^\[tool\.l10n\][ \t]*$", text)
    return _assignment_line(text, parent, table.end()) if table else None


def _assignment_line(text: str, key: str, start: int) -> int | None:
    match = re.compile(rf"(?m)^[ \t]*\"?{re.escape(key)}\"?[ \t]*=").search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def parse_config(table: dict[str, object], root: Path, origin: str) -> Config:
    """Validate a ``[tool.l10n]`` table into a Config rooted at ``root``."""
    _check_types(table, origin)
    root = root.resolve()
    values: dict[str, object] = {"root": root}
    for key in _PATH_KEYS:
        default = {"source_dir": "source", "locales_dir": "locales", "build_dir": "build"}.get(key)
        raw = table.get(key, default)
        values[key] = None if raw is None else _inside(root, str(raw), key, origin)
    for key in ("languages", "front_matter_keys"):
        if key in table:
            values[key] = _strings(table[key], key, origin)
    for key in ("source_language", "project", "bugs_address", "team", "threshold", "check_threshold", "jobs",
                *_ENGINE_KEYS, *_EDITION_KEYS):
        if key in table:
            values[key] = table[key]
    if "teams" in table:
        values["teams"] = _teams(table["teams"], origin)
    config = Config(**values)  # type: ignore[arg-type]
    if config.jobs < 0:
        raise ConfigError("tool.l10n.jobs must be 0 (one process per core for many documents) or more", origin)
    _check_languages(config, origin)
    return config


def _check_types(table: dict[str, object], origin: str) -> None:
    """Every key known, every value of its type (a TOML boolean is no number)."""
    for key, value in table.items():
        expected = _TYPES.get(key)
        if expected is None:
            known = ", ".join(sorted(_TYPES))
            raise ConfigError(f"unknown key tool.l10n.{key} (known: {known})", origin)
        if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
            raise ConfigError(f"tool.l10n.{key} has the wrong type ({type(value).__name__})", origin)


def _strings(items: object, key: str, origin: str) -> tuple[str, ...]:
    """A list-of-strings key (its type already checked to be a list)."""
    assert isinstance(items, list)
    if not all(isinstance(item, str) for item in items):
        raise ConfigError(f"tool.l10n.{key} must be a list of strings", origin)
    return tuple(items)


def _teams(table: object, origin: str) -> tuple[tuple[str, str], ...]:
    """``[tool.l10n.teams]``: a ``Language-Team`` per language code."""
    assert isinstance(table, dict)
    for lang, team in table.items():
        if not isinstance(team, str):
            raise ConfigError(f"tool.l10n.teams.{lang} has the wrong type ({type(team).__name__})", origin)
    return tuple(sorted(table.items()))


def _inside(root: Path, raw: str, key: str, origin: str) -> Path:
    """Resolve a configured path and refuse one that leaves the project."""
    path = (root / raw).resolve()
    if path != root and root not in path.parents:
        raise ConfigError(f"tool.l10n.{key} = {raw!r} points outside the project", origin)
    return path


def _check_languages(config: Config, origin: str) -> None:
    keyed = [("source_language", config.source_language), *(("languages", lang) for lang in config.languages)]
    for key, lang in keyed:
        if not is_known(lang):
            raise ConfigError(f"unknown language code {lang!r} in tool.l10n.{key}", origin)
    unknown = [lang for lang, _ in config.teams if lang not in config.languages]
    if unknown:
        raise ConfigError(f"tool.l10n.teams.{unknown[0]} names a language not in tool.l10n.languages", origin)
    if not 0 <= config.threshold <= 100:
        raise ConfigError("tool.l10n.threshold must be between 0 and 100", origin)
    _check_engine(config, origin)
    if config.uk_apostrophe not in UK_APOSTROPHES:
        allowed = " or ".join(f"{a} (U+{ord(a):04X})" for a in UK_APOSTROPHES)
        raise ConfigError(f"tool.l10n.uk_apostrophe must be {allowed}, not {config.uk_apostrophe!r}", origin)


def _check_engine(config: Config, origin: str) -> None:
    """The engine keys: a known engine, a server URL when it is LibreTranslate, positive sizes."""
    if config.engine not in ENGINES:
        raise ConfigError(f"tool.l10n.engine must be one of {', '.join(ENGINES)}, not {config.engine!r}", origin)
    if config.engine == "libretranslate" and not config.libretranslate_url:
        raise ConfigError("tool.l10n.engine = \"libretranslate\" needs tool.l10n.libretranslate_url", origin)
    url = config.libretranslate_url
    if url is not None and not SERVER_URL_RE.match(url):
        raise ConfigError(f"tool.l10n.libretranslate_url must be an http(s) URL, not {url!r}", origin)
    for key in ("libretranslate_concurrency", "libretranslate_batch_size", "libretranslate_timeout"):
        if getattr(config, key) <= 0:
            raise ConfigError(f"tool.l10n.{key} must be greater than 0", origin)
    if config.libretranslate_retries < 0:
        raise ConfigError("tool.l10n.libretranslate_retries must be 0 or more", origin)


def config_field_names() -> list[str]:
    return [f.name for f in fields(Config)]
