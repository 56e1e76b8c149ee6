"""Segments ↔ catalogs: build templates, merge them into PO files.

Merging follows GNU msgmerge's promises, because translators' work lives in
these files: an exact match keeps its translation; a changed source string
keeps the old translation as ``fuzzy`` with the previous msgid in ``#|``; a
removed string becomes obsolete (``#~``). Nothing translated is ever dropped.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable
from datetime import UTC, datetime

from .glossary import find_terms, hint
from .header import HeaderInfo, po_header, template_header
from .model import Catalog, Document, Message, Term

__all__ = ["HeaderInfo", "build_template", "merge", "now_stamp", "same_content", "template_messages"]

FUZZY_CUTOFF = 0.6


def utc_now() -> datetime:
    """The clock every catalog timestamp is read from (tests replace it to move time on)."""
    return datetime.now(UTC)


def now_stamp() -> str:
    """A gettext-style timestamp (``2026-11-25 12:00+0000``)."""
    return utc_now().strftime("%Y-%m-%d %H:%M+0000")


def template_messages(document: Document, terms: list[Term], languages: tuple[str, ...]) -> list[Message]:
    """One message per distinct (msgctxt, msgid), with references and hints."""
    messages: dict[tuple[str, str], Message] = {}
    for segment in document.segments:
        key = (segment.context, segment.text)
        reference = f"{document.path}:{segment.line}"
        if key in messages:
            messages[key].references.append(reference)
            continue
        comments = [segment.label]
        comments += [hint(term, languages) for term in find_terms(segment.text, terms)]
        messages[key] = Message(
            msgid=segment.text,
            msgctxt=segment.context,
            extracted_comments=comments,
            references=[reference],
        )
    return list(messages.values())


def build_template(document: Document, terms: list[Term], languages: tuple[str, ...], info: HeaderInfo, date: str) -> Catalog:
    """The POT catalog of one document; its glossary hints name every language in ``languages``."""
    return Catalog([template_header(info, date, document.slug), *template_messages(document, terms, languages)])


def same_content(left: Catalog, right: Catalog, ignore: Iterable[str] = ("POT-Creation-Date", "PO-Revision-Date")) -> bool:
    """True if two catalogs differ at most in the given header fields."""
    return _comparable(left, set(ignore)) == _comparable(right, set(ignore))


def _comparable(catalog: Catalog, ignore: set[str]) -> list[object]:
    result: list[object] = []
    for message in catalog.messages:
        item = copy.copy(message)
        item.lineno = 0
        if message.is_header:
            lines = [line for line in message.msgstr.split("\n") if line.partition(":")[0] not in ignore]
            item.msgstr = "\n".join(lines)
        result.append(item)
    return result


def merge(template: Catalog, existing: Catalog | None, lang: str, team: str = "") -> Catalog:
    """Merge the template into a catalog, msgmerge-style (``team``: Language-Team of a new catalog)."""
    old = existing.entries() if existing else []
    obsolete = existing.obsolete_entries() if existing else []
    exact = {m.key: m for m in old}
    by_msgid = {m.msgid: m for m in old if m.msgstr or any(m.msgstr_plural.values())}
    used: set[int] = set()
    merged: list[Message] = [po_header(template, existing, lang, team)]
    for new in template.entries():
        comments = new.extracted_comments
        previous = exact.get(new.key)
        if previous is not None:
            used.add(id(previous))
            merged.append(_refresh(previous, new, comments))
            continue
        candidate = (
            _revive_exact(new, obsolete, used) or by_msgid.get(new.msgid)
            or _similar(new, old, used) or _revive(new, obsolete, used)
        )
        if candidate is not None:
            used.add(id(candidate))
        merged.append(_from_candidate(new, candidate, comments))
    for message in old:
        if id(message) not in used and (message.msgstr or any(message.msgstr_plural.values())):
            merged.append(_obsoleted(message))
    merged.extend(m for m in obsolete if id(m) not in used)
    return Catalog(merged, existing.path if existing else None)


def _refresh(previous: Message, new: Message, comments: list[str]) -> Message:
    message = previous.copy()
    message.extracted_comments = list(comments)
    message.references = list(new.references)
    message.lineno = 0
    if not message.fuzzy:
        message.previous_msgctxt = message.previous_msgid = message.previous_msgid_plural = None
    return message


def _from_candidate(new: Message, candidate: Message | None, comments: list[str]) -> Message:
    message = Message(
        msgid=new.msgid,
        msgctxt=new.msgctxt,
        extracted_comments=list(comments),
        references=list(new.references),
    )
    if candidate is None:
        return message
    message.msgstr = candidate.msgstr
    message.translator_comments = list(candidate.translator_comments)
    message.flags = [flag for flag in candidate.flags if flag != "fuzzy"]
    message.fuzzy = True
    message.previous_msgctxt = candidate.msgctxt
    message.previous_msgid = candidate.msgid
    return message


def _similar(new: Message, pool: list[Message], used: set[int]) -> Message | None:
    """The most similar translated, unused message, as msgmerge's fuzzy match."""
    best: Message | None = None
    best_ratio = FUZZY_CUTOFF
    for message in pool:
        if id(message) in used or not message.msgstr:
            continue
        matcher = difflib.SequenceMatcher(None, new.msgid, message.msgid, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = message, ratio
    return best


def _revive_exact(new: Message, obsolete: list[Message], used: set[int]) -> Message | None:
    """The obsolete translation of this very entry (same msgctxt and msgid).

    It comes back before any other candidate: left behind, it would sit beside
    a live entry with the same key, which no PO reader accepts.
    """
    for message in obsolete:
        if id(message) not in used and message.key == new.key and message.msgstr:
            return message
    return None


def _revive(new: Message, obsolete: list[Message], used: set[int]) -> Message | None:
    """An obsolete translation of the same (or a similar) string comes back."""
    for message in obsolete:
        if id(message) not in used and message.msgid == new.msgid and message.msgstr:
            return message
    return _similar(new, obsolete, used)


def _obsoleted(message: Message) -> Message:
    gone = message.copy()
    gone.obsolete = True
    gone.extracted_comments = []  # msgmerge clears both: they describe the source, which no longer has it
    gone.references = []
    gone.lineno = 0
    return gone
