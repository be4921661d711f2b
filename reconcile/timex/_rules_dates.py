"""Rules for calendar dates: numeric dates, month names, day ranges, weekdays."""

from __future__ import annotations

from attrs import evolve

from reconcile.timex._pieces import GrammarBase
from reconcile.timex._tokens import (
    _HYPHENS,
    _Match,
)
from reconcile.timex._values import (
    Cal,
    CalExpr,
    Expr,
    RangeExpr,
    SetExpr,
    WeekdayExpr,
)


class DateRules(GrammarBase):
    """Date rules."""

    def r_numeric_date(self, i: int) -> _Match | None:
        """Numeric dates: "2026-02-03", "2/3/2026", "03.02.2026"."""
        got = self._numeric(i)
        if got is None:
            return None
        cal, j, clock = got
        return i, j, CalExpr(cal, clock)

    def r_day_month(self, i: int) -> _Match | None:
        """A day before its month: "3 February 2026", "the 3rd of February"."""
        got = self._day_month(i)
        if got is None:
            return None
        cal, j, clock = got
        # "3-5 June", "3 and 4 February": a range of days in one month.
        return i, j, CalExpr(cal, clock)

    def r_month(self, i: int) -> _Match | None:
        """A month name: "February 3", "Feb. 3 and 4", "February 2026", "in May"."""
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
        y_at = j + 1 if self.is_p(j, ",") or self.low(j) in self.lex.partitives else j
        yr = self.year_at(y_at)
        if yr is not None:
            return i, yr[1], CalExpr(Cal(year=yr[0], month=month))
        which = self.lk.relative.get(self.low(y_at))
        if which is not None and self.low(y_at + 1) in self.lex.year_words:
            # "January this year", "June last year": the month of a year counted from now.
            cal = Cal(month=month, year_of_reference=True, which=which)
            return i, y_at + 2, CalExpr(cal)
        if t.low not in self.lk.full_months:
            return None
        if t.low in self.lex.ambiguous_months:
            prev = self.low(i - 1)
            if prev not in self.lex.month_prepositions:
                return None
            if prev in self.lex.list_connectors and not (
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
        is_and = conn.low in self.lex.additions
        if not (conn.kind == "p" and conn.text in _HYPHENS) and conn.low not in (
            self.lex.day_range_connectors
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
        # "April 24 and 25": two days written apart; "June 3-5" is one group.
        cut = None if conn.kind == "p" else (k, k + 1)
        return j, RangeExpr(a, b, cut=cut)

    def r_weekday(self, i: int) -> _Match | None:
        """Weekdays: "Monday", "last Tuesday", "Friday night", "Mondays"."""
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
        if self.low(j) in self.lex.at_words or (self.is_p(j, ",") and self.kind_at(j + 1) == "n"):
            got = self.clock_tail(j)
            if got is not None:
                clock, j = got
        return i, j, WeekdayExpr(wd, None, clock, p)
