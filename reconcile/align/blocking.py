"""Blocking: the candidate pairs a run scores, from an inverted index of cheap keys.

In: the claims of a run. Out: index pairs of claims of different sources that
share a key (content-word stems, entity keys, numbers with their unit, months of
time values, ordinals), never all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.model import Claim, Document

__all__ = ["blocking_keys", "candidate_pairs", "count_candidate_pairs"]


def blocking_keys(claim: Claim) -> set[str]:
    """Return the index keys of a claim: its terms, entities, numbers and months.

    Examples:
        >>> from reconcile.model import Claim, Span
        >>> c = Claim("a@0-5", "a", Span(0, 5), "x", terms=("flood", "kill"))
        >>> sorted(blocking_keys(c))
        ['t:flood', 't:kill']
    """
    keys = {f"t:{t}" for t in claim.terms}
    keys.update(f"e:{e.key[:4]}" for e in claim.entities if len(e.key) >= 3)
    keys.update(f"n:{q.value:g}:{q.unit}" for q in claim.quantities)
    for tm in claim.times:
        if tm.interval is not None:
            keys.add(f"d:{tm.interval[0]:%Y-%m}")
    keys.update(f"o:{o.word}:{o.head}" for o in claim.ordinals)
    return keys


#: A blocking key held by more claims than this per source names a topic, not a fact.
_KEY_CLAIMS_PER_SOURCE = 8


def candidate_pairs(
    claims: Sequence[Claim], *, max_block: int | None = None
) -> list[tuple[int, int]]:
    """Return index pairs ``(i, j)``, ``i < j``, of claims of different sources sharing a key.

    Keys held by more than ``max_block`` claims (default: a fifth of the claims but
    no more than eight per source, at least 40, and at least twice the number of
    sources, so that a fact every source states stays a candidate) are too common to
    say anything and are skipped, as a search engine skips stopwords. The bound per
    source keeps the number of pairs linear in the number of claims: each claim
    meets at most ``max_block`` others per key.

    Examples:
        >>> from reconcile.model import Claim, Span
        >>> cs = [Claim(f"{s}@{i}", s, Span(0, 1), "x", terms=t) for i, (s, t) in enumerate(
        ...     [("a", ("flood",)), ("b", ("flood",)), ("b", ("fire",)), ("a", ("fire",))])]
        >>> candidate_pairs(cs)
        [(0, 1), (2, 3)]
    """
    n_sources = len({c.source for c in claims})
    cap = (
        max_block
        if max_block is not None
        else max(40, min(len(claims) // 5, _KEY_CLAIMS_PER_SOURCE * n_sources), 2 * n_sources)
    )
    index: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in blocking_keys(claim):
            index[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2 or len(members) > cap:
            continue
        for a_pos, i in enumerate(members):
            for j in members[a_pos + 1 :]:
                if claims[i].source != claims[j].source:
                    pairs.add((i, j))
    return sorted(pairs)


def count_candidate_pairs(documents: Sequence[Document]) -> tuple[int, int]:
    """Return ``(candidate pairs, all cross-source pairs)`` for these documents.

    The first number is what a run scores; the second is what all-pairs scoring
    would cost.
    """
    claims = [c for d in documents for c in d.claims]
    sizes = [len(d.claims) for d in documents]
    total = (sum(sizes) ** 2 - sum(s * s for s in sizes)) // 2
    return len(candidate_pairs(claims)), total
