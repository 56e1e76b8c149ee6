"""Per-document work on every core: the only module that starts process pools.

:func:`ordered_map` runs a function over items in worker processes and
returns the results in the items' order, so what a step writes and reports
does not depend on which worker finished first. An error a worker raises
comes back as the same exception (``l10n.errors`` pickle with their file
and line), raised for the first failing item in order, as a run in one
process would. Small runs stay in process: a pool's start-up costs more
than it saves below :data:`MIN_ITEMS` items.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar, cast

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 8
"""With ``jobs`` 0 (automatic), fewer items than this run in process."""


_worker: tuple[Callable[[object, object], object], object] | None = None
"""In a worker process: the function and the shared object it was started with."""


def _start(function: Callable[[object, object], object], shared: object) -> None:
    global _worker
    _worker = (function, shared)


def _call(item: object) -> object:
    assert _worker is not None, "worker not started"
    function, shared = _worker
    return function(shared, item)


def worker_count(jobs: int, items: int) -> int:
    """How many processes to use: ``jobs`` (0: one per core when there are enough items), at most one per item."""
    if jobs <= 0:
        jobs = (os.cpu_count() or 1) if items >= MIN_ITEMS else 1
    return max(1, min(jobs, items))


def ordered_map(function: Callable[[Shared, Item], Result], shared: Shared, items: Sequence[Item],
                jobs: int = 0) -> list[Result]:
    """``[function(shared, item) for item in items]``, in ``worker_count(jobs, len(items))`` processes.

    ``function`` must be a module-level function; ``shared`` (a project, say)
    reaches each worker once, not once per item.
    """
    workers = worker_count(jobs, len(items))
    if workers == 1:
        return [function(shared, item) for item in items]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(items) // (workers * 8))
    start = cast("Callable[[object, object], object]", function)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(start, shared)) as pool:
        return cast("list[Result]", list(pool.map(_call, items, chunksize=chunk)))
