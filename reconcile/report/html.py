"""Render a :class:`~reconcile.Report` as one self-contained HTML page.

The page shows the sources side by side, each in its own scrolling column, with
every claim highlighted by its strongest finding (discrepancy, then agreement,
then single source) and every non-claim segment greyed with its reason. Hovering
a claim shows its findings' reasons as a tooltip and previews its details;
clicking it pins the details: the findings with their quoted evidence, and for
each alignment link the parts of the match weight (a record-linkage waterfall)
that sum to its score. Claims aligned with it, or sharing a finding, are marked
in the other columns and scrolled into view.

Everything is inline (CSS, a small script, no fonts or images), and a Content
Security Policy forbids the page any network access. The output depends only on
the report, so the same report gives the same bytes. Without JavaScript the page
still shows the highlighted sources, the tooltips and every finding.
"""

from __future__ import annotations

import functools
import html
import math
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from reconcile._text import shorten
from reconcile.model import Claim, Finding, Link

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from reconcile.model import Document
    from reconcile.report.result import Report

__all__ = ["render_html", "render_html_many"]

#: The strongest finding colours a claim: a discrepancy outranks an agreement.
_KIND_RANK = {"discrepancy": 0, "agreement": 1, "single_source": 2}
_KIND_LABEL = {
    "discrepancy": "Discrepancy",
    "agreement": "Agreement",
    "single_source": "Only one source",
}
_KIND_TITLE = {
    "discrepancy": "Discrepancies",
    "agreement": "Agreements",
    "single_source": "Only one source",
}


def _e(text: object) -> str:
    """Escape text for an HTML element body or a quoted attribute."""
    return html.escape(str(text), quote=True)


class _Index:
    """Element ids and cross-references of one report, prefixed to stay unique on a page."""

    def __init__(self, report: Report, prefix: str) -> None:
        self.report = report
        self.prefix = prefix
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.claim_el = {cid: f"{prefix}c{k}" for k, cid in enumerate(self.claims)}
        self.finding_el = {f.id: f"{prefix}f{k}" for k, f in enumerate(report.findings)}
        self.findings_of: dict[str, list[Finding]] = {cid: [] for cid in self.claims}
        self.links_of: dict[str, list[Link]] = {cid: [] for cid in self.claims}
        self.related: dict[str, set[str]] = {cid: set() for cid in self.claims}
        for f in report.findings:
            members = [cid for cid in f.claims if cid in self.claims]
            for cid in members:
                self.findings_of[cid].append(f)
                self.related[cid].update(members)
        for group in report.alignments:
            members = [cid for cid in group.claims if cid in self.claims]
            for cid in members:
                self.related[cid].update(members)
            for link in group.links:
                for cid in link.claims:
                    if cid in self.links_of:
                        self.links_of[cid].append(link)
        for cid, others in self.related.items():
            others.discard(cid)
        # Evidence points at claims by source and span; a report read back from
        # JSON may quote a stretch that is no claim, which then links nowhere.
        self.claim_at = {(c.source, c.span.start, c.span.end): c.id for c in report.claims}

    def kind_of(self, claim_id: str) -> str:
        """Return the strongest finding kind of a claim, or ``none``."""
        kinds = [f.kind for f in self.findings_of[claim_id]]
        return min(kinds, key=_KIND_RANK.__getitem__) if kinds else "none"

    def severity_of(self, claim_id: str) -> str:
        order = {"high": 0, "medium": 1, "low": 2}
        found = [f.severity for f in self.findings_of[claim_id] if f.severity]
        return min(found, key=lambda s: order.get(s, 3)) if found else ""


# ---------------------------------------------------------------------------
# Sources, side by side


def _claim_title(index: _Index, claim: Claim) -> str:
    """The native tooltip: each finding's reason, then each link's score, in plain text."""
    lines = []
    for f in index.findings_of[claim.id]:
        tag = ", ".join(x for x in (f.category, f.severity) if x)
        head = _KIND_LABEL[f.kind] + (f" ({tag})" if tag else "")
        lines.append(f"{head}: {f.message}")
    for link in index.links_of[claim.id]:
        other = link.claims[1] if link.claims[0] == claim.id else link.claims[0]
        where = index.claims[other].source if other in index.claims else other
        lines.append(
            f"Aligned with {where} (match probability {link.score:.2f}, "
            f"weight {link.weight:+.2f}); click for the score's parts."
        )
    return "\n".join(lines) or "A claim with no finding."


def _source_text(index: _Index, doc: Document) -> str:
    """The source's text with claims and segments wrapped in spans; offsets as given."""
    text = doc.source.text
    spans = [(c.span.start, c.span.end, 0, c.id) for c in doc.claims]
    spans += [(s.span.start, s.span.end, 1, str(k)) for k, s in enumerate(doc.segments)]
    spans.sort()
    out: list[str] = []
    pos = 0
    for span_start, span_end, what, key in spans:
        # Claims and segments tile the text; clip defensively if a report read
        # back from JSON has them overlap, so no character is shown twice. A claim
        # clipped to nothing keeps its (empty) element: findings link to it.
        start = min(max(span_start, pos), len(text))
        end = max(min(span_end, len(text)), start)
        if end == start and what == 1:
            continue
        out.append(_e(text[pos:start]))
        piece = _e(text[start:end])
        if what == 0:
            claim = index.claims[key]
            kind = index.kind_of(key)
            sev = index.severity_of(key)
            findings = " ".join(index.finding_el[f.id] for f in index.findings_of[key])
            partners = " ".join(sorted(index.claim_el[r] for r in index.related[key]))
            el = index.claim_el[key]
            out.append(
                f'<span class="claim k-{kind}{f" s-{sev}" if sev else ""}" id="{el}" '
                f'data-claim="{_e(key)}" data-findings="{findings}" '
                f'data-partners="{partners}" data-detail="{el}-d" tabindex="0" '
                f'title="{_e(_claim_title(index, claim))}">{piece}</span>'
            )
        else:
            seg = doc.segments[int(key)]
            out.append(
                f'<span class="segment" data-why="{_e(seg.why)}" '
                f'title="{_e(f"Not a claim: {seg.why}")}">{piece}</span>'
            )
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _sources_html(index: _Index) -> str:
    columns = []
    for k, doc in enumerate(index.report.documents):
        when = doc.published.isoformat() if doc.published else "date unknown"
        columns.append(
            f'<article class="source" id="{index.prefix}s{k}" data-source="{_e(doc.name)}">'
            f"<header><h2>{_e(doc.name)}</h2>"
            f'<p class="meta">Published {_e(when)} <span class="how">({_e(doc.published_how)})'
            f"</span> · {len(doc.claims)} claims</p></header>"
            f'<div class="text scroll">{_source_text(index, doc)}</div></article>'
        )
    n = max(len(columns), 1)
    return (
        f'<section class="sources" style="grid-template-columns: repeat({n}, minmax(20rem, 1fr))"'
        f' aria-label="Sources side by side">{"".join(columns)}</section>'
    )


# ---------------------------------------------------------------------------
# Findings and the details of a claim


def _badges(f: Finding) -> str:
    parts = [f'<span class="badge k-{f.kind}">{_e(_KIND_LABEL[f.kind])}</span>']
    if f.category:
        parts.append(f'<span class="badge cat">{_e(f.category)}</span>')
    if f.severity:
        parts.append(f'<span class="badge s-{_e(f.severity)}">{_e(f.severity)}</span>')
    return " ".join(parts)


def _quoted(text: str, limit: int) -> str:
    """Return text in a <q>, opened once: a quotation keeps its own opening mark."""
    short = shorten(text, limit)
    own = ' class="own"' if short[:1] in _OPENING_MARKS else ""
    return f"<q{own}>{_e(short)}</q>"


_OPENING_MARKS = '“"‘«'


def _evidence_html(index: _Index, f: Finding, *, limit: int) -> str:
    items = []
    for ev in f.evidence:
        where = f"{ev.source} {ev.span.start}–{ev.span.end}"
        cid = index.claim_at.get((ev.source, ev.span.start, ev.span.end))
        label = (
            f'<a href="#{index.claim_el[cid]}">{_e(where)}</a>'
            if cid
            else f"<span>{_e(where)}</span>"
        )
        items.append(f"<li>{label} {_quoted(ev.text, limit)}</li>")
    return f'<ul class="evidence">{"".join(items)}</ul>'


def _finding_card(index: _Index, f: Finding) -> str:
    claims = " ".join(index.claim_el[c] for c in f.claims if c in index.claim_el)
    return (
        f'<article class="finding k-{f.kind}" id="{index.finding_el[f.id]}" '
        f'data-finding="{_e(f.id)}" data-claims="{claims}" tabindex="0">'
        f"<header>{_badges(f)}</header>"
        f'<p class="message">{_e(f.message)}</p>'
        f"{_evidence_html(index, f, limit=220)}"
        f'<p class="fid">id <code>{_e(f.id)}</code></p></article>'
    )


def _findings_html(index: _Index) -> str:
    blocks = []
    for kind in ("discrepancy", "agreement", "single_source"):
        found = [f for f in index.report.findings if f.kind == kind]
        cards = "".join(_finding_card(index, f) for f in found) or '<p class="none">None.</p>'
        # Discrepancies and agreements are what a reader came for; the long tail
        # of single-source claims starts folded.
        is_open = " open" if kind != "single_source" else ""
        blocks.append(
            f'<details class="group k-{kind}"{is_open}><summary>'
            f"<h2>{_e(_KIND_TITLE[kind])} ({len(found)})</h2></summary>{cards}</details>"
        )
    return f'<section class="findings scroll">{"".join(blocks)}</section>'


def _bar_width(weight: float, top: float) -> int:
    """The bar of one contribution, in percent of the largest one's."""
    ratio = abs(weight) / top if math.isfinite(top) and top > 0 else 0.0
    if not math.isfinite(ratio):
        ratio = 1.0
    return round(100 * min(ratio, 1.0))


def _link_html(index: _Index, claim: Claim, link: Link) -> str:
    other = link.claims[1] if link.claims[0] == claim.id else link.claims[0]
    if other in index.claims:
        oc = index.claims[other]
        target = f'<a href="#{index.claim_el[other]}">{_e(oc.source)}</a> {_quoted(oc.text, 140)}'
    else:
        target = f"<code>{_e(other)}</code>"
    top = max((abs(p.weight) for p in link.contributions), default=1.0) or 1.0
    rows = []
    for p in link.contributions:
        width = _bar_width(p.weight, top)
        sign = "pos" if p.weight >= 0 else "neg"
        rows.append(
            f'<tr><th scope="row">{_e(p.feature)}<br><small>{_e(p.level)}</small></th>'
            f'<td class="num">{p.weight:+.2f}</td>'
            f'<td class="barcell"><span class="bar {sign}" style="width:{width}%"></span></td>'
            f"<td>{_e(p.description)}</td></tr>"
        )
    total = sum(p.weight for p in link.contributions)
    return (
        f'<section class="link"><h4>Aligned with {target}</h4>'
        f'<p class="score">Match probability <strong>{link.score:.2f}</strong> '
        f"= 2<sup>w</sup>/(1+2<sup>w</sup>) with weight w = <strong>{link.weight:+.2f}</strong>, "
        f"the sum of its parts:</p>"
        f'<table class="parts"><thead><tr><th scope="col">Feature, level</th>'
        f'<th scope="col">Weight</th><th scope="col"></th><th scope="col">Why</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">sum</th><td class="num">{total:+.2f}</td>'
        f"<td></td><td></td></tr></tfoot></table>"
        f'<p class="explanation">{_e(link.explanation)}</p></section>'
    )


def _features_html(claim: Claim) -> str:
    rows = []
    for t in claim.times:
        days = (
            f" ({t.interval[0].isoformat()} to {t.interval[1].isoformat()})" if t.interval else ""
        )
        rows.append(f"<li>time <q>{_e(t.text)}</q> = <code>{_e(t.value)}</code>{_e(days)}</li>")
    for q in claim.quantities:
        unit = f" {q.unit}" if q.unit else ""
        rows.append(f"<li>number <q>{_e(q.text)}</q> = <code>{q.value:g}{_e(unit)}</code></li>")
    if claim.attribution:
        a = claim.attribution
        rows.append(f"<li>attributed to <q>{_e(a.speaker)}</q> ({_e(a.how)})</li>")
    return f'<ul class="features">{"".join(rows)}</ul>' if rows else ""


def _detail_html(index: _Index, claim: Claim) -> str:
    el = index.claim_el[claim.id]
    findings = "".join(
        f'<li class="k-{f.kind}">{_badges(f)} <a href="#{index.finding_el[f.id]}">'
        f"{_e(f.message)}</a></li>"
        for f in index.findings_of[claim.id]
    )
    links = "".join(_link_html(index, claim, link) for link in index.links_of[claim.id])
    if not links:
        links = '<p class="none">Aligned with no claim of another source.</p>'
    return (
        f'<section class="detail" id="{el}-d" hidden>'
        f"<h3>{_e(claim.source)} <small>{claim.span.start}–{claim.span.end}</small></h3>"
        f'<ul class="claim-findings">{findings}</ul>'
        f"{links}{_features_html(claim)}"
        f"<blockquote>{_e(claim.text)}</blockquote>"
        f"</section>"
    )


def _stories_html(report: Report) -> str:
    """Return the story check as a note, when some sources seem to report another event."""
    check = report.story_check
    if check.message is None:
        return ""
    items = "".join(
        f"<li><strong>{_e(s.id)}</strong>: {_e(', '.join(s.sources))} "
        f"({_e(', '.join(s.names) or 'no shared names')})</li>"
        for s in check.stories
    )
    evidence = "".join(f"<li>{_e(p.evidence)}</li>" for p in check.apart)
    return (
        f'<details class="stories"><summary>{_e(check.message)}</summary>'
        f"<ul>{items}</ul><ul>{evidence}</ul></details>"
    )


def _report_body(report: Report, prefix: str, heading: str) -> str:
    index = _Index(report, prefix)
    summary = (
        f"{len(report.documents)} sources, {len(report.claims)} claims, "
        f"{len(report.alignments)} aligned groups: "
        f"<strong>{len(report.discrepancies)} discrepancies</strong>, "
        f"{len(report.agreements)} agreements, "
        f"{len(report.single_source)} claims in one source only."
    )
    details = "".join(_detail_html(index, c) for c in report.claims)
    return (
        f'<section class="report" id="{prefix}report">'
        f'<header class="top"><h1>{_e(heading)}</h1><p class="summary">{summary}</p>'
        f"{_stories_html(report)}{_LEGEND}</header>"
        f'<div class="layout">{_sources_html(index)}'
        f'<aside class="side" aria-label="Findings">'
        f'<div class="panel" aria-live="polite"><p class="hint">Hover or click a highlighted '
        f"claim to see why it was flagged and how its alignment was scored; click a finding "
        f"to find its evidence.</p>{details}</div>"
        f"{_findings_html(index)}</aside></div></section>"
    )


_LEGEND = (
    '<p class="legend"><span class="claim k-discrepancy">discrepancy</span> '
    '<span class="claim k-agreement">agreement</span> '
    '<span class="claim k-single_source">only one source</span> '
    '<span class="segment">not a claim (byline, caption, …)</span></p>'
)


@functools.cache
def _asset(name: str) -> str:
    """Return one of the page's package files (template, style sheet, script)."""
    return resources.files(__package__).joinpath("assets", name).read_text("utf-8")


def _page(title: str, body: str, *, toc: str = "", many: bool = False) -> str:
    return Template(_asset("page.html")).substitute(
        title=_e(title),
        css=_asset("report.css"),
        js=_asset("report.js"),
        toc=toc,
        body=body,
        body_class="many" if many else "one",
    )


def render_html(report: Report, *, title: str = "Reconciliation report") -> str:
    """Return one self-contained HTML page showing a report's sources side by side.

    Args:
        report: the report to show.
        title: the page title and heading.

    Returns:
        The page: no network access, no external files, the same bytes for the same report.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("Two people died in the fire, police said.", name="a")
        >>> b = reconcile.Source("Police said five people died in the fire.", name="b")
        >>> page = render_html(reconcile.compare([a, b]))
        >>> page.startswith("<!DOCTYPE html>"), page.count('class="claim k-discrepancy s-high"')
        (True, 2)
    """
    return _page(title, _report_body(report, "r0-", title))


def render_html_many(
    sections: Iterable[tuple[str, Report]], *, title: str = "Reconciliation reports"
) -> str:
    """Return one page with several reports, each under its own heading, with a contents list.

    Used for the pytest plugin's ``--reconcile-report``: one section per reconciliation
    made in a test session.

    Args:
        sections: ``(heading, report)`` pairs, shown in this order.
        title: the page title.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("The plant employs 40 people.", name="a")
        >>> b = reconcile.Source("The plant employs 400 people.", name="b")
        >>> r = reconcile.compare([a, b])
        >>> page = render_html_many([("test_one", r), ("test_two", r)])
        >>> page.count('<section class="report"')
        2
    """
    items: Sequence[tuple[str, Report]] = list(sections)
    entries = []
    bodies = []
    for k, (heading, report) in enumerate(items):
        prefix = f"r{k}-"
        n = len(report.discrepancies)
        entries.append(
            f'<li><a href="#{prefix}report">{_e(heading)}</a>: '
            f"{n} discrepanc{'y' if n == 1 else 'ies'}</li>"
        )
        bodies.append(_report_body(report, prefix, heading))
    plural = "" if len(items) == 1 else "s"
    toc = (
        f'<nav class="toc"><h1>{_e(title)}</h1><p>{len(items)} reconciliation{plural}.</p>'
        f"<ol>{''.join(entries)}</ol></nav>"
    )
    return _page(title, "".join(bodies), toc=toc, many=True)
