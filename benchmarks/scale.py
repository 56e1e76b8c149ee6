"""Benchmark l10n on a newsroom's archive: N real blog posts, every step, and mdpo and po4a on the same posts.

Usage::

    .venv/bin/python benchmarks/scale.py [--corpus /work/corpus] [--sizes 10,100,1000]
        [--steps extract,update,...] [--jobs 2] [--python PY] [--mdpo DIR] [--peers mdpo,po4a] [--workdir DIR]

Corpus: the Rust and Go blogs (``benchmarks/scale_corpus.py`` says where they
come from, at which commits, and what normalization changes)::

    git clone https://github.com/rust-lang/blog.rust-lang.org DIR/rust    # at 0243724c
    git clone https://github.com/golang/website DIR/go                    # at b02076ae

For each N, a fresh project in a temporary folder (languages uk and ru, the
glossary of the l10n tree under test) runs the real CLI, one child process per
step, in this order: ``extract``, the first ``update``, ``update`` with
nothing changed, ``update`` after one word of one post changed, ``extract
--check``, then every catalog is filled with msgstr = msgid (GNU msgen, not
timed), ``build --force`` twice (the second with nothing changed),
``check``, and last ``build --force`` once more after every Latin o of the
ru translations became a Cyrillic о (not timed): identity translations make
the uk and ru editions the same, so the build renders each block once for
both, which real translations do not allow. Time is the child's CPU (user + system, ``RUSAGE_CHILDREN``
deltas, so worker processes a step waits for count too) and wall. The growth
exponent is the slope of log CPU time against log N (1 = linear).

Identity round trip, as the README's guarantee states it: with msgstr =
msgid, ``build`` must rebuild every post byte for byte; the count is of
posts whose Markdown editions (uk and ru) equal the source (the normalized
post, one word changed in one of them).

Peers, when installed (``not installed`` otherwise): mdpo (``md2po`` and
``po2md`` from ``--mdpo DIR``, else PATH) and po4a (``po4a-updatepo`` and
``po4a-translate``, ``-f text -o markdown``; po4a 0.69's ``po4a-gettextize``
refuses a master file without a translation to align, so ``po4a-updatepo``
extracts), one process per post and step, as each is run per file: extract,
fill with msgen (not timed), build, compare the result with the post.

The l10n under test is the one the child Python imports: this checkout,
unless PYTHONPATH names another (``PYTHONPATH=/work/main`` for main's code).
``--jobs N`` is passed to the steps whose ``--help`` offers it. Output is
Markdown, ready to paste into the README.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import DEFAULT_CORPUS, Post, corpus_posts  # noqa: E402  (the benchmark's own corpus module)

ROOT = Path(__file__).resolve().parent.parent
CLI = "import sys; from l10n.cli import main; sys.argv[0] = 'l10n'; main()"
LANGUAGES = ("uk", "ru")
# (id, what the table calls it, l10n arguments)
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("extract", "`extract`", ("extract",)),
    ("update", "first `update`", ("update",)),
    ("update-same", "`update`, nothing changed", ("update",)),
    ("update-edit", "`update`, one word changed in one post", ("update",)),
    ("extract-check", "`extract --check`", ("extract", "--check")),
    ("build", "first `build --force`", ("build", "--force")),
    ("build-same", "`build --force`, nothing changed", ("build", "--force")),
    ("check", "`check`", ("check",)),
    ("build-distinct", "`build --force`, every ru catalog changed (uk and ru differ)", ("build", "--force")),
)
MAY_FIND = {"check"}  # steps whose exit 1 reports findings, not a failure


@dataclass
class Timing:
    cpu: float
    wall: float
    code: int
    errors: str = ""  # the end of the process's stderr


@dataclass
class Run:
    """One N: each step's timing, the identity round trip, and the peers' results."""

    size: int
    steps: dict[str, Timing] = field(default_factory=dict)
    identical: int | None = None
    peers: dict[str, PeerResult | None] = field(default_factory=dict)


@dataclass
class PeerResult:
    extract: float
    build: float
    identical: int
    crashed: int


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Timing:
    """Run ``command`` to its end; its CPU time (and its waited-for children's) and wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(cpu, wall, done.returncode, done.stderr.decode("utf-8", "replace")[-600:])


class L10n:
    """The CLI under test, run as a child process of ``python``."""

    def __init__(self, python: str, jobs: int | None) -> None:
        self.python = python
        self.env = dict(os.environ)
        paths = [p for p in self.env.get("PYTHONPATH", "").split(os.pathsep) if p]
        self.env["PYTHONPATH"] = os.pathsep.join(paths or [str(ROOT)])
        self.jobs = jobs
        self._jobs_known: dict[str, bool] = {}

    def command(self, args: Sequence[str]) -> list[str]:
        extra: list[str] = []
        if self.jobs is not None and self._has_jobs(args[0]):
            extra = ["--jobs", str(self.jobs)]
        return [self.python, "-c", CLI, *args, *extra]

    def _has_jobs(self, name: str) -> bool:
        if name not in self._jobs_known:
            shown = subprocess.run([self.python, "-c", CLI, name, "--help"], env=self.env, cwd="/",
                                   capture_output=True, text=True).stdout
            self._jobs_known[name] = "--jobs" in shown
        return self._jobs_known[name]

    def tree(self) -> Path:
        """The folder of the l10n package the child imports (its glossary is the benchmark's)."""
        out = subprocess.run([self.python, "-c", "import l10n; print(l10n.__file__)"], env=self.env, cwd="/",
                             capture_output=True, text=True, check=True).stdout
        return Path(out.strip()).parent.parent


def write_project(root: Path, posts: Sequence[Post], glossary: Path) -> None:
    """A fresh l10n project: the posts under source/, uk and ru, the glossary."""
    (root / "source").mkdir(parents=True)
    (root / "locales").mkdir()
    for post in posts:
        (root / "source" / f"{post.slug}.md").write_text(post.text, "utf-8")
    if glossary.exists():
        shutil.copy(glossary, root / "locales" / "glossary.csv")
    (root / "pyproject.toml").write_text(
        '[tool.l10n]\nsource_dir = "source"\nlocales_dir = "locales"\nbuild_dir = "build"\n'
        'source_language = "en"\nlanguages = ["uk", "ru"]\nglossary = "locales/glossary.csv"\n'
        'project = "scale benchmark"\nbugs_address = "bugs@example.net"\n', "utf-8")


def edit_one_word(root: Path, posts: Sequence[Post]) -> None:
    """Change one word of the middle post's prose: the first ' the ' of a text line after the front matter becomes ' a '."""
    path = root / "source" / f"{posts[len(posts) // 2].slug}.md"
    lines = path.read_text("utf-8").split("\n")
    body = lines.index("---", 1) + 1 if lines[0] == "---" else 0
    for index, line in enumerate(lines[body:], body):
        if line[:1].isalpha() and " the " in line:
            lines[index] = line.replace(" the ", " a ", 1)
            break
    path.write_text("\n".join(lines), "utf-8")


def fill_identity(catalogs: Sequence[Path]) -> None:
    """msgstr = msgid in every catalog, fuzzy flags cleared (GNU gettext's msgfilter and msgen)."""
    for po in catalogs:
        subprocess.run(["sh", "-c", 'msgattrib --clear-fuzzy --clear-previous "$1" | msgfilter --keep-header'
                        ' sed -e d | msgen -o "$1" -', "fill", str(po)], check=True)


def distinct_ru(catalogs: Sequence[Path]) -> None:
    """Every Latin o of the ru translations becomes a Cyrillic о, so that (as with real translations) the
    uk and ru editions no longer share blocks; no PO escape sequence has an o."""
    for po in catalogs:
        lines = po.read_text("utf-8").split("\n")
        in_msgstr = False
        for index, line in enumerate(lines):
            in_msgstr = line.startswith("msgstr") or (in_msgstr and line.startswith('"'))
            if in_msgstr:
                lines[index] = line.replace("o", "\u043e")
        po.write_text("\n".join(lines), "utf-8")


def run_l10n(l10n: L10n, root: Path, posts: Sequence[Post], steps: Sequence[str]) -> Run:
    """Every selected step of l10n in the project at ``root``, in order, and the round trip."""
    run = Run(len(posts))
    for step, _, args in STEPS:
        if step not in steps:
            continue
        if step == "update-edit":
            edit_one_word(root, posts)
        if step.startswith("build") and not (root / "build").exists():
            fill_identity(sorted((root / "locales").glob("*/LC_MESSAGES/*.po")))
        if step == "build-distinct":
            run.identical = identical(root, posts)
            distinct_ru(sorted((root / "locales").glob("ru/LC_MESSAGES/*.po")))
        run.steps[step] = timed(l10n.command(args), root, l10n.env)
        if run.steps[step].code and step not in MAY_FIND:
            sys.stderr.write(f"N={len(posts)}: `{' '.join(args)}` exited {run.steps[step].code}:\n"
                             f"{run.steps[step].errors}\n")
    if (root / "build").exists() and run.identical is None:
        run.identical = identical(root, posts)
    return run


def identical(root: Path, posts: Sequence[Post]) -> int:
    """How many posts' uk and ru Markdown editions are byte for byte the post."""
    return sum(all(same(root / "source" / f"{p.slug}.md", root / "build" / lang / f"{p.slug}.md")
                   for lang in LANGUAGES) for p in posts)


def same(a: Path, b: Path) -> bool:
    return b.exists() and a.read_bytes() == b.read_bytes()


# --- peers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    name: str
    extract: str  # program names, looked up at run time
    build: str

    def programs(self, where: Path | None) -> tuple[str, str] | None:
        found = [shutil.which(p, path=str(where.resolve()) if where else None) for p in (self.extract, self.build)]
        return (found[0], found[1]) if found[0] and found[1] else None


MDPO = Peer("mdpo", "md2po", "po2md")
PO4A = Peer("po4a", "po4a-updatepo", "po4a-translate")
PO4A_FORMAT = ("-f", "text", "-o", "markdown", "-M", "UTF-8")


def peer_commands(peer: Peer, programs: tuple[str, str], md: Path, po: Path, out: Path) -> tuple[list[str], list[str]]:
    extract, build = programs
    if peer is MDPO:
        return ([extract, str(md), "-q", "-s", "--po-filepath", str(po)],
                [build, str(md), "-q", "-p", str(po), "-s", str(out)])
    return ([extract, *PO4A_FORMAT, "-m", str(md), "-p", str(po)],
            [build, *PO4A_FORMAT, "-L", "UTF-8", "-k", "0", "-m", str(md), "-p", str(po), "-l", str(out)])


def run_peer(peer: Peer, programs: tuple[str, str], root: Path, posts: Sequence[Post]) -> PeerResult:
    """Extract every post (one process each), fill with msgen, build, and compare with the post."""
    (root / "out").mkdir(parents=True)
    extract = build = 0.0
    identical = crashed = 0
    for post in posts:
        md, po, out = root / "source" / f"{post.slug}.md", root / "out" / f"{post.slug}.po", root / "out" / f"{post.slug}.md"
        extract_cmd, build_cmd = peer_commands(peer, programs, md, po, out)
        first = timed(extract_cmd, root)
        extract += first.cpu
        if first.code or not po.exists():
            sys.stderr.write(f"{peer.name}: {post.slug}: exited {first.code}: {first.errors}\n")
            crashed += 1
            continue
        subprocess.run(["msgen", "-o", str(po), str(po)], check=False, stderr=subprocess.DEVNULL)
        second = timed(build_cmd, root)
        build += second.cpu
        if second.code or not out.exists():
            sys.stderr.write(f"{peer.name}: {post.slug}: exited {second.code}: {second.errors}\n")
            crashed += 1
        identical += same(md, out)
    return PeerResult(extract, build, identical, crashed)


# --- the table -----------------------------------------------------------------


def exponent(small: Timing | None, large: Timing | None, n_small: int, n_large: int) -> str:
    if small is None or large is None or small.cpu <= 0 or large.cpu <= 0 or n_small == n_large:
        return "–"
    return f"{math.log(large.cpu / small.cpu) / math.log(n_large / n_small):.2f}"


def step_table(runs: Sequence[Run], attribute: str) -> list[str]:
    """Markdown rows: each step's CPU (or wall) seconds per N, and its growth exponents."""
    sizes = [run.size for run in runs]
    pairs = [(len(sizes) - 2, len(sizes) - 1)] if len(sizes) > 1 else []
    if len(sizes) > 2:
        pairs.append((0, len(sizes) - 1))
    head = ["step", *(f"N = {n:,}" for n in sizes), *(f"exponent {sizes[a]:,}→{sizes[b]:,}" for a, b in pairs)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for step, title, _ in STEPS:
        timings = [run.steps.get(step) for run in runs]
        if not any(timings):
            continue
        cells = [title, *(cell(t, attribute, step in MAY_FIND) for t in timings)]
        cells += [exponent(timings[a], timings[b], sizes[a], sizes[b]) for a, b in pairs] if attribute == "cpu" else []
        rows.append("| " + " | ".join(cells) + " |")
    if attribute == "wall":
        rows[0] = "| " + " | ".join(head[: 1 + len(sizes)]) + " |"
        rows[1] = "|" + "---|" * (1 + len(sizes))
    return rows


def cell(timing: Timing | None, attribute: str, may_find: bool) -> str:
    """The time, and the exit code when the step failed (``check`` exits 1 on findings)."""
    if timing is None:
        return "–"
    text = f"{getattr(timing, attribute):.2f}"
    return text if timing.code == 0 or (may_find and timing.code == 1) else f"{text} (exit {timing.code})"


def peer_table(runs: Sequence[Run]) -> list[str]:
    """Markdown rows: extract and build CPU seconds and identical round trips, per tool and N."""
    rows = ["| tool | N | extract CPU s | build CPU s | identical round trips | crashes |", "|---|---|---|---|---|---|"]
    for run in runs:
        extract, build = run.steps.get("extract"), run.steps.get("build")
        if extract and build and run.identical is not None:
            rows.append(f"| l10n (one process) | {run.size:,} | {extract.cpu:.2f} | {build.cpu:.2f} | "
                        f"{run.identical}/{run.size} | 0 |")
        for name, result in run.peers.items():
            if result is None:
                rows.append(f"| {name} | {run.size:,} | not installed | | | |")
            else:
                rows.append(f"| {name} (one process per post) | {run.size:,} | {result.extract:.2f} | "
                            f"{result.build:.2f} | {result.identical}/{run.size} | {result.crashed} |")
    return rows


def report(runs: Sequence[Run], l10n: L10n, command: str) -> str:
    tree = l10n.tree()
    commit = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h %s"], capture_output=True,
                            text=True).stdout.strip() or "not a git checkout"
    lines = [f"`{command}`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, l10n from {tree} ({commit}).", "",
             "CPU seconds (user + system of the step's processes):", "", *step_table(runs, "cpu"), "",
             "Wall seconds:", "", *step_table(runs, "wall"), ""]
    if any(run.identical is not None or run.peers for run in runs):
        lines += ["Identity round trip (msgstr = msgid, then build; uk and ru editions byte-identical to the post) "
                  "and the peers on the same posts:", "", *peer_table(runs), ""]
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding rust/ and go/ (see above)")
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated N (default 10,100,1000)")
    parser.add_argument("--steps", default=",".join(step for step, _, _ in STEPS),
                        help="comma-separated steps to run: " + ", ".join(step for step, _, _ in STEPS))
    parser.add_argument("--jobs", type=int, help="passed to the steps whose --help offers --jobs")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs l10n (default: this one)")
    parser.add_argument("--mdpo", type=Path, help="folder with md2po and po2md (default: PATH)")
    parser.add_argument("--peers", default="mdpo,po4a", help="comma-separated peers to run (default mdpo,po4a; '' for none)")
    parser.add_argument("--workdir", type=Path, help="where the projects go (default: a temporary folder, removed)")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(n) for n in args.sizes.split(",")})
    args.steps = [s for s in args.steps.split(",") if s]
    args.peers = [s for s in args.peers.split(",") if s]
    if set(args.peers) - {MDPO.name, PO4A.name}:
        parser.error(f"unknown peers: {args.peers}")
    unknown = set(args.steps) - {step for step, _, _ in STEPS}
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    posts = corpus_posts(args.corpus, max(args.sizes))
    if len(posts) < max(args.sizes):
        sys.exit(f"{args.corpus} has {len(posts)} posts, fewer than {max(args.sizes)}")
    l10n = L10n(args.python, args.jobs)
    glossary = l10n.tree() / "locales" / "glossary.csv"
    peers = {peer: peer.programs(args.mdpo if peer is MDPO else None) for peer in (MDPO, PO4A) if peer.name in args.peers}
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="l10n-scale-", dir=args.workdir))
    runs = []
    try:
        for size in args.sizes:
            write_project(work / f"l10n-{size}", posts[:size], glossary)
            run = run_l10n(l10n, work / f"l10n-{size}", posts[:size], args.steps)
            for peer, programs in peers.items():
                root = work / f"{peer.name}-{size}"
                write_project(root, posts[:size], glossary)
                run.peers[peer.name] = run_peer(peer, programs, root, posts[:size]) if programs else None
            runs.append(run)
            print(f"N={size} done", file=sys.stderr, flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(report(runs, l10n, "python benchmarks/scale.py " + " ".join(argv if argv is not None else sys.argv[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
