"""Every check is documented and selectable; translators can silence one entry."""

import re
import shutil
import subprocess

import pytest

from l10n.checks import REGISTRY, CheckOptions, UnknownCheck, check_message, ignored_names, select_checks
from l10n.model import Message


@pytest.mark.parametrize("check", list(REGISTRY.values()), ids=lambda c: c.id)
def test_every_check_has_id_severity_and_title(check) -> None:
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", check.id)
    assert check.severity in ("error", "warning")
    assert check.scope in ("unit", "catalog", "cross", "file")
    assert check.title and check.title[0].isupper() and check.title.endswith((".", ")"))
    assert check.title == check.run.__doc__.strip().splitlines()[0]


def test_the_issue_families_are_all_there() -> None:
    ids = set(REGISTRY)
    assert {"completeness", "unreviewed-mt", "placeholders", "urls", "numbers", "glossary-term", "glossary-variant",
            "foreign-letters", "latin-words", "english-words", "spelled-numbers", "quotes", "double-space", "whitespace", "end-punctuation",
            "untranslated", "cross-language", "po-syntax"} <= ids


def test_select_and_ignore_take_ids_and_families() -> None:
    assert {c.id for c in select_checks(["glossary"])} == {"glossary-term", "glossary-variant"}
    assert {c.id for c in select_checks(["markup", "numbers"], ["urls"])} == {"placeholders", "injected-markup", "format-specifiers", "numbers", "spelled-numbers"}
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
