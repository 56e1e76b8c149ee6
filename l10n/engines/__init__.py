"""Machine-translation engines: the contract pretranslation speaks.

Pretranslation needs only a batch call and a provenance string, so any engine
(local Argos, a LibreTranslate server, a dictionary fake in tests) fits the
:class:`Translator` protocol.  This module imports no engine library:
``l10n --help`` must stay fast, and the heavy imports live in the engine
modules (argostranslate and ctranslate2 in ``l10n.engines.argos_runtime`` only;
``l10n.engines.libretranslate`` needs only the standard library).  :func:`choose_engine` is the one place that decides
which engine a run uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from l10n.config import SERVER_URL_RE, Config
from l10n.errors import EngineError

DEVICES = ("cpu", "cuda", "auto")

Progress = Callable[[int, int], None]
"""Called with (done, total) as an engine finishes parts of a job."""


class Translator(Protocol):
    """An engine loaded for one language pair.

    ``name`` and ``version`` make the provenance comment of machine-filled
    entries (``# MT: argos translate-en_uk 1.9``); ``translate_batch`` returns
    one translation per input, in order.  It gets the whole job at once, so
    the engine can group inputs as it likes, and reports its own progress.
    """

    name: str
    version: str

    def translate_batch(self, texts: list[str], progress: Progress | None = None) -> list[str]: ...


@dataclass(frozen=True)
class EngineSettings:
    """How to run the engine; ``None`` means "as Argos is configured".

    Argos reads ``ARGOS_DEVICE_TYPE``, ``ARGOS_INTRA_THREADS``,
    ``ARGOS_INTER_THREADS``, ``ARGOS_BEAM_SIZE``, ``ARGOS_COMPUTE_TYPE`` and
    ``ARGOS_BATCH_SIZE`` from the environment or its ``settings.json`` (its
    defaults: cpu, 0, 1, 4, auto, 32).  Leaving a field unset keeps that
    behaviour, so our output matches what Argos itself would produce; the
    engine resolves the unset fields when it loads (see
    ``l10n.engines.argos_settings.resolve_settings``).  One exception: threads the
    user did not set anywhere become one single-threaded worker per core
    (``batch_threads``), faster for batches than Argos' built-in layout and
    with the same outputs.  ``intra_threads=0`` lets CTranslate2 use every
    core.

    ``pad_batches`` is ours: by default a batch holds inputs of one token
    length, so no input is padded and each translation is the one Argos gives
    that sentence alone, whatever else is in the run.  Padded batches (inputs
    of mixed lengths, padded to the longest) are faster on small jobs, but a
    padded input is computed with other rounding (measured on an AVX2 CPU:
    int8 models then changed ~10% of translations; float32 ones none).
    """

    device: str | None = None
    intra_threads: int | None = None
    inter_threads: int | None = None
    beam_size: int | None = None
    compute_type: str | None = None
    max_batch_size: int | None = None
    pad_batches: bool = False

    def __post_init__(self) -> None:
        if self.device is not None and self.device not in DEVICES:
            raise EngineError(f"engine device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        for name, minimum in (("intra_threads", 0), ("inter_threads", 1), ("beam_size", 1), ("max_batch_size", 1)):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < minimum):
                raise EngineError(f"engine {name} must be an integer >= {minimum}, not {value!r}")


EngineFactory = Callable[[str, str], Translator]
"""Loads the engine for a (source, target) pair, only when there is work."""


def choose_engine(
    config: Config, *, engine: str | None = None, server_url: str | None = None,
    settings: EngineSettings | None = None, environ: Mapping[str, str] | None = None,
) -> EngineFactory:
    """The engine a run uses: the option, else ``tool.l10n.engine``; a server URL implies LibreTranslate.

    The API key comes from the environment (``LIBRETRANSLATE_API_KEY``), never
    from the project's config file, which is committed.
    """
    url = server_url or config.libretranslate_url
    chosen = engine or ("libretranslate" if server_url else config.engine)
    if chosen == "argos":
        return lambda source, target: _argos(source, target, settings)
    if not url:
        raise EngineError("the libretranslate engine needs a server: --server URL or tool.l10n.libretranslate_url")
    if not SERVER_URL_RE.match(url):
        raise EngineError(f"the LibreTranslate server must be an http(s) URL, not {url!r}")
    from l10n.engines.libretranslate import (
        API_KEY_ENV,
        LibreTranslateTranslator,
        ServerSettings,
    )

    server = ServerSettings(
        url=url, api_key=(os.environ if environ is None else environ).get(API_KEY_ENV) or None,
        concurrency=config.libretranslate_concurrency, batch_size=config.libretranslate_batch_size,
        timeout=float(config.libretranslate_timeout), retries=config.libretranslate_retries,
    )
    return lambda source, target: LibreTranslateTranslator(source, target, server)


def _argos(source: str, target: str, settings: EngineSettings | None) -> Translator:
    from l10n.engines.argos import ArgosTranslator

    return ArgosTranslator(source, target, settings)


def provenance(translator: Translator) -> str:
    """The engine part of a provenance comment: ``argos translate-en_uk 1.9``."""
    return f"{translator.name} {translator.version}"


__all__ = ["DEVICES", "EngineFactory", "EngineSettings", "Progress", "Translator", "choose_engine", "provenance"]
