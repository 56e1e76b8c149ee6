"""The PO reader's short cuts read every line as its general path does.

Two kinds of line skip the reader's general path: a plain string that
continues the open one (``"text"``) and a live keyword line with one plain
literal (``msgid "text"``). Whatever the input, valid or not, the catalog
read or the error raised (its message and line) must be the same with the
short cuts switched off.
"""

from __future__ import annotations

from contextlib import nullcontext
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pofile import catalogs

from l10n import pofile
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
        with patches:
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
