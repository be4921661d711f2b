"""The pair model: one learned weight per comparison level, summed into a match probability.

In: a pair's :class:`~reconcile.align.comparisons.PairFeatures`. Out: its score
(a calibrated probability that the two claims state the same fact), its weight
(log2 odds) and the parts of that weight, each with the sentence that explains it.

The weights are the coefficients of a logistic regression fitted on labelled
real pairs with hard negatives (``benchmarks/fit_pair_model.py``, stored in
``reconcile/_weights.py``), converted to bits, so a pair's weight is the intercept
plus one weight per comparison, and ``score == 2**weight / (1 + 2**weight)``.
A level the table has no weight for is an error, never a silent zero.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile import _weights
from reconcile.align.comparisons import COMPARISONS, levels_of
from reconcile.model import Contribution

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from reconcile.align.comparisons import PairFeatures

__all__ = [
    "DEFAULT_THRESHOLD",
    "LEXICAL",
    "SEMANTIC",
    "PairModel",
    "explain",
    "match_probability",
    "model_for",
]

#: A pair is aligned when its match probability is at least this (chosen on dev data).
DEFAULT_THRESHOLD: float = _weights.THRESHOLD


@frozen
class PairModel:
    """Weights in bits per (comparison, level), and the intercept."""

    name: str
    intercept: float
    weights: Mapping[str, Mapping[str, float]]

    def __attrs_post_init__(self) -> None:
        """Refuse a table that misses a level, or has one no comparison gives."""
        for comparison in COMPARISONS:
            if comparison.needs_meaning and self.name == "lexical":
                if comparison.name in self.weights:
                    msg = f"the lexical pair model must not weigh {comparison.name!r}"
                    raise ValueError(msg)
                continue
            table = self.weights.get(comparison.name)
            if table is None or set(table) != set(comparison.levels):
                msg = (
                    f"pair model {self.name!r}: the weights of {comparison.name!r} "
                    f"({sorted(table or {})}) do not match its levels {sorted(comparison.levels)}"
                )
                raise ValueError(msg)
        unknown = set(self.weights) - {c.name for c in COMPARISONS}
        if unknown:
            msg = f"pair model {self.name!r} weighs unknown comparisons {sorted(unknown)}"
            raise ValueError(msg)

    def weight_of(self, feature: str, level: str) -> float:
        """Return the weight of one level; an unknown one raises :class:`KeyError`."""
        return self.weights[feature][level]

    def match_weight(self, f: PairFeatures) -> float:
        """Return the pair's weight without building its parts (the fast path)."""
        return math.fsum(
            [self.intercept, *(self.weight_of(c.name, level) for c, level in levels_of(f))]
        )

    def weigh(self, f: PairFeatures) -> tuple[float, float, tuple[Contribution, ...]]:
        """Return ``(score, weight, contributions)``; the first contribution is the intercept."""
        parts = [
            Contribution(
                "prior",
                "prior",
                self.intercept,
                "base odds that two candidate claims of different sources state the same fact",
            )
        ]
        for comparison, level in levels_of(f):
            parts.append(
                Contribution(
                    comparison.name,
                    level,
                    self.weight_of(comparison.name, level),
                    comparison.describe(f, level),
                )
            )
        weight = math.fsum(p.weight for p in parts)
        return match_probability(weight), weight, tuple(parts)


#: The default model, with the meaning comparison; and the one without it.
SEMANTIC = PairModel("semantic", _weights.SEMANTIC_INTERCEPT, _weights.SEMANTIC_LEVELS)
LEXICAL = PairModel("lexical", _weights.LEXICAL_INTERCEPT, _weights.LEXICAL_LEVELS)


def model_for(f: PairFeatures) -> PairModel:
    """Return the model that fits these features: with meaning if the pair has a meaning score."""
    return SEMANTIC if f.meaning is not None else LEXICAL


def match_probability(weight: float) -> float:
    """Map a match weight (log2 odds) to a probability in [0, 1].

    Examples:
        >>> match_probability(0.0), match_probability(3.0)
        (0.5, 0.8888888888888888)
    """
    if weight > 60:
        return 1.0
    if weight < -60:
        return 0.0
    odds: float = 2.0**weight
    return odds / (1.0 + odds)


def explain(score: float, parts: Sequence[Contribution]) -> str:
    """Say in one sentence what made a pair score as it did."""
    ranked = sorted(parts[1:], key=lambda p: (-abs(p.weight), p.feature))
    pro = [p for p in ranked if p.weight > 0][:3]
    con = [p for p in ranked if p.weight < 0][:2]
    text = f"Match probability {score:.2f}"
    if pro:
        text += ": for, " + "; ".join(f"{p.description} ({p.weight:+.1f})" for p in pro)
    if con:
        text += "; against, " + "; ".join(f"{p.description} ({p.weight:+.1f})" for p in con)
    return text + "."
