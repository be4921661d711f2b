"""The parser's fast paths give what the slower code they replaced gave.

Each fast path (a filter before a costly reading, a pattern compiled once per
lexicon, a cache per word) is checked against the plain computation it stands for.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from support import articles, unicode_text

from reconcile import Source
from reconcile._text import content_terms, entity_keys_match, stem, tokens, word_texts
from reconcile.lexicon import ENGLISH
from reconcile.model import Span
from reconcile.morphology import lemma
from reconcile.parse import outline
from reconcile.parse.claims import publication_anchors
from reconcile.parse.features import EntityIndex, find_attribution, find_modality, is_negated
from reconcile.parse.features.attribution import quote_speaker
from reconcile.timex import find_publication_anchors

# Paragraphs of real-style reports, written for these tests; some name their own date.
ANCHORED = (
    "The appeals court will rule tomorrow, February 3, its clerk said. "
    "Lawyers for both sides declined to comment.",
    "TODAY (June 3, 2024) the council votes on the budget.",
    "The ferry sank yesterday, Monday, June 2, off the coast. Nine people were rescued.",
    "Officials said the bridge would reopen on Friday.",
    "Tonight, March 14, the lights go out for an hour across the city.",
    "Shares rose 4% today after the company raised its forecast.",
)


def _all_anchors(text: str) -> list[object]:
    """Every block read for anchors, as before the filter."""
    out = outline(Source(text, name="a.txt"))
    return [
        anchor
        for block in out.blocks
        for anchor in find_publication_anchors(out.view, start=block.start, end=block.end)
    ]


@settings(max_examples=40, deadline=None)
@given(paragraphs=st.lists(st.sampled_from(ANCHORED), min_size=1, max_size=5))
def test_skipping_paragraphs_without_a_deictic_day_loses_no_anchor(paragraphs: list[str]) -> None:
    """A paragraph with no "today"/"tomorrow"/... is skipped; the anchors are all still found."""
    text = "\n\n".join(paragraphs) + "\n"
    got = list(publication_anchors(outline(Source(text, name="a.txt"))))
    assert got == _all_anchors(text)


def test_the_anchors_of_real_paragraphs_are_found() -> None:
    """The filter keeps the paragraphs that state their date next to a deictic day."""
    text = "\n\n".join(ANCHORED) + "\n"
    found = [(a.text, a.month, a.day, a.offset_days) for a in publication_anchors(
        outline(Source(text, name="a.txt")))]  # fmt: skip
    assert found == [
        ("tomorrow, February 3", 2, 3, 1),
        ("TODAY (June 3, 2024)", 6, 3, 0),
        ("yesterday, Monday, June 2", 6, 2, -1),
        ("Tonight, March 14", 3, 14, 0),
    ]


@given(text=unicode_text | articles)
def test_word_texts_are_the_texts_of_the_tokens(text: str) -> None:
    """word_texts cuts the words exactly where tokens does."""
    assert word_texts(text) == [t.text for t in tokens(text)]


def _content_terms_reference(text: str) -> list[str]:
    """content_terms as it was written before its per-word cache."""
    out: list[str] = []
    for tok in tokens(text):
        low = tok.lower
        if low in ENGLISH.stopwords or len(low) < 2 or low.replace(".", "").isdigit():
            continue
        parts = low.split("-")
        out.extend(
            stem(lemma(p)) for p in parts if p and p not in ENGLISH.stopwords and not p.isdigit()
        )
    return out


@given(text=unicode_text | articles)
def test_cached_content_terms_are_the_terms_word_by_word(text: str) -> None:
    """The per-word cache of content terms gives the terms word by word."""
    assert list(content_terms(tokens(text), ENGLISH)) == _content_terms_reference(text)


def test_the_attribution_patterns_follow_the_lexicon_they_are_given() -> None:
    """Patterns compiled once per lexicon still follow a lexicon with other verbs."""
    sentence = "The ministry will reopen the border on Monday, the spokesman conceded."
    index = EntityIndex([])
    assert find_attribution(sentence, 0, len(sentence), lexicon=ENGLISH, index=index) is None
    conceding = attrs.evolve(ENGLISH, reporting_verbs=ENGLISH.reporting_verbs | {"conceded"})
    got = find_attribution(sentence, 0, len(sentence), lexicon=conceding, index=index)
    assert got is not None
    assert (got.speaker, got.how) == ("the spokesman", "reporting verb")
    # And again with the first lexicon: no pattern of the second one stays behind.
    assert find_attribution(sentence, 0, len(sentence), lexicon=ENGLISH, index=index) is None


def test_a_quotation_speaker_follows_the_lexicon() -> None:
    """The speaker after a quotation is found with the lexicon's reporting verbs."""
    text = "“We will rebuild,” the mayor conceded on Tuesday."
    quote = (0, text.index("”") + 1)
    assert quote_speaker(text, Span(*quote), len(text), lexicon=ENGLISH) is None
    conceding = attrs.evolve(ENGLISH, reporting_verbs=ENGLISH.reporting_verbs | {"conceded"})
    found = quote_speaker(text, Span(*quote), len(text), lexicon=conceding)
    assert found is not None
    assert found[0] == "the mayor"


def test_modality_and_negation_follow_the_lexicon() -> None:
    """Hedges and negations computed once per lexicon still follow the lexicon given."""
    sentence = "The rebels evidently seized the airport and never left it."
    assert find_modality(sentence, 0, len(sentence), lexicon=ENGLISH) == "done"
    hedging = attrs.evolve(ENGLISH, hedges=ENGLISH.hedges | {"evidently"})
    assert find_modality(sentence, 0, len(sentence), lexicon=hedging) == "hedged"
    assert is_negated(sentence, 0, len(sentence), lexicon=ENGLISH)
    unnegated = attrs.evolve(ENGLISH, negations=ENGLISH.negations - {"never"})
    assert not is_negated(sentence, 0, len(sentence), lexicon=unnegated)


def _keys_match_reference(a: str, b: str) -> bool:
    """entity_keys_match as it was written before its first-letters test."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    if long.startswith(short):
        return len(short) / len(long) >= 0.6
    return short[:-1] == long[: len(short) - 1] and len(short) >= 6 and long.startswith(short[:-1])


# Keys that share long prefixes, as a country and its demonym or two surnames do.
_keys = st.text(alphabet="abnrsiu", min_size=0, max_size=10)


@given(a=_keys, b=_keys)
def test_the_first_letters_test_changes_no_match(a: str, b: str) -> None:
    """Rejecting keys that differ in their first four letters rejects no matching pair."""
    assert entity_keys_match(a, b) == _keys_match_reference(a, b)


def test_keys_of_one_name_match_and_others_do_not() -> None:
    """A country meets its demonym; two different names do not meet."""
    pairs = [
        ("brazil", "brazilian"),
        ("russia", "russian"),
        ("iran", "iraq"),
        ("fish", "fisheries"),
    ]
    assert [entity_keys_match(a, b) for a, b in pairs] == [True, True, False, False]
