"""The Argos runtime: the only module that imports argostranslate and ctranslate2.

Every other Argos module (:mod:`.argos_settings`, :mod:`.argos_packages`,
:mod:`.argos`, :mod:`.argos_install`) asks it for the modules, always inside
functions, so importing any of them stays cheap and a slim install (no Argos)
fails in one line, only when an Argos command runs. sentencepiece is loaded
by argostranslate's tokenizers, never imported here.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from l10n.errors import EngineError

NOT_INSTALLED = ("Argos Translate is not installed (a slim install): pip install 'l10n[argos]', "
                 "or translate on a LibreTranslate server with --server URL")

# argostranslate and ctranslate2 ship no types: these protocols name what we
# use of them, so a misspelt attribute fails mypy instead of a translation run.


class ArgosPackageInfo(Protocol):
    """What an installed or an index package (``argostranslate.package.IPackage``) tells us."""

    type: str
    from_code: str
    to_code: str
    package_version: str


class ArgosInstalled(ArgosPackageInfo, Protocol):
    """``argostranslate.package.Package``; its ``tokenizer`` is unset when the package has no model file."""

    package_path: Path
    target_prefix: str


class ArgosAvailable(ArgosPackageInfo, Protocol):
    """``argostranslate.package.AvailablePackage``: a package of the index."""

    def download(self) -> Path: ...


class ArgosTokenizer(Protocol):
    """A package's sentencepiece or BPE tokenizer."""

    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class ArgosPackageModule(Protocol):
    """``argostranslate.package``: installed packages, the index, installation."""

    def Package(self, package_path: Path) -> ArgosInstalled: ...

    def get_installed_packages(self) -> list[ArgosInstalled]: ...

    def get_available_packages(self) -> list[ArgosAvailable]: ...

    def argospm_package_name(self, pkg: ArgosPackageInfo) -> str: ...

    def install_from_path(self, path: Path) -> None: ...

    def update_package_index(self) -> None: ...


class ArgosSettingsModule(Protocol):
    """``argostranslate.settings``: read from ``ARGOS_*`` and settings.json at import."""

    package_data_dir: Path
    local_package_index: Path
    remote_package_index: str
    device: str
    compute_type: str
    beam_size: int
    batch_size: int
    intra_threads: int
    inter_threads: int

    def get_setting(self, key: str) -> str | int | float | None:
        """An environment string or a settings.json value; None when unset."""


class Ct2Result(Protocol):
    """``ctranslate2.TranslationResult``: hypotheses as target tokens, best first."""

    hypotheses: list[list[str]]


@runtime_checkable
class Ct2AsyncResult(Protocol):
    """``ctranslate2.AsyncTranslationResult``: a queued batch's result."""

    def result(self) -> Ct2Result: ...


class Ct2Translator(Protocol):
    """A loaded ``ctranslate2.Translator``."""

    def translate_batch(self, source: list[list[str]], target_prefix: list[list[str]] | None,
                        **options: bool | int | float) -> Sequence[Ct2Result | Ct2AsyncResult]: ...


class Ct2Module(Protocol):
    """``ctranslate2``: loads a package's model."""

    def Translator(self, model_path: str, *, device: str, compute_type: str, inter_threads: int,
                   intra_threads: int) -> Ct2Translator: ...


def require_argos() -> None:
    """Fail in one line, before any import, when argostranslate or ctranslate2 is missing."""
    if any(importlib.util.find_spec(name) is None for name in ("argostranslate", "ctranslate2")):
        raise EngineError(NOT_INSTALLED)


def argos_settings() -> ArgosSettingsModule:
    """``argostranslate.settings`` (reads ``ARGOS_*`` and settings.json when first imported)."""
    import argostranslate.settings

    module: ArgosSettingsModule = argostranslate.settings  # untyped package: Any to mypy
    return module


def argos_package() -> ArgosPackageModule:
    """``argostranslate.package``: installed packages, the index, installation."""
    import argostranslate.package

    module: ArgosPackageModule = argostranslate.package
    return module


def ctranslate2() -> Ct2Module:
    """``ctranslate2``, which loads and runs the packages' models."""
    import ctranslate2

    module: Ct2Module = ctranslate2
    return module
