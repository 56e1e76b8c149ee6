"""What GNU gettext reads, we read: each form against msgcat and msgfmt 0.21.

For every accepted form, msgcat's output for the file must equal what our
writer makes of our reading of it (or, for a non-UTF-8 file, the messages we
decode must equal those of ``msgcat --to-code=UTF-8`` re-read), and
``msgfmt --statistics`` must count what ``l10n stats`` counts. Forms gettext
refuses, we refuse too.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from l10n.errors import CatalogError
from l10n.model import Catalog, Message
from l10n.pofile import parse_po, read_po
from l10n.powriter import format_po, write_po

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n\n'


def _msgcat(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """msgcat's output, decoded without newline translation (a CR stays a CR)."""
    run = subprocess.run(["msgcat", "--force-po", *options, "-o", "-", str(path)], capture_output=True)
    return subprocess.CompletedProcess(run.args, run.returncode, run.stdout.decode("utf-8"), run.stderr.decode("utf-8"))


def _msgfmt_counts(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as msgfmt --statistics prints them;
    run in the file's folder without -o, so each domain gets its own MO file."""
    run = subprocess.run(["msgfmt", "--statistics", path.name], capture_output=True, text=True, cwd=path.parent)
    assert run.returncode == 0, run.stderr
    numbers = [re.search(rf"(\d+) {word}", run.stderr) for word in ("translated", "fuzzy", "untranslated")]
    return tuple(int(m.group(1)) if m else 0 for m in numbers)  # type: ignore[return-value]


def _our_counts(catalog: Catalog) -> tuple[int, int, int]:
    states = [m.state for m in catalog.entries()]
    return states.count("translated"), states.count("fuzzy"), states.count("untranslated")


ACCEPTED = {
    "domain-lines": HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "б"\n\n# dropped, as gettext drops it\n'
    'domain "other"\n\n' + HEADER.format(charset="UTF-8") + '#, fuzzy\nmsgid "a"\nmsgstr "в"\n\nmsgid "c"\nmsgstr ""\n',
    "domain-first": 'domain "news"\n' + HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "б"\n',
    "default-domain-named": 'domain "messages"\n' + HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "б"\n',
    "comment-after-last-string": HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "б" # about c\n'
    'msgid "c"\nmsgstr "д"\n"е" #, fuzzy\nmsgid "f"\nmsgstr "ж"#no space\n',
    "charset-ascii": HEADER.format(charset="ASCII") + 'msgid "a"\nmsgstr "b"\n',
    "charset-us-ascii": HEADER.format(charset="US-ASCII") + 'msgid "a"\nmsgstr "b"\n',
    "cr-inside-comments": HEADER.format(charset="UTF-8") + '# a\rb\n#. c\rd\n# ends in CR\r\nmsgid "a"\nmsgstr "б"\n',
}


@pytest.mark.polib_differs  # a comment after the last string, CR inside comments
@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_form_reads_as_msgcat_reads_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.po"
    path.write_bytes(ACCEPTED[name].encode("utf-8"))
    gettext = _msgcat(path)
    assert gettext.returncode == 0, gettext.stderr
    catalog = read_po(path, foreign=True)
    assert format_po(catalog) == gettext.stdout
    assert _our_counts(catalog) == _msgfmt_counts(path)


def test_domains_keep_their_entries_apart() -> None:
    catalog = parse_po(ACCEPTED["domain-lines"], "d.po")
    assert [(m.domain, m.msgid, m.msgstr) for m in catalog.messages][1:] == [
        ("messages", "a", "б"), ("other", "", catalog.messages[2].msgstr), ("other", "a", "в"), ("other", "c", "")]
    assert catalog.messages[2].translator_comments == []


def test_comment_after_the_last_string_belongs_to_the_next_entry() -> None:
    messages = parse_po(ACCEPTED["comment-after-last-string"], "c.po").messages
    assert messages[2].translator_comments == ["about c"] and messages[2].msgstr == "де"
    assert messages[3].fuzzy


REFUSED = {
    # gettext: "missing 'msgstr' section" / "syntax error"
    "comment-after-msgid": (HEADER.format(charset="UTF-8") + 'msgid "a" # note\nmsgstr "б"\n', 6, "missing msgstr"),
    "comment-before-a-continuation": (HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "б" # x\n"в"\n', 8,
                                      "string without a keyword"),
    "ascii-declared-utf8-text": (HEADER.format(charset="ASCII") + 'msgid "a"\nmsgstr "б"\n', 7, "not valid ASCII"),
    "domain-inside-an-entry": (HEADER.format(charset="UTF-8") + 'msgid "a"\ndomain "x"\nmsgstr "б"\n', 6, "missing msgstr"),
    "duplicate-in-one-domain": ('domain "x"\n' + HEADER.format(charset="UTF-8") + 'msgid "a"\nmsgstr "б"\n\n'
                                'msgid "a"\nmsgstr "в"\n', 10, "duplicate message"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_form_is_refused_by_msgcat_too(tmp_path: Path, name: str) -> None:
    text, line, fragment = REFUSED[name]
    path = tmp_path / f"{name}.po"
    path.write_bytes(text.encode("utf-8"))
    assert _msgcat(path).returncode == 1
    with pytest.raises(CatalogError) as caught:
        read_po(path, foreign=True)
    assert caught.value.line == line and fragment in caught.value.message


# ------------------------------------------------------ non-UTF-8 charsets

LEGACY = {
    "ISO-8859-1": ("de", "Straße", "Grüße"),
    "KOI8-R": ("ru", "Улица", "Привет"),
    "KOI8-U": ("uk", "Вулиця", "Привіт, ґанок"),
    "CP1251": ("uk", "Вулиця", "Їжак і ґанок"),
}


@pytest.mark.parametrize("charset", sorted(LEGACY))
def test_catalog_in_a_legacy_charset_is_decoded_for_stats_and_check(tmp_path: Path, charset: str) -> None:
    lang, one, two = LEGACY[charset]
    text = (HEADER.format(charset=charset) + f'msgid "Street"\nmsgstr "{one}"\n\n#, fuzzy\nmsgid "Hello"\n'
            f'msgstr "{two}"\n\nmsgid "Later"\nmsgstr ""\n')
    path = tmp_path / "legacy.po"
    path.write_bytes(text.encode(charset))
    converted = _msgcat(path, "--to-code=UTF-8")
    assert converted.returncode == 0, converted.stderr
    theirs = parse_po(converted.stdout, "converted.po")
    ours = read_po(path, foreign=True)
    assert [(m.msgid, m.msgstr) for m in ours.entries()] == [(m.msgid, m.msgstr) for m in theirs.entries()]
    assert [m.msgstr for m in ours.entries()][:2] == [one, two]
    assert _our_counts(ours) == _msgfmt_counts(path) == (1, 1, 1)


@pytest.mark.parametrize("charset", sorted(LEGACY))
def test_legacy_charset_is_refused_for_rewriting_with_the_conversion_command(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "legacy.po"
    path.write_bytes((HEADER.format(charset=charset) + 'msgid "a"\nmsgstr "b"\n').encode(charset))
    with pytest.raises(CatalogError, match=f"charset {charset} is not UTF-8.*msgconv --to-code=UTF-8") as caught:
        read_po(path)
    assert caught.value.line == 1
    with pytest.raises(CatalogError, match="msgconv"):
        format_po(read_po(path, foreign=True))


def test_a_second_domain_is_refused_for_rewriting(tmp_path: Path) -> None:
    path = tmp_path / "d.po"
    path.write_text(ACCEPTED["domain-lines"], encoding="utf-8")
    with pytest.raises(CatalogError, match="domain 'other'") as caught:
        read_po(path)
    assert caught.value.line == 12  # the other domain's header


def test_stats_and_check_read_a_legacy_catalog(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "legacy.po"
    path.write_bytes((HEADER.format(charset="KOI8-R") + 'msgid "Street"\nmsgstr "Улица"\n').encode("koi8-r"))
    monkeypatch.chdir(tmp_path)
    stats = cli("stats", "legacy.po")
    assert stats.exit_code == 0 and "1 translated" in stats.output
    assert cli("check", "--select", "validity", "legacy.po").exit_code == 0


# ------------------------------------------- the writer writes what reads back

@pytest.mark.parametrize("comment", ["two\nlines", "ends in a backslash\\", "\n"])
@pytest.mark.parametrize("field", ["translator_comments", "extracted_comments"])
def test_comment_that_cannot_read_back_is_refused(tmp_path: Path, field: str, comment: str) -> None:
    message = Message("a", "б")
    getattr(message, field).append(comment)
    catalog = Catalog([Message("", "Content-Type: text/plain; charset=UTF-8\n"), message], path=str(tmp_path / "x.po"))
    with pytest.raises(CatalogError, match="a PO comment cannot hold"):
        write_po(catalog, tmp_path / "x.po")
    assert not (tmp_path / "x.po").exists()


@pytest.mark.polib_differs  # polib splits comments on a bare CR
@pytest.mark.parametrize("comment", ["a\rb", "back\\slash inside", "  indented", "", "~ tilde", "| bar", ", comma"])
def test_comment_the_writer_accepts_reads_back_the_same(tmp_path: Path, comment: str) -> None:
    message = Message("a", "б", translator_comments=[comment], extracted_comments=[comment])
    text = format_po(Catalog([Message("", "Content-Type: text/plain; charset=UTF-8\n"), message]))
    again = parse_po(text, "x.po").messages[1]
    assert (again.translator_comments, again.extracted_comments) == ([comment], [comment])
    path = tmp_path / "x.po"
    path.write_text(text, encoding="utf-8")
    assert _msgcat(path).stdout == text


def test_non_ascii_text_under_an_ascii_header_is_refused() -> None:
    catalog = Catalog([Message("", "Content-Type: text/plain; charset=ASCII\n"), Message("a", "б")])
    with pytest.raises(CatalogError, match="not ASCII"):
        format_po(catalog)
