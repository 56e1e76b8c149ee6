"""A per-project lock, so two runs never write the same catalogs at once.

Two editors running ``l10n update`` (or CI and a pre-commit hook) would
otherwise interleave reads and atomic renames and lose one run's merge. The
lock is an advisory ``flock`` on ``.l10n.lock`` in the project root: the
kernel drops it when a process dies, so a killed run never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockError(
                        f"another l10n run is modifying this project; gave up after {wait:g}s "
                        "(set L10N_LOCK_TIMEOUT to wait longer)", str(path)
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)
