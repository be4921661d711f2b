"""Calendar arithmetic: the days a year, month, week, quarter, season, decade or holiday covers."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from reconcile.timex._values import _SEASON_START, Cal


def _last_day(year: int, month: int) -> int:
    """Return the number of days of ``month`` in ``year``."""
    return calendar.monthrange(year, month)[1]


def _month_interval(year: int, month: int) -> tuple[date, date]:
    """Return the first and last day of a month."""
    return date(year, month, 1), date(year, month, _last_day(year, month))


def _year_interval(year: int) -> tuple[date, date]:
    """Return January 1 and December 31 of ``year``."""
    return date(year, 1, 1), date(year, 12, 31)


def _season_interval(year: int, season: str) -> tuple[date, date]:
    """Return the first and last day of a meteorological season starting in ``year``."""
    first = _SEASON_START[season]
    start = date(year, first, 1)
    end = start + relativedelta(months=3) - timedelta(days=1)
    return start, end


def _week_of(day: date) -> tuple[str, tuple[date, date]]:
    """Return the ISO week value of ``day`` (``2026-W05``) and its Monday to Sunday."""
    iso = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return f"{iso.year}-W{iso.week:02d}", (monday, monday + timedelta(days=6))


def _quarter_interval(year: int, part: str) -> tuple[date, date]:
    """Return the first and last day of a quarter (``Q1``) or half (``H2``) of ``year``."""
    n = int(part[1])
    months = 3 if part[0] == "Q" else 6
    first = (n - 1) * months + 1
    last = first + months - 1
    return date(year, first, 1), date(year, last, _last_day(year, last))


def _decade_interval(decade: int) -> tuple[date, date]:
    """Return the first and last day of a decade (``199`` is the 1990s)."""
    return date(max(decade * 10, 1), 1, 1), date(decade * 10 + 9, 12, 31)


def _century_interval(century: int) -> tuple[date, date]:
    """Return the first and last day of a century (``19`` is the 1900s)."""
    return date(max(century * 100, 1), 1, 1), date(century * 100 + 99, 12, 31)


def _thirds(interval: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """Narrow an interval to its first, middle or last third for START, MID, END."""
    lo, hi = interval
    days = (hi - lo).days + 1
    if mod not in ("START", "MID", "END") or days < 3:
        return interval
    third = days // 3
    if mod == "START":
        return lo, lo + timedelta(days=third - 1)
    if mod == "END":
        return hi - timedelta(days=third - 1), hi
    return lo + timedelta(days=third), hi - timedelta(days=third)


def holiday_date(rule: str, year: int) -> date | None:
    """Return the day a holiday rule gives in ``year`` (None if the rule is malformed)."""
    try:
        if rule.startswith("easter"):
            return easter(year) + timedelta(days=int(rule[6:] or 0))
        if ":" in rule:
            rule, _, shift = rule.partition("+")
            month_s, weekday_s, n_s = rule.split(":")
            month, weekday, n = int(month_s), int(weekday_s), int(n_s)
            extra = timedelta(days=int(shift or 0))
            if n > 0:
                first = date(year, month, 1)
                offset = (weekday - first.weekday()) % 7
                return first + timedelta(days=offset + 7 * (n - 1)) + extra
            last = date(year, month, _last_day(year, month))
            return last - timedelta(days=(last.weekday() - weekday) % 7) + extra
        month_s, day_s = rule.split("-")
        return date(year, int(month_s), int(day_s))
    except ValueError:
        return None


def _cal_interval(cal: Cal, year: int) -> tuple[str, tuple[date, date], str] | None:
    """Return the value, interval and unit of a calendar expression in ``year``."""
    try:
        if cal.holiday is not None:
            day = holiday_date(cal.holiday, year)
            return None if day is None else (day.isoformat(), (day, day), "D")
        if cal.season is not None:
            return f"{year:04d}-{cal.season}", _season_interval(year, cal.season), "SE"
        if cal.part is not None:
            return f"{year:04d}-{cal.part}", _quarter_interval(year, cal.part), "Q"
        if cal.month is None:
            return f"{year:04d}", _year_interval(year), "Y"
        if cal.day is None:
            return f"{year:04d}-{cal.month:02d}", _month_interval(year, cal.month), "M"
        day = date(year, cal.month, cal.day)
    except ValueError:
        return None
    return day.isoformat(), (day, day), "D"


def _placeholder(cal: Cal) -> str:
    """Return the TIMEX3 value of a date whose year is unknown (``XXXX-02-03``)."""
    if cal.holiday is not None:
        rule = cal.holiday
        return f"XXXX-{rule}" if rule[:2].isdigit() and "-" in rule else "XXXX"
    if cal.season is not None:
        return f"XXXX-{cal.season}"
    if cal.part is not None:
        return f"XXXX-{cal.part}"
    if cal.month is None:
        return "XXXX"
    if cal.day is None:
        return f"XXXX-{cal.month:02d}"
    return f"XXXX-{cal.month:02d}-{cal.day:02d}"
