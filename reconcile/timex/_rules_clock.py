"""Rules for times of day: clock times, noon, midnight."""

from __future__ import annotations

from attrs import evolve

from reconcile.timex._pieces import GrammarBase
from reconcile.timex._tokens import (
    _Match,
)
from reconcile.timex._values import (
    CalExpr,
    Clock,
    ClockExpr,
    DeicticExpr,
    WeekdayExpr,
)


class ClockRules(GrammarBase):
    """Clock rules."""

    def r_noon(self, i: int) -> _Match | None:
        """Noon and midnight: "at noon", "midnight Friday"."""
        w = self.low(i)
        nxt = self.tok(i + 1)
        if nxt is not None and nxt.kind == "w" and not nxt.is_cap and not self.ends_phrase(i + 1):
            return None  # "midnight regulations": an adjective
        clock = Clock(self.lk.noon[w], 0)
        return self._clock_with_day(i, i + 1, clock)

    def r_clock(self, i: int) -> _Match | None:
        """Clock times: "4:30 p.m.", "10 a.m. EST Tuesday", "0735 GMT"."""
        prev = self.low(i - 1)
        loose = prev in self.lex.clock_prepositions or self.toks[i].brk
        got = self.clock_at(i, loose=loose) or (
            self._hour_in_the(i) if prev in self.lex.clock_prepositions else None
        )
        if got is None:
            return None
        clock, j = got
        return self._clock_with_day(i, j, clock)

    def _hour_in_the(self, i: int) -> tuple[Clock, int] | None:
        """Read "4 in the morning", "8 in the evening": an hour and the part of its day."""
        t = self.toks[i]
        lex = self.lex
        if t.suffix or t.ndigits > 2 or not 1 <= t.num <= 12:
            return None
        if self.low(i + 1) not in lex.within_words or self.low(i + 2) not in lex.definite_articles:
            return None
        pod = self.low(i + 3)
        if pod not in self.lk.clock_parts:
            return None
        hour = t.num % 12 + self.lk.clock_parts[pod]
        return Clock(hour), i + 4

    def _clock_with_day(self, i: int, j: int, clock: Clock) -> _Match:
        """Join a clock with the day after it: "22:07 GMT, 7 July 2012", "10 a.m. Monday"."""
        lex = self.lex
        k = j
        if self.is_p(k, ",|") or self.low(k) in lex.on_words:
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
        at = j + 1 if self.low(j) in lex.on_words else j
        dw = self.low(at)
        if dw in self.lk.deictic and dw not in lex.tonight_words:
            return i, at + 1, DeicticExpr("D", self.lk.deictic[dw], self.toks[at].text, clock=clock)
        return i, j, ClockExpr(clock)
