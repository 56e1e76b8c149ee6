"""Numbers compared by value, each side read with its own locale's conventions."""

import pytest

from l10n.checks import CheckOptions, check_message
from l10n.model import Message

OPTIONS = CheckOptions(select=("numbers",))


def found(msgid: str, msgstr: str, lang: str, flags: list[str] | None = None) -> list[str]:
    return [f.message for f in check_message(Message(msgid, msgstr, flags=flags or []), lang, OPTIONS)]


@pytest.mark.parametrize("lang", ["uk", "ru"])
@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("1,600 soldiers were killed.", "Загинули 1600 військових."),
        ("1,600 soldiers were killed.", "Загинули 1 600 військових."),
        ("1,600 soldiers were killed.", "Загинули 1\u00a0600 військових."),
        ("1,600 soldiers were killed.", "Загинули 1\u202f600 військових."),
        ("A prewar population of 70,000.", "До війни там жило 70 000 людей."),
        ("A prewar population of 70,000.", "До війни там жило 70\u00a0000 людей."),
        ("In the past 24 hours.", "За останні 24 години."),
        ("Prices rose 3.5 percent.", "Ціни зросли на 3,5 відсотка."),
        ("Seventy thousand people lived there.", "Там жили 70 000 людей."),
        ("Two tanks arrived.", "Прибули 2 танки."),
        ("Enter %(count)d items.", "Введіть %(count)d елементів."),
        ("See https://example.org/2023/page1.", "Див. https://example.org/2023/page1."),
        ("In <1>2023</1>, 10 tanks.", "У <1>2023</1> році 10 танків."),
    ],
)
def test_same_values_pass(lang: str, msgid: str, msgstr: str) -> None:
    assert found(msgid, msgstr, lang, ["python-format"]) == []


@pytest.mark.parametrize("lang", ["uk", "ru"])
@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("1,600 soldiers were killed.", "Загинули 1500 військових.", "1,600"),
        ("1,600 soldiers were killed.", "Загинули 1,600 військових.", "1,600"),  # reads 1.6 in uk/ru
        ("A prewar population of 70,000.", "До війни там жило 7 000 людей.", "70,000"),
        ("Prices rose 3.5 percent.", "Ціни зросли на 35 відсотків.", "3.5"),
        ("Over the past 24 hours.", "За минулі 12 годин.", "24"),
        ("Tanks arrived.", "Прибули 10 танків.", "not in the source: 10"),
    ],
)
def test_changed_missing_or_extra_numbers_fail(lang: str, msgid: str, msgstr: str, problem: str) -> None:
    messages = found(msgid, msgstr, lang)
    assert messages and any(problem in m for m in messages)


@pytest.mark.parametrize(("lang", "msgstr"), [("uk", "За минулу добу загинули 1600."), ("ru", "За последние сутки погибли 1600.")])
def test_24_hours_may_be_a_day(lang: str, msgstr: str) -> None:
    assert found("1,600 were killed over the past 24 hours.", msgstr, lang) == []


def test_message_shows_the_local_spelling() -> None:
    (message, *_) = found("1,600 soldiers.", "1500 військових.", "uk")
    assert message == "number 1,600 of the source is missing (written 1\u00a0600 in uk)"


def test_space_grouping_may_be_two_numbers() -> None:
    # "In 2023 100 people" – a space-grouped reading must not hide either number.
    assert found("In 2023, 100 people left.", "У 2023 100 людей виїхали.", "uk") == []


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "messages"),
    [
        ("uk", "Eight soldiers died.", "Загинули семеро військових.", ["the source spells 8; the translation says 7"]),
        ("uk", "Six died.", "Загинули сім.", ["the source spells 6; the translation says 7"]),
        ("ru", "Eight died.", "Погибли семеро.", ["the source spells 8; the translation says 7"]),
        ("uk", "Eight soldiers died.", "Загинули вісім військових.", []),
        ("uk", "He met eight men.", "Він зустрівся з вісьмома чоловіками.", []),
        ("uk", "Eight of them.", "Восьмеро з них.", []),
        ("ru", "Eight of them.", "Из восьми.", []),
        ("ru", "Eight of them.", "Восьмью.", []),
        ("ru", "Eight died.", "Погибли 8.", []),
        ("uk", "One of them.", "Один з них.", []),
        ("ru", "Two of eight.", "Двое из восьми.", []),
    ],
)
def test_spelled_numbers_compare_by_value(lang: str, msgid: str, msgstr: str, messages: list[str]) -> None:
    from l10n.checks import CheckOptions, check_message
    from l10n.model import Message

    options = CheckOptions(terms=(), select=("spelled-numbers",))
    assert [f.message for f in check_message(Message(msgid, msgstr), lang, options)] == messages
