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

import contextlib
import json
import logging
import shutil
import socket
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from l10n.engines import EngineSettings
from l10n.errors import EngineError

INSTALL_HINT = "l10n models install FILE.argosmodel"
NETWORK_TIMEOUT = 15.0
"""Seconds before a silent network gives up; Argos itself sets no timeout."""

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


# --- Settings ---------------------------------------------------------------


def resolve_settings(settings: EngineSettings | None = None) -> EngineSettings:
    """Fill the unset fields of ``settings`` from Argos' own settings."""
    from argostranslate import settings as argos

    given = settings or EngineSettings()

    def pick(value: Any, default: Any) -> Any:
        return default if value is None else value

    return EngineSettings(
        device=pick(given.device, str(argos.device)),
        intra_threads=pick(given.intra_threads, argos.intra_threads),
        inter_threads=pick(given.inter_threads, argos.inter_threads),
        beam_size=pick(given.beam_size, argos.beam_size),
        compute_type=pick(given.compute_type, str(argos.compute_type)),
        max_batch_size=pick(given.max_batch_size, argos.batch_size),
        pad_batches=given.pad_batches,
    )


# --- Listing ----------------------------------------------------------------


def _argos_packages() -> list[Any]:
    """Argos' installed translation packages (``argostranslate.package.Package``)."""
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


# --- Installing -------------------------------------------------------------


def install_package_files(paths: Iterable[str | Path]) -> list[InstalledPackage]:
    """Install local ``.argosmodel`` files through Argos' ``install_from_path``.

    Every archive is checked before any is installed: Argos extracts with
    ``extractall`` into its packages folder, so a member with an absolute path
    or ``..`` would write anywhere (zip-slip).  A package already installed
    under the same folder name is replaced, not overlaid.
    """
    from argostranslate import package, settings

    target = Path(settings.package_data_dir)
    checked = [(Path(p), check_package_file(Path(p), target)) for p in paths]
    installed = []
    for path, folder in checked:
        if (target / folder).is_dir():
            shutil.rmtree(target / folder)
        try:
            package.install_from_path(path)
        except Exception as error:  # Argos raises bare Exception
            raise EngineError(f"cannot install package: {error}", path=str(path)) from error
        installed.append(_describe(package.Package(target / folder)))
    return installed


def check_package_file(path: Path, target: Path) -> str:
    """Check that ``path`` is a safe Argos package archive; return its folder name."""
    if not path.is_file():
        raise EngineError("no such package file", path=str(path))
    if not zipfile.is_zipfile(path):
        raise EngineError("not an Argos package (not a zip archive)", path=str(path))
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            _check_member(name, target, path)
        folder = _single_folder(names, path)
        try:
            metadata = json.loads(archive.read(f"{folder}/metadata.json"))
        except (KeyError, ValueError) as error:
            raise EngineError(f"not an Argos package: no readable {folder}/metadata.json", path=str(path)) from error
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise EngineError("not an Argos translation package: metadata.json lacks from_code/to_code", path=str(path))
    return folder


def _check_member(name: str, target: Path, archive: Path) -> None:
    """Refuse a member that would be written outside ``target``."""
    posix = name.replace("\\", "/")
    parts = PurePosixPath(posix).parts
    drive = len(posix) > 1 and posix[0].isalpha() and posix[1] == ":"
    unsafe = posix.startswith("/") or drive or ".." in parts
    root = target.resolve()
    if not unsafe and not (target / posix).resolve().is_relative_to(root):
        unsafe = True
    if unsafe:
        raise EngineError(f"refusing package: member {name!r} would be written outside the packages folder",
                          path=str(archive))


def _single_folder(names: list[str], archive: Path) -> str:
    tops = {PurePosixPath(n.replace("\\", "/")).parts[0] for n in names if n.strip("/")}
    files_on_top = [n for n in names if "/" not in n.replace("\\", "/").rstrip("/")
                    and not n.endswith("/")]
    if len(tops) != 1 or files_on_top:
        raise EngineError("not an Argos package: it must hold exactly one top-level folder", path=str(archive))
    return tops.pop()


def install_from_index(pairs: Iterable[tuple[str, str]]) -> list[InstalledPackage]:
    """Update Argos' package index, then download and install a package per pair."""
    from argostranslate import package

    wanted = list(dict.fromkeys(pairs))
    _update_index()
    try:
        available = package.get_available_packages()
    except (OSError, ValueError) as error:
        raise EngineError(f"cannot read the Argos package index: {error}") from error
    chosen = [_choose_available(available, pair) for pair in wanted]
    installed = []
    for candidate in chosen:
        path = None
        with _argos_network():
            with contextlib.suppress(Exception):  # Argos raises bare Exception
                path = candidate.download()
        if path is None:
            raise EngineError(f"could not download {package.argospm_package_name(candidate)} "
                              f"from the Argos package index; without network, run '{INSTALL_HINT}'")
        installed += install_package_files([path])
        Path(path).unlink(missing_ok=True)
    return installed


def _choose_available(available: list[Any], pair: tuple[str, str]) -> Any:
    candidates = [a for a in available if (a.from_code, a.to_code) == pair and a.type == "translate"]
    if not candidates:
        raise EngineError(f"the Argos package index has no package for {pair_label(pair)}")
    return max(candidates, key=lambda a: _version_key(a.package_version))


def _update_index() -> None:
    """Refresh the local index; Argos logs a network failure, we raise it."""
    from argostranslate import package, settings

    with _argos_network() as errors:
        package.update_package_index()
    if errors or not Path(settings.local_package_index).is_file():
        raise EngineError(f"could not reach the Argos package index ({settings.remote_package_index}); "
                          f"without network, install a package file: {INSTALL_HINT}")


class _Collect(logging.Handler):
    def __init__(self, sink: list[str]):
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextlib.contextmanager
def _argos_network() -> Iterator[list[str]]:
    """Bound Argos' network calls in time and collect the errors it only logs.

    Argos calls ``urlopen`` without a timeout and reports failures through its
    logger instead of raising; the process-wide socket timeout is set only for
    the duration of the call, and Argos' log lines are kept off the terminal.
    """
    errors: list[str] = []
    logger = logging.getLogger("argostranslate.utils")
    handler, propagate, timeout = _Collect(errors), logger.propagate, socket.getdefaulttimeout()
    logger.addHandler(handler)
    logger.propagate = False
    socket.setdefaulttimeout(NETWORK_TIMEOUT)
    try:
        yield errors
    finally:
        socket.setdefaulttimeout(timeout)
        logger.propagate = propagate
        logger.removeHandler(handler)


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
        pkg = _find_package(from_code, to_code)
        self.package = _describe(pkg)
        self.version = self.package.provenance
        self.settings = resolve_settings(settings)
        if getattr(pkg, "tokenizer", None) is None:
            raise EngineError("Argos package has no sentencepiece.model or bpe.model", path=str(self.package.path))
        self._tokenizer: Any = pkg.tokenizer
        self._target_prefix: str = pkg.target_prefix
        self._model = _load_model(self.package.path / "model", self.settings)

    def translate_batch(self, texts: list[str]) -> list[str]:
        """Translate every text; equal paragraphs are translated once."""
        paragraphs = [text.split("\n") for text in texts]
        unique = list(dict.fromkeys(p for ps in paragraphs for p in ps if p.strip()))
        translated = dict(zip(unique, self._translate_sentences(unique)))
        return ["\n".join(translated.get(p, "") for p in ps).lstrip("\n") for ps in paragraphs]

    def _translate_sentences(self, sentences: list[str]) -> list[str]:
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
        try:
            jobs = []
            for batch in self._batches([len(t) for t in tokens]):
                prefix = [[self._target_prefix]] * len(batch) if self._target_prefix else None
                jobs.append((batch, self._model.translate_batch([tokens[i] for i in batch], prefix, **options)))
            for batch, results in jobs:
                for index, result in zip(batch, results):
                    hypotheses = (result.result() if parallel else result).hypotheses
                    translated[index] = self._detokenize(hypotheses[0])
        except RuntimeError as error:
            raise EngineError(f"translation failed ({self.version}): {error}") from error
        return translated

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        size = self.settings.max_batch_size or 32
        if not self.settings.pad_batches:
            return equal_length_batches(lengths, size)
        order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
        return [order[start:start + size] for start in range(0, len(order), size)]

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
    "check_package_file",
    "install_from_index",
    "install_package_files",
    "list_packages",
    "missing_package_error",
    "resolve_settings",
]
