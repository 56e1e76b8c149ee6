"""Morphology against the real pymorphy3 dictionaries: no mocks, since what we
rely on is precisely how the dictionaries treat names."""

from __future__ import annotations

import pytest

from l10n.errors import L10nError
from l10n.morphology import CASES, Morphology, TermMatch, for_language


@pytest.fixture(scope="module")
def uk() -> Morphology:
    return for_language("uk")


@pytest.fixture(scope="module")
def ru() -> Morphology:
    return for_language("ru")


def found(
    morphology: Morphology, text: str, lemma: str, *extra: str
) -> list[tuple[str, str | None]]:
    return [(m.surface, m.case) for m in morphology.find_term(text, lemma, extra)]


# -- the analyzers ------------------------------------------------------------


def test_analyzers_are_shared_per_language() -> None:
    assert for_language("uk") is for_language("uk")
    assert for_language("uk") is not for_language("ru")


def test_unsupported_language_is_an_l10n_error() -> None:
    with pytest.raises(L10nError, match="no morphology for language 'de'"):
        Morphology("de")


# -- lemmas -------------------------------------------------------------------


def test_lemmas_include_every_reading(uk: Morphology) -> None:
    # «Києві» is the city, but also the dative of «Кий»: both lemmas are offered.
    assert {"київ", "кий"} <= uk.lemmas("Києві")


def test_lemmas_unify_apostrophes(uk: Morphology) -> None:
    assert "слов'янськ" in uk.lemmas("Словʼянська")
    assert "слов'янськ" in uk.lemmas("Слов’янська")


def test_lemmas_of_unknown_names_come_from_the_guesser(uk: Morphology, ru: Morphology) -> None:
    assert "гутерреш" in uk.lemmas("Гутеррешем")
    assert "гутерреш" in ru.lemmas("Гутерреша")


def test_lemmas_fold_yo(ru: Morphology) -> None:
    assert "королев" in ru.lemmas("Королёва")


# -- finding terms: Ukrainian ---------------------------------------------------


def test_city_in_any_case(uk: Morphology) -> None:
    text = "Бої у Бахмуті, дорога до Бахмута, контроль над Бахмутом, удар по Бахмуту."
    assert found(uk, text, "Бахмут") == [
        ("Бахмуті", "loct"),
        ("Бахмута", "gent"),
        ("Бахмутом", "ablt"),
        ("Бахмуту", "datv"),
    ]


def test_match_positions_slice_the_text(uk: Morphology) -> None:
    text = "Обстріли у Бахмуті тривають."
    (match,) = uk.find_term(text, "Бахмут")
    assert match == TermMatch(11, 18, "Бахмуті", "loct")
    assert text[match.start : match.end] == match.surface


def test_preposition_settles_the_case(uk: Morphology) -> None:
    assert found(uk, "Вони увійшли в Бахмут", "Бахмут") == [("Бахмут", "accs")]
    assert found(uk, "Бахмут вистояв", "Бахмут") == [("Бахмут", "nomn")]


def test_kyiv(uk: Morphology) -> None:
    text = "У Києві тихо; з Києва виїхали; Києву загрожують."
    assert found(uk, text, "Київ") == [("Києві", "loct"), ("Києва", "gent"), ("Києву", "datv")]


def test_surname(uk: Morphology) -> None:
    text = "Заява Зеленського; лист Зеленському."
    assert found(uk, text, "Зеленський") == [("Зеленського", "gent"), ("Зеленському", "datv")]


def test_apostrophes_in_text_and_term(uk: Morphology) -> None:
    text = "у напрямку Слов'янська та Краматорська"
    assert found(uk, text, "Слов'янськ") == [("Слов'янська", "gent")]
    assert found(uk, text, "Словʼянськ") == [("Слов'янська", "gent")]
    assert found(uk, "під Слов’янськом", "Слов'янськ") == [("Слов’янськом", "ablt")]


@pytest.mark.parametrize(
    "text, lemma, expected",
    [
        (
            "За даними Інституту вивчення війни",
            "Інститут вивчення війни",
            ("Інституту вивчення війни", "gent"),
        ),
        (
            "речник Державного департаменту США заявив",
            "Державний департамент США",
            ("Державного департаменту США", "gent"),
        ),
        (
            "ордер Міжнародного кримінального суду",
            "Міжнародний кримінальний суд",
            ("Міжнародного кримінального суду", "gent"),
        ),
        (
            "видано Міжнародним кримінальним судом",
            "Міжнародний кримінальний суд",
            ("Міжнародним кримінальним судом", "ablt"),
        ),
        ("у Верховній Раді України", "Верховна Рада України", ("Верховній Раді України", "loct")),
    ],
)
def test_organizations_in_oblique_cases(
    uk: Morphology, text: str, lemma: str, expected: tuple[str, str]
) -> None:
    assert found(uk, text, lemma) == [expected]


def test_words_in_quotes(uk: Morphology) -> None:
    assert found(uk, "бійці полку «Азов»", "полк «Азов»") == [("полку «Азов", "gent")]
    assert found(uk, "разом з «Азовом»", "Азов") == [("Азовом", "ablt")]


def test_a_term_does_not_span_punctuation(uk: Morphology) -> None:
    assert found(uk, "Державного департаменту. США", "Державний департамент США") == []


def test_hyphenated_names(uk: Morphology) -> None:
    assert found(uk, "в Івано-Франківську", "Івано-Франківськ") == [("Івано-Франківську", "loct")]
    assert found(uk, "в Івано-Франківську", "Франківськ") == []


def test_letter_case_is_ignored(uk: Morphology) -> None:
    assert found(uk, "БОЇ У БАХМУТІ", "Бахмут") == [("БАХМУТІ", "loct")]


def test_unknown_and_indeclinable_surnames(uk: Morphology) -> None:
    assert found(uk, "зустріч з Гутеррешем", "Гутерреш") == [("Гутеррешем", "ablt")]
    assert [s for s, _ in found(uk, "слова Шойгу", "Шойгу")] == ["Шойгу"]
    assert [s for s, _ in found(uk, "з Назаренко і Назаренком", "Назаренко")] == [
        "Назаренко",
        "Назаренком",
    ]


@pytest.mark.parametrize(
    "text, lemma",
    [
        ("на річці Бахмутці", "Бахмут"),  # the river is another word
        ("Бахмутка", "Бахмут"),
        ("у Киеве", "Київ"),  # the Russian spelling is what the check must catch
        ("Зеленский сказав", "Зеленський"),
        ("удар кия", "Київ"),  # «Київ» as a term is the city, not «кий»
    ],
)
def test_what_must_not_match(uk: Morphology, text: str, lemma: str) -> None:
    assert found(uk, text, lemma) == []


# -- finding terms: Russian ----------------------------------------------------


@pytest.mark.parametrize(
    "text, lemma, expected",
    [
        ("бои в Бахмуте и вокруг Бахмута", "Бахмут", [("Бахмуте", "loct"), ("Бахмута", "gent")]),
        ("в Киеве, из Киева", "Киев", [("Киеве", "loct"), ("Киева", "gent")]),
        ("заявление Зеленского", "Зеленский", [("Зеленского", "gent")]),
        ("в направлении Славянска", "Славянск", [("Славянска", "gent")]),
        ("речь Королёва", "Королев", [("Королёва", "gent")]),
        (
            "представитель Государственного департамента США",
            "Государственный департамент США",
            [("Государственного департамента США", "gent")],
        ),
    ],
)
def test_russian_terms(
    ru: Morphology, text: str, lemma: str, expected: list[tuple[str, str]]
) -> None:
    assert found(ru, text, lemma) == expected


@pytest.mark.parametrize("text, lemma", [("в Києві", "Киев"), ("Зеленський", "Зеленский")])
def test_russian_must_not_match_ukrainian_spellings(ru: Morphology, text: str, lemma: str) -> None:
    assert found(ru, text, lemma) == []


def test_extra_forms_cover_what_the_analyzer_gets_wrong(ru: Morphology) -> None:
    # The guesser takes «Шольцем» for a form of «шолец».
    assert found(ru, "встреча с Шольцем", "Шольц") == []
    assert found(ru, "встреча с Шольцем", "Шольц", "шольцем") == [("Шольцем", None)]


def test_overlapping_matches_keep_the_longest(ru: Morphology) -> None:
    matches = found(ru, "в Ростове-на-Дону", "Ростов-на-Дону", "Ростове")
    assert matches == [("Ростове-на-Дону", "loct")]


# -- case_of ------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, preceding, case",
    [
        ("Бахмуті", None, "loct"),
        ("Бахмут", None, "nomn"),
        ("Бахмут", "у", "accs"),
        ("Зеленського", None, "gent"),
        ("Зеленського", "за", "accs"),
        ("Артемівська", None, "gent"),  # a name, not the feminine adjective
        ("Шойгу", "до", "gent"),
        ("швидко", None, None),
    ],
)
def test_case_of_ukrainian(
    uk: Morphology, word: str, preceding: str | None, case: str | None
) -> None:
    assert uk.case_of(word, preceding) == case


@pytest.mark.parametrize(
    "word, preceding, case",
    [
        ("Киеве", None, "loct"),
        ("Бахмута", None, "gent"),
        ("Крыму", "в", "loct"),
        ("Шойгу", "к", "datv"),
    ],
)
def test_case_of_russian(ru: Morphology, word: str, preceding: str | None, case: str) -> None:
    assert ru.case_of(word, preceding) == case


# -- inflect ------------------------------------------------------------------


@pytest.mark.parametrize(
    "lemma, case, expected",
    [
        ("Бахмут", "loct", "Бахмуті"),
        ("Бахмут", "datv", "Бахмуту"),
        ("Київ", "gent", "Києва"),
        ("Київ", "loct", "Києві"),
        ("Зеленський", "datv", "Зеленському"),
        ("Зеленський", "accs", "Зеленського"),
        ("Зеленський", "loct", "Зеленському"),
        ("Словʼянськ", "gent", "Словʼянська"),
        ("Державний департамент США", "gent", "Державного департаменту США"),
        ("Міжнародний кримінальний суд", "loct", "Міжнародному кримінальному суді"),
        ("Міжнародний кримінальний суд", "accs", "Міжнародний кримінальний суд"),
        ("Інститут вивчення війни", "ablt", "Інститутом вивчення війни"),
        ("Верховна Рада України", "accs", "Верховну Раду України"),
        ("Збройні сили України", "ablt", "Збройними силами України"),
        ("Президент Володимир Зеленський", "gent", "Президента Володимира Зеленського"),
        (
            "Генеральний секретар ООН Антоніу Гутерреш",
            "datv",
            "Генеральному секретареві ООН Антоніу Гутеррешеві",
        ),
        ("Юлія Тимошенко", "gent", "Юлії Тимошенко"),
        ("Петро Порошенко", "gent", "Петра Порошенка"),
        ("Олена Зеленська", "ablt", "Оленою Зеленською"),
        ("Івано-Франківськ", "loct", "Івано-Франківську"),
        ("полк «Азов»", "gent", "полку «Азов»"),
    ],
)
def test_inflect_ukrainian(uk: Morphology, lemma: str, case: str, expected: str) -> None:
    assert uk.inflect(lemma, case) == expected


@pytest.mark.parametrize(
    "lemma, case, expected",
    [
        ("Бахмут", "loct", "Бахмуте"),
        ("Бахмут", "accs", "Бахмут"),  # the city, not the first name
        ("Киев", "gent", "Киева"),
        ("Зеленский", "accs", "Зеленского"),
        ("Государственный департамент США", "datv", "Государственному департаменту США"),
        ("Мария Захарова", "ablt", "Марией Захаровой"),
        ("Ростов-на-Дону", "loct", "Ростове-на-Дону"),
        ("Крым", "loc2", "Крыму"),
        ("Бахмут", "loc2", "Бахмуте"),  # no second locative: the first one
    ],
)
def test_inflect_russian(ru: Morphology, lemma: str, case: str, expected: str) -> None:
    assert ru.inflect(lemma, case) == expected


@pytest.mark.parametrize("lemma", ["США", "ООН", "Шойгу", "НАТО", "ЗСУ", "Zelensky"])
@pytest.mark.parametrize("case", CASES)
def test_what_cannot_decline_stays(uk: Morphology, lemma: str, case: str) -> None:
    assert uk.inflect(lemma, case) == lemma


def test_unknown_case_is_an_l10n_error(uk: Morphology) -> None:
    with pytest.raises(L10nError, match="unknown grammatical case 'dative'"):
        uk.inflect("Бахмут", "dative")


@pytest.mark.parametrize(
    "lang, lemma",
    [
        ("uk", "Бахмут"),
        ("uk", "Державний департамент США"),
        ("uk", "Президент Володимир Зеленський"),
        ("ru", "Киев"),
        ("ru", "Государственный департамент США"),
    ],
)
@pytest.mark.parametrize("case", CASES)
def test_whatever_inflect_writes_find_term_finds(lang: str, lemma: str, case: str) -> None:
    morphology = for_language(lang)
    text = f"«{morphology.inflect(lemma, case)}»"
    (match,) = morphology.find_term(text, lemma)
    assert match.surface == text[1:-1]
