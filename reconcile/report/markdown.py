"""A :class:`~reconcile.Report` as Markdown (CommonMark with GitHub tables).

A summary of the sources, then each kind of finding: discrepancies and
agreements as lists with quoted evidence, single-source claims as a table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reconcile._text import shorten
from reconcile.report.text import KIND_TITLES

if TYPE_CHECKING:
    from reconcile.report.result import Report

__all__ = ["report_to_markdown"]

# What Markdown (CommonMark, GitHub tables) would read as markup inside a line: a
# source quoting "<b>" or "*" must show it, not become bold or an HTML element. An
# underscore between two letters or digits ("000_e03c.txt") cannot start or end
# emphasis, so it is left as it is, for the Markdown's own readers.
_MD_SPECIAL = re.compile(r"[\\`*\[\]<&|~]|(?<![^\W_])_|_(?![^\W_])")


def _md_escape(text: str) -> str:
    """Return text on one line, escaping what Markdown would read as markup inside a line."""
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), " ".join(text.split()))


def _md_code(text: str, *, in_table: bool = False) -> str:
    """Return text as an inline code span on one line, whatever backticks it holds."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    code = f"{fence}{pad}{text}{pad}{fence}"
    # A table splits cells at '|' even inside code; escaping it keeps the cell whole.
    return code.replace("|", "\\|") if in_table else code


def report_to_markdown(report: Report) -> str:
    """Return the report as Markdown: a summary, then each kind of finding as a table."""
    lines = ["# Reconciliation report", ""]
    lines += ["| Source | Published | How |", "| --- | --- | --- |"]
    for d in report.documents:
        when = d.published.isoformat() if d.published else "unknown"
        name = _md_code(d.name, in_table=True)
        lines.append(f"| {name} | {when} | {_md_escape(d.published_how)} |")
    lines += [
        "",
        f"{len(report.claims)} claims, {len(report.alignments)} aligned groups: "
        f"**{len(report.discrepancies)} discrepancies**, {len(report.agreements)} agreements, "
        f"{len(report.single_source)} claims in one source only.",
    ]
    lines += _stories_markdown(report)
    for kind in ("discrepancy", "agreement", "single_source"):
        found = [f for f in report.findings if f.kind == kind]
        lines += ["", f"## {KIND_TITLES[kind]} ({len(found)})", ""]
        if not found:
            lines.append("None.")
            continue
        if kind == "single_source":
            lines += ["| Source | Claim |", "| --- | --- |"]
            lines += [
                f"| {_md_code(e.source, in_table=True)} | {_md_escape(shorten(e.text, 200))} |"
                for f in found
                for e in f.evidence
            ]
            continue
        for f in found:
            tag = f"**{f.category}** ({f.severity}): " if f.category else ""
            lines += [f"- {tag}{_md_escape(f.message)} <small>`{f.id}`</small>"]
            for k, e in enumerate(f.evidence):
                # A bare '>' line between quotes ends a paragraph: without it Markdown
                # joins consecutive quote lines into one run-on line.
                lines += ["  >"] if k else []
                lines.append(f"  > {_md_code(e.source)}: {_md_escape(shorten(e.text, 300))}")
    return "\n".join(lines) + "\n"


def _stories_markdown(report: Report) -> list[str]:
    """Return the story check as a section, when some sources seem to report another event."""
    check = report.story_check
    if check.message is None:
        return []
    lines = ["", f"## Stories ({len(check.stories)})", "", _md_escape(check.message), ""]
    lines += ["| Story | Sources | Main names |", "| --- | --- | --- |"]
    for story in check.stories:
        sources = ", ".join(_md_code(s, in_table=True) for s in story.sources)
        lines.append(f"| {story.id} | {sources} | {_md_escape(', '.join(story.names))} |")
    lines.append("")
    lines += [f"- {_md_escape(p.evidence)}" for p in check.apart]
    return lines
