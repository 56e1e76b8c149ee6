"""The polib cross-read catches a reader bug, wherever the suite left the catalog.

A bug planted in our reader (it drops the ``#|`` previous msgid, or a flag)
must make ``assert_polib_agrees`` fail, naming the file and the entry. An
inner pytest session with our conftest shows the autouse fixtures see the
catalogs a test's subprocess wrote into its tmp_path and those a module
fixture left in a ``tmp_path_factory`` folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from polib_crossread import assert_polib_agrees

import l10n.pofile

pytest_plugins = ["pytester"]

CATALOG = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#. paragraph 2
#: source/news.md:3
#, fuzzy, no-wrap
#| msgid "Troops held the city."
msgid "Troops held the town."
msgstr "Війська втримали місто."
"""
HERE = Path(__file__).parent


def _catalog(folder: Path) -> Path:
    path = folder / "locales/uk/LC_MESSAGES/news.po"
    path.parent.mkdir(parents=True)
    path.write_text(CATALOG, encoding="utf-8")
    return path


def test_the_catalog_reads_the_same_without_a_planted_bug(tmp_path: Path) -> None:
    _catalog(tmp_path)
    assert_polib_agrees([tmp_path])


def _sides(caught: pytest.ExceptionInfo[AssertionError]) -> tuple[str, str]:
    """The first disagreement: our reading's line and polib's."""
    first, ours, theirs = str(caught.value).split("\n")[:3]
    assert first == "polib reads these catalogs differently:"
    return ours, theirs


def test_a_reader_that_drops_the_previous_msgid_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _catalog(tmp_path)
    put = l10n.pofile._Parser.put

    def forgetful(self: l10n.pofile._Parser, field: str, value: str, new: bool = False) -> None:
        if field != "previous_msgid":
            put(self, field, value, new)

    monkeypatch.setattr(l10n.pofile._Parser, "put", forgetful)
    with pytest.raises(AssertionError) as caught:
        assert_polib_agrees([tmp_path])
    ours, theirs = _sides(caught)
    assert ours.startswith(f"{path}: ours ") and theirs.startswith("  polib ")
    assert "'Troops held the city.'" not in ours and "'Troops held the city.'" in theirs
    monkeypatch.undo()
    path.unlink()  # the autouse cross-read reads the folder again after the test


def test_a_reader_that_drops_a_flag_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _catalog(tmp_path)
    normalize = l10n.pofile.normalize_flags
    monkeypatch.setattr(l10n.pofile, "normalize_flags", lambda body: [f for f in normalize(body) if f != "no-wrap"])
    with pytest.raises(AssertionError) as caught:
        assert_polib_agrees([tmp_path])
    ours, theirs = _sides(caught)
    assert ours.startswith(f"{path}: ours ") and "'no-wrap'" not in ours and "'no-wrap'" in theirs
    monkeypatch.undo()
    path.unlink()


INNER = '''
import subprocess, sys
from pathlib import Path

import pytest

import l10n.pofile

CATALOG = {catalog!r}


def write(folder):
    path = folder / "news.po"
    path.write_text(CATALOG, encoding="utf-8")
    return path


# The reader bug, for the whole session (its end reads the fixtures' folders).
put = l10n.pofile._Parser.put
l10n.pofile._Parser.put = lambda self, field, value, new=False: None if field == "previous_msgid" else put(
    self, field, value, new)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    return write(tmp_path_factory.mktemp("shared"))


def test_subprocess_writes_into_tmp_path(tmp_path):
    code = f"from pathlib import Path; Path({{str(tmp_path / 'sub.po')!r}}).write_text({{CATALOG!r}}, encoding='utf-8')"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_uses_a_module_fixture_folder(shared):
    assert shared.exists()


def test_without_catalogs(tmp_path):
    (tmp_path / "notes.txt").write_text("no catalog")
'''


@pytest.mark.slow  # a pytest session in a subprocess
def test_the_autouse_cross_read_sees_subprocess_and_factory_folders(pytester: pytest.Pytester) -> None:
    shutil.copy(HERE / "conftest.py", pytester.path / "conftest.py")
    shutil.copy(HERE / "polib_crossread.py", pytester.path / "polib_crossread.py")
    pytester.makepyfile(test_inner=INNER.format(catalog=CATALOG))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    # each test passes; one error at the teardown of the subprocess test, one at the session's end
    result.assert_outcomes(passed=3, errors=2)
    output = result.stdout.str()
    assert "ERROR at teardown of test_subprocess_writes_into_tmp_path" in output
    assert "ERROR at teardown of test_without_catalogs" in output  # the last test: the session's teardown
    assert "/sub.po: ours" in output
    assert "shared0/news.po: ours" in output
