"""Single-source checks: a source's inconsistencies with itself."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from reconcile._text import (
    tokens,
)
from reconcile.checks._base import SEVERITY, Hit
from reconcile.checks.findings import _finding
from reconcile.checks.temporal import _interval_words
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import (
    Claim,
    Document,
    Finding,
    TimeMention,
)

#: How far outside a relative period ("last week") the next sentence's date may lie
#: and still read as dating the same thing; further away it reads as background.
_NEAR_DAYS = 31


def check_document(doc: Document, *, lexicon: Lexicon = ENGLISH) -> tuple[Finding, ...]:
    """Return a source's inconsistencies with itself.

    - A sentence that places something in a period relative to the publication date
      ("earlier this year", "last week"), followed in the same paragraph by a sentence
      that opens with the date of that very thing ("In September 2025, ...", simple past,
      not the past perfect of background), outside the period but near it (within the
      period's length or a month).
    - A deictic day written with a calendar date ("tomorrow, March 5") that the
      publication date contradicts.
    - A weekday written with a date that falls on another weekday.
    """
    findings: list[Finding] = []
    claims = doc.claims
    published = doc.published
    for first, second in itertools.pairwise(claims):
        if first.paragraph != second.paragraph or published is None:
            continue
        hit = _relative_then_dated(first, second, published, doc.name)
        if hit is not None:
            findings.append(_finding("discrepancy", hit, (first, second)))
    findings.extend(
        _finding("discrepancy", hit, (claim,))
        for claim in claims
        for hit in _self_dating(claim, published, doc.name)
    )
    return tuple(findings)


def _relative_then_dated(first: Claim, second: Claim, published: date, name: str) -> Hit | None:
    lead = _leading_time(second)
    if lead is None or lead.is_relative or lead.interval is None:
        return None
    if re.search(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", second.text):
        return None  # the past perfect tells what came before: background, not the event
    for tm in first.times:
        if not tm.is_relative or tm.interval is None:
            continue
        lo, hi = tm.interval
        period = max((hi - lo).days + 1, _period_of(tm))
        if lead.interval[1] < lo:
            gap = (lo - lead.interval[1]).days
        elif lead.interval[0] > hi:
            gap = (lead.interval[0] - hi).days
        else:
            gap = 0
        if gap <= 0 or gap > max(period, _NEAR_DAYS):
            continue
        return Hit(
            "temporal",
            f"{name} places this {tm.text!r}, which, published {published}, means "
            f"{_interval_words(tm)}; but the next sentence dates it {lead.text!r} "
            f"({_interval_words(lead)}).",
            SEVERITY["temporal"],
            f"{tm.text} / {lead.text}",
        )
    return None


def _self_dating(claim: Claim, published: date | None, name: str) -> list[Hit]:
    """Return the dates of a claim that contradict their own deictic day or weekday."""
    hits: list[Hit] = []
    if published is not None:
        for anchor in claim.anchors:
            expected = published + timedelta(days=anchor.offset_days)
            year = anchor.year if anchor.year is not None else expected.year
            if (year, anchor.month, anchor.day) == (expected.year, expected.month, expected.day):
                continue
            deictic = anchor.text.split(",")[0].split("(")[0].strip()
            hits.append(
                Hit(
                    "temporal",
                    f"{name}, published {published}, writes {anchor.text!r}, but "
                    f"{deictic!r} would be {expected.isoformat()}.",
                    SEVERITY["temporal"],
                    anchor.text,
                )
            )
    weekdays = dict(ENGLISH.weekdays)
    for tm in claim.times:
        if tm.type != "DATE" or tm.interval is None or tm.interval[0] != tm.interval[1]:
            continue
        day = tm.interval[0]
        named = [w for w in tokens(tm.text) if w.lower in weekdays and w.is_capitalized]
        if named and weekdays[named[0].lower] != day.weekday():
            hits.append(
                Hit(
                    "temporal",
                    f"{name} writes {tm.text!r}, but {day.isoformat()} is a "
                    f"{day.strftime('%A')}, not a {named[0].text}.",
                    SEVERITY["temporal"],
                    tm.text,
                )
            )
    return hits


def _period_of(tm: TimeMention) -> int:
    """Return the length in days of the calendar unit a relative expression is about."""
    text = tm.text.lower()
    for unit, days in (("year", 366), ("month", 31), ("week", 7), ("day", 1)):
        if unit in text:
            return days
    return 1


def _leading_time(claim: Claim) -> TimeMention | None:
    """Return the time expression a sentence opens with ("In September 2025, ..."), if any."""
    if not claim.times:
        return None
    first = min(claim.times, key=lambda t: t.span.start)
    head = claim.text[: first.span.start - claim.span.start]
    return first if len(tokens(head)) <= 1 else None
