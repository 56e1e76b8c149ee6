"""Shared fixtures: a throwaway copy of the project, an in-process CLI runner, Django's catalogs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).parent.parent

# Child processes (the lock, kill and LibreTranslate-without-Argos tests run
# `python -c "from l10n.cli …"` in a temporary folder) must import the l10n under test, not the copy the
# venv has installed: a relative PYTHONPATH such as `.` means nothing there.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT), *(os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)]
)


@pytest.fixture(scope="session")
def django_catalogs() -> list[Path]:
    """Django's uk and ru catalogs (``django_corpus``); the test is skipped, with the reason, offline."""
    from django_corpus import Unavailable, django_catalogs

    try:
        return django_catalogs()
    except Unavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's article project, as the current directory."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "source", tmp_path / "source")
    (tmp_path / "locales").mkdir()
    shutil.copy(ROOT / "locales" / "glossary.csv", tmp_path / "locales" / "glossary.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def translated_project(project: Path) -> Path:
    """The project with the repository's real uk and ru catalogs."""
    shutil.copytree(ROOT / "locales", project / "locales", dirs_exist_ok=True)
    return project


@pytest.fixture
def cli():
    """Run ``l10n`` in process; returns the click Result."""
    from l10n.cli import main

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run


# The folders the polib cross-read has seen (a test's tmp_path, at its end) or
# must not see (the tmp_path of a test marked polib_differs).
_CROSSREAD_DONE: set[Path] = set()


@pytest.fixture(autouse=True)
def _polib_reads_what_we_read(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every catalog a test leaves in its tmp_path reads the same through polib (tests/polib_crossread.py).

    Only tests that use a tmp_path have one to check (asking for it here would
    make a folder for each of a thousand tests); catalogs written by the
    test's subprocesses are in it too.
    """
    # asked for before the test, so that the folder outlives this teardown
    tmp_path: Path | None = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if tmp_path is None:
        return
    _CROSSREAD_DONE.add(tmp_path)
    if request.node.get_closest_marker("polib_differs"):
        return
    from polib_crossread import assert_polib_agrees

    assert_polib_agrees([tmp_path])


@pytest.fixture(autouse=True, scope="session")
def _polib_reads_what_fixtures_left(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """At the session's end, the catalogs in every other folder of the session's
    base temp (those of ``tmp_path_factory.mktemp``: shared packages, servers,
    projects of module fixtures) are cross-read too."""
    yield
    from polib_crossread import assert_polib_agrees

    base = tmp_path_factory.getbasetemp()
    assert_polib_agrees(folder for folder in sorted(base.iterdir()) if folder.is_dir() and folder not in _CROSSREAD_DONE)
