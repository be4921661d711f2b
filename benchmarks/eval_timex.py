"""Evaluate reconcile.timex on real news: the ECB+ dev clusters in /work/shared/data.

Reports, for the gold time mentions of ECB+ (Cybulska and Vossen, LREC 2014):

- recall: a gold mention is found when one of ours overlaps it on the same line
  (the gold text is token-spaced, so it is located with spaces ignored);
- precision-ish: the share of our mentions, on the lines whose mentions were
  annotated (``selected_lines``), that overlap a gold mention. The annotation is
  partial, so this is indicative only;
- value accuracy on the hand-annotated sample ``tests/data/timex/ecbplus_sample.jsonl``
  (how it was drawn: ``--draw-sample``; how it was annotated: its README);
- speed in characters per second over the whole corpus.

Run from the repository root::

    python benchmarks/eval_timex.py            # the report
    python benchmarks/eval_timex.py --misses   # also list what was missed
    python benchmarks/eval_timex.py --draw-sample  # re-draw the sample (ids only)

The corpus text is read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reconcile.timex import find_times  # noqa: E402

DATA = Path("/work/shared/data/ecbplus-dev")
SAMPLE = ROOT / "tests" / "data" / "timex" / "ecbplus_sample.jsonl"
SEED = 2014  # the year of the ECB+ paper
PER_CLUSTER = 5
SAMPLE_SIZE = 100


def natural(doc: str) -> list[Any]:
    """Sort key: "1_10ecb" after "1_9ecb"."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", doc)]


def load() -> list[dict[str, Any]]:
    """Return every article: cluster, doc id, text, lines with offsets, gold mentions."""
    docs = []
    for cluster in sorted(p.name for p in DATA.iterdir() if p.is_dir()):
        meta = json.loads((DATA / cluster / "_meta.json").read_text(encoding="utf-8"))
        for doc in sorted(meta, key=natural):
            text = (DATA / cluster / f"{doc}.txt").read_text(encoding="utf-8")
            starts = [0, *(m.end() for m in re.finditer("\n", text))]
            docs.append(
                {
                    "cluster": cluster,
                    "doc": doc,
                    "text": text,
                    "line_starts": starts,
                    "gold": meta[doc]["time_mentions"],
                    "selected": set(meta[doc].get("selected_lines", [])),
                }
            )
    return docs


def locate(line: str, mention: str) -> list[tuple[int, int]]:
    """Return every ``(start, end)`` of ``mention`` in ``line``, spaces ignored."""
    flat, pos = [], []
    for i, ch in enumerate(line):
        if not ch.isspace():
            flat.append(ch)
            pos.append(i)
    hay = "".join(flat)
    needle = re.sub(r"\s+", "", mention)
    out = []
    k = hay.find(needle)
    while k >= 0 and needle:
        out.append((pos[k], pos[k + len(needle) - 1] + 1))
        k = hay.find(needle, k + 1)
    return out


def line_of(doc: dict[str, Any], offset: int) -> int:
    starts = doc["line_starts"]
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def draw_sample(docs: list[dict[str, Any]]) -> list[tuple[str, str, int, int, str, str]]:
    """Draw the value sample: 5 gold mentions per cluster, then fill to 100 from the rest.

    Mentions are ordered by (doc, line, m_id) within each cluster; ``random.Random(2014)``
    draws ``min(5, n)`` of each cluster in cluster order, then the shortfall (clusters
    with fewer than 5 mentions) from all remaining mentions.
    """
    rng = random.Random(SEED)
    chosen: list[tuple[str, str, int, int, str, str]] = []
    rest: list[tuple[str, str, int, int, str, str]] = []
    by_cluster: dict[str, list[tuple[str, str, int, int, str, str]]] = defaultdict(list)
    for d in docs:
        for t in d["gold"]:
            item = (d["cluster"], d["doc"], t["line"], int(t["m_id"]), t["tag"], t["text"])
            by_cluster[d["cluster"]].append(item)
    for cluster in sorted(by_cluster):
        items = sorted(by_cluster[cluster], key=lambda x: (natural(x[1]), x[2], x[3]))
        pick = rng.sample(items, min(PER_CLUSTER, len(items)))
        chosen += pick
        rest += [i for i in items if i not in pick]
    chosen += rng.sample(rest, SAMPLE_SIZE - len(chosen))
    return sorted(chosen, key=lambda x: (x[0], natural(x[1]), x[2], x[3]))


#: ECB+ marks a range as one mention ("between 1991 and 1998") and counts of occurrences
#: ("twice") as TIME_REPETITION, where TIMEX3 marks two ends and no count.
ECB_CONVENTIONS: dict[str, Any] = {"ranges": "joined", "with_counts": True}


def evaluate_recall(docs: list[dict[str, Any]], *, show: bool) -> dict[str, Any]:
    found_by_tag: Counter[str] = Counter()
    total_by_tag: Counter[str] = Counter()
    ours_total = ours_on_gold = 0
    misses = []
    spurious = []
    elapsed = 0.0
    chars = 0
    for d in docs:
        text = d["text"]
        t0 = time.perf_counter()
        mentions = find_times(text, reference=None, **ECB_CONVENTIONS)
        elapsed += time.perf_counter() - t0
        chars += len(text)
        lines = text.split("\n")
        gold_spans = []
        for g in d["gold"]:
            base = d["line_starts"][g["line"]]
            spans = [(base + a, base + b) for a, b in locate(lines[g["line"]], g["text"])]
            gold_spans.append((g, spans))
            total_by_tag[g["tag"]] += 1
            hit = any(m.span.start < b and a < m.span.end for m in mentions for a, b in spans)
            if hit:
                found_by_tag[g["tag"]] += 1
            else:
                misses.append((d["doc"], g["tag"], g["text"], lines[g["line"]][:160]))
        for m in mentions:
            if line_of(d, m.span.start) not in d["selected"]:
                continue
            ours_total += 1
            if any(
                m.span.start < b and a < m.span.end for _, spans in gold_spans for a, b in spans
            ):
                ours_on_gold += 1
            else:
                spurious.append((d["doc"], m.text, m.value))
    if show:
        print("\n== missed gold mentions")
        for doc, tag, txt, line in misses:
            print(f"  {doc:14s} {tag:16s} {txt!r:40s} | {line}")
        print("\n== our mentions on annotated lines overlapping no gold mention")
        for doc, txt, value in spurious:
            print(f"  {doc:14s} {txt!r:40s} {value}")
    return {
        "found_by_tag": found_by_tag,
        "total_by_tag": total_by_tag,
        "ours_total": ours_total,
        "ours_on_gold": ours_on_gold,
        "chars": chars,
        "seconds": elapsed,
    }


def evaluate_values(docs: list[dict[str, Any]], *, show: bool) -> dict[str, Any]:
    by_id = {(d["cluster"], d["doc"]): d for d in docs}
    items = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
    right = right_ctx = with_interval = interval_right = 0
    wrong = []
    for item in items:
        d = by_id[(item["cluster"], item["doc"])]
        ref = date.fromisoformat(item["reference"])
        line = d["text"].split("\n")[item["line"]]
        base = d["line_starts"][item["line"]]
        spans = [(base + a, base + b) for a, b in locate(line, item["mention"])]
        mentions = find_times(d["text"], reference=ref, **ECB_CONVENTIONS)
        over = [m for m in mentions for a, b in spans if m.span.start < b and a < m.span.end]
        ok = _judge(item, over)
        right += ok
        # The same judgement on the stored context alone (what the unit test checks).
        ctx = item["context"]
        cs, ce = item["context_start"], item["context_end"]
        in_ctx = [
            m
            for m in find_times(ctx, reference=ref, **ECB_CONVENTIONS)
            if m.span.start < ce and cs < m.span.end
        ]
        right_ctx += _judge(item, in_ctx)
        if item.get("interval") and item["value"] is not None:
            with_interval += 1
            want = tuple(date.fromisoformat(x) for x in item["interval"])
            interval_right += any(m.interval == want for m in over)
        if not ok:
            wrong.append(
                (item["id"], item["mention"], item["value"], [(m.text, m.value) for m in over])
            )
    if show:
        print("\n== sample items whose value we got wrong")
        for ident, mention, want, got in wrong:
            print(f"  {ident:34s} {mention!r:32s} want {want!s:18s} got {got}")
    return {
        "n": len(items),
        "right": right,
        "right_context": right_ctx,
        "with_interval": with_interval,
        "interval_right": interval_right,
        "nulls": sum(i["value"] is None for i in items),
    }


def _judge(item: dict[str, Any], over: list[Any]) -> bool:
    """Judge one sample item: right when an overlapping mention has its value.

    An item without a TIMEX3 value is right when no mention overlaps it.
    """
    if item["value"] is None:
        return not over
    return any(m.value == item["value"] for m in over)


def adversarial() -> None:
    """Time the grammar on 1 MB strings built to be hard (no punctuation, digits, months)."""
    cases = {
        "letters, no spaces": "a" * 1_000_000,
        "words, no punctuation": ("the year ago in may march last next " * 30_000)[:1_000_000],
        "repeated digits": "1" * 1_000_000,
        "digits and spaces": ("2010 " * 200_000)[:1_000_000],
        "month names and days": ("May 3 and 4 June 2010 - " * 45_000)[:1_000_000],
        "numeric date shapes": ("12/12/12/12 " * 100_000)[:1_000_000],
        "clock shapes": ("10:10:10 a.m. " * 80_000)[:1_000_000],
    }
    print("\n== adversarial 1 MB inputs")
    for name, text in cases.items():
        t0 = time.perf_counter()
        n = len(find_times(text, reference=date(2026, 2, 2)))
        print(f"  {name:24s} {time.perf_counter() - t0:6.2f} s  ({n} mentions)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list missed and extra mentions")
    parser.add_argument("--draw-sample", action="store_true", help="print the drawn sample ids")
    parser.add_argument("--adversarial", action="store_true", help="time 1 MB adversarial inputs")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: this script needs the ECB+ dev clusters.")
    docs = load()
    if args.draw_sample:
        for item in draw_sample(docs):
            print("\t".join(map(str, item)))
        return
    rec = evaluate_recall(docs, show=args.misses)
    found, total = rec["found_by_tag"], rec["total_by_tag"]
    print(f"ECB+ dev: {len(docs)} articles, {sum(total.values())} gold time mentions")
    n_found, n_total = sum(found.values()), sum(total.values())
    print(f"recall: {n_found / n_total:.1%} ({n_found}/{n_total})")
    for tag in sorted(total):
        print(f"  {tag:18s} {found[tag] / total[tag]:6.1%} ({found[tag]}/{total[tag]})")
    share = rec["ours_on_gold"] / rec["ours_total"] if rec["ours_total"] else 0.0
    print(
        f"precision-ish (annotated lines): {share:.1%} of our {rec['ours_total']} mentions "
        f"overlap a gold mention ({1 - share:.1%} overlap none; annotation is partial)"
    )
    # Best of three runs for speed.
    times = [rec["seconds"]]
    for _ in range(2):
        t0 = time.perf_counter()
        for d in docs:
            find_times(d["text"], reference=None)
        times.append(time.perf_counter() - t0)
    best = min(times)
    print(f"speed: {rec['chars'] / best:,.0f} chars/s ({rec['chars']:,} chars in {best:.2f} s)")
    if SAMPLE.exists():
        val = evaluate_values(docs, show=args.misses)
        print(
            f"value accuracy on the {val['n']}-mention sample: {val['right'] / val['n']:.1%} "
            f"({val['right']}/{val['n']}; {val['nulls']} items have no TIMEX3 value and count "
            f"as right when nothing is found)"
        )
        print(f"  on the stored contexts only: {val['right_context'] / val['n']:.1%}")
        print(
            f"  interval agreement where the gold gives one: "
            f"{val['interval_right']}/{val['with_interval']}"
        )
    if args.adversarial:
        adversarial()


if __name__ == "__main__":
    main()
