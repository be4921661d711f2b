"""Find time expressions in news text and normalize them to TIMEX3 values and date intervals.

In: a text (and the date it was written, its *anchor*). Out: its time
expressions as :class:`~reconcile.TimeMention` values, each with the character
offsets of its span, its TIMEX3 ``type`` (DATE, TIME, DURATION, SET), ``value``
and ``mod``, and the days it covers (``interval``). The package is usable on its
own, as a HeidelTime/SUTime replacement in Python:

    >>> from datetime import date
    >>> from reconcile.timex import find_times
    >>> text = ("Net income fell in the third quarter from a year earlier, "
    ...         "the company said Tuesday. It pays a dividend twice a year.")
    >>> for t in find_times(text, anchor=date(1998, 11, 5)):
    ...     print(t.span.start, t.span.end, t.type, t.value, t.mod, t.interval)
    19 36 DATE 1998-Q3 None (datetime.date(1998, 7, 1), datetime.date(1998, 9, 30))
    42 56 DATE 1997-Q3 None (datetime.date(1997, 7, 1), datetime.date(1997, 9, 30))
    75 82 DATE 1998-11-03 None (datetime.date(1998, 11, 3), datetime.date(1998, 11, 3))
    103 115 SET P1Y None None

The grammar reads rule families (``_rules_dates``, ``_rules_years``,
``_rules_relative``, ``_rules_durations``, ``_rules_clock``) over the tokens of
``_tokens``; ``_resolve`` and ``_calendar`` turn what they read into values. The
English words it knows are data on the one :class:`~reconcile.lexicon.Lexicon`
(``english-times.toml``), which every stage reads.

:func:`find_times` reads every time expression of a stretch of text ("February
3, 2026", "tomorrow", "last week", "two-day", "every year", "from 2010 to
2012") and normalizes it against the publication date, in the TimeML/TIMEX3
conventions that HeidelTime uses for news:

- ``DATE`` values are ``2026-02-03``, ``2026-02``, ``2026``, ``2026-W05``,
  ``2026-SU``, ``2026-Q1``, ``199`` (the 1990s), ``19`` (the 1900s), or
  ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``; the two ends of a range written
  apart ("from Aug. 26 to Oct. 20") are two mentions, as TIMEX3 marks them, or,
  with ``ranges="joined"``, one mention with the ISO 8601 interval of its two
  ends, ``2026-02-03/2026-02-04``;
- ``TIME`` values add a time of day: ``2026-02-02T16:59``, ``2026-02-02TNI``;
- ``DURATION`` values are ``P2D``, ``PT3H``, ``PXY`` (an unknown number of years);
- ``SET`` values are ``P1Y`` ("annually"), ``XXXX-WXX-1`` ("every Monday"), and,
  with ``with_counts=True``, for counts of occurrences ("twice", "for the third
  time"), which TIMEX3 does not mark, ``R2``/``R3``;
- ``interval`` is the inclusive range of days a DATE or TIME covers (None for
  durations, sets, vague references, and days that are only assumed).

Spans follow TIMEX3: a preposition before the expression stays out ("on Monday"
gives "Monday"), modifiers that change its meaning stay in ("more than three
years", "early 2010"). ``how`` says in plain words how the value was reached.

Relative expressions need the publication date. Without one (``reference=None``)
absolute dates still resolve, and relative ones get TIMEX3 placeholders:
``XXXX-02-03`` for a date without its year, ``XXXX-WXX-1`` for a Monday,
``PRESENT_REF`` for "today", ``FUTURE_REF`` for "tomorrow", with no interval.

:func:`find_publication_anchors` finds the expressions that give the publication
date away ("will arrive tomorrow, February 3" was written on February 2).

Examples:
    >>> from datetime import date
    >>> [(t.text, t.value) for t in find_times(
    ...     "He will arrive tomorrow, February 3, for a two-day visit.",
    ...     reference=date(2026, 2, 2))]
    [('tomorrow, February 3', '2026-02-03'), ('two-day', 'P2D')]
    >>> t = find_times("Exports rose earlier this year.", reference=date(2026, 2, 2))[0]
    >>> t.value, t.mod, t.interval
    ('2026', 'START', (datetime.date(2026, 1, 1), datetime.date(2026, 2, 2)))
    >>> [(t.text, t.value) for t in find_times("Talks were held on February 3 and 4.",
    ...                                        reference=None)]
    [('February 3', 'XXXX-02-03'), ('4', 'XXXX-02-04')]
    >>> [(t.text, t.value) for t in find_times("Talks were held on February 3 and 4.",
    ...                                        reference=None, ranges="joined")]
    [('February 3 and 4', 'XXXX-02-03/XXXX-02-04')]
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from attrs import evolve

from reconcile.errors import UsageError
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import PublicationAnchor, Span, TimeMention
from reconcile.timex._grammar import find_expressions
from reconcile.timex._resolve import resolve, resolve_ends
from reconcile.timex._values import (
    Context,
    DeicticExpr,
    RangeExpr,
    Resolved,
    ShiftExpr,
    duration_days,
)

#: How find_times gives a range whose ends are written apart (see its ``ranges``).
RangeMode = Literal["ends", "joined", "ends_spanning"]

__all__ = [
    "PublicationAnchor",
    "RangeMode",
    "duration_days",
    "find_publication_anchors",
    "find_times",
]


#: The last few stretches read, kept: the parser reads each paragraph twice, with and
#: without its publication date, and the grammar's work does not depend on the date.
_expressions = lru_cache(maxsize=8)(find_expressions)


def _bounds(text: str, start: int, end: int | None) -> tuple[int, int]:
    """Return ``(start, end)`` checked as offsets into ``text``; None is the end."""
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        msg = (
            f"start and end must satisfy 0 <= start <= end <= len(text) "
            f"(got start={start}, end={end}, len(text)={len(text)}). "
            "Pass character offsets into text."
        )
        raise UsageError(msg)
    return start, stop


def find_times(
    text: str,
    *,
    reference: date | None = None,
    anchor: date | None = None,
    start: int = 0,
    end: int | None = None,
    lexicon: Lexicon = ENGLISH,
    year_hint: date | None = None,
    ranges: RangeMode = "ends",
    with_counts: bool = False,
) -> tuple[TimeMention, ...]:
    """Return every time expression in ``text[start:end]``, normalized against ``reference``.

    Args:
        text: the text; spans index it, whatever ``start`` is.
        reference: the publication date relative expressions count from, or None
            when it is unknown (relative expressions then get placeholders).
        anchor: the same as ``reference``, by the name HeidelTime and SUTime give
            it (the document creation time); pass one of the two.
        start: where the stretch to read begins.
        end: where it ends (exclusive); None for the end of the text. Only this
            stretch is read: the tense and the dates that "the next day" counts
            from are looked for inside it; only "a year earlier" with no date
            before it in the stretch looks at the lines just before ``start``.
        lexicon: the English words the grammar knows; swap it to adapt.
        year_hint: when ``reference`` is None, a date of the same story (another
            source's publication date) that gives a date written without its year
            ("Saturday, March 8") its year; deictic expressions keep placeholders.
        ranges: how a range whose ends are written apart ("from Aug. 26 to
            Oct. 20") comes out. ``"ends"``: each end is its own mention, as TIMEX3
            marks them, each still reading its year from the other. ``"joined"``:
            one mention valued with the ISO 8601 interval of its ends
            (``1989-08-26/1989-10-20``). ``"ends_spanning"``: each end its own
            mention with its own value, and as interval the days of the whole range,
            for a caller that compares periods (the checks: "July 10" is not
            against "July 9 to 11").
        with_counts: also return counts of occurrences ("twice", "three times",
            "for the first time") as SET ``R2``/``R3``/``R1``; TIMEX3 does not mark
            them, so by default they are left out ("twice a year" is always a SET).

    Returns:
        The mentions in text order, none overlapping another.

    Raises:
        UsageError: ``start``/``end`` are not offsets into ``text``, or both
            ``reference`` and ``anchor`` are given.

    Examples:
        >>> from datetime import date
        >>> text = "Officials said on Monday that the 90-day review began in September 2025."
        >>> for t in find_times(text, reference=date(2026, 2, 4)):
        ...     print(t.text, t.type, t.value, t.interval is not None)
        Monday DATE 2026-02-02 True
        90-day DURATION P90D False
        September 2025 DATE 2025-09 True
    """
    begin, stop = _bounds(text, start, end)
    if anchor is not None:
        if reference is not None:
            msg = (
                f"find_times got both reference={reference} and anchor={anchor}. "
                "They name the same date: pass one."
            )
            raise UsageError(msg)
        reference = anchor
    if isinstance(reference, datetime):
        reference = reference.date()
    return tuple(
        m
        for m, _ in _read(
            text,
            begin,
            stop,
            reference=reference,
            lexicon=lexicon,
            year_hint=year_hint,
            look_back=True,
            ranges=ranges,
        )
        if with_counts or not _is_count(m)
    )


def _is_count(mention: TimeMention) -> bool:
    """Whether a mention is a bare count of occurrences ("twice": ``R2``), not a TIMEX3."""
    return mention.type == "SET" and mention.value.startswith("R")


#: How far before a stretch "a year earlier" looks for the date it counts from, when
#: the stretch names none before it (the quarter of an earnings report's first paragraph).
_LOOK_BACK = 1500


def _read(
    text: str,
    begin: int,
    stop: int,
    *,
    reference: date | None,
    lexicon: Lexicon,
    year_hint: date | None,
    look_back: bool,
    ranges: RangeMode = "ends",
) -> list[tuple[TimeMention, Resolved]]:
    """Find and resolve the expressions of ``text[begin:stop]``, each with its meaning.

    With ``look_back``, a shift by years with no date before it in the stretch
    ("a year earlier") counts from the last date of the text just before it.
    ``ranges`` says how the ends of a range written apart come out (see find_times).
    """
    toks, found = _expressions(text, begin, stop, lexicon)
    out: list[tuple[TimeMention, Resolved]] = []
    previous: Resolved | None = None
    sentence_days: dict[int, date] = {}
    for item in found:
        first, last = toks[item.i], toks[item.j - 1]
        words = text[first.start : last.end]
        if (
            previous is None
            and look_back
            and begin > 0
            and isinstance(item.expr, ShiftExpr)
            and item.expr.unit == "Y"
        ):
            previous = _date_before(
                text, begin, reference=reference, lexicon=lexicon, year_hint=year_hint
            )
            look_back = False
        ctx = Context(
            reference=reference,
            tense=item.tense,
            tense_word=item.tense_word,
            previous=previous,
            sentence_day=sentence_days.get(first.sent),
            year_hint=year_hint if reference is None else None,
            deadline=item.i > 0 and toks[item.i - 1].low in lexicon.deadline_words,
            forward=item.i > 0
            and toks[item.i - 1].low in lexicon.forward_limits
            and item.tense_word not in lexicon.pluperfect_words,
        )
        if ranges != "joined" and isinstance(item.expr, RangeExpr) and item.expr.cut is not None:
            stop_first, start_last = item.expr.cut
            ends = ((item.i, stop_first), (start_last, item.j))
            texts = [text[toks[a].start : toks[b - 1].end] for a, b in ends]
            pair = resolve_ends(item.expr, texts[0], texts[1], ctx)
            if ranges == "ends_spanning":
                pair = _spanning(pair, words)
            parts = [(a, b, got) for (a, b), got in zip(ends, pair, strict=True)]
        else:
            parts = [(item.i, item.j, resolve(item.expr, words, ctx))]
        for a, b, got in parts:
            lo, hi = toks[a].start, toks[b - 1].end
            mention = TimeMention(
                span=Span(lo, hi),
                text=text[lo:hi],
                type=got.type,
                value=got.value,
                mod=got.mod,
                interval=got.interval,
                how=got.how,
            )
            out.append((mention, got))
            if _is_dated(got):
                previous = got
                if got.interval is not None and got.interval[0] == got.interval[1]:
                    sentence_days[first.sent] = got.interval[0]
    return out


def _spanning(pair: tuple[Resolved, Resolved], words: str) -> tuple[Resolved, Resolved]:
    """Give both ends of a range the interval of the whole range, when it has one."""
    first, last = pair
    if first.interval is None or last.interval is None:
        return pair
    lo, hi = first.interval[0], last.interval[1]
    if hi < lo:
        return pair
    note = f"; as an end of '{words}', it covers the whole range, {lo} to {hi}"
    return (
        evolve(first, interval=(lo, hi), how=first.how + note),
        evolve(last, interval=(lo, hi), how=last.how + note),
    )


def _is_dated(got: Resolved) -> bool:
    """Whether a resolved expression is a bounded date that later ones may count from."""
    if got.interval is None or got.type not in ("DATE", "TIME"):
        return False
    lo, hi = got.interval
    return lo != date.min and hi != date.max


def _date_before(
    text: str,
    begin: int,
    *,
    reference: date | None,
    lexicon: Lexicon,
    year_hint: date | None,
) -> Resolved | None:
    """Return the last bounded date of the lines just before ``begin``, if any."""
    floor = text.rfind("\n", 0, max(0, begin - _LOOK_BACK)) + 1
    dated = [
        got
        for _, got in _read(
            text,
            floor,
            begin,
            reference=reference,
            lexicon=lexicon,
            year_hint=year_hint,
            look_back=False,
        )
        if _is_dated(got)
    ]
    return dated[-1] if dated else None


def find_publication_anchors(
    text: str,
    *,
    start: int = 0,
    end: int | None = None,
    lexicon: Lexicon = ENGLISH,
) -> tuple[PublicationAnchor, ...]:
    """Return the expressions in ``text[start:end]`` from which the publication date follows.

    Only unambiguous patterns count: a deictic day ("today", "tonight",
    "yesterday", "tomorrow", "this morning", "last night") written right next to a
    calendar date with a month and a day ("tomorrow, February 3", "today (June
    3)", "yesterday, Monday, June 2", "today is Monday, June 3"). When the date
    also names a weekday and a year, they must agree.

    Args:
        text: the text; spans index it.
        start: where the stretch to read begins.
        end: where it ends (exclusive); None for the end of the text.
        lexicon: the English words the grammar knows.

    Returns:
        The anchors in text order.

    Raises:
        UsageError: ``start``/``end`` are not offsets into ``text``.

    Examples:
        >>> [(a.text, a.offset_days) for a in find_publication_anchors(
        ...     "The court said today (June 3, 2024) that it would rule.")]
        [('today (June 3, 2024)', 0)]
    """
    begin, stop = _bounds(text, start, end)
    toks, found = _expressions(text, begin, stop, lexicon)
    anchors: list[PublicationAnchor] = []
    for item in found:
        expr = item.expr
        if not isinstance(expr, DeicticExpr) or expr.unit != "D" or expr.explicit is None:
            continue
        cal = expr.explicit
        if cal.month is None or cal.day is None:
            continue
        if cal.year is not None:
            try:
                named = date(cal.year, cal.month, cal.day)
            except ValueError:
                continue
            if cal.weekday is not None and named.weekday() != cal.weekday:
                continue
        first, last = toks[item.i], toks[item.j - 1]
        anchors.append(
            PublicationAnchor(
                span=Span(first.start, last.end),
                text=text[first.start : last.end],
                year=cal.year,
                month=cal.month,
                day=cal.day,
                offset_days=expr.offset,
            )
        )
    return tuple(anchors)
