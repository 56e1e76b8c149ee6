"""Guarantee: a translation cannot add markup to the published page.

Each hostile msgstr is built into both editions (Markdown, and the HTML page
made from it); the HTML is parsed with Python's html.parser, and every
element, attribute and URL in it must already be in the page built from the
source. The same msgstr must be an error of ``l10n check`` with its id.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from l10n.cli import main
from l10n.model import Document, Segment
from l10n.render import render_html, render_markdown
from l10n.segment import segment_text
from l10n.typography import typesetter

SOURCE = """---
title: "Kyiv holds"
---

# Kyiv holds

Read [the report](https://www.rferl.org/a/1.html) and see ![a map](img/map.png) now.

The city <span class="note">held</span> on *Tuesday*.

| City | Status |
|---|---|
| Kyiv | held |
"""


class _Page(HTMLParser):
    """Elements, attributes and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: set[str] = set()
        self.attributes: set[tuple[str, str, str | None]] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.add(tag)
        self.attributes.update((tag, name, value) for name, value in attrs)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self.elements.add("/" + tag)

    def handle_comment(self, data: str) -> None:
        self.elements.add("<!--")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _document() -> Document:
    return segment_text(SOURCE, "kyiv", "source/kyiv.md", ("title",))


def _segment(document: Document, start: str) -> Segment:
    body = [s for s in document.segments if s.kind != "title"]
    return next((s for s in body if s.text == start), None) or next(s for s in body if s.text.startswith(start))


def _build(document: Document, translations: dict[tuple[str | None, str], str]) -> str:
    return render_html(render_markdown(document, translations, "uk"), "Kyiv")


# (segment the msgstr translates, hostile msgstr, text the reader must see, check id)
CASES = [
    ("Read", "Читайте <1>звіт</1> і <2/> <script>alert(1)</script>.", "<script>alert(1)</script>", "injected-markup"),
    ("Read", "Читайте <1>звіт</1> і <2/> <img src=x onerror=alert(1)>.", "<img src=x onerror=alert(1)>", "injected-markup"),
    ("Read", "Читайте <1>звіт</1></p><p class=evil>і <2/>.", "</p><p class=evil>", "injected-markup"),
    ("The city", "Місто <1>вистояло</1> у <2>вівторок</2></script><script>x()</script>.", "</script><script>", "injected-markup"),
    ("Read", "Читайте <1>звіт</1> і <2/> [тут](javascript:alert(1)).", "[тут](javascript:alert(1))", "injected-markup"),
    ("Read", "Читайте <1>звіт</1> і <2/> ![](http://evil).", "![](http://evil)", "injected-markup"),
    ("Read", "Читайте <1>звіт</1> і <2/> <https://evil.example/x>.", "<https://evil.example/x>", "injected-markup"),
    ("Read", "Читайте <1>звіт</1> і <2/> &lt;b&gt;.", "&lt;b&gt;", "injected-markup"),
    ("Kyiv holds", "Київ <!-- прихована примітка --> тримається", "<!-- прихована примітка -->", "injected-markup"),
    ("Kyiv", "Київ | <b>x</b>", "Київ | <b>x</b>", "injected-markup"),
    ("Read", "Читайте <1>звіт</1> і <1>ще</1> <2/> <2/>.", "ще", "placeholders"),
    ("Read", "Читайте <1>звіт і <2/>.", "звіт", "placeholders"),
    ("The city", "Місто <1>вистояло у <2>вівторок</2>.", "вистояло", "placeholders"),
]


@pytest.mark.parametrize(("start", "msgstr", "seen", "check_id"), CASES)
def test_a_translation_adds_no_element_attribute_or_url(start: str, msgstr: str, seen: str, check_id: str) -> None:
    document = _document()
    source = _parse(_build(document, {}))
    segment = _segment(document, start)
    page = _parse(_build(document, {(segment.context, segment.text): msgstr}))
    assert page.elements <= source.elements
    assert page.attributes <= source.attributes
    assert seen in "".join(page.text)  # shown to the reader as the text it is


@pytest.mark.parametrize(("start", "msgstr", "seen", "check_id"), CASES)
def test_typography_and_fallback_spans_add_no_markup_either(start: str, msgstr: str, seen: str, check_id: str) -> None:
    """The build's edition: typeset, the other segments in source-side ``<span lang="en">``."""
    document = _document()
    source = _parse(_build(document, {}))
    segment = _segment(document, start)
    edition = render_markdown(document, {(segment.context, segment.text): msgstr}, "uk", typeset=typesetter("uk"))
    page = _parse(render_html(edition, "Kyiv"))
    assert ("span", "lang", "en") in source.attributes
    assert page.elements <= source.elements
    assert page.attributes <= source.attributes
    assert seen in "".join(page.text)


@pytest.mark.parametrize(("start", "msgstr", "seen", "check_id"), CASES)
def test_check_reports_the_injected_form_as_an_error(tmp_path: Path, start: str, msgstr: str, seen: str, check_id: str) -> None:
    from click.testing import CliRunner

    segment = _segment(_document(), start)
    path = tmp_path / "uk" / "LC_MESSAGES" / "kyiv.po"
    path.parent.mkdir(parents=True)
    quoted = msgstr.replace('"', '\\"')
    msgid = segment.text.replace('"', '\\"')
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: uk\\n"\n\n'
        f'msgctxt "{segment.context}"\nmsgid "{msgid}"\nmsgstr "{quoted}"\n',
        "utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--select", "markup", str(path)], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert f"kyiv.po:6: error: {check_id}: " in result.output


def test_legitimate_translation_is_kept_as_written() -> None:
    """Typography, the source's entities and escapes pass through; the check stays quiet."""
    document = segment_text("Tom &amp; Jerry said \\*not\\* \u201cno\u201d.\n", "t", "source/t.md")
    (segment,) = document.segments
    msgstr = "«Том &amp; Джеррі» \u2014 сказали \\*не\\* ’ні’, з’їзд, Мар\u02bcяна."
    edition = render_markdown(document, {(segment.context, segment.text): msgstr}, "uk")
    assert edition.markdown == msgstr + "\n"


def test_markdown_syntax_of_a_translator_is_escaped_in_the_markdown_edition() -> None:
    document = _document()
    segment = _segment(document, "The city")
    msgstr = "Місто <1>вистояло</1> *жирно* _так_ `код` ~~ні~~ \\ у <2>вівторок</2>."
    edition = render_markdown(document, {(segment.context, segment.text): msgstr}, "uk")
    assert (
        'Місто <span class="note">вистояло</span> \\*жирно\\* \\_так\\_ \\`код\\` \\~\\~ні\\~\\~ \\ у *вівторок*.'
        in edition.markdown
    )


def test_a_script_link_of_a_translator_is_text_in_the_markdown_edition() -> None:
    """markdown-it refuses javascript: links itself; the Markdown edition must not rely on every renderer doing so."""
    document = _document()
    segment = _segment(document, "Read")
    msgstr = "Читайте <1>звіт</1> і <2/> [тут](javascript:alert(1))."
    edition = render_markdown(document, {(segment.context, segment.text): msgstr}, "uk")
    assert "і ![a map](img/map.png) \\[тут\\](javascript:alert(1))." in edition.markdown


def test_a_translators_line_break_or_indent_opens_no_block() -> None:
    document = _document()
    segment = _segment(document, "The city")
    source = _parse(_build(document, {}))
    for msgstr in ("    Місто <1>вистояло</1> у <2>вівторок</2>.", "Місто\n\n# <1>вистояло</1>\n\n    у <2>вівторок</2>."):
        page = _parse(_build(document, {(segment.context, segment.text): msgstr}))
        assert page.elements <= source.elements, msgstr
