"""Rules for relative expressions: today, last week, two days ago, the next day, the past."""

from __future__ import annotations

from typing import Literal

from attrs import evolve

from reconcile.timex._pieces import GrammarBase
from reconcile.timex._tokens import (
    _HYPHENS,
    _Match,
)
from reconcile.timex._values import (
    Cal,
    CalExpr,
    ClockExpr,
    DeicticExpr,
    DurationExpr,
    RefExpr,
    ShiftExpr,
    WeekdayExpr,
    ref_value,
)


class RelativeRules(GrammarBase):
    """Relative rules."""

    def r_deictic(self, i: int) -> _Match | None:
        """Days counted from the publication date: "today", "yesterday", "tomorrow morning"."""
        t = self.toks[i]
        lex = self.lex
        offset = self.lk.deictic[t.low]
        named = self.low(i + 1) in lex.deictic_blockers or self.low(i - 1) in lex.definite_articles
        if t.low in lex.today_words and t.is_cap and named:
            return None  # "the Today show", "The Today": a name
        pod = "NI" if t.low in self.lex.tonight_words else None
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
        elif self.low(k) in lex.copulas and t.low not in lex.tonight_words:
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
        got_clock = self.clock_tail(j) if self.low(j) in lex.at_words else None
        if got_clock is not None:
            clock, j = got_clock
        return i, j, DeicticExpr("D", offset, t.text, pod=pod, clock=clock)

    def r_that_unit(self, i: int) -> _Match | None:
        """The unit of the last date mentioned: "that year", "that same day", "that night"."""
        lk = self.lk
        k = i + 1
        if lk.anaphoric.get(self.low(k)) == 0:
            k += 1  # "that same day"
        unit_word = self.low(k)
        nxt = self.tok(k + 1)
        if nxt is not None and nxt.kind == "p" and nxt.text in _HYPHENS:
            return None  # "that year-end charge"
        words = " ".join(t.text for t in self.toks[i : k + 1])
        unit = lk.units.get(unit_word)
        if unit in ("D", "W", "M", "Y") and not unit_word.endswith("s"):
            return i, k + 1, ShiftExpr(1, unit, 0, True, words)
        pod = lk.pods.get(unit_word)
        if (
            pod is not None
            and not unit_word.endswith("s")
            and unit_word not in self.lex.open_parts_of_day
        ):
            return i, k + 1, ShiftExpr(1, "D", 0, True, words, pod=pod)
        return None

    def r_modified_pod(self, i: int) -> _Match | None:
        """A part of day after "early", "mid", "late": "by mid afternoon", "mid-afternoon
        yesterday", "late evening" (the modifier joins it afterwards)."""
        pod_got = self.pod_at(i)
        if pod_got is None:
            return None
        pod, j = pod_got
        k = i - 1
        if self.is_p(k, _HYPHENS):
            k -= 1
        mods = self.lk.point_mods.get(self.low(k), [])
        if not any(len(words) == 1 and mod in ("START", "MID", "END") for words, mod in mods):
            return None
        day = self.lk.deictic.get(self.low(j))
        if day is not None:
            words = " ".join(t.text for t in self.toks[i : j + 1])
            return i, j + 1, DeicticExpr("D", day, words, pod=pod)
        return i, j, ClockExpr(None, pod)

    def r_relative(self, i: int) -> _Match | None:
        """Units relative to the reference: "last week", "this year", "two days ago"."""
        lk, lex = self.lk, self.lex
        k = i
        has_the = False
        if self.low(k) in lex.definite_articles:
            has_the = True
            k += 1
        w = self.low(k)
        if w in lex.this_words and self.low(k + 1) in lex.past_words:
            k += 1  # "this past week"
            offset = -1
        elif has_the and w in lk.anaphoric and w not in lk.relative:
            offset = lk.anaphoric[w]
        elif w in lk.relative:
            offset = lk.relative[w]
        else:
            return None
        if has_the and w in lex.this_words:
            return None
        nxt = k + 1
        # "the past three years", "the next two weeks": durations.
        if has_the and w in self.lex.span_openers:
            cnt = self.count_at(nxt)
            if cnt is not None and cnt[2] != "article":
                amount, u_at, _ = cnt
                unit = lk.units.get(self.low(u_at))
                quarters = self.low(u_at) in lex.quarter_words and self.low(u_at).endswith("s")
                if quarters and self.low(u_at + 1) not in lex.partitives:
                    unit = "Q"  # "the past two quarters"
                if unit is not None:
                    return i, u_at + 1, DurationExpr(amount, unit)
        unit_word = self.low(nxt)
        unit = lk.units.get(unit_word)
        if unit is not None and unit not in ("S", "MIN", "H") and not unit_word.endswith("s"):
            words = " ".join(t.text for t in self.toks[k : nxt + 1])
            if has_the:
                if w in lex.span_back_words:
                    return i, nxt + 1, DurationExpr(1, unit)
                if w in lk.anaphoric or w in lex.next_words:
                    sign = lk.anaphoric.get(w, 1)
                    return i, nxt + 1, ShiftExpr(1, unit, sign, True, words)
                if w in lex.coming_words:
                    return i, nxt + 1, DeicticExpr(unit, 1, words)
                return None
            if unit == "D":
                return None
            return i, nxt + 1, DeicticExpr(unit, offset, words)
        if unit_word in self.lex.sport_seasons and not has_the:
            # A sports or fashion season has no fixed place in the calendar.
            which = "current" if offset == 0 else w
            note = f"the {which} {unit_word}, which has no fixed calendar extent"
            return i, nxt + 1, RefExpr(ref_value(offset), note)
        if unit_word in lex.quarter_words and not unit_word.endswith("s") and not has_the:
            return i, nxt + 1, DeicticExpr("Q", offset, f"{w} quarter")
        pod = lk.pods.get(unit_word)
        if (
            pod is not None
            and not unit_word.endswith("s")
            and unit_word not in lex.open_parts_of_day
        ):
            if has_the and w in lk.anaphoric:
                return (
                    i,
                    nxt + 1,
                    ShiftExpr(1, "D", lk.anaphoric[w], True, f"{w} {unit_word}", pod=pod),
                )
            if has_the:
                return None
            if w in lex.last_words and pod == "NI":
                return i, nxt + 1, DeicticExpr("D", -1, f"{w} {unit_word}", pod=pod)
            if w in lex.this_words and pod != "NI":
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
        holiday_tok = self.tok(nxt)
        if holiday_tok is not None and holiday_tok.is_cap and w not in lex.this_words:
            # "last Thanksgiving", "next Christmas Day": the one before or after the reference.
            for name_words, rule in lk.holidays.get(unit_word, []):
                end = nxt + len(name_words)
                if self.low(end) in self.lex.holiday_nouns:
                    continue  # "a last Christmas card"
                if all(self.low(nxt + n) == word for n, word in enumerate(name_words)):
                    name = " ".join(x.text for x in self.toks[nxt:end])
                    cal = Cal(holiday=rule, holiday_name=name, which=offset)
                    return i, end, CalExpr(cal)
        return None

    def r_in_the_unit(self, i: int) -> _Match | None:
        """ "earlier in the week", "later in the year", "early in the month"."""
        w = self.low(i)
        lk, lex = self.lk, self.lex
        if self.low(i + 1) not in lex.within_words or self.low(i + 2) not in lex.definite_articles:
            return None
        unit = lk.units.get(self.low(i + 3))
        if unit not in ("W", "M", "Y"):
            return None
        mod = next((m for words, m in lk.point_mods.get(w, []) if words == (w,)), None)
        if mod is None:
            return None
        direction = lk.relative_mods.get(w)
        relative: Literal["before", "after"] | None = None
        if direction == "before":
            relative = "before"
        elif direction == "after":
            relative = "after"
        words = " ".join(t.text for t in self.toks[i : i + 4])
        return i, i + 4, DeicticExpr(unit, 0, words, mod=mod, relative=relative)

    def r_the(self, i: int) -> _Match | None:
        """Rules that start with "the" or a preposition: "the 5th of May", "in the morning",
        "the day before yesterday", "the year before", "for years"."""
        w = self.low(i)
        lk, lex = self.lk, self.lex
        if w in lex.within_words or w in lex.at_words:
            k = i + 1
            if w in lex.within_words:
                if self.low(k) not in lex.definite_articles:
                    return None
                k += 1  # "in the morning"
            pod = lk.pods.get(self.low(k))
            if (
                pod is not None
                and not self.low(k).endswith("s")
                and self.low(k) not in lex.open_parts_of_day
            ):
                if w in lex.at_words and pod != "NI":
                    return None  # "at night", not "at morning"
                return i + 1, k + 1, ClockExpr(None, pod)
            return None
        if w in lex.for_words:
            unit = lk.units.get(self.low(i + 1))
            if unit is not None and self.low(i + 1).endswith("s") and unit not in ("S",):
                return i + 1, i + 2, DurationExpr(None, unit)
            return None
        if w not in lex.definite_articles:
            return None
        got = self._day_month(i)
        if got is not None:
            cal, j, clock = got
            return i, j, CalExpr(cal, clock)
        nxt = self.low(i + 1)
        direction = self.low(i + 2)
        sign = lk.shift_directions.get(direction)
        if nxt in lex.day_words and sign is not None:
            if abs(lk.deictic.get(self.low(i + 3), 0)) == 1:
                words = f"the day {direction} {self.low(i + 3)}"
                return i, i + 4, DeicticExpr("D", 2 * sign, words)  # "the day before yesterday"
            if self.ends_phrase(i + 3):
                return i, i + 3, ShiftExpr(1, "D", sign, True, f"the day {direction}")
        if nxt in lk.shift_units and sign is not None and self.ends_phrase(i + 3):
            unit = lk.shift_units[nxt]
            pod = lk.pods.get(nxt)  # "the night before"
            return i, i + 3, ShiftExpr(1, unit, sign, True, f"the {nxt} {direction}", pod=pod)
        k = i + 2 if nxt in lex.year_qualifiers else i + 1
        is_year = self.low(k) in lex.year_words
        if is_year and self.low(k + 1) in lex.period_end_words:
            return i, k + 1, DurationExpr(1, "Y")  # "the year ended March 31": a period
        if nxt in lex.full_words and is_year and self.low(k + 1) not in lex.partitives:
            return i, k + 1, DeicticExpr("Y", 0, "the full year")  # a forecast's year
        if nxt in lk.the_units and self.low(i - 1) in lex.partitives:
            t = self.toks[i + 1]
            after = self.tok(i + 2)
            if not t.is_cap and (after is None or after.kind != "n") and self.ends_phrase(i + 2):
                return i, i + 2, DeicticExpr(lk.the_units[nxt], 0, f"the {nxt}")
        if nxt in lex.weekend_words and not self.toks[i + 1].is_cap:
            return i, i + 2, DeicticExpr("WE", 0, "the weekend")
        dec = lk.decade_words.get(nxt)
        if dec is not None:
            return i, i + 2, CalExpr(Cal(decade=190 + dec))
        return None

    def _unit_follows(self, k: int) -> bool:
        """Whether a unit of time, or a count and one, starts at ``k`` ("year", "two weeks")."""
        cnt = self.count_at(k)
        word = self.low(cnt[1] if cnt is not None else k)
        return word in self.lk.units or (word in self.lex.quarter_words and word.endswith("s"))

    def r_ref(self, i: int) -> _Match | None:
        """Vague references: "now", "recently", "in the future"."""
        for words, value in self.lk.refs.get(self.low(i), []):
            if len(words) > 1 and self.low(i + 1) != words[1]:
                continue  # the common case, checked first: "the" not before "future"
            if all(self.low(i + n) == word for n, word in enumerate(words[2:], 2)):
                j = i + len(words)
                if words[0] in self.lex.now_words and len(words) == 1 and self.is_p(j, _HYPHENS):
                    return None  # "now-defunct"
                if words[-1] in self.lex.past_words and self._unit_follows(j):
                    continue  # "in the past three years": a duration, read from "the"
                start = i
                if words[0] in self.lex.within_words and len(words) > 1:
                    start = i + 1  # "in recent years": the preposition stays out
                return start, j, RefExpr(ref_value(value))
        return None
