"""Installing Argos packages: local files (air-gapped newsrooms) or the index.

Split from :mod:`l10n.engines.argos_packages` (listing) and :mod:`l10n.engines.argos` (translating): installing
is where untrusted archives and the network come in. Every archive is checked
before argostranslate opens it (no member may land outside the package
folder), and a silent network fails in one line that says how to install
from a file instead. Argos is imported only through :mod:`.argos_runtime`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import socket
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from l10n.engines.argos_packages import (
    INSTALL_HINT,
    InstalledPackage,
    describe,
    pair_label,
    version_key,
)
from l10n.engines.argos_runtime import (
    ArgosAvailable,
    argos_package,
    argos_settings,
    require_argos,
)
from l10n.errors import EngineError

NETWORK_TIMEOUT = 15.0
"""Seconds before a silent network gives up; Argos itself sets no timeout."""

# --- Installing -------------------------------------------------------------


def install_package_files(paths: Iterable[str | Path]) -> list[InstalledPackage]:
    """Install local ``.argosmodel`` files through Argos' ``install_from_path``.

    Every archive is checked before any is installed: Argos extracts with
    ``extractall`` into its packages folder, so a member with an absolute path
    or ``..`` would write anywhere (zip-slip).  A package already installed
    under the same folder name is replaced, not overlaid.
    """
    require_argos()
    package, settings = argos_package(), argos_settings()

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
        installed.append(describe(package.Package(target / folder)))
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
    require_argos()
    package = argos_package()

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
        with _argos_network(), contextlib.suppress(Exception):  # Argos raises bare Exception
            path = candidate.download()
        if path is None:
            raise EngineError(f"could not download {package.argospm_package_name(candidate)} "
                              f"from the Argos package index; without network, run '{INSTALL_HINT}'")
        installed += install_package_files([path])
        Path(path).unlink(missing_ok=True)
    return installed


def _choose_available(available: list[ArgosAvailable], pair: tuple[str, str]) -> ArgosAvailable:
    candidates = [a for a in available if (a.from_code, a.to_code) == pair and a.type == "translate"]
    if not candidates:
        raise EngineError(f"the Argos package index has no package for {pair_label(pair)}")
    return max(candidates, key=lambda a: version_key(a.package_version))


def _update_index() -> None:
    """Refresh the local index; Argos logs a network failure, we raise it."""
    package, settings = argos_package(), argos_settings()

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
