"""Time the meaning model and the pair model per claim, and the size they add to an install.

Run: ``python benchmarks/bench_pair_model.py`` (reads the ECB+ dev articles, as the
other benchmarks do). Prints, for all two-article runs of each cluster's first
articles: claims, candidate pairs, the time to encode every claim with the static
vectors, and the time to compare and score every candidate pair, per claim.
"""

from __future__ import annotations

import time
from importlib import resources

from ecbplus import topics

from reconcile import Source
from reconcile._semantic import default_encoder
from reconcile.align import candidate_pairs, score_links
from reconcile.pipeline import parse_sources


def main() -> None:
    encoder = default_encoder()
    n_claims = n_pairs = 0
    t_encode = t_lexical = t_semantic = 0.0
    for _topic, ecb, plus in topics():
        for cluster in (ecb, plus):
            docs = parse_sources([Source(a.text, name=a.doc_id) for a in cluster[:4]])
            claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
            pairs = candidate_pairs(claims)
            n_claims += len(claims)
            n_pairs += len(pairs)
            t0 = time.perf_counter()
            encoder([c.text for c in claims])
            t1 = time.perf_counter()
            score_links(claims, pairs, encoder=None)
            t2 = time.perf_counter()
            score_links(claims, pairs, encoder=encoder)
            t3 = time.perf_counter()
            t_encode += t1 - t0
            t_lexical += t2 - t1
            t_semantic += t3 - t2
    size = (resources.files("reconcile") / "data" / "static_minilm.npz").stat().st_size
    print(f"{n_claims} claims, {n_pairs} candidate pairs (runs of 4 articles of one cluster)")
    print(f"meaning model (static vectors): {1e6 * t_encode / n_claims:.0f} us per claim")
    print(f"pair model, lexical: {1e6 * t_lexical / n_claims:.0f} us per claim")
    print(f"pair model, with meaning (default): {1e6 * t_semantic / n_claims:.0f} us per claim")
    print(f"static vectors file: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
