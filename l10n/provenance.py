"""The provenance translator comments: the only module that writes or reads them.

Pretranslate records where a draft came from in a translator comment
(``# MT: argos translate-en_uk 1.9 2026-11-25`` or ``# TM: <catalog>``),
because translator comments survive msgmerge, msgcat, Poedit and Weblate,
while unknown flags do not. When a reviewer accepts the entry (clears the
fuzzy flag), ``l10n update`` appends ``; reviewed <date>`` to the origin
comment, so the history stays (engine, date, reviewed) and a later source
edit that makes the entry fuzzy again no longer calls it machine output.

Notes about a draft (``MT: not placed: Bakhmut``, ``MT: not filled: …``)
share the prefix, so refreshing a draft replaces them too, but they are not
origins: :func:`parse` tells them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Message

MT = "MT"
TM = "TM"
_MARKER_RE = re.compile(r"^(?:MT|TM(?: \d{1,3}%)?):")
_NOTE_RE = re.compile(r"^(MT|TM):\s*(not placed|not filled):\s*(.*)$")
_ORIGIN_RE = re.compile(r"^(MT|TM)(?: (\d{1,3})%)?:\s*(.*?)(?:;\s*reviewed\s+(\S+))?\s*$")


@dataclass(frozen=True)
class Provenance:
    """One provenance comment: ``kind`` MT or TM, ``note`` for draft notes."""

    kind: str
    detail: str
    reviewed: str | None = None
    note: str | None = None
    score: int = 100

    @property
    def marker(self) -> str:
        """``MT``, ``TM`` or ``TM 86%``: the comment's marker as written."""
        return self.kind if self.score >= 100 else f"{self.kind} {self.score}%"


def mt_comment(engine: str, stamp: str) -> str:
    """``MT: argos translate-en_uk 1.9 2026-11-25``."""
    return f"{MT}: {engine} {stamp}"


def tm_comment(origin: str, score: int = 100) -> str:
    """``TM: origin`` for an exact memory match, ``TM 86%: origin`` for a fuzzy one."""
    return f"{TM}: {origin}" if score >= 100 else f"{TM} {score}%: {origin}"


def not_placed_comment(names: tuple[str, ...]) -> str:
    """``MT: not placed: Bakhmut, Kyiv``: glossary names the draft lacks."""
    return f"{MT}: not placed: {', '.join(names)}"


MARKUP_NOTE = f"{MT}: not filled: the engine lost or broke the placeholders"
"""Left on an entry the engine could not fill without breaking its placeholders."""


def parse(comment: str) -> Provenance | None:
    """The provenance a translator comment states, or None for other comments."""
    text = comment.strip()
    if not _MARKER_RE.match(text):
        return None
    note = _NOTE_RE.match(text)
    if note:
        return Provenance(note.group(1), note.group(3), note=note.group(2))
    origin = _ORIGIN_RE.match(text)
    assert origin is not None  # the pattern matches any text after the marker
    score = int(origin.group(2)) if origin.group(2) else 100
    return Provenance(origin.group(1), origin.group(3), origin.group(4), score=score)


def is_provenance(comment: str) -> bool:
    """Any marker comment: an origin (MT, TM, TM 86%) or a draft note."""
    return _MARKER_RE.match(comment.strip()) is not None


def origin_of(message: Message) -> Provenance | None:
    """The entry's origin comment (MT or TM, not a note), if any."""
    for comment in message.translator_comments:
        found = parse(comment)
        if found is not None and found.note is None:
            return found
    return None


def unreviewed_draft(message: Message) -> bool:
    """Machine or memory text nobody has accepted yet."""
    found = origin_of(message)
    return found is not None and found.reviewed is None


def record_review(message: Message, stamp: str) -> bool:
    """Mark an accepted (translated, not fuzzy) draft as reviewed on ``stamp``.

    Returns whether the entry changed; an entry already marked, still fuzzy
    or empty is left alone, so a second run rewrites nothing.
    """
    index = unrecorded_review(message)
    if index is None:
        return False
    comment = message.translator_comments[index]
    message.translator_comments[index] = f"{comment.rstrip()}; reviewed {stamp}"
    return True


def unrecorded_review(message: Message) -> int | None:
    """The index of the provenance comment :func:`record_review` would mark; None if it would change nothing."""
    if message.fuzzy or not (message.msgstr or any(message.msgstr_plural.values())):
        return None
    for index, comment in enumerate(message.translator_comments):
        found = parse(comment)
        if found is not None and found.note is None and found.reviewed is None:
            return index
    return None
