"""Benchmark the PO reader's fast path against its general path and polib, in process.

Usage: .venv/bin/python benchmarks/poread.py [--glob PATTERN] [--before REV] [--repeat 3] [--only SET]

Sets (``--only`` picks one): ``glob``, the catalogs ``--glob`` matches (by
default those of the 1000-post project at /work/p1000, 2000 files, if it is
there), and poio's three: ``shipped`` (locales/), ``django`` (Django's uk and
ru catalogs) and ``corpus`` (uk/ru catalogs of --docs blog posts); see
benchmarks/poio.py.

Each reader reads every file of a set, in one process; timings are CPU
seconds (time.process_time), the best of --repeat rounds. Rows: ``read_po``
as it is (l10n.poscan's whole-entry regex, then the two line short cuts);
``read_po`` of git revision --before (by default 088b133, the reader before
poscan: the state machine with the two line short cuts), loaded from git
into this process; ``read_po`` with every short cut switched off (the state
machine alone; each switched-off short cut still costs a call); polib's
``pofile``. Ratios are those rows' times over ``read_po``'s, measured in the
same run. All ways of our reader must give the same catalogs (checked once
per set).
"""

from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from unittest import mock

import polib

from l10n import pofields, pofile, poscan, powriter
from l10n.model import Catalog
from l10n.pofile import read_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from poio import best, catalog_sets, print_rows  # noqa: E402  (poio's sets and timer, one owner)

P1000 = "/work/p1000/locales/*/LC_MESSAGES/*.po"


ROOT = Path(__file__).resolve().parent.parent


def reader_at(revision: str) -> Callable[[Path], Catalog]:
    """``read_po`` of l10n/pofile.py as it was at ``revision``, with today's other modules."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:l10n/pofile.py"],
                            check=True, capture_output=True, text=True).stdout
    _old_layout()
    module = types.ModuleType(f"pofile_at_{revision}")
    exec(compile(source, f"{revision}:l10n/pofile.py", "exec"), module.__dict__)  # noqa: S102
    reader: Callable[[Path], Catalog] = module.read_po
    return reader


def _old_layout() -> None:
    """The reader of 088b133 imported its shared fields from the writer; they live in
    ``l10n.pofields`` since, so the writer module is given them for the old code to find."""
    for name in ("DEFAULT_DOMAIN", "FORMATS", "codec_name", "normalize_flags", "require_utf8"):
        if not hasattr(powriter, name):
            setattr(powriter, name, getattr(pofields, name))


def _no_entry(*args: object) -> None:
    return None


def _no_line(self: object, *args: object) -> bool:
    return False


@contextmanager
def general_path() -> Iterator[None]:
    """read_po with every short cut switched off: the state machine alone."""
    with (mock.patch.object(poscan, "entry", _no_entry),
          mock.patch.multiple(pofile._Parser, extend=_no_line, keyword_line=_no_line)):
        yield


def read_all(files: list[Path], reader: Callable[[Path], Catalog] = read_po, general: bool = False) -> list[Catalog]:
    with general_path() if general else nullcontext():
        return [reader(path) for path in files]


def read_each(files: list[Path], reader: Callable[[Path], object] = read_po, general: bool = False) -> None:
    """Read every file, keeping none (as ``build`` does: the garbage collector's
    rounds grow with what is kept alive, and would be timed too)."""
    with general_path() if general else nullcontext():
        for path in files:
            reader(path)


def measure(name: str, files: list[Path], repeat: int, before: str) -> None:
    ours, previous = read_all(files), reader_at(before)
    if read_all(files, previous) != ours or read_all(files, general=True) != ours:
        raise SystemExit(f"{name}: the reader's paths disagree")
    count = sum(len(catalog.messages) for catalog in ours)
    del ours
    rows = {
        "read_po": best(repeat, lambda: read_each(files)),
        f"read_po at {before}": best(repeat, lambda: read_each(files, previous)),
        "read_po, no short cut": best(repeat, lambda: read_each(files, general=True)),
        "polib.pofile": best(repeat, lambda: read_each(files, lambda path: polib.pofile(str(path)))),
    }
    base = rows["read_po"]
    print(f"\n{name}: {len(files)} files, {count:,} entries, best of {repeat}")
    print_rows(rows, count, "÷ read_po", lambda seconds: seconds / base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glob", default=P1000, help="catalogs of the glob set")
    parser.add_argument("--before", default="088b133", help="git revision of the reader to compare with")
    parser.add_argument("--docs", type=int, default=100, help="blog posts for the corpus set")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["glob", "shipped", "django", "corpus"])
    args = parser.parse_args()
    import l10n

    print(f"l10n from {os.path.dirname(l10n.__file__)}; polib {polib.__version__}")
    sets = {"glob": lambda: [Path(name) for name in sorted(glob.glob(args.glob))], **catalog_sets(args.docs)}
    for name, find in sets.items():
        if args.only in (None, name) and (files := find()):
            measure(name, files, args.repeat, args.before)


if __name__ == "__main__":
    main()
