"""The story check: sources grouped into stories from their names, words and dates."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile
from reconcile import Source
from reconcile.align import candidate_pairs, check_stories, score_links, story_contribution
from reconcile.model import StoryCheck
from reconcile.pipeline import parse_sources

# Two reports of the 2010 Haiti earthquake and two of the 2011 Christchurch earthquake.
HAITI_A = (
    "A magnitude 7.0 earthquake struck Haiti on Tuesday, flattening much of Port-au-Prince. "
    "President Rene Preval said the presidential palace had collapsed. "
    "The United Nations said its mission headquarters in Port-au-Prince was badly damaged. "
    "The Red Cross said as many as three million people may need emergency aid in Haiti."
)
HAITI_B = (
    "Rescuers in Port-au-Prince searched the rubble on Wednesday after the earthquake in Haiti. "
    "Rene Preval, the president of Haiti, said he had no place to sleep after his palace fell. "
    "The Red Cross sent teams from the Dominican Republic. "
    "Officials of the United Nations said dozens of its staff in Port-au-Prince were missing."
)
CHRISTCHURCH_A = (
    "A magnitude 6.3 earthquake hit Christchurch on Tuesday, killing at least 65 people. "
    "Prime Minister John Key said it may be New Zealand's darkest day. "
    "The spire of the cathedral in Christchurch fell into the square below. "
    "Mayor Bob Parker said the centre of Christchurch had been evacuated."
)
CHRISTCHURCH_B = (
    "Rescue teams from Australia arrived in Christchurch on Wednesday after the earthquake. "
    "John Key declared a national emergency for New Zealand. "
    "Bob Parker, the mayor of Christchurch, said many buildings in the centre would be razed. "
    "The Canterbury Television building collapsed, trapping dozens of people in Christchurch."
)

SOURCES = {
    "haiti-a.txt": HAITI_A,
    "haiti-b.txt": HAITI_B,
    "nz-a.txt": CHRISTCHURCH_A,
    "nz-b.txt": CHRISTCHURCH_B,
}


def _documents(names: list[str]) -> tuple[reconcile.Document, ...]:
    return parse_sources([Source(SOURCES[n], name=n) for n in names], workers=1)


def test_two_reports_of_one_event_are_one_story() -> None:
    """Two reports that name the same people and places are one story, and nothing is said."""
    check = check_stories(_documents(["haiti-a.txt", "haiti-b.txt"]))
    assert [s.sources for s in check.stories] == [("haiti-a.txt", "haiti-b.txt")]
    assert [p.relation for p in check.pairs] == ["same"]
    assert check.message is None
    assert "Port-au-Prince" in check.pairs[0].shared


def test_two_events_of_one_kind_are_two_stories() -> None:
    """Two quakes, two reports each: two stories, and the pairs across them are 'different'."""
    check = check_stories(_documents(sorted(SOURCES)))
    assert [s.sources for s in check.stories] == [
        ("haiti-a.txt", "haiti-b.txt"),
        ("nz-a.txt", "nz-b.txt"),
    ]
    relations = {p.sources: p.relation for p in check.pairs}
    assert relations == {
        ("haiti-a.txt", "haiti-b.txt"): "same",
        ("haiti-a.txt", "nz-a.txt"): "different",
        ("haiti-a.txt", "nz-b.txt"): "different",
        ("haiti-b.txt", "nz-a.txt"): "different",
        ("haiti-b.txt", "nz-b.txt"): "different",
        ("nz-a.txt", "nz-b.txt"): "same",
    }
    assert check.message is not None
    assert check.message.startswith("The sources seem to report 2 different events: ")
    assert "haiti-a.txt and haiti-b.txt (" in check.message
    assert "Christchurch" in check.message
    apart = check.pair_of("nz-a.txt", "haiti-b.txt")
    assert apart is not None
    assert apart.weight < 0
    assert "share none of their main names" in apart.evidence


@settings(max_examples=8, deadline=None)
@given(st.permutations(sorted(SOURCES)))
def test_the_check_does_not_depend_on_the_order_of_the_sources(order: list[str]) -> None:
    """Any order of the same sources gives the same stories, pairs and message."""
    docs = _documents(sorted(SOURCES))
    by_name = {d.name: d for d in docs}
    assert check_stories([by_name[n] for n in order]) == check_stories(docs)


def test_one_sentence_sources_are_left_alone() -> None:
    """Two one-sentence sources are too short to judge: 'unsure', and their links unchanged."""
    docs = parse_sources(
        [
            Source("Amazon said it would buy Whole Foods for $13.7 billion.", name="a"),
            Source("Whole Foods agreed to be bought by Amazon for $13.7 billion.", name="b"),
        ],
        workers=1,
    )
    check = check_stories(docs)
    assert [(p.relation, p.similarity, p.weight) for p in check.pairs] == [("unsure", None, 0.0)]
    assert check.message is None
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    pairs = candidate_pairs(claims)
    assert score_links(claims, pairs, stories=check) == score_links(claims, pairs)


def test_a_link_across_two_events_carries_the_story_bits() -> None:
    """A link across sources of different events has a 'story_check' part; weight is the sum."""
    docs = _documents(sorted(SOURCES))
    check = check_stories(docs)
    claims = sorted((c for d in docs for c in d.claims), key=lambda c: c.id)
    source = {c.id: c.source for c in claims}
    links = score_links(claims, candidate_pairs(claims), stories=check)
    across = [k for k in links if source[k.claims[0]][:2] != source[k.claims[1]][:2]]
    assert across
    for link in across:
        part = [p for p in link.contributions if p.feature == "story_check"]
        assert [(p.level, p.weight) for p in part] == [("different", check.pairs[1].weight)]
        assert part[0].description.startswith("the two sources seem to report different events")
        assert link.weight == pytest.approx(sum(p.weight for p in link.contributions))


def test_no_claim_of_one_quake_aligns_with_one_of_the_other() -> None:
    """Compared together, the two quakes' reports align within each quake only."""
    report = reconcile.compare([Source(t, name=n) for n, t in SOURCES.items()])
    source = {c.id: c.source for c in report.claims}
    for group in report.alignments:
        assert len({source[c][:2] for c in group.claims}) == 1


def test_story_contribution_is_none_without_a_judged_pair() -> None:
    """No check, or a pair the check has no verdict on, adds nothing."""
    docs = _documents(["haiti-a.txt", "nz-a.txt"])
    a, b = docs[0].claims[0], docs[1].claims[0]
    assert story_contribution(None, a, b) is None
    assert story_contribution(StoryCheck(), a, b) is None


def test_the_report_keeps_the_story_check() -> None:
    """The JSON report carries the story check, reads it back, and the text report shows it."""
    report = reconcile.compare([Source(t, name=n) for n, t in SOURCES.items()])
    data = report.to_dict()
    assert [s["sources"] for s in data["story_check"]["stories"]] == [
        ["haiti-a.txt", "haiti-b.txt"],
        ["nz-a.txt", "nz-b.txt"],
    ]
    assert data["story_check"]["message"] == report.story_check.message
    again = reconcile.Report.from_dict(data)
    assert again.story_check == report.story_check
    assert again.to_dict() == data
    message = report.story_check.message
    assert message is not None
    assert message in report.to_text()
    assert "## Stories (2)" in report.to_markdown()
    assert 'class="stories"' in report.to_html()


@pytest.mark.parametrize(("x", "y"), list(itertools.combinations(sorted(SOURCES), 2)))
def test_pair_of_finds_a_pair_in_either_order(x: str, y: str) -> None:
    """pair_of(a, b) and pair_of(b, a) are the same pair."""
    check = check_stories(_documents(sorted(SOURCES)))
    assert check.pair_of(x, y) == check.pair_of(y, x)
    assert check.pair_of(x, y) is not None


def test_two_lone_reports_of_two_quakes_are_apart_unless_published_together() -> None:
    """Two sources alone, sharing no names, are apart; published on one day, unsure."""
    names = ["haiti-b.txt", "nz-a.txt"]
    check = check_stories(_documents(names))
    assert [p.relation for p in check.pairs] == ["different"]
    dated = parse_sources(
        [Source(SOURCES[n], name=n, published=date(2011, 2, 22)) for n in names], workers=1
    )
    (pair,) = check_stories(dated).pairs
    assert (pair.relation, pair.weight) == ("unsure", 0.0)
    assert "both published 2011-02-22" in pair.evidence
    assert pair.published == (date(2011, 2, 22), date(2011, 2, 22))
