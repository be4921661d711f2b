"""The pair model: one definition per comparison, learned weights, evidence for and against."""

from __future__ import annotations

import math

import numpy as np
import pytest

import reconcile
from reconcile._semantic import default_encoder
from reconcile.align import (
    COMPARISONS,
    LEXICAL,
    SEMANTIC,
    PairModel,
    candidate_pairs,
    match_probability,
    pair_features,
    score_links,
)
from reconcile.pipeline import parse_sources


def _claims(*texts: str) -> list[reconcile.Claim]:
    docs = parse_sources([reconcile.Source(t, name=f"s{k}") for k, t in enumerate(texts)])
    return sorted((c for d in docs for c in d.claims), key=lambda c: c.id)


def _score(a: str, b: str, *, semantic: bool = True) -> float:
    claims = _claims(a, b)
    links = score_links(
        claims, candidate_pairs(claims), encoder=default_encoder() if semantic else None
    )
    assert len(links) == 1
    return links[0].score


def test_every_level_of_every_comparison_has_a_weight() -> None:
    """Both shipped models weigh exactly the levels their comparisons can give."""
    for model in (SEMANTIC, LEXICAL):
        for comparison in COMPARISONS:
            if comparison.needs_meaning and model is LEXICAL:
                assert comparison.name not in model.weights
                continue
            assert set(model.weights[comparison.name]) == set(comparison.levels)


def test_a_table_that_misses_a_level_is_refused() -> None:
    """An unknown or missing level is an error, never a silent weight of zero."""
    weights = {name: dict(levels) for name, levels in SEMANTIC.weights.items()}
    weights["numbers"].pop("different")
    with pytest.raises(ValueError, match="numbers"):
        PairModel("semantic", 0.0, weights)
    with pytest.raises(KeyError):
        SEMANTIC.weight_of("numbers", "roughly")


def test_a_links_weight_is_the_sum_of_its_parts() -> None:
    """Every link's score is the logistic of the intercept plus one weight per comparison."""
    claims = _claims(
        "Flooding closed 40 schools in the county on Tuesday, officials said.",
        "Officials said floods shut 40 schools across the county on Tuesday.",
    )
    for link in score_links(claims, candidate_pairs(claims), encoder=default_encoder()):
        assert math.isclose(link.weight, math.fsum(p.weight for p in link.contributions))
        assert math.isclose(link.score, match_probability(link.weight))
        assert link.contributions[0].feature == "prior"
        assert {p.feature for p in link.contributions[1:]} == {c.name for c in COMPARISONS}
        assert all(p.description for p in link.contributions)


def test_a_conflicting_number_is_evidence_against() -> None:
    """The same sentence with another count of the same thing scores lower."""
    same = _score(
        "The ferry carried 212 passengers when it ran aground near the harbour.",
        "When it ran aground near the harbour, the ferry had 212 passengers on board.",
    )
    other = _score(
        "The ferry carried 212 passengers when it ran aground near the harbour.",
        "When it ran aground near the harbour, the ferry had 95 passengers on board.",
    )
    assert other < same


def test_meaning_sees_a_paraphrase_with_few_shared_words() -> None:
    """The static vectors rank a paraphrase above an unrelated sentence of the same length."""
    enc = default_encoder()
    v = enc(
        [
            "The carmaker will cut thousands of jobs.",
            "The automaker plans to eliminate many positions.",
            "Heavy rain is expected over the weekend.",
        ]
    )
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_the_meaning_model_is_deterministic() -> None:
    """The same text always gets the same vector, alone or in a batch."""
    enc = default_encoder()
    texts = ["Talks resumed in Geneva on Monday.", "Prices rose 3% in March."]
    batch = enc(texts)
    assert np.array_equal(batch[1], enc([texts[1]])[0])
    assert np.array_equal(batch, enc(texts))


def test_without_meaning_the_lexical_model_scores() -> None:
    """``semantic=False`` leaves the meaning comparison out and still scores."""
    claims = _claims(
        "The bridge reopened to traffic on Friday after repairs.",
        "After repairs, the bridge was reopened to traffic on Friday.",
    )
    (a, b, features), *_ = pair_features(claims, candidate_pairs(claims))
    assert features.meaning is None
    assert a.id < b.id
    score = _score(
        "The bridge reopened to traffic on Friday after repairs.",
        "After repairs, the bridge was reopened to traffic on Friday.",
        semantic=False,
    )
    assert 0.0 <= score <= 1.0


QUAKE_JAVA = (
    "A magnitude 6.2 earthquake struck off Java on Monday, Indonesia's geophysics agency said. "
    "Officials in Cianjur said 40 people were killed. "
    "President Joko Widodo visited Cianjur on Tuesday."
)
QUAKE_JAVA_2 = (
    "Forty people died in Cianjur after a strong earthquake hit western Java on Monday. "
    "Joko Widodo travelled to Cianjur the next day, his office said."
)
QUAKE_CHILE = (
    "A magnitude 6.4 earthquake struck northern Chile on Wednesday, the seismological centre said. "
    "Authorities in Antofagasta said 12 people were killed. "
    "President Gabriel Boric flew to Antofagasta on Thursday."
)


def _story_weight(*texts: str) -> dict[tuple[str, str], float]:
    """Return the `story` weight of each source pair's links in one run of these texts."""
    claims = _claims(*texts)
    by_id = {c.id: c for c in claims}
    found: dict[tuple[str, str], float] = {}
    for link in score_links(claims, candidate_pairs(claims), encoder=default_encoder()):
        (part,) = [p for p in link.contributions if p.feature == "story"]
        a, b = (by_id[cid].source for cid in link.claims)
        found[min(a, b), max(a, b)] = part.weight
    return found


def test_two_reports_of_one_event_weigh_more_on_story_than_two_events_of_one_kind() -> None:
    """Claims of sources that name other places and people need more evidence to align."""
    weights = _story_weight(QUAKE_JAVA, QUAKE_JAVA_2, QUAKE_CHILE)
    assert weights["s0", "s2"] < 0
    assert weights["s1", "s2"] < 0
    assert weights["s0", "s1"] > weights["s0", "s2"] + 0.5
    assert weights["s0", "s1"] > weights["s1", "s2"] + 0.5


def test_each_comparison_has_a_level_that_weighs_nothing() -> None:
    """The most common level of each comparison weighs 0: a link lists what sets it apart."""
    for model in (SEMANTIC, LEXICAL):
        for name, levels in model.weights.items():
            assert 0.0 in levels.values(), (model.name, name)


def test_a_clause_only_one_report_adds_counts_against_a_restatement() -> None:
    """The same fact, restated, outscores the same sentence with a clause of other news added."""
    same = _score(
        "Lava from Mount Merapi destroyed two villages on its southern slope.",
        "Two villages on the southern slope of Mount Merapi were destroyed by lava.",
    )
    more = _score(
        "Lava from Mount Merapi destroyed two villages on its southern slope.",
        "Lava from Mount Merapi destroyed two villages, and the airport in Yogyakarta "
        "cancelled every flight to Jakarta.",
    )
    assert same > more
