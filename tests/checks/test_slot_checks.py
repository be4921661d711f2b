"""The same slot of two claims: changed facts are found, rewording and other roles are not.

Every sentence here is written for these tests (no seed wording): two reports of one
fact that differ in one value are a discrepancy of that value's kind; two reports of
one fact in other words, or of two facts, are not.
"""

from __future__ import annotations

import itertools

import pytest

import reconcile
from reconcile.checks import check_pair
from reconcile.checks.readers import claim_values, slot_pairs
from reconcile.lexicon import ENGLISH


def _pair(x: str, y: str, published: str | None = "2025-05-14") -> list[tuple[str, str]]:
    """Return the categories and messages of the pair checks on two one-sentence sources."""
    from datetime import date

    pub = date.fromisoformat(published) if published else None
    a = reconcile.parse_source(reconcile.Source(x, name="a.txt", published=pub))
    b = reconcile.parse_source(reconcile.Source(y, name="b.txt", published=pub))
    (ca,) = a.claims
    (cb,) = b.claims
    return check_pair(ca, cb, [a, b])


def _categories(x: str, y: str, published: str | None = "2025-05-14") -> list[str]:
    return [category for category, _ in _pair(x, y, published)]


@pytest.mark.parametrize(
    ("x", "y", "category", "values"),
    [
        (
            "Dana Whitcombe will chair the inquiry into the collapse of the stand.",
            "Marcus Oyelaran will chair the inquiry into the collapse of the stand.",
            "entity",
            ("Dana Whitcombe", "Marcus Oyelaran"),
        ),
        (
            "The board said chief engineer Ruth Adeyemi had resigned over the delays.",
            "The board said chief engineer Tom Castell had resigned over the delays.",
            "entity",
            ("Ruth Adeyemi", "Tom Castell"),
        ),
        (
            "Firefighters brought the warehouse blaze under control late on Tuesday.",
            "Firefighters brought the warehouse blaze under control late on Friday.",
            "temporal",
            ("Tuesday", "Friday"),
        ),
        (
            "The ferry ran aground off Skerry Point on Sunday night with 212 passengers aboard.",
            "The ferry ran aground off Skerry Point on Sunday night with 431 passengers aboard.",
            "numeric",
            ("212", "431"),
        ),
        (
            "Lawmakers passed the budget after 11 1/2 hours of debate.",
            "Lawmakers passed the budget after nine hours of debate.",
            "numeric",
            ("11 1/2 hours", "nine hours"),
        ),
        (
            "The rail union called off the strike planned for June 3, 2025.",
            "The rail union called off the strike planned for June 3, 2022.",
            "temporal",
            ("2025", "2022"),
        ),
    ],
)
def test_a_changed_value_in_the_same_slot_is_its_kind_of_discrepancy(
    x: str, y: str, category: str, values: tuple[str, str]
) -> None:
    """One value changed in otherwise parallel wording: one finding, of its kind, quoting both."""
    found = _pair(x, y)
    assert [c for c, _ in found] == [category]
    assert all(v in found[0][1] for v in values)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("Talks ended after 4 1/2 hours.", "Talks ended after four and a half hours."),
        ("Talks ended after 4 ½ hours.", "Talks ended after 4.5 hours."),
        ("Crews cleared 2 1/2 tonnes of debris.", "Crews cleared 2.5 tonnes of debris."),
        ("The river rose by about 40 centimetres.", "The river rose by some 40 centimetres."),
        ("The mayor spoke on Monday, May 12.", "The mayor spoke on May 12."),
        (
            "The plant closed on Thursday night, the company said.",
            "The plant shut on Thursday, the company said.",
        ),
    ],
)
def test_one_value_written_two_ways_agrees(x: str, y: str) -> None:
    """Fractions, decimals, words and a narrower part of the same day are one value."""
    assert _categories(x, y) == []


def test_synonyms_make_one_slot() -> None:
    """ "Sentenced to" and "jailed for", "rise in earnings" and "profit climbed" are one slot."""
    assert _categories(
        "A court jailed the former mayor for eight years on Monday.",
        "A court sentenced the former mayor to seven years on Monday.",
    ) == ["numeric"]
    assert _categories(
        "The brewer reported a 21% rise in annual earnings.",
        "Annual profit climbed 16 per cent, the brewer said.",
    ) == ["numeric"]


def test_a_name_the_other_claim_also_mentions_is_no_swap() -> None:
    """Both claims name both people, in another order: nobody was replaced."""
    assert (
        _categories(
            "Coach Lena Fisk replaced Ari Benitez as captain before the final.",
            "Ari Benitez was replaced as captain by coach Lena Fisk before the final.",
        )
        == []
    )


def test_different_people_in_different_roles_are_not_compared() -> None:
    """A judge in one claim and a lawyer in the other hold different roles."""
    assert (
        _categories(
            "Judge Helen Varga jailed Omar Tesfaye for six years on Friday.",
            "Omar Tesfaye was jailed for six years on Friday; defence lawyer Ian Brody plans "
            "an appeal.",
        )
        == []
    )


def test_ages_of_two_different_people_are_not_compared() -> None:
    """ "A 14-year-old girl" and "him ... 5 years old" are two people's ages."""
    found = _categories(
        "The pastor was convicted of assaulting a 14-year-old girl.",
        "The pastor assaulted him when he was 5 years old, the man told the court.",
    )
    assert "numeric" not in found


def test_two_films_of_two_years_are_two_things() -> None:
    """A year and a title changed together name another film, not a changed fact."""
    assert (
        _categories(
            "Ava Lund, who starred in the 2003 film Salt Road, opened the festival.",
            "Ava Lund, who starred in the 2011 film Night Ferry, opened the festival.",
        )
        == []
    )


def test_a_place_inside_another_place_is_no_swap() -> None:
    """ "In Porto" and "in Portugal": the city is in the country."""
    assert (
        _categories(
            "The tanker caught fire in Porto on Saturday.",
            "The tanker caught fire in Portugal on Saturday.",
        )
        == []
    )


def test_claims_worded_apart_have_no_slots() -> None:
    """Two statements that share a word or two are not one statement twice."""
    parse = reconcile.parse_source
    a = parse(reconcile.Source("Kessler scored twice as Dornfeld won 3-1 at home.")).claims[0]
    b = parse(reconcile.Source("Police said Kessler's car was found near the ground.")).claims[0]
    assert slot_pairs(a, b, ENGLISH) == []


def test_values_do_not_overlap() -> None:
    """A number inside a date or a duration is the date's or the duration's."""
    claim = reconcile.parse_source(
        reconcile.Source("The 12-day strike ended on June 13 with 300 jobs saved.")
    ).claims[0]
    values = claim_values(claim)
    assert all(v.end <= w.start for v, w in itertools.pairwise(values))
    assert {v.kind for v in values} >= {"time", "number"}


def test_one_action_on_two_weekdays_without_publication_dates() -> None:
    """Undated sources: "died Sunday" and "died on Thursday" still disagree on the day."""
    assert _categories(
        "The novelist Ilse Brandt died Sunday at her home, aged 88.",
        "Ilse Brandt died on Thursday after a long illness, her publisher said.",
        published=None,
    ) == ["temporal"]


def test_two_weekdays_of_two_actions_are_not_compared() -> None:
    """Undated: the day of the arrest and the day of the hearing are two days."""
    assert (
        _categories(
            "Police arrested the driver on Sunday.",
            "The driver will appear in court on Thursday.",
            published=None,
        )
        == []
    )
