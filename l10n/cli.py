"""The ``l10n`` command line: parse options, call the library, print, exit.

Exit codes: 0 ok, 1 findings (check failed, a language refused, ``--check``
found stale files), 2 usage, 3 tool error (bad input). Every L10nError
becomes one line on stderr; no traceback reaches the user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import Config, load_config
from .errors import L10nError

EXIT_FINDINGS = 1
EXIT_ERROR = 3


class _Group(click.Group):
    """Turns library errors into one-line messages and exit code 3."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except L10nError as exc:
            click.echo(f"l10n: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("l10n: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="l10n")
def main() -> None:
    """Offline localization of Markdown articles through gettext catalogs."""


def _config() -> Config:
    return load_config(Path.cwd())


def _project() -> Any:
    from .pipeline import load_project

    return load_project(_config())


def _languages(config: Config, lang: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [code for code in lang if code not in config.languages]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} not among configured languages {', '.join(config.languages)}", param_hint="--lang")
    return lang or config.languages


def _print_report(report: Any, dry_run: bool) -> None:
    verb = "would write" if dry_run else "wrote"
    for path in report.changed:
        click.echo(f"{verb} {path}")
    if not report.changed:
        click.echo(f"up to date ({len(report.unchanged)} files)")


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per segment, with its placeholders.")
def segment(file: str, as_json: bool) -> None:
    """Print the translatable segments of FILE (Markdown or plain text; - for stdin)."""
    from .segment import read_document, segment_text

    if file == "-":
        document = segment_text(sys.stdin.read(), "stdin", "<stdin>")
    else:
        document = read_document(Path(file), file)
    for item in document.segments:
        if as_json:
            record = {
                "text": item.text, "context": item.context, "line": item.line, "kind": item.kind,
                "label": item.label, "source": item.source,
                "placeholders": [{"number": p.number, "opening": p.opening, "closing": p.closing} for p in item.placeholders],
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(item.text)


@main.command()
@click.option("--dry-run", "--check", "dry_run", is_flag=True, help="Write nothing; exit 1 if a template is out of date.")
def extract(dry_run: bool) -> None:
    """Write the POT template of every source article to locales/."""
    from .pipeline import extract as run

    report = run(_project(), dry_run)
    _print_report(report, dry_run)
    if dry_run and report.changed:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.option("--lang", multiple=True, help="Only this language (repeatable).")
@click.option("--dry-run", "--check", "dry_run", is_flag=True, help="Write nothing; exit 1 if a catalog is out of date.")
def update(lang: tuple[str, ...], dry_run: bool) -> None:
    """Extract templates and merge them into every language's PO catalog."""
    from .pipeline import update as run

    project = _project()
    report = run(project, _languages(project.config, lang), dry_run)
    _print_report(report, dry_run)
    if dry_run and report.changed:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.option("--lang", multiple=True, help="Only this language (repeatable).")
@click.option("--force", is_flag=True, help="Build languages below the completeness threshold too.")
def build(lang: tuple[str, ...], force: bool) -> None:
    """Build Markdown, HTML and MO editions under build/<lang>/."""
    from .pipeline import build as run

    project = _project()
    reports = run(project, _languages(project.config, lang), force)
    refused = False
    for report in reports:
        if not report.built:
            refused = True
            click.echo(f"l10n: {report.lang}/{report.slug}: not built: {report.reason}", err=True)
            continue
        note = f", {report.fallback} segment(s) fell back to the source" if report.fallback else ""
        click.echo(f"{report.lang}/{report.slug}: {report.percent:.0f}% translated{note}")
        for path in report.files:
            click.echo(f"  {path}")
    if refused:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per catalog.")
def stats(paths: tuple[str, ...], as_json: bool) -> None:
    """Count translated, fuzzy, untranslated and obsolete messages and words."""
    from .pipeline import catalog_stats, project_catalogs
    from .pofile import read_po

    if paths:
        files = [(Path(p), p) for p in paths]
    else:
        config = _config()
        files = [(p, config.relative(p)) for p in project_catalogs(config)]
    results = [catalog_stats(read_po(path), shown) for path, shown in files]
    for item in results:
        if as_json:
            record = {key: getattr(item, key) for key in item.__dataclass_fields__}
            record["percent"] = round(item.percent, 2)
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(
                f"{item.path}: {item.translated} translated, {item.fuzzy} fuzzy, "
                f"{item.untranslated} untranslated, {item.obsolete} obsolete messages; "
                f"{item.translated_words}/{item.translated_words + item.fuzzy_words + item.untranslated_words} "
                f"source words translated ({item.percent:.1f}%)"
            )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--min", "minimum", type=click.FloatRange(0, 100), help="Required translated percentage (default: config check_threshold).")
def check(paths: tuple[str, ...], minimum: float | None) -> None:
    """Fail (exit 1) when a catalog is below its completeness threshold."""
    from .pipeline import check_completeness, project_catalogs

    config = _config()
    files = [Path(p) for p in paths] or project_catalogs(config)
    failed = False
    for stats_, ok in check_completeness(config, files, minimum):
        if not ok:
            failed = True
            click.echo(f"{stats_.path}:1: error: completeness: {stats_.percent:.1f}% translated ({stats_.fuzzy} fuzzy, {stats_.untranslated} untranslated)")
    click.echo(f"{len(files)} catalog(s) checked, {'failed' if failed else 'all complete'}")
    if failed:
        sys.exit(EXIT_FINDINGS)
