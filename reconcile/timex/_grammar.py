"""The grammar: every rule family over one list of tokens, and the driver that runs them."""

from __future__ import annotations

from typing import Literal

from attrs import evolve

from reconcile.lexicon import Lexicon
from reconcile.timex._rules_clock import ClockRules
from reconcile.timex._rules_dates import DateRules
from reconcile.timex._rules_durations import DurationRules
from reconcile.timex._rules_relative import RelativeRules
from reconcile.timex._rules_years import YearRules
from reconcile.timex._tokens import (
    _APOSTROPHES,
    _DASHES,
    _HYPHENS,
    Found,
    Tok,
    _consecutive,
    _granularity,
    _Match,
    _needs_tense,
    _Rule,
    lookups,
    tokenize,
)
from reconcile.timex._values import (
    CalExpr,
    ClockExpr,
    DeicticExpr,
    DurationExpr,
    Expr,
    RangeExpr,
    ShiftExpr,
    WeekdayExpr,
)


class Grammar(DateRules, YearRules, RelativeRules, DurationRules, ClockRules):
    """Grammar."""

    def run(self) -> list[Found]:
        """Return every expression of the tokens, left to right, longest match first."""
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
        """Return the rules that can start at token ``t`` (cached by word or kind)."""
        # Numbers share one entry; a word spelled "n" ("N.Y.") must not take it.
        key = "\x00n" if t.kind == "n" else t.low
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
            if w in lk.relative or w in lk.lex.definite_articles:
                rules.append(self.r_relative)
            if w in lk.lex.anaphoric_determiners:
                rules.append(self.r_that_unit)
            if w in lk.pods:
                rules.append(self.r_modified_pod)
            if w in lk.cardinals and (lk.cardinals[w] == 2 or 17 <= lk.cardinals[w] <= 20):
                rules.append(self.r_spelled_year)
            if w in lk.lex.phrase_openers or w in lk.ordinals:
                rules += [self.r_the, self.r_occurrence, self.r_century, self.r_quarter]
            if w in lk.lex.in_the_unit_words:
                rules.append(self.r_in_the_unit)
            if (
                w in lk.cardinals
                or w in lk.lex.vague_counts
                or w in lk.lex.articles
                or w in lk.lex.half_words
                or w in lk.long_units
                or w in lk.units
            ):
                rules.append(self.r_duration)
            if w in lk.cardinals or w in lk.frequency:
                rules.append(self.r_occurrence)
            if w in lk.lex.set_quantifiers or w in lk.sets or w in lk.frequency:
                rules.append(self.r_set)
            if w in lk.refs:
                rules.append(self.r_ref)
            if w in lk.holidays:
                rules.append(self.r_holiday)
            if w in lk.seasons:
                rules.append(self.r_season)
            if w in lk.noon:
                rules.append(self.r_noon)
            if w in lk.lex.quarter_abbreviations:
                rules.append(self.r_quarter)
        out = tuple(dict.fromkeys(rules))
        self._rule_cache[key] = out
        return out

    def _absorb_mods(self, start: int, expr: Expr, floor: int) -> tuple[int, Expr]:
        """Take in the modifier right before an expression ("early", "more than")."""
        if isinstance(expr, (DurationExpr, ShiftExpr)):
            table = self.lk.duration_mods
        elif isinstance(expr, (CalExpr, DeicticExpr, WeekdayExpr, ClockExpr)):
            table = self.lk.point_mods
        else:
            return start, expr
        k = start - 1
        if self.is_p(k, _HYPHENS) and self.low(k - 1) in self.lex.hyphen_mods:
            k -= 1
        last = self.low(k)
        for words, mod in table.get(last, []):
            first = k - len(words) + 1
            if first < floor or first < 0:
                continue
            if not all(self.low(first + n) == word for n, word in enumerate(words)):
                continue
            if (
                mod == "MORE_THAN"
                and words[0] in self.lex.span_prepositions
                and self.low(start) in self.lex.definite_articles
            ):
                continue  # "over the past year": a preposition
            if (
                mod in ("START", "MID", "END")
                and self.low(first - 1) in self.lex.definite_articles
                and first - 1 >= floor
                and words[0] not in self.lex.definite_articles
            ):
                first -= 1
            new = self._set_mod(expr, mod, words)
            if new is None:
                continue
            return first, new
        return start, expr

    def _set_mod(self, expr: Expr, mod: str, words: tuple[str, ...]) -> Expr | None:
        """Return ``expr`` with the modifier ``mod`` (read from ``words``), or None."""
        if isinstance(expr, DeicticExpr):
            relative: Literal["before", "after"] | None = None
            direction = self.lk.relative_mods.get(words[0]) if len(words) == 1 else None
            if direction == "before" and expr.offset == 0:
                relative = "before"
            elif direction == "after" and expr.offset == 0:
                relative = "after"
            return evolve(expr, mod=mod, relative=relative)
        if isinstance(expr, (CalExpr, WeekdayExpr, ClockExpr, DurationExpr, ShiftExpr)):
            if (
                isinstance(expr, (CalExpr, WeekdayExpr))
                and len(words) == 1
                and words[0] in self.lk.relative_mods
            ):
                return None
            return evolve(expr, mod=mod)
        return None

    def _join_ranges(self, found: list[Found]) -> list[Found]:
        """Join neighbours into ranges: "from 2010 to 2012", "between May and June"."""
        out: list[Found] = []
        for item in found:
            if out and self._joinable(out[-1], item):
                first = out.pop()
                expr = RangeExpr(first.expr, item.expr, cut=(first.j, item.i))
                out.append(Found(first.i, item.j, expr))
            else:
                out.append(item)
        return out

    def _joinable(self, a: Found, b: Found) -> bool:
        """Whether ``a`` and ``b`` are the two ends of one range ("2010 to 2012")."""
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
            return (
                isinstance(ea, ClockExpr)
                and isinstance(eb, ClockExpr)
                and word not in self.lex.additions
            )
        opener = self.low(a.i - 1)
        if isinstance(ea, CalExpr) and isinstance(eb, CalExpr):
            ga, gb = _granularity(ea.cal), _granularity(eb.cal)
            if ga is None or gb is None:
                return False
            if word in self.lex.additions:
                paired = opener in self.lex.pair_openers
                return paired or (ga == gb and _consecutive(ea.cal, eb.cal))
            return opener in self.lex.range_openers or ga == gb
        if word in self.lex.additions:
            return opener in self.lex.pair_openers
        if opener in self.lex.range_openers:
            return True
        return isinstance(ea, WeekdayExpr) and isinstance(eb, WeekdayExpr)

    def _with_tense(self, f: Found) -> Found:
        """Return ``f`` with the tense of the clause around it."""
        tense, word = self.tense(f.i, f.j)
        return evolve(f, tense=tense, tense_word=word)


def find_expressions(
    text: str, start: int, end: int, lex: Lexicon
) -> tuple[list[Tok], list[Found]]:
    """Return the tokens of ``text[start:end]`` and the time expressions found in them."""
    lk = lookups(lex)
    toks = tokenize(text, start, end, lex.abbreviations)
    grammar = Grammar(toks, lk)
    found = grammar.run()
    # The rule cache holds the grammar's bound methods, a reference cycle: while a run
    # pauses the garbage collector, it would keep every paragraph's tokens alive.
    grammar._rule_cache.clear()
    return toks, found
