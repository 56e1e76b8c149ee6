"""polib is the tests' second PO reader; the toolkit itself never imports it."""

import ast
from pathlib import Path

import l10n


def test_no_l10n_module_imports_polib() -> None:
    importers = []
    for path in sorted(Path(l10n.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name.split(".")[0] == "polib" for name in names):
                importers.append(path.name)
    assert importers == []
