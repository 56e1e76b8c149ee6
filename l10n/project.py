"""The project a step works on: its settings, glossary and source files.

Documents are parsed when a step first needs one, so a run that finds most
of them unchanged (``l10n.cache``) never parses those, and each worker of a
process pool (``l10n.parallel``) parses its own. A source whose bytes the
cache has seen is not segmented again (``DocumentStore``); a step that
writes keeps what it segmented there once its own writes are done
(:meth:`Project.segmented_now`, :meth:`Project.keep`), a check run or a run
stopped by bad input keeps nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cache import DocumentStore, read_bytes_or_absent
from .config import SLUG_RE, Config
from .errors import SourceError, UnknownArticle
from .glossary import read_glossary
from .model import Document, Term
from .segment import read_source, segment_text, source_text

Segmented = tuple[str, Document] | None
"""A document segmented in this process and the cache key it is kept under (None: it came from the cache)."""


@dataclass
class Project:
    """Everything the steps need: settings, glossary, and the source files (slug → path), each parsed when first needed."""

    config: Config
    sources: dict[str, Path]
    terms: list[Term]
    _parsed: dict[str, Document] = field(default_factory=dict, repr=False)
    _segmented: dict[str, tuple[str, Document]] = field(default_factory=dict, repr=False)

    @property
    def slugs(self) -> list[str]:
        """Every article's slug, in project order."""
        return list(self.sources)

    @property
    def documents(self) -> list[Document]:
        """Every document, parsed (the first bad one raises)."""
        return [self.document(slug) for slug in self.sources]

    def document(self, slug: str) -> Document:
        """The parsed document of ``slug`` (SourceError names file and line)."""
        found = self._parsed.get(slug)
        if found is None:
            found = self._parsed[slug] = self._read(slug)
        return found

    def _read(self, slug: str) -> Document:
        """The document as the cache kept it for these exact bytes, else segmented now."""
        path, keys = self.sources[slug], self.config.front_matter_keys
        shown = self.config.relative(path)
        data = read_source(path, shown)
        text = source_text(data, shown)
        store = DocumentStore(self.config.root)
        key = store.key(data, shown, keys)
        found = store.load(slug, key, text)
        if found is None:
            found = segment_text(text, slug, shown, keys)
            self._segmented[slug] = (key, found)
        return found

    def segmented_now(self, slug: str) -> Segmented:
        """The document of ``slug`` if this process segmented it (not taken from the cache), with its key.

        A worker of a process pool returns it with its results, so the step keeps it only once it has written.
        """
        return self._segmented.pop(slug, None)

    def keep(self, documents: Iterable[Segmented]) -> None:
        """Keep documents :meth:`segmented_now` gave in the cache, for later runs (and forget deleted sources')."""
        store = DocumentStore(self.config.root)
        for found in documents:
            if found is not None:
                store.store(*found)
        store.forget_except(self.sources)


def load_project(config: Config) -> Project:
    """Check every source file's name and read the glossary; documents are parsed when a step needs them."""
    sources: dict[str, Path] = {}
    for path in config.sources():
        if not SLUG_RE.match(path.stem):
            raise SourceError("file name is not a valid article slug (lowercase letters, digits, '.', '_', '-')",
                              config.relative(path))
        sources[path.stem] = path
    terms: list[Term] = []
    if config.glossary is not None and config.glossary.exists():
        terms = read_glossary(config.glossary, config.languages, config.relative(config.glossary))
    return Project(config, sources, terms)


def select_slugs(project: Project, slugs: Sequence[str] = ()) -> list[str]:
    """The slugs asked for (every article when there are none), in project order.

    Raises UnknownArticle naming every slug no source file has.
    """
    unknown = sorted(set(slugs) - set(project.sources))
    if unknown:
        raise UnknownArticle(unknown)
    return [slug for slug in project.sources if not slugs or slug in slugs]


def select_documents(project: Project, slugs: Sequence[str] = ()) -> list[Document]:
    """The documents :func:`select_slugs` names, parsed."""
    return [project.document(slug) for slug in select_slugs(project, slugs)]


def config_key(config: Config) -> str:
    """The settings that shape outputs, as text for the cache (not how many processes run)."""
    return repr(dataclasses.replace(config, jobs=0))


def step_inputs(project: Project, step: str, slug: str, *extra: bytes | str) -> list[bytes | str]:
    """What a document's step result depends on besides the code: its source, the glossary, the settings."""
    config = project.config
    return [step, slug, project.sources[slug].read_bytes(), read_bytes_or_absent(config.glossary),
            config_key(config), *extra]


def jobs_for(project: Project, jobs: int | None) -> int:
    """The ``--jobs`` asked for, else ``tool.l10n.jobs`` (0: automatic, see :mod:`l10n.parallel`)."""
    return project.config.jobs if jobs is None else jobs
