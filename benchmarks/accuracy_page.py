"""Write the figures of docs/accuracy.md from a harness run, so the page never drifts from it.

    $ nice -n 10 python3 ../shared/eval/harness.py --python .venv/bin/python --json dev.json
    $ python benchmarks/accuracy_page.py dev.json --date 2026-12-04

keeps the run as ``docs/measurements/harness-dev.json`` (with its date, commit and command)
and rewrites the note that quotes it and every table of the page; the prose stays as written.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "accuracy.md"
KEPT = ROOT / "docs" / "measurements" / "harness-dev.json"
COMMAND = "nice -n 10 python3 ../shared/eval/harness.py --python .venv/bin/python --json dev.json"


def _pct(x: float) -> str:
    return f"{x:.1f}%"


def _tables(m: dict) -> dict[str, str]:
    """Return each table of the page, keyed by the heading it follows."""
    inj = m["injected"]
    rows = [
        "| edit | cases | hit | recall | category-correct | aligned before the edit | "
        "recall among those |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for cat, r in inj["per_category"].items():
        among = 100 * r["hit_al"] / r["n_al"] if r["n_al"] else 0.0
        rows.append(
            f"| {cat} | {r['n']} | {r['hit']} | {_pct(r['recall'])} | "
            f"{_pct(r['category_correct'])} | {r['n_al']} | {_pct(among)} |"
        )
    hits = sum(r["hit"] for r in inj["per_category"].values())
    rows.append(
        f"| **all** | **{inj['n']}** | **{hits}** | **{_pct(inj['recall'])}** | "
        f"**{_pct(inj['category_correct'])}** | **{inj['n_aligned_before']}** | "
        f"**{_pct(inj['recall_aligned_before'])}** |"
    )
    selfs = ["| edit | cases | hit | category-correct |", "| --- | ---: | ---: | ---: |"]
    for cat, (n, hit, ok) in inj["vs_self_copy"].items():
        name = cat.replace("/", ", ")
        selfs.append(
            f"| {name} | {n} | {hit} ({_pct(100 * hit / n)}) | {ok} ({_pct(100 * ok / n)}) |"
        )
    sc, be, pr = m["self_copy"], m["benign_edit"], m["pairs"]
    false = [
        "| suite | what is reconciled | result |",
        "| --- | --- | --- |",
        f"| (i) self copy | each of {sc['docs']} articles against its own copy: every discrepancy "
        f"is false | **{sc['discrepancies']}** discrepancies ({sc['docs_with_any']} of "
        f"{sc['docs']} articles with any) |",
        f"| (ii) benign edit | each of {be['docs']} articles against a copy with its lines "
        'shuffled and "said" turned into "told reporters": every discrepancy is false | '
        f"**{be['discrepancies']}** discrepancies ({be['docs_with_any']} of {be['docs']} "
        "articles with any) |",
        f"| (iii) unedited pairs | {pr['n_pairs']} pairs of real articles of one story | "
        f"{pr['aligned_cross_pairs']:,} aligned cross-source claim pairs, "
        f"{pr['discrepant_cross_pairs']} of them in a discrepancy "
        f"({pr['discrepancy_findings']} findings): "
        f"**{pr['disc_per_aligned_pair']:.3f} discrepancies per aligned pair** |",
    ]
    co, ce = m["coref"], m["cross_event"]
    align = [
        "| metric | what it measures | value |",
        "| --- | --- | ---: |",
        "| coref alignment recall | of the sentence pairs of two articles that share a gold ECB+ "
        f"event, the share some alignment group links | **{_pct(co['recall'])}** of "
        f"{co['n']:,} pairs |",
        "| cross-event share | two articles from each of the two different events of one topic "
        "(two different earthquakes, say) reconciled together: the share of aligned "
        "cross-source pairs that link claims of *different* events (lower is better) | "
        f"**{_pct(ce['share'])}** of {ce['aligned_pairs']} aligned pairs, over "
        f"{ce['topics']} topics |",
    ]
    t = m["timex"]
    detected = round(t["detect_recall"] * t["n"] / 100)
    predicted = t["offsets"]["file"] + t["offsets"]["claim_relative"] + t["offsets"]["searched"]
    right = round(t["value_acc"] * detected / 100)
    timex = [
        "| metric | value |",
        "| --- | ---: |",
        f"| detection recall | **{_pct(t['detect_recall'])}** ({detected:,} of {t['n']:,}) |",
        f"| detection precision | {_pct(t['detect_precision'])} (of {predicted:,} predicted) |",
        f"| value accuracy, on detected | **{_pct(t['value_acc'])}** ({right:,} of {detected:,}) |",
        f"| value F1 | {t['value_f1']:.1f} (HeidelTime, as published: 77.61) |",
    ]
    types = ["| type | gold | detected | value correct |", "| --- | ---: | ---: | ---: |"]
    for name in ("DATE", "DURATION", "TIME", "SET"):
        gold, det, ok = t["per_type"][name]
        types.append(f"| {name} | {gold:,} | {det:,} | {ok:,} |")
    mr = m["mrpc"]
    mrpc = [
        "| metric | value |",
        "| --- | ---: |",
        f"| balanced accuracy | **{_pct(mr['balanced_acc'])}** |",
        f'| "agree" on paraphrases (TPR) | {_pct(mr["tpr"])} |',
        f'| not "agree" on non-paraphrases (TNR) | {_pct(mr["tnr"])} |',
        f"| non-paraphrases aligned and flagged | {_pct(mr['neg_aligned_flagged'])} |",
    ]
    rb = m["robustness"]
    robust = [
        "| metric | value |",
        "| --- | ---: |",
        "| crashes (an exception, a timeout, or a CLI that fails), over every suite | "
        f"**{rb['crashes_total']}** |",
        "| CLI and API give the same answer, in every suite | "
        f"{'yes' if all(v == 'ok' for v in rb['cli'].values()) else 'no'} |",
        f"| claims whose `text` is not `source[start:end]` | {rb['offset_errors']} |",
        f"| library time | **{rb['chars_per_s']:,.0f} characters/s** (harness wall time "
        f"{rb['wall_s']:.1f} s, with workers) |",
    ]
    return {
        "## a. ": "\n".join(rows),
        "**Against a self copy**": "\n".join(selfs),
        "## b. ": "\n".join(false),
        "## c. ": "\n".join(align),
        "## d. ": "\n".join(timex) + "\n\n" + "\n".join(types),
        "## e. ": "\n".join(mrpc),
        "## f. ": "\n".join(robust),
    }


def _replace_tables(page: str, after: str, tables: str) -> str:
    """Replace the run of table lines (and blank lines between tables) after a heading."""
    start = page.index(after)
    m = re.compile(r"(?m)^\|.*\|\n(?:(?:\|.*\|\n)|(?:\n(?=\|)))*").search(page, start)
    assert m, after
    return page[: m.start()] + tables + "\n" + page[m.end() :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, help="the --json output of the harness")
    parser.add_argument("--date", required=True, help="the day of the run, YYYY-MM-DD")
    args = parser.parse_args()
    metrics = json.loads(args.run.read_text(encoding="utf-8"))
    commit = subprocess.check_output(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], text=True
    ).strip()
    kept = {"command": COMMAND, "commit": commit, "date": args.date, "split": "dev"}
    kept["metrics"] = metrics
    KEPT.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    page = re.sub(
        r"\*\*Date:\*\* \d{4}-\d\d-\d\d\. \*\*Code:\*\* commit `\w+`",
        f"**Date:** {args.date}. **Code:** commit `{commit}`",
        page,
    )
    page = re.sub(r"(?m)^    dev: .*$", "    " + metrics["figure_line"], page, count=1)
    for after, tables in _tables(metrics).items():
        page = _replace_tables(page, after, tables)
    PAGE.write_text(page, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} and {KEPT.relative_to(ROOT)} (commit {commit})")


if __name__ == "__main__":
    main()
