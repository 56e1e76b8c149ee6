"""The PO reader's fast path: a whole common entry read with one regex.

Why a module of its own: :mod:`l10n.pofile`'s line-by-line state machine
reads everything gettext reads, but it pays several method calls per line,
and catalogs ``l10n update`` (or gettext) writes are nearly all one shape:
``#`` comments, an optional msgctxt, a msgid and a msgstr, each one quoted
line or a wrapped ``""`` plus continuation lines, with no escape but the
one-character ones (``\\n``, ``\\"``…). :func:`entry` recognises exactly
that shape and builds its Message at once (``benchmarks/poread.py``
measures the gain); anything else (plurals, octal or bad escapes, ``#~``
and ``#|`` lines, odd spacing, a ``#:`` line gettext would re-split, a line
ending in a backslash, the last line without its newline) is left to the
state machine, which reads it as before. How a ``#:`` line splits into
references (:func:`parse_references`) and the one-character escapes
(``UNESCAPES``) live here, as both paths need them.

This is still the PO parser: ``pofile.parse_po`` is the only caller, and
others import :mod:`l10n.pofile`, never this module. What it returns is what
the state machine makes of the same lines (tests/test_pofile_reader_paths.py
compares the two, switching the short cuts off).
"""

from __future__ import annotations

import re

from l10n.pofields import normalize_flags
from l10n.pomodel import Message

UNESCAPES = dict(zip('ntbrfva\\"', '\n\t\b\r\f\v\a\\"', strict=True))
"""The C escapes of a PO string that stand for one character (gettext's lexer)."""

_PLAIN = r'[^"\\\n\r]*(?:\\[ntbrfva\\"][^"\\\n\r]*)*'  # a literal on one line; escapes that cannot fail
_STRINGS = rf'"({_PLAIN})"\n((?:"{_PLAIN}"\n)*)'  # the first literal, then its continuations
_TOKEN = r"[^\s:]\S*:(?:[1-9][0-9]*|0)"  # file:line as gettext keeps it: no leading zero, no colon at an end
_REFERENCE_LINE = rf"#:[^\S\n]*{_TOKEN}(?:[^\S\n]+{_TOKEN})*[^\S\n]*\n"
_REST = r"[^\n]*(?<!\\)"  # the rest of a comment line, not joined to the next one
_ENTRY = re.compile(
    rf"(?:(?:#\. ?({_REST})\n)?(?:({_REFERENCE_LINE}))?(?:#,({_REST})\n)?(?=msg)"  # l10n's own
    rf"|((?:#(?![~|]){_REST}\n)*))"  # or any comment lines but #~ and #|
    rf"(?:msgctxt {_STRINGS})?msgid {_STRINGS}msgstr {_STRINGS}"
    r"\n*"  # blank lines: nothing to the state machine
)
_ESCAPE = re.compile(r"\\(.)")
_TRANSLATOR = re.compile(r"^#(?![.:,]) ?(.*)", re.M)
_EXTRACTED = re.compile(r"^#\. ?(.*)", re.M)
_REFERENCES = re.compile(r"^#:(.*)", re.M)
_FLAGS = re.compile(r"^#,(.*)", re.M)
_PLAIN_REFERENCES = re.compile(rf"\s*{_TOKEN}(?:\s+{_TOKEN})*\s*")
"""A ``#:`` line whose tokens gettext keeps as they are (parse_references
returns them unchanged)."""
_DIGITS = re.compile(r"[0-9]+")
_REFERENCE = re.compile(r"(.+):([0-9]+)")


def entry(text: str, pos: int, domain: str, number: int) -> tuple[Message, int] | None:
    """The entry of the common shape starting at ``pos`` (line ``number``) and
    where the text after it (and its blank lines) starts; None for any other."""
    match = _ENTRY.match(text, pos)
    if match is None:
        return None
    extracted, refs, flags, comments, context, context_more, msgid, msgid_more, msgstr, msgstr_more = match.groups()
    msg = Message(msgid=_string(msgid, msgid_more), msgstr=_string(msgstr, msgstr_more), domain=domain,
                  msgctxt=None if context is None else _string(context, context_more), lineno=number,
                  extracted_comments=[] if extracted is None else [extracted],
                  references=[] if refs is None else list(dict.fromkeys(refs[2:].split())),
                  flags=[] if flags is None else normalize_flags(flags))
    if comments and not _add_comments(msg, comments):
        return None
    return msg, match.end()


def _string(first: str, more: str) -> str:
    """The value of a literal and its continuation lines ``"a"\\n"b"\\n``: each
    ``"\\n"`` in the raw text is a join, as a literal holds no raw newline."""
    text = first + more[1:-2].replace('"\n"', "") if more else first
    return _ESCAPE.sub(lambda found: UNESCAPES[found[1]], text) if "\\" in text else text


def _add_comments(msg: Message, lines: str) -> bool:
    """Read the entry's comment lines into ``msg`` as the state machine does
    (each kind's lines in order; only the last ``#,`` line counts); False at
    a ``#:`` line it should read instead."""
    if "#:" in lines:
        bodies = _REFERENCES.findall(lines)
        if not all(map(_PLAIN_REFERENCES.fullmatch, bodies)):
            return False
        msg.references = list(dict.fromkeys(" ".join(bodies).split()))
    if "#." in lines:
        msg.extracted_comments = _EXTRACTED.findall(lines)
    if flags := _FLAGS.findall(lines):
        msg.flags = normalize_flags(flags[-1])
    msg.translator_comments = _TRANSLATOR.findall(lines)
    return True


def parse_references(text: str) -> list[str]:
    """Split a ``#:`` line into ``file:line`` tokens as gettext's reader does."""
    refs, tokens, i = [], text.split(), 0
    digits = _DIGITS.fullmatch
    while i < len(tokens):
        token, after, third = (tokens[i:i + 3] + ["", ""])[:3]
        i += 1
        if after[:1] == ":" and (digits(after[1:]) or after == ":" and digits(third)):
            number, i = (after[1:], i + 1) if after != ":" else (third, i + 2)
        elif token.endswith(":") and digits(after):
            token, number, i = token[:-1], after, i + 1
        elif match := _REFERENCE.fullmatch(token):
            token, number = match.groups()
        else:
            refs.append(token)
            continue
        refs.append(f"{token}:{int(number)}")
    return refs


