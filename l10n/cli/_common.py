"""Shared pieces of the command line: the click group, exit codes, project loading.

The ``l10n.cli`` package is the only place that imports click (house rule 1).
Importing it loads click and nothing heavy: the group imports a command's
module when that command is asked for (``--help`` asks for all of them), and
each command imports the library modules it needs when it runs (a pre-commit
hook starts one process per file; tests/test_startup_imports.py keeps it so).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import __version__
from ..errors import ConfigError, L10nError, UnknownArticle

if TYPE_CHECKING:  # the config and pipeline are imported when a command runs, not for --help
    from ..config import Config
    from ..pipeline import Project, WriteReport

EXIT_FINDINGS = 1
EXIT_ERROR = 3


COMMAND_MODULES = {
    "build": "_steps", "check": "_steps", "extract": "_steps", "import": "_sources", "models": "_steps",
    "names": "_sources", "pretranslate": "_steps", "segment": "_steps", "stats": "_stats", "tm": "_memory",
    "update": "_steps",
}
"""Each command → the ``l10n.cli`` module that defines it (and registers it on :data:`main` when imported)."""


class _Group(click.Group):
    """Loads a command's module on first use; turns library errors into one-line messages and exit code 3."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UnknownArticle as exc:
            raise click.BadParameter(exc.message, ctx=ctx, param_hint="SLUGS") from None
        except L10nError as exc:
            click.echo(f"l10n: error: {one_line(str(exc))}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("l10n: interrupted", err=True)
            ctx.exit(130)


def one_line(message: str, limit: int = 500) -> str:
    """An error message as one line of readable length, whatever bad input it quotes."""
    message = " ".join(message.splitlines())
    return message if len(message) <= limit else message[: limit - 1] + "…"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="l10n")
def main() -> None:
    """Offline localization of Markdown articles through gettext catalogs."""


def _json_line(record: dict[str, object]) -> str:
    """One record of ``--json`` output (json is imported only when asked for)."""
    import json

    return json.dumps(record, ensure_ascii=False)


def _config() -> Config:
    from ..config import load_config

    return load_config(Path.cwd())


def _front_matter_keys() -> tuple[str, ...]:
    """The project's translated front-matter keys; the defaults outside a project."""
    from ..config import FRONT_MATTER_KEYS, find_config_file

    try:
        find_config_file(Path.cwd().resolve())
    except ConfigError:
        return FRONT_MATTER_KEYS
    return _config().front_matter_keys


def _project() -> Project:
    from ..pipeline import load_project

    return load_project(_config())


def _languages(config: Config, lang: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [code for code in lang if code not in config.languages]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} not among configured languages {', '.join(config.languages)}", param_hint="--lang")
    return lang or config.languages


def _print_report(report: WriteReport, dry_run: bool) -> None:
    """Say what a writing step wrote; with ``--dry-run``/``--check``, exit 1 if anything was stale."""
    verb = "would write" if dry_run else "wrote"
    for path in report.changed:
        click.echo(f"{verb} {path}")
    if not report.changed:
        click.echo(f"up to date ({len(report.unchanged)} files)")
    if dry_run and report.changed:
        sys.exit(EXIT_FINDINGS)
