"""A CTranslate2 Transformer with hand-set weights that glosses word for word.

Random weights make the real Argos path testable for everything except what
the output says: they never write "Bakhmut", so glossary enforcement and
inflection could only be tested with a fake engine.  This model's output is
predictable instead: it copies the source, piece by piece, through a mapping
(``▁in`` → ``▁у``), so "Troops in Bakhmut held." becomes "Troops у Bakhmut
held." and our glossary step must make it «у Бахмуті».  It is still a real
model file run by CTranslate2 inside a package installed by Argos.

How the weights do it (one encoder and one decoder layer, one head, no final
layer norms, every other sublayer zeroed so the residual passes through):

* the residual has three parts: ``POSITION`` dims carry a position code,
  ``TOKEN`` dims the source piece's code, and one ``ZERO`` dim stays 0;
* position codes are cosines and sines of all 128 frequencies 2πk/257, so the
  dot product of two codes is 128 for equal positions and -1/2 for any other
  (a Dirichlet kernel): cross-attention from decoding step t picks source
  position t, sharply, for sources up to 256 pieces;
* the query reads "x - ZERO" after the layer norm, which cancels the norm's
  mean and leaves the position code only scaled;
* the value carries the source piece's code to the output projection, whose
  row for target piece y is the code of the source piece mapped to y;
* the source gets ``</s>`` appended (``add_source_eos``), which copies to
  ``</s>`` and stops decoding.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from argos_fixture import save_spec

D_MODEL = 512
PERIOD = 257
FREQUENCIES = (PERIOD - 1) // 2
POSITION = list(range(2 * FREQUENCIES))
ZERO = 2 * FREQUENCIES
TOKEN = list(range(ZERO + 1, D_MODEL))
QUERY_GAIN = 4.0
LOGIT_GAIN = 30.0
MAX_POSITIONS = 1024


def gloss_model(glosses: dict[str, str], quantization: str | None = None,
                seed: int = 0) -> Callable[[Path, list[str]], None]:
    """A ``model_builder`` for :func:`argos_fixture.build_argos_package`."""
    return lambda model_dir, vocabulary: build_gloss_model(model_dir, vocabulary, glosses, quantization, seed)


def build_gloss_model(model_dir: Path, vocabulary: list[str], glosses: dict[str, str],
                      quantization: str | None = None, seed: int = 0) -> None:
    """Save the glossing model for ``vocabulary`` (source and target share it).

    ``glosses`` maps source pieces to target pieces (``{"▁in": "▁у"}``);
    every other piece is copied.  A piece missing from the vocabulary is an
    error: the test would otherwise pass without glossing anything.
    """
    from ctranslate2.specs import transformer_spec

    index = {piece: i for i, piece in enumerate(vocabulary)}
    missing = [p for pair in glosses.items() for p in pair if p not in index]
    if missing:
        raise ValueError(f"pieces not in the sentencepiece vocabulary: {missing}")
    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1, no_final_norm=True)
    codes = _codes(len(vocabulary), seed)
    _fill_encoder(spec.encoder, codes)
    _fill_decoder(spec.decoder, codes, _target_rows(vocabulary, glosses, index))
    spec.config.add_source_eos = True
    save_spec(spec, vocabulary, model_dir, quantization)


def _codes(vocab: int, seed: int) -> np.ndarray:
    """One random unit vector per piece, in the TOKEN dims."""
    rng = np.random.default_rng(seed)
    codes = rng.normal(size=(vocab, len(TOKEN))).astype(np.float32)
    return codes / np.linalg.norm(codes, axis=1, keepdims=True)


def _target_rows(vocabulary: list[str], glosses: dict[str, str], index: dict[str, int]) -> np.ndarray:
    """For each target piece, which source piece produces it (-1: none)."""
    rows = np.arange(len(vocabulary))
    for source in glosses:
        rows[index[source]] = -1  # a glossed piece is never written itself
    for source, target in glosses.items():
        rows[index[target]] = index[source]
    return rows


def _positions() -> np.ndarray:
    positions = np.arange(MAX_POSITIONS, dtype=np.float32)[:, None]
    angles = positions * (2 * np.pi * np.arange(1, FREQUENCIES + 1, dtype=np.float32) / PERIOD)
    table = np.zeros((MAX_POSITIONS, D_MODEL), dtype=np.float32)
    table[:, POSITION] = np.concatenate([np.cos(angles), np.sin(angles)], axis=1)
    return table


def _norm(spec) -> None:
    spec.gamma = np.ones(D_MODEL, dtype=np.float32)
    spec.beta = np.zeros(D_MODEL, dtype=np.float32)


def _linear(spec, out: int, weight: np.ndarray | None = None) -> None:
    spec.weight = weight if weight is not None else np.zeros((out, D_MODEL), dtype=np.float32)
    spec.bias = np.zeros(out, dtype=np.float32)


def _silent(layer, cross_attention: bool) -> None:
    """Zero every sublayer (its residual branch adds nothing)."""
    _norm(layer.self_attention.layer_norm)
    _linear(layer.self_attention.linear[0], 3 * D_MODEL)
    _linear(layer.self_attention.linear[-1], D_MODEL)
    if cross_attention:
        _norm(layer.attention.layer_norm)
        _linear(layer.attention.linear[0], D_MODEL)
        _linear(layer.attention.linear[1], 2 * D_MODEL)
        _linear(layer.attention.linear[-1], D_MODEL)
    _norm(layer.ffn.layer_norm)
    _linear(layer.ffn.linear_0, 4)
    layer.ffn.linear_1.weight = np.zeros((D_MODEL, 4), dtype=np.float32)
    layer.ffn.linear_1.bias = np.zeros(D_MODEL, dtype=np.float32)


def _fill_encoder(spec, codes: np.ndarray) -> None:
    embeddings = np.zeros((len(codes), D_MODEL), dtype=np.float32)
    embeddings[:, TOKEN] = codes / np.sqrt(D_MODEL)  # CTranslate2 scales embeddings by sqrt(d_model)
    spec.embeddings[0].weight = embeddings
    spec.position_encodings.encodings = _positions()
    _silent(spec.layer[0], cross_attention=False)


def _fill_decoder(spec, codes: np.ndarray, rows: np.ndarray) -> None:
    spec.embeddings.weight = np.zeros((len(codes), D_MODEL), dtype=np.float32)
    spec.position_encodings.encodings = _positions()
    layer = spec.layer[0]
    _silent(layer, cross_attention=True)
    attention = layer.attention
    query = np.zeros((D_MODEL, D_MODEL), dtype=np.float32)
    query[POSITION, POSITION] = QUERY_GAIN
    query[POSITION, ZERO] = -QUERY_GAIN
    attention.linear[0].weight = query
    key_value = np.zeros((2 * D_MODEL, D_MODEL), dtype=np.float32)
    key_value[POSITION, POSITION] = 1.0
    key_value[[D_MODEL + t for t in TOKEN], TOKEN] = 1.0
    attention.linear[1].weight = key_value
    output = np.zeros((D_MODEL, D_MODEL), dtype=np.float32)
    output[TOKEN, TOKEN] = 1.0
    attention.linear[-1].weight = output
    projection = np.zeros((len(codes), D_MODEL), dtype=np.float32)
    source = rows >= 0
    projection[np.ix_(source, TOKEN)] = LOGIT_GAIN * codes[rows[source]]
    spec.projection.weight = projection
    spec.projection.bias = np.zeros(len(codes), dtype=np.float32)
