"""Stage 3: turn aligned claims into findings a careful reader would sign.

Each check is a small function over two aligned claims of different sources
(or, for :func:`check_document`, over one source alone) that returns a
discrepancy with its category and a one-sentence reason, or nothing. The
compatibility rules that keep a fact-checker's trust live next to the check
they restrain:

- ``temporal``: a date inside a stated range, or a finer date inside a coarser
  one, is compatible; only times attached to the same event are compared.
- ``numeric``: only numbers of the same unit are compared, each widened to the
  range its wording allows ("about 40", "more than 40", "1.5 billion" rounded).
- ``framing``: only the same ordinal or superlative of the same noun is
  compared; different superlatives about different things are left alone.
- ``status``: a plan reported before the event and its report after it are
  compatible; only a later source still calling it planned, or a negation of
  what the other affirms, is flagged.
- ``attribution``: flagged when the sources give the claim to different speakers.
- ``entity``: flagged when the same title is held by different names.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reconcile._text import entity_keys_match, stem, tokens
from reconcile._types import (
    Alignment,
    Category,
    Claim,
    Document,
    Evidence,
    Finding,
    FindingKind,
    TimeMention,
)
from reconcile.lexicon import ENGLISH, Lexicon

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "SEVERITY",
    "check_document",
    "check_pair",
    "reconcile_alignments",
]

#: How much a discrepancy of each category matters to a reader.
SEVERITY: dict[str, str] = {
    "temporal": "high",
    "numeric": "high",
    "entity": "high",
    "status": "medium",
    "attribution": "medium",
    "framing": "low",
}

#: Words around a time expression that name the event it dates; two times are
#: compared only when their events share a word.
_EVENT_WINDOW = 5


class _Context:
    """What the checks need to know about the documents of a run."""

    __slots__ = ("documents", "lexicon")

    def __init__(self, documents: Sequence[Document], lexicon: Lexicon) -> None:
        self.documents = {d.name: d for d in documents}
        self.lexicon = lexicon

    def published(self, claim: Claim) -> date | None:
        return self.documents[claim.source].published


Check = Callable[[Claim, Claim, _Context], tuple[Category, str] | None]


# ---------------------------------------------------------------------------
# Pair checks


def _event_words(claim: Claim, tm: TimeMention, lexicon: Lexicon) -> set[str]:
    """Return the content stems within a few words of a time expression."""
    words = tokens(claim.text)
    offset = claim.span.start
    before = [w for w in words if w.end + offset <= tm.span.start][-_EVENT_WINDOW:]
    after = [w for w in words if w.start + offset >= tm.span.end][:_EVENT_WINDOW]
    return {
        stem(w.text)
        for w in before + after
        if w.lower not in lexicon.stopwords and not w.text[:1].isdigit()
    }


def _granularity_days(tm: TimeMention) -> int:
    assert tm.interval is not None
    return (tm.interval[1] - tm.interval[0]).days + 1


def check_temporal(a: Claim, b: Claim, ctx: _Context) -> tuple[Category, str] | None:
    """Flag two dates of one event that cannot both hold (disjoint intervals)."""
    for ta in a.times:
        for tb in b.times:
            if ta.interval is None or tb.interval is None or ta.type != tb.type:
                continue
            if ta.interval[0] <= tb.interval[1] and tb.interval[0] <= ta.interval[1]:
                continue  # overlapping: a finer date inside a coarser one, or a date in a range
            shared = _event_words(a, ta, ctx.lexicon) & _event_words(b, tb, ctx.lexicon)
            if not shared:
                continue
            return "temporal", (
                f"{a.source} dates it {ta.text!r} ({_interval_words(ta)}) but {b.source} "
                f"dates it {tb.text!r} ({_interval_words(tb)}), and the two cannot both hold."
            )
    return None


def _interval_words(tm: TimeMention) -> str:
    if tm.interval is None:
        return tm.value
    lo, hi = tm.interval
    return lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"


def check_numeric(a: Claim, b: Claim, ctx: _Context) -> tuple[Category, str] | None:
    """Flag different quantities of the same unit that no rounding or hedge reconciles."""
    for unit in sorted({q.unit for q in a.quantities} & {q.unit for q in b.quantities}):
        if not unit:
            continue
        qa = [q for q in a.quantities if q.unit == unit]
        qb = [q for q in b.quantities if q.unit == unit]
        if any(x.low <= y.high and y.low <= x.high for x in qa for y in qb):
            continue
        x, y = min(
            ((x, y) for x in qa for y in qb),
            key=lambda p: (abs(math.log((p[0].value + 1) / (p[1].value + 1))), p[0].text),
        )
        return "numeric", (
            f"{a.source} says {x.text!r} but {b.source} says {y.text!r}; "
            "the two numbers cannot both be right."
        )
    return None


def _scope_terms(scope: str, lexicon: Lexicon) -> set[str]:
    return {
        stem(w.text)
        for w in tokens(scope)
        if w.lower not in lexicon.stopwords or w.lower in {"my", "our", "his", "her", "their"}
    }


def _same_terms(x: set[str], y: set[str]) -> float:
    if not x and not y:
        return 1.0
    matched = {t for t in x if any(entity_keys_match(t, u) for u in y)}
    matched_y = {u for u in y if any(entity_keys_match(t, u) for t in x)}
    return (len(matched) + len(matched_y)) / (len(x) + len(y))


def check_framing(a: Claim, b: Claim, ctx: _Context) -> tuple[Category, str] | None:
    """Flag the same ordinal or superlative of the same noun under a different scope."""
    for oa in a.ordinals:
        for ob in b.ordinals:
            if oa.word != ob.word or oa.head != ob.head:
                continue
            sa, sb = _scope_terms(oa.scope, ctx.lexicon), _scope_terms(ob.scope, ctx.lexicon)
            if _same_terms(sa, sb) >= 0.75:
                continue
            who_a = f" ({_speaker_words(a)})" if a.attribution else ""
            who_b = f" ({_speaker_words(b)})" if b.attribution else ""
            return "framing", (
                f"Both call it the {oa.word} {oa.head}, but {a.source}{who_a} scopes it "
                f"{_scope_words(oa.scope)} and {b.source}{who_b} {_scope_words(ob.scope)}; "
                "these are not the same claim."
            )
    return None


def _scope_words(scope: str) -> str:
    return repr(scope.replace("; ", " ... ")) if scope else "without any qualifier"


def _speaker_words(claim: Claim) -> str:
    assert claim.attribution is not None
    how = {"quote": "quoting", "according to": "according to"}.get(
        claim.attribution.how, "attributed to"
    )
    return f"{how} {claim.attribution.speaker}"


def check_attribution(a: Claim, b: Claim, ctx: _Context) -> tuple[Category, str] | None:
    """Flag a claim the sources give to different speakers."""
    if a.attribution is None or b.attribution is None:
        return None
    if entity_keys_match(a.attribution.key, b.attribution.key):
        return None
    # A role named in one ("the President") and the person in the other resolve to
    # the same key only within a document; across documents compare the words too.
    if fuzz.token_set_ratio(a.attribution.speaker.lower(), b.attribution.speaker.lower()) >= 80:
        return None
    return "attribution", (
        f"{a.source} gives this to {a.attribution.speaker} ({a.attribution.how}) but "
        f"{b.source} to {b.attribution.speaker} ({b.attribution.how})."
    )


_PLANNED = frozenset({"planned", "expected"})


def check_status(a: Claim, b: Claim, ctx: _Context) -> tuple[Category, str] | None:
    """Flag plan-versus-done that publication dates do not explain, or a negated fact."""
    if a.is_negated != b.is_negated and fuzz.token_set_ratio(
        " ".join(a.terms), " ".join(b.terms)
    ) >= 70:
        neg, pos = (a, b) if a.is_negated else (b, a)
        return "status", f"{neg.source} says this did not happen; {pos.source} says it did."
    for plan, done in ((a, b), (b, a)):
        if plan.modality in _PLANNED and done.modality == "done":
            p_date, d_date = ctx.published(plan), ctx.published(done)
            if p_date is None or d_date is None or p_date <= d_date:
                continue  # a plan told before (or as) it happened is compatible with its report
            return "status", (
                f"{plan.source} (published {p_date}) still reports this as {plan.modality}, "
                f"but {done.source} (published earlier, {d_date}) reports it done."
            )
    return None


def check_entity(a: Claim, b: Claim, ctx: _Context) -> tuple[Category, str] | None:
    """Flag the same title held by different names ("Prime Minister X" vs "Prime Minister Y")."""
    for ea in a.entities:
        if not ea.role or ea.kind != "name":
            continue
        for eb in b.entities:
            if eb.role != ea.role or eb.kind != "name":
                continue
            if entity_keys_match(ea.key, eb.key):
                break
            others_b = {e.key for e in b.entities if e.role == ea.role}
            if any(entity_keys_match(ea.key, k) for k in others_b):
                break
            others_a = {e.key for e in a.entities if e.role == ea.role}
            if any(entity_keys_match(eb.key, k) for k in others_a):
                continue
            return "entity", (
                f"{a.source} names the {ea.role} as {ea.text!r} but {b.source} as {eb.text!r}."
            )
    return None


PAIR_CHECKS: tuple[Check, ...] = (
    check_temporal,
    check_numeric,
    check_entity,
    check_framing,
    check_attribution,
    check_status,
)


def check_pair(
    a: Claim, b: Claim, documents: Sequence[Document], *, lexicon: Lexicon = ENGLISH
) -> list[tuple[Category, str]]:
    """Run every pair check on two aligned claims; return ``(category, reason)`` for each hit."""
    ctx = _Context(documents, lexicon)
    return [hit for check in PAIR_CHECKS if (hit := check(a, b, ctx)) is not None]


# ---------------------------------------------------------------------------
# One source on its own


def check_document(doc: Document, *, lexicon: Lexicon = ENGLISH) -> tuple[Finding, ...]:
    """Return a source's inconsistencies with itself.

    A sentence that places something in a period relative to the publication
    date ("earlier this year", "last week") followed, in the same paragraph, by a
    sentence that opens with the date of that very thing, outside the period and
    closer to it than the period is long: the second dates what the first
    mentions, and the two disagree.
    """
    findings: list[Finding] = []
    claims = doc.claims
    for first, second in zip(claims, claims[1:], strict=False):
        if first.paragraph != second.paragraph or doc.published is None:
            continue
        lead = _leading_time(second)
        if lead is None or lead.is_relative or lead.interval is None:
            continue
        for tm in first.times:
            if not tm.is_relative or tm.interval is None:
                continue
            lo, hi = tm.interval
            extent = (hi - lo).days + 1
            period = max(extent, _period_of(tm))
            gap = (lo - lead.interval[1]).days if lead.interval[1] < lo else (
                (lead.interval[0] - hi).days if lead.interval[0] > hi else 0
            )
            if gap <= 0 or gap > period:
                continue
            message = (
                f"{doc.name} places this {tm.text!r}, which, published {doc.published}, means "
                f"{_interval_words(tm)}; but the next sentence dates it {lead.text!r} "
                f"({_interval_words(lead)})."
            )
            findings.append(_finding("discrepancy", "temporal", (first, second), message))
            break
    return tuple(findings)


def _period_of(tm: TimeMention) -> int:
    """Return the length in days of the calendar unit a relative expression is about."""
    text = tm.text.lower()
    for unit, days in (("year", 366), ("month", 31), ("week", 7), ("day", 1)):
        if unit in text:
            return days
    return 1


def _leading_time(claim: Claim) -> TimeMention | None:
    """Return the time expression a sentence opens with ("In September 2025, ..."), if any."""
    if not claim.times:
        return None
    first = min(claim.times, key=lambda t: t.span.start)
    head = claim.text[: first.span.start - claim.span.start]
    return first if len(tokens(head)) <= 1 else None


# ---------------------------------------------------------------------------
# Findings


def finding_id(kind: str, category: str | None, claims: Sequence[Claim]) -> str:
    """Return a stable id for a finding, from its kind and its claims' sources and words.

    The id depends on the claims' text, not their offsets, so a baseline pinned on a
    finding survives an edit elsewhere in the article.
    """
    parts = sorted(f"{c.source}\x1f{' '.join(c.text.split())}" for c in claims)
    digest = hashlib.sha256("\x1e".join([kind, category or "", *parts]).encode()).hexdigest()
    prefix = category or kind.replace("_", "-")
    return f"{prefix}-{digest[:12]}"


def _finding(
    kind: FindingKind, category: Category | None, claims: Sequence[Claim], message: str
) -> Finding:
    return Finding(
        id=finding_id(kind, category, claims),
        kind=kind,
        category=category,
        claims=tuple(c.id for c in claims),
        message=message,
        evidence=tuple(Evidence(c.source, c.span, c.text) for c in claims),
        severity=SEVERITY.get(category) if category else None,
    )


def reconcile_alignments(
    documents: Sequence[Document],
    alignments: Sequence[Alignment],
    *,
    lexicon: Lexicon = ENGLISH,
) -> tuple[Finding, ...]:
    """Turn alignment groups into findings, add each source's own inconsistencies.

    Every aligned pair of a group is checked; a group with no discrepancy is an
    agreement. Claims that align with nothing are single-source findings.
    """
    ctx = _Context(documents, lexicon)
    by_id = {c.id: c for d in documents for c in d.claims}
    findings: list[Finding] = []
    aligned: set[str] = set()
    for group in alignments:
        members = [by_id[cid] for cid in group.claims]
        aligned.update(group.claims)
        hits: list[Finding] = []
        for link in group.links:
            a, b = by_id[link.claims[0]], by_id[link.claims[1]]
            for check in PAIR_CHECKS:
                hit = check(a, b, ctx)
                if hit is not None:
                    hits.append(_finding("discrepancy", hit[0], (a, b), hit[1]))
        if hits:
            findings.extend(hits)
        else:
            names = ", ".join(sorted({c.source for c in members}))
            findings.append(
                _finding(
                    "agreement",
                    None,
                    members,
                    f"{names} state the same fact (match probability {group.score:.2f}).",
                )
            )
    for doc in documents:
        findings.extend(check_document(doc, lexicon=lexicon))
        for claim in doc.claims:
            if claim.id not in aligned:
                findings.append(
                    _finding("single_source", None, (claim,), f"Only {claim.source} says this.")
                )
    unique = {f.id: f for f in findings}
    return tuple(sorted(unique.values(), key=_finding_order))


_KIND_ORDER = {"discrepancy": 0, "agreement": 1, "single_source": 2}


def _finding_order(f: Finding) -> tuple[int, str, tuple[str, ...], str]:
    return (_KIND_ORDER[f.kind], f.category or "", f.claims, f.id)
