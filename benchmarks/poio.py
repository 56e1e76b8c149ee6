"""Benchmark the PO reader and writer against polib and Babel, in process.

Usage: .venv/bin/python benchmarks/poio.py [--docs 100] [--repeat 3] [--only SET]

Catalogs, all real, in three sets (``--only`` picks one):

``shipped``  the repository's own catalogs (locales/);
``django``   Django's uk and ru catalogs (tests/django_corpus.py fetches them
             from PyPI once into ~/.cache/l10n-testdata): human translations,
             plurals, fuzzy entries, format flags;
``corpus``   uk and ru catalogs that ``l10n update`` makes from the first
             --docs blog posts of the Rust and Go blogs in /work/corpus (see
             the shared notes), each msgstr filled with its msgid, so every
             string is written twice: long English paragraphs, code, URLs.
             Made once per --docs into the temporary directory by the
             ``l10n`` found on PYTHONPATH, then read by every tool.

Each tool reads every file of a set, and writes back what it read, in one
process; timings are CPU seconds (time.process_time), the best of --repeat
rounds, and throughput is live entries per CPU second. Rows: our read
(``read_po``), our write (``format_po`` of the read catalogs), our read +
write, polib read + write (``polib.pofile`` + ``str(po)``), Babel read +
write (``read_po`` + ``write_po`` into memory); ratios are against polib's
read + write measured in the same run. Run it on another checkout's code with
``PYTHONPATH=/that/checkout``.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib
from babel.messages import pofile as babel_pofile

from l10n.model import Catalog
from l10n.pofile import read_po
from l10n.powriter import format_po

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/corpus")
sys.path.insert(0, str(ROOT / "tests"))
from django_corpus import django_catalogs  # noqa: E402  (the tests' corpus, one owner)


def corpus_catalogs(docs: int) -> list[Path]:
    """uk/ru catalogs of the first ``docs`` Rust and Go blog posts, identity-translated."""
    work = Path(tempfile.gettempdir()) / f"l10n-poio-{docs}"
    if not (work / "done").exists():
        shutil.rmtree(work, ignore_errors=True)
        (work / "source").mkdir(parents=True)
        posts = _posts(CORPUS / "rust" / "content", docs - docs // 2)
        posts += _posts(CORPUS / "go" / "_content" / "blog", docs // 2)
        for post in posts:
            shutil.copy(post, work / "source" / re.sub(r"[^a-z0-9._-]", "-", post.name.lower()))
        config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        (work / "pyproject.toml").write_text(config[config.index("[tool.l10n]"):], encoding="utf-8")
        (work / "locales").mkdir()
        shutil.copy(ROOT / "locales" / "glossary.csv", work / "locales")
        l10n = [sys.executable, "-c", "from l10n.cli import main; main()"]
        subprocess.run([*l10n, "update"], cwd=work, check=True, capture_output=True)
        for path in (work / "locales").rglob("*.po"):
            catalog = read_po(path)
            for msg in catalog.entries():
                msg.msgstr = msg.msgid
                msg.msgstr_plural = dict.fromkeys(msg.msgstr_plural, msg.msgid_plural or "")
            path.write_text(format_po(catalog), encoding="utf-8")
        (work / "done").touch()
    return sorted((work / "locales").rglob("*.po"))


def _posts(folder: Path, count: int) -> list[Path]:
    """The first ``count`` posts with text after their front matter (some are redirects)."""
    posts = [path for path in sorted(folder.glob("*.md"))
             if re.split(r"^(?:\+\+\+|---)$", path.read_text(encoding="utf-8"), maxsplit=2,
                         flags=re.M)[-1].strip()]
    return posts[:count]


def entries(files: list[Path]) -> int:
    return sum(len(read_po(path).entries()) for path in files)


def best(repeat: int, job: Callable[[], object]) -> float:
    """Least CPU time of ``repeat`` runs of ``job``."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        job()
        times.append(time.process_time() - start)
    return min(times)


def ours_read(files: list[Path]) -> list[Catalog]:
    return [read_po(path) for path in files]


def ours_both(files: list[Path]) -> None:
    for path in files:
        format_po(read_po(path))


def polib_both(files: list[Path]) -> None:
    for path in files:
        str(polib.pofile(str(path)))


def babel_both(files: list[Path]) -> None:
    for path in files:
        with path.open("rb") as stream:
            catalog = babel_pofile.read_po(stream)
        babel_pofile.write_po(io.BytesIO(), catalog)


def measure(name: str, files: list[Path], repeat: int) -> None:
    count = entries(files)
    catalogs = ours_read(files)
    rows = {
        "ours: read": best(repeat, lambda: ours_read(files)),
        "ours: write": best(repeat, lambda: [format_po(c) for c in catalogs]),
        "ours: read + write": best(repeat, lambda: ours_both(files)),
        "polib: read + write": best(repeat, lambda: polib_both(files)),
        "babel: read + write": best(repeat, lambda: babel_both(files)),
    }
    base = rows["polib: read + write"]
    print(f"\n{name}: {len(files)} files, {count:,} live entries, best of {repeat}")
    print_rows(rows, count, "vs polib r+w", lambda seconds: base / seconds)


def print_rows(rows: dict[str, float], count: int, heading: str, ratio: Callable[[float], float]) -> None:
    """One line per measured row: CPU seconds, entries per second and the ratio to the baseline."""
    width = max(map(len, rows)) + 2
    print(f"{'':{width}} {'CPU s':>8} {'entries/s':>10} {heading:>13}")
    for label, seconds in rows.items():
        print(f"{label:{width}} {seconds:8.3f} {count / seconds:10,.0f} {ratio(seconds):12.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="blog posts for the corpus set")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["shipped", "django", "corpus"])
    args = parser.parse_args()
    import l10n

    print(f"l10n from {os.path.dirname(l10n.__file__)}; polib {polib.__version__}")
    for name, find in catalog_sets(args.docs).items():
        if args.only in (None, name):
            measure(name, find(), args.repeat)


def catalog_sets(docs: int) -> dict[str, Callable[[], list[Path]]]:
    """The catalogs the PO benchmarks measure: the shipped ones, Django's, and ``docs`` blog posts'."""
    return {"shipped": lambda: sorted((ROOT / "locales").rglob("*.po")),
            "django": django_catalogs, "corpus": lambda: corpus_catalogs(docs)}


if __name__ == "__main__":
    main()
