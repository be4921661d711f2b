"""Stage 3: turn aligned claims into findings a careful reader would sign.

In: the parsed :class:`~reconcile.model.Document` values and the alignment groups.
Out: :class:`~reconcile.model.Finding` values (agreements, typed discrepancies,
single-source claims), from :func:`reconcile_alignments`.

Modules: one per category (``temporal``, ``numeric``, ``entity``, ``framing``,
``attribution``, ``status``), ``document`` for a source's checks against itself,
``readers`` for what one claim states (its values and their slots), ``slots`` for
two values of one slot that cannot both hold, ``names`` for whether two mentions
name one entity, ``_synonyms`` for the synonym groups, ``findings`` for finding ids.

Each check is a small function over two aligned claims of different sources
(or, for :func:`check_document`, over one source alone) that returns a
discrepancy with its category, a one-sentence reason quoting both sides, and a
severity, or nothing. The numeric, temporal and entity checks first compare the
values the two claims put in the same slot of parallel wording ("<name> died late
yesterday", "closed the bridge on <date>"); see :mod:`reconcile.checks.readers`.
The compatibility rules that keep a fact-checker's trust live next to the check
they restrain:

- ``temporal``: two dates of one event whose day intervals are disjoint. A date
  inside a stated range, or a finer date inside a coarser one, overlaps and is
  compatible. Only dates of the same event are compared: the one date of each
  claim, or the dates whose neighbouring words match best both ways; a date
  that scopes a superlative ("the first since 1997") or bounds a period ("since
  2019") is not the date of the event.
- ``numeric``: numbers are compared only with the number that states the same
  thing: the same unit (a number word is its digits), matched by the words
  around it ("12 killed and 40 injured" against "killing 12 and injuring 40").
  Each number is widened to the range its wording allows: "about 40", "more than
  40", "dozens", "between 200 and 300", and the rounding of how it is written
  ("$1.5 billion", "4%", "52,000"). Numbers of different units are not compared.
  Durations ("12 years in prison") are numbers too.
- ``framing``: the same ordinal or superlative of the same noun, either hedged
  on one side only ("one of the deadliest", "probably the oldest"), or scoped
  on both sides with a qualifier that one side lacks ("in the city" against "in
  the country"). Different superlatives, or superlatives of different nouns,
  are about different things; an unqualified rank is less specific, not
  contradicted.
- ``attribution``: the same statement given to different speakers who each name
  someone in particular (not "officials" against "the ministry"), or stated as
  fact by one source and attributed by the other, unless the speaker is the
  actor of the fact ("the company said it would ...").
- ``status``: a plan reported before the event and its report after it are
  compatible; only a source published after the event that still calls it
  planned is flagged. Negated against affirmed is flagged unless the negation
  only says "not yet" and was published before the event.
- ``entity``: two different names in the same role in the two claims: the same
  title ("manager Dean Holt"), the same preposition ("near Grenoble", "by
  Meridian Capital"), or the subject of the same verb ("Sam Reid scored").
  A place after a containment preposition ("in France") may hold the other
  ("in Lyon") and is not compared.

Within one source (:func:`check_document`): a relative period ("last week",
"earlier this year") that the next sentence dates outside it; a deictic day
written with a calendar date that it is not ("tomorrow, March 5" published on
March 5); a weekday written with a date that falls on another weekday.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile.checks._base import SEVERITY, Check, Hit, _Context
from reconcile.checks.attribution import check_attribution
from reconcile.checks.document import check_document
from reconcile.checks.entity import check_entity
from reconcile.checks.findings import _finding, finding_id
from reconcile.checks.framing import check_framing
from reconcile.checks.numeric import check_numeric
from reconcile.checks.status import check_status
from reconcile.checks.temporal import check_temporal
from reconcile.lexicon import ENGLISH, Lexicon

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.model import Alignment, Category, Claim, Document, Finding

__all__ = [
    "PAIR_CHECKS",
    "SEVERITY",
    "check_document",
    "check_pair",
    "finding_id",
    "reconcile_alignments",
]


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
    return [(hit.category, hit.message) for hit in _pair_hits(a, b, ctx)]


def _pair_hits(a: Claim, b: Claim, ctx: _Context) -> list[Hit]:
    return [hit for check in PAIR_CHECKS if (hit := check(a, b, ctx)) is not None]


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
            hits.extend(_finding("discrepancy", hit, (a, b)) for hit in _pair_hits(a, b, ctx))
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
        findings.extend(
            _finding("single_source", None, (claim,), f"Only {claim.source} says this.")
            for claim in doc.claims
            if claim.id not in aligned
        )
    unique = {f.id: f for f in findings}
    return tuple(sorted(unique.values(), key=_finding_order))


_KIND_ORDER = {"discrepancy": 0, "agreement": 1, "single_source": 2}


def _finding_order(f: Finding) -> tuple[int, str, tuple[str, ...], str]:
    return (_KIND_ORDER[f.kind], f.category or "", f.claims, f.id)
