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


def test_two_bounds_that_meet_at_their_number_agree() -> None:
    """ "As many as 29" and "at least 29" can both be true (29); "at most 20" and "at least
    29" cannot."""
    day = date(2003, 5, 14)
    assert (
        _pair(
            "The attacks killed as many as 29 people.",
            day,
            "The attacks killed at least 29 people.",
            day,
        )
        == []
    )
    assert _pair(
        "The attacks killed at most 20 people.", day, "The attacks killed at least 29 people.", day
    ) == ["numeric"]


def test_a_fraction_of_one_unit_is_no_share() -> None:
    """ "A third of a centime" is an amount of centimes, not 33%; "a third of voters" is."""
    from reconcile.lexicon import ENGLISH
    from reconcile.parse.features import find_quantities

    text = "The franc rose a third of a centime as a third of traders sold."
    found = [(q.span.start, q.unit) for q in find_quantities(text, 0, len(text), lexicon=ENGLISH)]
    assert found == [(text.index("a third of traders"), "%")]


def test_a_shortened_first_name_is_the_same_person() -> None:
    """ "Chairman Tim Muris" is "Chairman Timothy Muris"; "Chairman Ann Muris" is not."""
    day = date(2003, 9, 24)
    said = "said the ruling was clearly incorrect."
    assert (
        _pair(f"FTC Chairman Timothy Muris {said}", day, f"FTC Chairman Tim Muris {said}", day)
        == []
    )
    assert _pair(
        f"FTC Chairman Timothy Muris {said}", day, f"FTC Chairman Ann Muris {said}", day
    ) == ["entity"]


def test_one_hedge_covers_coordinated_ranks_and_a_possessor() -> None:
    """ "Considered to be the nation's oldest person and the third oldest in the world" is
    hedged all through; a plain "the tallest" against "considered the tallest" is not."""
    day = date(2004, 1, 20)
    assert (
        _pair(
            "Elena Slough, considered to be the nation's oldest person and the third oldest "
            "person in the world, died on Sunday.",
            day,
            "Elena Slough, considered to be the oldest person in the nation and the third "
            "oldest person in the world, died on Sunday.",
            day,
        )
        == []
    )
    assert _pair(
        "The tower is considered the tallest building in the city.",
        day,
        "The tower is the tallest building in the city.",
        day,
    ) == ["framing"]


def test_one_duration_in_two_units_agrees() -> None:
    """ "A year" and "12 months" are one duration; "a year" and "18 months" are not."""
    day = date(2025, 3, 14)
    plan = "Pensions will be frozen for {}, the minister said."
    assert _pair(plan.format("a year"), day, plan.format("12 months"), day) == []
    assert _pair(plan.format("a year"), day, plan.format("18 months"), day) == ["numeric"]


def test_one_hyphenated_to_a_noun_counts_it() -> None:
    """ "A one-goal lead" counts its goals as "a two-goal lead" does; "one of" counts nothing."""
    day = date(2014, 5, 13)
    assert _pair(
        "The Rangers carried a one-goal lead into the third period at Madison Square Garden.",
        day,
        "The Rangers carried a two-goal lead into the third period at Madison Square Garden.",
        day,
    ) == ["numeric"]
    assert (
        _pair(
            "Lundqvist was one of the best goalies in the league last season.",
            day,
            "Lundqvist was one of the best goalies in the league last season.",
            day,
        )
        == []
    )


def test_more_than_reaches_half_again_its_number() -> None:
    """ "More than 2,000" is not said of 5,000 marchers, but it is of 2,400."""
    day = date(2011, 3, 26)
    assert _pair(
        "More than 2,000 people marched through central London on Saturday.",
        day,
        "More than 5,000 people marched through central London on Saturday.",
        day,
    ) == ["numeric"]
    assert (
        _pair(
            "More than 2,000 people marched through central London on Saturday.",
            day,
            "Some 2,400 people marched through central London on Saturday.",
            day,
        )
        == []
    )


def _undated_pair(a: str, b: str) -> list[str]:
    docs = parse_sources([reconcile.Source(a, name="a.txt"), reconcile.Source(b, name="b.txt")])
    return [category for category, _ in check_pair(docs[0].claims[0], docs[1].claims[0], docs)]


def test_one_firing_on_two_weekdays_is_flagged_undated() -> None:
    """ "Fired on Tuesday" and "fired Friday morning" of one coach cannot both be; the season
    around the firing dates nothing else."""
    assert _undated_pair(
        "The Chicago Bulls fired coach Vinny Del Negro on Tuesday.",
        "The Bulls fired Del Negro on Friday morning after a 2009-10 season of 41 wins.",
    ) == ["temporal"]
    assert (
        _undated_pair(
            "The Chicago Bulls fired coach Vinny Del Negro on Tuesday.",
            "The Bulls fired Del Negro on Tuesday morning after a 2009-10 season of 41 wins.",
        )
        == []
    )


def test_a_country_and_its_people_are_one_subject() -> None:
    """ "In Norway" and "Norwegians" do not make two subjects: the death tolls differ."""
    day = date(2020, 12, 31)
    assert _pair(
        "Six people were killed when a landslide buried homes in Norway on Wednesday.",
        day,
        "Fourteen people were killed when a landslide buried the homes of Norwegians on Wednesday.",
        day,
    ) == ["numeric"]
