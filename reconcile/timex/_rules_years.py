"""Rules for years and their parts: ranges, decades, centuries, quarters, seasons, holidays."""

from __future__ import annotations

from reconcile.timex._pieces import GrammarBase
from reconcile.timex._tokens import (
    _APOSTROPHES,
    _HYPHENS,
    _Match,
)
from reconcile.timex._values import (
    Cal,
    CalExpr,
    DeicticExpr,
    RangeExpr,
    ShiftExpr,
)


class YearRules(GrammarBase):
    """Year rules."""

    def r_year(self, i: int) -> _Match | None:
        """A year: "in 1998", "the 2007 ceremony", "2010-2012"."""
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

    def r_spelled_year(self, i: int) -> _Match | None:
        """A year in words, as transcripts write them: "nineteen ninety-six", "two thousand".

        "Two thousand" is a year only after "the year", or after a preposition with
        no noun after it (not "two thousand people").
        """
        got = self.spelled_year_at(i)
        if got is None:
            return None
        year, j = got
        if year >= 2000 and self.lk.cardinals.get(self.low(i)) == 2:
            before = self.low(i - 1)
            if before not in self.lex.year_words and not (
                before in self.lex.year_prepositions and self.ends_phrase(j)
            ):
                return None
        return i, j, CalExpr(Cal(year=year))

    def _year_range(self, i: int) -> _Match | None:
        """A range of years written with a dash or slash: "2010-2012", "2008-09"."""
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

    def r_decade(self, i: int) -> _Match | None:
        """Decades: "the 1990s", "the '90s", "the mid-1980s"."""
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
                if self.low(b) in self.lex.decade_mods:
                    b -= 1
                listed = (
                    self.prev is not None
                    and isinstance(self.prev.expr, CalExpr)
                    and self.prev.expr.cal.decade is not None
                    and self.prev.j >= start - 2
                )
                if not (has_apostrophe or self.low(b) in self.lex.definite_articles or listed):
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
        """Centuries: "the 19th century", "the twentieth century"."""
        t = self.toks[i]
        k = i + 1 if t.low in self.lex.definite_articles else i
        o = self.tok(k)
        if o is None:
            return None
        n = None
        if o.kind == "n" and o.suffix in self.lex.ordinal_suffixes and 1 <= o.num <= 30:
            n = o.num
        elif o.kind == "w":
            n = self.lk.ordinals.get(o.low)
        if n is None:
            return None
        j = k + 1
        if self.is_p(j, _HYPHENS):
            j += 1
        if self.low(j) not in self.lex.century_words:
            return None
        return k, j + 1, CalExpr(Cal(century=n - 1))

    def r_quarter(self, i: int) -> _Match | None:
        """Quarters and halves: "the first quarter of 2026", "third-quarter", "Q3 2025".

        Without a year ("the third quarter", "fiscal second-quarter") the year comes
        from the publication date and the tense, like a month without one; "the
        quarter", "the latest quarter" are the last quarter before the one of the
        publication date, the period a company reports on.
        """
        t = self.toks[i]
        lex = self.lex
        if t.text.isupper() and t.low in lex.quarter_abbreviations:
            q = self.tok(i + 1)
            if q is None or q.kind != "n" or q.space or not 1 <= q.num <= 4 or q.ndigits != 1:
                return None
            yr = self.year_at(i + 2)
            if yr is None:
                return None
            return i, yr[1], CalExpr(Cal(year=yr[0], part=f"Q{q.num}"))
        k = i + 1 if t.low in lex.ordinal_articles else i
        if self.low(k) in lex.fiscal_words and k > i:
            k += 1
        latest = self._latest_quarter(i, k)
        if latest is not None:
            return latest
        o = self.tok(k)
        if o is None:
            return None
        n = (
            self.lk.ordinals.get(o.low)
            if o.kind == "w"
            else (o.num if o.suffix in lex.ordinal_suffixes else None)
        )
        if n is None:
            return None
        j = k + 1
        if self.is_p(j, _HYPHENS):
            j += 1
        word = self.low(j)
        if word in lex.quarter_words and not word.endswith("s") and 1 <= n <= 4:
            part = f"Q{n}"
        elif word in lex.half_words and 1 <= n <= 2:
            part = f"H{n}"
        else:
            return None
        j += 1
        after_of = self.tok(j + 1)
        if self.low(j) not in lex.partitives or (
            after_of is not None
            and (after_of.text in "$£€#" or (after_of.kind == "n" and self.year_at(j + 1) is None))
        ):
            # "the third quarter of $226.3 million": an amount, not "of 1990".
            if word in lex.half_words and self.low(k - 1) not in lex.fiscal_words:
                return None  # "the first half", "a second-half surge": of a match, a film
            return (i + 1 if t.low in lex.articles else i), j, CalExpr(Cal(part=part))
        j += 1
        yr = self.year_at(j)
        if yr is not None:
            return i, yr[1], CalExpr(Cal(year=yr[0], part=part))
        of_year = self.low(j + 1) in lex.year_words
        if word in lex.half_words and not of_year:
            return None
        if self.low(j) in lex.definite_articles and of_year:
            return i, j + 2, CalExpr(Cal(part=part, year_of_reference=True))
        if self.low(j) in lex.year_relatives and of_year:
            offset = self.lk.relative[self.low(j)]
            cal = Cal(part=part, year_of_reference=True, which=offset)
            return i, j + 2, CalExpr(cal)
        return None  # "the first quarter of the season": of a game, not of a year

    def _latest_quarter(self, i: int, k: int) -> _Match | None:
        """ "the quarter", "the latest quarter", "the year-ago quarter", "a year-earlier loss".

        ``k`` is the token after "the". A company reports on the quarter before the
        one it publishes in; "year-ago" and "year-earlier" count a year back from
        the period before them.
        """
        lex = self.lex
        if self.low(i) not in lex.ordinal_articles:
            return None
        j = k
        years_back = 0
        if self.low(j) in lex.latest_words and self.low(i) in lex.definite_articles:
            while j < k + 4 and (self.low(j) in lex.latest_words or self.is_p(j, _HYPHENS)):
                j += 1
        elif self.low(j) in lex.year_words and self.is_p(j + 1, _HYPHENS):
            if self.low(j + 2) not in lex.year_back_words:
                return None
            years_back, j = 1, j + 3
        q = self.tok(j)
        if q is not None and q.low in lex.period_words and j > k:
            words = " ".join(tok.low for tok in self.toks[i : j + 1])
            if years_back:
                return i, j + 1, ShiftExpr(1, "Y", -1, True, words)
            return i, j + 1, DeicticExpr("Q", -1, words)
        if (
            q is None
            or q.low not in lex.quarter_words
            or q.low.endswith("s")
            or (q.is_cap and not q.brk)
        ):
            if years_back and self.low(i) in lex.articles:
                words = " ".join(tok.low for tok in self.toks[i + 1 : j])
                return i + 1, j, ShiftExpr(1, "Y", -1, True, words)
            return None  # "the French Quarter"
        if self.low(j + 1) in lex.partitives or self.is_p(j + 1, _HYPHENS):
            return None  # "the quarter of the vote", "the quarter-final"
        words = " ".join(tok.low for tok in self.toks[i : j + 1])
        return i, j + 1, DeicticExpr("Q", -1 - 4 * years_back, words)

    def r_season(self, i: int) -> _Match | None:
        """Seasons: "summer", "the spring of 2010", "winter 2009"."""
        t = self.toks[i]
        lex = self.lex
        season = self.lk.seasons[t.low]
        j = i + 1
        y_at = j + 1 if self.low(j) in lex.partitives else j
        yr = self.year_at(y_at)
        if yr is not None:
            start = i - 1 if self.low(i - 1) in lex.definite_articles else i
            return start, yr[1], CalExpr(Cal(year=yr[0], season=season))
        if t.is_cap and not t.brk:
            return None  # "Spring Training", "Winter Olympics": part of a name
        prev = self.low(i - 1)
        has_the = prev in lex.definite_articles
        ctx = self.low(i - 2) if has_the else prev
        if ctx not in lex.season_context or ctx in lex.season_relatives:
            return None
        if t.low in lex.verb_seasons and not has_the:
            return None
        after = self.low(j)
        if not self.ends_phrase(j) or after in lex.definite_articles or after in lex.articles:
            return None
        start = i - 1 if has_the else i
        return start, j, CalExpr(Cal(season=season))

    def r_holiday(self, i: int) -> _Match | None:
        """Holidays: "Christmas", "Thanksgiving Day", "Easter 2010"."""
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
