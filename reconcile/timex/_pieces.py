"""The pieces every rule reads: numbers, months, days, years, clocks, the tense."""

from __future__ import annotations

from datetime import date

from reconcile.morphology import is_past_form
from reconcile.timex._tokens import (
    _APOSTROPHES,
    _HYPHENS,
    Found,
    Tok,
    _Lookups,
    _Rule,
)
from reconcile.timex._values import (
    Cal,
    CalExpr,
    Clock,
    Tense,
)


class GrammarBase:
    """GrammarBase."""

    def __init__(self, toks: list[Tok], lk: _Lookups) -> None:
        """Read ``toks`` with the lexicon's dictionaries ``lk``."""
        self.toks = toks
        self.n = len(toks)
        self.lk = lk
        self.lex = lk.lex
        self.prev: Found | None = None
        self._rule_cache: dict[str, tuple[_Rule, ...]] = {}

    def tok(self, k: int) -> Tok | None:
        """Return token ``k``, or None past either end."""
        return self.toks[k] if 0 <= k < self.n else None

    def low(self, k: int) -> str:
        """Return the lower-cased text of token ``k`` (empty past either end)."""
        return self.toks[k].low if 0 <= k < self.n else ""

    def text_at(self, k: int) -> str:
        """Return the text of token ``k`` (empty past either end)."""
        return self.toks[k].text if 0 <= k < self.n else ""

    def kind_at(self, k: int) -> str:
        """Return the kind of token ``k``: ``n``, ``w``, ``p`` (empty past either end)."""
        return self.toks[k].kind if 0 <= k < self.n else ""

    def is_p(self, k: int, chars: str | frozenset[str]) -> bool:
        """Whether token ``k`` is one of the punctuation marks ``chars``."""
        t = self.tok(k)
        return t is not None and t.kind == "p" and t.text in chars

    def ends_phrase(self, k: int) -> bool:
        """Whether a phrase may end before token ``k`` (end, punctuation, a function word)."""
        t = self.tok(k)
        if t is None or t.kind == "p" or t.brk:
            return True
        return t.kind == "w" and (t.low in self.lex.function_words or t.is_cap)

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
        if t.kind == "w" and t.low in self.lk.cardinals and self.lk.cardinals[t.low] != 2:
            got = self.spelled_year_at(k)
            if got is not None and lo <= got[0] <= hi:
                return got
        return None

    def spelled_year_at(self, k: int) -> tuple[int, int] | None:
        """Return ``(year, next index)`` for a year in words at ``k``.

        "nineteen ninety-six", "eighteen hundred", "twenty ten", "two thousand
        (and) one": the first word is seventeen to twenty, then a tens word or
        "hundred"; or "two thousand".
        """
        lk, lex = self.lk, self.lex
        first = lk.cardinals.get(self.low(k))
        j = k + 1
        if first == 2 and self.low(j) in lex.thousand_words:
            j += 1
            rest = 0
            added = self.low(j) in lex.additions
            if added or self.low(j) in lk.cardinals:
                got = self._spelled_below_hundred(j + 1 if added else j)
                if got is not None:
                    rest, j = got
            return 2000 + rest, j
        if first is None or not 17 <= first <= 20:
            return None
        if self.low(j) in lex.hundred_words:
            return first * 100, j + 1
        if self.low(j) not in lk.tens and not 10 <= lk.cardinals.get(self.low(j), 0) <= 19:
            return None
        got = self._spelled_below_hundred(j)
        return None if got is None else (first * 100 + got[0], got[1])

    def _spelled_below_hundred(self, k: int) -> tuple[int, int] | None:
        """Read "ninety-six", "ninety six", "seven" at ``k``: the number and the token after."""
        lk = self.lk
        w = self.low(k)
        if w in lk.tens:
            n, j = lk.tens[w], k + 1
            if self.is_p(j, _HYPHENS) and 1 <= lk.cardinals.get(self.low(j + 1), 0) <= 9:
                return n + lk.cardinals[self.low(j + 1)], j + 2
            if 1 <= lk.cardinals.get(self.low(j), 0) <= 9:
                return n + lk.cardinals[self.low(j)], j + 1
            return n, j
        small = lk.cardinals.get(w)
        if small is not None and 1 <= small <= 19:
            return small, k + 1
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
        lex = self.lex
        nxt_word = self.low(k + 1)
        if w in lex.articles:
            if nxt_word in lex.couple_words and self.low(k + 2) in lex.partitives:
                return 2, k + 3, "word"
            if nxt_word in lex.few_words:
                return None, k + 2, "vague"
            if nxt_word in lex.half_words:
                return 0.5, k + 2, "word"
            if nxt_word in lex.dozen_words:
                return 12, k + 2, "word"
            return 1, k + 1, "article"
        if w in lex.half_words and nxt_word in lex.articles:
            return 0.5, k + 2, "word"
        if w in lex.half_words and self.is_p(k + 1, _HYPHENS):
            return 0.5, k + 1, "word"
        if w in lex.plural_numbers:
            if nxt_word in lex.partitives:
                return None, k + 2, "vague"
            if nxt_word in lex.more_words or nxt_word in lk.units:
                return None, k + 1, "vague"
            return None
        if w in lex.vague_amounts:
            if w in lex.couple_words and nxt_word in lex.partitives:
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
        if w in lk.cardinals and w not in lex.non_counts:
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
        """Return ``amount`` plus a half and the next token, after "and a half" at ``k``."""
        lex = self.lex
        if (
            self.low(k) in lex.additions
            and self.low(k + 1) in lex.articles
            and self.low(k + 2) in lex.half_words
        ):
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
            oclock = self.lk.oclock.get(self.low(j))
            if oclock is not None and self.is_p(j + 1, _APOSTROPHES) and self.low(j + 2) == oclock:
                if hour > 12:
                    return None
                return Clock(hour, 0), j + 3
            return None
        if hour == 24 and minute:
            return None
        return Clock(hour, minute, second, zone), j2

    def ampm_at(self, k: int, *, tight: bool) -> tuple[bool, int] | None:
        """Return whether "a.m."/"p.m." at ``k`` is p.m., and the token after it."""
        t = self.tok(k)
        if t is None or t.kind != "w":
            return None
        w = t.low
        if w in self.lk.meridiems:
            return self.lk.meridiems[w] > 0, k + 1
        if w in self.lk.meridiem_letters:
            is_pm = self.lk.meridiem_letters[w] > 0
            if self.is_p(k + 1, ".") and self.low(k + 2) in self.lex.meridiem_ends:
                end = k + 3
                if self.is_p(end, ".") and not self._period_ends(end):
                    end += 1
                return is_pm, end
            if tight and not t.space:
                return is_pm, k + 1
        return None

    def is_zone(self, text: str) -> bool:
        """Return whether ``text`` is a time zone written in capitals ("EST", not "est")."""
        return text.isupper() and text.lower() in self.lex.time_zones

    def zone_at(self, k: int) -> tuple[str | None, int]:
        """Return the time zone at ``k`` ("EST", "GMT"), or None, and the token after it."""
        t = self.tok(k)
        if t is None or t.kind != "w":
            return None, k
        if self.is_zone(t.text):
            j = k + 1
            if t.low in self.lex.zone_families and self.is_zone(self.text_at(j)):
                j += 1
            return t.text, j
        if (
            (t.is_cap or t.low in self.lex.local_words)
            and self.low(k + 1) in self.lex.zone_time_words
            and t.low not in self.lk.weekdays
        ):
            return f"{t.text} time", k + 2
        return None, k

    def clock_tail(self, k: int) -> tuple[Clock, int] | None:
        """Read ``[, | at | @ | - | |] 10:20 AM EDT`` after a date."""
        j = k
        if self.is_p(j, ",@|-–") or self.low(j) in self.lex.at_words:
            j += 1
            if self.low(j) in self.lex.at_words:
                j += 1
        got = self.clock_at(j, loose=True)
        if got is None:
            return None
        return got

    def pod_at(self, k: int) -> tuple[str, int] | None:
        """Return the part of day at ``k`` (``MO``, ``AF``, ``NI``) and the token after it."""
        t = self.tok(k)
        if t is None or t.kind != "w" or t.low.endswith("s") or t.low in self.lex.open_parts_of_day:
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

    def _month_day(self, k: int) -> tuple[Cal, int, Clock | None] | None:
        """Read "February 3", "Feb. 3, 2026" at ``k``: the date, its end, a clock time."""
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
        """Read "3 February", "the 3rd of February" at ``k``: the date, its end, a clock."""
        j = k
        if self.low(j) in self.lex.definite_articles:
            j += 1
        day = self.day_at(j)
        if day is None:
            return None
        d, j = day
        if self.low(j) in self.lex.partitives:
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
        if clock is None and self.low(j) in self.lex.iso_time_letters:
            clock = self.clock_at(j + 1, loose=True)
        if clock is not None:
            return cal, clock[1], clock[0]
        return cal, j, None

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
        if (
            prev is not None
            and prev.kind == "p"
            and prev.text in _HYPHENS
            and not t.space
            and not prev.space
            and self.low(k - 2) in lex.year_prefixes
        ):
            return True  # "mid-1996", "post-1959"
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
        if p in lex.partitives:
            # "the flood of 1998", "the summer of 1969"; not "a crowd of 2000".
            before = self.tok(k - 2)
            if before is None or before.kind != "w" or before.low in lex.quantity_nouns:
                return False
            return nxt is None or nxt.kind == "p" or nxt.low in self.lex.function_words
        if p in lex.list_connectors:
            return in_range or self._after_year(k)
        if p in lex.year_prepositions:
            return True
        if p in lex.for_words:
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
                and w not in self.lex.function_words
                and (not w.endswith("s") or w.endswith("ss"))
                and not w.endswith(lex.non_noun_endings)
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
        if between[:1] == [","]:
            return len(between) == 1 or (
                len(between) == 2 and between[1] in self.lex.serial_connectors
            )
        return len(between) == 1 and between[0] in self.lex.list_connectors

    def _ranked_before(self, k: int) -> bool:
        """Whether an ordinal or superlative shortly before ``k`` scopes a span of time.

        "the fifth coach in four years", "the first time in three years", "the
        highest in two decades": "in N years" is then a duration, not a date.
        """
        for back in range(1, 6):
            t = self.tok(k - back)
            if t is None or t.sent != self.toks[k].sent:
                return False
            if t.low in self.lk.ordinals or t.suffix in self.lex.ordinal_suffixes:
                return True
            if t.low in self.lex.ordinal_cues or (
                len(t.low) > 4 and t.low.endswith("est") and t.low not in self.lex.not_superlatives
            ):
                return True
        return False

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
        """Return the tense that the word at ``k``, ``dist`` tokens away, marks, if any."""
        t = self.toks[k]
        if t.kind != "w":
            return None
        prev = self.tok(k - 1)
        if t.text[:1].isupper() and prev is not None and prev.sent == t.sent and prev.kind == "w":
            return None  # a capital inside a sentence is a name: "the Met Office", "United"
        w = t.low
        lex = self.lex
        if w in lex.will_contractions and self.is_p(k - 1, _APOSTROPHES):
            return "future", f"'{w}"
        if w in lex.future_before_to and self.low(k + 1) in lex.to_words:
            return "future", f"{w} {self.low(k + 1)}"
        if (
            w in lex.due_words
            and self.low(k + 1) in lex.to_words
            and self.low(k - 1) in lex.be_forms
        ):
            return "future", f"{w} {self.low(k + 1)}"
        if w in lex.future_markers:
            return "future", w
        if w in lex.reporting_verbs:
            if dist <= 2:
                return ("present", w) if w.endswith("s") else ("past", w)
            return None
        is_past = w in lex.past_markers or is_past_form(w, lex)
        if is_past and self.low(k - 1) in lex.be_words and self.low(k - 2) in lex.to_words:
            return (
                "future",
                f"{self.low(k - 2)} {self.low(k - 1)} {w}",
            )  # "the measures to be voted on Thursday"
        auxiliaries = self.lex.passive_auxiliaries
        if is_past and self.low(k - 1) in auxiliaries and w not in lex.past_auxiliaries:
            return None  # "will be closed", "is expected": the auxiliary tells the tense
        before = self.low(k - 1)
        if is_past and (
            before in lex.articles or before in lex.definite_articles or before in lex.possessives
        ):
            return None  # "the planned visit", "its revised offer": an adjective, no tense
        return ("past", w) if is_past else None
