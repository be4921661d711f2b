"""Estimate the alignment match weights (m/u per comparison level) on ECB+ and rewrite them.

Run: ``python benchmarks/calibrate_alignment.py [--write]``

Labelled pairs come from the ECB+ dev clusters (Cybulska and Vossen, 2014), taken
from two-source runs (every pair of articles), the way reconcile is mostly run:

- **true pairs**: claims of two different articles of one cluster (one real
  event) whose lines share a gold event instance;
- **other pairs**: claims of two articles of one cluster that share no gold
  event instance: mostly different facts of the same event, which is what a
  run of ``reconcile`` must tell apart (unannotated lines hide some true pairs,
  so u comes out a little high and the weights err low);
- **cross-event pairs**: an article of the ``ecb`` cluster against one of the
  ``ecbplus`` cluster of the same topic (different events of the same kind),
  kept out of the estimate and used to measure the false alignment rate.

Only candidate pairs (those blocking proposes) are counted, since only they are
ever scored. For each feature level, m = P(level | true), u = P(level | other),
weight = log2(m / u), with add-one smoothing. The prior is the log2 odds of a
true pair among the mutual-best candidate pairs of same-event runs, since the
one-claim-per-source grouping only ever accepts a pair that is the best
remaining candidate of both its claims.
With ``--write`` the weights replace ``reconcile/_weights.py``.
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from itertools import combinations, product
from pathlib import Path

from ecbplus import Article, topics

from reconcile import Source
from reconcile._semantic import cosines, default_encoder
from reconcile.align import RunStats, bulk_wording, candidate_pairs, compare_pair, feature_levels
from reconcile.pipeline import parse_sources

ROOT = Path(__file__).resolve().parents[1]


class CachedEncoder:
    """Encode each distinct text once across all runs."""

    def __init__(self, encoder):
        self.encoder = encoder
        self.cache: dict[str, list[float]] = {}

    def warm(self, texts):
        new = sorted({t for t in texts if t not in self.cache})
        for text, vector in zip(new, self.encoder(new), strict=True):
            self.cache[text] = list(vector)

    def __call__(self, texts):
        self.warm(texts)
        return [self.cache[t] for t in texts]


def run_pairs(docs, articles: dict[str, Article], encoder=None):
    """Yield (i, j, levels, label) for the candidate pairs of one run over ``docs``."""
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    line = {c.id: articles[c.source].line_of(c.span.start) for c in claims}
    pairs = candidate_pairs(claims)
    if not pairs:
        return
    stats = RunStats.of(claims)
    wording = bulk_wording(claims, pairs, workers=-1)
    meanings = cosines([c.text for c in claims], pairs, encoder) if encoder else [None] * len(pairs)
    for (i, j), w, meaning in zip(pairs, wording, meanings, strict=True):
        a, b = claims[i], claims[j]
        art_a, art_b = articles[a.source], articles[b.source]
        if art_a.cluster != art_b.cluster:
            label = 0
        elif art_a.events.get(line[a.id], set()) & art_b.events.get(line[b.id], set()):
            label = 1
        else:
            label = 2  # same event, no shared gold instance: (mostly) different facts
        features = compare_pair(a, b, wording=float(w), stats=stats, meaning=meaning)
        yield i, j, feature_levels(features), label


def labelled_runs(encoder=None):
    """Yield the labelled candidate pairs of each two-source run, as users mostly run reconcile.

    Label 1: a true pair; 2: another pair of the same event; 0: a cross-event pair.
    Every pair of articles of one cluster is a same-event run; every ecb x ecbplus
    pair of articles of one topic is a cross-event run.
    """
    for _topic, ecb, plus in topics():
        articles: dict[str, Article] = {a.doc_id: a for a in ecb + plus}
        docs = {
            d.name: d
            for d in parse_sources([Source(a.text, name=a.doc_id) for a in articles.values()])
        }
        if encoder is not None:
            encoder.warm([c.text for d in docs.values() for c in d.claims])
        runs = [*combinations(ecb, 2), *combinations(plus, 2), *product(ecb, plus)]
        for x, y in runs:
            yield list(run_pairs([docs[x.doc_id], docs[y.doc_id]], articles, encoder))


def mutual_best(rows: list[tuple[int, int, float, int]]) -> list[tuple[float, int]]:
    """Return (weight, label) of the pairs that are each other's best candidate."""
    best: dict[int, tuple[float, int]] = {}
    for i, j, w, _ in rows:
        if w > best.get(i, (-math.inf, -1))[0]:
            best[i] = (w, j)
        if w > best.get(j, (-math.inf, -1))[0]:
            best[j] = (w, i)
    return [(w, label) for i, j, w, label in rows if best[i][1] == j and best[j][1] == i]


def estimate(encoder=None) -> tuple[float, dict[str, dict[str, float]], Counter[int]]:
    """Return (prior, weights per feature level, pair counts) estimated on ECB+."""
    counts: dict[int, Counter[tuple[str, str]]] = {0: Counter(), 1: Counter(), 2: Counter()}
    totals: Counter[int] = Counter()
    runs: list[list[tuple[int, int, list[tuple[str, str]], int]]] = []
    for run in labelled_runs(encoder):
        runs.append(run)
        for _i, _j, levels, label in run:
            totals[label] += 1
            for feature_level in levels:
                counts[label][feature_level] += 1
    print(f"true pairs {totals[1]}, same-event other pairs {totals[2]}, cross-event {totals[0]}")
    features: dict[str, set[str]] = defaultdict(set)
    for c in counts.values():
        for feature, level in c:
            features[feature].add(level)
    weights: dict[str, dict[str, float]] = {}
    for feature in sorted(features):
        levels = sorted(features[feature])
        weights[feature] = {}
        n_levels = len(levels)
        for level in levels:
            m = (counts[1][(feature, level)] + 1) / (totals[1] + n_levels)
            u = (counts[2][(feature, level)] + 1) / (totals[2] + n_levels)
            weights[feature][level] = round(math.log2(m / u), 2)
            print(f"  {feature:14} {level:22} m={m:.3f} u={u:.3f} w={weights[feature][level]:+.2f}")
    # The grouping accepts a link only when it is the best remaining candidate of
    # both its claims, so the prior that matters is the share of true pairs among
    # mutual-best candidate pairs of same-event runs.
    best = [
        pair
        for run in runs
        if run and run[0][3] != 0
        for pair in mutual_best(
            [
                (i, j, sum(weights[f].get(lv, 0.0) for f, lv in levels), label)
                for i, j, levels, label in run
            ]
        )
    ]
    share = sum(1 for _, label in best if label == 1) / len(best)
    prior = round(math.log2(share / (1 - share)), 2)
    print(
        f"prior: share of true pairs among {len(best)} mutual-best same-event pairs "
        f"{share:.3f} -> {prior:+.2f}"
    )
    return prior, weights, totals


def table(name: str, weights: dict[str, dict[str, float]]) -> list[str]:
    lines = [f"{name}: dict[str, dict[str, float]] = {{"]
    for feature, levels in weights.items():
        inner = ", ".join(f"{k!r}: {v}" for k, v in levels.items())
        lines.append(f"    {feature!r}: {{{inner}}},")
    return [*lines, "}"]


def main() -> None:
    prior, weights, totals = estimate()
    semantic = None
    if "--semantic" in sys.argv:
        print("with the semantic extra:")
        semantic = estimate(CachedEncoder(default_encoder()))
    if "--write" in sys.argv:
        body = [
            '"""Match weights of the alignment features: log2(m/u) per comparison level.',
            "",
            "Generated by ``python benchmarks/calibrate_alignment.py --write --semantic`` from the",
            "ECB+ dev clusters (Cybulska and Vossen, LREC 2014; CC BY 3.0), over two-article runs:",
            f"m from claim pairs of one event sharing a gold event instance ({totals[1]} pairs),",
            f"u from the other candidate pairs of the same event ({totals[2]} pairs; unannotated",
            "lines make u a little high, so weights err low). The prior is the log2 odds of a",
            "true pair among the mutual-best candidate pairs of same-event runs, the only pairs",
            "that grouping accepts. Do not edit by hand; rerun the script.",
            '"""',
            "",
            f"PRIOR_WEIGHT = {prior}",
            "",
            *table("LEVELS", weights),
            "",
            "# Estimated together with the sentence-embedding 'meaning' feature (semantic extra).",
        ]
        if semantic is not None:
            body += [
                f"SEMANTIC_PRIOR_WEIGHT = {semantic[0]}",
                "",
                *table("SEMANTIC_LEVELS", semantic[1]),
            ]
        else:
            # Without the extra installed, keep the semantic tables last estimated with it.
            import reconcile._weights as current

            body += [
                "# (kept from the last run with --semantic)",
                f"SEMANTIC_PRIOR_WEIGHT = {current.SEMANTIC_PRIOR_WEIGHT}",
                "",
                *table("SEMANTIC_LEVELS", current.SEMANTIC_LEVELS),
            ]
        (ROOT / "reconcile" / "_weights.py").write_text("\n".join(body) + "\n", encoding="utf-8")
        print("wrote reconcile/_weights.py")


if __name__ == "__main__":
    main()
