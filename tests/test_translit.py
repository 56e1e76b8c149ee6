"""The romanization tables: official 2010 examples both ways, Russian press spellings."""

from __future__ import annotations

import pytest

from l10n.translit import (
    name_forms,
    origin,
    region_forms,
    romanize_uk,
    ru_from_latin,
    ru_from_uk,
    uk_from_latin,
    uk_from_ru,
)

# Examples printed in the table of Cabinet of Ministers resolution No. 55 (27 January 2010).
OFFICIAL_2010 = {
    "Алушта": "Alushta", "Борщагівка": "Borshchahivka", "Вінниця": "Vinnytsia", "Гадяч": "Hadiach",
    "Згорани": "Zghorany", "Ґалаґан": "Galagan", "Дон": "Don", "Рівне": "Rivne", "Єнакієве": "Yenakiieve",
    "Наєнко": "Naienko", "Житомир": "Zhytomyr", "Закарпаття": "Zakarpattia", "Медвин": "Medvyn",
    "Іршава": "Irshava", "Їжакевич": "Yizhakevych", "Кадиївка": "Kadyivka", "Йосипівка": "Yosypivka",
    "Стрий": "Stryi", "Олексій": "Oleksii", "Київ": "Kyiv", "Миколаїв": "Mykolaiv", "Ніжин": "Nizhyn",
    "Одеса": "Odesa", "Полтава": "Poltava", "Харків": "Kharkiv", "Біла Церква": "Bila Tserkva",
    "Чернівці": "Chernivtsi", "Шостка": "Shostka", "Гоща": "Hoshcha", "Юрій": "Yurii",
    "Корюківка": "Koriukivka", "Яготин": "Yahotyn", "Ічня": "Ichnia", "Знам'янка": "Znamianka",
    "Згурський": "Zghurskyi", "Щербухи": "Shcherbukhy", "Ужгород": "Uzhhorod",
}


@pytest.mark.parametrize("cyrillic, latin", OFFICIAL_2010.items())
def test_official_examples_romanize_and_reverse(cyrillic: str, latin: str) -> None:
    assert romanize_uk(cyrillic) == latin
    assert " ".join(uk_from_latin(word) for word in latin.split()) == cyrillic


@pytest.mark.parametrize("latin, cyrillic", [
    ("Syniehubov", "Синєгубов"), ("Zaporizhzhia", "Запоріжжя"), ("Oleh", "Олег"), ("Zelenskyy", "Зеленський"),
    ("Zelenskiy", "Зеленський"), ("Kramatorsk", "Краматорськ"), ("Donetsk", "Донецьк"),
    ("Viacheslav", "В'ячеслав"), ("Sviatoslav", "Святослав"), ("Sloviansk", "Слов'янськ"),
])
def test_newsroom_spellings_of_ukrainian_names_reverse(latin: str, cyrillic: str) -> None:
    assert uk_from_latin(latin) == cyrillic


@pytest.mark.parametrize("latin, russian, ukrainian", [
    ("Gladkov", "Гладков", "Гладков"), ("Belgorod", "Белгород", "Бєлгород"), ("Vyacheslav", "Вячеслав", "В'ячеслав"),
    ("Shoigu", "Шойгу", "Шойгу"), ("Peskov", "Песков", "Пєсков"), ("Putin", "Путин", "Путін"),
    ("Bryansk", "Брянск", "Брянськ"), ("Dzerzhinsky", "Дзержинский", "Дзержинський"),
])
def test_russian_names_reverse_and_ukrainian_press_spelling(latin: str, russian: str, ukrainian: str) -> None:
    assert ru_from_latin(latin) == russian
    assert uk_from_ru(russian) == ukrainian


def test_russian_form_of_a_ukrainian_surname_says_when_it_guessed() -> None:
    assert ru_from_uk("Синєгубов") == ("Синегубов", False)
    assert ru_from_uk("Зеленський") == ("Зеленский", False)
    assert ru_from_uk("Харків") == ("Харкив", True)


@pytest.mark.parametrize("words, expected", [
    (["Oleh", "Syniehubov"], "uk"), (["Ihor", "Terekhov"], "uk"), (["Kharkiv"], "uk"), (["Zaporizhzhia"], "uk"),
    (["Volodymyr", "Zelenskiy"], "uk"), (["Vyacheslav", "Gladkov"], "ru"), (["Belgorod"], "ru"),
    (["Antonio", "Guterres"], None), (["Bakhmut"], None),
])
def test_origin_from_letter_cues(words: list[str], expected: str | None) -> None:
    assert origin(words) == expected


def test_a_ukrainian_place_gets_no_russian_form_when_a_letter_was_guessed() -> None:
    kharkiv = name_forms(["Kharkiv"], "uk", True, {})
    assert (kharkiv.uk, kharkiv.ru) == ("Харків", None)
    bakhmut = name_forms(["Bakhmut"], None, True, {})
    assert (bakhmut.uk, bakhmut.ru) == ("Бахмут", "Бахмут")


def test_region_adjectives() -> None:
    assert region_forms("Бєлгород", "Белгород") == ("Бєлгородська область", "Белгородская область")
    assert region_forms("Донецьк", "Донецк") == ("Донецька область", "Донецкая область")
    assert region_forms("Запоріжжя", None) == (None, None)
