"""Guarantee: no translation is lost, whatever happens to the article.

Hypothesis edits an article at random (sentences and paragraphs inserted,
deleted, reworded, repeated, moved), over several rounds, in a throwaway
project, through the library calls the CLI makes. After every ``update``:

* every msgstr that was non-empty before is still there: on the same entry
  when its source is unchanged (and as translated as it was), as a fuzzy
  entry whose ``#|`` previous msgid names the old source when the source
  changed, or as an obsolete (``#~``) entry when the source went away;
* a second ``update`` changes nothing.

Then ``pretranslate`` (with a fake engine) never touches an entry that has a
msgstr, and ``build`` never writes into ``locales/``.

Budgets are bounded and derandomized, so CI runs the same examples.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from fake_engines import Echo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polib_crossread import assert_polib_agrees

from l10n import pipeline
from l10n.cache import CACHE_DIR
from l10n.config import load_config
from l10n.model import Catalog, Message
from l10n.pofile import read_po
from l10n.powriter import write_po

EDITS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CONFIG = """[tool.l10n]
languages = ["uk"]
threshold = 0
project = "guarantees"
"""
WORDS = ("troops city front officials said army grain deal power plant water region council week "
         "month attack defense talks report agency heavy losses eastern southern people town").split()
PO = "locales/uk/LC_MESSAGES/news.po"

words = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9)
sentences = words.map(lambda w: " ".join(w).capitalize() + ".")
paragraphs = st.lists(sentences, min_size=1, max_size=4)
articles = st.lists(paragraphs, min_size=1, max_size=5)
edit = st.tuples(
    st.sampled_from(["insert", "delete", "reword", "add paragraph", "drop paragraph", "repeat", "move"]),
    st.integers(0, 99), st.integers(0, 99), sentences, st.sampled_from(WORDS),
)


def apply_edit(article: list[list[str]], change: tuple[str, int, int, str, str]) -> None:
    kind, a, b, sentence, word = change
    if not article:
        article.append([sentence])
        return
    paragraph = article[a % len(article)]
    if kind == "insert":
        paragraph.insert(b % (len(paragraph) + 1), sentence)
    elif kind == "delete" and paragraph:
        del paragraph[b % len(paragraph)]
    elif kind == "reword" and paragraph:
        index = b % len(paragraph)
        parts = paragraph[index].rstrip(".").split()
        parts[a % len(parts)] = word
        paragraph[index] = " ".join(parts).capitalize() + "."
    elif kind == "add paragraph":
        article.insert(b % (len(article) + 1), [sentence])
    elif kind == "drop paragraph":
        del article[a % len(article)]
    elif kind == "repeat" and paragraph:
        article[b % len(article)].append(paragraph[b % len(paragraph)])
    elif kind == "move":
        article.insert(b % len(article), article.pop(a % len(article)))
    article[:] = [p for p in article if p]


def markdown(article: list[list[str]]) -> str:
    body = "".join(f"{' '.join(p)}\n\n" for p in article)
    return f"# Reports from the front\n\n{body}"


@contextmanager
def news_project(article: list[list[str]]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text(CONFIG)
        (root / "source").mkdir()
        (root / "locales").mkdir()
        (root / "source/news.md").write_text(markdown(article))
        yield root
        assert_polib_agrees([root])  # the folder is gone before the autouse cross-read could see it


def update(root: Path) -> pipeline.WriteReport:
    return pipeline.update(pipeline.load_project(load_config(root)))


def translate(root: Path, states: list[str], counter: list[int]) -> None:
    """A translator at work: fill empty entries (some reviewed, some fuzzy, some left)."""
    catalog = read_po(root / PO)
    for message in catalog.entries():
        if message.msgstr:
            continue
        state = states[counter[0] % len(states)]
        counter[0] += 1
        if state != "empty":
            message.msgstr = f"Переклад {counter[0]}: {message.msgid}"
            message.fuzzy = state == "fuzzy"
    write_po(catalog, root / PO)


def carriers(before: Message, after: Catalog) -> list[Message]:
    """Where ``before``'s translation may legitimately be after a merge."""
    found = []
    for message in after.messages:
        if message.msgstr != before.msgstr:
            continue
        same = message.key == before.key
        moved = message.fuzzy and (message.previous_msgctxt, message.previous_msgid) == before.key
        if same or (not message.obsolete and moved):
            found.append(message)
    return found


def assert_nothing_lost(before: Catalog, after: Catalog) -> None:
    live = {m.key: m for m in after.entries()}
    for old in before.messages:
        if old.is_header or not old.msgstr:
            continue
        if not old.obsolete and old.key in live:
            kept = live[old.key]
            assert (kept.msgstr, kept.fuzzy) == (old.msgstr, old.fuzzy), f"translation of {old.msgid!r} changed"
        else:
            assert carriers(old, after), f"translation of {old.key!r} was lost: {old.msgstr!r}"


@pytest.mark.slow  # 40 generated articles, up to 7 updates each
@EDITS
@given(articles, st.lists(st.sampled_from(["translated", "translated", "fuzzy", "empty"]), min_size=1, max_size=5),
       st.lists(st.lists(edit, min_size=1, max_size=4), min_size=1, max_size=3))
def test_update_never_loses_a_translation(article, states, rounds) -> None:
    counter = [0]
    with news_project(article) as root:
        update(root)
        translate(root, states, counter)
        for changes in rounds:
            for change in changes:
                apply_edit(article, change)
            (root / "source/news.md").write_text(markdown(article))
            before = read_po(root / PO)
            update(root)
            after = read_po(root / PO)
            assert_nothing_lost(before, after)
            written = {p: p.read_bytes() for p in (root / "locales").rglob("*.po*")}
            assert update(root).changed == [], "a second update changed something"
            assert {p: p.read_bytes() for p in written} == written
            translate(root, states, counter)




def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _unplaced(message: Message) -> Message:
    return replace(message, lineno=0)


@pytest.mark.slow  # 40 generated projects through update, pretranslate and build
@EDITS
@given(articles, st.lists(st.sampled_from(["translated", "fuzzy", "empty", "empty"]), min_size=1, max_size=5),
       st.lists(edit, min_size=1, max_size=4))
def test_pretranslate_keeps_translations_and_build_keeps_out_of_locales(article, states, changes) -> None:
    with news_project(article) as root:
        update(root)
        translate(root, states, [0])
        for change in changes:
            apply_edit(article, change)
        (root / "source/news.md").write_text(markdown(article))
        update(root)
        before = {m.key: _unplaced(m) for m in read_po(root / PO).messages if m.msgstr}
        project = pipeline.load_project(load_config(root))
        pipeline.pretranslate(project, lambda source, target: Echo())
        after = {m.key: _unplaced(m) for m in read_po(root / PO).messages}
        for key, old in before.items():
            assert after[key] == old, f"pretranslate changed {key!r}"
        assert all(m.msgstr for m in after.values() if not m.obsolete), "an empty entry was left unfilled"
        tree = _tree(root)
        reports = pipeline.build(project, force=True)
        written = {name for report in reports for name in report.files}
        assert written and all(name.startswith("build/") for name in written)
        now = _tree(root)
        assert {name: now[name] for name in tree} == tree, "build rewrote a file outside build/"
        assert {name for name in set(now) - set(tree) if not name.startswith(f"{CACHE_DIR}/")} == written


def test_a_returning_sentence_gets_its_own_translation_back(tmp_path: Path) -> None:
    """Regression: the old translation stayed obsolete beside the new live entry (same key),
    so the next ``update`` could not read the catalog it had written."""
    today = "The troops held the city today."
    yesterday = "The troops held the city yesterday."
    article = [[today], [yesterday]]
    with news_project(article) as root:
        update(root)
        translate(root, ["translated"], [0])
        mine = {m.msgid: m.msgstr for m in read_po(root / PO).entries()}
        (root / "source/news.md").write_text(markdown([[yesterday]]))
        update(root)
        (root / "source/news.md").write_text(markdown(article))
        update(root)
        catalog = read_po(root / PO)
        assert {m.msgid: m.msgstr for m in catalog.entries()} == mine
        assert not catalog.obsolete_entries()
        assert update(root).changed == []


def test_a_second_update_a_minute_later_rewrites_nothing(translated_project: Path, cli, monkeypatch) -> None:
    """The clock is the test's (``catalog.utc_now``): without that, both runs
    usually fall in one minute and a date rewritten on every run goes unseen."""
    from datetime import datetime

    from l10n import catalog

    def at(minute: int) -> None:
        monkeypatch.setattr(catalog, "utc_now", lambda: datetime(2026, 12, 1, 12, minute, tzinfo=UTC))

    root = translated_project
    article = root / "source" / "bakhmut-un-chief.md"
    article.write_text(article.read_text() + "\nThe desk added one more sentence.\n")
    at(0)
    assert cli("update").exit_code == 0
    pot = root / "locales" / "bakhmut-un-chief.pot"
    assert read_po(pot).header_fields()["POT-Creation-Date"] == "2026-12-01 12:00+0000"  # the clock reaches the files
    written = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted((root / "locales").rglob("*.po*"))}
    at(1)
    result = cli("update")
    assert result.exit_code == 0 and result.output == f"up to date ({len(written)} files)\n", result.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in written} == written
