"""Measure alignment on real news: ECB+ recall and false alignments, MRPC, blocking.

Run: ``python benchmarks/eval_alignment.py [--thresholds 0.3,0.5,0.7] [--mrpc] [--blocking]
[--clusters]``

- **ECB+ recall**: in every two-article run of one cluster (one real event), the
  share of gold claim pairs (lines of the two articles sharing a gold event
  instance) that end up in one alignment group.
- **ECB+ false alignment rate**: in every run of an ``ecb`` article against an
  ``ecbplus`` article of the same topic (different events of the same kind, so
  every alignment is false), the share of claims that get aligned at all.
- **MRPC** (train split): each sentence pair as two one-sentence sources; the
  share of paraphrase pairs aligned, and of non-paraphrase pairs the share
  aligned as an agreement versus aligned and flagged as a discrepancy.
- **Whole clusters** (``--clusters``): every ECB+ cluster run at once, all its
  articles as sources; of the claim pairs that end up in one group with both lines
  annotated, the share that share a gold event instance, and the group sizes.
- **Blocking**: on a sample of runs, the alignments that blocking keeps of those
  that scoring all cross-source pairs finds, and the time each takes.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from itertools import combinations, product

from ecbplus import Article, mrpc_pairs, topics

from reconcile import Source, compare
from reconcile.align import DEFAULT_THRESHOLD, candidate_pairs, group_links, score_links
from reconcile.pipeline import parse_sources


def ecbplus_runs():
    """Yield (kind, docs, articles) for every two-article run; kind is 'same' or 'cross'."""
    for _topic, ecb, plus in topics():
        articles: dict[str, Article] = {a.doc_id: a for a in ecb + plus}
        docs = {
            d.name: d
            for d in parse_sources([Source(a.text, name=a.doc_id) for a in articles.values()])
        }
        for x, y in [*combinations(ecb, 2), *combinations(plus, 2)]:
            yield "same", [docs[x.doc_id], docs[y.doc_id]], articles
        for x, y in product(ecb, plus):
            yield "cross", [docs[x.doc_id], docs[y.doc_id]], articles


def gold_pairs(docs, articles) -> set[tuple[str, str]]:
    a, b = docs
    pairs = set()
    for ca in a.claims:
        la = articles[a.name].line_of(ca.span.start)
        ev_a = articles[a.name].events.get(la, set())
        if not ev_a:
            continue
        for cb in b.claims:
            lb = articles[b.name].line_of(cb.span.start)
            if ev_a & articles[b.name].events.get(lb, set()):
                pairs.add(tuple(sorted((ca.id, cb.id))))
    return pairs


def evaluate_ecbplus(thresholds: list[float], encoder=None) -> None:
    found: dict[float, int] = defaultdict(int)
    claims_found: dict[float, int] = defaultdict(int)
    aligned_pairs: dict[float, int] = defaultdict(int)
    aligned_gold: dict[float, int] = defaultdict(int)
    falsely: dict[float, int] = defaultdict(int)
    n_gold = n_cross_claims = n_gold_claims = 0
    timing: dict[str, float] = defaultdict(float)
    for kind, docs, articles in ecbplus_runs():
        claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
        start = time.perf_counter()
        links = score_links(claims, candidate_pairs(claims), encoder=encoder)
        timing["score"] += time.perf_counter() - start
        if kind == "same":
            gold = gold_pairs(docs, articles)
            n_gold += len(gold)
            partners: dict[str, set[str]] = defaultdict(set)
            for x, y in gold:
                partners[x].add(y)
                partners[y].add(x)
            n_gold_claims += len(partners)
            annotated = {
                c.id
                for d in docs
                for c in d.claims
                if articles[d.name].line_of(c.span.start) in articles[d.name].selected
            }
        else:
            n_cross_claims += len(claims)
        for t in thresholds:
            groups = group_links(links, claims, threshold=t)
            if kind == "same":
                aligned = {tuple(sorted(p)) for g in groups for p in combinations(g.claims, 2)}
                found[t] += len(gold & aligned)
                claims_found[t] += sum(
                    1
                    for c, ps in partners.items()
                    if any(tuple(sorted((c, p))) in aligned for p in ps)
                )
                both_annotated = [p for p in aligned if p[0] in annotated and p[1] in annotated]
                aligned_pairs[t] += len(both_annotated)
                aligned_gold[t] += len(gold.intersection(both_annotated))
            else:
                falsely[t] += sum(len(g.claims) for g in groups)
    print(f"scoring took {timing['score']:.1f} s (semantic: {encoder is not None})")
    print(
        f"ECB+ dev: {n_gold} gold pairs ({n_gold_claims} claims with a gold partner) in "
        f"same-event runs, {n_cross_claims} claims in cross-event runs"
    )
    print(
        "| threshold | claims aligned to a gold partner | gold pairs aligned | "
        "precision on annotated lines | claims falsely aligned across events |"
    )
    print("| --- | --- | --- | --- | --- |")
    for t in thresholds:
        precision = aligned_gold[t] / max(1, aligned_pairs[t])
        print(
            f"| {t:.2f} | {claims_found[t] / n_gold_claims:.3f} | {found[t] / n_gold:.3f} | "
            f"{precision:.3f} | {falsely[t] / n_cross_claims:.3f} |"
        )


def evaluate_mrpc(limit: int | None) -> None:
    counts: dict[tuple[int, str], int] = defaultdict(int)
    totals: dict[int, int] = defaultdict(int)
    pairs = mrpc_pairs()[:limit] if limit else mrpc_pairs()
    start = time.perf_counter()
    for label, s1, s2 in pairs:
        report = compare([Source(s1, name="a"), Source(s2, name="b")])
        totals[label] += 1
        if not report.alignments:
            counts[label, "not aligned"] += 1
        elif report.discrepancies:
            counts[label, "aligned, discrepancy"] += 1
        else:
            counts[label, "aligned, agreement"] += 1
    took = time.perf_counter() - start
    print(f"MRPC train: {sum(totals.values())} pairs in {took:.1f} s")
    print("| label | aligned, agreement | aligned, discrepancy | not aligned |")
    print("| --- | --- | --- | --- |")
    for label in (1, 0):
        row = [
            counts[label, k] / totals[label]
            for k in ("aligned, agreement", "aligned, discrepancy", "not aligned")
        ]
        name = "paraphrase" if label else "not paraphrase"
        print(f"| {name} ({totals[label]}) | " + " | ".join(f"{x:.3f}" for x in row) + " |")


def evaluate_clusters(threshold: float) -> None:
    right = judged = held = gold_total = groups = members = 0
    for _topic, ecb, plus in topics():
        for cluster in (ecb, plus):
            articles = {a.doc_id: a for a in cluster}
            docs = parse_sources([Source(a.text, name=a.doc_id) for a in cluster])
            claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
            line = {c.id: articles[c.source].line_of(c.span.start) for c in claims}
            source = {c.id: c.source for c in claims}
            found = group_links(
                score_links(claims, candidate_pairs(claims)), claims, threshold=threshold
            )
            gold = set()
            for x, y in combinations(docs, 2):
                gold |= gold_pairs([x, y], articles)
            gold_total += len(gold)
            for g in found:
                groups += 1
                members += len(g.claims)
                for p in combinations(g.claims, 2):
                    pair = tuple(sorted(p))
                    held += pair in gold
                    a, b = articles[source[p[0]]], articles[source[p[1]]]
                    if line[p[0]] in a.selected and line[p[1]] in b.selected:
                        judged += 1
                        right += pair in gold
    print(
        f"Whole clusters at {threshold:g}: {right}/{judged} = {right / max(1, judged):.1%} of "
        f"grouped pairs on annotated lines are gold; {held / max(1, gold_total):.1%} of the "
        f"gold pairs grouped; {members / max(1, groups):.2f} claims per group"
    )


def evaluate_blocking(threshold: float, sample: int) -> None:
    kept = total = 0
    t_block = t_all = 0.0
    n_candidates = n_all = 0
    for k, (kind, docs, _articles) in enumerate(ecbplus_runs()):
        if kind != "same" or k % max(1, sample) != 0:
            continue
        claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
        t0 = time.perf_counter()
        blocked = candidate_pairs(claims)
        groups_b = group_links(score_links(claims, blocked), claims, threshold=threshold)
        t1 = time.perf_counter()
        every = [
            (i, j)
            for i, j in combinations(range(len(claims)), 2)
            if claims[i].source != claims[j].source
        ]
        groups_a = group_links(score_links(claims, every), claims, threshold=threshold)
        t2 = time.perf_counter()
        t_block += t1 - t0
        t_all += t2 - t1
        n_candidates += len(blocked)
        n_all += len(every)
        pairs_a = {p for g in groups_a for p in combinations(g.claims, 2)}
        pairs_b = {p for g in groups_b for p in combinations(g.claims, 2)}
        total += len(pairs_a)
        kept += len(pairs_a & pairs_b)
    print(
        f"Blocking: scores {n_candidates} of {n_all} cross-source pairs "
        f"({n_candidates / n_all:.1%}); keeps {kept}/{total} = {kept / max(1, total):.1%} of the "
        f"all-pairs alignments; {t_block:.2f} s vs {t_all:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.3,0.5,0.7,0.9")
    parser.add_argument("--mrpc", action="store_true")
    parser.add_argument("--mrpc-limit", type=int, default=None)
    parser.add_argument("--blocking", action="store_true")
    parser.add_argument("--clusters", action="store_true", help="run whole ECB+ clusters too")
    parser.add_argument("--sample", type=int, default=7, help="every Nth run for --blocking")
    parser.add_argument("--semantic", action="store_true", help="add the sentence encoder")
    args = parser.parse_args()
    thresholds = [float(x) for x in args.thresholds.split(",")]
    encoder = None
    if args.semantic:
        from calibrate_alignment import CachedEncoder

        from reconcile._semantic import default_encoder

        encoder = CachedEncoder(default_encoder())
    evaluate_ecbplus(thresholds, encoder)
    if args.clusters:
        evaluate_clusters(DEFAULT_THRESHOLD)
    if args.blocking:
        evaluate_blocking(DEFAULT_THRESHOLD, args.sample)
    if args.mrpc:
        evaluate_mrpc(args.mrpc_limit)


if __name__ == "__main__":
    main()
