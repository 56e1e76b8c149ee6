"""Incremental runs: an unchanged document is skipped, any changed input or output is noticed (l10n/cache.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from l10n import pipeline
from l10n.cache import CACHE_DIR
from l10n.pofile import read_po

SLUG = "bakhmut-un-chief"
UK_PO = Path("locales/uk/LC_MESSAGES") / f"{SLUG}.po"
UK_MD = Path("build/uk") / f"{SLUG}.md"


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs whose update or extract work was done (not skipped), in order."""
    done: list[str] = []
    work = pipeline._document_outputs

    def spy(project: pipeline.Project, job: tuple[str, tuple[str, ...], str]) -> list[pipeline.Output]:
        done.append(job[0])
        return work(project, job)

    monkeypatch.setattr(pipeline, "_document_outputs", spy)
    return done


def _tree(root: Path) -> dict[str, bytes]:
    """Every file but the lock (which any writing command leaves)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".l10n.lock"}


def test_a_second_update_skips_the_unchanged_document(translated_project: Path, cli, computed: list[str]) -> None:
    assert cli("update", "--jobs", "1").exit_code == 0
    assert computed == [SLUG]
    result = cli("update", "--jobs", "1")
    assert result.exit_code == 0 and result.output == "up to date (3 files)\n"
    assert computed == [SLUG], "the unchanged document was redone"


def test_the_cache_folder_ignores_itself_in_any_git(translated_project: Path, cli) -> None:
    assert cli("update").exit_code == 0
    assert (translated_project / CACHE_DIR / ".gitignore").read_text() == "*\n"


def test_an_edited_source_is_redone(translated_project: Path, cli, computed: list[str]) -> None:
    assert cli("update").exit_code == 0
    source = translated_project / "source" / f"{SLUG}.md"
    source.write_text(source.read_text("utf-8") + "\nA sentence the catalogs have not seen.\n", "utf-8")
    result = cli("update")
    assert computed == [SLUG, SLUG]
    assert "A sentence the catalogs have not seen." in (translated_project / UK_PO).read_text("utf-8")
    assert f"wrote {UK_PO.as_posix()}" in result.output


def test_a_glossary_or_config_change_is_redone(translated_project: Path, cli, computed: list[str]) -> None:
    assert cli("update").exit_code == 0
    glossary = translated_project / "locales" / "glossary.csv"
    glossary.write_text(glossary.read_text("utf-8") + "\n", "utf-8")  # a blank line: other bytes, same terms
    assert cli("update").exit_code == 0
    assert computed == [SLUG, SLUG]
    config = translated_project / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace('project = "l10n articles"', 'project = "the desk"'), "utf-8")
    result = cli("update")
    assert computed == [SLUG, SLUG, SLUG]
    assert "Project-Id-Version: the desk" in (translated_project / "locales" / f"{SLUG}.pot").read_text("utf-8")
    assert "wrote" in result.output


def test_a_new_version_of_the_code_redoes_everything(translated_project: Path, cli, computed: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("update").exit_code == 0
    monkeypatch.setattr("l10n.cache.code_fingerprint", lambda: "another version")
    assert cli("update").exit_code == 0
    assert computed == [SLUG, SLUG]


def test_a_deleted_or_edited_catalog_is_noticed(translated_project: Path, cli) -> None:
    assert cli("update").exit_code == 0
    pot = translated_project / "locales" / f"{SLUG}.pot"
    pot.unlink()
    result = cli("update")
    assert f"wrote locales/{SLUG}.pot" in result.output and pot.exists()
    pot.write_text(pot.read_text("utf-8").replace("#: source/", "#: elsewhere/", 1), "utf-8")
    result = cli("extract", "--check")
    assert result.exit_code == 1 and f"would write locales/{SLUG}.pot" in result.output


def test_extract_check_after_update_is_up_to_date_without_redoing(translated_project: Path, cli, computed: list[str]) -> None:
    assert cli("update").exit_code == 0
    result = cli("extract", "--check")
    assert result.exit_code == 0 and result.output == "up to date (1 files)\n"
    assert computed == [SLUG]


def test_a_check_run_writes_no_cache(translated_project: Path, cli) -> None:
    before = _tree(translated_project)
    for command in (("update", "--check"), ("extract", "--check")):
        cli(*command)
    assert _tree(translated_project) == before and not (translated_project / CACHE_DIR).exists()


@pytest.mark.parametrize("garbage", [b"\xff\xfe not json", b"[1, 2]", b'{"format": "l10n-cache 2", "records": 3}',
                                     b'{"format": "someone else", "records": {}}'])
def test_a_corrupt_or_foreign_cache_file_is_ignored(translated_project: Path, cli, computed: list[str], garbage: bytes) -> None:
    assert cli("update").exit_code == 0
    for name in ("update.json", "extract.json", "build.json"):
        (translated_project / CACHE_DIR / name).write_bytes(garbage)
    result = cli("update")
    assert result.exit_code == 0 and result.output == "up to date (3 files)\n"
    assert computed == [SLUG, SLUG]
    assert cli("build").exit_code == 0 and (translated_project / UK_MD).exists()


def test_a_cache_record_with_a_foreign_shape_is_ignored(translated_project: Path, cli) -> None:
    assert cli("build").exit_code == 0
    cache = translated_project / CACHE_DIR / "build.json"
    data = json.loads(cache.read_text("utf-8"))
    for record in data["records"].values():
        record["payload"] = {"editions": [{"language": "uk"}]}
    cache.write_text(json.dumps(data), "utf-8")
    result = cli("build")
    assert result.exit_code == 0 and result.output == "up to date (2 editions)\n"


def test_a_hand_edited_catalog_changes_the_edition(translated_project: Path, cli) -> None:
    """As a Poedit save does: one msgstr edited, the header's revision date moved on."""
    assert cli("build").exit_code == 0
    edition = (translated_project / UK_MD).read_text("utf-8")
    catalog = translated_project / UK_PO
    text = catalog.read_text("utf-8")
    old = next(m.msgstr for m in read_po(catalog).entries()
               if m.translated and f'msgstr "{m.msgstr}"\n' in text and edition.count(m.msgstr) == 1)
    text = re.sub(r'"PO-Revision-Date: [^"]*"', r'"PO-Revision-Date: 2030-01-01 00:00+0000\\n"\n"X-Generator: Poedit 3.2.2\\n"', text)
    catalog.write_text(text.replace(f'msgstr "{old}"', 'msgstr "Виправлений переклад."', 1), "utf-8")
    result = cli("build")
    assert result.exit_code == 0 and f"uk/{SLUG}: built" in result.output and f"ru/{SLUG}" not in result.output
    rebuilt = (translated_project / UK_MD).read_text("utf-8")
    assert "Виправлений переклад." in rebuilt and old not in rebuilt


def test_an_edited_edition_file_is_rebuilt(translated_project: Path, cli) -> None:
    assert cli("build").exit_code == 0
    edition = translated_project / UK_MD
    good = edition.read_bytes()
    edition.write_text("edited by hand\n", "utf-8")
    result = cli("build")
    assert result.exit_code == 0 and f"uk/{SLUG}: built" in result.output
    assert edition.read_bytes() == good


@pytest.mark.parametrize("edition", [UK_MD, Path("build/ru") / f"{SLUG}.html", Path("build/ru/LC_MESSAGES") / f"{SLUG}.mo"])
def test_an_edition_file_a_crash_left_short_is_rebuilt(translated_project: Path, cli, edition: Path) -> None:
    """Editions are written without flushing to disk (they are made from the catalogs), which is safe
    only because the next build notices a short or empty one and writes it again."""
    assert cli("build").exit_code == 0
    target = translated_project / edition
    good = target.read_bytes()
    target.write_bytes(good[: len(good) // 2])
    assert cli("build").exit_code == 0 and target.read_bytes() == good
    target.write_bytes(b"")
    assert cli("build").exit_code == 0 and target.read_bytes() == good


def test_catalogs_are_flushed_to_disk_and_editions_are_not(translated_project: Path, cli,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A translator's catalog survives a power cut once written; the six edition files need not."""
    import os

    flushed: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (flushed.append(fd), real(fd))[1])
    source = translated_project / "source" / f"{SLUG}.md"
    source.write_text(source.read_text("utf-8") + "\nOne more sentence here.\n", "utf-8")
    assert cli("update").exit_code == 0
    assert len(flushed) >= 3  # the POT and both catalogs (and the caches)
    flushed.clear()
    assert cli("build", "--force").exit_code == 0
    written = [path for path in (translated_project / "build").rglob("*") if path.is_file()]
    assert len(written) == 6
    assert len(flushed) <= 1  # the build cache alone


def test_build_says_up_to_date_and_check_finds_stale_editions(translated_project: Path, cli) -> None:
    result = cli("build", "--check")
    assert result.exit_code == 1 and f"uk/{SLUG}: would build" in result.output
    assert not (translated_project / "build").exists()
    assert cli("build").exit_code == 0
    before = _tree(translated_project)
    result = cli("build")
    assert result.exit_code == 0 and result.output == "up to date (2 editions)\n"
    result = cli("build", "--check")
    assert result.exit_code == 0 and result.output == "up to date (2 editions)\n"
    (translated_project / UK_MD).unlink()
    result = cli("build", "--check")
    assert result.exit_code == 1 and f"uk/{SLUG}: would build" in result.output
    assert not (translated_project / UK_MD).exists() and _tree(translated_project) != before


def test_a_skipped_document_still_reports_its_refused_edition(project: Path, cli) -> None:
    assert cli("update").exit_code == 0
    for _ in range(2):
        result = cli("build", SLUG)
        assert result.exit_code == 1 and f"uk/{SLUG}: not built: 0% translated, below the 80% threshold" in result.output
    assert (project / CACHE_DIR / "build.json").exists()


def test_a_skipped_document_lists_its_fallbacks_again(project: Path, cli) -> None:
    assert cli("update").exit_code == 0
    first = cli("build", "--force", "--no-fallback")
    assert first.exit_code == 1 and "  fallback: locales/uk/LC_MESSAGES/" in first.output
    second = cli("build", "--force", "--no-fallback")
    assert (second.exit_code, second.output) == (first.exit_code, first.output)
    assert cli("build", "--force").output.count(": built, 0% translated") == 2
