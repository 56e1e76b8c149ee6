"""l10n names: the names a glossary lacks, with proposed forms, and appending them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.glossary import read_glossary
from l10n.names import NOTE, Proposal, find_names
from l10n.proposals import append_proposals, format_csv
from l10n.segment import read_document, segment_text
from l10n.words import is_common

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "source" / "bakhmut-un-chief.md"
UNSEEN = ROOT / "tests" / "data" / "names" / "kharkiv-strikes.md"
GLOSSARY = ROOT / "locales" / "glossary.csv"
LANGS = ("uk", "ru")


def _article(path: Path = ARTICLE):
    return read_document(path, f"source/{path.name}")


def _names(text: str) -> dict[str, Proposal]:
    return {proposal.en: proposal for proposal in find_names([segment_text(text, "t", "t.md")], [], LANGS)}


def test_from_an_empty_glossary_the_proposals_cover_the_first_articles_rows() -> None:
    proposals = {proposal.en for proposal in find_names([_article()], [], LANGS)}
    rows = [term.source for term in read_glossary(GLOSSARY, LANGS)]
    covered = [row for row in rows if row in proposals]
    print(f"covered {len(covered)} of {len(rows)}; missed {sorted(set(rows) - set(covered))}")
    assert len(rows) == 41
    assert len(covered) >= 36


def test_proposed_forms_agree_with_the_hand_made_glossary() -> None:
    """Every uk/ru form proposed for the article's romanized names is the glossary's, but one exonym."""
    glossary = {term.source: term for term in read_glossary(GLOSSARY, LANGS)}
    proposed = {(p.en, lang): form for p in find_names([_article()], [], LANGS) for lang, form in p.targets.items()}
    wrong = {key: form for key, form in proposed.items() if glossary[key[0]].targets[key[1]] != form}
    assert wrong == {("Slovyansk", "ru"): "Словянск"}  # the Russian exonym is Славянск: no rule gives it
    for en in ("Bakhmut", "Kramatorsk", "Donetsk", "Donetsk region", "Volodymyr Zelenskiy", "Zelenskiy",
               "Volodymyr Nazarenko", "Nazarenko", "Sergei Shoigu"):
        assert set(LANGS) <= {lang for name, lang in proposed if name == en}, en
    assert proposed[("Kyiv", "uk")] == "Київ" and ("Kyiv", "ru") not in proposed  # Киев: an exonym


def test_unseen_ap_story_gets_exactly_these_proposals() -> None:
    terms = read_glossary(GLOSSARY, LANGS)
    proposals = find_names([_article(UNSEEN)], terms, LANGS)
    assert [(p.en, p.kind, p.targets.get("uk"), p.targets.get("ru"), p.count) for p in proposals] == [
        ("Kharkiv", "place", "Харків", None, 5),
        ("Belgorod", "place", "Бєлгород", "Белгород", 3),
        ("Belgorod region", "place", "Бєлгородська область", "Белгородская область", 1),
        ("Gladkov", "person", "Гладков", "Гладков", 1),
        ("Ihor Terekhov", "person", "Ігор Терехов", "Игорь Терехов", 1),
        ("Oleh Syniehubov", "person", "Олег Синєгубов", "Олег Синегубов", 1),
        ("Syniehubov", "person", "Синєгубов", "Синегубов", 1),
        ("Vyacheslav Gladkov", "person", "В'ячеслав Гладков", "Вячеслав Гладков", 1),
        ("Zaporizhzhia", "place", "Запоріжжя", None, 1),
    ]
    first = proposals[3]
    assert first.sentence == "Gladkov said air defenses shot down 12 drones over the Belgorod region."
    assert first.where == "source/kharkiv-strikes.md:20"
    assert all(p.note.startswith(NOTE) for p in proposals)


def test_dateline_acronyms_and_titles() -> None:
    names = _names("KYIV, Ukraine (AP) — The UN said Lt. Gen. Oleh Syniehubov met U.N. Secretary-General "
                   "António Guterres and NATO envoys.\n")
    assert set(names) == {"Kyiv", "Ukraine", "AP", "UN", "Oleh Syniehubov", "U.N.", "António Guterres", "NATO"}
    assert names["Kyiv"].kind == "place"
    assert names["AP"].kind == "media"
    assert names["NATO"].kind == names["U.N."].kind == "organization"
    assert names["Oleh Syniehubov"].kind == names["António Guterres"].kind == "person"


def test_sentence_starts_demonyms_and_months_are_not_names() -> None:
    names = _names("Earlier, Russian troops left. Guterres spent March 7 in Poland. Ukrainian leaders met "
                   "the Western allies on Monday. Schemes said so. The Schemes unit agreed.\n")
    assert set(names) == {"Guterres", "Poland", "Schemes"}
    assert names["Schemes"].count == 2  # sentence-initial, but also capitalised mid-sentence


def test_possessives_compounds_and_owned_organizations() -> None:
    names = _names("Kyiv's forces met the Washington-based Institute for the Study of War and "
                   "RFE/RL's Ukrainian Service near Bakhmut.\n")
    assert set(names) == {"Kyiv", "Washington", "Institute for the Study of War", "RFE/RL's Ukrainian Service",
                          "RFE/RL", "Bakhmut"}
    assert names["Institute for the Study of War"].kind == "organization"


def test_covered_names_are_not_proposed() -> None:
    terms = read_glossary(GLOSSARY, LANGS)
    document = segment_text("KYIV, Ukraine (AP) — Zelenskiy met Oleh Syniehubov in Kyiv.\n", "t", "t.md")
    assert [p.en for p in find_names([document], terms, LANGS)] == ["Oleh Syniehubov"]


def _proposal(en: str, uk: str | None, ru: str | None) -> Proposal:
    targets = {lang: form for lang, form in (("uk", uk), ("ru", ru)) if form}
    return Proposal(en, "place", targets, f"{NOTE}; test", 1, "s", "w")


def test_append_never_replaces_an_existing_row(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    shutil.copy(GLOSSARY, path)
    before = path.read_text(encoding="utf-8")
    proposals = [_proposal("Kyiv", "Кийив", "Кийив"), _proposal("kyiv", "Х", "Х"),
                 _proposal("Kharkiv", "Харків", None), _proposal("Belgorod", "Бєлгород", "Белгород")]
    report = append_proposals(path, proposals, LANGS, "glossary.csv")
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before):] == f"Belgorod,place,Бєлгород,Белгород,,,,,{NOTE}; test\n"
    assert (report.added, report.existing, report.incomplete) == (["Belgorod"], ["Kyiv", "kyiv"], ["Kharkiv"])
    kyiv = {term.source: term for term in read_glossary(path, LANGS)}["Kyiv"]
    assert kyiv.targets == {"uk": "Київ", "ru": "Киев"}
    again = append_proposals(path, proposals, LANGS, "glossary.csv")
    assert not again.changed and again.added == [] and path.read_text(encoding="utf-8") == after


def test_csv_output_has_the_glossary_columns() -> None:
    text = format_csv([_proposal("Belgorod", "Бєлгород", "Белгород")], LANGS)
    header = GLOSSARY.read_text(encoding="utf-8").splitlines()[0]
    assert text.splitlines()[0] == header
    assert list(csv.DictReader(text.splitlines()))[0]["uk"] == "Бєлгород"


def test_a_missing_word_list_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(L10nError, match="word list not found"):
        is_common("the", tmp_path / "words")


def test_cli_names_table_csv_and_append(project: Path, cli) -> None:
    shutil.copy(UNSEEN, project / "source" / UNSEEN.name)
    table = cli("names", "kharkiv-strikes")
    assert table.exit_code == 0
    assert "  1  Oleh Syniehubov  [person]  uk Олег Синєгубов, ru Олег Синегубов\n" in table.output
    rows = cli("names", "--csv", "kharkiv-strikes").output
    assert rows.splitlines()[0].startswith("en,kind,uk,ru,")
    glossary = project / "locales" / "glossary.csv"
    before = glossary.read_text(encoding="utf-8")
    dry = cli("names", "--append", "--dry-run", "kharkiv-strikes")
    assert "would append 7 row(s)" in dry.output and glossary.read_text(encoding="utf-8") == before
    appended = cli("names", "--append", "kharkiv-strikes")
    assert "appended 7 row(s)" in appended.output
    assert len(read_glossary(glossary, LANGS)) == 41 + 7
    assert [line.split(",")[0] for line in cli("names", "--csv", "kharkiv-strikes").output.splitlines()[1:]] == [
        "Kharkiv", "Zaporizhzhia"]


def test_cli_names_unknown_slug_is_a_usage_error(project: Path, cli) -> None:
    result = cli("names", "no-such-article")
    assert result.exit_code == 2


def test_a_title_at_the_sentence_start_still_makes_a_person() -> None:
    names = _names("President Alar Karis met Gov. Vyacheslav Gladkov. Mayor Terekhov agreed.\n")
    assert {en: p.kind for en, p in names.items()} == {
        "Alar Karis": "person", "Vyacheslav Gladkov": "person", "Terekhov": "person"}
