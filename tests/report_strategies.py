"""Hypothesis strategies for whole reports: every field drawn, every offset inside its text.

The reports are structurally what the pipeline makes (claims and segments point
into their source's text, alignments and findings name claims of the report),
but their values are arbitrary, so a round trip or a schema is tested on more
than the pipeline happens to produce.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st

from reconcile import (
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
    Span,
    TimeMention,
)
from reconcile.report import Report

# No lone surrogates: a decoded text file never has them, and UTF-8 cannot hold them.
words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=24)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=100)
finite = st.floats(allow_nan=False, allow_infinity=False)
probability = st.floats(min_value=0.0, max_value=1.0)
maybe_date = st.none() | st.dates()


@st.composite
def spans_in(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    return Span(start, draw(st.integers(start, len(text))))


@st.composite
def time_mentions(draw: st.DrawFn, text: str) -> TimeMention:
    span = draw(spans_in(text))
    interval = None
    if draw(st.booleans()):
        a, b = sorted(draw(st.lists(st.dates(), min_size=2, max_size=2)))
        interval = (a, b)
    return TimeMention(
        span,
        span.slice(text),
        draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
        draw(words),
        draw(st.none() | words),
        interval,
        draw(words),
        draw(st.booleans()),
    )


@st.composite
def quantities(draw: st.DrawFn, text: str) -> Quantity:
    span = draw(spans_in(text))
    return Quantity(
        span,
        span.slice(text),
        draw(finite),
        draw(finite | st.just(-math.inf)),
        draw(finite | st.just(math.inf)),
        draw(words),
        draw(finite),
    )


@st.composite
def ordinals(draw: st.DrawFn, text: str) -> Ordinal:
    span = draw(spans_in(text))
    scope_span = draw(st.none() | spans_in(text))
    return Ordinal(span, span.slice(text), draw(words), draw(words), draw(words), scope_span)


@st.composite
def entities(draw: st.DrawFn, text: str) -> Entity:
    span = draw(spans_in(text))
    return Entity(span, span.slice(text), draw(words), draw(words), draw(words))


@st.composite
def attributions(draw: st.DrawFn, text: str) -> Attribution:
    span = draw(spans_in(text))
    return Attribution(span, span.slice(text), draw(words), draw(words), draw(words))


@st.composite
def claims_of(draw: st.DrawFn, name: str, text: str, k: int) -> Claim:
    span = draw(spans_in(text))
    small = {"max_size": 2}
    return Claim(
        id=f"{name}@{span.start}-{span.end}#{k}",
        source=name,
        span=span,
        text=span.slice(text),
        paragraph=draw(st.integers(0, 50)),
        sentence=draw(st.integers(0, 50)),
        times=tuple(draw(st.lists(time_mentions(text), **small))),
        quantities=tuple(draw(st.lists(quantities(text), **small))),
        ordinals=tuple(draw(st.lists(ordinals(text), **small))),
        entities=tuple(draw(st.lists(entities(text), **small))),
        attribution=draw(st.none() | attributions(text)),
        modality=draw(st.sampled_from(["asserted", "done", "planned", "expected", "hedged"])),
        is_negated=draw(st.booleans()),
        is_quote=draw(st.booleans()),
        terms=tuple(draw(st.lists(words, max_size=4))),
    )


@st.composite
def documents(draw: st.DrawFn, name: str) -> Document:
    text = draw(texts)
    source = Source(
        text,
        name=name,
        published=draw(maybe_date),
        is_html=draw(st.booleans()),
        encoding=draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])),
        notes=tuple(draw(st.lists(words, max_size=2))),
    )
    n_claims = draw(st.integers(0, 3))
    claims = tuple(draw(claims_of(name, text, k)) for k in range(n_claims))
    segments = tuple(
        Segment(name, span, span.slice(text), draw(words))
        for span in draw(st.lists(spans_in(text), max_size=3))
    )
    return Document(source, draw(maybe_date), draw(words), claims, segments)


@st.composite
def links(draw: st.DrawFn, ids: list[str]) -> Link:
    pair = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2))
    contributions = tuple(
        Contribution(draw(words), draw(words), draw(finite), draw(words))
        for _ in range(draw(st.integers(0, 4)))
    )
    return Link((pair[0], pair[1]), draw(probability), draw(finite), contributions, draw(words))


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A report of one to three sources with claims, segments, alignments and findings."""
    names = draw(st.lists(words.filter(bool), min_size=1, max_size=3, unique=True))
    docs = tuple(draw(documents(name)) for name in names)
    claims = [c for d in docs for c in d.claims]
    ids = [c.id for c in claims]
    alignments: list[Alignment] = []
    findings: list[Finding] = []
    if ids:
        for _ in range(draw(st.integers(0, 3))):
            members = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3)))
            group_links = tuple(draw(st.lists(links(ids), max_size=2)))
            alignments.append(Alignment(members, draw(probability), group_links))
        for k in range(draw(st.integers(0, 4))):
            cited = draw(st.lists(st.sampled_from(claims), min_size=1, max_size=3))
            kind = draw(st.sampled_from(["agreement", "discrepancy", "single_source"]))
            category = (
                draw(
                    st.sampled_from(
                        ["temporal", "numeric", "framing", "attribution", "status", "entity"]
                    )
                )
                if kind == "discrepancy"
                else None
            )
            findings.append(
                Finding(
                    id=f"{category or kind}-{k:012x}",
                    kind=kind,
                    category=category,
                    claims=tuple(c.id for c in cited),
                    message=draw(words),
                    evidence=tuple(Evidence(c.source, c.span, c.text) for c in cited),
                    severity=draw(st.sampled_from(["high", "medium", "low"])) if category else None,
                )
            )
    return Report(docs, tuple(alignments), tuple(findings))


def strict(schema: Any) -> Any:
    """Return a copy of a JSON Schema in which no object may have an undeclared key."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema
