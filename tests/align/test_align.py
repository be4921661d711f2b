"""Alignment: blocking, explainable scores, grouping."""

from __future__ import annotations

import math
from itertools import combinations

import pytest
from hypothesis import given, settings
from support import articles

import reconcile
from reconcile.align import (
    DEFAULT_THRESHOLD,
    SEMANTIC,
    candidate_pairs,
    count_candidate_pairs,
    group_links,
    match_probability,
    score_links,
)
from reconcile.model import Contribution, Link
from reconcile.pipeline import parse_sources

STORM_A = (
    "Hurricane Lena made landfall near Corpus Christi on Friday night. "
    "At least 12 people were killed, state officials said. "
    "Governor Ann Marsh declared a state of emergency in 14 counties."
)
STORM_B = (
    "Officials said 12 people died after Hurricane Lena came ashore near Corpus Christi. "
    "Governor Ann Marsh has declared an emergency in 14 counties. "
    "The city zoo reopened on Sunday."
)


def _claims(*texts: str) -> list[reconcile.Claim]:
    sources = [reconcile.Source(t, name=f"s{k}") for k, t in enumerate(texts)]
    docs = parse_sources(sources)
    return sorted((c for d in docs for c in d.claims), key=lambda c: c.id)


def _storm_groups() -> list[tuple[str, ...]]:
    report = reconcile.compare(
        [reconcile.Source(STORM_A, name="a"), reconcile.Source(STORM_B, name="b")]
    )
    return sorted(
        tuple(report.claim(cid).text for cid in group.claims) for group in report.alignments
    )


def test_same_facts_align_and_the_unrelated_claim_does_not() -> None:
    """A fact restated in other words is grouped; the unrelated claim is not."""
    groups = _storm_groups()
    assert (
        "Governor Ann Marsh declared a state of emergency in 14 counties.",
        "Governor Ann Marsh has declared an emergency in 14 counties.",
    ) in groups
    assert all("The city zoo reopened on Sunday." not in g for g in groups)


@pytest.mark.xfail(
    strict=True,
    reason="the pair model fitted on ECB+ and MRPC scores this pair about 0.5, under the "
    "threshold chosen on dev data: a count stated with another verb and a long extra clause",
)
def test_a_death_toll_in_other_words_aligns() -> None:
    """'12 people were killed' and '12 people died after ...' state the same fact."""
    assert (
        "At least 12 people were killed, state officials said.",
        "Officials said 12 people died after Hurricane Lena came ashore near Corpus Christi.",
    ) in _storm_groups()


def test_score_is_the_documented_combination_of_its_parts() -> None:
    """A link's weight is the sum of its contributions; its score is 2**w / (1 + 2**w)."""
    claims = _claims(STORM_A, STORM_B)
    links = score_links(claims, candidate_pairs(claims))
    assert links
    for link in links:
        assert link.contributions[0].feature == "prior"
        assert math.isclose(link.weight, math.fsum(p.weight for p in link.contributions))
        assert math.isclose(link.score, 2**link.weight / (1 + 2**link.weight))
        assert 0.0 <= link.score <= 1.0


@settings(max_examples=25, deadline=None)
@given(a=articles, b=articles)
def test_score_laws_hold_on_any_articles(a: str, b: str) -> None:
    """Scores are sums of parts mapped to [0, 1], and alignment groups hold one claim per source."""
    claims = _claims(a, b)
    links = score_links(claims, candidate_pairs(claims))
    for link in links:
        assert math.isclose(link.weight, math.fsum(p.weight for p in link.contributions))
        assert math.isclose(link.score, match_probability(link.weight))
    by_id = {c.id: c for c in claims}
    for group in group_links(links, claims):
        sources = [by_id[cid].source for cid in group.claims]
        assert len(sources) == len(set(sources))
        assert group.score == min(link.score for link in group.links)
        assert group.score >= DEFAULT_THRESHOLD


def test_blocking_proposes_a_subset_of_all_cross_source_pairs() -> None:
    """Candidate pairs are cross-source pairs, and count_candidate_pairs counts them."""
    sources = [reconcile.Source(t, name=f"s{k}") for k, t in enumerate((STORM_A, STORM_B))]
    docs = parse_sources(sources)
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    every = {
        (i, j)
        for i, j in combinations(range(len(claims)), 2)
        if claims[i].source != claims[j].source
    }
    blocked = set(candidate_pairs(claims))
    assert blocked <= every
    assert count_candidate_pairs(docs) == (len(blocked), len(every))


def test_blocking_keeps_every_pair_that_all_pairs_scoring_aligns() -> None:
    """On these articles, scoring only the blocked pairs loses no alignment of all-pairs scoring."""
    claims = _claims(STORM_A, STORM_B)
    every = [
        (i, j)
        for i, j in combinations(range(len(claims)), 2)
        if claims[i].source != claims[j].source
    ]
    full = group_links(score_links(claims, every), claims)
    blocked = group_links(score_links(claims, candidate_pairs(claims)), claims)
    assert [g.claims for g in blocked] == [g.claims for g in full]


def test_explanation_names_the_strongest_parts() -> None:
    """Each link explains itself in one sentence that starts with its probability."""
    claims = _claims(STORM_A, STORM_B)
    link = max(score_links(claims, candidate_pairs(claims)), key=lambda x: x.score)
    assert link.explanation.startswith(f"Match probability {link.score:.2f}: for, ")
    assert link.explanation.endswith(".")


@settings(max_examples=25, deadline=None)
@given(a=articles, b=articles)
def test_the_fast_path_keeps_exactly_the_links_at_or_above_its_cut(a: str, b: str) -> None:
    """score_links(min_score=t) is every link of the full scoring whose score reaches t."""
    claims = _claims(a, b)
    pairs = candidate_pairs(claims)
    full = score_links(claims, pairs)
    fast = score_links(claims, pairs, min_score=DEFAULT_THRESHOLD)
    assert fast == tuple(link for link in full if link.score >= DEFAULT_THRESHOLD)


def test_a_shared_action_is_a_part_of_the_score() -> None:
    """Two reports that the same thing happened share its verb, and the score says so."""
    claims = _claims(
        "Police arrested two men after the bank robbery in Dunmore on Tuesday.",
        "Two men were arrested on Tuesday following a robbery at a Dunmore bank.",
    )
    (link,) = score_links(claims, candidate_pairs(claims))
    part = next(p for p in link.contributions if p.feature == "predicates")
    assert (part.level, part.description) == ("shared", "the same action: arrest")
    assert part.weight > SEMANTIC.weight_of("predicates", "different")


def _link(x: str, y: str, score: float) -> Link:
    weight = math.log2(score / (1 - score))
    return Link((x, y), score, weight, (Contribution("prior", "prior", weight, "all"),), "")


def test_a_chain_of_neighbours_is_not_one_fact() -> None:
    """A~B, B~C, C~D: D joins only when it is linked to half of the group it would join."""
    claims = [
        reconcile.Claim(f"{s}@0-1", s, reconcile.Span(0, 1), "x") for s in ("a", "b", "c", "d")
    ]
    chain = [_link("a@0-1", "b@0-1", 0.9), _link("b@0-1", "c@0-1", 0.8)]
    groups = group_links([*chain, _link("c@0-1", "d@0-1", 0.7)], claims)
    assert [g.claims for g in groups] == [("a@0-1", "b@0-1", "c@0-1")]
    more = [*chain, _link("c@0-1", "d@0-1", 0.7), _link("b@0-1", "d@0-1", 0.65)]
    assert [g.claims for g in group_links(more, claims)] == [("a@0-1", "b@0-1", "c@0-1", "d@0-1")]
