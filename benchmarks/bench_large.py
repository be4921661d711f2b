"""Parse time and peak memory on large inputs: linear in size, no blow-up.

Two articles are built at run time from real text, the ECB+ articles under
``shared/data/ecbplus-dev`` (the seeds when that folder is missing); no ECB+ text
is stored in this repository:

- a long article: every ECB+ article, one paragraph each, repeated to the size;
- an article without punctuation: the same text with every character that is
  not a letter, a digit or a space removed, so it is one sentence.

Each is parsed (layout, sentences, claims with their features) at several sizes;
the script prints the time and the time per megabyte at each size, the ratio of
the largest to the smallest time per megabyte (1.0 is linear; quadratic work
would grow it with the size ratio), and the peak memory tracemalloc sees while
parsing the largest one. Then it runs every regular expression of the package
over adversarial strings at two sizes and lists those whose time grows faster
than linearly (with ``--regex``).

Run on demand, not in CI (minutes, not seconds)::

    python benchmarks/bench_large.py                 # 10 MB and 1 MB, as in docs/calibration.md
    python benchmarks/bench_large.py --quick         # 1 MB and 100 kB
    python benchmarks/bench_large.py --part nopunct  # one article per process: cleanest
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("reconcile") is None:  # run from a checkout, not installed
    sys.path.insert(0, str(ROOT))

import reconcile  # noqa: E402
from reconcile.pipeline import parse_source  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"
MB = 1_000_000
# Strings that drive backtracking regexes: runs of one kind of character or word.
ADVERSARIAL_UNITS = (
    " ",
    "a",
    "Aaa ",
    "1",
    "1,",
    "1.",
    '"',
    "“",
    "'",
    ".",
    ". ",
    "A. ",
    "-",
    "<",
    "\n",
    "Mr. ",
    "Aaa, ",
    "Aaa Bbb said ",
    "on Monday ",
    "1 January ",
    "— ",
    "| ",
)


def real_text(data: Path) -> str:
    """Return the real articles, one paragraph each, separated by blank lines."""
    paths = sorted(data.glob("*/*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    paragraphs = []
    for path in paths:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        paragraphs.append(" ".join(line for line in lines if line))
    return "\n\n".join(p for p in paragraphs if p) + "\n\n"


def sized(text: str, size: int) -> str:
    """Return ``text`` repeated and cut to ``size`` characters, ending at a space."""
    out = (text * (size // len(text) + 1))[:size]
    return out[: out.rfind(" ")] if " " in out[-200:] else out


def without_punctuation(text: str) -> str:
    """Return ``text`` with only letters, digits and single spaces left: one sentence."""
    return " ".join(re.sub(r"[^\w\s]|_", "", text).split())


def parse_time(text: str) -> tuple[float, int]:
    """Return the seconds one parse takes and the number of claims it finds."""
    src = reconcile.Source(text, name="large.txt")
    start = time.perf_counter()
    doc = parse_source(src)
    return time.perf_counter() - start, len(doc.claims)


def peak_memory(text: str) -> int:
    """Return the peak bytes tracemalloc sees allocated while parsing ``text``."""
    src = reconcile.Source(text, name="large.txt")
    tracemalloc.start()
    try:
        parse_source(src)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(label: str, text: str, sizes: Sequence[int]) -> None:
    """Print parse time per size, the spread of time per MB, and peak memory."""
    print(f"\n## {label}")
    print(f"{'size':>12} {'claims':>8} {'seconds':>9} {'s/MB':>7}")
    per_mb = []
    for size in sizes:
        sample = sized(text, size)
        seconds, claims = parse_time(sample)
        per_mb.append(seconds / (len(sample) / MB))
        print(f"{len(sample):>12,} {claims:>8,} {seconds:>9.2f} {per_mb[-1]:>7.2f}")
    print(f"time per MB, largest / smallest size: {per_mb[-1] / per_mb[0]:.2f}")
    largest = sized(text, sizes[-1])
    peak = peak_memory(largest)
    print(
        f"peak memory parsing {len(largest):,} characters: {peak / MB:,.0f} MB "
        f"({peak / len(largest):.0f} bytes per character)"
    )


def pattern_ratios(n: int, limit: float) -> list[tuple[float, str, str]]:
    """Return ``(ratio, unit, pattern)`` for patterns slower than linear over 4x the input.

    Each package pattern scans (``finditer``) a run of one adversarial unit of
    ``n`` and of ``4 * n`` characters; linear work gives a time ratio near 4.
    A scan over a whole run is harsher than the parser's use of most patterns
    (many only ``match`` at one position), so a hit here is a pattern to read,
    not necessarily a slow parse: the parse timings above are the verdict.
    """
    import gc

    patterns = {
        id(p): p
        for p in gc.get_objects()
        if isinstance(p, re.Pattern) and isinstance(p.pattern, str) and _is_ours(p)
    }
    found = []
    for p in patterns.values():
        for unit in ADVERSARIAL_UNITS:
            small = (unit * (n // len(unit) + 1))[:n]
            big = (unit * (4 * n // len(unit) + 1))[: 4 * n]
            t_small = _best_time(p, small)
            if t_small < 1e-4:  # too fast to time reliably
                continue
            ratio = _best_time(p, big) / t_small
            if ratio > limit:
                found.append((ratio, unit, p.pattern))
    return sorted(found, reverse=True)


_OURS: set[int] = set()


def _is_ours(p: re.Pattern[str]) -> bool:
    return id(p) in _OURS


def _collect_ours() -> None:
    """Record the patterns reachable from reconcile's modules (globals, tuples, caches)."""
    for mod in [m for name, m in sys.modules.items() if name.startswith("reconcile")]:
        stack: list[object] = list(vars(mod).values())
        seen: set[int] = set()
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if isinstance(obj, re.Pattern):
                _OURS.add(id(obj))
            elif isinstance(obj, (tuple, list, frozenset, set)):
                stack.extend(obj)
            elif isinstance(obj, dict):
                stack.extend(obj.values())
            elif hasattr(obj, "__slots__") and type(obj).__module__.startswith("reconcile"):
                stack.extend(getattr(obj, s, None) for s in type(obj).__slots__)


def _best_time(p: re.Pattern[str], s: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _m in p.finditer(s):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ECB+ folder")
    parser.add_argument("--quick", action="store_true", help="1 MB and 100 kB: a smoke run")
    parser.add_argument(
        "--part",
        choices=("long", "nopunct", "both"),
        default="both",
        help="which article to measure; one per process gives the cleanest figures",
    )
    parser.add_argument(
        "--regex", action="store_true", help="also scan every pattern (a few minutes more)"
    )
    args = parser.parse_args(argv)
    text = real_text(args.data)
    scale = 10 if args.quick else 1
    origin = args.data if args.data.exists() else "seeds"
    print(f"real text: {len(text):,} characters from {origin}")
    if args.part in ("long", "both"):
        measure(
            "Long article (real text)",
            text,
            [size // scale for size in (1 * MB, 2 * MB, 5 * MB, 10 * MB)],
        )
    if args.part in ("nopunct", "both"):
        measure(
            "Article without punctuation (one sentence)",
            without_punctuation(text),
            [size // scale for size in (MB // 8, MB // 4, MB // 2, MB)],
        )
    if args.regex:
        # Parse once so that patterns built lazily from the lexicon exist.
        parse_source(reconcile.Source(sized(text, 20_000), name="warm.txt"))
        _collect_ours()
        print(f"\n## Regular expressions ({len(_OURS)} reachable from reconcile's modules)")
        hits = pattern_ratios(2_000, limit=8.0)
        print("patterns whose finditer time grows > 8x for 4x the input (linear: ~4x):")
        for ratio, unit, pattern in hits:
            print(f"  {ratio:5.1f}x on runs of {unit!r}: {pattern[:90]!r}")
        if not hits:
            print("  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
