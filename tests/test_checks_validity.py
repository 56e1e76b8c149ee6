"""Malformed catalogs become findings; structural checks msgfmt -c makes."""

import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.checks import CheckOptions, check_catalogs, check_loaded
from l10n.checks.base import LoadedCatalog
from l10n.model import Catalog, Message

ROOT = Path(__file__).parent.parent
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n\n'
GOOD = HEADER + 'msgid "Fighting continues."\nmsgstr "{text}"\n'
BROKEN = HEADER + 'msgid "One."\nmsgstr "Один."\n\nmsgid "Two."\nmsgstr "Два\n'


def write(folder: Path, lang: str, text: str, name: str = "a.po") -> Path:
    path = folder / lang / "LC_MESSAGES" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_malformed_catalog_is_a_finding_and_the_others_are_still_checked(tmp_path: Path) -> None:
    broken = write(tmp_path, "uk", BROKEN.format(lang="uk"))
    good = write(tmp_path, "ru", GOOD.format(lang="ru", text="Fighting continues."))
    result = check_catalogs([(broken, "uk/a.po"), (good, "ru/a.po")], CheckOptions())
    syntax = [f for f in result.findings if f.check == "po-syntax"]
    assert len(syntax) == 1 and syntax[0].path == "uk/a.po" and syntax[0].line == 10
    assert syntax[0].severity == "error"
    assert any(f.check == "untranslated" and f.path == "ru/a.po" for f in result.findings)
    assert [(s.path, s.valid) for s in result.catalogs] == [("uk/a.po", False), ("ru/a.po", True)]


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf" + GOOD.encode(), b'msgid "a"\nmsgstr "\xff"\n'])
def test_undecodable_catalog_is_a_finding(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(data)
    (finding,) = check_catalogs([(path, "x.po")], CheckOptions()).findings
    assert finding.check == "po-syntax" and finding.line >= 1


def test_plural_count_must_match_the_header() -> None:
    header = Message("", "Language: uk\nPlural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n")
    short = Message("%d day", msgid_plural="%d days", msgstr_plural={0: "%d день", 1: "%d дні"}, flags=["c-format"], lineno=5)
    loaded = LoadedCatalog("uk/LC_MESSAGES/a.po", Catalog([header, short]), "uk")
    findings = check_loaded([loaded], CheckOptions(select=("plural-forms",))).findings
    assert [(f.line, f.message) for f in findings] == [(5, "2 plural form(s), the header's Plural-Forms says nplurals=3")]


def test_header_language_must_match_the_folder() -> None:
    header = Message("", "Language: ru\n")
    loaded = LoadedCatalog("locales/uk/LC_MESSAGES/a.po", Catalog([header]), "uk")
    (finding,) = check_loaded([loaded], CheckOptions(select=("po-header",))).findings
    assert "Language header says 'ru' but the catalog is in the uk folder" in finding.message
    loaded = LoadedCatalog("locales/uk/LC_MESSAGES/a.po", Catalog([Message("", "Language: uk_UA\n")]), "uk")
    assert check_loaded([loaded], CheckOptions(select=("po-header",))).findings == []


def project_catalogs() -> list[Path]:
    return sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt is not installed")
@pytest.mark.parametrize("path", project_catalogs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_project_catalogs_pass_msgfmt_check(path: Path) -> None:
    done = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
