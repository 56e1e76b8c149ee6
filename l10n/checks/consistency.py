"""The Ukrainian and Russian editions must say the same thing.

Each translation is checked against the English source on its own; comparing
the two with each other catches what those checks cannot see: a number the
source spells out ("seventy thousand") written 70 000 in one edition and
7 000 in the other, a URL or a glossary term one edition carries and the
other dropped under a per-entry ``l10n-ignore``. The finding is reported on
the second catalog and names the first, so both are a click away.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from .base import Side, register
from .glossary import renders
from .numbers import DIGIT_RE, numbers


@register("cross-language", "warning", "cross")
def check_cross_language(first: Side, second: Side) -> Iterator[str]:
    """Translations of one segment into different languages carry different numbers, URLs or glossary terms."""
    there = f"{first.ctx.lang} ({first.path}:{first.unit.message.lineno or 1})"
    here = second.ctx.lang
    a, b = first.unit.target, second.unit.target
    if DIGIT_RE.search(a.plain) or DIGIT_RE.search(b.plain):
        left = numbers(a.plain, first.ctx.lang or "en")
        right = numbers(b.plain, second.ctx.lang or "en")
        if {n.value for n in left} != {n.value for n in right}:
            yield f"numbers differ: {there} has {_listed(n.spelling for n in left)}, {here} has {_listed(n.spelling for n in right)}"
    if a.urls != b.urls and Counter(a.urls) != Counter(b.urls):
        yield f"URLs differ: {there} has {_listed(a.urls)}, {here} has {_listed(b.urls)}"
    left_terms, right_terms = _rendered(first), _rendered(second)
    if left_terms != right_terms:
        yield f"glossary terms differ: {there} has {_listed(sorted(left_terms))}, {here} has {_listed(sorted(right_terms))}"


def _rendered(side: Side) -> set[str]:
    """Source terms this side's translation renders."""
    lang = side.ctx.lang
    if lang is None:
        return set()
    terms = side.ctx.glossary.find(side.unit.source.plain)
    return {t.source for t in terms if lang in t.targets and renders(t, lang, side.unit.target.plain)}


def _listed(items: Iterable[object]) -> str:
    return "[" + ", ".join(map(str, items)) + "]"
