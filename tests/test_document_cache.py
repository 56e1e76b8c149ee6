"""Parsed documents kept in the cache (l10n/cache.py DocumentStore): a build after an update segments nothing,
and the kept document is exactly the one segmentation gives, never one of other bytes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from l10n import project as project_module
from l10n.cache import CACHE_DIR, DocumentStore
from l10n.model import Document
from l10n.segment import segment_text

SLUG = "bakhmut-un-chief"
ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def segmented(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs a project segmented (not taken from the cache), in order."""
    done: list[str] = []

    def spy(text: str, slug: str, shown: str, keys: tuple[str, ...]) -> Document:
        done.append(slug)
        return segment_text(text, slug, shown, keys)

    monkeypatch.setattr(project_module, "segment_text", spy)
    return done


def _build_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "build").rglob("*")) if p.is_file()}


def test_a_build_after_an_update_segments_nothing_and_builds_the_same(translated_project: Path, cli,
                                                                      segmented: list[str]) -> None:
    assert cli("update", "--jobs", "1").exit_code == 0
    assert cli("build", "--jobs", "1").exit_code == 0
    assert segmented == [SLUG]
    kept = _build_tree(translated_project)
    shutil.rmtree(translated_project / CACHE_DIR)
    shutil.rmtree(translated_project / "build")
    assert cli("build", "--jobs", "1").exit_code == 0
    assert segmented == [SLUG, SLUG]
    assert _build_tree(translated_project) == kept


def test_an_edited_source_is_segmented_again(translated_project: Path, cli, segmented: list[str]) -> None:
    assert cli("update").exit_code == 0
    source = translated_project / "source" / f"{SLUG}.md"
    source.write_text(source.read_text("utf-8") + "\nA sentence the cache has not seen.\n", "utf-8")
    assert cli("build", "--force").exit_code == 0
    assert segmented == [SLUG, SLUG]
    assert "A sentence the cache has not seen." in (translated_project / "build" / "uk" / f"{SLUG}.md").read_text("utf-8")


def _sources() -> list[Path]:
    return sorted((ROOT / "source").glob("*.md")) + sorted((DATA / "markdown").glob("*.md"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_a_kept_document_is_the_segmented_one(tmp_path: Path, path: Path) -> None:
    data = path.read_bytes()
    text = data.decode("utf-8")
    document = segment_text(text, path.stem, path.name, ("title", "summary"))
    store = DocumentStore(tmp_path)
    key = store.key(data, path.name, ("title", "summary"))
    store.store(key, document)
    assert store.load(path.stem, key, text) == document
    assert store.load(path.stem, store.key(data + b"\n", path.name, ("title", "summary")), text) is None


def test_front_matter_values_keep_their_types(tmp_path: Path) -> None:
    text = ("---\ntitle: Dates\ndate: 2023-03-07\nwhen: 2023-03-07 10:30:00+02:00\ntags: [a, 1, 2.5, true, null]\n"
            "nested: {2023-01-01: [x]}\n---\n\nA sentence.\n")
    document = segment_text(text, "dates", "dates.md", ("title",))
    store = DocumentStore(tmp_path)
    store.store("k", document)
    found = store.load("dates", "k", text)
    assert found == document and found is not None
    assert [type(v) for v in found.metadata.values()] == [type(v) for v in document.metadata.values()]


def test_a_value_json_cannot_carry_is_not_kept(tmp_path: Path) -> None:
    text = "---\ntitle: Binary\nblob: !!binary aGVsbG8=\n---\n\nA sentence.\n"
    document = segment_text(text, "blob", "blob.md", ("title",))
    store = DocumentStore(tmp_path)
    store.store("k", document)
    assert store.load("blob", "k", text) is None and not (tmp_path / CACHE_DIR / "documents" / "blob.json").exists()


@pytest.mark.parametrize("garbage", [b"\xff not json", b"[]", b'{"format": "l10n-cache 2", "state": "k"}',
                                     b'{"format": "l10n-cache 2", "state": "k", "slug": "a", "path": "a", '
                                     b'"segments": [[1]], "metadata": ["dict", []]}'])
def test_a_corrupt_kept_document_is_ignored(tmp_path: Path, garbage: bytes) -> None:
    store = DocumentStore(tmp_path)
    store.folder.mkdir(parents=True)
    (store.folder / "a.json").write_bytes(garbage)
    assert store.load("a", "k", "text") is None


def test_workers_of_a_pool_hand_back_what_they_segmented(translated_project: Path, cli) -> None:
    source = translated_project / "source" / f"{SLUG}.md"
    (translated_project / "source" / "second.md").write_bytes(source.read_bytes())
    assert cli("update", "--jobs", "2").exit_code == 0
    kept = sorted(p.name for p in (translated_project / CACHE_DIR / "documents").iterdir())
    assert kept == [f"{SLUG}.json", "second.json"]


def test_a_run_stopped_by_bad_input_keeps_no_document(translated_project: Path, cli) -> None:
    po = translated_project / "locales" / "ru" / "LC_MESSAGES" / f"{SLUG}.po"
    po.write_text(po.read_text("utf-8") + '\nmsgid "unterminated\n', "utf-8")
    assert cli("update", "--jobs", "1").exit_code == 3
    assert not (translated_project / CACHE_DIR).exists()


def test_a_deleted_source_is_forgotten_by_the_cache(translated_project: Path, cli) -> None:
    """Records of a source that was deleted do not stay in ``.l10n-cache/`` for ever."""
    extra = translated_project / "source" / "desk-note.md"
    extra.write_text("# Desk note\n\nThe desk checks every name twice.\n", "utf-8")
    assert cli("update", "--jobs", "1").exit_code == 0
    assert cli("build", "--force", "--jobs", "1").exit_code == 0
    cache = translated_project / CACHE_DIR
    assert (cache / "documents" / "desk-note.json").exists()
    for step in ("extract", "update", "build"):
        assert "desk-note" in json.loads((cache / f"{step}.json").read_text("utf-8"))["records"], step
    extra.unlink()
    assert cli("update", "--jobs", "1").exit_code == 0
    assert cli("build", "--force", "--jobs", "1").exit_code == 0
    assert sorted(p.name for p in (cache / "documents").iterdir()) == [f"{SLUG}.json"]
    for step in ("extract", "update", "build"):
        assert sorted(json.loads((cache / f"{step}.json").read_text("utf-8"))["records"]) == [SLUG], step
