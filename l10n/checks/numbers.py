"""Numbers must survive translation by value, written the target's way.

English writes 1,600 and 3.5; Ukrainian and Russian write 1 600 (a space,
U+00A0 or U+202F, or no separator at all) and 3,5. Comparing strings would
fail every correct translation, and "1,600" left in a Ukrainian text reads
as 1.6 there: each side is read with its own locale's symbols from Babel's
CLDR data and the values are compared.

The source may spell a number ("seventy thousand", "two million"): the
translation may write it in digits (:mod:`l10n.numerals` reads the words).
Digits the source lacks are an error unless the source says a number those
words give no value ("a dozen", "twice", "the third", a lone "one").

Not every number is a quantity. A version (Go 1.14, Python 3.12.1, v0.3.0),
a date (2019-11-08, 11/08/2019), a time (12:30), an identifier (CVE-2024-1234,
issue #1234, port :8080, a commit hash) or a number inside inline code is
copied, not localized: "Go 1.14" stays «Go 1.14» in Ukrainian. Such a token
passes when the translation keeps it verbatim (:class:`Kept`). A number with
a point or a comma that has none of those shapes is read as the source
language reads it only where its nearest word (the one before it, else the
one after) is in Latin script or is «версія» / «версия»: the name in «Go
1.14», «Cargo: 1.6k», English kept as it is. In Cyrillic prose it is a
quantity and follows the locale: «1,600 військових» reads 1.6 and fails. A
changed token is not verbatim and is compared by value (Go 1.14 → «Go
1.15» fails, and so does «Go 1.1» for Go 1.0, read as 1.1, not as 1 and 1).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..localedata import format_number, number_symbols, parse_number
from ..numerals import numerals, says_uncounted
from .base import Context, Unit, register

SOURCE_LOCALE = "en"
_SPACES = " \u00a0\u202f\u2009"
_SPACE_RE = re.compile(f"[{_SPACES}]")
DIGIT_RE = re.compile(r"\d")
# Numbers that are names, not quantities: copied verbatim, never localized.
_IDENTIFIER_RE = re.compile(
    r"`[^`\n]*\d[^`\n]*`"  # inline code left in the text
    r"|\b\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?Z?)?"  # 2019-11-08, 2019-11-08T12:30:00Z
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 11/08/2019
    r"|\b\d{1,2}:\d\d(?::\d\d)?\b"  # 12:30
    r"|\b[A-Z][A-Za-z]*-\d+(?:-\d+)*\b"  # CVE-2024-1234, RFC-7230
    r"|#\d+\b|(?<=\w):\d{2,5}\b"  # issue #1234, port :8080
    r"|\b[vV]\d+(?:\.\d+)*(?:-[\w.]+)?\b"  # v0.3.0, v2
    r"|\b\d+(?:\.\d+){2,}(?:-[A-Za-z][\w.]*)?"  # 1.88.0, 3.12.1, 1.0.0-beta.2
    r"|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b"  # a commit hash
)
_DOTTED_RE = re.compile(r"\d+(?:[.,]\d+)+")  # 1.14, 1,600, 3.5: read differently in uk and ru
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\W\d_]*\Z")
_WORD_AFTER = re.compile(r"[\W\d_]*([^\W\d_]+)")
_READS_AS_SOURCE = re.compile(r"[A-Za-z]+|верс[іи]\w*|реліз\w*|релиз\w*", re.I)  # versions: «версії 1.14»


_IDIOMS = {
    "uk": ((Decimal(24), re.compile(r"\b24[ -]hours?\b"), re.compile(r"\b(?:доб|цілодобов)", re.I)),),
    "ru": ((Decimal(24), re.compile(r"\b24[ -]hours?\b"), re.compile(r"\b(?:сут(?:ки|ок|кам|ками|ках)\b|суточн|круглосуточн)", re.I)),),
}


@functools.cache
def _number_re(locale: str) -> re.Pattern[str]:
    """Number tokens as ``locale`` writes them: grouped, plain, with decimals."""
    group, decimal = _symbols(locale)
    group_class = f"[{_SPACES}]" if group in _SPACES else re.escape(group)
    point = re.escape(decimal)
    return re.compile(rf"(?<![\d.,])\d{{1,3}}(?:{group_class}\d{{3}})+(?:{point}\d+)?(?!\d)|\d+(?:{point}\d+)?")


@functools.cache
def _symbols(locale: str) -> tuple[str, str]:
    symbols = number_symbols(locale) or number_symbols(SOURCE_LOCALE)
    assert symbols is not None  # CLDR always knows the source locale
    return symbols


@functools.lru_cache(maxsize=1 << 14)
def _value(token: str, locale: str) -> Decimal | None:
    value = parse_number(token, locale)
    try:
        return None if value is None else value.normalize()
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class Number:
    """A number token: its spelling, its value, and for "2023 100" its parts."""

    spelling: str
    value: Decimal
    parts: tuple[Decimal, ...] = ()
    start: int = 0


@functools.lru_cache(maxsize=1 << 16)
def numbers(plain: str, locale: str) -> tuple[Number, ...]:
    """The numbers of ``plain`` (code removed) read with ``locale``'s symbols.

    A space-grouped token keeps its parts too: "2023 100" may be one number
    or two, and either reading may be the one the source means.
    """
    if DIGIT_RE.search(plain) is None:
        return ()
    found = []
    for match in _number_re(locale).finditer(plain):
        token = match.group(0)
        value = _value(token, locale)
        if value is None:
            continue
        parts: tuple[Decimal | None, ...] = ()
        if len(token) > 4 and _SPACE_RE.search(token):
            parts = tuple(_value(piece, locale) for piece in _SPACE_RE.split(token))
        found.append(Number(token, value, tuple(p for p in parts if p is not None), match.start()))
    return tuple(found)


def values(found: tuple[Number, ...]) -> set[Decimal]:
    """Every value a text may mean, parts of grouped tokens included."""
    return {number.value for number in found} | {part for number in found for part in number.parts}


@dataclass(frozen=True)
class Kept:
    """A source/target pair with the verbatim non-quantities blanked on both sides.

    ``latin`` are the target's other numbers with a point or a comma in a
    Latin-script context, read as English reads them («Go 1.15» is 1.15,
    not 1 and 15), and blanked in ``target`` too.
    """

    source: str
    target: str
    latin: tuple[Number, ...] = ()


@functools.lru_cache(maxsize=1 << 14)
def kept(source: str, target: str) -> Kept:
    """``source`` and ``target`` without the numbers that are not quantities and that ``target`` keeps verbatim.

    Each token is blanked once on each side, so a version kept once but
    needed twice still leaves one to compare by value.
    """
    if DIGIT_RE.search(target) is None:
        return Kept(source, target)
    tokens = [(m.group(0), True) for m in _IDENTIFIER_RE.finditer(source)]
    rest = _IDENTIFIER_RE.sub(" ", source) if tokens else source
    tokens += [(m.group(0), False) for m in _DOTTED_RE.finditer(rest)]
    for token, identifier in tokens:
        pattern = _verbatim(token)
        for match in pattern.finditer(target):
            if identifier or _latin_context(target, match.start(), match.end()):
                in_source = pattern.search(source)
                if in_source is not None:
                    source = _blank(source, in_source.start(), in_source.end())
                    target = _blank(target, match.start(), match.end())
                break
    latin = [m for m in _DOTTED_RE.finditer(target) if _latin_context(target, m.start(), m.end())]
    for match in latin:
        target = _blank(target, match.start(), match.end())
    return Kept(source, target, tuple(n for m in latin for n in numbers(m.group(0), SOURCE_LOCALE)))


@functools.lru_cache(maxsize=1 << 12)
def _verbatim(token: str) -> re.Pattern[str]:
    """``token`` where it stands alone: not part of a longer number or word."""
    before = r"(?<![\d.,])" if token[0].isdigit() else ""
    after = r"(?!\d|[.,]\d)" if token[-1].isdigit() else ""
    return re.compile(before + re.escape(token) + after)


def _latin_context(text: str, start: int, end: int) -> bool:
    """Whether the word nearest to ``text[start:end]`` (the one before, else the one after) is Latin:
    «Go 1.14», «Cargo: 1.6k», English kept as it is, where a number reads as in English."""
    word = _WORD_BEFORE.search(text, max(0, start - 40), start) or _WORD_AFTER.match(text, end, end + 40)
    return word is not None and _READS_AS_SOURCE.fullmatch(word.group(1)) is not None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


@register("numbers", "error", "unit")
def check_numbers(unit: Unit, ctx: Context) -> Iterator[str]:
    """Numbers of the source are missing or changed in the translation (compared by value)."""
    if DIGIT_RE.search(unit.source.plain) is None and DIGIT_RE.search(unit.target.plain) is None:
        return
    pair = kept(unit.source.plain, unit.target.plain)
    source_text, target_text = pair.source, pair.target
    source = numbers(source_text, SOURCE_LOCALE)
    locale = ctx.lang or SOURCE_LOCALE
    target = numbers(target_text, locale) + pair.latin
    present, expected = values(target), {number.value for number in source}
    for number in source:
        if number.value not in present and not _idiom(number, unit, locale) and not _said(number, source_text, target_text, locale):
            yield f"number {number.spelling} of the source is missing (written {_local(number.value, locale)} in {locale})"
    expected |= said(source_text, SOURCE_LOCALE)  # "seventy thousand" may be 70 000
    extra = [n.spelling for n in target if n.value not in expected and not (n.parts and expected.issuperset(n.parts))
             and expected.isdisjoint(_counted(n, target_text, locale))]
    if extra and not says_uncounted(source_text):
        yield f"number(s) not in the source: {', '.join(dict.fromkeys(extra))}"


def _said(number: Number, source: str, target: str, locale: str) -> bool:
    """Whether the translation says ``number`` another way: in words («два танки»), or "1.5 million" as 1 500 000."""
    scale = _scale_after(source, number, SOURCE_LOCALE)
    value = number.value if scale is None else (number.value * scale).normalize()
    return value in said(target, locale)


def _idiom(number: Number, unit: Unit, locale: str) -> bool:
    """Whether the translation says the number with a word: "24 hours" is «доба», «сутки»."""
    for value, english, local in _IDIOMS.get(locale, ()):
        if number.value == value and english.search(unit.source.plain) and local.search(unit.target.plain):
            return True
    return False


def _local(value: Decimal, locale: str) -> str:
    local = format_number(value, locale)
    return str(value) if local is None else local


def _scale_after(plain: str, number: Number, locale: str) -> Decimal | None:
    """The scale word right after ``number``: "1.5 million" → 1,000,000, «2 млн» → 1,000,000."""
    end = number.start + len(number.spelling)
    for numeral in numerals(plain, locale):
        if numeral.multiplier and numeral.start >= end and plain[end:numeral.start].strip(_SPACES) == "":
            return numeral.value
    return None


def _counted(number: Number, plain: str, locale: str) -> set[Decimal]:
    """What ``number`` may count: its value, or with the scale after it ("2 млн") the product."""
    scale = _scale_after(plain, number, locale) if plain[number.start:].startswith(number.spelling) else None
    return {number.value} if scale is None else {number.value, (number.value * scale).normalize()}


def said(plain: str, locale: str) -> set[Decimal]:
    """Every value ``plain`` says: digits, digits times their scale, numbers in words."""
    found = {n.value for n in numerals(plain, locale) if not n.multiplier}
    for number in numbers(plain, locale):
        scale = _scale_after(plain, number, locale)
        found |= {(number.value * scale).normalize()} if scale else values((number,))
    return found


@register("spelled-numbers", "error", "unit")
def check_spelled_numbers(unit: Unit, ctx: Context) -> Iterator[str]:
    """A number spelled out in the source is another number in the translation ("eight" → «семеро»)."""
    if ctx.lang not in ("uk", "ru") or not numerals(unit.source.plain, SOURCE_LOCALE):
        return
    pair = kept(unit.source.plain, unit.target.plain)
    source_text, target_text = pair.source, pair.target
    source = _spelled_source(source_text, target_text, ctx.lang)
    if not source:
        return
    digits = values(numbers(target_text, ctx.lang) + pair.latin)
    target = said(target_text, ctx.lang) | values(pair.latin)
    missing = source - target - digits
    wrong = target - said(source_text, SOURCE_LOCALE) - values(numbers(source_text, SOURCE_LOCALE))
    if missing and wrong:
        yield f"the source spells {_listing(missing)}; the translation says {_listing(wrong)}"


def _spelled_source(source: str, target: str, lang: str) -> set[Decimal]:
    """The source's numbers in words, and "1.5 million" when the target keeps its 1.5
    (a changed 1.5 is the ``numbers`` check's finding, not a second one here)."""
    found = {n.value for n in numerals(source, SOURCE_LOCALE) if not n.multiplier}
    kept_digits = values(numbers(target, lang))
    for number in numbers(source, SOURCE_LOCALE):
        scale = _scale_after(source, number, SOURCE_LOCALE)
        if scale is not None and number.value in kept_digits:
            found.add((number.value * scale).normalize())
    return found


def _listing(found: set[Decimal]) -> str:
    return ", ".join(format(value, "f") if value == value.to_integral_value() else str(value) for value in sorted(found))
