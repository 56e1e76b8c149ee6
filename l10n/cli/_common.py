"""Shared pieces of the command line: the click group, exit codes, project loading.

The ``l10n.cli`` package is the only place that imports click (house rule 1).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import __version__
from ..config import FRONT_MATTER_KEYS, Config, find_config_file, load_config
from ..errors import ConfigError, L10nError, UnknownArticle

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from ..pipeline import Project, WriteReport

EXIT_FINDINGS = 1
EXIT_ERROR = 3


class _Group(click.Group):
    """Turns library errors into one-line messages and exit code 3."""

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


def _config() -> Config:
    return load_config(Path.cwd())


def _front_matter_keys() -> tuple[str, ...]:
    """The project's translated front-matter keys; the defaults outside a project."""
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
