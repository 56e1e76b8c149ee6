"""Put glossary names into a machine translation, in the case the sentence needs.

An engine that knows nothing of our glossary writes «Артемовск» for Bakhmut
(a former name the glossary lists to avoid), leaves "Kyiv" in Latin, or
writes the Russian «Киев» into Ukrainian text. For each glossary term of the
source segment we find what the engine wrote in its place and swap in the
glossary lemma, inflected into the case the engine's word (or the
preposition before it) shows: «у Бахмуті», «до Бахмута».
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .glossary import find_terms
from .grammar import case_for_copy
from .model import Term
from .morphology import TermMatch, for_language
from .spelling import APOSTROPHES, spelling_pattern

_WORD = re.compile(rf"[^\W\d_][\w{APOSTROPHES}-]*")
_ENDING = 3  # letters of a case ending: «Бахмутом», «Херсоні»


@dataclass
class Tally:
    """How many glossary occurrences were enforced, already right, not placed."""

    enforced: int = 0
    already: int = 0
    unplaced: int = 0

    def add(self, other: Tally) -> None:
        self.enforced += other.enforced
        self.already += other.already
        self.unplaced += other.unplaced


@dataclass(frozen=True)
class Enforced:
    text: str
    tally: Tally
    unplaced: tuple[str, ...]


def enforce_terms(source: str, target: str, terms: list[Term], lang: str, other_langs: tuple[str, ...] = ()) -> Enforced:
    """Return ``target`` with every glossary name of ``source`` in glossary form."""
    tally = Tally()
    unplaced: list[str] = []
    for term in find_terms(source, terms):
        if lang not in term.targets:
            continue
        target, outcome = _enforce_one(term, target, lang, other_langs)
        setattr(tally, outcome, getattr(tally, outcome) + 1)
        if outcome == "unplaced":
            unplaced.append(term.source)
    return Enforced(target, tally, tuple(unplaced))


def _enforce_one(term: Term, text: str, lang: str, other_langs: tuple[str, ...]) -> tuple[str, str]:
    lemma = term.targets[lang]
    if term.keep_latin:
        if lemma in text:
            return text, "already"
        return _replace_latin(term, text, lemma, lang)
    morphology = for_language(lang)
    if morphology.find_term(text, lemma, term.forms.get(lang, ()), term.kind):
        return text, "already"
    for finder in (_avoided, _english_copy, _other_language, _lookalike):
        match = finder(term, text, lang, other_langs)
        if match is not None:
            case = match.case or _case_before(text, match.start, lang, term.kind) or "nomn"
            replacement = morphology.inflect(lemma, case, term.kind)
            return text[: match.start] + replacement + text[match.end :], "enforced"
    return text, "unplaced"


def _replace_latin(term: Term, text: str, lemma: str, lang: str) -> tuple[str, str]:
    pattern = re.compile(re.escape(term.source), re.I)
    if pattern.search(text):
        return pattern.sub(lemma, text, count=1), "enforced"
    return text, "unplaced"


def _avoided(term: Term, text: str, lang: str, other_langs: tuple[str, ...]) -> TermMatch | None:
    """A name the glossary says not to use (a former name): keep its case, fix the name."""
    morphology = for_language(lang)
    for name in term.avoid.get(lang, ()):
        matches = morphology.find_term(text, name, (), term.kind)
        if matches:
            first = matches[0]
            return TermMatch(first.start, first.end, first.surface,
                             first.case or morphology.case_of(first.surface, _word_before(text, first.start)))
    return None


def _english_copy(term: Term, text: str, lang: str, other_langs: tuple[str, ...]) -> TermMatch | None:
    """The engine copied the English name (common for rare names)."""
    match = re.search(rf"(?<!\w){spelling_pattern(term.source)}(?:[{APOSTROPHES}]s)?(?!\w)", text)
    return TermMatch(match.start(), match.end(), match.group(), None) if match else None


def _other_language(term: Term, text: str, lang: str, other_langs: tuple[str, ...]) -> TermMatch | None:
    """The other language's name (Киев in Ukrainian): keep its case, fix the word."""
    for other in other_langs:
        lemma = term.targets.get(other)
        if other == lang or lemma is None or lemma == term.targets[lang]:
            continue
        matches = for_language(other).find_term(text, lemma, term.forms.get(other, ()), term.kind)
        if matches:
            first = matches[0]
            case = first.case or for_language(lang).case_of(first.surface, _word_before(text, first.start))
            return TermMatch(first.start, first.end, first.surface, case)
    return None


def _lookalike(term: Term, text: str, lang: str, other_langs: tuple[str, ...]) -> TermMatch | None:
    """A capitalized word that is the name misspelt or mis-inflected: never an unrelated word.

    The word must share the whole name but for its last letter (the stem
    changes in «Київ» → «Києва») and add at most a case ending, so
    «Бахмач», «Харківщина», «Київстар» and «Запорізька» are other words and
    stay as they are.
    """
    lemma = term.targets[lang]
    if " " in lemma:
        return None
    for word in _WORD.finditer(text):
        if word.group()[:1].isupper() and _same_name(word.group(), lemma):
            case = for_language(lang).case_of(word.group(), _word_before(text, word.start()))
            return TermMatch(word.start(), word.end(), word.group(), case)
    return None


def _same_name(surface: str, lemma: str) -> bool:
    """``surface`` is ``lemma`` with a changed last letter and an ending of up to 3."""
    low, name = surface.lower(), lemma.lower()
    shared = len(os.path.commonprefix([low, name]))
    return len(name) >= 4 and shared >= len(name) - 1 and len(low) - shared <= _ENDING


def _word_before(text: str, at: int) -> str | None:
    words = _WORD.findall(text[:at])
    return words[-1].lower() if words else None


def _case_before(text: str, at: int, lang: str, kind: str) -> str | None:
    """The case a preposition right before ``at`` gives a Latin copy (see grammar)."""
    preceding = _word_before(text, at)
    return None if preceding is None else case_for_copy(lang, preceding, kind)
