"""The time grammar's small words come from the lexicon: swapping one changes what it reads.

Each rule matches the words between numbers and names ("the", "of", "and a half",
"from now", "o'clock") through a named list of :class:`reconcile.lexicon.Lexicon`,
so a caller's ``lexicon=`` reaches them. Each case is a news sentence read once with
the English lexicon and once with one list changed; both whole results are asserted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from reconcile import Source
from reconcile.lexicon import ENGLISH, load_lexicon
from reconcile.pipeline import parse_source
from reconcile.timex import find_times

MARCH_14 = date(2011, 3, 14)


def values(text: str, **changes: Any) -> list[tuple[str, str]]:
    """Return (text, value) of every mention in ``text``, with ``changes`` to the lexicon."""
    lexicon = attrs.evolve(ENGLISH, **changes)
    return [(t.text, t.value) for t in find_times(text, anchor=MARCH_14, lexicon=lexicon)]


@pytest.mark.parametrize(
    ("text", "changes", "english", "changed"),
    [
        (
            "The strike lasted a year and a half.",
            {"additions": frozenset()},
            [("a year and a half", "P1Y6M")],
            [("a year", "P1Y")],
        ),
        (
            "The bridge will reopen two weeks from now.",
            {"now_words": frozenset()},
            [("two weeks from now", "2011-W13")],
            [("two weeks", "P2W"), ("now", "PRESENT_REF")],
        ),
        (
            "He was arrested the day before yesterday.",
            {"shift_directions": (("after", 1),)},
            [("the day before yesterday", "2011-03-12")],
            [("yesterday", "2011-03-13")],
        ),
        (
            "Shares fell 3% in the third quarter of 2010.",
            {"partitives": frozenset()},
            [("the third quarter of 2010", "2010-Q3")],
            [("the third quarter", "2010-Q3"), ("2010", "2010")],
        ),
        (
            "Police said the blast came at 4 p.m.",
            {"meridiem_letters": (("a", 0),)},
            [("4 p.m.", "2011-03-14T16:00")],
            [],
        ),
        (
            "The museum reopens on the 3rd of May.",
            {"definite_articles": frozenset()},
            [("the 3rd of May", "2011-05-03")],
            [("3rd of May", "2011-05-03")],
        ),
    ],
)
def test_a_list_without_a_word_no_longer_reads_it(
    text: str,
    changes: dict[str, Any],
    english: list[tuple[str, str]],
    changed: list[tuple[str, str]],
) -> None:
    """Taking a word out of its list takes the expressions built on it out of the grammar."""
    assert values(text) == english
    assert values(text, **changes) == changed


def test_and_makes_a_range_only_after_the_lexicon_s_pair_opener() -> None:
    """ "between 2008 and 2012" is one range while "between" is a pair opener, two years without."""
    text = "The company lost money every year between 2008 and 2012."
    english = find_times(text, anchor=MARCH_14, ranges="joined")
    assert [(t.text, t.value) for t in english] == [
        ("every year", "P1Y"),
        ("2008 and 2012", "2008/2012"),
    ]
    lexicon = attrs.evolve(ENGLISH, pair_openers=frozenset())
    changed = find_times(text, anchor=MARCH_14, ranges="joined", lexicon=lexicon)
    assert [(t.text, t.value) for t in changed] == [
        ("every year", "P1Y"),
        ("2008", "2008"),
        ("2012", "2012"),
    ]


def test_a_word_added_to_a_list_is_read_like_the_english_one() -> None:
    """ "back" as a word of "ago" makes "three years back" a date counted back from now."""
    text = "The mine collapsed three years back."
    assert values(text) == [("three years", "P3Y")]
    assert values(text, ago_words=ENGLISH.ago_words | {"back"}) == [("three years back", "2008")]


def test_a_swapped_times_file_reaches_the_grammar(tmp_path: Path) -> None:
    """A lexicon loaded from an edited ``english-times.toml`` is the one the grammar reads."""
    from importlib.resources import files

    folder = files("reconcile.lexicon")
    words = tmp_path / "english.toml"
    words.write_text(folder.joinpath("english.toml").read_text(encoding="utf-8"), "utf-8")
    data = folder.joinpath("english-times.toml").read_text(encoding="utf-8")
    assert 'ago_words = "ago"' in data
    times = tmp_path / "english-times.toml"
    times.write_text(data.replace('ago_words = "ago"', 'ago_words = "ago back"'), "utf-8")
    lexicon = load_lexicon(words, times)
    text = "The old mine collapsed three years back, killing 29 workers."
    read = [(t.text, t.value) for t in find_times(text, anchor=MARCH_14, lexicon=lexicon)]
    assert values(text) == [("three years", "P3Y")]
    assert read == [("three years back", "2008")]


def test_a_swapped_lexicon_reaches_the_times_of_parsed_claims() -> None:
    """``parse_source(..., lexicon=)`` reads a claim's times with that lexicon too."""
    src = Source("The mine collapsed three years back.", name="a.txt", published=date(2011, 5, 2))
    english = parse_source(src).claims[0].times
    swapped = parse_source(
        src, lexicon=attrs.evolve(ENGLISH, ago_words=ENGLISH.ago_words | {"back"})
    ).claims[0].times
    assert [(t.text, t.value) for t in english] == [("three years", "P3Y")]
    assert [(t.text, t.value) for t in swapped] == [("three years back", "2008")]
