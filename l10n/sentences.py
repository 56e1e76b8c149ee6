"""News-aware English sentence splitting over placeholder text.

Segments are what translators, translation memory and the MT engine see, so a
wrong split costs real work: a sentence cut at "U.S." gives two fragments
nobody can translate well, and a quotation cut in half leaves unbalanced «».
The rules here are the ones wire copy needs:

* abbreviations (Mr., St., Gen., Jan.) and dotted initialisms (U.S., U.N.,
  a.m.) never end a sentence, nor do single initials (J. Smith);
* a date or number before the period ("on March 6.") does end one;
* a quotation that holds several sentences stays one segment, as long as the
  block's quotes are balanced (otherwise quotes are ignored);
* an ellipsis or ``?``/``!`` ends a sentence only before a capital;
* inline markup (``<1>…</1>``) is never cut: a split inside a tag pair is
  refused, and tags are transparent to the punctuation rules;
* " -- " dashes never split.
"""

from __future__ import annotations

import re

from .inline import PLACEHOLDER_RE

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov
    pres rev hon mt ft no nos vs approx dept est fig jan feb mar apr jun jul aug sep
    sept oct nov dec e.g i.e cf al ave blvd rd""".split()
)

_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text``.

    Whitespace between sentences belongs to no span; spans never start or end
    with whitespace. Text without a boundary comes back as one span.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for boundary, next_start in _boundaries(text):
        if boundary > start:
            spans.append((start, boundary))
        start = next_start
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def _boundaries(text: str) -> list[tuple[int, int]]:
    """Positions where a sentence ends, with where the next one starts."""
    inside = _protected(text)
    found: list[tuple[int, int]] = []
    for match in re.finditer(r"[.!?…]+", text):
        end = _after_closers(text, match.end())
        if end >= len(text) or not text[end].isspace():
            continue
        next_start = _skip_space(text, end)
        if next_start >= len(text) or inside[end]:
            continue
        if _ends_sentence(text, match.start(), match.group(), next_start):
            found.append((end, next_start))
    return found


def _ends_sentence(text: str, at: int, punct: str, next_start: int) -> bool:
    first = _first_visible(text, next_start)
    if first is None or not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if punct != ".":
        return True
    word = _word_before(text, at)
    if _INITIALISM.match(word + "."):
        return False
    return word.lower().rstrip(".") not in ABBREVIATIONS


def _word_before(text: str, at: int) -> str:
    """The token that the period at ``at`` closes (tags and openers dropped)."""
    head = PLACEHOLDER_RE.sub("", text[:at])
    token = re.split(r"[\s\"'“‘«(\[—–]", head)[-1]
    return token


def _first_visible(text: str, at: int) -> str | None:
    """First character at ``at`` or later that is not a tag or an opener."""
    rest = PLACEHOLDER_RE.sub("", text[at:])
    for char in rest:
        if char not in _OPENERS:
            return char
    return rest[0] if rest else None


def _after_closers(text: str, at: int) -> int:
    while at < len(text):
        tag = PLACEHOLDER_RE.match(text, at)
        if tag and tag.group(0).startswith("</"):
            at = tag.end()
        elif text[at] in _CLOSERS:
            at += 1
        else:
            break
    return at


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _protected(text: str) -> list[bool]:
    """For each index: is it inside a tag pair or (balanced) quotation?

    Placeholders themselves are never protected; between them the answer
    changes only at a quotation mark, so it is filled in runs (this is on
    every segment's path: a character-by-character loop was a tenth of an
    update).
    """
    flags = [False] * (len(text) + 1)
    depth: dict[str, int] = {}
    quotes = _QuoteState(_quotes_balanced(text))
    start = 0
    for tag in PLACEHOLDER_RE.finditer(text):
        quotes.fill(flags, text, start, tag.start(), any(value > 0 for value in depth.values()))
        token = tag.group(0)
        if not token.endswith("/>"):
            depth[tag.group(2)] = depth.get(tag.group(2), 0) + (-1 if token.startswith("</") else 1)
        start = tag.end()
    quotes.fill(flags, text, start, len(text), any(value > 0 for value in depth.values()))
    return flags


_QUOTE_RE = re.compile('["“«”»]')


class _QuoteState:
    """Whether the text between placeholders is inside a quotation (only when its marks balance)."""

    def __init__(self, balanced: bool) -> None:
        self.balanced = balanced
        self.straight = False
        self.curly = 0

    def inside(self) -> bool:
        return self.balanced and (self.straight or self.curly > 0)

    def fill(self, flags: list[bool], text: str, start: int, end: int, tags_open: bool) -> None:
        """Set ``flags[start:end]``: a quotation mark counts for its own index."""
        marks = _QUOTE_RE.finditer(text, start, end) if self.balanced else ()
        for mark in marks:
            at = mark.start()
            flags[start:at] = [tags_open or self.inside()] * (at - start)
            char = text[at]
            if char == '"':
                self.straight = not self.straight
            elif char in "“«":
                self.curly += 1
            else:
                self.curly = max(0, self.curly - 1)
            flags[at] = tags_open or self.inside()
            start = at + 1
        flags[start:end] = [tags_open or self.inside()] * (end - start)


def _quotes_balanced(text: str) -> bool:
    plain = PLACEHOLDER_RE.sub("", text)
    straight = plain.count('"') % 2 == 0
    curly = plain.count("“") == plain.count("”") and plain.count("«") == plain.count("»")
    return straight and curly
