"""`l10n check` in process: exit codes, options and output formats."""

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from l10n.cli import main

ROOT = Path(__file__).parent.parent
PYPROJECT = '[tool.l10n]\nlanguages = ["uk", "ru"]\nglossary = "locales/glossary.csv"\n'
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n\n'
ENTRY = '#: source/a.md:{line}\nmsgctxt "paragraph"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
CLEAN = {
    "uk": [("Fighting in Bakhmut continues.", "Бої у Бахмуті тривають."), ("1,600 soldiers.", "1 600 військових.")],
    "ru": [("Fighting in Bakhmut continues.", "Бои в Бахмуте продолжаются."), ("1,600 soldiers.", "1600 военных.")],
}


def write_catalog(root: Path, lang: str, entries: list[tuple[str, str]], comments: str = "") -> Path:
    path = root / "locales" / lang / "LC_MESSAGES" / "a.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(comments + ENTRY.format(line=n, msgid=i, msgstr=s) for n, (i, s) in enumerate(entries, 1))
    path.write_text(HEADER.format(lang=lang) + body, "utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    (tmp_path / "locales").mkdir()
    shutil.copy(ROOT / "locales/glossary.csv", tmp_path / "locales/glossary.csv")
    for lang, entries in CLEAN.items():
        write_catalog(tmp_path, lang, entries)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def test_clean_project_exits_0_with_a_summary(project: Path) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert "locales/uk/LC_MESSAGES/a.po" in result.output and "passed" in result.output.splitlines()[-1]


def test_error_findings_exit_1_in_file_line_format(project: Path) -> None:
    write_catalog(project, "uk", [("Fighting in Kyiv continues.", "Бої в Киеве тривають.")])
    result = run()
    assert result.exit_code == 1
    assert "locales/uk/LC_MESSAGES/a.po:6: error: glossary-variant: 'Киеве' is the ru form of 'Kyiv'; uk uses 'Київ'" in result.output


def test_warnings_fail_only_with_strict(project: Path) -> None:
    write_catalog(project, "ru", [("He said \\\"no\\\".", "Он сказал \\\"нет\\\".")])
    result = run("--lang", "ru")
    assert result.exit_code == 0 and ": warning: quotes:" in result.output
    assert run("--lang", "ru", "--strict").exit_code == 1


def test_select_ignore_and_lang(project: Path) -> None:
    write_catalog(project, "uk", [("1,600 soldiers.", "1500 військових."), ("A test.", "Тест")])
    assert run("--select", "numbers").exit_code == 1
    assert run("--ignore", "numbers").exit_code == 0  # end-punctuation is only a warning
    assert run("--select", "orthography,glossary").exit_code == 0
    assert run("--lang", "ru").exit_code == 0
    assert "uk/LC_MESSAGES" not in run("--lang", "ru").output
    assert run("--select", "nonsense").exit_code == 2
    assert run("--lang", "de").exit_code == 2


def test_min_overrides_the_threshold(project: Path) -> None:
    write_catalog(project, "uk", CLEAN["uk"] + [("Not yet.", "")])
    assert run().exit_code == 1
    assert run("--min", "60").exit_code == 0


def test_per_entry_ignore_comment(project: Path) -> None:
    write_catalog(project, "uk", [("Over the past 24 hours.", "За 12 годин.")])
    assert run("--lang", "uk").exit_code == 1
    write_catalog(project, "uk", [("Over the past 24 hours.", "За 12 годин.")], comments="# l10n-ignore: numbers\n")
    assert run("--lang", "uk").exit_code == 0


def test_list_prints_every_check(project: Path) -> None:
    result = run("--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.split()[:2] == ["glossary-variant", "error"] for line in lines)
    assert len(lines) >= 15


def test_json_junit_and_github_formats(project: Path) -> None:
    write_catalog(project, "uk", [("1,600 soldiers, \\\"he\\\" said.", "1500 військових, \\\"сказав\\\" він.")])
    result = run("--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.output)
    checks = {f["check"] for f in document["findings"]}
    assert {"numbers", "quotes"} <= checks and document["summary"]["failed"] is True
    assert document["summary"]["checks"]["numbers"] == 2
    root = ET.fromstring(run("--format", "junit").output)
    assert root.tag == "testsuites" and int(root.get("failures")) >= 1
    failing = [case.get("name") for case in root.iter("testcase") if case.find("failure") is not None]
    assert failing == ["numbers"]
    github = run("--format", "github").output.splitlines()
    assert "::error file=locales/uk/LC_MESSAGES/a.po,line=6,title=numbers::number 1%2C600" not in github[0]
    assert github[0].startswith("::error file=locales/uk/LC_MESSAGES/a.po,line=6,title=numbers::number 1,600")


def test_malformed_catalog_is_exit_1_not_a_crash(project: Path) -> None:
    (project / "locales/uk/LC_MESSAGES/a.po").write_text('msgid "a"\nmsgstr "b\n', "utf-8")
    result = run()
    assert result.exit_code == 1
    assert "locales/uk/LC_MESSAGES/a.po:2: error: po-syntax:" in result.output
    assert "locales/ru/LC_MESSAGES/a.po" in result.output  # still checked


@pytest.mark.parametrize("options", [["--select", "numbers"], ["--ignore", "po-syntax"], ["--ignore", "validity"]])
def test_unparsable_catalog_fails_whatever_the_selection(project: Path, options: list[str]) -> None:
    (project / "locales/uk/LC_MESSAGES/a.po").write_text('msgid "a"\nmsgstr "b\n', "utf-8")
    result = run(*options, "locales/uk/LC_MESSAGES/a.po")
    assert result.exit_code == 1
    assert "locales/uk/LC_MESSAGES/a.po:2: error: po-syntax: unterminated string" in result.output
    assert "passed" not in result.output


def test_tool_errors_exit_3(project: Path) -> None:
    (project / "locales/glossary.csv").write_text("en,kind\nKyiv,place\n", "utf-8")
    result = run()
    assert result.exit_code == 3 and "l10n: error:" in result.output


def test_paths_outside_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = write_catalog(tmp_path, "uk", CLEAN["uk"])
    monkeypatch.chdir(tmp_path)
    assert run(str(catalog)).exit_code == 0
    assert run(str(tmp_path / "locales")).exit_code == 0  # folders are searched
    assert run().exit_code == 3  # nothing to check and no project


def test_an_english_word_left_in_is_an_error(project: Path) -> None:
    write_catalog(project, "uk", [("A kindergarten was hit.", "Влучили в kindergarten.")])
    result = run("--lang", "uk")
    assert result.exit_code == 1
    assert "a.po:6: error: english-words: English word(s) left untranslated: kindergarten" in result.output


def test_shipped_catalogs_have_no_latin_or_english_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("--select", "english-words,latin-words", "--strict")
    assert result.exit_code == 0 and "0 error(s), 0 warning(s)" in result.output, result.output
