"""Glossary checks: inflected forms pass, missing terms and the other language's forms fail."""

from pathlib import Path

import pytest

from l10n.checks import CheckOptions, check_message
from l10n.checks.base import Glossary
from l10n.glossary import find_terms, parse_glossary, read_glossary
from l10n.model import Message
from l10n.segment import read_document

ROOT = Path(__file__).parent.parent
TERMS = tuple(read_glossary(ROOT / "locales/glossary.csv", ("uk", "ru")))
OPTIONS = CheckOptions(terms=TERMS, select=("glossary",))


def found(msgid: str, msgstr: str, lang: str, options: CheckOptions = OPTIONS) -> list[str]:
    return [f.check for f in check_message(Message(msgid, msgstr), lang, options)]


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr"),
    [
        ("uk", "Fighting in Bakhmut continues.", "Бої у Бахмуті тривають."),
        ("uk", "Russian forces advanced toward Bakhmut.", "Російські сили просунулися до Бахмута."),
        ("uk", "Bakhmut is under fire.", "Бахмут під обстрілом."),
        ("ru", "Fighting in Bakhmut continues.", "Бои в Бахмуте продолжаются."),
        ("ru", "Russian forces advanced toward Bakhmut.", "Российские силы продвинулись к Бахмуту."),
        ("uk", "Kyiv's military command said.", "Військове командування в Києві заявило."),
        ("ru", "Kyiv's forces held.", "Силы Киева удержали позиции."),
        ("uk", "He met Volodymyr Zelenskiy.", "Він зустрівся з Володимиром Зеленським."),
        ("ru", "He met Volodymyr Zelenskiy.", "Он встретился с Владимиром Зеленским."),
        ("uk", "The armed forces of Ukraine held.", "Збройні сили України втрималися."),
        ("uk", "Support for the armed forces of Ukraine.", "Підтримка Збройних сил України."),
        ("uk", "Reported by Reuters and AP.", "Повідомляють Reuters та AP."),
        ("uk", "Projects Donbas.Realities grew.", "Проєкти «Донбас.Реалії» зросли."),
        ("ru", "Russia's Wagner group leads.", "Российская группа Вагнера ведет наступление."),
        ("uk", "It is in Ukraine.", "Це в Україні."),
    ],
)
def test_inflected_and_exact_forms_pass(lang: str, msgid: str, msgstr: str) -> None:
    assert found(msgid, msgstr, lang) == []


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "expected"),
    [
        ("uk", "Troops left Kyiv.", "Війська залишили Киев.", ["glossary-term", "glossary-variant"]),
        ("uk", "Troops are in Kyiv.", "Війська в Киеве.", ["glossary-term", "glossary-variant"]),
        ("ru", "Zelenskiy said.", "Зеленський сказал.", ["glossary-term", "glossary-variant"]),
        ("ru", "Zelenskiy said.", "Зеленського спросили.", ["glossary-term", "glossary-variant"]),
        ("ru", "Troops are in Kyiv.", "Войска в Києві.", ["glossary-term", "glossary-variant"]),
        # Former names the project glossary lists to avoid.
        ("uk", "Fighting in Bakhmut continues.", "Бої в Артемівську тривають.", ["glossary-term", "glossary-variant"]),
        ("ru", "Fighting in Bakhmut continues.", "Бои в Артемовске продолжаются.", ["glossary-term", "glossary-variant"]),
        ("uk", "Antonio Guterres arrived.", "Прибув Антоніо Гутерреш.", ["glossary-term", "glossary-variant"]),
        ("uk", "Reported by Reuters.", "Повідомляє Рейтер.", ["glossary-term"]),
        ("ru", "Reported by AP.", "Сообщает АР.", ["glossary-term"]),
    ],
)
def test_missing_terms_and_wrong_language_variants_fail(lang: str, msgid: str, msgstr: str, expected: list[str]) -> None:
    assert found(msgid, msgstr, lang) == expected


def test_variant_check_does_not_fire_on_own_forms() -> None:
    # «Зеленского» is Russian; the Ukrainian lemma must not be guessed into it.
    assert found("Zelenskiy said.", "Зеленского спросили.", "ru") == []
    assert found("Zelenskiy said.", "Зеленського запитали.", "uk") == []


def test_explicit_forms_from_the_glossary_count() -> None:
    terms = tuple(parse_glossary("en,kind,uk,ru,uk_forms,ru_forms,note\nKhmelnytskyi,place,Хмельницький,Хмельницкий,Хмельниччини,,\n", ("uk", "ru"), "g.csv"))
    options = CheckOptions(terms=terms, select=("glossary-term",))
    assert found("Fighting near Khmelnytskyi.", "Бої біля Хмельниччини.", "uk", options) == []
    assert found("Fighting near Khmelnytskyi.", "Бої біля Вінниці.", "uk", options) == ["glossary-term"]


def test_no_glossary_means_no_glossary_findings() -> None:
    assert found("Troops left Kyiv.", "Війська залишили Киев.", "uk", CheckOptions(select=("glossary",))) == []


def test_the_checks_finder_finds_the_articles_names_in_order() -> None:
    """The checks' Glossary.find is glossary.find_terms' finder: the article's names, first occurrence first."""
    glossary = Glossary(TERMS)
    source = ROOT / "source" / "bakhmut-un-chief.md"
    sentence = next(s.text for s in read_document(source, source.name).segments if "Wagner mercenary group" in s.text)
    assert [term.source for term in glossary.find(sentence)] == ["Russia", "Wagner", "Bakhmut"]
    assert glossary.find(sentence) == tuple(find_terms(sentence, list(TERMS)))
