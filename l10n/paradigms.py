"""How names the dictionaries do not know decline: the one table of endings.

pymorphy3 knows the common surnames and places, and guesses the rest from
the endings of words it knows. For surnames the guess is often wrong: it
takes «Сирський» for a first name («Сирськия»), «Плетенчук» for a woman's
indeclinable name, «Тенякова» for an adjective, and Russian «Синегубов» for
a plural genitive of «синегуб». Surnames and place names decline by their
ending, though, and the grammars list those endings; this table is that list,
for Ukrainian and Russian separately (uk «Синєгубову» and «Синєгубові» for
the dative, and a vocative «Синєгубове»; ru only «Синегубову»).

Each row is ``gender | endings | cut | gent | datv | accs | ablt | loct
[| voct]``: the row applies to a nominative ending in one of ``endings``
(the longest ending wins) when the name's gender is ``gender`` (``any``
for both); ``cut`` letters come off before the case endings; alternatives
are separated by spaces, and the first is the one to write. ``fixed`` marks
names that do not decline (a woman's «Плетенчук», Russian «Федиенко»).
Only :mod:`l10n.morphology` asks this module, for words its dictionary lacks.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# Forms are lowercase, apostrophes as U+0027, like the words they are compared with.
_PEOPLE = {
    "uk": """
        masc | ов ев єв ін їн ин                     | 0 | а   | у і    | а   | им | і у     | е
        masc | ий                                    | 2 | ого | ому    | ого | им | ому ім  | ий
        masc | ко                                    | 1 | а   | ові у  | а   | ом | ові у   | у
        masc | к г х                                 | 0 | а   | ові у  | а   | ом | ові у   | у
        masc | ч ш щ ж                               | 0 | а   | еві у  | а   | ем | еві у   | у
        masc | б в д з л м н п р с т ф               | 0 | а   | ові у  | а   | ом | ові і у | е
        masc | ь                                     | 1 | я   | еві ю  | я   | ем | еві ю   | ю
        masc | й                                     | 1 | я   | єві ю  | я   | єм | єві ю   | ю
        femn | ова ева єва іна їна ина ська цька зька | 1 | ої  | ій     | у   | ою | ій      | а
        femn | б в г д ж з к л м н п р с т ф х ц ч ш щ й ь о ко | fixed
        any  | а                                     | 1 | и   | і      | у   | ою | і       | о
        any  | га                                    | 2 | ги  | зі гі  | гу  | гою | зі гі  | го
        any  | ка                                    | 2 | ки  | ці кі  | ку  | кою | ці кі  | ко
        any  | ха                                    | 2 | хи  | сі хі  | ху  | хою | сі хі  | хо
        any  | я                                     | 1 | і   | і      | ю   | ею | і       | е
    """,
    "ru": """
        masc | ов ев ёв ин ын                        | 0 | а   | у      | а   | ым | е
        masc | ский цкий кий гий хий                 | 2 | ого | ому    | ого | им | ом
        masc | ый ой                                 | 2 | ого | ому    | ого | ым | ом
        masc | к г х б в д з л м н п р с т ф         | 0 | а   | у      | а   | ом | е
        masc | ч ш щ ж                               | 0 | а   | у      | а   | ем | е
        masc | ь й                                   | 1 | я   | ю      | я   | ем | е
        femn | ова ева ёва ина ына                   | 1 | ой  | ой     | у   | ой | ой
        femn | ая                                    | 2 | ой  | ой     | ую  | ой | ой
        femn | б в г д ж з к л м н п р с т ф х ц ч ш щ й ь | fixed
        any  | о                                     | fixed
        any  | а                                     | 1 | ы   | е      | у   | ой | е
        any  | га ка ха жа ча ша ща                  | 1 | и   | е      | у   | ой | е
        any  | я                                     | 1 | и   | е      | ю   | ей | е
    """,
}

# Place names shaped like neuter adjectives (uk «Курахове», «Рубіжне») or, in
# Russian, neuter nouns in -о that the press also leaves undeclined («в Шебекино»).
_PLACES = {
    "uk": """
        any  | ове еве єве іне ине не                | 1 | ого | ому    | е   | им | ому ім  | е
    """,
    "ru": """
        any  | ово ево ёво ино ыно                   | 1 | а о | у о    | о   | ом о | е о
    """,
}

_CASES = {"uk": ("gent", "datv", "accs", "ablt", "loct", "voct"), "ru": ("gent", "datv", "accs", "ablt", "loct")}


@dataclass(frozen=True)
class Paradigm:
    """The singular forms of one name, case by case (lowercase).

    ``forms`` pairs each case with its spellings, the one to write first.
    """

    forms: tuple[tuple[str, tuple[str, ...]], ...]

    def inflect(self, case: str) -> str | None:
        """The form to write for ``case``, or None if the paradigm lacks it."""
        return next((spellings[0] for name, spellings in self.forms if name == case and spellings), None)

    def cases_of(self, word: str) -> frozenset[str]:
        """The cases ``word`` (lowercase) is a form of; empty if it is none."""
        return frozenset(name for name, spellings in self.forms if word in spellings)

    def __contains__(self, word: object) -> bool:
        return any(word in spellings for _, spellings in self.forms)


@dataclass(frozen=True)
class _Row:
    gender: str
    endings: tuple[str, ...]
    cut: int
    cases: tuple[tuple[str, ...], ...] | None  # None: the name does not decline


def decline(lang: str, word: str, gender: str | None, kind: str) -> Paradigm | None:
    """The paradigm of ``word`` (a lowercase nominative) from the table.

    ``kind`` is ``person`` or ``place`` (other kinds have no rows);
    ``gender`` is ``masc``, ``femn`` or None (unknown: a man's forms, which
    include the nominative a woman's undeclined name keeps). None when no row
    fits: the caller asks pymorphy3's guesser instead.
    """
    row = _row(lang, word, gender or "masc", kind)
    if row is None:
        return None
    if row.cases is None:
        return Paradigm((("nomn", (word,)), *((case, (word,)) for case in _CASES[lang])))
    stem = word[: len(word) - row.cut]
    forms: list[tuple[str, tuple[str, ...]]] = [("nomn", (word,))]
    for case, endings in zip(_CASES[lang], row.cases, strict=True):
        forms.append((case, tuple(stem + ending for ending in endings)))
    return Paradigm(tuple(forms))


def gender_of(lang: str, word: str) -> str | None:
    """``femn`` or ``masc`` when the ending of a surname tells, else None.

    «Тенякова», «Кравчинська» are women's names, «Синєгубов», «Сирський» men's;
    «Плетенчук» or «Федієнко» may be either: the longer ending decides, a tie
    tells nothing.
    """
    best: dict[str, int] = {}
    for row in _matching(lang, word, "person"):
        length = max(len(e) for e in row.endings if word.endswith(e))
        best[row.gender] = max(best.get(row.gender, 0), length)
    masc, femn = best.get("masc", 0), best.get("femn", 0)
    return "masc" if masc > femn else "femn" if femn > masc else None


def _row(lang: str, word: str, gender: str, kind: str) -> _Row | None:
    fitting = [row for row in _matching(lang, word, kind) if row.gender in (gender, "any")]
    return max(fitting, key=lambda row: max(len(e) for e in row.endings if word.endswith(e)), default=None)


def _matching(lang: str, word: str, kind: str) -> list[_Row]:
    return [row for row in _rows(lang, kind) if any(word.endswith(e) and len(word) > len(e) for e in row.endings)]


@functools.cache
def _rows(lang: str, kind: str) -> tuple[_Row, ...]:
    table = {"person": _PEOPLE, "place": _PLACES}.get(kind, {}).get(lang, "")
    rows = []
    for line in table.strip().splitlines():
        gender, endings, *rest = (cell.strip() for cell in line.split("|"))
        if rest == ["fixed"]:
            rows.append(_Row(gender, tuple(endings.split()), 0, None))
        else:
            cut, *cases = rest
            rows.append(_Row(gender, tuple(endings.split()), int(cut), tuple(tuple(c.split()) for c in cases)))
    return tuple(rows)
