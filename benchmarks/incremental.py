"""Benchmark incremental runs and the process pool on real blog posts.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/incremental.py [--documents 200] [--corpus /work/corpus]

Corpus: the Rust blog (rust-lang/blog.rust-lang.org@0243724c, TOML ``+++``
front matter, replaced here by a ``title:`` YAML line) and the Go blog
(golang/website@b02076ae, YAML front matter), interleaved, slugs lowercased,
``index``/``_index`` pages, repeated names and pages with nothing to
translate left out. The project's own
``[tool.l10n]`` table and glossary are used.

Each step is one ``l10n`` process; CPU is the children's user+sys time
(``resource.getrusage(RUSAGE_CHILDREN)``), printed with the ratio against the
first run of the same command. Before the builds every catalog is filled with
identity translations (msgstr = msgid), so every edition is rendered.
Finally the first update and build run again on a fresh copy with
``--jobs 1`` and ``--jobs 2`` (wall and CPU), and their outputs are compared.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from l10n.errors import SourceError
from l10n.model import Catalog
from l10n.pofile import read_po
from l10n.powriter import format_po
from l10n.segment import read_document

ROOT = Path(__file__).resolve().parent.parent
_TOML_TITLE = re.compile(r'(?m)^title\s*=\s*"(.*)"\s*$')
_DATE = re.compile(rb"POT-Creation-Date: [0-9: +-]+")


def corpus_files(corpus: Path) -> list[Path]:
    """Rust and Go posts, interleaved, in a stable order."""
    rust = sorted((corpus / "rust" / "content").rglob("*.md"))
    go = sorted((corpus / "go" / "_content" / "blog").glob("*.md"))
    mixed = [path for pair in zip(rust, go, strict=False) for path in pair]
    longer = rust if len(rust) > len(go) else go
    return mixed + longer[min(len(rust), len(go)):]


def converted(text: str) -> str:
    """A post with TOML front matter as YAML front matter holding only its title."""
    if not text.startswith("+++\n"):
        return text
    end = text.index("\n+++\n", 4)
    title = _TOML_TITLE.search(text[4:end])
    name = title.group(1).replace('\\"', '"') if title else "Untitled"
    return f"---\ntitle: {name!r}\n---\n" + text[end + 5:]


def make_project(target: Path, corpus: Path, count: int) -> Path:
    """A project of ``count`` real posts under ``target``."""
    (target / "source").mkdir(parents=True)
    (target / "locales").mkdir()
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    shutil.copy(ROOT / "locales" / "glossary.csv", target / "locales" / "glossary.csv")
    seen: set[str] = set()
    for path in corpus_files(corpus):
        slug = path.stem.lower()
        if slug in seen or slug in ("index", "_index") or not re.match(r"^[a-z0-9][a-z0-9._-]*$", slug):
            continue
        destination = target / "source" / f"{slug}.md"
        destination.write_text(converted(path.read_text("utf-8")), "utf-8")
        try:
            read_document(destination, slug)
        except SourceError:  # a page with nothing to translate (a redirect)
            destination.unlink()
            continue
        seen.add(slug)
        if len(seen) == count:
            break
    return target


def run(project: Path, *args: str) -> tuple[float, float, int]:
    """Wall and CPU seconds of one ``l10n`` process, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", "from l10n.cli import main; main()", *args], cwd=project, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode not in (0, 1):
        raise SystemExit(f"l10n {' '.join(args)} failed: {done.stderr}")
    return wall, cpu, done.returncode


def fill_identity(project: Path) -> None:
    """Translate every entry by its own msgid, so every edition is built in full."""
    for path in sorted((project / "locales").rglob("*.po")):
        catalog = read_po(path)
        for message in catalog.entries():
            if not message.msgstr:
                message.msgstr = message.msgid
        path.write_text(format_po(Catalog(catalog.messages)), "utf-8")


def edit_one(project: Path) -> None:
    """Change one word in the middle of one document."""
    path = sorted((project / "source").glob("*.md"))[len(list((project / "source").glob("*.md"))) // 2]
    text = path.read_text("utf-8")
    index = text.index(" the ", len(text) // 2)
    path.write_text(text[:index] + " this " + text[index + 5:], "utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, the creation date (the minute each run started) left out."""
    return {path.relative_to(folder).as_posix(): _DATE.sub(b"", path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()}


def report(rows: list[tuple[str, float, float, float]]) -> None:
    print(f"{'step':<40} {'wall s':>8} {'CPU s':>8} {'× first':>8}")
    for name, wall, cpu, base in rows:
        print(f"{name:<40} {wall:8.2f} {cpu:8.2f} {cpu / base:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "serial", options.corpus, options.documents)
        count = len(list((project / "source").glob("*.md")))
        print(f"{count} documents")
        rows: list[tuple[str, float, float, float]] = []
        wall, first, _ = run(project, "update", "--jobs", "1")
        rows.append(("first update", wall, first, first))
        for name, args in (("no-change update", ("update",)), ("extract --check", ("extract", "--check"))):
            wall, cpu, _ = run(project, *args, "--jobs", "1")
            rows.append((name, wall, cpu, first))
        edit_one(project)
        wall, cpu, _ = run(project, "update", "--jobs", "1")
        rows.append(("one document edited: update", wall, cpu, first))
        fill_identity(project)
        wall, first_build, _ = run(project, "build", "--jobs", "1")
        rows.append(("first build", wall, first_build, first_build))
        wall, cpu, _ = run(project, "build", "--jobs", "1")
        rows.append(("no-change build", wall, cpu, first_build))
        report(rows)
        print()
        parallel_rows(Path(tmp), options.corpus, options.documents)


def parallel_rows(tmp: Path, corpus: Path, count: int) -> None:
    """First update and first build with one and two workers, on fresh copies; the outputs must agree."""
    rows: list[tuple[str, float, float, float]] = []
    projects = {}
    for jobs in ("1", "2"):
        project = projects[jobs] = make_project(tmp / f"jobs{jobs}", corpus, count)
        for step in ("update", "build"):
            if step == "build":
                fill_identity(project)
            wall, cpu, _ = run(project, step, "--jobs", jobs)
            base = next((r[1] for r in rows if r[0] == f"first {step}, --jobs 1"), wall)
            rows.append((f"first {step}, --jobs {jobs}", wall, cpu, base))
    print(f"{'step':<40} {'wall s':>8} {'CPU s':>8} {'wall × jobs 1':>14}")
    for name, wall, cpu, base in rows:
        print(f"{name:<40} {wall:8.2f} {cpu:8.2f} {wall / base:14.2f}")
    same = all(tree(projects["1"] / d) == tree(projects["2"] / d) for d in ("locales", "build"))
    print(f"outputs of --jobs 1 and --jobs 2 identical: {same}")


if __name__ == "__main__":
    main()
