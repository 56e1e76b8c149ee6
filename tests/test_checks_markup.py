"""Placeholders, URLs and format specifiers must survive translation."""

import pytest

from l10n.checks import CheckOptions, check_message
from l10n.model import Message

OPTIONS = CheckOptions(select=("markup",))


def found(msgid: str, msgstr: str, lang: str = "uk", flags: list[str] | None = None, plural: dict[int, str] | None = None) -> list[str]:
    message = Message(msgid, msgstr, flags=flags or [])
    if plural is not None:
        message.msgid_plural, message.msgstr_plural, message.msgstr = msgid + "s", plural, ""
    return [f"{f.check}: {f.message}" for f in check_message(message, lang, OPTIONS)]


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr"),
    [
        ("uk", "Read <1>the report</1> and <2/>.", "Прочитайте <2/> і <1>звіт</1>."),
        ("ru", "Read <1>the <2>full</2> report</1>.", "Прочитайте <1><2>полный</2> отчет</1>."),
        ("uk", "See https://www.rferl.org/a/1.html today.", "Дивіться https://www.rferl.org/a/1.html сьогодні."),
        ("ru", "No markup at all.", "Никакой разметки."),
        ("uk", "Tom &amp; Jerry took [the city] <1>today</1>.", "«Том &amp; Джеррі» — узяли [місто] <1>сьогодні</1>, з’їзд."),
        ("uk", "A <b>bold</b> claim.", "<b>Сміливе</b> твердження."),
    ],
)
def test_kept_markup_passes(lang: str, msgid: str, msgstr: str) -> None:
    assert found(msgid, msgstr, lang) == []


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "expected"),
    [
        ("uk", "Read <1>the report</1>.", "Прочитайте звіт.", "placeholders: placeholder(s) missing from the translation: </1> <1>"),
        ("ru", "Read <1>the report</1>.", "Прочитайте <1>отчет</1> <1>здесь</1>.", "placeholders: placeholder(s) used more often than in the source: </1> <1>"),
        ("uk", "Read the report.", "Прочитайте <3/>звіт.", "placeholders: placeholder(s) not in the source: <3/>"),
        ("ru", "Read <1>the <2>full</2> report</1>.", "Прочитайте <1><2>полный</1> отчет</2>.", "placeholders: placeholder </1> closes out of order (open: <1> <2>)"),
        ("uk", "Read <1>it</1>.", "Прочитайте </1>це<1>.", "placeholders: placeholder </1> closes out of order (open: none)"),
        ("uk", "See https://rferl.org/a today.", "Дивіться https://rferl.org/b сьогодні.", "urls: URL missing or changed: https://rferl.org/a"),
        ("ru", "See the site.", "Смотрите https://evil.example сайт.", "urls: URL not in the source: https://evil.example"),
    ],
)
def test_broken_markup_fails(lang: str, msgid: str, msgstr: str, expected: str) -> None:
    assert expected in found(msgid, msgstr, lang)


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "expected"),
    [
        ("uk", "Read <1>the report</1>.", "Прочитайте <1> звіт </1>.", "after <1>, before </1>"),
        ("ru", "Read <1>the report</1> and <2>more</2>.", "Прочитайте <1>отчет</1> и <2>ещё </2>.", "before </2>"),
        ("uk", "Read <1>the <2>full</2> report</1>.", "Прочитайте <1><2> повний</2> звіт</1>.", "after <2>"),
    ],
)
def test_a_space_just_inside_a_pair_is_a_warning(lang: str, msgid: str, msgstr: str, expected: str) -> None:
    assert found(msgid, msgstr, lang) == [f"placeholder-spacing: space just inside the placeholder pair: {expected}"]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Read <1>the report</1> and <2>more</2>.", "Прочитайте <1>звіт</1> і <2>більше</2>."),
        ("Read <1> the report</1>.", "Прочитайте <1> звіт</1>."),  # the source has it too
        ("See <1/> and <2/> here.", "Дивіться <1/> і <2/> тут."),
    ],
)
def test_spaces_between_or_outside_pairs_pass(msgid: str, msgstr: str) -> None:
    assert found(msgid, msgstr) == []


def test_format_specifiers() -> None:
    flags = ["python-format"]
    assert found("Hello %(name)s, %(count)d new", "Привіт %(name)s, нових: %(count)d", flags=flags) == []
    assert found("%(a)s then %(b)s", "%(b)s потім %(a)s", flags=flags) == []
    assert found("Hello %(name)s", "Привіт", flags=flags) == ["format-specifiers: format specifier(s) missing: %(name)s"]
    assert found("Hello %(name)s", "Привіт %(nmae)s", flags=flags)[0].startswith("format-specifiers: format specifier(s) not in the source")
    assert found("%s of %d", "%d з %s", flags=flags) == ["format-specifiers: positional format specifiers changed order: %s %d → %d %s"]
    assert found("{0} of {1}", "{1} з {0}", flags=["python-brace-format"]) == []
    assert found("100% sure", "на 100% впевнений") == []  # no format flag: % is text


def test_plural_forms_may_drop_the_count() -> None:
    plural = {0: "одна хвилина", 1: "%(n)d хвилини", 2: "%(n)d хвилин"}
    assert found("%(n)d minute", "", flags=["python-format"], plural=plural) == []
    plural[2] = "%(m)d хвилин"
    assert found("%(n)d minute", "", flags=["python-format"], plural=plural) == ["format-specifiers: msgstr[2]: format specifier(s) not in the source: %(m)d"]
