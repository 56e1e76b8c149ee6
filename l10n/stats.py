"""The statistics model: message and word counts of a catalog (``l10n stats``, build thresholds).

Counts follow ``msgfmt --statistics`` for messages and pocount for words;
``to_json`` is the one serialisation ``stats --json`` prints.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import Config
from .inline import PLACEHOLDER_RE
from .pofile import read_po
from .pomodel import Catalog, Completion

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass
class CatalogStats(Completion):
    """Counts for one catalog, as ``msgfmt --statistics`` and pocount give them."""

    path: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0

    def to_json(self) -> dict[str, object]:
        """The record ``stats --json`` prints: every count and the percentage to two places."""
        return {**asdict(self), "percent": round(self.percent, 2)}


def count_words(text: str) -> int:
    """Source words as pocount counts them; inline placeholders are not words."""
    return len(_WORD_RE.findall(PLACEHOLDER_RE.sub(" ", text)))


def catalog_stats(catalog: Catalog, shown: str, words: bool = True) -> CatalogStats:
    """Message counts, and with ``words`` the word counts too (a build's threshold needs only the
    messages, and counting words is most of the cost)."""
    stats = CatalogStats(shown, obsolete=len(catalog.obsolete_entries()))
    for message in catalog.entries():
        state = message.state
        setattr(stats, state, getattr(stats, state) + 1)
        if words:
            key = f"{state}_words"
            setattr(stats, key, getattr(stats, key) + count_words(message.msgid))
    return stats


def files_stats(files: list[tuple[Path, str]]) -> list[CatalogStats]:
    """Statistics of each ``(path, shown name)``: any catalog gettext reads (stats rewrites nothing)."""
    return [catalog_stats(read_po(path, foreign=True, shown=shown), shown) for path, shown in files]


def project_stats(config: Config, slugs: tuple[str, ...] = ()) -> list[CatalogStats]:
    """Statistics of every catalog of the project's languages, or of the articles ``slugs`` names."""
    chosen = [path for path in config.catalogs() if not slugs or path.stem in slugs]
    return files_stats([(path, config.relative(path)) for path in chosen])
