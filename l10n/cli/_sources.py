"""Commands for a new article: ``import`` a page, list its ``names`` the glossary lacks."""

from __future__ import annotations

import sys

import click

from ._common import (
    _config,
    _project,
    main,
)


@main.command()
@click.argument("slugs", nargs=-1)
@click.option("--csv", "as_csv", is_flag=True, help="Print glossary rows (CSV in the glossary's columns) instead of a table.")
@click.option("--append", is_flag=True, help="Append the new rows that have a form in every language to the glossary, each noted for review.")
@click.option("--dry-run", is_flag=True, help="With --append: write nothing, say what would be appended.")
def names(slugs: tuple[str, ...], as_csv: bool, append: bool, dry_run: bool) -> None:
    """List names in the sources (or the articles SLUGS) that the glossary does not cover, with proposed forms."""
    from ..errors import ConfigError
    from ..names import find_names
    from ..pipeline import select_documents
    from ..proposals import append_proposals, format_csv, format_table

    project = _project()
    config = project.config
    documents = select_documents(project, slugs)
    proposals = find_names(documents, project.terms, config.languages)
    click.echo(format_csv(proposals, config.languages) if as_csv else format_table(proposals, config.languages), nl=False)
    if not append:
        return
    if config.glossary is None:
        raise ConfigError("no glossary configured ([tool.l10n] glossary)")
    shown = config.relative(config.glossary)
    report = append_proposals(config.glossary, proposals, config.languages, shown, dry_run)
    verb = "would append" if dry_run else "appended"
    click.echo(f"{verb} {len(report.added)} row(s) to {shown}; {len(report.incomplete)} left to add by hand"
               f" (no form in every language): {', '.join(report.incomplete) or '—'}", err=True)


def _meta(values: tuple[str, ...]) -> dict[str, str]:
    """``--meta date=2023-03-07`` → ``{"date": "2023-03-07"}``."""
    result = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{value!r} is not KEY=VALUE", param_hint="--meta")
        result[key.strip()] = text.strip()
    return result


@main.command("import")
@click.argument("source")
@click.option("--slug", help="File name under source/ (default: from the title).")
@click.option("--format", "fmt", type=click.Choice(["html", "text"]), help="Force the input kind (default: detected from the content).")
@click.option("--meta", multiple=True, metavar="KEY=VALUE", help="Set a front-matter field, e.g. date=2023-03-07 (repeatable).")
@click.option("--force", is_flag=True, help="Replace an existing source of that slug.")
@click.option("--dry-run", is_flag=True, help="Print the source that would be written; write nothing.")
def import_(source: str, slug: str | None, fmt: str | None, meta: tuple[str, ...], force: bool, dry_run: bool) -> None:
    """Turn a newsroom page (HTML file or http(s) URL) or scraped text (- for stdin) into source/<slug>.md."""
    from ..importer import import_article, read_input

    config = _config()
    fields = _meta(meta)
    if source == "-":
        data, charset, shown = sys.stdin.buffer.read(), None, "<stdin>"
    else:
        (data, charset), shown = read_input(source), source
    url = source if source.lower().startswith(("http://", "https://")) else None
    report = import_article(config, data, shown, url=url, fmt=fmt, slug=slug, force=force, meta=fields,
                            charset=charset, dry_run=dry_run)
    if dry_run:
        click.echo(report.text, nl=False)
        return
    verb = "wrote" if report.changed else "unchanged"
    click.echo(f"{verb} {report.shown} ({report.mode}, {report.segments} segments); next: l10n update")
