"""Measure the sentence splitter against pySBD and Bling Fire on real news.

The corpus is built at run time from the ECB+ articles under
``shared/data/ecbplus-dev`` (one sentence per line there): each article's lines
are joined with single spaces into one paragraph, so a splitter has to find the
boundaries itself, and the line starts are the gold boundaries. No ECB+ text is
stored in this repository.

Run ``python benchmarks/bench_sentences.py`` (``--help`` for options). It prints
the speed of each splitter in characters per second, the share of gold
boundaries each one finds (recall) and the share of its boundaries that are gold
(precision), then how long ours takes on adversarial input.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("reconcile") is None:  # run from a checkout, not installed
    sys.path.insert(0, str(ROOT))

from reconcile.parse.sentences import split_sentences  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"


def load_corpus(data: Path) -> list[tuple[str, set[int]]]:
    """Return each article as one paragraph, with the offsets where its gold lines start."""
    articles = []
    for path in sorted(data.glob("*/*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            continue
        starts, pos = set(), 0
        for line in lines:
            starts.add(pos)
            pos += len(line) + 1
        starts.discard(0)
        articles.append((" ".join(lines), starts))
    return articles


def ours(text: str) -> list[int]:
    return [span.start for span in split_sentences(text)]


def make_pysbd() -> Callable[[str], list[int]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)

    def run(text: str) -> list[int]:
        return _starts_by_search(text, segmenter.segment(text))

    return run


def make_blingfire() -> Callable[[str], list[int]] | None:
    try:
        import blingfire
    except ImportError:  # blingfire needs numpy too
        return None

    def run(text: str) -> list[int]:
        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [start for start, _ in offsets]

    return run


def _starts_by_search(text: str, sentences: Sequence[str]) -> list[int]:
    """Return where each sentence starts, finding them in order in ``text``."""
    starts, pos = [], 0
    for sentence in sentences:
        stripped = sentence.strip()
        if not stripped:
            continue
        found = text.find(stripped, pos)
        if found < 0:
            continue
        starts.append(found)
        pos = found + len(stripped)
    return starts


def measure(
    split: Callable[[str], list[int]], articles: list[tuple[str, set[int]]], repeat: int
) -> tuple[float, float, float]:
    """Return (chars per second, recall, precision) of a splitter over the articles."""
    n_chars = sum(len(text) for text, _ in articles)
    best = float("inf")
    found = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = [split(text) for text, _ in articles]
        best = min(best, time.perf_counter() - t0)
    hits = n_gold = n_found = 0
    for (text, gold), starts in zip(articles, found, strict=True):
        mine = {_skip_space(text, s) for s in starts} - {0}
        hits += len(mine & gold)
        n_gold += len(gold)
        n_found += len(mine)
    return n_chars / best, hits / n_gold, hits / n_found if n_found else 0.0


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def adversarial() -> list[tuple[str, int, float, float]]:
    """Time ours on 1 MB and 2 MB strings built to break a naive splitter.

    Returns (case, sentences in 1 MB, seconds for 1 MB, seconds for 2 MB): linear
    time shows as the 2 MB time being about twice the 1 MB time. The first two
    cases are the bar (well under a second); in the last two every token ends
    in a period that must be decided (about 200,000 candidates per MB), which
    costs a few microseconds each.
    """
    patterns = {
        "no punctuation": "lorem ipsum dolor sit amet ",
        "dots and spaces": ". ",
        "dots only": ".",
        "no whitespace": "x",
        "dot runs": ".. ... . .... ",
        "abbreviations": "U.S. Gen. Co. e.g. ",
        "one per line": "a.\n",
    }
    out = []
    for name, unit in patterns.items():
        seconds = []
        count = 0
        for size in (1_000_000, 2_000_000):
            text = (unit * (size // len(unit) + 1))[:size]
            t0 = time.perf_counter()
            spans = split_sentences(text)
            seconds.append(time.perf_counter() - t0)
            count = count or len(spans)
        out.append((name, count, seconds[0], seconds[1]))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ecbplus-dev folder")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (best is kept)")
    parser.add_argument("--no-pysbd", action="store_true", help="skip pySBD (~40 s)")
    args = parser.parse_args(argv)

    articles = load_corpus(args.data)
    if not articles:
        print(f"No articles under {args.data}; pass --data PATH/TO/ecbplus-dev.")
        return 2
    n_chars = sum(len(text) for text, _ in articles)
    n_gold = sum(len(gold) for _, gold in articles)
    print(f"ECB+ corpus: {len(articles)} articles, {n_chars:,} chars, {n_gold:,} gold boundaries")
    print("(each article's lines joined with spaces; a line start is a gold boundary)\n")

    splitters: list[tuple[str, Callable[[str], list[int]] | None, int]] = [
        ("reconcile", ours, args.repeat),
        ("pysbd", None if args.no_pysbd else make_pysbd(), 1),
        ("blingfire", make_blingfire(), args.repeat),
    ]
    print(f"{'splitter':<12}{'chars/s':>14}{'recall':>9}{'precision':>11}")
    for name, split, repeat in splitters:
        if split is None:
            print(f"{name:<12}{'(not run)':>14}")
            continue
        speed, recall, precision = measure(split, articles, repeat)
        print(f"{name:<12}{speed:>14,.0f}{recall:>9.3f}{precision:>11.3f}")

    print("\nreconcile on adversarial strings (linear time: 2 MB takes about twice 1 MB):")
    print(f"  {'string':<18}{'sentences':>13}{'1 MB':>9}{'2 MB':>9}")
    for name, count, one, two in adversarial():
        print(f"  {name:<18}{count:>13,}{one:>8.3f}s{two:>8.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
