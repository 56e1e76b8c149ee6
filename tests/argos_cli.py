"""The ``l10n`` CLI in this process, with Argos kept in a test's folders.

Argos reads its folders and index from the environment once, when
``argostranslate.settings`` is first imported; a test process imports it
once for all its tests. So the environment is set before that import, and
the settings' attributes are pointed at this test's folders as well, for the
length of one command. What the CLI printed and its exit code come back as
``returncode``/``stdout``/``stderr``, the names of a finished process, so a
test reads the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

FOLDERS = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")
ARGOS_ONLY_AT_IMPORT = ("ARGOS_PACKAGE_INDEX", "ARGOS_CHUNK_TYPE", "ARGOS_MODEL_PROVIDER")


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


@contextmanager
def argos_folders(env: Mapping[str, str]) -> Iterator[None]:
    """Argos' folders and package index as ``env`` (``argos_fixture.argos_environment``) names them."""
    with pytest.MonkeyPatch.context() as mp:
        for key in FOLDERS:
            Path(env[key]).mkdir(parents=True, exist_ok=True)
            mp.setenv(key, env[key])
        for key in ARGOS_ONLY_AT_IMPORT:
            if key in env:
                mp.setenv(key, env[key])
            else:
                mp.delenv(key, raising=False)
        from argostranslate import settings

        data = Path(env["XDG_DATA_HOME"]) / "argos-translate"
        cache = Path(env["XDG_CACHE_HOME"]) / "argos-translate"
        (cache / "downloads").mkdir(parents=True, exist_ok=True)
        packages = Path(env["ARGOS_PACKAGES_DIR"])
        mp.setattr(settings, "package_data_dir", packages)
        mp.setattr(settings, "package_dirs", [packages])
        mp.setattr(settings, "downloads_dir", cache / "downloads")
        mp.setattr(settings, "local_package_index", data / "index.json")
        if "ARGOS_PACKAGE_INDEX" in env:  # what settings.py makes of the variable
            mp.setattr(settings, "remote_package_index", env["ARGOS_PACKAGE_INDEX"] + "index.json")
        yield


def l10n(project: Path, env: Mapping[str, str], *args: str) -> Ran:
    """``l10n ARGS`` run in ``project`` with ``env`` as the whole environment."""
    from l10n.cli import main

    with pytest.MonkeyPatch.context() as mp:
        for key in set(os.environ) - set(env):
            mp.delenv(key)
        for key, value in env.items():
            mp.setenv(key, value)
        mp.chdir(project)
        with argos_folders(env):
            result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)
