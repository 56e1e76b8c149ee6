"""``l10n stats``, in a module of its own: a hook runs it once per file, so it loads no other command."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import _config, _json_line, main


@main.command()
@click.argument("targets", nargs=-1, metavar="[SLUG|PATH]...")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per catalog.")
def stats(targets: tuple[str, ...], as_json: bool) -> None:
    """Count translated, fuzzy, untranslated and obsolete messages and words.

    With no arguments, every catalog of the project; an argument naming a
    source article means its catalogs in every language, anything else a PO file.
    """
    from ..config import find_project, split_targets
    from ..stats import files_stats, project_stats

    config = find_project(Path.cwd()) if targets else _config()
    slugs, paths = split_targets(config, targets)
    results = files_stats([(p, str(p)) for p in paths])
    if config is not None and (slugs or not targets):
        results = project_stats(config, slugs) + results
    for item in results:
        if as_json:
            click.echo(_json_line(item.to_json()))
        else:
            click.echo(
                f"{item.path}: {item.translated} translated, {item.fuzzy} fuzzy, "
                f"{item.untranslated} untranslated, {item.obsolete} obsolete messages; "
                f"{item.translated_words}/{item.translated_words + item.fuzzy_words + item.untranslated_words} "
                f"source words translated ({item.percent:.1f}%)"
            )
