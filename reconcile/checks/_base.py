"""What every check shares: the hit a check returns, the run's context, the words near a value."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile._text import (
    Token,
    stem,
    tokens,
)
from reconcile.checks._synonyms import synonym_table
from reconcile.lexicon import Lexicon
from reconcile.model import (
    Category,
    Claim,
    Document,
)
from reconcile.morphology import lemma

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from reconcile.checks.readers import SlotPair

#: How much a discrepancy of each category matters to a reader, by default; a check
#: may lower it for a weaker form (a fact against its attribution is "low").
SEVERITY: dict[str, str] = {
    "temporal": "high",
    "numeric": "high",
    "entity": "high",
    "status": "medium",
    "attribution": "medium",
    "framing": "low",
}

#: Words on each side of a time expression or a number that say what it is about.
_EVENT_WINDOW = 6
_NUMBER_WINDOW = 3


@frozen
class Hit:
    """A discrepancy found by a check: its category, reason, severity and the values at odds.

    ``detail`` names the values that differ ("'12' / 'at least 15'"); it joins the
    finding id so two findings on the same claims stay apart.
    """

    category: Category
    message: str
    severity: str
    detail: str = ""


class _Context:
    """What the checks need to know about the documents of a run."""

    __slots__ = ("_lower", "documents", "lexicon", "roles", "slot_cache")

    def __init__(self, documents: Sequence[Document], lexicon: Lexicon) -> None:
        self.documents = {d.name: d for d in documents}
        self.lexicon = lexicon
        #: The differing slots of each checked claim pair, read once for all checks.
        self.slot_cache: dict[tuple[str, str], list[SlotPair]] = {}
        self._lower: dict[str, frozenset[str]] = {}
        # Per document: the last word of a title -> the keys of the names that hold it
        # ("minister" -> {"dray"}), to resolve "the prime minister said" across sources.
        self.roles: dict[str, dict[str, set[str]]] = {}
        for doc in documents:
            table: dict[str, set[str]] = {}
            for claim in doc.claims:
                for e in claim.entities:
                    if e.kind == "name" and e.role:
                        table.setdefault(e.role.split()[-1], set()).add(e.key)
            self.roles[doc.name] = table

    def lower_words(self, claim: Claim) -> frozenset[str]:
        """Return the words the claim's document writes in lower case (read once)."""
        name = claim.source
        if name not in self._lower:
            doc = self.documents[name]
            self._lower[name] = frozenset(
                w.text for c in doc.claims for w in tokens(c.text) if w.text.islower()
            )
        return self._lower[name]

    def published(self, claim: Claim) -> date | None:
        return self.documents[claim.source].published


Check = Callable[[Claim, Claim, _Context], Hit | None]


def _words_near(
    claim: Claim,
    start: int,
    end: int,
    lexicon: Lexicon,
    *,
    window: int,
    stops: Sequence[tuple[int, int]] = (),
    at_commas: bool = True,
) -> set[str]:
    """Return the content stems within ``window`` words of ``[start, end)`` in a claim.

    Stems are read through the synonym groups ("rose" and "climbed" are one word).
    The window ends early at a clause break ("and", a semicolon; a comma too unless
    ``at_commas`` is false) and at any of ``stops`` (the spans of other numbers or
    dates, whose words are theirs).
    """
    words, starts, ends = _word_bounds(claim.text)
    base = claim.span.start
    text = claim.text
    stopping = _Containment.of(tuple(stops))
    before: list[Token] = []
    # Words are in text order: the ones before ``start`` and after ``end`` are a
    # bisection away, not a scan of the claim per number (a long claim has many).
    for k in range(bisect_right(ends, start - base) - 1, -1, -1):
        w = words[k]
        gap_end = before[-1].start if before else start - base
        if _breaks(text[w.end : gap_end], w, at_commas=at_commas) or stopping.holds(
            w.start + base, w.end + base
        ):
            break
        before.append(w)
        if len(before) == window:
            break
    after: list[Token] = []
    for k in range(bisect_left(starts, end - base), len(words)):
        w = words[k]
        gap_start = after[-1].end if after else end - base
        if _breaks(text[gap_start : w.start], w, at_commas=at_commas) or stopping.holds(
            w.start + base, w.end + base
        ):
            break
        after.append(w)
        if len(after) == window:
            break
    synonyms = synonym_table(lexicon)
    lemmas = (
        stem(lemma(w.lower))
        for w in before + after
        if w.lower not in lexicon.stopwords and not w.text[:1].isdigit()
    )
    return {synonyms.get(lemma, lemma) for lemma in lemmas}


def _breaks(gap: str, word: Token, *, at_commas: bool) -> bool:
    marks = ",;:()" if at_commas else ";:()"
    return any(c in gap for c in marks) or word.lower in {"and", "or", "but", "while"}


@lru_cache(maxsize=64)
def _word_bounds(text: str) -> tuple[tuple[Token, ...], list[int], list[int]]:
    """Return a claim's words with their starts and ends, for bisection."""
    words = tuple(tokens(text))
    return words, [w.start for w in words], [w.end for w in words]


class _Containment:
    """Spans, looked up by bisection: "does one of them contain ``[start, end)``?"

    A span contains the range when it starts at or before ``start`` and ends at or
    after ``end``: the furthest end among the spans that start early enough says.
    """

    __slots__ = ("_furthest", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._furthest = list(itertools.accumulate((e for _, e in ordered), max))

    @staticmethod
    @lru_cache(maxsize=32)
    def of(spans: tuple[tuple[int, int], ...]) -> _Containment:
        """Return the lookup of ``spans``, kept for the other numbers of the claim."""
        return _Containment(spans)

    def holds(self, start: int, end: int) -> bool:
        """Return whether one of the spans contains ``[start, end)``."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._furthest[k - 1] >= end


def _word_before(claim: Claim, start: int) -> str:
    """Return the lower-cased word right before absolute offset ``start`` in a claim."""
    words = [w for w in tokens(claim.text) if w.end + claim.span.start <= start]
    return words[-1].lower if words else ""


#: Two claims state the same thing when at least half their terms are shared (Dice
#: coefficient) and at least two are: a fact, not a word of it ("I've done it").
_SAME_STATEMENT = 0.5


def _same_statement(x: set[str], y: set[str]) -> bool:
    shared = len(x & y)
    return shared >= 2 and 2 * shared / (len(x) + len(y)) >= _SAME_STATEMENT


def _has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """Return whether ``text`` has one of these phrases as whole words (case aside)."""
    low = text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", low) for p in phrases)


@lru_cache(maxsize=16)
def _lemma_stems(lexicon: Lexicon, words: frozenset[str]) -> frozenset[str]:
    """Return the stems of a lexicon list's words, as claims store them ("took" -> "take")."""
    return frozenset(stem(lemma(w)) for w in words)
