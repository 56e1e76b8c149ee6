"""Numbers in words read as values: English, and Ukrainian and Russian in any case."""

from decimal import Decimal

import pytest

from l10n.numerals import numerals, says_uncounted


def read(text: str, lang: str) -> list[tuple[str, bool]]:
    return [(format(n.value, "f"), n.multiplier) for n in numerals(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Eight soldiers died.", ["8"]),
        ("en", "Twenty-five, forty and three hundred and five shells.", ["25", "40", "305"]),
        ("en", "Two million people; two hundred thousand homes.", ["2000000", "200000"]),
        ("en", "About 1.5 million people.", ["1000000*"]),
        ("en", "Seven or eight tanks.", ["7", "8"]),
        ("en", "One of the bridges, a one-off, in one piece.", []),
        ("en", "Twenty-one tanks, one hundred trucks.", ["21", "100"]),
        ("en", "Hundreds of people, zero-cost, the first and second waves.", []),
        ("uk", "Під час обстрілу поранено вісьмох військових.", ["8"]),
        ("uk", "Колона з восьми вантажівок, розмова з вісьмома мешканцями.", ["8", "8"]),
        ("uk", "Восьмеро з них, семеро поранених.", ["8", "7"]),
        ("uk", "Двадцять п'ять людей, двадцяти пʼяти, сорок сіл, трьохсот снарядів.", ["25", "25", "40", "300"]),
        ("uk", "Три тисячі двісті сорок один.", ["3241"]),
        ("uk", "Близько 1,5 мільйона людей, 2 млн, 10 тис. гривень.", ["1000000*", "1000000*", "1000*"]),
        ("uk", "Два мільйони людей, півтора мільйона біженців.", ["2000000", "1500000"]),
        ("uk", "Один із мостів, одна з них; тисячі людей.", []),
        ("ru", "Восемь военных, из восьми, с восемью жителями, восьмью.", ["8", "8", "8", "8"]),
        ("ru", "Двадцать пять человек, сорока сел, трехсот снарядов.", ["25", "40", "300"]),
        ("ru", "Около 1,5 миллиона человек, полутора миллионов, два миллиона.", ["1000000*", "1500000", "2000000"]),
        ("ru", "Двое из восьми, трое суток.", ["2", "8", "3"]),
    ],
)
def test_numbers_in_words_read_as_values(lang: str, text: str, expected: list[str]) -> None:
    assert [value + ("*" if multiplier else "") for value, multiplier in read(text, lang)] == expected


def test_values_are_decimals() -> None:
    assert [n.value for n in numerals("півтора мільйона", "uk")] == [Decimal("1.5E+6")]


@pytest.mark.parametrize(("text", "expected"), [
    ("A dozen trucks", True), ("He came twice", True), ("the third wave", True), ("one of them", True),
    ("with both hands", False), ("Eight tanks", False), ("Go 1.14 is out", False),
])
def test_words_without_a_value_are_known(text: str, expected: bool) -> None:
    assert says_uncounted(text) is expected
