"""Output formats carry the same findings and summary."""

import json
import xml.etree.ElementTree as ET

from l10n.checks import CatalogSummary, CheckResult, select_checks
from l10n.checks.report import format_github, format_json, format_junit, format_text
from l10n.model import Finding

ERROR = Finding("locales/uk/LC_MESSAGES/a.po", 12, "error", "numbers", "number 1,600 of the source is missing", "uk", "1,600.")
WARNING = Finding("locales/ru/LC_MESSAGES/a.po", 30, "warning", "quotes", "straight quotes\nsecond line: 100%", "ru")


def result(*findings: Finding) -> CheckResult:
    catalogs = [
        CatalogSummary("locales/uk/LC_MESSAGES/a.po", "uk", True, 9, 1, 0),
        CatalogSummary("locales/ru/LC_MESSAGES/a.po", "ru", True, 10, 0, 0),
        CatalogSummary("locales/ru/LC_MESSAGES/b.po", "ru", False),
    ]
    for summary in catalogs:
        summary.errors = sum(f.path == summary.path and f.severity == "error" for f in findings)
        summary.warnings = sum(f.path == summary.path and f.severity == "warning" for f in findings)
    return CheckResult(list(findings), catalogs, select_checks(["numbers", "quotes", "po-syntax"]))  # numbers: two checks


def test_text_lines_then_tables() -> None:
    text = format_text(result(ERROR, WARNING))
    lines = text.splitlines()
    assert lines[0] == "locales/uk/LC_MESSAGES/a.po:12: error: numbers: number 1,600 of the source is missing"
    assert any(line.split() == ["locales/uk/LC_MESSAGES/a.po", "uk", "10", "90.0%", "1", "0"] for line in lines)
    assert any(line.split() == ["locales/ru/LC_MESSAGES/b.po", "ru", "-", "invalid", "0", "0"] for line in lines)
    assert any(line.split() == ["ru", "1", "10", "100.0%"] for line in lines)
    assert lines[-1] == "3 catalog(s), 4 check(s): 1 error(s), 1 warning(s) — failed"
    assert format_text(result(WARNING)).splitlines()[-1].endswith("passed")
    assert format_text(result(WARNING), strict=True).splitlines()[-1].endswith("failed")


def test_json_document() -> None:
    document = json.loads(format_json(result(ERROR, WARNING)))
    assert document["findings"][0] == {
        "path": ERROR.path, "line": 12, "severity": "error", "check": "numbers",
        "message": ERROR.message, "lang": "uk", "msgid": "1,600.", "draft": False,
    }
    summary = document["summary"]
    assert (summary["errors"], summary["warnings"], summary["failed"]) == (1, 1, True)
    assert summary["checks"] == {"po-syntax": 0, "numbers": 1, "spelled-numbers": 0, "quotes": 1}
    assert summary["languages"]["uk"]["percent"] == 90.0


def test_junit_fails_on_errors_and_on_warnings_only_when_strict() -> None:
    root = ET.fromstring(format_junit(result(ERROR, WARNING)))
    assert [s.get("name") for s in root] == [s.path for s in result().catalogs]
    uk, ru, broken = list(root)
    assert uk.get("failures") == "1" and ru.get("failures") == "0"
    quotes = next(c for c in ru if c.get("name") == "quotes")
    assert quotes.find("failure") is None and "straight quotes" in quotes.findtext("system-out")
    assert [c.get("name") for c in broken] == ["po-syntax"]
    strict = ET.fromstring(format_junit(result(ERROR, WARNING), strict=True))
    assert strict.get("failures") == "2"


def test_github_annotations_escape_their_values() -> None:
    lines = format_github(result(ERROR, WARNING)).splitlines()
    assert lines[0] == f"::error file={ERROR.path},line=12,title=numbers::number 1,600 of the source is missing"
    assert lines[1] == "::warning file=locales/ru/LC_MESSAGES/a.po,line=30,title=quotes::straight quotes%0Asecond line: 100%25"
