"""Parse every ECB+ dev article; report coverage, segment kinds, claim lengths, speed.

Run: ``python benchmarks/coverage_ecbplus.py``. Every non-space character must be in a
claim or a typed segment, and no claim should be longer than 600 characters.
"""

from __future__ import annotations

import time
from collections import Counter

from ecbplus import ECBPLUS

from reconcile import Source
from reconcile.pipeline import parse_sources


def main() -> None:
    paths = sorted(ECBPLUS.glob("*/*.txt"))
    sources = [Source(p.read_text(encoding="utf-8"), name=p.name) for p in paths]
    chars = sum(len(s.text) for s in sources)
    start = time.perf_counter()
    docs = parse_sources(sources)
    took = time.perf_counter() - start
    uncovered = 0
    whys: Counter[str] = Counter()
    lengths = []
    for doc in docs:
        mask = bytearray(len(doc.source.text))
        for item in (*doc.claims, *doc.segments):
            mask[item.span.start : item.span.end] = b"\x01" * len(item.span)
        uncovered += sum(
            1 for i, ch in enumerate(doc.source.text) if not ch.isspace() and not mask[i]
        )
        whys.update(s.why for s in doc.segments)
        lengths += [len(c.span) for c in doc.claims]
    lengths.sort()
    print(
        f"{len(docs)} articles, {chars} chars parsed in {took:.2f} s ({chars / took:,.0f} chars/s)"
    )
    print(f"non-space characters in neither a claim nor a segment: {uncovered}")
    print(
        f"claims: {len(lengths)}; median length {lengths[len(lengths) // 2]}, "
        f"longest {lengths[-1]}, over 600 chars: {sum(1 for n in lengths if n > 600)}"
    )
    print("segments by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(whys.items())))
    published = Counter(d.published_how.split(" ")[0] for d in docs)
    print("publication dates: " + ", ".join(f"{k} {v}" for k, v in sorted(published.items())))


if __name__ == "__main__":
    main()
