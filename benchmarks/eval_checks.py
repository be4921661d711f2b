"""Print precision and recall of the discrepancy checks per category over the test corpus.

Usage: ``python benchmarks/eval_checks.py [--cases DIR] [--verbose] [--ecbplus]``

Over ``tests/data/cases/*.json``: a found discrepancy counts toward precision when it
covers an expected one of its category; any other discrepancy (including one on a
``must_not`` pair) counts against it. Recall is the share of expected discrepancies
found with their category. Cases marked xfail are counted too, so the numbers are
those of the library as it is, not of the passing tests.

With ``--ecbplus`` it also runs every ECB+ dev cluster as one run (all its articles
together) and counts the discrepancies per category and severity; ECB+ has no gold
discrepancies, so ``--verbose`` prints each one with its evidence, to read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support import CASES_DIR, CATEGORIES, covers, load_cases, score_case

sys.path.insert(0, str(Path(__file__).resolve().parent))


def ecbplus_clusters(*, verbose: bool) -> None:
    """Run each ECB+ cluster as one story and count its discrepancies."""
    from ecbplus import topics

    from reconcile import Source, compare

    by_category: Counter[tuple[str, str]] = Counter()
    runs = articles = 0
    for _topic, ecb, plus in topics():
        for cluster in (ecb, plus):
            report = compare([Source(a.text, name=a.doc_id) for a in cluster])
            runs += 1
            articles += len(cluster)
            for f in report.discrepancies:
                by_category[str(f.category), str(f.severity)] += 1
                if verbose:
                    print(f"[{f.category}, {f.severity}] {f.message}")
                    for e in f.evidence:
                        print(f"    {e.source}: {' '.join(e.text.split())[:160]}")
    total = sum(by_category.values())
    print(f"\nECB+ dev: {runs} clusters, {articles} articles, {total} discrepancies")
    for cat in CATEGORIES:
        parts = [f"{n} {sev}" for (c, sev), n in sorted(by_category.items()) if c == cat]
        count = sum(n for (c, _), n in by_category.items() if c == cat)
        print(f"  {cat:<12} {count:>3}  ({', '.join(parts) or 'none'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES_DIR)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    parser.add_argument(
        "--ecbplus", action="store_true", help="also count the findings on whole ECB+ clusters"
    )
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    tp_found: Counter[str] = Counter()  # findings that cover an expected item of their category
    found: Counter[str] = Counter()  # all findings
    expected: Counter[str] = Counter()
    recalled: Counter[str] = Counter()
    must_not_total = must_not_flagged = 0
    failing: list[str] = []
    for case in cases:
        report = case.run()
        score = score_case(case, report)
        for item in case.expect:
            expected[str(item.category)] += 1
        for item, _ in score.found:
            recalled[str(item.category)] += 1
        for f in report.discrepancies:
            found[str(f.category)] += 1
            if any(i.category == f.category and covers(case, f, i) for i in case.expect):
                tp_found[str(f.category)] += 1
        must_not_total += len(case.must_not)
        must_not_flagged += len({id(i) for i, _ in score.flagged_must_not})
        if score.problems():
            mark = f" (xfail: {case.xfail})" if case.xfail else ""
            failing.append(f"{case.id}{mark}")
            if args.verbose:
                failing.extend(f"    {line}" for line in score.problems())
    print(f"{len(cases)} cases; per category over the whole corpus:\n")
    print(f"{'category':<12} {'expected':>8} {'found':>6} {'precision':>9} {'recall':>7}")
    for cat in CATEGORIES:
        p = tp_found[cat] / found[cat] if found[cat] else 1.0
        r = recalled[cat] / expected[cat] if expected[cat] else 1.0
        print(f"{cat:<12} {expected[cat]:>8} {found[cat]:>6} {p:>9.2f} {r:>7.2f}")
    all_found, all_tp = sum(found.values()), sum(tp_found.values())
    all_exp, all_rec = sum(expected.values()), sum(recalled.values())
    print(
        f"{'all':<12} {all_exp:>8} {all_found:>6} "
        f"{(all_tp / all_found if all_found else 1.0):>9.2f} "
        f"{(all_rec / all_exp if all_exp else 1.0):>7.2f}"
    )
    print(f"\nmust-not pairs flagged: {must_not_flagged} of {must_not_total}")
    print(f"cases not passing: {len([f for f in failing if not f.startswith(' ')])}")
    for line in failing:
        print(f"  {line}")
    if args.ecbplus:
        ecbplus_clusters(verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
