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

    class Never:
        name, version = "never", "0"

        def translate_batch(self, texts: list[str], progress: object = None) -> list[str]:
            raise AssertionError(f"MT asked for {texts}")

    project = load_project(load_config(translated_project))
    [report] = pretranslate(project, lambda source, target: Never(), ("uk",))
    entries = read_po(translated_project / SHIPPED).entries()
    assert report.from_memory == len(entries) == len(human)
    assert [(m.msgctxt, m.msgid, m.msgstr) for m in entries] == human
    assert all(m.fuzzy and m.translator_comments == ["TM: locales/memory/bakhmut-uk.tmx"] for m in entries)
