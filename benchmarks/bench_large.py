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

With ``--part claims`` it measures a whole run (``reconcile.compare``) on five
sources built from real ECB+ sentences at several sizes (1 k, 10 k, 100 k claims
by default): the wall and CPU seconds, the peak memory per claim beyond the
text, the growth exponent of the time between sizes (1.0 is linear), and, in the
same run, two ratios: against scoring every cross-source pair of the same claims
with rapidfuzz ``token_set_ratio`` (measured up to 10 k claims, extrapolated from
its measured rate beyond), and, with ``--against REV``, against the run of a
previous git revision on the same input. Each size runs in a fresh process.
With ``--part memory`` it runs the stages of one such story in this process
under tracemalloc and prints what each holds per claim, and its peak.

Run on demand, not in CI (minutes, not seconds)::

    python benchmarks/bench_large.py                 # 10 MB and 1 MB, as in docs/calibration.md
    python benchmarks/bench_large.py --quick         # 1 MB and 100 kB
    python benchmarks/bench_large.py --part nopunct  # one article per process: cleanest
    python benchmarks/bench_large.py --part claims --against HEAD~5   # whole runs by claims
    python benchmarks/bench_large.py --part memory --claims 2000      # memory per claim, by stage
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
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


# ---------------------------------------------------------------------------
# Whole runs by number of claims


def ecb_sentences(data: Path) -> list[str]:
    """Return the ECB+ sentences (one per line in the corpus) of five words or more."""
    found = []
    for path in sorted(data.glob("*/*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if len(line.split()) >= 5 and line[-1:] in ".!?\"'”":
                found.append(line)
    if not found:
        msg = f"No ECB+ sentences under {data}; pass --data DIR (the ecbplus-dev folder)."
        raise SystemExit(msg)
    return found


def story_sources(sentences: Sequence[str], claims: int, *, n_sources: int = 5) -> list[str]:
    """Return ``n_sources`` texts of about ``claims`` sentences in all, four to a paragraph.

    Each source draws the sentences in its own shuffled order, so the sources share
    some sentences, as reports of one story do. Past the corpus's size, each further
    pass joins the first half of one sentence to the second half of another, so
    that no sentence repeats: a repeated one would align with all its copies.
    """
    import random

    per_source = claims // n_sources
    texts = []
    for s in range(n_sources):
        rng = random.Random(s)
        picked: list[str] = []
        rounds = 0
        while len(picked) < per_source:
            order = list(range(len(sentences)))
            rng.shuffle(order)
            for i in order[: per_source - len(picked)]:
                if rounds == 0:
                    picked.append(sentences[i])
                else:
                    head = sentences[i].split()
                    tail = sentences[(i * 7 + rounds * 13) % len(sentences)].split()
                    picked.append(" ".join(head[: len(head) // 2] + tail[len(tail) // 2 :]))
            rounds += 1
        paragraphs = [" ".join(picked[k : k + 4]) for k in range(0, len(picked), 4)]
        texts.append("\n\n".join(paragraphs) + "\n")
    return texts


def one_run(data: Path, claims: int) -> dict[str, float]:
    """Run ``reconcile.compare`` once on a story of ``claims`` claims; return its figures."""
    import resource

    texts = story_sources(ecb_sentences(data), claims)
    sources = [reconcile.Source(t, name=f"source{k}.txt") for k, t in enumerate(texts)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    cpu = time.process_time()
    start = time.perf_counter()
    report = reconcile.compare(sources)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "claims": sum(len(d.claims) for d in report.documents),
        "chars": sum(len(t) for t in texts),
        "wall": wall,
        "cpu": cpu + children.ru_utime + children.ru_stime,
        "memory": max(0, peak - before),
        "worker_memory": children.ru_maxrss * 1024,
    }


def all_pairs_seconds(data: Path, claims: int, *, limit: int = 12_000) -> tuple[float, bool]:
    """Return the seconds rapidfuzz takes to score every cross-source pair, and if measured.

    The claims are the sentences of :func:`story_sources`, scored with
    ``process.cdist(..., scorer=fuzz.token_set_ratio, workers=-1)`` per pair of
    sources. Above ``limit`` claims the time is extrapolated from the rate measured
    on a sample of 2,000 claims per source pair (``False`` says so).
    """
    from rapidfuzz import fuzz, process

    texts = story_sources(ecb_sentences(data), claims)
    split = [[s for p in t.split("\n\n") for s in _sentences_of(p)] for t in texts]
    measured = claims <= limit
    total_pairs = sum(len(a) * len(b) for i, a in enumerate(split) for b in split[i + 1 :])
    scored = 0
    start = time.perf_counter()
    for i, a in enumerate(split):
        for b in split[i + 1 :]:
            left, right = (a, b) if measured else (a[:2000], b[:2000])
            process.cdist(left, right, scorer=fuzz.token_set_ratio, workers=-1)
            scored += len(left) * len(right)
    seconds = time.perf_counter() - start
    return seconds * total_pairs / max(scored, 1), measured


def _sentences_of(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"'”])\s+", paragraph.strip()) if s]


def run_elsewhere(claims: int, data: Path, *, revision: str | None) -> dict[str, float]:
    """Run :func:`one_run` in a fresh process, on this checkout or on a git ``revision``."""
    import json
    import os
    import subprocess
    import tempfile

    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if revision is not None:
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", revision, "reconcile"],
                check=True,
                capture_output=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            env["PYTHONPATH"] = tmp
        out = subprocess.run(
            [sys.executable, __file__, "--one-run", str(claims), "--data", str(data)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
        ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def measure_claims(
    data: Path, sizes: Sequence[int], *, against: str | None, against_up_to: int = 10_000
) -> None:
    """Print whole-run figures per size, the growth exponents, and the ratios."""
    import math

    print("\n## Whole runs: five sources of real ECB+ sentences")
    head = f"{'claims':>8} {'chars':>11} {'wall s':>8} {'cpu s':>8} {'B/claim':>8}"
    head += f" {'all-pairs s':>12} {'ratio':>7}"
    if against:
        head += f" {against + ' s':>12} {'speed-up':>9}"
    print(head)
    rows = []
    for size in sizes:
        run = run_elsewhere(size, data, revision=None)
        pairs_s, measured = all_pairs_seconds(data, size)
        line = (
            f"{run['claims']:>8,.0f} {run['chars']:>11,.0f} {run['wall']:>8.2f} {run['cpu']:>8.2f}"
            f" {(run['memory'] - run['chars']) / run['claims']:>8,.0f}"
            f" {pairs_s:>11.1f}{'' if measured else '*'} {run['wall'] / pairs_s:>7.1%}"
        )
        if against and size <= against_up_to:
            old = run_elsewhere(size, data, revision=against)
            line += f" {old['wall']:>12.2f} {old['wall'] / run['wall']:>8.1f}x"
        print(line, flush=True)
        rows.append(run)
    for a, b in itertools.pairwise(rows):
        exponent = math.log(b["wall"] / a["wall"]) / math.log(b["claims"] / a["claims"])
        print(f"growth exponent {a['claims']:,.0f} -> {b['claims']:,.0f} claims: {exponent:.2f}")
    print("* extrapolated from the rate on 2,000 claims per pair of sources")


def measure_memory(data: Path, claims: int, *, top: int = 8) -> None:
    """Print what a run holds per claim at each stage and at its peak, by tracemalloc.

    The stages of :func:`reconcile.compare` run one after the other in this process
    (parsing too), with the garbage collector paused as ``compare`` pauses it. The
    text of the sources is allocated before tracing starts, so every figure is
    beyond the text. A small run first loads what every run shares (the lexicon,
    the meaning vectors, the morphology tables).
    """
    import gc

    from reconcile._semantic import default_encoder
    from reconcile.align import align_documents
    from reconcile.checks import reconcile_alignments
    from reconcile.pipeline import parse_sources

    texts = story_sources(ecb_sentences(data), claims)
    sources = [reconcile.Source(t, name=f"source{k}.txt") for k, t in enumerate(texts)]
    encoder = default_encoder()
    warm = ("Ten people died on Monday, police said.", "Police said 12 people died.")
    reconcile.compare([reconcile.Source(t, name=f"w{k}") for k, t in enumerate(warm)])
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        documents = parse_sources(sources, workers=1)
        n = sum(len(d.claims) for d in documents)
        rows = [("parse", *tracemalloc.get_traced_memory())]
        held = tracemalloc.take_snapshot()
        tracemalloc.reset_peak()
        alignments = align_documents(documents, workers=1, encoder=encoder)
        rows.append(("align", *tracemalloc.get_traced_memory()))
        tracemalloc.reset_peak()
        reconcile_alignments(documents, alignments)
        rows.append(("check", *tracemalloc.get_traced_memory()))
    finally:
        tracemalloc.stop()
        gc.enable()
    print(f"\n## Memory of one run: {n:,} claims, {sum(map(len, texts)):,} characters")
    print(f"{'stage':>6} {'held after, B/claim':>20} {'peak during, B/claim':>21}")
    for stage, current, peak in rows:
        print(f"{stage:>6} {current / n:>20,.0f} {peak / n:>21,.0f}")
    print(f"held after the parse, the {top} largest sites:")
    for stat in held.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        print(f"  {stat.size / n:>8,.0f} B/claim {stat.count / n:>6.1f} objects/claim  {where}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ECB+ folder")
    parser.add_argument("--quick", action="store_true", help="1 MB and 100 kB: a smoke run")
    parser.add_argument(
        "--part",
        choices=("long", "nopunct", "both", "claims", "memory"),
        default="both",
        help="which article to measure; one per process gives the cleanest figures",
    )
    parser.add_argument(
        "--regex", action="store_true", help="also scan every pattern (a few minutes more)"
    )
    parser.add_argument(
        "--claims",
        default="1000,10000,100000",
        help="with --part claims: the sizes of the runs, in claims (--part memory: the first)",
    )
    parser.add_argument(
        "--against", metavar="REV", help="with --part claims: also run git revision REV"
    )
    parser.add_argument("--one-run", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_run is not None:
        import json

        print(json.dumps(one_run(args.data, args.one_run)))
        return 0
    if args.part == "memory":
        measure_memory(args.data, int(args.claims.split(",")[0]))
        return 0
    if args.part == "claims":
        sizes = [int(x) for x in args.claims.split(",")]
        measure_claims(args.data, sizes, against=args.against)
        return 0
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
