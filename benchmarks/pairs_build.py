"""Build the labelled claim pairs the pair model is fitted and validated on.

Run: ``python benchmarks/pairs_build.py [OUT.pkl]`` (default ``/tmp/reconcile_pairs.pkl``).

Every pair is a candidate pair that blocking proposes in a run of ``reconcile``
over real text, compared with the library's own comparisons (raw values, so the
levels can change without rebuilding), with a label and a group for validation:

- **ECB+ dev** (topics 1-10): two-article runs of one cluster (one real event):
  claims whose lines share a gold event instance are true pairs (label 1); pairs
  whose lines both carry gold event annotations but share none are "other facts
  of the same story" (label 2, negatives); pairs with an unannotated line are
  left out (their label is unknown);
  ecb x ecbplus runs of one topic (two events of one kind): every pair is false
  (label 0). Group: the topic, for leave-topic-out validation.
- **MRPC train, fitting folds only** (``crc32("ID1-ID2") % 3 != 0``; the ``== 0``
  third is the harness's evaluation fold and is never read here): the
  best-worded candidate pair of each sentence pair, labelled by MRPC. Group:
  ``mrpc-fit`` or ``mrpc-val`` (a further crc32 split), so that validation on
  MRPC never uses what was fitted on.
- **The case corpus** (``tests/data/cases``): claim pairs holding the two quotes
  of an expected finding or a ``must_not`` pair are true; other candidate pairs
  touching one of those claims are negatives. Group: ``cases``.
"""

from __future__ import annotations

import json
import pickle
import random
import sys
import zlib
from itertools import combinations, product
from pathlib import Path

import attrs
from ecbplus import DATA, Article, topics

from reconcile import Source
from reconcile._semantic import default_encoder
from reconcile.align import candidate_pairs, pair_features
from reconcile.pipeline import parse_sources

ROOT = Path(__file__).resolve().parents[1]
CROSS_RUNS_PER_TOPIC = 40
SEED = 13


def _rows(docs, label_of, group: str, run: str) -> list[dict]:
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    pairs = candidate_pairs(claims)
    out = []
    for a, b, f in pair_features(claims, pairs, workers=1, encoder=default_encoder()):
        label = label_of(a, b)
        if label is None:
            continue
        out.append(
            {
                "group": group,
                "run": run,
                "a": a.id,
                "b": b.id,
                "label": label,
                "texts": (a.text, b.text),
                "features": attrs.asdict(f, recurse=False),
            }
        )
    return out


def ecb_rows() -> list[dict]:
    rows: list[dict] = []
    for topic, ecb, plus in topics():
        articles: dict[str, Article] = {a.doc_id: a for a in ecb + plus}
        docs = {
            d.name: d
            for d in parse_sources([Source(a.text, name=a.doc_id) for a in articles.values()])
        }
        line = {
            c.id: articles[d.name].line_of(c.span.start) for d in docs.values() for c in d.claims
        }
        source_of = {c.id: d.name for d in docs.values() for c in d.claims}

        def label_of(a, b, articles=articles, source_of=source_of, line=line):
            x, y = articles[source_of[a.id]], articles[source_of[b.id]]
            if x.cluster != y.cluster:
                return 0
            la, lb = line[a.id], line[b.id]
            if x.events.get(la, set()) & y.events.get(lb, set()):
                return 1
            # ECB+ annotates only some lines: a pair is a sure negative only when both are.
            return 2 if la in x.events and lb in y.events else None

        cross = list(product(ecb, plus))
        random.Random(f"{SEED}-{topic}").shuffle(cross)
        runs = [*combinations(ecb, 2), *combinations(plus, 2), *cross[:CROSS_RUNS_PER_TOPIC]]
        for x, y in runs:
            rows += _rows(
                [docs[x.doc_id], docs[y.doc_id]], label_of, f"ecb-{topic}", f"{x.doc_id}|{y.doc_id}"
            )
        print(topic, len(rows), file=sys.stderr, flush=True)
    return rows


def mrpc_rows() -> list[dict]:
    rows: list[dict] = []
    lines = (
        (DATA / "mrpc-train" / "msr_paraphrase_train.txt")
        .read_text(encoding="utf-8-sig")
        .splitlines()[1:]
    )
    for row in lines:
        parts = row.split("\t")
        if len(parts) != 5:
            continue
        label, id1, id2, s1, s2 = int(parts[0]), parts[1], parts[2], parts[3], parts[4]
        if zlib.crc32(f"{id1}-{id2}".encode()) % 3 == 0:
            continue  # the harness's evaluation fold: never read
        group = "mrpc-val" if zlib.crc32(f"val-{id1}-{id2}".encode()) % 4 == 0 else "mrpc-fit"
        docs = parse_sources([Source(s1, name=f"s1_{id1}.txt"), Source(s2, name=f"s2_{id2}.txt")])
        found = _rows(docs, lambda a, b, lab=label: lab, group, f"{id1}-{id2}")
        if found:
            best = max(found, key=lambda r: (r["features"]["wording"], r["a"], r["b"]))
            rows.append(best | {"n_candidates": len(found)})
        else:
            rows.append({"group": group, "run": f"{id1}-{id2}", "label": label, "features": None})
    print("mrpc", len(rows), file=sys.stderr, flush=True)
    return rows


def case_rows() -> list[dict]:
    rows: list[dict] = []
    for path in sorted((ROOT / "tests" / "data" / "cases").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if len(case["sources"]) < 2:
            continue
        docs = parse_sources([Source(s["text"], name=s["name"]) for s in case["sources"]])
        claims = [c for d in docs for c in d.claims]
        true: set[frozenset[str]] = set()
        for item in [*case.get("expect", []), *case.get("must_not", [])]:
            quotes = item.get("quotes", [])
            if len(quotes) != 2:
                continue
            ca = [c.id for c in claims if quotes[0] in c.text]
            cb = [c.id for c in claims if quotes[1] in c.text]
            if len(ca) == 1 and len(cb) == 1 and ca != cb:
                true.add(frozenset((ca[0], cb[0])))
        touched = {cid for pair in true for cid in pair}
        if not true:
            continue

        def label_of(a, b, true=true, touched=touched):
            if frozenset((a.id, b.id)) in true:
                return 1
            return 0 if a.id in touched or b.id in touched else None

        rows += _rows(docs, label_of, "cases", case["id"])
    print("cases", len(rows), file=sys.stderr, flush=True)
    return rows


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/reconcile_pairs.pkl")
    rows = case_rows() + mrpc_rows() + ecb_rows()
    out.write_bytes(pickle.dumps(rows))
    print(f"wrote {out}: {len(rows)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
