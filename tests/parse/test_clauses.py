"""Claims are clauses where a sentence states several facts, whole sentences otherwise."""

from __future__ import annotations

import pytest

from reconcile import Source
from reconcile.pipeline import parse_source


def claim_texts(text: str) -> list[str]:
    return [c.text for c in parse_source(Source(text, name="a.txt")).claims]


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        (
            "State police said the inside of the bank was extensively damaged, and a female "
            "employee was treated at a hospital and released.",
            [
                "State police said the inside of the bank was extensively damaged,",
                "and a female employee was treated at a hospital and released.",
            ],
        ),
        (
            "Klitschko landed 28 of his 68 punches thrown during the round, while Rahman "
            "connected on just one of 16 over those three minutes.",
            [
                "Klitschko landed 28 of his 68 punches thrown during the round,",
                "while Rahman connected on just one of 16 over those three minutes.",
            ],
        ),
    ],
)
def test_coordinated_clauses_with_their_own_subject_are_split(
    sentence: str, claims: list[str]
) -> None:
    """A comma and a conjunction before a new subject and finite verb start a new claim."""
    assert claim_texts(sentence) == claims


@pytest.mark.parametrize(
    "sentence",
    [
        # A list: the piece before ", and" is an item, not a clause.
        "Her image turned up in rockabilly clubs, nostalgia magazines, and S and M fashion "
        "that went mainstream in the nineties.",
        # One subject for both verbs: the second half has none of its own.
        "The minister arrived in Paris on Monday evening, and met the prime minister "
        "on Tuesday morning.",
        # Inside a quotation the speaker's sentence stays whole.
        "“We lost the match in the first half, and the fans deserved far better,” the "
        "coach told reporters.",
        # Too short to stand alone.
        "He won, and she lost the final in straight sets.",
    ],
)
def test_sentences_that_would_lose_meaning_stay_whole(sentence: str) -> None:
    assert claim_texts(sentence) == [sentence]


def test_a_later_clause_keeps_the_attribution_of_its_sentence() -> None:
    """What follows "police said ..., and" is police's word too."""
    doc = parse_source(
        Source(
            "Police said two men entered the branch shortly after it opened, and a third "
            "man waited outside in a stolen car.",
            name="a.txt",
        )
    )
    first, second = doc.claims
    assert first.attribution is not None
    assert second.text.startswith("and a third man")
    assert second.attribution == first.attribution


def test_a_claim_keeps_the_deictic_days_that_name_their_date() -> None:
    """The parser stores "tomorrow, March 5" on its claim, so the checks need not re-read it."""
    text = (
        "Lawmakers met on Monday. The committee will vote tomorrow, March 5, on the bill, "
        "its chairman said."
    )
    claims = parse_source(Source(text, name="a.txt")).claims
    assert [c.anchors for c in claims[:1]] == [()]
    (anchor,) = claims[1].anchors
    assert (anchor.text, anchor.month, anchor.day, anchor.offset_days) == (
        "tomorrow, March 5",
        3,
        5,
        1,
    )
    assert text[anchor.span.start : anchor.span.end] == anchor.text
