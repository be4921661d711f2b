"""Words that news writing uses for one action or one thing, as data.

Each group is a set of words a reporter swaps for one another when stating the same
fact ("jailed" / "sentenced", "closed" / "shut", "rose" / "climbed"); the checks read
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

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # courts and crime
    ("sentence", "jail", "imprison"),
    ("arrest", "detain", "apprehend"),
    ("charge", "indict"),
    ("kill", "slay"),
    ("steal", "rob"),
    ("escape", "flee"),
    # markets and companies
    ("rise", "climb", "increase", "jump", "grow", "gain", "surge", "soar", "rose", "grew"),
    ("fall", "drop", "decline", "slide", "slip", "plunge", "tumble", "fell"),
    ("profit", "earnings", "income"),
    ("revenue", "sales", "turnover"),
    ("buy", "acquire", "purchase"),
    ("cut", "reduce", "slash"),
    ("close", "shut"),
    ("open", "launch", "unveil"),
    # people and posts
    ("fire", "sack", "dismiss", "oust"),
    ("hire", "appoint", "pick", "choose", "select"),
    ("resign", "quit"),
    ("die", "perish"),
    ("injure", "wound", "hurt"),
    ("host", "emcee"),
    ("replace", "succeed"),
    # disasters and events
    ("quake", "earthquake", "tremor", "temblor"),
    ("strike", "hit", "rock", "jolt"),
    ("destroy", "demolish", "raze"),
    ("blast", "explosion", "bomb"),
    ("blaze", "inferno"),
    # speech and plans
    ("announce", "declare"),
    ("plan", "intend", "aim"),
    ("begin", "start", "commence"),
    ("end", "finish", "conclude"),
    ("win", "clinch", "capture"),
    ("beat", "defeat", "overcome"),
)


def synonym_table(lexicon: Lexicon) -> dict[str, str]:
    """Return each listed word's lemma stem -> the stem of its group's first word."""
    return _table(lexicon, SYNONYM_GROUPS)


@lru_cache(maxsize=4)
def _table(lexicon: Lexicon, groups: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        head = _lemma(lexicon, group[0])
        for word in group:
            table.setdefault(_lemma(lexicon, word), head)
    return table


def _lemma(lexicon: Lexicon, word: str) -> str:
    lower = word.lower()
    return stem(lemma(lower))
