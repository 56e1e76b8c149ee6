"""A fake MT engine for tests that need one beside the real Argos path.

It stands in for ``ArgosTranslator`` (its constructor takes the same
arguments and ignores them) or is returned by an engine factory.
"""

from __future__ import annotations


class Echo:
    """Brackets every input, placeholders intact: ``"[mt] " + text``."""

    name, version = "echo", "1"

    def __init__(self, *args: object) -> None:
        pass

    def translate_batch(self, texts: list[str], progress: object = None) -> list[str]:
        return [f"[mt] {text}" for text in texts]
