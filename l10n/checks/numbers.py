"""Numbers must survive translation by value, written the target's way.

English writes 1,600 and 3.5; Ukrainian and Russian write 1 600 (a space,
U+00A0 or U+202F, or no separator at all) and 3,5. Comparing strings would
fail every correct translation, and "1,600" left in a Ukrainian text reads
as 1.6 there: each side is read with its own locale's symbols from Babel's
CLDR data and the values are compared.

The source may spell a number ("seventy thousand", "a dozen"); then the
translation may use digits for it, so digits the source lacks are only an
error when the source spells no number at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..localedata import format_number, number_symbols, parse_number
from .base import Context, Unit, register

SOURCE_LOCALE = "en"
_SPACES = " \u00a0\u202f\u2009"
_SPACE_RE = re.compile(f"[{_SPACES}]")
DIGIT_RE = re.compile(r"\d")
_SPELLED_RE = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half"
    r"|first|second|third|fourth|fifth|\w+th|once|twice|single|double|triple|pair|couple)\b",
    re.IGNORECASE,
)


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
        found.append(Number(token, value, tuple(p for p in parts if p is not None)))
    return tuple(found)


def values(found: tuple[Number, ...]) -> set[Decimal]:
    """Every value a text may mean, parts of grouped tokens included."""
    return {number.value for number in found} | {part for number in found for part in number.parts}


def spells_numbers(plain: str) -> bool:
    """Whether English ``plain`` spells out a number ("two", "seventy thousand")."""
    return _SPELLED_RE.search(plain) is not None


@register("numbers", "error", "unit")
def check_numbers(unit: Unit, ctx: Context) -> Iterator[str]:
    """Numbers of the source are missing or changed in the translation (compared by value)."""
    source = numbers(unit.source.plain, SOURCE_LOCALE)
    if not source and DIGIT_RE.search(unit.target.plain) is None:
        return
    locale = ctx.lang or SOURCE_LOCALE
    target = numbers(unit.target.plain, locale)
    present, expected = values(target), {number.value for number in source}
    for number in source:
        if number.value not in present and not _idiom(number, unit, locale):
            yield f"number {number.spelling} of the source is missing (written {_local(number.value, locale)} in {locale})"
    extra = [n.spelling for n in target if n.value not in expected and not (n.parts and expected.issuperset(n.parts))]
    if extra and not spells_numbers(unit.source.plain):
        yield f"number(s) not in the source: {', '.join(dict.fromkeys(extra))}"


def _idiom(number: Number, unit: Unit, locale: str) -> bool:
    """Whether the translation says the number with a word: "24 hours" is «доба», «сутки»."""
    for value, english, local in _IDIOMS.get(locale, ()):
        if number.value == value and english.search(unit.source.plain) and local.search(unit.target.plain):
            return True
    return False


def _local(value: Decimal, locale: str) -> str:
    local = format_number(value, locale)
    return str(value) if local is None else local


_EN_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty".split())}
_COLLECTIVES = {"двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "пʼятеро": 5, "шестеро": 6, "семеро": 7,
                "восьмеро": 8, "дев'ятеро": 9, "девʼятеро": 9, "десятеро": 10,
                "пятеро": 5, "девятеро": 9, "двое": 2, "трое": 3, "обоє": 2, "обидва": 2, "оба": 2, "обе": 2}


@functools.cache
def _cardinals(lang: str) -> dict[str, int]:
    """Lemma → value for 2..20 in ``lang`` (num2words), collectives added; 1 is left out («один» is also a pronoun)."""
    from num2words import num2words

    table = {num2words(n, lang=lang): n for n in range(2, 21)}
    return {**table, **_COLLECTIVES}


def spelled_values(plain: str, lang: str) -> set[int]:
    """Values 2..20 spelled out in ``plain``: English words, or uk/ru cardinals in any case."""
    words = re.findall(r"[\w'ʼ’]+", plain.lower())
    if lang == SOURCE_LOCALE:
        return {_EN_WORDS[w] for w in words if w in _EN_WORDS and _EN_WORDS[w] > 1}
    from ..morphology import for_language

    table, morph = _cardinals(lang), for_language(lang)
    found = set()
    for word in words:
        lemmas = {word} | set(morph.lemmas(word))
        found |= {table[lemma] for lemma in lemmas if lemma in table}
    return found


@register("spelled-numbers", "error", "unit")
def check_spelled_numbers(unit: Unit, ctx: Context) -> Iterator[str]:
    """A number spelled out in the source is another number in the translation ("eight" → «семеро»)."""
    if ctx.lang not in ("uk", "ru"):
        return
    source = spelled_values(unit.source.plain, SOURCE_LOCALE)
    if not source:
        return
    digits = {int(n.value) for n in numbers(unit.target.plain, ctx.lang) if n.value == n.value.to_integral_value()}
    target = spelled_values(unit.target.plain, ctx.lang)
    missing = sorted(source - target - digits)
    wrong = sorted(target - source - {int(n.value) for n in numbers(unit.source.plain, SOURCE_LOCALE)})
    if missing and wrong:
        yield f"the source spells {', '.join(map(str, missing))}; the translation says {', '.join(map(str, wrong))}"
