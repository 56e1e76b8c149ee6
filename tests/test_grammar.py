"""One preposition → case table for checking and enforcement, on real sentences.

Checking must accept a glossary name in every case its preposition governs
(«під Бахмутом» near, «під Бахмут» towards); enforcement must give a name the
engine left in Latin the case a newsroom would write after that preposition.
"""

from __future__ import annotations

import pytest

from l10n.glossary import parse_glossary
from l10n.grammar import case_for_copy, governed
from l10n.morphology import for_language
from l10n.terminology import enforce_terms

GLOSSARY = parse_glossary(
    "en,kind,uk,ru\n"
    "Bakhmut,place,Бахмут,Бахмут\n"
    "Kyiv,place,Київ,Киев\n"
    "Ukraine,place,Україна,Украина\n"
    "Zelensky,person,Зеленський,Зеленский\n"
    "Guterres,person,Гутерреш,Гутерриш\n",
    ("uk", "ru"), "glossary.csv",
)
LEMMA = {(t.targets["uk"]): t for t in GLOSSARY} | {(t.targets["ru"]): t for t in GLOSSARY}


@pytest.mark.parametrize(("lang", "sentence", "lemma", "case"), [
    ("uk", "Запеклі бої тривають під Бахмутом.", "Бахмут", "ablt"),
    ("uk", "Противник стягує резерви під Бахмут.", "Бахмут", "accs"),
    ("uk", "Генсек ООН зустрівся з Гутеррешем.", "Гутерреш", "ablt"),
    ("uk", "Цивільних евакуювали з Бахмута.", "Бахмут", "gent"),
    ("uk", "Колона рушила у Бахмут.", "Бахмут", "accs"),
    ("uk", "У Бахмуті не залишилося цілих будинків.", "Бахмут", "loct"),
    ("uk", "Росія знову вдарила по Києву.", "Київ", "datv"),
    ("uk", "Делегація прибула до Києва.", "Київ", "gent"),
    ("ru", "Тяжёлые бои идут под Бахмутом.", "Бахмут", "ablt"),
    ("ru", "Противник стягивает резервы под Бахмут.", "Бахмут", "accs"),
    ("ru", "Гутерриш встретился с Зеленским.", "Зеленский", "ablt"),
    ("ru", "Экспорт зерна с Украины вырос.", "Украина", "gent"),
    ("ru", "Территория размером с Украину.", "Украина", "accs"),
    ("ru", "Генсек ООН обратился к Зеленскому.", "Зеленский", "datv"),
    ("ru", "Россия снова ударила по Киеву.", "Киев", "datv"),
])
def test_checking_accepts_every_case_the_preposition_governs(lang: str, sentence: str, lemma: str, case: str) -> None:
    matches = for_language(lang).find_term(sentence, lemma, (), LEMMA[lemma].kind)
    assert [m.case for m in matches] == [case]
    assert case in governed(lang, sentence[: matches[0].start].split()[-1].lower())


@pytest.mark.parametrize(("lang", "source", "output", "expected"), [
    ("uk", "Fighting continues near Bakhmut.", "Бої тривають під Bakhmut.", "Бої тривають під Бахмутом."),
    ("uk", "Civilians were evacuated from Bakhmut.", "Цивільних евакуювали з Bakhmut.",
     "Цивільних евакуювали з Бахмута."),
    ("uk", "The delegation met with Guterres.", "Делегація зустрілася з Guterres.",
     "Делегація зустрілася з Гутеррешем."),
    ("uk", "No building in Bakhmut is intact.", "У Bakhmut не лишилося цілих будинків.",
     "У Бахмуті не лишилося цілих будинків."),
    ("uk", "Russia struck Kyiv again.", "Росія знову вдарила по Kyiv.", "Росія знову вдарила по Києву."),
    ("uk", "The delegation arrived in Kyiv.", "Делегація прибула до Kyiv.", "Делегація прибула до Києва."),
    ("ru", "Fighting continues near Bakhmut.", "Бои идут под Bakhmut.", "Бои идут под Бахмутом."),
    ("ru", "Guterres met with Zelensky.", "Гутерриш встретился с Zelensky.", "Гутерриш встретился с Зеленским."),
    ("ru", "Grain exports from Ukraine grew.", "Экспорт зерна с Ukraine вырос.", "Экспорт зерна с Украины вырос."),
    ("ru", "The UN chief turned to Zelensky.", "Генсек ООН обратился к Zelensky.",
     "Генсек ООН обратился к Зеленскому."),
    ("ru", "Civilians left Bakhmut.", "Мирные жители уехали из Bakhmut.", "Мирные жители уехали из Бахмута."),
])
def test_a_latin_copy_gets_the_case_of_its_preposition(lang: str, source: str, output: str, expected: str) -> None:
    enforced = enforce_terms(source, output, GLOSSARY, lang, ("uk", "ru"))
    assert (enforced.text, enforced.tally.enforced) == (expected, 1)


def test_the_case_for_a_copy_is_one_the_preposition_governs() -> None:
    for lang, prepositions in (("uk", "у в на з під за по до через"), ("ru", "в на с под за по к из через")):
        for preposition in prepositions.split():
            for kind in ("person", "place"):
                assert case_for_copy(lang, preposition, kind) in governed(lang, preposition)
    assert case_for_copy("uk", "Бахмут") is None
