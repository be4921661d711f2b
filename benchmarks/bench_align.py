"""How a run's cost grows with the number of sources: parse, blocking, scoring, checks.

Run: ``python benchmarks/bench_align.py [--sizes 2,5,10,25,50,100]``

Sources are real ECB+ articles (read from ``../shared/data`` or ``$RECONCILE_DATA``),
taken topic by topic so that a run of N sources holds many reports of the same few
events, as a newsroom's run would. For each N it prints the claims, the candidate
pairs blocking proposes against all cross-source pairs, and the time of each stage.
The timing is wall-clock on whatever machine runs it; it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import time

from ecbplus import topics

from reconcile import Source
from reconcile.align import DEFAULT_THRESHOLD, candidate_pairs, group_links, score_links
from reconcile.checks import reconcile_alignments
from reconcile.pipeline import parse_sources


def articles_in_topic_order() -> list[Source]:
    return [Source(a.text, name=a.doc_id) for _topic, ecb, plus in topics() for a in [*ecb, *plus]]


def run(sources: list[Source]) -> dict[str, float]:
    t0 = time.perf_counter()
    docs = parse_sources(sources)
    t1 = time.perf_counter()
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    pairs = candidate_pairs(claims)
    t2 = time.perf_counter()
    links = score_links(claims, pairs, min_score=DEFAULT_THRESHOLD)
    groups = group_links(links, claims, threshold=DEFAULT_THRESHOLD)
    t3 = time.perf_counter()
    reconcile_alignments(docs, groups)
    t4 = time.perf_counter()
    sizes = [len(d.claims) for d in docs]
    every = (sum(sizes) ** 2 - sum(s * s for s in sizes)) // 2
    return {
        "chars": sum(len(s.text) for s in sources),
        "claims": len(claims),
        "pairs": len(pairs),
        "all_pairs": every,
        "parse": t1 - t0,
        "block": t2 - t1,
        "score": t3 - t2,
        "check": t4 - t3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,5,10,25,50,100")
    args = parser.parse_args()
    pool = articles_in_topic_order()
    print("| sources | chars | claims | candidate pairs | of all pairs | parse s | block s |"
          " score s | check s |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in (int(x) for x in args.sizes.split(",")):
        r = run(pool[:n])
        share = r["pairs"] / r["all_pairs"] if r["all_pairs"] else 0.0
        print(
            f"| {n} | {r['chars']:,.0f} | {r['claims']:,.0f} | {r['pairs']:,.0f} | {share:.1%} "
            f"| {r['parse']:.2f} | {r['block']:.2f} | {r['score']:.2f} | {r['check']:.2f} |"
        )


if __name__ == "__main__":
    main()
