"""Lemmas, grammatical case and inflection for Ukrainian and Russian.

Glossary checks must recognise a term in whatever case a sentence puts it
(«у Бахмуті», «до Бахмута»), and post-editing must put a glossary term into the
case a sentence needs. Both rest on pymorphy3, which only this module imports.

Words are compared through lemma *sets*: pymorphy3 often offers several
readings of a name (a city, a first name, an adjective, a guess), and a word
matches a term word when any reading shares a lemma with it. Lemmas are
lowercased, apostrophes unified to U+0027 (the Ukrainian dictionary's spelling,
so «Словʼянськ» is known) and «ё» folded to «е».
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pymorphy3
from pymorphy3.analyzer import Parse

from l10n.errors import L10nError
from l10n.forms import NAME as _NAME
from l10n.forms import agrees as _agrees
from l10n.forms import is_name as _is_name
from l10n.forms import is_nominative as _is_nominative
from l10n.forms import modifies as _modifies
from l10n.forms import noun_reading as _noun_reading
from l10n.forms import plural as _plural
from l10n.forms import pos as _pos
from l10n.forms import uk_stem as _stem
from l10n.forms import uk_variant_rank as _uk_variant_rank
from l10n.grammar import governed as _governed
from l10n.paradigms import Paradigm, decline, gender_of
from l10n.spelling import APOSTROPHES
from l10n.spelling import fold as _fold
from l10n.spelling import normal as _normal
from l10n.spelling import restore_spelling as _restore_spelling

LANGUAGES = ("uk", "ru")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
_BASE_CASE = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct"}

_WORD = re.compile(rf"\w+(?:[-‐‑{APOSTROPHES}]\w+)*")
_GAP = re.compile(r"[\s«»\"„“”‚‘’]*")  # what may part the words of one term

@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a term in a text: ``text[start:end] == surface``.

    ``case`` is the grammatical case of the occurrence (one of :data:`CASES`),
    or None when unknown (an extra form, or words the analyzer cannot place).
    """

    start: int
    end: int
    surface: str
    case: str | None


@dataclass(frozen=True, slots=True)
class _Reading:
    """What matching needs of one pymorphy3 parse, worked out once per word."""

    lemma: str
    case: str | None
    score: float
    noun: bool


# How a term declines: for each word, the parse to inflect and whether it names
# a being (which decides masculine accusatives), or None if the word stays.
_Plan = tuple[tuple[Parse, bool] | None, ...]


@functools.cache
def for_language(lang: str) -> Morphology:
    """The shared analyzer for ``lang``: loading dictionaries takes a while."""
    return Morphology(lang)


class Morphology:
    """Lemmatize, find and inflect words of one language ("uk" or "ru")."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise L10nError(f"no morphology for language {lang!r}; supported: uk, ru")
        try:
            self._analyzer = pymorphy3.MorphAnalyzer(lang=lang)
        except (ValueError, OSError) as error:
            raise L10nError(f"cannot load pymorphy3 dictionaries for {lang!r}: {error}") from error
        self.lang = lang
        # Checks run over 100k entries: each word is analyzed once.
        cache = functools.lru_cache(maxsize=1 << 16)
        self._readings = cache(self._read)
        self._lemmas = cache(lambda word: frozenset(r.lemma for r in self._readings(word)))
        self._keys = cache(self._term_keys)
        self._plan = cache(self._declension)
        self._names = cache(self._unknown_names)
        self._inflected = cache(self._inflect)

    def lemmas(self, word: str) -> frozenset[str]:
        """All normal forms the analyzer proposes for ``word``, guesses included."""
        return self._lemmas(_normal(word))

    def case_of(self, word: str, preceding: str | None = None) -> str | None:
        """The most likely case of ``word``, narrowed by a preceding preposition.

        Alone, a word is often ambiguous («Бахмут»: nomn or accs); the word
        before it («у», «до», «за») settles most of that. A capitalized word is
        taken as a name where it can be one («Артемівська»: gent, not an adjective).
        """
        readings = self._readings(_normal(word))
        if word[:1].isupper():
            readings = tuple(r for r in readings if r.noun) or readings
        return self._best_case(readings, preceding)

    def find_term(
        self, text: str, lemma: str, extra_forms: Iterable[str] = (), kind: str | None = None
    ) -> list[TermMatch]:
        """Occurrences of the term ``lemma`` in ``text``, in any case, in text order.

        A word of ``text`` stands for the term word in its place when they share
        a lemma, ignoring letter case and apostrophe style; the words may be
        parted by spaces and quotation marks only. A term word the dictionary
        lacks («Синєгубов») also stands for the forms :mod:`l10n.paradigms` or
        pymorphy3's guesser give it; ``kind`` is the glossary kind (``person``,
        ``place``…), which chooses a surname's or a place's paradigm.
        ``extra_forms`` are spellings the analyzer gets wrong, matched as
        written (ignoring letter case). Of overlapping occurrences the
        earliest, then the longest, is kept.
        """
        tokens = list(_WORD.finditer(text))
        normalized = _normal(text)  # in one go: per word, it is much of the work
        if len(normalized) == len(text):
            words = [normalized[t.start() : t.end()] for t in tokens]
        else:
            words = [_normal(t.group()) for t in tokens]

        def joined(i: int) -> bool:  # whether words i and i + 1 may belong to one term
            return bool(_GAP.fullmatch(text, tokens[i].end(), tokens[i + 1].start()))

        term = tuple(map(_normal, _WORD.findall(lemma)))
        names = self._names(term, kind)

        def same(j: int, word: str) -> bool:
            paradigm = names[j]
            return self._same_word(term[j], word) or (paradigm is not None and _fold(word) in paradigm)

        found = [
            _span(text, tokens, i, len(term), self._case_at(words, joined, i, term, names))
            for i in _runs(words, joined, len(term), same)
        ]
        for form in extra_forms:
            spelled = tuple(map(_normal, _WORD.findall(form)))
            for i in _runs(words, joined, len(spelled), lambda j, word: spelled[j] == word):  # noqa: B023 (_runs is eager)
                found.append(_span(text, tokens, i, len(spelled), None))
        matches: list[TermMatch] = []
        for match in sorted(found, key=lambda m: (m.start, -m.end)):
            if not matches or match.start >= matches[-1].end:
                matches.append(match)
        return matches

    def inflect(self, lemma: str, case: str, kind: str | None = None) -> str:
        """``lemma`` (a term in its dictionary form) put into ``case``.

        The head noun, the adjectives before it and names in apposition after it
        decline («Президент Володимир Зеленський»); the rest stays («вивчення
        війни», «США»). Number and gender are the term's own («Збройні сили»
        stays plural). Words the analyzer cannot inflect, and indeclinable ones
        («Шойгу», «ООН»), are kept as written. Words the dictionary lacks decline
        as in :meth:`find_term` (``kind`` as there). ``case`` is one of
        :data:`CASES`; Russian «gen2» and «loc2» also work («в Крыму»).
        """
        if case not in CASES and case not in _BASE_CASE:
            raise L10nError(f"unknown grammatical case {case!r}; expected one of {' '.join(CASES)}")
        return self._inflected(lemma, case, kind)

    # -- finding ------------------------------------------------------------

    def _read(self, word: str) -> tuple[_Reading, ...]:
        parses = self._analyzer.parse(word)
        return tuple(
            _Reading(_fold(p.normal_form), _case(p), p.score, _pos(p) == "NOUN") for p in parses
        )

    def _term_keys(self, word: str) -> frozenset[str]:
        """The lemmas a (normalized) term word stands for.

        A word given in its dictionary form means that form: «Київ» is the city,
        not the genitive plural of «кий». Other words («війни» in «Інститут
        вивчення війни») stand for all their lemmas and for themselves, as the
        guesser may lemmatize an unknown name differently in different cases
        (ru «Кулеба» → «кулеб», «Кулебой» → «кулеба»).
        """
        lemmas, own = self._lemmas(word), _fold(word)
        return frozenset({own}) if own in lemmas else lemmas | {own}

    def _same_word(self, term_word: str, word: str) -> bool:
        """Whether ``word`` may be a form of ``term_word`` (both normalized)."""
        if term_word == word or not self._keys(term_word).isdisjoint(self._lemmas(word)):
            return True
        if "-" not in word:
            return False
        parts, term_parts = word.split("-"), term_word.split("-")
        return len(parts) == len(term_parts) and all(map(self._same_word, term_parts, parts))

    def _best_case(self, readings: Iterable[_Reading], preceding: str | None) -> str | None:
        weights: dict[str, float] = {}
        for reading in readings:
            if reading.case is not None:
                weights[reading.case] = weights.get(reading.case, 0.0) + reading.score
        governed = _governed(self.lang, _normal(preceding or ""))
        candidates = [c for c in weights if c in governed] or list(weights)
        return max(candidates, key=weights.__getitem__, default=None)

    def _case_at(
        self,
        words: list[str],
        joined: Callable[[int], bool],
        i: int,
        term: tuple[str, ...],
        names: tuple[Paradigm | None, ...],
    ) -> str | None:
        """The case of ``term`` (normalized) at word ``i``: the one its declining
        words agree on («Державного департаменту»: gent, not datv)."""
        plan = self._plan(term)
        declining = [j for j, step in enumerate(plan) if step is not None or names[j] is not None]
        readings: list[list[_Reading]] = []
        for j in declining or range(len(term)):
            word, paradigm = words[i + j], names[j]
            if paradigm is not None and _fold(word) in paradigm:
                cases = paradigm.cases_of(_fold(word))  # alone, the earlier case: gent before accs
                own = [_Reading(term[j], c, 1.0 - CASES.index(c) / 100, True) for c in CASES if c in cases]
            else:
                keys = self._keys(term[j])
                own = [r for r in self._readings(word) if r.case and r.lemma in keys]
            readings += [own] if own else []
        agreed = set(CASES).intersection(*({r.case for r in own} for own in readings))
        preceding = words[i - 1] if i > 0 and joined(i - 1) else None
        return self._best_case((r for own in readings for r in own if r.case in agreed), preceding)

    def _unknown_names(self, term: tuple[str, ...], kind: str | None) -> tuple[Paradigm | None, ...]:
        """For each word of a term (normalized) the dictionary lacks, its paradigm.

        Surnames and place names decline by the table of :mod:`l10n.paradigms`
        where a row fits, else as pymorphy3's guesser predicts from the word's
        nominative. In a person's name every word declines; in other terms only
        the words the declension plan declines (not «Кеннана» in «Інститут
        Кеннана»). A man's or woman's name is told by a first name the
        dictionary knows («Олег», «Ірина»), else by the surname's ending.
        """
        plan = self._plan(term)
        gender = self._gender(term)
        names: list[Paradigm | None] = []
        for word, step in zip(term, plan, strict=True):
            table = kind if kind is not None else self._guessed_kind(word)
            if self._analyzer.word_is_known(word) or "-" in word or (table != "person" and step is None):
                names.append(None)
                continue
            declined = decline(self.lang, _fold(word), gender, table) if table is not None else None
            names.append(declined or self._predicted(word, table))
        return tuple(names)

    def _guessed_kind(self, word: str) -> str | None:
        """``person`` when the guesser takes the word for a name (no glossary kind given)."""
        return "person" if any(_NAME & p.tag.grammemes - {"Fixd"} for p in self._analyzer.parse(word)) else None

    def _gender(self, term: tuple[str, ...]) -> str | None:
        for word in term:
            if self._analyzer.word_is_known(word):
                for parse in self._analyzer.parse(word):
                    if "Name" in parse.tag.grammemes and parse.tag.case == "nomn" and parse.tag.gender:
                        return str(parse.tag.gender)
        return next(filter(None, (gender_of(self.lang, _fold(word)) for word in reversed(term))), None)

    def _predicted(self, word: str, kind: str | None) -> Paradigm | None:
        """The singular forms pymorphy3's guesser predicts for the nominative ``word``."""
        nouns = [p for p in self._analyzer.parse(word) if _pos(p) == "NOUN" and _is_nominative(p) and not _plural(p)]
        wanted = "anim" if kind == "person" else "inan"
        nouns = [p for p in nouns if wanted in p.tag.grammemes] or nouns
        forms: dict[str, dict[str, None]] = {}
        for form in (f for p in nouns for f in p.lexeme if not _plural(f)):
            case = _case(form)
            if case is not None:
                forms.setdefault(case, {})[_fold(_normal(form.word))] = None
        return Paradigm(tuple((case, tuple(spellings)) for case, spellings in forms.items())) if forms else None

    # -- inflecting ---------------------------------------------------------

    def _inflect(self, lemma: str, case: str, kind: str | None) -> str:
        tokens = list(_WORD.finditer(lemma))
        words = tuple(_normal(m.group()) for m in tokens)
        plan, names = self._plan(words), self._names(words, kind)
        pieces, last = [], 0
        for token, step, paradigm in zip(tokens, plan, names, strict=True):
            word = token.group()
            if paradigm is not None:
                inflected = paradigm.inflect(case) or paradigm.inflect(_BASE_CASE.get(case, case))
                word = _restore_spelling(word, inflected or word)
            elif step is not None:
                if kind == "person" and _pos(step[0]) != "NOUN":
                    step = self._first_name(token.group()) or step
                word = _restore_spelling(word, self._inflect_word(*step, case) or word)
            pieces += [lemma[last : token.start()], word]
            last = token.end()
        return "".join(pieces) + lemma[last:]

    def _first_name(self, word: str) -> tuple[Parse, bool] | None:
        """A first name's own reading: beside a surname the analyzer lacks, the
        plan may take «Ірина» for an adjective agreeing with «Кравчинська»."""
        names = [p for p in self._analyzer.parse(_normal(word)) if "Name" in p.tag.grammemes and _is_nominative(p)]
        return (names[0], True) if names else None

    def _declension(self, words: tuple[str, ...]) -> _Plan:
        """Which words of a term (normalized, in dictionary form) decline, and how.

        The head is the first word that is not an adjective agreeing with the
        next; the adjectives before it agree with it; names after it are in
        apposition («Президент Володимир Зеленський», not «Інститут вивчення»)
        and take the gender of the being before them: «Юлія Тимошенко» stays,
        «Петро Тимошенко» declines.
        """
        n = len(words)
        nominative = [[p for p in self._analyzer.parse(w) if _is_nominative(p)] for w in words]
        plan: list[tuple[Parse, bool] | None] = [None] * n
        head = next(
            (i for i in range(n) if not _modifies(nominative[i], nominative[i + 1 : i + 2])), 0
        )
        if not any(_pos(p) in ("NOUN", "ADJF") for p in (nominative[head] if n else [])):
            return tuple(plan)
        head_reading, animate = plan[head] = _noun_reading(words[head], nominative[head], None)
        for i in range(head):
            fitting = [a for a in nominative[i] if _pos(a) == "ADJF" and _agrees(a, head_reading)]
            plan[i] = (fitting[0] if fitting else nominative[i][0], animate)
        gender = head_reading.tag.gender if animate else None
        for i in range(head + 1, n):
            if not any(map(_is_name, nominative[i])):
                break
            names = [p for p in nominative[i] if _is_name(p) or _pos(p) == "ADJF"]
            reading, being = plan[i] = _noun_reading(words[i], names, gender)
            gender = reading.tag.gender if being else gender
        return tuple(plan)

    def _inflect_word(self, reading: Parse, animate: bool, case: str) -> str | None:
        tag, plural = reading.tag, _plural(reading)
        # Masculine and plural adjectives have two accusatives: the nominative
        # for things, the genitive for beings; the noun they go with decides.
        if case == "accs" and _pos(reading) == "ADJF" and (tag.gender == "masc" or plural):
            case = "gent" if animate else "nomn"
        forms = [
            f
            for f in reading.lexeme
            if f.tag.case == case
            and _plural(f) == plural
            and (plural or f.tag.gender == tag.gender)
        ]
        if not forms:
            base = _BASE_CASE.get(case)  # no «в Бахмуту»: from loc2 back to loct
            return self._inflect_word(reading, animate, base) if base else None
        stem = _stem(reading) if self.lang == "uk" and len(forms) > 1 else ""

        def rank(form: Parse) -> tuple[int, int]:
            variant = _uk_variant_rank(form, case, animate, stem) if self.lang == "uk" else 0
            return variant, len(form.tag.grammemes - tag.grammemes - {case})

        return str(min(forms, key=rank).word)


def _case(parse: Parse) -> str | None:
    case = str(parse.tag.case or "")  # a plain str: pymorphy3's grammemes compare slowly
    case = _BASE_CASE.get(case, case)
    return case if case in CASES else None


def _runs(
    words: list[str],
    joined: Callable[[int], bool],
    n: int,
    same: Callable[[int, str], bool],
) -> list[int]:
    """Indexes of the words that start a run of ``n`` words, word ``j`` of
    which ``same(j, word)`` accepts."""
    return [
        i
        for i in range(len(words) - n + 1)
        if n
        and same(0, words[i])
        and all(joined(i + j - 1) and same(j, words[i + j]) for j in range(1, n))
    ]


def _span(
    text: str, tokens: list[re.Match[str]], i: int, length: int, case: str | None
) -> TermMatch:
    start, end = tokens[i].start(), tokens[i + length - 1].end()
    return TermMatch(start, end, text[start:end], case)
