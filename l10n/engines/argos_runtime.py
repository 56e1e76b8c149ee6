"""The Argos runtime: the only module that imports argostranslate and ctranslate2.

Every other Argos module (:mod:`.argos_settings`, :mod:`.argos_packages`,
:mod:`.argos`, :mod:`.argos_install`) asks it for the modules, always inside
functions, so importing any of them stays cheap and a slim install (no Argos)
fails in one line, only when an Argos command runs. sentencepiece is loaded
by argostranslate's tokenizers, never imported here.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

from l10n.errors import EngineError

NOT_INSTALLED = ("Argos Translate is not installed (a slim install): pip install 'l10n[argos]', "
                 "or translate on a LibreTranslate server with --server URL")


def require_argos() -> None:
    """Fail in one line, before any import, when argostranslate or ctranslate2 is missing."""
    if any(importlib.util.find_spec(name) is None for name in ("argostranslate", "ctranslate2")):
        raise EngineError(NOT_INSTALLED)


def argos_settings() -> ModuleType:
    """``argostranslate.settings`` (reads ``ARGOS_*`` and settings.json when first imported)."""
    import argostranslate.settings

    module: ModuleType = argostranslate.settings  # untyped package: Any to mypy
    return module


def argos_package() -> ModuleType:
    """``argostranslate.package``: installed packages, the index, installation."""
    import argostranslate.package

    module: ModuleType = argostranslate.package
    return module


def ctranslate2() -> ModuleType:
    """``ctranslate2``, which loads and runs the packages' models."""
    import ctranslate2

    module: ModuleType = ctranslate2
    return module
