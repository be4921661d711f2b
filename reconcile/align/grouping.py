"""Grouping: links at or above a threshold become one-claim-per-source groups.

In: scored links and the claims of the run. Out: alignment groups, sorted by claim ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile.model import Alignment

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from reconcile.model import Claim, Link

__all__ = ["group_links"]


def group_links(
    links: Iterable[Link], claims: Sequence[Claim], *, threshold: float
) -> tuple[Alignment, ...]:
    """Merge links at or above ``threshold``, strongest first, into one-claim-per-source groups.

    A link whose groups would then hold two claims of one source is dropped, so a
    claim joins the group of its best match. Two groups merge only when at least half
    of the claim pairs across them are linked themselves (average linkage on the
    links), so that a chain of neighbours ("A is like B, B like C, ...") does not
    become one fact across many sources. The result depends only on scores and claim
    ids, never on input order.
    """
    source_of = {c.id: c.source for c in claims}
    ordered = sorted(
        (link for link in links if link.score >= threshold),
        key=lambda link: (-link.score, link.claims),
    )
    linked = {link.claims for link in ordered}
    rep: dict[str, str] = {}  # claim id -> the smallest claim id of its group
    members: dict[str, list[str]] = {}
    links_of: dict[str, list[Link]] = {}
    for link in ordered:
        ra, rb = (rep.get(c, c) for c in link.claims)
        if ra == rb:
            continue
        group_a, group_b = members.get(ra, [ra]), members.get(rb, [rb])
        if {source_of[m] for m in group_a} & {source_of[m] for m in group_b}:
            continue
        if not _coherent(group_a, group_b, linked):
            continue
        keep, drop = min(ra, rb), max(ra, rb)
        members[keep] = sorted(group_a + group_b)
        members.pop(drop, None)
        links_of[keep] = [*links_of.get(keep, []), *links_of.pop(drop, []), link]
        for m in members[keep]:
            rep[m] = keep
    result = [
        Alignment(
            tuple(group),
            min(link.score for link in links_of[r]),
            tuple(sorted(links_of[r], key=lambda link: link.claims)),
        )
        for r, group in members.items()
    ]
    return tuple(sorted(result, key=lambda al: al.claims))


def _coherent(group_a: list[str], group_b: list[str], linked: set[tuple[str, str]]) -> bool:
    """Return whether at least half of the claim pairs across two groups are linked."""
    cross = len(group_a) * len(group_b)
    need = (cross + 1) // 2
    missing_allowed = cross - need
    found = missing = 0
    for x in group_a:
        for y in group_b:
            if (x, y) in linked or (y, x) in linked:
                found += 1
                if found >= need:
                    return True
            else:
                missing += 1
                if missing > missing_allowed:
                    return False
    return found >= need
