"""Sentence splitting: the news rules translators depend on."""

import pytest

from l10n.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two.", ["One.", "Two."]),
        ("Leaders in the U.S. and the U.N. met. Then they left.", ["Leaders in the U.S. and the U.N. met.", "Then they left."]),
        ("Mr. Smith and Dr. Jones met St. Peter on Jan. 5. He left.", ["Mr. Smith and Dr. Jones met St. Peter on Jan. 5.", "He left."]),
        ("J. Smith spoke. Nobody listened.", ["J. Smith spoke.", "Nobody listened."]),
        ("Zelenskiy said late on March 6. \"There were no other positions. I told him.\"",
         ["Zelenskiy said late on March 6.", "\"There were no other positions. I told him.\""]),
        ("\"He left.\" She stayed.", ["\"He left.\"", "She stayed."]),
        ("It was heavy -- 1,600 dead -- in a day. Next.", ["It was heavy -- 1,600 dead -- in a day.", "Next."]),
        ("Wait... what? Yes... And then!", ["Wait... what?", "Yes...", "And then!"]),
        ("Is it? no, it is not.", ["Is it? no, it is not."]),
        ("<1>First. Second.</1> Third.", ["<1>First. Second.</1>", "Third."]),
        ("See <1>this</1>. <2>That</2> too.", ["See <1>this</1>.", "<2>That</2> too."]),
        ("Unbalanced \"quote. Still splits.", ["Unbalanced \"quote.", "Still splits."]),
        ("No final punctuation", ["No final punctuation"]),
        ("“Curly. Quotes.” Done.", ["“Curly. Quotes.”", "Done."]),
    ],
)
def test_news_rules(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_cover_all_non_space_text() -> None:
    text = "  A b. C d!  E f?  "
    spans = split_sentences(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")
