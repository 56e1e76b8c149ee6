"""Argos Translate: installed model packages and batched, offline translation.

This is the only module that imports argostranslate, ctranslate2 and
sentencepiece, always inside functions, so importing it stays cheap.

Packages are found, installed and downloaded through argostranslate's own
package code, so ``ARGOS_PACKAGES_DIR`` and Argos' other settings apply.
Translation does not go through ``argostranslate.translate``: that module
translates one string per call and runs its own sentence splitter (which may
download a model), while our segments are already sentences.  Instead
:class:`ArgosTranslator` loads the package's CTranslate2 model and tokenizer
once and sends whole batches to ``translate_batch`` with the options Argos
uses, in batches without padding, so a sentence gets exactly the translation
``argostranslate`` gives it alone.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.engines import EngineSettings, Progress
from l10n.errors import EngineError

INSTALL_HINT = "l10n models install FILE.argosmodel"
NOT_INSTALLED = ("Argos Translate is not installed (a slim install): pip install 'l10n[argos]', "
                 "or translate on a LibreTranslate server with --server URL")
LENGTH_PENALTY = 0.2
"""The length penalty ``argostranslate.translate`` decodes with."""


@dataclass(frozen=True)
class InstalledPackage:
    """An installed Argos translation package, as ``l10n models list`` shows it."""

    from_code: str
    to_code: str
    name: str
    version: str
    path: Path

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def provenance(self) -> str:
        """``translate-en_uk 1.9``: what a machine-filled entry credits."""
        return f"{self.name} {self.version}"


@dataclass(frozen=True)
class PackageListing:
    """Installed packages serving the requested pairs, and the pairs none serves."""

    installed: list[InstalledPackage]
    missing: list[tuple[str, str]]


def pair_label(pair: tuple[str, str]) -> str:
    return f"{pair[0]}→{pair[1]}"


def missing_package_error(pair: tuple[str, str]) -> EngineError:
    """The one-line error for a pair without a package, naming both ways to fix it."""
    return EngineError(
        f"no Argos package installed for {pair_label(pair)}: run "
        f"'{INSTALL_HINT}' or 'l10n models install --from-index {pair[0]}:{pair[1]}'"
    )


def require_argos() -> None:
    """Fail in one line, before any import, when argostranslate or ctranslate2 is missing."""
    if any(importlib.util.find_spec(name) is None for name in ("argostranslate", "ctranslate2")):
        raise EngineError(NOT_INSTALLED)


# --- Settings ---------------------------------------------------------------


def resolve_settings(settings: EngineSettings | None = None) -> EngineSettings:
    """Fill the unset fields of ``settings`` from Argos' own settings."""
    from argostranslate import settings as argos

    given = settings or EngineSettings()

    def pick(value: Any, default: Any) -> Any:
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
    from argostranslate import settings as argos

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


def _argos_int(argos: Any, key: str) -> int | None:
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


# --- Listing ----------------------------------------------------------------


def _argos_packages() -> list[Any]:
    """Argos' installed translation packages (``argostranslate.package.Package``)."""
    require_argos()
    from argostranslate import package

    try:
        packages = package.get_installed_packages()
    except (OSError, ValueError) as error:
        raise EngineError(f"cannot read the installed Argos packages: {error}") from error
    return [p for p in packages if p.type == "translate" and p.from_code and p.to_code]


def _describe(pkg: Any) -> InstalledPackage:
    from argostranslate.package import argospm_package_name

    return InstalledPackage(
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        name=argospm_package_name(pkg),
        version=pkg.package_version,
        path=Path(pkg.package_path),
    )


def list_packages(pairs: Iterable[tuple[str, str]] = ()) -> PackageListing:
    """Installed packages for ``pairs`` (all of them if none are given)."""
    wanted = list(dict.fromkeys(pairs))
    installed = [_describe(p) for p in _argos_packages()]
    if wanted:
        installed = [p for p in installed if p.pair in set(wanted)]
    installed.sort(key=lambda p: (p.from_code, p.to_code, _version_key(p.version)))
    have = {p.pair for p in installed}
    return PackageListing(installed, [pair for pair in wanted if pair not in have])


def _version_key(version: str) -> Any:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def _find_package(from_code: str, to_code: str) -> Any:
    """The newest installed package for the pair (Argos takes the first found)."""
    candidates = [p for p in _argos_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        raise missing_package_error((from_code, to_code))
    return max(candidates, key=lambda p: _version_key(p.package_version))


# --- Translating ------------------------------------------------------------


class ArgosTranslator:
    """One language pair's Argos package, loaded once, translating in batches.

    Each text is split on newlines as Argos does, every distinct paragraph is
    tokenized with the package's own tokenizer (Argos' tokenizer classes), and
    the paragraphs go to CTranslate2 in batches of up to ``max_batch_size``
    inputs of equal token length (see :func:`equal_length_batches`; or of
    neighbouring lengths with ``pad_batches``), queued all at once when
    CTranslate2 has several workers (``inter_threads``).  Argos' sentence
    splitter is never run: a paragraph is translated as one sentence.
    """

    name = "argos"

    def __init__(self, from_code: str, to_code: str, settings: EngineSettings | None = None):
        require_argos()
        pkg = _find_package(from_code, to_code)
        self.package = _describe(pkg)
        self.version = self.package.provenance
        self.settings = resolve_settings(settings)
        if getattr(pkg, "tokenizer", None) is None:
            raise EngineError("Argos package has no sentencepiece.model or bpe.model", path=str(self.package.path))
        self._tokenizer: Any = pkg.tokenizer
        self._target_prefix: str = pkg.target_prefix
        self._model = _load_model(self.package.path / "model", self.settings)

    def translate_batch(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """Translate every text; equal paragraphs are translated once."""
        paragraphs = [text.split("\n") for text in texts]
        unique = list(dict.fromkeys(p for ps in paragraphs for p in ps if p.strip()))
        translated = dict(zip(unique, self._translate_sentences(unique, progress)))
        return ["\n".join(translated.get(p, "") for p in ps).lstrip("\n") for ps in paragraphs]

    def _translate_sentences(self, sentences: list[str], progress: Progress | None) -> list[str]:
        tokens = [self._tokenizer.encode(sentence) for sentence in sentences]
        # With several CTranslate2 workers, queue every batch at once so they
        # run side by side; with one, plain calls are a little faster.
        parallel = (self.settings.inter_threads or 1) > 1
        options = {
            "replace_unknowns": True,
            "beam_size": self.settings.beam_size or 1,
            "num_hypotheses": 1,
            "length_penalty": LENGTH_PENALTY,
            "asynchronous": parallel,
        }
        translated = [""] * len(sentences)
        done = 0
        try:
            jobs = []
            for batch in self._batches([len(t) for t in tokens]):
                prefix = [[self._target_prefix]] * len(batch) if self._target_prefix else None
                jobs.append((batch, self._model.translate_batch([tokens[i] for i in batch], prefix, **options)))
            for batch, results in jobs:
                for index, result in zip(batch, results):
                    hypotheses = (result.result() if parallel else result).hypotheses
                    translated[index] = self._detokenize(hypotheses[0])
                done += len(batch)
                if progress is not None:
                    progress(done, len(sentences))
        except RuntimeError as error:
            raise EngineError(f"translation failed ({self.version}): {error}") from error
        return translated

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Batches, longest inputs first: the workers then end on short ones together."""
        size = self.settings.max_batch_size or 32
        if self.settings.pad_batches:
            order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
            batches = [order[start:start + size] for start in range(0, len(order), size)]
        else:
            batches = equal_length_batches(lengths, size)
        return batches[::-1]

    def _detokenize(self, tokens: list[str]) -> str:
        """Decode as ``argostranslate.translate.apply_packaged_translation`` does.

        One deliberate difference: the forced target prefix token is dropped
        before decoding.  Argos 1.11 removes it after decoding, but its
        sentencepiece decoder has already turned ``__uk__`` into ``  uk  ``,
        so Argos' own output keeps a stray `` uk`` in front.
        """
        if self._target_prefix and tokens[:1] == [self._target_prefix]:
            tokens = tokens[1:]
        value: str = self._tokenizer.decode(tokens)
        if value.startswith(" "):
            value = value[1:]
        return value


def equal_length_batches(lengths: list[int], size: int) -> list[list[int]]:
    """Indices grouped into batches of at most ``size`` inputs of one length.

    A padded input does not always get the translation it gets alone: with
    oneDNN's AVX2 kernels (this machine) its sums are rounded differently,
    and int8 quantization turns that into other words for ~10% of inputs
    (float32 models, or oneDNN limited to SSE4.1, were unaffected).  Batches
    without padding make every translation independent of the rest of the
    batch, so it equals Argos' one-string-at-a-time output.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    for index in order:
        if batches and len(batches[-1]) < size and lengths[batches[-1][0]] == lengths[index]:
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches


def _load_model(model_dir: Path, settings: EngineSettings) -> Any:
    import ctranslate2

    if not model_dir.is_dir():
        raise EngineError("Argos package has no model/ folder", path=str(model_dir.parent))
    try:
        return ctranslate2.Translator(
            str(model_dir),
            device=settings.device or "cpu",
            compute_type=settings.compute_type or "auto",
            inter_threads=settings.inter_threads or 1,
            intra_threads=settings.intra_threads or 0,
        )
    except (RuntimeError, ValueError) as error:
        raise EngineError(f"cannot load the CTranslate2 model: {error}", path=str(model_dir)) from error


__all__ = [
    "ArgosTranslator",
    "INSTALL_HINT",
    "InstalledPackage",
    "PackageListing",
    "list_packages",
    "missing_package_error",
    "require_argos",
    "resolve_settings",
]
