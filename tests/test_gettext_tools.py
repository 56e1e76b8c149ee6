"""What a team's own gettext tools do to our catalogs: nothing.

``msgmerge --previous PO POT`` (Weblate's msgmerge add-on, a hand-run
update), ``msgcat``, ``msgattrib`` and ``msguniq`` must leave every catalog
``l10n update`` wrote byte for byte as it is: the shipped ones, fresh ones,
and ones holding a fuzzy entry with its ``#|`` previous msgid and an obsolete
entry. ``i18nspector`` (Debian's PO linter) reports no error or warning on
the shipped catalogs, and a new catalog's Plural-Forms is what msginit writes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.model import Catalog
from l10n.plurals import GETTEXT_PLURAL_FORMS, plural_forms
from l10n.pofile import read_po

ROOT = Path(__file__).parent.parent
TOOLS = ("msgmerge", "msgcat", "msgattrib", "msguniq", "msginit")
pytestmark = pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS),
                                reason="GNU gettext (msgmerge, msgcat, msgattrib, msguniq, msginit) is not installed")
SLUG = "bakhmut-un-chief"


def run(*command: str | Path) -> bytes:
    return subprocess.run([str(part) for part in command], capture_output=True, check=True).stdout


def assert_gettext_changes_nothing(locales: Path) -> int:
    """Every tool's output equals each file; returns how many catalogs were checked."""
    pot = locales / f"{SLUG}.pot"
    catalogs = sorted(locales.glob(f"*/LC_MESSAGES/{SLUG}.po"))
    assert pot.exists() and catalogs
    for path in [pot, *catalogs]:
        data = path.read_bytes()
        for tool in ("msgcat", "msgattrib", "msguniq"):
            assert run(tool, path) == data, f"{tool} rewrites {path.relative_to(locales)}"
    for path in catalogs:
        merged = run("msgmerge", "--quiet", "--previous", path, pot, "-o", "-")
        assert merged.decode() == path.read_text("utf-8"), f"msgmerge --previous rewrites {path.relative_to(locales)}"
    return len(catalogs)


def test_gettext_changes_nothing_in_the_shipped_catalogs() -> None:
    assert assert_gettext_changes_nothing(ROOT / "locales") == 2


def test_gettext_changes_nothing_in_new_catalogs(project: Path, cli) -> None:
    assert cli("update").exit_code == 0
    assert assert_gettext_changes_nothing(project / "locales") == 2


def test_gettext_changes_nothing_after_an_edit_makes_fuzzy_and_obsolete_entries(translated_project: Path, cli) -> None:
    source = translated_project / "source" / f"{SLUG}.md"
    text = source.read_text("utf-8")
    changed = text.replace("Ukraine has also suffered heavy losses", "Ukraine has also suffered very heavy losses")
    removed = "Guterres spent March 7 in Poland, where leaders there announced that Warsaw would send 10 Leopard 2 tanks this week to Ukraine.\n\n"
    assert changed != text and removed in changed
    source.write_text(changed.replace(removed, ""), "utf-8")
    assert cli("update").exit_code == 0
    for lang in ("uk", "ru"):
        catalog = read_po(translated_project / "locales" / lang / "LC_MESSAGES" / f"{SLUG}.po")
        assert _fuzzy_with_previous(catalog) == ["Ukraine has also suffered very heavy losses in the battle, although "
                                                 "casualty figures and battlefield claims on both sides are difficult "
                                                 "to independently confirm."], lang
        assert [m.msgid[:24] for m in catalog.obsolete_entries()] == ["Guterres spent March 7 i"], lang
    assert assert_gettext_changes_nothing(translated_project / "locales") == 2


def _fuzzy_with_previous(catalog: Catalog) -> list[str]:
    return [m.msgid for m in catalog.entries() if m.fuzzy and m.msgstr and m.previous_msgid]


needs_i18nspector = pytest.mark.skipif(
    shutil.which("i18nspector") is None,
    reason="i18nspector is not installed (Debian package i18nspector; .ci/run installs it)")


@needs_i18nspector
def test_i18nspector_finds_no_error_or_warning_in_the_shipped_catalogs() -> None:
    paths = [ROOT / "locales" / f"{SLUG}.pot", *sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))]
    lines = run("i18nspector", *paths).decode().splitlines()
    assert [line for line in lines if line.startswith(("E:", "W:"))] == []


@needs_i18nspector
def test_i18nspector_sees_the_placeholders_we_removed(tmp_path: Path) -> None:
    """The linter is really looking: the old boilerplate is a warning for it."""
    shipped = (ROOT / "locales" / "uk" / "LC_MESSAGES" / f"{SLUG}.po").read_text("utf-8")
    fields = [line for line in shipped.splitlines() if line.startswith('"Language-Team: ')]
    assert len(fields) == 1
    old = tmp_path / "uk.po"
    old.write_text(shipped.replace(fields[0], '"Language-Team: Ukrainian <LL@li.org>\\n"'), "utf-8")
    assert run("i18nspector", old).decode().splitlines() == [f"W: {old}: boilerplate-in-language-team 'Ukrainian <LL@li.org>'"]


# Catalan came with gettext 0.22 (2022); the msginit of gettext 0.21 does not know it.
LATER_THAN_0_21 = {"ca"}


@pytest.mark.parametrize("lang", sorted(set(GETTEXT_PLURAL_FORMS) - LATER_THAN_0_21) + ["pt_PT", "uk_UA", "sr@latin"])
def test_plural_forms_are_what_msginit_writes(tmp_path: Path, lang: str) -> None:
    """Looked up as msginit does: ``pt_BR`` has its own formula, ``uk_UA`` is ``uk``'s."""
    pot = ROOT / "locales" / f"{SLUG}.pot"
    out = tmp_path / "new.po"
    subprocess.run(["msginit", "--no-translator", "-l", lang, "-i", str(pot), "-o", str(out)],
                   capture_output=True, check=True, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
    assert plural_forms(lang) == read_po(out).header_fields()["Plural-Forms"]


def test_new_catalogs_get_msginit_plural_forms_whatever_babel_says(project: Path, cli) -> None:
    """Babel 2.19 writes ``n % 10 == 1 && …``; the catalogs keep gettext's text."""
    assert cli("update").exit_code == 0
    for lang in ("uk", "ru"):
        fields = read_po(project / "locales" / lang / "LC_MESSAGES" / f"{SLUG}.po").header_fields()
        assert fields["Plural-Forms"] == ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                                          "(n%100<10 || n%100>=20) ? 1 : 2);")
