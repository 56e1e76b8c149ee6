"""Plural rules and plural-form format directives, judged as ``msgfmt -c`` judges them.

Every case runs the real ``msgfmt -c`` on the same file and asserts that it
and ``l10n check`` agree, and what the verdict is.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from l10n.checks import CheckOptions, check_catalogs
from l10n.errors import PluralFormsError
from l10n.plural_expr import evaluate, parse_expression, plural_forms

UK = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
PL = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
DE = "nplurals=2; plural=(n != 1);"
SELECT = ("format-specifiers", "plural-expression", "plural-forms")


def _catalog(rule: str, flag: str, msgid: str, msgid_plural: str, forms: list[str], lang: str = "uk") -> str:
    header = (f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n'
              f'"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
              f'"Plural-Forms: {rule}\\n"\n\n')
    strings = "".join(f'msgstr[{k}] "{text}"\n' for k, text in enumerate(forms))
    return header + f'#, {flag}\nmsgid "{msgid}"\nmsgid_plural "{msgid_plural}"\n' + strings


def _verdicts(tmp_path: Path, text: str) -> tuple[bool, bool]:
    """(msgfmt -c accepts, l10n check passes) for the same file."""
    path = tmp_path / "x.po"
    path.write_text(text, encoding="utf-8")
    gettext = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    result = check_catalogs([(path, "x.po")], CheckOptions(select=SELECT))
    return gettext.returncode == 0, not result.failed()


CASES = {
    # id: (rule, flag, msgid, msgid_plural, forms, lang, accepted)
    "uk-all-forms-keep-the-count": (UK, "c-format", "%d file", "%d files", ["%d файл", "%d файли", "%d файлів"], "uk", True),
    "c-type-mismatch-in-a-form": (UK, "c-format", "%d file", "%d files", ["%d файл", "%s файли", "%d файлів"], "uk", False),
    "uk-form-0-drops-the-count": (UK, "c-format", "%d file", "%d files", ["один файл", "%d файли", "%d файлів"], "uk", False),
    "pl-form-0-only-n-1-drops-the-count": (PL, "c-format", "%d file", "%d files", ["jeden plik", "%d pliki", "%d plików"], "pl", True),
    "de-form-0-only-n-1-drops-the-count": (DE, "c-format", "%d file", "%d files", ["eine Datei", "%d Dateien"], "de", True),
    "de-many-form-drops-the-count": (DE, "c-format", "%d file", "%d files", ["%d Datei", "Dateien"], "de", False),
    "form-for-four-n-may-drop": ("nplurals=2; plural=(n>=1 && n<=4 ? 0 : 1);", "c-format", "%d file", "%d files",
                                 ["ein paar Dateien", "%d Dateien"], "de", True),
    "form-for-five-n-may-not": ("nplurals=2; plural=(n>=1 && n<=5 ? 0 : 1);", "c-format", "%d file", "%d files",
                                ["ein paar Dateien", "%d Dateien"], "de", False),
    "one-n-form-adds-a-directive": (PL, "c-format", "%d file", "%d files", ["%d plik %s", "%d pliki", "%d plików"], "pl", False),
    "python-named-dropped-in-n-1-form": (PL, "python-format", "%(n)d file", "%(n)d files",
                                         ["jeden plik", "%(n)d pliki", "%(n)d plików"], "pl", True),
    "python-named-dropped-in-uk-form-0": (UK, "python-format", "%(n)d file", "%(n)d files",
                                          ["один файл", "%(n)d файли", "%(n)d файлів"], "uk", False),
    "python-unnamed-dropped-even-in-n-1-form": (PL, "python-format", "%d file", "%d files",
                                                ["jeden plik", "%d pliki", "%d plików"], "pl", False),
    "python-s-for-d-in-a-lenient-form": (PL, "python-format", "%d file", "%d files", ["%s plik", "%d pliki", "%d plików"], "pl", False),
    "range-leaves-one-n-for-the-form": (UK, "c-format, range: 0..1", "%d file", "%d files",
                                        ["один файл", "%d файли", "%d файлів"], "uk", True),
    "range-leaves-several-n-for-the-form": (UK, "c-format, range: 0..21", "%d file", "%d files",
                                            ["один файл", "%d файли", "%d файлів"], "uk", False),
    "python-s-for-d-in-a-strict-form": (PL, "python-format", "%d file", "%d files", ["%d plik", "%s pliki", "%d plików"], "pl", False),
    "bad-expression-syntax": ("nplurals=2; plural=(n != 1;", "c-format", "%d file", "%d files", ["%d Datei", "%d Dateien"], "de", False),
    "bad-expression-operator": ("nplurals=2; plural=n = 1;", "c-format", "%d file", "%d files", ["%d Datei", "%d Dateien"], "de", False),
    "value-out-of-range": ("nplurals=2; plural=(n==1 ? 0 : n==2 ? 1 : 2);", "c-format", "%d file", "%d files",
                           ["%d Datei", "%d Dateien"], "de", False),
    "division-by-zero": ("nplurals=2; plural=(n/0);", "c-format", "%d file", "%d files", ["%d Datei", "%d Dateien"], "de", False),
    "wraps-below-zero": ("nplurals=2; plural=(n-1);", "c-format", "%d file", "%d files", ["%d Datei", "%d Dateien"], "de", False),
    "single-form-is-strict": ("nplurals=1; plural=0;", "c-format", "%d file", "%d files", ["ファイル"], "ja", False),
    "single-form-keeps-the-count": ("nplurals=1; plural=0;", "c-format", "%d file", "%d files", ["%d ファイル"], "ja", True),
    "unsigned-wrap-makes-a-form-frequent": ("nplurals=2; plural=(n-5 > 1000);", "c-format", "%d file", "%d files",
                                            ["%d Datei", "Dateien"], "de", False),
    "nplurals-mismatch": (UK, "c-format", "%d file", "%d files", ["%d файл", "%d файли"], "uk", False),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_agrees_with_msgfmt_c(tmp_path: Path, case: str) -> None:
    rule, flag, msgid, msgid_plural, forms, lang, accepted = CASES[case]
    text = _catalog(rule, flag, msgid, msgid_plural, forms, lang)
    assert _verdicts(tmp_path, text) == (accepted, accepted)


def test_check_message_without_a_header_is_lenient_as_gettext() -> None:
    """No plural rule known: gettext's check has no distribution and is lenient."""
    from l10n.checks import check_message
    from l10n.model import Message

    message = Message("%d file", msgid_plural="%d files", msgstr_plural={0: "один файл", 1: "%d файли", 2: "%d файлів"},
                      flags=["c-format"])
    assert check_message(message, "uk", CheckOptions(select=("format-specifiers",))) == []


def test_plural_expression_finding_names_the_header_line(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(_catalog("nplurals=2; plural=(n==1 ? 0 : 2);", "c-format", "%d file", "%d files",
                             ["%d Datei", "%d Dateien"], "de"), encoding="utf-8")
    result = check_catalogs([(path, "x.po")], CheckOptions(select=("plural-expression",)))
    assert [(f.line, f.check, f.message) for f in result.findings] == [
        (1, "plural-expression", "nplurals = 2 but the plural expression gives 2 for n = 0")]


# ------------------------------------------------------- the evaluator itself

@pytest.mark.parametrize("rule", [UK, PL, DE, "nplurals=1; plural=0;",
                                  "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
                                  "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"])
def test_evaluator_matches_pythons_gettext_on_real_rules(rule: str) -> None:
    """Python's gettext module compiles the same C expressions (as Python code:
    fine in a test, never in the tool); both give the same form for every n."""
    import gettext

    expression = rule.split("plural=", 1)[1].rstrip(";")
    reference = gettext.c2py(expression)
    node = parse_expression(expression)
    assert [evaluate(node, n) for n in range(2000)] == [reference(n) for n in range(2000)]


def test_arithmetic_is_unsigned_long_as_in_c() -> None:
    assert evaluate(parse_expression("n - 2 > 5"), 0) == 1  # 0 - 2 wraps to 2**64 - 2
    assert evaluate(parse_expression("n * 0 + 7 / 2 % 3"), 9) == 0
    assert evaluate(parse_expression("!n == 1"), 0) == 1  # ! binds tighter than ==
    assert evaluate(parse_expression("1 ? 2 : 0 ? 3 : 4"), 0) == 2


def test_counts_per_form_for_ukrainian() -> None:
    rule = plural_forms(f"Language: uk\nPlural-Forms: {UK}\n")
    assert rule is not None and rule.counts == (90, 270, 641)
    assert [rule.often(k) for k in range(3)] == [True, True, True]
    pl = plural_forms(PL)
    assert pl is not None and pl.counts[0] == 1 and not pl.often(0)


@pytest.mark.parametrize("text", ["__import__('os').system('true')", "n ** 2", "n 1", "-n", "n >> 1", "(n", "n ? 1", ""])
def test_non_c_or_malformed_expressions_are_refused(text: str) -> None:
    with pytest.raises(PluralFormsError):
        parse_expression(text) if ";" in text else plural_forms(f"nplurals=2; plural={text};")
