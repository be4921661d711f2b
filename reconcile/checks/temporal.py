"""Temporal check: two dates of one event whose day intervals are disjoint."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from reconcile._text import (
    inside_quotation,
    stem,
    tokens,
)
from reconcile.checks._base import (
    _EVENT_WINDOW,
    SEVERITY,
    Hit,
    _Context,
    _lemma_stems,
    _same_statement,
    _word_before,
    _words_near,
)
from reconcile.checks.numeric import _about_different_names
from reconcile.checks.readers import _overlaps_loosely
from reconcile.checks.slots import differing_slots, slot_hit
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import (
    Claim,
    TimeMention,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


def _event_times(claim: Claim, lexicon: Lexicon = ENGLISH) -> list[TimeMention]:
    """Return the calendar dates of a claim that may date its event.

    A date inside a superlative's scope ("the largest since 1989") ranks, it does not
    date; open-ended intervals ("before 2010") are too vague to contradict anything.
    A deictic date inside a quotation ("We can grow our economy today," he said)
    counts from when the speaker spoke, which the publication date does not give.
    A year that modifies a noun ("the 1999 movie", "a 2011 release date") names a
    thing, not when the claim's event happened.
    """
    scopes = [o.span for o in claim.ordinals if o.scope_span is not None]
    return [
        t
        for t in claim.times
        if t.type in ("DATE", "TIME")
        and t.interval is not None
        and t.interval[0] != date.min
        and t.interval[1] != date.max
        and not any(s.contains(t.span) for s in scopes)
        and not (t.is_relative and inside_quotation(claim.text, t.span.start - claim.span.start))
        and not _names_a_thing(claim, t, lexicon)
    ]




def _names_a_thing(claim: Claim, tm: TimeMention, lexicon: Lexicon) -> bool:
    """Return whether a year is a noun's modifier: "the 1999 movie", "Chile's 2010 quake"."""
    return _modified_noun(claim, tm, lexicon) is not None


def _modified_noun(claim: Claim, tm: TimeMention, lexicon: Lexicon) -> tuple[str, str] | None:
    """Return the stem of the noun a year modifies and the two as written, or None.

    "the 2007 Oscars" gives ``("oscar", "2007 Oscars")``.
    """
    if not re.fullmatch(r"\d{4}", tm.value):
        return None
    before = _word_before(claim, tm.span.start)
    if before not in lexicon.determiners and not before.endswith(("'s", "’s")):
        return None
    at = tm.span.end - claim.span.start
    rest = tokens(claim.text, at, len(claim.text))
    if not rest or claim.text[at : rest[0].start].strip():
        return None  # punctuation after the year: "in the 1960s, ..." ends there
    nxt = rest[0].lower
    if not nxt.isalpha() or nxt in lexicon.stopwords:
        return None
    return stem(nxt), claim.text[tm.span.start - claim.span.start : rest[0].end]


def _named_years_differ(a: Claim, b: Claim, lexicon: Lexicon) -> tuple[str, str] | None:
    """Return two years of one named event series that differ ("2007 Oscars", "2008 Oscars").

    Only a name after the year ("Oscars", "World Cup") says which thing it is; "the 1999
    film" and "the 2004 film" may well be two films.
    """
    theirs = [
        (y, named)
        for y in b.times
        if y.interval is not None and (named := _modified_noun(b, y, lexicon)) is not None
    ]
    for x in a.times:
        mine = _modified_noun(a, x, lexicon) if x.interval is not None else None
        if mine is None or not mine[1].split()[-1][:1].isupper():
            continue
        for y, (noun, phrase) in theirs:
            if noun == mine[0] and not _overlaps(x, y):
                return mine[1], phrase
    return None


def _best_matches(
    xs: Sequence[TimeMention], ys: Sequence[TimeMention], words: dict[int, set[str]]
) -> dict[int, list[TimeMention]]:
    """For each x, the ys whose neighbouring words it shares most (at least one word)."""
    best: dict[int, list[TimeMention]] = {}
    for x in xs:
        scores = [(len(words[id(x)] & words[id(y)]), y) for y in ys]
        top = max((s for s, _ in scores), default=0)
        if top > 0:
            best[id(x)] = [y for s, y in scores if s == top]
    return best


def _overlaps(x: TimeMention, y: TimeMention) -> bool:
    assert x.interval is not None
    assert y.interval is not None
    return x.interval[0] <= y.interval[1] and y.interval[0] <= x.interval[1]


def _same_action(a: Claim, b: Claim, lexicon: Lexicon = ENGLISH) -> bool:
    """Return whether two claims state one happening: a shared verb, or most of their words.

    A light verb ("make a change", "take place") says too little to be the shared one.
    """
    return bool(_shared_actions(a, b, lexicon)) or _same_statement(set(a.terms), set(b.terms))


def _shared_actions(a: Claim, b: Claim, lexicon: Lexicon) -> set[str]:
    return (set(a.predicates) & set(b.predicates)) - _lemma_stems(lexicon, lexicon.light_verbs)


def check_temporal(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag two dates of one event that cannot both hold (disjoint intervals)."""
    for pair in differing_slots(a, b, ctx):
        if pair.x.kind == "time":
            x, y = pair.x.item, pair.y.item
            assert isinstance(x, TimeMention)
            assert isinstance(y, TimeMention)
            days = (
                f"{_interval_words(x, ctx.published(a))} against "
                f"{_interval_words(y, ctx.published(b))}"
            )
            message, detail = slot_hit(pair, a, b, f"one event cannot have both dates ({days}).")
            return Hit("temporal", message, SEVERITY["temporal"], detail)
    lex = ctx.lexicon
    if not _same_action(a, b, lex):
        return None
    named = _named_years_differ(a, b, lex)
    if named is not None:
        px, py = named
        return Hit(
            "temporal",
            f"{a.source} says {px!r} but {b.source} {py!r}; one thing cannot be of both years.",
            SEVERITY["temporal"],
            f"{px} / {py}",
        )
    ta, tb = _event_times(a, lex), _event_times(b, lex)
    if not ta or not tb:
        return _weekdays_differ(a, b, ctx)
    bound = {id(t): _bound_word(c, t, lex) for c, ts in ((a, ta), (b, tb)) for t in ts}
    # A long sentence may date several events ("signed today" and "arrives tomorrow");
    # two dates are of one event when their neighbouring words are each other's best match.
    words = {
        id(t): _words_near(
            c,
            t.span.start,
            t.span.end,
            lex,
            window=_EVENT_WINDOW,
            stops=[(u.span.start, u.span.end) for u in c.times],
            at_commas=False,
        )
        for c, ts in ((a, ta), (b, tb))
        for t in ts
    }
    best_a, best_b = _best_matches(ta, tb, words), _best_matches(tb, ta, words)
    pairs = [
        (x, y)
        for x in ta
        for y in best_a.get(id(x), [])
        if any(z is x for z in best_b.get(id(y), []))
        and not any(_overlaps(x, z) for z in best_a[id(x)])
        and not any(_overlaps(y, z) for z in best_b[id(y)])
    ]
    for x, y in pairs:
        if bound[id(x)] != bound[id(y)] or _overlaps_loosely(
            x, ctx.published(a), y, ctx.published(b)
        ):
            continue
        if any(_overlaps(x, z) for z in tb) or any(_overlaps(y, z) for z in ta):
            continue  # each date is stated by the other claim too ("late 2009 or early 2010")
        return Hit(
            "temporal",
            f"{a.source} dates it {x.text!r} ({_interval_words(x, ctx.published(a))}) but "
            f"{b.source} {y.text!r} ({_interval_words(y, ctx.published(b))}); "
            "one event cannot have both dates.",
            SEVERITY["temporal"],
            f"{x.text} / {y.text}",
        )
    return None


_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")


def _weekdays_differ(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag one action on two weekdays when no publication date resolves either.

    Undated, "died Sunday" and "died on Thursday" have no days to compare, but each
    claim names one weekday for the action both state; two weekdays cannot both be
    the day of it ("Saturday morning" names its day too). A claim with another day
    besides the weekday, or about someone the other does not name, dates something else
    too; a season or a year around it does not.
    """
    if not _shared_actions(a, b, ctx.lexicon) or _about_different_names(a, b, ctx.lexicon):
        return None
    days = []
    for claim in (a, b):
        dated = [t for t in claim.times if t.type in ("DATE", "TIME") and _names_a_day(t)]
        found = [t for t in dated if t.interval is None and _WEEKDAY_VALUE.match(t.value)]
        if len(found) != 1 or len(dated) != 1:
            return None
        days.append(found[0])
    x, y = days
    if x.value[:10] == y.value[:10] or (x.mod != y.mod and None not in (x.mod, y.mod)):
        return None
    return Hit(
        "temporal",
        f"{a.source} dates it {x.text!r} but {b.source} {y.text!r}; one event cannot "
        "have both weekdays.",
        SEVERITY["temporal"],
        f"{x.text} / {y.text}",
    )


#: A date that spans less than a week may be the day of the action; "the 2008-09
#: season" or "this year" is a period around it and dates nothing else.
_DAY_LEVEL_DAYS = 7


def _names_a_day(tm: TimeMention) -> bool:
    """Return whether a date or time may name the day of an action (not a whole season)."""
    return tm.interval is None or (tm.interval[1] - tm.interval[0]).days < _DAY_LEVEL_DAYS


def _bound_word(claim: Claim, tm: TimeMention, lexicon: Lexicon) -> str:
    """Return "since"/"until"/... when the date bounds a period rather than dating an event."""
    word = _word_before(claim, tm.span.start)
    return word if word in lexicon.time_bounds else ""


def _interval_words(tm: TimeMention, published: date | None = None) -> str:
    if tm.interval is None:
        return tm.value
    lo, hi = tm.interval
    days = lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"
    if tm.is_relative and published is not None:
        return f"{days}, counted from its publication on {published.isoformat()}"
    return days
