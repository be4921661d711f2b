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
4. **The story check** (``story.py``). Sources are grouped into stories from
   source-level evidence (their main names, words and dates); a claim pair across
   two sources that seem to report different events gets a negative part in bits;
   a pair within one event, or with too little evidence either way, gets none.
5. **Grouping** (``grouping.py``). Links at or above ``threshold`` are merged,
   strongest first, into groups that hold at most one claim of each source.
"""

from __future__ import annotations

import math
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
from reconcile.align.story import check_stories
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import (
    Alignment,
    Claim,
    Contribution,
    Document,
    Link,
    SourcePair,
    StoryCheck,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

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
    "check_stories",
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
    "story_contribution",
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
    lexicon: Lexicon = ENGLISH,
) -> Iterator[tuple[Claim, Claim, PairFeatures]]:
    """Compare candidate pairs in bulk; yield ``(a, b, features)`` with ``a.id < b.id``.

    The bulk scores (wording, meaning, differences) are computed for all pairs at
    once; each pair's features are built as they are asked for, so a caller that
    keeps only some of them (:func:`score_links` keeps the links above a cut) never
    holds the features of every candidate pair.
    """
    if not pairs:
        return
    stats = RunStats.of(claims)
    wording = bulk_wording(claims, pairs, workers=workers, lexicon=lexicon)
    ratios = bulk_text_ratio(claims, pairs, workers=workers)
    meanings: list[float | None] = (
        [float(x) for x in cosines([c.text for c in claims], pairs, encoder)]
        if encoder is not None
        else [None] * len(pairs)
    )
    differences = bulk_differences(claims, pairs, stats.idf, encoder, lexicon)
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
        yield a, b, features


_STORY_TEXT = {
    "same": "the two sources seem to report the same event",
    "different": "the two sources seem to report different events",
}


def story_contribution(stories: StoryCheck | None, a: Claim, b: Claim) -> Contribution | None:
    """Return the story check's part of a claim pair's weight, or None when it adds nothing.

    Examples:
        >>> from reconcile.model import Claim, SourcePair, Span, StoryCheck
        >>> pair = SourcePair(("a", "b"), "different", 0.01, (), ((), ()), (None, None), -4.0, "")
        >>> x, y = Claim("a@0-1", "a", Span(0, 1), "x"), Claim("b@0-1", "b", Span(0, 1), "x")
        >>> story_contribution(StoryCheck((), (pair,)), x, y).description
        'the two sources seem to report different events (-4.0 bits)'
    """
    if stories is None or a.source == b.source:
        return None
    pair = stories.pair_of(a.source, b.source)
    return _story_part(pair) if pair is not None else None


def _story_part(pair: SourcePair) -> Contribution | None:
    if pair.relation == "unsure" or pair.weight == 0:
        return None
    return Contribution(
        "story_check",
        pair.relation,
        pair.weight,
        f"{_STORY_TEXT[pair.relation]} ({pair.weight:+.1f} bits)",
    )


def _story_parts(stories: StoryCheck | None) -> dict[tuple[str, str], Contribution]:
    """Return the story check's part per source pair (both orders), where it adds one."""
    parts: dict[tuple[str, str], Contribution] = {}
    for pair in stories.pairs if stories is not None else ():
        part = _story_part(pair)
        if part is not None:
            parts[pair.sources] = part
            parts[pair.sources[::-1]] = part
    return parts


def score_links(
    claims: Sequence[Claim],
    pairs: Iterable[tuple[int, int]],
    *,
    workers: int = 1,
    encoder: Encoder | None = None,
    min_score: float | None = None,
    stories: StoryCheck | None = None,
    lexicon: Lexicon = ENGLISH,
) -> tuple[Link, ...]:
    """Score candidate pairs in bulk and return every link with its parts.

    Args:
        claims: every claim of the run (term statistics are taken over them).
        pairs: index pairs into ``claims`` to score (from :func:`candidate_pairs`).
        workers: rapidfuzz worker threads (-1: all cores).
        encoder: the meaning model; ``None`` scores on wording and specifics alone.
        min_score: leave out the links that score below this (their parts are never
            built, which is most of the cost); ``None`` returns every link.
        stories: the story check of the run (:func:`check_stories`); a pair across
            two sources it judged gets its bits as one more part of the score.
        lexicon: the language the claims' words are read with.
    """
    links: list[Link] = []
    story_parts = _story_parts(stories)
    for a, b, features in pair_features(
        claims, list(pairs), workers=workers, encoder=encoder, lexicon=lexicon
    ):
        model = model_for(features)
        extra = story_parts.get((a.source, b.source))
        offset = extra.weight if extra is not None else 0.0
        if (
            min_score is not None
            and match_probability(model.match_weight(features) + offset) < min_score
        ):
            continue
        score, weight, parts = model.weigh(features)
        if extra is not None:
            parts = (*parts, extra)
            weight = math.fsum(p.weight for p in parts)
            score = match_probability(weight)
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
    stories: StoryCheck | None = None,
    lexicon: Lexicon = ENGLISH,
) -> tuple[Alignment, ...]:
    """Align the claims of several parsed documents.

    Args:
        documents: the parsed sources, in any order.
        threshold: the least match probability for a link to count.
        workers: rapidfuzz worker threads for bulk scoring (-1: all cores).
        encoder: the meaning model (``reconcile._semantic.default_encoder()``), or
            ``None`` for wording and specifics alone.
        stories: the story check of these documents (:func:`check_stories`), whose
            bits weigh the pairs across sources it judged; ``None`` weighs none.
        lexicon: the language the claims' words are read with.

    Returns:
        The alignment groups, sorted by their claim ids.
    """
    claims = sorted((c for d in documents for c in d.claims), key=lambda c: c.id)
    links = score_links(
        claims,
        candidate_pairs(claims),
        workers=workers,
        encoder=encoder,
        min_score=threshold,
        stories=stories,
        lexicon=lexicon,
    )
    return group_links(links, claims, threshold=threshold)
