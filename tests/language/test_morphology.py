"""The one morphology every stage asks: lemmas and past forms of real news words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.lexicon import ENGLISH
from reconcile.morphology import is_finite, is_past_form, lemma, verb_lemma


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("held", "hold"),  # "Talks were held in Geneva."
        ("fled", "flee"),  # "Thousands fled the fighting."
        ("struck", "strike"),  # "A 6.1 earthquake struck the province."
        ("sentenced", "sentence"),  # "He was sentenced to seven years."
        ("withdrew", "withdraw"),  # "The party withdrew its candidate."
        ("summit", "summit"),  # no verb form: the word itself
    ],
)
def test_lemma_of_news_verbs(word: str, expected: str) -> None:
    assert lemma(word) == expected


@pytest.mark.parametrize(
    "word",
    ["killed", "died", "struck", "cut", "shut", "read", "led", "arrived", "geolocated"],
)
def test_past_forms(word: str) -> None:
    """Regular and irregular past forms, forms equal to their base, and unknown -ed verbs."""
    assert is_past_form(word, ENGLISH)


@pytest.mark.parametrize(
    "word",
    # No verb ("hundred", "indeed"), a base form in -ed ("need", "proceed"), a short
    # unknown word ("ted"), and participles that are no deed ("expected", "based").
    ["hundred", "indeed", "need", "proceed", "speed", "ted", "expected", "planned", "based"],
)
def test_not_past_forms(word: str) -> None:
    assert not is_past_form(word, ENGLISH)


def test_finite_words_open_a_clause() -> None:
    """ "... and a female employee was treated": the auxiliary and the past form are finite."""
    sentence = "and a female employee was treated for smoke inhalation"
    words = sentence.split(" ")
    assert [w for w in words if is_finite(w, ENGLISH)] == ["was", "treated"]


def test_the_lexicon_decides_what_is_no_deed() -> None:
    """The exceptions are data: a lexicon without them reads 'expected' as a past form."""
    import attrs

    lexicon = attrs.evolve(ENGLISH, not_past=frozenset())
    assert is_past_form("expected", lexicon)
    assert not is_past_form("expected", ENGLISH)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz-'", max_size=20))
def test_any_word_has_one_answer(word: str) -> None:
    """Every lowercase word gets an answer, the same each time, and a lemma that is a word."""
    assert is_past_form(word, ENGLISH) == is_past_form(word, ENGLISH)
    assert verb_lemma(word) == verb_lemma(word)
    assert isinstance(lemma(word), str)
    assert lemma(word) == (verb_lemma(word) or word)
