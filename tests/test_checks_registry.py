"""Every check is documented and selectable; translators can silence one entry."""

import re
import shutil
import subprocess

import pytest

from l10n.checks import (
    REGISTRY,
    CheckOptions,
    UnknownCheck,
    check_message,
    ignored_names,
    select_checks,
)
from l10n.model import Message

TITLES = {
    'po-syntax': 'The catalog cannot be parsed (reported with the file and line of the problem).',
    'plural-forms': "A plural entry has a different number of forms than the header's nplurals.",
    'po-header': 'The header does not declare the language and plural rule the catalog is in.',
    'plural-expression': "The header's Plural-Forms rule is one msgfmt -c refuses: bad syntax, or a value not below nplurals for some n in 0..1000.",
    'completeness': 'Translated share of the catalog is below the required minimum (fuzzy counts as not done).',
    'unreviewed-mt': 'Machine or memory translation still fuzzy: nobody has reviewed it yet.',
    'untranslated': 'Translation is a copy of the source text although it has words to translate.',
    'placeholders': 'Inline-markup placeholders differ from the source: missing, extra, duplicated or unbalanced.',
    'injected-markup': 'The translation adds HTML or Markdown markup that its source does not have.',
    'placeholder-spacing': 'A space just inside a placeholder pair (<1> слово </1>) where the source has none.',
    'urls': 'URLs of the source are missing or changed in the translation.',
    'format-specifiers': 'Format specifiers (%(name)s, %d, {0}) differ from the source of a *-format entry.',
    'numbers': 'Numbers of the source are missing or changed in the translation (compared by value).',
    'glossary-term': 'A glossary term of the source is missing from the translation (any grammatical case counts).',
    'glossary-variant': "The translation uses another language's form of a glossary term (Киев in Ukrainian) or a name to avoid (Артемівськ).",
    'foreign-letters': 'Letters of the other language: ы э ъ ё in Ukrainian, і ї є ґ in Russian.',
    'mixed-script': 'A word mixes Latin and Cyrillic letters (Latin "A" for Cyrillic «А»).',
    'latin-words': 'Latin-script words left in a Cyrillic translation (glossary terms kept in Latin excepted).',
    'english-words': 'English dictionary words left untranslated in a Cyrillic translation ("kindergarten").',
    'spelled-numbers': 'A number spelled out in the source is another number in the translation ("eight" → «семеро»).',
    'quotes': 'Straight or English quotation marks where the language uses «…» (and „…“ inside).',
    'double-space': 'Doubled spaces inside the translation that the source does not have.',
    'whitespace': 'Leading or trailing whitespace differs from the source (it is part of the layout).',
    'end-punctuation': 'Final punctuation differs from the source ("..." and "…", a stop inside or outside quotes count as the same).',
    'cross-language': 'Translations of one segment into different languages carry different numbers, URLs or glossary terms.',
}


@pytest.mark.parametrize("check", list(REGISTRY.values()), ids=lambda c: c.id)
def test_every_check_has_id_severity_and_title(check) -> None:
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", check.id)
    assert check.severity in ("error", "warning")
    assert check.scope in ("unit", "catalog", "cross", "file")
    assert check.title and check.title[0].isupper() and check.title.endswith((".", ")"))


def test_the_titles_say_what_each_check_finds() -> None:
    """The titles `l10n check --list` prints, word for word (they come from each check's docstring)."""
    assert {check.id: check.title for check in REGISTRY.values()} == TITLES


def test_the_issue_families_are_all_there() -> None:
    ids = set(REGISTRY)
    assert {"completeness", "unreviewed-mt", "placeholders", "urls", "numbers", "glossary-term", "glossary-variant",
            "foreign-letters", "latin-words", "english-words", "spelled-numbers", "quotes", "double-space", "whitespace", "end-punctuation",
            "untranslated", "cross-language", "po-syntax"} <= ids


def test_select_and_ignore_take_ids_and_families() -> None:
    assert {c.id for c in select_checks(["glossary"])} == {"glossary-term", "glossary-variant"}
    assert {c.id for c in select_checks(["markup", "numbers"], ["urls"])} == {"placeholders", "injected-markup", "placeholder-spacing", "format-specifiers", "numbers", "spelled-numbers"}
    assert "quotes" not in {c.id for c in select_checks((), ["orthography"])}
    with pytest.raises(UnknownCheck, match="nonsense"):
        select_checks(["nonsense"])


@pytest.mark.parametrize(
    ("comments", "names"),
    [
        (["l10n-ignore: numbers, glossary"], {"numbers", "glossary"}),
        (["l10n-ignore:numbers"], {"numbers"}),
        (["l10n-ignore quotes latin-words"], {"quotes", "latin-words"}),
        (["l10n-ignore"], {"*"}),
        (["translator note"], set()),
    ],
)
def test_ignore_comment_forms(comments: list[str], names: set[str]) -> None:
    assert ignored_names(Message("a", translator_comments=comments)) == names


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_ignore_comment_silences_only_the_named_checks(lang: str) -> None:
    message = Message("Over the past 24 hours.", 'За 12 годин "тому".', translator_comments=["l10n-ignore: numbers"])
    checks = {f.check for f in check_message(message, lang, CheckOptions())}
    assert "numbers" not in checks and "quotes" in checks
    message.translator_comments = ["l10n-ignore"]
    assert check_message(message, lang, CheckOptions()) == []


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext msgcat is not installed")
def test_msgcat_drops_custom_flags_but_keeps_translator_comments() -> None:
    """Why suppression is a translator comment and not a ``#,`` flag."""
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "# l10n-ignore: numbers\n#, fuzzy, l10n-ignore-numbers\nmsgid \"a\"\nmsgstr \"b\"\n"
    )
    out = subprocess.run(["msgcat", "-"], input=po, capture_output=True, text=True, check=True).stdout
    assert "# l10n-ignore: numbers\n" in out
    assert "l10n-ignore-numbers" not in out and "#, fuzzy\n" in out
