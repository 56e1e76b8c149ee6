"""Benchmark the start-up of one ``l10n`` process (issue 14 item 4).

Usage: .venv/bin/python benchmarks/startup.py [--repeat 20] [--catalog PATH]

A pre-commit hook runs ``l10n`` once per file, so what a process costs
before it does anything is paid on every file. Each command runs --repeat
times through the venv's ``l10n`` console script, from the repository root
(a project: ``stats`` reads its config) with this checkout first on
PYTHONPATH; the baseline ``python -c pass`` runs the same number of times in
the same session. Bytecode is cached as an installed tool has it: the runs
write and read ``.pyc`` files under a temporary PYTHONPYCACHEPREFIX (never in
the checkout), even where PYTHONDONTWRITEBYTECODE is set, and a warm-up run
of each command fills it. ``python -c "import click"`` is shown as the
floor: the CLI cannot start without click. Printed: the median wall time and the median CPU time
(user+sys of the child, from RUSAGE_CHILDREN) of each command, and both as
ratios to the baseline. Targets on the 2-core machine of the issue:
``--version`` ≤ 40 ms and ``stats ONE.po`` ≤ 80 ms wall.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
L10N = str(Path(sys.executable).parent / "l10n")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``argv``; a failing command stops the benchmark."""
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, children_cpu() - cpu


def measure(argv: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and median CPU seconds over ``repeat`` runs (after one warm-up run)."""
    run_once(argv, env)
    runs = [run_once(argv, env) for _ in range(repeat)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def default_catalog() -> str:
    return str(sorted((ROOT / "locales" / "uk" / "LC_MESSAGES").glob("*.po"))[0].relative_to(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--catalog", default=None, help="The PO file for `l10n stats` (default: the first uk catalog).")
    args = parser.parse_args()
    catalog = args.catalog or default_catalog()
    with tempfile.TemporaryDirectory(prefix="l10n-startup-") as cache:
        report(args.repeat, catalog, environment(cache))


def environment(cache: str) -> dict[str, str]:
    """This checkout first on the path; bytecode written and read under ``cache``."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def report(repeat: int, catalog: str, env: dict[str, str]) -> None:
    commands = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import click'", [sys.executable, "-c", "import click"]),
        ("l10n --version", [L10N, "--version"]),
        (f"l10n stats {catalog}", [L10N, "stats", catalog]),
        ("l10n check --help", [L10N, "check", "--help"]),
    ]
    width = max(len(label) for label, _ in commands)
    print(f"{repeat} runs each, medians; ratios against `python -c pass`")
    print(f"{'command':<{width}} {'wall ms':>8} {'x':>6} {'cpu ms':>8} {'x':>6}")
    base_wall = base_cpu = 0.0
    for label, argv in commands:
        wall, cpu = measure(argv, repeat, env)
        if not base_wall:
            base_wall, base_cpu = wall, max(cpu, 1e-6)
        print(f"{label:<{width}} {wall * 1000:8.1f} {wall / base_wall:6.2f} {cpu * 1000:8.1f} {cpu / base_cpu:6.2f}")


if __name__ == "__main__":
    main()
