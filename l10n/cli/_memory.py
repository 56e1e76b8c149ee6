"""``l10n tm``: translation memory out to TMX and in from it."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import (
    _languages,
    _project,
    main,
)


@main.group()
def tm() -> None:
    """Translation memory as TMX 1.4b: export human translations, import other tools' memories."""


@tm.command("export")
@click.option("--lang", multiple=True, help="Only this language (repeatable; default: every language).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (one language only; default: stdout).")
def tm_export(lang: tuple[str, ...], output: str | None) -> None:
    """Write every human (reviewed, non-MT) translation of the project as TMX, one document per language."""
    from ..files import write_bytes
    from ..tm import export_tmx

    project = _project()
    languages = _languages(project.config, lang)
    if output and len(languages) != 1:
        raise click.UsageError("-o needs exactly one --lang")
    for language in languages:
        data = export_tmx(project, language)
        if output:
            write_bytes(output, data)
        else:
            click.echo(data.decode("utf-8"), nl=False)


@tm.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file, write nothing.")
@click.option("--overwrite", is_flag=True,
              help="Replace an imported memory of the same name, and let this file's units come before other imported files'.")
def tm_import(source: str, dry_run: bool, overwrite: bool) -> None:
    """Check a TMX file and keep it as locales/memory/NAME.tmx; pretranslate then uses it (after the catalogs, before MT).

    A unit whose source the memory already translates otherwise is a
    conflict: the catalogs' translations and earlier imported files (name
    order) stay first, and the count is reported.
    """
    from ..tm import import_tmx

    project = _project()
    report = import_tmx(project, Path(source), dry_run=dry_run, overwrite=overwrite)
    shown = ", ".join(f"{lang}: {count}" for lang, count in report.units.items())
    click.echo(f"{'would import' if dry_run else 'imported'} {project.config.relative(report.target)} ({shown} units)")
    for lang in report.units:
        if report.kept[lang]:
            click.echo(f"{lang}: {report.kept[lang]} units conflict with an earlier translation of their source, which is kept")
        if report.overridden[lang]:
            click.echo(f"{lang}: {report.overridden[lang]} units come before another file's translation of their source")
