"""Run the selected checks over catalogs and collect findings and a summary.

Each catalog is parsed once and each message analyzed once; every check then
reads the same :class:`~l10n.checks.text.Text`. A catalog that cannot be
parsed becomes a ``po-syntax`` finding, whichever checks are selected (a
run never passes a file it could not read), and the run goes on with the
others: only the CLI decides what the findings mean for the exit code.

A fuzzy entry with a translation is a draft waiting for a reviewer: machine
or memory output (MT or TM provenance), or a translation a source edit made
fuzzy through the merge (12 → 14 buildings). The content checks of
translated entries run on it too, and their findings say ``draft:`` (and
carry ``draft=True``), so the reviewer sees what is wrong, the number the
edit changed too, before accepting it. They come in addition to
``unreviewed-mt``, which only unreviewed MT or TM output gets.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CatalogError, UnknownCheck
from ..model import Catalog, Completion, Finding, Message, Term
from ..parallel import ordered_map, worker_count
from ..paths import document_key
from ..pofile import read_po
from .base import (
    REGISTRY,
    Check,
    Context,
    Glossary,
    LoadedCatalog,
    Side,
    Unit,
    ignored_names,
    matches,
    path_language,
    primary,
    units,
)
from .completeness import counts
from .validity import nplurals, plural_rule

Reader = Callable[[Path], Catalog]
Key = tuple[str | None, str]


@dataclass
class Checked:
    """A catalog after its own checks, kept for the cross-language comparison."""

    loaded: LoadedCatalog
    ctx: Context
    translated: dict[Key, list[Unit]]


@dataclass(frozen=True, eq=False)
class CheckOptions:
    """What to check and how strictly; ``languages`` empty means every catalog."""

    terms: tuple[Term, ...] = ()
    minimum: float = 100.0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @functools.cached_property
    def glossary(self) -> Glossary:
        """The terms compiled for lookups, once per options object (reused by
        every :func:`check_message` call that passes the same options)."""
        return Glossary(self.terms)


@dataclass
class CatalogSummary(Completion):
    """Per-catalog counts for the summary table."""

    path: str
    lang: str | None
    valid: bool = True
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    errors: int = 0
    warnings: int = 0


@dataclass
class CheckResult:
    """Everything a run found; the CLI formats it and picks the exit code."""

    findings: list[Finding] = field(default_factory=list)
    catalogs: list[CatalogSummary] = field(default_factory=list)
    checks: tuple[Check, ...] = ()

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def by_check(self) -> dict[str, int]:
        tally = {check.id: 0 for check in self.checks}
        for finding in self.findings:
            tally[finding.check] = tally.get(finding.check, 0) + 1
        return tally

    def failed(self, strict: bool = False) -> bool:
        return any(f.severity == "error" or strict for f in self.findings)


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Check, ...]:
    """The registered checks named by ``select`` (all if empty) minus ``ignore``.

    Names are check ids or family names (``glossary`` covers ``glossary-term``
    and ``glossary-variant``); an unknown name is an error, not a silent no-op.
    """
    chosen, dropped = set(select), set(ignore)
    known = {check.id for check in REGISTRY.values()} | {check.family for check in REGISTRY.values()}
    unknown = sorted((chosen | dropped) - known)
    if unknown:
        raise UnknownCheck(f"unknown check(s) {', '.join(unknown)}; `l10n check --list` shows them")
    return tuple(
        check for check in REGISTRY.values()
        if (not chosen or matches(check, chosen)) and not matches(check, dropped)
    )


def check_catalogs(paths: Sequence[tuple[Path, str]], options: CheckOptions, reader: Reader | None = None,
                   jobs: int = 1) -> CheckResult:
    """Read each ``(path, shown name)`` once and check them all (any charset
    and domain gettext reads: checking rewrites nothing).

    With several ``jobs`` (0: automatic, see :mod:`l10n.parallel`), the
    catalogs of each document (its languages, which the cross checks
    compare) are checked in a worker process; findings and summaries come
    out in the same order as in one process.
    """
    reader = reader or functools.partial(read_po, foreign=True)
    groups: dict[str, list[tuple[Path, str]]] = {}
    for item in paths:
        groups.setdefault(document_key(item[1]), []).append(item)
    if worker_count(jobs, len(groups)) == 1:
        return check_loaded(_load_all(paths, reader), options)
    checks = select_checks(options.select, options.ignore)
    parts = ordered_map(_check_group, (options, reader, checks), list(groups.values()), jobs)
    return _joined(parts, paths, checks)


def _load_all(paths: Sequence[tuple[Path, str]], reader: Reader) -> list[LoadedCatalog | Finding]:
    loaded: list[LoadedCatalog | Finding] = []
    for path, shown in paths:
        try:
            catalog = reader(path)
        except (CatalogError, OSError, UnicodeError) as exc:
            syntax = REGISTRY["po-syntax"]
            text = exc.message if isinstance(exc, CatalogError) else str(exc)
            for line, problem in syntax.run_file(shown, getattr(exc, "line", None) or 1, text):
                loaded.append(Finding(shown, line, syntax.severity, syntax.id, problem, path_language(shown)))
            continue
        loaded.append(LoadedCatalog(shown, catalog, catalog_language(shown, catalog)))
    return loaded


_Part = tuple[list[Finding], list[CatalogSummary], bool]


def _check_group(shared: tuple[CheckOptions, Reader, tuple[Check, ...]], group: list[tuple[Path, str]]) -> _Part:
    """One document's catalogs checked in a worker: findings, summaries, whether a file failed to parse."""
    options, reader, checks = shared
    result = check_loaded(_load_all(group, reader), options, checks)
    return result.findings, result.catalogs, REGISTRY["po-syntax"] in result.checks and REGISTRY["po-syntax"] not in checks


def _joined(parts: Sequence[_Part], paths: Sequence[tuple[Path, str]], checks: tuple[Check, ...]) -> CheckResult:
    """The documents' results as one run over ``paths`` would give them (summaries in path order)."""
    result = CheckResult(checks=checks)
    for findings, catalogs, syntax in parts:
        result.findings += findings
        result.catalogs += catalogs
        if syntax and REGISTRY["po-syntax"] not in result.checks:
            result.checks += (REGISTRY["po-syntax"],)
    index = {shown: number for number, (_, shown) in enumerate(paths)}
    result.catalogs.sort(key=lambda summary: index.get(summary.path, len(index)))
    order = {summary.path: number for number, summary in enumerate(result.catalogs)}
    result.findings.sort(key=lambda f: (order.get(f.path, len(order)), f.line))
    return result


def catalog_language(path: str, catalog: Catalog) -> str | None:
    """The folder's language (``uk/LC_MESSAGES``), else the Language header's."""
    declared = catalog.header_fields().get("Language")
    return path_language(path) or (primary(declared) if declared else None)


def check_message(message: Message, lang: str | None, options: CheckOptions | None = None) -> list[Finding]:
    """The unit checks of a single message, as a PO-editor plugin or the
    pretranslate step validating machine output would call them."""
    options = options or CheckOptions()
    checks = tuple(c for c in select_checks(options.select, options.ignore) if c.scope == "unit")
    loaded = LoadedCatalog("<message>", Catalog([message]), lang)
    return check_loaded([loaded], options, checks).findings


def check_loaded(items: Sequence[LoadedCatalog | Finding], options: CheckOptions, checks: tuple[Check, ...] | None = None) -> CheckResult:
    """Check parsed catalogs; a Finding in ``items`` stands for one that failed to parse."""
    checks = select_checks(options.select, options.ignore) if checks is None else checks
    result = CheckResult(checks=checks)
    glossary = options.glossary
    wanted = set(options.languages)
    cross = [c for c in checks if c.scope == "cross"]
    kept: list[Checked] = []
    for item in items:
        if isinstance(item, Finding):
            if not wanted or path_language(item.path) in wanted:  # whatever --select and --ignore say
                if REGISTRY["po-syntax"] not in result.checks:
                    result.checks += (REGISTRY["po-syntax"],)
                result.findings.append(item)
                result.catalogs.append(CatalogSummary(item.path, path_language(item.path), valid=False))
            continue
        if wanted and item.lang not in wanted:
            continue
        ctx = Context(item.lang, glossary, options.minimum, nplurals(item.catalog.header_fields().get("Plural-Forms")),
                      plural_rule(item.catalog))
        translated = _check_catalog(item, ctx, checks, result, keep=bool(cross))
        kept.append(Checked(item, ctx, translated))
    if cross:
        _check_across(kept, cross, result)
    _summarize(result)
    return result


def _check_catalog(loaded: LoadedCatalog, ctx: Context, checks: tuple[Check, ...], result: CheckResult, keep: bool) -> dict[Key, list[Unit]]:
    """Run catalog and unit checks; return the translated units for cross checks."""
    tally = counts(loaded)
    result.catalogs.append(CatalogSummary(loaded.path, loaded.lang, True, **tally))
    _run_catalog_checks(loaded, ctx, checks, result)
    by_state = {state: [c for c in checks if c.scope == "unit" and state in c.states] for state in tally}
    drafts = [c for c in by_state["translated"] if c not in by_state["fuzzy"]]
    translated: dict[Key, list[Unit]] = {}
    for message in loaded.catalog.entries():
        state = message.state
        on_draft = drafts if state == "fuzzy" and _has_text(message) else []
        active = _active(message, by_state[state], on_draft)
        if not active and not (keep and state == "translated"):
            continue
        message_units = list(units(message))
        result.findings += _unit_findings(loaded, ctx, message, message_units, active, on_draft)
        if keep and state == "translated":
            translated[message.key] = message_units
    return translated


def _run_catalog_checks(loaded: LoadedCatalog, ctx: Context, checks: tuple[Check, ...], result: CheckResult) -> None:
    header = loaded.catalog.header
    header_ignored = ignored_names(header) if header is not None else frozenset()
    for check in checks:
        if check.scope == "catalog" and not matches(check, header_ignored):
            for line, text in check.run_catalog(loaded, ctx):
                result.findings.append(Finding(loaded.path, line, check.severity, check.id, text, loaded.lang))


def _has_text(message: Message) -> bool:
    return bool(message.msgstr or any(message.msgstr_plural.values()))


def _active(message: Message, checks: list[Check], drafts: list[Check]) -> list[Check]:
    """A message's unit checks: its state's, a draft's too, minus those its translator switched off."""
    active = [*checks, *drafts] if drafts else checks
    if message.translator_comments:
        ignored = ignored_names(message)
        active = [c for c in active if not matches(c, ignored)] if ignored else active
    return active


def _unit_findings(loaded: LoadedCatalog, ctx: Context, message: Message, message_units: list[Unit],
                   active: list[Check], drafts: list[Check]) -> list[Finding]:
    """Findings of the ``active`` checks on a message's units; a draft check's say ``draft:``."""
    findings = []
    for unit in message_units:
        for check in active:
            on_draft = check in drafts
            for text in check.run_unit(unit, ctx):
                findings.append(_finding(loaded, message, check, f"draft: {text}" if on_draft else text, on_draft))
    return findings


def _finding(loaded: LoadedCatalog, message: Message, check: Check, text: str, draft: bool = False) -> Finding:
    return Finding(loaded.path, message.lineno or 1, check.severity, check.id, text, loaded.lang, message.msgid, draft)


def _check_across(kept: list[Checked], checks: list[Check], result: CheckResult) -> None:
    """Compare the catalogs of one document across languages, entry by entry.

    The first language's catalog is the reference; each other language is
    compared with it (plural entries by their first form).
    """
    groups: dict[str, list[Checked]] = {}
    for item in kept:
        groups.setdefault(document_key(item.loaded.path), []).append(item)
    for first, *others in groups.values():
        for second in others:
            if first.ctx.lang == second.ctx.lang:
                continue
            for key, units_b in second.translated.items():
                units_a = first.translated.get(key)
                if units_a is not None:
                    _compare(Side(units_a[0], first.ctx, first.loaded.path), Side(units_b[0], second.ctx, second.loaded.path), checks, result)


def _compare(first: Side, second: Side, checks: list[Check], result: CheckResult) -> None:
    ignored = ignored_names(first.unit.message) | ignored_names(second.unit.message)
    for check in checks:
        if not matches(check, ignored):
            for text in check.run_cross(first, second):
                result.findings.append(Finding(second.path, second.unit.message.lineno or 1, check.severity, check.id, text, second.ctx.lang, second.unit.message.msgid))


def _summarize(result: CheckResult) -> None:
    summaries = {summary.path: summary for summary in result.catalogs}
    for finding in result.findings:
        summary = summaries.get(finding.path)
        if summary is not None:
            if finding.severity == "error":
                summary.errors += 1
            else:
                summary.warnings += 1
    order = {summary.path: index for index, summary in enumerate(result.catalogs)}
    result.findings.sort(key=lambda f: (order.get(f.path, len(order)), f.line))
