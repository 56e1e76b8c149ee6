"""An edition's HTML assembled from its source's, without parsing Markdown again.

Parsing each edition's Markdown was most of a first build. But a translated
segment is text between placeholders, and the placeholders' markup is the
source's: so segmentation keeps the source's HTML cut at its segments (the
skeleton) and each placeholder's HTML, and a build puts the translated
text, HTML-escaped, between them.

That equals parsing the edition only where CommonMark reads the edition's
Markdown as the skeleton says: emphasis delimiters that open and close as
they did, no text trimmed at a line or cell edge, no entity, no reference
link named by its (translated) text. :func:`segment_html` and
:func:`fallback_html` check exactly that and answer None otherwise, and
that block is parsed as before. ``tests/test_skeleton.py`` compares both
ways over real posts with translations made to stress each rule.

The character classes below are markdown-it's (``markdown_it.common.utils``),
written out so that the parser stays :mod:`l10n.segment`'s alone;
``tests/test_skeleton.py`` holds them equal over all of Unicode.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .inline import Piece
from .literal import ENTITY_RE, ESCAPABLE
from .model import Placeholder, SkeletonBlock

if TYPE_CHECKING:
    from markdown_it.token import Token

RenderInline = Callable[[list["Token"]], str]
_SENTINEL = re.compile("\0(\\d+)\0")
_DELIMITERS = "*_~"


# --- segmentation: the source's HTML, cut at segments ------------------------------


class InlineHtml:
    """The HTML of any range of one inline token's content that starts and ends between tokens
    (or inside plain text, which is its own HTML escaped)."""

    def __init__(self, content: str, children: list[Token], pieces: Sequence[Piece], render: RenderInline) -> None:
        self.content = content
        self.cuts: list[tuple[int, int, str, bool]] = []
        for piece in pieces:
            first, last = piece.tokens
            divisible = first == last and children[first].type == "text"
            self.cuts.append((piece.start, piece.end, "" if divisible else render(children[first : last + 1]), divisible))
        self.ends = [b for _, b, _, _ in self.cuts]  # in order: the pieces tile the content

    def html(self, start: int, end: int) -> str | None:
        """HTML of ``content[start:end]`` (None when a boundary falls inside an escape, a break or markup)."""
        out: list[str] = []
        for a, b, html, divisible in self.cuts[bisect.bisect_right(self.ends, start) :]:
            if a >= end:
                break
            if divisible:
                out.append(escape_html(self.content[max(a, start) : min(b, end)]))
            elif a < start or b > end:
                return None
            else:
                out.append(html)
        return "".join(out)


def inline_parts(html: InlineHtml | None, length: int, spans: Sequence[tuple[int, int, int]]) -> list[str | int] | None:
    """One inline token's HTML as gaps and segments: ``spans`` are (start, end, segment index) in
    content order. None when unknown, or when two segments touch (their edges would interact)."""
    if html is None:
        return None
    parts: list[str | int] = []
    cursor = 0
    for start, end, index in spans:
        gap = html.html(cursor, start)
        if gap is None or (parts and start == cursor):
            return None
        parts += [gap, index]
        cursor = end
    tail = html.html(cursor, length)
    return None if tail is None else [*parts, tail]


def placeholder_html(html: InlineHtml | None, parts: Sequence[Piece]) -> tuple[str, str | None] | None:
    """What a placeholder's opening and closing markup render as (None when unknown)."""
    if html is None:
        return None
    opening = html.html(parts[0].start, parts[0].end)
    closing = html.html(parts[1].start, parts[1].end) if len(parts) > 1 else None
    if opening is None or (len(parts) > 1 and closing is None):
        return None
    return opening, closing


def block_skeletons(tokens: list[Token], inlines: dict[int, list[str | int] | None],
                    render: Callable[[list[Token]], str], make_inline: Callable[[str], Token]) -> tuple[SkeletonBlock | None, ...]:
    """Each top-level block's skeleton (the blocks :attr:`Document.blocks` lists).

    ``inlines`` maps ``id(inline token)`` to its parts (an inline token
    missing from it has no segments and renders as it is); ``render``
    renders block tokens, ``make_inline`` makes an inline token of one text.
    """
    starts = [i for i, t in enumerate(tokens) if t.level == 0 and t.nesting >= 0 and t.map]
    result: list[SkeletonBlock | None] = []
    for first, last in zip(starts, [*starts[1:], len(tokens)][: len(starts)], strict=True):
        chosen = [t for t in tokens[first:last] if t.type == "inline" and id(t) in inlines]
        parts = [inlines[id(t)] for t in chosen]
        if any(p is None for p in parts):
            result.append(None)
            continue
        marked = {id(t): make_inline(f"\0{n}\0") for n, t in enumerate(chosen)}
        html = render([marked.get(id(t), t) for t in tokens[first:last]])
        result.append(_filled(html, [p for p in parts if p is not None]))
    return tuple(result)


def _filled(html: str, parts: list[list[str | int]]) -> SkeletonBlock:
    """``html`` with each sentinel replaced by its inline token's parts, adjacent strings joined."""
    items: list[str | int] = []
    cursor = 0
    for match in _SENTINEL.finditer(html):
        items.append(html[cursor : match.start()])
        items.extend(parts[int(match.group(1))])
        cursor = match.end()
    items.append(html[cursor:])
    joined: list[str | int] = []
    for item in items:
        if isinstance(item, str) and joined and isinstance(joined[-1], str):
            joined[-1] += item
        else:
            joined.append(item)
    return tuple(joined)


# --- build: an edition's HTML from the skeleton ------------------------------------------


def assemble(block: SkeletonBlock | None, htmls: Sequence[str | None]) -> str | None:
    """A block's HTML with each segment's edition HTML in place (None if one is unknown)."""
    if block is None:
        return None
    out: list[str] = []
    for item in block:
        if isinstance(item, str):
            out.append(item)
            continue
        html = htmls[item]
        if html is None:
            return None
        out.append(html)
    return "".join(out)


def segment_html(parts: list[tuple[str, str]], placeholders: tuple[Placeholder, ...], text: str,
                 span: tuple[int, int], heading: bool) -> str | None:
    """A translated segment's HTML from its Markdown ``parts`` (:func:`l10n.literal.literal_parts`),
    or None when CommonMark might read that Markdown otherwise. ``text`` is the source document,
    ``span`` the segment's range in it (its neighbours stay the source's)."""
    markdown = "".join(m for _, m in parts)
    start, end = span
    if not markdown or _space(markdown[0]) or _space(markdown[-1]) or "\r" in markdown:
        return None  # a block or cell trims its edges
    if heading and markdown.endswith("#"):
        return None  # a closing sequence of the heading
    if not _edges_kept(text, start, end, markdown[0], markdown[-1]):
        return None
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    table = {p.number: p for p in placeholders}
    out: list[str] = []
    open_tags: list[str] = []
    position = 0
    for tag, part in parts:
        prev = markdown[position - 1] if position else before
        nxt = markdown[position + len(part)] if position + len(part) < len(markdown) else after
        html = _literal_html(part) if not tag else _tag_html(tag, part, table, (prev, nxt), open_tags)
        if html is None:
            return None
        out.append(html)
        position += len(part)
    return "".join(out) if not open_tags else None


def fallback_html(source_html: str | None, text: str, span: tuple[int, int]) -> str | None:
    """A segment shown in the source language: its source HTML, to go in the ``<span lang>`` the
    Markdown puts around it (raw HTML, which renders as written), unless that span's ``<`` and
    ``>`` change how a delimiter next to them reads."""
    start, end = span
    if source_html is None or not _edges_kept(text, start, end, "<", ">"):
        return None
    if not (_inner_edge_kept(text, start, end, ">", first=True) and _inner_edge_kept(text, start, end, "<", first=False)):
        return None
    return source_html


def _tag_html(tag: str, markup: str, table: dict[int, Placeholder], neighbours: tuple[str, str],
              open_tags: list[str]) -> str | None:
    """A placeholder's HTML, when its markup reads in place as it did in the source."""
    number = int(tag.strip("</>"))
    placeholder = table[number]
    if placeholder.html is None:
        return None
    closing = tag.startswith("</")
    if closing:
        if not open_tags or open_tags.pop() != tag.replace("/", ""):
            return None
    elif placeholder.paired:
        open_tags.append(tag)
    prev, nxt = neighbours
    if "\n" in markup and not _break_kept(markup, placeholder, prev, nxt):
        return None
    if placeholder.paired and markup.strip(_DELIMITERS) == "" and not _delimiter_kept(markup, prev, nxt, closing):
        return None
    if closing and markup in ("]", "][]"):
        return None  # a shortcut or collapsed reference: its text names the link
    html = placeholder.html[1] if closing else placeholder.html[0]
    return html


def _break_kept(markup: str, placeholder: Placeholder, prev: str, nxt: str) -> bool:
    """A hard break mid-text, with no space before it to trim or after it to skip."""
    return (not placeholder.paired and re.fullmatch(r"(?: {2,}|\\)\n", markup) is not None
            and prev not in " \t\n" and nxt not in " \t\n")


def _delimiter_kept(run: str, prev: str, nxt: str, closing: bool) -> bool:
    """An emphasis run that only opens (or only closes) here and joins no neighbouring run."""
    if prev == run[0] or nxt == run[0]:
        return False
    can_open, can_close = _flanking(run[0], prev, nxt)
    return (can_close and not can_open) if closing else (can_open and not can_close)


def _flanking(marker: str, prev: str, nxt: str) -> tuple[bool, bool]:
    """Whether a run of ``marker`` between ``prev`` and ``nxt`` can open, close (markdown-it's scanDelims)."""
    prev_punct, next_punct = is_punctuation(prev), is_punctuation(nxt)
    prev_space, next_space = is_whitespace(prev), is_whitespace(nxt)
    left = not (next_space or (next_punct and not (prev_space or prev_punct)))
    right = not (prev_space or (prev_punct and not (next_space or next_punct)))
    split = marker != "_"
    return left and (split or not right or prev_punct), right and (split or not left or next_punct)


def _edges_kept(text: str, start: int, end: int, first: str, last: str) -> bool:
    """The delimiter runs just outside ``text[start:end]`` read the same with ``first``/``last`` at its edges,
    and the segment is not the whole label of a shortcut or collapsed reference link (which its text names)."""
    if text.startswith("]", end) and not text.startswith("(", end + 1) and not re.match(r"\[[^\]]", text[end + 1 : end + 3]):
        return False
    if start > 0 and text[start - 1] in _DELIMITERS:
        marker = text[start - 1]
        run_start = start - 1
        while run_start > 0 and text[run_start - 1] == marker:
            run_start -= 1
        prev = text[run_start - 1] if run_start else " "
        if marker in (first, text[start]) or _flanking(marker, prev, text[start]) != _flanking(marker, prev, first):
            return False
    if end < len(text) and text[end] in _DELIMITERS:
        marker = text[end]
        run_end = end + 1
        while run_end < len(text) and text[run_end] == marker:
            run_end += 1
        nxt = text[run_end] if run_end < len(text) else " "
        if marker in (last, text[end - 1]) or _flanking(marker, text[end - 1], nxt) != _flanking(marker, last, nxt):
            return False
    return True


def _inner_edge_kept(text: str, start: int, end: int, neighbour: str, first: bool) -> bool:
    """The segment's own first (or last) delimiter run reads the same beside ``neighbour``."""
    index = start if first else end - 1
    marker = text[index]
    if marker not in _DELIMITERS:
        return True
    step = 1 if first else -1
    other = index
    while start <= other + step < end and text[other + step] == marker:
        other += step
    inside = text[other + step] if start <= other + step < end else " "
    outside = text[index - step] if 0 <= index - step < len(text) else " "
    if first:
        return _flanking(marker, outside, inside) == _flanking(marker, neighbour, inside)
    return _flanking(marker, inside, outside) == _flanking(marker, inside, neighbour)


def _literal_html(markdown: str) -> str | None:
    """Translator text (made literal by :func:`l10n.literal.literal_parts`) as markdown-it renders it:
    escapes and the ``&#124;`` a pipe became are decoded; any other entity is left to the parser."""
    if "\n" in markdown:
        return None
    other = False

    def decoded(match: re.Match[str]) -> str:
        nonlocal other
        if match.group(1) is not None:
            return match.group(1)
        other = other or match.group(0) != "&#124;"
        return "|"

    text = _LITERAL_TOKEN.sub(decoded, markdown)
    return None if other else escape_html(text)


_LITERAL_TOKEN = re.compile(rf"\\({ESCAPABLE})|&#124;|{ENTITY_RE.pattern}")


def _space(char: str) -> bool:
    return char.isspace() or is_whitespace(char)


# --- markdown-it's character classes ------------------------------------------------

_WHITESPACE = frozenset("\t\n\v\f\r \xa0\u1680\u202f\u205f\u3000") | frozenset(map(chr, range(0x2000, 0x200B)))


def is_whitespace(char: str) -> bool:
    """Whitespace as CommonMark's flanking rules count it (markdown-it's ``isWhiteSpace``)."""
    return char in _WHITESPACE


def is_punctuation(char: str) -> bool:
    """ASCII punctuation, or a Unicode P or S character (markdown-it's ``isMdAsciiPunct or isPunctChar``)."""
    return unicodedata.category(char).startswith(("P", "S")) or (char.isascii() and not char.isalnum() and char.isprintable()
                                                                 and not char.isspace())


def escape_html(text: str) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities: markdown-it's ``escapeHtml``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
