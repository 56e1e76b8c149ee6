"""Translation memory: human work reused exactly or fuzzily before MT, with score and origin.

A second article sharing sentences with the shipped one is pretranslated
from the real bakhmut catalogs; a recording fake engine shows that only the
sentences no memory holds reach MT.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.memory import Memory, Unit, tokens
from l10n.pipeline import load_project, pretranslate
from l10n.pofile import read_po
from l10n.powriter import write_po

SHIPPED = "locales/uk/LC_MESSAGES/bakhmut-un-chief.po"
CHANGED_FROM = "Kyiv's military command claimed that 1,600 Russian soldiers had been killed over the past 24 hours"
CHANGED_TO = "Kyiv's military command claimed that 1,100 Russian soldiers had been killed over the past 24 hours"
ADDED = "The fighting continued on March 8."


class Recorder:
    """A fake engine beside the real path: answers every text, records what it was asked."""

    name = "rec"
    version = "1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: list[str], progress: object = None) -> list[str]:
        self.calls.append(list(texts))
        return [f"MT {text}" for text in texts]


def test_exact_beats_fuzzy_and_the_highest_fuzzy_wins_first_on_ties() -> None:
    units = [
        Unit("Troops held the city on Monday.", "A", None, "a.po"),
        Unit("Troops held the city on Tuesday.", "B", None, "b.po"),
        Unit("Troops held the city on Tuesday.", "C", None, "c.po"),
        Unit("Troops held the town of Bakhmut on Monday evening.", "D", None, "d.po"),
    ]
    memory = Memory(units)
    exact = memory.lookup("Troops held the city on Tuesday.")
    assert exact is not None and (exact.unit.target, exact.score) == ("B", 100)
    fuzzy = memory.lookup("Troops held the city on Friday.")
    assert fuzzy is not None and (fuzzy.unit.target, fuzzy.score) == ("A", 85)
    assert memory.lookup("Nothing like it at all.") is None


def test_one_word_of_three_is_below_the_threshold_and_case_is_not_exact() -> None:
    memory = Memory([Unit("One here.", "Один тут.", None, "a.po"), Unit("Troops held the city.", "X", None, "a.po")])
    assert tokens("One here.") == ("one", "here", ".")
    assert memory.lookup("Two here.") is None
    match = memory.lookup("troops held the city.")
    assert match is not None and match.score == 99


def test_a_fuzzy_match_with_other_placeholders_is_not_used() -> None:
    memory = Memory([Unit("Read the report by the institute today.", "Прочитайте звіт.", None, "a.po")])
    assert memory.lookup("Read <1>the report</1> by the institute today.") is None
    assert memory.lookup("Read the report by the institute now.") is not None


def _second_article(project: Path) -> Path:
    source = (project / "source/bakhmut-un-chief.md").read_text("utf-8")
    assert CHANGED_FROM in source
    text = source.replace(CHANGED_FROM, CHANGED_TO) + f"\n{ADDED}\n"
    second = project / "source/bakhmut-second-day.md"
    second.write_text(text, "utf-8")
    return second


def test_second_article_reuses_the_first_exactly_and_fuzzily_before_mt(translated_project: Path, cli) -> None:
    _second_article(translated_project)
    assert cli("update").exit_code == 0
    engine = Recorder()
    project = load_project(load_config(translated_project))
    shipped_before = (translated_project / SHIPPED).read_bytes()
    [report] = pretranslate(project, lambda source, target: engine, ("uk",))
    listed = read_po(translated_project / "locales/uk/LC_MESSAGES/bakhmut-second-day.po").entries()
    entries = {m.msgid: m for m in listed}
    first = {m.msgid: m for m in read_po(translated_project / SHIPPED).entries()}
    assert engine.calls == [[ADDED]]
    assert (report.from_memory, report.from_engine) == (len(listed) - 1, 1)
    changed = next(m for m in entries.values() if m.msgid.startswith(CHANGED_TO))
    old = next(m for m in first.values() if m.msgid.startswith(CHANGED_FROM))
    assert changed.fuzzy and changed.msgstr == old.msgstr and changed.previous_msgid == old.msgid
    assert changed.translator_comments == [f"TM 97%: {SHIPPED}"]
    same = entries["Ukraine has also suffered heavy losses in the battle, although casualty figures and battlefield claims on both sides are difficult to independently confirm."]
    assert same.fuzzy and same.translator_comments == [f"TM: {SHIPPED}"] and same.previous_msgid is None
    assert entries[ADDED].translator_comments == ["MT: rec 1 " + entries[ADDED].translator_comments[0].split()[-1]]
    assert (translated_project / SHIPPED).read_bytes() == shipped_before
    check = cli("check", "--lang", "uk")
    assert "unreviewed machine output (TM 97%: " in check.output


@pytest.mark.parametrize("headline", ["human", "machine", "fuzzy"])
def test_same_catalog_other_context_is_memory_and_machine_or_fuzzy_text_is_not(translated_project: Path, headline: str) -> None:
    po = translated_project / SHIPPED
    catalog = read_po(po)
    entry = next(m for m in catalog.entries() if m.msgctxt == "headline")
    title = next(m for m in catalog.entries() if m.msgctxt == "title")
    human = entry.msgstr
    title.msgstr = ""
    if headline == "machine":
        entry.translator_comments = ["MT: argos translate-en_uk 1.9 2026-11-25"]
    entry.fuzzy = headline == "fuzzy"  # msgmerge's fuzzy: no provenance, not reviewed
    write_po(catalog, po)
    engine = Recorder()
    project = load_project(load_config(translated_project))
    pretranslate(project, lambda source, target: engine, ("uk",))
    title = next(m for m in read_po(po).entries() if m.msgctxt == "title")
    if headline != "human":
        assert engine.calls == [[title.msgid]] and title.translator_comments[0].startswith("MT: rec 1 ")
    else:
        assert (title.msgstr, title.translator_comments) == (human, [f"TM: {SHIPPED}"])
        assert title.fuzzy and engine.calls == []


@pytest.mark.parametrize("bad", ["<tmx><header", "srclang"])
def test_a_bad_tmx_is_one_line_exit_3_and_nothing_imported(translated_project: Path, cli, bad: str) -> None:
    path = translated_project / "bad.tmx"
    if bad == "srclang":
        exported = cli("tm", "export", "--lang", "uk").output
        path.write_text(exported.replace('srclang="en"', 'srclang="de"'), "utf-8")
    else:
        path.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<header\n', "utf-8")
    result = cli("tm", "import", str(path))
    assert result.exit_code == 3
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"l10n: error: {path}:")
    assert ("'de'" in line) if bad == "srclang" else ("not well-formed XML" in line)
    assert not (translated_project / "locales/memory").exists()


@pytest.mark.slow  # a real Argos model
def test_second_article_through_the_real_argos_path_sends_only_the_new_sentence(
        translated_project: Path, tmp_path: Path) -> None:
    """The CLI, Argos and CTranslate2 with a gloss model: memory fills all but the added sentence."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from argos_fixture import build_argos_package
    from argos_gloss_model import gloss_model
    from test_pretranslate import GLOSS_LINES, _l10n, _offline_env

    package = build_argos_package(tmp_path / "pkg", "en", "uk", extra_lines=GLOSS_LINES,
                                  model_builder=gloss_model({"▁in": "▁у", "▁to": "▁до"}, "int8"))
    env = _offline_env(tmp_path)
    _second_article(translated_project)
    assert _l10n(translated_project, env, "update").returncode == 0
    assert _l10n(translated_project, env, "models", "install", str(package)).returncode == 0
    result = _l10n(translated_project, env, "pretranslate", "--lang", "uk")
    assert result.returncode == 0, result.stderr
    listed = read_po(translated_project / "locales/uk/LC_MESSAGES/bakhmut-second-day.po").entries()
    assert f"uk: {len(listed) - 1} from memory, 1 from MT (1 distinct segments)" in result.stdout
    [machine] = [m for m in listed if m.translator_comments[-1].startswith("MT: argos translate-en_uk 1.9")]
    assert machine.msgid == ADDED and machine.fuzzy and machine.msgstr
    assert sum(m.translator_comments == [f"TM 97%: {SHIPPED}"] for m in listed) == 1
