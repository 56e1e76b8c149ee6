"""Choosing among the forms of a lexeme: part of speech, number, doublets.

Ukrainian lists ending doublets («Бахмуту»/«Бахмутові», «Києві»/«Київі»)
in no useful order, so inflecting a glossary name needs a rule for which one
the press writes. Kept apart from :mod:`l10n.morphology`, which owns the
analyzer; these functions only read a parse's tag and word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse


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
