"""PO/POT files: a strict parser that reads what GNU gettext reads.

Why no polib: it accepts duplicate msgids and bad escapes silently, reports
few errors with a line number, does not reproduce gettext's reading quirks
(only the last ``#,`` line of an entry counts; ``#:`` tokens are re-split) and
does not write gettext's layout. A small line parser gives exact line
numbers, so this module imports no PO library.

Reading follows gettext's lexer: the text is decoded in the charset the
header declares (UTF-8, ASCII, or with ``foreign=True`` any charset Python
has a codec for; ``CHARSET`` reads as UTF-8); a byte order mark is rejected
as msgcat rejects it; CRLF line endings are refused outside comments (GNU
gettext would read them, but the write-back is LF, a whole-file diff), and a
CR inside a comment is kept as msgcat keeps it; a line ending in a
backslash continues on the next line; a ``#`` after an entry's last string
starts the next entry's comment (after any other string, as in gettext, the
entry lacks its msgstr); ``domain "name"`` lines put the entries below them
in that domain; comments after the last entry are dropped, as msgcat drops
them.

Writing is :mod:`l10n.powriter`, which this module does not import: reading a
catalog (``l10n stats``, one process per file in a hook) loads no writer.
"""

from __future__ import annotations

import re
from pathlib import Path

from l10n import poscan
from l10n.errors import CatalogError
from l10n.pofields import DEFAULT_DOMAIN, codec_name, normalize_flags, require_utf8
from l10n.pomodel import Catalog, Message
from l10n.poscan import UNESCAPES, parse_references

__all__ = ["parse_po", "read_po", "require_writable"]

_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"]|$)\s*")
_LITERAL_RE = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE_RE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))")
_CHARSET_RE = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_DOMAIN_RE = re.compile(r'domain(?=[\s"])')
_PLAIN_KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr"}


def read_po(path: str | Path, *, foreign: bool = False, shown: str | None = None) -> Catalog:
    """Read and parse a PO/POT file; every error names the file and line.

    A catalog ``update``, ``pretranslate`` and ``build`` can rewrite or
    compile is UTF-8 (or ASCII) with one domain. ``foreign=True`` also reads
    what only ``stats`` and ``check`` need to: a catalog in another charset
    its header declares (decoded with Python's codecs, as gettext converts)
    and one with several ``domain`` sections. ``shown`` is the name errors
    and the catalog carry (``config.relative(path)``); the path itself by default.
    """
    name = str(path) if shown is None else shown
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path=name) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        raise CatalogError("UTF-8 byte order mark (gettext rejects it)", path=name, line=1)
    catalog = parse_po(_decode(data, name), name)
    if not foreign:
        require_writable(catalog)
    return catalog


def _decode(data: bytes, path: str) -> str:
    """The file's text, in the charset its header declares (UTF-8 if none)."""
    declared = _CHARSET_RE.search(data)
    name = declared.group(1).decode("ascii", "replace") if declared else "UTF-8"
    codec = codec_name(name)
    if codec is None:
        line = data.count(b"\n", 0, declared.start()) + 1 if declared else 1
        raise CatalogError(f"unknown charset {name} in the header", path=path, line=line)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError("invalid UTF-8" if codec == "utf-8" else f"not valid {name} (byte 0x{data[exc.start]:02x})",
                           path=path, line=line) from None


def require_writable(catalog: Catalog) -> None:
    """Refuse a catalog l10n cannot write back as it read it.

    l10n writes UTF-8 catalogs of one domain. A catalog in another charset is
    converted first (``msgconv``), so the conversion is the team's choice and
    one visible diff; a second domain belongs in its own file (``update``
    would otherwise drop its entries, as they match no template entry).
    """
    require_utf8(catalog)
    other = next((m for m in catalog.messages if m.domain != DEFAULT_DOMAIN), None)
    if other is not None:
        raise CatalogError(f"entries in domain {other.domain!r}: l10n reads and writes one domain "
                           "per catalog; move them to a catalog of their own", path=catalog.path,
                           line=other.lineno or 1)


def parse_po(text: str, path: str) -> Catalog:
    """Parse PO text strictly: malformed input raises CatalogError."""
    parser = _Parser(path)
    if "\0" in text:
        raise parser.error("contains a NUL byte (it would cut the string in a compiled MO file)",
                           text[: text.index("\0")].count("\n") + 1)
    pos, number = 0, 1
    while pos < len(text):  # (the empty line after the last newline holds nothing)
        # Between entries, an entry of the common shape is read whole (poscan).
        if text[pos] in "#m" and (parser.stage == 5 or not parser.msg.lineno):
            found = poscan.entry(text, pos, parser.domain, number)
            if found is not None:
                parser.adopt(found[0])
                number, pos = number + text.count("\n", pos, found[1]), found[1]
                continue
        pos, number = _read_line(parser, text, pos, number)
    parser.finish()
    _check_charset(parser, text)
    return Catalog(messages=parser.messages, path=path)


def _read_line(parser: _Parser, text: str, pos: int, number: int) -> tuple[int, int]:
    """Feed the line at ``pos`` (and those a trailing backslash joins to it) to
    the state machine; return where the next line starts, and its number."""
    end = _line_end(text, pos)
    line = text[pos:end]
    if line[:1] == '"' and parser.extend(line) or line[:1] == "m" and parser.keyword_line(line, number):
        return end + 1, number + 1
    after = number + 1
    while line.endswith("\\") and end < len(text):
        pos, end, after = end + 1, _line_end(text, end + 1), after + 1
        line = line[:-1] + text[pos:end]
    if line.endswith("\r") and not _is_comment(line):
        raise parser.error("has CRLF (Windows) line endings; convert to LF (dos2unix, or git's core.autocrlf=input)",
                           number)
    parser.feed(line, number)
    return end + 1, after


def _line_end(text: str, pos: int) -> int:
    """Where the line starting at ``pos`` ends: its newline, or the end of the text."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _is_comment(line: str) -> bool:
    """A ``#`` comment line: gettext keeps a CR in it, as any other character."""
    text = line.lstrip()
    return text.startswith("#") and not text.startswith(("#~", "#|"))


def _check_charset(parser: _Parser, text: str) -> None:
    """Without a charset, GNU tools refuse a file holding non-ASCII text; we
    say so up front rather than guess."""
    header = next((m for m in parser.messages if m.is_header), None)
    if (header is None or "charset=" not in header.msgstr) and not text.isascii():
        raise parser.error("no charset in the header (add Content-Type: text/plain; charset=UTF-8)",
                           header.lineno if header else 1)


class _Parser:
    """Line-driven state machine over one entry at a time.

    ``stage`` says how far the open entry got: 0 comments, 1 ``#|`` lines,
    2 msgctxt, 3 msgid, 4 msgid_plural, 5 msgstr; ``field`` is where a
    continuation string goes. A new entry starts when a comment, ``#|``,
    msgctxt or msgid follows a msgstr.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.messages: list[Message] = []
        self.keys: dict[tuple[str, str | None, str], int] = {}
        self.domain = DEFAULT_DOMAIN
        self.start()

    def start(self) -> None:
        self.msg, self.stage, self.field = Message(msgid="", domain=self.domain), 0, ""
        self.fixed = False  # whether a keyword line has fixed msg.obsolete

    def adopt(self, msg: Message) -> None:
        """Take an entry poscan read whole, as if its lines had been fed: it
        closes the finished entry, and stays open at its msgstr."""
        if self.stage == 5:
            self.keep()
        self.msg, self.stage, self.field, self.fixed = msg, 5, "msgstr", True

    def error(self, text: str, line: int) -> CatalogError:
        return CatalogError(text, path=self.path, line=line)

    def feed(self, line: str, number: int) -> None:
        text = line.lstrip()
        obsolete = text.startswith("#~")
        if obsolete:
            text = text[2:].lstrip()
            previous = text.startswith("|")
            text = text[1:].lstrip() if previous else text
        else:
            previous = text.startswith("#|")
            text = text[2:].lstrip() if previous else text
        if text.startswith("#") and not previous:
            self.comment(text, number)
        elif text.strip():
            self.strings(text.rstrip(), number, previous, obsolete)

    def extend(self, line: str) -> bool:
        """Append a line that is one plain literal continuing the open live
        string (the commonest line, so it skips the general path); False,
        having done nothing, for any other line."""
        body, field = line[1:-1], self.field
        if (line[-1:] != '"' or len(line) < 2 or '"' in body or "\\" in body or not field
                or field.startswith("previous_") or self.msg.obsolete):
            return False
        self.put(field, body)
        return True

    def keyword_line(self, line: str, number: int) -> bool:
        """Read a live keyword line with one plain literal (``msgid "text"``,
        the other common line) as strings() would; False, having done
        nothing, for any other line."""
        name, _, rest = line.partition(" ")
        body = rest[1:-1]
        if (name not in _PLAIN_KEYWORDS or rest[:1] != '"' or rest[-1:] != '"' or len(rest) < 2
                or '"' in body or "\\" in body):
            return False
        self.keyword(name, None, number)
        if self.fixed and self.msg.obsolete:
            raise self.error("entry mixes obsolete (#~) and live lines", number)
        self.msg.obsolete, self.fixed = False, True
        self.put(self.field, body, new=True)
        return True

    def advance(self, stage: int, number: int, what: str) -> None:
        """Enter ``stage``, closing a finished entry; reject going backwards."""
        if self.stage == 5 and stage <= 3:
            self.close()
        if self.stage in (3, 4) and stage <= 3:
            raise self.error(f"missing msgstr (line {number} starts a new entry)", self.msg.lineno)
        if stage < self.stage or stage == self.stage and stage in (2, 3):
            raise self.error(f"{what} out of order", number)
        self.stage = stage
        self.msg.lineno = self.msg.lineno or number

    def comment(self, line: str, number: int) -> None:
        self.advance(0, number, "comment")
        kind, body = line[1:2], line[2:]
        if kind == ",":
            self.msg.flags = normalize_flags(body)  # gettext keeps only the last #, line
        elif kind == ":":
            refs = self.msg.references
            refs += [ref for ref in dict.fromkeys(parse_references(body)) if ref not in refs]
        elif kind == ".":
            self.msg.extracted_comments.append(body[1:] if body[:1] == " " else body)
        else:
            body = line[1:]
            self.msg.translator_comments.append(body[1:] if body[:1] == " " else body)

    def strings(self, rest: str, number: int, previous: bool, obsolete: bool) -> None:
        if _DOMAIN_RE.match(rest) and not previous and not obsolete:
            self.set_domain(rest, number)
            return
        match = _KEYWORD_RE.match(rest)
        if not rest.startswith('"') and not match:
            raise self.error(f"unknown keyword {rest.split()[0]!r}", number)
        if match and previous:
            name = match.group(1)
            self.advance(1, number, f"#| {name}")
            self.field = "previous_" + name
            if name == "msgstr" or match.group(2) or getattr(self.msg, self.field) is not None:
                raise self.error(f"unexpected #| {name}", number)
        elif match:
            self.keyword(match.group(1), match.group(2), number)
        elif not self.field or self.field.startswith("previous_") != previous:
            raise self.error("string without a keyword", number)
        if not previous:
            if self.fixed and self.msg.obsolete != obsolete:
                raise self.error("entry mixes obsolete (#~) and live lines", number)
            self.msg.obsolete, self.fixed = obsolete, True
        value, comment = self.literals(rest[match.end():] if match else rest, number)
        self.put(self.field, value, new=match is not None)
        if comment:  # gettext's lexer: a comment may follow the string on its line
            self.feed(comment, number)

    def set_domain(self, rest: str, number: int) -> None:
        """``domain "name"``: later entries belong to ``name``; comments above it
        are dropped, as gettext drops them (they belong to no entry)."""
        name, comment = self.literals(rest[len("domain"):], number)
        if not name or self.stage in (1, 2):
            raise self.error("domain out of order" if name else "empty domain name", number)
        if self.stage in (3, 4):
            raise self.error(f"missing msgstr (line {number} starts a domain)", self.msg.lineno)
        if self.stage == 5:
            self.close()
        self.domain = name
        self.start()
        if comment:
            self.feed(comment, number)

    def keyword(self, name: str, index: str | None, number: int) -> None:
        msg, label = self.msg, f"msgstr[{index}]" if index else name
        plural = msg.msgid_plural is not None
        if index is not None and (not plural or int(index) != len(msg.msgstr_plural)):
            raise self.error(f"{label} out of order", number)
        if name == "msgstr" and index is None and plural:
            raise self.error("msgstr without index after msgid_plural", number)
        stage = {"msgctxt": 2, "msgid": 3, "msgid_plural": 4, "msgstr": 5}[name]
        if index in (None, "0"):  # msgstr[n>0] just continues the msgstr[] sequence
            if stage == 5 and self.stage not in (3, 4) or stage == 4 and self.stage != 3:
                raise self.error(f"{label} out of order", number)
            self.advance(stage, number, label)
        self.field = label

    def put(self, field: str, value: str, new: bool = False) -> None:
        if field.startswith("msgstr["):
            number = int(field[7:-1])
            old = "" if new else self.msg.msgstr_plural[number]
            self.msg.msgstr_plural[number] = old + value
        else:
            setattr(self.msg, field, ("" if new else getattr(self.msg, field)) + value)

    def literals(self, rest: str, number: int) -> tuple[str, str]:
        """Decode the string literal(s) of a line (gettext joins adjacent ones);
        also return a ``#`` comment that ends the line, or ""."""
        body = rest[1:-1]  # the common line: one literal, nothing to unescape
        if rest[:1] == '"' == rest[-1:] and len(rest) > 1 and '"' not in body and "\\" not in body:
            return body, ""
        parts: list[str] = []
        pos = 0
        while pos < len(rest) or not parts:
            match = _LITERAL_RE.match(rest, pos)
            if not match and parts and rest[pos:].startswith("#"):
                return "".join(parts), rest[pos:]
            if not match:
                tail = rest[pos:].strip()
                problem = ("unterminated string" if tail.startswith('"') else
                           f"unexpected text {tail[:20]!r}" if tail else "expected a string")
                raise self.error(problem, number)
            parts.append(_unescape(match.group(1), self, number))
            pos = match.end()
        return "".join(parts), ""

    def close(self) -> None:
        self.keep()
        self.start()

    def keep(self) -> None:
        """Add the finished entry to the catalog, refusing a second one with its key."""
        msg = self.msg
        if (first := self.keys.setdefault((msg.domain, *msg.key), msg.lineno)) != msg.lineno:
            raise self.error(f"duplicate message (first defined at line {first})", msg.lineno)
        self.messages.append(msg)

    def finish(self) -> None:
        if self.stage == 5:
            self.close()
        elif self.stage > 0:
            raise self.error("entry without msgstr at end of file", self.msg.lineno)


def _unescape(body: str, parser: _Parser, number: int) -> str:
    """Decode C escapes; octal and hex escapes are bytes, so UTF-8 is re-decoded."""
    if "\\" not in body:
        return body
    raw = False

    def replace(match: re.Match[str]) -> str:
        nonlocal raw
        octal, hexa, char = match.groups()
        if char is not None and char not in UNESCAPES:
            raise parser.error(f"invalid escape sequence \\{char}", number)
        if char is not None:
            return UNESCAPES[char]
        value = int(octal or hexa, 8 if octal else 16)
        if value > 0xFF:
            raise parser.error(f"escape out of range: {match.group()}", number)
        raw = raw or value >= 0x80
        return chr(value) if value < 0x80 else chr(0xDC00 + value)  # a lone byte

    text = _ESCAPE_RE.sub(replace, body)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8") if raw else text
    except UnicodeError:
        raise parser.error("escaped bytes are not UTF-8", number) from None
