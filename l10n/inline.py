"""Inline Markdown → placeholder text, and back.

Translators should see words, not Markdown: ``*emphasis*`` becomes
``<1>emphasis</1>``, a link ``[text](url)`` becomes ``<2>text</2>``, a code
span or image becomes ``<3/>``. Each placeholder remembers the exact source
bytes it stands for, so restoring is string substitution and a document
rebuilds byte for byte.

Alignment works on markdown-it's inline tokens: each token is matched back to
its raw characters in the block content (markdown-it does not record inline
offsets). If anything fails to align, :class:`Unaligned` is raised and the
caller treats the block as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # l10n.segment owns the parser; only its token type is named here
    from markdown_it.token import Token

    from .model import Placeholder

PLACEHOLDER_RE = re.compile(r"<(/?)(\d+)(/?)>")
_PAIRED = {"em_open", "strong_open", "s_open", "link_open"}
_CLOSING = {"em_close", "strong_close", "s_close", "link_close"}
_VOID_HTML = re.compile(r"^<(?:area|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b", re.I)


class Unaligned(Exception):
    """markdown-it's tokens could not be matched to the raw block text."""


@dataclass
class Piece:
    """A run of block content: text, a break, or markup (open/close/atom)."""

    kind: str  # "text" | "space" | "open" | "close" | "atom"
    start: int
    end: int
    pair: int = 0
    tokens: tuple[int, int] = (-1, -1)  # the inline tokens it came from (first, last): its HTML


def tokenize(content: str, children: list[Token]) -> list[Piece]:
    """Match inline tokens to ``content`` and return its pieces in order."""
    pieces: list[Piece] = []
    pos = 0
    index = 0
    while index < len(children):
        token = children[index]
        if token.type == "link_open" and token.markup == "autolink":
            end = content.find(">", pos) + 1
            if not content.startswith("<", pos) or end == 0:
                raise Unaligned(token.type)
            first = index
            while children[index].type != "link_close":
                index += 1
            pieces.append(Piece("atom", pos, end, tokens=(first, index)))
            pos = end
        else:
            end, kind = _match(content, pos, token)
            pieces.append(Piece(kind, pos, end, tokens=(index, index)))
            pos = end
        index += 1
    if pos != len(content):
        raise Unaligned("trailing content")
    _pair(pieces, content)
    return pieces


def _match(content: str, pos: int, token: Token) -> tuple[int, str]:
    """Where ``token``'s raw text, starting at ``pos``, ends, and its piece kind."""
    kind = token.type
    if kind in ("text", "text_special", "softbreak", "hardbreak"):
        return _match_text(content, pos, token)
    if kind in _PAIRED or kind in _CLOSING:
        return _match_tag(content, pos, token)
    return _match_atom(content, pos, token)


def _match_text(content: str, pos: int, token: Token) -> tuple[int, str]:
    kind = token.type
    if kind == "softbreak":
        return _regex(content, pos, r"[ \t]*\n[ \t]*"), "space"
    if kind == "hardbreak":
        return _regex(content, pos, r"(?: {2,}|\\)\n[ \t]*"), "atom"
    raw = token.content if kind == "text" else token.markup
    return _expect(content, pos, raw), "text"


def _match_tag(content: str, pos: int, token: Token) -> tuple[int, str]:
    """An opening or closing mark of emphasis, strong, strikethrough or a link."""
    kind = token.type
    if kind == "link_close":
        return _link_tail(content, pos), "close"
    if kind in _PAIRED:
        raw = "[" if kind == "link_open" else token.markup
        return _expect(content, pos, raw), "open"
    return _expect(content, pos, token.markup), "close"


def _match_atom(content: str, pos: int, token: Token) -> tuple[int, str]:
    """A code span, an image or inline HTML: one placeholder for all of it."""
    kind = token.type
    if kind == "code_inline":
        ticks = token.markup
        close = re.compile(rf"(?<!`){re.escape(ticks)}(?!`)")
        match = close.search(content, pos + len(ticks))
        if not content.startswith(ticks, pos) or match is None:
            raise Unaligned(kind)
        return match.end(), "atom"
    if kind == "image":
        if not content.startswith("![", pos):
            raise Unaligned(kind)
        return _link_tail(content, _label_end(content, pos + 1)), "atom"
    if kind == "html_inline":
        return _expect(content, pos, token.content), "atom"
    raise Unaligned(kind)


def _expect(content: str, pos: int, raw: str) -> int:
    if not content.startswith(raw, pos):
        raise Unaligned(raw)
    return pos + len(raw)


def _regex(content: str, pos: int, pattern: str) -> int:
    match = re.compile(pattern).match(content, pos)
    if match is None:
        raise Unaligned(pattern)
    return match.end()


def _label_end(content: str, pos: int) -> int:
    """Index of the ``]`` closing the bracket at ``pos`` (escapes, nesting)."""
    depth = 0
    index = pos
    while index < len(content):
        char = content[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            run = re.match(r"`+", content[index:])
            assert run is not None
            close = content.find(run.group(0), index + len(run.group(0)))
            index = (close if close != -1 else index) + len(run.group(0))
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0:
            return index
        index += 1
    raise Unaligned("unclosed label")


def _link_tail(content: str, pos: int) -> int:
    """End of ``](dest "title")``, ``][ref]``, ``][]`` or a shortcut ``]``."""
    if not content.startswith("]", pos):
        raise Unaligned("link close")
    after = pos + 1
    if content.startswith("(", after):
        return _paren_end(content, after) + 1
    if content.startswith("[", after):
        close = content.find("]", after)
        if close == -1:
            raise Unaligned("reference")
        return close + 1
    return after


def _paren_end(content: str, pos: int) -> int:
    depth = 0
    index = pos
    quote = ""
    while index < len(content):
        char = content[index]
        if char == "\\":
            index += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and content[index - 1].isspace():
            quote = char
        elif char == "<" and depth == 1 and content[index - 1] == "(":
            close = content.find(">", index)
            index = close if close != -1 else index
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise Unaligned("link destination")


def _pair(pieces: list[Piece], content: str) -> None:
    """Number open/close pairs; unmatched HTML tags stay atoms."""
    stack: list[Piece] = []
    counter = 0
    for piece in pieces:
        raw = content[piece.start : piece.end]
        if piece.kind == "atom" and raw.startswith("<") and not raw.startswith("</"):
            if _opens_html(raw):
                piece.kind = "open"
        elif piece.kind == "atom" and raw.startswith("</"):
            name = raw[2:].strip("> \n")
            if stack and _html_name(content, stack[-1]) == name:
                piece.kind = "close"
        if piece.kind == "open":
            counter += 1
            piece.pair = counter
            stack.append(piece)
        elif piece.kind == "close":
            if not stack:
                raise Unaligned("unbalanced markup")
            piece.pair = stack.pop().pair
    for leftover in stack:
        leftover.kind = "atom"
        leftover.pair = 0


def _opens_html(raw: str) -> bool:
    return bool(re.match(r"^<[A-Za-z][\w-]*[^>]*>$", raw, re.S)) and not (
        raw.endswith("/>") or _VOID_HTML.match(raw)
    )


def _html_name(content: str, piece: Piece) -> str:
    raw = content[piece.start : piece.end]
    match = re.match(r"<([A-Za-z][\w-]*)", raw)
    return match.group(1) if match else ""


def restore(text: str, placeholders: tuple[Placeholder, ...]) -> str:
    """Replace ``<n>``, ``</n>`` and ``<n/>`` by the markup they stand for.

    Tags whose number has no placeholder are left as they are (literal text).
    """
    table = {p.number: p for p in placeholders}

    def substitute(match: re.Match[str]) -> str:
        placeholder = table.get(int(match.group(2)))
        if placeholder is None:
            return match.group(0)
        if match.group(3):
            return placeholder.opening if not placeholder.paired else match.group(0)
        if match.group(1):
            return placeholder.closing or match.group(0)
        return placeholder.opening if placeholder.paired else match.group(0)

    return PLACEHOLDER_RE.sub(substitute, text)


def placeholder_tags(text: str) -> list[str]:
    """The placeholder tags of a msgid or msgstr, in order of appearance."""
    return [match.group(0) for match in PLACEHOLDER_RE.finditer(text)]
