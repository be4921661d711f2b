"""Differences: what one claim of a pair says that the other does not, after aligning words.

In: a candidate pair of claims, the run's word rarity (idf by stem) and, when
there is one, the meaning model. Out: per claim, the rarity-weighted share of
its content words that meet no word of the other claim, those words themselves,
and its numbers when the other claim states none.

Two claims that state one fact in other words mostly match word for word or
nearly ("died" / "killed", "quake" / "earthquake"); a claim that says more (a
clause one side adds, another place, another figure) keeps words that meet
nothing. A word meets another when both have the same stem or, with a meaning
model, when their static vectors are close (cosine at least :data:`NEAR`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from attrs import frozen

from reconcile._text import SpanSet, content_parts, tokens
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from numpy.typing import NDArray

    from reconcile._semantic import Encoder
    from reconcile.model import Claim

__all__ = ["NEAR", "Differences", "bulk_differences", "content_words"]

#: Two words meet when the cosine of their static meaning vectors is at least this.
NEAR = 0.45
#: The rarity of a word the run has not counted (a stem outside every claim's terms).
_UNSEEN_IDF = 3.0


@frozen
class Differences:
    """What each claim of a pair says that the other does not.

    ``unmatched`` holds, for the first and the second claim, the idf-weighted share
    of its content words that meet no word of the other; ``words`` the rarest of those
    words; ``numbers`` the numbers it states that the other does not.
    """

    unmatched: tuple[float, float] = (0.0, 0.0)
    words: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    numbers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def content_words(claim: Claim, lexicon: Lexicon = ENGLISH) -> list[tuple[str, str]]:
    """Return ``(stem, lower-cased word)`` for each content word of a claim, in text order.

    Stopwords, one-letter words, the words of its numbers and dates and those of its
    attribution ("the regional agency said") are left out: those are compared as
    quantities, time values and speakers, and a conflict between them is for the checks
    to report. A hyphenated word counts as its parts.

    Examples:
        >>> from reconcile.model import Claim, Span
        >>> text = "The quake-hit towns got aid on Tuesday."
        >>> [w for _, w in content_words(Claim("a@0-39", "a", Span(0, 39), text))]
        ['quake', 'hit', 'towns', 'got', 'aid', 'tuesday']
    """
    # Spans of numbers, dates and the attribution, relative to the claim's text (an
    # attribution can lie partly outside the claim: "..., the agency said of it").
    start, length = claim.span.start, len(claim.text)
    marked = (
        *claim.quantities,
        *claim.times,
        *((claim.attribution,) if claim.attribution is not None else ()),
    )
    skip = SpanSet(
        Span(max(0, m.span.start - start), min(length, m.span.end - start))
        for m in marked
        if m.span.end > start and m.span.start < start + length
    )
    out: list[tuple[str, str]] = []
    for tok in skip.outside(tokens(claim.text)):
        out.extend(content_parts(tok.lower, lexicon.stopwords, min_part=2))
    return out


def _numbers(claim: Claim) -> tuple[str, ...]:
    return tuple(sorted({q.text for q in claim.quantities}))


def _own_numbers(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """Return the numbers of one claim when the other states none.

    Two claims that both state numbers are compared figure by figure elsewhere:
    "two people" / "five people" is one fact with two figures, for the checks to
    judge, and the units the parser reads for one figure are not always those of
    the other ("five" / "five people").
    """
    return () if theirs else mine


def bulk_differences(
    claims: Sequence[Claim],
    pairs: Sequence[tuple[int, int]],
    idf: Mapping[str, float],
    encoder: Encoder | None,
    lexicon: Lexicon = ENGLISH,
) -> Iterator[Differences]:
    """Yield, per index pair ``(i, j)``, the differences of ``claims[i]`` and ``claims[j]``.

    Each claim's words are read once and each distinct word is encoded once per run;
    a pair then costs one small matrix product. The differences are yielded pair by
    pair, so a run never holds those of every candidate pair.
    """
    if not pairs:
        return
    needed = sorted({i for pair in pairs for i in pair})
    words = {i: content_words(claims[i], lexicon) for i in needed}
    numbers = {i: _numbers(claims[i]) for i in needed}
    vocabulary = sorted({w for i in needed for _, w in words[i]})
    row_of = {w: k for k, w in enumerate(vocabulary)}
    rows = {i: np.fromiter((row_of[w] for _, w in words[i]), dtype=np.intp) for i in needed}
    vectors: NDArray[np.float32] | None = (
        encoder(vocabulary) if encoder is not None and vocabulary else None
    )
    for i, j in pairs:
        wi, wj = words[i], words[j]
        near_i: NDArray[np.bool_] | None = None
        near_j: NDArray[np.bool_] | None = None
        if vectors is not None and wi and wj:
            vi = vectors[rows[i]]
            vj = vectors[rows[j]]
            near = np.asarray((vi @ vj.T) >= NEAR, dtype=np.bool_)
            near_i = np.asarray(near.any(axis=1), dtype=np.bool_)
            near_j = np.asarray(near.any(axis=0), dtype=np.bool_)
        share_i, own_i = _unmatched(wi, wj, idf, near_i)
        share_j, own_j = _unmatched(wj, wi, idf, near_j)
        yield Differences(
            (share_i, share_j),
            (own_i, own_j),
            (_own_numbers(numbers[i], numbers[j]), _own_numbers(numbers[j], numbers[i])),
        )


def _unmatched(
    mine: list[tuple[str, str]],
    theirs: list[tuple[str, str]],
    idf: Mapping[str, float],
    near: NDArray[np.bool_] | None,
) -> tuple[float, tuple[str, ...]]:
    """Return the idf share of ``mine`` meeting nothing in ``theirs``, and the rarest such words."""
    other_stems = {s for s, _ in theirs}
    total = left = 0.0
    lonely: dict[str, float] = {}
    for k, (s, w) in enumerate(mine):
        weight = idf.get(s, _UNSEEN_IDF)
        total += weight
        if s in other_stems or (near is not None and bool(near[k])):
            continue
        left += weight
        lonely[w] = weight
    rarest = sorted(lonely, key=lambda w: (-lonely[w], w))[:4]
    return (left / total if total > 0 else 0.0), tuple(rarest)
