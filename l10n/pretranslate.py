"""Fill empty catalog entries: translation memory first, then the MT engine.

Promises, in order of importance:

1. A translator's work is never touched: only empty msgstrs are filled, and
   entries filled by an earlier MT run (recognized by their provenance
   comment) are refreshed only when asked (``overwrite_mt``).
2. Every filled entry is ``fuzzy`` and says where it came from
   (``# MT: argos translate-en_uk 1.9 2026-11-25`` or ``# TM: <catalog>``),
   so CI can block unreviewed machine text.
3. Markup survives or the entry stays empty with a comment saying why.
4. Glossary names are enforced in the case the sentence needs.
5. The engine is loaded once per language, only if there is work, and every
   distinct segment of every catalog goes through it once, in batches.
6. An engine failure (no model, an unreachable or failing server) writes
   nothing for that language: its catalogs stay as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .engines import EngineFactory, Progress, Translator, provenance
from .errors import EngineError
from .files import write_text
from .inline import PLACEHOLDER_RE, placeholder_tags
from .memory import Match, Memory, Unit, units_of
from .model import Catalog, Message, Term
from .pofile import read_po
from .powriter import format_po
from .provenance import (
    MARKUP_NOTE,
    is_provenance,
    mt_comment,
    not_placed_comment,
    origin_of,
    parse,
    tm_comment,
)
from .terminology import Tally, enforce_terms


@dataclass
class LanguageReport:
    """What pretranslation did (or would do) for one language."""

    lang: str
    from_memory: int = 0
    from_engine: int = 0
    markup_failures: int = 0
    engine_inputs: int = 0
    glossary: Tally = field(default_factory=Tally)
    changed: list[str] = field(default_factory=list)
    error: str | None = None
    unplaced: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)
    """Glossary names a draft lacks: (catalog, line, source names)."""


@dataclass
class _Job:
    """The catalogs of one language, and the entries to fill."""

    catalogs: list[tuple[Path, str, Catalog]]
    targets: list[Message]
    where: dict[int, str] = field(default_factory=dict)
    """The shown catalog of each target, by ``id(message)``."""


def is_machine_filled(message: Message) -> bool:
    """Unreviewed machine or memory text (or a draft note): a reviewed entry is a human's."""
    found = origin_of(message)
    if found is not None:
        return found.reviewed is None
    return any(is_provenance(comment) for comment in message.translator_comments)


def pretranslate_language(
    lang: str, source_lang: str, catalogs: list[tuple[Path, str]], terms: list[Term], engine_for: EngineFactory,
    *, other_langs: tuple[str, ...] = (), overwrite_mt: bool = False, dry_run: bool = False,
    progress: Progress | None = None, today: str | None = None, memory_catalogs: Sequence[tuple[Path, str]] = (),
    imported: tuple[Unit, ...] = (),
) -> LanguageReport:
    """Pretranslate every catalog of one language (``catalogs``: path, shown).

    ``memory_catalogs`` are read (never written) as translation memory besides
    ``catalogs``: the language's other articles when only some are filled;
    ``imported``: memory units from TMX files, consulted after the catalogs.
    """
    report = LanguageReport(lang)
    job = _collect(catalogs, overwrite_mt)
    others = [(path, shown, read_po(path, shown=shown)) for path, shown in memory_catalogs if (path, shown) not in catalogs]
    pool = [*job.catalogs, *others]
    memory = Memory([u for _, shown, catalog in pool for u in units_of(catalog, shown)] + list(imported))
    stamp = today or date.today().isoformat()
    queue: list[Message] = []
    for message in job.targets:
        match = memory.lookup(message.msgid, message.msgctxt)
        if match is not None:
            _fill_from_memory(message, match)
            report.from_memory += 1
        else:
            queue.append(message)
    if queue:
        try:
            _machine_translate(queue, lang, source_lang, terms, engine_for, other_langs, report, progress, stamp)
            _note_unplaced(job, queue, report)
        except EngineError as error:
            report.error = str(error)
            report.from_memory = 0
            return report  # nothing written: no catalog of this language is left half-filled
    _write(job, report, dry_run)
    return report


def _collect(catalogs: list[tuple[Path, str]], overwrite_mt: bool) -> _Job:
    loaded = [(path, shown, read_po(path, shown=shown)) for path, shown in catalogs]
    job = _Job(loaded, [])
    for _, shown, catalog in loaded:
        for message in catalog.entries():
            if message.msgid_plural is not None:
                continue
            if (overwrite_mt and is_machine_filled(message) and (message.fuzzy or not message.msgstr)
                    or not message.msgstr and MARKUP_NOTE not in message.translator_comments):
                job.targets.append(message)
                job.where[id(message)] = shown
    return job


def _fill_from_memory(message: Message, match: Match) -> None:
    """Exact or fuzzy, still fuzzy; a fuzzy match shows its old source in ``#|`` for Poedit's diff."""
    _fill(message, match.unit.target, tm_comment(match.unit.origin, match.score))
    if not match.exact:
        message.previous_msgid = match.unit.source
        message.previous_msgctxt = match.unit.context


def _fill(message: Message, text: str, origin: str) -> None:
    message.msgstr = text
    message.fuzzy = True
    message.previous_msgid = message.previous_msgctxt = message.previous_msgid_plural = None
    kept = [c for c in message.translator_comments if not is_provenance(c)]
    message.translator_comments = [*kept, origin]


def _machine_translate(
    queue: list[Message], lang: str, source_lang: str, terms: list[Term], engine_for: EngineFactory,
    other_langs: tuple[str, ...], report: LanguageReport, progress: Progress | None, stamp: str,
) -> None:
    unique = list(dict.fromkeys(message.msgid for message in queue))
    engine = engine_for(source_lang, lang)
    outputs = _translate_all(engine, unique, progress)
    report.engine_inputs = len(unique)
    origin = mt_comment(provenance(engine), stamp)
    for message in queue:
        output = outputs[message.msgid]
        if output is None:
            report.markup_failures += 1
            message.msgstr = ""
            message.translator_comments = [c for c in message.translator_comments if not is_provenance(c)]
            message.translator_comments.append(MARKUP_NOTE)
            continue
        enforced = enforce_terms(message.msgid, output, terms, lang, other_langs)
        report.glossary.add(enforced.tally)
        _fill(message, enforced.text, origin)
        if enforced.unplaced:
            message.translator_comments.insert(-1, not_placed_comment(enforced.unplaced))  # the origin stays last
        report.from_engine += 1


def _note_unplaced(job: _Job, queue: list[Message], report: LanguageReport) -> None:
    """List each draft's not-placed names with the catalog and line it is on."""
    for message in queue:
        for comment in message.translator_comments:
            found = parse(comment)
            if found is not None and found.note == "not placed":
                names = tuple(found.detail.split(", "))
                report.unplaced.append((job.where[id(message)], message.lineno or 1, names))


def _translate_all(engine: Translator, texts: list[str], progress: Progress | None) -> dict[str, str | None]:
    """Translate in one call (the engine batches); markup that does not survive is retried bare."""
    outputs = _checked(engine, texts, engine.translate_batch(texts, progress=progress))
    results: dict[str, str | None] = {
        text: output if _same_markup(text, output) else None for text, output in zip(texts, outputs, strict=True)
    }
    retry = [text for text, output in results.items() if output is None and _edge_atoms_only(text)]
    if retry:
        bare = [PLACEHOLDER_RE.sub("", text).strip() for text in retry]
        for text, output in zip(retry, _checked(engine, bare, engine.translate_batch(bare)), strict=True):
            results[text] = _reattach(text, output)
    return results


def _checked(engine: Translator, texts: list[str], outputs: list[str]) -> list[str]:
    """The outputs, one per text, or an EngineError: a short answer must not drop entries silently."""
    if len(outputs) != len(texts):
        raise EngineError(f"{engine.name} returned {len(outputs)} translations for {len(texts)} texts")
    return outputs


def _same_markup(source: str, output: str) -> bool:
    """Same placeholders, each once, and pairs still open before they close."""
    tags = placeholder_tags(output)
    if Counter(tags) != Counter(placeholder_tags(source)) or len(set(tags)) != len(tags):
        return False
    return all(
        output.index(tag) < output.index(tag.replace("<", "</", 1))
        for tag in tags
        if not tag.startswith("</") and not tag.endswith("/>")
    )


def _edge_atoms_only(text: str) -> bool:
    """Markup only at the very start or end (an image, a line break)."""
    inner = PLACEHOLDER_RE.sub("", text).strip()
    if not inner or not all(tag.endswith("/>") for tag in placeholder_tags(text)):
        return False
    return text.count(inner) == 1  # no tag inside the text itself


def _reattach(text: str, output: str) -> str | None:
    inner = PLACEHOLDER_RE.sub("", text).strip()
    head, _, tail = text.partition(inner)
    return f"{head}{output.strip()}{tail}" if output.strip() else None


def _write(job: _Job, report: LanguageReport, dry_run: bool) -> None:
    for path, shown, catalog in job.catalogs:
        text = format_po(catalog)
        if path.read_text("utf-8") == text:
            continue
        report.changed.append(shown)
        if not dry_run:
            write_text(path, text)
