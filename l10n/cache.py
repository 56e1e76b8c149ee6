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
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from .files import write_text

CACHE_DIR = ".l10n-cache"
_FORMAT = "l10n-cache 1"
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


def state(inputs: Sequence[bytes | str], outputs: Iterable[Path]) -> str:
    """The digest of a document's work: its inputs, this code, and its output files as they are now."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for item in inputs:
        data = item.encode("utf-8") if isinstance(item, str) else item
        digest.update(len(data).to_bytes(8, "big") + data)
    for path in outputs:
        digest.update(b"\0path " + str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = _ABSENT
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

    def save(self) -> None:
        """Write the records if they changed (with a ``.gitignore`` that keeps the folder out of any git)."""
        if not self._dirty:
            return
        self.path.parent.mkdir(exist_ok=True)
        ignore = self.path.parent / ".gitignore"
        if not ignore.exists():
            write_text(ignore, "*\n")
        write_text(self.path, json.dumps({"format": _FORMAT, "records": self.records}, ensure_ascii=False,
                                         sort_keys=True, indent=0) + "\n")
        self._dirty = False


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
