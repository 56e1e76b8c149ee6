"""The PO reader's short cuts read every line as its general path does.

Three things skip the reader's general path (the line-by-line state
machine): a plain string that continues the open one (``"text"``), a live
keyword line with one plain literal (``msgid "text"``), and a whole entry of
the common shape that ``l10n.poscan`` reads with one regex. Whatever the
input, valid or not, the catalog read or the error raised (its message and
line) must be the same with the short cuts switched off: on generated lines
and entries, on written catalogs, and on real ones (the shipped catalogs,
the test data, Django's).
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pofile import catalogs

from l10n import pofile, poscan
from l10n.errors import CatalogError
from l10n.model import Catalog
from l10n.pofile import parse_po
from l10n.powriter import format_po

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
LINES = ['msgid "a"', 'msgid "b"', 'msgstr "c"', 'msgstr ""', '"d"', '""', '"e\\"f"', '"g\\n"',
         '#~ msgid "h"', '#~ msgstr "i"', '#~ "j"', '#| msgid "k"', '#| "l"', '#~| msgid "m"',
         'msgctxt "n"', 'msgid_plural "o"', 'msgstr[0] "p"', 'msgstr[1] "q"', "# note", "#, fuzzy",
         "#: a.md:1", "#. extracted", "", 'msgid "r" "s"', '"t" "u"', '"v" # w', 'msgstr "x" ',
         '  "y"', 'msgid  "z"', 'msgid "unterminated', '"', 'msgid "bad \\q"', 'domain "d"',
         'msgfoo "a"', 'msgid "é"', '"\\\\"']


def read_both_ways(text: str) -> tuple[object, object]:
    """What parse_po makes of ``text`` with and without the short cuts: the
    messages, or the error's message and line."""
    def outcome(general: bool) -> object:
        patches = (mock.patch.multiple(pofile._Parser, extend=mock.Mock(return_value=False),
                                       keyword_line=mock.Mock(return_value=False))
                   if general else nullcontext())
        with patches, mock.patch.object(poscan, "entry", return_value=None) if general else nullcontext():
            try:
                return parse_po(text, "x.po").messages
            except CatalogError as error:
                return (error.message, error.line)

    return outcome(False), outcome(True)


@pytest.mark.slow  # thousands of generated cases
@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14))
def test_random_lines_read_the_same_both_ways(lines: list[str]) -> None:
    fast, general = read_both_ways(HEADER + "\n".join(lines) + "\n")
    assert fast == general


LITERALS = ['"a"', '""', '"b\\"c"', '"d\\n"', '"e" "f"', '"й"', '"i\\\\"', '"j" ', '"k"', '"l m"'] * 8
SLIPS = ['"g" # h', '"unterminated', '"\\q"']  # a comment mid-entry, two bad literals


@st.composite
def entries(draw: st.DrawFn, number: int) -> list[str]:
    """An entry's lines, mostly well formed: the prefix, the literal or a
    stray continuation sometimes goes wrong."""
    prefix = st.sampled_from([""] * 60 + ["#~ ", "#| ", "  ", "\t"])
    literal = st.sampled_from(LITERALS + SLIPS)
    continuation = st.lists(st.tuples(prefix, literal).map("".join), max_size=2)
    lines = draw(st.lists(st.sampled_from(["# note", "#, fuzzy", "#: a.md:1", "#| msgid \"old\""]),
                          max_size=2))
    keywords = ["msgctxt"] * draw(st.booleans()) + ["msgid", "msgstr"]
    for keyword in keywords:
        unique = [f'"{number}"'] if keyword == "msgid" else []  # no duplicate entries
        lines += [f"{draw(prefix)}{keyword} {draw(literal)}", *unique, *draw(continuation)]
    return lines + [""]


@pytest.mark.slow  # thousands of generated cases
@settings(max_examples=400, deadline=None)
@given(st.integers(0, 6).flatmap(lambda count: st.tuples(*map(entries, range(count)))))
def test_entries_with_slips_read_the_same_both_ways(catalog: tuple[list[str], ...]) -> None:
    fast, general = read_both_ways(HEADER + "".join(line + "\n" for lines in catalog for line in lines))
    assert fast == general


@pytest.mark.slow  # thousands of generated cases
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs)
def test_written_catalogs_read_the_same_both_ways(catalog: Catalog) -> None:
    fast, general = read_both_ways(format_po(catalog))
    assert isinstance(fast, list) and fast == general


def test_short_cut_errors_name_the_line() -> None:
    """The errors a short-cut line can raise, each at its own line."""
    cases = {'#~ msgid "a"\nmsgstr "x"\n': (5, "mixes obsolete"),
             '#~ msgid "a"\n"b"\n#~ msgstr ""\n': (5, "mixes obsolete"),
             'msgid "a"\nmsgid "b"\n': (4, "missing msgstr (line 5 starts a new entry)"),
             'msgstr "x"\n': (4, "msgstr out of order"),
             'msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n': (7, "duplicate message"),
             '#| msgid "a"\n"b"\n': (5, "string without a keyword")}
    for body, (line, fragment) in cases.items():
        fast, general = read_both_ways(HEADER + body)
        assert fast == general and isinstance(fast, tuple)
        assert fast[1] == line and fragment in str(fast[0]), body


READ = ["#. paragraph 2", "#.  two spaces", "#.", "#: source/a.md:3", "#: a.md:1 b.md:2 a.md:1", "#:a.md:1",
        "#: a:b:0", "#: a.md:1\r", "#, fuzzy", "#,fuzzy, no-wrap", "#, python-format", "# note", "#", "#note",
        "#  indented", "#. \r"]  # what poscan reads
ODD = ["#: a.md:01", "#: a.md :1", "#: a.md: 1", "#: a.md:1 :2", "#: a.md 7", "# ends \\", "#~ old",
       '#| msgid "old"', "  #. indented", 'domain "d"']  # what it leaves to the state machine
STRINGS = ['"a"', '""', '"b \\"c\\""', '"d\\n"', '"e\\\\"', '"\\t"', '"é"']
ODD_STRINGS = ['"f\\q"', '"g\\x41"', '"h\\101"', '"i\\"', '"j" "k"', '"l" ', '"m\r"', '"n']


@st.composite
def scanned_entries(draw: st.DrawFn) -> str:
    """An entry near the shape poscan reads (comments, msgctxt?, msgid,
    msgstr, wrapped or not), often exactly it, sometimes one line off."""
    odd = draw(st.integers(0, 3)) == 0
    body = st.sampled_from(STRINGS + ODD_STRINGS if odd else STRINGS)
    comment = st.sampled_from(READ + ODD if odd else READ)
    refs = st.text(alphabet="a:01 \t.", max_size=10).map(lambda refs: "#:" + refs)  # gettext re-splits some
    lines = draw(st.lists(st.one_of(comment, comment, comment, refs), max_size=4))
    for keyword in ["msgctxt"] * draw(st.booleans()) + ["msgid", "msgstr"]:
        first = draw(st.sampled_from(['""'] * 3 + [f'"{draw(st.integers(0, 3))}"']) if keyword == "msgid" else body)
        lines += [f"{keyword} {first}", *draw(st.lists(body, max_size=3))]
    return "\n".join(lines) + "\n" * draw(st.sampled_from([1, 1, 1, 2, 0]))  # 0: joined to the next entry


@pytest.mark.slow  # thousands of generated cases
@settings(max_examples=800, deadline=None)
@given(st.lists(scanned_entries(), max_size=5))
def test_scanned_entries_read_the_same_both_ways(entries: list[str]) -> None:
    fast, general = read_both_ways(HEADER + "".join(entries))
    assert fast == general


def test_the_scanner_reads_the_entries_l10n_writes() -> None:
    """poscan does read the common shapes (else the tests above compare the
    general path with itself), and the entries it reads are what the general
    path makes of them."""
    text = ('#. paragraph 2\n#: source/a.md:3 source/a.md:9\n#, fuzzy\nmsgctxt "paragraph"\nmsgid ""\n'
            '"Troops held "\n"the \\"town\\"."\nmsgstr "Війська втримали місто."\n\n'
            '# a translator\'s note\nmsgid "b"\nmsgstr ""\n"x\\n"\n\n')
    read = 0
    original = poscan.entry

    def counting(*args: object) -> object:
        nonlocal read
        found = original(*args)  # type: ignore[arg-type]
        read += found is not None
        return found

    with mock.patch.object(poscan, "entry", counting):
        fast, general = read_both_ways(HEADER + text)
    assert read == 3 and isinstance(fast, list) and fast == general


@pytest.mark.parametrize("comment", READ + ODD)
@pytest.mark.parametrize("string", STRINGS + ODD_STRINGS)
def test_each_odd_line_reads_the_same_both_ways(comment: str, string: str) -> None:
    """Each line poscan must read exactly, or leave alone, in an entry
    otherwise of its shape (and after one, so that it closes one)."""
    entry = f'#. note\nmsgid "a"\nmsgstr "b"\n\n{comment}\nmsgctxt "c"\nmsgid ""\n{string}\nmsgstr {string}\n\n'
    fast, general = read_both_ways(HEADER + entry)
    assert fast == general


def real_catalogs() -> list[Path]:
    """The repository's own catalogs and every PO file of the test data, bad ones too."""
    root = Path(__file__).parent.parent
    return sorted([*(root / "locales").rglob("*.po"), *(root / "tests" / "data").rglob("*.po")])


@pytest.mark.parametrize("path", real_catalogs(), ids=lambda path: path.name)
def test_real_catalogs_read_the_same_both_ways(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    fast, general = read_both_ways(text)
    assert fast == general


def test_django_catalogs_read_the_same_both_ways(django_catalogs: list[Path]) -> None:
    for path in django_catalogs:
        fast, general = read_both_ways(path.read_text(encoding="utf-8"))
        assert isinstance(fast, list) and fast == general, path
