"""Guarantee: nothing escapes the project.

No command writes outside the project root: configured paths that leave it
(``../``, absolute, or a symlink out) are refused when the config loads; a
folder or catalog inside the project that is a symlink pointing out is
refused before anything is written; article file names (the slugs every
output path is built from) must be plain slugs. An ``.argosmodel`` archive
whose members would extract outside the packages folder is refused before
argostranslate opens it. No config, front matter, glossary or catalog value
is ever evaluated as code.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import main
from l10n.pofile import read_po

SLUG = "bakhmut-un-chief"
PWNED = "l10n-pwned"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the project, which no command may touch."""
    folder = tmp_path.parent / f"{tmp_path.name}-outside"
    folder.mkdir()
    (folder / "keep.txt").write_text("untouched\n")
    return folder


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def _refused(root: Path, outside: Path, *command: str, message: str) -> None:
    """``l10n COMMAND`` exits 3 with one line containing ``message``, writing nothing anywhere."""
    (root / ".l10n.lock").touch()
    before, elsewhere = _tree(root), _tree(outside)
    result = CliRunner().invoke(main, list(command), catch_exceptions=False)
    assert result.exit_code == 3, result.output
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr
    assert _tree(root) == before and _tree(outside) == elsewhere


def _edit(root: Path) -> None:
    article = root / "source" / f"{SLUG}.md"
    article.write_text(article.read_text() + "\nOne more sentence from the desk.\n")


def test_symlinked_language_folder_pointing_out_is_refused(translated_project: Path, outside: Path) -> None:
    _edit(translated_project)
    uk = translated_project / "locales" / "uk"
    (outside / "uk").mkdir()
    (uk / "LC_MESSAGES").rename(outside / "uk" / "LC_MESSAGES")
    uk.rmdir()
    uk.symlink_to(outside / "uk", target_is_directory=True)
    _refused(translated_project, outside, "update", message="locales/uk/LC_MESSAGES/bakhmut-un-chief.po: refusing to write outside the project")


def test_symlinked_catalog_pointing_out_is_refused(translated_project: Path, outside: Path) -> None:
    _edit(translated_project)
    po = translated_project / "locales/ru/LC_MESSAGES" / f"{SLUG}.po"
    po.rename(outside / "ru.po")
    po.symlink_to(outside / "ru.po")
    _refused(translated_project, outside, "update", message="refusing to write outside the project")


def test_symlinked_build_folder_pointing_out_is_refused(translated_project: Path, outside: Path) -> None:
    (translated_project / "build").mkdir()
    (translated_project / "build" / "ru").symlink_to(outside, target_is_directory=True)
    _refused(translated_project, outside, "build", "--force", message="build/ru/bakhmut-un-chief.md: refusing to write outside")


@pytest.mark.parametrize("name", [f"{SLUG}.html", f"LC_MESSAGES/{SLUG}.mo"])
def test_symlinked_edition_file_pointing_out_is_refused(translated_project: Path, outside: Path, name: str) -> None:
    """A build resolves each folder once, but a file that is itself a symlink is still followed."""
    target = translated_project / "build" / "uk" / name
    target.parent.mkdir(parents=True)
    target.symlink_to(outside / "keep.txt")
    _refused(translated_project, outside, "build", "--force", message=f"build/uk/{name}: refusing to write outside")


def test_pretranslate_refuses_a_catalog_symlinked_out(
    translated_project: Path, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("l10n.engines.argos.ArgosTranslator", lambda *args: pytest.fail("engine loaded"))
    po = translated_project / "locales/ru/LC_MESSAGES" / f"{SLUG}.po"
    po.rename(outside / "ru.po")
    po.symlink_to(outside / "ru.po")
    _refused(translated_project, outside, "pretranslate", message="refusing to write outside the project")


@pytest.mark.parametrize("key", ["source_dir", "locales_dir", "build_dir", "glossary"])
def test_configured_path_symlinked_out_is_refused(project: Path, outside: Path, key: str) -> None:
    (project / "linked").symlink_to(outside, target_is_directory=True)
    config = project / "pyproject.toml"
    text = config.read_text()
    value = {"glossary": "linked/glossary.csv"}.get(key, "linked")
    text = text.replace(f"\n{key} = ", f"\n# {key} = ")
    config.write_text(text + f'{key} = "{value}"\n')
    _refused(project, outside, "update", message=f"tool.l10n.{key} = '{value}' points outside the project")


@pytest.mark.parametrize("name", ["Bad Name.md", "-rf.md", "...md", "line\nbreak.md", "ünïcode.md", ".hidden.md"])
def test_article_file_names_must_be_slugs(project: Path, outside: Path, name: str) -> None:
    (project / "source" / name).write_text("# A headline\n\nA sentence.\n")
    _refused(project, outside, "update", message="file name is not a valid article slug")


METADATA = json.dumps({"from_code": "en", "to_code": "uk", "package_version": "1", "type": "translate"})


@pytest.mark.parametrize("member", ["translate-en_uk/../../evil.txt", "/tmp/l10n-evil.txt", "..\\evil.txt"])
def test_models_install_refuses_an_archive_that_extracts_outside(
    project: Path, outside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, member: str
) -> None:
    from argos_fixture import argos_environment

    for key, value in argos_environment(outside / "argos").items():
        monkeypatch.setenv(key, value)
    from argostranslate import package, settings

    packages = outside / "argos" / "packages"
    packages.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(settings, "package_data_dir", packages)
    monkeypatch.setattr(package, "install_from_path", lambda path: pytest.fail("argostranslate opened the archive"))
    evil = project / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("translate-en_uk/metadata.json", METADATA)
        archive.writestr(member, "escaped")
    _refused(project, outside, "models", "install", str(evil), message="would be written outside the packages folder")
    assert not Path("/tmp/l10n-evil.txt").exists() and not list(tmp_path.parent.glob("evil.txt"))


def test_no_value_is_ever_evaluated_as_code(project: Path, cli) -> None:
    payload = f"__import__('os').system('touch {PWNED}')"
    shell = f"$(touch {PWNED}) `touch {PWNED}`; touch {PWNED}"
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('project = "l10n articles"', f'project = "{payload}"')
                      .replace('bugs_address = "source-bugs@l10n-newsroom.org"', f'bugs_address = "{shell}"'))
    glossary = project / "locales" / "glossary.csv"
    glossary.write_text(glossary.read_text() + f"mercenary,organization,\"{payload}\",\"=cmd|' /C calc'!A0\",,,{shell}\n")
    article = project / "source" / f"{SLUG}.md"
    article.write_text(article.read_text().replace('publisher: "RFE/RL"', f'publisher: "{payload}"'))
    assert cli("update").exit_code == 0
    header = read_po(project / "locales" / f"{SLUG}.pot").header_fields()
    assert header["Project-Id-Version"] == payload and header["Report-Msgid-Bugs-To"] == shell
    po = project / "locales/uk/LC_MESSAGES" / f"{SLUG}.po"
    text = po.read_text()
    po.write_text(text.replace("Plural-Forms: nplurals=3; plural=(n%10==1", f"Plural-Forms: nplurals=3; plural={payload} or (n%10==1"))
    # check fails on completeness (nothing is translated); the others succeed: the payloads are plain text
    for command, code in ((["build", "--force"], 0), (["stats"], 0), (["check"], 1), (["update"], 0)):
        result = cli(*command)
        assert result.exit_code == code and "Traceback" not in result.output, (command, result.output[-500:])
    assert any(f"mercenary → uk {payload}" in c for m in read_po(po).entries() for c in m.extracted_comments)
    assert not list(project.rglob(f"{PWNED}*")) and not list(Path.cwd().glob(f"{PWNED}*"))
    assert not Path(PWNED).exists() and not (Path.home() / PWNED).exists()
