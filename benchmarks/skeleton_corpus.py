"""Editions' HTML assembled from the source's skeleton, against parsing them, over real posts.

For each post of the scale corpus (``scale_corpus.py``: the Rust and Go
blogs), translations are made several ways: identity, every Latin o as
Cyrillic о (every segment changed, as a real translation does), and
"stress" runs that put markup-like characters, spaces, breaks and
untranslated segments around and inside the placeholders. Each edition's
body HTML is made as ``build`` makes it (the skeleton, then block by block)
and by markdown-it parsing the whole body; the two must be byte-identical.
It prints, per way, the blocks assembled, the documents that differ (must
be 0), and the CPU time of rendering the editions with the skeleton against
rendering them block by block without it (the build before), in the same run::

    PYTHONPATH=. .venv/bin/python benchmarks/skeleton_corpus.py --posts 1000 --stress 6

``tests/test_skeleton.py`` uses the same translations on the posts in
``tests/data``.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from scale_corpus import corpus_posts

from l10n.errors import L10nError
from l10n.inline import PLACEHOLDER_RE
from l10n.model import Document
from l10n.render import render_markdown
from l10n.segment import segment_text, to_html

INSERTS = ["*", "_", "[", "]", "&amp;", "&nbsp;", "\\", "#", " ", "  ", "«", "»", "!", "`", "<", "<b>", "~~", "(",
           ")", ".", "—", "\n", "1. ", "- ", "|", "x_y", "'", "**", "\\*", "<1>", "</9>"]
_TAG_SPLIT = re.compile(r"(</?\d+/?>)")


def distinct(msgid: str) -> str:
    """Every Latin o as Cyrillic о outside the tags: a translation that changes every segment's text."""
    return "".join(p if PLACEHOLDER_RE.fullmatch(p) else p.replace("o", "о") for p in _TAG_SPLIT.split(msgid))


def stressed(msgid: str, rng: random.Random) -> str:
    """A translation with markup-like characters and spaces around and inside its tags (one in ten: none)."""
    if rng.random() < 0.1:
        return ""
    out = []
    for part in _TAG_SPLIT.split(distinct(msgid)):
        extra = [rng.choice(INSERTS) if rng.random() < 0.3 else "" for _ in range(2)]
        if PLACEHOLDER_RE.fullmatch(part):
            out += [extra[0], part, extra[1]]
        elif part:
            cut = rng.randrange(len(part) + 1)
            out.append(part[:cut] + extra[0] + part[cut:])
    text = "".join(out)
    return (rng.choice(INSERTS) if rng.random() < 0.1 else "") + text + (rng.choice(INSERTS) if rng.random() < 0.1 else "")


def translations(document: Document, way: str) -> dict[tuple[str | None, str], str]:
    """The translations of one way: ``identity``, ``distinct`` or ``stress N`` (seeded by N and the slug)."""
    make: Callable[[str], str]
    if way == "identity":
        make = str
    elif way == "distinct":
        make = distinct
    else:
        rng = random.Random(f"{way} {document.slug}")
        make = lambda msgid: stressed(msgid, rng)  # noqa: E731
    return {(s.context, s.text): make(s.text) for s in document.segments}


def _measure(documents: list[Document], way: str) -> tuple[int, int, int, float, float]:
    """Blocks, blocks assembled, documents differing from parsing, and the CPU s of rendering the
    editions (Markdown and HTML) with the skeleton and without it (block by block, as before)."""
    blocks = assembled = differing = 0
    with_skeleton = without = 0.0
    for document in documents:
        chosen = translations(document, way)
        start = time.process_time()
        edition = render_markdown(document, chosen, "ru")
        built = to_html(edition.html_body, edition.html_blocks, edition.references, edition.ready)
        middle = time.process_time()
        plain = render_markdown(dataclasses.replace(document, html=None), chosen, "ru")
        to_html(plain.html_body, plain.html_blocks, plain.references)
        without += time.process_time() - middle
        with_skeleton += middle - start
        blocks += len(document.blocks)
        assembled += len(edition.ready)
        differing += built != to_html(edition.html_body)
    return blocks, assembled, differing, with_skeleton, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"), help="folder holding rust/ and go/")
    parser.add_argument("--posts", type=int, default=1000, help="how many posts (default 1000)")
    parser.add_argument("--stress", type=int, default=4, help="how many stress runs (default 4)")
    args = parser.parse_args()
    documents = []
    for post in corpus_posts(args.corpus, args.posts):
        try:
            documents.append(segment_text(post.text, post.slug, f"source/{post.slug}.md"))
        except L10nError:
            continue
    print(f"{len(documents)} posts of {args.corpus}")
    print(f"{'translations':12} {'blocks':>7} {'assembled':>9} {'differ':>6} {'skeleton s':>10} {'blocks s':>9} {'ratio':>6}")
    for way in ["identity", "distinct", *(f"stress {n}" for n in range(1, args.stress + 1))]:
        blocks, assembled, differing, skeleton, before = _measure(documents, way)
        print(f"{way:12} {blocks:7} {assembled / blocks:9.1%} {differing:6} {skeleton:10.2f} {before:9.2f} {before / skeleton:5.1f}×")


if __name__ == "__main__":
    main()
