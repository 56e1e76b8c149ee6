"""Argos Translate: batched, offline translation with an installed package's model.

Translation does not go through ``argostranslate.translate``: that module
translates one string per call and runs its own sentence splitter (which may
download a model), while our segments are already sentences.  Instead
:class:`ArgosTranslator` loads the package's CTranslate2 model and tokenizer
once and sends whole batches to ``translate_batch`` with the options Argos
uses, in batches without padding, so a sentence gets exactly the translation
``argostranslate`` gives it alone.

Settings live in :mod:`.argos_settings`, package listing in
:mod:`.argos_packages`, installation in :mod:`.argos_install`; argostranslate
and ctranslate2 are imported only by :mod:`.argos_runtime`. The names below
are re-exported so ``l10n.engines.argos`` stays the engine's one entry point.
"""

from __future__ import annotations

from pathlib import Path

from l10n.engines import EngineSettings, Progress
from l10n.engines.argos_packages import (
    INSTALL_HINT,
    InstalledPackage,
    PackageListing,
    describe,
    find_package,
    list_packages,
    missing_package_error,
    pair_label,
)
from l10n.engines.argos_runtime import (
    NOT_INSTALLED,
    ArgosTokenizer,
    Ct2AsyncResult,
    Ct2Result,
    Ct2Translator,
    ctranslate2,
    require_argos,
)
from l10n.engines.argos_settings import batch_threads, resolve_settings
from l10n.errors import EngineError

LENGTH_PENALTY = 0.2
"""The length penalty ``argostranslate.translate`` decodes with."""


class ArgosTranslator:
    """One language pair's Argos package, loaded once, translating in batches.

    Each text is split on newlines as Argos does, every distinct paragraph is
    tokenized with the package's own tokenizer (Argos' tokenizer classes), and
    the paragraphs go to CTranslate2 in batches of up to ``max_batch_size``
    inputs of equal token length (see :func:`equal_length_batches`; or of
    neighbouring lengths with ``pad_batches``), queued all at once when
    CTranslate2 has several workers (``inter_threads``).  Argos' sentence
    splitter is never run: a paragraph is translated as one sentence.
    """

    name = "argos"

    def __init__(self, from_code: str, to_code: str, settings: EngineSettings | None = None):
        require_argos()
        pkg = find_package(from_code, to_code)
        self.package = describe(pkg)
        self.version = self.package.provenance
        self.settings = resolve_settings(settings)
        tokenizer: ArgosTokenizer | None = getattr(pkg, "tokenizer", None)  # unset without a model file
        if tokenizer is None:
            raise EngineError("Argos package has no sentencepiece.model or bpe.model", path=str(self.package.path))
        self._tokenizer = tokenizer
        self._target_prefix: str = pkg.target_prefix
        self._model = _load_model(self.package.path / "model", self.settings)

    def translate_batch(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """Translate every text; equal paragraphs are translated once."""
        paragraphs = [text.split("\n") for text in texts]
        unique = list(dict.fromkeys(p for ps in paragraphs for p in ps if p.strip()))
        translated = dict(zip(unique, self._translate_sentences(unique, progress), strict=True))
        return ["\n".join(translated.get(p, "") for p in ps).lstrip("\n") for ps in paragraphs]

    def _translate_sentences(self, sentences: list[str], progress: Progress | None) -> list[str]:
        tokens = [self._tokenizer.encode(sentence) for sentence in sentences]
        # With several CTranslate2 workers, queue every batch at once so they
        # run side by side; with one, plain calls are a little faster.
        parallel = (self.settings.inter_threads or 1) > 1
        options = {
            "replace_unknowns": True,
            "beam_size": self.settings.beam_size or 1,
            "num_hypotheses": 1,
            "length_penalty": LENGTH_PENALTY,
            "asynchronous": parallel,
        }
        translated = [""] * len(sentences)
        done = 0
        try:
            jobs = []
            for batch in self._batches([len(t) for t in tokens]):
                prefix = [[self._target_prefix]] * len(batch) if self._target_prefix else None
                jobs.append((batch, self._model.translate_batch([tokens[i] for i in batch], prefix, **options)))
            for batch, results in jobs:
                for index, result in zip(batch, results, strict=True):
                    translated[index] = self._detokenize(_best(result))
                done += len(batch)
                if progress is not None:
                    progress(done, len(sentences))
        except RuntimeError as error:
            raise EngineError(f"translation failed ({self.version}): {error}") from error
        return translated

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Batches, longest inputs first: the workers then end on short ones together."""
        size = self.settings.max_batch_size or 32
        if self.settings.pad_batches:
            order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
            batches = [order[start:start + size] for start in range(0, len(order), size)]
        else:
            batches = equal_length_batches(lengths, size)
        return batches[::-1]

    def _detokenize(self, tokens: list[str]) -> str:
        """Decode as ``argostranslate.translate.apply_packaged_translation`` does.

        One deliberate difference: the forced target prefix token is dropped
        before decoding.  Argos 1.11 removes it after decoding, but its
        sentencepiece decoder has already turned ``__uk__`` into ``  uk  ``,
        so Argos' own output keeps a stray `` uk`` in front.
        """
        if self._target_prefix and tokens[:1] == [self._target_prefix]:
            tokens = tokens[1:]
        value: str = self._tokenizer.decode(tokens)
        if value.startswith(" "):
            value = value[1:]
        return value


def equal_length_batches(lengths: list[int], size: int) -> list[list[int]]:
    """Indices grouped into batches of at most ``size`` inputs of one length.

    A padded input does not always get the translation it gets alone: with
    oneDNN's AVX2 kernels (this machine) its sums are rounded differently,
    and int8 quantization turns that into other words for ~10% of inputs
    (float32 models, or oneDNN limited to SSE4.1, were unaffected).  Batches
    without padding make every translation independent of the rest of the
    batch, so it equals Argos' one-string-at-a-time output.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    for index in order:
        if batches and len(batches[-1]) < size and lengths[batches[-1][0]] == lengths[index]:
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches


def _best(result: Ct2Result | Ct2AsyncResult) -> list[str]:
    """The best hypothesis' tokens, waiting for a queued (asynchronous) batch."""
    done = result.result() if isinstance(result, Ct2AsyncResult) else result
    return done.hypotheses[0]


def _load_model(model_dir: Path, settings: EngineSettings) -> Ct2Translator:
    if not model_dir.is_dir():
        raise EngineError("Argos package has no model/ folder", path=str(model_dir.parent))
    try:
        return ctranslate2().Translator(
            str(model_dir),
            device=settings.device or "cpu",
            compute_type=settings.compute_type or "auto",
            inter_threads=settings.inter_threads or 1,
            intra_threads=settings.intra_threads or 0,
        )
    except (RuntimeError, ValueError) as error:
        raise EngineError(f"cannot load the CTranslate2 model: {error}", path=str(model_dir)) from error


__all__ = [
    "INSTALL_HINT",
    "NOT_INSTALLED",
    "ArgosTranslator",
    "InstalledPackage",
    "PackageListing",
    "batch_threads",
    "equal_length_batches",
    "list_packages",
    "missing_package_error",
    "pair_label",
    "require_argos",
    "resolve_settings",
]
