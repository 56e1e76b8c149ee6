"""The incremental-run cache: the only module that reads or writes ``.l10n-cache/``.

A step (update, extract, build) records, per document, one digest of every
byte its result depends on and every byte it wrote: the source file, the
glossary, the settings that matter, this code (and the libraries that shape
its output), and the output files as they are on disk afterwards. A later
run that computes the same digest from the files as they are now has nothing
to do for that document. The cache is never trusted over the files: a
hand-edited catalog or edition, a changed source or a newer l10n changes the
digest, and the document is redone. A missing, corrupt or foreign cache file
is ignored, so the folder is always safe to delete.

Parsed source documents are kept too (``documents/<slug>.json``), keyed on
the source's bytes, its shown path, the front-matter keys and this code, so a
build after an update does not segment the sources again. A step forgets
the records and documents of sources that were deleted.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .files import write_text
from .model import Document, HtmlSkeleton, Placeholder, Segment

CACHE_DIR = ".l10n-cache"
_FORMAT = "l10n-cache 2"
_ABSENT = b"\x00absent"
# Libraries whose versions change what the steps write (segmentation, headers, YAML front matter).
_LIBRARIES = ("markdown-it-py", "PyYAML", "uniseg", "babel")

Payload = dict[str, object]


@functools.cache
def code_fingerprint() -> str:
    """A digest of l10n's own files and the versions of the libraries that shape its output."""
    from importlib import metadata

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def state(inputs: Sequence[bytes | str], outputs: Iterable[Path], written: Mapping[Path, bytes] | None = None) -> str:
    """The digest of a document's work: its inputs, this code, and its output files as they are now
    (``written``: the bytes of those the caller has just written, so they are not read back)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for item in inputs:
        data = item.encode("utf-8") if isinstance(item, str) else item
        digest.update(len(data).to_bytes(8, "big") + data)
    for path in outputs:
        digest.update(b"\0path " + str(path).encode("utf-8", "surrogateescape") + b"\0")
        data = written[path] if written is not None and path in written else read_bytes_or_absent(path)
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def read_bytes_or_absent(path: Path | None) -> bytes:
    """A file's bytes, or a marker no file has, for an input that may not exist."""
    if path is None:
        return _ABSENT
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return _ABSENT


class StepCache:
    """One step's records (``.l10n-cache/<step>.json``): document key → digest and payload."""

    def __init__(self, root: Path, step: str) -> None:
        self.path = root / CACHE_DIR / f"{step}.json"
        self.records = _load(self.path)
        self._dirty = False

    def fresh(self, key: str, digest: str) -> Payload | None:
        """The payload recorded for ``key`` if its digest is ``digest``; None when the work must be redone."""
        record = self.records.get(key)
        if isinstance(record, dict) and record.get("state") == digest:
            payload = record.get("payload", {})
            return payload if isinstance(payload, dict) else None
        return None

    def record(self, key: str, digest: str, payload: Payload | None = None) -> None:
        """Remember that ``key``'s work with this digest is done (``payload``: what to report next time)."""
        entry = {"state": digest, "payload": payload or {}}
        if self.records.get(key) != entry:
            self.records[key] = entry
            self._dirty = True

    def forget_except(self, keys: Iterable[str]) -> None:
        """Drop the records of documents that are no longer in the project (their sources were deleted)."""
        kept = set(keys)
        for key in [key for key in self.records if key not in kept]:
            del self.records[key]
            self._dirty = True

    def save(self) -> None:
        """Write the records if they changed (with a ``.gitignore`` that keeps the folder out of any git)."""
        if not self._dirty:
            return
        _make_folder(self.path.parent)
        write_text(self.path, json.dumps({"format": _FORMAT, "records": self.records}, ensure_ascii=False,
                                         sort_keys=True, indent=0) + "\n")
        self._dirty = False


def _make_folder(folder: Path) -> None:
    """The cache folder, with a ``.gitignore`` that keeps it out of any git."""
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_text(ignore, "*\n")


def _load(path: Path) -> dict[str, object]:
    """The records of a cache file; empty when it is missing, unreadable or not ours."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("records"), dict):
        return {}
    records: dict[str, object] = data["records"]
    return records


class DocumentStore:
    """Parsed source documents, one file each: never trusted over the source (its bytes are in the key)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / CACHE_DIR / "documents"

    @staticmethod
    def key(data: bytes, shown: str, front_matter_keys: tuple[str, ...]) -> str:
        """The digest a parsed document is kept under: source bytes, shown path, keys and this code."""
        return state([data, shown, "\0".join(front_matter_keys)], ())

    def load(self, slug: str, key: str, text: str) -> Document | None:
        """The document kept for ``slug`` under ``key`` (``text`` is its source), or None."""
        try:
            data = json.loads((self.folder / f"{slug}.json").read_bytes())
            if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("state") != key:
                return None
            segments = tuple(_segment(item, text) for item in data["segments"])
            blocks = tuple(int(offset) for offset in data["blocks"])
            references = tuple((str(label), str(href), str(title)) for label, href, title in data["references"])
            skeleton = _skeleton(data["html"], len(blocks), len(segments))
            return Document(data["slug"], data["path"], text, segments, _decoded(data["metadata"]), blocks, references, skeleton)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def store(self, key: str, document: Document) -> None:
        """Keep ``document`` under ``key`` (not at all when its front matter has a value JSON cannot carry)."""
        try:
            metadata = _encoded(document.metadata)
        except TypeError:
            return
        if _decoded(metadata) != document.metadata:
            return
        segments = [[s.text, None if s.source == document.text[s.start:s.end] else s.source, s.context, s.line,
                     s.kind, s.label, s.start, s.end, [[p.number, p.opening, p.closing, p.html] for p in s.placeholders]]
                    for s in document.segments]
        record = {"format": _FORMAT, "state": key, "slug": document.slug, "path": document.path,
                  "segments": segments, "metadata": metadata, "blocks": list(document.blocks),
                  "references": [list(reference) for reference in document.references],
                  "html": None if document.html is None else [document.html.blocks, document.html.segments]}
        _make_folder(self.folder.parent)
        self.folder.mkdir(exist_ok=True)
        write_text(self.folder / f"{document.slug}.json", json.dumps(record, ensure_ascii=False) + "\n")

    def forget_except(self, slugs: Iterable[str]) -> None:
        """Delete the kept documents whose sources are no longer in the project."""
        kept = {f"{slug}.json" for slug in slugs}
        try:
            names = [entry.name for entry in os.scandir(self.folder) if entry.name.endswith(".json")]
        except OSError:
            return
        for name in names:
            if name not in kept:
                (self.folder / name).unlink(missing_ok=True)


def _segment(item: list[object], text: str) -> Segment:
    """A segment as :meth:`DocumentStore.store` kept it (its source sliced from ``text`` when it was a slice)."""
    body, source, context, line, kind, label, start, end, placeholders = item
    assert isinstance(start, int) and isinstance(end, int) and isinstance(placeholders, list)
    return Segment(body, text[start:end] if source is None else source, context, line, kind, label,  # type: ignore[arg-type]
                   start, end, tuple(_placeholder(*p) for p in placeholders))


def _placeholder(number: int, opening: str, closing: str | None, html: list[str | None] | None) -> Placeholder:
    """A placeholder as :meth:`DocumentStore.store` kept it (JSON made its HTML pair a list)."""
    return Placeholder(number, opening, closing, None if html is None else (str(html[0]), html[1]))


def _skeleton(item: object, blocks: int, segments: int) -> HtmlSkeleton | None:
    """The HTML skeleton as kept (ValueError when its shape does not fit the document's)."""
    if item is None:
        return None
    if not isinstance(item, list):
        raise TypeError("skeleton")
    kept_blocks, kept_segments = item
    if len(kept_blocks) != blocks or len(kept_segments) != segments:
        raise ValueError("skeleton")
    return HtmlSkeleton(tuple(None if b is None else tuple(b) for b in kept_blocks), tuple(kept_segments))


def _encoded(value: object) -> object:
    """Front-matter data as JSON: containers and dates tagged (``["list", …]``), scalars as they are."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, list):
        return ["list", [_encoded(item) for item in value]]
    if isinstance(value, dict):
        return ["dict", [[_encoded(k), _encoded(v)] for k, v in value.items()]]
    if isinstance(value, datetime.datetime):
        return ["datetime", value.isoformat()]
    if isinstance(value, datetime.date):
        return ["date", value.isoformat()]
    raise TypeError(f"not kept: {type(value).__name__}")


def _decoded(value: object) -> dict[str, object]:
    found = _decoded_value(value)
    if not isinstance(found, dict):
        raise TypeError("metadata is not a mapping")
    return found


def _decoded_value(value: object) -> object:
    if not isinstance(value, list):
        return value
    tag, payload = value
    if tag == "list":
        return [_decoded_value(item) for item in payload]
    if tag == "dict":
        return {_decoded_value(k): _decoded_value(v) for k, v in payload}
    if tag == "datetime":
        return datetime.datetime.fromisoformat(payload)
    if tag == "date":
        return datetime.date.fromisoformat(payload)
    raise ValueError(f"unknown tag {tag!r}")
