"""Guarantee: the page rendered block by block is the page rendered whole.

An edition's HTML is rendered one top-level block at a time (each block's
HTML remembered by its text, so blocks editions share are parsed once); the
page must be byte for byte what rendering the whole body at once gives, for
translated, kept and fallback segments, link references defined in another
block, and translations that would change the blocks.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from l10n.model import Document
from l10n.render import Translations, render_html, render_markdown
from l10n.segment import read_document, segment_text

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SOURCES = sorted((DATA / "markdown").glob("*.md")) + sorted((ROOT / "source").glob("*.md"))


def _translated(document: Document) -> Translations:
    """Every word replaced (placeholders kept), every third segment left to fall back."""
    return {(s.context, s.text): re.sub(r"[A-Za-z]+", "слово", s.text)
            for index, s in enumerate(document.segments) if index % 3}


def _pages(document: Document, translations: Translations) -> tuple[str, str, tuple[int, ...]]:
    edition = render_markdown(document, translations, "uk")
    whole = dataclasses.replace(edition, html_blocks=())
    return render_html(edition, "Київ"), render_html(whole, "Київ"), edition.html_blocks


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_translated_page_is_the_same_block_by_block(path: Path) -> None:
    document = read_document(path, path.name)
    by_block, whole, blocks = _pages(document, _translated(document))
    assert len(blocks) > 1
    assert by_block == whole


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_kept_page_is_the_same_block_by_block(path: Path) -> None:
    document = read_document(path, path.name)
    by_block, whole, blocks = _pages(document, {(s.context, s.text): s.text for s in document.segments})
    assert len(blocks) > 1
    assert by_block == whole


def test_a_reference_defined_in_another_block_resolves() -> None:
    document = segment_text("# Kyiv\n\nRead [the report][r] now.\n\n[r]: https://www.rferl.org/a/1.html\n",
                            "kyiv", "kyiv.md")
    translations = {(s.context, s.text): re.sub(r"[A-Za-z]+", "слово", s.text) for s in document.segments}
    by_block, whole, blocks = _pages(document, translations)
    assert len(blocks) == 2
    assert '<a href="https://www.rferl.org/a/1.html">' in by_block
    assert by_block == whole


def _say(first: str) -> tuple[str, str, tuple[int, ...]]:
    """The pages of a paragraph above a list, its first segment translated as ``first``, the rest kept."""
    document = segment_text("Say *this* once.\n\n* first\n\n* second\n", "say", "say.md")
    translations = {(s.context, s.text): s.text for s in document.segments}
    translations[(document.segments[0].context, document.segments[0].text)] = first
    return _pages(document, translations)


def test_a_translation_that_would_open_a_block_is_rendered_whole() -> None:
    # A translation of nothing but spaces lands as a blank line: the paragraph
    # could end there, so the blocks are not known to be the source's.
    by_block, whole, blocks = _say("   ")
    assert blocks == ()
    assert by_block == whole


def test_spaces_inside_emphasis_keep_the_source_blocks() -> None:
    # ``<1> скажіть </1>`` once restored as ``* скажіть *``, a list marker at the
    # line start; the spaces now move outside the emphasis (inline.restore_literal).
    by_block, whole, blocks = _say("<1> скажіть </1>")
    assert blocks != () and by_block == whole
    assert "<article>\n<p><em>скажіть</em></p>\n<ul>\n<li>" in whole


def test_a_translation_that_reads_like_a_reference_defines_none() -> None:
    # Brackets in a translation are escaped: no block can define a link the others would see.
    document = segment_text("Read [the report][r] now.\n\nSee the map.\n", "map", "map.md")
    translations = {(s.context, s.text): s.text for s in document.segments}
    translations[(document.segments[1].context, document.segments[1].text)] = "[r]: https://example.org/"
    by_block, whole, blocks = _pages(document, translations)
    assert blocks == (0, 27)
    assert "<a href" not in whole
    assert by_block == whole
