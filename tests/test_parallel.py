"""Both cores: one worker or two give the same files, the same messages and the same errors (l10n/parallel.py)."""

from __future__ import annotations

import os
import pickle
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from l10n import catalog, errors
from l10n.errors import L10nError, SourceError
from l10n.parallel import MIN_ITEMS, ordered_map, worker_count

ROOT = Path(__file__).parent.parent
DONE = "bakhmut-un-chief"
COPIES = 9


def _pid(_: None, item: int) -> tuple[int, int]:
    return item, os.getpid()


def _fails_on_three(_: None, item: int) -> int:
    if item >= 3:
        raise SourceError(f"bad document {item}", f"source/doc-{item}.md", item * 10)
    return item


def test_ordered_map_runs_in_workers_and_keeps_the_order() -> None:
    results = ordered_map(_pid, None, list(range(20)), jobs=2)
    assert [item for item, _ in results] == list(range(20))
    assert os.getpid() not in {pid for _, pid in results}


def test_small_runs_stay_in_process() -> None:
    assert worker_count(0, MIN_ITEMS - 1) == 1 and worker_count(1, 100) == 1 and worker_count(2, 1) == 1
    assert {pid for _, pid in ordered_map(_pid, None, [1, 2, 3], jobs=0)} == {os.getpid()}


def test_a_worker_error_comes_back_as_the_same_error_of_the_first_failing_item() -> None:
    with pytest.raises(SourceError) as caught:
        ordered_map(_fails_on_three, None, list(range(12)), jobs=2)
    assert type(caught.value) is SourceError and isinstance(caught.value, L10nError)
    assert str(caught.value) == "source/doc-3.md:30: bad document 3"
    assert (caught.value.path, caught.value.line) == ("source/doc-3.md", 30)


def _many(root: Path) -> Path:
    """The translated article under ten slugs, and the Markdown test documents (untranslated)."""
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "source", root / "source")
    shutil.copytree(ROOT / "locales", root / "locales")
    for number in range(COPIES):
        slug = f"copy-{number}"
        text = (root / "source" / f"{DONE}.md").read_text("utf-8")
        (root / "source" / f"{slug}.md").write_text(text.replace("Bakhmut", "Bakhmut" if number % 2 else "Kupiansk", 1))
        for lang in ("uk", "ru"):
            po = root / "locales" / lang / "LC_MESSAGES"
            shutil.copy(po / f"{DONE}.po", po / f"{slug}.po")
    for path in sorted((ROOT / "tests" / "data" / "markdown").glob("*.md")):
        shutil.copy(path, root / "source" / path.name)
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for folder in ("locales", "build")
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


def _session(root: Path, jobs: str, cli, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[int, str]], dict[str, bytes]]:
    monkeypatch.chdir(root)
    said = []
    for command in (("update",), ("update",), ("extract", "--check"), ("build", "--force"), ("build", "--force"),
                    ("check",), ("check", "--format", "json")):
        result = cli(*command, "--jobs", jobs)
        said.append((result.exit_code, result.output))
    return said, _files(root)


@pytest.mark.slow  # every step twice, with a process pool
def test_one_worker_and_two_write_the_same_files_and_say_the_same(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog, "utc_now", lambda: datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    serial = _session(_many(tmp_path / "serial"), "1", cli, monkeypatch)
    parallel = _session(_many(tmp_path / "parallel"), "2", cli, monkeypatch)
    assert serial == parallel
    said, files = serial
    assert "built" in said[3][1] and said[4][1].startswith("up to date") and said[5][0] == 1
    assert len([name for name in files if name.endswith(".html")]) == 2 * (COPIES + 1 + 3)


def test_a_bad_document_in_a_worker_is_one_line_exit_3_and_nothing_written(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = []
    for jobs in ("1", "2"):
        root = _many(tmp_path / f"jobs{jobs}")
        (root / "source" / "copy-7.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", "utf-8")
        before = _files(root)
        monkeypatch.chdir(root)
        result = cli("update", "--jobs", jobs)
        assert result.exit_code == 3 and _files(root) == before
        outputs.append(result.stderr)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == 1 and outputs[0].startswith("l10n: error: source/copy-7.md:")


@pytest.mark.parametrize("kind", [c for c in vars(errors).values()
                                  if isinstance(c, type) and issubclass(c, L10nError) and c is not errors.UnknownArticle])
def test_every_error_crosses_a_process_boundary_with_its_file_and_line(kind: type[L10nError]) -> None:
    error = pickle.loads(pickle.dumps(kind("bad", "locales/x.po", 7)))
    assert type(error) is kind and str(error) == "locales/x.po:7: bad"
    article = pickle.loads(pickle.dumps(errors.UnknownArticle(["a", "b"])))
    assert article.slugs == ["a", "b"] and str(article) == "no source article a, b"
