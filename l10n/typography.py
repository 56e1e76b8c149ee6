"""Edition typography for Ukrainian and Russian: the only module that owns typographic rules.

Applied when an edition is built, to the translated text of each segment
(placeholders still in place), never in the catalogs: translators keep the
text they typed, readers get the no-break spaces a newsroom typographer sets
so a phone does not end a line on «в» or split «Leopard 2». Because the rules
see a msgstr and not the page, code spans, code blocks, link targets and
attribute values (all placeholders or source-side markup) are out of their
reach by construction; placeholder tags, URLs, e-mail addresses, entities and
backtick runs a translator typed are masked as well.

The rules mirror Typograf (github.com/typograf/typograf, commit ad681a59):

- ``common/nbsp/afterShortWord``, restricted to one-letter words (the uk and ru
  prepositions and conjunctions below; Typograf binds every word of up to two
  letters);
- ``common/nbsp/afterNumber`` (off by default in Typograf) and ``ru/nbsp/dayMonth``:
  a number and the word after it (7 березня, 10 танків, 2 Leopard);
- ``ru/nbsp/initials``: initials to each other and to the surname
  (В. В. Путін), here also a single initial (В. Зеленський);
- ``common/punctuation/apostrophe``: one apostrophe between letters, here
  every form :mod:`l10n.spelling` knows (' ’ ʼ) between Ukrainian letters,
  to the configured one.

Two rules of our own: a Latin-script word and the number after it (model
names: Leopard 2, Boeing 737), and groups of thousands (70 000). Rules only
turn a space into U+00A0 or one apostrophe into another, so a text keeps
its length and typesetting twice changes nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .inline import PLACEHOLDER_RE

NBSP = "\u00a0"
UK_APOSTROPHES = ("\u2019", "\u02bc")
"""The Ukrainian apostrophes ``tool.l10n.uk_apostrophe`` may choose: ’ (U+2019) or ʼ (U+02BC)."""
DEFAULT_APOSTROPHE = "\u2019"
"""’ (U+2019): what Ukrainian newsrooms publish and Typograf writes; the 2019 orthography (§ 7) says where
the apostrophe goes, not which character. ʼ (U+02BC, a letter to Unicode) keeps words whole for search and
word selection; a project that wants it sets the key."""

SHORT_WORDS = {"uk": "вузійао", "ru": "вксуиаоя"}
"""One-letter prepositions and conjunctions bound to the next word."""

_MASK = "\ue000"  # stands for a protected run while the rules run


@cache
def _rules() -> tuple[re.Pattern[str], ...]:
    """The masking pattern and the language-independent rules, compiled (and the letter classes they
    use imported) when the first edition is typeset: ``config`` imports this module for the apostrophe
    constants, and ``stats`` compiles none."""
    from .alphabet import CYRILLIC_RE, LATIN_RE
    from .spelling import APOSTROPHES

    protected = re.compile(
        rf"{PLACEHOLDER_RE.pattern}|(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|&#?\w+;|`[^`]*`"
    )
    number_word = re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?) (?={_MASK}*[^\W\d_])")
    word_number = re.compile(rf"(?<![\w.\-/])({LATIN_RE.pattern}(?:{LATIN_RE.pattern}|-)*) (?=\d)")
    initial = re.compile(r"(?<!\w)([^\W\d_]\.) (?=([^\W\d_]))")
    thousands = re.compile(r"(?<![\d.,])(\d{1,3}) (?=\d{3}(?!\d))")
    uk_apostrophe = re.compile(rf"(?<={CYRILLIC_RE.pattern})[{APOSTROPHES}](?={CYRILLIC_RE.pattern})")
    return protected, number_word, word_number, initial, thousands, uk_apostrophe


@cache
def _short_words(lang: str) -> re.Pattern[str]:
    """A one-letter word of ``lang`` at a word start (not after a letter, digit, apostrophe, dot or hyphen),
    then a space."""
    from .spelling import APOSTROPHES

    return re.compile(rf"(?<![\w{APOSTROPHES}.\-])([{SHORT_WORDS[lang]}]) (?=\S)", re.I)


def _bind_initial(match: re.Match[str]) -> str:
    """An initial («В.») and the capital after it, joined; anything else as it was."""
    if match.group(1)[0].isupper() and match.group(2).isupper():
        return match.group(1) + NBSP
    return match.group(0)


def typeset(text: str, lang: str, apostrophe: str = DEFAULT_APOSTROPHE) -> str:
    """``text`` with ``lang``'s typography; unchanged for a language without rules.

    A text that already holds the mask character (a private-use one) is left
    as it is rather than risk restoring the wrong run.
    """
    if lang not in SHORT_WORDS or _MASK in text:
        return text
    protecting, number_word, word_number, initial, thousands, uk_apostrophe = _rules()
    protected = iter([match.group(0) for match in protecting.finditer(text)])
    masked = protecting.sub(_MASK, text)
    masked = _short_words(lang).sub(rf"\1{NBSP}", masked)
    masked = initial.sub(_bind_initial, masked)
    for rule in (number_word, word_number, thousands):
        masked = rule.sub(rf"\1{NBSP}", masked)
    if lang == "uk":
        masked = uk_apostrophe.sub(apostrophe, masked)
    return re.sub(_MASK, lambda _: next(protected), masked)


def typesetter(lang: str, apostrophe: str = DEFAULT_APOSTROPHE) -> Callable[[str], str]:
    """``typeset`` for one edition's language and the project's apostrophe."""

    def apply(text: str) -> str:
        return typeset(text, lang, apostrophe)

    return apply
