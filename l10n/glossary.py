"""The terminology glossary of names: load, validate, find terms in source text.

The glossary is a CSV file (``locales/glossary.csv``) rather than TBX: a
newsroom edits it in a spreadsheet or a text editor and reviews it in a diff,
one name per line; TBX's XML is for exchange between tools, and we can export
to it when someone needs it. Columns:

``en``           the English term as it appears in copy (case-sensitive)
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
import io
import re
from functools import lru_cache
from pathlib import Path

from .errors import GlossaryError
from .model import Term

KINDS = frozenset({"person", "place", "organization", "media", "equipment", "project"})
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


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
    keep_latin = all(not _CYRILLIC.search(value) for value in targets.values())
    return Term(cells["en"], targets, cells["kind"], cells.get("note", ""), forms, keep_latin, line,
                {lang: names for lang, names in avoid.items() if names})


def _spellings(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def find_terms(text: str, terms: list[Term]) -> list[Term]:
    """Glossary terms occurring in English ``text``, longest match first wins.

    "Volodymyr Zelenskiy" is reported once, not also as "Zelenskiy"; a name
    followed by a possessive ("Kyiv's") or a hyphen ("Washington-based") counts.
    """
    found: list[Term] = []
    taken: list[tuple[int, int]] = []
    for term in sorted(terms, key=lambda t: -len(t.source)):
        for match in _pattern(term.source).finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            if term not in found:
                found.append(term)
    return sorted(found, key=lambda t: text.find(t.source))


@lru_cache(maxsize=4096)
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(source)}(?!\w)")


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
