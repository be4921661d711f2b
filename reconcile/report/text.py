"""A :class:`~reconcile.Report` as plain text for a terminal.

Findings first, grouped by kind, each with its quoted evidence and its id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile._text import in_quotes

if TYPE_CHECKING:
    from reconcile.report.result import Report

__all__ = ["KIND_TITLES", "report_to_text", "story_lines", "summary_lines"]

#: The heading of each kind of finding, in the text and Markdown reports.
KIND_TITLES = {
    "discrepancy": "Discrepancies",
    "agreement": "Agreements",
    "single_source": "Only one source",
}


def summary_lines(report: Report) -> list[str]:
    """Return the report's counts on one line, then each source with its publication date."""
    n_claims = len(report.claims)
    lines = [
        f"{len(report.documents)} sources, {n_claims} claims, {len(report.alignments)} aligned "
        f"groups: {len(report.discrepancies)} discrepancies, {len(report.agreements)} "
        f"agreements, {len(report.single_source)} claims in one source only."
    ]
    for d in report.documents:
        when = d.published.isoformat() if d.published else "date unknown"
        lines.append(f"  {d.name}: published {when} ({d.published_how})")
    return lines


def story_lines(report: Report) -> list[str]:
    """Return the story check's lines when some sources seem to report a different event.

    Nothing when all sources seem to report one event, or when there is too little
    evidence to tell: the report then reads as before.
    """
    check = report.story_check
    if check.message is None:
        return []
    lines = ["", f"Stories ({len(check.stories)})", f"- {check.message}"]
    for story in check.stories:
        names = ", ".join(story.names) or "no shared names"
        lines.append(f"  {story.id}: {', '.join(story.sources)} ({names})")
    lines += [f"    {p.evidence}" for p in check.apart]
    return lines


_COLORS = {"discrepancy": "\033[1;31m", "agreement": "\033[32m", "single_source": "\033[36m"}
_RESET = "\033[0m"


def report_to_text(report: Report, *, color: bool = False, single_source_limit: int = 10) -> str:
    """Return a report for a terminal: findings first, grouped by kind, with quoted evidence."""
    lines = summary_lines(report) + story_lines(report)
    for kind in ("discrepancy", "agreement", "single_source"):
        found = [f for f in report.findings if f.kind == kind]
        title = f"{KIND_TITLES[kind]} ({len(found)})"
        lines += ["", f"{_COLORS[kind]}{title}{_RESET}" if color else title]
        shown = found if kind != "single_source" else found[:single_source_limit]
        for f in shown:
            tag = f"[{f.category}, {f.severity}] " if f.category else ""
            lines.append(f"- {tag}{f.message}")
            for e in f.evidence:
                lines.append(
                    f"    {e.source} {e.span.start}-{e.span.end}: {in_quotes(e.text, 160)}"
                )
            lines.append(f"    id: {f.id}")
        if len(shown) < len(found):
            lines.append(f"  … and {len(found) - len(shown)} more (see --format json or markdown)")
    return "\n".join(lines) + "\n"
