"""Completeness, copied source and unreviewed machine translation."""

import pytest

from l10n.checks import CheckOptions, check_loaded, check_message
from l10n.checks.base import LoadedCatalog
from l10n.model import Catalog, Message


def catalog(lang: str, *messages: Message) -> LoadedCatalog:
    header = Message("", f"Language: {lang}\nContent-Type: text/plain; charset=UTF-8\n")
    return LoadedCatalog(f"locales/{lang}/LC_MESSAGES/a.po", Catalog([header, *messages]), lang)


def fuzzy(msgid: str, msgstr: str, *comments: str) -> Message:
    return Message(msgid, msgstr, flags=["fuzzy"], translator_comments=list(comments))


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_completeness_counts_fuzzy_as_not_done(lang: str) -> None:
    loaded = catalog(lang, Message("One.", "Один."), fuzzy("Two.", "Два."), Message("Three."))
    result = check_loaded([loaded], CheckOptions(select=("completeness",)))
    (finding,) = result.findings
    assert (finding.path, finding.line, finding.check) == (loaded.path, 1, "completeness")
    assert "33.3% translated, below the required 100% (1 fuzzy, 1 untranslated of 3)" in finding.message
    assert check_loaded([loaded], CheckOptions(select=("completeness",), minimum=30)).findings == []


def test_obsolete_entries_do_not_count() -> None:
    gone = Message("Old.", "", obsolete=True)
    assert check_loaded([catalog("uk", Message("One.", "Один."), gone)], CheckOptions(select=("completeness",))).findings == []


@pytest.mark.parametrize(
    ("lang", "comment", "reported"),
    [
        ("uk", "MT: argos translate-en_uk 1.9 2026-11-25", True),
        ("ru", "TM: locales/ru/LC_MESSAGES/older.po", True),
        ("uk", "checked by the desk", False),
    ],
)
def test_unreviewed_machine_translation(lang: str, comment: str, reported: bool) -> None:
    loaded = catalog(lang, fuzzy("Fighting continues.", "Бої тривають.", comment))
    findings = check_loaded([loaded], CheckOptions(select=("unreviewed-mt",))).findings
    assert [f.check for f in findings] == (["unreviewed-mt"] if reported else [])
    assert all(f.severity == "warning" for f in findings)


def test_reviewed_machine_translation_passes() -> None:
    reviewed = Message("Fighting continues.", "Бої тривають.", translator_comments=["MT: argos translate-en_uk 1.9 2026-11-25"])
    assert check_loaded([catalog("uk", reviewed)], CheckOptions(select=("unreviewed-mt",))).findings == []


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "reported"),
    [
        ("uk", "The fighting continues.", "The fighting continues.", True),
        ("ru", "click here", "click here", True),
        ("uk", "Reuters", "Reuters", False),
        ("ru", "JSON", "JSON", False),
        ("uk", "2023", "2023", False),
        ("ru", "The fighting continues.", "Бои продолжаются.", False),
        ("en_GB", "The colour.", "The colour.", False),
    ],
)
def test_untranslated(lang: str, msgid: str, msgstr: str, reported: bool) -> None:
    findings = check_message(Message(msgid, msgstr), lang, CheckOptions(select=("untranslated",)))
    assert [f.check for f in findings] == (["untranslated"] if reported else [])
