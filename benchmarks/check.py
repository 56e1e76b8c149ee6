"""Benchmark `l10n check` and `l10n stats` against GNU msgfmt and Translate Toolkit.

Usage: .venv/bin/python benchmarks/check.py [--entries 100000] [--layout both] [--repeat 1]

Corpus: every uk and ru catalog of Django (fetched from PyPI once into
~/.cache/l10n-testdata), replicated to at least --entries entries in two
layouts, because each favours different tools:

``deep``  the 26 Django catalogs, each holding its entries many times over
          (msgctxt "copy N" keeps them distinct): parsing throughput;
``wide``  the Django tree copied N times (over a thousand small catalogs), as
          a newsroom repository with hundreds of articles looks: per-file
          and per-process costs.

Every tool runs in this one process's session, one after the other, on the
same files: `l10n check` (all checks, the project's glossary), `l10n stats`,
`msgfmt --statistics` (one process per file: given several it merges them),
`pocount` and `pofilter` with its defaults. Wall time is the best of
--repeat runs; CPU is the children's user+sys time of that run. Targets
(issue 5): stats within 3x of msgfmt, check faster than pofilter.
Needs translate-toolkit in the venv (`.venv/bin/pip install translate-toolkit`).
"""

from __future__ import annotations

import argparse
import copy
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from l10n.model import Catalog
from l10n.pofile import read_po
from l10n.powriter import format_po

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))
from django_corpus import CACHE, DJANGO, django_catalogs  # noqa: E402  (the tests' corpus, one owner)


@dataclass
class Timing:
    tool: str
    wall: float
    cpu: float


def live_entries(catalog: Catalog) -> int:
    return len(catalog.entries())


def build_deep(sources: list[Path], base: Path, work: Path, copies: int) -> list[Path]:
    """Each catalog with its entries repeated ``copies`` times under new contexts."""
    files = []
    for source in sources:
        catalog = read_po(source)
        messages = [catalog.header] if catalog.header else []
        for n in range(copies):
            for message in catalog.entries():
                clone = copy.copy(message)
                clone.msgctxt = f"copy {n}" + (f"|{message.msgctxt}" if message.msgctxt else "")
                messages.append(clone)
        target = work / "deep" / source.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(format_po(Catalog(messages)), "utf-8")
        files.append(target)
    return files


def build_wide(sources: list[Path], base: Path, work: Path, copies: int) -> list[Path]:
    """The whole tree copied ``copies`` times: many small catalogs."""
    files = []
    for n in range(copies):
        for source in sources:
            target = work / "wide" / f"copy-{n:03d}" / source.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            files.append(target)
    return files


def timed(tool: str, commands: list[list[str]], repeat: int, cwd: Path) -> Timing:
    """Best wall time of ``repeat`` runs of the commands, one after the other."""
    best: Timing | None = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        for command in commands:
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if best is None or wall < best.wall:
            best = Timing(tool, wall, cpu)
    assert best is not None
    return best


def run_layout(name: str, files: list[Path], folder: Path, entries: int, repeat: int, scratch: Path) -> list[Timing]:
    paths = list(map(str, files))
    l10n = str(BIN / "l10n")
    out = scratch / f"pofilter-{name}"
    tools = [
        ("l10n check", [[l10n, "check", str(folder)]]),
        ("l10n stats", [[l10n, "stats", *paths]]),
        ("msgfmt --statistics", [["msgfmt", "--statistics", "-o", "/dev/null", p] for p in paths]),
        ("pocount", [[str(BIN / "pocount"), "--short", str(folder)]]),
        ("pofilter", [["rm", "-rf", str(out)], [str(BIN / "pofilter"), "--progress=none", "-i", str(folder), "-o", str(out)]]),
    ]
    timings = [timed(tool, commands, repeat, ROOT) for tool, commands in tools]
    report(name, len(files), entries, timings)
    return timings


def report(name: str, files: int, entries: int, timings: list[Timing]) -> None:
    by_tool = {t.tool: t for t in timings}
    msgfmt, pofilter = by_tool["msgfmt --statistics"], by_tool["pofilter"]
    print(f"\n== {name}: {files} catalogs, {entries:,} entries ==")
    print(f"{'tool':22} {'wall s':>8} {'cpu s':>8} {'entries/s':>11} {'÷ msgfmt':>9} {'÷ pofilter':>10}")
    for t in timings:
        print(f"{t.tool:22} {t.wall:8.2f} {t.cpu:8.2f} {entries / t.wall:11,.0f} {t.wall / msgfmt.wall:9.2f} {t.wall / pofilter.wall:10.2f}")
    stats, check = by_tool["l10n stats"], by_tool["l10n check"]
    print(f"target: l10n stats within 3x of msgfmt: {stats.wall / msgfmt.wall:.2f}x "
          f"({'met' if stats.wall <= 3 * msgfmt.wall else 'MISSED'})")
    print(f"target: l10n check faster than pofilter: {check.wall / pofilter.wall:.2f}x "
          f"({'met' if check.wall < pofilter.wall else 'MISSED'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="minimum entries per layout")
    parser.add_argument("--layout", choices=["deep", "wide", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool; the fastest counts")
    args = parser.parse_args()
    for tool in ("msgfmt", str(BIN / "pocount"), str(BIN / "pofilter")):
        if shutil.which(tool) is None:
            sys.exit(f"benchmark needs {tool} (GNU gettext; translate-toolkit in the venv)")
    sources = django_catalogs()
    base = CACHE / f"django-{DJANGO}"
    per_copy = sum(live_entries(read_po(p)) for p in sources)
    copies = -(-args.entries // per_copy)
    print(f"Django {DJANGO}: {len(sources)} uk/ru catalogs, {per_copy:,} entries; x{copies} copies")
    with tempfile.TemporaryDirectory(prefix="l10n-bench-", dir=CACHE) as scratch:
        work = Path(scratch)
        layouts = ["deep", "wide"] if args.layout == "both" else [args.layout]
        for name in layouts:
            build = build_deep if name == "deep" else build_wide
            files = build(sources, base, work, copies)
            run_layout(name, files, work / name, per_copy * copies, args.repeat, work)


if __name__ == "__main__":
    main()
