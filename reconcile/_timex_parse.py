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
:mod:`reconcile._timex_expr`'s business.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Literal, TypeVar

from attrs import evolve, frozen

from reconcile._timex_expr import (
    Cal,
    CalExpr,
    Clock,
    ClockExpr,
    DeicticExpr,
    DurationExpr,
    Expr,
    RangeExpr,
    RefExpr,
    SetExpr,
    ShiftExpr,
    Tense,
    WeekdayExpr,
    duration_value,
    ref_value,
)
from reconcile._timex_lexicon import TimexLexicon

__all__ = ["Found", "Tok", "find_expressions", "tokenize"]

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
# Function words after which a phrase may end ("March 3 and 4 in Geneva").
_V = TypeVar("_V")
_SPORT_SEASONS = frozenset(("season", "offseason", "preseason", "postseason"))
_BE_FORMS = frozenset(("is", "are", "am", "was", "were", "be", "'s"))
# Before a participle these leave the tense to another word ("will be closed").
_PASSIVE_AUXILIARIES = frozenset(("be", "been", "being", "is", "are", "am", "s"))
_FUNCTION_WORDS = frozenset(
    (
        *("a", "an", "the", "and", "or", "but", "to", "in", "on", "at", "of", "for", "from"),
        *("with", "by", "as", "when", "while", "after", "before", "until", "during", "this"),
        *("that", "these", "those", "his", "her", "its", "their", "our", "is", "are", "was"),
        *("were", "be", "been", "will", "would", "has", "have", "had", "respectively"),
        *("where", "which", "who", "amid", "despite", "since"),
    )
)


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
        return self.text[:1].isupper()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
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

    lex: TimexLexicon
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
    refs: dict[str, list[tuple[tuple[str, ...], int]]]
    holidays: dict[str, list[tuple[tuple[str, ...], str]]]
    point_mods: dict[str, list[tuple[tuple[str, ...], str]]]
    duration_mods: dict[str, list[tuple[tuple[str, ...], str]]]


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
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
    out: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for phrase, value in pairs:
        words = _phrase_tokens(phrase)
        out.setdefault(words[0], []).append((words, value))
    for items in out.values():
        items.sort(key=lambda item: -len(item[0]))
    return out


@lru_cache(maxsize=8)
def lookups(lex: TimexLexicon) -> _Lookups:
    """Return the dictionaries the grammar reads, built from ``lex`` (cached)."""
    refs = (
        [(p, 0) for p in lex.present_refs]
        + [(p, -1) for p in lex.past_refs]
        + [(p, 1) for p in lex.future_refs]
    )
    full = frozenset(
        name for name, n in lex.months if len(name) > 4 or name in ("may", "june", "july")
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
        refs=_by_first(refs),
        holidays=_by_first(list(lex.holidays)),
        point_mods=_by_last(list(lex.point_mods)),
        duration_mods=_by_last(list(lex.duration_mods)),
    )


# A rule reads from token i and returns the expression with its token span.
_Match = tuple[int, int, Expr]
_Rule = Callable[[int], "_Match | None"]


class _Grammar:
    """The rules, over one list of tokens."""

    def __init__(self, toks: list[Tok], lk: _Lookups) -> None:
        self.toks = toks
        self.n = len(toks)
        self.lk = lk
        self.lex = lk.lex
        self.prev: Found | None = None
        self._rule_cache: dict[str, tuple[_Rule, ...]] = {}

    # -- token helpers ------------------------------------------------------

    def tok(self, k: int) -> Tok | None:
        return self.toks[k] if 0 <= k < self.n else None

    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < self.n else ""

    def text_at(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < self.n else ""

    def kind_at(self, k: int) -> str:
        return self.toks[k].kind if 0 <= k < self.n else ""

    def is_p(self, k: int, chars: str | frozenset[str]) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "p" and t.text in chars

    def ends_phrase(self, k: int) -> bool:
        """Whether a phrase may end before token ``k`` (end, punctuation, a function word)."""
        t = self.tok(k)
        if t is None or t.kind == "p" or t.brk:
            return True
        return t.kind == "w" and (t.low in _FUNCTION_WORDS or t.is_cap)

    # -- driver ---------------------------------------------------------------

    def run(self) -> list[Found]:
        found: list[Found] = []
        i = 0
        while i < self.n:
            best: _Match | None = None
            for rule in self._rules(self.toks[i]):
                got = rule(i)
                if got is not None and got[1] > got[0] and (best is None or got[1] > best[1]):
                    best = got
            if best is None:
                i += 1
                continue
            start, end, expr = best
            floor = found[-1].j if found else 0
            start, expr = self._absorb_mods(start, expr, floor)
            item = Found(start, end, expr)
            found.append(item)
            self.prev = item
            i = end
        found = self._join_ranges(found)
        return [self._with_tense(f) if _needs_tense(f.expr) else f for f in found]

    def _rules(self, t: Tok) -> tuple[_Rule, ...]:
        key = t.kind if t.kind == "n" else t.low
        cached = self._rule_cache.get(key)
        if cached is not None:
            return cached
        lk = self.lk
        rules: list[_Rule] = []
        if t.kind == "n":
            rules = [
                self.r_numeric_date,
                self.r_clock,
                self.r_day_month,
                self.r_year,
                self.r_decade,
                self.r_duration,
                self.r_occurrence,
                self.r_century,
            ]
        elif t.kind == "p":
            if t.text in _APOSTROPHES:
                rules = [self.r_decade]
        else:
            w = t.low
            if w in lk.months:
                rules.append(self.r_month)
            if w in lk.weekdays or (w.endswith("s") and w[:-1] in lk.weekdays):
                rules.append(self.r_weekday)
            if w in lk.deictic:
                rules.append(self.r_deictic)
            if w in lk.relative or w == "the":
                rules.append(self.r_relative)
            if w in ("the", "a", "an", "for", "in", "at") or w in lk.ordinals:
                rules += [self.r_the, self.r_occurrence, self.r_century, self.r_quarter]
            if w in ("earlier", "later", "early", "late"):
                rules.append(self.r_in_the_unit)
            if (
                w in lk.cardinals
                or w in lk.lex.vague_counts
                or w in ("a", "an", "half")
                or w in lk.long_units
            ):
                rules.append(self.r_duration)
            if w in lk.cardinals or w in ("twice", "thrice", "once"):
                rules.append(self.r_occurrence)
            if w in ("every", "each", "per") or w in lk.sets or w in ("twice", "thrice", "once"):
                rules.append(self.r_set)
            if w in lk.refs:
                rules.append(self.r_ref)
            if w in lk.holidays:
                rules.append(self.r_holiday)
            if w in lk.seasons:
                rules.append(self.r_season)
            if w in ("noon", "midday", "midnight"):
                rules.append(self.r_noon)
            if w == "q":
                rules.append(self.r_quarter)
        out = tuple(dict.fromkeys(rules))
        self._rule_cache[key] = out
        return out

    # -- pieces ---------------------------------------------------------------

    def month_at(self, k: int, *, need_cap: bool = True) -> tuple[int, int] | None:
        """Return ``(month, next index)`` for a month name at ``k`` (with its period)."""
        t = self.tok(k)
        if t is None or t.kind != "w":
            return None
        month = self.lk.months.get(t.low)
        if month is None or (need_cap and not t.is_cap):
            return None
        nxt = k + 1
        if self.is_p(nxt, ".") and self.tok(nxt + 1) is not None and not self._period_ends(nxt):
            nxt += 1
        return month, nxt

    def _period_ends(self, k: int) -> bool:
        """Whether the period at ``k`` ends the sentence rather than an abbreviation."""
        t = self.tok(k + 1)
        return t is not None and t.brk and t.kind == "w" and t.low not in self.lk.months

    def day_at(self, k: int) -> tuple[int, int] | None:
        """Return ``(day, next index)`` for a day number (``3``, ``03``, ``3rd``)."""
        t = self.tok(k)
        if t is None or t.kind != "n" or t.ndigits > 2 or t.suffix == "s":
            return None
        if not 1 <= t.num <= 31:
            return None
        nxt = self.tok(k + 1)
        # "3:30", "3%", "3/4", "3.5", "3,5": not a day.
        if nxt is not None and not nxt.space and nxt.kind == "p":
            if nxt.text in ":%/":
                return None
            after = self.tok(k + 2)
            if nxt.text in ".," and after is not None and after.kind == "n" and not after.space:
                return None
        return t.num, k + 1

    def year_at(self, k: int, *, lo: int = 1000, hi: int = 2999) -> tuple[int, int] | None:
        """Return ``(year, next index)`` for a four-digit year or ``'09`` at ``k``."""
        t = self.tok(k)
        if t is None:
            return None
        if t.kind == "n" and t.ndigits == 4 and not t.suffix and lo <= t.num <= hi:
            nxt = self.tok(k + 1)
            if nxt is not None and nxt.kind == "p" and nxt.text in ":%" and not nxt.space:
                return None
            return t.num, k + 1
        if t.kind == "p" and t.text in _APOSTROPHES:
            two = self.tok(k + 1)
            if (
                two is not None
                and two.kind == "n"
                and two.ndigits == 2
                and not two.suffix
                and not two.space
            ):
                return 2000 + two.num if two.num < 50 else 1900 + two.num, k + 2
        return None

    def count_at(self, k: int) -> tuple[float | None, int, str] | None:
        """Read an amount: ``3``, ``three``, ``twenty-five``, ``a``, ``a few``, ``half a``.

        Returns ``(amount or None when vague, next index, kind)`` where kind is
        ``digits``, ``word``, ``article`` or ``vague``.
        """
        t = self.tok(k)
        if t is None:
            return None
        lk = self.lk
        if t.kind == "n":
            if t.suffix or t.num < 0 or t.ndigits > 7:
                return None
            prev = self.tok(k - 1)
            if prev is not None and not t.space and prev.kind == "p" and prev.text in ".,$£€#/":
                return None
            amount: float = t.num
            nxt = k + 1
            half = self._vulgar(k)  # "1/2 hour"
            if half is not None:
                return half, k + 3, "digits"
            after = self.tok(nxt)
            mixed = self._vulgar(nxt) if after is not None and after.space else None
            if mixed is not None:  # "5 1/2 months"
                return t.num + mixed, nxt + 3, "digits"
            dot, frac = self.tok(nxt), self.tok(nxt + 1)
            if (
                dot is not None
                and frac is not None
                and dot.text == "."
                and not dot.space
                and frac.kind == "n"
                and not frac.space
                and not frac.suffix
                and frac.num >= 0
                and not self.is_p(nxt + 2, ".")
            ):
                amount = float(f"{t.num}.{frac.text}")
                nxt += 2
            return (*self._and_a_half(amount, nxt), "digits")
        w = t.low
        if w in ("a", "an"):
            if self.low(k + 1) == "couple" and self.low(k + 2) == "of":
                return 2, k + 3, "word"
            if self.low(k + 1) == "few":
                return None, k + 2, "vague"
            if self.low(k + 1) == "half":
                return 0.5, k + 2, "word"
            if self.low(k + 1) == "dozen":
                return 12, k + 2, "word"
            return 1, k + 1, "article"
        if w == "half" and self.low(k + 1) in ("a", "an"):
            return 0.5, k + 2, "word"
        if w == "half" and self.is_p(k + 1, _HYPHENS):
            return 0.5, k + 1, "word"
        if w in ("hundreds", "thousands", "dozens", "tens"):
            if self.low(k + 1) == "of":
                return None, k + 2, "vague"
            if self.low(k + 1) == "more" or self.low(k + 1) in lk.units:
                return None, k + 1, "vague"
            return None
        if w in ("several", "few", "many", "numerous", "couple"):
            if w == "couple" and self.low(k + 1) == "of":
                return 2, k + 2, "word"
            return None, k + 1, "vague"
        if w in lk.tens:
            value = lk.tens[w]
            nxt = k + 1
            sep = nxt + 1 if self.is_p(nxt, _HYPHENS) else nxt
            ones = lk.cardinals.get(self.low(sep), 0)
            if 0 < ones < 10:
                value += ones
                nxt = sep + 1
            return (*self._and_a_half(value, nxt), "word")
        if w in lk.cardinals and w not in ("zero", "hundred"):
            return (*self._and_a_half(lk.cardinals[w], k + 1), "word")
        return None

    def _vulgar(self, k: int) -> float | None:
        """Read a fraction written with a slash at ``k`` ("1/2", "3/4"), not a date ("8/2/13")."""
        a, slash, b = self.tok(k), self.tok(k + 1), self.tok(k + 2)
        if a is None or slash is None or b is None or a.kind != "n" or b.kind != "n":
            return None
        if slash.text != "/" or slash.space or b.space or a.suffix or b.suffix:
            return None
        if self.is_p(k + 3, "/") or not 0 < a.num < b.num <= 16:
            return None
        return a.num / b.num

    def _and_a_half(self, amount: float, k: int) -> tuple[float, int]:
        if self.low(k) == "and" and self.low(k + 1) == "a" and self.low(k + 2) == "half":
            return amount + 0.5, k + 3
        return amount, k

    def clock_at(self, k: int, *, loose: bool = False) -> tuple[Clock, int] | None:
        """Read a clock time at ``k``: ``4:59 PM EDT``, ``10 a.m.``, ``22.34 BST``, ``15:14``,
        ``0835 GMT``.

        A bare ``H:MM`` without am/pm or zone counts only when ``loose``.
        """
        t = self.tok(k)
        if t is not None and t.kind == "n" and not t.suffix and t.ndigits == 4:
            # Wire style: "by 0835 GMT", "at 2300 UTC": four digits only with a zone.
            hours, minutes = divmod(int(t.num), 100)
            zone, after = self.zone_at(k + 1)
            if zone is not None and hours < 24 and minutes < 60 and t.num == int(t.num):
                return Clock(hours, minutes, None, zone), after
            return None
        if t is None or t.kind != "n" or t.suffix or t.ndigits > 2 or t.num > 24:
            return None
        hour = t.num
        minute, second = 0, None
        j = k + 1
        sep = self.tok(j)
        has_minutes = False
        dotted = False
        if sep is not None and sep.kind == "p" and sep.text in ":." and not sep.space:
            mm = self.tok(j + 1)
            if (
                mm is not None
                and mm.kind == "n"
                and mm.ndigits == 2
                and not mm.space
                and mm.num < 60
            ):
                minute = mm.num
                has_minutes = True
                dotted = sep.text == "."
                j += 2
                if self.is_p(j, ":") and not self.toks[j].space:
                    ss = self.tok(j + 1)
                    if ss is not None and ss.kind == "n" and ss.ndigits == 2 and ss.num < 60:
                        second = ss.num
                        j += 2
        ampm = self.ampm_at(j, tight=has_minutes)
        if ampm is not None:
            is_pm, j = ampm
            if hour > 12 or hour == 0:
                return None
            hour = (hour % 12) + (12 if is_pm else 0)
        zone, j2 = self.zone_at(j)
        if ampm is None and zone is None and (not has_minutes or dotted or not loose):
            if self.low(j) == "o" and self.is_p(j + 1, _APOSTROPHES) and self.low(j + 2) == "clock":
                if hour > 12:
                    return None
                return Clock(hour, 0), j + 3
            return None
        if hour == 24 and minute:
            return None
        return Clock(hour, minute, second, zone), j2

    def ampm_at(self, k: int, *, tight: bool) -> tuple[bool, int] | None:
        t = self.tok(k)
        if t is None or t.kind != "w":
            return None
        w = t.low
        if w in ("am", "pm"):
            return w == "pm", k + 1
        if w in ("a", "p"):
            if self.is_p(k + 1, ".") and self.low(k + 2) == "m":
                end = k + 3
                if self.is_p(end, ".") and not self._period_ends(end):
                    end += 1
                return w == "p", end
            if tight and not t.space:
                return w == "p", k + 1
        return None

    def zone_at(self, k: int) -> tuple[str | None, int]:
        t = self.tok(k)
        if t is None or t.kind != "w":
            return None, k
        if t.text in self.lex.time_zones or t.text == "UK":
            j = k + 1
            if t.text in ("ET", "PT", "CT", "MT") and self.text_at(j) in self.lex.time_zones:
                j += 1
            return t.text, j
        if (
            (t.is_cap or t.low == "local")
            and self.low(k + 1) == "time"
            and t.low not in self.lk.weekdays
        ):
            return f"{t.text} time", k + 2
        return None, k

    def clock_tail(self, k: int) -> tuple[Clock, int] | None:
        """Read ``[, | at | @ | - | |] 10:20 AM EDT`` after a date."""
        j = k
        if self.is_p(j, ",@|-–") or self.low(j) == "at":
            j += 1
            if self.low(j) == "at":
                j += 1
        got = self.clock_at(j, loose=True)
        if got is None:
            return None
        return got

    def pod_at(self, k: int) -> tuple[str, int] | None:
        t = self.tok(k)
        if t is None or t.kind != "w" or t.low.endswith("s") or t.low == "overnight":
            return None
        pod = self.lk.pods.get(t.low)
        return (pod, k + 1) if pod is not None else None

    def date_at(self, k: int) -> tuple[Cal, int, Clock | None] | None:
        """Read a calendar date with a month and a day at ``k``, in any order, and its clock."""
        for reader in (self._month_day, self._day_month, self._numeric):
            got = reader(k)
            if got is not None:
                return got
        return None

    # -- dates ----------------------------------------------------------------

    def _month_day(self, k: int) -> tuple[Cal, int, Clock | None] | None:
        got = self.month_at(k)
        if got is None:
            return None
        month, j = got
        day = self.day_at(j)
        if day is None:
            return None
        d, j = day
        return self._year_and_clock(month, d, j)

    def _day_month(self, k: int) -> tuple[Cal, int, Clock | None] | None:
        j = k
        if self.low(j) == "the":
            j += 1
        day = self.day_at(j)
        if day is None:
            return None
        d, j = day
        if self.low(j) == "of":
            j += 1
        got = self.month_at(j)
        if got is None:
            return None
        month, j = got
        return self._year_and_clock(month, d, j)

    def _year_and_clock(self, month: int, d: int, j: int) -> tuple[Cal, int, Clock | None]:
        """Read the optional year (", 2026") and time of day after a month and day at ``j``."""
        year = None
        y_at = j + 1 if self.is_p(j, ",") else j
        yr = self.year_at(y_at)
        if yr is not None:
            year, j = yr
        cal = Cal(year=year, month=month, day=d)
        clock = self.clock_tail(j)
        if clock is not None:
            return cal, clock[1], clock[0]
        return cal, j, None

    def _numeric(self, k: int) -> tuple[Cal, int, Clock | None] | None:
        """Read ``2026-02-04``, ``02/04/2026`` (US order), ``8 / 2 / 13``, ``08.07.2012``."""
        a = self.tok(k)
        if a is None or a.kind != "n" or a.suffix or a.num < 0:
            return None
        sep = self.tok(k + 1)
        if sep is None or sep.kind != "p" or sep.text not in "-/.":
            return None
        spaced = sep.space
        b = self.tok(k + 2)
        sep2 = self.tok(k + 3)
        c = self.tok(k + 4)
        if b is None or sep2 is None or c is None or b.kind != "n" or c.kind != "n":
            return None
        if sep2.text != sep.text or b.suffix or c.suffix or b.num < 0 or c.num < 0:
            return None
        if sep.text != "/" and (spaced or b.space or sep2.space or c.space):
            return None
        if sep.text == "/" and (spaced != sep2.space or spaced != b.space):
            return None
        after = self.tok(k + 5)
        if (
            after is not None
            and after.kind == "p"
            and not after.space
            and (after.text == "%" or (after.text == sep.text and self.kind_at(k + 6) == "n"))
        ):
            return None  # "1.2.3.4", a version or an address
        if after is not None and after.kind == "n" and not after.space:
            return None
        try:
            if a.ndigits == 4 and b.ndigits <= 2 and c.ndigits <= 2:
                year, month, day = a.num, b.num, c.num
                if sep.text == "." and month > 12:
                    return None
            elif a.ndigits <= 2 and b.ndigits <= 2 and c.ndigits in (2, 4):
                year = c.num if c.ndigits == 4 else (2000 + c.num if c.num < 50 else 1900 + c.num)
                if sep.text == "-" or (sep.text == "." and c.ndigits == 2):
                    return None
                first, second = a.num, b.num
                day_first = sep.text == "." or first > 12
                month, day = (second, first) if day_first else (first, second)
            else:
                return None
            if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
                return None
            date(year, month, day)
        except ValueError:
            return None
        cal = Cal(year=year, month=month, day=day)
        j = k + 5
        clock = self.clock_tail(j)
        if clock is None and self.is_p(j, "T") is False and self.low(j) == "t":
            clock = self.clock_at(j + 1, loose=True)
        if clock is not None:
            return cal, clock[1], clock[0]
        return cal, j, None

    def r_numeric_date(self, i: int) -> _Match | None:
        got = self._numeric(i)
        if got is None:
            return None
        cal, j, clock = got
        return i, j, CalExpr(cal, clock)

    def r_day_month(self, i: int) -> _Match | None:
        got = self._day_month(i)
        if got is None:
            return None
        cal, j, clock = got
        # "3-5 June", "3 and 4 February": a range of days in one month.
        return i, j, CalExpr(cal, clock)

    def r_month(self, i: int) -> _Match | None:
        t = self.toks[i]
        got = self.month_at(i)
        if got is None:
            return None
        month, j = got
        day = self.day_at(j)
        if day is not None:
            rng = self._day_range(day[1], month, day[0])
            if rng is not None:
                return i, rng[0], rng[1]
            md = self._month_day(i)
            if md is not None:
                cal, end, clock = md
                return i, end, CalExpr(cal, clock)
        y_at = j + 1 if self.is_p(j, ",") or self.low(j) == "of" else j
        yr = self.year_at(y_at)
        if yr is not None:
            return i, yr[1], CalExpr(Cal(year=yr[0], month=month))
        if t.low not in self.lk.full_months:
            return None
        if t.low in self.lex.ambiguous_months:
            prev = self.low(i - 1)
            if prev not in self.lex.month_prepositions:
                return None
            if prev in ("and", "or", "to") and not (
                self.prev is not None
                and self.prev.j == i - 1
                and isinstance(self.prev.expr, CalExpr)
            ):
                return None
        return i, j, CalExpr(Cal(month=month))

    def _day_range(self, k: int, month: int, first: int) -> tuple[int, Expr] | None:
        """Read the end of "June 3-5", "June 3 to 5", "February 3 and 4" after the first day."""
        conn = self.tok(k)
        if conn is None:
            return None
        is_and = conn.low == "and"
        if not (conn.kind == "p" and conn.text in _HYPHENS) and conn.low not in (
            "to",
            "through",
            "and",
        ):
            return None
        day = self.day_at(k + 1)
        if day is None:
            return None
        last, j = day
        if last <= first:
            return None
        if self.month_at(j) is not None:
            return None  # "June 3 to 5 July": not a day range
        if is_and and last != first + 1:
            return None  # "September 14 and 18": two days, not a range
        y_at = j + 1 if self.is_p(j, ",") else j
        yr = self.year_at(y_at)
        year = None
        if yr is not None:
            year, j = yr
        elif not self.ends_phrase(j):
            return None  # "May 3 and 4 people"
        a = CalExpr(Cal(year=year, month=month, day=first))
        b = CalExpr(Cal(year=year, month=month, day=last))
        return j, RangeExpr(a, b)

    def r_weekday(self, i: int) -> _Match | None:
        t = self.toks[i]
        w = t.low
        if not t.is_cap:
            return None
        if w not in self.lk.weekdays:
            # "on Mondays": a set.
            wd = self.lk.weekdays.get(w[:-1])
            if wd is None or w[:-1] in self.lex.short_weekdays:
                return None
            return i, i + 1, SetExpr(f"XXXX-WXX-{wd + 1}", f"recurs every {w[:-1].capitalize()}")
        wd = self.lk.weekdays[w]
        prev = self.tok(i - 1)
        if (
            prev is not None
            and prev.is_cap
            and prev.low in self.lex.named_day_prefixes
            and not prev.brk
        ):
            return None
        j = i + 1
        if self.is_p(j, ".") and w in self.lex.short_weekdays:
            j += 1
        paren = False
        if self.is_p(j, ",("):
            paren = self.is_p(j, "(")
            j += 1
        date = self.date_at(j)
        if date is not None:
            cal, k, clock = date
            if paren and self.is_p(k, ")"):
                k += 1
            return i, k, CalExpr(evolve(cal, weekday=wd), clock)
        if w in self.lex.short_weekdays:
            return None
        j = i + 1
        pod = self.pod_at(j)
        p = None
        if pod is not None:
            p, j = pod
        clock = None
        if self.low(j) == "at" or (self.is_p(j, ",") and self.kind_at(j + 1) == "n"):
            got = self.clock_tail(j)
            if got is not None:
                clock, j = got
        return i, j, WeekdayExpr(wd, None, clock, p)

    def r_deictic(self, i: int) -> _Match | None:
        t = self.toks[i]
        offset = self.lk.deictic[t.low]
        if t.low == "today" and t.is_cap and self.low(i + 1) in self.lex.deictic_blockers:
            return None
        if t.low == "today" and self.low(i - 1) == "the" and t.is_cap:
            return None
        pod = "NI" if t.low in ("tonight", "tonite") else None
        j = i + 1
        if pod is None:
            got = self.pod_at(j)
            if got is not None:
                pod, j = got
        # "tomorrow, February 3", "today (June 3)", "today is Monday, June 3".
        k = j
        paren = False
        if self.is_p(k, ",(—–-"):
            paren = self.is_p(k, "(")
            k += 1
        elif self.low(k) in ("is", "was") and t.low in ("today", "yesterday", "tomorrow"):
            k += 1
        wd = self.lk.weekdays.get(self.low(k))
        if wd is not None and self.is_p(k + 1, ","):
            k += 2
        elif wd is not None and self.text_at(k)[:1].isupper():
            k += 1
        else:
            wd = None
        date = self._month_day(k) or self._day_month(k)
        if date is not None and k > j:
            cal, end, clock = date
            if wd is not None:
                cal = evolve(cal, weekday=wd)
            if cal.month is not None and cal.day is not None:
                if paren and self.is_p(end, ")"):
                    end += 1
                expr = DeicticExpr("D", offset, t.text, pod=pod, clock=clock, explicit=cal)
                return i, end, expr
        clock = None
        got_clock = self.clock_tail(j) if self.low(j) == "at" else None
        if got_clock is not None:
            clock, j = got_clock
        return i, j, DeicticExpr("D", offset, t.text, pod=pod, clock=clock)

    def r_relative(self, i: int) -> _Match | None:
        lk = self.lk
        k = i
        has_the = False
        if self.low(k) == "the":
            has_the = True
            k += 1
        w = self.low(k)
        if w == "this" and self.low(k + 1) == "past":
            k += 1
            offset = -1
        elif has_the and w in lk.anaphoric and w not in lk.relative:
            offset = lk.anaphoric[w]
        elif w in lk.relative:
            offset = lk.relative[w]
        else:
            return None
        if has_the and w == "this":
            return None
        nxt = k + 1
        # "the past three years", "the next two weeks": durations.
        if has_the and w in ("past", "last", "next", "coming", "previous", "following"):
            cnt = self.count_at(nxt)
            if cnt is not None and cnt[2] != "article":
                amount, u_at, _ = cnt
                unit = lk.units.get(self.low(u_at))
                if unit is not None:
                    return i, u_at + 1, DurationExpr(amount, unit)
        unit_word = self.low(nxt)
        unit = lk.units.get(unit_word)
        if unit is not None and unit not in ("S", "MIN", "H") and not unit_word.endswith("s"):
            words = " ".join(t.text for t in self.toks[k : nxt + 1])
            if has_the:
                if w in ("past", "last"):
                    return i, nxt + 1, DurationExpr(1, unit)
                if w in lk.anaphoric or w == "next":
                    sign = lk.anaphoric.get(w, 1)
                    return i, nxt + 1, ShiftExpr(1, unit, sign, True, words)
                if w == "coming":
                    return i, nxt + 1, DeicticExpr(unit, 1, words)
                return None
            if unit == "D":
                return None
            return i, nxt + 1, DeicticExpr(unit, offset, words)
        if unit_word in _SPORT_SEASONS and not has_the:
            # A sports or fashion season has no fixed place in the calendar.
            which = "current" if offset == 0 else w
            note = f"the {which} {unit_word}, which has no fixed calendar extent"
            return i, nxt + 1, RefExpr(ref_value(offset), note)
        if unit_word == "quarter" and not has_the:
            return i, nxt + 1, DeicticExpr("Q", offset, f"{w} quarter")
        pod = lk.pods.get(unit_word)
        if pod is not None and not unit_word.endswith("s") and unit_word != "overnight":
            if has_the and w in lk.anaphoric:
                return (
                    i,
                    nxt + 1,
                    ShiftExpr(1, "D", lk.anaphoric[w], True, f"{w} {unit_word}", pod=pod),
                )
            if has_the:
                return None
            if w == "last" and pod == "NI":
                return i, nxt + 1, DeicticExpr("D", -1, "last night", pod=pod)
            if w == "this" and pod != "NI":
                return i, nxt + 1, DeicticExpr("D", 0, f"this {unit_word}", pod=pod)
            return None
        if has_the:
            return None
        month = self.month_at(nxt)
        if month is not None and self.toks[nxt].low in lk.full_months:
            return i, month[1], CalExpr(Cal(month=month[0], which=offset))
        wd = lk.weekdays.get(unit_word)
        if wd is not None and unit_word not in self.lex.short_weekdays and self.toks[nxt].is_cap:
            j = nxt + 1
            pod_got = self.pod_at(j)
            p = None
            if pod_got is not None:
                p, j = pod_got
            return i, j, WeekdayExpr(wd, offset, None, p)
        season = lk.seasons.get(unit_word)
        if season is not None:
            return i, nxt + 1, DeicticExpr("SE", offset, f"{w} {unit_word}", season=season)
        return None

    def r_in_the_unit(self, i: int) -> _Match | None:
        """ "earlier in the week", "later in the year", "early in the month"."""
        w = self.low(i)
        if self.low(i + 1) != "in" or self.low(i + 2) != "the":
            return None
        unit = self.lk.units.get(self.low(i + 3))
        if unit not in ("W", "M", "Y"):
            return None
        mod = "START" if w.startswith("earl") else "END"
        relative: Literal["before", "after"] | None = None
        if w == "earlier":
            relative = "before"
        elif w == "later":
            relative = "after"
        words = " ".join(t.text for t in self.toks[i : i + 4])
        return i, i + 4, DeicticExpr(unit, 0, words, mod=mod, relative=relative)

    def r_the(self, i: int) -> _Match | None:
        """Rules that start with "the" or a preposition: "the 5th of May", "in the morning",
        "the day before yesterday", "the year before", "for years"."""
        w = self.low(i)
        if w in ("in", "at"):
            k = i + 1
            if w == "in" and self.low(k) == "the":
                k += 1
            elif w == "in":
                return None
            pod = self.lk.pods.get(self.low(k))
            if pod is not None and not self.low(k).endswith("s") and self.low(k) != "overnight":
                if w == "at" and pod != "NI":
                    return None
                return i + 1, k + 1, ClockExpr(None, pod)
            return None
        if w == "for":
            unit = self.lk.units.get(self.low(i + 1))
            if unit is not None and self.low(i + 1).endswith("s") and unit not in ("S",):
                return i + 1, i + 2, DurationExpr(None, unit)
            return None
        if w != "the":
            return None
        got = self._day_month(i)
        if got is not None:
            cal, j, clock = got
            return i, j, CalExpr(cal, clock)
        nxt = self.low(i + 1)
        if nxt == "day" and self.low(i + 2) in ("before", "after"):
            sign = -1 if self.low(i + 2) == "before" else 1
            if self.low(i + 3) in ("yesterday", "tomorrow"):
                return (
                    i,
                    i + 4,
                    DeicticExpr(
                        "D", 2 * sign, "the day " + self.low(i + 2) + " " + self.low(i + 3)
                    ),
                )
            if self.ends_phrase(i + 3):
                return i, i + 3, ShiftExpr(1, "D", sign, True, f"the day {self.low(i + 2)}")
        if (
            nxt in ("year", "week", "month", "night")
            and self.low(i + 2) in ("before", "after")
            and self.ends_phrase(i + 3)
        ):
            sign = -1 if self.low(i + 2) == "before" else 1
            unit = {"year": "Y", "week": "W", "month": "M", "night": "D"}[nxt]
            pod = "NI" if nxt == "night" else None
            return (
                i,
                i + 3,
                ShiftExpr(1, unit, sign, True, f"the {nxt} {self.low(i + 2)}", pod=pod),
            )
        if nxt in ("year", "month", "week") and self.low(i - 1) == "of":
            t = self.toks[i + 1]
            after = self.tok(i + 2)
            if not t.is_cap and (after is None or after.kind != "n") and self.ends_phrase(i + 2):
                unit = {"year": "Y", "month": "M", "week": "W"}[nxt]
                return i, i + 2, DeicticExpr(unit, 0, f"the {nxt}")
        if nxt == "weekend" and not self.toks[i + 1].is_cap:
            return i, i + 2, DeicticExpr("WE", 0, "the weekend")
        dec = self.lk.decade_words.get(nxt)
        if dec is not None:
            return i, i + 2, CalExpr(Cal(decade=190 + dec))
        return None

    # -- years and decades ----------------------------------------------------

    def r_year(self, i: int) -> _Match | None:
        t = self.toks[i]
        if t.kind != "n" or t.ndigits != 4 or t.suffix:
            return None
        # "2010-2012", "2010–12", "2008-09": a range of years.
        rng = self._year_range(i)
        if rng is not None:
            return rng
        if not self.is_year(i):
            return None
        return i, i + 1, CalExpr(Cal(year=t.num))

    def _year_range(self, i: int) -> _Match | None:
        t = self.toks[i]
        if not 1000 <= t.num <= 2999:
            return None
        sep = self.tok(i + 1)
        b = self.tok(i + 2)
        if (
            sep is None
            or b is None
            or sep.kind != "p"
            or sep.text not in "-–/"
            or b.kind != "n"
            or b.suffix
        ):
            return None
        if sep.space != b.space:
            return None
        after = self.tok(i + 3)
        if after is not None and after.kind == "p" and after.text in "-–/" and not after.space:
            return None  # a full numeric date
        if b.ndigits == 4:
            last = b.num
        elif b.ndigits == 2:
            last = t.num - t.num % 100 + b.num
        else:
            return None
        if not t.num < last <= t.num + 100:
            return None
        if b.ndigits == 2 and sep.text == "/" and last != t.num + 1:
            return None
        if not (self.is_year(i, in_range=True) or b.ndigits == 2):
            return None
        return i, i + 3, RangeExpr(CalExpr(Cal(year=t.num)), CalExpr(Cal(year=last)))

    def is_year(self, k: int, *, in_range: bool = False) -> bool:
        """Whether the bare four-digit number at ``k`` is a year, from its neighbours.

        A year follows a temporal preposition ("in 1998"), a determiner before a
        noun ("the 2007 ceremony"), or starts a title-case name ("2014 Oscars"), or
        continues a list of years ("1994, 1996 and 2002"); a count never does
        ("about 2000 troops", "$2012").
        """
        t = self.toks[k]
        if not 1800 <= t.num <= 2100:
            return False
        lex = self.lex
        prev = self.tok(k - 1)
        nxt = self.tok(k + 1)
        if prev is not None and prev.kind == "p" and prev.text in "$£€#" and not t.space:
            return False
        if prev is not None and prev.kind == "p" and prev.text in ".," and not t.space:
            return False
        if nxt is not None and nxt.kind == "p" and nxt.text in "%:" and not nxt.space:
            return False
        if (
            nxt is not None
            and nxt.kind == "w"
            and (nxt.low in lex.count_nouns or nxt.low in self.lk.units)
        ):
            return False
        p = prev.low if prev is not None else ""
        if p in lex.count_words:
            return False
        if p == "of":
            # "the flood of 1998", "the summer of 1969"; not "a crowd of 2000".
            before = self.tok(k - 2)
            if before is None or before.kind != "w" or before.low in lex.quantity_nouns:
                return False
            return nxt is None or nxt.kind == "p" or nxt.low in _FUNCTION_WORDS
        if p in ("and", "or", "to"):
            return in_range or self._after_year(k)
        if p in lex.year_prepositions:
            return True
        if p in ("for",):
            return nxt is None or nxt.kind == "p" or nxt.is_cap
        if p == "," and self._after_year(k):
            return True
        if (
            nxt is not None
            and nxt.kind == "p"
            and nxt.text in _APOSTROPHES
            and self.low(k + 2) == "s"
        ):
            return True  # "2012's"
        if p in lex.determiners or (p == "s" and self.is_p(k - 2, _APOSTROPHES)):
            if nxt is None or nxt.kind != "w":
                return False
            if nxt.is_cap or nxt.low in lex.year_nouns:
                return True
            return not nxt.low.endswith("s") or nxt.low.endswith("ss")
        if (
            nxt is not None
            and nxt.kind == "w"
            and nxt.is_cap
            and not t.brk
            and nxt.low not in self.lk.months
        ):
            return True  # "host 2014 Oscars"
        if (
            nxt is not None
            and nxt.kind == "w"
            and prev is not None
            and prev.kind == "w"
            and not t.brk
        ):
            # "his deadly 2005 rampage": a year before a singular noun; counts take plurals.
            w = nxt.low
            return (
                len(w) >= 3
                and w not in _FUNCTION_WORDS
                and (not w.endswith("s") or w.endswith("ss"))
                and not w.endswith(("ed", "ing", "ly"))
            )
        return False

    def _after_year(self, k: int) -> bool:
        """Whether token ``k`` continues a list of years: "1994, 1996 and 2002"."""
        prev = self.prev
        if prev is None or not isinstance(prev.expr, CalExpr) or prev.expr.cal.year is None:
            return False
        if prev.expr.cal.month is not None:
            return False
        between = [t.low for t in self.toks[prev.j : k]]
        return between in (["and"], ["or"], [","], [",", "and"], [",", "or"], ["to"])

    def r_decade(self, i: int) -> _Match | None:
        t = self.toks[i]
        if t.kind == "n":
            if t.ndigits == 4 and t.num % 10 == 0 and 1000 <= t.num <= 2990:
                plural = t.suffix == "s"
                if not plural and not t.suffix:
                    plural = (
                        self.is_p(i + 1, _APOSTROPHES)
                        and self.low(i + 2) == "s"
                        and not self.toks[i + 1].space
                    )
                    end = i + 3
                else:
                    end = i + 1
                if not plural:
                    return None
                if t.num % 100 == 0 and t.num < 1900:
                    return i, end, CalExpr(Cal(century=t.num // 100))
                return i, end, CalExpr(Cal(decade=t.num // 10))
            if t.ndigits == 2 and t.num % 10 == 0:
                plural = t.suffix == "s"
                end = i + 1
                if not t.suffix and self.is_p(i + 1, _APOSTROPHES) and self.low(i + 2) == "s":
                    plural, end = True, i + 3
                if not plural:
                    return None
                prev = self.tok(i - 1)
                has_apostrophe = (
                    prev is not None
                    and prev.kind == "p"
                    and prev.text in _APOSTROPHES
                    and not t.space
                )
                start = i - 1 if has_apostrophe else i
                # "the 90s", "the mid-90s", "the early '60s"; not "her 40s" (an age).
                b = start - 1
                if self.is_p(b, _HYPHENS):
                    b -= 1
                if self.low(b) in ("early", "late", "mid"):
                    b -= 1
                listed = (
                    self.prev is not None
                    and isinstance(self.prev.expr, CalExpr)
                    and self.prev.expr.cal.decade is not None
                    and self.prev.j >= start - 2
                )
                if not (has_apostrophe or self.low(b) == "the" or listed):
                    return None
                if self.low(b) in self.lex.possessives:
                    return None
                return start, end, CalExpr(Cal(decade=190 + t.num // 10))
            return None
        # "'90s" starting at the apostrophe.
        nxt = self.tok(i + 1)
        if nxt is None or nxt.kind != "n" or nxt.space or nxt.ndigits != 2 or nxt.num % 10:
            return None
        if nxt.suffix == "s":
            return i, i + 2, CalExpr(Cal(decade=190 + nxt.num // 10))
        return None

    def r_century(self, i: int) -> _Match | None:
        t = self.toks[i]
        k = i + 1 if t.low == "the" else i
        o = self.tok(k)
        if o is None:
            return None
        n = None
        if o.kind == "n" and o.suffix in ("st", "nd", "rd", "th") and 1 <= o.num <= 30:
            n = o.num
        elif o.kind == "w":
            n = self.lk.ordinals.get(o.low)
        if n is None:
            return None
        j = k + 1
        if self.is_p(j, _HYPHENS):
            j += 1
        if self.low(j) not in ("century", "centuries"):
            return None
        return k, j + 1, CalExpr(Cal(century=n - 1))

    def r_quarter(self, i: int) -> _Match | None:
        """ "the first quarter of 2026", "the second half of the year", "Q3 2025"."""
        t = self.toks[i]
        if t.text == "Q":
            q = self.tok(i + 1)
            if q is None or q.kind != "n" or q.space or not 1 <= q.num <= 4 or q.ndigits != 1:
                return None
            yr = self.year_at(i + 2)
            if yr is None:
                return None
            return i, yr[1], CalExpr(Cal(year=yr[0], part=f"Q{q.num}"))
        k = i + 1 if t.low == "the" else i
        o = self.tok(k)
        if o is None:
            return None
        n = (
            self.lk.ordinals.get(o.low)
            if o.kind == "w"
            else (o.num if o.suffix in ("st", "nd", "rd", "th") else None)
        )
        if n is None:
            return None
        j = k + 1
        if self.is_p(j, _HYPHENS):
            j += 1
        word = self.low(j)
        if word == "quarter" and 1 <= n <= 4:
            part = f"Q{n}"
        elif word == "half" and 1 <= n <= 2:
            part = f"H{n}"
        else:
            return None
        j += 1
        if self.low(j) != "of":
            return None
        j += 1
        yr = self.year_at(j)
        if yr is not None:
            return i, yr[1], CalExpr(Cal(year=yr[0], part=part))
        if self.low(j) == "the" and self.low(j + 1) == "year":
            return i, j + 2, CalExpr(Cal(part=part, year_of_reference=True))
        if self.low(j) in ("this", "last", "next") and self.low(j + 1) == "year":
            offset = self.lk.relative[self.low(j)]
            cal = Cal(part=part, year_of_reference=True, which=offset)
            return i, j + 2, CalExpr(cal)
        return None

    # -- durations, sets, occurrences -----------------------------------------

    def r_duration(self, i: int) -> _Match | None:
        lk = self.lk
        t = self.toks[i]
        if t.low in lk.long_units:
            return i, i + 1, DurationExpr(1, lk.long_units[t.low])
        cnt = self.count_at(i)
        if cnt is None:
            return None
        amount, k, kind = cnt
        hyphen = False
        if self.is_p(k, _HYPHENS):
            hyphen = True
            k += 1
        while self.low(k) in self.lex.count_adjectives and not hyphen:
            k += 1
        unit_tok = self.tok(k)
        if unit_tok is None or unit_tok.kind != "w":
            return None
        uw = unit_tok.low
        unit = lk.units.get(uw)
        upper = None
        if unit is None:
            # "two to three years", "two or three days"
            if self.low(k) in ("to", "or") or self.is_p(k, _HYPHENS):
                cnt2 = self.count_at(k + 1)
                if (
                    cnt2 is not None
                    and cnt2[0] is not None
                    and amount is not None
                    and cnt2[0] > amount
                ):
                    unit = lk.units.get(self.low(cnt2[1]))
                    if unit is not None:
                        upper = cnt2[0]
                        k = cnt2[1]
                        uw = self.low(k)
            if unit is None:
                if self.low(k) in lk.long_units and kind in ("article", "digits", "word"):
                    return i, k + 1, DurationExpr(amount, lk.long_units[self.low(k)])
                return None
        if uw in ("min", "mins", "sec", "secs", "hr", "hrs", "yr", "yrs") and (
            kind != "digits" or not unit_tok.text.islower()
        ):
            return None  # "203 HR" is home runs
        if unit == "S" and (kind == "article" or (amount is None and kind != "vague")):
            return None
        if kind == "article" and uw.endswith("s") and unit != "CE":
            return None
        if kind == "vague" and amount is None and not uw.endswith("s") and uw != "century":
            return None
        end = k + 1
        # "-long": "a week-long manhunt"
        if self.is_p(end, _HYPHENS) and self.low(end + 1) == "long":
            end += 2
        # Ages are not durations: "the 32-year-old", "85 years old", "40-year - old".
        if self.low(end) == "old" or (
            self.is_p(end, _HYPHENS) and self.low(end + 1) in ("old", "olds")
        ):
            return None
        if self.low(end) == "of" and self.low(end + 1) == "age":
            return None
        if self.low(i - 1) == "aged":
            return None
        words = " ".join(x.text for x in self.toks[i:end])
        after = self.low(end)
        if after == "ago":
            return i, end + 1, ShiftExpr(amount, unit, -1, False, words + " ago")
        if after in self.lex.later_words:
            return i, end + 1, ShiftExpr(amount, unit, 1, after != "hence", words + " " + after)
        if after == "earlier" and self.ends_phrase(end + 1):
            return i, end + 1, ShiftExpr(amount, unit, -1, True, words + " earlier")
        if after == "from" and self.low(end + 1) == "now":
            return i, end + 2, ShiftExpr(amount, unit, 1, False, words + " from now")
        # "$5 million a year": a rate, not a duration.
        if kind == "article" and not hyphen:
            prev = self.tok(i - 1)
            if prev is not None and (
                prev.kind == "n" or prev.low in self.lex.rate_words or prev.text == "%"
            ):
                return i, end, SetExpr(duration_value(1, unit), f"is a rate: per {uw}")
        # "in three weeks" with a future verb: a date.
        if (
            self.low(i - 1) == "in"
            and not hyphen
            and amount is not None
            and unit not in ("S", "MIN")
            and not self._ranked_before(i - 1)
        ):
            tense, _word = self.tense(i - 1, end)
            if tense == "future":
                return i - 1, end, ShiftExpr(amount, unit, 1, False, "in " + words)
        return i, end, DurationExpr(amount, unit, upper=upper)

    def _ranked_before(self, k: int) -> bool:
        """Whether an ordinal or superlative shortly before ``k`` scopes a span of time.

        "the fifth coach in four years", "the first time in three years", "the
        highest in two decades": "in N years" is then a duration, not a date.
        """
        for back in range(1, 6):
            t = self.tok(k - back)
            if t is None or t.sent != self.toks[k].sent:
                return False
            if t.low in self.lk.ordinals or t.suffix in ("st", "nd", "rd", "th"):
                return True
            if t.low in ("time", "times", "most", "least") or (
                len(t.low) > 4 and t.low.endswith("est") and t.low not in self.lex.not_superlatives
            ):
                return True
        return False

    def r_set(self, i: int) -> _Match | None:
        lk = self.lk
        w = self.low(i)
        if w in lk.sets:
            if self.toks[i].is_cap and not self.toks[i].brk and w in self.lex.periodical_names:
                return None  # "Us Weekly", "the Daily Mail": a name
            return (
                i,
                i + 1,
                SetExpr(lk.sets[w], f"recurs {_PERIOD_WORDS.get(lk.sets[w], 'regularly')}"),
            )
        if w in ("every", "each"):
            k = i + 1
            n = 1.0
            if self.low(k) == "other":
                n, k = 2, k + 1
            else:
                cnt = self.count_at(k)
                if cnt is not None and cnt[0] is not None and cnt[2] in ("digits", "word"):
                    n, k = cnt[0], cnt[1]
            word = self.low(k)
            unit = lk.units.get(word)
            if unit is not None and unit != "WE":
                return (
                    i,
                    k + 1,
                    SetExpr(duration_value(n, unit), f"recurs every {_plural(n, word)}"),
                )
            wd = lk.weekdays.get(word)
            if wd is not None and word not in self.lex.short_weekdays:
                return i, k + 1, SetExpr(f"XXXX-WXX-{wd + 1}", f"recurs every {word.capitalize()}")
            month = lk.months.get(word)
            if month is not None and word in lk.full_months:
                return i, k + 1, SetExpr(f"XXXX-{month:02d}", f"recurs every {word.capitalize()}")
            pod = lk.pods.get(word)
            if pod is not None and not word.endswith("s"):
                return i, k + 1, SetExpr(f"T{pod}", f"recurs every {word}")
            season = lk.seasons.get(word)
            if season is not None:
                return i, k + 1, SetExpr(f"XXXX-{season}", f"recurs every {word}")
            if word == "weekend":
                return i, k + 1, SetExpr("XXXX-WXX-WE", "recurs every weekend")
            return None
        if w == "per":
            unit = lk.units.get(self.low(i + 1))
            if unit is not None and not self.low(i + 1).endswith("s"):
                return (
                    i,
                    i + 2,
                    SetExpr(duration_value(1, unit), f"is a rate: per {self.low(i + 1)}"),
                )
            return None
        # "twice a year", "once a week", "three times a month"
        freq = {"once": 1, "twice": 2, "thrice": 3}.get(w)
        k = i + 1
        if freq is not None and self.low(k) in ("a", "an", "per", "every", "each"):
            unit = lk.units.get(self.low(k + 1))
            if unit is not None and not self.low(k + 1).endswith("s"):
                return (
                    i,
                    k + 2,
                    SetExpr(
                        duration_value(1, unit),
                        f"happens {w} a {self.low(k + 1)} ({freq} times)",
                    ),
                )
        return None

    def r_occurrence(self, i: int) -> _Match | None:
        """Counts of occurrences: "twice", "five times", "for the second time", "four-time".

        Written ``R<n>`` (ISO 8601 repetitions) with type SET: they are not calendar
        times, but they say how often something happened.
        """
        lk = self.lk
        t = self.toks[i]
        w = t.low
        if w in ("twice", "thrice"):
            nxt = self.low(i + 1)
            if nxt in ("a", "an", "per", "every", "each") and lk.units.get(self.low(i + 2)):
                return None
            if nxt in ("as", "the") or nxt in self.lex.multiplier_followers:
                return None
            count = 2 if w == "twice" else 3
            return i, i + 1, SetExpr(f"R{count}", f"counts {count} occurrences")
        # "the second time", "a third time", "for the first time"
        k = i
        if w in ("the", "a"):
            k = i + 1
        if w == "for" and self.low(i + 1) in ("the", "a"):
            k = i + 2
        o = self.tok(k)
        if o is None:
            return None
        n: int | None = None
        if o.kind == "w" and o.low in lk.ordinals:
            n = lk.ordinals[o.low]
        elif o.kind == "n" and o.suffix in ("st", "nd", "rd", "th"):
            n = o.num
        if n is not None:
            j = k + 1
            if self.is_p(j, _HYPHENS):
                j += 1
            if self.low(j) == "time" and n <= 50:
                start = i if w in ("the", "a") else k
                if w == "for":
                    start = i + 1
                return (
                    start,
                    j + 1,
                    SetExpr(f"R{n}", f"counts occurrences: the {_ordinal_words(n)}"),
                )
            return None
        # "five times", "4 times", "four-time", "two - time"
        cnt = self.count_at(i) if (t.kind == "n" or w in lk.cardinals) else None
        if cnt is None or cnt[2] not in ("digits", "word"):
            return None
        amount, j, _ = cnt
        if amount is None or amount != int(amount):
            return None
        count = int(amount)
        if self.is_p(j, _HYPHENS) and self.low(j + 1) == "time":
            return i, j + 2, SetExpr(f"R{count}", f"counts {count} occurrences")
        if self.low(j) != "times" or count < 2:
            return None
        nxt = self.low(j + 1)
        unit = lk.units.get(self.low(j + 2))
        if nxt in ("a", "an", "per", "every", "each") and unit is not None:
            # "three times a week": a set with a frequency.
            what = f"happens {count} times a {self.low(j + 2)}"
            return i, j + 3, SetExpr(duration_value(1, unit), what)
        if nxt in self.lex.multiplier_followers:
            return None  # "three times as many": a multiplier
        return i, j + 1, SetExpr(f"R{count}", f"counts {count} occurrences")

    def r_ref(self, i: int) -> _Match | None:
        for words, value in self.lk.refs.get(self.low(i), []):
            if all(self.low(i + n) == word for n, word in enumerate(words)):
                j = i + len(words)
                if words == ("now",) and self.is_p(j, _HYPHENS):
                    return None  # "now-defunct"
                start = i
                if words[0] == "in" and len(words) > 1:
                    start = i + 1  # "in recent years": the preposition stays out
                return start, j, RefExpr(ref_value(value))
        return None

    def r_holiday(self, i: int) -> _Match | None:
        t = self.toks[i]
        if not t.is_cap:
            return None
        for words, rule in self.lk.holidays.get(t.low, []):
            if not all(self.low(i + n) == word for n, word in enumerate(words)):
                continue
            j = i + len(words)
            yr = self.year_at(j)
            name = " ".join(x.text for x in self.toks[i:j])
            if words[-1] in self.lex.weak_holidays and yr is None:
                if self.low(i - 1) not in self.lex.holiday_prepositions:
                    return None
                if not self.ends_phrase(j) or self.low(j) in self.lex.holiday_nouns:
                    return None
            year = None
            if yr is not None:
                year, j = yr
            return i, j, CalExpr(Cal(year=year, holiday=rule, holiday_name=name))
        return None

    def r_season(self, i: int) -> _Match | None:
        t = self.toks[i]
        season = self.lk.seasons[t.low]
        j = i + 1
        y_at = j + 1 if self.low(j) == "of" else j
        yr = self.year_at(y_at)
        if yr is not None:
            start = i - 1 if self.low(i - 1) == "the" else i
            return start, yr[1], CalExpr(Cal(year=yr[0], season=season))
        if t.is_cap and not t.brk:
            return None  # "Spring Training", "Winter Olympics": part of a name
        prev = self.low(i - 1)
        has_the = prev == "the"
        ctx = self.low(i - 2) if has_the else prev
        if ctx not in self.lex.season_context or ctx in (
            "this",
            "last",
            "next",
            "past",
            "coming",
            "the",
        ):
            return None
        if t.low == "fall" and not has_the:
            return None
        if not self.ends_phrase(j) or self.low(j) in ("the", "a", "an"):
            return None
        start = i - 1 if has_the else i
        return start, j, CalExpr(Cal(season=season))

    def r_noon(self, i: int) -> _Match | None:
        w = self.low(i)
        nxt = self.tok(i + 1)
        if nxt is not None and nxt.kind == "w" and not nxt.is_cap and not self.ends_phrase(i + 1):
            return None  # "midnight regulations": an adjective
        clock = Clock(24, 0) if w == "midnight" else Clock(12, 0)
        return self._clock_with_day(i, i + 1, clock)

    def r_clock(self, i: int) -> _Match | None:
        prev = self.low(i - 1)
        loose = prev in self.lex.clock_prepositions or self.toks[i].brk
        got = self.clock_at(i, loose=loose)
        if got is None:
            return None
        clock, j = got
        return self._clock_with_day(i, j, clock)

    def _clock_with_day(self, i: int, j: int, clock: Clock) -> _Match:
        """Join a clock with the day after it: "22:07 GMT, 7 July 2012", "10 a.m. Monday"."""
        k = j
        if self.is_p(k, ",|") or self.low(k) == "on":
            k += 1
        wd = None
        if self.low(k) in self.lk.weekdays and self.text_at(k)[:1].isupper():
            wd = self.lk.weekdays[self.low(k)]
            k += 1
            if self.is_p(k, ".") and self.low(k - 1) in self.lex.short_weekdays:
                k += 1
            if self.is_p(k, ","):
                k += 1
        date = self._month_day(k) or self._day_month(k) or self._numeric(k)
        if date is not None:
            cal, end, _ = date
            if wd is not None:
                cal = evolve(cal, weekday=wd)
            return i, end, CalExpr(cal, clock)
        if wd is not None and self.low(k - 1) not in self.lex.short_weekdays:
            end = k - 1 if self.is_p(k - 1, ",") else k
            return i, end, WeekdayExpr(wd, None, clock)
        dw = self.low(j if self.low(j) != "on" else j + 1)
        if dw in self.lk.deictic and dw != "tonight":
            at = j if self.low(j) != "on" else j + 1
            return i, at + 1, DeicticExpr("D", self.lk.deictic[dw], self.toks[at].text, clock=clock)
        return i, j, ClockExpr(clock)

    # -- tense ---------------------------------------------------------------

    def tense(self, i: int, j: int) -> tuple[Tense | None, str | None]:
        """Return the tense the nearest marker in the clause gives, and the marker.

        Markers are looked for up to ten tokens on each side, within the sentence
        and the clause (a "that", "which", "but"... ends it). A reporting verb counts
        only right next to the time ("said Monday"), because what was said may be
        about another time.
        """
        best: tuple[int, Tense, str] | None = None
        for step in (-1, 1):
            k = i - 1 if step < 0 else j
            origin = i if step < 0 else j - 1
            for _ in range(12):
                t = self.tok(k)
                if t is None or t.sent != self.toks[origin].sent:
                    break
                if t.low in self.lex.clause_breaks:
                    break
                if t.kind == "p" and t.text in ';:"“”':
                    break
                dist = abs(k - origin)
                got = self._marker(k, dist)
                if got is not None:
                    if best is None or dist < best[0]:
                        best = (dist, got[0], got[1])
                    break
                k += step
        if best is None:
            return None, None
        return best[1], best[2]

    def _marker(self, k: int, dist: int) -> tuple[Tense, str] | None:
        t = self.toks[k]
        if t.kind != "w":
            return None
        prev = self.tok(k - 1)
        if t.text[:1].isupper() and prev is not None and prev.sent == t.sent and prev.kind == "w":
            return None  # a capital inside a sentence is a name: "the Met Office", "United"
        w = t.low
        lex = self.lex
        if w == "ll" and self.is_p(k - 1, _APOSTROPHES):
            return "future", "'ll"
        if w in lex.future_before_to and self.low(k + 1) == "to":
            return "future", f"{w} to"
        if w == "due" and self.low(k + 1) == "to" and self.low(k - 1) in _BE_FORMS:
            return "future", "due to"
        if w in lex.future_markers:
            return "future", w
        if w in lex.reporting_verbs:
            if dist <= 2:
                return ("present", w) if w.endswith("s") else ("past", w)
            return None
        is_past = w in lex.past_markers or (
            len(w) > 4 and w.endswith("ed") and w not in lex.not_past
        )
        if is_past and self.low(k - 1) == "be" and self.low(k - 2) == "to":
            return "future", f"to be {w}"  # "the measures to be voted on Thursday"
        if is_past and self.low(k - 1) in _PASSIVE_AUXILIARIES and w not in ("was", "were", "had"):
            return None  # "will be closed", "is expected": the auxiliary tells the tense
        return ("past", w) if is_past else None

    # -- second pass ----------------------------------------------------------

    def _absorb_mods(self, start: int, expr: Expr, floor: int) -> tuple[int, Expr]:
        """Take in the modifier right before an expression ("early", "more than")."""
        if isinstance(expr, (DurationExpr, ShiftExpr)):
            table = self.lk.duration_mods
        elif isinstance(expr, (CalExpr, DeicticExpr, WeekdayExpr, ClockExpr)):
            table = self.lk.point_mods
        else:
            return start, expr
        k = start - 1
        if self.is_p(k, _HYPHENS) and self.low(k - 1) == "mid":
            k -= 1
        last = self.low(k)
        for words, mod in table.get(last, []):
            first = k - len(words) + 1
            if first < floor or first < 0:
                continue
            if not all(self.low(first + n) == word for n, word in enumerate(words)):
                continue
            if mod == "MORE_THAN" and words == ("over",) and self.low(start) == "the":
                continue
            if (
                mod in ("START", "MID", "END")
                and self.low(first - 1) == "the"
                and first - 1 >= floor
                and words[0] != "the"
            ):
                first -= 1
            new = self._set_mod(expr, mod, words)
            if new is None:
                continue
            return first, new
        return start, expr

    def _set_mod(self, expr: Expr, mod: str, words: tuple[str, ...]) -> Expr | None:
        if isinstance(expr, DeicticExpr):
            relative: Literal["before", "after"] | None = None
            if words == ("earlier",) and expr.offset == 0:
                relative = "before"
            elif words == ("later",) and expr.offset == 0:
                relative = "after"
            return evolve(expr, mod=mod, relative=relative)
        if isinstance(expr, (CalExpr, WeekdayExpr, ClockExpr, DurationExpr, ShiftExpr)):
            if isinstance(expr, (CalExpr, WeekdayExpr)) and words in (("earlier",), ("later",)):
                return None
            return evolve(expr, mod=mod)
        return None

    def _join_ranges(self, found: list[Found]) -> list[Found]:
        """Join neighbours into ranges: "from 2010 to 2012", "between May and June"."""
        out: list[Found] = []
        for item in found:
            if out and self._joinable(out[-1], item):
                first = out.pop()
                expr = RangeExpr(first.expr, item.expr)
                out.append(Found(first.i, item.j, expr))
            else:
                out.append(item)
        return out

    def _joinable(self, a: Found, b: Found) -> bool:
        between = self.toks[a.j : b.i]
        if len(between) != 1:
            return False
        conn = between[0]
        word = conn.low
        if not (word in self.lex.range_connectors or (conn.kind == "p" and conn.text in _DASHES)):
            return False
        ea, eb = a.expr, b.expr
        kinds = (CalExpr, WeekdayExpr, DeicticExpr)
        if not (isinstance(ea, kinds) and isinstance(eb, kinds)):
            return isinstance(ea, ClockExpr) and isinstance(eb, ClockExpr) and word != "and"
        opener = self.low(a.i - 1)
        if isinstance(ea, CalExpr) and isinstance(eb, CalExpr):
            ga, gb = _granularity(ea.cal), _granularity(eb.cal)
            if ga is None or gb is None:
                return False
            if word == "and":
                return opener == "between" or (ga == gb and _consecutive(ea.cal, eb.cal))
            return opener in ("from", "between") or ga == gb
        if word == "and":
            return opener == "between"
        if opener in ("from", "between"):
            return True
        return isinstance(ea, WeekdayExpr) and isinstance(eb, WeekdayExpr)

    def _with_tense(self, f: Found) -> Found:
        tense, word = self.tense(f.i, f.j)
        return evolve(f, tense=tense, tense_word=word)


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
    return word if n == 1 else f"{n:g} {word}s"


def _ordinal_words(n: int) -> str:
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


def find_expressions(
    text: str, start: int, end: int, lex: TimexLexicon
) -> tuple[list[Tok], list[Found]]:
    """Return the tokens of ``text[start:end]`` and the time expressions found in them."""
    lk = lookups(lex)
    toks = tokenize(text, start, end, lex.abbreviations)
    grammar = _Grammar(toks, lk)
    return toks, grammar.run()
