"""Spaces a translator types inside an emphasis pair do not break the page.

``<1> Наголос </1>`` restored as ``* Наголос *`` prints the asterisks in
CommonMark, and at a line start makes a bullet list of the paragraph.
"""

from __future__ import annotations

import pytest

from l10n.literal import restore_literal
from l10n.model import Placeholder
from l10n.segment import to_html

EM = (Placeholder(1, "*", "*"),)


@pytest.mark.parametrize("msgstr, expected", [
    ("<1> Наголос </1> починається тут.", "*Наголос* починається тут."),
    ("Це <1> дуже </1>важливо.", "Це *дуже* важливо."),
    ("Це<1> дуже</1> важливо.", "Це *дуже* важливо."),
    ("<1>Наголос</1> починається тут.", "*Наголос* починається тут."),
])
def test_spaces_inside_emphasis_move_outside_it(msgstr: str, expected: str) -> None:
    assert restore_literal(msgstr, EM, "<1>Emph</1> starts here.") == expected


def test_the_paragraph_stays_a_paragraph_with_its_emphasis() -> None:
    markdown = restore_literal("<1> Наголос </1> починається тут.", EM, "<1>Emph</1> starts here.")
    assert to_html(markdown + "\n") == "<p><em>Наголос</em> починається тут.</p>\n"


@pytest.mark.parametrize("placeholder, msgstr, expected", [
    (Placeholder(1, "[", "](https://www.rferl.org/)"), "<1> сайт </1> Радіо Свобода.",
     "[ сайт ](https://www.rferl.org/) Радіо Свобода."),
    (Placeholder(1, "<b>", "</b>"), "<1> сайт </1> Радіо Свобода.", "<b> сайт </b> Радіо Свобода."),
])
def test_links_and_html_keep_the_translators_spaces(placeholder: Placeholder, msgstr: str, expected: str) -> None:
    assert restore_literal(msgstr, (placeholder,), "<1>site</1> RFE/RL.") == expected
