"""The lexicon's synonym groups, read as one table of lemma stems.

Each group (``synonyms`` in ``english.toml``) is a set of words a reporter swaps
for one another when stating the same fact ("jailed" / "sentenced", "closed" /
"shut", "rose" / "climbed"); the checks read
two claims' words through these groups, so that a value next to one word and a
value next to its synonym fill the same slot. The groups are general news
vocabulary (courts, markets, disasters, appointments, crime), not drawn from any
one story; a word belongs to one group only (the first that lists it wins).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from reconcile._text import stem
from reconcile.morphology import lemma

if TYPE_CHECKING:
    from reconcile.lexicon import Lexicon



def synonym_table(lexicon: Lexicon) -> dict[str, str]:
    """Return each listed word's lemma stem -> the stem of its group's first word."""
    return _table(lexicon.synonyms)


@lru_cache(maxsize=4)
def _table(groups: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        words = group.split()
        head = _lemma(words[0])
        for word in words:
            table.setdefault(_lemma(word), head)
    return table


def _lemma(word: str) -> str:
    return stem(lemma(word.lower()))
