"""Source + translations → an edition (Markdown and standalone HTML).

Rebuilding replaces each segment's byte range in the source with its
translation (placeholders restored to the original markup) and copies
everything else verbatim. A segment whose translation is missing or fuzzy
falls back to the source text and is counted, so editors know what readers
will see in English; the HTML page marks it ``<span lang="en">`` (the source
language) so browsers and screen readers read it as English. The Markdown
edition stays plain Markdown: a document nobody translated rebuilds byte for
byte, and the build report lists the fallbacks.

Typography (:mod:`l10n.typography`) is applied to translated text only, when
the caller passes it: the source's own bytes are never retouched.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .frontmatter import body_start, quote, set_value
from .inline import PLACEHOLDER_RE, restore
from .literal import literal_parts
from .localedata import long_date
from .model import Document, References, Segment
from .segment import to_html
from .skeleton import assemble, fallback_html, segment_html

Translations = Mapping[tuple[str | None, str], str]


@dataclass
class Edition:
    """A built edition and how much of it fell back to the source.

    ``metadata`` is the edition's front matter as data (translated values in
    place of the source's), ``body`` the Markdown after it; ``html_body`` is
    ``body`` with each fallback segment in a ``<span lang>`` of the source
    language, the Markdown the HTML page is made from; ``html_blocks`` are
    the offsets in it where the source's top-level blocks landed, and
    ``references`` the source's link references, so the page can be rendered
    block by block; ``ready`` maps a block's offset in ``html_body`` to its
    HTML when it was assembled from the source's skeleton instead.
    """

    lang: str
    markdown: str
    translated: int = 0
    fallback: list[Segment] = field(default_factory=list)
    metadata: dict[str, object] = field(default_factory=dict)
    body: str = ""
    html_body: str = ""
    html_blocks: tuple[int, ...] = ()
    references: References = ()
    ready: dict[int, str] = field(default_factory=dict)


Typeset = Callable[[str], str]


@dataclass(frozen=True)
class _Run:
    """What one render needs besides the document: translations, typography, the source language."""

    translations: Translations
    edition: Edition
    typeset: Typeset | None
    source_lang: str


def render_markdown(document: Document, translations: Translations, lang: str, *,
                    typeset: Typeset | None = None, source_lang: str = "en") -> Edition:
    """The document with every translated segment substituted (and typeset, given ``typeset``)."""
    edition = Edition(lang, "", metadata=dict(document.metadata))
    run = _Run(translations, edition, typeset, source_lang)
    start = body_start(document.text)
    segments = sorted(document.segments, key=lambda s: s.start)
    head, _, _ = _substitute(document, [s for s in segments if s.start < start], 0, start, run)
    body = [s for s in segments if s.start >= start]
    htmls: list[str | None] = [None] * len(document.segments)
    edition.body, edition.html_body, marked = _substitute(document, body, start, len(document.text), run, htmls)
    edition.html_blocks = _landed(document, body, start, marked, source_lang)
    if document.html is not None and edition.html_blocks:
        assembled = (assemble(block, htmls) for block in document.html.blocks)
        edition.ready = {offset: html for offset, html in zip(edition.html_blocks, assembled, strict=True) if html is not None}
    edition.references = document.references
    if document.metadata.get("language", lang) != lang:
        head = set_value(head, "language", lang, document.path)
        edition.metadata["language"] = lang
    edition.markdown = head + edition.body
    return edition


def _substitute(document: Document, segments: list[Segment], start: int, end: int, run: _Run,
                htmls: list[str | None] | None = None) -> tuple[str, str, list[str]]:
    """``document.text[start:end]`` with the given segments translated, plain and with fallbacks
    marked, and each segment's text as the marked one has it; given ``htmls`` (one per
    segment of the document), each segment's HTML where it is known without parsing."""
    parts: list[str] = []
    marked: list[str] = []
    texts: list[str] = []
    cursor = start
    index = {id(segment): number for number, segment in enumerate(document.segments)}
    for segment in segments:
        between = document.text[cursor : segment.start]
        text, pieces = _render_segment(segment, run, document)
        translated = bool(run.translations.get((segment.context, segment.text)))
        label = _shortcut_label(document, segment)
        if label and translated and text != segment.source:
            text += label  # the translated text no longer names the reference: name it
        parts += [between, text]
        if htmls is not None and document.html is not None:
            htmls[index[id(segment)]] = _segment_html(document, index[id(segment)], pieces, translated, run.source_lang)
        if not translated:
            text = _in_source_language(text, run.source_lang) + label  # the span would be in the label
        marked += [between, text]
        texts.append(text)
        cursor = segment.end
    parts.append(document.text[cursor:end])
    marked.append(document.text[cursor:end])
    return "".join(parts), "".join(marked), texts


def _shortcut_label(document: Document, segment: Segment) -> str:
    """``][label`` when the segment is the whole text of a shortcut reference link (``[label]``, a
    wrapper the segment does not hold), so that text other than the label keeps the link; else ""."""
    text, start, end = document.text, segment.start, segment.end
    if not (text[start - 1 : start] == "[" and text[end : end + 1] == "]") or text[end + 1 : end + 2] in ("(", "["):
        return ""
    label = text[start:end]
    wanted = " ".join(label.split()).lower().upper()  # markdown-it's normalizeReference, near enough to confirm
    if "\n" in label or not any(reference == wanted for reference, _, _ in document.references):
        return ""
    return f"][{label}"


def _segment_html(document: Document, number: int, pieces: list[tuple[str, str]] | None, translated: bool,
                  source_lang: str) -> str | None:
    """One body segment's HTML from the skeleton: the source's, in a ``<span lang>`` when it is a
    fallback, or assembled from the translation's parts (None: its block is parsed)."""
    assert document.html is not None
    segment = document.segments[number]
    source = document.html.segments[number]
    span = (segment.start, segment.end)
    if not translated:
        inner = fallback_html(source, document.text, span)
        return None if inner is None else _in_source_language(inner, source_lang)
    if pieces is None:
        return source
    return segment_html(pieces, segment.placeholders, document.text, span, segment.kind in ("heading", "headline"))


def _in_source_language(text: str, source_lang: str) -> str:
    return f'<span lang="{html.escape(source_lang)}">{text}</span>'


def _landed(document: Document, segments: list[Segment], start: int, marked: list[str], source_lang: str) -> tuple[int, ...]:
    """Where the source's top-level blocks begin in the edition's marked body (none when unsure).

    ``marked`` holds each segment's text as the body has it. Segments never
    cross a block boundary, and a text that is the source's own (kept, or a
    fallback) keeps its block as it was; a translation with a line that is
    blank or could start a block (escaping misses markup restored from a
    placeholder) might join or split blocks, so it gives up, as does a
    boundary inside a segment.
    """
    for segment, text in zip(segments, marked, strict=True):
        if text not in (segment.source, _in_source_language(segment.source, source_lang)) and _may_open_block(text):
            return ()
    landed: list[int] = []
    shift, cursor = -start, start  # edition offset = source offset + shift, past the segments so far
    ends = [(segment.start, segment.end, len(text)) for segment, text in zip(segments, marked, strict=True)]
    blocks = sorted(b for b in document.blocks if b >= start)
    index = 0
    for block in blocks:
        while index < len(ends) and ends[index][0] < block:
            first, last, length = ends[index]
            shift += length - (last - first)
            cursor = last
            index += 1
        if block < cursor:
            return ()
        landed.append(block + shift)
    return tuple(landed)


def _may_open_block(text: str) -> bool:
    """Whether a line of ``text``, landing at a line start, could be blank or start a block."""
    return any(not line.strip() or _BLOCK_START.match(line) for line in text.split("\n"))


def _render_segment(segment: Segment, run: _Run, document: Document) -> tuple[str, list[tuple[str, str]] | None]:
    """A segment's text in the edition, and the parts it was made of (None: the source's own bytes)."""
    msgstr = run.translations.get((segment.context, segment.text))
    if not msgstr:
        run.edition.fallback.append(segment)
        return segment.source, None
    run.edition.translated += 1
    if msgstr == segment.text:
        return segment.source, None  # kept as it is (a name, a number, code): no restoring to compare
    restored = restore(msgstr, segment.placeholders)
    if restored == restore(segment.text, segment.placeholders):
        return segment.source, None  # unchanged text keeps the source's own line breaks
    if run.typeset is not None:
        msgstr = run.typeset(msgstr)
        restored = restore(msgstr, segment.placeholders)
    edition = run.edition
    if segment.label.startswith("front matter"):
        edition.metadata[segment.kind] = restored
        return quote(restored), []
    if document.text[segment.end : segment.end + 1] in ("\n", ""):
        msgstr = msgstr.rstrip(" \t")  # trailing spaces before a line break would make a <br>
    msgstr = _escape_line_starts(msgstr, segment, document)
    pieces = literal_parts(msgstr, segment.placeholders, segment.text)
    return "".join(markdown for _, markdown in pieces), pieces


# Text that would open a new block at the start of a line: a heading, quote,
# list item, thematic break, setext underline, code fence or HTML block. An
# inline tag (or an autolink) with text after it on its line opens none: its
# name is not an HTML block's (CommonMark 4.6, kinds 1 and 6), nor is it alone (kind 7).
_INLINE_LEAD = (r"(?:/?(?:a|abbr|b|code|em|i|kbd|small|span|strong|sub|sup)\b[^<>\n]*>"
                r"|[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>)[ \t]*\S")
_BLOCK_START = re.compile(
    r"[ \t]{0,3}(?:(#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]+\S)|([-*_])[ \t]*(?:\2[ \t]*){2,}$|=+[ \t]*$|-+[ \t]*$"
    rf"|```|~~~|<(?!{_INLINE_LEAD})(?=[A-Za-z!?]|/[A-Za-z]))"
    r"|\d{1,9}([.)])(?=[ \t]|$))",
    re.M,
)
_LINE_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*")


def _escape_line_starts(msgstr: str, segment: Segment, document: Document) -> str:
    """Escape translated text that would start a block where it lands at a line start.

    A segment's text is one line of the edition: it lands at a line start when
    its block does, and after each restored hard line break.
    """
    line_start = document.text.rfind("\n", 0, segment.start) + 1
    starts = [0] if _LINE_PREFIX.fullmatch(document.text, line_start, segment.start) else []
    breaks = {f"<{p.number}/>" for p in segment.placeholders if not p.paired and "\n" in p.opening}
    starts += [m.end() for m in PLACEHOLDER_RE.finditer(msgstr) if m.group(0) in breaks]
    for start in reversed(starts):
        indent = len(msgstr) - start - len(msgstr[start:].lstrip(" \t"))
        msgstr = msgstr[:start] + msgstr[start + indent :]  # four spaces would open a code block
        match = _BLOCK_START.match(msgstr, start)
        if match:
            marker = match.start(3) if match.group(3) else match.start(1)
            msgstr = msgstr[:marker] + "\\" + msgstr[marker:]
    return msgstr


_STYLE = """
body { font: 18px/1.6 Georgia, 'Times New Roman', serif; max-width: 44em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 2em; line-height: 1.2; }
header p, .meta { color: #666; font-size: .9em; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #444; }
hr { border: 0; border-top: 1px solid #ccc; margin: 2em 0; }
p > em:only-child { display: block; color: #555; font-size: .9em; }
""".strip()


def render_html(edition: Edition, title: str) -> str:
    """A standalone HTML page for a built edition.

    The byline comes from the edition's own front matter data, so a
    translated ``publisher`` (RFE/RL → «Радіо Свобода») shows as translated.
    """
    lang = edition.lang
    content = (to_html(edition.html_body, edition.html_blocks, edition.references, edition.ready)
               if edition.html_body else to_html(edition.body))
    details = " · ".join(html.escape(value) for value in _byline(edition.metadata, lang))
    byline = f'<p class="meta">{details}</p>\n' if details else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        f"<body>\n<article>\n{byline}{content}</article>\n</body>\n</html>\n"
    )


def _byline(meta: Mapping[str, object], lang: str) -> list[str]:
    """Publisher and date, the date written the way the edition's language writes it."""
    parts = [str(meta["publisher"])] if meta.get("publisher") else []
    value = meta.get("date")
    if isinstance(value, datetime.date):
        parts.append(long_date(value, lang))
    elif value:
        parts.append(str(value))
    return parts


def edition_title(document: Document, translations: Translations) -> str:
    """The translated title (front matter, else headline), for ``<title>``."""
    for segment in document.segments:
        if segment.kind in ("title", "headline"):
            return restore(translations.get((segment.context, segment.text)) or segment.text, ())
    return document.slug
