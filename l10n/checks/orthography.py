"""Spelling and typography a reader of the edition notices at once.

The letters ы э ъ ё do not exist in Ukrainian and і ї є ґ do not exist in
Russian: one of them in a translation means text pasted from the other
edition or a machine translation through the wrong model. A Latin letter
inside a Cyrillic word (Latin "A" for Cyrillic «А») breaks search and
spelling; a Latin word left in a Cyrillic sentence is usually an untranslated
one, unless the glossary keeps the term in Latin. Typography: «» are the
quotation marks of both languages, doubled spaces and whitespace or final
punctuation that differ from the source break the rebuilt layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..alphabet import CYRILLIC_RE, LATIN_RE
from ..inline import PLACEHOLDER_RE
from ..words import is_common
from .base import Context, Unit, register

_FOREIGN = {"uk": re.compile(r"[ыэъёЫЭЪЁ]"), "ru": re.compile(r"[іїєґІЇЄҐ]")}
_QUOTED = frozenset({"uk", "ru", "be", "kk"})
_WORD_RE = re.compile(r"\w+")
_LATIN_WORD_RE = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:['’-][A-Za-z]+)*(?![\w'’-])")
_STRAIGHT_RE = re.compile(r"\"|(?:^|(?<=[\s(]))“")
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ \u00a0\u202f]{2,}(?=\S)")
_TAG_END_RE = re.compile(rf"{PLACEHOLDER_RE.pattern}$")
_MARKS = {".": "full stop", "!": "exclamation mark", "?": "question mark", "…": "ellipsis", ":": "colon", ";": "semicolon", ",": "comma"}
_CLOSERS = frozenset("\"'»”“’)]")


@register("foreign-letters", "error", "unit")
def check_foreign_letters(unit: Unit, ctx: Context) -> Iterator[str]:
    """Letters of the other language: ы э ъ ё in Ukrainian, і ї є ґ in Russian."""
    pattern = _FOREIGN.get(ctx.lang or "")
    if pattern is None or pattern.search(unit.target.plain) is None:
        return
    words = sorted({w for w in _WORD_RE.findall(unit.target.plain) if pattern.search(w)})
    yield f"letters that {ctx.lang} does not use: {', '.join(words)}"


@register("mixed-script", "error", "unit")
def check_mixed_script(unit: Unit, ctx: Context) -> Iterator[str]:
    """A word mixes Latin and Cyrillic letters (Latin "A" for Cyrillic «А»)."""
    plain = unit.target.plain
    if not unit.target.cyrillic or LATIN_RE.search(plain) is None:
        return
    mixed = sorted({w for w in _WORD_RE.findall(plain) if LATIN_RE.search(w) and CYRILLIC_RE.search(w)})
    if mixed:
        yield f"word(s) mixing Latin and Cyrillic letters: {', '.join(mixed)}"


@register("latin-words", "warning", "unit")
def check_latin_words(unit: Unit, ctx: Context) -> Iterator[str]:
    """Latin-script words left in a Cyrillic translation (glossary terms kept in Latin excepted).

    Acronyms (NATO, JSON), single letters and words with digits (IPv4) pass:
    they are written in Latin in Ukrainian and Russian too.
    """
    words = [w for w in _latin_words(unit, ctx) if not _english(w)]
    if words:
        yield f"Latin-script word(s) in a Cyrillic text: {', '.join(dict.fromkeys(words))}"


@register("english-words", "error", "unit")
def check_english_words(unit: Unit, ctx: Context) -> Iterator[str]:
    """English dictionary words left untranslated in a Cyrillic translation ("kindergarten").

    The dictionary is Debian's ``wamerican`` list, read through
    ``l10n.words``; a word counts when its lowercase form is listed. Names
    the list lacks in lowercase (Bakhmut, Zelenskiy), acronyms and glossary
    terms kept in Latin (Telegram, Leopard) stay ``latin-words`` warnings.
    """
    words = [w for w in _latin_words(unit, ctx) if _english(w)]
    if words:
        yield f"English word(s) left untranslated: {', '.join(dict.fromkeys(words))}"


def _latin_words(unit: Unit, ctx: Context) -> list[str]:
    """Latin words of a Cyrillic target, acronyms, single letters and glossary Latin terms left out."""
    if not unit.target.cyrillic:
        return []
    keep = ctx.glossary.latin_words
    return [w for w in _LATIN_WORD_RE.findall(unit.target.plain) if len(w) > 1 and not w.isupper() and w not in keep]


def _english(word: str) -> bool:
    """Whether every part of ``word`` (split at hyphens and apostrophes) is a lowercase dictionary word."""
    return all(is_common(part) for part in re.split(r"['’-]", word) if part)


@register("quotes", "warning", "unit")
def check_quotes(unit: Unit, ctx: Context) -> Iterator[str]:
    """Straight or English quotation marks where the language uses «…» (and „…“ inside)."""
    if ctx.lang in _QUOTED and _STRAIGHT_RE.search(unit.target.plain):
        yield f'straight or English quotation marks; {ctx.lang} uses «…» (and „…“ inside them)'


@register("double-space", "warning", "unit")
def check_double_space(unit: Unit, ctx: Context) -> Iterator[str]:
    """Doubled spaces inside the translation that the source does not have."""
    if "  " in unit.target.raw or "\u00a0 " in unit.target.raw or " \u00a0" in unit.target.raw:
        if _DOUBLE_SPACE_RE.search(unit.target.raw) and not _DOUBLE_SPACE_RE.search(unit.source.raw):
            yield "doubled space"


@register("whitespace", "error", "unit")
def check_whitespace(unit: Unit, ctx: Context) -> Iterator[str]:
    """Leading or trailing whitespace differs from the source (it is part of the layout)."""
    source, target = _edges(unit.source.raw), _edges(unit.target.raw)
    for side, before, after in zip(("leading", "trailing"), source, target, strict=True):
        if before != after:
            yield f"{side} whitespace differs from the source: {before!r} → {after!r}"


def _edges(text: str) -> tuple[str, str]:
    """The leading and the trailing whitespace of ``text``."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


@register("end-punctuation", "warning", "unit")
def check_end_punctuation(unit: Unit, ctx: Context) -> Iterator[str]:
    """Final punctuation differs from the source ("..." and "…", a stop inside or outside quotes count as the same)."""
    source, target = ending(unit.source.raw), ending(unit.target.raw)
    if source != target:
        shown = [" and ".join(_MARKS[m] for m in sorted(side)) or "no punctuation" for side in (source, target)]
        yield f"the source ends with {shown[0]}, the translation with {shown[1]}"


def ending(text: str) -> frozenset[str]:
    """The punctuation marks closing ``text``, past closing quotes, brackets and tags.

    ``He said "no."`` and «Він сказав "ні".» both end with a full stop; an
    ellipsis absorbs a stop after it («…».), and "..." is an ellipsis.
    """
    text = text.rstrip().replace("...", "…")
    marks: set[str] = set()
    end = len(text)
    while end:
        char = text[end - 1]
        if char in _MARKS:
            marks.add(char)
        elif char == ">" and (tag := _TAG_END_RE.search(text, 0, end)):
            end = tag.start() + 1
        elif char not in _CLOSERS and not char.isspace():
            break
        end -= 1
    if "…" in marks:
        marks.discard(".")
    return frozenset(marks)
