"""The CLI end to end, in process: extract → update → build, stats, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.cli import main

needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) not installed")
SLUG = "bakhmut-un-chief"


def test_update_creates_catalogs_and_is_idempotent(project: Path, cli) -> None:
    first = cli("update")
    assert first.exit_code == 0, first.output
    assert f"wrote locales/{SLUG}.pot" in first.output
    snapshot = {p: p.read_bytes() for p in (project / "locales").rglob("*.po*")}
    assert len(snapshot) == 3
    second = cli("update")
    assert second.exit_code == 0 and "up to date" in second.output
    assert {p: p.read_bytes() for p in snapshot} == snapshot
    assert cli("update", "--check").exit_code == 0


def test_update_check_reports_stale_catalogs(project: Path, cli) -> None:
    cli("update")
    article = project / "source" / f"{SLUG}.md"
    article.write_text(article.read_text() + "\nA brand new closing sentence.\n")
    before = (project / "locales" / f"{SLUG}.pot").read_bytes()
    result = cli("update", "--check")
    assert result.exit_code == 1 and "would write" in result.output
    assert (project / "locales" / f"{SLUG}.pot").read_bytes() == before


@needs_gettext
def test_written_catalogs_are_what_msgcat_writes(translated_project: Path, cli) -> None:
    article = translated_project / "source" / f"{SLUG}.md"
    article.write_text(article.read_text().replace("March 6.", "March 6, officials said."))
    assert cli("update").exit_code == 0
    for path in (translated_project / "locales").rglob("*.po*"):
        canonical = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
        assert canonical == path.read_bytes(), path
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


def test_source_edit_keeps_translations_fuzzy(translated_project: Path, cli) -> None:
    article = translated_project / "source" / f"{SLUG}.md"
    text = article.read_text()
    text = text.replace("With reporting by Reuters and AP\n", "")
    text = text.replace("prewar population of 70,000", "prewar population of about 70,000")
    article.write_text(text)
    assert cli("update").exit_code == 0
    po = (translated_project / "locales/uk/LC_MESSAGES" / f"{SLUG}.po").read_text()
    assert '#~ msgid "With reporting by Reuters and AP"' in po
    assert '#~ msgstr "За матеріалами Reuters та AP"' in po
    assert "#| \"Russia's Wagner mercenary group is leading the assault on Bakhmut, which \"" in po
    assert "#, fuzzy" in po


def test_build_writes_editions(translated_project: Path, cli) -> None:
    result = cli("build")
    assert result.exit_code == 0, result.output
    for lang in ("uk", "ru"):
        markdown = (translated_project / "build" / lang / f"{SLUG}.md").read_text()
        page = (translated_project / "build" / lang / f"{SLUG}.html").read_text()
        assert f'<html lang="{lang}">' in page and '<meta charset="utf-8">' in page
        assert "<title>" in page and "Бахмут" in page
        assert f"language: {lang}" in markdown
        assert (translated_project / "build" / lang / "LC_MESSAGES" / f"{SLUG}.mo").stat().st_size > 1000
    assert "fell back" not in result.output
    assert not list((translated_project / "locales").rglob("*.mo"))
    # The byline is the edition's: publisher translated, date in the language's words.
    assert '<p class="meta">Радіо Свобода · 7 березня 2023\u202fр.</p>' in (translated_project / "build/uk" / f"{SLUG}.html").read_text()
    assert '<p class="meta">Радио Свобода · 7 марта 2023\u202fг.</p>' in (translated_project / "build/ru" / f"{SLUG}.html").read_text()
    assert 'publisher: "Радіо Свобода"' in (translated_project / "build/uk" / f"{SLUG}.md").read_text()


def test_build_refuses_languages_below_threshold(project: Path, cli) -> None:
    cli("update")
    result = cli("build")
    assert result.exit_code == 0  # the whole-project run reports a refusal, it does not fail on it
    assert f"uk/{SLUG}: not built: 0% translated, below the 80% threshold (use --force)" in result.output
    assert not (project / "build" / "uk" / f"{SLUG}.md").exists()
    assert cli("build", SLUG).exit_code == 1  # an article asked for by name and refused fails
    assert cli("build", "--strict").exit_code == 1
    forced = cli("build", "--force", "--lang", "uk")
    assert forced.exit_code == 0 and "31 segment(s) fell back to the source" in forced.output
    assert (project / "build" / "uk" / f"{SLUG}.md").read_text() == (project / "source" / f"{SLUG}.md").read_text().replace("language: en", "language: uk")


def test_stats_json(translated_project: Path, cli) -> None:
    result = cli("stats", "--json")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["path"] for r in records] == [f"locales/uk/LC_MESSAGES/{SLUG}.po", f"locales/ru/LC_MESSAGES/{SLUG}.po"]
    assert all(r["translated"] == 31 and r["fuzzy"] == 0 and r["percent"] == 100 for r in records)


def test_segment_command_reads_stdin_and_json(cli) -> None:
    result = cli("segment", "-", input="Mr. Smith went to Washington. He *stayed*.\n")
    assert result.output.splitlines() == ["Mr. Smith went to Washington.", "He <1>stayed</1>."]
    records = [json.loads(line) for line in cli("segment", "--json", "-", input="A [link](u).\n").output.splitlines()]
    assert records[0]["placeholders"] == [{"number": 1, "opening": "[", "closing": "](u)"}]


def test_segment_command_uses_the_projects_front_matter_keys(project: Path, cli, tmp_path_factory,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    article = "---\ntitle: Troops held\npublisher: RFE/RL\n---\n\nText.\n"
    assert cli("segment", "-", input=article).output.splitlines() == ["Troops held", "RFE/RL", "Text."]
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace("[tool.l10n]\n", "[tool.l10n]\nfront_matter_keys = ['title']\n"))
    assert cli("segment", "-", input=article).output.splitlines() == ["Troops held", "Text."]
    outside = tmp_path_factory.mktemp("outside")
    monkeypatch.chdir(outside)  # no project: the default keys
    assert cli("segment", "-", input=article).output.splitlines() == ["Troops held", "RFE/RL", "Text."]


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: (p / "source" / "bad.md").write_bytes(b"caf\xe9\n"), "source/bad.md:1: not valid UTF-8"),
        (lambda p: (p / "locales" / "glossary.csv").write_text("en,kind\nKyiv,place\n"), "locales/glossary.csv:1: missing column(s) uk, ru"),
        (lambda p: (p / "pyproject.toml").write_text("[tool.l10n]\nlanguages = ['uk', 'zz-qq']\n"), "unknown language code 'zz-qq'"),
        (lambda p: (p / "pyproject.toml").write_text("[tool.l10n]\ncolour = 1\n"), "unknown key tool.l10n.colour"),
    ],
)
def test_bad_input_gives_one_line_and_exit_3(project: Path, cli, setup, message: str) -> None:
    setup(project)
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 3
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not list((project / "locales").rglob("*.po*"))


def test_malformed_po_names_file_and_line(translated_project: Path) -> None:
    from click.testing import CliRunner

    po = translated_project / "locales/uk/LC_MESSAGES" / f"{SLUG}.po"
    lines = po.read_text().splitlines()
    lines[30] = 'msgstr "unterminated'
    po.write_text("\n".join(lines) + "\n")
    before = po.read_bytes()
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 3
    assert f"locales/uk/LC_MESSAGES/{SLUG}.po:31:" in result.output
    assert po.read_bytes() == before


def test_no_config_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 3 and "no pyproject.toml with a [tool.l10n] table" in result.output
