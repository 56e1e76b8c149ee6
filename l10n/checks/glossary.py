"""Glossary terms of the source must appear in the translation, in any case.

Ukrainian and Russian decline names: Bakhmut is «Бахмут», «у Бахмуті», «до
Бахмута», «в Бахмуте». Matching strings, as other tools do, fails every one
of those, so a term counts as rendered when a word sequence of the
translation shares a lemma with the target term word by word
(:mod:`l10n.morphology`, pymorphy3 with its dictionaries and guesser), or
matches one of the glossary's explicit forms. Terms that stay Latin (Reuters,
Telegram, Leopard 2) must appear exactly as written.

The other language's form of a term is an error of its own: «Киев» in a
Ukrainian text, «Зеленський» in a Russian one are what machine translation
and copy-paste between editions produce. So is a name the glossary lists
to avoid: a former name («Артемівськ» for Bakhmut) or a common misspelling.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import Term
from ..morphology import LANGUAGES, for_language
from ..spelling import fold, normal, spelling_pattern
from .base import Context, Unit, register

_MORPHOLOGY = frozenset(LANGUAGES)
_WORD_RE = re.compile(r"\w+")
_ADJECTIVE_ENDINGS = ("ський", "цький", "ский", "цкий", "ий", "ій", "ой")


@functools.lru_cache(maxsize=1 << 15)
def occurrences(
    text: str, lemma: str, forms: tuple[str, ...], lang: str, kind: str | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of ``lemma`` (or one of ``forms``) in ``text``, any case, for ``lang``;
    ``kind`` (the term's) tells how a name the dictionary lacks declines."""
    if lang in _MORPHOLOGY:
        if not _may_occur(text, (lemma, *forms)):
            return ()
        return tuple((m.start, m.end) for m in for_language(lang).find_term(text, lemma, forms, kind))
    spans = []
    for spelling in (lemma, *forms):
        spans += [m.span() for m in _exact(spelling, re.IGNORECASE).finditer(text)]
    return tuple(spans)


def _may_occur(text: str, spellings: tuple[str, ...]) -> bool:
    """Cheap guard before morphology: some word starts like one of the spellings.

    Declension changes the ends of names, never their first two letters, and
    analyzing every word of a sentence that cannot hold the term is the
    costliest part of a run. Letters are compared as :meth:`find_term` compares
    them: any case, any apostrophe («В’ячеслав» for «В'ячеслав»), «ё» as «е».
    """
    folded = _fold(text)
    return any(_starts(_fold(spelling)[:2]).search(folded) for spelling in spellings if spelling)


@functools.lru_cache(maxsize=1 << 14)
def _fold(text: str) -> str:
    return fold(normal(text))


@functools.lru_cache(maxsize=4096)
def _starts(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(prefix)}")


@functools.lru_cache(maxsize=4096)
def _exact(spelling: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){spelling_pattern(spelling)}(?!\w)", flags)


def renders(term: Term, lang: str, text: str) -> bool:
    """Whether ``text`` (a translation into ``lang``) contains the term's target.

    The target as written always counts (also for names such as
    «Донбас.Реалії» whose punctuation the word-by-word match does not
    cross); a place may also be rendered by its adjective.
    """
    target = term.targets[lang]
    if term.keep_latin:
        return _exact(target).search(text) is not None
    if _exact(target, re.IGNORECASE).search(text):
        return True
    if occurrences(text, target, term.forms.get(lang, ()), lang, term.kind):
        return True
    return term.kind == "place" and lang in _MORPHOLOGY and _place_adjective(text, target, lang)


def _place_adjective(text: str, place: str, lang: str) -> bool:
    """Whether ``text`` has an adjective made from the one-word place name.

    "Russia's Wagner group" is «російське угруповання «Вагнер»» as often as
    «угруповання Росії»: an adjective whose lemma starts with the name's stem
    («Росі|я» → «російський», «Україн|а» → «український») renders the name.
    Stems that change («Москва» → «московський») are not recognized.
    """
    stem = place.lower().rstrip("аяоеєіиїйь")
    if " " in place or len(stem) < 4:
        return False
    morphology = for_language(lang)
    for word in _WORD_RE.findall(text):
        if word.lower().startswith(stem[:3]):
            if any(lemma.startswith(stem) and lemma.endswith(_ADJECTIVE_ENDINGS) for lemma in morphology.lemmas(word)):
                return True
    return False


@register("glossary-term", "error", "unit")
def check_terms(unit: Unit, ctx: Context) -> Iterator[str]:
    """A glossary term of the source is missing from the translation (any grammatical case counts)."""
    lang = ctx.lang
    if lang is None:
        return
    for term in ctx.glossary.find(unit.source.plain):
        if lang not in term.targets or renders(term, lang, unit.target.plain):
            continue
        if term.keep_latin:
            yield f"{term.source!r} must stay in Latin script as {term.targets[lang]!r}"
        else:
            yield f"{term.source!r} should be rendered as {term.targets[lang]!r} (in any case)"


@register("glossary-variant", "error", "unit")
def check_variants(unit: Unit, ctx: Context) -> Iterator[str]:
    """The translation uses another language's form of a glossary term (Киев in Ukrainian) or a name to avoid (Артемівськ)."""
    lang = ctx.lang
    if lang is None:
        return
    for term in ctx.glossary.find(unit.source.plain):
        own = term.targets.get(lang)
        if own is None or term.keep_latin:
            continue
        avoided = _avoided_surface(term, lang, unit.target.plain)
        if avoided:
            yield f"{avoided!r}: the glossary says not to use this name for {term.source!r}; {lang} uses {own!r}"
            continue
        for other in term.targets:
            surface = _variant_surface(term, lang, other, unit.target.plain)
            if surface:
                yield f"{surface!r} is the {other} form of {term.source!r}; {lang} uses {own!r}"
                break


def _variant_surface(term: Term, lang: str, other: str, text: str) -> str | None:
    """The text of an occurrence of ``other``'s target that is not also ``lang``'s."""
    own, variant = term.targets[lang], term.targets[other]
    if other == lang or variant.casefold() == own.casefold():
        return None
    found = occurrences(text, variant, term.forms.get(other, ()), other, term.kind)
    if not found:
        return None
    mine = occurrences(text, own, term.forms.get(lang, ()), lang, term.kind)
    for start, end in found:
        if not any(start < m_end and m_start < end for m_start, m_end in mine):
            return text[start:end]
    return None


def _avoided_surface(term: Term, lang: str, text: str) -> str | None:
    """The text of the first occurrence of a name the glossary lists to avoid."""
    for name in term.avoid.get(lang, ()):
        found = occurrences(text, name, (), lang, term.kind)
        if found:
            return text[found[0][0]:found[0][1]]
    return None
