"""Argos engine settings: Argos' own settings and environment, and the CTranslate2 thread layout.

Argos is imported only through :mod:`.argos_runtime`.
"""

from __future__ import annotations

import os
from typing import TypeVar

from l10n.engines import EngineSettings
from l10n.engines.argos_runtime import ArgosSettingsModule, argos_settings
from l10n.errors import EngineError

_T = TypeVar("_T")


def resolve_settings(settings: EngineSettings | None = None) -> EngineSettings:
    """Fill the unset fields of ``settings`` from Argos' own settings."""
    argos = argos_settings()

    given = settings or EngineSettings()

    def pick(value: _T | None, default: _T) -> _T:
        return default if value is None else value

    device = pick(given.device, str(argos.device))
    intra, inter = batch_threads(device, given.intra_threads, given.inter_threads)
    return EngineSettings(
        device=device,
        intra_threads=intra,
        inter_threads=inter,
        beam_size=pick(given.beam_size, argos.beam_size),
        compute_type=pick(given.compute_type, str(argos.compute_type)),
        max_batch_size=pick(given.max_batch_size, argos.batch_size),
        pad_batches=given.pad_batches,
    )


def batch_threads(device: str, intra: int | None, inter: int | None) -> tuple[int, int]:
    """CTranslate2's (intra, inter) threads: given, else Argos' if set, else one worker per core.

    Argos' built-in defaults (intra 0 = OpenMP on every core, one worker)
    suit one sentence at a time.  For a queue of batches on CPU, one
    single-threaded worker per core (up to 4) was 1.6-2x faster on 2 cores
    (``benchmarks/pretranslate_engine.py``) and gives the same outputs:
    a batch's arithmetic does not depend on how many threads run it.  A
    value the user set (option, ``ARGOS_INTRA_THREADS``/``ARGOS_INTER_THREADS``
    or Argos' settings.json) is always kept.
    """
    argos = argos_settings()

    intra = intra if intra is not None else _argos_int(argos, "ARGOS_INTRA_THREADS")
    inter = inter if inter is not None else _argos_int(argos, "ARGOS_INTER_THREADS")
    if device != "cpu" and (intra is None or inter is None):
        return (argos.intra_threads if intra is None else intra, argos.inter_threads if inter is None else inter)
    cores = _cores()
    if inter is None:
        # intra 0 already spreads one worker over every core.
        inter = 1 if intra == 0 else min(4, max(1, cores // (intra or 1)))
    if intra is None:
        intra = max(1, cores // inter)
    return intra, inter


def _argos_int(argos: ArgosSettingsModule, key: str) -> int | None:
    """An Argos thread setting if the user set one (environment or settings.json)."""
    value = argos.get_setting(key)
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise EngineError(f"Argos setting {key} must be an integer, not {value!r}") from error


def _cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1
