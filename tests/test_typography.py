"""Edition typography (l10n.typography): each rule on real newsroom sentences, its limits, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.pofile import read_po
from l10n.render import render_html, render_markdown
from l10n.segment import segment_text
from l10n.typography import typeset

ROOT = Path(__file__).resolve().parent.parent
N = "\u00a0"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # one-letter prepositions and conjunctions (the ru headline of the seed article)
    ("ru", "Давление России на Бахмут не ослабевает, в Украину прибыл генсек ООН",
     f"Давление России на Бахмут не ослабевает, в{N}Украину прибыл генсек ООН"),
    ("ru", "«Других позиций не было. Я поручил главнокомандующему найти соответствующие силы»",
     f"«Других позиций не было. Я{N}поручил главнокомандующему найти соответствующие силы»"),
    ("ru", "Ситуация в Бахмуте и вокруг него, к вечеру с востока и у реки, а о том я знаю",
     f"Ситуация в{N}Бахмуте и{N}вокруг него, к{N}вечеру с{N}востока и{N}у{N}реки, а{N}о{N}том я{N}знаю"),
    ("uk", "Український військовий сидить у танку на передовій біля Бахмута",
     f"Український військовий сидить у{N}танку на передовій біля Бахмута"),
    ("uk", "жорстокі й кровопролитні бої, а до країни прибув генсек і з ним о пів на сьому",
     f"жорстокі й{N}кровопролитні бої, а{N}до країни прибув генсек і{N}з{N}ним о{N}пів на сьому"),
    ("uk", "У Бахмуті та навколо нього", f"У{N}Бахмуті та навколо нього"),
    # a number and the word it counts, the month, the model
    ("uk", "Гутерреш провів 7 березня в Польщі, Варшава передасть Україні 10 танків Leopard 2.",
     f"Гутерреш провів 7{N}березня в{N}Польщі, Варшава передасть Україні 10{N}танків Leopard{N}2."),
    ("ru", "7 марта Гутерриш провел в Польше; передаст 2 Leopard и 1,5 миллиона",
     f"7{N}марта Гутерриш провел в{N}Польше; передаст 2{N}Leopard и{N}1,5{N}миллиона"),
    ("ru", "где до войны проживали 70 000 человек, а в городе 1 000 000",
     f"где до войны проживали 70{N}000{N}человек, а{N}в{N}городе 1{N}000{N}000"),
    # initials
    ("uk", "В. Зеленський і В. В. Путін, а також В.В. Путін",
     f"В.{N}Зеленський і{N}В.{N}В.{N}Путін, а{N}також В.В.{N}Путін"),
    ("ru", "заявил С. К. Шойгу", f"заявил С.{N}К.{N}Шойгу"),
])
def test_rule_on_a_newsroom_sentence(lang: str, text: str, expected: str) -> None:
    assert typeset(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "вглубь, сказал, Украины, я-то, аист"),  # words that start with a short word's letter
    ("uk", "по-у сусідству, т.е. с.-х. угіддя, в.о. міністра"),  # after a hyphen or a dot: no word start
    ("ru", "Киев, 2022. Россия"),  # a year at a sentence's end binds nothing across the full stop
])
def test_letters_inside_words_or_abbreviations_are_not_bound(lang: str, text: str) -> None:
    assert typeset(text, lang) == text


def test_one_ukrainian_apostrophe_by_default_and_as_configured() -> None:
    text = "ім'я, з’явилося, Мар\u02bcяна, Слов'янська"
    assert typeset(text, "uk") == "ім’я, з’явилося, Мар’яна, Слов’янська"
    assert typeset(text, "uk", "\u02bc") == "імʼя, зʼявилося, Марʼяна, Словʼянська"
    assert typeset("Reuters' report, L'Oréal", "uk") == "Reuters' report, L'Oréal"  # not between Ukrainian letters
    assert typeset("ім'я", "ru") == "ім'я"  # Russian has no apostrophe rule


@pytest.mark.parametrize("text", [
    "в <1>Україні</1> і <2/> 10 <3>танків</3>",
    "у https://www.rferl.org/a/в 2 та www.rferl.org/а і, пишіть на uk-desk@l10n-newsroom.org і",
    "код `в і а 10 танків` і &#160; і &amp; 2",
])
def test_placeholders_urls_addresses_entities_and_code_keep_their_bytes(text: str) -> None:
    result = typeset(text, "uk")
    for run in ("<1>", "</1>", "<2/>", "<3>", "</3>", "https://www.rferl.org/a/в 2", "www.rferl.org/а",
                "uk-desk@l10n-newsroom.org", "`в і а 10 танків`", "&#160;", "&amp;"):
        if run in text:
            assert run in result, run
    assert result.replace(N, " ") == text


def test_other_languages_are_left_alone() -> None:
    assert typeset("In a city of 70 000 people, a tank and 10 Leopard 2", "en") == "In a city of 70 000 people, a tank and 10 Leopard 2"


_TEXT = st.text(alphabet="вВуУзЗіІйаАоОксяяИ 0123456789.,-'’ʼ«»<>/1LeopardБахмутіаї" + N, max_size=60)


@given(text=_TEXT, lang=st.sampled_from(["uk", "ru"]))
def test_typesetting_twice_is_typesetting_once(text: str, lang: str) -> None:
    once = typeset(text, lang)
    assert typeset(once, lang) == once
    assert len(once) == len(text)


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_shipped_translation_is_idempotent(lang: str) -> None:
    catalog = read_po(ROOT / "locales" / lang / "LC_MESSAGES" / "bakhmut-un-chief.po")
    changed = 0
    for message in catalog.entries():
        once = typeset(message.msgstr, lang)
        assert typeset(once, lang) == once
        changed += once != message.msgstr
    assert changed >= 20


SOURCE = """# Kyiv in March

Read [in the report](https://www.rferl.org/a/in-a-city-7-march.html "a title in 7 words") with `a code span` now.

```
a code block in 7 lines
```

<span title="a title in 7 words">an attribute</span> in 10 tanks.
"""


def test_editions_typeset_translator_text_only() -> None:
    document = segment_text(SOURCE, "kyiv", "source/kyiv.md")
    uk = {
        "Kyiv in March": "Київ у березні",
        "Read <1>in the report</1> with <2/> now.": "Читайте <1>в звіті</1> з <2/> зараз.",
        "<1>an attribute</1> in 10 tanks.": "<1>атрибут</1> у 10 танках.",
    }
    translations = {(s.context, s.text): uk[s.text] for s in document.segments}
    edition = render_markdown(document, translations, "uk", typeset=lambda text: typeset(text, "uk"))
    assert edition.markdown == (
        f"# Київ у{N}березні\n\n"
        f'Читайте [в{N}звіті](https://www.rferl.org/a/in-a-city-7-march.html "a title in 7 words") з{N}`a code span` зараз.\n\n'
        "```\na code block in 7 lines\n```\n\n"
        f'<span title="a title in 7 words">атрибут</span> у{N}10{N}танках.\n'
    )
    page = render_html(edition, "Київ")
    assert f"у{N}10{N}танках" in page and "a code block in 7 lines" in page


def test_a_text_holding_the_mask_character_is_left_as_typed() -> None:
    text = "в Україні \ue000 і 10 танків"
    assert typeset(text, "uk") == text
