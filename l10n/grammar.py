"""Which cases a preposition governs: the only preposition → case table.

Checking and enforcement read the same table, so they cannot disagree about
one sentence. :func:`governed` gives every case a preposition can take («під
Бахмутом» ablt, «під Бахмут» accs); morphology narrows a word's readings with
it. :func:`case_for_copy` picks one of them for a name the engine left in
Latin, where there is no Cyrillic ending to read the case from.
"""

from __future__ import annotations

import functools

# Each rule is "cases: prepositions"; the first case listed is the one a name
# most often takes after the preposition in news text (see case_for_copy).
_TABLE = {
    "uk": """loct accs: у в уві на о об | gent ablt accs: з із зі зо | ablt accs: за під поза
        ablt: над перед між поміж | datv loct accs: по | loct: при | accs: про через крізь
        datv: завдяки всупереч наперекір назустріч | gent: до від без для біля коло поблизу
        gent: навколо довкола після серед посеред проти вздовж уздовж замість крім окрім
        gent: протягом щодо з-під з-за""",
    "ru": """loct accs: в во на о об обо | gent ablt accs: с со | ablt accs: за под подо
        ablt: над надо перед передо между | datv loct accs: по | loct: при
        accs: про через сквозь | datv: к ко благодаря согласно вопреки навстречу
        gent: до от из изо без для у около возле вокруг после кроме среди вдоль против
        gent: мимо вместо ради близ внутри вне напротив из-за из-под""",
}


@functools.cache
def _rules(lang: str) -> dict[str, tuple[str, ...]]:
    rules: dict[str, tuple[str, ...]] = {}
    for rule in _TABLE.get(lang, "").replace("\n", "|").split("|"):
        if rule.strip():
            cases, prepositions = rule.split(":")
            rules.update(dict.fromkeys(prepositions.split(), tuple(cases.split())))
    return rules


def governed(lang: str, preposition: str) -> frozenset[str]:
    """Every case ``preposition`` (lowercase) can govern in ``lang``; empty if none."""
    return frozenset(_rules(lang).get(preposition, ()))


# "With" or "from": after these, a person is someone one is with («з
# Гутеррешем», «с Зеленским»), anything else a place one comes from («з
# Києва», «с Украины»).
_WITH_OR_FROM = {"uk": frozenset({"з", "із", "зі", "зо"}), "ru": frozenset({"с", "со"})}


def case_for_copy(lang: str, preposition: str, kind: str | None = None) -> str | None:
    """The case to give a Latin copy of a name right after ``preposition``.

    A Latin word shows no case, so we choose the case names most often take
    after that preposition in news: the first case of its rule. Location
    beats direction for «у/в/на» («у Бахмуті», not «у Бахмут»), the dative
    wins for «по» («по Києву»), the instrumental for «під/под», «за» and
    «над» («під Бахмутом»). «з/с» split by ``kind`` (the glossary kind): a
    person takes the instrumental, anything else the genitive. None when
    ``preposition`` is not one.
    """
    cases = _rules(lang).get(preposition)
    if not cases:
        return None
    if kind == "person" and preposition in _WITH_OR_FROM.get(lang, ()):
        return "ablt"
    return cases[0]
