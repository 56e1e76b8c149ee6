"""The catalog path convention, both ways (``l10n.paths``, which Config and the checks ask)."""

from __future__ import annotations

from pathlib import Path

from l10n.checks.base import path_language
from l10n.config import load_config
from l10n.paths import document_key, split_catalog_path


def test_po_path_and_split_are_inverse(project: Path) -> None:
    config = load_config(project)
    path = config.po_path("uk", "bakhmut-un-chief")
    assert config.relative(path) == "locales/uk/LC_MESSAGES/bakhmut-un-chief.po"
    assert split_catalog_path(str(path)) == ("uk", "bakhmut-un-chief")


def test_split_reads_regional_codes_and_windows_separators() -> None:
    assert split_catalog_path(r"locales\uk_UA\LC_MESSAGES\x.po") == ("uk_UA", "x")
    assert path_language("po/ru@latin/LC_MESSAGES/x.po") == "ru"
    assert split_catalog_path("locales/uk/x.po") is None


def test_one_documents_catalogs_share_a_key_across_languages() -> None:
    uk, ru = "locales/uk/LC_MESSAGES/x.po", "locales/ru/LC_MESSAGES/x.po"
    assert document_key(uk) == document_key(ru) == "locales/*/LC_MESSAGES/x.po"
    assert document_key(uk) != document_key("locales/uk/LC_MESSAGES/y.po")


def test_catalogs_lists_each_language_in_order(translated_project: Path) -> None:
    config = load_config(translated_project)
    shown = [config.relative(path) for path in config.catalogs()]
    assert shown == [f"locales/{lang}/LC_MESSAGES/bakhmut-un-chief.po" for lang in config.languages]
    assert config.catalogs(("ru",)) == [config.po_path("ru", "bakhmut-un-chief")]
