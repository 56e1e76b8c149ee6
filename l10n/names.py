"""Find the names in source articles that the glossary does not cover yet.

A newsroom's next article brings names nobody has entered; reading it to find
them is slow and misses some. This module reads the project's own sentence
segments (placeholders stripped) and proposes glossary rows, each marked for
review. What counts as a name:

* a capitalised word or sequence that is not at a sentence start
  ("in Bakhmut", "the International Criminal Court"), with "of/for/the"
  inside an organization's name ("Institute for the Study of War");
* a sentence-initial word only if it also appears capitalised mid-sentence
  or is not a common English word (:mod:`l10n.words`): "Guterres spent…"
  yes, "Earlier, …" no; demonyms (Russian, Western) and months never;
* an all-caps dateline ("KYIV, Ukraine (AP) —" gives Kyiv), acronyms (UN,
  AP, RFE/RL, U.S.), and the name after a title ("Lt. Gen. Oleh
  Syniehubov", "UN Secretary-General Antonio Guterres" gives UN and Antonio
  Guterres); a possessive or a hyphen compound ends a name (Kyiv's,
  Washington-based), except an organization owned by name ("RFE/RL's
  Ukrainian Service").

The kind is guessed by the first rule that fires, in this order:
a dotted name (Crimea.Realities) → project; a name followed by a number or an
equipment noun (Leopard 2 tanks) → equipment; a known medium or one followed
by "video/channel" → media; a title, a given name first, or a person's
surname standing alone → person; an acronym, an organization noun
(Group, Ministry, Council…) or "group/unit" after it → organization; "in/
from/to/near" before it, "region/oblast/city" after it, or a dateline →
place; otherwise place for one word, organization for several.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import words as vocab
from .glossary import find_terms
from .inline import PLACEHOLDER_RE
from .model import Document, Term
from .translit import GIVEN_NAMES, name_forms, origin, region_forms, slavic_shape

NOTE = "proposed by l10n names: review"
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_](?:[\w’'./\-]*\w)?\.?|[^\w\s]")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z&/]*[A-Z]")
_DATELINE = re.compile(r"^((?:[A-Z][A-Z.'\-]+ )*[A-Z][A-Z.'\-]+),")
_OPENERS = "\"“‘«("
_HEADINGS = ("title", "headline", "heading")


@dataclass
class Word:
    """One word of a sentence, normalized for the rules."""

    text: str
    initial: bool = False
    possessive: bool = False
    ends: bool = False

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        return bool(_ACRONYM.fullmatch(self.text))


@dataclass
class Name:
    """A name found in the sources: how often, where first, and its rule cues."""

    en: str
    count: int = 0
    sentence: str = ""
    where: str = ""
    cues: Counter[str] = field(default_factory=Counter)
    context: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Proposal:
    """A proposed glossary row (to review) with the evidence behind it."""

    en: str
    kind: str
    targets: dict[str, str]
    note: str
    count: int
    sentence: str
    where: str


def find_names(documents: Iterable[Document], terms: list[Term], languages: tuple[str, ...]) -> list[Proposal]:
    """Proposed rows for the names in ``documents`` that no glossary term covers, by count."""
    segments = [(document, segment) for document in documents for segment in document.segments]
    texts = [(f"{document.path}:{segment.line}", text, segment.kind in _HEADINGS or _title_case(text))
             for document, segment in segments for text in [_plain(segment.text)]]
    midsentence = {word.text for _, text, headline in texts if not headline for part in _parts(text, headline)
                   for word in _words(part) if isinstance(word, Word) and word.capital and not word.initial}
    found: dict[str, Name] = {}
    for where, text, headline in texts:
        for en, cues in _names_in(text, headline, midsentence):
            name = found.setdefault(en, Name(en, sentence=text, where=where))
            name.count += 1
            name.cues.update(cues)
            name.context.append(text)
    names = [name for name in found.values() if not _covered(name.en, terms)]
    return _proposals(names, terms, languages)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", PLACEHOLDER_RE.sub("", text)).strip()


def _title_case(text: str) -> bool:
    """A Title Case Headline: every word of four letters or more capitalised, common words too."""
    long_words = re.findall(r"[^\W\d_]{4,}", text)
    common = [word for word in long_words[1:] if vocab.is_common(word)]
    return len(common) >= 2 and all(word[0].isupper() for word in long_words)


def _words(text: str) -> list[Word | str]:
    """Words and punctuation; a word knows if it starts a sentence or quotation."""
    items: list[Word | str] = []
    for token in _TOKEN.findall(text):
        if not (token[0].isalnum()):
            items.append(token)
            continue
        previous = items[-1] if items else None
        initial = previous is None or isinstance(previous, str) and previous in _OPENERS and (
            len(items) < 2 or not isinstance(items[-2], Word))
        items.append(_word(token, initial))
    return items


def _word(token: str, initial: bool) -> Word:
    ends = False
    if token.endswith(".") and not _ACRONYM.fullmatch(token) and token not in vocab.TITLES:
        token, ends = token[:-1], True
    possessive = token.endswith(("'s", "’s"))
    if possessive:
        token, ends = token[:-2], True
    if "-" in token and not all(part[:1].isupper() for part in token.split("-")):
        token, ends = token.split("-")[0], True
    return Word(token, initial, possessive, ends)


def _names_in(text: str, headline: bool, midsentence: set[str]) -> list[tuple[str, list[str]]]:
    """Every (name, cues) occurrence in one sentence."""
    found: list[tuple[str, list[str]]] = []
    dateline = None if headline else _DATELINE.match(text)
    if dateline:
        found.append((dateline.group(1).title(), ["place"]))
    for part in _parts(text, headline):
        found.extend(_names_in_part(part, headline, midsentence))
    return found


def _parts(text: str, headline: bool) -> list[str]:
    """The sentence without its dateline, cut at the dateline's dash: each part starts a sentence."""
    dateline = None if headline else _DATELINE.match(text)
    if not dateline:
        return [text]
    place, dash, story = text[dateline.end():].partition("—")
    return [place.strip(), story.strip()] if dash else [place.strip()]


def _names_in_part(text: str, headline: bool, midsentence: set[str]) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    items = _words(text)
    index = 0
    while index < len(items):
        run, index = _run(items, index)
        if run:
            before = _lower_at(items, index - len(run) - 1)
            after = ["", ""] if run[-1].possessive else [_lower_at(items, index), _lower_at(items, index + 1)]
            found.extend(_from_run(run, before, after, headline, midsentence))
        else:
            index += 1
    return found


def _lower_at(items: list[Word | str], index: int) -> str:
    item = items[index] if 0 <= index < len(items) else ""
    return item.text.lower() if isinstance(item, Word) and not item.capital else ""


def _run(items: list[Word | str], start: int) -> tuple[list[Word], int]:
    """The capitalised sequence starting at ``start`` (empty if none) and the index after it."""
    run: list[Word] = []
    index = start
    while index < len(items):
        item = items[index]
        if isinstance(item, Word) and item.capital:
            owned = _owned_organization(items, index) if item.possessive and not run else []
            if owned:
                return owned, index + len(owned)
            run.append(item)
            index += 1
            if item.ends:
                break
        elif isinstance(item, Word) and run and item.text.isdigit() and _lower_at(items, index + 1) in vocab.EQUIPMENT_AFTER:
            run.append(item)
            index += 1
        elif isinstance(item, Word) and run and item.text in vocab.CONNECTORS and _continues(items, index, run):
            run.append(item)
            index += 1
        else:
            break
    return run, index


def _continues(items: list[Word | str], index: int, run: list[Word]) -> bool:
    """May connectors at ``index`` join an organization name (Institute for the Study of War)?"""
    if not any(word.text in vocab.ORGANIZATION_WORDS for word in run):
        return False
    for item in items[index:]:
        if not (isinstance(item, Word) and item.text in vocab.CONNECTORS):
            return isinstance(item, Word) and item.capital
    return False


def _owned_organization(items: list[Word | str], index: int) -> list[Word]:
    """"RFE/RL's Ukrainian Service" as one name: the owner's words and the organization's."""
    tail: list[Word] = []
    for item in items[index + 1:]:
        if not (isinstance(item, Word) and item.capital):
            break
        tail.append(item)
        if item.ends:
            break
    if tail and tail[-1].text in vocab.ORGANIZATION_WORDS:
        owner = items[index]
        assert isinstance(owner, Word)
        return [Word(owner.text + "'s", owner.initial), *tail]
    return []


def _from_run(run: list[Word], before: str, after: list[str], headline: bool, midsentence: set[str]) -> list[tuple[str, list[str]]]:
    """Apply the sentence-start, title and cue rules to one capitalised sequence."""
    if run[0].text.endswith("'s") and len(run) > 1:
        owner = run[0].text[:-2]
        return [(" ".join(word.text for word in run), ["organization"]), (owner, _cues([Word(owner)], "", ["", ""]))]
    if headline:
        keep = [word for word in run if word.acronym or not (vocab.is_common(word.text) or vocab.is_demonym(word.text))]
        return [(word.text, ["organization"] if word.acronym else []) for word in keep if word.text not in vocab.CALENDAR]
    while run and (_skippable(run[0], midsentence)):
        run = run[1:]
        before = ""
    titled = [index for index, word in enumerate(run) if word.text in vocab.TITLES]
    if titled and run[-1].text not in vocab.ORGANIZATION_WORDS:
        last = titled[-1]
        first = last
        while first > 0 and run[first - 1].text in vocab.TITLES:
            first -= 1
        found = _from_run(run[:first], before, ["", ""], False, midsentence) if first else []
        if run[last + 1:]:
            found.append((" ".join(word.text for word in run[last + 1:]), ["person"]))
        return found
    if not run or len(run) == 1 and (len(run[0].text) < 2 or run[0].text in vocab.CALENDAR):
        return []
    en = " ".join(word.text for word in run)
    found = []
    if after[0] in vocab.PLACE_PART:
        return [(f"{en} {after[0]}", ["place"])]
    found.append((en, _cues(run, before, after)))
    if "." in en and not run[0].acronym:
        found.extend((part, []) for part in en.split(".") if not vocab.is_common(part))
    return found


def _skippable(word: Word, midsentence: set[str]) -> bool:
    """A leading word that is not part of a name: demonym, month, common word at a sentence start."""
    if word.text in vocab.CALENDAR or vocab.is_demonym(word.text):
        return True
    if word.text in vocab.TITLES:
        return False
    return word.initial and not word.acronym and vocab.is_common(word.text) and word.text not in midsentence


def _cues(run: list[Word], before: str, after: list[str]) -> list[str]:
    """The kinds the rules point to for one occurrence (see the module docstring)."""
    en = " ".join(word.text for word in run)
    cues: list[str] = []
    if re.search(r"[a-z]\.[A-Z]", en):
        cues.append("project")
    if run[-1].text.isdigit() or after[0] in vocab.EQUIPMENT_AFTER:
        cues.append("equipment")
    if en in vocab.MEDIA or after[0] in vocab.MEDIA_AFTER:
        cues.append("media")
    if before in vocab.PERSON_BEFORE or len(run) > 1 and (run[0].text in GIVEN_NAMES or run[0].text in vocab.GIVEN_NAMES):
        cues.append("person")
    if en in vocab.COUNTRY_ACRONYMS:
        cues.append("place")
    elif run[0].acronym or run[-1].text in vocab.ORGANIZATION_WORDS or set(after) & vocab.ORGANIZATION_AFTER:
        cues.append("organization")
    if before in vocab.PLACE_BEFORE or after[0] in vocab.PLACE_AFTER:
        cues.append("place")
    return cues


def _covered(en: str, terms: list[Term]) -> bool:
    """Does a glossary term already match the whole name (or, for a dateline, its title case)?"""
    return any(len(term.source.split()) >= len(en.split()) for term in find_terms(en, terms))


_PRIORITY = ("project", "equipment", "media", "person", "organization", "place")


def _kind(name: Name, surnames: set[str]) -> str:
    for kind in _PRIORITY:
        if name.cues[kind] or kind == "person" and name.en in surnames:
            return kind
    return "place" if " " not in name.en else "organization"


def _proposals(names: list[Name], terms: list[Term], languages: tuple[str, ...]) -> list[Proposal]:
    """Kinds, proposed forms and review notes for the uncovered names."""
    kinds = {name.en: _kind(name, set()) for name in names}
    surnames = {name.en.split()[-1] for name in names if kinds[name.en] == "person" and " " in name.en}
    known = _known_words(terms)
    origins = {name.en: _origin(name) for name in names}
    for name in names:
        kinds[name.en] = _kind(name, surnames)
        if " " in name.en and kinds[name.en] == "person" and origins[name.en]:
            origins[name.en.split()[-1]] = origins[name.en]
    proposals = []
    for name in sorted(names, key=lambda item: (-item.count, item.en)):
        targets, how = _targets(name.en, kinds[name.en], origins.get(name.en), known)
        note = f"{NOTE}; kind guessed ({kinds[name.en]})" + (f"; {how}" if how else "; no uk/ru rule: translate by hand")
        proposals.append(Proposal(name.en, kinds[name.en], {lang: targets[lang] for lang in languages if lang in targets},
                                  note, name.count, name.sentence, name.where))
    return proposals


def _origin(name: Name) -> str | None:
    words = [word for word in name.en.split() if word not in vocab.PLACE_PART]
    return origin(words, " ".join(name.context))


def _known_words(terms: list[Term]) -> dict[str, tuple[str, str]]:
    """Words of glossary names aligned with their uk/ru words (Volodymyr → Володимир, Владимир)."""
    known: dict[str, tuple[str, str]] = {}
    for term in terms:
        en, uk, ru = term.source.split(), term.targets.get("uk", "").split(), term.targets.get("ru", "").split()
        if term.kind == "person" and len(en) == len(uk) == len(ru):
            known.update((word, (uk[index], ru[index])) for index, word in enumerate(en))
    return known


def _targets(en: str, kind: str, lang: str | None, known: dict[str, tuple[str, str]]) -> tuple[dict[str, str], str]:
    """Proposed uk/ru forms by the rules of :mod:`l10n.translit`, and how."""
    if kind in ("media", "equipment"):
        return {"uk": en, "ru": en}, "kept in Latin script"
    words = en.split()
    region = words[-1] in vocab.PLACE_PART and len(words) == 2
    stems = words[:-1] if region else words
    if kind not in ("person", "place") or not all(
            word in known or word in GIVEN_NAMES or slavic_shape(word, vocab.in_dictionary(word)) for word in stems):
        return {}, ""
    if not any(slavic_shape(word) for word in stems) and not all(word in known for word in stems):
        return {}, ""
    forms = name_forms(stems, lang, kind == "place", known)
    uk, ru = region_forms(forms.uk, forms.ru) if region else (forms.uk, forms.ru)
    targets = {lang_code: value for lang_code, value in (("uk", uk), ("ru", ru)) if value}
    return targets, forms.how if targets else ""
