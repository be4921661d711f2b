"""Numeric check: different quantities of the same thing that no rounding or hedge reconciles."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile._text import (
    tokens,
)
from reconcile.checks._base import (
    _NUMBER_WINDOW,
    SEVERITY,
    Hit,
    _Context,
    _lemma_stems,
    _words_near,
)
from reconcile.checks.names import _same_entity, _same_subject
from reconcile.checks.readers import _is_measure
from reconcile.checks.slots import differing_slots, slot_hit
from reconcile.lexicon import Lexicon
from reconcile.model import (
    Claim,
    Entity,
)
from reconcile.timex import duration_days

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


@frozen
class _Amount:
    """A number of a claim as the numeric check compares it, with the words around it."""

    text: str
    start: int
    end: int
    low: float
    high: float
    unit: str
    context: frozenset[str]


# TIMEX3 durations: "P12Y", "PT6H", "P1DE"; M is months before T and minutes after it.
# How a duration's TIMEX3 modifier widens it, like the approximations of numbers.
_MODS: dict[str, tuple[float, float]] = {
    "APPROX": (0.9, 1.1),
    "MORE_THAN": (1.0, math.inf),
    "EQUAL_OR_MORE": (1.0, math.inf),
    "LESS_THAN": (0.8, 1.0),
    "EQUAL_OR_LESS": (0.0, 1.0),
}
#: How far apart two durations in different units may be and still be one ("a year",
#: "12 months", "52 weeks").
_CONVERSION = 0.005


#: The unit of every count of people in general ("40 people", "45 residents").
_PERSON_UNIT = "person"


def _amounts(claim: Claim, lexicon: Lexicon) -> list[_Amount]:
    persons = _lemma_stems(lexicon, lexicon.person_nouns)
    spans = [(q.span.start, q.span.end) for q in claim.quantities]
    spans += [(t.span.start, t.span.end) for t in claim.times]
    found = [
        _Amount(
            q.text,
            q.span.start,
            q.span.end,
            q.low,
            q.high,
            _PERSON_UNIT if q.unit in persons else q.unit,
            frozenset(
                _words_near(
                    claim, q.span.start, q.span.end, lexicon, window=_NUMBER_WINDOW, stops=spans
                )
                - {q.unit}
            ),
        )
        for q in claim.quantities
    ]
    for t in claim.times:
        days = duration_days(t.value) if t.type == "DURATION" else None
        if days is None:
            continue
        # Units convert with average lengths (a month is 30.44 days), so "a year" and
        # "12 months" differ by a rounding that no writer means.
        lo, hi = _MODS.get(t.mod or "", (1 - _CONVERSION, 1 + _CONVERSION))
        context = _words_near(
            claim, t.span.start, t.span.end, lexicon, window=_NUMBER_WINDOW, stops=spans
        )
        found.append(
            _Amount(
                t.text,
                t.span.start,
                t.span.end,
                days * lo,
                days * hi,
                "duration",
                frozenset(context),
            )
        )
    return found


def _affinity(x: _Amount, y: _Amount) -> int:
    """Return how surely two numbers state the same thing (0: not comparable).

    The same unit counts 1; each shared word around them counts 2, so that "12 killed"
    meets "killing 12" before it meets "40 people injured".
    """
    shared = 2 * len(x.context & y.context)
    if x.unit and y.unit:
        return 1 + shared if x.unit == y.unit else 0
    unit = x.unit or y.unit
    if unit and _is_measure(unit):
        return 0
    return shared


def _fits(x: _Amount, y: _Amount) -> bool:
    """Return whether two numbers' ranges meet: "$2.0 billion" and "$2.1 billion" only touch."""
    if x.low == x.high or y.low == y.high:
        return x.low <= y.high and y.low <= x.high
    # A bound meets the other at its stated number: "as many as 29" and "at least 29".
    if (x.high == y.low or y.high == x.low) and _is_bound(x) and _is_bound(y):
        return True
    # Rounding ranges are half-open: 2.0 covers [1.95, 2.05) and 2.1 covers [2.05, 2.15).
    return x.low < y.high and y.low < x.high


def _is_bound(x: _Amount) -> bool:
    """Return whether a range is open on one side ("at least 29", "up to 40")."""
    return x.low == 0 or math.isinf(x.high)


def check_numeric(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag different quantities of the same thing that no rounding or hedge reconciles."""
    for pair in differing_slots(a, b, ctx):
        if pair.x.kind in ("number", "duration"):
            message, detail = slot_hit(pair, a, b, "the two numbers cannot both be right.")
            return Hit("numeric", message, SEVERITY["numeric"], detail)
    xs, ys = _amounts(a, ctx.lexicon), _amounts(b, ctx.lexicon)
    if not xs or not ys or _about_different_names(a, b, ctx.lexicon):
        return None
    score = {(i, j): _affinity(x, y) for i, x in enumerate(xs) for j, y in enumerate(ys)}
    best_x = {i: _argmax(score[i, j] for j in range(len(ys))) for i in range(len(xs))}
    best_y = {j: _argmax(score[i, j] for i in range(len(xs))) for j in range(len(ys))}
    for i, x in enumerate(xs):
        for j in best_x[i]:
            y = ys[j]
            if i not in best_y[j]:
                continue
            if any(_fits(x, ys[k]) for k in best_x[i]) or any(_fits(xs[k], y) for k in best_y[j]):
                continue
            if _restated(y, xs) or _restated(x, ys):
                continue  # the other claim states this very number too, of the same unit
            if not x.context & y.context:
                continue  # the same unit of different things ("his 11 seasons", "her 19 seasons")
            hx, hy = _holder(a, x.end, ctx.lexicon), _holder(b, y.end, ctx.lexicon)
            if hx is not None and hy is not None and not _same_entity(hx, hy, ctx.lexicon):
                continue  # "the 36-year-old Rahman" / "the 32-year-old Klitschko"
            return Hit(
                "numeric",
                f"{a.source} says {x.text!r} but {b.source} says {y.text!r}; "
                "the two numbers cannot both be right.",
                SEVERITY["numeric"],
                f"{x.text} / {y.text}",
            )
    return None


def _restated(x: _Amount, others: Sequence[_Amount]) -> bool:
    """Return whether the other claim states exactly this number too ("55.3 million").

    A bare number ("compared with 55.3 million a decade ago") counts for any unit.
    """
    return any(
        (o.unit == x.unit or not o.unit or not x.unit) and o.low == x.low and o.high == x.high
        for o in others
    )


def _holder(claim: Claim, end: int, lexicon: Lexicon) -> Entity | None:
    """Return the name a number qualifies right after it ("the 36-year-old Rahman")."""
    base = claim.span.start
    pos = end - base
    for w in tokens(claim.text, pos):
        if claim.text[pos : w.start].strip(" -"):
            return None  # punctuation or a word between: the number is not its attribute
        if all(part in lexicon.age_phrase_words for part in w.lower.split("-") if part):
            pos = w.end
            continue
        return next(
            (e for e in claim.entities if e.kind == "name" and e.span.start == w.start + base),
            None,
        )
    return None


def _about_different_names(a: Claim, b: Claim, lexicon: Lexicon) -> bool:
    """Return whether each claim names someone the other does not ("Cheeks" / "DiLeo").

    Their numbers are then about different subjects; a name changed in the same role
    is the entity check's to report.
    """
    names_a = [e for e in a.entities if e.kind == "name"]
    names_b = [e for e in b.entities if e.kind == "name"]
    return any(not any(_same_subject(e, f, lexicon) for f in b.entities) for e in names_a) and any(
        not any(_same_subject(e, f, lexicon) for f in a.entities) for e in names_b
    )


def _argmax(values: Iterable[int]) -> list[int]:
    scored = list(values)
    top = max(scored, default=0)
    return [k for k, v in enumerate(scored) if v == top] if top > 0 else []
