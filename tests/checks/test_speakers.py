"""Who said it: one speaker however the verb is written, different speakers flagged.

Written for these tests: a statement given to the same person with "said", "told
reporters" or "said in a statement" is one attribution; routine sourcing of a fact
("police said") is no finding; a quotation given to two people is.
"""

from __future__ import annotations

from datetime import date

import pytest

import reconcile
from reconcile.checks import check_pair

_DAY = date(2025, 6, 2)


def _categories(x: str, y: str) -> list[str]:
    a = reconcile.parse_source(reconcile.Source(x, name="a.txt", published=_DAY))
    b = reconcile.parse_source(reconcile.Source(y, name="b.txt", published=_DAY))
    return [c for c, _ in check_pair(a.claims[0], b.claims[0], [a, b])]


def _speaker(text: str) -> str | None:
    claim = reconcile.parse_source(reconcile.Source(text)).claims[0]
    return claim.attribution.speaker if claim.attribution else None


@pytest.mark.parametrize(
    "text",
    [
        "“The dam is safe,” said Priya Raman.",
        "“The dam is safe,” told reporters Priya Raman.",
        "“The dam is safe,” Priya Raman told reporters.",
        "“The dam is safe,” Priya Raman said in a statement.",
        "“The dam is safe,” Priya Raman, 58, told the inquiry.",
    ],
)
def test_the_speaker_is_the_person_not_the_listener(text: str) -> None:
    """ "Told reporters" names whom she told; the speaker is Priya Raman every time."""
    assert _speaker(text) == "Priya Raman"


def test_one_speaker_with_other_verbs_is_one_attribution() -> None:
    assert (
        _categories(
            "“We will reopen the school in September,” said head teacher Carl Osei.",
            "“We will reopen the school in September,” head teacher Carl Osei told reporters.",
        )
        == []
    )


def test_a_speaker_named_inside_the_other_attribution_is_the_same() -> None:
    """ "Said Zadan and Meron" and "Meron said": Meron is among the speakers."""
    assert (
        _categories(
            "“The festival will go ahead,” said organisers Ines Roth and Paul Meyer.",
            "“The festival will go ahead,” Paul Meyer said.",
        )
        == []
    )


def test_routine_sourcing_of_a_fact_is_no_finding() -> None:
    """ "..., police said" against the same fact stated plainly: where news comes from."""
    assert (
        _categories(
            "Two people were taken to hospital after the crash on the A38.",
            "Two people were taken to hospital after the crash on the A38, police said.",
        )
        == []
    )


def test_a_quotation_given_to_two_people_is_flagged() -> None:
    assert _categories(
        "“We have lost everything,” said farmer Gwen Ellis.",
        "“We have lost everything,” said neighbour Rob Tate.",
    ) == ["attribution"]


def test_a_fact_against_a_contested_claim_is_flagged() -> None:
    """One states the cause as fact, the other gives it to an interested party."""
    assert _categories(
        "The fire at the depot was caused by a faulty heater.",
        "The fire at the depot was caused by a faulty heater, the landlord claimed.",
    ) == ["attribution"]
