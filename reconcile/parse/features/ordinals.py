"""Ordinals and superlatives with the noun they rank and the phrase that scopes it.

In: a sentence. Out: :class:`~reconcile.model.Ordinal` values ("the second-largest
bank in the region", "the first visit since 1997").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reconcile._text import Token, tokens
from reconcile.model import Ordinal, Span
from reconcile.morphology import is_finite

if TYPE_CHECKING:
    from reconcile.lexicon import Lexicon


# A scope ends with its clause, or where "and the ..." starts a new noun phrase
# ("the largest producer of oil and the biggest user of wind"); "by land and sea" goes on.
def _clause_start(words: list[Token], lexicon: Lexicon) -> int:
    """Return where a new clause starts in a scope's words, or their number if none does.

    "the first time in court on Saturday as relatives quietly wept": "as relatives
    ... wept" says what else happened, not which first it is; nor does "and played
    for 11 seasons". "as the mayor of Lyon" has no verb: it is scope.
    """
    for k, w in enumerate(words):
        if k == 0:
            continue
        low = w.lower
        if (
            low in lexicon.coordinators
            and k + 1 < len(words)
            and is_finite(words[k + 1].lower, lexicon)
        ):
            return k
        if low in lexicon.subordinators and any(
            is_finite(v.lower, lexicon) for v in words[k + 1 : k + 1 + _CLAUSE_VERB_WITHIN]
        ):
            return k
    return len(words)


#: A subordinate clause's verb comes within this many words of its conjunction.
_CLAUSE_VERB_WITHIN = 8

_CLAUSE_END = re.compile(
    r"[,;:.!?()\[\]“”\"—–]|\s-\s|\s(?:and|or|but)\s+(?:the|a|an|its|his|her|their)\s"
)


def find_ordinals(text: str, start: int, end: int, *, lexicon: Lexicon) -> tuple[Ordinal, ...]:
    """Return ordinals and superlatives with the noun they rank and the phrase that scopes it.

    The head is the run of words after the ordinal up to a preposition; the scope is
    a possessor before it ("my", "Chile's") and the prepositional phrases after the
    head, up to the end of the clause.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "It was the largest protest in the city since 1989, police said."
        >>> [(o.word, o.head, o.scope) for o in find_ordinals(s, 0, len(s), lexicon=ENGLISH)]
        [('largest', 'protest', 'in the city since 1989')]
    """
    words = tokens(text, start, end)
    found: list[Ordinal] = []
    for i, tok in enumerate(words):
        low = tok.lower
        is_most = (
            low in lexicon.superlative_adverbs
            and i + 1 < len(words)
            and i > 0
            and (words[i - 1].lower in lexicon.most_determiners)
        )
        if not (is_most or _is_rank_word(low, words, i, lexicon)):
            continue
        head_from = i + 2 if is_most else i + 1
        head, head_end, j = _head_after(text, words, head_from, lexicon)
        if not head:
            # A predicative rank with its scope and no noun: "were the deadliest to hit
            # the region", "the oldest in the state". "Of" would start the ranked set
            # ("the first of ..."), not a scope.
            if not (
                j < len(words)
                and words[j].lower in lexicon.scope_words
                and words[j].lower != "of"
                and head_from - 1 < len(words)
            ):
                continue
            head_end = words[head_from - 1].end
        scope_parts: list[str] = []
        possessor = _possessor_before(words, i, lexicon)
        if possessor:
            scope_parts.append(possessor)
        scope_span = None
        if j < len(words) and words[j].lower in lexicon.scope_words:
            # Words end in order, so the first 14 that end in the clause are among the
            # next 14, and a clause end past them changes nothing: reading on to the end
            # of the sentence would cost words x ordinals in a long one.
            window = words[j : j + 14]
            # (+16: room for the longest clause end, " and their ", to match whole.)
            limit = min(end, max(head_end, window[-1].end) + 16)
            clause_end = _CLAUSE_END.search(text, head_end, limit)
            scope_end = clause_end.start() if clause_end else end
            scope_words = [w for w in window if w.end <= scope_end]
            scope_words = scope_words[: _clause_start(scope_words, lexicon)]
            if scope_words:
                scope_span = Span(scope_words[0].start, scope_words[-1].end)
                scope_parts.append(scope_span.slice(text))
        ordinal_span = Span(tok.start, scope_span.end if scope_span else head_end)
        # "the most expensive" ranks by "expensive": the adjective is part of the word.
        word = f"{low} {words[i + 1].lower}" if is_most else low
        found.append(
            Ordinal(
                ordinal_span,
                ordinal_span.slice(text),
                word=word,
                head=head,
                scope="; ".join(scope_parts),
                scope_span=scope_span,
            )
        )
    return tuple(found)


def _is_rank_word(low: str, words: list[Token], i: int, lexicon: Lexicon) -> bool:
    if low in lexicon.ordinal_words or low in lexicon.superlative_words:
        if low in lexicon.determined_ranks:
            # "only" and "last" rank only after a determiner ("the only survivor", "his last
            # visit").
            prev = words[i - 1].lower if i > 0 else ""
            if prev not in lexicon.rank_determiners and not prev.endswith(("'s", "’s")):
                return False
        return True
    return (
        low.endswith("est")
        and len(low) > 5
        and low not in lexicon.not_superlatives
        and i > 0
        and (
            words[i - 1].lower in lexicon.superlative_determiners
            or words[i - 1].lower.endswith(("'s", "’s"))
        )
    )


def _head_after(text: str, words: list[Token], j: int, lexicon: Lexicon) -> tuple[str, int, int]:
    """Return the ranked noun phrase after position ``j``, its end, and the next index."""
    head: list[Token] = []
    while j < len(words) and len(head) < 4:
        w = words[j]
        gap = text[(head[-1].end if head else words[j - 1].end) : w.start]
        if _CLAUSE_END.search(gap):
            break
        low = w.lower
        if low in lexicon.scope_words or low in lexicon.stopwords or low in lexicon.reporting_verbs:
            break
        if low.isdigit():
            break
        head.append(w)
        j += 1
    if not head:
        return "", 0, j
    return " ".join(h.lower for h in head), head[-1].end, j


def _possessor_before(words: list[Token], i: int, lexicon: Lexicon) -> str:
    prev = words[i - 1] if i > 0 else None
    if prev is None:
        return ""
    if prev.lower in lexicon.possessives:
        return prev.lower
    if prev.lower.endswith(("'s", "’s")) and prev.lower not in lexicon.stopwords:
        return prev.text
    return ""
