"""Resolve a time expression against the publication date: its TIMEX3 value, interval and how."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from attrs import evolve
from dateutil.relativedelta import relativedelta

from reconcile.timex._calendar import (
    _cal_interval,
    _century_interval,
    _decade_interval,
    _last_day,
    _month_interval,
    _placeholder,
    _quarter_interval,
    _season_interval,
    _thirds,
    _week_of,
    _year_interval,
)
from reconcile.timex._values import (
    _DAY_NAMES,
    _MONTH_NAMES,
    _OPEN_MODS,
    _POD_NAMES,
    _SEASON_NAMES,
    _UNIT_NAMES,
    Cal,
    CalExpr,
    Clock,
    ClockExpr,
    Context,
    DeicticExpr,
    DurationExpr,
    Expr,
    RangeExpr,
    RefExpr,
    Resolved,
    SetExpr,
    ShiftExpr,
    TimexType,
    WeekdayExpr,
    duration_value,
    ref_value,
)


def _distance(interval: tuple[date, date], day: date) -> int:
    """Return how many days ``day`` lies outside ``interval`` (0 inside it)."""
    lo, hi = interval
    if lo <= day <= hi:
        return 0
    return (lo - day).days if day < lo else (day - hi).days


def _tense_words(ctx: Context) -> str:
    """Return the tense behind a choice, for the explanation."""
    if ctx.tense is None:
        return ""
    return f" ({ctx.tense} tense: {ctx.tense_word!r})" if ctx.tense_word else f" ({ctx.tense})"


#: How much farther a deadline ahead of the reference counts than one behind it, in a
#: past-tense sentence: "extended to Nov. 20" on November 2 is this Nov. 20, and a
#: deadline is taken ahead only when four times nearer than the one behind. Fit on
#: TimeBank, checked on AQUAINT (benchmarks/eval_timeml.py --split).
_DEADLINE_LEAN = 4.0


def _infer_year(cal: Cal, ctx: Context, text: str) -> tuple[int, str] | None:
    """Choose the year of a partial date from the reference and the tense.

    News sense: the occurrence nearest the publication date, unless the tense
    points one way (past: the latest on or before it; future: the earliest on or
    after it) or the text says "last"/"next".
    """
    ref = ctx.reference
    assert ref is not None
    options: list[tuple[int, tuple[date, date]]] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        got = _cal_interval(cal, year)
        if got is not None:
            options.append((year, got[1]))
    if not options:
        return None
    if cal.which is not None:
        if cal.which < 0:
            # "last September": the latest one that ended before this month began.
            cut = ref.replace(day=1)
            past = [o for o in options if o[1][1] < cut]
            if past:
                year = past[-1][0]
                return year, f"'{text}' is the latest one before the publication date {ref}"
        elif cal.which > 0:
            cut = date(ref.year, ref.month, _last_day(ref.year, ref.month))
            future = [o for o in options if o[1][0] > cut]
            if future:
                year = future[0][0]
                return year, f"'{text}' is the first one after the publication date {ref}"
        else:
            return ref.year, f"'{text}' is in the year of the publication date {ref}"
    if ctx.tense == "past" and not ctx.deadline:
        done = [o for o in options if o[1][0] <= ref]
        if done:
            year = done[-1][0]
            return year, (
                f"year {year} inferred: the latest '{text}' on or before the publication "
                f"date {ref}{_tense_words(ctx)}"
            )
    if ctx.tense == "future":
        ahead = [o for o in options if o[1][1] >= ref]
        if ahead:
            year = ahead[0][0]
            return year, (
                f"year {year} inferred: the first '{text}' on or after the publication "
                f"date {ref}{_tense_words(ctx)}"
            )
    # A deadline in a past-tense sentence ("extended to Nov. 20", "payable Jan. 2")
    # leans to the past but does not jump a year back.
    lean = _DEADLINE_LEAN if ctx.tense == "past" else 1.0

    def cost(option: tuple[int, tuple[date, date]]) -> tuple[float, int]:
        """Rank an option: inside the reference first, then by its (leaned) distance."""
        lo, hi = option[1]
        if lo <= ref <= hi:
            return 0.0, 0
        if hi < ref:
            return float((ref - hi).days), 1
        return lean * (lo - ref).days, 0

    year = min(options, key=cost)[0]
    if ctx.deadline:
        return (
            year,
            f"year {year} inferred: the deadline '{text}' nearest the publication date {ref}",
        )
    return year, f"year {year} inferred: the '{text}' nearest the publication date {ref}"


def _apply_mod(
    interval: tuple[date, date] | None, mod: str | None, is_time: bool
) -> tuple[date, date] | None:
    """Return ``interval`` narrowed by a modifier (START, MID, END), or None."""
    if interval is None:
        return None
    if mod in ("START", "MID", "END"):
        return _thirds(interval, mod)
    if mod in _OPEN_MODS and not is_time:
        lo, hi = interval
        if mod == "BEFORE":
            return date.min, lo - timedelta(days=1)
        if mod == "ON_OR_BEFORE":
            return date.min, hi
        if mod == "AFTER":
            return hi + timedelta(days=1), date.max
        return lo, date.max
    return interval


def _with_time(value: str, clock: Clock | None, pod: str | None) -> tuple[str, TimexType]:
    """Append a time of day to a day value; a value without one stays a DATE."""
    if clock is not None:
        return value + clock.value(), "TIME"
    if pod is not None:
        return f"{value}T{pod}", "TIME"
    return value, "DATE"


def _time_words(clock: Clock | None, pod: str | None) -> str:
    """Return " at 16:59 EST" or " in the morning", for the explanation."""
    if clock is not None:
        zone = f" {clock.zone}" if clock.zone else ""
        return f" at {clock.value()[1:]}{zone}"
    if pod is not None:
        return f", {_POD_NAMES.get(pod, pod)}"
    return ""


# ---------------------------------------------------------------------------
# Resolution


def resolve(expr: Expr, text: str, ctx: Context) -> Resolved:
    """Return the TIMEX3 value, interval and explanation of one expression.

    Args:
        expr: what the grammar read.
        text: the expression as written, for the explanation.
        ctx: the reference date, the tense around the expression and the dates
            mentioned before it.

    Returns:
        The normalized meaning; relative expressions without a reference get
        TIMEX3 placeholders (``XXXX-02-03``, ``PAST_REF``) and no interval.
    """
    if isinstance(expr, CalExpr):
        return _resolve_cal(expr, text, ctx)
    if isinstance(expr, DeicticExpr):
        return _resolve_deictic(expr, text, ctx)
    if isinstance(expr, WeekdayExpr):
        return _resolve_weekday(expr, text, ctx)
    if isinstance(expr, ShiftExpr):
        return _resolve_shift(expr, text, ctx)
    if isinstance(expr, RefExpr):
        what = {"PAST_REF": "the past", "PRESENT_REF": "the present", "FUTURE_REF": "the future"}
        how = f"'{text}' refers vaguely to {what[expr.value]}"
        if expr.note:
            how += f": {expr.note}"
        return Resolved("DATE", expr.value, how)
    if isinstance(expr, DurationExpr):
        return _resolve_duration(expr, text)
    if isinstance(expr, SetExpr):
        return Resolved("SET", expr.value, f"'{text}' {expr.note}", mod=expr.mod)
    if isinstance(expr, ClockExpr):
        return _resolve_clock(expr, text, ctx)
    return _resolve_range(expr, text, ctx)


def _resolve_cal(expr: CalExpr, text: str, ctx: Context) -> Resolved:
    """Resolve a calendar date, taking a missing year from the context."""
    cal = expr.cal
    mod = expr.mod
    if cal.century is not None:
        value = f"{cal.century:02d}"
        interval = _century_interval(cal.century)
        how = f"'{text}' is the century {cal.century * 100}-{cal.century * 100 + 99}"
        return Resolved("DATE", value, how, _apply_mod(interval, mod, False), mod, "CE")
    if cal.decade is not None:
        value = f"{cal.decade:03d}"
        interval = _decade_interval(cal.decade)
        how = f"'{text}' is the decade {cal.decade * 10}-{cal.decade * 10 + 9}"
        return Resolved("DATE", value, how, _apply_mod(interval, mod, False), mod, "DE")
    year = cal.year
    how_year = ""
    ref = ctx.reference
    if year is None and cal.year_of_reference:
        if ref is None:
            return Resolved("DATE", _placeholder(cal), _no_reference(text), mod=mod)
        year = ref.year + (cal.which or 0)
        how_year = f"the year of the publication date {ref}"
        if cal.which:
            how_year = (
                f"{abs(cal.which)} year {'before' if cal.which < 0 else 'after'} that of {ref}"
            )
    if year is None and cal.weekday is not None and cal.month is not None and cal.day is not None:
        found = _year_from_weekday(cal, ref)
        if found is not None:
            year, how_year = found
    if year is None and ref is None and ctx.year_hint is not None and cal.which is None:
        found = _hinted_year(cal, ctx, _partial_words(cal))
        if found is not None:
            year, how_year = found
    if year is None:
        if ref is None:
            value, kind = _with_time(_placeholder(cal), expr.clock, expr.pod)
            return Resolved(kind, value, _no_reference(text), mod=mod)
        inferred = _infer_year(cal, ctx, _partial_words(cal))
        if inferred is None:
            return Resolved("DATE", _placeholder(cal), f"'{text}' is not a valid date", mod=mod)
        year, how_year = inferred
    got = _cal_interval(cal, year)
    if got is None:
        return Resolved("DATE", _placeholder(cal), f"'{text}' is not a valid date", mod=mod)
    value, interval, unit = got
    day = interval[0] if unit == "D" else None
    value, kind = _with_time(value, expr.clock, expr.pod)
    how = f"'{text}': {how_year}" if how_year else f"'{text}' names {_describe(value, unit)}"
    if cal.weekday is not None and day is not None and day.weekday() != cal.weekday:
        how += f"; note {day} is a {_DAY_NAMES[day.weekday()]}, not a {_DAY_NAMES[cal.weekday]}"
    how += _time_words(expr.clock, None) if expr.clock and expr.clock.zone else ""
    return Resolved(kind, value, how, _apply_mod(interval, mod, kind == "TIME"), mod, unit)


def _hinted_year(cal: Cal, ctx: Context, text: str) -> tuple[int, str] | None:
    """Choose the year of a yearless date from a date of the story, as from a reference."""
    hint = ctx.year_hint
    assert hint is not None
    found = None
    if cal.weekday is not None and cal.month is not None and cal.day is not None:
        found = _year_from_weekday(cal, hint)
    if found is None:
        found = _infer_year(cal, evolve(ctx, reference=hint), text)
    if found is None:
        return None
    return found[0], (
        f"year {found[0]} from the other sources of the story (published {hint}), "
        "since this one states no publication date"
    )


def _year_from_weekday(cal: Cal, ref: date | None) -> tuple[int, str] | None:
    """Use a stated weekday to pick the year of "Thursday, December 11" when it is unique."""
    assert cal.month is not None
    assert cal.day is not None
    if ref is None:
        return None
    fits = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            if date(year, cal.month, cal.day).weekday() == cal.weekday:
                fits.append(year)
        except ValueError:
            continue
    if len(fits) != 1:
        return None
    return fits[0], (
        f"year {fits[0]} inferred: the only year near the publication date {ref} in which "
        f"{_MONTH_NAMES[cal.month]} {cal.day} is a {_DAY_NAMES[cal.weekday or 0]}"
    )


def _partial_words(cal: Cal) -> str:
    """Return how a yearless date reads ("February 3", "summer")."""
    if cal.holiday_name:
        return cal.holiday_name
    if cal.season:
        return _SEASON_NAMES[cal.season]
    if cal.part:
        return cal.part
    if cal.month and cal.day:
        return f"{_MONTH_NAMES[cal.month]} {cal.day}"
    if cal.month:
        return _MONTH_NAMES[cal.month]
    return "date"


def _describe(value: str, unit: str) -> str:
    """Return what a value of granularity ``unit`` names ("the month 2026-02")."""
    words = {
        "D": "the day",
        "M": "the month",
        "Y": "the year",
        "SE": "the season",
        "Q": "the period",
    }
    return f"{words.get(unit, 'the date')} {value}"


def _no_reference(text: str) -> str:
    """Return the explanation for a relative expression without a publication date."""
    return f"'{text}' is relative and no publication date is given"


def _resolve_deictic(expr: DeicticExpr, text: str, ctx: Context) -> Resolved:
    """Resolve a unit counted from the publication date ("last week", "this summer")."""
    ref = ctx.reference
    mod = expr.mod
    if expr.explicit is not None:
        return _resolve_appositive(expr, text, ctx)
    if ref is None:
        return Resolved("DATE", ref_value(expr.offset), _no_reference(text), mod=mod)
    offset = expr.offset
    if expr.unit == "WE" and expr.words == "the weekend" and ref.weekday() < 5:
        # "the weekend": the one before a weekday reference in the past tense, the next in
        # the future tense; without a tense, the nearer (Monday to Wednesday: the one past).
        if ctx.tense is None:
            offset = -1 if ref.weekday() <= 2 else 0
        else:
            offset = -1 if ctx.tense == "past" else 0
    got = deictic_interval(expr.unit, offset, ref, expr.season)
    if got is None:
        return Resolved("DATE", "PRESENT_REF", f"'{text}' could not be placed", mod=mod)
    value, interval = got
    how = f"'{text}' is {_deictic_words(expr, ref)}"
    if expr.unit == "D":
        value, kind = _with_time(value, expr.clock, expr.pod)
        how += _time_words(expr.clock, None) if expr.clock else ""
    else:
        kind = "DATE"
    if expr.relative is not None and expr.offset == 0:
        lo, hi = interval
        interval = (lo, ref) if expr.relative == "before" else (ref, hi)
        side = "before" if expr.relative == "before" else "after"
        how += f", the part {side} the publication date (TIMEX3 mod {mod})"
        return Resolved(kind, value, how, interval, mod, expr.unit)
    return Resolved(kind, value, how, _apply_mod(interval, mod, kind == "TIME"), mod, expr.unit)


def deictic_interval(
    unit: str, offset: int, ref: date, season: str | None = None
) -> tuple[str, tuple[date, date]] | None:
    """Return the value and interval of a unit counted from the reference."""
    try:
        if unit == "D":
            day = ref + timedelta(days=offset)
            return day.isoformat(), (day, day)
        if unit in ("W", "FN"):
            return _week_of(ref + timedelta(days=7 * offset))
        if unit == "WE":
            value, (monday, _) = _week_of(ref + timedelta(days=7 * offset))
            return f"{value}-WE", (monday + timedelta(days=5), monday + timedelta(days=6))
        if unit == "M":
            first = ref.replace(day=1) + relativedelta(months=offset)
            return f"{first.year:04d}-{first.month:02d}", _month_interval(first.year, first.month)
        if unit == "Y":
            year = ref.year + offset
            return f"{year:04d}", _year_interval(year)
        if unit == "DE":
            decade = ref.year // 10 + offset
            return f"{decade:03d}", _decade_interval(decade)
        if unit == "CE":
            century = ref.year // 100 + offset
            return f"{century:02d}", _century_interval(century)
        if unit == "Q":
            index = (ref.month - 1) // 3 + offset
            year, q = ref.year + index // 4, index % 4 + 1
            return f"{year:04d}-Q{q}", _quarter_interval(year, f"Q{q}")
        if unit == "SE" and season is not None:
            return _season_from(ref, season, offset)
    except (ValueError, OverflowError):
        return None
    return None


def _season_from(ref: date, season: str, offset: int) -> tuple[str, tuple[date, date]]:
    """Return "this/last/next summer": the one around the reference, before or after it."""
    options = [
        (y, _season_interval(y, season))
        for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)
    ]
    if offset < 0:
        year, interval = [o for o in options if o[1][1] < ref][-1]
    elif offset > 0:
        year, interval = next(o for o in options if o[1][0] > ref)
    else:
        current = [o for o in options if o[1][0] <= ref <= o[1][1]]
        if current:
            year, interval = current[0]
        else:
            year, interval = next(o for o in options if o[1][0].year == ref.year)
    return f"{year:04d}-{season}", interval


def _deictic_words(expr: DeicticExpr, ref: date) -> str:
    """Return how a deictic unit relates to the reference, for the explanation."""
    unit = _UNIT_NAMES.get(expr.unit, "season")
    if expr.unit == "SE" and expr.season:
        unit = _SEASON_NAMES[expr.season]
    if expr.unit == "D":
        rel = {
            0: "the publication date",
            -1: "the day before the publication date",
            1: "the day after the publication date",
        }
        if expr.offset in rel:
            return f"{rel[expr.offset]} {ref}"
        side = "after" if expr.offset > 0 else "before"
        return f"{abs(expr.offset)} days {side} the publication date {ref}"
    which = {0: "the", -1: "the", 1: "the"}[max(-1, min(1, expr.offset))]
    pos = {0: "of", -1: "before that of", 1: "after that of"}[max(-1, min(1, expr.offset))]
    return f"{which} {unit} {pos} the publication date {ref}"


def _resolve_appositive(expr: DeicticExpr, text: str, ctx: Context) -> Resolved:
    """ "tomorrow, February 3": the written date wins; say whether the reference agrees."""
    assert expr.explicit is not None
    cal = expr.explicit
    ref = ctx.reference
    day_words = {
        0: "the publication date",
        -1: "the day before the publication date",
        1: "the day after the publication date",
    }.get(expr.offset, "a day near the publication date")
    if cal.year is None and ref is not None and cal.month is not None and cal.day is not None:
        implied = ref + timedelta(days=expr.offset)
        if (implied.month, implied.day) == (cal.month, cal.day):
            value, kind = _with_time(implied.isoformat(), expr.clock, expr.pod)
            how = f"'{text}' is {day_words} {ref}, as the date written next to it says"
            return Resolved(kind, value, how, (implied, implied), expr.mod, "D")
    resolved = _resolve_cal(CalExpr(cal, expr.clock, expr.pod, expr.mod), text, ctx)
    if ref is not None and resolved.interval is not None:
        implied = ref + timedelta(days=expr.offset)
        if resolved.interval[0] != implied:
            how = (
                f"{resolved.how}; the written date wins over '{expr.words}', which would be "
                f"{implied} from the publication date {ref}"
            )
            return evolve(resolved, how=how)
    return resolved


def _resolve_weekday(expr: WeekdayExpr, text: str, ctx: Context) -> Resolved:
    """Resolve a weekday: the last, next or nearest one, from the words and the tense."""
    ref = ctx.reference
    name = _DAY_NAMES[expr.weekday]
    if ref is None:
        value = f"XXXX-WXX-{expr.weekday + 1}"
        value, kind = _with_time(value, expr.clock, expr.pod)
        return Resolved(kind, value, _no_reference(text), mod=expr.mod)
    back = (ref.weekday() - expr.weekday) % 7
    ahead = (expr.weekday - ref.weekday()) % 7
    if expr.which == -1:
        day = ref - timedelta(days=back or 7)
        why = f"the {name} before the publication date {ref}"
    elif expr.which == 1:
        day = ref + timedelta(days=ahead or 7)
        why = f"the {name} after the publication date {ref}"
    elif expr.which == 0:
        day = ref - timedelta(days=ref.weekday()) + timedelta(days=expr.weekday)
        why = f"the {name} of the week of the publication date {ref}"
    elif ctx.forward:
        day = ref + timedelta(days=ahead)
        why = f"the {name} on or after the publication date {ref}: a limit ahead"
    elif ctx.tense == "past":
        day = ref - timedelta(days=back)
        why = f"the {name} on or before the publication date {ref}{_tense_words(ctx)}"
    elif ctx.tense == "future":
        day = ref + timedelta(days=ahead)
        why = f"the {name} on or after the publication date {ref}{_tense_words(ctx)}"
    elif back <= ahead + 1:
        # News mostly reports the days just gone: a near tie goes to the past.
        day = ref - timedelta(days=back)
        why = f"the {name} nearest the publication date {ref} (no tense nearby)"
    else:
        day = ref + timedelta(days=ahead)
        why = f"the {name} nearest the publication date {ref} (no tense nearby)"
    value, kind = _with_time(day.isoformat(), expr.clock, expr.pod)
    how = f"'{text}' is taken as {why}" + _time_words(expr.clock, None)
    interval = _apply_mod((day, day), expr.mod, kind == "TIME")
    return Resolved(kind, value, how, interval, expr.mod, "D")


_SHIFT_MODS = {
    ("MORE_THAN", -1): "BEFORE",
    ("MORE_THAN", 1): "AFTER",
    ("LESS_THAN", -1): "AFTER",
    ("LESS_THAN", 1): "BEFORE",
    ("EQUAL_OR_MORE", -1): "ON_OR_BEFORE",
    ("EQUAL_OR_MORE", 1): "ON_OR_AFTER",
    ("EQUAL_OR_LESS", -1): "ON_OR_AFTER",
    ("EQUAL_OR_LESS", 1): "ON_OR_BEFORE",
}


#: Units whose "a year earlier" counts from the publication date when no date comes
#: before it: a report compares with the same time a year, a decade before.
_FROM_REFERENCE = frozenset(("Y", "DE", "CE"))


def _resolve_shift(expr: ShiftExpr, text: str, ctx: Context) -> Resolved:
    """Resolve an amount before or after a point ("two days ago", "a year earlier")."""
    mod = _SHIFT_MODS.get((expr.mod or "", expr.sign), expr.mod)
    vague = "PAST_REF" if expr.sign < 0 else "FUTURE_REF"
    prev = ctx.previous
    if expr.from_previous and prev is not None and _coarser(prev.unit, expr.unit):
        return _within_coarser(expr, text, prev, mod)
    if expr.from_previous and prev is not None and prev.interval is not None:
        anchor = prev.interval[0]
        origin = f"the date {prev.value} mentioned before it"
    elif expr.from_previous and (expr.unit not in _FROM_REFERENCE or ctx.reference is None):
        return Resolved(
            "DATE",
            "XXXX-XX-XX",
            f"'{text}' counts from an earlier date that is not in this stretch of text",
            mod=mod,
        )
    else:
        if ctx.reference is None:
            return Resolved("DATE", vague, _no_reference(text), mod=mod)
        anchor = ctx.reference
        origin = f"the publication date {ctx.reference}"
    if expr.amount is None:
        return Resolved("DATE", vague, f"'{text}' is an unspecified time from {origin}", mod=mod)
    quarter = _quarter_back(expr, ctx.previous, ctx.reference)
    if quarter is not None:
        return Resolved(
            "DATE", quarter[0], f"'{text}' is {quarter[0]}, {quarter[2]}", quarter[1], mod, "Q"
        )
    unit = expr.unit
    try:
        target, gran = _shift(anchor, expr.amount * expr.sign, unit)
    except (ValueError, OverflowError):
        return Resolved("DATE", vague, f"'{text}' falls outside the calendar", mod=mod)
    amount = f"{expr.amount:g} {_UNIT_NAMES.get(unit, unit)}{'' if expr.amount == 1 else 's'}"
    direction = "after" if expr.sign > 0 else "before"
    if expr.sign == 0:
        how = f"'{text}' is the same {_UNIT_NAMES.get(unit, unit)} as {origin}"
    else:
        how = f"'{text}' is {amount} {direction} {origin}"
    if gran in ("H", "MIN", "S"):
        # Only the day of the reference is known, not its hour: "13 minutes ago" is
        # that day or, just after midnight, the day before.
        hours = expr.amount * {"H": 1.0, "MIN": 1 / 60, "S": 1 / 3600}[unit]
        near, far = math.floor(hours / 24), math.ceil(hours / 24)
        if expr.sign < 0:
            lo, hi = anchor - timedelta(days=far), anchor - timedelta(days=near)
            day = hi
        else:
            lo, hi = anchor + timedelta(days=near), anchor + timedelta(days=far)
            day = lo
        how += "; only the day of the reference is known, so it may be the day next to it"
        return Resolved("DATE", day.isoformat(), how, _apply_mod((lo, hi), mod, False), mod, "D")
    got = deictic_interval(gran, 0, target)
    if got is None:
        return Resolved("DATE", vague, how, mod=mod)
    value, interval = got
    value, kind = _with_time(value, None, expr.pod if gran == "D" else None)
    return Resolved(kind, value, how, _apply_mod(interval, mod, False), mod, gran)


#: Units a date may be too coarse for: a day or a week is not known from a month alone.
_FINER_THAN = {"D": ("W", "M", "Q", "SE", "Y", "DE", "CE"), "W": ("M", "Q", "SE", "Y", "DE", "CE")}
_FINER_THAN["M"] = ("Y", "DE", "CE")


def _coarser(prev_unit: str | None, unit: str) -> bool:
    """Whether a date of granularity ``prev_unit`` is too coarse to count ``unit`` from."""
    return prev_unit is not None and prev_unit in _FINER_THAN.get(unit, ())


def _within_coarser(expr: ShiftExpr, text: str, prev: Resolved, mod: str | None) -> Resolved:
    """Resolve "that same day" after "October 1998": a day of it, not which (1998-10-XX)."""
    origin = f"the date {prev.value} mentioned before it"
    year_month = re.fullmatch(r"(\d{4})(-\d{2})?", prev.value)
    if expr.sign != 0 or year_month is None:
        how = f"'{text}' counts from {origin}, which does not say the {_UNIT_NAMES[expr.unit]}"
        return Resolved("DATE", "XXXX-XX-XX", how, mod=mod)
    if expr.unit == "W":
        value = f"{year_month[1]}-WXX"
    elif expr.unit == "M":
        value = f"{year_month[1]}-XX"
    else:
        value = prev.value + ("-XX" if year_month[2] else "-XX-XX")
    how = f"'{text}' is a {_UNIT_NAMES[expr.unit]} of {origin}, which does not say which"
    return Resolved("DATE", value, how, mod=mod)


def _quarter_back(
    expr: ShiftExpr, prev: Resolved | None, ref: date | None
) -> tuple[str, tuple[date, date], str] | None:
    """Return the same quarter whole years back, when the date mentioned last is a quarter.

    "Net rose in the third quarter, from $5 million a year earlier": the year
    before is the year-ago quarter, not a year counted from the publication date.
    "A year ago" counts from the last such quarter ended by the publication date.
    """
    if prev is None or prev.unit != "Q" or expr.unit != "Y" or expr.amount is None:
        return None
    whole = round(expr.amount)
    if whole != expr.amount or whole < 1 or len(prev.value) != 7 or not prev.value[:4].isdigit():
        return None
    part = prev.value[5:]
    year = int(prev.value[:4])
    if not expr.from_previous and ref is not None:
        year = ref.year if _quarter_interval(ref.year, part)[1] < ref else ref.year - 1
    year += whole * expr.sign
    years = f"{whole} year{'s' if whole > 1 else ''}"
    how = f"the {part} {years} from the one of {prev.value} mentioned before it"
    return f"{year:04d}-{part}", _quarter_interval(year, part), how


def _shift(anchor: date, amount: float, unit: str) -> tuple[date, str]:
    """Move ``anchor`` by ``amount`` units; return the day and the granularity to report."""
    whole = round(amount)
    if unit == "D":
        return anchor + timedelta(days=whole), "D"
    if unit in ("W", "WE"):
        return anchor + timedelta(days=round(7 * amount)), "W"
    if unit == "FN":
        return anchor + timedelta(days=round(14 * amount)), "W"
    if unit == "M":
        return anchor + relativedelta(months=whole), "M"
    if unit == "Y":
        if whole != amount:
            return anchor + relativedelta(months=round(12 * amount)), "M"
        return anchor + relativedelta(years=whole), "Y"
    if unit == "DE":
        return anchor + relativedelta(years=round(10 * amount)), "DE"
    if unit == "CE":
        return anchor + relativedelta(years=round(100 * amount)), "CE"
    return anchor, unit  # hours and less: the caller works in days


def _resolve_duration(expr: DurationExpr, text: str) -> Resolved:
    """Resolve a length of time to its TIMEX3 duration value."""
    value = duration_value(expr.amount, expr.unit)
    unit = _UNIT_NAMES.get(expr.unit, expr.unit)
    if expr.amount is None:
        how = f"'{text}' is an unspecified number of {unit}s"
    elif expr.upper is not None:
        value = duration_value(expr.upper, expr.unit)
        how = f"'{text}' is {expr.amount:g} to {expr.upper:g} {unit}s; the value is the upper bound"
    else:
        how = f"'{text}' is a duration of {expr.amount:g} {unit}{'' if expr.amount == 1 else 's'}"
    return Resolved("DURATION", value, how, None, expr.mod, expr.unit)


def _resolve_clock(expr: ClockExpr, text: str, ctx: Context) -> Resolved:
    """Resolve a bare time of day on the day named before it in the sentence."""
    if ctx.sentence_day is not None:
        day = ctx.sentence_day
        value, kind = _with_time(day.isoformat(), expr.clock, expr.pod)
        how = f"'{text}' is on {day}, the day named earlier in the sentence"
        return Resolved(kind, value, how, (day, day), expr.mod, "D")
    if ctx.reference is not None:
        day = ctx.reference
        value, kind = _with_time(day.isoformat(), expr.clock, expr.pod)
        how = (
            f"'{text}' names no day; the day is assumed to be the publication date {day}, "
            "so no interval is given"
        )
        return Resolved(kind, value, how, None, expr.mod, "D")
    value, kind = _with_time("XXXX-XX-XX", expr.clock, expr.pod)
    return Resolved(kind, value, f"'{text}' names no day", None, expr.mod)


def resolve_ends(
    expr: RangeExpr, first_text: str, last_text: str, ctx: Context
) -> tuple[Resolved, Resolved]:
    """Resolve both ends of a range; a partial end takes its year from the other.

    "from May to June 2010": May is May 2010; "Dec. 5 to Jan. 10, 2010": December
    is December 2009.
    """
    first_expr, last_expr = expr.first, expr.last
    # A partial end takes its year from the other end ("from May to June 2010").
    if isinstance(first_expr, CalExpr) and isinstance(last_expr, CalExpr):
        a, b = first_expr.cal, last_expr.cal
        if a.year is None and b.year is not None and a.decade is None and a.century is None:
            year = b.year
            if a.month is not None and b.month is not None and a.month > b.month:
                year -= 1
            first_expr = evolve(first_expr, cal=evolve(a, year=year))
        elif b.year is None and a.year is not None and b.decade is None and b.century is None:
            year = a.year
            if a.month is not None and b.month is not None and b.month < a.month:
                year += 1
            last_expr = evolve(last_expr, cal=evolve(b, year=year))
    first = resolve(first_expr, first_text, ctx)
    if (
        isinstance(last_expr, CalExpr)
        and last_expr.cal.year is None
        and last_expr.cal.decade is None
        and last_expr.cal.century is None
        and first.interval is not None
        and first.interval[0] != date.min
        and not (isinstance(first_expr, CalExpr) and first_expr.cal.decade is not None)
    ):
        # The end is the first such day on or after the start ("today through Nov. 17").
        start = first.interval[0]
        b = last_expr.cal
        year = start.year
        if b.month is not None and (b.month, b.day or 31) < (start.month, start.day):
            year += 1
        last_expr = evolve(last_expr, cal=evolve(b, year=year))
    return first, resolve(last_expr, last_text, ctx)


def _resolve_range(expr: RangeExpr, text: str, ctx: Context) -> Resolved:
    """Resolve a range as one period: the ISO 8601 interval of its two ends."""
    first, last = resolve_ends(expr, text, text, ctx)
    value = f"{first.value}/{last.value}"
    kind: TimexType = "TIME" if first.type == "TIME" and last.type == "TIME" else "DATE"
    how = f"'{text}' runs from {first.value} to {last.value}"
    reasons = [h.split(": ", 1)[1] for h in (first.how, last.how) if "inferred" in h and ": " in h]
    if reasons:
        how += f"; {reasons[0]}"
    if first.interval is None or last.interval is None:
        return Resolved(kind, value, how, None, expr.mod)
    lo, hi = first.interval[0], last.interval[1]
    if hi < lo:
        how += "; its end comes before its start"
        return Resolved(kind, value, how, None, expr.mod)
    return Resolved(kind, value, how, (lo, hi), expr.mod, last.unit)
