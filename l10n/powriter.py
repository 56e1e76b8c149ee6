"""PO/POT writing, byte-identical to GNU msgcat (what the fields mean is :mod:`l10n.pofields`).

Writing follows msgcat 0.21 (page width 79, libunistring 1.0); each rule
was found by running msgcat on crafted and random input:

* Strings are escaped (``\\a\\b\\f\\n\\r\\t\\v\\\\\\"``; other control characters
  stay raw), cut after each ``\\n`` and wrapped on the *escaped* text at
  UAX #14 opportunities so that a line holds 79 columns with its quotes. A
  piece keeps its trailing spaces. No break inside an escape, just before a
  final ``\\n``, or inside a c/python/python-brace format directive as
  gettext 0.21 parses them (see l10n.directives); directives of
  the other 27 languages are not parsed. Wide characters count 2 columns,
  combining marks 0. A string with an inner ``\\n``, or one that wraps,
  starts with ``""``. ``no-wrap`` disables wrapping.
* ``#:`` references fill lines up to column 79 (in bytes); repeats are
  dropped (when read, so ``./a:1`` and ``a:1`` both stay), then ``./``.
* Flags: fuzzy, format flags in gettext's order (``possible-`` written plain,
  ``impossible-`` dropped, last mention wins), range, no-wrap; unknown,
  ``wrap`` and ``*-check`` flags are dropped; fuzzy is not written when the
  (first) msgstr is empty, header included, but stays in the model.
* Obsolete entries come after live ones, without their range flag; those
  whose (first) msgstr is empty are dropped. Their comments are not ``#~``.
* Each ``domain`` section follows its ``domain`` line, the default domain
  first and unnamed.
* A catalog holding only a header is written (as ``msgcat --force-po``
  does); plain msgcat writes nothing at all for it.

What cannot be written so that it reads back the same is refused
(CatalogError): a header charset other than UTF-8 (ASCII for ASCII text), a
comment holding a line break or ending in a backslash.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from l10n.errors import CatalogError
from l10n.files import write_text
from l10n.pofields import DEFAULT_DOMAIN, normalize_flags, require_utf8
from l10n.pomodel import Catalog, Message
from l10n.wrapping import PAGE_WIDTH, wrap_string

_wrapped = lru_cache(maxsize=16384)(wrap_string)
"""``wrap_string`` remembered (it is pure): a template and each language's catalog wrap the same msgids.
The lists it returns are shared, so callers only copy from them."""


def write_po(catalog: Catalog, path: str | Path) -> bool:
    """Write ``catalog`` as msgcat would (atomically); True if the file changed."""
    return write_text(path, format_po(catalog))


def format_po(catalog: Catalog) -> str:
    """Render ``catalog`` exactly as GNU msgcat 0.21 renders the same content.

    Each domain's entries follow its ``domain`` line, the default domain
    first and unnamed (msgcat's order). Raises CatalogError for what would
    read back differently: a header charset other than UTF-8 (or ASCII for
    ASCII text), a comment holding a line break or ending in a backslash.
    """
    domains: dict[str, list[Message]] = {DEFAULT_DOMAIN: []}
    for message in catalog.messages:
        domains.setdefault(message.domain, []).append(message)
    parts = []
    for name, messages in domains.items():
        live = [_format_message(m, catalog) for m in messages if not m.obsolete]
        dead = [_format_message(m, catalog) for m in messages if m.obsolete and _first_msgstr(m)]
        if name != DEFAULT_DOMAIN:
            live.insert(0, f'domain "{name}"\n')
        if live or dead:
            parts.append("\n".join(live + dead))
    text = "\n".join(parts)
    require_utf8(catalog, text)
    return text


def _first_msgstr(msg: Message) -> str:
    return msg.msgstr_plural.get(0, "") if msg.msgid_plural is not None else msg.msgstr


def _format_message(msg: Message, catalog: Catalog) -> str:
    lines = [_comment_line("#", text, msg, catalog) for text in msg.translator_comments]
    lines += [_comment_line("#.", text, msg, catalog) for text in msg.extracted_comments]
    if msg.references:
        lines += _reference_lines(msg.references)
    flags, wrap, fmt = _written_flags(msg) if msg.flags else ([], True, "")
    if flags:
        lines.append("#, " + ", ".join(flags))
    previous = "#~| " if msg.obsolete else "#| "
    for name, value in (("msgctxt", msg.previous_msgctxt), ("msgid", msg.previous_msgid),
                        ("msgid_plural", msg.previous_msgid_plural)):
        if value is not None:
            lines += _wrapped(previous, name, value, wrap, fmt)
    prefix = "#~ " if msg.obsolete else ""
    if msg.msgctxt is not None:
        lines += _wrapped(prefix, "msgctxt", msg.msgctxt, wrap, fmt)
    lines += _wrapped(prefix, "msgid", msg.msgid, wrap, fmt)
    if msg.msgid_plural is None:
        lines += _wrapped(prefix, "msgstr", msg.msgstr, wrap, fmt)
    else:
        lines += _wrapped(prefix, "msgid_plural", msg.msgid_plural, wrap, fmt)
        plural = msg.msgstr_plural or {0: ""}
        for n in sorted(plural):
            lines += _wrapped(prefix, f"msgstr[{n}]", plural[n], wrap, fmt)
    lines.append("")
    return "\n".join(lines)


def _written_flags(msg: Message) -> tuple[list[str], bool, str]:
    """The ``#,`` flags as written (no fuzzy on an empty msgstr, no range on an
    obsolete entry), whether to wrap, and the format whose directives stay whole."""
    flags = [flag for flag in normalize_flags(", ".join(msg.flags))
             if not (flag == "fuzzy" and not _first_msgstr(msg)
                     or msg.obsolete and flag.startswith("range:"))]
    fmt = next((f[:-7] for f in flags if f.endswith("-format") and f[:3] != "no-"), "")
    return flags, "no-wrap" not in flags, fmt


def _comment_line(marker: str, text: str, msg: Message, catalog: Catalog) -> str:
    """One comment line, as msgcat writes it; refuse text no comment line can
    hold: a line break would read back as two comments, and a final backslash
    would join the next line (a comment has no escapes)."""
    if "\n" in text or text.endswith("\\"):
        problem = "a line break" if "\n" in text else "a final backslash"
        raise CatalogError(f"comment {text[:40]!r} of msgid {msg.msgid[:40]!r} holds {problem}, "
                           "which a PO comment cannot hold (it would read back differently)",
                           path=catalog.path, line=msg.lineno or None)
    return marker + (" " + text if text else "")


def _reference_lines(refs: list[str]) -> list[str]:
    lines, line, column = [], "#:", 2
    for ref in dict.fromkeys(refs):  # gettext drops repeated positions when reading
        while ref.startswith("./"):
            ref = ref[2:]
        size = len(ref.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line, column = f"{line} {ref}", column + size
    return lines + [line] if refs else lines

