"""Guarantee: every bad input has a clear answer.

The corpus is ``tests/data/bad/``: one file per bad input, and
``expected.json`` saying where each goes in a project, which commands read
it and what the answer is. Every case runs through the CLI, in process, in a
copy of the project whose article was just edited (so the command would
write if it went on), and must give:

* exit code 3 and exactly one line on stderr, ``l10n: error: FILE[:LINE]: …``,
  naming the file (and the line where there is one), with no traceback;
* nothing written: every file of the project is as it was, bytes and mtime.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_engines import Echo

from l10n.cli import main
from l10n.pofile import read_po
from l10n.powriter import write_po

DATA = Path(__file__).parent / "data" / "bad"
MANIFEST: dict[str, dict] = {k: v for k, v in json.loads((DATA / "expected.json").read_text()).items() if k[0] != "_"}
PO = "locales/uk/LC_MESSAGES/bakhmut-un-chief.po"
LONGEST_MESSAGE = 600


def _cases() -> list:
    cases = []
    for name, spec in MANIFEST.items():
        if spec.get("accepted"):
            continue
        marks = [pytest.mark.xfail(strict=True, reason=spec["xfail"])] if "xfail" in spec else []
        for command in spec.get("commands", [["update"]]):
            cases.append(pytest.param(name, spec, command, id=f"{name}-{command[0]}", marks=marks))
    return cases


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def _prepare(root: Path) -> None:
    """An edited article, so every writing command has something to write."""
    article = root / "source" / "bakhmut-un-chief.md"
    article.write_text(article.read_text() + "\nThe desk added one more sentence.\n")
    (root / ".l10n.lock").touch()  # the lock file itself is not output


def _place(root: Path, name: str, spec: dict) -> None:
    target = root / spec["target"]
    if spec.get("generated"):
        target.write_bytes(b"x" * 10_000_000 + b"\n")
    else:
        shutil.copyfile(DATA / name, target)


def _invoke(root: Path, command: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(root)
    return CliRunner().invoke(main, command, catch_exceptions=False)


@pytest.mark.parametrize("name, spec, command", _cases())
def test_bad_input_gets_one_clear_line_and_nothing_is_written(
    translated_project: Path, monkeypatch: pytest.MonkeyPatch, name: str, spec: dict, command: list[str]
) -> None:
    _prepare(translated_project)
    _place(translated_project, name, spec)
    before = _tree(translated_project)
    result = _invoke(translated_project, command, monkeypatch)
    assert result.exit_code == 3, result.output[:2000]
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[:2000]
    line = lines[0]
    where = f"{spec['target']}:{spec['line']}: " if "line" in spec else f"{spec['target']}: "
    assert line.startswith(f"l10n: error: {where}"), line[:2000]
    assert spec["message"] in line and len(line) <= spec.get("max_message", LONGEST_MESSAGE), line[:2000]
    assert "Traceback" not in result.output
    assert _tree(translated_project) == before, "a file was written"


RU_PO = "locales/ru/LC_MESSAGES/bakhmut-un-chief.po"


@pytest.mark.parametrize("command", [["update"], ["build"]])
def test_a_bad_catalog_of_the_last_language_stops_the_run_before_any_write(
    translated_project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """ru is configured after uk: a run that wrote uk's outputs before reading ru's catalog fails here."""
    root = translated_project
    _prepare(root)
    shutil.copyfile(DATA / "po-unterminated-string.po", root / RU_PO)
    before = _tree(root)
    result = _invoke(root, command, monkeypatch)
    assert result.exit_code == 3 and f"{RU_PO}:12: unterminated string" in result.stderr, result.output
    assert _tree(root) == before, "a file was written"


def test_build_makes_every_edition_before_writing_any(translated_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error found while making the last edition (here: compiling ru's MO) leaves build/ absent."""
    from l10n import editions
    from l10n.errors import CatalogError
    from l10n.model import Catalog

    format_mo = editions.format_mo

    def failing_for_ru(catalog: Catalog) -> bytes:
        if catalog.header_fields().get("Language") == "ru":
            raise CatalogError("cannot compile", RU_PO)
        return format_mo(catalog)

    monkeypatch.setattr(editions, "format_mo", failing_for_ru)
    root = translated_project
    before = _tree(root)
    result = _invoke(root, ["build"], monkeypatch)
    assert result.exit_code == 3 and f"{RU_PO}: cannot compile" in result.stderr, result.output
    assert _tree(root) == before and not (root / "build").exists()


def test_pretranslate_reads_every_catalog_before_writing_any(
    translated_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad ru catalog stops the run before uk (translated first) is written."""
    monkeypatch.setattr("l10n.engines.argos.ArgosTranslator", Echo)
    root = translated_project
    assert _invoke(root, ["update"], monkeypatch).exit_code == 0
    uk = read_po(root / PO)
    for message in uk.entries()[:3]:
        message.msgstr = ""  # work for the engine
    write_po(uk, root / PO)
    shutil.copyfile(DATA / "po-unterminated-string.po", root / "locales/ru/LC_MESSAGES/bakhmut-un-chief.po")
    before = _tree(root)
    result = _invoke(root, ["pretranslate"], monkeypatch)
    assert result.exit_code == 3 and "locales/ru/LC_MESSAGES/bakhmut-un-chief.po:12: unterminated string" in result.stderr
    assert _tree(root) == before


def test_every_corpus_file_is_in_the_manifest() -> None:
    files = {p.name for p in DATA.iterdir()} - {"expected.json"}
    generated = {name for name, spec in MANIFEST.items() if spec.get("generated")}
    assert files == set(MANIFEST) - generated
