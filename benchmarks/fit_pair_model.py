"""Fit the pair model (logistic regression on comparison levels) and validate it held apart.

Run: ``python benchmarks/pairs_build.py`` first, then
``python benchmarks/fit_pair_model.py [PAIRS.pkl] [--write] [--threshold T]``.

Features are one-hot comparison levels (``reconcile.align.COMPARISONS``); the
model is scikit-learn's L2 logistic regression, each corpus weighted to the same
total (ECB+ pairs, MRPC pairs, case pairs), so the product needs only the
coefficients (in bits) in ``reconcile/_weights.py``.

Validation never scores what it fitted on:

- ECB+: leave-one-topic-out (ten folds); out-of-fold scores of every pair.
- MRPC: fitted on the ``mrpc-fit`` pairs, scored on the ``mrpc-val`` pairs (a
  quarter of MRPC's fitting folds, split by crc32); the harness's evaluation
  fold is never read.

Printed: the reliability table (score band, pairs, share true) of the held-apart
scores, and per threshold the MRPC-val balanced accuracy and, on ECB+, the recall
of true pairs and the share of false pairs among mutual-best pairs at or above it.
"""

from __future__ import annotations

import math
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from reconcile.align import COMPARISONS, PairFeatures, levels_of

ROOT = Path(__file__).resolve().parents[1]
C = 1.0
#: Each stratum's share of the total sample weight: ECB+ true pairs, same-story
#: negatives, cross-event negatives; MRPC's two classes; the case corpus.
SHARES = {
    "ecb-1": 0.45,
    "ecb-2": 0.13,
    "ecb-0": 0.55,
    "mrpc-0": 0.5,
    "mrpc-1": 0.5,
    "cases": 0.2,
}
for _arg in sys.argv:
    if _arg.startswith("--share-"):
        _key, _value = _arg.removeprefix("--share-").split("=")
        SHARES[_key] = float(_value)


def columns(semantic: bool) -> list[tuple[str, str]]:
    """Return one column per fitted level (a tied level shares its partner's column)."""
    return [
        (c.name, level)
        for c in COMPARISONS
        if semantic or not c.needs_meaning
        for level in c.levels
        if level not in dict(c.ties)
    ]


TIES = {(c.name, level): (c.name, other) for c in COMPARISONS for level, other in c.ties}


def design(rows: list[dict], semantic: bool) -> np.ndarray:
    cols = {key: k for k, key in enumerate(columns(semantic))}
    x = np.zeros((len(rows), len(cols)), dtype=np.float64)
    for r, row in enumerate(rows):
        values = dict(row["features"])
        if not semantic:
            values["meaning"] = None
        for comparison, level in levels_of(PairFeatures(**values)):
            key = (comparison.name, level)
            x[r, cols[TIES.get(key, key)]] = 1.0
    return x


def sample_weights(rows: list[dict]) -> np.ndarray:
    """Weigh each corpus to the same total; within MRPC, each class to the same total.

    MRPC's harness figure is a balanced accuracy, whose best threshold on calibrated
    scores sits at the class prior (68% paraphrases); balancing its classes puts it
    at even odds, where ECB+ wants it too.
    """
    strata = [
        r["group"].split("-")[0] + ("" if r["group"] == "cases" else f"-{r['label']}") for r in rows
    ]
    totals: dict[str, int] = defaultdict(int)
    for c in strata:
        totals[c] += 1
    present = {c: SHARES[c] for c in totals}
    scale = len(rows) / math.fsum(present.values())
    return np.array([present[c] * scale / totals[c] for c in strata])


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, y, sample_weight=w)
    return model


def mutual_best(rows: list[dict], scores: np.ndarray) -> np.ndarray:
    """Return a mask of the pairs that are the best candidate of both their claims in their run."""
    best: dict[tuple[str, str], tuple[float, int]] = {}
    for k, row in enumerate(rows):
        for cid in (row["a"], row["b"]):
            key = (row["run"], cid)
            if scores[k] > best.get(key, (-1.0, -1))[0]:
                best[key] = (scores[k], k)
    return np.array(
        [
            best[(r["run"], r["a"])][1] == k and best[(r["run"], r["b"])][1] == k
            for k, r in enumerate(rows)
        ]
    )


def reliability(scores: np.ndarray, y: np.ndarray) -> list[str]:
    lines = ["| score band | pairs | share that state the same fact |", "| --- | --- | --- |"]
    for lo in np.arange(0.0, 1.0, 0.1):
        m = (scores >= lo) & (scores < lo + 0.1 if lo < 0.9 else scores <= 1.0)
        if m.sum():
            lines.append(f"| {lo:.1f}-{lo + 0.1:.1f} | {int(m.sum())} | {y[m].mean():.2f} |")
    return lines


def validate(rows: list[dict], semantic: bool) -> dict[str, np.ndarray]:
    usable = [r for r in rows if r["features"] is not None]
    x, y, w = (
        design(usable, semantic),
        np.array([r["label"] == 1 for r in usable]),
        sample_weights(usable),
    )
    groups = np.array([r["group"] for r in usable])
    oof = np.full(len(usable), np.nan)
    for topic in sorted({g for g in groups if g.startswith("ecb")}):
        test = groups == topic
        train = ~test & (groups != "mrpc-val")
        oof[test] = fit(x[train], y[train], w[train]).predict_proba(x[test])[:, 1]
    val = groups == "mrpc-val"
    oof[val] = fit(x[~val], y[~val], w[~val]).predict_proba(x[val])[:, 1]
    return {"rows": np.array(usable, dtype=object), "oof": oof, "y": y, "groups": groups}


def report(result: dict[str, np.ndarray], all_rows: list[dict], label: str) -> None:
    oof, y, groups, rows = result["oof"], result["y"], result["groups"], list(result["rows"])
    ecb = np.array([g.startswith("ecb") for g in groups])
    val = groups == "mrpc-val"
    held = ecb | val
    print(f"\n## {label}: reliability of held-apart scores (ECB+ leave-topic-out + MRPC-val)")
    print("\n".join(reliability(oof[held], y[held])))
    print("\nECB+ only:")
    print("\n".join(reliability(oof[ecb], y[ecb])))
    ecb_rows = [r for r, e in zip(rows, ecb, strict=True) if e]
    mb = mutual_best(ecb_rows, oof[ecb])
    labels = np.array([r["label"] for r in ecb_rows])
    n_true = int((labels == 1).sum())
    mrpc_missing = [r for r in all_rows if r["group"] == "mrpc-val" and r["features"] is None]
    print(
        "\n| threshold | MRPC-val bal. acc | ECB+ recall of true pairs | false share (same story) "
        "| cross-event share |"
    )
    print("| --- | --- | --- | --- | --- |")
    for t in np.arange(0.3, 0.95, 0.05):
        pos = y[val]
        pred = oof[val] >= t
        npos = pos.sum() + sum(1 for r in mrpc_missing if r["label"] == 1)
        nneg = (~pos).sum() + sum(1 for r in mrpc_missing if r["label"] == 0)
        tpr = (pred & pos).sum() / npos
        tnr = ((~pred & ~pos).sum() + sum(1 for r in mrpc_missing if r["label"] == 0)) / nneg
        acc = mb & (oof[ecb] >= t)
        same = acc & (labels != 0)
        cross_runs = acc & (labels == 0)
        print(
            f"| {t:.2f} | {100 * (tpr + tnr) / 2:.1f}"
            f" | {100 * (acc & (labels == 1)).sum() / n_true:.1f}"
            f" | {100 * (same & (labels == 2)).sum() / max(same.sum(), 1):.1f}"
            f" | {cross_runs.sum()} pairs |"
        )


def write(rows: list[dict], threshold: float) -> None:
    usable = [r for r in rows if r["features"] is not None]
    y, w = np.array([r["label"] == 1 for r in usable]), sample_weights(usable)
    body = [
        '"""Weights of the pair model, in bits per comparison level (log2 odds).',
        "",
        "Generated by ``python benchmarks/fit_pair_model.py --write`` (L2 logistic regression,",
        f"C={C}, on {len(usable)} labelled candidate pairs: ECB+ dev topics 1-10, MRPC train's",
        "fitting folds, the case corpus; see docs/calibration.md). Do not edit by hand.",
        '"""',
        "",
        f"THRESHOLD = {threshold}",
    ]
    for name, semantic in (("SEMANTIC", True), ("LEXICAL", False)):
        x = design(usable, semantic)
        model = fit(x, y, w)
        bits = model.coef_[0] / math.log(2)
        raw: dict[str, dict[str, float]] = defaultdict(dict)
        counts: dict[str, dict[str, float]] = defaultdict(dict)
        for k, ((feature, level), b) in enumerate(zip(columns(semantic), bits, strict=True)):
            raw[feature][level] = float(b)
            counts[feature][level] = float(x[:, k].sum())
        for (feature, level), (_, other) in TIES.items():
            raw[feature][level] = raw[feature][other]
            counts[feature][level] = 0.0
        # Each comparison's most common level weighs 0 and the prior takes its weight, so a
        # link's parts list only what sets it apart; scores are unchanged.
        intercept = float(model.intercept_[0] / math.log(2))
        table: dict[str, dict[str, float]] = {}
        for feature, levels in raw.items():
            ref = max(levels, key=lambda lv: (counts[feature][lv], lv))
            intercept += levels[ref]
            table[feature] = {lv: round(b - levels[ref], 3) for lv, b in levels.items()}
        body.append(f"{name}_INTERCEPT = {round(intercept, 3)}")
        body.append(f"{name}_LEVELS: dict[str, dict[str, float]] = {dict(table)!r}")
    (ROOT / "reconcile" / "_weights.py").write_text("\n".join(body) + "\n", encoding="utf-8")
    print("wrote reconcile/_weights.py")


def decision_rows(rows: list[dict]) -> list[dict]:
    """Return the pairs grouping decides on: each run's mutual-best pairs under a first fit.

    Grouping only ever accepts a pair that is the best remaining candidate of both its
    claims, so the model is fitted (and calibrated) on that population.
    """
    usable = [r for r in rows if r["features"] is not None]
    first = fit(
        design(usable, True), np.array([r["label"] == 1 for r in usable]), sample_weights(usable)
    )
    scores = first.predict_proba(design(usable, True))[:, 1]
    keep = mutual_best(usable, scores)
    return [r for r, k in zip(usable, keep, strict=True) if k] + [
        r for r in rows if r["features"] is None
    ]


def main() -> None:
    args = [
        a
        for k, a in enumerate(sys.argv[1:])
        if not a.startswith("--") and sys.argv[k] != "--threshold"
    ]
    path = Path(args[0] if args else "/tmp/reconcile_pairs.pkl")
    rows = pickle.loads(path.read_bytes())
    if "--all-pairs" not in sys.argv:
        rows = decision_rows(rows)
    threshold = 0.5
    if "--threshold" in sys.argv:
        threshold = float(sys.argv[sys.argv.index("--threshold") + 1])
    if "--write" in sys.argv:
        write(rows, threshold)
        return
    for semantic in (True, False):
        report(validate(rows, semantic), rows, "semantic" if semantic else "lexical")


if __name__ == "__main__":
    main()
