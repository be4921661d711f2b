"""Values in the same slot of two claims that cannot both hold.

The slots come from :func:`reconcile.checks.readers.slot_pairs`; this module says
when two values of one slot differ: two names that cannot be one entity, neither
named anywhere in the other claim; two numbers of the same unit whose ranges do not
meet; two dates whose days cannot overlap, or whose written weekday, month or year
differ when neither is resolved to days; two durations of different lengths. Each
check of a category (numeric, temporal, entity) asks for its kinds of values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reconcile._text import tokens
from reconcile.checks.names import _is_demonym, _same_entity, _same_subject
from reconcile.checks.readers import (
    SlotPair,
    Value,
    _is_measure,
    _overlaps_loosely,
    duration_days,
    slot_pairs,
)
from reconcile.model import Entity, Quantity, TimeMention

if TYPE_CHECKING:
    from datetime import date

    from reconcile.checks._base import _Context
    from reconcile.lexicon import Lexicon
    from reconcile.model import Claim


def differing_slots(a: Claim, b: Claim, ctx: _Context) -> list[SlotPair]:
    """Return the slot pairs of two claims whose values cannot both be right, in text order."""
    key = (a.id, b.id)
    cached = ctx.slot_cache.get(key)
    if cached is None:
        common = ctx.lower_words(a) | ctx.lower_words(b)
        found = [p for p in slot_pairs(a, b, ctx.lexicon, common) if _differ(p, a, b, ctx)]
        cached = [
            p
            for p in found
            if not _about_others(p, a, b, ctx) and not any(_names_a_thing(p, q, a) for q in found)
        ]
        if len({p.x.kind for p in cached}) > 1:
            # A name and a number both changed ("the Orioles offered seven years", "the Red
            # Sox offered eight"): two happenings, not one told twice with two errors.
            cached = []
        ctx.slot_cache[key] = cached
    return cached


#: How many words may lie between two values that together name one thing.
_THING_GAP = 2


def _names_a_thing(p: SlotPair, q: SlotPair, a: Claim) -> bool:
    """Return whether two differing values of different kinds sit side by side.

    "the 1999 film Cold River" and "the 2004 film Blue Lake" name two films: the year
    and the title differ together, so neither is a changed fact of one thing.
    """
    if p.x.kind == q.x.kind:
        return False
    first, second = sorted((p.x, q.x), key=lambda v: v.start)
    gap = a.text[max(first.end - a.span.start, 0) : max(second.start - a.span.start, 0)]
    return len(tokens(gap)) <= _THING_GAP and not any(c in gap for c in ",;()")


def _differ(pair: SlotPair, a: Claim, b: Claim, ctx: _Context) -> bool:
    x, y = pair.x, pair.y
    if x.kind != y.kind or _ranked(a, x, ctx.lexicon) or _ranked(b, y, ctx.lexicon):
        return False  # the scope of a rank ("the largest since 1987") is the framing check's
    if x.kind == "name":
        return _names_differ(x, y, a, b, ctx)
    if x.kind == "number":
        return _numbers_differ(x, y, a, b)
    if x.kind == "duration":
        return _durations_differ(x, y)
    return _times_differ(x, y, ctx.published(a), ctx.published(b), ctx.lexicon)


def slot_hit(pair: SlotPair, a: Claim, b: Claim, what: str) -> tuple[str, str]:
    """Return the message and detail of a discrepancy in one slot, quoting both values."""
    return (
        f"{a.source} says {pair.x.text!r} but {b.source} says {pair.y.text!r}; {what}",
        f"{pair.x.text} / {pair.y.text}",
    )


def _about_others(pair: SlotPair, a: Claim, b: Claim, ctx: _Context) -> bool:
    """Return whether each claim names someone the other does not, besides this slot.

    "The Orioles offered a seven-year deal" and "the Red Sox offered an eight-year
    deal" are two offers: their numbers are of different subjects.
    """
    lex = ctx.lexicon

    def only(claim: Claim, other: Claim, skip: Value) -> bool:
        return any(
            e.kind == "name"
            and e.span.start != skip.start
            and not any(_same_subject(e, f, lex) for f in other.entities)
            and not _written_in(e.text, other.text)
            for e in claim.entities
        )

    return only(a, b, pair.x) and only(b, a, pair.y)


def _names_differ(x: Value, y: Value, a: Claim, b: Claim, ctx: _Context) -> bool:
    ex, ey = x.item, y.item
    assert isinstance(ex, Entity)
    assert isinstance(ey, Entity)
    lex = ctx.lexicon
    if _is_demonym(a, ex, lex) or _is_demonym(b, ey, lex):
        return False
    if _speaks(a, x) or _speaks(b, y):
        return False  # who said it is the attribution check's to compare
    if _in_place(a, x, lex, lex.containment_prepositions) and _in_place(
        b, y, lex, lex.containment_prepositions
    ):
        return False  # "in Lyon" and "in France": one place may hold the other
    places = lex.place_prepositions | lex.containment_prepositions
    if _in_place(a, x, lex, places) != _in_place(b, y, lex, places):
        return False  # "in Switzerland" and "his WBA title": a place and a thing
    if any(_same_entity(ex, f, lex) for f in b.entities) or any(
        _same_entity(ey, f, lex) for f in a.entities
    ):
        return False
    # A name the other claim writes in a form its parser did not read as a name.
    return not (_written_in(ex.text, b.text) or _written_in(ey.text, a.text))


def _in_place(claim: Claim, value: Value, lexicon: Lexicon, prepositions: frozenset[str]) -> bool:
    """Return whether a name follows one of these prepositions ("in", "near", "across")."""
    words = tokens(claim.text, 0, value.start - claim.span.start)
    return bool(words) and words[-1].lower in prepositions


def _ranked(claim: Claim, value: Value, lexicon: Lexicon) -> bool:
    """Return whether a value scopes one of the claim's ranks.

    A name in a superlative's scope ("the largest in Europe") or a date that bounds
    a rank ("the deadliest since 1987"); a date of the ranked event ("the seventh
    round ... on Tuesday") is the event's, and a name of an ordinal's noun ("the
    final weeks of the Bush presidency") is the thing's.
    """
    if value.kind == "time":
        words = tokens(claim.text, 0, value.start - claim.span.start)
        if not words or words[-1].lower not in lexicon.time_bounds:
            return False
    return any(
        o.scope_span is not None
        and o.scope_span.start <= value.start < o.scope_span.end
        and (value.kind == "time" or _is_superlative(o.word, lexicon))
        for o in claim.ordinals
    )


def _is_superlative(word: str, lexicon: Lexicon) -> bool:
    """Return whether a rank is a superlative ("largest", "most ..."), not an ordinal."""
    last = word.lower().split()[-1] if word.split() else ""
    return last in lexicon.superlative_words or last.endswith("est") or "most" in word.lower()


def _speaks(claim: Claim, value: Value) -> bool:
    """Return whether a value is inside the claim's attribution ("..., Karen Doyle said")."""
    att = claim.attribution
    return att is not None and att.span.start <= value.start and value.end <= att.span.end


def _written_in(name: str, text: str) -> bool:
    words = [w for w in re.findall(r"[^\W_]+", name) if len(w) > 1]
    return bool(words) and all(
        re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE) for w in words
    )


def _numbers_differ(x: Value, y: Value, a: Claim, b: Claim) -> bool:
    qx, qy = x.item, y.item
    assert isinstance(qx, Quantity)
    assert isinstance(qy, Quantity)
    if qx.unit != qy.unit and ((qx.unit and qy.unit) or _is_measure(qx.unit or qy.unit)):
        return False  # "2" goals and a "2-0" score, "40" and "40%"
    if _meets(qx.low, qx.high, qy.low, qy.high):
        return False
    # The other claim states this very number too: the two are in different slots.
    return not (
        any(q.low == qx.low and q.high == qx.high for q in b.quantities)
        or any(q.low == qy.low and q.high == qy.high for q in a.quantities)
    )


def _meets(xlo: float, xhi: float, ylo: float, yhi: float) -> bool:
    """Return whether two ranges share a value ("about 40" and "more than 38")."""
    return xlo <= yhi and ylo <= xhi


#: Two durations within this share of each other are one ("a year" / "12 months").
_CONVERSION = 0.02


def _durations_differ(x: Value, y: Value) -> bool:
    dx, dy = duration_days(x), duration_days(y)
    if dx is None or dy is None:
        return False
    (xlo, xhi), (ylo, yhi) = dx, dy
    slack = _CONVERSION * max(xhi, yhi)
    return xhi + slack < ylo or yhi + slack < xlo


def _times_differ(x: Value, y: Value, px: date | None, py: date | None, lexicon: Lexicon) -> bool:
    tx, ty = x.item, y.item
    assert isinstance(tx, TimeMention)
    assert isinstance(ty, TimeMention)
    if tx.text.lower() == ty.text.lower():
        return False  # "today" and "today": the same words, read from two publication dates
    if tx.mod != ty.mod and not {tx.mod, ty.mod} <= _NARROWING:
        return False  # "about noon" / "12:10", "before 2009" / "2007": one bounds the other
    if tx.interval is not None and ty.interval is not None:
        if not _overlaps_loosely(tx, px, ty, py):
            return True
    elif _values_differ(tx.value, ty.value):
        return True
    return _weekdays_differ(tx.text, ty.text, lexicon)


#: TIMEX3 modifiers that pick a part of the date they modify ("late Monday", "early
#: 2009"): the part is inside the date, so two such dates are compared as dates.
_NARROWING = frozenset({None, "START", "MID", "END"})


def _weekdays_differ(x: str, y: str, lexicon: Lexicon) -> bool:
    """Return whether two mentions of one day name different weekdays ("Sunday, Dec. 11").

    The date is the same in both, so the weekday written with it is wrong in one.
    """
    wx = {w for w in re.findall(r"[a-z]+", x.lower()) if w in lexicon.full_weekday_names}
    wy = {w for w in re.findall(r"[a-z]+", y.lower()) if w in lexicon.full_weekday_names}
    return bool(wx) and bool(wy) and not wx & wy


#: The fields of a TIMEX3 date value: year, then month or week, then day or weekday.
_FIELDS = re.compile(r"^(\d{4}|XXXX)(?:-(\d\d|XX|W\d\d|WXX)(?:-(\d\d|XX|\d))?)?")


def _values_differ(vx: str, vy: str) -> bool:
    """Return whether two unresolved dates differ in a field both state.

    "XXXX-WXX-4" (a Thursday) and "XXXX-WXX-7" (a Sunday) differ; "XXXX-06" and
    "2013-06-06" do not: June 6 is in June.
    """
    mx, my = _FIELDS.match(vx), _FIELDS.match(vy)
    if mx is None or my is None:
        return False
    for fx, fy in zip(mx.groups(), my.groups(), strict=True):
        if fx is None or fy is None or "X" in fx or "X" in fy:
            continue
        if fx.startswith("W") != fy.startswith("W") or len(fx) != len(fy):
            return False  # a weekday against a day of the month: not comparable here
        if fx != fy:
            return True
    return False
