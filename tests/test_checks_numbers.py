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


# Numbers that are not quantities: versions, dates, times, identifiers, code.
KEPT = [
    ("Go 1.14 is released.", "Вийшла Go 1.14.", "Вышла Go 1.14."),
    ("Python 3.12.1 fixes the bug.", "У Python 3.12.1 помилку виправлено.", "В Python 3.12.1 ошибка исправлена."),
    ("Announcing Rust 1.88.0", "Анонс Rust 1.88.0", "Анонс Rust 1.88.0"),
    ("Upgrade to v0.3.0 now.", "Оновіться до v0.3.0 вже зараз.", "Обновитесь до v0.3.0 уже сейчас."),
    ("The fix is in version 1.14.", "Виправлення увійшло до версії 1.14.", "Исправление вошло в версию 1.14."),
    ("Go turned 10 on 2019-11-08.", "Go виповнилося 10 років 2019-11-08.", "Go исполнилось 10 лет 2019-11-08."),
    ("The talk was recorded on 11/08/2019.", "Доповідь записали 11/08/2019.", "Доклад записали 11/08/2019."),
    ("The briefing starts at 12:30.", "Брифінг почнеться о 12:30.", "Брифинг начнется в 12:30."),
    ("CVE-2024-1234 affects 3 releases.", "CVE-2024-1234 стосується 3 випусків.", "CVE-2024-1234 затрагивает 3 выпуска."),
    ("RFC 7230 defines the format.", "Формат визначає RFC 7230.", "Формат определяет RFC 7230."),
    ("See issue #1234 for details.", "Подробиці — у задачі #1234.", "Подробности — в задаче #1234."),
    ("The server listens on localhost:8080.", "Сервер слухає localhost:8080.", "Сервер слушает localhost:8080."),
    ("It was fixed in commit 3f2a9c1.", "Це виправили в коміті 3f2a9c1.", "Это исправили в коммите 3f2a9c1."),
    ("Set `timeout = 2.5` in the config.", "Задайте `timeout = 2.5` у конфігурації.", "Задайте `timeout = 2.5` в конфигурации."),
    # Shapes that are never quantities pass verbatim in Cyrillic prose too.
    ("Release 3.12.1 fixes the bug.", "Випуск 3.12.1 виправляє помилку.", "Выпуск 3.12.1 исправляет ошибку."),
    ("Set the timeout to `2.5`.", "Задайте для тайм-ауту значення `2.5`.", "Задайте для тайм-аута значение `2.5`."),
]


@pytest.mark.parametrize(("msgid", "uk", "ru"), KEPT)
@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_numbers_that_are_not_quantities_pass_verbatim(lang: str, msgid: str, uk: str, ru: str) -> None:
    assert found(msgid, {"uk": uk, "ru": ru}[lang], lang) == []


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("Go 1.14 is released.", "Вийшла Go 1.15.", "number 1.14 of the source is missing"),
        ("Go 1.0 came out in 2012.", "Go 1.1 вийшла 2012 року.", "number 1.0 of the source is missing"),  # 1.1 is not 1 and 1
        ("Rust 1.88.0 is out.", "Вийшов Rust 1.88.1.", "number(s) not in the source: 1"),
        ("Python 3.12.1 fixes the bug.", "У Python 3.12.2 помилку виправлено.", "number 1 of the source is missing"),
        ("The fix is in version 1.14.", "Виправлення увійшло до версії 1.41.", "number 1.14 of the source is missing"),
        ("The briefing starts at 12:30.", "Брифінг почнеться о 12:45.", "number 30 of the source is missing"),
        ("CVE-2024-1234 affects 3 releases.", "CVE-2024-1243 стосується 3 випусків.", "number 1234 of the source is missing"),
        ("Go turned 10 on 2019-11-08.", "Go виповнилося 10 років 2019-11-09.", "number 08 of the source is missing"),
        ("8 soldiers were wounded.", "Поранено сімох військових.", "number 8 of the source is missing"),
        # A quantity in Cyrillic prose follows the locale, even when written like the source.
        ("Prices rose 3.5 percent.", "Ціни зросли на 3.5 відсотка.", "number 3.5 of the source is missing"),
        ("1,600 soldiers were killed.", "Загинули 1,600 військових.", "number 1,600 of the source is missing"),
    ],
)
def test_changed_versions_dates_and_identifiers_fail(msgid: str, msgstr: str, problem: str) -> None:
    messages = found(msgid, msgstr, "uk")
    assert any(m.startswith(problem) for m in messages), messages


def spelled(msgid: str, msgstr: str, lang: str) -> list[str]:
    options = CheckOptions(select=("spelled-numbers",))
    return [f.message for f in check_message(Message(msgid, msgstr), lang, options)]


# Numbers in words: cases after prepositions, collectives, tens, hundreds, scales.
SAID = [
    ("Eight soldiers were wounded in the shelling.", "Під час обстрілу поранено вісьмох військових.", "Во время обстрела ранены восемь военных."),
    ("The drone hit a convoy of eight trucks.", "Дрон уразив колону з восьми вантажівок.", "Дрон поразил колонну из восьми грузовиков."),
    ("He spoke with eight residents.", "Він поговорив із вісьмома мешканцями.", "Он поговорил с восемью жителями."),
    ("Seven were wounded.", "Семеро дістали поранення.", "Семеро получили ранения."),
    ("Eight were killed.", "Загинули 8 людей.", "Погибли 8 человек."),
    ("8 soldiers were wounded.", "Поранено вісьмох військових.", "Ранены восемь военных."),
    ("Twenty-five people were evacuated.", "Евакуювали двадцять п'ять людей.", "Эвакуировали двадцать пять человек."),
    ("Forty villages remain without power.", "Без світла залишаються сорок сіл.", "Без света остаются сорок сел."),
    ("Three hundred shells were fired overnight.", "За ніч випущено триста снарядів.", "За ночь выпущено триста снарядов."),
    ("The wall is three hundred metres long.", "Стіна завдовжки понад триста метрів.", "Длина стены — триста метров."),
    ("About 1.5 million people fled.", "Близько 1,5 мільйона людей виїхали.", "Около 1,5 миллиона человек уехали."),
    ("About 1.5 million people fled.", "Близько півтора мільйона людей виїхали.", "Около полутора миллионов человек уехали."),
    ("About 1.5 million people fled.", "Близько 1\u00a0500\u00a0000 людей виїхали.", "Около 1\u00a0500\u00a0000 человек уехали."),
    ("Two million people lost power.", "Два мільйони людей залишилися без світла.", "Два миллиона человек остались без света."),
    ("Two million people lost power.", "2 млн людей залишилися без світла.", "2 млн человек остались без света."),
    ("It is one of the largest cities.", "Це одне з найбільших міст.", "Это один из крупнейших городов."),
    ("It was a one-off payment of 500 hryvnias.", "Це була одноразова виплата 500 гривень.", "Это была разовая выплата 500 гривен."),
    ("The bridge survived in one piece, one of eight.", "Міст, один із восьми, уцілів.", "Мост, один из восьми, уцелел."),
    ("At first, the second convoy was turned back.", "Спочатку другу колону розвернули.", "Сначала вторую колонну развернули."),
    ("The siege lasted one and a half years.", "Облога тривала півтора року.", "Осада длилась полтора года."),
]


@pytest.mark.parametrize(("msgid", "uk", "ru"), SAID)
@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_numbers_in_words_pass_by_value(lang: str, msgid: str, uk: str, ru: str) -> None:
    msgstr = {"uk": uk, "ru": ru}[lang]
    assert spelled(msgid, msgstr, lang) == []
    assert found(msgid, msgstr, lang) == []


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "message"),
    [
        ("uk", "Eight soldiers were wounded in the shelling.", "Під час обстрілу поранено сімох військових.", "the source spells 8; the translation says 7"),
        ("ru", "Eight soldiers were wounded in the shelling.", "Во время обстрела ранены семь военных.", "the source spells 8; the translation says 7"),
        ("uk", "Eight soldiers died.", "Загинули семеро військових.", "the source spells 8; the translation says 7"),
        ("uk", "Six drones were shot down.", "Збито сім дронів.", "the source spells 6; the translation says 7"),
        ("ru", "Six drones were shot down.", "Сбиты семь дронов.", "the source spells 6; the translation says 7"),
        ("uk", "Eight were killed.", "Загинули 7 людей.", "the source spells 8; the translation says 7"),
        ("uk", "Twenty-five people were evacuated.", "Евакуювали двадцять шість людей.", "the source spells 25; the translation says 26"),
        ("ru", "Three hundred shells were fired.", "Выпущено двести снарядов.", "the source spells 300; the translation says 200"),
        ("uk", "About 1.5 million people fled.", "Близько 1,5 мільярда людей виїхали.", "the source spells 1500000; the translation says 1500000000"),
        ("ru", "Two million people lost power.", "3 млн человек остались без света.", "the source spells 2000000; the translation says 3000000"),
    ],
)
def test_numbers_in_words_changed_fail(lang: str, msgid: str, msgstr: str, message: str) -> None:
    assert spelled(msgid, msgstr, lang) == [message]


@pytest.mark.parametrize(("lang", "msgstr"), [("uk", "Близько 2,5 мільйона людей виїхали."), ("ru", "Около 2,5 миллиона человек уехали.")])
def test_a_changed_million_is_reported_once(lang: str, msgstr: str) -> None:
    # The digits are the numbers check's; the spelled check does not report them a second time.
    options = CheckOptions(select=("numbers",))
    findings = check_message(Message("About 1.5 million people fled.", msgstr), lang, options)
    assert [(f.check, f.message) for f in findings] == [
        ("numbers", f"number 1.5 of the source is missing (written 1,5 in {lang})"),
        ("numbers", "number(s) not in the source: 2,5"),
    ]
