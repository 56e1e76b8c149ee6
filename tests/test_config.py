"""[tool.l10n] parsing: defaults, validation messages that name the key."""

from pathlib import Path

import pytest

from l10n.config import load_config, parse_config
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
    ],
)
def test_bad_config(tmp_path: Path, table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(table, tmp_path, "pyproject.toml")


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no pyproject.toml with a \[tool.l10n\] table"):
        load_config(tmp_path)
