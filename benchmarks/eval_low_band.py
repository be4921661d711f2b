"""Measure how often a pair *below* the threshold states the same fact, inside one story.

Run: ``python benchmarks/eval_low_band.py [--sample 60]``

ECB+ annotates about one line in ten, so its gold links cannot say whether the
weak links left over after grouping are right. This script takes the two-article
runs of one ECB+ event in which grouping found at least two strong alignments
(score 0.9 or more, so the two articles are clearly about one story), then groups
the claims left unaligned once more at a lower threshold (0.15): the pairs that
would be added by lowering the threshold inside a story. Those pairs were read
by hand and labelled "states the same fact" or not, in
``benchmarks/data/ecbplus_below_threshold.tsv`` (claim ids only: the ECB+ texts are
not copied). The script prints the share labelled the same fact per score band,
and how many such pairs cross-event runs (which are all wrong) would get.

With ``--sample N`` it instead prints a fresh random sample of N band pairs with
their texts, to label by hand.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
from collections import Counter
from pathlib import Path

from eval_alignment import ecbplus_runs

from reconcile.align import DEFAULT_THRESHOLD, candidate_pairs, group_links, score_links

LABELS = Path(__file__).resolve().parent / "data" / "ecbplus_below_threshold.tsv"
STRONG = 0.9
LOW = 0.15
BANDS = (0.15, 0.4, DEFAULT_THRESHOLD)


def band_pairs():
    """Yield (kind, claim id pair, score, texts) for the pairs added below the threshold."""
    for kind, docs, _articles in ecbplus_runs():
        claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
        links = score_links(claims, candidate_pairs(claims))
        groups = group_links(links, claims)
        if sum(1 for g in groups if g.score >= STRONG) < 2:
            continue
        taken = {c for g in groups for c in g.claims}
        rest = [c for c in claims if c.id not in taken]
        weak = [
            link
            for link in links
            if link.score < DEFAULT_THRESHOLD and not set(link.claims) & taken
        ]
        text = {c.id: c.text for c in claims}
        for g in group_links(weak, rest, threshold=LOW):
            yield kind, g.claims, g.score, (text[g.claims[0]], text[g.claims[1]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="print N pairs to label")
    args = parser.parse_args()
    found = list(band_pairs())
    same = [p for p in found if p[0] == "same"]
    cross = [p for p in found if p[0] == "cross"]
    if args.sample:
        for claims, score, (a, b) in (
            (c, s, t) for _, c, s, t in random.Random(7).sample(same, min(args.sample, len(same)))
        ):
            print(f"{claims[0]}\t{claims[1]}\t{score:.2f}\n  A: {a}\n  B: {b}\n")
        return
    with LABELS.open(encoding="utf-8") as f:
        labels = {
            (r["claim_a"], r["claim_b"]): r["same_fact"] == "1"
            for r in csv.DictReader(f, delimiter="\t")
        }
    score_of = {claims: score for _, claims, score, _ in same}
    counts: Counter[tuple[str, bool]] = Counter()
    for pair, label in labels.items():
        if pair not in score_of:
            continue  # parsing or scoring changed since the pair was labelled
        score = score_of[pair]
        band = next(f"[{lo:g}, {hi:g})" for lo, hi in itertools.pairwise(BANDS) if lo <= score < hi)
        counts[band, label] += 1
    print(
        f"same-event runs with >= 2 strong alignments add {len(same)} pairs below "
        f"{DEFAULT_THRESHOLD:g}; cross-event runs that pass the same test add {len(cross)}"
    )
    print(f"labelled pairs still found: {sum(counts.values())} of {len(labels)}")
    print("| score band | labelled | same fact | share |")
    print("| --- | --- | --- | --- |")
    for lo, hi in itertools.pairwise(BANDS):
        band = f"[{lo:g}, {hi:g})"
        yes, no = counts[band, True], counts[band, False]
        print(f"| {band} | {yes + no} | {yes} | {yes / max(1, yes + no):.2f} |")


if __name__ == "__main__":
    main()
