"""Guarantee: an error names the catalog by its path inside the project, never by an absolute one.

Every command that reads catalogs meets the same bad ru catalog (an
unterminated string on line 12) and must name it as
``locales/ru/LC_MESSAGES/bakhmut-un-chief.po:12:``, the way ``#:`` references
and every other message name files, with no trace of the temporary folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fake_engines import Echo

DATA = Path(__file__).parent / "data" / "bad"
RU_PO = "locales/ru/LC_MESSAGES/bakhmut-un-chief.po"
WHERE = f"{RU_PO}:12: unterminated string"


@pytest.fixture
def broken(translated_project: Path) -> Path:
    shutil.copyfile(DATA / "po-unterminated-string.po", translated_project / RU_PO)
    return translated_project


@pytest.mark.parametrize("command", [["update"], ["build"], ["stats"], ["pretranslate"]])
def test_tool_error_names_the_catalog_relative_to_the_project(
    broken: Path, cli, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setattr("l10n.engines.argos.ArgosTranslator", Echo)
    result = cli(*command)
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [result.stderr.splitlines()[0]]
    assert result.stderr.startswith(f"l10n: error: {WHERE}"), result.stderr
    assert str(broken) not in result.output


def test_check_finding_names_the_catalog_relative_to_the_project(broken: Path, cli) -> None:
    result = cli("check")
    assert result.exit_code == 1, result.output
    findings = [line for line in result.stdout.splitlines() if ": po-syntax: " in line]
    assert len(findings) == 1 and findings[0].startswith(f"{RU_PO}:12: error: po-syntax: unterminated string"), result.stdout
    assert str(broken) not in result.output
