"""Build a small but valid Argos Translate package at test time.

Argos models cannot be downloaded here, so the tests and the engine benchmark
make their own: a sentencepiece model trained on generated text, a
random-weight CTranslate2 Transformer filled the way CTranslate2's converters
fill a spec, ``metadata.json`` like real packages carry, and a MiniSBD
sentence-splitter model under ``minisbd/``.  The splitter matters: without it
``argostranslate.translate.translate()`` (our baseline) downloads one at its
first call.  The ONNX file is written by hand (protobuf wire format) so the
tests need no ``onnx`` package; it never splits, it marks every character as
a token end, so Argos translates each input as one sentence.

Random weights rarely emit ``</s>``, and a constant bias on it gives either
empty or runaway outputs; the model is instead wired to stop after about as
many tokens as its source has, as a trained one does (``_wire_length``), so
decoding costs what it costs for real sentences.

Everything is seeded: the same arguments give the same package and outputs.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EN_WORDS = (
    "the city troops front line russian ukrainian forces president said on march "
    "military region war attack defense minister army town eastern southern "
    "people would could into from with after before during against their his "
    "her council security meeting nations united chief visit talks grain deal "
    "water power plant nuclear agency report officials week month year day "
    "bakhmut kyiv donetsk zelenskiy guterres wagner group fighting heavy losses"
).split()
UK_WORDS = (
    "місто війська лінія фронту російські українські сили президент сказав "
    "березня військові регіон війна атака оборони міністр армія східний "
    "люди могли після перед під час проти їхні його раді безпеки зустріч "
    "об'єднаних націй генеральний секретар візит переговори зерно угода вода "
    "електростанція атомна агентство звіт посадовці тиждень місяць рік день "
    "бахмут київ донецьк зеленський гутерреш вагнер група бої важкі втрати"
).split()


@dataclass(frozen=True)
class ModelSize:
    """Transformer dimensions: ``TINY`` for tests, ``REAL`` for benchmarks.

    ``logit_scale`` sets how peaked the output distributions are (a trained
    model is confident; flat ones give beam search near-ties and early stops).
    ``source_gain`` and ``eos_bias`` are measured, per size, so that outputs
    have about as many tokens as their source (see :func:`_wire_length`).
    """

    layers: tuple[int, int]
    d_model: int
    heads: int
    ffn: int
    vocab: int
    logit_scale: float
    source_gain: float
    eos_bias: float


TINY = ModelSize(layers=(2, 2), d_model=64, heads=2, ffn=128, vocab=400,
                 logit_scale=4.0, source_gain=4.0, eos_bias=12.0)
REAL = ModelSize(layers=(6, 6), d_model=512, heads=8, ffn=2048, vocab=8000,
                 logit_scale=8.0, source_gain=6.5, eos_bias=24.0)


def corpus_lines(count: int = 400, seed: int = 0) -> list[str]:
    """Deterministic English and Ukrainian lines to train sentencepiece on."""
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        words = EN_WORDS if i % 2 == 0 else UK_WORDS
        line = " ".join(rng.choice(words) for _ in range(rng.randint(4, 14)))
        lines.append(line.capitalize() + rng.choice([".", ".", ",", "?", "!"]))
    return lines


def train_sentencepiece(lines: Iterable[str], vocab_size: int, symbols: tuple[str, ...] = ()) -> bytes:
    """Train a unigram sentencepiece model; ``vocab_size`` is an upper bound.

    ``symbols`` become whole pieces (a target prefix such as ``__uk__``).
    """
    import sentencepiece as spm

    spm.set_min_log_level(2)
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=buffer,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        num_threads=1,
        shuffle_input_sentence=False,
        user_defined_symbols=list(symbols),
    )
    return buffer.getvalue()


def model_vocabulary(sp_model: bytes, size: int) -> list[str]:
    """The sentencepiece pieces, padded with filler pieces up to ``size``.

    Filler pieces let a small training corpus still give a model of real
    vocabulary size; sentencepiece decodes them as unknowns, which is fine for
    a random model.
    """
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    pieces += [f"▁filler{i}" for i in range(size - len(pieces))]
    return pieces


def build_ct2_model(
    model_dir: Path,
    vocabulary: list[str],
    size: ModelSize,
    *,
    seed: int = 0,
    length_ratio: float = 1.0,
    quantization: str | None = None,
) -> None:
    """Save a random-weight Transformer of ``size`` as a CTranslate2 model.

    Random weights rarely emit ``</s>``: outputs would run to the 256-token
    limit, and a constant bias on ``</s>`` gives either empty or runaway
    outputs.  So the model is wired to stop like a trained one, after about
    ``length_ratio`` times the source length (see :func:`_wire_length`).
    """
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(size.layers, size.heads)
    rng = np.random.default_rng(seed)
    d, vocab = size.d_model, len(vocabulary)
    _fill_encoder(spec.encoder, rng, d, size.ffn, vocab)
    _fill_decoder(spec.decoder, rng, size, vocab)
    _wire_length(spec, size, vocabulary.index("</s>"), length_ratio)
    save_spec(spec, vocabulary, model_dir, quantization)


def save_spec(spec, vocabulary: list[str], model_dir: Path, quantization: str | None) -> None:
    """Validate, quantize and save a filled spec (source and target share the vocabulary)."""
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


# Residual dimensions no layer writes to carry lengths.  STEP holds a ramp
# over positions (the source position in the encoder, the decoding step in
# the decoder); SOURCE, in the decoder, holds the mean encoder ramp, which
# grows with the source length; ZERO stays 0, so a read of "x - ZERO" after a
# layer norm cancels the norm's mean.  The </s> logit reads STEP - SOURCE.
STEP, SOURCE, ZERO = -1, -2, -3
RAMP = 0.05
MAX_POSITIONS = 1024
EOS_SLOPE = 120.0


def _wire_length(spec, size: ModelSize, eos: int, ratio: float) -> None:
    encoder, decoder, d = spec.encoder, spec.decoder, size.d_model
    encoder.position_encodings.encodings = _positions(d, (STEP, ZERO))
    decoder.position_encodings.encodings = _positions(d, (STEP, SOURCE, ZERO))
    _protect(encoder, (STEP, ZERO))
    _protect(decoder, (STEP, SOURCE, ZERO))
    # One head of the last cross-attention attends uniformly (zero queries)
    # and reads the encoder ramp: its output is the mean source position.
    attention, head, unit = decoder.layer[-1].attention, d // size.heads, np.eye(d, dtype=np.float32)
    attention.linear[0].weight[:head] = 0.0
    attention.linear[0].bias[:head] = 0.0
    attention.linear[1].weight[d] = unit[STEP] - unit[ZERO]
    attention.linear[1].bias[d] = 0.0
    attention.linear[-1].weight[SOURCE] = unit[0]
    weight = size.source_gain * ratio
    decoder.projection.weight[eos] = EOS_SLOPE * (unit[STEP] - weight * unit[SOURCE] + (weight - 1) * unit[ZERO])
    decoder.projection.bias[eos] = size.eos_bias


def _positions(d: int, ramps: tuple[int, ...]) -> np.ndarray:
    """Sinusoidal position encodings, with ``ramps[0]`` a linear ramp."""
    positions = np.arange(MAX_POSITIONS, dtype=np.float32)[:, None]
    rates = 1.0 / 10000 ** (np.arange(d // 2, dtype=np.float32) * 2 / d)
    table = np.concatenate([np.sin(positions * rates), np.cos(positions * rates)], axis=1)
    table[:, list(ramps)] = 0.0
    table[:, ramps[0]] = RAMP * positions[:, 0]
    return table.astype(np.float32)


def _protect(stack, dims: tuple[int, ...]) -> None:
    """Keep embeddings and every sublayer from writing to ``dims``."""
    embeddings = stack.embeddings[0] if isinstance(stack.embeddings, list) else stack.embeddings
    embeddings.weight[:, list(dims)] = 0.0
    for layer in stack.layer:
        outputs = [layer.self_attention.linear[-1], layer.ffn.linear_1]
        if hasattr(layer, "attention"):
            outputs.append(layer.attention.linear[-1])
        for linear in outputs:
            linear.weight[list(dims)] = 0.0
            linear.bias[list(dims)] = 0.0


def _weights(rng: np.random.Generator, *shape: int, scale: float | None = None) -> np.ndarray:
    std = scale if scale is not None else shape[-1] ** -0.5
    return rng.normal(0.0, std, size=shape).astype(np.float32)


def _fill_norm(spec, d: int) -> None:
    spec.gamma = np.ones(d, dtype=np.float32)
    spec.beta = np.zeros(d, dtype=np.float32)


def _fill_linear(spec, rng: np.random.Generator, out: int, inp: int) -> None:
    spec.weight = _weights(rng, out, inp)
    spec.bias = np.zeros(out, dtype=np.float32)


def _fill_attention(spec, rng: np.random.Generator, d: int, self_attention: bool) -> None:
    _fill_norm(spec.layer_norm, d)
    if self_attention:
        _fill_linear(spec.linear[0], rng, 3 * d, d)
    else:
        _fill_linear(spec.linear[0], rng, d, d)
        _fill_linear(spec.linear[1], rng, 2 * d, d)
    _fill_linear(spec.linear[-1], rng, d, d)


def _fill_ffn(spec, rng: np.random.Generator, d: int, ffn: int) -> None:
    _fill_norm(spec.layer_norm, d)
    _fill_linear(spec.linear_0, rng, ffn, d)
    _fill_linear(spec.linear_1, rng, d, ffn)


def _fill_encoder(spec, rng: np.random.Generator, d: int, ffn: int, vocab: int) -> None:
    spec.embeddings[0].weight = _weights(rng, vocab, d, scale=d**-0.5)
    _fill_norm(spec.layer_norm, d)
    for layer in spec.layer:
        _fill_attention(layer.self_attention, rng, d, self_attention=True)
        _fill_ffn(layer.ffn, rng, d, ffn)


def _fill_decoder(spec, rng: np.random.Generator, size: ModelSize, vocab: int) -> None:
    d, ffn = size.d_model, size.ffn
    spec.embeddings.weight = _weights(rng, vocab, d, scale=d**-0.5)
    _fill_norm(spec.layer_norm, d)
    for layer in spec.layer:
        _fill_attention(layer.self_attention, rng, d, self_attention=True)
        _fill_attention(layer.attention, rng, d, self_attention=False)
        _fill_ffn(layer.ffn, rng, d, ffn)
    spec.projection.weight = _weights(rng, vocab, d, scale=size.logit_scale * d**-0.5)
    spec.projection.bias = np.zeros(vocab, dtype=np.float32)


# --- A MiniSBD model, written as ONNX protobuf by hand ----------------------


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, value: int | str | bytes) -> bytes:
    """One protobuf field: varint for ints, length-delimited otherwise."""
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    data = value.encode("utf-8") if isinstance(value, str) else value
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _tensor(name: str, array: np.ndarray) -> bytes:
    elem_type = {np.dtype(np.float32): 1, np.dtype(np.int64): 7}[array.dtype]
    dims = b"".join(_field(1, int(n)) for n in array.shape)
    return dims + _field(2, elem_type) + _field(8, name) + _field(9, array.tobytes())


def _value_info(name: str, elem_type: int, dims: tuple[str, ...]) -> bytes:
    shape = b"".join(_field(1, _field(2, dim)) for dim in dims)
    tensor_type = _field(1, elem_type) + _field(2, shape)
    return _field(1, name) + _field(2, _field(1, tensor_type))


def _node(op: str, inputs: list[str], outputs: list[str], attributes: bytes = b"") -> bytes:
    body = b"".join(_field(1, i) for i in inputs) + b"".join(_field(2, o) for o in outputs)
    return body + _field(3, outputs[0]) + _field(4, op) + attributes


def _int_attribute(name: str, value: int) -> bytes:
    return _field(5, _field(1, name) + _field(3, value) + _field(20, 2))


def minisbd_model(lang: str = "en", seed: int = 0) -> bytes:
    """An ONNX model MiniSBD accepts, predicting "token end" for every character.

    It reads the ``units`` and ``features`` inputs MiniSBD feeds and returns
    logits of shape [batch, chars, 5] whose argmax is always 1, so Argos'
    splitter returns the whole input as one sentence.
    """
    rng = np.random.default_rng(seed)
    bias = np.array([0.0, 50.0, 0.0, 0.0, 0.0], dtype=np.float32)
    initializers = [
        _tensor("axes", np.array([2], dtype=np.int64)),
        _tensor("weight", (rng.normal(size=(1, 5)) * 1e-3).astype(np.float32)),
        _tensor("bias", bias),
    ]
    nodes = [
        _node("Cast", ["units"], ["units_float"], _int_attribute("to", 1)),
        _node("Unsqueeze", ["units_float", "axes"], ["units_3d"]),
        _node("MatMul", ["units_3d", "weight"], ["scores"]),
        _node("Add", ["scores", "bias"], ["logits"]),
    ]
    graph = b"".join(_field(1, n) for n in nodes) + _field(2, "minisbd")
    graph += b"".join(_field(5, t) for t in initializers)
    graph += _field(11, _value_info("units", 7, ("batch", "chars")))
    graph += _field(11, _value_info("features", 1, ("batch", "chars", "feats")))
    graph += _field(12, _value_info("logits", 1, ("batch", "chars", "classes")))
    return _onnx_model(graph, _minisbd_metadata(lang))


def _minisbd_metadata(lang: str) -> dict[str, str]:
    chars = sorted(set("".join(corpus_lines(200)) + " .,;:!?'\"()-0123456789"))
    units = ["<PAD>", "<UNK>", *chars]
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(units)}, "_id2unit": units}
    config = {"feat_funcs": ["space_before", "capitalized", "numeric"], "batch_size": 32}
    return {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab)}


def _onnx_model(graph: bytes, metadata: dict[str, str]) -> bytes:
    model = _field(1, 8) + _field(2, "l10n-tests") + _field(7, graph)
    model += _field(8, _field(1, "") + _field(2, 13))
    for key, value in metadata.items():
        model += _field(14, _field(1, key) + _field(2, value))
    return model


# --- The package ------------------------------------------------------------


def build_argos_package(
    tmpdir: str | os.PathLike[str],
    from_code: str = "en",
    to_code: str = "uk",
    *,
    size: ModelSize = TINY,
    package_version: str = "1.9",
    extra_lines: Iterable[str] = (),
    quantization: str | None = "int8",
    length_ratio: float = 1.0,
    target_prefix: str = "",
    seed: int = 0,
    model_builder: Callable[[Path, list[str]], None] | None = None,
) -> Path:
    """Build ``translate-<from>_<to>-<version>.argosmodel`` in ``tmpdir``.

    The archive holds one top-level folder, as real packages do: ``model/``,
    ``sentencepiece.model``, ``minisbd/<from>.onnx``, ``metadata.json`` and
    ``README.md``.  A ``target_prefix`` (as multilingual packages declare)
    becomes a sentencepiece symbol and a ``metadata.json`` field.  A
    ``model_builder(model_dir, vocabulary)`` replaces the random model (see
    :func:`argos_gloss_model.gloss_model`, whose outputs are known).
    """
    root = Path(tmpdir) / f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    root.mkdir(parents=True, exist_ok=True)
    symbols = (target_prefix,) if target_prefix else ()
    sp_model = train_sentencepiece([*corpus_lines(seed=seed), *extra_lines], size.vocab, symbols)
    (root / "sentencepiece.model").write_bytes(sp_model)
    vocabulary = model_vocabulary(sp_model, size.vocab)
    if model_builder is not None:
        model_builder(root / "model", vocabulary)
    else:
        build_ct2_model(root / "model", vocabulary, size, seed=seed, length_ratio=length_ratio,
                        quantization=quantization)
    (root / "minisbd").mkdir(exist_ok=True)
    (root / "minisbd" / f"{from_code}.onnx").write_bytes(minisbd_model(from_code, seed))
    metadata = _metadata(from_code, to_code, package_version)
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (root / "metadata.json").write_text(json.dumps(metadata, indent=4))
    (root / "README.md").write_text("# Test package\n\nRandom weights, made by tests/argos_fixture.py.\n")
    return zip_folder(root, root.with_suffix(".argosmodel"))


def _metadata(from_code: str, to_code: str, version: str) -> dict[str, object]:
    names = {"en": "English", "uk": "Ukrainian", "ru": "Russian"}
    return {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": names.get(from_code, from_code),
        "to_code": to_code,
        "to_name": names.get(to_code, to_code),
        "type": "translate",
        "links": [f"https://example.invalid/translate-{from_code}_{to_code}.argosmodel"],
    }


def zip_folder(folder: Path, archive: Path) -> Path:
    """Zip ``folder`` with itself as the single top-level entry, deterministically."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(str(path.relative_to(folder.parent)), (2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    return archive


def argos_environment(root: str | os.PathLike[str]) -> dict[str, str]:
    """Environment variables that keep Argos (and onnxruntime) inside ``root``.

    Set them before ``argostranslate`` is first imported: its settings module
    reads them once, at import.
    """
    base = Path(root)
    return {
        "HOME": str(base / "home"),
        "XDG_DATA_HOME": str(base / "home" / "data"),
        "XDG_CONFIG_HOME": str(base / "home" / "config"),
        "XDG_CACHE_HOME": str(base / "home" / "cache"),
        "ARGOS_PACKAGES_DIR": str(base / "packages"),
    }

