"""Guarantee: the round trip holds for any document.

Hypothesis writes Markdown documents (paragraphs, headings, emphasis, links,
images, code, lists, quotes, tables, HTML, front matter, Cyrillic and other
Unicode text, very long lines) and, separately, raw strings over Markdown's
special characters. For each:

* identity translation (msgstr = msgid) rebuilds the document byte for byte;
* a translation that really goes through placeholder restoring (the msgid
  with its spaces doubled, so the "unchanged" shortcut is not taken) renders
  to the same HTML as the source, up to whitespace;
* segmentation never loses a letter of the text a reader sees, and never
  duplicates or invents a character of it.

"Text a reader sees" is markdown-it's own reading of the source: the text
tokens of headings, paragraphs and table cells, without code, images, raw
HTML and autolinks (those are placeholders, not translatable text), plus the
front matter title. A segment's text is its msgid with placeholders removed
and Markdown escapes and entities decoded.

The budget is bounded and derandomized, so CI runs the same examples.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from l10n.errors import SourceError
from l10n.frontmatter import split_front_matter
from l10n.inline import PLACEHOLDER_RE
from l10n.model import Document
from l10n.render import render_markdown
from l10n.segment import segment_text
from l10n.typography import typesetter

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RAW = settings(FUZZ, max_examples=150)
KEYS = ("title",)

# --- documents ----------------------------------------------------------------

LATIN = "Kyiv Bakhmut troops said the city on March U.S. Mr. Jan. officials war grain Zelenskiy".split()
CYRILLIC = "Київ Бахмут війська місто Москва бої «цитата» ґанок їжак ёлка Зеленський".split()
OTHER = ["naïve", "café", "東京", "😀", "e\u0301", "70,000", "2023", "--", "—", "(see)", '"quoted"', "it's",
         "שלום", "x\u00a0y", "\u200bzw", "“curly”", "'single'", "50%"]
TRICKY = ["\\*", "\\_", "&amp;", "&copy;", "&#1050;", "5 < 6", "a * b", "x_y_z", "[brackets]", "#hash", "1 > 0",
          "~tilde", "\\\\", "{brace}", "*open", "close*", "_a_b", "***both***", "__u__", "a\tb", "[a][ref]",
          "[ref]", "<not html", "`unclosed", "**", "![", "](", "<1>", "</2>", "<3/>", "*One. Two.* Three",
          "[link. In](http://a.b) x.", "U.S. troops. Next", "a|b"]

word = st.one_of(st.sampled_from(LATIN), st.sampled_from(LATIN), st.sampled_from(CYRILLIC),
                 st.sampled_from(OTHER), st.sampled_from(TRICKY))


@st.composite
def phrases(draw: st.DrawFn, most: int = 8) -> str:
    return " ".join(draw(st.lists(word, min_size=1, max_size=most)))


@st.composite
def sentences(draw: st.DrawFn) -> str:
    text = draw(phrases())
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", ".", ",", "!", "?", ";", ":", "..."]))


@st.composite
def inlines(draw: st.DrawFn, depth: int = 0) -> str:
    kinds = ["em", "strong", "em_", "strike", "link", "image", "code", "autolink", "html", "break"]
    kind = draw(st.sampled_from(kinds if depth < 2 else ["em"]))
    text = draw(phrases(4))
    if kind == "em":
        return f"*{text}*"
    if kind == "em_":
        return f"_{text}_"
    if kind == "strong":
        return f"**{draw(inlines(depth + 1))}**"
    if kind == "strike":
        return f"~~{text}~~"
    if kind == "link":
        url = draw(st.sampled_from(["https://example.org/a", "http://x.y/(paren)", "<https://a.b/c d>", "/rel", "#top"]))
        title = draw(st.sampled_from(["", ' "Title"', " 'T'"]))
        return f"[{draw(inlines(depth + 1)) if draw(st.booleans()) else text}]({url}{title})"
    if kind == "image":
        return f"![{text}](img/{draw(st.integers(0, 9))}.png)"
    if kind == "code":
        return draw(st.sampled_from(["`code`", "``a ` b``", "`x*y*`"]))
    if kind == "autolink":
        return "<https://example.com/x>"
    if kind == "html":
        return draw(st.sampled_from([f"<b>{text}</b>", "<br>", f'<span class="x">{text}</span>', "<img src=a.png>"]))
    return draw(st.sampled_from(["  \n", "\\\n"]))


@st.composite
def paragraphs(draw: st.DrawFn, one_line: bool = False) -> str:
    parts = [draw(sentences())]
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            parts.append(draw(inlines()))
        parts.append(draw(sentences()))
    glue = st.just(" ") if one_line else st.sampled_from([" ", " ", " ", "\n"])
    text = parts[0]
    for part in parts[1:]:
        text += part if part.endswith("\n") or text.endswith("\n") else draw(glue) + part
    return text.replace("  \n", " ").replace("\\\n", " ") if one_line else text


def _indent(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join([first + lines[0], *(rest + line for line in lines[1:])])


@st.composite
def blocks(draw: st.DrawFn, depth: int = 0) -> str:
    kinds = ["para", "para", "heading", "setext", "list", "olist", "quote", "fence", "indented", "table", "hr", "html", "long"]
    kind = draw(st.sampled_from(kinds if depth == 0 else ["para", "list", "quote"]))
    if kind == "para":
        return draw(paragraphs())
    if kind == "long":  # one line of many kilobytes
        return " ".join(draw(sentences()) for _ in range(draw(st.integers(50, 200))))
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(paragraphs(True)) + draw(st.sampled_from(["", " ##"]))
    if kind == "setext":
        return draw(paragraphs(True)) + "\n" + draw(st.sampled_from(["===", "---"]))
    if kind in ("list", "olist"):
        items = []
        for number in range(1, draw(st.integers(1, 4)) + 1):
            marker = f"{number}. " if kind == "olist" else draw(st.sampled_from(["- ", "* ", "+ "]))
            body = draw(paragraphs())
            if depth == 0 and draw(st.integers(0, 4)) == 0:
                body += "\n\n" + draw(blocks(depth + 1))
            items.append(_indent(body, marker, " " * len(marker)))
        return ("\n\n" if draw(st.booleans()) else "\n").join(items)
    if kind == "quote":
        body = draw(paragraphs())
        if depth == 0 and draw(st.booleans()):
            body += "\n\n" + draw(blocks(depth + 1))
        return _indent(body, "> ", "> ")
    if kind == "fence":
        return "```python\n" + draw(paragraphs()) + "\n```"
    if kind == "indented":
        return _indent(draw(paragraphs(True)), "    ", "    ")
    if kind == "table":
        columns = draw(st.integers(1, 3))
        cell = phrases(3).map(lambda text: text.replace("|", "\\|"))
        rows = [[draw(cell) for _ in range(columns)] for _ in range(draw(st.integers(2, 4)))]
        rule = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:"])) for _ in range(columns)) + "|"
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join([lines[0], rule, *lines[1:]])
    if kind == "hr":
        return draw(st.sampled_from(["***", "- - -", "___"]))
    return "<div>\n" + draw(phrases()) + "\n</div>"


@st.composite
def documents(draw: st.DrawFn) -> str:
    text = "\n\n".join(draw(st.lists(blocks(), min_size=1, max_size=6)))
    text += draw(st.sampled_from(["\n", "", "\n\n"]))
    if draw(st.booleans()):
        text += "\n[ref]: https://example.org/ref \"Ref\"\n"
    if draw(st.booleans()):
        title = json.dumps(draw(phrases()), ensure_ascii=False)
        text = f"---\ntitle: {title}\ndate: 2023-03-07\n---\n\n{text}"
    return text


MARKDOWN_SOUP = st.text(alphabet="aбZ *_[]()`<>\\!#|&;:-+.1\n\t~=\"'", max_size=120)

# --- what a reader sees -------------------------------------------------------

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _letters(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char).startswith("L"))


def _solid(text: str) -> str:
    return "".join(text.split())


def reader_text(document: Document) -> str:
    """The source's visible, translatable text, as markdown-it reads it."""
    title = document.metadata.get("title")
    out = [title if isinstance(title, str) else ""]
    for token in _MD.parse(split_front_matter(document.text)[1]):
        if token.type != "inline":
            continue
        autolink = False
        for child in token.children or []:
            if child.type == "link_open" and child.markup == "autolink":
                autolink = True
            elif child.type == "link_close":
                autolink = False
            elif child.type == "text" and not autolink:
                out.append(child.content)
    return "".join(out)


def segment_text_seen(document: Document) -> str:
    """The segments' text in document order: placeholders out, escapes and entities decoded."""
    out = []
    for segment in sorted(document.segments, key=lambda s: s.start):
        text = PLACEHOLDER_RE.sub("", segment.text)
        if not segment.label.startswith("front matter"):  # YAML values are not Markdown
            text = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))
        out.append(text)
    return "".join(out)


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


def _page(markdown: str) -> str:
    return " ".join(_MD.render(split_front_matter(markdown)[1]).split())


def _segment(text: str) -> Document | None:
    try:
        return segment_text(text, "fuzz", "source/fuzz.md", KEYS)
    except SourceError:
        return None  # bad input has its own tests; here it must only not crash


# --- the properties -----------------------------------------------------------


def check_identity(document: Document) -> None:
    translations = {(s.context, s.text): s.text for s in document.segments}
    assert render_markdown(document, translations, "en").markdown == document.text
    cursor = 0
    for segment in sorted(document.segments, key=lambda s: s.start):
        assert cursor <= segment.start <= segment.end, "segments overlap"
        assert document.text[segment.start : segment.end] == segment.source
        cursor = segment.end


def check_restoring(document: Document) -> None:
    translations = {(s.context, s.text): s.text.replace(" ", "  ") for s in document.segments}
    rebuilt = render_markdown(document, translations, "en").markdown
    assert _page(rebuilt) == _page(document.text), rebuilt


def check_typesetting(document: Document) -> None:
    """Typography only turns spaces into no-break ones: the page keeps its structure and text.

    (ru: the uk apostrophe rule changes letters on purpose.)
    """
    translations = {(s.context, s.text): f"{s.text} а в 7 дней Leopard 2, В. Зеленский" for s in document.segments}
    plain = render_markdown(document, translations, "ru").markdown
    typeset = render_markdown(document, translations, "ru", typeset=typesetter("ru")).markdown
    assert typeset.replace("\u00a0", " ") == plain.replace("\u00a0", " ")
    pages = [_MD.render(split_front_matter(text)[1]).replace("\u00a0", " ") for text in (typeset, plain)]
    assert pages[0] == pages[1], typeset


def check_conservation(document: Document) -> None:
    seen, segmented = reader_text(document), segment_text_seen(document)
    assert _letters(segmented) == _letters(seen), "a letter was lost or duplicated"
    assert _is_subsequence(_solid(segmented), _solid(seen)), "segments hold text the reader does not see"


@FUZZ
@given(documents())
@example("| Kyiv |\n|---|\n| a\\|b *c* |\n")  # an escaped pipe in a cell lost the whole cell
@example("Text <1> and *em* here </2> and \\<1/> x.\n")  # tag-like text crashed segmentation
@example("Kyiv.\n\n| Kyiv |\n|---|\n| &#1050; |\n")  # a letter written as an entity
def test_identity_translation_rebuilds_byte_for_byte(text: str) -> None:
    document = segment_text(text, "doc", "source/doc.md", KEYS)
    check_identity(document)


@FUZZ
@given(documents())
@example("Kyiv.\n\nKyiv. *\\\n*\nKyiv.\n")  # a joined line after a hard break began a list
@example("Kyiv. [  \n](https://example.org/a)\n")
def test_restored_translation_keeps_the_document_structure(text: str) -> None:
    check_restoring(segment_text(text, "doc", "source/doc.md", KEYS))


@FUZZ
@given(documents())
@example("Kyiv *in 2023* and _a_ `в 7 дней` [Leopard 2](https://example.org/a \"в 7 дней\") В. В.\n")
def test_typography_keeps_the_document_structure(text: str) -> None:
    check_typesetting(segment_text(text, "doc", "source/doc.md", KEYS))


@FUZZ
@given(documents())
@example("| Kyiv |\n|---|\n| a\\|b |\n")
@example("Kyiv.\n\n| Kyiv |\n|---|\n| &#1050; |\n")
def test_segmentation_never_loses_or_duplicates_text(text: str) -> None:
    check_conservation(segment_text(text, "doc", "source/doc.md", KEYS))


@RAW
@given(MARKDOWN_SOUP)
@example("<1>")
@example("*open. **  \n**\n")
def test_any_markdown_soup_round_trips(text: str) -> None:
    document = _segment(text)
    if document is not None:
        check_identity(document)
        check_restoring(document)
        check_conservation(document)


def test_translated_text_never_opens_a_block() -> None:
    """A translation that would start a list, heading or quote where it lands is escaped."""
    text = "In 2023 it happened.\n\nFirst line\\\nsecond line.\n"
    document = segment_text(text, "doc", "source/doc.md")
    first, second = document.segments
    translations = {(first.context, first.text): "2023. рік.", (second.context, second.text): "Рядок<1/>- пункт # ні."}
    edition = render_markdown(document, translations, "uk").markdown
    page = _MD.render(edition)
    assert "<ol" not in page and "<ul" not in page and "<h1" not in page
    assert _page(edition) == "<p>2023. рік.</p> <p>Рядок<br /> - пункт # ні.</p>"
