"""Markdown → segments: kinds, placeholders, references, round trips."""

import re
from pathlib import Path

import pytest

from l10n.errors import SourceError
from l10n.inline import restore
from l10n.render import render_markdown
from l10n.segment import read_document, segment_text

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
FIXTURES = sorted((DATA / "markdown").glob("*.md"))
ARTICLES = sorted((ROOT / "source").glob("*.md"))


def identity(document):
    return {(s.context, s.text): s.text for s in document.segments}


@pytest.mark.parametrize("path", FIXTURES + ARTICLES, ids=lambda p: p.name)
def test_identity_translation_rebuilds_source_byte_for_byte(path: Path) -> None:
    document = read_document(path, path.name, ("title", "description"))
    edition = render_markdown(document, identity(document), "en")
    assert edition.markdown.encode("utf-8") == path.read_bytes()
    assert edition.fallback == []


@pytest.mark.parametrize("path", FIXTURES + ARTICLES, ids=lambda p: p.name)
def test_placeholders_restore_to_the_source_slice(path: Path) -> None:
    document = read_document(path, path.name, ("title", "description"))
    for segment in document.segments:
        if segment.kind in ("title", "description"):
            continue
        restored = restore(segment.text, segment.placeholders)
        unprefixed = re.sub(r"\n[ \t>]*", "\n", segment.source)  # container markers of continuation lines
        assert " ".join(restored.split()) == " ".join(unprefixed.split())


def test_changed_translation_restores_markup() -> None:
    document = segment_text("Read *this* and [that](https://x.org \"T\").\n", "s", "s.md")
    (segment,) = document.segments
    assert segment.text == "Read <1>this</1> and <2>that</2>."
    translations = {(segment.context, segment.text): "Прочитайте <2>те</2> і <1>це</1>."}
    edition = render_markdown(document, translations, "uk")
    assert edition.markdown == "Прочитайте [те](https://x.org \"T\") і *це*.\n"


def test_article_segments_and_kinds() -> None:
    document = read_document(ROOT / "source/bakhmut-un-chief.md", "source/bakhmut-un-chief.md")
    kinds = [s.kind for s in document.segments]
    assert kinds[:4] == ["title", "publisher", "headline", "caption"]
    assert document.segments[1].text == "RFE/RL"
    caption = document.segments[3]
    assert caption.text == "A Ukrainian soldier sits in a tank at the front line near Bakhmut on March 6."
    quote = [s for s in document.segments if s.text.startswith('"There were no other')]
    assert quote and quote[0].text.endswith('guys in Bakhmut."')
    assert quote[0].label == "paragraph 4, sentence 2"
    contexts = [(s.context, s.text) for s in document.segments]
    assert len(set(contexts)) == len(contexts)
    for segment in document.segments:
        assert document.text.count("\n", 0, segment.start) + 1 == segment.line
    texts = " ".join(s.text for s in document.segments)
    for chrome in ("Accessibility links", "Breaking News", "16x9 Image", "click here", "XS"):
        assert chrome not in texts


def test_contexts_survive_edits_elsewhere() -> None:
    before = segment_text("# Head\n\nOne. Two.\n\nThree.\n", "s", "s.md")
    after = segment_text("# Head\n\nNew paragraph first.\n\nOne. Two changed.\n\nThree.\n", "s", "s.md")
    keys_before = {(s.context, s.text) for s in before.segments}
    keys_after = {(s.context, s.text) for s in after.segments}
    assert {("paragraph", "One."), ("paragraph", "Three."), ("headline", "Head")} <= keys_before & keys_after


def test_duplicate_sentences_get_distinct_contexts() -> None:
    document = segment_text("Same. Same.\n\nSame.\n", "s", "s.md")
    assert [s.context for s in document.segments] == ["paragraph", "paragraph #2", "paragraph #3"]


def test_segments_never_lose_translatable_text() -> None:
    path = DATA / "markdown" / "lists-quotes.md"
    document = read_document(path, path.name)
    words = " ".join(restore(s.text, s.placeholders) for s in document.segments).split()
    for word in ("Tight", "continuation", "Nested", "backslash"):
        assert any(word in w for w in words)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xff\xfeHello", "not valid UTF-8"),
        (b"", "is empty"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", "malformed front matter"),
        (b"---\ntitle: x\nBody.\n", "front matter is not closed"),
        (b"Line one.\r\nLine two.\r\n", "CR"),
        (b"\xef\xbb\xbfHello.\n", "byte order mark"),
    ],
)
def test_bad_sources_raise_clear_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(SourceError) as error:
        read_document(path, "source/bad.md")
    assert message in str(error.value)
    assert str(error.value).startswith("source/bad.md")
