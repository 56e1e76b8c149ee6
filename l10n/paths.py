"""The catalog path convention: the only module that knows where a language's catalogs live.

A catalog of ``slug`` in language ``lang`` is ``<locales>/<lang>/LC_MESSAGES/<slug>.po``
(its MO file the same under ``build/``). This module maps that path both ways,
gives the key that groups one document's catalogs across languages, and lists a
project's catalogs; :class:`l10n.config.Config`, ``pipeline`` and the checks ask it.
"""

from __future__ import annotations

import re
from pathlib import Path

MESSAGES_DIR = "LC_MESSAGES"
_LANG = r"[a-z]{2,3}(?:[_@-][A-Za-z0-9]+)?"
_CATALOG_RE = re.compile(rf"(?:^|/)({_LANG})/{MESSAGES_DIR}/([^/]+)$")


def catalog_path(base: Path, lang: str, slug: str, suffix: str = ".po") -> Path:
    """``base/<lang>/LC_MESSAGES/<slug><suffix>``: a PO catalog, or its MO file under build/."""
    return base.joinpath(lang, MESSAGES_DIR, f"{slug}{suffix}")  # one Path made, not three (a build makes 16,000)


def language_folder(base: Path, lang: str) -> Path:
    return base / lang / MESSAGES_DIR


def split_catalog_path(path: str) -> tuple[str, str] | None:
    """``…/uk_UA/LC_MESSAGES/x.po`` → ``("uk_UA", "x")``; None when the path does not follow the convention."""
    match = _CATALOG_RE.search(path.replace("\\", "/"))
    return (match.group(1), Path(match.group(2)).stem) if match else None


def document_key(path: str) -> str:
    """``locales/uk/LC_MESSAGES/x.po`` and ``locales/ru/…/x.po`` share ``locales/*/…/x.po``."""
    posix = path.replace("\\", "/")
    match = _CATALOG_RE.search(posix)
    if not match:
        return posix
    return posix[: match.start(1)] + "*" + posix[match.end(1):]


def language_catalogs(locales_dir: Path, languages: tuple[str, ...]) -> list[Path]:
    """Every PO catalog of the languages, language by language, sorted by name."""
    return [path for lang in languages for path in sorted(language_folder(locales_dir, lang).glob("*.po"))]
