"""Shared fixtures: a throwaway copy of the project, an in-process CLI runner, Django's catalogs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).parent.parent

# Child processes (lock, kill and CLI tests run `python -c "from l10n.cli …"`
# in a temporary folder) must import the l10n under test, not the copy the
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


@pytest.fixture(autouse=True)
def _polib_reads_what_we_read(tmp_path: Path, request: pytest.FixtureRequest):
    """Every catalog a test leaves in its tmp_path reads the same through polib (tests/polib_crossread.py)."""
    yield
    if request.node.get_closest_marker("polib_differs"):
        return
    from polib_crossread import disagreements

    found = [line for path in sorted(tmp_path.rglob("*.po*")) if path.suffix in (".po", ".pot") and path.is_file()
             for line in disagreements(path)]
    assert not found, "polib reads these catalogs differently:\n" + "\n".join(found)
