"""Find time expressions: a linear tokenizer and a hand-written grammar over its tokens.

One regular expression cuts the text into numbers, words and single punctuation
marks; it has no nested quantifiers, so it runs in linear time whatever the
input. The grammar then walks the tokens left to right. At each token that can
start a time expression (a number, a month, a weekday, "today", "last", "the",
...) it tries the rules that can start there, each looking ahead a bounded
number of tokens, and keeps the longest match. A second pass joins neighbours
into ranges ("from 2010 to 2012", "February 3 and 4") and takes in the
modifiers before them ("early", "more than").

The grammar only reads text; what an expression means in the calendar is
:mod:`reconcile.timex._values` and :mod:`reconcile.timex._resolve`'s business.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from attrs import frozen

from reconcile.lexicon import Lexicon
from reconcile.timex._values import (
    Cal,
    CalExpr,
    DeicticExpr,
    Expr,
    RangeExpr,
    Tense,
    WeekdayExpr,
)

__all__ = ["Found", "Tok", "lookups", "tokenize"]

# A number (with thousands separators, and an ordinal or plural suffix: "3rd",
# "1990s"), a run of letters, or one other non-space character.
_TOKEN = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+)((?i:st|nd|rd|th|s)(?![^\W_]))?|([^\W\d_]+)|(\S)"
)
# Longer digit strings are never dates or amounts we read; int() of a huge one is slow.
_MAX_DIGITS = 9
_SENTENCE_END = frozenset(".!?")
_DASHES = frozenset("-–—")
_HYPHENS = frozenset("-–")
_APOSTROPHES = frozenset("'’")
_V = TypeVar("_V")


class Tok:
    """One token: its offsets, text and what the grammar asks of it."""

    __slots__ = (
        "brk",
        "end",
        "kind",
        "low",
        "ndigits",
        "num",
        "sent",
        "space",
        "start",
        "suffix",
        "text",
    )

    def __init__(self, start: int, end: int, text: str, kind: str, suffix: str) -> None:
        """Make a token of ``text[start:end]`` of kind ``n``, ``w`` or ``p``."""
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        self.kind = kind  # "n" number, "w" word, "p" punctuation
        self.suffix = suffix.lower()
        digits = text.replace(",", "") if kind == "n" else ""
        self.ndigits = len(digits)
        self.num = int(digits) if kind == "n" and len(digits) <= _MAX_DIGITS else -1
        self.space = False  # whitespace before it
        self.brk = False  # starts a sentence or a line
        self.sent = 0  # index of its sentence

    @property
    def is_cap(self) -> bool:
        """Whether the token starts with a capital letter."""
        return self.text[:1].isupper()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        """Return the token's text, for debugging."""
        return f"Tok({self.text!r}{self.suffix})"


def tokenize(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[Tok]:
    """Cut ``text[start:end]`` into tokens with absolute offsets and sentence numbers."""
    toks: list[Tok] = []
    sent = 0
    prev_end = start
    for m in _TOKEN.finditer(text, start, end):
        if m.group(1) is not None:
            tok = Tok(m.start(), m.end(), m.group(1), "n", m.group(2) or "")
        elif m.group(3) is not None:
            tok = Tok(m.start(), m.end(), m.group(3), "w", "")
        else:
            tok = Tok(m.start(), m.end(), m.group(4), "p", "")
        if toks:
            tok.space = m.start() != prev_end
            prev = toks[-1]
            newline = tok.space and text.find("\n", prev_end, m.start()) >= 0
            ends = (
                prev.kind == "p"
                and prev.text in _SENTENCE_END
                and tok.space
                and (tok.is_cap or tok.kind != "w")
                and not (len(toks) > 1 and toks[-2].low in abbreviations and not prev.space)
            )
            if newline or ends:
                sent += 1
                tok.brk = True
        else:
            tok.brk = True
        tok.sent = sent
        toks.append(tok)
        prev_end = m.end()
    return toks


@frozen
class Found:
    """A time expression found at tokens ``[i, j)``, with the tense around it."""

    i: int
    j: int
    expr: Expr
    tense: Tense | None = None
    tense_word: str | None = None


@frozen
class _Lookups:
    """The lexicon turned into dictionaries, built once per lexicon."""

    lex: Lexicon
    months: dict[str, int]
    full_months: frozenset[str]
    weekdays: dict[str, int]
    cardinals: dict[str, int]
    tens: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    long_units: dict[str, str]
    pods: dict[str, str]
    seasons: dict[str, str]
    deictic: dict[str, int]
    relative: dict[str, int]
    anaphoric: dict[str, int]
    sets: dict[str, str]
    decade_words: dict[str, int]
    frequency: dict[str, int]
    noon: dict[str, int]
    shift_units: dict[str, str]
    clock_parts: dict[str, int]
    shift_directions: dict[str, int]
    relative_mods: dict[str, str]
    the_units: dict[str, str]
    meridiems: dict[str, int]
    meridiem_letters: dict[str, int]
    oclock: dict[str, str]
    refs: dict[str, list[tuple[tuple[str, ...], int]]]
    holidays: dict[str, list[tuple[tuple[str, ...], str]]]
    point_mods: dict[str, list[tuple[tuple[str, ...], str]]]
    duration_mods: dict[str, list[tuple[tuple[str, ...], str]]]


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Return the lower-cased tokens of a lexicon phrase."""
    return tuple(m.group(0).lower() for m in _TOKEN.finditer(phrase))


def _by_last(pairs: list[tuple[str, str]]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Index phrases by their last token, longest first (for matching backwards)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, value in pairs:
        words = _phrase_tokens(phrase)
        out.setdefault(words[-1], []).append((words, value))
    for items in out.values():
        items.sort(key=lambda item: -len(item[0]))
    return out


def _by_first(pairs: list[tuple[str, _V]]) -> dict[str, list[tuple[tuple[str, ...], _V]]]:
    """Index phrases by their first token, longest first (for matching forwards)."""
    out: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for phrase, value in pairs:
        words = _phrase_tokens(phrase)
        out.setdefault(words[0], []).append((words, value))
    for items in out.values():
        items.sort(key=lambda item: -len(item[0]))
    return out


@lru_cache(maxsize=8)
def lookups(lex: Lexicon) -> _Lookups:
    """Return the dictionaries the grammar reads, built from ``lex`` (cached)."""
    refs = (
        [(p, 0) for p in lex.present_refs]
        + [(p, -1) for p in lex.past_refs]
        + [(p, 1) for p in lex.future_refs]
    )
    full = frozenset(
        name for name, n in lex.months if len(name) > 4 or name in lex.short_full_months
    )
    return _Lookups(
        lex=lex,
        months=dict(lex.months),
        full_months=full,
        weekdays=dict(lex.weekdays),
        cardinals=dict(lex.cardinals),
        tens=dict(lex.tens),
        ordinals=dict(lex.ordinals),
        units=dict(lex.units),
        long_units=dict(lex.long_units),
        pods=dict(lex.parts_of_day),
        seasons=dict(lex.seasons),
        deictic=dict(lex.deictic_days),
        relative=dict(lex.relative_words),
        anaphoric=dict(lex.anaphoric_words),
        sets=dict(lex.set_adverbs),
        decade_words=dict(lex.decade_words),
        frequency=dict(lex.frequency_words),
        noon=dict(lex.noon_words),
        shift_units=dict(lex.shift_units),
        clock_parts=dict(lex.clock_parts_of_day),
        shift_directions=dict(lex.shift_directions),
        relative_mods=dict(lex.relative_mods),
        the_units=dict(lex.the_units),
        meridiems=dict(lex.meridiems),
        meridiem_letters=dict(lex.meridiem_letters),
        oclock=dict(lex.oclock),
        refs=_by_first(refs),
        holidays=_by_first(list(lex.holidays)),
        point_mods=_by_last(list(lex.point_mods)),
        duration_mods=_by_last(list(lex.duration_mods)),
    )


# A rule reads from token i and returns the expression with its token span.
_Match = tuple[int, int, Expr]
_Rule = Callable[[int], "_Match | None"]


_PERIOD_WORDS = {
    "P1D": "every day",
    "P1W": "every week",
    "P1M": "every month",
    "P1Y": "every year",
    "PT1H": "every hour",
    "P3M": "every quarter",
    "P2W": "every two weeks",
    "P2Y": "every two years",
    "P6M": "every six months",
}


def _plural(n: float, word: str) -> str:
    """Return "week" for one, "2 weeks" for more."""
    return word if n == 1 else f"{n:g} {word}s"


def _ordinal_words(n: int) -> str:
    """Return "3rd time" for 3."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} time"


def _needs_tense(expr: Expr) -> bool:
    """Whether resolving ``expr`` reads the tense (weekdays, dates without a year)."""
    if isinstance(expr, RangeExpr):
        return _needs_tense(expr.first) or _needs_tense(expr.last)
    if isinstance(expr, WeekdayExpr):
        return True
    if isinstance(expr, CalExpr):
        cal = expr.cal
        return cal.year is None and cal.decade is None and cal.century is None
    return isinstance(expr, DeicticExpr) and (expr.unit == "WE" or expr.explicit is not None)


def _granularity(cal: Cal) -> str | None:
    """Return the unit a calendar expression is precise to (D, M, Y, DE, CE), if any."""
    if cal.century is not None:
        return "CE"
    if cal.decade is not None:
        return "DE"
    if cal.season is not None or cal.part is not None or cal.holiday is not None:
        return None
    if cal.day is not None:
        return "D"
    if cal.month is not None:
        return "M"
    if cal.year is not None:
        return "Y"
    return None


def _consecutive(a: Cal, b: Cal) -> bool:
    """Whether ``b`` is the unit right after ``a`` (days, months, years, decades)."""
    if a.decade is not None and b.decade is not None:
        return b.decade == a.decade + 1
    if a.day is not None and b.day is not None:
        return a.month == b.month and b.day == a.day + 1 and a.year in (None, b.year)
    if a.month is not None and b.month is not None:
        return b.month == a.month % 12 + 1
    if a.year is not None and b.year is not None:
        return b.year == a.year + 1
    return False
