"""MO files: msgfmt's bytes, the catalog's own header, the same file on every build."""

from __future__ import annotations

import datetime
import gettext
import io
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.mofile import _hashpjw, format_mo
from l10n.pofile import read_po

ROOT = Path(__file__).parent.parent
SHIPPED = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt is not installed")

# Every kind of entry msgfmt treats on its own: context, plurals (one with an
# empty form), fuzzy, untranslated, obsolete, a fuzzy header, non-ASCII keys.
MIXED = r'''# A header msgfmt keeps although it is fuzzy.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: mixed 1\n"
"POT-Creation-Date: 2026-01-01 00:00+0000\n"
"PO-Revision-Date: 2026-01-02 00:00+0000\n"
"Language: uk\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgctxt "headline"
msgid "Kyiv"
msgstr "Київ"

msgctxt "paragraph"
msgid "Kyiv"
msgstr "Київ у тексті"

msgid "Kyiv"
msgstr "Київ без контексту"

msgid "{n} soldier"
msgid_plural "{n} soldiers"
msgstr[0] "{n} солдат"
msgstr[1] "{n} солдати"
msgstr[2] "{n} солдатів"

msgid "{n} tank"
msgid_plural "{n} tanks"
msgstr[0] "{n} танк"
msgstr[1] ""
msgstr[2] ""

msgid "{n} city"
msgid_plural "{n} cities"
msgstr[0] ""
msgstr[1] "{n} міста"
msgstr[2] "{n} міст"

#, fuzzy
msgid "Fuzzy entry."
msgstr "Неперевірений переклад."

msgid "Untranslated entry."
msgstr ""

msgid "Ärger über Żółć"
msgstr "Прикрість"

#~ msgid "Obsolete entry."
#~ msgstr "Застарілий запис."
'''


def msgfmt(path: Path) -> bytes:
    """What GNU msgfmt compiles (little-endian, as we write, on any host)."""
    return subprocess.run(["msgfmt", "--endianness=little", "-o", "-", str(path)],
                          capture_output=True, check=True).stdout


def messages(mo: bytes) -> dict[object, str]:
    """The MO file's messages as Python's gettext reads them (the header under "")."""
    return dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]


@needs_msgfmt
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_shipped_catalogs_compile_to_msgfmt_bytes(path: Path) -> None:
    ours = format_mo(read_po(path))
    assert messages(ours) == messages(msgfmt(path))
    assert ours == msgfmt(path)


@needs_msgfmt
@pytest.mark.parametrize("count", [0, 1, 2, 3, 7, 40])
def test_every_kind_of_entry_compiles_to_msgfmt_bytes(tmp_path: Path, count: int) -> None:
    """Also the small hash tables, where gettext's next_prime has its quirk (2 strings: 5 slots)."""
    path = tmp_path / "mixed.po"
    extra = "".join(f'msgid "Sentence {i}."\nmsgstr "Речення {i}."\n\n' for i in range(count))
    path.write_text(MIXED.replace('#~ msgid "Obsolete', extra + '#~ msgid "Obsolete'), "utf-8")
    ours = format_mo(read_po(path))
    assert messages(ours) == messages(msgfmt(path))
    assert ours == msgfmt(path)


@needs_msgfmt
@pytest.mark.parametrize("count", range(6))
def test_small_catalogs_get_msgfmts_hash_table_size(tmp_path: Path, count: int) -> None:
    """gettext's next_prime calls 3 composite: a header and one entry get 5 slots, not 3."""
    path = tmp_path / "small.po"
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path.write_text(header + "".join(f'msgid "S{i}"\nmsgstr "Р{i}"\n\n' for i in range(count)), "utf-8")
    assert format_mo(read_po(path)) == msgfmt(path)


def test_header_is_the_catalogs_without_pot_creation_date() -> None:
    catalog = read_po(ROOT / "locales" / "uk" / "LC_MESSAGES" / "bakhmut-un-chief.po")
    header = messages(format_mo(catalog))[""]
    expected = catalog.header.msgstr.replace(f"POT-Creation-Date: {catalog.header_fields()['POT-Creation-Date']}\n", "")
    assert header == expected
    assert "Project-Id-Version: l10n articles\n" in header and "FULL NAME" not in header and "POT-Creation" not in header


def test_two_builds_with_the_clock_moved_give_the_same_mo_files(translated_project: Path, cli,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("build").exit_code == 0
    built = sorted((translated_project / "build").glob("*/LC_MESSAGES/*.mo"))
    first = [path.read_bytes() for path in built]
    assert len(first) == 2
    _move_clock(monkeypatch, datetime.timedelta(days=40, minutes=7))
    assert cli("build").exit_code == 0
    assert [path.read_bytes() for path in built] == first


def _move_clock(monkeypatch: pytest.MonkeyPatch, by: datetime.timedelta) -> None:
    """Every ``datetime.datetime.now()``/``time.time()`` looked up at call time now runs ``by`` ahead."""
    real = datetime.datetime

    class Later(real):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> datetime.datetime:  # type: ignore[override]
            return real.now(tz) + by

    shifted = time.time() + by.total_seconds()
    assert Later.now() - real.now() > datetime.timedelta(days=39)
    monkeypatch.setattr(datetime, "datetime", Later)
    monkeypatch.setattr(time, "time", lambda: shifted)


def _gettext_hash_string(data: bytes) -> int:
    """gettext-runtime/intl/hash-string.c, line for line (unsigned long of 32 bits)."""
    hval = 0
    for byte in data:
        hval = ((hval << 4) + byte) & 0xFFFFFFFF
        g = hval & (0xF << 28)
        if g:
            hval ^= g >> 24
            hval ^= g
    return hval


@given(st.binary(max_size=300))
def test_hash_is_gettexts_hash_string(data: bytes) -> None:
    assert _hashpjw.__wrapped__(data) == _gettext_hash_string(data)
