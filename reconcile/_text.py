"""Private text helpers: word tokens with offsets, stems, content terms."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import snowballstemmer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reconcile.lexicon import Lexicon

__all__ = ["Token", "content_terms", "entity_keys_match", "stem", "tokens"]

# A word is letters/digits joined by inner hyphens or apostrophes ("time-tested", "Pakistan's").
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
_STEMMER = snowballstemmer.stemmer("english")


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
        >>> [t.text for t in tokens("Pakistan's time-tested ties, 4.1% up.")]
        ["Pakistan's", 'time-tested', 'ties', '4.1', 'up']
    """
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


def strip_possessive(word: str) -> str:
    """Return ``word`` without a trailing possessive (``Pakistan's`` -> ``Pakistan``)."""
    return _POSSESSIVE.sub("", word) if len(word) > 3 else word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of a lowercased word, possessive removed."""
    return str(_STEMMER.stemWord(strip_possessive(word.lower())))


def content_terms(words: list[Token], lexicon: Lexicon) -> Iterator[str]:
    """Yield the stems of the content words (no stopwords, no bare numbers)."""
    for tok in words:
        low = tok.lower
        if low in lexicon.stopwords or len(low) < 2 or low.replace(".", "").isdigit():
            continue
        for part in low.split("-"):
            if part and part not in lexicon.stopwords and not part.isdigit():
                yield stem(lexicon.irregular_lemmas.get(part, part))


def entity_keys_match(a: str, b: str) -> bool:
    """Return whether two entity keys name the same thing.

    Keys match when equal, or when one is a prefix of the other and covers most of it,
    which joins a country and its demonym ("kazakh" ~ "kazakhstan", "russian" ~
    "russia") without joining different surnames.

    Examples:
        >>> entity_keys_match("kazakh", "kazakhstan"), entity_keys_match("iran", "iraq")
        (True, False)
    """
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    if long.startswith(short):
        return len(short) / len(long) >= 0.6
    # Demonyms that drop the last letter before their suffix: "russia" ~ "russian".
    return short[:-1] == long[: len(short) - 1] and len(short) >= 6 and long.startswith(short[:-1])
