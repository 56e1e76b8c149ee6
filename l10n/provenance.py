"""Provenance comments: the only module that writes and parses ``# MT:`` / ``# TM:`` markers.

A pretranslated entry carries one translator comment saying where its text
came from, so ``l10n check`` (``unreviewed-mt``) can find text nobody has
reviewed yet. Memory matches carry their score: ``TM 86%: <origin>``; an
exact match is ``TM: <origin>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIXES = ("MT:", "TM:", "TM ")
_TM_RE = re.compile(r"^TM(?: (\d{1,3})%)?: (.+)$")
_MT_RE = re.compile(r"^MT: (.+)$")


@dataclass(frozen=True)
class Provenance:
    kind: str  # "MT" or "TM"
    origin: str
    score: int = 100


def tm_comment(origin: str, score: int = 100) -> str:
    """``TM: origin`` for an exact match, ``TM 86%: origin`` for a fuzzy one."""
    return f"TM: {origin}" if score >= 100 else f"TM {score}%: {origin}"


def mt_comment(engine: str, stamp: str) -> str:
    return f"MT: {engine} {stamp}"


def parse(comment: str) -> Provenance | None:
    """The provenance a translator comment records, or None if it records none."""
    text = comment.strip()
    if match := _TM_RE.match(text):
        return Provenance("TM", match.group(2), int(match.group(1) or 100))
    if match := _MT_RE.match(text):
        return Provenance("MT", match.group(1))
    return None


def is_provenance(comment: str) -> bool:
    return parse(comment) is not None
