"""The pipeline commands: segment, extract, update, build, check, models, pretranslate (stats: ``_stats``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    _config,
    _front_matter_keys,
    _json_line,
    _languages,
    _print_report,
    _project,
    main,
)

if TYPE_CHECKING:
    from ..engines import Progress
    from ..pipeline import EditionReport


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per segment, with its placeholders.")
def segment(file: str, as_json: bool) -> None:
    """Print the translatable segments of FILE (Markdown or plain text; - for stdin)."""
    from ..segment import read_document, segment_text

    keys = _front_matter_keys()
    if file == "-":
        document = segment_text(sys.stdin.read(), "stdin", "<stdin>", keys)
    else:
        document = read_document(Path(file), file, keys)
    for item in document.segments:
        if as_json:
            click.echo(_json_line(item.to_json()))
        else:
            click.echo(item.text)


@main.command()
@click.option("--dry-run", "--check", "dry_run", is_flag=True, help="Write nothing; exit 1 if a template is out of date.")
@click.option("--jobs", type=click.IntRange(0), help="Worker processes (default: tool.l10n.jobs, else 0: one per core "
              "when 8 or more documents need work); 1 runs in this process.")
def extract(dry_run: bool, jobs: int | None) -> None:
    """Write the POT template of every source article to locales/."""
    from ..pipeline import extract as run

    report = run(_project(), dry_run, jobs=jobs)
    _print_report(report, dry_run)


@main.command()
@click.argument("slugs", nargs=-1)
@click.option("--lang", multiple=True, help="Only this language (repeatable).")
@click.option("--dry-run", "--check", "dry_run", is_flag=True, help="Write nothing; exit 1 if a catalog is out of date.")
@click.option("--jobs", type=click.IntRange(0), help="Worker processes (default: tool.l10n.jobs, else 0: one per core "
              "when 8 or more documents need work); 1 runs in this process.")
def update(slugs: tuple[str, ...], lang: tuple[str, ...], dry_run: bool, jobs: int | None) -> None:
    """Extract templates and merge them into every language's PO catalog (or only the articles SLUGS)."""
    from ..pipeline import update as run

    project = _project()
    report = run(project, _languages(project.config, lang), dry_run, slugs=slugs, jobs=jobs)
    _print_report(report, dry_run)


@main.command()
@click.argument("slugs", nargs=-1)
@click.option("--lang", multiple=True, help="Only this language (repeatable).")
@click.option("--force", is_flag=True, help="Build languages below the completeness threshold too.")
@click.option("--strict", is_flag=True, help="Exit 1 when any edition is refused, asked for or not.")
@click.option("--no-fallback", is_flag=True, help="Refuse (exit 1) every edition that would show a segment in the "
              "source language (default: tool.l10n.no_fallback).")
@click.option("--dry-run", "--check", "dry_run", is_flag=True, help="Write nothing; exit 1 if an edition is out of date.")
@click.option("--jobs", type=click.IntRange(0), help="Worker processes (default: tool.l10n.jobs, else 0: one per core "
              "when 8 or more documents need work); 1 runs in this process.")
def build(slugs: tuple[str, ...], lang: tuple[str, ...], force: bool, strict: bool, no_fallback: bool, dry_run: bool,
          jobs: int | None) -> None:
    """Build Markdown, HTML and MO editions under build/<lang>/ (or only the articles SLUGS).

    An edition below the threshold is not built. The whole-project run
    reports it and still exits 0; naming its article (or --strict) exits 1.
    Segments left in the source language are listed; with --no-fallback
    their edition is not built and the run exits 1. Editions whose source
    and catalogs did not change are not rebuilt.
    """
    from ..pipeline import build as run

    project = _project()
    no_fallback = no_fallback or project.config.no_fallback
    reports = run(project, _languages(project.config, lang), force, dry_run, slugs=slugs, no_fallback=no_fallback,
                  jobs=jobs)
    for report in reports:
        _print_edition(report, dry_run)
    refused = not all(report.built for report in reports)
    stale = any(report.built and report.changed for report in reports)
    built = sum(report.built for report in reports)
    if built and not stale:
        click.echo(f"up to date ({built} editions)")
    if (refused and (slugs or strict or no_fallback)) or (dry_run and stale):
        sys.exit(EXIT_FINDINGS)


def _print_edition(report: EditionReport, dry_run: bool) -> None:
    """A refused edition, or one built (or to be built) anew; an unchanged one says nothing."""
    if report.built and not report.changed:
        return
    if not report.built:
        click.echo(f"{report.lang}/{report.slug}: not built: {report.reason}")
    else:
        note = f", {report.fallback} segment(s) fell back to the source" if report.fallback else ""
        click.echo(f"{report.lang}/{report.slug}: {'would build' if dry_run else 'built'}, {report.percent:.0f}% translated{note}")
    for path in report.files:
        click.echo(f"  {path}")
    for item in report.fallbacks:
        click.echo(f"  fallback: {item.catalog} ({item.source}): {item.msgid}")


def _names(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select c`` → ``("a", "b", "c")``."""
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


@main.command()
@click.argument("targets", nargs=-1, metavar="[SLUG|PATH]...")
@click.option("--lang", multiple=True, help="Only catalogs of this language (repeatable).")
@click.option("--min", "minimum", type=click.FloatRange(0, 100), help="Required translated percentage (default: config check_threshold, or 100).")
@click.option("--select", multiple=True, metavar="IDS", help="Only these checks: comma-separated ids or families.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these checks: comma-separated ids or families.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "github"]), default="text", show_default=True, help="Output format.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option("--list", "list_checks", is_flag=True, help="List every check with its id, severity and title, and exit.")
@click.option("--jobs", type=click.IntRange(0), help="Worker processes (default: tool.l10n.jobs, else 0: one per core "
              "when 8 or more documents are checked); 1 runs in this process.")
def check(
    targets: tuple[str, ...], lang: tuple[str, ...], minimum: float | None, select: tuple[str, ...],
    ignore: tuple[str, ...], fmt: str, strict: bool, list_checks: bool, jobs: int | None,
) -> None:
    """Check PO catalogs (the project's, or the articles SLUG, or PATHS: files or folders) before publishing.

    Prints file:line: severity: check-id: message per finding and a summary.
    Exit 0 when no error was found, 1 on errors (and warnings with --strict),
    3 when the tool cannot run. A translator silences checks for one entry
    with a translator comment: "# l10n-ignore: numbers, glossary".
    """
    from ..checks import REGISTRY
    from ..checks.project import run_check
    from ..checks.report import format_result
    from ..config import find_project, split_targets
    from ..errors import UnknownCheck
    from ..pipeline import load_project

    if list_checks:
        width = max(len(c.id) for c in REGISTRY.values())
        for item in REGISTRY.values():
            click.echo(f"{item.id.ljust(width)}  {item.severity.ljust(7)}  {item.title}")
        return
    config = find_project(Path.cwd())
    if config is not None and lang:
        _languages(config, lang)
    project = load_project(config) if config is not None else None
    slugs, paths = split_targets(config, targets)
    try:
        result = run_check(project, paths, slugs=slugs, languages=lang, minimum=minimum, select=_names(select),
                           ignore=_names(ignore), jobs=jobs)
    except UnknownCheck as exc:
        raise click.BadParameter(exc.message, param_hint="--select/--ignore") from None
    click.echo(format_result(result, fmt, strict), nl=False)
    if result.failed(strict):
        sys.exit(EXIT_FINDINGS)


@main.group()
def models() -> None:
    """Manage offline Argos Translate models (ARGOS_PACKAGES_DIR is respected)."""


@models.command("list")
def models_list() -> None:
    """Installed Argos packages for the configured pairs, and missing pairs."""
    from ..engines.argos import list_packages, pair_label

    config = _config()
    pairs = [(config.source_language, lang) for lang in config.languages]
    listing = list_packages(pairs)
    for package in listing.installed:
        click.echo(f"{pair_label(package.pair)}  {package.name} {package.version}  {package.path}")
    for pair in listing.missing:
        click.echo(f"{pair_label(pair)}  missing: l10n models install FILE.argosmodel (or --from-index {pair[0]}:{pair[1]})")
    if listing.missing:
        sys.exit(EXIT_FINDINGS)


@models.command("install")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--from-index", "pairs", multiple=True, metavar="FROM:TO", help="Download from the Argos package index (needs network).")
def models_install(files: tuple[str, ...], pairs: tuple[str, ...]) -> None:
    """Install .argosmodel FILES, or packages from the Argos index."""
    from ..engines.argos_install import install_from_index, install_package_files

    if not files and not pairs:
        raise click.UsageError("give .argosmodel files or --from-index FROM:TO")
    parsed = []
    for pair in pairs:
        source, sep, target = pair.partition(":")
        if not sep or not source or not target:
            raise click.BadParameter(f"{pair!r} is not FROM:TO", param_hint="--from-index")
        parsed.append((source, target))
    installed = install_package_files(files) if files else []
    installed += install_from_index(parsed) if parsed else []
    for package in installed:
        click.echo(f"installed {package.name} {package.version} ({package.pair[0]} → {package.pair[1]})")


def _progress() -> Progress:
    """A progress callback drawing a bar on a terminal (never in CI logs)."""

    def report(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        click.echo(f"\rtranslating [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", err=True, nl=done >= total)

    return report


@main.command()
@click.argument("slugs", nargs=-1)
@click.option("--lang", multiple=True, help="Only this language (repeatable).")
@click.option("--dry-run", is_flag=True, help="Translate but write nothing; report what would change.")
@click.option("--overwrite-mt", is_flag=True, help="Also refresh entries an earlier MT run filled (still fuzzy).")
@click.option("--device", type=click.Choice(["cpu", "cuda", "auto"]), help="CTranslate2 device (default: Argos' setting).")
@click.option("--threads", type=click.IntRange(0), help="CTranslate2 threads per worker; 0 = all cores (default: Argos' setting if set, else 1).")
@click.option("--inter-threads", type=click.IntRange(1), help="CTranslate2 workers decoding batches in parallel (default: Argos' setting if set, else one per core, up to 4). Outputs do not depend on threads.")
@click.option("--beam-size", type=click.IntRange(1), help="Beam size (default: Argos' setting).")
@click.option("--compute-type", help="CTranslate2 compute type, e.g. int8 (default: Argos' setting).")
@click.option("--batch-size", type=click.IntRange(1), help="Examples per CTranslate2 batch (default: Argos' setting).")
@click.option("--pad-batches", is_flag=True, help="Mix sentence lengths in a batch (padded): more speed on GPUs, but "
              "some outputs then differ from what Argos gives each sentence alone (~10% with int8 on AVX2 CPUs).")
@click.option("--engine", type=click.Choice(["argos", "libretranslate"]), help="MT engine (default: tool.l10n.engine, else argos).")
@click.option("--server", metavar="URL", help="Translate on this LibreTranslate server (implies --engine libretranslate); "
              "the API key comes from LIBRETRANSLATE_API_KEY.")
def pretranslate(slugs: tuple[str, ...], lang: tuple[str, ...], dry_run: bool, overwrite_mt: bool, device: str | None, threads: int | None,
                 inter_threads: int | None, beam_size: int | None, compute_type: str | None, batch_size: int | None,
                 pad_batches: bool, engine: str | None, server: str | None) -> None:
    """Fill empty entries: translation memory, then MT (local Argos or a LibreTranslate server; fuzzy, with provenance).

    With SLUGS only those articles' catalogs are filled; the memory still reads every catalog of the language.
    """
    from ..engines import EngineSettings, choose_engine
    from ..pipeline import pretranslate as run

    settings = EngineSettings(device=device, intra_threads=threads, inter_threads=inter_threads, beam_size=beam_size,
                              compute_type=compute_type, max_batch_size=batch_size, pad_batches=pad_batches)
    project = _project()
    engine_for = choose_engine(project.config, engine=engine, server_url=server, settings=settings)
    reports = run(project, engine_for, _languages(project.config, lang), overwrite_mt=overwrite_mt,
                  dry_run=dry_run, progress=_progress() if sys.stderr.isatty() else None, slugs=slugs)
    failed = False
    for report in reports:
        if report.error:
            failed = True
            click.echo(f"l10n: error: {report.lang}: {report.error}", err=True)
        tally = report.glossary
        click.echo(
            f"{report.lang}: {report.from_memory} from memory, {report.from_engine} from MT "
            f"({report.engine_inputs} distinct segments), {report.markup_failures} left for markup; "
            f"glossary: {tally.enforced} enforced, {tally.already} already right, {tally.unplaced} not placed"
        )
        for shown, line, names in report.unplaced:
            click.echo(f"  {shown}:{line}: not placed: {', '.join(names)}")
        verb = "would write" if dry_run else "wrote"
        for path in report.changed:
            click.echo(f"  {verb} {path}")
    if failed:
        sys.exit(EXIT_ERROR)
