"""Each command loads only what it needs (issue 14 item 4: start-up time).

A pre-commit hook starts one ``l10n`` process per file, so every import a
command does not need is paid on every file. Each case runs the console
script's path (``from l10n.cli import main``; ``main()``) in a fresh Python
and reads ``sys.modules`` when the command has finished; the command must
succeed. No timing is asserted: ``benchmarks/startup.py`` measures.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from l10n import localedata
from l10n.cli import main
from l10n.cli._common import COMMAND_MODULES

pytestmark = pytest.mark.slow  # a fresh Python per case

PO = "locales/uk/LC_MESSAGES/bakhmut-un-chief.po"
SLUG = "bakhmut-un-chief"

AUDIT = """
import json, sys
try:
    from l10n.cli import main
    main(sys.argv[2:], prog_name="l10n")
finally:
    filled = sorted({f"{value.__module__}.{value.__qualname__}" for name, module in list(sys.modules.items())
                     if name.startswith("l10n") and module is not None for value in vars(module).values()
                     if callable(getattr(value, "cache_info", None)) and value.cache_info().currsize})
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"modules": sorted(sys.modules), "filled": filled}, out)
"""

ARGOS = ("argostranslate", "ctranslate2", "l10n.engines")
IMPORT = ("trafilatura", "lxml", "l10n.importer", "l10n.tmx")
CHECKS = ("l10n.checks", "pymorphy3", "l10n.morphology", "num2words", "l10n.words")
SOURCES = ("markdown_it", "yaml", "l10n.segment", "l10n.pipeline", "filelock")
WRITING = ("uniseg",)
PO_WRITER = ("l10n.powriter", "l10n.wrapping", "l10n.directives")
EVERY_HEAVY = ("babel", *ARGOS, *IMPORT, *CHECKS, *SOURCES, *WRITING, *PO_WRITER)
"""Modules some command needs and others must not load (a package counts with its submodules)."""

CLI_ONLY = {"l10n", "l10n.errors"}
"""The l10n modules a command that only parses its options may load, besides l10n.cli's own."""

OTHER_COMMANDS = ("l10n.cli._steps", "l10n.cli._sources", "l10n.cli._memory")
"""The command modules ``stats`` (``l10n.cli._stats``) must not load."""

LAZY_PATTERNS = ("l10n.typography._rules", "l10n.typography._short_words", "l10n.literal._syntax",
                 "l10n.literal._markup_patterns")
"""Regexes compiled on first use (functools.cache): ``stats`` imports their modules and compiles none."""
TYPESETTING = ("l10n.alphabet", "l10n.spelling")
"""What the typography rules import when they are first compiled (``config`` imports typography)."""
SOURCE_MODEL = ("l10n.model",)
"""The source, glossary and checks records: ``stats`` reads catalogs through ``l10n.pomodel`` alone."""


def audit(args: list[str], cwd: Path, tmp_path: Path) -> tuple[set[str], set[str]]:
    """``sys.modules`` after ``l10n ARGS`` ran in a fresh process in ``cwd`` (which must succeed), and the
    functools caches of l10n modules that the run filled (``module.function``)."""
    listing = tmp_path / "modules.json"
    result = subprocess.run([sys.executable, "-c", AUDIT, str(listing), *args], cwd=cwd,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(listing.read_text("utf-8"))
    return set(found["modules"]), set(found["filled"])


def loaded_modules(args: list[str], cwd: Path, tmp_path: Path) -> set[str]:
    return audit(args, cwd, tmp_path)[0]


def present(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """The ``names`` loaded, each as itself or through one of its submodules."""
    return [name for name in names if any(m == name or m.startswith(name + ".") for m in modules)]


def _help_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += _help_commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("args", [("--version",), ("--help",), *((*c, "--help") for c in _help_commands(main))],
                         ids=" ".join)
def test_options_alone_load_click_and_no_library(args: tuple[str, ...], tmp_path: Path) -> None:
    modules = loaded_modules(list(args), tmp_path, tmp_path)
    library = {m for m in modules if m.startswith("l10n")} - CLI_ONLY
    assert sorted(m for m in library if not m.startswith("l10n.cli")) == []
    assert present(modules, EVERY_HEAVY) == []
    assert "click" in modules


@pytest.mark.parametrize("args", [["stats", PO], ["stats", "--json", PO], ["stats", SLUG], ["stats"]], ids=" ".join)
def test_stats_loads_only_the_po_reader(args: list[str], translated_project: Path, tmp_path: Path) -> None:
    """The hook's case: no Babel (config validation reads Babel's data folder), no checks, no writer."""
    modules, filled = audit(args, translated_project, tmp_path)
    assert present(modules, (*EVERY_HEAVY, *OTHER_COMMANDS, *TYPESETTING, *SOURCE_MODEL)) == []
    assert sorted(filled & set(LAZY_PATTERNS)) == []
    assert {"l10n.pofile", "l10n.pomodel", "l10n.cli._stats", "l10n.typography", "l10n.inline"} <= modules


NEEDS = [
    # What each step loads and what it must not.
    (["segment", f"source/{SLUG}.md"], ("markdown_it", "yaml"),
     ("babel", "l10n.pipeline", "filelock", *ARGOS, *IMPORT, *CHECKS, *WRITING, *PO_WRITER)),
    (["check", PO], ("l10n.checks", "pymorphy3"), (*ARGOS, *IMPORT, *WRITING)),
    (["update", "--check"], ("markdown_it", "uniseg"), (*ARGOS, *IMPORT, *CHECKS)),
    (["build", SLUG], ("markdown_it", "babel"), (*ARGOS, *IMPORT, *CHECKS)),
]


@pytest.mark.parametrize(("args", "needed", "forbidden"), NEEDS, ids=[" ".join(args) for args, _, _ in NEEDS])
def test_steps_load_what_they_need_and_nothing_heavier(args: list[str], needed: tuple[str, ...],
                                                       forbidden: tuple[str, ...], translated_project: Path,
                                                       tmp_path: Path) -> None:
    modules = loaded_modules(args, translated_project, tmp_path)
    assert present(modules, forbidden) == []
    assert present(modules, needed) == list(needed)


LAZY_USERS = [(["build", SLUG], ("l10n.typography._rules", "l10n.typography._short_words", "l10n.literal._syntax")),
              (["check", PO], ("l10n.literal._markup_patterns",))]


@pytest.mark.parametrize(("args", "compiled"), LAZY_USERS, ids=[" ".join(args) for args, _ in LAZY_USERS])
def test_the_lazy_patterns_are_compiled_by_the_steps_that_use_them(args: list[str], compiled: tuple[str, ...],
                                                                    translated_project: Path, tmp_path: Path) -> None:
    """The audit sees a filled cache: the stats test's empty answer is not an audit that sees nothing."""
    shutil.rmtree(translated_project / "build", ignore_errors=True)
    shutil.rmtree(translated_project / ".l10n-cache", ignore_errors=True)
    _, filled = audit(args, translated_project, tmp_path)
    assert sorted(set(compiled) - filled) == []


def test_each_command_lives_in_the_module_the_group_imports_for_it() -> None:
    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"l10n.cli.{module}")
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    assert {name: command.callback.__module__ for name, command in main.commands.items() if command.callback} == {
        name: f"l10n.cli.{module}" for name, module in COMMAND_MODULES.items()}


EAGER_HELP = """
import click
from l10n.cli import main
from l10n.cli._common import COMMAND_MODULES

context = click.Context(main)
commands = {name: main.get_command(context, name) for name in COMMAND_MODULES}
click.Group("l10n", commands, params=main.params, help=main.help, context_settings=main.context_settings)(["--help"], prog_name="l10n")
"""


def test_the_lazy_group_helps_as_a_group_holding_every_command(tmp_path: Path) -> None:
    """``l10n --help`` from a fresh process, no command imported yet, is what click prints for a plain
    group given all of them: the same commands, order and short help (each in a fresh process: click's
    test runner forces another width)."""
    lazy = subprocess.run([sys.executable, "-c", AUDIT, str(tmp_path / "modules.json"), "--help"], cwd=tmp_path,
                          capture_output=True, text=True, check=True).stdout
    eager = subprocess.run([sys.executable, "-c", EAGER_HELP], cwd=tmp_path, capture_output=True, text=True,
                           check=True).stdout
    assert lazy == eager


def test_known_language_without_babel_agrees_with_babel() -> None:
    """Config validation skips importing Babel for a code with its own data file: Babel gives the same answer."""
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    def babel_says(code: str) -> bool:
        try:
            Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            return False
        return True

    codes = [*locale_identifiers(), "xx", "uk_XX", "UK", "uk-UA", "pt_br", "zh_TW", "con", "../uk", "uk_Latn", "und"]
    assert [code for code in codes if localedata.is_known(code) != babel_says(code)] == []


RUN_AUDIT = """
import sys
sys.argv = ["l10n", *sys.argv[2:]]
try:
    from l10n.cli import run
    run()
finally:
    with open(LISTING, "w", encoding="utf-8") as out:
        out.write("\\n".join(sorted(sys.modules)))
"""


def test_the_console_script_answers_version_before_click_loads(tmp_path: Path) -> None:
    """``l10n --version`` costs Python's start-up and l10n/__init__, nothing else; its line is click's."""
    listing = tmp_path / "modules.txt"
    code = f"LISTING = {str(listing)!r}\n" + RUN_AUDIT
    result = subprocess.run([sys.executable, "-c", code, "-", "--version"], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    modules = set(listing.read_text("utf-8").split("\n"))
    assert sorted(m for m in modules if m.startswith("l10n")) == ["l10n", "l10n.cli"]
    assert present(modules, ("click", *EVERY_HEAVY)) == []

    assert result.stdout == CliRunner().invoke(main, ["--version"], prog_name="l10n").output


def test_the_console_script_runs_every_other_command_through_click(tmp_path: Path) -> None:
    listing = tmp_path / "modules.txt"
    code = f"LISTING = {str(listing)!r}\n" + RUN_AUDIT
    result = subprocess.run([sys.executable, "-c", code, "-", "--help"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("Usage: l10n "), result.stdout
