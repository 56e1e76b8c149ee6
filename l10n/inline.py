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
from functools import cache
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


# --- translator text ------------------------------------------------------------
#
# The text between placeholders is the translator's. Markup in it is never the
# source's (the source's is behind the placeholders), so the edition shows it as
# text: each character that Markdown or HTML would read as syntax gets a
# backslash. A backslash escape is literal already and stays; an entity stays
# only when the msgid has it too (``&nbsp;`` copied from the source).

ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_ESCAPE = r"\\[!-/:-@\[-`{-~]"
_SYNTAX = rf"{_ESCAPE}|{ENTITY_RE.pattern}|<(?=[A-Za-z/!?])|[\[\]`*~|]|\\\Z|(?<![^\W_])_|_(?![^\W_])"
"""What Markdown or HTML would read as syntax in the translator's text. A ``|`` (escaped
or not) becomes ``&#124;``: with a ``---`` line after it, a line with a pipe is a table's
header, even an escaped pipe (markdown-it's table rule)."""
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@cache
def _syntax() -> re.Pattern[str]:
    """:data:`_SYNTAX` compiled when an edition is first built, not at import
    (``stats`` imports this module for the placeholder regex alone)."""
    return re.compile(_SYNTAX)


def restore_literal(text: str, placeholders: tuple[Placeholder, ...], msgid: str) -> str:
    """:func:`restore`, with the translator's text between placeholders made literal.

    ``msgid`` is the source's text (its entities may be kept). A line break
    of the translator's becomes a space: it could open a new block.
    """
    return "".join(markdown for _, markdown in literal_parts(text, placeholders, msgid))


def literal_parts(text: str, placeholders: tuple[Placeholder, ...], msgid: str) -> list[tuple[str, str]]:
    """:func:`restore_literal` in parts: (tag, its markup) for a placeholder, ("", Markdown) for
    translator text; the parts let a build assemble the HTML without parsing (:mod:`l10n.skeleton`)."""
    table = {p.number: p for p in placeholders}
    text = _spaces_outside_emphasis(text, table)
    entities = frozenset(ENTITY_RE.findall(translator_text(msgid)))
    out: list[tuple[str, str]] = []
    cursor = 0
    for match in PLACEHOLDER_RE.finditer(text):
        markup = restore(match.group(0), placeholders)
        if int(match.group(2)) not in table or markup == match.group(0):
            continue  # a tag of no placeholder is the translator's text
        if markup in ("]", "][]") and match.group(1):
            markup = _named_reference(int(match.group(2)), msgid, placeholders) or markup
        out.append(("", _literal(text[cursor : match.start()], entities, markup)))
        out.append((match.group(0), markup))
        cursor = match.end()
    out.append(("", _literal(text[cursor:], entities, "")))
    return out


def _named_reference(number: int, msgid: str, placeholders: tuple[Placeholder, ...]) -> str | None:
    """``][label]`` for a shortcut (``[label]``) or collapsed (``[label][]``) reference link: its
    text is its label, so translated text would name no reference and print its brackets."""
    found = re.search(rf"<{number}>(.*?)</{number}>", msgid, re.S)
    label = restore(found.group(1), placeholders) if found else ""
    if not label.strip() or re.search(r"(?<!\\)[\[\]]", label):
        return None  # a label cannot hold an unescaped bracket
    return f"][{label}]"


_DELIMITER_RUN = re.compile(r"[*_~]+")
# Spaces just inside a placeholder pair (moved out of emphasis here; the placeholder-spacing check warns of them).
SPACE_AFTER_OPENING = re.compile(r"<(\d+)>(\s+)")
SPACE_BEFORE_CLOSING = re.compile(r"(\s+)</(\d+)>")


def _spaces_outside_emphasis(text: str, table: dict[int, Placeholder]) -> str:
    """Spaces a translator typed just inside an emphasis pair (``<1> слово </1>``), moved outside it.

    CommonMark does not open or close emphasis next to a space, so ``* слово *``
    would print its asterisks, and at a line start become a list item. The
    translator meant the words emphasised; links and code keep their spaces.
    """

    def emphasis(number: str) -> bool:
        found = table.get(int(number))
        return found is not None and found.paired and _DELIMITER_RUN.fullmatch(found.opening) is not None

    def opening(m: re.Match[str]) -> str:
        if not emphasis(m[1]):
            return m[0]
        space = "" if m.start() == 0 or m.string[m.start() - 1].isspace() else m[2]
        return space + f"<{m[1]}>"

    def closing(m: re.Match[str]) -> str:
        if not emphasis(m[2]):
            return m[0]
        space = "" if m.end() == len(m.string) or m.string[m.end()].isspace() else m[1]
        return f"</{m[2]}>" + space

    return SPACE_BEFORE_CLOSING.sub(closing, SPACE_AFTER_OPENING.sub(opening, text))


def _literal(chunk: str, entities: frozenset[str], following: str) -> str:
    """``chunk`` as Markdown that reads as exactly its characters, before ``following``."""

    def substitute(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in ("|", "\\|"):
            return "&#124;"
        if len(found) == 2 and found[0] == "\\" or found in entities:
            return found
        return "\\" + found

    chunk = _syntax().sub(substitute, _LINE_BREAK.sub(" ", chunk))
    if chunk.endswith("!") and following.startswith("["):
        chunk = chunk[:-1] + "\\!"  # "!" before a link would make it an image
    return chunk


def translator_text(text: str) -> str:
    """``text`` without its placeholders and backslash escapes: what a translator wrote."""
    return re.sub(_ESCAPE, "  ", PLACEHOLDER_RE.sub(" ", text))


_MARKUP_FORMS = (
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # an autolink
    r"|<!--.*?(?:-->|\Z)|<[!?][^<>]*>?"  # a comment, declaration or processing instruction
    r"|</?[A-Za-z][\w-]*(?:[^<>]*>|[^<>]*\Z)"  # a tag, closed or not
    rf"|{ENTITY_RE.pattern}"
    r"|!?\[[^\[\]]*\](?:\((?:[^()]|\([^()]*\))*\)?|\[[^\[\]]*\])"  # a link or image
)
_SCRIPT_URL = r"\b(?:javascript|vbscript):|\bdata:[a-z]+/"
_EVENT_HANDLER = r"\s(on[a-z]+)\s*="


@cache
def _markup_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Markup forms, script URLs and event handlers, compiled (case-blind) when a check first asks,
    not at import: the three cost a process that never checks about 2 ms."""
    return re.compile(_MARKUP_FORMS, re.I | re.S), re.compile(_SCRIPT_URL, re.I), re.compile(_EVENT_HANDLER, re.I)


def markup_forms(text: str) -> list[str]:
    """HTML and Markdown markup in the text of a msgid or msgstr, outside placeholders.

    Tags, comments, entities, autolinks, link and image syntax, script URLs
    and event-handler attributes, each as written. Backslash-escaped
    characters are text, not markup.
    """
    text = translator_text(text)
    markup, script_url, event_handler = _markup_patterns()
    forms: list[str] = []
    for match in markup.finditer(text):
        form = match.group(0)
        forms.append(form)
        if form.startswith("<"):
            forms.extend(f"{name}=" for name in event_handler.findall(form))
    return forms + [match.group(0).lower() for match in script_url.finditer(text)]
