"""Source Markdown → translatable segments (the only module that imports the Markdown parser).

A segment is a sentence of a translatable block (heading, paragraph, list
item, block quote, table cell, caption) or a human-readable front-matter
value. Each keeps its exact byte range in the source, so rebuilding an
edition is replacing ranges: everything between segments (block markers,
code, blank lines, front-matter keys) is copied verbatim.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType

from .config import FRONT_MATTER_KEYS
from .errors import SourceError
from .frontmatter import FrontMatter, read_front_matter
from .inline import PLACEHOLDER_RE, Piece, Unaligned, tokenize
from .model import Document, HtmlSkeleton, Placeholder, References, Segment
from .sentences import split_sentences
from .skeleton import InlineHtml, block_skeletons, inline_parts, placeholder_html

_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _parser() -> MarkdownIt:
    # text_join off: escapes and entities stay separate tokens with their raw markup; they
    # render as the text text_join would make them (the skeleton renders these tokens).
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
    assert isinstance(parser.renderer, RendererHTML)
    parser.renderer.rules["text_special"] = parser.renderer.rules["text"]
    return _remembering(parser)


@functools.cache
def _html_parser() -> MarkdownIt:
    return _remembering(MarkdownIt("commonmark").enable(["table", "strikethrough"]))


def _remembering(parser: MarkdownIt) -> MarkdownIt:
    """``parser`` made once per process; its link normalization (pure, and costly: URL parsing
    and punycode) remembered per URL, since an edition repeats its source's links."""
    for name in ("normalizeLink", "normalizeLinkText", "validateLink"):
        setattr(parser, name, functools.lru_cache(maxsize=4096)(getattr(parser, name)))
    return parser


def _ignore(*args: object, **kwargs: object) -> None:
    """A logger method that does nothing."""


def _quiet_markdown_it() -> None:
    """Make markdown-it's ``LOGGER.debug`` calls free: it logs on entering every block rule
    for every line (a few percent of a build), and nobody reads those messages."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith("markdown_it") and isinstance(logger, logging.Logger):
            logger.debug = _ignore  # type: ignore[method-assign]


_quiet_markdown_it()


def to_html(markdown: str, blocks: Sequence[int] = (), references: References = (),
            ready: Mapping[int, str] | None = None) -> str:
    """HTML for an edition's Markdown body, with the dialect segmentation reads.

    Given where its top-level blocks start (offsets into ``markdown``, as its
    source's :attr:`Document.blocks` landed in it) and the source's link
    references, each block is rendered on its own and remembered by its
    text: the same as rendering the whole body, since a top-level block's
    HTML depends only on its own lines and the references, and a block an
    edition shares with another (code, a fallback) is parsed once. ``ready``
    maps a block's offset to its HTML already assembled (:mod:`l10n.skeleton`).
    """
    if not blocks:
        html: str = _html_parser().render(markdown)
        return html
    cuts = sorted({0, *blocks, len(markdown)})
    found = ready or {}
    return "".join(found.get(a) or _block_html(markdown[a:b], references) for a, b in itertools.pairwise(cuts))


@functools.lru_cache(maxsize=8192)
def _block_html(markdown: str, references: References) -> str:
    env: EnvType = {"references": {label: {"href": href, "title": title} for label, href, title in references}}
    html: str = _html_parser().render(markdown, env)
    return html


def read_document(path: Path, shown: str, front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS) -> Document:
    """Read and segment one source file; ``shown`` is its project-relative path."""
    return segment_text(source_text(read_source(path, shown), shown), path.stem, shown, front_matter_keys)


def read_source(path: Path, shown: str) -> bytes:
    """A source file's bytes (SourceError when it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", shown) from None


def source_text(data: bytes, shown: str) -> str:
    """A source file's text (SourceError naming the line of a byte that is not UTF-8)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError("not valid UTF-8 (byte 0x%02x)" % data[exc.start], shown, line) from None


def segment_text(text: str, slug: str, shown: str, front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS) -> Document:
    """Split Markdown ``text`` into a Document of segments."""
    if text.startswith("\ufeff"):
        raise SourceError("starts with a UTF-8 byte order mark; save without BOM", shown, 1)
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise SourceError("has CR (Windows or old Mac) line endings; convert to LF", shown, line)
    if "\0" in text:
        raise SourceError("contains a NUL byte", shown, text[: text.index("\0")].count("\n") + 1)
    front = read_front_matter(text, shown)
    metadata, body_start = front.data, front.body_start
    builder = _Builder(text, shown)
    builder.add_front_matter(front, front_matter_keys)
    masked = "\n" * text[:body_start].count("\n") + text[body_start:]
    tokens = _parser().parse(masked, builder.env)
    builder.add_blocks(tokens)
    skeleton = builder.skeleton(tokens)
    if not text[body_start:].strip():
        if body_start:
            line = text[:body_start].count("\n") + 1
            raise SourceError("has front matter but no text after it: nothing to translate", shown, line)
        raise SourceError("is empty: nothing to translate", shown)
    blocks = tuple(builder.line_starts[t.map[0]] for t in tokens if t.level == 0 and t.nesting >= 0 and t.map)
    references = tuple((label, str(ref["href"]), str(ref["title"])) for label, ref in builder.env.get("references", {}).items())
    return Document(slug, shown, text, tuple(builder.segments), metadata, blocks, references, skeleton)


@dataclass
class _Block:
    kind: str
    number: int
    line: int


class _Builder:
    """Accumulates segments with kind counters and duplicate-safe contexts."""

    def __init__(self, text: str, shown: str):
        self.text = text
        self.shown = shown
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.segments: list[Segment] = []
        self.counters: dict[str, int] = {}
        self.seen: dict[tuple[str, str], int] = {}
        self.cursors: dict[int, int] = {}
        self.env: EnvType = {}  # markdown-it's parse state (link references)
        self.inlines: dict[int, list[str | int] | None] = {}  # id(inline token) → its HTML parts
        self.html: dict[int, str | None] = {}  # segment index → its source HTML

    def render(self, tokens: list[Token]) -> str:
        """HTML of block or inline tokens (of inline ones, as ``renderInline`` gives it)."""
        parser = _parser()
        html: str = parser.renderer.render(tokens, parser.options, self.env)
        return html

    def skeleton(self, tokens: list[Token]) -> HtmlSkeleton:
        """The source's HTML cut at its segments (:mod:`l10n.skeleton`)."""

        def make_inline(text: str) -> Token:
            return Token("inline", "", 0, children=[Token("text", "", 0, content=text)])

        blocks = block_skeletons(tokens, self.inlines, self.render, make_inline)
        return HtmlSkeleton(blocks, tuple(self.html.get(i) for i in range(len(self.segments))))

    def add_front_matter(self, front: FrontMatter, keys: tuple[str, ...]) -> None:
        for key in keys:
            found = front.values.get(key)
            if found is None or not isinstance(found.value, str) or not found.value.strip():
                continue
            self._add(found.value.rstrip("\n"), found.start, found.end, key, f"front matter {key}", found.line, ())

    def add_blocks(self, tokens: list[Token]) -> None:
        parents: list[str] = []
        headings = 0
        for index, token in enumerate(tokens):
            if token.nesting == 1:
                parents.append(token.type)
            elif token.nesting == -1:
                parents.pop()
            elif token.type == "inline" and token.map is not None:
                kind = self._kind(parents, tokens[index - 1], headings)
                headings += tokens[index - 1].type == "heading_open"
                self._add_block(token, token.map[0], kind)

    def _kind(self, parents: list[str], opener: Token, headings: int) -> str:
        if opener.type == "heading_open":
            return "headline" if opener.tag == "h1" and headings == 0 else "heading"
        if opener.type in ("th_open", "td_open"):
            return "table cell"
        if "blockquote_open" in parents:
            return "quote"
        if "list_item_open" in parents:
            return "list item"
        return "paragraph"

    def _add_block(self, token: Token, first_line: int, kind: str) -> None:
        content, children = token.content, token.children or []
        if kind == "table cell" and "|" in content:
            # The table rule unescapes ``\|`` in cells; segment the raw cell instead.
            content = content.replace("|", "\\|")
            children = _parser().parseInline(content, self.env)[0].children or []
        offsets = self._line_offsets(content, first_line)
        if offsets is None:
            return
        try:
            pieces = tokenize(content, children)
            rendered: InlineHtml | None = InlineHtml(content, children, pieces, self.render)
        except Unaligned:
            pieces, rendered = [Piece("text", 0, len(content))], None
        pieces = _literal_tags(pieces, content)
        if kind == "paragraph" and _is_caption(pieces, content):
            kind = "caption"
        number = self.counters[kind] = self.counters.get(kind, 0) + 1
        block = _Block(kind, number, first_line + 1)
        spans = self._add_sentences(content, pieces, offsets, block, rendered)
        if spans:
            self.inlines[id(token)] = inline_parts(rendered, len(content), spans)

    def _line_offsets(self, content: str, first_line: int) -> list[tuple[int, int]] | None:
        """(content start, document offset) of each content line, or None."""
        result = []
        position = 0
        for number, line in enumerate(content.split("\n")):
            line_start = self.line_starts[first_line + number]
            line_end = self.text.find("\n", line_start)
            line_end = len(self.text) if line_end == -1 else line_end
            found = self.text.find(line, self._cursor(line_start), line_end)
            if found == -1:
                return None
            result.append((position, found))
            self.cursors[line_start] = found + len(line)
            position += len(line) + 1
        return result

    def _cursor(self, line_start: int) -> int:
        return self.cursors.get(line_start, line_start)

    def _add_sentences(self, content: str, pieces: list[Piece], offsets: list[tuple[int, int]], block: _Block,
                       rendered: InlineHtml | None) -> list[tuple[int, int, int]]:
        """Add the block's sentences; returns each added one's (start, end) in ``content`` and its index."""
        text, starts, ends = _placeholder_text(content, pieces)
        spans = split_sentences(text)
        added: list[tuple[int, int, int]] = []
        for number, (a, b) in enumerate(spans, 1):
            start, end = starts[a], ends[b - 1]
            segment_text = text[a:b]
            segment_text, start, end = _strip_wrapper(segment_text, start, end, pieces)
            msgid, placeholders = _renumber(segment_text, pieces, content, lambda k: _offset(offsets, k), self.text, rendered)
            label = f"{block.kind} {block.number}" if block.kind not in ("headline", "caption") else block.kind
            if len(spans) > 1:
                label += f", sentence {number}"
            line = bisect.bisect_right(self.line_starts, _offset(offsets, start))  # newlines before it, plus one
            if self._add(msgid, _offset(offsets, start), _offset(offsets, end), block.kind, label, line, placeholders):
                added.append((start, end, len(self.segments) - 1))
                self.html[len(self.segments) - 1] = rendered.html(start, end) if rendered is not None else None
        return added

    def _add(self, msgid: str, start: int, end: int, kind: str, label: str, line: int, placeholders: tuple[Placeholder, ...]) -> bool:
        """Add a segment (not one without letters: nothing to translate); whether it was added."""
        if not _LETTER.search(html.unescape(PLACEHOLDER_RE.sub("", msgid))):  # &#1050; is a letter
            return False
        count = self.seen[(kind, msgid)] = self.seen.get((kind, msgid), 0) + 1
        context = kind if count == 1 else f"{kind} #{count}"
        source = self.text[start:end]
        self.segments.append(Segment(msgid, source, context, line, kind, label, start, end, placeholders))
        return True


def _offset(offsets: list[tuple[int, int]], index: int) -> int:
    """Document offset of content index ``index``."""
    starts = [start for start, _ in offsets]
    line = bisect.bisect_right(starts, index) - 1
    content_start, document_start = offsets[line]
    return document_start + index - content_start


def _literal_tags(pieces: list[Piece], content: str) -> list[Piece]:
    """Source text that looks like a tag (``<1>``) becomes an atom, never a placeholder."""
    result: list[Piece] = []
    for piece in pieces:
        last = result[-1] if result else None
        if piece.kind == "text" and last is not None and last.kind == "text":
            last.end = piece.end  # escapes are pieces of their own: "\<1>"
        else:
            result.append(Piece(piece.kind, piece.start, piece.end, piece.pair))
    pieces, result = result, []
    for piece in pieces:
        position = piece.start
        if piece.kind == "text":
            for match in PLACEHOLDER_RE.finditer(content, piece.start, piece.end):
                if match.start() > position:
                    result.append(Piece("text", position, match.start()))
                result.append(Piece("atom", match.start(), match.end()))
                position = match.end()
        if position < piece.end or piece.kind != "text":
            result.append(Piece(piece.kind, position, piece.end, piece.pair))
    return result


def _placeholder_text(content: str, pieces: list[Piece]) -> tuple[str, list[int], list[int]]:
    """Block text with provisional tags, and each character's content span."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    atoms = 1000
    for piece in pieces:
        if piece.kind == "text":
            chunk = content[piece.start : piece.end]
            out.append(chunk)
            starts.extend(range(piece.start, piece.end))
            ends.extend(range(piece.start + 1, piece.end + 1))
            continue
        if piece.kind == "space":
            chunk = " "
        elif piece.kind == "atom":
            atoms += 1
            piece.pair = atoms
            chunk = f"<{atoms}/>"
        else:
            chunk = f"<{'/' if piece.kind == 'close' else ''}{piece.pair}>"
        out.append(chunk)
        starts.extend([piece.start] * len(chunk))
        ends.extend([piece.end] * len(chunk))
    return "".join(out), starts, ends


def _is_caption(pieces: list[Piece], content: str) -> bool:
    """A paragraph that is one emphasis span, like a photo caption."""
    first, last = pieces[0], pieces[-1]
    return (
        len(pieces) >= 3
        and first.kind == "open"
        and last.kind == "close"
        and first.pair == last.pair
        and content[first.start : first.end] in ("*", "_")
    )


def _strip_wrapper(text: str, start: int, end: int, pieces: list[Piece]) -> tuple[str, int, int]:
    """Drop a tag pair that wraps a whole segment: it is not the translator's."""
    match = re.fullmatch(r"<(\d+)>(.*)</\1>", text, re.S)
    if not match or f"<{match.group(1)}>" in match.group(2):
        return text, start, end
    pair = int(match.group(1))
    opening = next(p for p in pieces if p.pair == pair and p.kind == "open")
    closing = next(p for p in pieces if p.pair == pair and p.kind == "close")
    return match.group(2), opening.end, closing.start


def _renumber(text: str, pieces: list[Piece], content: str, offset: Callable[[int], int], document: str,
              html: InlineHtml | None = None) -> tuple[str, tuple[Placeholder, ...]]:
    """Number a segment's tags 1, 2, … and record the markup each restores (and its HTML, given ``html``)."""
    by_pair: dict[int, list[Piece]] = {}
    for piece in pieces:
        if piece.pair:
            by_pair.setdefault(piece.pair, []).append(piece)
    numbers: dict[int, int] = {}
    placeholders: list[Placeholder] = []

    def raw(piece: Piece) -> str:
        return document[offset(piece.start) : offset(piece.end)]

    def substitute(match: re.Match[str]) -> str:
        old = int(match.group(2))
        if old not in numbers:
            numbers[old] = len(numbers) + 1
            parts = by_pair[old]
            closing = raw(parts[1]) if len(parts) > 1 else None
            placeholders.append(Placeholder(numbers[old], raw(parts[0]), closing, placeholder_html(html, parts)))
        return f"<{match.group(1)}{numbers[old]}{match.group(3)}>"

    return PLACEHOLDER_RE.sub(substitute, text), tuple(placeholders)
