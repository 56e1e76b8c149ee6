"""The data model every stage speaks.

Segments come out of source documents; Messages and Catalogs are the PO side;
Terms are glossary entries. Stages import this module and nothing above it.
The PO side is defined in :mod:`l10n.pomodel` and re-exported here: the PO
reader imports it alone, so a ``stats`` run creates no other record class
(each dataclass costs its methods' compilation at every start-up).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .pomodel import Catalog, Completion, Message

__all__ = ["Catalog", "Completion", "Document", "Finding", "HtmlSkeleton", "Message", "Placeholder", "References", "Segment", "Term"]


@dataclass(frozen=True)
class Placeholder:
    """Inline markup hidden from translators behind a numbered tag.

    A paired placeholder appears as ``<n>…</n>`` in the msgid and restores
    ``opening``/``closing``; an atomic one appears as ``<n/>`` and restores
    ``opening`` alone (``closing`` is None). ``html`` is what the source's
    opening and closing markup render as, when segmentation knew it: a build
    puts it around a translation without parsing (:mod:`l10n.skeleton`).
    """

    number: int
    opening: str
    closing: str | None = None
    html: tuple[str, str | None] | None = field(default=None, compare=False)

    @property
    def paired(self) -> bool:
        return self.closing is not None


@dataclass(frozen=True)
class Segment:
    """One translatable unit (usually a sentence) of a source document.

    ``text`` is the msgid: whitespace-normalized, with inline markup replaced
    by placeholders. ``source`` is the exact slice of the document it came
    from, so an unchanged translation rebuilds the document byte for byte.
    """

    text: str
    source: str
    context: str
    line: int
    kind: str
    label: str
    start: int
    end: int
    placeholders: tuple[Placeholder, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The record ``segment --json`` prints: the segment and its placeholders, no offsets."""
        return {
            "text": self.text, "context": self.context, "line": self.line, "kind": self.kind,
            "label": self.label, "source": self.source,
            "placeholders": [{"number": p.number, "opening": p.opening, "closing": p.closing}
                             for p in self.placeholders],
        }


References = tuple[tuple[str, str, str], ...]

SkeletonBlock = tuple[str | int, ...]
"""A top-level block's HTML as the source renders it: HTML strings, and the index (in
:attr:`Document.segments`) of each segment whose HTML goes between them."""


@dataclass(frozen=True)
class HtmlSkeleton:
    """The source's HTML, cut at its segments, so an edition's HTML is assembled, not parsed.

    ``blocks`` has one entry per :attr:`Document.blocks` offset (None: that
    block is rendered from the edition's Markdown); ``segments`` holds each
    segment's own HTML in the source (None outside the body, or unknown).
    """

    blocks: tuple[SkeletonBlock | None, ...]
    segments: tuple[str | None, ...]


@dataclass(frozen=True)
class Document:
    """A source article and its segments, in document order.

    ``path`` is relative to the project root (it goes into ``#:`` references);
    ``text`` is the exact file content, which rebuilding starts from.
    ``blocks`` are the offsets in ``text`` where the body's top-level blocks
    begin and ``references`` its link reference definitions (label, href,
    title), as segmentation parsed them: an edition keeps its source's blocks,
    so its HTML can be rendered block by block. ``html`` is the source's HTML
    cut at its segments, so most blocks need no rendering at all
    (:mod:`l10n.skeleton`; None for a document made by hand).
    """

    slug: str
    path: str
    text: str
    segments: tuple[Segment, ...]
    metadata: dict[str, object] = field(default_factory=dict)
    blocks: tuple[int, ...] = ()
    references: References = ()
    html: HtmlSkeleton | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Term:
    """A glossary entry: an English name and its target-language lemmas.

    ``targets`` maps a language code to the nominative lemma; ``forms`` maps a
    language to extra accepted inflected forms (for names the morphological
    dictionary does not know). ``keep_latin`` marks terms that stay in Latin
    script in every language (Telegram, Leopard 2). ``avoid`` maps a language
    to names that must not stand for the term there: former names
    («Артемівськ» for Bakhmut) and common misspellings («Антоніо Гутерреш»).
    """

    source: str
    targets: dict[str, str]
    kind: str
    note: str = ""
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keep_latin: bool = False
    line: int = 0
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One problem a check found, located in a file."""

    path: str
    line: int
    severity: str
    check: str
    message: str
    lang: str | None = None
    msgid: str | None = None
    draft: bool = False
    """Found on a fuzzy MT/TM draft (its message starts with ``draft:``)."""
