"""The terminology glossary of names: load, validate, find terms in source text.

The glossary is a CSV file (``locales/glossary.csv``) rather than TBX: a
newsroom edits it in a spreadsheet or a text editor and reviews it in a diff,
one name per line; TBX's XML is for exchange between tools, and we can export
to it when someone needs it. Columns:

``en``           the English term as it appears in copy (case-sensitive; capitals,
                 possessives and compounds count: see :class:`TermFinder`)
``kind``         person, place, organization, media, equipment, project
``<lang>``       the target lemma (nominative) for every configured language
``<lang>_forms`` optional ``|``-separated inflected forms the morphology
                 dictionary may not know (indeclinable or foreign names)
``<lang>_avoid`` optional ``|``-separated names (lemmas) not to use: former
                 names (Артемівськ), common misspellings (Антоніо Гутерреш);
                 pretranslation replaces them, ``l10n check`` flags them
``note``         usage notes for translators
"""

from __future__ import annotations

import csv
import heapq
import io
import re
from collections.abc import Sequence
from pathlib import Path

from .alphabet import CYRILLIC_RE
from .errors import GlossaryError
from .model import Term
from .spelling import APOSTROPHES, spelling_pattern, unify_apostrophes

KINDS = frozenset({"person", "place", "organization", "media", "equipment", "project"})
# After a term: no letter or digit; U+02BC counts as a letter to Python, as an apostrophe here ("Zelenskiyʼs").
_WORD_CHAR = re.compile(rf"[^\W{APOSTROPHES}]")
_FINDERS: dict[tuple[int, ...], TermFinder] = {}


def read_glossary(path: Path, languages: tuple[str, ...], shown: str | None = None) -> list[Term]:
    """Load and validate the glossary; every configured language needs a column."""
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", shown) from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise GlossaryError("starts with a UTF-8 byte order mark; save as UTF-8 without BOM", shown, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError("not valid UTF-8", shown, data[: exc.start].count(b"\n") + 1) from None
    return parse_glossary(text, languages, shown)


def parse_glossary(text: str, languages: tuple[str, ...], shown: str) -> list[Term]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    required = ["en", "kind", *languages]
    missing = [name for name in required if name not in header]
    if missing:
        raise GlossaryError(f"missing column(s) {', '.join(missing)} (header: {','.join(header)})", shown, 1)
    known = {"en", "kind", "note", *languages, *(f"{lang}_{extra}" for lang in languages for extra in ("forms", "avoid"))}
    unknown = [name for name in header if name not in known]
    if unknown:
        raise GlossaryError(f"unknown column(s) {', '.join(unknown)}", shown, 1)
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        term = _row_to_term(row, languages, shown, line)
        if term.source in seen:
            raise GlossaryError(f"duplicate term {term.source!r} (first on line {seen[term.source]})", shown, line)
        seen[term.source] = line
        terms.append(term)
    return terms


def _row_to_term(row: dict[str, str | None], languages: tuple[str, ...], shown: str, line: int) -> Term:
    if None in row:
        raise GlossaryError("more cells than columns", shown, line)
    cells = {key: (value or "").strip() for key, value in row.items()}
    for name in ("en", "kind", *languages):
        if not cells[name]:
            raise GlossaryError(f"empty {name!r} cell", shown, line)
    if cells["kind"] not in KINDS:
        raise GlossaryError(f"unknown kind {cells['kind']!r} (use one of {', '.join(sorted(KINDS))})", shown, line)
    forms = {lang: _spellings(cells.get(f"{lang}_forms", "")) for lang in languages}
    avoid = {lang: _spellings(cells.get(f"{lang}_avoid", "")) for lang in languages}
    targets = {lang: cells[lang] for lang in languages}
    for lang in languages:
        if targets[lang].casefold() in {name.casefold() for name in avoid[lang]}:
            raise GlossaryError(f"{lang}_avoid lists the term's own {lang} name {targets[lang]!r}", shown, line)
    keep_latin = all(not CYRILLIC_RE.search(value) for value in targets.values())
    return Term(cells["en"], targets, cells["kind"], cells.get("note", ""), forms, keep_latin, line,
                {lang: names for lang, names in avoid.items() if names})


def _spellings(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def find_terms(text: str, terms: Sequence[Term]) -> list[Term]:
    """Glossary terms occurring in English ``text``, in text order (see :class:`TermFinder`)."""
    return list(finder(terms).find(text))


def finder(terms: Sequence[Term]) -> TermFinder:
    """The shared :class:`TermFinder` of ``terms`` (the same objects in the same order).

    Callers hand over the glossary's list again for every segment; compiling
    its pattern once per glossary, not once per call, is what keeps a run fast.
    """
    key = tuple(map(id, terms))  # Terms hold dicts, so they cannot be hashed
    found = _FINDERS.get(key)
    if found is None:
        if len(_FINDERS) >= 8:
            del _FINDERS[next(iter(_FINDERS))]
        found = _FINDERS[key] = TermFinder(terms)  # it holds the terms, so the ids stay theirs
    return found


class TermFinder:
    """Finds glossary terms in English text, as newsrooms write them: the only
    place term matching lives (catalog hints, pretranslation and checks ask it).

    A term matches as written, case-sensitively ("Wagner", not "wagner"), and
    also in capitals when it has four letters or more ("KYIV, Ukraine —": a
    dateline; shorter all-caps words are acronyms) and with a capital first
    letter when the glossary writes it lowercase ("armed forces of Ukraine" at
    a sentence start). Possessives ("Kyiv's") and compounds ("Kyiv-based",
    "pro-Kyiv") count; a word that merely contains the term ("Kyivstar",
    "Ukrainian") does not. The three apostrophes are one (:mod:`l10n.spelling`).
    Of overlapping matches the longest term wins ("Volodymyr Zelenskiy", not
    also "Zelenskiy"), then the term listed first. Results are cached per text:
    a check run looks up 100,000 msgids for each language.
    """

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = tuple(terms)
        spellings: dict[str, int] = {}  # spelling (apostrophes unified) -> index of its term
        for index, term in enumerate(self.terms):
            spellings.setdefault(unify_apostrophes(term.source), index)
        for index, term in enumerate(self.terms):
            for variant in _case_variants(term.source):
                spellings.setdefault(unify_apostrophes(variant), index)
        self._spellings = spellings
        self._longest_first = sorted(spellings, key=len, reverse=True)
        alternatives = "|".join(map(spelling_pattern, self._longest_first))
        # A lookahead, so that a match inside a longer, rejected one is still seen.
        self._pattern = re.compile(rf"(?<![\w.])(?=({alternatives})(?!{_WORD_CHAR.pattern}))") if spellings else None
        self._found: dict[str, tuple[Term, ...]] = {}

    def find(self, text: str) -> tuple[Term, ...]:
        """The terms in ``text``, each once, in the order of their first occurrence."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._search(text) if self._pattern else ()
        return found

    def _search(self, text: str) -> tuple[Term, ...]:
        assert self._pattern is not None
        queue = [self._candidate(m.start(), m.group(1)) for m in self._pattern.finditer(text)]
        heapq.heapify(queue)
        taken: list[tuple[int, int]] = []
        first: dict[int, int] = {}  # term index -> start of its first accepted match
        while queue:
            _, index, start, length = heapq.heappop(queue)
            if any(start < end and begin < start + length for begin, end in taken):
                shorter = self._shorter_at(text, start, length)
                if shorter is not None:
                    heapq.heappush(queue, self._candidate(start, shorter))
                continue
            taken.append((start, start + length))
            first[index] = min(first.get(index, start), start)
        return tuple(self.terms[i] for i in sorted(first, key=first.__getitem__))

    def _candidate(self, start: int, spelling: str) -> tuple[int, int, int, int]:
        index = self._spellings[unify_apostrophes(spelling)]
        return -len(self.terms[index].source), index, start, len(spelling)

    def _shorter_at(self, text: str, start: int, length: int) -> str | None:
        """The longest spelling shorter than ``length`` that also matches at ``start``."""
        for spelling in self._longest_first:
            end = start + len(spelling)
            if len(spelling) < length and unify_apostrophes(text[start:end]) == spelling:
                if not _WORD_CHAR.match(text, end):
                    return spelling
        return None


def _case_variants(source: str) -> list[str]:
    """Other letter cases in which copy writes ``source`` (see :class:`TermFinder`)."""
    variants = []
    if sum(c.isalpha() for c in source) >= 4 and source.upper() != source:
        variants.append(source.upper())
    if source[:1].islower():
        variants.append(source[:1].upper() + source[1:])
    return variants


def hint(term: Term, languages: tuple[str, ...]) -> str:
    """The ``#.`` comment line a translator sees for a term.

    The template and every catalog carry the same line, listing the forms of
    all ``languages``: msgmerge copies a template's ``#.`` comments into each
    catalog, so a line that differed per language would be rewritten by every
    team that runs it. The glossary's ``note`` follows the dash, on one line.
    """
    targets = ", ".join(f"{lang} {term.targets[lang]}" for lang in languages)
    if len(languages) == 1:
        targets = term.targets[languages[0]]
    notes = "; keep in Latin script" if term.keep_latin else ""
    avoided = [(lang, name) for lang in languages for name in term.avoid.get(lang, ())]
    if avoided:
        names = ", ".join(name if len(languages) == 1 else f"{lang} {name}" for lang, name in avoided)
        notes += f"; not {names}"
    note = " ".join(term.note.split())
    return f"glossary: {term.source} → {targets} ({term.kind}{notes})" + (f" — {note}" if note else "")
