"""What a time expression means, and how it resolves against a publication date.

The grammar (:mod:`reconcile.timex._grammar`) turns text into the small frozen
expressions of this module: a calendar date that may lack its year, a deictic
unit ("last week"), a weekday, a shift ("two days ago"), a duration, a set, a
range. :func:`resolve` turns one expression into a TIMEX3 value, an inclusive
interval of days and a sentence that says how, given the reference date, the
tense around the expression and the dates mentioned before it.

Calendar conventions, chosen once and used everywhere:

- weeks are ISO weeks (Monday to Sunday), written ``2026-W05``; a weekend is its
  Saturday and Sunday (``2026-W05-WE``);
- seasons are meteorological (northern hemisphere): spring is March to May,
  summer June to August, autumn September to November, winter December to
  February of the next year;
- ``mod`` START, MID and END narrow the interval to the first, middle and last
  third of the unit (a day stays a day);
- a range is written ``first/last`` with the TIMEX3 values of its two ends.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date
from typing import Literal

from attrs import frozen

__all__ = [
    "Cal",
    "CalExpr",
    "Clock",
    "ClockExpr",
    "Context",
    "DeicticExpr",
    "DurationExpr",
    "Expr",
    "RangeExpr",
    "RefExpr",
    "Resolved",
    "SetExpr",
    "ShiftExpr",
    "WeekdayExpr",
    "duration_days",
    "duration_value",
    "ref_value",
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "future", "present"]

_MONTH_NAMES = tuple(calendar.month_name)
_DAY_NAMES = tuple(calendar.day_name)
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_UNIT_NAMES = {
    "S": "second",
    "MIN": "minute",
    "H": "hour",
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "FN": "fortnight",
    "M": "month",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "Q": "quarter",
}
_POD_NAMES = {
    "MO": "morning",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
# TIMEX3 mods that say the time lies before or after the point, not on it.
_OPEN_MODS = {"BEFORE", "ON_OR_BEFORE", "AFTER", "ON_OR_AFTER"}


# ---------------------------------------------------------------------------
# Expressions


@frozen
class Clock:
    """A time of day, 24-hour; ``hour`` 24 is midnight at the end of the day."""

    hour: int
    minute: int = 0
    second: int | None = None
    zone: str | None = None

    def value(self) -> str:
        """Return the TIMEX3 time part (``T16:59``)."""
        text = f"T{self.hour:02d}:{self.minute:02d}"
        return text if self.second is None else f"{text}:{self.second:02d}"


@frozen
class Cal:
    """A calendar expression as written, with whatever parts the text gives."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None  # Q1..Q4, H1, H2
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s
    holiday: str | None = None  # a rule from the lexicon ("12-25", "easter-2", "11:3:4")
    holiday_name: str | None = None
    which: int | None = None  # -1 "last September", 0 "this", 1 "next"
    year_of_reference: bool = False  # "the first quarter of the year"


@frozen
class CalExpr:
    """An absolute or partial date ("February 3, 2026", "Feb. 3", "the 1990s")."""

    cal: Cal
    clock: Clock | None = None
    pod: str | None = None
    mod: str | None = None


@frozen
class DeicticExpr:
    """A unit counted from the publication date ("today", "last week", "this summer").

    ``explicit`` is a date written next to it ("tomorrow, February 3").
    ``relative`` narrows the unit to before or after the reference ("earlier this
    year").
    """

    unit: str
    offset: int
    words: str
    season: str | None = None
    clock: Clock | None = None
    pod: str | None = None
    mod: str | None = None
    relative: Literal["before", "after"] | None = None
    explicit: Cal | None = None


@frozen
class WeekdayExpr:
    """A weekday without a date ("Monday", "last Tuesday", "Friday night")."""

    weekday: int
    which: int | None = None  # -1 last, 0 this, 1 next; None: from the tense
    clock: Clock | None = None
    pod: str | None = None
    mod: str | None = None


@frozen
class ShiftExpr:
    """An amount of time before or after a point ("two days ago", "a year later").

    ``from_previous`` counts from the last date mentioned before it, not from the
    publication date. ``amount`` None is a vague amount ("a few days ago").
    """

    amount: float | None
    unit: str
    sign: int
    from_previous: bool
    words: str
    pod: str | None = None
    mod: str | None = None


RefValue = Literal["PAST_REF", "PRESENT_REF", "FUTURE_REF"]


def ref_value(direction: int) -> RefValue:
    """Return PAST_REF, PRESENT_REF or FUTURE_REF for a direction below, at or above 0."""
    if direction < 0:
        return "PAST_REF"
    return "FUTURE_REF" if direction > 0 else "PRESENT_REF"


@frozen
class RefExpr:
    """A vague reference to the past, present or future ("recently", "now")."""

    value: RefValue
    note: str = ""


@frozen
class DurationExpr:
    """A length of time ("two-day", "for three years", "several weeks")."""

    amount: float | None
    unit: str
    mod: str | None = None
    upper: float | None = None  # "two to three years": 3


@frozen
class SetExpr:
    """A recurrence ("every year", "weekly") or a count of occurrences ("twice")."""

    value: str
    note: str
    mod: str | None = None


@frozen
class ClockExpr:
    """A time of day without a day ("at 10 a.m.", "around noon", "in the morning")."""

    clock: Clock | None
    pod: str | None = None
    mod: str | None = None


@frozen
class RangeExpr:
    """Two points that bound one period ("from 2010 to 2012", "February 3 and 4").

    ``cut`` is where the ends lie when they are written apart, as token indices:
    the first end stops before token ``cut[0]`` and the last starts at ``cut[1]``
    ("Aug. 26 | to | Oct. 20"). TIMEX3 marks such ends as two expressions; a range
    written as one token group ("1991-97") has no cut.
    """

    first: Expr
    last: Expr
    mod: str | None = None
    cut: tuple[int, int] | None = None


Expr = (
    CalExpr
    | DeicticExpr
    | WeekdayExpr
    | ShiftExpr
    | RefExpr
    | DurationExpr
    | SetExpr
    | ClockExpr
    | RangeExpr
)


@frozen
class Context:
    """What resolution may read besides the expression itself.

    ``previous`` is the last date mentioned before the expression (for "the next
    day"), ``sentence_day`` the last day mentioned earlier in the same sentence
    (for a bare "at 10 a.m."). ``year_hint`` is a date of the same story from
    elsewhere (another source's publication date): without a ``reference``, a
    date written without its year ("Saturday, March 8") takes its year from it;
    deictic expressions ("today", "last March") never do. ``deadline`` says the
    expression follows a word of time limits ("by", "until", "effective"), and
    ``forward`` that it follows one that looks ahead whatever the tense ("until").
    """

    reference: date | None
    tense: Tense | None = None
    tense_word: str | None = None
    previous: Resolved | None = None
    sentence_day: date | None = None
    year_hint: date | None = None
    deadline: bool = False  # after "by", "until", "effective": a time limit
    forward: bool = False  # after "until": a limit ahead of the reference, whatever the tense


@frozen
class Resolved:
    """The normalized meaning of one expression."""

    type: TimexType
    value: str
    how: str
    interval: tuple[date, date] | None = None
    mod: str | None = None
    unit: str | None = None  # granularity of the value: D, W, M, Y, ...


# ---------------------------------------------------------------------------
# Calendar arithmetic


#: A fraction of a unit is written in the next smaller one: 2.5 years is ``P2Y6M``.
_DURATION_PARTS = {
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "H"),
    "H": (60, "MIN"),
    "MIN": (60, "S"),
}
#: Decades and centuries are counted in years, as TimeBank writes them (``P20Y``).
_YEARS_IN = {"DE": 10, "CE": 100}
_TIME_UNITS = frozenset(("H", "MIN", "S"))


#: One part of a TIMEX3 duration value: an amount and its unit ("6M" of "P2Y6M").
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(CE|DE|Y|Q|M|W|D|H|S)")
#: Average days in each unit, so "a year", "12 months" and "52 weeks" come out alike.
_DAYS_IN = {
    "CE": 36525.0,
    "DE": 3652.5,
    "Y": 365.25,
    "Q": 91.3125,
    "M": 30.4375,
    "W": 7.0,
    "D": 1.0,
}
_TIME_DAYS_IN = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}


def duration_days(value: str) -> float | None:
    """Return the length in days of a TIMEX3 duration value, or None for another value.

    A vague amount ("PXY": some years) has no length.

    Examples:
        >>> duration_days("P2D"), duration_days("PT11H30M") * 24, duration_days("P1Y6M")
        (2.0, 11.5, 547.875)
        >>> duration_days("PXY") is None, duration_days("2026-02-03") is None
        (True, True)
    """
    if not value.startswith("P"):
        return None
    date_part, _, time_part = value[1:].partition("T")
    days = 0.0
    for part, per in ((date_part, _DAYS_IN), (time_part, _TIME_DAYS_IN)):
        pieces = _DURATION_PART.findall(part)
        if "".join(n + u for n, u in pieces) != part or any(u not in per for _, u in pieces):
            return None
        days += sum(float(n) * per[u] for n, u in pieces)
    return days if date_part or time_part else None


def _designator(unit: str) -> str:
    """Return the ISO 8601 letter of a unit (minutes are ``M`` after the ``T``)."""
    return "M" if unit == "MIN" else unit


def duration_value(amount: float | None, unit: str) -> str:
    """Return the TIMEX3 duration value of an amount of units.

    Examples:
        >>> duration_value(2, "D"), duration_value(None, "Y"), duration_value(3, "H")
        ('P2D', 'PXY', 'PT3H')
        >>> duration_value(2.5, "Y"), duration_value(5.5, "H"), duration_value(2, "DE")
        ('P2Y6M', 'PT5H30M', 'P20Y')
    """
    if unit == "FN":
        unit, amount = "W", None if amount is None else amount * 2
    if amount is not None and unit in _YEARS_IN:
        unit, amount = "Y", amount * _YEARS_IN[unit]
    if amount is None:
        return f"PTX{_designator(unit)}" if unit in _TIME_UNITS else f"PX{unit}"
    whole = math.floor(amount)
    parts = [(float(whole), unit)] if whole else []
    rest = amount - whole
    if rest and unit in _DURATION_PARTS:
        factor, smaller = _DURATION_PARTS[unit]
        small = rest * factor
        if abs(small - round(small)) < 1e-9:
            parts.append((float(round(small)), smaller))
        else:
            parts = [(amount, unit)]
    elif rest:
        parts = [(amount, unit)]
    date_part = "".join(f"{n:g}{u}" for n, u in parts if u not in _TIME_UNITS)
    time_part = "".join(f"{n:g}{_designator(u)}" for n, u in parts if u in _TIME_UNITS)
    return "P" + date_part + ("T" + time_part if time_part else "")
