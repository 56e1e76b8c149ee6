"""uk and ru translations of one segment must agree on numbers, URLs and terms."""

from pathlib import Path

from l10n.checks import CheckOptions, check_loaded
from l10n.checks.base import LoadedCatalog
from l10n.glossary import read_glossary
from l10n.model import Catalog, Message

TERMS = tuple(read_glossary(Path(__file__).parent.parent / "locales/glossary.csv", ("uk", "ru")))
OPTIONS = CheckOptions(terms=TERMS, select=("cross-language",))


def pair(msgid: str, uk: str, ru: str, slug: str = "a", ctx: str = "paragraph") -> list[LoadedCatalog]:
    loaded = []
    for lang, msgstr in (("uk", uk), ("ru", ru)):
        message = Message(msgid, msgstr, msgctxt=ctx, lineno=7)
        loaded.append(LoadedCatalog(f"locales/{lang}/LC_MESSAGES/{slug}.po", Catalog([message]), lang))
    return loaded


def test_agreeing_translations_pass() -> None:
    items = pair("Seventy thousand people lived in Bakhmut.", "У Бахмуті жили 70 000 людей.", "В Бахмуте жили 70\u00a0000 человек.")
    assert check_loaded(items, OPTIONS).findings == []


def test_different_numbers_are_reported_on_the_second_catalog() -> None:
    items = pair("Seventy thousand people lived there.", "Там жили 70 000 людей.", "Там жили 7 000 человек.")
    (finding,) = check_loaded(items, OPTIONS).findings
    assert finding.path == "locales/ru/LC_MESSAGES/a.po" and finding.line == 7
    assert finding.message == "numbers differ: uk (locales/uk/LC_MESSAGES/a.po:7) has [70 000], ru has [7 000]"


def test_different_urls_and_terms() -> None:
    items = pair("Read it.", "Читайте https://a.example у Бахмуті.", "Читайте https://b.example.")
    messages = [f.message for f in check_loaded(items, OPTIONS).findings]
    assert len(messages) == 1 and messages[0].startswith("URLs differ")
    items = pair("Fighting in Bakhmut, Ukraine.", "Бої в Бахмуті, Україна.", "Бои в Бахмуте.")
    assert "glossary terms differ: uk (locales/uk/LC_MESSAGES/a.po:7) has [Bakhmut, Ukraine], ru has [Bakhmut]" in [
        f.message for f in check_loaded(items, OPTIONS).findings
    ]


def test_only_the_same_document_and_entry_are_compared() -> None:
    uk, _ = pair("Two.", "2 дні.", "")
    _, ru = pair("Two.", "", "3 дня.", slug="b")
    assert check_loaded([uk, ru], OPTIONS).findings == []
    uk, _ = pair("Two.", "2 дні.", "", ctx="title")
    _, ru = pair("Two.", "", "3 дня.")
    assert check_loaded([uk, ru], OPTIONS).findings == []
