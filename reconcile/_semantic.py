"""Private: the meaning model behind alignment's "meaning" comparison.

Lexical features miss paraphrases that share few words ("multilateral
platforms" / "international forums"). The default install ships static
wordpiece vectors distilled from all-MiniLM-L6-v2 (Wang et al., 2020; Apache
2.0) the way model2vec does (``benchmarks/build_static_vectors.py``): each
piece of the model's vocabulary was run through the transformer on its own,
PCA-reduced to 256 dimensions, Zipf-weighted and stored as int8. A sentence's
vector is the mean of its pieces' vectors, so encoding costs microseconds and
needs only numpy; nothing is downloaded at run time, and the same text always
gets the same vector.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

    from numpy.typing import NDArray

__all__ = ["Encoder", "StaticEncoder", "cosines", "default_encoder"]

#: BERT's basic tokenizer: runs of letters or digits, and each other symbol alone.
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
#: BERT's wordpiece gives up on longer words.
_MAX_WORD = 100


class Encoder(Protocol):
    """Anything that turns texts into unit-length vectors (one row per text)."""

    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


class StaticEncoder:
    """Mean-pooled static wordpiece vectors: the default meaning model.

    Examples:
        >>> enc = default_encoder()
        >>> v = enc(["The storm killed two people.", "Two people died in the storm."])
        >>> v.shape[0], bool(abs(float((v[0] ** 2).sum()) - 1.0) < 1e-5)
        (2, True)
    """

    __slots__ = ("_index", "_vectors", "_word_rows")

    def __init__(self, pieces: Sequence[str], vectors: NDArray[np.float32]) -> None:
        self._index = {p: k for k, p in enumerate(pieces)}
        self._vectors = vectors
        self._word_rows: dict[str, tuple[int, ...]] = {}

    @property
    def dims(self) -> int:
        """The length of every vector."""
        return int(self._vectors.shape[1])

    def rows_of(self, word: str) -> tuple[int, ...]:
        """Return the vector rows of one lower-cased word's wordpieces (greedy longest match).

        Examples:
            >>> enc = default_encoder()
            >>> len(enc.rows_of("delegation")) >= 1
            True
        """
        found = self._word_rows.get(word)
        if found is not None:
            return found
        rows: list[int] = []
        start = 0
        while 0 < len(word) <= _MAX_WORD and start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                row = self._index.get(piece)
                if row is not None:
                    rows.append(row)
                    break
                end -= 1
            if end == start:  # no piece fits: BERT maps the whole word to [UNK]
                rows = []
                break
            start = end
        self._word_rows[word] = tuple(rows)
        return self._word_rows[word]

    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Return one unit-length row per text (a zero row for a text with no known piece)."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for k, text in enumerate(texts):
            rows = [r for w in _WORDS.findall(_fold(text)) for r in self.rows_of(w)]
            if rows:
                out[k] = self._vectors[rows].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        unit: NDArray[np.float32] = (out / norms).astype(np.float32)
        return unit


def _fold(text: str) -> str:
    """Lower-case and strip accents, as BERT's uncased tokenizer does."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@lru_cache(maxsize=1)
def default_encoder() -> StaticEncoder:
    """Load the shipped static vectors (``reconcile/data/static_minilm.npz``), once."""
    ref = resources.files("reconcile") / "data" / "static_minilm.npz"
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as data:
        pieces = bytes(data["pieces"]).decode("utf-8").split("\n")
        vectors = data["vectors"].astype(np.float32) * data["scales"][:, None]
    return StaticEncoder(pieces, vectors.astype(np.float32))


def cosines(
    texts: Sequence[str], pairs: Sequence[tuple[int, int]], encoder: Encoder
) -> NDArray[np.float64]:
    """Return the cosine of each pair's vectors, encoding every text once."""
    if not pairs:
        return np.zeros(0, dtype=np.float64)
    vectors = encoder(texts).astype(np.float64)
    left = np.fromiter((i for i, _ in pairs), dtype=np.intp, count=len(pairs))
    right = np.fromiter((j for _, j in pairs), dtype=np.intp, count=len(pairs))
    # A few thousand pairs at a time: gathering both vectors of every pair at once
    # held 2 x pairs x dims floats (880 MB for 215,000 pairs), the peak of a large run.
    dots: NDArray[np.float64] = np.empty(len(pairs), dtype=np.float64)
    for k in range(0, len(pairs), _PAIRS_AT_ONCE):
        a, b = left[k : k + _PAIRS_AT_ONCE], right[k : k + _PAIRS_AT_ONCE]
        dots[k : k + _PAIRS_AT_ONCE] = np.einsum("ij,ij->i", vectors[a], vectors[b])
    return dots


#: How many pairs' vectors :func:`cosines` gathers at once (4,096 x 256 floats: 8 MB).
_PAIRS_AT_ONCE = 4096
