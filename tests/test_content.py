"""The shipped translations, held to account segment by segment.

These read the repository's real catalogs (not copies): every glossary name
of an English segment is in its uk and ru translation in some grammatical
case; nothing is left in English; each language uses its own letters;
markup placeholders all arrive; and both catalogs pass ``l10n check`` at 100%.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n.checks.glossary import renders
from l10n.glossary import find_terms, read_glossary
from l10n.inline import placeholder_tags
from l10n.pofile import read_po

ROOT = Path(__file__).parent.parent
LANGS = ("uk", "ru")
TERMS = read_glossary(ROOT / "locales/glossary.csv", LANGS)
FOREIGN = {"uk": re.compile("[ыэъёЫЭЪЁ]"), "ru": re.compile("[іїєґІЇЄҐ]")}


def _catalogs():
    for lang in LANGS:
        for path in sorted((ROOT / "locales" / lang / "LC_MESSAGES").glob("*.po")):
            yield pytest.param(lang, read_po(path), id=f"{lang}/{path.stem}")


CATALOGS = list(_catalogs())


@pytest.mark.parametrize("lang, catalog", CATALOGS)
def test_complete_and_reviewed(lang, catalog) -> None:
    entries = catalog.entries()
    assert entries and all(m.msgstr and not m.fuzzy for m in entries)


@pytest.mark.parametrize("lang, catalog", CATALOGS)
def test_every_glossary_name_is_rendered(lang, catalog) -> None:
    missing = [
        (term.source, m.msgstr)
        for m in catalog.entries()
        for term in find_terms(m.msgid, TERMS)
        if not renders(term, lang, m.msgstr)
    ]
    assert missing == []


@pytest.mark.parametrize("lang, catalog", CATALOGS)
def test_nothing_left_in_english(lang, catalog) -> None:
    latin = {t.source for t in TERMS if t.keep_latin}
    copies = [m.msgid for m in catalog.entries() if m.msgstr == m.msgid and m.msgid not in latin]
    assert copies == []


@pytest.mark.parametrize("lang, catalog", CATALOGS)
def test_own_alphabet_and_quotes(lang, catalog) -> None:
    for message in catalog.entries():
        assert not FOREIGN[lang].search(message.msgstr), message.msgstr
        assert '"' not in message.msgstr, message.msgstr
        assert message.msgstr.count("«") == message.msgstr.count("»"), message.msgstr


@pytest.mark.parametrize("lang, catalog", CATALOGS)
def test_placeholders_arrive(lang, catalog) -> None:
    for message in catalog.entries():
        assert sorted(placeholder_tags(message.msgstr)) == sorted(placeholder_tags(message.msgid))


def test_editions_have_no_fallback_and_check_passes(translated_project: Path, cli) -> None:
    build = cli("build")
    assert build.exit_code == 0 and "fell back" not in build.output
    check = cli("check", "--min", "100")
    assert check.exit_code == 0, check.output
    uk = (translated_project / "build/uk/bakhmut-un-chief.md").read_text()
    ru = (translated_project / "build/ru/bakhmut-un-chief.md").read_text()
    assert "# Росія не послаблює тиску на Бахмут" in uk
    assert "# Давление России на Бахмут не ослабевает" in ru
