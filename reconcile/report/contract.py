"""The JSON report contract: a :class:`~reconcile.Report` to a dict or JSON text, and back.

The dict is the JSON report contract (``schema: reconcile.report/1``, see
``docs/report-format.md``): ``reconcile compare FILE... --format json`` prints
exactly ``json.dumps(report.to_dict())``. Keys are emitted in a fixed order and
every list is sorted, so the same sources give the same bytes.
"""

from __future__ import annotations

import json
import math
from datetime import date
from typing import TYPE_CHECKING, Any

from reconcile.errors import ParseError
from reconcile.model import (
    Alignment,
    Attribution,
    Claim,
    Contribution,
    Document,
    Entity,
    Evidence,
    Finding,
    Link,
    Ordinal,
    Quantity,
    Segment,
    Source,
    SourcePair,
    Span,
    Story,
    StoryCheck,
    TimeMention,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reconcile.report.result import Report

#: What a report is made of: its documents, alignment groups, findings and story check.
ReportParts = tuple[tuple[Document, ...], tuple[Alignment, ...], tuple[Finding, ...], StoryCheck]

__all__ = [
    "SCHEMA",
    "report_parts_from_dict",
    "report_parts_from_json",
    "report_to_dict",
    "report_to_json",
    "story_check_to_dict",
]

SCHEMA = "reconcile.report/1"


# ---------------------------------------------------------------------------
# To a dict (the JSON contract)


def _num(x: float) -> float | str:
    """JSON has no infinity; an open-ended range ("more than 40") says "inf"."""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def _span_dict(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _time_dict(t: TimeMention) -> dict[str, Any]:
    return {
        "text": t.text,
        **_span_dict(t.span),
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "interval": [t.interval[0].isoformat(), t.interval[1].isoformat()] if t.interval else None,
        "is_relative": t.is_relative,
        "how": t.how,
    }


def _claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "source": c.source,
        **_span_dict(c.span),
        "text": c.text,
        "paragraph": c.paragraph,
        "sentence": c.sentence,
        "times": [_time_dict(t) for t in c.times],
        "quantities": [
            {
                "text": q.text,
                **_span_dict(q.span),
                "value": q.value,
                "low": _num(q.low),
                "high": _num(q.high),
                "unit": q.unit,
                "precision": q.precision,
            }
            for q in c.quantities
        ],
        "ordinals": [
            {
                "text": o.text,
                **_span_dict(o.span),
                "word": o.word,
                "head": o.head,
                "scope": o.scope,
                "scope_span": _span_dict(o.scope_span) if o.scope_span is not None else None,
            }
            for o in c.ordinals
        ],
        "entities": [
            {"text": e.text, **_span_dict(e.span), "key": e.key, "kind": e.kind, "role": e.role}
            for e in c.entities
        ],
        "attribution": (
            {
                "text": c.attribution.text,
                **_span_dict(c.attribution.span),
                "speaker": c.attribution.speaker,
                "key": c.attribution.key,
                "how": c.attribution.how,
            }
            if c.attribution
            else None
        ),
        "modality": c.modality,
        "is_negated": c.is_negated,
        "is_quote": c.is_quote,
        "terms": list(c.terms),
        "predicates": list(c.predicates),
    }


def _link_dict(link: Link) -> dict[str, Any]:
    return {
        "claims": list(link.claims),
        "score": link.score,
        "weight": link.weight,
        "contributions": [
            {
                "feature": p.feature,
                "level": p.level,
                "weight": p.weight,
                "description": p.description,
            }
            for p in link.contributions
        ],
        "explanation": link.explanation,
    }


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "category": f.category,
        "severity": f.severity,
        "claims": list(f.claims),
        "message": f.message,
        "evidence": [
            {"source": e.source, **_span_dict(e.span), "text": e.text} for e in f.evidence
        ],
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def story_check_to_dict(check: StoryCheck) -> dict[str, Any]:
    """Return the story check as the report's ``story_check`` object."""
    return {
        "stories": [
            {
                "id": s.id,
                "sources": list(s.sources),
                "names": list(s.names),
                "published": [d.isoformat() for d in s.published],
            }
            for s in check.stories
        ],
        "pairs": [
            {
                "sources": list(p.sources),
                "relation": p.relation,
                "similarity": p.similarity,
                "shared": list(p.shared),
                "only": [list(p.only[0]), list(p.only[1])],
                "published": [_iso(p.published[0]), _iso(p.published[1])],
                "weight": p.weight,
                "evidence": p.evidence,
            }
            for p in check.pairs
        ],
        "message": check.message,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """Return the report as the ``reconcile.report/1`` JSON object."""
    return {
        "schema": SCHEMA,
        "sources": [
            {
                "name": d.name,
                "published": _iso(d.published),
                "published_how": d.published_how,
                # The date set on the Source itself, if any, so that from_dict rebuilds
                # the Source as handed in (``published`` above may come from elsewhere).
                "source_published": _iso(d.source.published),
                "encoding": d.source.encoding,
                "is_html": d.source.is_html,
                "notes": list(d.source.notes),
                "length": len(d.source.text),
                "text": d.source.text,
            }
            for d in report.documents
        ],
        "claims": [_claim_dict(c) for c in report.claims],
        "segments": [
            {"source": s.source, **_span_dict(s.span), "text": s.text, "why": s.why}
            for s in report.segments
        ],
        "alignments": [
            {"claims": list(a.claims), "score": a.score, "links": [_link_dict(k) for k in a.links]}
            for a in report.alignments
        ],
        "findings": [_finding_dict(f) for f in report.findings],
        "story_check": story_check_to_dict(report.story_check),
        "summary": {
            "sources": len(report.documents),
            "claims": len(report.claims),
            "alignments": len(report.alignments),
            "agreements": len(report.agreements),
            "discrepancies": len(report.discrepancies),
            "single_source": len(report.single_source),
        },
    }


def report_to_json(report: Report, *, indent: int | None = 2) -> str:
    """Return the report as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(report_to_dict(report), indent=indent, ensure_ascii=False)


# ---------------------------------------------------------------------------
# From a dict


def _span(d: Mapping[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]))


def _float(x: float | str) -> float:
    return float(x)  # float("inf") reads the "inf" that _num writes


def _date(x: str | None) -> date | None:
    return date.fromisoformat(x) if x else None


def _claim_from(d: Mapping[str, Any]) -> Claim:
    return Claim(
        id=d["id"],
        source=d["source"],
        span=_span(d),
        text=d["text"],
        paragraph=d.get("paragraph", 0),
        sentence=d.get("sentence", 0),
        times=tuple(
            TimeMention(
                _span(t),
                t["text"],
                t["type"],
                t["value"],
                t.get("mod"),
                (date.fromisoformat(t["interval"][0]), date.fromisoformat(t["interval"][1]))
                if t.get("interval")
                else None,
                t.get("how", ""),
                t.get("is_relative", False),
            )
            for t in d.get("times", ())
        ),
        quantities=tuple(
            Quantity(
                _span(q),
                q["text"],
                q["value"],
                _float(q["low"]),
                _float(q["high"]),
                q.get("unit", ""),
                q.get("precision", 1.0),
            )
            for q in d.get("quantities", ())
        ),
        ordinals=tuple(
            Ordinal(
                _span(o),
                o["text"],
                o["word"],
                o["head"],
                o.get("scope", ""),
                _span(o["scope_span"]) if o.get("scope_span") is not None else None,
            )
            for o in d.get("ordinals", ())
        ),
        entities=tuple(
            Entity(_span(e), e["text"], e["key"], e.get("kind", "name"), e.get("role", ""))
            for e in d.get("entities", ())
        ),
        attribution=(
            Attribution(_span(a), a["text"], a["speaker"], a["key"], a["how"])
            if (a := d.get("attribution"))
            else None
        ),
        modality=d.get("modality", "asserted"),
        is_negated=d.get("is_negated", False),
        is_quote=d.get("is_quote", False),
        terms=tuple(d.get("terms", ())),
        predicates=tuple(d.get("predicates", ())),
    )


def _story_check_from(d: Mapping[str, Any] | None) -> StoryCheck:
    """Rebuild the story check; a report written before it had one has an empty one."""
    if not d:
        return StoryCheck()
    return StoryCheck(
        tuple(
            Story(
                s["id"],
                tuple(s["sources"]),
                tuple(s["names"]),
                tuple(date.fromisoformat(x) for x in s["published"]),
            )
            for s in d.get("stories", ())
        ),
        tuple(
            SourcePair(
                (p["sources"][0], p["sources"][1]),
                p["relation"],
                p["similarity"],
                tuple(p["shared"]),
                (tuple(p["only"][0]), tuple(p["only"][1])),
                (_date(p["published"][0]), _date(p["published"][1])),
                p["weight"],
                p["evidence"],
            )
            for p in d.get("pairs", ())
        ),
        d.get("message"),
    )


def report_parts_from_dict(data: Mapping[str, Any]) -> ReportParts:
    """Rebuild a report's documents, alignments and findings from :func:`report_to_dict` output.

    Raises:
        ParseError: ``data`` is not a ``reconcile.report/1`` object.
    """
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        got = data.get("schema") if isinstance(data, dict) else type(data).__name__
        msg = f"Not a reconcile report (schema {got!r}, expected {SCHEMA!r})."
        raise ParseError(msg)
    try:
        claims = [_claim_from(c) for c in data["claims"]]
        segments = [Segment(s["source"], _span(s), s["text"], s["why"]) for s in data["segments"]]
        documents = []
        for s in data["sources"]:
            src = Source(
                s["text"],
                name=s["name"],
                published=_date(s.get("source_published")),
                is_html=s.get("is_html", False),
                encoding=s.get("encoding", "utf-8"),
                notes=tuple(s.get("notes", ())),
            )
            documents.append(
                Document(
                    src,
                    _date(s.get("published")),
                    s.get("published_how", ""),
                    tuple(c for c in claims if c.source == src.name),
                    tuple(g for g in segments if g.source == src.name),
                )
            )
        alignments = tuple(
            Alignment(
                tuple(a["claims"]),
                a["score"],
                tuple(
                    Link(
                        (k["claims"][0], k["claims"][1]),
                        k["score"],
                        k["weight"],
                        tuple(
                            Contribution(p["feature"], p["level"], p["weight"], p["description"])
                            for p in k["contributions"]
                        ),
                        k["explanation"],
                    )
                    for k in a.get("links", ())
                ),
            )
            for a in data["alignments"]
        )
        findings = tuple(
            Finding(
                f["id"],
                f["kind"],
                f["category"],
                tuple(f["claims"]),
                f["message"],
                tuple(Evidence(e["source"], _span(e), e["text"]) for e in f.get("evidence", ())),
                f.get("severity"),
            )
            for f in data["findings"]
        )
        story_check = _story_check_from(data.get("story_check"))
    except (KeyError, TypeError, ValueError, IndexError) as err:
        msg = f"Malformed reconcile report: {err!r}. Was it written by Report.to_dict()?"
        raise ParseError(msg) from err
    return tuple(documents), alignments, findings, story_check


def report_parts_from_json(text: str) -> ReportParts:
    """Rebuild a report from :func:`report_to_json` output.

    Raises:
        ParseError: the text is not JSON, or not a report.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        msg = f"Not JSON: {err}. Pass the output of `reconcile compare --format json`."
        raise ParseError(msg) from err
    return report_parts_from_dict(data)
