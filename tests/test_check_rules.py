"""Single check rules, on two claims given side by side (no alignment in between)."""

from __future__ import annotations

from datetime import date

import reconcile
from reconcile.checks import check_pair
from reconcile.pipeline import parse_sources


def _pair(a: str, a_published: date, b: str, b_published: date) -> list[str]:
    docs = parse_sources(
        [
            reconcile.Source(a, name="a.txt", published=a_published),
            reconcile.Source(b, name="b.txt", published=b_published),
        ]
    )
    return [category for category, _ in check_pair(docs[0].claims[0], docs[1].claims[0], docs)]


def test_a_light_verb_is_no_shared_action() -> None:
    """ "Will make a statement" and "made a trade" share only "make": no plan-versus-done."""
    assert (
        _pair(
            "The coach will make a statement on Tuesday.",
            date(2005, 5, 24),
            "The team made a trade on Sunday.",
            date(2005, 5, 22),
        )
        == []
    )


def test_a_shared_action_told_as_a_plan_after_the_deed_is_flagged() -> None:
    """The control: the same action planned in a report written after it was done."""
    assert _pair(
        "The coach will name his staff.",
        date(2005, 5, 24),
        "The coach named his staff on Sunday.",
        date(2005, 5, 23),
    ) == ["status"]
