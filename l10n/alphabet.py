"""Which script a letter belongs to: the only module with a "Cyrillic letter" regex.

Checks ask whether a translation has Cyrillic at all, orthography flags words
that mix Latin and Cyrillic letters («Kиїв» with a Latin K), and the glossary
keeps a name in Latin when no target is Cyrillic. One definition keeps them
agreeing about the same word.
"""

from __future__ import annotations

import re

CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
"""One letter of the Cyrillic block (Ukrainian, Russian and the rest)."""

LATIN_RE = re.compile(r"[A-Za-z]")
"""One unaccented Latin letter, as in English copy."""
