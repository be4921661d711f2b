"""Sweep the alignment threshold (and grouping) on the dev harness's own alignment measures.

Run: ``python benchmarks/sweep_grouping.py [--thresholds 0.4,0.5,0.6] [--harness PATH]``

Scores every candidate link once per run, then groups at each threshold and reports,
as the dev harness computes them (its ECB+ loading and sampling are imported from it):

- **coref recall**: of the (line A, line B) pairs of two articles of one ECB+ cluster
  that share a gold action instance, the share whose claims end up in one group
  (up to six article pairs per cluster, chosen by a fixed seed);
- **cross-event share**: in each topic's run of two ``ecb`` and two ``ecbplus``
  articles, the share of cross-source grouped pairs that join different events;
- **MRPC aligned**: on the harness's evaluation third of MRPC train, the share of
  paraphrase and of non-paraphrase pairs aligned at all (balanced accuracy of
  "aligned"; the harness also counts a flagged discrepancy as "not the same").

Only dev data; the seed articles are never read.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import sys
from pathlib import Path

from reconcile import Source
from reconcile._semantic import default_encoder
from reconcile.align import candidate_pairs, group_links, score_links
from reconcile.pipeline import parse_sources

HARNESS = Path("/work/shared/eval/harness.py")
MIN_SCORE = 0.2


def load_harness(path: Path):
    spec = importlib.util.spec_from_file_location("harness", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["harness"] = module
    spec.loader.exec_module(module)
    return module


def run_links(texts: dict[str, str], encoder):
    docs = parse_sources([Source(t, name=n) for n, t in texts.items()])
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    links = score_links(claims, candidate_pairs(claims), encoder=encoder, min_score=MIN_SCORE)
    return claims, links


def overlapping(claims, source: str, span: tuple[int, int]) -> set[str]:
    s, e = span
    return {c.id for c in claims if c.source == source and c.span.start < e and c.span.end > s}


def story_precision(a, b, claims, groups) -> tuple[int, int]:
    """Return (gold, judged): grouped pairs on lines with gold actions, and those sharing one."""
    by_id = {c.id: c for c in claims}
    right = judged = 0
    for g in groups:
        x, y = (by_id[cid] for cid in g.claims)
        la, lb = (line_of(d, c.span.start) for d, c in ((a, x), (b, y)))
        ea, eb = a.line_actions.get(la), b.line_actions.get(lb)
        if ea and eb:
            judged += 1
            right += bool(ea & eb)
    return right, judged


def line_of(doc, offset: int) -> int:
    return next((k for k, (s, e) in enumerate(doc.offsets) if s <= offset <= e), -1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.55,0.6,0.7,0.8")
    parser.add_argument("--harness", type=Path, default=HARNESS)
    parser.add_argument("--lexical", action="store_true")
    args = parser.parse_args()
    h = load_harness(args.harness)
    thresholds = [float(x) for x in args.thresholds.split(",")]
    encoder = None if args.lexical else default_encoder()
    clusters = h.load_ecb(h.Path("/work/shared/data"))
    coref_runs = []
    for cname in sorted(clusters):
        docs = clusters[cname]
        pairs = [(a, b) for a in docs for b in docs if a is not b and h.gold_line_pairs(a, b)]
        rng = random.Random(h.crc(h.SEED, "sweep", cname))
        rng.shuffle(pairs)
        for a, b in pairs[:6]:
            claims, links = run_links({a.name: a.text, b.name: b.text}, encoder)
            coref_runs.append((a, b, claims, links))
    xev_runs = []
    for t in sorted({int(k[:2]) for k in clusters}):
        e1, e2 = clusters.get(f"{t:02d}_ecb"), clusters.get(f"{t:02d}_ecbplus")
        if not e1 or not e2 or len(e1) < 2 or len(e2) < 2:
            continue
        r = random.Random(h.crc(h.SEED, "xev", t))
        d1 = sorted(r.sample(e1, 2), key=lambda d: d.name)
        d2 = sorted(r.sample(e2, 2), key=lambda d: d.name)
        event = {d.name: 0 for d in d1} | {d.name: 1 for d in d2}
        claims, links = run_links({d.name: d.text for d in d1 + d2}, encoder)
        xev_runs.append((event, claims, links))
    mrpc_runs = []
    with open("/work/shared/data/mrpc-train/msr_paraphrase_train.txt", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    for row in rows:
        if len(row) >= 5 and h.mrpc_eval_fold(row[1], row[2]):
            claims, links = run_links({"a": row[3], "b": row[4]}, encoder)
            mrpc_runs.append((int(row[0]), claims, links))
    print(
        "| threshold | coref recall | within-story precision | cross-event share (pairs) "
        "| MRPC TPR | TNR | bal |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for t in thresholds:
        hit = tot = right = judged = 0
        for a, b, claims, links in coref_runs:
            found = group_links(links, claims, threshold=t)
            groups = [set(g.claims) for g in found]
            right_, judged_ = story_precision(a, b, claims, found)
            right += right_
            judged += judged_
            for la, lb in h.gold_line_pairs(a, b):
                tot += 1
                ia = overlapping(claims, a.name, a.offsets[la])
                ib = overlapping(claims, b.name, b.offsets[lb])
                hit += any(g & ia and g & ib for g in groups)
        cross = n = 0
        for event, claims, links in xev_runs:
            src = {c.id: c.source for c in claims}
            for g in group_links(links, claims, threshold=t):
                ids = sorted(g.claims)
                for i, x in enumerate(ids):
                    for y in ids[i + 1 :]:
                        if src[x] != src[y]:
                            n += 1
                            cross += event[src[x]] != event[src[y]]
        tp = npos = tn = nneg = 0
        for label, claims, links in mrpc_runs:
            aligned = bool(group_links(links, claims, threshold=t))
            if label:
                npos += 1
                tp += aligned
            else:
                nneg += 1
                tn += not aligned
        tpr, tnr = tp / npos, tn / nneg
        print(
            f"| {t:.2f} | {hit / tot:.1%} of {tot} | {right / max(1, judged):.1%} of {judged} | "
            f"{cross / max(1, n):.1%} ({n}) | "
            f"{tpr:.1%} | {tnr:.1%} | {(tpr + tnr) / 2:.1%} |"
        )


if __name__ == "__main__":
    main()
