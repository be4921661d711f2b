"""A headline states the story's main fact: it is a claim; a section heading is a segment."""

from __future__ import annotations

import reconcile
from reconcile.pipeline import parse_source

STORY = (
    "Typhoon kills 12 as it sweeps across northern Luzon\n"
    "By Maria Santos\n"
    "\n"
    "A typhoon killed 12 people as it swept across northern Luzon on Sunday, officials said.\n"
    "Rescue work\n"
    "Soldiers reached the worst-hit villages by boat on Monday.\n"
)


def test_the_headline_is_a_claim_and_a_section_heading_is_not() -> None:
    """The lines above the body are claims; a heading between paragraphs stays a segment."""
    doc = parse_source(reconcile.Source(STORY, name="wire.txt"))
    assert [c.text for c in doc.claims] == [
        "Typhoon kills 12 as it sweeps across northern Luzon",
        "A typhoon killed 12 people as it swept across northern Luzon on Sunday, officials said.",
        "Soldiers reached the worst-hit villages by boat on Monday.",
    ]
    assert [(s.why, s.text) for s in doc.segments] == [
        ("byline", "By Maria Santos"),
        ("heading", "Rescue work"),
    ]


def test_a_count_changed_in_a_headline_is_a_discrepancy() -> None:
    """A copy whose headline says 21 dead contradicts the headline that says 12."""
    edited = STORY.replace("Typhoon kills 12", "Typhoon kills 21")
    report = reconcile.compare(
        [reconcile.Source(STORY, name="a.txt"), reconcile.Source(edited, name="b.txt")]
    )
    assert [(f.category, f.message) for f in report.discrepancies] == [
        ("numeric", "a.txt says '12' but b.txt says '21'; the two numbers cannot both be right.")
    ]
