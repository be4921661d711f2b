"""Do two revisions give the same reports? Byte for byte, on real text.

Checks out each revision into a temporary git worktree, runs it (with this
interpreter's installed dependencies, the revision's own ``reconcile`` first on
``sys.path``) on the seed articles, every ECB+ dev article (each against the next
one of its cluster, and the first of each topic's two clusters against each
other) and the MRPC pairs (each pair as two one-sentence sources), and renders
every report in all four formats. It prints how many reports differ, and which::

    $ python benchmarks/compare_revisions.py be2da3e HEAD
    be2da3e: 4,349 reports; HEAD: 4,349 reports
    identical: 4,349 of 4,349

``--mrpc N`` limits the MRPC pairs (all 4,076 by default); ``--keep DIR`` writes
both revisions' JSON reports of the cases that differ, as ``DIR/old`` and
``DIR/new``, for ``diff -r``. A
revision may also be ``.``: the working tree as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs inside the revision: reads the cases from stdin, prints one JSON line per case.
_RUNNER = r"""
import hashlib, json, sys
import reconcile

for line in sys.stdin:
    case = json.loads(line)
    sources = [reconcile.Source(text, name=name) for name, text in case["sources"]]
    report = reconcile.compare(sources)
    parts = [report.to_json(), report.to_text(), report.to_markdown(), report.to_html()]
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()
    print(json.dumps({"case": case["name"], "sha": digest, "json": report.to_json()}), flush=True)
"""


def _cases(mrpc_limit: int | None) -> list[dict[str, object]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ecbplus import mrpc_pairs, topics

    cases: list[dict[str, object]] = []
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    cases.append(
        {"name": "seeds", "sources": [(p.name, p.read_text(encoding="utf-8")) for p in seeds]}
    )
    for topic, ecb, plus in topics():
        for cluster in (ecb, plus):
            for a, b in zip(cluster, cluster[1:] + cluster[:1], strict=True):
                if a is not b:
                    cases.append(
                        {
                            "name": f"ecb/{a.doc_id}+{b.doc_id}",
                            "sources": [(a.doc_id, a.text), (b.doc_id, b.text)],
                        }
                    )
        cases.append(
            {
                "name": f"ecb-cross/{topic}",
                "sources": [(ecb[0].doc_id, ecb[0].text), (plus[0].doc_id, plus[0].text)],
            }
        )
    for k, (_, s1, s2) in enumerate(mrpc_pairs()[:mrpc_limit]):
        cases.append({"name": f"mrpc/{k}", "sources": [("a", s1), ("b", s2)]})
    return cases


def _run(rev: str, cases: list[dict[str, object]]) -> dict[str, tuple[str, str]]:
    """Return ``case -> (digest, json)`` for one revision."""
    with tempfile.TemporaryDirectory() as tmp:
        if rev == ".":
            tree = ROOT
        else:
            tree = Path(tmp) / "tree"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev],
                check=True,
            )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            stdin = "".join(json.dumps(c) + "\n" for c in cases)
            run = subprocess.run(
                [sys.executable, "-c", _RUNNER],
                input=stdin,
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            if run.returncode:
                raise SystemExit(f"{rev}: the run failed:\n{run.stderr[-3000:]}")
            out = run.stdout
        finally:
            if rev != ".":
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    check=True,
                )
    rows = (json.loads(line) for line in out.splitlines())
    return {r["case"]: (r["sha"], r["json"]) for r in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="a git revision, or '.' for the working tree")
    parser.add_argument("new", help="a git revision, or '.' for the working tree")
    parser.add_argument("--mrpc", type=int, default=None, help="at most this many MRPC pairs")
    parser.add_argument("--keep", type=Path, help="write the differing JSON reports here")
    args = parser.parse_args()

    cases = _cases(args.mrpc)
    old, new = _run(args.old, cases), _run(args.new, cases)
    print(f"{args.old}: {len(old):,} reports; {args.new}: {len(new):,} reports")
    differ = sorted(name for name in old if old[name][0] != new.get(name, ("",))[0])
    print(f"identical: {len(old) - len(differ):,} of {len(old):,}")
    for name in differ:
        print(f"  differs: {name}")
        if args.keep:
            for side, result in (("old", old), ("new", new)):
                path = args.keep / side / f"{name}.json"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(result[name][1], encoding="utf-8")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
