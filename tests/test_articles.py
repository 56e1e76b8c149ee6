"""One article at a time: slugs select articles, a new article never fails a finished one's build.

The project holds the shipped, finished article and a newly imported one
(the AP Kharkiv fixture) whose catalogs ``update`` has just created empty.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.pipeline import load_project, pretranslate
from l10n.pofile import read_po

DONE = "bakhmut-un-chief"
NEW = "ap-kharkiv"
DATA = Path(__file__).parent / "data" / "import"
SHARED = "Ukrainian leaders have continued to insist that their troops are holding on in Bakhmut"


@pytest.fixture
def two_articles(translated_project: Path, cli) -> Path:
    source = (DATA / "ap-kharkiv.expect.md").read_text("utf-8")
    paragraph = next(p for p in (translated_project / "source" / f"{DONE}.md").read_text("utf-8").split("\n\n") if p.startswith(SHARED))
    (translated_project / "source" / f"{NEW}.md").write_text(f"{source}\n{paragraph}\n", "utf-8")
    assert cli("update").exit_code == 0
    return translated_project


def _files(project: Path, slug: str) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "locales").rglob(f"{slug}.po*"))}


def test_whole_project_build_builds_the_finished_article_and_reports_the_new_one(two_articles: Path, cli) -> None:
    result = cli("build")
    assert result.exit_code == 0
    for lang in ("uk", "ru"):
        assert f"{lang}/{DONE}: built, 100% translated" in result.output
        assert f"{lang}/{NEW}: not built: 0% translated, below the 80% threshold (use --force)" in result.output
        assert (two_articles / "build" / lang / f"{DONE}.html").exists()
        assert not (two_articles / "build" / lang / f"{NEW}.md").exists()


def test_a_refused_article_fails_when_asked_for_or_strict(two_articles: Path, cli) -> None:
    assert cli("build", NEW).exit_code == 1
    assert cli("build", "--strict").exit_code == 1
    assert cli("build", DONE).exit_code == 0


def test_build_slug_force_builds_only_that_article(two_articles: Path, cli) -> None:
    result = cli("build", NEW, "--force")
    assert result.exit_code == 0
    assert f"uk/{NEW}: built, 0% translated" in result.output
    assert (two_articles / "build" / "uk" / f"{NEW}.md").exists()
    assert not (two_articles / "build" / "uk" / f"{DONE}.md").exists()


def test_update_slug_leaves_the_other_article_byte_identical(two_articles: Path, cli) -> None:
    source = two_articles / "source" / f"{NEW}.md"
    source.write_text(source.read_text("utf-8") + "\nA sentence added after the catalogs were made.\n", "utf-8")
    before = _files(two_articles, NEW)
    result = cli("update", DONE)
    assert result.exit_code == 0 and NEW not in result.output
    assert _files(two_articles, NEW) == before
    assert cli("update", "--check", NEW).exit_code == 1  # it was stale all along


def test_check_slug_checks_only_that_articles_catalogs(two_articles: Path, cli) -> None:
    done = cli("check", DONE)
    assert done.exit_code == 0 and NEW not in done.output
    new = cli("check", NEW)
    assert new.exit_code == 1
    assert f"locales/uk/LC_MESSAGES/{NEW}.po" in new.output and DONE not in new.output


def test_whole_project_check_summarizes_each_article(two_articles: Path, cli) -> None:
    lines = cli("check").output.splitlines()
    table = lines[lines.index("article               uk      ru  errors  warnings"):][:3]
    assert table[1].split() == [NEW, "0.0%", "0.0%", "2", "0"]
    assert table[2].split() == [DONE, "100.0%", "100.0%", "0", "0"]


def test_stats_slug_and_paths_side_by_side(two_articles: Path, cli) -> None:
    result = cli("stats", NEW, f"locales/uk/LC_MESSAGES/{DONE}.po")
    lines = [line.split(":")[0] for line in result.output.splitlines()]
    assert lines == [f"locales/uk/LC_MESSAGES/{NEW}.po", f"locales/ru/LC_MESSAGES/{NEW}.po", f"locales/uk/LC_MESSAGES/{DONE}.po"]
    assert "0 translated" in result.output.splitlines()[0]


class Echo:
    """A fake engine answering every text with a fixed Ukrainian sentence."""

    name = "echo"
    version = "1"

    def translate_batch(self, texts: list[str], progress: object = None) -> list[str]:
        return ["Переклад." for _ in texts]


def test_pretranslate_slug_fills_only_that_article_with_memory_from_every_catalog(two_articles: Path) -> None:
    before = _files(two_articles, DONE)
    project = load_project(load_config(two_articles))
    reports = pretranslate(project, lambda source, target: Echo(), ("uk",), slugs=(NEW,))
    assert reports[0].changed == [f"locales/uk/LC_MESSAGES/{NEW}.po"]
    assert _files(two_articles, DONE) == before
    shared = next(m for m in read_po(two_articles / f"locales/uk/LC_MESSAGES/{NEW}.po").entries() if m.msgid.startswith(SHARED))
    assert shared.translator_comments == [f"TM: locales/uk/LC_MESSAGES/{DONE}.po"]


@pytest.mark.parametrize("command", [["update"], ["build"], ["pretranslate"], ["check"], ["stats"], ["names"]])
def test_an_unknown_slug_is_a_usage_error_naming_it(two_articles: Path, cli, command: list[str]) -> None:
    before = {p: p.read_bytes() for p in (two_articles / "locales").rglob("*") if p.is_file()}
    result = cli(*command, "no-such-article")
    assert result.exit_code == 2 and "no-such-article" in result.output
    assert {p: p.read_bytes() for p in (two_articles / "locales").rglob("*") if p.is_file()} == before
