"""A per-project lock, so two runs never write the same catalogs at once.

Two editors running ``l10n update`` (or CI and a pre-commit hook) would
otherwise interleave reads and atomic renames and lose one run's merge. The
lock is ``filelock.FileLock`` on ``.l10n.lock`` in the project root: on POSIX
an advisory ``flock`` and on Windows ``msvcrt.locking``, both dropped by the
kernel when a process dies, so a killed run never leaves a stale lock. Where
neither exists filelock falls back to a lock file that only its holder removes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import LockError

LOCK_NAME = ".l10n.lock"
DEFAULT_TIMEOUT = 60.0


def lock_timeout() -> float:
    """Seconds to wait for the lock: ``L10N_LOCK_TIMEOUT`` or one minute."""
    raw = os.environ.get("L10N_LOCK_TIMEOUT")
    try:
        return DEFAULT_TIMEOUT if raw is None else max(0.0, float(raw))
    except ValueError:
        raise LockError(f"L10N_LOCK_TIMEOUT must be a number of seconds, not {raw!r}") from None


@contextmanager
def project_lock(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the project's lock for the duration of the block."""
    path = root / LOCK_NAME
    wait = lock_timeout() if timeout is None else timeout
    lock = FileLock(str(path), timeout=wait, poll_interval=0.05)
    try:
        lock.acquire()
    except Timeout:
        raise LockError(
            f"another l10n run is modifying this project; gave up after {wait:g}s "
            "(set L10N_LOCK_TIMEOUT to wait longer)", str(path)
        ) from None
    try:
        yield
    finally:
        lock.release()
