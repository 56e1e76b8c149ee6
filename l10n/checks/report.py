"""A check run as text, JSON, JUnit XML or GitHub workflow annotations.

Pure functions from a :class:`CheckResult` to a string: the CLI prints the
string and picks the exit code, and the formats stay testable without a
terminal. Every format carries the same facts: each finding with file, line,
severity, check id and message, and a summary per catalog, per language and
per check (the text adds one row per article when there are several). ``strict`` only changes what counts as failing (warnings too).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

from ..model import Finding
from .runner import CatalogSummary, CheckResult

FORMATS = ("text", "json", "junit", "github")


def format_result(result: CheckResult, fmt: str, strict: bool = False) -> str:
    """``result`` in one of :data:`FORMATS`."""
    formatter: dict[str, Callable[[CheckResult, bool], str]] = {
        "text": format_text, "json": format_json, "junit": format_junit, "github": format_github,
    }
    return formatter[fmt](result, strict)


def finding_line(finding: Finding) -> str:
    """``file:line: severity: check-id: message``, the compiler-style line editors jump to."""
    return f"{finding.path}:{finding.line}: {finding.severity}: {finding.check}: {finding.message}"


def languages(result: CheckResult) -> dict[str, dict[str, float]]:
    """Per-language totals over the valid catalogs: catalogs, entries, translated share."""
    totals: dict[str, dict[str, float]] = {}
    for summary in result.catalogs:
        if summary.valid:
            row = totals.setdefault(summary.lang or "?", {"catalogs": 0, "entries": 0, "translated": 0})
            row["catalogs"] += 1
            row["entries"] += summary.total
            row["translated"] += summary.translated
    for row in totals.values():
        row["percent"] = round(100.0 * row["translated"] / row["entries"], 2) if row["entries"] else 100.0
    return totals


def articles(result: CheckResult) -> dict[str, dict[str, str]]:
    """Per-article state (the catalog's file name is the slug): translated share per language, findings."""
    rows: dict[str, dict[str, str]] = {}
    for summary in result.catalogs:
        row = rows.setdefault(Path(summary.path).stem, {"errors": "0", "warnings": "0"})
        row[summary.lang or "?"] = _share(summary)
        row["errors"] = str(int(row["errors"]) + summary.errors)
        row["warnings"] = str(int(row["warnings"]) + summary.warnings)
    return rows


def verdict(result: CheckResult, strict: bool) -> str:
    errors, warnings = result.count("error"), result.count("warning")
    state = "failed" if result.failed(strict) else "passed"
    return f"{len(result.catalogs)} catalog(s), {len(result.checks)} check(s): {errors} error(s), {warnings} warning(s) — {state}"


def format_text(result: CheckResult, strict: bool = False) -> str:
    """Findings one per line, then tables per catalog, language, article (when several) and check."""
    lines = [finding_line(f) for f in result.findings]
    if lines:
        lines.append("")
    lines += _table(
        ("catalog", "lang", "entries", "translated", "errors", "warnings"),
        [(s.path, s.lang or "?", _entries(s), _share(s), str(s.errors), str(s.warnings)) for s in result.catalogs],
    )
    by_language = languages(result)
    if len(by_language) > 1 or len(result.catalogs) > 1:
        rows: list[tuple[str, ...]] = [
            (lang, str(int(r["catalogs"])), str(int(r["entries"])), f"{r['percent']:.1f}%") for lang, r in by_language.items()
        ]
        lines += ["", *_table(("lang", "catalogs", "entries", "translated"), rows)]
    by_article = articles(result)
    if len(by_article) > 1:
        langs = list(by_language)
        rows = [(slug, *(r.get(lang, "-") for lang in langs), r["errors"], r["warnings"]) for slug, r in by_article.items()]
        lines += ["", *_table(("article", *langs, "errors", "warnings"), rows)]
    severity = {check.id: check.severity for check in result.checks}
    found = [(check_id, severity.get(check_id, "?"), str(n)) for check_id, n in result.by_check().items() if n]
    if found:
        lines += ["", *_table(("check", "severity", "findings"), found)]
    lines += ["", verdict(result, strict)]
    return "\n".join(lines) + "\n"


def _entries(summary: CatalogSummary) -> str:
    return str(summary.total) if summary.valid else "-"


def _share(summary: CatalogSummary) -> str:
    return f"{summary.percent:.1f}%" if summary.valid else "invalid"


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Left-aligned first column, right-aligned numbers, two spaces apart."""
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) if index else cell for index, (cell, width) in enumerate(zip(cells[1:], widths[1:], strict=True), 1))
        return "  ".join([first, *rest]).rstrip()

    return [line(header), *(line(row) for row in rows)]


def format_json(result: CheckResult, strict: bool = False) -> str:
    """One document: ``findings`` (one object each) and ``summary``."""
    document = {
        "findings": [
            {"path": f.path, "line": f.line, "severity": f.severity, "check": f.check,
             "message": f.message, "lang": f.lang, "msgid": f.msgid, "draft": f.draft}
            for f in result.findings
        ],
        "summary": {
            "catalogs": [
                {"path": s.path, "lang": s.lang, "valid": s.valid, "translated": s.translated, "fuzzy": s.fuzzy,
                 "untranslated": s.untranslated, "percent": round(s.percent, 2), "errors": s.errors, "warnings": s.warnings}
                for s in result.catalogs
            ],
            "languages": languages(result),
            "checks": result.by_check(),
            "errors": result.count("error"),
            "warnings": result.count("warning"),
            "failed": result.failed(strict),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def format_junit(result: CheckResult, strict: bool = False) -> str:
    """JUnit XML: a test suite per catalog, a test case per check.

    A check fails its case when it found errors (or warnings under
    ``strict``); other findings go to the case's ``system-out``, so CI
    dashboards show them without turning the build red.
    """
    root = ET.Element("testsuites", name="l10n check")
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    for summary in result.catalogs:
        checks = result.checks if summary.valid else tuple(c for c in result.checks if c.id == "po-syntax")
        suite = ET.SubElement(root, "testsuite", name=summary.path, tests=str(len(checks)))
        failures = 0
        for check in checks:
            case = ET.SubElement(suite, "testcase", classname=summary.path, name=check.id)
            found = [f for f in by_path.get(summary.path, []) if f.check == check.id]
            if not found:
                continue
            body = "\n".join(finding_line(f) for f in found)
            if any(f.severity == "error" or strict for f in found):
                failures += 1
                failure = ET.SubElement(case, "failure", type=check.severity, message=f"{len(found)} finding(s): {check.title}")
                failure.text = body
            else:
                ET.SubElement(case, "system-out").text = body
        suite.set("failures", str(failures))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def format_github(result: CheckResult, strict: bool = False) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning`` per finding."""
    lines = []
    for f in result.findings:
        level = "error" if f.severity == "error" or strict else "warning"
        props = f"file={_escape(f.path, True)},line={f.line},title={_escape(f.check, True)}"
        lines.append(f"::{level} {props}::{_escape(f.message, False)}")
    lines.append(verdict(result, strict))
    return "\n".join(lines) + "\n"


def _escape(value: str, prop: bool) -> str:
    """Escape a workflow-command value the way @actions/core does."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value
