"""Findings: stable ids and the finding value a hit becomes."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from reconcile.checks._base import Hit
from reconcile.model import (
    Claim,
    Evidence,
    Finding,
    FindingKind,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


def finding_id(
    kind: str, category: str | None, claims: Sequence[Claim], *, detail: str = ""
) -> str:
    """Return a stable id for a finding, from its kind, its claims' words and what differs.

    The id depends on the claims' sources and text (white space normalized), not on
    their offsets, so a baseline pinned on a finding survives an edit elsewhere in
    the article; ``detail`` (the values at odds) keeps two findings on the same claims
    apart.

    Examples:
        >>> from reconcile.model import Claim, Span
        >>> c = Claim("a@0-9", "a.txt", Span(0, 9), "Two died.")
        >>> finding_id("discrepancy", "numeric", [c], detail="Two / five")
        'numeric-28796fa69721'
    """
    parts = sorted(f"{c.source}\x1f{' '.join(c.text.split())}" for c in claims)
    fields = [kind, category or "", *parts]
    if detail:
        fields.append(detail)
    digest = hashlib.sha256("\x1e".join(fields).encode()).hexdigest()
    prefix = category or kind.replace("_", "-")
    return f"{prefix}-{digest[:12]}"


def _finding(
    kind: FindingKind, hit: Hit | None, claims: Sequence[Claim], message: str = ""
) -> Finding:
    return Finding(
        id=finding_id(
            kind, hit.category if hit else None, claims, detail=hit.detail if hit else ""
        ),
        kind=kind,
        category=hit.category if hit else None,
        claims=tuple(c.id for c in claims),
        message=hit.message if hit else message,
        evidence=tuple(Evidence(c.source, c.span, c.text) for c in claims),
        severity=hit.severity if hit else None,
    )
