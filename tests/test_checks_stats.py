"""`l10n stats` counts equal GNU `msgfmt --statistics`, on our catalogs and Django's.

Django's uk and ru catalogs are large, human-translated and full of plural
entries, fuzzy entries and format flags (the ``django_catalogs`` fixture,
fetched from PyPI once per machine; skipped with the reason when they cannot be).
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import main
from l10n.pofile import read_po
from l10n.stats import catalog_stats

ROOT = Path(__file__).parent.parent
STATS_RE = re.compile(r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?(?:, (\d+) untranslated messages?)?")
TRICKY = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "done"
msgstr "готово"

#, fuzzy
msgid "fuzzy"
msgstr "нечітко"

#, fuzzy
msgid "fuzzy but empty"
msgstr ""

msgid "empty"
msgstr ""

#, c-format
msgid "%d day"
msgid_plural "%d days"
msgstr[0] ""
msgstr[1] "%d дні"
msgstr[2] "%d днів"

#, c-format
msgid "%d hour"
msgid_plural "%d hours"
msgstr[0] "%d година"
msgstr[1] ""
msgstr[2] ""

#~ msgid "old"
#~ msgstr "старе"
'''

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt is not installed")


def msgfmt_counts(path: Path) -> tuple[int, int, int]:
    """msgfmt's counts; one process per file (given several, it merges them)."""
    done = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(path)], capture_output=True, text=True)
    match = STATS_RE.search(done.stderr)
    assert match, done.stderr
    return tuple(int(group or 0) for group in match.groups())  # type: ignore[return-value]


def l10n_counts(paths: list[Path]) -> dict[str, tuple[int, int, int]]:
    result = CliRunner().invoke(main, ["stats", "--json", *map(str, paths)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    return {r["path"]: (r["translated"], r["fuzzy"], r["untranslated"]) for r in records}


def test_tricky_catalog(tmp_path: Path) -> None:
    path = tmp_path / "tricky.po"
    path.write_text(TRICKY, "utf-8")
    assert l10n_counts([path]) == {str(path): msgfmt_counts(path)} == {str(path): (2, 1, 3)}


def test_project_catalogs() -> None:
    paths = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
    if not paths:
        pytest.skip("the project has no catalogs yet (run `l10n update`)")
    assert l10n_counts(paths) == {str(p): msgfmt_counts(p) for p in paths}


@pytest.mark.slow  # Django's catalogs through msgfmt
def test_django_catalogs(django_catalogs: list[Path]) -> None:
    paths = django_catalogs
    assert len(paths) >= 20
    ours = l10n_counts(paths)
    theirs = {str(p): msgfmt_counts(p) for p in paths}
    assert ours == theirs
    assert sum(t for t, _, _ in theirs.values()) > 1500


def test_message_counts_without_words_are_msgfmts(tmp_path: Path) -> None:
    """The build's threshold counts messages only (``words=False``): the same counts, no words."""
    path = tmp_path / "tricky.po"
    path.write_text(TRICKY, "utf-8")
    stats = catalog_stats(read_po(path, foreign=True, shown="tricky.po"), "tricky.po", words=False)
    assert (stats.translated, stats.fuzzy, stats.untranslated) == msgfmt_counts(path) == (2, 1, 3)
    assert (stats.translated_words, stats.fuzzy_words, stats.untranslated_words) == (0, 0, 0)
