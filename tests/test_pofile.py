"""PO format layer: golden files, msgcat equivalence, parse errors, real catalogs.

Golden files in tests/data/po/ come in pairs: ``<scenario>.in.po`` written by
hand, ``<scenario>.po`` what GNU msgcat 0.21 makes of it. Tests that need
msgcat itself are skipped when it is not on PATH (CI installs gettext).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.errors import CatalogError
from l10n.model import Catalog, Message
from l10n.pofile import parse_po, read_po
from l10n.powriter import format_po, write_po

DATA = Path(__file__).parent / "data" / "po"
SCENARIOS = sorted(p.name[:-6] for p in DATA.glob("*.in.po"))
HEADER = Message(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
needs_msgcat = pytest.mark.skipif(shutil.which("msgcat") is None,
                                  reason="GNU msgcat (gettext) is not on PATH")


def msgcat(text: str) -> str:
    """What GNU msgcat makes of ``text`` (--force-po only matters for a catalog
    with nothing but a header, which msgcat would otherwise not write at all)."""
    done = subprocess.run(["msgcat", "--force-po", "-"], input=text.encode(), capture_output=True,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def po(body: str) -> str:
    return 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body


# ------------------------------------------------------------ golden files

@pytest.mark.parametrize("scenario", SCENARIOS)
def test_golden_file_round_trips_byte_for_byte(scenario: str) -> None:
    golden = (DATA / f"{scenario}.po").read_text(encoding="utf-8")
    assert format_po(parse_po(golden, f"{scenario}.po")) == golden


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_hand_written_input_is_normalized_like_msgcat(scenario: str) -> None:
    catalog = read_po(DATA / f"{scenario}.in.po")
    assert format_po(catalog) == (DATA / f"{scenario}.po").read_text(encoding="utf-8")


@needs_msgcat
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_golden_file_is_what_this_msgcat_writes(scenario: str) -> None:
    """Fails if the installed gettext/libunistring wraps differently from 0.21/1.0."""
    source = (DATA / f"{scenario}.in.po").read_text(encoding="utf-8")
    assert msgcat(source) == (DATA / f"{scenario}.po").read_text(encoding="utf-8")


@needs_msgcat
def test_programmatic_catalog_is_written_as_msgcat_writes_it() -> None:
    long = "Довге речення, яке не вміститься в один рядок, бо має понад сімдесят дев'ять колонок."
    catalog = Catalog(messages=[
        HEADER,
        Message(msgid=long, msgstr=long, flags=["python-format", "fuzzy", "no-such-flag"],
                references=[f"./docs/chapter-{n}.md:{n * 7}" for n in range(20)],
                translator_comments=["перевірено"]),
        Message(msgid="%d file", msgid_plural="%d files", msgctxt="context", flags=["c-format"],
                msgstr_plural={0: "%d файл", 1: "", 2: long}),
        Message(msgid="old", msgstr=long, obsolete=True, previous_msgid=long, flags=["fuzzy"]),
        Message(msgid="gone", msgstr="", obsolete=True),
        Message(msgid="tab\tquote\"back\\slash\nnew line\n", msgstr="", flags=["fuzzy"]),
    ])
    text = format_po(catalog)
    assert msgcat(text) == text
    assert "gone" not in text and text.index('msgid "old"') > text.index("tab\\t")


# ------------------------------------------------------ hypothesis property

WORDS = ["the", "situation", "catastrophic", "Бахмут", "ситуація", "катастрофічна", "ООН", "e.g.",
         "co-operate", "self-contained", "https://example.org/a/b?c=d&e=f", "docs/guide/intro",
         "«лапки»", "—", "–", "…", "(дужки)", "[1]", "100%", "$5", "3.14", "1,000", "%s", "%d",
         "%(name)s", "% d", "{0}", "{name}", '"quoted"', "'single'", "back\\slash", "\\n",
         "中文", "（全角）", "😀", "🇺🇦", "a\u0301", "\u00a0", "x\u200by", "שלום-עולם", "\r", "\x01",
         "\u2028", "!!!", "?", ";", ":", "/", "-", "a" * 80]
SEPARATORS = [" ", " ", " ", "  ", "", "\n", "\t", "-", "/"]
piece = st.one_of(st.sampled_from(WORDS),
                  st.text(alphabet="abcабв .,-/\\\"'\t%(){}", max_size=12))
text = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=24).map(
    lambda parts: "".join(word + separator for word, separator in parts))
comment = st.text(alphabet="abc абв.,:;!?-/()%#~|", max_size=40)
reference = st.builds("{}/{}.md:{}".format,
                      st.sampled_from(["src", "./docs", "розділ/глава"]),
                      st.sampled_from(["a", "file", "дуже-довга-назва-файлу"]),
                      st.integers(1, 99999))
FLAGS = ["fuzzy", "c-format", "python-format", "python-brace-format", "no-c-format", "no-wrap",
         "range: 0..5", "sh-format", "possible-java-format"]


@st.composite
def messages(draw: st.DrawFn) -> Message:
    msg = Message(msgid=draw(text), msgctxt=draw(st.none() | text),
                  flags=draw(st.lists(st.sampled_from(FLAGS))),
                  translator_comments=draw(st.lists(comment, max_size=2)),
                  extracted_comments=draw(st.lists(comment, max_size=1)),
                  references=draw(st.lists(reference, max_size=12)), obsolete=draw(st.booleans()),
                  previous_msgid=draw(st.none() | text))
    if draw(st.booleans()):
        msg.msgid_plural = draw(text)
        msg.msgstr_plural = {n: draw(text) for n in range(3)}
    else:
        msg.msgstr = draw(text)
    return msg


def numbered(msgs: list[Message]) -> Catalog:
    """Make keys unique (and no entry a second header) by numbering the msgids."""
    for number, msg in enumerate(msgs):
        msg.msgid = f"{number} {msg.msgid}"
    return Catalog(messages=[HEADER, *msgs])


catalogs = st.lists(messages(), min_size=1, max_size=8).map(numbered)
SLOW_OK = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow  # 200 msgcat processes
@needs_msgcat
@settings(SLOW_OK, max_examples=200)
@given(catalogs)
def test_random_catalog_is_written_exactly_as_msgcat_writes_it(catalog: Catalog) -> None:
    text = format_po(catalog)
    assert msgcat(text) == text


def fields(msg: Message) -> tuple[object, ...]:
    return (msg.msgctxt, msg.msgid, msg.msgid_plural, msg.msgstr, msg.msgstr_plural,
            msg.previous_msgid, msg.obsolete, msg.translator_comments, msg.extracted_comments)


@pytest.mark.slow  # hundreds of random catalogs
@settings(SLOW_OK, max_examples=100)
@given(catalogs)
def test_random_catalog_survives_a_write_read_cycle(catalog: Catalog) -> None:
    text = format_po(catalog)
    again = parse_po(text, "random.po")
    assert format_po(again) == text
    kept = [m for m in catalog.messages if not m.obsolete or m.translations[0]]
    assert [fields(m) for m in sorted(kept, key=lambda m: m.obsolete)] == [
        fields(m) for m in again.messages]


# ------------------------------------------------------------ parse errors

BAD = {
    "bad-bom.po": (1, "byte order mark"),
    "bad-charset.po": (1, "charset ISO-8859-1"),
    "bad-comment-inside-entry.po": (4, "missing msgstr"),
    "bad-duplicate-msgid.po": (7, "duplicate message (first defined at line 4)"),
    "bad-eof-without-msgstr.po": (4, "without msgstr"),
    "bad-escape.po": (4, "invalid escape sequence \\q"),
    "bad-missing-msgstr.po": (4, "missing msgstr"),
    "bad-mixed-obsolete.po": (5, "mixes obsolete"),
    "bad-msgstr-before-msgid.po": (4, "msgstr out of order"),
    "bad-plural-index.po": (7, "msgstr[2] out of order"),
    "bad-plural-without-index.po": (6, "msgstr without index"),
    "bad-string-without-keyword.po": (5, "string without a keyword"),
    "bad-text-after-string.po": (5, "unexpected text 'junk'"),
    "bad-unknown-keyword.po": (5, "unknown keyword 'msgfoo'"),
    "bad-unterminated-string.po": (4, "unterminated string"),
    "bad-utf8.po": (5, "invalid UTF-8"),
}


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in DATA.glob("bad-*.po")) == sorted(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_malformed_catalog_error_names_file_and_line(name: str) -> None:
    line, fragment = BAD[name]
    with pytest.raises(CatalogError) as caught:
        read_po(DATA / name)
    assert (caught.value.path, caught.value.line) == (str(DATA / name), line)
    assert fragment in caught.value.message
    assert str(caught.value).startswith(f"{DATA / name}:{line}: ")


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        read_po(tmp_path / "absent.po")


# ------------------------------------------------------ reading, in detail

def test_reads_every_field_with_entry_line_numbers() -> None:
    catalog = parse_po(po(
        "# translator\n#. extracted\n#: a.py:1 ./b.py:22 a.py:1\n#: c.py\n#, fuzzy, python-format\n"
        '#| msgctxt "pc"\n#| msgid "prev"\n#| msgid_plural "prevs"\n'
        'msgctxt "ctx"\nmsgid "one"\nmsgid_plural "many"\n'
        'msgstr[0] "од"\n"на"\nmsgstr[1] "багато"\n\n'
        '#~| msgid "old prev"\n#~ msgid "old"\n#~ msgstr "стар"\n'), "x.po")
    header, msg, old = catalog.messages
    assert (header.lineno, msg.lineno, old.lineno) == (1, 4, 19)
    assert msg.translator_comments == ["translator"] and msg.extracted_comments == ["extracted"]
    assert msg.references == ["a.py:1", "./b.py:22", "c.py"]  # repeats dropped, as gettext does
    assert msg.flags == ["fuzzy", "python-format"]
    assert msg.previous_msgctxt == "pc"
    assert (msg.previous_msgid, msg.previous_msgid_plural) == ("prev", "prevs")
    assert (msg.msgctxt, msg.msgid, msg.msgid_plural) == ("ctx", "one", "many")
    assert msg.msgstr_plural == {0: "одна", 1: "багато"}
    assert (old.obsolete, old.previous_msgid, old.msgstr) == (True, "old prev", "стар")
    assert catalog.path == "x.po" and catalog.header is header


@pytest.mark.parametrize(("line", "flags"), [
    ("#, python-format, fuzzy, c-format", ["fuzzy", "c-format", "python-format"]),
    ("#,fuzzy,no-wrap", ["fuzzy", "no-wrap"]),
    ("#, possible-c-format, impossible-sh-format, no-python-format",
     ["c-format", "no-python-format"]),
    ("#, c-format, no-c-format", ["no-c-format"]),
    ("#, no-wrap, wrap, unknown-flag, ellipsis-unicode-check", []),
    ("#, range: 0..10, range: 5..1", ["range: 0..10"]),
    ("#, range: fuzzy", []),
    ("#, fuzzy\n#, c-format", ["c-format"]),  # gettext keeps only the last #, line
])
def test_flags_are_read_as_gettext_reads_them(line: str, flags: list[str]) -> None:
    msg = parse_po(po(f'{line}\nmsgid "a"\nmsgstr "b"\n'), "x.po").messages[1]
    assert msg.flags == flags


@pytest.mark.parametrize(("line", "refs"), [
    ("#: a.py:1 b.py c.py:x d.py:3:4 e.py:007", ["a.py:1", "b.py", "c.py:x", "d.py:3:4", "e.py:7"]),
    ("#: a.py :1 b.py: 2 c.py : 3", ["a.py:1", "b.py:2", "c.py:3"]),
    ("#: a.py:1,b.py:2\tc.py:3", ["a.py:1,b.py:2", "c.py:3"]),
])
def test_references_are_split_as_gettext_splits_them(line: str, refs: list[str]) -> None:
    assert parse_po(po(f'{line}\nmsgid "a"\nmsgstr "b"\n'), "x.po").messages[1].references == refs


@pytest.mark.parametrize(("literal", "value"), [
    (r'"\303\251\x41"', "éA"),
    (r'"a" "b"  "c"', "abc"),
    (r'"\a\b\f\n\r\t\v\\\""', '\a\b\f\n\r\t\v\\"'),
])
def test_string_literals_decode_like_gettext(literal: str, value: str) -> None:
    assert parse_po(po(f'msgid {literal}\nmsgstr ""\n'), "x.po").messages[1].msgid == value


def test_comment_forms_and_backslash_continuations() -> None:
    text = po('#x\n#  two\n#.\tdot\n#~ # obsolete comment\nmsgid "a\\\nb"\nmsgstr "c"\n')
    msg = parse_po(text, "x.po").messages[1]
    assert msg.translator_comments == ["x", " two", "obsolete comment"]
    assert (msg.extracted_comments, msg.msgid, msg.msgstr) == (["\tdot"], "ab", "c")


def test_template_placeholder_charset_and_trailing_comments_are_accepted() -> None:
    template = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=CHARSET\\n"\n\n# dangling\n'
    assert len(parse_po(template, "t.pot").messages) == 1


# ------------------------------------------------------ writing, in detail

def test_fuzzy_flag_is_kept_in_the_model_but_not_written_for_empty_msgstr() -> None:
    msg = Message(msgid="a", flags=["fuzzy", "c-format"])
    assert format_po(Catalog(messages=[msg])) == '#, c-format\nmsgid "a"\nmsgstr ""\n'
    assert msg.fuzzy


def test_obsolete_entries_go_last_and_empty_ones_are_dropped() -> None:
    catalog = Catalog(messages=[
        Message(msgid="old", msgstr="x", obsolete=True, flags=["range: 1..2", "fuzzy"]),
        Message(msgid="gone", obsolete=True),
        Message(msgid="live", msgstr="y"),
    ])
    expected = 'msgid "live"\nmsgstr "y"\n\n#, fuzzy\n#~ msgid "old"\n#~ msgstr "x"\n'
    assert format_po(catalog) == expected


def test_wrapping_width_escapes_and_first_empty_line() -> None:
    def written(msgid: str) -> str:
        return format_po(Catalog(messages=[Message(msgid=msgid)]))

    assert written("x" * 71) == f'msgid "{"x" * 71}"\nmsgstr ""\n'
    wide = "中" * 36  # 72 columns: one too many for the first line
    assert written(wide).startswith(f'msgid ""\n"{wide}"\n')
    assert written("a\nb").startswith('msgid ""\n"a\\n"\n"b"\n')


def test_write_po_writes_only_when_content_changes(tmp_path: Path) -> None:
    target = tmp_path / "uk" / "doc.po"
    catalog = Catalog(messages=[HEADER, Message(msgid="a", msgstr="б")])
    assert write_po(catalog, target) is True
    assert write_po(catalog, target) is False
    assert target.read_bytes() == format_po(catalog).encode("utf-8")
    assert read_po(target).messages[1].msgstr == "б"


# ------------------------------------------------- real human catalogs

@pytest.mark.slow  # Django's catalogs through msgcat
@needs_msgcat
def test_real_catalogs_are_written_exactly_as_msgcat_writes_them(django_catalogs: list[Path]) -> None:
    """Django's human-translated uk and ru catalogs (the README's claim), every one byte for byte."""
    files = django_catalogs
    mismatched = [str(path) for path in files
                  if format_po(read_po(path)) != msgcat(path.read_text(encoding="utf-8"))]
    assert files and not mismatched
