"""Is the catalog done? The share of reviewed translations per catalog.

An edition falls back to English wherever a segment is fuzzy or empty, so the
publishing gate counts only reviewed translations, exactly as ``msgfmt
--statistics`` counts them (a fuzzy entry with an empty msgstr is
untranslated; obsolete entries do not count).
"""

from __future__ import annotations

from collections.abc import Iterator

from .base import Context, LoadedCatalog, register


def counts(loaded: LoadedCatalog) -> dict[str, int]:
    """translated / fuzzy / untranslated, counted exactly as msgfmt counts them."""
    result = dict.fromkeys(("translated", "fuzzy", "untranslated"), 0)
    for message in loaded.catalog.entries():
        result[message.state] += 1
    return result


def percent(tally: dict[str, int]) -> float:
    total = sum(tally.values())
    return 100.0 if total == 0 else 100.0 * tally["translated"] / total


@register("completeness", "error", "catalog")
def check_completeness(loaded: LoadedCatalog, ctx: Context) -> Iterator[tuple[int, str]]:
    """Translated share of the catalog is below the required minimum (fuzzy counts as not done)."""
    tally = counts(loaded)
    share, minimum = percent(tally), ctx.minimum
    if share < minimum:
        yield 1, (
            f"{share:.1f}% translated, below the required {minimum:g}% "
            f"({tally['fuzzy']} fuzzy, {tally['untranslated']} untranslated of {sum(tally.values())})"
        )
