"""Numbers written in words, in English, Ukrainian and Russian (the only module with number-word tables).

"eight", "twenty-five", "three hundred", "two million" and the scale of
"1.5 million" are read as values, so the numbers checks can compare a source
that spells a number with a translation that spells or writes it
(«вісім», «вісьмома», «восьмеро», «двадцять п'ять», «1,5 мільйона», «2 млн»).

The Ukrainian and Russian words come from num2words (cardinals 0–19, the
tens, the hundreds, the scales), the collectives («двоє», «семеро», «трое»)
and «півтора» / «полтора» from the table below; any case form is reduced to
those lemmas by :mod:`l10n.morphology` (pymorphy3), so «восьми», «вісьмох»,
«трьохсот» and «мільйона» are known.

Left out on purpose, because they are more often not a count:

- the English "one" standing alone ("one of the", "a one-off", "in one
  piece") and «один» / «одна» standing alone (also a pronoun, "alone", "the
  same"); "one" still counts inside a number ("twenty-one", "one hundred");
- "zero", mostly an adjective in English ("zero-cost", "zero tolerance");
- plurals of scales used as "many" ("hundreds of", «тисячі людей» is read as
  1,000 only when a number precedes it or it stands for "a thousand");
- ordinals ("first", "second", «перший», «другий»): "at first", "second"
  the unit of time and "first-ever" are idioms, dates spell days as
  ordinals, and translations write them as digits with a suffix («2-й»);
  comparing them would raise more false alarms than it catches errors.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

EN_UNITS = {word: n for n, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen".split(), 1)}
EN_TENS = {word: 10 * n for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_COLLECTIVES: dict[str, dict[str, int | Decimal]] = {
    "uk": {"двоє": 2, "обидва": 2, "обоє": 2, "обидві": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6,
           "семеро": 7, "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10, "півтора": Decimal("1.5")},
    "ru": {"двое": 2, "оба": 2, "обе": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
           "восьмеро": 8, "девятеро": 9, "десятеро": 10, "полтора": Decimal("1.5")},
}
_ABBREVIATIONS = {
    "uk": {"тис": 1000, "млн": 10**6, "млрд": 10**9, "трлн": 10**12},
    "ru": {"тыс": 1000, "млн": 10**6, "млрд": 10**9, "трлн": 10**12},
}
# English words that say a number :func:`numerals` gives no value: a translation
# may write it in digits ("a dozen" → 12, "the third" → «3-й», "one" → 1).
_UNCOUNTED_RE = re.compile(
    r"\b(?:zero|one|hundreds|thousands|millions|billions|trillions|dozens?|half|once|twice|single|double|triple"
    r"|pair|couple|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|\w+ieth|hundredth|thousandth|millionth|billionth)\b",
    re.IGNORECASE,
)
_EN_WORDS = frozenset((*EN_UNITS, *EN_TENS, *EN_SCALES))
_LATIN_RUN = re.compile("[a-z]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_APOSTROPHES = "'ʼ’"
_WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*|\d+(?:[.,]\d+)?")
_JOINER = re.compile(r"[ \u00a0\u202f-]+")  # what may part the words of one number ("twenty-five")


@dataclass(frozen=True)
class Numeral:
    """A number said with words at ``text[start:end]``.

    ``multiplier`` is True for a scale word that follows digits ("1.5
    million", «2 млн»): ``value`` is then the scale, and the caller, who
    reads the digits with the right locale, multiplies.
    """

    value: Decimal
    start: int
    end: int
    multiplier: bool = False


@functools.cache
def _local_words(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """Lemma → value for ``lang``'s numbers (num2words) and its scales, abbreviations included."""
    from num2words import num2words

    plain = {num2words(n, lang=lang): n for n in (*range(20), *range(20, 100, 10), *range(100, 1000, 100))}
    scales = {num2words(scale, lang=lang).split()[-1]: scale for scale in (1000, 10**6, 10**9, 10**12)}
    return {k.replace("ʼ", "'"): v for k, v in plain.items()}, {**scales, **_ABBREVIATIONS[lang]}


def _english(word: str) -> tuple[str, int] | None:
    lower = word.lower()
    if lower in EN_UNITS:
        return "unit", EN_UNITS[lower]
    if lower in EN_TENS:
        return "unit", EN_TENS[lower]
    if lower in EN_SCALES:
        return "scale", EN_SCALES[lower]
    return None


def _local(word: str, lang: str) -> tuple[str, Decimal] | None:
    from .morphology import for_language

    lower = word.lower().replace("ʼ", "'").replace("’", "'")
    if not "\u0400" <= lower[0] <= "\u04ff":
        return None  # a Latin word is no uk or ru numeral (and pymorphy3 need not guess it)
    table, scales = _local_words(lang)
    if lower in scales:
        return "scale", Decimal(scales[lower])
    lemmas = {lower} | set(for_language(lang).lemmas(lower))
    for lemma in sorted(lemmas):
        if lemma in _COLLECTIVES[lang]:
            return "unit", Decimal(_COLLECTIVES[lang][lemma])
        if lemma in table:
            return "unit", Decimal(table[lemma])
        if lemma in scales:
            return "scale", Decimal(scales[lemma])
    return None


def says_uncounted(plain: str) -> bool:
    """Whether English ``plain`` says a number in words that :func:`numerals` gives no value ("a dozen", "twice")."""
    return _UNCOUNTED_RE.search(plain) is not None


def numerals(plain: str, lang: str) -> tuple[Numeral, ...]:
    """The numbers ``plain`` says with words, in ``lang`` (``en``, ``uk`` or ``ru``; others have none)."""
    if lang == "en":
        maybe = not _EN_WORDS.isdisjoint(_LATIN_RUN.findall(plain.lower()))
    else:
        maybe = lang in _COLLECTIVES and _CYRILLIC.search(plain) is not None
    return _numerals(plain, lang) if maybe else ()  # most texts say no number in words


@functools.lru_cache(maxsize=1 << 14)
def _numerals(plain: str, lang: str) -> tuple[Numeral, ...]:
    found: list[Numeral] = []
    run: list[tuple[re.Match[str], str, Decimal]] = []
    previous: re.Match[str] | None = None
    for match in _WORD_RE.finditer(plain):
        word = match.group(0)
        joined = previous is not None and _JOINER.fullmatch(plain[previous.end():match.start()]) is not None
        if lang == "en" and word.lower() == "and" and joined and run and run[-1][1] == "scale":
            previous = match  # "one hundred and five": the run goes on over "and"
            continue
        reading = None if word[0].isdigit() else _read(word, lang)
        if run and not (reading and joined and _continues(run[-1][1:], reading)):
            found.extend(_close(run, plain, lang))
            run = []
        if reading and not run and reading[0] == "scale" and joined and previous and previous.group(0)[0].isdigit():
            found.append(Numeral(reading[1], match.start(), match.end(), multiplier=True))
        elif reading:
            run.append((match, *reading))
        previous = match
    found.extend(_close(run, plain, lang))
    return tuple(found)


def _continues(last: tuple[str, Decimal], reading: tuple[str, Decimal]) -> bool:
    """Whether a number word may follow ``last`` in one number: "twenty-five", «триста сорок», "two million"."""
    (last_kind, last_value), (kind, value) = last, reading
    if kind == "scale":
        return last_kind == "unit" or last_value < value
    if last_kind == "scale":
        return True
    if last_value >= 100 and last_value % 100 == 0:
        return value < 100
    return 20 <= last_value < 100 and last_value % 10 == 0 and 0 < value < 10


def _read(word: str, lang: str) -> tuple[str, Decimal] | None:
    if lang == "en":
        english = _english(word)
        return None if english is None else (english[0], Decimal(english[1]))
    return _local(word, lang)


def _close(run: list[tuple[re.Match[str], str, Decimal]], plain: str, lang: str) -> list[Numeral]:
    """The value of a run of number words; a lone "one" / «один» is not a count."""
    if not run:
        return []
    if len(run) == 1 and run[0][2] == 1 and run[0][1] == "unit":
        return []
    if len(run) == 1 and run[0][1] == "scale" and not _singular_scale(run[0][0], plain, lang):
        return []
    total, current = Decimal(0), Decimal(0)
    for _, kind, value in run:
        if kind == "unit":
            current += value
        elif value == 100:
            current = (current or 1) * value
        else:
            total += (current or 1) * value
            current = Decimal(0)
    return [Numeral((total + current).normalize(), run[0][0].start(), run[-1][0].end())]


def _singular_scale(match: re.Match[str], plain: str, lang: str) -> bool:
    """Whether a scale word alone means one of it: "a million", «мільйон» (not "millions of", «тисячі»)."""
    word = match.group(0).lower()
    if lang == "en":
        return plain[max(0, match.start() - 2):match.start()].lower() == "a " or plain[:match.start()].strip() == ""
    return word in _local_words(lang)[1]
