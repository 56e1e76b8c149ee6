"""Guarantee: no write is ever half done, even under ``kill -9``.

``l10n update`` and ``l10n pretranslate`` (the real CLI entry point, in a
copy of the project) are SIGKILLed at random points, again and again; after
every kill each catalog is byte for byte either its old or its new version,
and parses. Leftover temporary files are never taken for catalogs.

The commands run in children forked by a small, fresh, single-threaded
runner process (forking pytest itself is unsafe once engine libraries have
started threads), so a kill costs no interpreter start. To land kills inside
writes rather than only around them, the children's disk is made slow and
observable: every file opened for writing under ``locales/`` is written in
small flushed chunks, each reported on a pipe and followed by a pause (the
run's cache, ``.l10n-cache/``, is written as usual: kills after a chunk land
in catalog writes, the ones this test is about). A kill after chunk
*k* of a write done in place leaves a torn catalog; an atomic write leaves
only a torn temporary file. Half of the kills come after a random chunk,
half at a random time since the start (while the child loads, merges or
translates). Seeded, so a failure replays.
"""

from __future__ import annotations

import json
import random
import re
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.pofile import read_po

pytestmark = pytest.mark.slow  # l10n processes killed at random points

SLUG = "bakhmut-un-chief"
PAUSE = 0.002
RUNNER = r"""
import builtins, io, json, os, signal, sys, time
import l10n.cli, l10n.engines.argos, l10n.morphology

CHUNKS, PAUSE = 6, float(sys.argv[1])


class SlowFile:
    # A file whose writes land in flushed chunks, each reported on ``sync``.
    def __init__(self, real, sync):
        self._real, self._sync = real, sync

    def write(self, data):
        step = max(1, len(data) // CHUNKS)
        for start in range(0, len(data), step):
            self._real.write(data[start : start + step])
            self._real.flush()
            os.write(self._sync, b".")
            time.sleep(PAUSE)
        return len(data)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()

    def __getattr__(self, name):
        return getattr(self._real, name)


class SlowEcho:
    # Stands in for ArgosTranslator: slow and deterministic.
    name, version = "echo", "1"

    def __init__(self, *args, **kwargs):
        pass

    def translate_batch(self, texts, progress=None):
        time.sleep(0.03)
        return ["[mt] " + text for text in texts]


def child(job, sync):
    log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.chdir(job["project"])
    real_open = io.open

    def slow_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        writes = any(flag in mode for flag in "wax+")
        path = os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) else os.fspath(file)
        return SlowFile(handle, sync) if writes and "locales" in path else handle

    io.open = builtins.open = slow_open
    l10n.engines.argos.ArgosTranslator = SlowEcho
    l10n.cli.main.main(job["args"], prog_name="l10n", standalone_mode=False)


for lang in ("uk", "ru"):
    l10n.morphology.for_language(lang)  # load once; every child shares it
for line in sys.stdin:
    job = json.loads(line)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            os.close(read_end)
            child(job, write_end)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    started, chunks, after = time.monotonic(), 0, job["after_chunks"]
    if after == 0:
        time.sleep(job["delay"])
    else:
        while after is None or chunks < after:
            if not os.read(read_end, 1):
                break
            chunks += 1
        if after is not None and chunks >= after:
            time.sleep(job["delay"])
    if after is not None:
        os.kill(pid, signal.SIGKILL)
    while os.read(read_end, 4096):
        pass
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"chunks": chunks, "seconds": time.monotonic() - started,
                      "exit": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class Runner:
    """Sends ``l10n`` runs to the runner process; each comes back with what happened."""

    def __init__(self, folder: Path):
        self.log = folder / "children.log"
        self.process = subprocess.Popen([sys.executable, "-c", RUNNER, str(PAUSE)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, start_new_session=True)

    def run(self, project: Path, args: list[str], after_chunks: int | None, delay: float = 0.0) -> dict:
        """Run ``l10n ARGS``; SIGKILL it ``delay`` seconds after its ``after_chunks``-th
        written chunk (0: after ``delay`` seconds; None: let it finish)."""
        job = {"project": str(project), "args": args, "after_chunks": after_chunks, "delay": delay, "log": str(self.log)}
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], 120)
        assert ready, "the runner hung"
        result = json.loads(self.process.stdout.readline())
        if after_chunks is None:
            assert result["exit"] == 0, self.log.read_text()[-3000:]
        return result

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    started = Runner(tmp_path_factory.mktemp("runner"))
    yield started
    started.close()


def _catalogs(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((project / "locales").rglob("*")) if p.suffix in (".po", ".pot")}


def _temporaries(project: Path) -> set[Path]:
    return {p for p in (project / "locales").rglob("*") if p.is_file() and p.name.endswith(".tmp")}


def _normal(data: bytes) -> bytes:
    """Content without the creation date, which only says when the run happened."""
    return re.sub(rb"POT-Creation-Date: [^\\\n]*", b"POT-Creation-Date: -", data)


def kill_repeatedly(runner: Runner, project: Path, args: list[str], kills: int, seed: int) -> None:
    """Kill ``l10n ARGS`` ``kills`` times; every catalog must stay old or new."""
    old = _catalogs(project)
    reference = project.parent / f"{project.name}-reference"
    shutil.copytree(project, reference)
    full = runner.run(reference, args, None)
    total, duration = full["chunks"], full["seconds"]
    new = {project / p.relative_to(reference): _normal(d) for p, d in _catalogs(reference).items()}
    shutil.rmtree(reference)
    rewritten = [p for p in old if new[p] != _normal(old[p])]
    assert set(new) == set(old) and len(rewritten) >= 2, "the run must rewrite catalogs to prove anything"

    rng = random.Random(seed)
    torn_temporaries = 0
    for kill in range(kills):
        for path, data in old.items():
            path.write_bytes(data)
        leftovers = _temporaries(project)
        if kill % 2:
            runner.run(project, args, 0, rng.uniform(0, duration))
        else:
            runner.run(project, args, rng.randint(1, total), rng.uniform(0, PAUSE))
        for path, data in _catalogs(project).items():
            assert data == old[path] or _normal(data) == new[path], f"kill {kill}: {path.name} is neither old nor new"
            read_po(path)
        torn_temporaries += len(_temporaries(project) - leftovers)
    assert torn_temporaries >= kills // 4, "too few kills landed inside a write to prove anything"

    config = load_config(project)
    assert set(config.catalogs()) == {p for p in old if p.suffix == ".po"}
    runner.run(project, args, None)
    assert {p: _normal(d) for p, d in _catalogs(project).items()} == new


def test_update_killed_at_random_points_leaves_old_or_new_catalogs(runner: Runner, translated_project: Path, cli) -> None:
    article = translated_project / "source" / f"{SLUG}.md"
    text = article.read_text()
    text = text.replace("March 6.", "March 6, officials said.").replace("With reporting by Reuters and AP\n", "")
    article.write_text(text + "\nA closing sentence was added by the desk.\n")
    kill_repeatedly(runner, translated_project, ["update"], kills=16, seed=6)
    assert cli("update", "--check").exit_code == 0
    stats, check = cli("stats"), cli("check")
    assert stats.exit_code == 0 and len(stats.output.splitlines()) == 2, stats.output  # uk and ru, no temporary
    assert check.exit_code == 1 and "2 catalog(s)" in check.output  # the added sentence is untranslated
    assert ".tmp" not in stats.output + check.output  # leftover temporaries are not catalogs


def test_pretranslate_killed_at_random_points_leaves_old_or_new_catalogs(runner: Runner, project: Path, cli) -> None:
    assert cli("update").exit_code == 0
    kill_repeatedly(runner, project, ["pretranslate"], kills=10, seed=7)
    assert all("[mt]" in m.msgstr for p in load_config(project).catalogs() for m in read_po(p).entries())
