"""Choosing among the forms and readings of a lexeme: part of speech, number,
doublets, agreement, which reading of a name to decline by.

Ukrainian lists ending doublets («Бахмуту»/«Бахмутові», «Києві»/«Київі»)
in no useful order, so inflecting a glossary name needs a rule for which one
the press writes. Kept apart from :mod:`l10n.morphology`, which owns the
analyzer; these functions only read parses (tags, words, lexemes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

NAME = frozenset({"Name", "Surn", "Patr", "Fixd"})  # grammemes of personal names


def pos(parse: Parse) -> str | None:
    """The part of speech, participles counted as adjectives."""
    return "ADJF" if parse.tag.POS == "PRTF" else parse.tag.POS


def plural(parse: Parse) -> bool:
    # Ask tag.grammemes, not the tag: a tag rejects grammemes it does not know,
    # and which it knows depends on the dictionaries loaded so far.
    return "plur" in parse.tag.grammemes


def uk_variant_rank(form: Parse, case: str, animate: bool, stem: str) -> int:
    """Prefer the usual of Ukrainian doublets, which the dictionary lists in no
    useful order: «Бахмуту» (datv), «Києві», «полку», «Міжнародному» (loct),
    «Президентові» (datv and loct of beings). ``stem`` tells the ending of
    «Києві» (-і) from that of «Бахмутові» (-ові)."""
    word = form.word
    if case == "loct" and (word.endswith("ому") or pos(form) == "ADJF"):
        return 0 if word.endswith("ому") else 1
    ending = word[len(stem) :] if stem and word.startswith(stem) else word[-3:]
    dative = ending in ("ові", "еві", "єві")
    if case in ("datv", "loct") and animate and pos(form) == "NOUN":
        return 0 if dative else 1
    if case == "datv":
        return 1 if dative else 0
    if case == "loct":
        return 2 if dative else 0 if ending in ("і", "ї") else 1
    return 0


def uk_stem(reading: Parse) -> str:
    """The stem of a masculine noun, from its instrumental («Києв|ом»)."""
    for form in reading.lexeme:
        if form.tag.case == "ablt" and not plural(form) and form.word.endswith(("ом", "ем", "єм")):
            return str(form.word)[:-2]
    return ""


def is_nominative(parse: Parse) -> bool:
    # pymorphy3-dicts-uk leaves the case off some lemmas («секретар»: NOUN,anim masc).
    caseless = parse.tag.case is None and pos(parse) in ("NOUN", "ADJF")
    return parse.tag.case == "nomn" or (caseless and parse.word == parse.normal_form)


def agrees(adjective: Parse, word: Parse) -> bool:
    """Whether ``adjective`` can modify ``word`` (both nominative)."""
    if plural(adjective) or plural(word):
        return plural(adjective) and plural(word)
    gender = word.tag.gender
    return gender not in ("masc", "femn", "neut") or gender == adjective.tag.gender


def modifies(readings: list[Parse], following: list[list[Parse]]) -> bool:
    adjectives = [p for p in readings if pos(p) == "ADJF"]
    return any(agrees(a, r) for a in adjectives for f in following for r in f)


def is_name(parse: Parse) -> bool:
    tag = parse.tag
    return pos(parse) == "NOUN" and (tag.animacy == "anim" or bool(NAME & tag.grammemes))


def noun_reading(word: str, readings: list[Parse], gender: str | None) -> tuple[Parse, bool]:
    """The parse to decline a noun by, and whether it names a being.

    Surnames shaped like adjectives («Зеленський», «Сирський») decline as
    adjectives: the dictionaries' noun paradigms for them are sometimes wrong.
    """
    nouns = [p for p in readings if pos(p) == "NOUN"]
    nouns = [p for p in nouns if p.tag.gender == gender] or nouns
    noun = max(nouns, key=_noun_preference, default=None)
    animate = noun is not None and noun.tag.animacy == "anim"
    adjectives = [p for p in readings if pos(p) == "ADJF"]
    own = [a for a in adjectives if a.normal_form == word]
    if noun is None or own:
        return (own or adjectives)[0], animate
    return noun, animate


def _noun_preference(parse: Parse) -> tuple[bool | float, ...]:
    """Rank readings of a name: known before guessed, places (only Russian tags
    them) before people, people before things, declinable before not (a
    consonant-final surname is indeclinable only for a woman: «Макрон»)."""
    grammemes = parse.tag.grammemes
    known = type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    return known, "Geox" in grammemes, "anim" in grammemes, "Fixd" not in grammemes, parse.score
