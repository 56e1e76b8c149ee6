"""Where a pretranslated msgstr came from: the only module that knows the markers.

Pretranslation records its source in a translator comment, ``# MT: <engine>
<date>`` for machine output or ``# TM: <catalog>`` for a translation-memory
match; the review check looks for the same comments. Both ask this module, so
the marker strings cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MT = "MT"
TM = "TM"
_MARKER_RE = re.compile(r"^\s*(MT|TM):\s?(.*)$", re.DOTALL)


@dataclass(frozen=True)
class Provenance:
    """A parsed marker: ``kind`` is :data:`MT` or :data:`TM`, ``detail`` the rest."""

    kind: str
    detail: str


def mt_comment(detail: str) -> str:
    """The comment for machine output: ``detail`` names the engine and date."""
    return f"{MT}: {detail}"


def tm_comment(catalog: str) -> str:
    """The comment for a translation-memory match found in ``catalog``."""
    return f"{TM}: {catalog}"


def parse(comment: str) -> Provenance | None:
    """The marker in a translator comment, or None for a translator's own note."""
    match = _MARKER_RE.match(comment)
    return Provenance(match.group(1), match.group(2)) if match else None


MARKUP_NOTE = mt_comment("not filled: the engine lost or broke the placeholders")
"""Left on an entry the engine could not fill without breaking its placeholders."""
