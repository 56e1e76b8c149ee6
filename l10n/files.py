"""Atomic, idempotent file writing.

Every file the tool writes goes through :func:`write_text`: content is written
to a temporary file in the same folder, flushed to disk and renamed into place,
so a killed run leaves either the old or the new file, never a torn one; and a
file whose content would not change is not touched at all (no mtime churn).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def differs(path: str | os.PathLike[str], data: bytes) -> bool:
    """Whether writing ``data`` would change ``path`` (a missing file always would): what a dry run reports."""
    try:
        return Path(path).read_bytes() != data
    except FileNotFoundError:
        return True


def write_bytes(path: str | os.PathLike[str], data: bytes, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` atomically; return False if it was already so.

    ``durable`` flushes the data to disk before the rename, so a crash leaves
    the old file or the new one, never a short one. Files made from others
    (editions, MO files, parsed documents) pass False: a build writes 6,000 of
    them and the flushes were a quarter of its time, and the cache digests
    them, so the next run rebuilds one a crash left short.
    """
    target = Path(path)
    if not differs(target, data):
        return False
    import tempfile  # here: commands that only read (stats) do not pay for it

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return True


def write_text(path: str | os.PathLike[str], text: str) -> bool:
    """Write UTF-8 ``text`` (``\\n`` line endings) atomically; True if changed."""
    return write_bytes(path, text.encode("utf-8"))
