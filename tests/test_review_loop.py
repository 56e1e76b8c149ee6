"""The review loop: drafts are checked, review is recorded, placement fixes only names.

Drafts are fuzzy entries with MT/TM provenance; their content findings say
``draft:``. Accepting a draft (clearing fuzzy) makes ``update`` append
``; reviewed <date>`` to its provenance, which survives msgmerge and msgcat
and keeps ``unreviewed-mt`` quiet after a later source edit.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import argos_cli
import pytest
from argos_cli import Ran

from l10n.checks.runner import CheckOptions, CheckResult, check_catalogs
from l10n.glossary import parse_glossary
from l10n.pofile import read_po
from l10n.provenance import parse, record_review
from l10n.terminology import enforce_terms

TERMS = parse_glossary(
    "en,kind,uk,ru\nBakhmut,place,Бахмут,Бахмут\nKharkiv,place,Харків,Харьков\nKyiv,place,Київ,Киев\n"
    "Zaporizhzhia,place,Запоріжжя,Запорожье\n", ("uk", "ru"), "glossary.csv")

DRAFTS = '''msgid ""
msgstr ""
"Language: uk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

# MT: argos translate-en_uk 1.9 2026-11-25
#, fuzzy
msgid "Shelling damaged 12 buildings in Kharkiv."
msgstr "Обстріл пошкодив 21 будинок у Харькові."

# MT: argos translate-en_uk 1.9 2026-11-25
#, fuzzy
msgid "The mayor spoke to residents."
msgstr "Мэр гoворив з residents мешканцями."
'''


def _check(tmp_path: Path, text: str, select: tuple[str, ...]) -> CheckResult:
    """The findings of ``select`` on a uk catalog holding ``text``."""
    po = tmp_path / "uk/LC_MESSAGES/drafts.po"
    po.parent.mkdir(parents=True)
    po.write_text(text)
    return check_catalogs([(po, "drafts.po")], CheckOptions(terms=tuple(TERMS), select=select))


def test_draft_findings_are_reported_while_the_entry_is_fuzzy(tmp_path: Path) -> None:
    result = _check(tmp_path, DRAFTS, ("numbers", "glossary", "mixed-script", "english-words", "unreviewed-mt"))
    found = {(f.line, f.check) for f in result.findings if f.draft}
    assert {(7, "numbers"), (7, "glossary-term"), (12, "mixed-script"), (12, "english-words")} <= found
    assert all(f.message.startswith("draft: ") for f in result.findings if f.draft)
    assert sum(f.check == "unreviewed-mt" and not f.draft for f in result.findings) == 2  # still there



STALE = DRAFTS.split("\n\n")[0] + '''

# MT: argos translate-en_uk 1.9 2026-11-25; reviewed 2026-11-26
#, fuzzy
#| msgid "Shelling damaged 12 buildings in Kharkiv."
msgid "Shelling damaged 14 buildings in Kharkiv."
msgstr "Обстріл пошкодив 12 будинків у Харкові."

#, fuzzy
msgid "The mayor met 3 residents."
msgstr "Мер зустрівся з мешканцями."
'''


def test_a_translation_made_fuzzy_by_a_source_edit_is_checked_as_a_draft(tmp_path: Path) -> None:
    """The reviewer sees the number the edit changed, on reviewed and on plain human entries."""
    result = _check(tmp_path, STALE, ("numbers", "unreviewed-mt"))
    found = sorted((f.line, f.check, f.message) for f in result.findings)
    assert found == [
        (7, "numbers", "draft: number 14 of the source is missing (written 14 in uk)"),
        (7, "numbers", "draft: number(s) not in the source: 12"),
        (13, "numbers", "draft: number 3 of the source is missing (written 3 in uk)"),
    ]

def test_draft_findings_reach_the_cli_reports(translated_project: Path, cli) -> None:
    po = translated_project / "locales/uk/LC_MESSAGES/drafts.po"
    po.write_text(DRAFTS)
    text = cli("check", "--select", "numbers,mixed-script", "locales/uk/LC_MESSAGES/drafts.po")
    assert re.search(r"drafts\.po:7: error: numbers: draft: ", text.output), text.output
    document = json.loads(cli("check", "--format", "json", "--select", "numbers", "locales/uk/LC_MESSAGES/drafts.po").output)
    assert [f["draft"] for f in document["findings"]] == [True, True]
    github = cli("check", "--format", "github", "--select", "numbers", "locales/uk/LC_MESSAGES/drafts.po").output
    assert "::draft: " in github
    junit = cli("check", "--format", "junit", "--select", "numbers", "locales/uk/LC_MESSAGES/drafts.po").output
    assert "numbers: draft: " in junit


def test_a_reviewed_entry_is_never_machine_output_again() -> None:
    from l10n.model import Message

    message = Message("Hello", msgstr="Привіт", translator_comments=["MT: argos translate-en_uk 1.9 2026-11-25"])
    assert record_review(message, "2026-12-01")
    assert message.translator_comments == ["MT: argos translate-en_uk 1.9 2026-11-25; reviewed 2026-12-01"]
    assert not record_review(message, "2026-12-02")  # idempotent
    found = parse(message.translator_comments[0])
    assert found is not None and found.detail == "argos translate-en_uk 1.9 2026-11-25" and found.reviewed == "2026-12-01"


# Real newsroom sentences with words that resemble a glossary name but are other words.
UNRELATED = [
    ("uk", "Rail traffic via Bakhmach resumed; Bakhmut is shelled.",
     "Залізничний рух через Бахмач відновили; Бахмач обстрілюють.", None),
    ("uk", "An explosion boomed in the Kharkiv region, Kyivstar said.",
     "На Харківщині бахнув вибух, повідомили в «Київстарі».", "На Харківщині бахнув вибух, повідомили в «Київстарі»."),
    ("uk", "Zaporizhzhia region officials reported the attack.",
     "Посадовці Запорізької області повідомили про атаку.", "Посадовці Запорізької області повідомили про атаку."),
    ("ru", "Kyivstar restored the network in the Kharkiv region.",
     "«Киевстар» восстановил связь в Харьковской области.", "«Киевстар» восстановил связь в Харьковской области."),
    ("ru", "Residents of Zaporizhzhia region left for Bakhmach.",
     "Жители Запорожской области уехали в Бахмач.", "Жители Запорожской области уехали в Бахмач."),
]


@pytest.mark.parametrize(("lang", "source", "output", "expected"), UNRELATED)
def test_placement_never_touches_an_unrelated_word(lang: str, source: str, output: str, expected: str | None) -> None:
    enforced = enforce_terms(source, output, TERMS, lang, ("uk", "ru"))
    for word in ("Бахмач", "Харківщині", "бахнув", "Київстарі", "Запорізької", "Киевстар", "Харьковской", "Запорожской"):
        assert output.count(word) == enforced.text.count(word)
    if expected is not None:
        assert enforced.text == expected
    else:
        assert "Bakhmut" in enforced.unplaced


def test_a_misspelt_name_is_still_fixed() -> None:
    enforced = enforce_terms("Troops held Bakhmut.", "Війська утримали Бахмуд.", TERMS, "uk", ("uk", "ru"))
    assert enforced.text == "Війська утримали Бахмут."


BRIEF = """---
title: "Troops in Bakhmut held"
---

Troops in Bakhmut held 12 buildings.
"""
GLOSS_LINES = ["Troops in the city went to the front.", "Бої у місті, дорога до фронту.", "Бои в городе, дорога до фронта.",
               "Troops in Bakhmut held 12 buildings."] * 30


@pytest.fixture(scope="module")
def gloss_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real Argos package whose model glosses word for word (``in`` → у)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from argos_fixture import build_argos_package
    from argos_gloss_model import gloss_model

    folder = tmp_path_factory.mktemp("gloss")
    return build_argos_package(folder / "uk", "en", "uk", extra_lines=GLOSS_LINES,
                               model_builder=gloss_model({"▁in": "▁у"}, "int8"))


def _l10n(project: Path, env: dict[str, str], *args: str) -> Ran:
    """The CLI in process, with Argos in ``env``'s folders (tests/argos_cli.py)."""
    return argos_cli.l10n(project, env, *args)


@pytest.mark.slow  # a real Argos model
def test_review_cycle_through_the_cli(project: Path, gloss_package: Path, tmp_path: Path) -> None:
    """pretranslate → accept in the file → update records review → source edit → update → check."""
    sys.path.insert(0, str(Path(__file__).parent))
    from argos_fixture import argos_environment

    env = {**os.environ, **argos_environment(tmp_path / "argos")}
    env.pop("ARGOS_PACKAGE_INDEX", None)
    (project / "source/bakhmut-un-chief.md").unlink()
    (project / "source/brief.md").write_text(BRIEF)
    assert _l10n(project, env, "update", "--lang", "uk").returncode == 0
    assert _l10n(project, env, "models", "install", str(gloss_package)).returncode == 0
    assert _l10n(project, env, "pretranslate", "--lang", "uk").returncode == 0
    po = project / "locales/uk/LC_MESSAGES/brief.po"
    drafted = _l10n(project, env, "check", "--lang", "uk", "--select", "unreviewed-mt")
    assert drafted.stdout.count("unreviewed-mt") >= 2
    # accept the body sentence as Poedit would: fuzzy out of "#," and the "#|" lines gone
    text = po.read_text()
    entry = re.search(r'(#, fuzzy\n)((?:#\|.*\n)*)(msgctxt "paragraph"\nmsgid "Troops in Bakhmut held 12 buildings\.")', text)
    assert entry is not None, text
    po.write_text(text.replace(entry.group(0), entry.group(3)))
    assert _l10n(project, env, "update", "--lang", "uk").returncode == 0
    accepted = next(m for m in read_po(po).entries() if m.msgid.endswith("12 buildings."))
    history = accepted.translator_comments[-1]
    assert re.fullmatch(r"MT: argos translate-en_uk 1\.9 \d{4}-\d{2}-\d{2}; reviewed \d{4}-\d{2}-\d{2}", history)
    before = po.read_bytes()
    assert _l10n(project, env, "update", "--lang", "uk").returncode == 0
    assert po.read_bytes() == before  # idempotent
    article = project / "source/brief.md"
    article.write_text(article.read_text().replace("12 buildings", "14 buildings"))
    assert _l10n(project, env, "update", "--lang", "uk").returncode == 0
    edited = next(m for m in read_po(po).entries() if m.msgid.endswith("14 buildings."))
    assert edited.fuzzy and edited.translator_comments[-1] == history
    checked = _l10n(project, env, "check", "--lang", "uk", "--select", "unreviewed-mt")
    assert "14 buildings" not in checked.stdout and checked.stdout.count("unreviewed-mt:") == 1, checked.stdout  # the title only
    # the record is a fixed point of the real gettext tools
    pot = project / "locales/brief.pot"
    merged = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(po), str(pot)], capture_output=True, text=True, check=True)
    assert merged.stdout == po.read_text()
    cat = subprocess.run(["msgcat", str(po)], capture_output=True, text=True, check=True)
    assert cat.stdout == po.read_text()


def test_names_not_placed_are_named_in_the_entry_and_the_report(tmp_path: Path) -> None:
    from l10n.catalog import HeaderInfo, build_template, merge
    from l10n.powriter import write_po
    from l10n.pretranslate import pretranslate_language
    from l10n.segment import segment_text

    class Engine:
        name, version = "dict", "test-1"

        def translate_batch(self, texts: list[str], progress: object = None) -> list[str]:
            return ["Війська утримували місто." for _ in texts]

    document = segment_text("Troops held Bakhmut.\n", "brief", "source/brief.md")
    template = build_template(document, TERMS, ("uk",), HeaderInfo("t", "b@example.org"), "2026-01-01 00:00+0000")
    po = tmp_path / "brief.po"
    write_po(merge(template, None, "uk"), po)
    report = pretranslate_language("uk", "en", [(po, "brief.po")], TERMS, lambda s, t: Engine(), today="2026-11-25")
    entry = read_po(po).entries()[0]
    assert entry.translator_comments == ["MT: not placed: Bakhmut", "MT: dict test-1 2026-11-25"]
    assert report.unplaced == [("brief.po", entry.lineno, ("Bakhmut",))]
