"""One exception base for the whole library.

Library code raises these; only the CLI turns them into one-line messages and
exit codes, so every stage stays usable as a plain function call.
"""

from __future__ import annotations


class L10nError(Exception):
    """Base of every error the tool reports to its user (exit code 3)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(L10nError):
    """The project configuration is missing, malformed or inconsistent."""


class SourceError(L10nError):
    """A source document cannot be read or segmented."""


class CatalogError(L10nError):
    """A PO/POT catalog is malformed or cannot be written."""


class PluralFormsError(CatalogError):
    """A header's Plural-Forms rule is one gettext refuses (``msgfmt -c``)."""


class GlossaryError(L10nError):
    """The terminology glossary is malformed."""


class EngineError(L10nError):
    """A translation engine or its models are unavailable."""


class BuildError(L10nError):
    """An edition cannot be built (for example, below the completeness threshold)."""


class LockError(L10nError):
    """Another run holds the project lock for longer than we wait."""


class UnknownCheck(L10nError):
    """``--select`` or ``--ignore`` names no check id or family (a usage error: the CLI exits 2)."""


class UnknownArticle(L10nError):
    """Slugs that name no source article: a usage error (exit 2), not bad input."""

    def __init__(self, slugs: list[str], note: str = ""):
        super().__init__(f"no source article {', '.join(slugs)}" + (f" ({note})" if note else ""))
        self.slugs = slugs


class TMXError(L10nError):
    """A TMX memory file is not well-formed or does not fit the project."""
