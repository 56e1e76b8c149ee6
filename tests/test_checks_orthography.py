"""Orthography and typography checks, in both languages."""

import pytest

from l10n.checks import CheckOptions, check_message
from l10n.checks.orthography import ending
from l10n.glossary import parse_glossary
from l10n.model import Message

TERMS = tuple(parse_glossary("en,kind,uk,ru,note\nTelegram,media,Telegram,Telegram,\n", ("uk", "ru"), "g.csv"))
OPTIONS = CheckOptions(terms=TERMS, select=("orthography",))


def found(msgid: str, msgstr: str, lang: str) -> list[str]:
    return [f.check for f in check_message(Message(msgid, msgstr), lang, OPTIONS)]


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr"),
    [
        ("uk", 'He said: "We will hold."', "Він сказав: «Ми втримаємося»."),
        ("ru", 'He said: "We will hold."', "Он сказал: «Мы удержимся»."),
        ("uk", "Wait...", "Зачекайте…"),
        ("ru", "Is it true?", "Это правда?"),
        ("uk", "Watch it on Telegram.", "Дивіться в Telegram."),
        ("ru", "NATO and the EU met.", "НАТО и ЕС встретились, как и G7."),
        ("uk", "Check your IPv4 address.", "Перевірте адресу IPv4."),
        ("ru", "See <1>here</1>.", "Смотрите <1>здесь</1>."),
        ("uk", "  Indented\n", "  З відступом\n"),
        ("ru", "Some «quoted „inner“ text».", "Текст «с „внутренней“ цитатой»."),
    ],
)
def test_clean_text_passes(lang: str, msgid: str, msgstr: str) -> None:
    assert found(msgid, msgstr, lang) == []


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "check"),
    [
        ("uk", "Troops are in the city.", "Війська находяться в місті, ыы.", "foreign-letters"),
        ("uk", "It was the year.", "Це був її рік, ёлка.", "foreign-letters"),
        ("ru", "Troops are in the city.", "Войска находятся в місті.", "foreign-letters"),
        ("ru", "Ukraine's flag.", "Флаг Україны.", "foreign-letters"),
        ("uk", "AP reported.", "Повідомило AР.", "mixed-script"),  # Latin A, Cyrillic Р
        ("ru", "Reported.", "Сообщили в Kиеве.", "mixed-script"),  # Latin K
        ("uk", "Click here to read.", "Натисніть here, щоб прочитати.", "english-words"),
        ("uk", "The kindergarten was hit.", "Влучили в kindergarten.", "english-words"),
        ("ru", "The kindergarten was hit.", "Попали в Kindergarten.", "english-words"),
        ("ru", "A well-known man.", "Известный well-known человек.", "english-words"),
        ("ru", "Bakhmut is under fire.", "Bakhmut под обстрелом.", "latin-words"),
        ("uk", 'He said "no".', 'Він сказав "ні".', "quotes"),
        ("ru", 'He said "no".', "Он сказал “нет”.", "quotes"),
        ("uk", "A sentence.", "Речення  з подвійним пробілом.", "double-space"),
        ("ru", "A sentence.", " Предложение.", "whitespace"),
        ("uk", "Line\n", "Рядок", "whitespace"),
        ("uk", "A statement.", "Твердження", "end-punctuation"),
        ("ru", "A question?", "Вопрос.", "end-punctuation"),
        ("uk", "A headline", "Заголовок.", "end-punctuation"),
    ],
)
def test_problems_are_found(lang: str, msgid: str, msgstr: str, check: str) -> None:
    assert check in found(msgid, msgstr, lang)


@pytest.mark.parametrize(
    ("lang", "msgstr", "checks"),
    [
        ("uk", "Бахмут (Bakhmut) під обстрілом.", ["latin-words"]),  # a name the list lacks in lowercase
        ("ru", "Сообщает NATO, не kindergarten.", ["english-words"]),  # acronyms pass
        ("uk", "Дивіться в Telegram.", []),  # a glossary term kept in Latin
    ],
)
def test_english_words_are_errors_names_are_not(lang: str, msgstr: str, checks: list[str]) -> None:
    assert found("Source.", msgstr, lang) == checks


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ('He said "no."', {"."}),
        ("Він сказав «ні».", {"."}),
        ('"We will hold..."', {"…"}),
        ("«Ми втримаємося…».", {"…"}),
        ("Read <1>this</1>.", {"."}),
        ("Read <1>this.</1>", {"."}),
        ("Really?!", {"?", "!"}),
        ("No punctuation", set()),
    ],
)
def test_final_punctuation_reading(text: str, marks: set[str]) -> None:
    assert ending(text) == frozenset(marks)


def test_letters_apply_per_language() -> None:
    # «ї» is fine in Ukrainian, «ы» fine in Russian.
    assert "foreign-letters" not in found("Its region.", "Її область.", "uk")
    assert "foreign-letters" not in found("You are.", "Вы есть.", "ru")
    # Other languages get no foreign-letter or quote rules.
    assert found('Say "hi".', 'Sag "hallo".', "de") == []
