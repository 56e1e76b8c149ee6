"""polib as the independent second reader of every catalog a test leaves behind.

After each test, every ``.po``/``.pot`` file under its ``tmp_path`` that our
reader accepts is read again by polib, and the two must agree on each entry:
context, msgid, plural, msgstr (and plural forms), flags, translator and
extracted comments, references, obsolete state and previous msgids. Files
our reader refuses (the bad-input corpus) and multi-domain files (polib
knows no ``domain`` line) are left out.
"""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.errors import L10nError
from l10n.model import Message
from l10n.pofile import read_po


def _ours(message: Message) -> tuple[object, ...]:
    plural = dict(sorted(message.msgstr_plural.items()))
    return (
        message.msgctxt, message.msgid, message.msgid_plural, message.msgstr if message.msgid_plural is None else plural,
        sorted(set(message.flags) | ({"fuzzy"} if message.fuzzy else set())), "\n".join(message.translator_comments),
        "\n".join(message.extracted_comments), sorted(message.references), message.obsolete,
        message.previous_msgctxt, message.previous_msgid,
    )


def _theirs(entry: polib.POEntry) -> tuple[object, ...]:
    plural = {int(k): v for k, v in sorted(entry.msgstr_plural.items())}
    refs = sorted(f"{name}:{line}" if line else name for name, line in entry.occurrences)
    return (
        entry.msgctxt, entry.msgid, entry.msgid_plural or None, entry.msgstr if not entry.msgid_plural else plural,
        sorted(set(entry.flags)), entry.tcomment, entry.comment, refs, bool(entry.obsolete),
        entry.previous_msgctxt, entry.previous_msgid,
    )


def disagreements(path: Path) -> list[str]:
    """Entries on which polib and our reader disagree (empty when they agree or we refuse the file)."""
    text = path.read_bytes()
    if b"\ndomain " in text or text.startswith(b"domain "):
        return []
    try:
        catalog = read_po(path)
    except (L10nError, UnicodeError):
        return []
    ours = [_ours(m) for m in catalog.messages if not m.is_header]
    theirs = [_theirs(e) for e in polib.pofile(str(path), wrapwidth=0) if e.msgid or e.msgctxt]
    ours_sorted, theirs_sorted = sorted(map(repr, ours)), sorted(map(repr, theirs))
    if ours_sorted == theirs_sorted:
        return []
    return [f"{path}: ours {a}\n  polib {b}" for a, b in zip(ours_sorted, theirs_sorted, strict=False) if a != b][:3] or [
        f"{path}: {len(ours)} entries (ours) vs {len(theirs)} (polib)"]
