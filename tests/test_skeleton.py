"""The build's HTML assembled from the source's skeleton equals parsing the edition's Markdown.

The reference is markdown-it rendering the whole edition body at once (no
block cutting, no skeleton). Translations are made to stress each rule the
fast path relies on: spaces and delimiters at placeholder edges, entities,
backslashes, heading closers, moved hard breaks, fallbacks, reference links.
Each guard in :mod:`l10n.skeleton` was removed once to watch these fail.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given
from markdown_it import MarkdownIt
from markdown_it.common.utils import (
    escapeHtml,
    isMdAsciiPunct,
    isPunctChar,
    isWhiteSpace,
)

from l10n.cache import DocumentStore
from l10n.inline import tokenize
from l10n.model import Document, Placeholder
from l10n.render import Edition, render_markdown
from l10n.segment import segment_text, to_html
from l10n.skeleton import (
    InlineHtml,
    escape_html,
    fallback_html,
    inline_parts,
    is_punctuation,
    is_whitespace,
    segment_html,
)
from l10n.typography import typesetter

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from skeleton_corpus import distinct, stressed, translations  # noqa: E402
from test_guarantees_roundtrip import FUZZ, documents  # noqa: E402

ROOT = Path(__file__).parent.parent
REAL = sorted([*(ROOT / "tests/data/markdown").glob("*.md"), *(ROOT / "tests/data/scale").rglob("*.md"),
               *(ROOT / "source").glob("*.md")])


def _document(path: Path) -> Document:
    return segment_text(path.read_text(encoding="utf-8"), path.stem, path.name)


def _html_both_ways(document: Document, translations: dict[tuple[str | None, str], str],
                    typeset: bool = False) -> tuple[str, str, Edition]:
    """The body HTML as the build makes it (skeleton, then blocks) and as parsing the whole body makes it;
    ``typeset``: with the uk edition's typography, as a build applies it (no-break spaces by delimiters)."""
    edition = render_markdown(document, translations, "uk", typeset=typesetter("uk") if typeset else None)
    built = to_html(edition.html_body, edition.html_blocks, edition.references, edition.ready)
    return built, to_html(edition.html_body), edition


def test_character_classes_are_markdown_its() -> None:
    """The flanking rules' classes, written out so the parser keeps one owner, equal markdown-it's everywhere."""
    for code in range(0x110000):
        char = chr(code)
        assert is_whitespace(char) == isWhiteSpace(code), hex(code)
        assert is_punctuation(char) == (isMdAsciiPunct(code) or isPunctChar(char)), hex(code)
    sample = "".join(map(chr, range(0x20, 0x7F))) + "«»’—é"
    assert escape_html(sample) == escapeHtml(sample)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_documents_assemble_as_parsed(path: Path) -> None:
    document = _document(path)
    assert document.html is not None
    for way in ("identity", "distinct", *(f"stress {seed}" for seed in range(12))):
        for typeset in (False, True):
            built, parsed, _ = _html_both_ways(document, translations(document, way), typeset)
            assert built == parsed, (way, typeset)


def test_real_documents_are_mostly_assembled() -> None:
    """The fast path is taken: with every segment's text changed, nearly every block is assembled."""
    assembled = blocks = 0
    for path in REAL:
        document = _document(path)
        _, _, edition = _html_both_ways(document, {(s.context, s.text): distinct(s.text) for s in document.segments})
        assembled += len(edition.ready)
        blocks += len(document.blocks)
    assert blocks > 50
    assert assembled >= 0.95 * blocks


@FUZZ
@given(documents())
def test_generated_documents_assemble_as_parsed(text: str) -> None:
    document = segment_text(text, "doc", "doc.md")
    rng = random.Random(text)
    translations = {(s.context, s.text): stressed(s.text, rng) for s in document.segments}
    built, parsed, _ = _html_both_ways(document, translations)
    assert built == parsed


# --- each rule: refused where CommonMark would read the Markdown otherwise --------------

REFUSED = [
    ("Read *this* now.\n", "Читайте <1> це</1> зараз.", "a space inside emphasis is moved out: still fast"),
    ("| 1 |\n|---|\n| Read it. |\n", " Читайте.", "leading space: trimmed by the cell"),
    ("Read _this_ now.\n", "Читайте<1>це</1> зараз.", "intraword underscore cannot open"),
    ("Read *this* now.\n", "Читайте <1>«це»</1>зараз.", "closing run between punctuation and a letter"),
    ("Read *this* and **that** now.\n", "Читайте <1>це</1><2>те</2> зараз.", "adjacent runs merge"),
    ("## The C# note\n", "Нотатка про C#", "a heading's closing sequence"),
    ("A&nbsp;B is here.\n", "A&nbsp;B тут.", "an entity kept from the msgid"),
    ("See the [report] now.\n\n[report]: https://example.org/r\n", "Дивіться <1>звіт</1> зараз.", "shortcut, rewritten"),
    ("* [report]\n\n[report]: https://example.org/r\n", "звіт", "the whole label of a shortcut link"),
    ("One line  \nand the next.\n", "Один рядок<1/> і наступний.", "a hard break after a space"),
    ("One line  \nand the next.\n", "Один рядок і наступний.<1/>", "a hard break at the end"),
    ("See [that](https://example.org) now.\n", "Дивіться \\!<1>те</1> зараз.", "an escaped ! before a link"),
    ("See [that](https://example.org) now.\n", "Дивіться \\\\!<1>те</1> зараз.", "a backslash, then ! before a link"),
    ("###### Located in *Mexico City*\n---\n", "Розташовано в <1>Мехіко</1>|", "a pipe would make a table"),
    ("###### Located in *Mexico City*\n---\n", "Розташовано в <1>Мехіко</1>\\|", "an escaped pipe too"),
]


@pytest.mark.parametrize(("source", "translation", "why"), REFUSED, ids=[r[2] for r in REFUSED])
def test_each_rule_renders_as_parsed(source: str, translation: str, why: str) -> None:
    document = segment_text(source, "doc", "doc.md")
    segment = document.segments[0]
    built, parsed, _ = _html_both_ways(document, {(segment.context, segment.text): translation})
    assert built == parsed


FAST = {  # (source, translation): is the segment's HTML assembled?
    ("Read *this* now.\n", "Читайте <1>це</1> зараз."): True,
    ("Read *this* now.\n", " Читайте <1>це</1> зараз."): True,  # at a line start: the build strips it
    ("| 1 |\n|---|\n| Read it. |\n", " Читайте."): False,  # a cell trims it
    ("Read _this_ now.\n", "Читайте<1>це</1> зараз."): False,
    ("Read *this* now.\n", "Читайте <1>«це»</1>зараз."): False,
    ("Read *this* and **that** now.\n", "Читайте <1>це</1><2>те</2> зараз."): False,
    ("## The C# note\n", "Нотатка про C#"): False,
    ("A&nbsp;B is here.\n", "A&nbsp;B тут."): False,
    ("A &lt;b&gt; tag is here.\n", "Тег <b> тут."): True,
    ("See the [report] now.\n\n[report]: https://example.org/r\n", "Дивіться <1>звіт</1> зараз."): True,
    ("One line  \nand the next.\n", "Один рядок <1/>і наступний."): False,
    ("One line  \nand the next.\n", "Один рядок<1/>і наступний."): True,
    ("Use `code` here.\n", "Використайте <1/> тут."): True,
    ("###### Located in *Mexico City*\n---\n", "Розташовано в <1>Мехіко</1>|"): True,  # the pipe as &#124;
}


@pytest.mark.parametrize(("source", "translation"), list(FAST), ids=[t for _, t in FAST])
def test_fast_path_is_taken_exactly_where_safe(source: str, translation: str) -> None:
    document = segment_text(source, "doc", "doc.md")
    segment = document.segments[0]
    built, parsed, edition = _html_both_ways(document, {(segment.context, segment.text): translation})
    assert built == parsed
    assert bool(edition.ready) is FAST[source, translation]


def test_translated_shortcut_reference_stays_a_link() -> None:
    document = segment_text("See the [report] and [the data][] now.\n\n[report]: https://example.org/r\n"
                            "[the data]: https://example.org/d\n", "doc", "doc.md")
    segment = document.segments[0]
    edition = render_markdown(document, {(segment.context, segment.text): "Дивіться <1>звіт</1> і <2>дані</2> зараз."}, "uk")
    assert edition.body.startswith("Дивіться [звіт][report] і [дані][the data] зараз.\n")
    assert to_html(edition.html_body) == (
        '<p>Дивіться <a href="https://example.org/r">звіт</a> і <a href="https://example.org/d">дані</a> зараз.</p>\n')


@pytest.mark.parametrize(("translation", "markdown", "page"), [
    ("розмотування-ffi", "* [розмотування-ffi][unwind-ffi]\n", '<li><a href="https://x.org">розмотування-ffi</a></li>'),
    ("", "* [unwind-ffi]\n", '<li><a href="https://x.org"><span lang="en">unwind-ffi</span></a></li>'),
    ("unwind-ffi", "* [unwind-ffi]\n", '<li><a href="https://x.org">unwind-ffi</a></li>'),
])
def test_a_segment_that_is_a_shortcut_links_whole_text_keeps_the_link(translation: str, markdown: str, page: str) -> None:
    """Translated, the text is named as the reference's label; untranslated, the page's span stays inside the link."""
    document = segment_text("* [unwind-ffi]\n\n[unwind-ffi]: https://x.org\n", "doc", "doc.md")
    segment = document.segments[0]
    built, parsed, edition = _html_both_ways(document, {(segment.context, segment.text): translation})
    assert edition.body.startswith(markdown)
    assert built == parsed and page in parsed


def test_inline_tag_leading_a_line_keeps_blocks() -> None:
    """A link tag that starts a translated line opens no HTML block, so the page is still built by blocks."""
    document = segment_text('Visit <a href="https://example.org">the site</a> today.\n\nSecond.\n', "doc", "doc.md")
    segment = document.segments[0]
    edition = render_markdown(document, {(segment.context, segment.text): "<1>Сайт</1> відвідайте сьогодні."}, "uk")
    assert edition.html_blocks and edition.ready
    document = segment_text("Visit <div>the site</div> today.\n\nSecond.\n", "doc", "doc.md")
    segment = document.segments[0]
    edition = render_markdown(document, {(segment.context, segment.text): "<1>Сайт</1> відвідайте сьогодні."}, "uk")
    assert edition.html_blocks == ()  # <div> at a line start is an HTML block


def test_segment_html_refuses_unbalanced_tags() -> None:
    document = segment_text("Read *this* now.\n", "doc", "doc.md")
    segment = document.segments[0]
    parts = [("", "Читайте "), ("</1>", "*"), ("", "це"), ("<1>", "*"), ("", " зараз.")]
    assert segment_html(parts, segment.placeholders, document.text, (segment.start, segment.end), False) is None


def test_document_store_keeps_the_skeleton(tmp_path: Path) -> None:
    document = _document(ROOT / "tests/data/markdown/emphasis-links.md")
    store = DocumentStore(tmp_path)
    store.store("key", document)
    loaded = store.load(document.slug, "key", document.text)
    assert loaded is not None and loaded.html == document.html
    assert [p.html for s in loaded.segments for p in s.placeholders] == [
        p.html for s in document.segments for p in s.placeholders]
    assert dataclasses.replace(loaded, html=None) == document


# --- the guards no real post reaches yet: each refuses, and parsing shows why ---------

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline(markdown: str) -> str:
    return _MD.renderInline(markdown)


EMPHASIS = Placeholder(1, "*", "*", ("<em>", "</em>"))


@pytest.mark.parametrize(("text", "span", "parts", "naive"), [
    # the run before the segment could open before "B", not before "«" (the gap run, start side)
    ("a*Bold words.* b", (2, 13), [("", "«Жирні».")], "a<em>«Жирні».</em> b"),
    # the run after it could close after "s", not after "»" (end side)
    ("*Bold words*a", (1, 11), [("", "«Жирні»")], "<em>«Жирні»</em>a"),
    # a line break in translator text: the next line's spaces go
    ("Line.", (0, 5), [("", "Рядок\n  далі.")], "Рядок\n  далі."),
    # a shortcut reference's text names it: translated, it names none
    ("[x]", (0, 3), [("<1>", "["), ("", "звіт"), ("</1>", "]")], '<a href="https://example.org/r">звіт</a>'),
    # an unbalanced pair
    ("*a* b", (0, 5), [("</1>", "*"), ("", "а"), ("<1>", "*"), ("", " б")], "</em>а<em> б"),
])
def test_segment_guard_refuses_what_parsing_reads_otherwise(text: str, span: tuple[int, int],
                                                          parts: list[tuple[str, str]], naive: str) -> None:
    placeholders = (Placeholder(1, "[", "]", ('<a href="https://example.org/r">', "</a>")),) if "[" in text else (EMPHASIS,)
    edition = text[: span[0]] + "".join(m for _, m in parts) + text[span[1] :]
    assert _inline(edition) != naive  # what the fast path would have put there without the guard
    assert segment_html(parts, placeholders, text, span, False) is None


@pytest.mark.parametrize(("text", "span", "naive"), [
    # the span's "<" after a run that could open before "B" (the gap run)
    ("a*Bold words.* b", (2, 13), 'a<em><span lang="en">Bold words.</span></em> b'),
    # the span's ">" before the segment's own "_", which then opens (its inner edge)
    ('a_"b"_ c.', (1, 9), 'a<span lang="en">_&quot;b&quot;_ c.</span>'),
])
def test_fallback_guard_refuses_what_parsing_reads_otherwise(text: str, span: tuple[int, int], naive: str) -> None:
    marked = text[: span[0]] + '<span lang="en">' + text[span[0] : span[1]] + "</span>" + text[span[1] :]
    assert _inline(marked) != naive
    assert fallback_html(_inline(text[span[0] : span[1]]), text, span) is None


def test_a_both_flanking_opener_is_refused() -> None:
    """``Потім*це*`` could close the source's literal ``a*b`` earlier in the paragraph."""
    document = segment_text("Use a*b here. Then *this* one.\n", "doc", "doc.md")
    second = document.segments[1]
    translations = {(second.context, second.text): "Потім<1>це</1> одне."}
    built, parsed, edition = _html_both_ways(document, translations)
    assert built == parsed and not edition.ready
    assert "<em>це</em>" not in parsed


def test_crossed_tags_are_refused() -> None:
    document = segment_text("See *this* and [that](https://example.org) now.\n", "doc", "doc.md")
    segment = document.segments[0]
    built, parsed, edition = _html_both_ways(document, {(segment.context, segment.text): "<1>Це <2>і</1> те</2> зараз."})
    assert built == parsed and not edition.ready


def test_touching_segments_and_split_markup_have_no_skeleton() -> None:
    content = "a &amp; b"
    raw = MarkdownIt("commonmark").disable("text_join")  # as segmentation parses: the entity a token of its own
    children = raw.parseInline(content)[0].children or []
    html = InlineHtml(content, children, tokenize(content, children), lambda t: escapeHtml(t[0].content))
    assert html.html(0, 9) == "a &amp; b" and html.html(0, 2) == "a "
    assert html.html(0, 4) is None  # inside the entity
    assert inline_parts(html, 9, [(0, 1, 0), (1, 9, 1)]) is None
    assert inline_parts(html, 9, [(0, 1, 0), (2, 9, 1)]) == ["", 0, " ", 1, ""]
