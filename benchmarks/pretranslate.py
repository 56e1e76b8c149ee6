"""Pretranslation benchmark: ``l10n pretranslate`` versus Argos per entry.

Run on demand: ``.venv/bin/python benchmarks/pretranslate.py [--sentences 500]``.

Builds a random-weight Argos package of real size (6+6 layers, d_model 512,
8 heads, FFN 2048, vocabulary 8k, int8), installs it through Argos' package
code into a temporary ``ARGOS_PACKAGES_DIR``, writes ~500 real English
sentences (the articles in ``source/`` plus Django's msgids) as an empty
Ukrainian PO catalog, then in one process, both with beam 4:

* baseline: ``argostranslate.translate.translate()`` once per entry, what
  argos-translate-files and LibreTranslate do;
* ours: the pretranslate step (``l10n.pretranslate.pretranslate_language``,
  what ``l10n pretranslate`` runs): one model load, batched CTranslate2 calls.

Prints entries per second, the ratio, how many outputs are identical, and
the engine inputs of a second run on the now-filled catalog (must be 0).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import argos_fixture as fixture  # noqa: E402
from pretranslate_engine import gather_sentences  # noqa: E402

from l10n.model import Catalog, Message  # noqa: E402
from l10n.pofile import read_po  # noqa: E402
from l10n.powriter import write_po  # noqa: E402


def empty_catalog(path: Path, texts: list[str]) -> None:
    header = Message("", "Language: uk\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                         "Content-Transfer-Encoding: 8bit\n")
    messages = [Message(text, msgctxt="paragraph", references=[f"bench.md:{n}"]) for n, text in enumerate(texts, 1)]
    write_po(Catalog([header, *messages]), path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=500)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="l10n-bench-") as tmp:
        work = Path(tmp)
        os.environ.update(fixture.argos_environment(work / "argos"))
        texts = [t for t in gather_sentences(work, options.sentences * 2) if "<" not in t][: options.sentences]
        return run(work, texts)


def run(work: Path, texts: list[str]) -> int:
    package = fixture.build_argos_package(work / "build", "en", "uk", size=fixture.REAL, quantization="int8",
                                          extra_lines=texts)
    from l10n.engines import EngineSettings
    from l10n.engines.argos import ArgosTranslator
    from l10n.engines.argos_install import install_package_files
    from l10n.pretranslate import pretranslate_language

    install_package_files([package])
    from argostranslate import translate

    print(f"{len(texts)} entries; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    translate.translate("Warm up the model and the splitter.", "en", "uk")
    started = time.perf_counter()
    baseline = [translate.translate(text, "en", "uk") for text in texts]
    base_s = time.perf_counter() - started
    print(f"argostranslate per entry     {base_s:7.1f} s {len(texts) / base_s:7.2f} entries/s")

    path = work / "bench.po"
    empty_catalog(path, texts)
    settings = EngineSettings(beam_size=4)
    engines: list[ArgosTranslator] = []

    def engine_for(source: str, target: str) -> ArgosTranslator:
        engines.append(ArgosTranslator(source, target, settings))
        return engines[-1]

    started = time.perf_counter()
    report = pretranslate_language("uk", "en", [(path, "bench.po")], [], engine_for, today="bench")
    ours_s = time.perf_counter() - started
    print(f"l10n pretranslate (batched)  {ours_s:7.1f} s {len(texts) / ours_s:7.2f} entries/s "
          f"(includes model load and PO read/write)")
    outputs = {m.msgid: m.msgstr for m in read_po(path).entries()}
    identical = sum(outputs.get(text) == out for text, out in zip(texts, baseline, strict=True))
    print(f"ratio {base_s / ours_s:.2f}x; identical outputs {identical}/{len(texts)} "
          f"({100 * identical / len(texts):.1f}%); {report.markup_failures} left for markup")
    again = pretranslate_language("uk", "en", [(path, "bench.po")], [], engine_for, today="bench")
    print(f"second run: {again.engine_inputs} engine inputs, {len(engines) - 1} more model loads, "
          f"{len(again.changed)} files changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
