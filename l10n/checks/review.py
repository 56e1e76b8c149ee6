"""Entries that look done but are not: unreviewed machine output, copied source.

The pretranslate step fills empty entries from translation memory or the
machine engine, marks them fuzzy and records where the text came from in a
translator comment (``# MT: argos translate-en_uk 1.9 2026-11-25`` or
``# TM: …``); a reviewer clears the fuzzy flag. A msgstr that merely copies
the msgid passes msgfmt and every completeness count, yet publishes English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..provenance import origin_of
from .base import Context, Unit, register

_LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}(?:['’-][A-Za-z]+)*")


@register("unreviewed-mt", "warning", "unit", states=frozenset({"fuzzy"}))
def check_unreviewed(unit: Unit, ctx: Context) -> Iterator[str]:
    """Machine or memory translation still fuzzy: nobody has reviewed it yet.

    A warning, not an error: a fuzzy entry is never published (the edition
    falls back to the source), and completeness already fails the run when
    the catalog must be complete. Use --strict to make waiting reviews fatal.

    An entry whose provenance says ``reviewed`` was accepted once: fuzzy
    again after a source edit, it is a human translation to update.
    """
    found = origin_of(unit.message) if unit.form == 0 else None
    if found is not None and found.reviewed is None:
        yield f"unreviewed machine output ({found.marker}: {found.detail}); review it and clear the fuzzy flag"


@register("untranslated", "error", "unit")
def check_untranslated(unit: Unit, ctx: Context) -> Iterator[str]:
    """Translation is a copy of the source text although it has words to translate.

    A lone name or acronym ("Reuters", "JSON", "Telegram") may legitimately
    stay as it is; a lowercase English word or a phrase of several words may not.
    """
    if unit.target.raw != unit.source.raw or (ctx.lang or "").startswith("en"):
        return
    words = [w for w in _LATIN_WORD_RE.findall(unit.source.plain) if w not in ctx.glossary.latin_words]
    if any(word.islower() for word in words) or len(words) > 1:
        yield "msgstr is identical to the msgid"

