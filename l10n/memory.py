"""Translation memory: human translations indexed once per run, exact and fuzzy lookup.

Only human work is memory: a translated entry (non-empty, not fuzzy) with no
MT/TM provenance comment. Sources, in the order ties are broken: the
catalogs of the language as given (the same catalog first, when the caller
lists it first), then imported TMX files.

Similarity (fuzzy matches, threshold ``FUZZY_THRESHOLD`` = 75%): the
``difflib.SequenceMatcher`` ratio, 2·M / (|a| + |b|), over the *tokens*
(words, numbers, single punctuation marks, placeholders) of the two msgids
after normalisation (case folded), rounded down to a whole percent. Tokens,
as OmegaT scores, not characters: "One here." and "Two here." share 7 of 9
characters (77%) but only 2 of 3 tokens (66%), and a different word is a
different translation. A match scoring 100 after normalisation
but differing in the raw text reports 99: only an identical msgid is exact.
Candidates are pre-filtered by length (the ratio can never exceed
2·min / (|a| + |b|)), then by ``real_quick_ratio`` and ``quick_ratio``,
which are upper bounds of the ratio, so the full comparison runs only on
plausible pairs.

A fuzzy match whose placeholders (``<1>``, ``</1>``, ``<2/>``) differ from
the new source's is skipped: its markup would be wrong for the new text.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from .inline import placeholder_tags
from .model import Catalog, Message
from .provenance import unreviewed_draft

FUZZY_THRESHOLD = 75
_TOKEN_RE = re.compile(r"</?\d+/?>|\w+|[^\w\s]")


@dataclass(frozen=True)
class Unit:
    """One remembered translation and where it came from."""

    source: str
    target: str
    context: str | None
    origin: str


@dataclass(frozen=True)
class Match:
    unit: Unit
    score: int  # 100 = identical msgid

    @property
    def exact(self) -> bool:
        return self.score == 100


def is_human(message: Message) -> bool:
    """Human work: translated, not fuzzy, and no machine or memory draft awaiting review."""
    if message.msgid_plural is not None or message.is_header or message.obsolete:
        return False
    return message.translated and not unreviewed_draft(message)


def units_of(catalog: Catalog, origin: str) -> list[Unit]:
    return [Unit(m.msgid, m.msgstr, m.msgctxt, origin) for m in catalog.entries() if is_human(m)]


def tokens(text: str) -> tuple[str, ...]:
    """What similarity compares: case-folded words, numbers, punctuation marks, placeholders."""
    return tuple(_TOKEN_RE.findall(text.casefold()))


class Memory:
    """An index of units: a dict for exact lookup, length buckets for fuzzy."""

    def __init__(self, units: list[Unit]) -> None:
        self._exact: dict[str, list[Unit]] = {}
        self._fuzzy: list[tuple[tuple[str, ...], Unit]] = []
        seen: set[tuple[str, str]] = set()
        for unit in units:
            self._exact.setdefault(unit.source, []).append(unit)
            if (unit.source, unit.target) not in seen:
                seen.add((unit.source, unit.target))
                self._fuzzy.append((tokens(unit.source), unit))
        self._fuzzy.sort(key=lambda pair: len(pair[0]))

    def __len__(self) -> int:
        return sum(len(units) for units in self._exact.values())

    def lookup(self, msgid: str, msgctxt: str | None = None) -> Match | None:
        """The best match: exact (same context preferred) before fuzzy; best score; first source."""
        exact = self._exact.get(msgid)
        if exact:
            same = [unit for unit in exact if unit.context == msgctxt]
            return Match((same or exact)[0], 100)
        return self._best_fuzzy(msgid)

    def _best_fuzzy(self, msgid: str) -> Match | None:
        key = tokens(msgid)
        if not key:
            return None
        tags = Counter(placeholder_tags(msgid))
        bound = FUZZY_THRESHOLD / 100
        best: Match | None = None
        matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        for candidate, unit in self._fuzzy:
            if 2 * min(len(candidate), len(key)) / (len(candidate) + len(key)) < bound:
                if len(candidate) > len(key):
                    break  # sorted by length: every later candidate is longer still
                continue
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < bound or matcher.quick_ratio() < bound:
                continue
            score = min(int(matcher.ratio() * 100), 99)
            if score < FUZZY_THRESHOLD or Counter(placeholder_tags(unit.source)) != tags:
                continue
            if best is None or score > best.score:
                best = Match(unit, score)
        return best
