"""Stage 2: line up claims of different sources that state the same fact.

In: parsed documents. Out: alignment groups of claims (at most one per source),
each link with its score and the parts of that score in words.

The shape is record linkage (Fellegi and Sunter, 1969; Splink), with weights
learned rather than counted:

1. **Blocking** (``blocking.py``). An inverted index maps cheap keys to claims;
   only claims of different sources that share a key become candidate pairs.
2. **Comparisons** (``comparisons.py``). Each candidate pair is compared on what
   it shares and where it conflicts: wording (rapidfuzz, in bulk), meaning
   (static vectors distilled from all-MiniLM-L6-v2, in bulk), words, names,
   numbers, dates, actions, speakers, polarity. Each comparison puts the pair on
   one level of its ladder.
3. **The pair model** (``model.py``). Each level carries a weight in bits, fitted
   by logistic regression on labelled real pairs with hard negatives (ECB+ dev,
   MRPC's fitting folds, the case corpus; see ``docs/calibration.md``). A pair's
   score is ``2**w / (1 + 2**w)`` with ``w`` the intercept plus its levels' weights.
4. **Grouping** (``grouping.py``). Links at or above ``threshold`` are merged,
   strongest first, into groups that hold at most one claim of each source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile._semantic import Encoder, cosines
from reconcile.align.blocking import blocking_keys, candidate_pairs, count_candidate_pairs
from reconcile.align.comparisons import (
    COMPARISONS,
    Comparison,
    PairFeatures,
    RunStats,
    bulk_text_ratio,
    bulk_wording,
    compare_pair,
    compare_times,
    levels_of,
)
from reconcile.align.differences import bulk_differences
from reconcile.align.grouping import group_links as _group_links
from reconcile.align.model import (
    DEFAULT_THRESHOLD,
    LEXICAL,
    SEMANTIC,
    PairModel,
    explain,
    match_probability,
    model_for,
)
from reconcile.model import Alignment, Claim, Contribution, Document, Link

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "COMPARISONS",
    "DEFAULT_THRESHOLD",
    "LEXICAL",
    "SEMANTIC",
    "Comparison",
    "PairFeatures",
    "PairModel",
    "RunStats",
    "align_documents",
    "blocking_keys",
    "bulk_wording",
    "candidate_pairs",
    "compare_pair",
    "compare_times",
    "count_candidate_pairs",
    "explain",
    "group_links",
    "levels_of",
    "match_probability",
    "match_weight",
    "pair_features",
    "score_links",
    "weigh",
]


def match_weight(f: PairFeatures) -> float:
    """Return the weight :func:`weigh` gives, without building its parts (the fast path)."""
    return model_for(f).match_weight(f)


def weigh(f: PairFeatures) -> tuple[float, float, tuple[Contribution, ...]]:
    """Return ``(score, weight, contributions)`` of compared features."""
    return model_for(f).weigh(f)


def pair_features(
    claims: Sequence[Claim],
    pairs: Sequence[tuple[int, int]],
    *,
    workers: int = 1,
    encoder: Encoder | None = None,
) -> list[tuple[Claim, Claim, PairFeatures]]:
    """Compare candidate pairs in bulk: ``(a, b, features)`` with ``a.id < b.id``."""
    if not pairs:
        return []
    stats = RunStats.of(claims)
    wording = bulk_wording(claims, pairs, workers=workers)
    ratios = bulk_text_ratio(claims, pairs, workers=workers)
    meanings: list[float | None] = (
        [float(x) for x in cosines([c.text for c in claims], pairs, encoder)]
        if encoder is not None
        else [None] * len(pairs)
    )
    differences = bulk_differences(claims, pairs, stats.idf, encoder)
    out = []
    for (i, j), w, ratio, meaning, diff in zip(
        pairs, wording, ratios, meanings, differences, strict=True
    ):
        a, b = sorted((claims[i], claims[j]), key=lambda c: c.id)
        features = compare_pair(
            a,
            b,
            wording=float(w),
            stats=stats,
            meaning=meaning,
            text_ratio=ratio,
            differences=diff,
        )
        out.append((a, b, features))
    return out


def score_links(
    claims: Sequence[Claim],
    pairs: Iterable[tuple[int, int]],
    *,
    workers: int = 1,
    encoder: Encoder | None = None,
    min_score: float | None = None,
) -> tuple[Link, ...]:
    """Score candidate pairs in bulk and return every link with its parts.

    Args:
        claims: every claim of the run (term statistics are taken over them).
        pairs: index pairs into ``claims`` to score (from :func:`candidate_pairs`).
        workers: rapidfuzz worker threads (-1: all cores).
        encoder: the meaning model; ``None`` scores on wording and specifics alone.
        min_score: leave out the links that score below this (their parts are never
            built, which is most of the cost); ``None`` returns every link.
    """
    links: list[Link] = []
    for a, b, features in pair_features(claims, list(pairs), workers=workers, encoder=encoder):
        model = model_for(features)
        if min_score is not None and match_probability(model.match_weight(features)) < min_score:
            continue
        score, weight, parts = model.weigh(features)
        links.append(Link((a.id, b.id), score, weight, parts, explain(score, parts)))
    return tuple(sorted(links, key=lambda link: link.claims))


def group_links(
    links: Iterable[Link], claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD
) -> tuple[Alignment, ...]:
    """Merge links at or above ``threshold`` into one-claim-per-source groups (see grouping)."""
    return _group_links(links, claims, threshold=threshold)


def align_documents(
    documents: Sequence[Document],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    workers: int = -1,
    encoder: Encoder | None = None,
) -> tuple[Alignment, ...]:
    """Align the claims of several parsed documents.

    Args:
        documents: the parsed sources, in any order.
        threshold: the least match probability for a link to count.
        workers: rapidfuzz worker threads for bulk scoring (-1: all cores).
        encoder: the meaning model (``reconcile._semantic.default_encoder()``), or
            ``None`` for wording and specifics alone.

    Returns:
        The alignment groups, sorted by their claim ids.
    """
    claims = sorted((c for d in documents for c in d.claims), key=lambda c: c.id)
    links = score_links(
        claims, candidate_pairs(claims), workers=workers, encoder=encoder, min_score=threshold
    )
    return group_links(links, claims, threshold=threshold)
