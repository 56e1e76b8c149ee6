"""Engine benchmark: Argos per string versus ArgosTranslator in batches.

Run on demand (``.venv/bin/python benchmarks/pretranslate_engine.py``).  It
builds a random-weight Argos package of real size (6+6 layers, d_model 512,
8 heads, FFN 2048, vocabulary 8k, int8), installs it into a temporary
``ARGOS_PACKAGES_DIR``, gathers ~500 real English sentences (the articles in
``source/`` plus msgids of Django's Ukrainian catalogs, fetched with
``pip download`` when a registry is reachable), then translates them in one
process both ways with beam 4:

* baseline: ``argostranslate.translate.translate()`` once per string, as
  argos-translate-files and LibreTranslate do (Argos' sentence splitter runs
  with the package's MiniSBD model: a stand-in that never splits, so its cost
  here is a lower bound of the real one);
* ours: ``ArgosTranslator.translate_batch`` on the whole list, with
  equal-length batches (the default), with padded batches, and with Argos'
  built-in thread layout instead of our one-worker-per-core default.

It prints entries per second, the ratio and how many outputs are identical.
``--threads 1,2`` adds runs of ours with other CTranslate2 thread counts.
With ``--splitter-free`` it also times Argos' own lower-level call with the
splitter bypassed, to separate the splitter's cost from batching's gain.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import argos_fixture as fixture  # noqa: E402

from l10n.engines import EngineSettings  # noqa: E402

DJANGO_CATALOG = re.compile(r"locale/uk/LC_MESSAGES/django(js)?\.po$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[\"“]?[A-Z])")
MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`>#]+")


def article_sentences(folder: Path) -> list[str]:
    """Sentences of the Markdown articles, markup stripped, front matter skipped."""
    sentences = []
    for path in sorted(folder.glob("*.md")):
        text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
        for paragraph in re.split(r"\n\s*\n", text):
            flat = MARKUP.sub(lambda m: m.group(1) or "", " ".join(paragraph.split())).strip()
            sentences += [s.strip() for s in SENTENCE_END.split(flat) if len(s.split()) >= 2]
    return sentences


def django_msgids(workdir: Path) -> list[str]:
    """English msgids of Django's Ukrainian catalogs, or [] without a registry."""
    import polib

    try:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary",
                        ":all:", "django", "-d", str(workdir)], check=True, timeout=300,
                       capture_output=True)
        wheel = next(workdir.glob("Django-*.whl"), None) or next(workdir.glob("django-*.whl"))
    except (subprocess.SubprocessError, StopIteration, OSError) as error:
        print(f"note: no Django catalogs ({type(error).__name__}); using the articles only")
        return []
    msgids = []
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(n for n in archive.namelist() if DJANGO_CATALOG.search(n)):
            catalog = polib.pofile(archive.read(name).decode("utf-8"))
            msgids += [e.msgid for e in catalog if "\n" not in e.msgid]
    return msgids


def gather_sentences(workdir: Path, count: int) -> list[str]:
    """Distinct sentences: every article sentence, then Django msgids of 2+ words."""
    articles = article_sentences(ROOT / "source")
    django = [m for m in django_msgids(workdir) if len(m.split()) >= 2]
    unique = list(dict.fromkeys(articles + django))
    return unique[:count]


def timed(label: str, run: Callable[[], list[str]], entries: int) -> tuple[list[str], float]:
    started = time.perf_counter()
    outputs = run()
    seconds = time.perf_counter() - started
    print(f"{label:<58} {seconds:7.1f} s {entries / seconds:7.2f} entries/s", flush=True)
    return outputs, seconds


def splitter_free_baseline(texts: list[str]) -> list[str]:
    """Argos' ``apply_packaged_translation`` per string, its splitter bypassed."""
    from argostranslate import translate

    class WholeText:
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    translation = translate.get_translation_from_codes("en", "uk").underlying
    translation.hypotheses("warm up")
    return [translate.apply_packaged_translation(translation.pkg, t, translation.translator, WholeText(), 1)[0].value
            for t in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=500, help="how many sentences (default 500)")
    parser.add_argument("--threads", metavar="INTRA,INTER", help="also run ours with these CTranslate2 threads")
    parser.add_argument("--splitter-free", action="store_true", help="also time Argos without its splitter")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="l10n-bench-") as tmp:
        work = Path(tmp)
        os.environ.update(fixture.argos_environment(work / "argos"))
        texts = gather_sentences(work, options.sentences)
        print(f"{len(texts)} distinct sentences, {statistics.mean(len(t.split()) for t in texts):.1f} words on average;"
              f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        return run(work, texts, options)


def variants(options: argparse.Namespace) -> list[tuple[str, EngineSettings]]:
    runs = [("equal-length batches", EngineSettings()), ("padded batches", EngineSettings(pad_batches=True)),
            ("equal-length, Argos' threads (intra 0, inter 1)", EngineSettings(intra_threads=0, inter_threads=1))]
    if options.threads:
        intra, inter = (int(n) for n in options.threads.split(","))
        runs += [(f"{label}, intra {intra} inter {inter}",
                  EngineSettings(intra_threads=intra, inter_threads=inter, pad_batches=settings.pad_batches))
                 for label, settings in list(runs[:2])]
    return runs


def run(work: Path, texts: list[str], options: argparse.Namespace) -> int:
    started = time.perf_counter()
    package = fixture.build_argos_package(work / "build", "en", "uk", size=fixture.REAL, quantization="int8",
                                          extra_lines=texts)
    from l10n.engines.argos import ArgosTranslator
    from l10n.engines.argos_install import install_package_files

    install_package_files([package])
    from argostranslate import translate

    print(f"package built and installed in {time.perf_counter() - started:.1f} s")
    translate.translate("Warm up the model and the splitter.", "en", "uk")
    baseline, base_s = timed("argostranslate.translate() per string (Argos settings)", lambda: [
        translate.translate(t, "en", "uk") for t in texts], len(texts))
    for label, settings in variants(options):
        engine = ArgosTranslator("en", "uk", settings)
        ours, ours_s = timed(f"ArgosTranslator, {label}", functools.partial(engine.translate_batch, texts), len(texts))
        identical = sum(a == b for a, b in zip(baseline, ours, strict=True))
        print(f"    ratio {base_s / ours_s:.2f}x, identical outputs {identical}/{len(texts)} "
              f"({100 * identical / len(texts):.1f}%)", flush=True)
    lengths = [len(o.split()) for o in baseline]
    print(f"output words: mean {statistics.mean(lengths):.1f}, max {max(lengths)}; "
          f"load average {os.getloadavg()[0]:.1f}")
    if options.splitter_free:
        free, free_s = timed("Argos per string, splitter bypassed", lambda: splitter_free_baseline(texts), len(texts))
        print(f"    its ratio to the baseline {base_s / free_s:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
