"""Sentence splitting: the news rules translators depend on."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _protected_by_character(text: str) -> list[bool]:
    """The definition _protected's run filling must keep: one character at a time."""
    from l10n.inline import PLACEHOLDER_RE
    from l10n.sentences import _quotes_balanced

    flags = [False] * (len(text) + 1)
    depth: dict[str, int] = {}
    balanced = _quotes_balanced(text)
    straight, curly, index = False, 0, 0
    while index < len(text):
        tag = PLACEHOLDER_RE.match(text, index)
        if tag:
            if not tag.group(0).endswith("/>"):
                depth[tag.group(2)] = depth.get(tag.group(2), 0) + (-1 if tag.group(0).startswith("</") else 1)
            index = tag.end()
            continue
        char = text[index]
        if balanced:
            if char == '"':
                straight = not straight
            elif char in "“«":
                curly += 1
            elif char in "”»":
                curly = max(0, curly - 1)
        flags[index] = any(v > 0 for v in depth.values()) or (balanced and (straight or curly > 0))
        index += 1
    return flags


@pytest.mark.slow  # thousands of generated cases
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", '"', "“", "”", "«", "»", "<1>", "</1>", "<2>", "</2>", "<3/>", ".", "<10>", "</10>", "<1"]),
                max_size=24).map("".join))
def test_protected_spans_are_those_of_the_character_by_character_definition(text: str) -> None:
    from l10n.sentences import _protected

    assert _protected(text) == _protected_by_character(text)
