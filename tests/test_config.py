"""[tool.l10n] parsing: defaults, validation messages that name the key."""

from pathlib import Path

import pytest

from l10n.config import load_config, parse_config, resolved_all
from l10n.errors import ConfigError


def test_project_config() -> None:
    config = load_config(Path(__file__).parent)
    assert config.languages == ("uk", "ru")
    assert config.po_path("uk", "a").relative_to(config.root).as_posix() == "locales/uk/LC_MESSAGES/a.po"


@pytest.mark.parametrize(
    "table, message",
    [
        ({"colour": "red"}, "unknown key tool.l10n.colour"),
        ({"languages": "uk"}, "tool.l10n.languages has the wrong type"),
        ({"threshold": True}, "tool.l10n.threshold has the wrong type"),
        ({"languages": ["xx-nowhere"]}, "unknown language code 'xx-nowhere'"),
        ({"locales_dir": "../elsewhere"}, "points outside the project"),
        ({"build_dir": "/tmp"}, "points outside the project"),
        ({"threshold": 150}, "between 0 and 100"),
        ({"team": ["Ukrainian desk"]}, r"tool.l10n.team has the wrong type \(list\)"),
        ({"teams": "uk"}, r"tool.l10n.teams has the wrong type \(str\)"),
        ({"teams": {"uk": 7}}, r"tool.l10n.teams.uk has the wrong type \(int\)"),
        ({"teams": {"de": "German desk"}}, "tool.l10n.teams.de names a language not in tool.l10n.languages"),
    ],
)
def test_bad_config(tmp_path: Path, table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(table, tmp_path, "pyproject.toml")


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no pyproject.toml with a \[tool.l10n\] table"):
        load_config(tmp_path)


def test_teams(tmp_path: Path) -> None:
    config = parse_config({"team": "Desk", "teams": {"uk": "Ukrainian desk"}}, tmp_path, "pyproject.toml")
    assert (config.team, config.teams) == ("Desk", (("uk", "Ukrainian desk"),))


@pytest.mark.parametrize("teams, line", [
    ('teams = { uk = "Ukrainian desk", ru = 7 }\n', 5),
    ('\n[tool.l10n.teams]\nuk = "Ukrainian desk"\nru = 7\n', 8),
])
def test_a_wrong_team_names_its_key_and_line(tmp_path: Path, teams: str, line: int) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "n"\n\n[tool.l10n]\n' + teams)
    with pytest.raises(ConfigError, match=r"tool.l10n.teams.ru has the wrong type \(int\)") as error:
        load_config(tmp_path)
    assert error.value.line == line


def test_resolved_all_is_resolve_for_every_kind_of_path(tmp_path: Path) -> None:
    """Folders resolved once per call give what ``Path.resolve()`` gives, symlinks at any level included."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "file.po").touch()
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "alias.po").symlink_to(tmp_path / "elsewhere.po")
    (tmp_path / "real" / "up").symlink_to(tmp_path, target_is_directory=True)
    names = ["real/file.po", "linked/file.po", "linked/alias.po", "real/alias.po", "real/missing.po", "linked/up/real",
             "real/..", "linked/..", "missing/deeper/file.po", "real/up/linked/file.po"]
    paths = [tmp_path / name for name in names]
    assert resolved_all(paths) == [path.resolve() for path in paths]
    assert resolved_all(paths)[2] == tmp_path / "elsewhere.po"


def test_relative_all_names_each_path_as_resolve_does(tmp_path: Path) -> None:
    """Shown names worked out per folder equal each path resolved on its own, inside and outside the project."""
    root = tmp_path / "project"
    (root / "real").mkdir(parents=True)
    (root / "real" / "file.po").touch()
    (root / "linked").symlink_to(root / "real", target_is_directory=True)
    (root / "out").symlink_to(tmp_path, target_is_directory=True)
    (root / "real" / "alias.po").symlink_to(tmp_path / "elsewhere.po")
    (root / "real" / "inner.po").symlink_to(root / "top.po")
    config = parse_config({}, root, "pyproject.toml")
    names = ["real/file.po", "linked/file.po", "out/x.po", "real/alias.po", "real/inner.po", "top.po", "real/..",
             "missing/deeper/file.po", "out/project/real/file.po", "linked/../top.po"]
    paths = [root / name for name in names]

    def alone(path: Path) -> str:
        resolved = path.resolve()
        return resolved.relative_to(config.root).as_posix() if resolved.is_relative_to(config.root) else str(path)

    assert config.relative_all(paths) == [alone(path) for path in paths]
    assert config.relative_all(paths)[:6] == ["real/file.po", "real/file.po", str(root / "out/x.po"),
                                              str(root / "real/alias.po"), "top.po", "top.po"]
