"""Claim features on real news sentences: numbers, ordinals, names, attribution, modality."""

from __future__ import annotations

import math

import pytest

from reconcile import Source
from reconcile.lexicon import ENGLISH
from reconcile.parse.features import (
    EntityIndex,
    find_attribution,
    find_entities,
    find_modality,
    find_ordinals,
    find_quantities,
    is_negated,
)
from reconcile.pipeline import parse_source


def quantities(s: str) -> list[tuple[str, float, float, float, str]]:
    return [
        (q.text, q.value, q.low, q.high, q.unit)
        for q in find_quantities(s, 0, len(s), lexicon=ENGLISH)
    ]


def ordinals(s: str) -> list[tuple[str, str, str]]:
    return [(o.word, o.head, o.scope) for o in find_ordinals(s, 0, len(s), lexicon=ENGLISH)]


def test_counts_money_and_percentages() -> None:
    """Digits with separators, currencies with scales, percentages, number words.

    A decimal covers what rounds to it ("4.5%" is 4.45-4.55%); an exact count is exact.
    """
    s = (
        "The quake killed 1,204 people, caused $3.2 billion in damage and cut output 4.5%, "
        "officials said five days later."
    )
    assert quantities(s) == [
        ("1,204", 1204.0, 1204.0, 1204.0, "peopl"),
        ("$3.2 billion", 3.2e9, 3.15e9, 3.25e9, "USD"),
        ("4.5%", 4.5, 4.45, 4.55, "%"),
        ("five", 5.0, 5.0, 5.0, "day"),
    ]


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("About 40 people were rescued.", 36.0, 44.0),
        ("More than 40 people were rescued.", 40.0, 60.0),
        ("At least 40 people were rescued.", 40.0, math.inf),
        ("Nearly 40 people were rescued.", 32.0, 40.0),
        ("Up to 40 people were rescued.", 0.0, 40.0),
        ("Dozens of people were rescued.", 24.0, 144.0),
    ],
)
def test_hedged_numbers_become_ranges(sentence: str, low: float, high: float) -> None:
    """The wording around a number sets the range it allows."""
    [(_, _, got_low, got_high, unit)] = quantities(sentence)
    assert (got_low, got_high, unit) == (low, high, "peopl")


def test_ordinal_with_possessor_and_scope() -> None:
    """An ordinal's scope is the possessor before it and the phrases after its noun."""
    s = "It was his first visit to Cuba as secretary of state, the embassy said."
    assert ordinals(s) == [("first", "visit", "his; to Cuba as secretary of state")]


def test_superlatives_rank_different_nouns() -> None:
    """Each superlative keeps its own noun, so different superlatives are not confused."""
    s = "Texas is the largest producer of crude oil in the country and the biggest user of wind."
    assert ordinals(s) == [
        ("largest", "producer", "of crude oil in the country"),
        ("biggest", "user", "of wind"),
    ]


def test_a_rank_before_a_comma_ranks_no_noun_after_it() -> None:
    """In "second, three points off the top" the rank has no noun; "three points" is not one."""
    assert ordinals("City are now second, three points off the top.") == []
    assert ordinals("City are now second in the table.") == [("second", "", "in the table")]


def test_words_ending_in_est_are_not_all_superlatives() -> None:
    """'interest', 'protest' and 'forest' rank nothing."""
    assert ordinals("Their interest in the forest protest grew.") == []


def test_a_company_designator_is_not_the_key_of_its_name() -> None:
    """ "Northwind Corp" and "Northwind" are one company; "Jones & Co" is Jones."""
    index = EntityIndex(
        [("", "Northwind Corp"), ("", "Jones & Co")], designators=ENGLISH.company_designators
    )
    assert index.key_for("Northwind Corp") == index.key_for("Northwind") == "northwind"
    assert index.key_for("Jones & Co.") == "jones"
    # Without designators, the last word is the key, as for a person's surname.
    assert EntityIndex([("", "Northwind Corp")]).key_for("Northwind Corp") == "corp"


def test_titles_split_from_names_and_aliases_resolve() -> None:
    """'Prime Minister X' is a titled name; a surname alone maps to the full name's key."""
    s = "Prime Minister Jacinda Ardern met Governor Ann Marsh, and Ardern spoke first."
    index = EntityIndex([("Prime Minister", "Jacinda Ardern"), ("Governor", "Ann Marsh")])
    got = [
        (e.text, e.key, e.role) for e in find_entities(s, 0, len(s), index=index, lexicon=ENGLISH)
    ]
    assert got == [
        ("Prime Minister Jacinda Ardern", "ardern", "prime minister"),
        ("Governor Ann Marsh", "marsh", "governor"),
        ("Ardern", "ardern", ""),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "how"),
    [
        (
            "Two people died in the fire, according to the county sheriff.",
            "the county sheriff",
            "according to",
        ),
        ("The fire started in the kitchen, investigators said.", "investigators", "reporting verb"),
        ("Police said the driver had been drinking.", "Police", "reporting verb"),
        ("The levee held, said Mayor Ray Nagin on Tuesday.", "Mayor Ray Nagin", "reporting verb"),
    ],
)
def test_attribution(sentence: str, speaker: str, how: str) -> None:
    """'according to X', 'X said' and 'said X' name who a claim comes from."""
    found = find_attribution(sentence, 0, len(sentence), lexicon=ENGLISH, index=EntityIndex([]))
    assert found is not None
    assert (found.speaker, found.how) == (speaker, how)


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The talks will resume in Geneva on Monday.", "planned"),
        ("The ministers are scheduled to sign the accord.", "planned"),
        ("Analysts expect the bank to hold rates.", "expected"),
        ("The suspect reportedly fled to Mexico.", "hedged"),
        ("The ministers signed the accord in Geneva.", "done"),
        ("The minister held talks with his counterpart.", "done"),
        ("Geneva is home to the United Nations office.", "asserted"),
        ("The deal includes a bonus per worker, the union leader told reporters.", "asserted"),
        ("Three people died in the fire.", "done"),
        ("The minister said the ministers signed the accord.", "done"),
    ],
)
def test_modality(sentence: str, modality: str) -> None:
    """The first plan, expectation or hedge marker wins; else a past tense means done.

    A reporting verb ("told", "said") is when it was said, not a deed."""
    assert find_modality(sentence, 0, len(sentence), lexicon=ENGLISH) == modality


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The company did not confirm the layoffs.", True),
        ("The company never confirmed the layoffs.", True),
        ("The company hasn't confirmed the layoffs.", True),
        ("Not only did the company confirm the layoffs, it doubled them.", False),
        ("The company confirmed the layoffs.", False),
    ],
)
def test_negation(sentence: str, negated: bool) -> None:
    """Negation words mark a claim negated; 'not only' does not."""
    assert is_negated(sentence, 0, len(sentence), lexicon=ENGLISH) is negated


def test_a_nationality_and_a_role_name_the_person_of_that_country() -> None:
    """ "The Brazilian leader" is the Brazilian the article names most, not his host."""
    doc = parse_source(
        Source(
            "Brazilian President Luiz Inacio Lula da Silva arrived in Tokyo on Monday for a "
            "three-day visit. Speaking to reporters, Lula said he hoped to double trade with "
            "Japan within five years. "
            "The Brazilian leader will meet Prime Minister Fumio Kishida on Tuesday.",
            name="a.txt",
        )
    )
    last = doc.claims[-1]
    assert [(e.text, e.key) for e in last.entities if e.kind == "role"] == [
        ("The Brazilian leader", "silva")
    ]
    assert "kishida" in {e.key for e in last.entities}


def test_a_role_with_no_such_person_in_the_article_stays_unresolved() -> None:
    """With two candidates mentioned as often, "the Peruvian leader" is nobody in particular."""
    doc = parse_source(
        Source(
            "President Dina Boluarte met Chilean President Gabriel Boric in "
            "Lima, Peru. The Peruvian leader praised the new rail link.",
            name="a.txt",
        )
    )
    assert [e for e in doc.claims[-1].entities if e.kind == "role"] == []
    # With one candidate, the same words resolve.
    alone = parse_source(
        Source(
            "President Dina Boluarte visited Lima, Peru. The Peruvian leader praised the new "
            "rail link.",
            name="a.txt",
        )
    )
    assert [e.key for e in alone.claims[-1].entities if e.kind == "role"] == ["boluarte"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A name between commas before the verb; "yesterday" is when, not who.
        (
            '"She captured the imagination of a generation," her agent, Mark Roesler, '
            "said yesterday.",
            "Mark Roesler",
        ),
        # Two speakers before a colon: the noun phrase starts a word ("Zadan", not "an").
        ('Zadan and Meron added: "We are thrilled to have her host the show."', "Meron"),
        ("The plant will close in March, the company said Tuesday.", "the company"),
    ],
)
def test_speakers_of_real_sentences(sentence: str, speaker: str) -> None:
    (claim,) = parse_source(Source(sentence, name="a.txt")).claims
    assert claim.attribution is not None
    assert claim.attribution.speaker == speaker


def test_a_speaker_keeps_its_determiner() -> None:
    """ "his spokesman" stays whole; leading "and then" is dropped."""
    from reconcile.parse.features.attribution import _lead_trimmed

    assert _lead_trimmed("his spokesman", ENGLISH) == "his spokesman"
    assert _lead_trimmed("and then Smith", ENGLISH) == "Smith"


def test_a_title_case_sentence_names_only_its_names() -> None:
    """In "Bulls Fire Coach Vinny Del Negro After Two Seasons" capitals say nothing: the words
    the article writes in lower case ("fired") or in the present ("Checks") are no names,
    and a word it capitalizes in running text ("Bulls") stays one."""
    from reconcile.model import Span
    from reconcile.parse.features import EntityIndex, document_word_cases, find_entities

    text = (
        "Bulls Fire Coach Vinny Del Negro After Two Seasons\n"
        "The Chicago Bulls fired Vinny Del Negro on Tuesday.\n"
        "Tyra Banks Checks Into Hotel Near Chicago\n"
        "Tyra Banks arrived in Chicago with the Bulls."
    )
    lines = [Span(0, 50), Span(51, 102), Span(103, 144), Span(145, len(text))]
    cases = document_word_cases(text, lines, lexicon=ENGLISH)
    index = EntityIndex([])

    def names(span: Span) -> list[str]:
        found = find_entities(
            text, span.start, span.end, index=index, lexicon=ENGLISH, cases=cases
        )
        return [e.text for e in found]

    assert names(lines[0]) == ["Bulls", "Coach Vinny Del Negro"]
    assert names(lines[2]) == ["Tyra Banks", "Hotel Near Chicago"]


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    """ "Fired coach Vinny Del Negro Tuesday": the name is keyed "negro", like "Del Negro"."""
    doc = parse_source(
        Source(
            "The Chicago Bulls fired coach Vinny Del Negro Tuesday after two seasons in charge. "
            "Del Negro led the team to the playoffs twice.",
            name="bulls.txt",
        )
    )
    assert [[(e.text, e.key) for e in c.entities] for c in doc.claims] == [
        [("Chicago Bulls", "bulls"), ("Vinny Del Negro", "negro")],
        [("Del Negro", "negro")],
    ]
