"""Glossary loading, validation and term finding."""

from pathlib import Path

import pytest

from l10n.errors import GlossaryError
from l10n.glossary import find_terms, hint, parse_glossary, read_glossary

ROOT = Path(__file__).parent.parent
LANGS = ("uk", "ru")
HEADER = "en,kind,uk,ru,uk_forms,ru_forms,note\n"


def terms_of(rows: str):
    return parse_glossary(HEADER + rows, LANGS, "glossary.csv")


def test_project_glossary_loads() -> None:
    terms = read_glossary(ROOT / "locales/glossary.csv", LANGS)
    by_source = {t.source: t for t in terms}
    assert by_source["Bakhmut"].targets == {"uk": "Бахмут", "ru": "Бахмут"}
    assert by_source["Kyiv"].targets == {"uk": "Київ", "ru": "Киев"}
    assert by_source["Zelenskiy"].targets == {"uk": "Зеленський", "ru": "Зеленский"}
    assert by_source["Telegram"].keep_latin and not by_source["Kyiv"].keep_latin


def test_longest_match_wins_and_possessives_count() -> None:
    terms = terms_of(
        "Zelenskiy,person,Зеленський,Зеленский,,,\n"
        "Volodymyr Zelenskiy,person,Володимир Зеленський,Владимир Зеленский,,,\n"
        "Kyiv,place,Київ,Киев,,,\n"
        "Ukraine,place,Україна,Украина,,,\n"
    )
    found = find_terms("President Volodymyr Zelenskiy said Kyiv's forces in Ukrainian towns", terms)
    assert [t.source for t in found] == ["Volodymyr Zelenskiy", "Kyiv"]


def test_hint_names_targets() -> None:
    (term,) = terms_of("Bakhmut,place,Бахмут,Бахмут,Бахмуті,,\n")
    assert hint(term, ("uk",)) == "glossary: Bakhmut → Бахмут (place)"
    assert hint(term, LANGS) == "glossary: Bakhmut → uk Бахмут, ru Бахмут (place)"


def test_hint_carries_the_note_on_one_line() -> None:
    header = "en,kind,uk,ru,note\n"
    (term,) = parse_glossary(header + 'Bakhmut,place,Бахмут,Бахмут,"uk: genitive Бахмута\n / ru: в Бахмуте"\n',
                             LANGS, "g.csv")
    assert hint(term, LANGS) == "glossary: Bakhmut → uk Бахмут, ru Бахмут (place) — uk: genitive Бахмута / ru: в Бахмуте"


def test_names_to_avoid() -> None:
    header = "en,kind,uk,ru,uk_avoid,ru_avoid\n"
    (term,) = parse_glossary(header + "Bakhmut,place,Бахмут,Бахмут,Артемівськ, Артемовск | Артёмовск\n", LANGS, "g.csv")
    assert term.avoid == {"uk": ("Артемівськ",), "ru": ("Артемовск", "Артёмовск")}
    assert hint(term, ("uk",)) == "glossary: Bakhmut → Бахмут (place; not Артемівськ)"
    assert hint(term, LANGS) == ("glossary: Bakhmut → uk Бахмут, ru Бахмут "
                                 "(place; not uk Артемівськ, ru Артемовск, ru Артёмовск)")
    with pytest.raises(GlossaryError, match="uk_avoid lists the term's own uk name 'Бахмут'") as error:
        parse_glossary(header + "Kyiv,place,Київ,Киев,,\nBakhmut,place,Бахмут,Бахмут,бахмут,\n", LANGS, "g.csv")
    assert error.value.line == 3


@pytest.mark.parametrize(
    "text, message, line",
    [
        ("en,kind,uk\nKyiv,place,Київ\n", "missing column(s) ru", 1),
        ("en,kind,uk,ru,colour\n", "unknown column(s) colour", 1),
        (HEADER + "Kyiv,place,Київ,,,,\n", "empty 'ru' cell", 2),
        (HEADER + "Kyiv,place,Київ,Киев,,,\nKyiv,place,Київ,Киев,,,\n", "duplicate term 'Kyiv' (first on line 2)", 3),
        (HEADER + "Kyiv,city,Київ,Киев,,,\n", "unknown kind 'city'", 2),
    ],
)
def test_bad_glossaries(text: str, message: str, line: int) -> None:
    with pytest.raises(GlossaryError) as error:
        parse_glossary(text, LANGS, "glossary.csv")
    assert message in str(error.value)
    assert error.value.line == line


def test_bom_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(b"\xef\xbb\xbf" + HEADER.encode())
    with pytest.raises(GlossaryError, match="byte order mark"):
        read_glossary(path, LANGS)


NEWSROOM = terms_of(
    "Kyiv,place,Київ,Киев,,,\n"
    "Ukraine,place,Україна,Украина,,,\n"
    "Zelenskiy,person,Зеленський,Зеленский,,,\n"
    "Wagner,organization,Вагнер,Вагнер,,,\n"
    "UN,organization,ООН,ООН,,,\n"
    "Ufa,place,Уфа,Уфа,,,\n"
    "O'Brien,person,О'Браєн,О'Брайен,,,\n"
    "RFE/RL's Ukrainian Service,organization,Українська служба Радіо Свобода,Украинская служба Радио Свобода,,,\n"
    "armed forces of Ukraine,organization,Збройні сили України,Вооруженные силы Украины,,,\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KYIV, Ukraine — Russian missile strikes hit the capital.", ["Kyiv", "Ukraine"]),  # dateline
        ("Kyiv’s forces and Zelenskiyʼs aide met Kyiv's envoy.", ["Kyiv", "Zelenskiy"]),  # possessives
        ("A Kyiv-based group and pro-Kyiv forces.", ["Kyiv"]),  # compounds
        ("O’Brien and Oʼbrien", ["O'Brien"]),  # any apostrophe, still case-sensitive
        ("RFE/RL’s Ukrainian Service reported.", ["RFE/RL's Ukrainian Service"]),
        ("Armed forces of Ukraine held.", ["armed forces of Ukraine"]),  # capital at a sentence start
        ("See wagner.example or WAGNERS; the Wagnerian style.", []),  # case-sensitive, whole words
        ("WAGNER fighters", ["Wagner"]),
        ("UFA and ufa", []),  # three letters in capitals read as an acronym
        ("Kyivstar and Ukrainian towns", []),
        ("THE UN SAYS UKRAINE NEEDS AID", ["UN", "Ukraine"]),
    ],
)
def test_names_as_newsrooms_write_them(text: str, expected: list[str]) -> None:
    assert [t.source for t in find_terms(text, NEWSROOM)] == expected


def test_a_shorter_term_fits_where_a_longer_one_lost() -> None:
    # "Bravo Charlie Delta" beats "Alpha Bravo" (longer); "Alpha" still fits before it, as when each term was searched alone.
    terms = terms_of("Alpha Bravo,place,х,х,,,\nBravo Charlie Delta,place,х,х,,,\nAlpha,place,х,х,,,\n")
    found = find_terms("Alpha Bravo Charlie Delta", terms)
    assert [t.source for t in found] == ["Alpha", "Bravo Charlie Delta"]
