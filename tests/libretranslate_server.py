"""Run a real LibreTranslate 1.9.6 on 127.0.0.1 for the engine tests.

LibreTranslate pins its own dependencies (its Argos fork, Flask 2.2, polib
1.1.1, numpy < 2), so it lives in a virtualenv of its own, ``.venv-lt``,
made by ``make lt-venv`` (``L10N_LT_VENV`` names another).  The server gets
the test-built Argos packages, unzipped into a temporary
``ARGOS_PACKAGES_DIR``, and a temporary ``HOME``.  It downloads nothing:
LibreTranslate 1.9.6 updates its models at start only when fewer than two
packages are installed, or with ``--update-models`` (``init.py``), and we
install two.  Start-up is bounded, and the process is killed at teardown.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parent.parent
START_TIMEOUT = 120.0
"""Seconds to wait for the port; LibreTranslate starts in a few on this machine."""
PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


@dataclass(frozen=True)
class Server:
    url: str
    api_key: str
    log: Path


def lt_venv() -> Path:
    return Path(os.environ.get("L10N_LT_VENV", ROOT / ".venv-lt"))


def free_port() -> int:
    """A port nothing listens on right now (closed again before returning)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def offline_environment(root: Path) -> dict[str, str]:
    """The environment without proxies, with HOME and Argos' folders under ``root``."""
    env = {key: value for key, value in os.environ.items() if key not in PROXY_VARIABLES}
    home = root / "home"
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), ARGOS_PACKAGES_DIR=str(root / "packages"),
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    return env


@contextmanager
def libretranslate(root: Path, packages: list[Path], api_key: str) -> Iterator[Server]:
    """A LibreTranslate with ``packages`` and API keys required to be known (``--api-keys``)."""
    venv = lt_venv()
    env = offline_environment(root)
    (root / "packages").mkdir(parents=True)
    for package in packages:
        with zipfile.ZipFile(package) as archive:
            archive.extractall(root / "packages")
    database = root / "db" / "api_keys.db"
    database.parent.mkdir()
    database.touch()  # ltmanage refuses a database that does not exist yet
    subprocess.run([str(venv / "bin/ltmanage"), "keys", "--api-keys-db-path", str(database), "add", "100000",
                    "--key", api_key], env=env, cwd=root, check=True, capture_output=True, timeout=60)
    port = free_port()
    log = root / "libretranslate.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(venv / "bin/libretranslate"), "--host", "127.0.0.1", "--port", str(port), "--api-keys",
             "--api-keys-db-path", str(database), "--disable-web-ui", "--disable-files-translation"],
            env=env, cwd=root, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, process, log)
        yield Server(url, api_key, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"LibreTranslate exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with opener.open(f"{url}/languages", timeout=2) as response:
                if json.load(response):
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"LibreTranslate did not answer on {url} within {START_TIMEOUT:g} s:\n{log.read_text()[-3000:]}")
