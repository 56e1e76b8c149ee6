"""One owner per parser and heavy dependency: each is imported by one module.

The sources are parsed with ``ast``, so an import inside a function (the lazy
ones) counts as much as one at the top; only ``if TYPE_CHECKING:`` imports,
which never run, are left out. Every third-party import must be in the table:
a new module that imports Babel or markdown-it directly, or a new dependency
nobody declared an owner for, fails here.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import l10n

PACKAGE = Path(l10n.__file__).parent

OWNERS = {
    "markdown_it": {"l10n.segment"},
    "yaml": {"l10n.frontmatter"},
    "babel": {"l10n.localedata"},
    "pymorphy3": {"l10n.morphology"},
    "trafilatura": {"l10n.importer"},
    # lxml parses two formats: news HTML (importer) and TMX memories (tmx).
    "lxml": {"l10n.importer", "l10n.tmx"},
    # The Argos engine: settings and translation, and installing packages.
    "argostranslate": {"l10n.engines.argos_runtime"},
    "ctranslate2": {"l10n.engines.argos_runtime"},
    "packaging": {"l10n.engines.argos_packages"},
    "uniseg": {"l10n.wrapping"},
    "num2words": {"l10n.numerals"},
    # The command line is a package (l10n/cli/): its modules are the only click users.
    "click": {"l10n.cli._common", "l10n.cli._steps", "l10n.cli._stats", "l10n.cli._sources", "l10n.cli._memory"},
    "filelock": {"l10n.lock"},
}
"""Third-party top-level module → the l10n modules that import it. polib is
absent on purpose: it is the tests' second reader, never imported at runtime."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_only(tree: ast.AST) -> set[ast.AST]:
    """The statements under ``if TYPE_CHECKING:``: they never run."""
    skipped: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(child for stmt in node.body for child in ast.walk(stmt))
    return skipped


def _imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    skipped = _type_only(tree)
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def importers() -> dict[str, set[str]]:
    """Every third-party top-level module → the l10n modules that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            if name not in sys.stdlib_module_names and name != "l10n":
                found.setdefault(name, set()).add(_module_name(path))
    return found


def test_each_parser_and_heavy_dependency_has_its_owner() -> None:
    assert importers() == OWNERS
