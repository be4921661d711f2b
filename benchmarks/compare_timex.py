"""Compare reconcile.timex with dateparser's ``search_dates`` and dateutil on timeml-dev.

Each system reads the same documents (TimeBank + AQUAINT, the text of ``<TEXT>``),
anchored on the creation date, and is scored as ``benchmarks/eval_timeml.py``
scores us: relaxed detection, a value right when it equals the gold value or,
for a DATE, when its interval is the gold one. dateparser and dateutil return a
``datetime``, not a TIMEX3 value, so they are scored as the day they name (which
is only right for a gold value that is one day); ``lenient`` also counts a day
inside the gold interval as right, which favours them.

- reconcile: ``find_times`` on every paragraph, anchored on the creation date;
- dateparser: ``search_dates(paragraph, languages=["en"], settings={"RELATIVE_BASE":
  creation date})``, each found string located in the paragraph in order;
- dateutil: ``parser.parse(sentence, fuzzy_with_tokens=True, default=creation
  date)`` on every sentence: it finds at most one date per sentence, spanning the
  characters it did not skip.

dateparser is not a dependency of reconcile: install it into the benchmark's
environment (``pip install dateparser``). Run from the repository root::

    python benchmarks/compare_timex.py            # all three
    python benchmarks/compare_timex.py --limit 40  # the first 40 documents

The corpus is read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_timeml import load, value_interval  # noqa: E402

from reconcile.timex import find_times  # noqa: E402

# A prediction: start, end, value, interval.
Pred = tuple[int, int, str, "tuple[date, date] | None"]
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def paragraphs(text: str) -> Iterator[re.Match[str]]:
    """Yield the paragraphs of ``text`` (runs of lines without a blank line)."""
    return _PARAGRAPH.finditer(text)


def ours(text: str, dct: date) -> list[Pred]:
    """Return reconcile's time expressions of ``text``, a paragraph at a time."""
    return [
        (t.span.start, t.span.end, t.value, t.interval)
        for m in paragraphs(text)
        for t in find_times(text, reference=dct, start=m.start(), end=m.end())
    ]


def _day(value: datetime) -> Pred:
    """Return a placeholder prediction for a found day (offsets filled in by the caller)."""
    d = value.date()
    return (0, 0, d.isoformat(), (d, d))


def with_dateparser(text: str, dct: date) -> list[Pred]:
    """Return what dateparser's ``search_dates`` finds, located in order in each paragraph."""
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day)
    out: list[Pred] = []
    for m in paragraphs(text):
        found = search_dates(m.group(0), languages=["en"], settings={"RELATIVE_BASE": base})
        pos = 0
        for words, when in found or []:
            k = m.group(0).find(words, pos)
            if k < 0:
                continue
            pos = k + len(words)
            _, _, value, interval = _day(when)
            out.append((m.start() + k, m.start() + pos, value, interval))
    return out


def with_dateutil(text: str, dct: date) -> list[Pred]:
    """Return the one date dateutil's fuzzy parser reads in each sentence, if any."""
    from dateutil import parser

    default = datetime(dct.year, dct.month, dct.day)
    out: list[Pred] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if not any(ch.isdigit() for ch in sentence) and not re.search(
            r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)",
            sentence,
            re.IGNORECASE,
        ):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # unknown zone names: the day is still read
                when, skipped = parser.parse(sentence, fuzzy_with_tokens=True, default=default)
        except (ValueError, OverflowError, parser.ParserError):
            continue
        span = _consumed(sentence, skipped)
        if span is None:
            continue
        _, _, value, interval = _day(when)
        out.append((m.start() + span[0], m.start() + span[1], value, interval))
    return out


def _consumed(sentence: str, skipped: tuple[str, ...]) -> tuple[int, int] | None:
    """Return the first and last character dateutil read: what lies between skipped parts."""
    pos, parts = 0, []
    for piece in skipped:
        k = sentence.find(piece, pos)
        if k < 0:
            continue
        if sentence[pos:k].strip():
            parts.append((pos, k))
        pos = k + len(piece)
    if sentence[pos:].strip():
        parts.append((pos, len(sentence)))
    if not parts:
        return None
    lo, hi = parts[0][0], parts[-1][1]
    while lo < hi and not sentence[lo].isalnum():
        lo += 1
    while hi > lo and not sentence[hi - 1].isalnum():
        hi -= 1
    return (lo, hi) if lo < hi else None


def score(
    docs: list[dict[str, Any]], system: Callable[[str, date], list[Pred]]
) -> dict[str, float]:
    """Score one system on every document, as the harness scores us."""
    n_gold = n_pred = pred_ok = det = right = lenient = 0
    t0 = time.perf_counter()
    for d in docs:
        preds = system(d["text"], d["dct"])
        n_pred += len(preds)
        n_gold += len(d["gold"])
        pred_ok += sum(
            any(g["start"] < e and g["end"] > s for g in d["gold"]) for s, e, _, _ in preds
        )
        for g in d["gold"]:
            over = [
                (min(e, g["end"]) - max(s, g["start"]), k)
                for k, (s, e, _, _) in enumerate(preds)
                if s < g["end"] and e > g["start"]
            ]
            if not over:
                continue
            det += 1
            _, _, value, interval = preds[max(over)[1]]
            gi = value_interval(g.get("value", "")) if g["type"] == "DATE" else None
            ok = value == g.get("value") or (gi is not None and interval == gi)
            right += ok
            lenient += ok or (
                gi is not None
                and interval is not None
                and gi[0] <= interval[0]
                and interval[1] <= gi[1]
            )
    secs = time.perf_counter() - t0
    vp, vr = (right / n_pred if n_pred else 0.0), right / n_gold
    return {
        "recall": det / n_gold,
        "precision": pred_ok / n_pred if n_pred else 0.0,
        "value_acc": right / det if det else 0.0,
        "value_f1": 2 * vp * vr / (vp + vr) if vp + vr else 0.0,
        "lenient_acc": lenient / det if det else 0.0,
        "chars_per_s": sum(len(d["text"]) for d in docs) / secs,
    }


def main() -> None:
    """Print one line per system."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="score only the first N documents")
    parser.add_argument("--split", choices=["TimeBank", "AQUAINT"], help="score one corpus")
    args = parser.parse_args()
    docs = load(args.split)[: args.limit]
    systems: dict[str, Callable[[str, date], list[Pred]]] = {
        "reconcile.timex": ours,
        "dateparser.search_dates": with_dateparser,
        "dateutil fuzzy parse": with_dateutil,
    }
    n = sum(len(d["gold"]) for d in docs)
    print(f"timeml-dev {args.split or 'all'}: {len(docs)} documents, {n} gold TIMEX3")
    for name, system in systems.items():
        try:
            r = score(docs, system)
        except ImportError as err:
            print(f"{name:24s} not installed ({err.name}): pip install it to compare")
            continue
        print(
            f"{name:24s} detect recall {r['recall']:6.1%} precision {r['precision']:6.1%}  "
            f"value acc {r['value_acc']:6.1%} (lenient {r['lenient_acc']:6.1%})  "
            f"value F1 {100 * r['value_f1']:5.1f}  {r['chars_per_s']:>10,.0f} chars/s"
        )


if __name__ == "__main__":
    main()
