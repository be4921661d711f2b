"""Predicates, modality and negation: what a sentence says happened, how surely.

In: a sentence. Out: the lemma stems of its verbs, its modality (planned,
expected, hedged, done, asserted) and whether it is negated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reconcile._text import stem, tokens, word_texts, words_outside
from reconcile.model import Modality, Span
from reconcile.morphology import is_past_form, lemma

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.lexicon import Lexicon


def find_predicates(
    text: str, start: int, end: int, *, lexicon: Lexicon, exclude: Sequence[Span] = ()
) -> tuple[str, ...]:
    """Return the lemma stems of a sentence's verbs, in order, reporting verbs left out.

    A verb is a past form ("killed", "struck"), or a word after an auxiliary or
    "to" ("will hold", "to arrive", "has signed"). "Said", "told" and the like say
    who speaks, not what happened, and "expected", "scheduled" say how sure the
    action is, not which: neither is the predicate.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "Police said the gunman killed two guards and is expected to appear in court."
        >>> find_predicates(s, 0, len(s), lexicon=ENGLISH)
        ('kill', 'appear')
    """
    # Excluded words (names, dates) are skipped but stay in place: in "the Liberal
    # Democrats won", "won" follows a name, not "the".
    words = tokens(text, start, end)
    inside = {w.start for w in words} - {w.start for w in words_outside(words, exclude)}
    found: list[str] = []
    for i, w in enumerate(words):
        low = w.lower
        if w.start in inside or not low.isalpha() or (i > 0 and w.is_capitalized):
            continue
        prev = words[i - 1].lower if i else ""
        is_past = is_past_form(low, lexicon)
        is_verb = (
            (is_past and prev not in lexicon.noun_determiners)
            # "is scheduled", "was taking", "has signed": a participle after be or have;
            # "have problems", "be former" are not verbs of the claim.
            or (
                prev in lexicon.be_have_forms
                and (is_past or (low.endswith("ing") and low[-5:] != "thing"))
            )
            # "will hold", "could face", "to arrive": the base form after a modal or "to".
            or (prev in lexicon.base_form_openers and low not in lexicon.be_have_forms)
        )
        if (
            is_verb
            and low not in lexicon.reporting_verbs
            and low not in lexicon.finite_auxiliaries
            and low not in lexicon.stopwords
            and low not in lexicon.negations
        ):
            found.append(stem(lemma(low)))
    return tuple(dict.fromkeys(found))


_MODALITY_GROUPS: dict[str, Modality] = {"plan": "planned", "expect": "expected", "hedge": "hedged"}


@lru_cache(maxsize=8)
def _modality_pattern(
    plans: tuple[str, ...], expectations: tuple[str, ...], hedges: tuple[str, ...]
) -> re.Pattern[str]:
    """Return one pattern for the markers of each modality, earlier kinds first.

    One scan finds the first marker of any kind (the leftmost match; at one position
    a plan beats an expectation beats a hedge), where a search per marker cost
    dozens of scans per sentence.
    """
    kinds = [
        f"(?P<{name}>{'|'.join(re.escape(m) for m in markers)})"
        for name, markers in (("plan", plans), ("expect", expectations), ("hedge", hedges))
        if markers
    ]
    if not kinds:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(kinds)})(?![\w-])")


def find_modality(text: str, start: int, end: int, *, lexicon: Lexicon) -> Modality:
    """Return whether a sentence reports a plan, an expectation, a hedge, or a done fact.

    The first marker in the sentence wins; without one, a past-tense verb makes the
    claim ``done`` (a reporting verb does not: "the deal includes a bonus, he told
    reporters" is not a deed); otherwise it is ``asserted``.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> [find_modality(s, 0, len(s), lexicon=ENGLISH) for s in (
        ...     "The minister will visit Paris.", "Officials expect a deal.",
        ...     "The bridge reportedly collapsed.", "The minister visited Paris.",
        ...     "Paris is the capital.")]
        ['planned', 'expected', 'hedged', 'done', 'asserted']
    """
    sentence = text[start:end].lower()
    found = _modality_pattern(
        lexicon.plan_markers,
        lexicon.expectation_markers,
        _sorted_difference(lexicon.hedges, lexicon.approximators),
    ).search(sentence)
    if found is not None:
        return _MODALITY_GROUPS[found.lastgroup or ""]
    words = word_texts(sentence)
    for i, low in enumerate(words):
        if low in lexicon.reporting_verbs:
            continue  # "said", "told": when it was said, not that the thing said is done
        # "am convinced", "is based": a participle after a present-tense "be" is a state.
        if is_past_form(low, lexicon) and (i == 0 or words[i - 1] not in lexicon.present_be_forms):
            return "done"
    return "asserted"


@lru_cache(maxsize=8)
def _sorted_difference(words: frozenset[str], minus: frozenset[str]) -> tuple[str, ...]:
    """Return the words of ``words`` not in ``minus``, sorted, once per lexicon."""
    return tuple(sorted(words - minus))


@lru_cache(maxsize=8)
def _difference(words: frozenset[str], minus: frozenset[str]) -> frozenset[str]:
    """Return the words of ``words`` not in ``minus`` (once per lexicon, not per word)."""
    return words - minus


def is_negated(text: str, start: int, end: int, *, lexicon: Lexicon) -> bool:
    """Return whether a sentence is negated ("not", "never", "n't"; not "not only").

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> is_negated("The talks did not resume.", 0, 25, lexicon=ENGLISH)
        True
        >>> is_negated("Not only did prices rise, wages fell.", 0, 37, lexicon=ENGLISH)
        False
    """
    sentence = _NOT_NEGATING.sub(" ", text[start:end].lower())
    if "n't" in sentence or "n’t" in sentence:
        return True
    negations = _difference(lexicon.negations, lexicon.nominal_negations)
    return any(w in negations for w in word_texts(sentence))


_NOT_NEGATING = re.compile(r"\bnot only\b|\bno longer\b|\bno doubt\b|\bnothing but\b")
