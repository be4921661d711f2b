"""Private text helpers: word tokens with offsets, stems, content terms."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

import snowballstemmer

from reconcile.morphology import lemma

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from reconcile.lexicon import Lexicon
    from reconcile.model import Span

__all__ = [
    "SpanSet",
    "Token",
    "content_parts",
    "content_terms",
    "entity_keys_match",
    "in_quotes",
    "share_stem",
    "shorten",
    "stem",
    "tokens",
    "word_texts",
    "words_outside",
]

# A word is letters/digits joined by inner hyphens or apostrophes ("time-tested", "Chile's").
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
_STEMMER = snowballstemmer.stemmer("english")
_new_tuple = tuple.__new__


class Token(NamedTuple):
    """A word of a text with its absolute offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the words of ``text[start:end]`` with absolute offsets.

    Examples:
        >>> [t.text for t in tokens("Chile's time-tested ties, 4.1% up.")]
        ["Chile's", 'time-tested', 'ties', '4.1', 'up']
    """
    stop = len(text) if end is None else end
    return list(_tokens(text, start, stop))


@lru_cache(maxsize=8)
def _tokens(text: str, start: int, stop: int) -> tuple[Token, ...]:
    """Return the words of ``text[start:stop]``, kept for the next few calls.

    Each feature of a claim reads the words of its sentence; the sentence is
    tokenized once for all of them.
    """
    # tuple.__new__ skips the Python-level ``Token.__new__``: a fifth of the cost.
    return tuple(
        [_new_tuple(Token, (m.group(), *m.span())) for m in _WORD.finditer(text, start, stop)]
    )


def word_texts(text: str) -> list[str]:
    """Return the words of ``text`` as :func:`tokens` cuts them, without their offsets.

    Examples:
        >>> word_texts("Chile's time-tested ties, 4.1% up.")
        ["Chile's", 'time-tested', 'ties', '4.1', 'up']
    """
    return _WORD.findall(text)


class SpanSet:
    """Spans merged once, so "does this range overlap any of them?" costs a bisection.

    Testing each word or number of a sentence against each of its dates and names
    costs their product, and a 1 MB text without punctuation is one sentence.

    Examples:
        >>> from reconcile.model import Span
        >>> spans = SpanSet([Span(16, 25), Span(29, 36), Span(20, 26)])
        >>> spans.overlaps(0, 16), spans.overlaps(25, 27), spans.overlaps(27, 29)
        (False, True, False)
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((s.start, s.end) for s in spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        # Disjoint and sorted by start, so the ends are sorted too.
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Return whether ``[start, end)`` shares a character with one of the spans.

        The same rule as :meth:`reconcile.Span.overlaps`, for every span at once.
        """
        k = bisect_right(self._ends, start)
        return k < len(self._starts) and self._starts[k] < end

    def outside(self, words: Iterable[Token]) -> list[Token]:
        """Return the words that overlap none of the spans, in their order.

        Words in text order (as :func:`tokens` gives them) are swept in one pass
        alongside the spans; others are looked up one by one.
        """
        items = list(words)
        if not self._starts:
            return items
        if any(a.start > b.start for a, b in pairwise(items)):
            return [w for w in items if not self.overlaps(w.start, w.end)]
        starts, ends, n = self._starts, self._ends, len(self._starts)
        kept: list[Token] = []
        k = 0
        for w in items:
            while k < n and ends[k] <= w.start:
                k += 1
            if k == n or starts[k] >= w.end:
                kept.append(w)
        return kept


def words_outside(words: Iterable[Token], spans: Iterable[Span]) -> list[Token]:
    """Return the words that share no character with any of ``spans``, in their order.

    Examples:
        >>> from reconcile.model import Span
        >>> words = tokens("Ten people died on Monday in Dunmore.")
        >>> [w.text for w in words_outside(words, [Span(16, 25), Span(29, 36)])]
        ['Ten', 'people', 'died', 'in']
    """
    return SpanSet(spans).outside(words)


def inside_quotation(text: str, pos: int) -> bool:
    """Return whether ``pos`` falls inside a quotation opened earlier in ``text``.

    Examples:
        >>> inside_quotation("“We will rebuild today,” he said.", 10)
        True
        >>> inside_quotation("“We will rebuild,” he said today.", 28)
        False
    """
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@lru_cache(maxsize=65536)
def without_possessive(text: str) -> str:
    """Return ``text`` without a trailing possessive ("Chile's" -> "Chile", "Jones'" -> "Jones")."""
    return _POSSESSIVE.sub("", text)


def strip_possessive(word: str) -> str:
    """Return ``word`` without a trailing possessive, if it is longer than three letters."""
    return without_possessive(word) if len(word) > 3 else word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of a lowercased word, possessive removed."""
    return str(_STEMMER.stemWord(strip_possessive(word.lower())))


def content_terms(words: list[Token], lexicon: Lexicon) -> Iterator[str]:
    """Yield the stems of the content words (no stopwords, no bare numbers)."""
    stopwords = lexicon.stopwords
    for tok in words:
        for term, _ in content_parts(tok.text.lower(), stopwords):
            yield term


@lru_cache(maxsize=1 << 16)
def content_parts(
    low: str, stopwords: frozenset[str], *, min_part: int = 1
) -> tuple[tuple[str, str], ...]:
    """Return ``(stem, part)`` for each content part of a lowercased word.

    A stopword, a one-letter word or a bare number has none; a hyphenated word
    counts as its parts, each at least ``min_part`` letters and neither a stopword
    nor a number.

    Examples:
        >>> content_parts("quake-hit", frozenset({"the"}))
        (('quak', 'quake'), ('hit', 'hit'))
    """
    if low in stopwords or len(low) < 2 or low.replace(".", "").isdigit():
        return ()
    return tuple(
        (stem(lemma(part)), part)
        for part in low.split("-")
        if len(part) >= min_part and part not in stopwords and not part.isdigit()
    )


def entity_keys_match(a: str, b: str) -> bool:
    """Return whether two entity keys name the same thing.

    Keys match when equal, or when one is a prefix of the other and covers most of it,
    which joins a country and its demonym ("brazil" ~ "brazilian", "russian" ~
    "russia") without joining different surnames.

    Examples:
        >>> entity_keys_match("brazil", "brazilian"), entity_keys_match("iran", "iraq")
        (True, False)
    """
    if a == b:
        return True
    # Two different keys match only when they share at least their first four letters
    # (both rules below need it): most pairs of names differ there. Asked millions of
    # times per run, this test costs less than a cache lookup that mostly misses.
    if a[:4] != b[:4]:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    if long.startswith(short):
        return len(short) / len(long) >= 0.6
    # Demonyms that drop the last letter before their suffix: "russia" ~ "russian".
    return short[:-1] == long[: len(short) - 1] and len(short) >= 6 and long.startswith(short[:-1])


def shorten(text: str, limit: int) -> str:
    """Return ``text`` on one line, cut at ``limit`` characters with an ellipsis.

    Examples:
        >>> shorten("Storm Ivy   killed 12 people.", 14)
        'Storm Ivy kil…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def in_quotes(text: str, limit: int) -> str:
    """Return ``text`` shortened and in curly quotes, once: a quotation keeps its own mark.

    Examples:
        >>> in_quotes("Ten people died.", 40), in_quotes("“We lost,” he said.", 40)
        ('“Ten people died.”', '“We lost,” he said.”')
    """
    short = shorten(text, limit)
    return f"{short}”" if short[:1] in '“"' else f"“{short}”"


#: Words of one place, or a place and its people, share this many first letters at
#: least ("Chile" / "Chilean", "Greece" / "Greeks").
_STEM_LETTERS = 4


def share_stem(a: str, b: str) -> bool:
    """Return whether two words open with one stem: "Greece" / "Greeks", "Kenya" / "Kenyan".

    They share at least their first four letters, and each has at most three more.

    Examples:
        >>> share_stem("greece", "greeks"), share_stem("kenya", "kenyan")
        (True, True)
        >>> share_stem("iran", "iraq")
        False
    """
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= _STEM_LETTERS and n >= min(len(a), len(b)) - 3
