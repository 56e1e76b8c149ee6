"""TMX 1.4b: the export is valid against the LISA DTD, Translate Toolkit reads it, and it round-trips.

tests/data/tmx14.dtd is the LISA OSCAR TMX 1.4 DTD ("-//LISA OSCAR:1998//DTD
for Translation Memory eXchange//EN"), copied verbatim from the public
repository mgrbyte/python-tmx (commit 17b8c8fd2bd89d200c27375c154d1dd5b492c664).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree
from translate.storage.tmx import tmxfile

from l10n.config import load_config
from l10n.pipeline import load_project, pretranslate
from l10n.pofile import read_po

DTD = Path(__file__).parent / "data" / "tmx14.dtd"
SHIPPED = "locales/uk/LC_MESSAGES/bakhmut-un-chief.po"


def _human(po: Path) -> list[tuple[str | None, str, str]]:
    return [(m.msgctxt, m.msgid, m.msgstr) for m in read_po(po).entries() if m.msgstr and not m.fuzzy]


def test_export_is_valid_tmx_14_and_translate_toolkit_reads_every_unit(translated_project: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "uk.tmx"
    assert cli("tm", "export", "--lang", "uk", "-o", str(out)).exit_code == 0
    dtd = etree.DTD(str(DTD))
    document = etree.parse(str(out))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    header = document.getroot().find("header")
    assert header is not None and header.get("srclang") == "en"
    human = _human(translated_project / SHIPPED)
    store = tmxfile(out.read_bytes(), sourcelanguage="en", targetlanguage="uk")
    assert [(u.source, u.target) for u in store.units] == [(source, target) for _, source, target in human]
    contexts = [tu.findtext("prop[@type='x-context']") for tu in document.getroot().iterfind("body/tu")]
    assert contexts == [context for context, _, _ in human]


def test_round_trip_export_import_into_a_fresh_project_is_reused_exactly(translated_project: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "bakhmut-uk.tmx"
    assert cli("tm", "export", "--lang", "uk", "-o", str(out)).exit_code == 0
    human = _human(translated_project / SHIPPED)
    shutil.rmtree(translated_project / "locales" / "uk")
    shutil.rmtree(translated_project / "locales" / "ru")
    assert cli("update").exit_code == 0
    imported = cli("tm", "import", str(out))
    assert imported.output == f"imported locales/memory/bakhmut-uk.tmx (uk: {len(human)} units)\n"

    project = load_project(load_config(translated_project))
    [report] = pretranslate(project, lambda source, target: Never(), ("uk",))
    entries = read_po(translated_project / SHIPPED).entries()
    assert report.from_memory == len(entries) == len(human)
    assert [(m.msgctxt, m.msgid, m.msgstr) for m in entries] == human
    assert all(m.fuzzy and m.translator_comments == ["TM: locales/memory/bakhmut-uk.tmx"] for m in entries)


def test_a_second_export_with_nothing_changed_gives_the_same_bytes(translated_project: Path, cli, tmp_path: Path) -> None:
    """The dates are the catalogs' PO-Revision-Date in UTC, not the clock's."""
    first, second = tmp_path / "first.tmx", tmp_path / "second.tmx"
    assert cli("tm", "export", "--lang", "uk", "-o", str(first)).exit_code == 0
    assert cli("tm", "export", "--lang", "uk", "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    root = etree.parse(str(first)).getroot()
    assert read_po(translated_project / SHIPPED).header_fields()["PO-Revision-Date"] == "2026-12-01 21:40+0000"
    assert root.find("header").get("creationdate") == "20261201T214000Z"
    assert {tu.get("creationdate") for tu in root.iterfind("body/tu")} == {"20261201T214000Z"}
    po = translated_project / SHIPPED
    po.write_text(po.read_text().replace("2026-12-01 21:40+0000", "2026-12-02 09:15+0200"))
    assert cli("tm", "export", "--lang", "uk", "-o", str(second)).exit_code == 0
    assert etree.parse(str(second)).getroot().find("header").get("creationdate") == "20261202T071500Z"


def _exported(cli, path: Path, **targets: str) -> list[tuple[str, str]]:
    """Export uk to ``path``, with the targets of the units at the given indexes (``u0=...``) changed."""
    assert cli("tm", "export", "--lang", "uk", "-o", str(path)).exit_code == 0
    document = etree.parse(str(path))
    tus = list(document.getroot().iterfind("body/tu"))
    for key, target in targets.items():
        tus[int(key[1:])].find("tuv[2]/seg").text = target
    document.write(str(path), xml_declaration=True, encoding="UTF-8")
    return [(tu.findtext("tuv[1]/seg"), tu.findtext("tuv[2]/seg")) for tu in tus]


class Never:
    """An engine that fails the test when asked: memory must fill everything."""

    name, version = "never", "0"

    def translate_batch(self, texts: list[str], progress: object = None) -> list[str]:
        raise AssertionError(f"MT asked for {texts}")


KEPT = "uk: 2 units conflict with an earlier translation of their source, which is kept"


def test_an_import_that_conflicts_keeps_the_earlier_translation_and_says_how_many(translated_project: Path, cli,
                                                                                   tmp_path: Path) -> None:
    human = _human(translated_project / SHIPPED)
    rival = tmp_path / "b-rival.tmx"
    units = _exported(cli, rival, u0="Інший переклад.", u3="Ще інший переклад.")
    assert units[0][1] == "Інший переклад." and human[0][2] != "Інший переклад."
    result = cli("tm", "import", "--dry-run", str(rival))  # against the catalogs
    assert result.output.splitlines() == [f"would import locales/memory/b-rival.tmx (uk: {len(units)} units)", KEPT]
    first = tmp_path / "a-first.tmx"
    _exported(cli, first)
    assert cli("tm", "import", str(first)).output == f"imported locales/memory/a-first.tmx (uk: {len(units)} units)\n"
    shutil.rmtree(translated_project / "locales" / "uk")  # only the imported memory is left
    assert cli("update").exit_code == 0
    result = cli("tm", "import", str(rival))  # against a-first.tmx, which comes first
    assert result.output.splitlines() == [f"imported locales/memory/b-rival.tmx (uk: {len(units)} units)", KEPT]
    [report] = pretranslate(load_project(load_config(translated_project)), lambda source, target: Never(), ("uk",))
    assert [(m.msgctxt, m.msgid, m.msgstr) for m in read_po(translated_project / SHIPPED).entries()] == human


def test_an_import_that_would_come_before_another_memory_needs_overwrite(translated_project: Path, cli,
                                                                        tmp_path: Path) -> None:
    first = tmp_path / "b-first.tmx"
    units = _exported(cli, first)
    rival = tmp_path / "a-rival.tmx"  # sorts before b-first.tmx: its units would be found first
    _exported(cli, rival, u0="Інший переклад.", u3="Ще інший переклад.")
    assert cli("tm", "import", str(first)).exit_code == 0
    shutil.rmtree(translated_project / "locales" / "uk")
    assert cli("update").exit_code == 0
    refused = cli("tm", "import", str(rival))
    assert refused.exit_code == 3
    assert refused.output == (f"l10n: error: {rival}: uk: 2 units would come before other translations of their "
                              "source in locales/memory/ (name order; --overwrite lets them)\n")
    assert not (translated_project / "locales/memory/a-rival.tmx").exists()
    result = cli("tm", "import", "--overwrite", str(rival))
    assert result.output.splitlines() == [f"imported locales/memory/a-rival.tmx (uk: {len(units)} units)",
                                          "uk: 2 units come before another file's translation of their source"]
    pretranslate(load_project(load_config(translated_project)), lambda source, target: Never(), ("uk",))
    msgstrs = [m.msgstr for m in read_po(translated_project / SHIPPED).entries()]
    assert msgstrs[0] == "Інший переклад." and msgstrs[3] == "Ще інший переклад."


def test_reimporting_a_changed_memory_of_the_same_name_needs_overwrite(translated_project: Path, cli,
                                                                      tmp_path: Path) -> None:
    news = tmp_path / "news.tmx"
    units = _exported(cli, news)
    assert cli("tm", "import", str(news)).exit_code == 0
    kept = (translated_project / "locales/memory/news.tmx").read_bytes()
    assert cli("tm", "import", str(news)).exit_code == 0  # the same file again: nothing to replace
    _exported(cli, news, u1="Змінений переклад.")
    refused = cli("tm", "import", str(news))
    assert refused.exit_code == 3
    assert refused.output == (f"l10n: error: {news}: locales/memory/news.tmx exists with other units "
                              "(--overwrite replaces it)\n")
    assert (translated_project / "locales/memory/news.tmx").read_bytes() == kept
    replaced = cli("tm", "import", "--overwrite", str(news))
    assert replaced.output.splitlines() == [f"imported locales/memory/news.tmx (uk: {len(units)} units)",
                                            "uk: 1 units conflict with an earlier translation of their source, which is kept"]
    assert (translated_project / "locales/memory/news.tmx").read_bytes() == news.read_bytes()
