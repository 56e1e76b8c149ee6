"""PO/POT files: a strict parser and a writer byte-identical to GNU msgcat.

Why a hand parser and not polib: polib accepts duplicate msgids and bad
escapes silently, reports few errors with line numbers, cannot reproduce
gettext's reading quirks (only the last ``#,`` line of an entry counts, ``#:``
tokens are re-split the way gettext does) and does not write gettext's
layout. A ~150-line line parser gives exact line numbers, and the writer
needs gettext's rules anyway, so this module imports no PO library at all.

Reading decisions: input is UTF-8 (a header charset other than UTF-8, or the
``CHARSET`` placeholder of templates, is an error only in the first case); a
UTF-8 byte order mark is rejected, as msgcat rejects it; CRLF line ends are
accepted and read as LF; comments left over at the end of the file are
dropped, as msgcat drops them.

Writing reproduces ``msgcat`` 0.21 with default options (page width 79),
which breaks lines with libunistring 1.0's UAX #14 implementation. The rules,
each verified by running msgcat on crafted input:

* Strings are escaped (``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"``, other control
  characters raw), split after every ``\\n``, and each piece is wrapped on
  the *escaped* text: a line holds at most 79 columns including the quotes,
  a break falls only at a UAX #14 opportunity (the piece before it keeps its
  trailing spaces), never inside an escape sequence, inside a format
  directive (c, python, python-brace formats) or just before a final ``\\n``.
  East Asian wide characters count two columns, combining marks zero.
* If a string contains a ``\\n`` before its end or needs wrapping, its first
  line is ``msgid ""``. ``#~ `` and ``#| `` prefixes shrink the width.
* A ``no-wrap`` flag disables wrapping of that entry's strings.
* ``#:`` references are filled up to column 79; a leading ``./`` is dropped.
* Flags are rewritten as: fuzzy, format flags in gettext's fixed order
  (``possible-`` becomes plain, ``impossible-`` dropped, the last mention of
  a language wins), ``range: a..b``, ``no-wrap``. Unknown flags, ``wrap`` and
  the ``*-check`` flags are dropped. ``fuzzy`` is not written when the (first)
  msgstr is empty, header included, but it is kept in the model.
* Obsolete entries follow all live ones; those whose (first) msgstr is empty
  are dropped. Their comments, references and flags carry no ``#~`` prefix.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from uniseg.linebreak import line_break

from l10n.errors import CatalogError
from l10n.files import write_text
from l10n.model import Catalog, Message

PAGE_WIDTH = 79
FORMATS = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp "
    "librep ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl "
    "perl perl-brace php gcc-internal gfc-internal ycp"
).split()

# ---------------------------------------------------------------- reading

_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"])\s*")
_LITERAL_RE = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE_RE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
                   "\\": "\\", '"': '"'}
_STAGES = {"msgctxt": 2, "msgid": 3, "msgid_plural": 4, "msgstr": 5}
_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")


def read_po(path: str | Path) -> Catalog:
    """Read and parse a PO/POT file; errors name the file and line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path=str(path)) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        raise CatalogError("UTF-8 byte order mark is not allowed (gettext rejects it)",
                           path=str(path), line=1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError("invalid UTF-8 byte sequence", path=str(path), line=line) from exc
    catalog = parse_po(text, str(path))
    catalog.path = str(path)
    return catalog


def parse_po(text: str, path: str) -> Catalog:
    """Parse PO text into a Catalog, strictly: malformed input raises CatalogError."""
    parser = _Parser(path)
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1
        while line.endswith("\\") and index + 1 < len(lines):  # gettext joins these
            index += 1
            line = line[:-1] + lines[index]
        parser.feed(line, number)
        index += 1
    parser.finish()
    _check_charset(parser.messages, path)
    return Catalog(messages=parser.messages, path=path)


class _Parser:
    """Line-driven state machine; ``stage`` tracks how far the open entry got.

    Stages: 0 comments, 1 previous (``#|``), 2 msgctxt, 3 msgid,
    4 msgid_plural, 5 msgstr. A comment, ``#|``, msgctxt or msgid seen at
    stage 5 closes the entry and opens the next one.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.messages: list[Message] = []
        self.keys: set[tuple[str | None, str]] = set()
        self._open(0)

    def _open(self, lineno: int) -> None:
        self.msg = Message(msgid="", lineno=lineno)
        self.stage, self.field, self.obsolete = 0, "", None
        self.has_msgid = False

    def error(self, text: str, line: int) -> CatalogError:
        return CatalogError(text, path=self.path, line=line)

    def feed(self, line: str, number: int) -> None:
        stripped = line.strip()
        if not stripped:
            return
        if stripped.startswith("#~"):
            rest = stripped[2:].lstrip()
            if rest.startswith("|"):
                self.previous(rest[1:].lstrip(), number)
            elif rest:
                self.keyword(rest, number, obsolete=True)
        elif line.startswith("#|"):
            self.previous(line[2:].lstrip(), number)
        elif line.startswith("#"):
            self.comment(line, number)
        else:
            self.keyword(stripped, number, obsolete=False)

    def _begin(self, stage: int, number: int) -> None:
        """Move the open entry to ``stage``, closing it first if it is complete."""
        if self.stage == 5:
            self.close()
        if self.msg.lineno == 0:
            self.msg.lineno = number
        if stage < self.stage:
            raise self.error("keyword out of order (comment or keyword inside an entry)", number)
        self.stage = stage

    def comment(self, line: str, number: int) -> None:
        if self.stage not in (0, 5):
            raise self.error("comment inside an entry", number)
        self._begin(0, number)
        kind, body = line[1:2], line[2:]
        msg = self.msg
        if kind == ",":
            msg.flags = _normalize_flags(body)
        elif kind == ":":
            msg.references.extend(_parse_references(body))
        elif kind == ".":
            msg.extracted_comments.append(body[1:] if body.startswith(" ") else body)
        else:
            body = line[1:]
            msg.translator_comments.append(body[1:] if body.startswith(" ") else body)

    def previous(self, rest: str, number: int) -> None:
        self._begin(1, number)
        match = _KEYWORD_RE.match(rest)
        if match and match.group(1) != "msgstr" and match.group(2) is None:
            name = "previous_" + match.group(1)
            if getattr(self.msg, name) is not None:
                raise self.error(f"duplicate #| {match.group(1)}", number)
            setattr(self.msg, name, self.literals(rest[match.end():], number))
            self.field = name
        elif rest.startswith('"') and self.field.startswith("previous_"):
            self.append(rest, number)
        else:
            raise self.error("malformed #| line", number)

    def keyword(self, rest: str, number: int, obsolete: bool) -> None:
        if rest.startswith('"'):
            if not self.field or self.field.startswith("previous_"):
                raise self.error("string without a keyword", number)
            self.append(rest, number)
            return
        match = _KEYWORD_RE.match(rest)
        if not match:
            raise self.error(f"unknown keyword: {rest.split()[0]}", number)
        name, index = match.group(1), match.group(2)
        if index is not None and name != "msgstr":
            raise self.error(f"unexpected index after {name}", number)
        self.check_order(name, index, number)
        if self.obsolete is not None and self.obsolete != obsolete:
            raise self.error("entry mixes obsolete (#~) and live lines", number)
        self.obsolete = obsolete
        self.msg.obsolete = obsolete
        self.assign(name, index, self.literals(rest[match.end():], number))

    def check_order(self, name: str, index: str | None, number: int) -> None:
        stage, plural = self.stage, self.msg.msgid_plural is not None
        if name == "msgstr" and index is not None:
            expected = len(self.msg.msgstr_plural) if stage == 5 else 0
            if not plural or stage < 4 or (stage == 5 and not self.msg.msgstr_plural):
                raise self.error("msgstr[n] without msgid_plural", number)
            if int(index) != expected:
                raise self.error(f"plural form has wrong index (expected {expected})", number)
            self.stage = 5
            return
        if name == "msgstr" and (plural or stage not in (3, 4)):
            raise self.error("msgstr without msgid" if not plural else "msgstr needs an index "
                             "after msgid_plural", number)
        if name == "msgid_plural" and stage != 3:
            raise self.error("msgid_plural without msgid", number)
        if name in ("msgctxt", "msgid") and stage in (3, 4):
            raise self.error("missing msgstr", number)
        if name == "msgctxt" and stage == 2:
            raise self.error("duplicate msgctxt", number)
        self._begin(_STAGES[name], number)

    def assign(self, name: str, index: str | None, value: str) -> None:
        msg = self.msg
        if index is not None:
            msg.msgstr_plural[int(index)] = value
            self.field = f"msgstr[{index}]"
            return
        setattr(msg, name, value)
        self.has_msgid = self.has_msgid or name == "msgid"
        self.field = name

    def append(self, rest: str, number: int) -> None:
        value = self.literals(rest, number)
        if self.field.startswith("msgstr["):
            self.msg.msgstr_plural[int(self.field[7:-1])] += value
        else:
            setattr(self.msg, self.field, getattr(self.msg, self.field) + value)

    def literals(self, rest: str, number: int) -> str:
        """Decode the string literal(s) of a line; gettext concatenates adjacent ones."""
        parts, pos = [], 0
        while pos < len(rest):
            match = _LITERAL_RE.match(rest, pos)
            if not match:
                problem = "unterminated string" if '"' in rest[pos:] else "expected a string"
                raise self.error(problem, number)
            parts.append(_unescape(match.group(1), self, number))
            pos = match.end()
        if not parts:
            raise self.error("expected a string", number)
        return "".join(parts)

    def close(self) -> None:
        msg = self.msg
        if msg.key in self.keys:
            raise self.error("duplicate message definition", msg.lineno)
        self.keys.add(msg.key)
        self.messages.append(msg)
        self._open(0)

    def finish(self) -> None:
        if self.stage == 5:
            self.close()
        elif self.stage > 0:
            raise self.error("incomplete entry at end of file (missing msgstr)", self.msg.lineno)


def _unescape(body: str, parser: _Parser, number: int) -> str:
    """Decode C escapes; octal and hex escapes are bytes, so UTF-8 is re-decoded."""
    if "\\" not in body:
        return body
    has_bytes = False

    def replace(match: re.Match[str]) -> str:
        nonlocal has_bytes
        octal, hexa, char = match.groups()
        if char is not None:
            if char not in _SIMPLE_ESCAPES:
                raise parser.error(f"invalid escape sequence \\{char}", number)
            return _SIMPLE_ESCAPES[char]
        value = int(octal, 8) if octal else int(hexa, 16)
        if value > 0xFF:
            raise parser.error(f"escape value out of range: {match.group(0)}", number)
        has_bytes = has_bytes or value >= 0x80
        return chr(value) if value < 0x80 else chr(0xDC00 + value)

    text = _ESCAPE_RE.sub(replace, body)
    if not has_bytes:
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        raise parser.error("escaped bytes are not valid UTF-8", number) from None


def _normalize_flags(text: str) -> list[str]:
    """Parse a ``#,`` line the way gettext does and return its canonical flags."""
    fuzzy, wrap, span = False, "", ""
    formats: dict[str, str] = {}
    tokens = [token for token in _FLAG_SEPARATORS.split(text) if token]
    for i, token in enumerate(tokens):
        if token == "fuzzy":
            fuzzy = True
        elif token in ("wrap", "no-wrap"):
            wrap = token
        elif token.endswith("-format"):
            _set_format(formats, token[:-7])
        elif token == "range:" and i + 1 < len(tokens):
            match = re.match(r"(\d+)\.\.(\d+)", tokens[i + 1])
            if match and int(match.group(1)) <= int(match.group(2)):
                span = f"range: {int(match.group(1))}..{int(match.group(2))}"
    flags = ["fuzzy"] if fuzzy else []
    flags += [formats[lang] for lang in FORMATS if lang in formats]
    return flags + ([span] if span else []) + (["no-wrap"] if wrap == "no-wrap" else [])


def _set_format(formats: dict[str, str], name: str) -> None:
    for prefix, template in (("no-", "no-{}-format"), ("possible-", "{}-format"),
                             ("impossible-", ""), ("", "{}-format")):
        lang = name[len(prefix):] if name.startswith(prefix) else None
        if lang in FORMATS:
            formats[lang] = template.format(lang)
            if not template:
                del formats[lang]
            return


def _parse_references(text: str) -> list[str]:
    """Split a ``#:`` line into ``file:line`` tokens as gettext's reader does."""
    refs: list[str] = []
    tokens = text.split()
    i = 0
    while i < len(tokens):
        token, after = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        i += 1
        if re.fullmatch(r":\d+", after) or (after == ":" and i + 1 < len(tokens)
                                             and tokens[i + 1].isdigit()):
            number, i = (after[1:], i + 1) if after != ":" else (tokens[i + 1], i + 2)
        elif token.endswith(":") and after.isdigit():
            token, number, i = token[:-1], after, i + 1
        elif (match := re.fullmatch(r"(.+):(\d+)", token, re.S)) is not None:
            token, number = match.groups()
        else:
            refs.append(token)
            continue
        refs.append(f"{token}:{int(number)}")
    return refs


def _check_charset(messages: list[Message], path: str) -> None:
    for msg in messages:
        if msg.is_header:
            match = re.search(r"charset=([^\s]+)", msg.msgstr)
            charset = match.group(1) if match else "CHARSET"
            if charset.upper() not in ("UTF-8", "CHARSET"):
                raise CatalogError(f"unsupported charset {charset} (only UTF-8 is read)",
                                   path=path, line=msg.lineno)
            return


# ---------------------------------------------------------------- writing

def write_po(catalog: Catalog, path: str | Path) -> bool:
    """Write ``catalog`` as msgcat would; True if the file changed."""
    return write_text(path, format_po(catalog))


def format_po(catalog: Catalog) -> str:
    """Render ``catalog`` exactly as GNU ``msgcat`` 0.21 renders the same content."""
    live = [_format_message(m) for m in catalog.messages if not m.obsolete]
    dead = [_format_message(m) for m in catalog.messages if m.obsolete and _first_msgstr(m)]
    return "\n".join(live + dead)


def _first_msgstr(msg: Message) -> str:
    return msg.msgstr_plural.get(0, "") if msg.msgid_plural is not None else msg.msgstr


def _format_message(msg: Message) -> str:
    lines: list[str] = []
    for text in msg.translator_comments:
        lines += _comment_lines("#", text)
    for text in msg.extracted_comments:
        lines += _comment_lines("#.", text)
    lines += _reference_lines(msg.references)
    flags = _normalize_flags(", ".join(msg.flags))
    if not _first_msgstr(msg) and "fuzzy" in flags:
        flags.remove("fuzzy")
    if msg.obsolete:  # msgcat 0.21 does not write the range of obsolete entries
        flags = [flag for flag in flags if not flag.startswith("range:")]
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in flags
    directive = next((f[:-7] for f in flags if f.endswith("-format") and
                      not f.startswith("no-")), None)
    prefix = "#~ " if msg.obsolete else ""
    for name in ("msgctxt", "msgid", "msgid_plural"):
        value = getattr(msg, "previous_" + name)
        if value is not None:
            lines += _wrap("#~| " if msg.obsolete else "#| ", name, value, wrap, directive)
    fields = [("msgctxt", msg.msgctxt), ("msgid", msg.msgid), ("msgid_plural", msg.msgid_plural)]
    if msg.msgid_plural is None:
        fields.append(("msgstr", msg.msgstr))
    else:
        plural = msg.msgstr_plural or {0: ""}
        fields += [(f"msgstr[{n}]", plural[n]) for n in sorted(plural)]
    for name, text in fields:
        if text is not None:
            lines += _wrap(prefix, name, text, wrap, directive)
    return "".join(line + "\n" for line in lines)


def _comment_lines(marker: str, text: str) -> list[str]:
    """One line per ``\\n``-separated part; the space after the marker only if text remains."""
    lines = []
    while True:
        head, newline, rest = text.partition("\n")
        lines.append(marker + (" " if text else "") + head)
        if not newline:
            return lines
        text = rest


def _reference_lines(refs: list[str]) -> list[str]:
    """Fill ``#:`` lines up to the page width, counting bytes like gettext."""
    lines, line, column = [], "#:", 2
    for ref in refs:
        while ref.startswith("./"):
            ref = ref[2:]
        size = len(ref.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + ref
        column += size
    return lines + [line] if refs else lines


# ------------------------------------------------------- string wrapping

_C_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v",
              "\\": "\\", '"': '"'}
_DIRECTIVES = {
    "c": re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?)?)?"
                    r"(?:hh|h|ll|l|L|q|j|z|Z|t)?(?:[diouxXeEfFgGaAcCsSpnm%]|<PRI\w+>)"),
    "python": re.compile(r"%(?:\((?:[^()]|\([^()]*\))*\))?[-+ #0]*(?:\*|\d+)?"
                         r"(?:\.(?:\*|\d+)?)?[hlL]?[diouxXeEfgGcrs%]"),
}
_BRACE_FIELD = r"\{(?:\d+|[A-Za-z_]\w*)(?:\.[A-Za-z_]\w*|\[[^\]]*\])*"
_BRACE_FIELD_RE = re.compile(_BRACE_FIELD)
_BRACE_RE = re.compile(_BRACE_FIELD + r"(?::(?:" + _BRACE_FIELD + r"\}|(?:.?[<>=^])?[-+ ]?#?0?\d*"
                       r"(?:\.\d+)?[bcdoxXneEfFgG%]?))?\}|\{\{|\}\}")
_PROHIBITED, _POSSIBLE, _MANDATORY = 1, 2, 3


def _wrap(prefix: str, keyword: str, value: str, wrap: bool, fmt: str | None) -> list[str]:
    """Port of gettext's ``wrap()`` (write-po.c) for the non-indented style."""
    after_break = len(prefix) + 1
    width = (PAGE_WIDTH if wrap else 1 << 30) - 1 - after_break
    inside = _directive_interiors(value, fmt)
    pieces = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    lines, first, offset = [], True, 0
    for number, piece in enumerate(pieces):
        chars, overrides = _escape(piece, offset, inside)
        offset += len(piece)
        breaks = _line_breaks(chars, overrides, width, len(keyword) + 1)
        if first and chars and (number + 1 < len(pieces) or len(keyword) + 1 > width or breaks):
            lines.append(f'{prefix}{keyword} ""')
            first = False
        if not first:
            breaks = _line_breaks(chars, overrides, width, 0)
        head = f"{prefix}{keyword} " if first else prefix
        first = False
        for start, end in zip([0] + breaks, breaks + [len(chars)]):
            lines.append(f'{head}"{"".join(chars[start:end])}"')
            head = prefix
    return lines


def _directive_interiors(value: str, fmt: str | None) -> set[int]:
    """Indexes where gettext forbids a break, up to the first invalid directive."""
    if fmt == "python-brace":
        return _brace_interiors(value)
    pattern, inside, pos, kinds = _DIRECTIVES.get(fmt or ""), set(), 0, set()
    while pattern is not None and (start := value.find("%", pos)) != -1:
        match = pattern.match(value, start)
        if match is None:
            break
        directive = match.group()
        if directive != "%%":  # gettext rejects named+unnamed (python), $n+plain (c)
            kinds.add(directive[1] in "(" if fmt == "python" else "$" in directive)
            if len(kinds) > 1 or fmt == "python" and directive[1] == "(" and "*" in directive:
                break
        inside.update(range(start + 1, match.end()))
        pos = match.end()
    return inside


def _brace_interiors(value: str) -> set[int]:
    """gettext 0.21 marks python-brace directives at byte offsets relative to
    the directive, not the string, so all of them land on the string's start:
    breaks are forbidden in its first n bytes, n the shortest directive's
    length, unless an invalid directive's error offset comes first."""
    marks: list[tuple[int, bool]] = []
    pos = 0
    while (found := re.compile("[{}]").search(value, pos)) is not None:
        match = _BRACE_RE.match(value, found.start())
        if match is None:
            field = _BRACE_FIELD_RE.match(value, found.start())
            marks.append((len(field.group().encode()) if field else 1, True))
            marks.append((len(value[:found.start()].encode()), True))
            break
        if match.group() not in ("{{", "}}"):
            marks.append((len(match.group().encode()) - 1, False))
        pos = match.end()
    if all(error for _, error in marks):
        return set()
    end, error = min(marks, key=lambda mark: (mark[0], not mark[1]))  # errors win ties
    inside, offset = set(), 0
    for index, char in enumerate(value):
        if 0 < offset <= end and not error:
            inside.add(index)
        offset += len(char.encode())
    return inside


def _escape(piece: str, offset: int, inside: set[int]) -> tuple[list[str], list[int]]:
    """Escaped characters of ``piece`` and gettext's break overrides for each."""
    chars: list[str] = []
    overrides: list[int] = []
    for index, char in enumerate(piece, start=offset):
        override = _PROHIBITED if index in inside else 0
        if char in _C_ESCAPES:
            chars += ["\\", _C_ESCAPES[char]]
            overrides += [override, _PROHIBITED]
        else:
            chars.append(char)
            overrides.append(override)
    if piece.endswith("\n"):
        overrides[-2] = _PROHIBITED
    return chars, overrides


def _line_breaks(chars: list[str], overrides: list[int], width: int, column: int) -> list[int]:
    """Port of libunistring's ``u8_width_linebreaks``: where to start new lines."""
    breaks: list[int] = []
    last_break, piece = None, 0
    possible = _possible_breaks([_lb_class(char) for char in chars])
    for index, char in enumerate(chars):
        kind = overrides[index] or possible[index]
        if kind != _PROHIBITED and last_break is not None and column + piece > width:
            breaks.append(last_break)
            column = 0
        if kind == _MANDATORY:
            last_break, column, piece = None, 0, 0
            continue
        if kind == _POSSIBLE:
            last_break, column, piece = index, column + piece, 0
        piece += _char_width(char)
    if last_break is not None and column + piece > width:
        breaks.append(last_break)
    return breaks


# --------------------------------------- UAX #14 as in libunistring 1.0

# Classes 0-32 index libunistring 1.0's pair table (read from the library);
# "_8" has no members. The rest are resolved by the loop in _possible_breaks.
_CLASSES = ("WJ GL B2 BA BB HY CL CP _8 EX IN NS OP OP2 QU IS NU PO PR SY AL H2 H3 ID ID2 "
            "JL JV JT HL RI ZWJ EB EM BK CR LF CM ZW SP CB AI SA XX").split()
_C = {name: index for index, name in enumerate(_CLASSES)}
_ALIASES = {"CJ": "NS", "NL": "BK", "SG": "XX", "AK": "AL", "AP": "AL", "AS": "AL",
            "VI": "CM", "VF": "CM"}  # Unicode 16 classes libunistring 1.0 does not know
# Row: class before the opportunity, column: class after. D direct, I only
# after spaces, P prohibited.
_PAIRS = """
PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD
PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII
PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD
PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD
PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
""".split()


@lru_cache(maxsize=None)
def _lb_class(char: str) -> int:
    """Line_Break class as libunistring 1.0 resolves it (data: uniseg)."""
    name = line_break(char).value
    name = _ALIASES.get(name, name)
    if name == "OP" and unicodedata.east_asian_width(char) in "FWH":
        name = "OP2"
    elif name == "CP" and char not in ")]":
        name = "CL"
    elif name in ("AI", "SA", "XX"):
        name = "AL"
    elif name == "CB":
        name = "ID"
    return _C[name]


@lru_cache(maxsize=None)
def _char_width(char: str) -> int:
    """Columns of one character, as libunistring's ``uc_width`` counts them."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0
    category = unicodedata.category(char)
    if (category in ("Mn", "Me", "Cf") and code not in (0xCBF, 0xCC6, 0x11A07, 0x11A08, 0x11C3F)
            or 0x1160 <= code < 0x1200 or 0xD7B0 <= code < 0xD800):
        return 0
    wide = category != "Cn" and unicodedata.east_asian_width(char) in "WF"
    return 2 if wide or 0x20000 <= code < 0x40000 else 1


def _possible_breaks(classes: list[int]) -> list[int]:
    """Port of libunistring 1.0's ``u8_possible_linebreaks`` loop, per character."""
    result = []
    last = prev = _C["BK"]
    spaces, regional = False, 0
    for cls in classes:
        if cls in (_C["BK"], _C["CR"], _C["LF"]):
            kind, last, spaces = _MANDATORY, _C["BK"], False
        elif cls == _C["SP"]:
            kind, spaces = _PROHIBITED, True
        elif cls == _C["ZW"]:
            kind, last, spaces = _PROHIBITED, cls, False
        elif cls in (_C["CM"], _C["ZWJ"]):
            kind = _PROHIBITED
            if last == _C["BK"] or last == _C["ZW"] or spaces:
                kind = _PROHIBITED if last == _C["BK"] else _POSSIBLE
                last, spaces = _C["AL"], False
        else:
            kind = _pair_break(last, prev, cls, spaces, regional)
            last, spaces = cls, False
        hebrew_hyphen = prev == _C["HL"] and cls in (_C["HY"], _C["BA"])
        prev = -1 if hebrew_hyphen else cls
        regional = regional + 1 if cls == _C["RI"] else 0
        result.append(kind)
    return result


def _pair_break(last: int, prev: int, cls: int, spaces: bool, regional: int) -> int:
    if last == _C["BK"] or prev == _C["ZWJ"] or prev == -1:  # -1: Hebrew letter + hyphen
        return _PROHIBITED if last != _C["ZW"] else _POSSIBLE
    if last == _C["ZW"]:
        return _POSSIBLE
    if last == _C["RI"] and cls == _C["RI"]:
        return _POSSIBLE if spaces or regional % 2 == 0 else _PROHIBITED
    rule = _PAIRS[last][cls]
    return _POSSIBLE if rule == "D" or (rule == "I" and spaces) else _PROHIBITED
