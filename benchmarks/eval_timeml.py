"""Score reconcile.timex on TimeBank + AQUAINT (timeml-dev) as the harness does; list the misses.

Each document's plain text is the text of its ``<TEXT>`` element; it is parsed
with :func:`reconcile.parse_source`, anchored on its creation date, and the time
mentions of its claims are scored against the gold ``TIMEX3`` elements:

- detection is relaxed: a gold expression is found when one of ours overlaps it;
- a value is right when it equals the gold value, or, for a DATE, when our
  interval is the gold value's calendar interval;
- value F1 is the harmonic mean of (right values / our mentions) and
  (right values / gold expressions).

The misses and wrong values are grouped by pattern (the gold text with digits as
``9`` and month and weekday names as ``MONTH``/``DAY``), so that what fails reads
as rules to write, not as single documents. ``--split`` scores one corpus alone:
fit your reading on one, check on the other.

Run from the repository root::

    python benchmarks/eval_timeml.py                  # figures, both corpora
    python benchmarks/eval_timeml.py --split AQUAINT  # one corpus
    python benchmarks/eval_timeml.py --misses         # plus misses and wrong values by pattern

The corpus is read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reconcile import Source, parse_source  # noqa: E402
from reconcile.timex import find_times  # noqa: E402

DATA = Path("/work/shared/data/timeml-dev")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"


def _plain_and_gold(text_el: ET.Element) -> tuple[str, list[dict[str, Any]]]:
    """Return the text content of ``<TEXT>`` and its TIMEX3 elements with their offsets."""
    parts: list[str] = []
    gold: list[dict[str, Any]] = []
    size = 0

    def walk(el: ET.Element) -> None:
        nonlocal size
        if el.text:
            parts.append(el.text)
            size += len(el.text)
        for child in el:
            start = size
            walk(child)
            if child.tag == "TIMEX3":
                gold.append({**child.attrib, "start": start, "end": size})
            if child.tail:
                parts.append(child.tail)
                size += len(child.tail)

    walk(text_el)
    text = "".join(parts)
    for g in gold:
        g["text"] = text[g["start"] : g["end"]]
    return text, gold


def load(split: str | None) -> list[dict[str, Any]]:
    """Return every document: corpus, id, plain text, creation date, gold TIMEX3 spans."""
    docs = []
    for path in sorted(DATA.rglob("*.tml")):
        corpus = path.parent.name
        if split and corpus != split:
            continue
        root = ET.parse(path).getroot()
        text_el = root.find("TEXT")
        dct_el = root.find("DCT/TIMEX3")
        if text_el is None or dct_el is None:
            continue
        text, gold = _plain_and_gold(text_el)
        docs.append(
            {
                "corpus": corpus,
                "doc": path.stem,
                "text": text,
                "dct": date.fromisoformat(dct_el.attrib["value"][:10]),
                "gold": gold,
            }
        )
    return docs


def value_interval(value: str) -> tuple[date, date] | None:
    """Return the calendar days a TIMEX3 DATE value covers, or None (as the harness reads it)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
            y, q = int(m[1]), int(m[2])
            b = 3 * q
            return date(y, b - 2, 1), date(y, b, calendar.monthrange(y, b)[1])
        if m := re.fullmatch(r"(\d{3})X", value):
            return date(int(m[1] + "0"), 1, 1), date(int(m[1] + "9"), 12, 31)
        if m := re.fullmatch(r"(\d{2})XX", value):
            return date(int(m[1] + "00"), 1, 1), date(int(m[1] + "99"), 12, 31)
    except ValueError:
        return None
    return None


def pattern(text: str) -> str:
    """Return the shape of an expression: digits as 9, month and weekday names as MONTH/DAY."""
    s = re.sub(r"\d", "9", text.lower())
    s = re.sub(rf"\b({_MONTHS})\b", "MONTH", s)
    return re.sub(rf"\b({_DAYS})\b", "DAY", s)


def predictions(d: dict[str, Any], *, direct: bool) -> dict[tuple[int, int], Any]:
    """Return our time mentions of one document by span: its claims' or, ``direct``, all."""
    text = d["text"]
    preds: dict[tuple[int, int], Any] = {}
    if direct:
        for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
            for t in find_times(text, reference=d["dct"], start=m.start(), end=m.end()):
                preds[(t.span.start, t.span.end)] = t
        return preds
    doc = parse_source(Source(text=text, name=d["doc"] + ".txt"), published=d["dct"])
    for claim in doc.claims:
        for t in claim.times:
            preds[(t.span.start, t.span.end)] = t
    return preds


def score(docs: list[dict[str, Any]], *, direct: bool = False) -> dict[str, Any]:
    """Score our time mentions of every document against the gold."""
    n_gold = n_pred = pred_ok = det = val_ok = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    wrong: dict[str, list[str]] = defaultdict(list)
    spurious: Counter[str] = Counter()
    chars = 0
    t0 = time.perf_counter()
    for d in docs:
        text = d["text"]
        chars += len(text)
        preds = predictions(d, direct=direct)
        n_pred += len(preds)
        for (s, e), t in preds.items():
            if any(g["start"] < e and g["end"] > s for g in d["gold"]):
                pred_ok += 1
            else:
                spurious[pattern(t.text)] += 1
        n_gold += len(d["gold"])
        for g in d["gold"]:
            bt = by_type[g["type"]]
            bt[0] += 1
            over = [
                (min(e, g["end"]) - max(s, g["start"]), (s, e))
                for (s, e) in preds
                if s < g["end"] and e > g["start"]
            ]
            ctx = text[max(0, g["start"] - 50) : g["end"] + 30].replace("\n", " ")
            key = f"{g['type']:8s} {pattern(g['text'])}"
            if not over:
                misses[key].append(f"{d['doc']}: {g['text']!r} = {g.get('value')} | {ctx}")
                continue
            det += 1
            bt[1] += 1
            got = preds[max(over)[1]]
            gi = value_interval(g.get("value", "")) if g["type"] == "DATE" else None
            if got.value == g.get("value") or (gi is not None and got.interval == gi):
                val_ok += 1
                bt[2] += 1
            else:
                wrong[key].append(
                    f"{d['doc']} ({d['dct']}): {g['text']!r} want {g.get('value')} "
                    f"mod={g.get('mod')} got {got.text!r} {got.value} {got.mod} | {ctx}"
                )
    secs = time.perf_counter() - t0
    vp = val_ok / n_pred if n_pred else 0.0
    vr = val_ok / n_gold if n_gold else 0.0
    return {
        "n_gold": n_gold,
        "recall": det / n_gold if n_gold else 0.0,
        "precision": pred_ok / n_pred if n_pred else 0.0,
        "value_acc": val_ok / det if det else 0.0,
        "value_f1": 2 * vp * vr / (vp + vr) if vp + vr else 0.0,
        "by_type": dict(by_type),
        "misses": misses,
        "wrong": wrong,
        "spurious": spurious,
        "chars_per_s": chars / secs,
    }


def _show(title: str, groups: dict[str, list[str]], limit: int) -> None:
    """Print groups of failures, the largest first, a few examples each."""
    print(f"\n== {title} ({sum(map(len, groups.values()))})")
    for key, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"{len(items):4d}  {key}")
        for item in items[:limit]:
            print(f"        {item}")


def main() -> None:
    """Print the figures, and with ``--misses`` the failures grouped by pattern."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["TimeBank", "AQUAINT"], help="score one corpus")
    parser.add_argument("--misses", action="store_true", help="list misses and wrong values")
    parser.add_argument(
        "--direct", action="store_true", help="find_times on every paragraph, not the claims"
    )
    parser.add_argument("--examples", type=int, default=3, help="examples per pattern")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: this script needs the timeml-dev corpus.")
    docs = load(args.split)
    r = score(docs, direct=args.direct)
    if args.misses:
        _show("missed gold expressions by pattern", r["misses"], args.examples)
        _show("wrong values by pattern", r["wrong"], args.examples)
        print("\n== our mentions overlapping no gold expression, by pattern")
        for key, n in r["spurious"].most_common(40):
            print(f"{n:4d}  {key}")
    print(
        f"timeml-dev {args.split or 'all'}: {len(docs)} documents, {r['n_gold']} gold; "
        f"detect recall {r['recall']:.1%} precision {r['precision']:.1%}; "
        f"value acc {r['value_acc']:.1%}; value F1 {100 * r['value_f1']:.1f}; "
        f"{r['chars_per_s']:,.0f} chars/s"
    )
    print("per type [gold, detected, value right]:", dict(sorted(r["by_type"].items())))


if __name__ == "__main__":
    main()
