"""Every regular expression of reconcile is free of catastrophic backtracking (issue 8).

Python's ``re`` backtracks, so a pattern takes exponential time on some input when
it nests unbounded quantifiers whose bodies can match the same text in more than
one way (``(a+)+``, ``(\\w+\\s?)*``), or repeats an alternation whose branches
overlap (``(a|ab)*``). These tests read the structure of every pattern reconcile
compiles, counting those shapes, rather than timing anything: timings live in
``benchmarks/bench_large.py``, which also measures each pattern on adversarial
runs at two sizes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest
from support import SENTENCES

import reconcile
from reconcile import _text, sources
from reconcile.parse import sentences as _sentences

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: record every pattern compiled from reconcile's own
# code (module constants, patterns built from the lexicon, inline re.search calls)
# while the pipeline reads the seeds, an HTML page and renders every report format.
_SPY = r"""
import json, re, sys
from pathlib import Path
root = Path(sys.argv[1])
package, re_dir = str(root / "reconcile"), str(Path(re.__file__).parent)
found = {}
compile_ = re._compile
def spy(pattern, flags):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(re_dir):
        frame = frame.f_back
    if frame is not None and frame.f_code.co_filename.startswith(package):
        if isinstance(pattern, str):
            where = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"
            found.setdefault((pattern, int(flags)), where)
    return compile_(pattern, flags)
re._compile = spy
import warnings
warnings.simplefilter("ignore")
import reconcile
sources = [reconcile.Source.from_file(p) for p in sorted((root / "seeds").glob("*.txt"))]
report = reconcile.compare(sources)
report.to_html(); report.to_markdown(); report.to_text(); report.to_json()
for src in sources:
    reconcile.check(src)
page = (
    "<!DOCTYPE html><html><head><title>Dam breaks</title></head><body><article>"
    "<h1>Dam breaks</h1><p>By Jane Doe</p><p>“Ten people died,” the governor said on "
    "Monday.</p><figure><figcaption>The dam. Photo: AP</figcaption></figure></article></body>"
    "</html>"
)
reconcile.parse_source(reconcile.Source.from_bytes(page.encode(), name="a.html"))
reconcile.Source.from_bytes("The cafÃ© owner said â€œyesâ€\x9d.".encode(), name="b.txt")
reconcile.Source.from_bytes("“Ten people died,” police said.".encode("cp1252"), name="c.txt")
print(json.dumps([[p, f, w] for (p, f), w in sorted(found.items())]))
"""

#: Patterns with nested unbounded quantifiers, each read and found unambiguous:
#: every pass of the outer repeat must start with a character the inner repeat
#: cannot match, so the text splits into passes in one way only.
REVIEWED_NESTED = {
    _text._WORD.pattern: (
        "a word: each pass starts with a joiner (- ' ’ .), which [^\\W_] never matches"
    ),
    _sentences._CANDIDATE.pattern: (
        "sentence end: each pass is spaces then dots, disjoint classes, so a pass "
        "starts where the dots before it end; the closers are possessive"
    ),
    sources._HTML_START.pattern: (
        "HTML start: each pass starts with '<!--', which \\s cannot match; the "
        "comment body is bounded; anchored at \\A, so tried once"
    ),
}


@cache
def reconcile_patterns() -> tuple[tuple[str, int, str], ...]:
    """Return ``(pattern, flags, where compiled)`` for every pattern reconcile compiles."""
    out = subprocess.run(
        [sys.executable, "-c", _SPY, str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    return tuple((p, f, w) for p, f, w in json.loads(out))


def _unbounded(op: Any, av: Any) -> bool:
    return op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] == sre.MAXREPEAT


def _children(op: Any, av: Any) -> list[Any]:
    """Return the sub-pattern lists of one parsed node (lookarounds included)."""
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return [av[2]]
    if op == sre.SUBPATTERN:
        return [av[-1]]
    if op == sre.BRANCH:
        return list(av[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    if op == sre.ATOMIC_GROUP:
        return [av]
    if op == sre.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def star_height(items: Any) -> int:
    """Return how deeply unbounded backtracking repeats nest in a parsed pattern.

    Possessive repeats do not backtrack, so they do not count.

    Examples:
        >>> star_height(sre_parse.parse(r"a+b*")), star_height(sre_parse.parse(r"(?:a+b)*"))
        (1, 2)
        >>> star_height(sre_parse.parse(r"(?:a{1,3}b)*")), star_height(sre_parse.parse(r"a*+b"))
        (1, 0)
    """
    best = 0
    for op, av in items:
        inner = max((star_height(c) for c in _children(op, av)), default=0)
        best = max(best, inner + (1 if _unbounded(op, av) else 0))
    return best


def repeated_alternations(items: Any, *, under: bool = False) -> int:
    """Count alternations that an unbounded repeat applies again and again.

    Lookarounds are zero-width and tried once per position, so branches inside
    them do not count.

    Examples:
        >>> repeated_alternations(sre_parse.parse(r"(?:a|ab)*c"))
        1
        >>> repeated_alternations(sre_parse.parse(r"(?:a|b)c+(?=x|\\Z)"))
        0
    """
    count = 0
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue
        # A branch of one-character literals compiles to a set ([ab]): no backtracking.
        if op == sre.BRANCH and under and not _single_characters(av[1]):
            count += 1
        for child in _children(op, av):
            count += repeated_alternations(child, under=under or _unbounded(op, av))
    return count


def _single_characters(branches: Any) -> bool:
    return all(len(b) == 1 and b[0][0] in (sre.LITERAL, sre.IN) for b in branches)


def test_the_patterns_are_found() -> None:
    """The collector sees reconcile's patterns: from every stage, built and inline."""
    patterns = reconcile_patterns()
    modules = {where.split(":")[0] for _, _, where in patterns}
    assert len(patterns) > 100
    assert {"_text.py", "sentences.py", "layout.py", "quantities.py", "sources.py"} <= modules


def test_nested_quantifiers_are_only_the_reviewed_ones() -> None:
    """No pattern nests unbounded quantifiers (the shape of catastrophic backtracking)
    unless it is listed in REVIEWED_NESTED with the reason it cannot backtrack."""
    nested = {
        pattern: where
        for pattern, flags, where in reconcile_patterns()
        if star_height(sre_parse.parse(pattern, flags)) >= 2
    }
    assert sorted(set(nested) - set(REVIEWED_NESTED)) == []


def test_reviewed_patterns_are_still_used() -> None:
    """Every reviewed pattern is still compiled by reconcile (drop the stale ones)."""
    used = {pattern for pattern, _, _ in reconcile_patterns()}
    assert sorted(set(REVIEWED_NESTED) - used) == []


def test_no_repeated_alternation() -> None:
    """No unbounded repeat applies an alternation of several-character branches, where
    overlapping branches (``(a|ab)*``) split a text in exponentially many ways."""
    found = [
        (where, pattern[:80])
        for pattern, flags, where in reconcile_patterns()
        if repeated_alternations(sre_parse.parse(pattern, flags))
    ]
    assert found == []


_ADVERSARIAL = (" ", "a", "Aaa ", "1", "1,", '"', "“", "'", ". ", "A. ", "-", "<", "\n")


@pytest.mark.parametrize("unit", _ADVERSARIAL)
def test_adversarial_runs_parse_whole(unit: str) -> None:
    """A sentence stuffed with a long run of one unit parses, and nothing is lost."""
    text = f"{SENTENCES[0]} {unit * (4000 // len(unit))} {SENTENCES[1]}"
    doc = reconcile.parse_source(reconcile.Source(text, name="a.txt"))
    assert doc.claims[0].text.startswith("The storm made landfall")
    mask = bytearray(len(text))
    for item in (*doc.claims, *doc.segments):
        mask[item.span.start : item.span.end] = b"\x01" * len(item.span)
    assert [i for i, ch in enumerate(text) if not ch.isspace() and not mask[i]] == []
