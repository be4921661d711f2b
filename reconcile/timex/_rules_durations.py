"""Rules for durations, sets and counts of occurrences."""

from __future__ import annotations

from reconcile.timex._pieces import GrammarBase
from reconcile.timex._tokens import (
    _HYPHENS,
    _PERIOD_WORDS,
    _Match,
    _ordinal_words,
    _plural,
)
from reconcile.timex._values import (
    DurationExpr,
    SetExpr,
    ShiftExpr,
    duration_value,
)


class DurationRules(GrammarBase):
    """Duration rules."""

    def r_duration(self, i: int) -> _Match | None:
        """Durations: "two days", "a 90-day review", "more than three years"."""
        lk, lex = self.lk, self.lex
        t = self.toks[i]
        if t.low in lk.long_units:
            return i, i + 1, DurationExpr(1, lk.long_units[t.low])
        unit = lk.units.get(t.low)
        if unit is not None and self.is_p(i + 1, _HYPHENS) and self.low(i + 2) in lex.long_words:
            # "a day-long meeting", "the decades-long feud": one unit, or an unknown number.
            return i, i + 3, DurationExpr(None if t.low.endswith("s") else 1, unit)
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
        quarters = uw in lex.quarter_words and uw.endswith("s")
        if quarters and (amount is None or amount > 1) and not self._share_of(k + 1):
            unit = "Q"  # "several quarters of losses"; not "three quarters of the vote"
        upper = None
        if unit is None:
            # "two to three years", "two or three days"
            if self.low(k) in lex.amount_range_connectors or self.is_p(k, _HYPHENS):
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
        if uw in self.lex.short_units and (kind != "digits" or not unit_tok.text.islower()):
            return None  # "203 HR" is home runs
        if unit == "S" and (kind == "article" or (amount is None and kind != "vague")):
            return None
        if kind == "article" and uw.endswith("s") and unit != "CE":
            return None
        if kind == "vague" and amount is None and not uw.endswith("s") and unit != "CE":
            return None
        end = k + 1
        # "an hour and a half", "a year and a half": half a unit more.
        if (
            amount is not None
            and upper is None
            and not hyphen
            and self.low(end) in lex.additions
            and self.low(end + 1) in lex.articles
            and self.low(end + 2) in lex.half_words
        ):
            amount, end = amount + 0.5, end + 3
        # "-long": "a week-long manhunt"
        if self.is_p(end, _HYPHENS) and self.low(end + 1) in lex.long_words:
            end += 2
        # Ages are not durations: "the 32-year-old", "85 years old", "40-year - old".
        if self.low(end) in lex.age_words or (
            self.is_p(end, _HYPHENS) and self.low(end + 1) in lex.age_words
        ):
            return None
        if self.low(end) in lex.partitives and self.low(end + 1) in lex.age_nouns:
            return None  # "40 years of age"
        if self.low(i - 1) in lex.aged_words:
            return None
        words = " ".join(x.text for x in self.toks[i:end])
        after = self.low(end)
        if after in lex.ago_words:
            return i, end + 1, ShiftExpr(amount, unit, -1, False, f"{words} {after}")
        if after in lex.later_words:
            anaphoric = after not in lex.hence_words
            return i, end + 1, ShiftExpr(amount, unit, 1, anaphoric, f"{words} {after}")
        if lk.relative_mods.get(after) == "before" and self.ends_phrase(end + 1):
            return i, end + 1, ShiftExpr(amount, unit, -1, True, f"{words} {after}")
        if after in lex.from_words and self.low(end + 1) in lex.now_words:
            phrase = f"{words} {after} {self.low(end + 1)}"
            return i, end + 2, ShiftExpr(amount, unit, 1, False, phrase)
        # "$5 million a year": a rate, not a duration.
        if kind == "article" and not hyphen and self._after_amount(i):
            return i, k + 1, SetExpr(duration_value(1, unit), f"is a rate: per {uw}")
        # "in three weeks" with a future verb: a date.
        if (
            self.low(i - 1) in lex.within_words
            and not hyphen
            and amount is not None
            and unit not in ("S", "MIN")
            and not self._ranked_before(i - 1)
        ):
            tense, _word = self.tense(i - 1, end)
            if tense == "future":
                phrase = f"{self.low(i - 1)} {words}"
                return i - 1, end, ShiftExpr(amount, unit, 1, False, phrase)
        return i, end, DurationExpr(amount, unit, upper=upper)

    def _after_amount(self, i: int) -> bool:
        """Whether token ``i`` follows an amount ("$5 million a year", "3% a year")."""
        prev = self.tok(i - 1)
        return prev is not None and (
            prev.kind == "n" or prev.low in self.lex.rate_words or prev.text == "%"
        )

    def r_set(self, i: int) -> _Match | None:
        """Sets: "daily", "every week", "each Monday", "per hour", "twice a year"."""
        lk, lex = self.lk, self.lex
        w = self.low(i)
        if w in lk.sets:
            if self.toks[i].is_cap and not self.toks[i].brk and w in self.lex.periodical_names:
                return None  # "Us Weekly", "the Daily Mail": a name
            if w in self.lex.period_adjectives and self._modifies_noun(i + 1):
                return None  # "a quarterly dividend", "the annual meeting": a kind of thing
            return (
                i,
                i + 1,
                SetExpr(lk.sets[w], f"recurs {_PERIOD_WORDS.get(lk.sets[w], 'regularly')}"),
            )
        if w in lex.every_words:
            k = i + 1
            n = 1.0
            if self.low(k) in lex.other_words:
                n, k = 2, k + 1
            else:
                cnt = self.count_at(k)
                if cnt is not None and cnt[0] is not None and cnt[2] in ("digits", "word"):
                    n, k = cnt[0], cnt[1]
            word = self.low(k)
            unit = "Q" if word in self.lex.quarter_words else lk.units.get(word)
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
            if word in lex.weekend_words:
                return i, k + 1, SetExpr("XXXX-WXX-WE", "recurs every weekend")
            return None
        if w in lex.per_words:
            unit = lk.units.get(self.low(i + 1))
            if unit is not None and not self.low(i + 1).endswith("s"):
                return (
                    i,
                    i + 2,
                    SetExpr(duration_value(1, unit), f"is a rate: per {self.low(i + 1)}"),
                )
            return None
        # "twice a year", "once a week", "three times a month"
        freq = lk.frequency.get(w)
        k = i + 1
        if freq is not None and self.low(k) in self.lex.rate_openers:
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

    def _share_of(self, k: int) -> bool:
        """Whether "of" at ``k`` makes the count before it a share ("quarters of the vote")."""
        if self.low(k) not in self.lex.partitives:
            return False
        nxt = self.tok(k + 1)
        return nxt is None or nxt.kind != "w" or nxt.low in self.lex.determiners or nxt.is_cap

    def _modifies_noun(self, k: int) -> bool:
        """Whether token ``k`` is a content word that the adjective before it modifies."""
        t = self.tok(k)
        return (
            t is not None
            and t.kind == "w"
            and not t.brk
            and not t.is_cap
            and t.low not in self.lex.function_words
            and not t.low.endswith("ly")
        )

    def r_occurrence(self, i: int) -> _Match | None:
        """Counts of occurrences: "twice", "five times", "for the second time", "four-time".

        Written ``R<n>`` (ISO 8601 repetitions) with type SET: they are not calendar
        times, but they say how often something happened.
        """
        lk, lex = self.lk, self.lex
        t = self.toks[i]
        w = t.low
        if lk.frequency.get(w, 0) > 1:
            nxt = self.low(i + 1)
            if nxt in lex.rate_openers and lk.units.get(self.low(i + 2)):
                return None
            if nxt in lex.comparison_openers or nxt in lex.multiplier_followers:
                return None
            count = lk.frequency[w]
            return i, i + 1, SetExpr(f"R{count}", f"counts {count} occurrences")
        # "the second time", "a third time", "for the first time"
        k = i
        if w in lex.ordinal_articles:
            k = i + 1
        if w in lex.for_words and self.low(i + 1) in lex.ordinal_articles:
            k = i + 2
        o = self.tok(k)
        if o is None:
            return None
        n: int | None = None
        if o.kind == "w" and o.low in lk.ordinals:
            n = lk.ordinals[o.low]
        elif o.kind == "n" and o.suffix in lex.ordinal_suffixes:
            n = o.num
        if n is not None:
            j = k + 1
            if self.is_p(j, _HYPHENS):
                j += 1
            if self.low(j) in lex.time_words and n <= 50:
                start = i if w in lex.ordinal_articles else k
                if w in lex.for_words:
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
        if self.is_p(j, _HYPHENS) and self.low(j + 1) in lex.time_words:
            return i, j + 2, SetExpr(f"R{count}", f"counts {count} occurrences")
        if self.low(j) not in lex.times_words or count < 2:
            return None
        nxt = self.low(j + 1)
        unit = lk.units.get(self.low(j + 2))
        if nxt in lex.rate_openers and unit is not None:
            # "three times a week": a set with a frequency.
            what = f"happens {count} times a {self.low(j + 2)}"
            return i, j + 3, SetExpr(duration_value(1, unit), what)
        if nxt in lex.multiplier_followers:
            return None  # "three times as many": a multiplier
        return i, j + 1, SetExpr(f"R{count}", f"counts {count} occurrences")
