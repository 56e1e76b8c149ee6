"""Spelling variants that must not make two words differ.

Ukrainian text writes the apostrophe three ways (' ʼ ’) and hyphens two
more; Russian text often drops the «ё». Dictionaries know one spelling, so
words are normalized before lookup, and an inflected word gets back the
letter case and apostrophe of the word it replaces. This is the only module
that knows the apostrophe forms: English copy ("Kyiv’s", "O'Brien"), glossary
cells and translations all compare through it.
"""

from __future__ import annotations

import re

APOSTROPHES = "'ʼ’"  # U+0027 (the dictionaries' and the glossary's), U+02BC, U+2019
_VARIANTS = (("ʼ", "'"), ("’", "'"), ("‐", "-"), ("‑", "-"))  # apostrophes and hyphens
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")


def normal(word: str) -> str:
    word = word.lower()
    for variant, usual in _VARIANTS:
        if variant in word:  # far faster than str.translate on Cyrillic
            word = word.replace(variant, usual)
    return word


def fold(lemma: str) -> str:
    return lemma.replace("ё", "е")  # Russian texts write «Королев» for «Королёв»


def unify_apostrophes(text: str) -> str:
    """``text`` with every apostrophe written as U+0027 (letter case kept)."""
    return _APOSTROPHE_RE.sub("'", text) if "ʼ" in text or "’" in text else text


def spelling_pattern(text: str) -> str:
    """A regex source matching ``text`` literally, any apostrophe for any other."""
    return "".join(f"[{APOSTROPHES}]" if c in APOSTROPHES else re.escape(c) for c in text)


def restore_spelling(original: str, inflected: str) -> str:
    """Give ``inflected`` the letter case and apostrophe of ``original``."""
    inflected = inflected.replace("'", next((c for c in original if c in APOSTROPHES), "'"))
    if len(original) > 1 and original.isupper():
        return inflected.upper()
    originals, parts = re.split(r"([-‐‑])", original), re.split(r"([-‐‑])", inflected)
    if len(originals) != len(parts):
        originals, parts = [original], [inflected]
    return "".join(
        p[:1].upper() + p[1:] if o[:1].isupper() else p
        for o, p in zip(originals, parts, strict=True)
    )
