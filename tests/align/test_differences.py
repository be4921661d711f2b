"""What one claim says that the other does not: words that meet nothing, numbers alone."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile
from reconcile._semantic import default_encoder
from reconcile.align import RunStats, candidate_pairs, pair_features
from reconcile.align.differences import Differences, bulk_differences, content_words
from reconcile.lexicon import ENGLISH
from reconcile.pipeline import parse_sources


def _claims(*texts: str) -> list[reconcile.Claim]:
    docs = parse_sources([reconcile.Source(t, name=f"s{k}") for k, t in enumerate(texts)])
    return sorted((c for d in docs for c in d.claims), key=lambda c: c.id)


def _differences(a: str, b: str, *, semantic: bool = True) -> Differences:
    claims = _claims(a, b)
    assert len(claims) == 2
    (found,) = bulk_differences(
        claims, [(0, 1)], RunStats.of(claims).idf, default_encoder() if semantic else None
    )
    return found


def test_numbers_dates_and_the_speaker_are_not_words_that_differ() -> None:
    """A figure, a date and an attribution are compared elsewhere, not as unmatched words."""
    (claim,) = _claims("Floods killed 42 people in Bahia on Monday, the civil defence agency said.")
    assert [w for _, w in content_words(claim)] == ["floods", "killed", "people", "bahia"]


def test_a_clause_one_claim_adds_is_what_it_says_more() -> None:
    """The words of an added clause meet nothing in the shorter claim; the shorter one's all do."""
    found = _differences(
        "The Reserve Bank of Australia left its cash rate unchanged.",
        "The Reserve Bank of Australia left its cash rate unchanged, disappointing home builders.",
    )
    short, long = found.unmatched
    assert short == 0.0
    assert long > 0.2
    assert set(found.words[1]) == {"builders", "disappointing", "home"}
    assert found.words[0] == ()


def test_near_words_meet_with_the_meaning_model_only() -> None:
    """'quake' and 'earthquake' share no stem; their static vectors are close."""
    a = "A strong quake shook Lombok island."
    b = "A strong earthquake shook Lombok island."
    lexical = _differences(a, b, semantic=False)
    semantic = _differences(a, b)
    assert "quake" in lexical.words[0]
    assert semantic.unmatched == (0.0, 0.0)
    assert max(lexical.unmatched) > 0.0


def test_numbers_are_a_difference_only_when_the_other_claim_states_none() -> None:
    """Two figures of one fact are the checks' to judge; a figure against none is a difference."""
    both = _differences(
        "The ferry carried 212 passengers when it ran aground.",
        "The ferry carried 210 passengers when it ran aground.",
    )
    assert both.numbers == ((), ())
    one = _differences(
        "The ferry carried 212 passengers when it ran aground.",
        "The ferry carried passengers when it ran aground.",
    )
    assert one.numbers == (("212",), ())


@settings(max_examples=20, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            ["rescuers", "pulled", "survivors", "from", "rubble", "near", "Padang", "late", "aid"]
        ),
        min_size=3,
        max_size=8,
    ),
    cut=st.integers(min_value=1, max_value=7),
)
def test_the_differences_of_a_pair_do_not_depend_on_its_order(words: list[str], cut: int) -> None:
    """Comparing (a, b) gives the shares and words of comparing (b, a), swapped."""
    a = " ".join(words) + "."
    b = " ".join([*words[: min(cut, len(words))], "overnight"]) + "."
    claims = _claims(a, b)
    if len(claims) != 2:
        return
    idf = RunStats.of(claims).idf
    ab, ba = bulk_differences(claims, [(0, 1), (1, 0)], idf, default_encoder())
    assert ab.unmatched == ba.unmatched[::-1]
    assert ab.words == ba.words[::-1]
    assert ab.numbers == ba.numbers[::-1]


def test_a_link_lists_the_words_only_one_claim_has() -> None:
    """The part of a link's score for unmatched words names those words."""
    claims = _claims(
        "Lava from Mount Merapi destroyed two villages.",
        "Lava from Mount Merapi destroyed two villages and a school, officials in Yogyakarta said.",
    )
    ((_, _, features),) = pair_features(claims, candidate_pairs(claims), encoder=default_encoder())
    assert "school" in features.unmatched_words
    assert features.unmatched[0] > features.unmatched[1] == 0.0


def test_a_swapped_lexicon_reaches_the_words_that_differ() -> None:
    """``pair_features(..., lexicon=)`` reads the words of a pair with that lexicon's stopwords."""
    claims = _claims(
        "Lava from Mount Merapi destroyed two villages.",
        "Lava from Mount Merapi destroyed two villages and a school, officials in Yogyakarta said.",
    )
    lexicon = attrs.evolve(ENGLISH, stopwords=ENGLISH.stopwords | {"school"})
    ((_, _, english),) = pair_features(claims, candidate_pairs(claims), encoder=default_encoder())
    ((_, _, swapped),) = pair_features(
        claims, candidate_pairs(claims), encoder=default_encoder(), lexicon=lexicon
    )
    assert "school" in english.unmatched_words
    assert "school" not in swapped.unmatched_words
