"""Stage 3: turn aligned claims into findings a careful reader would sign.

Each check is a small function over two aligned claims of different sources
(or, for :func:`check_document`, over one source alone) that returns a
discrepancy with its category, a one-sentence reason quoting both sides, and a
severity, or nothing. The compatibility rules that keep a fact-checker's trust
live next to the check they restrain:

- ``temporal``: two dates of one event whose day intervals are disjoint. A date
  inside a stated range, or a finer date inside a coarser one, overlaps and is
  compatible. Only dates of the same event are compared: the one date of each
  claim, or the dates whose neighbouring words match best both ways; a date
  that scopes a superlative ("the first since 1997") or bounds a period ("since
  2019") is not the date of the event.
- ``numeric``: numbers are compared only with the number that states the same
  thing: the same unit (a number word is its digits), matched by the words
  around it ("12 killed and 40 injured" against "killing 12 and injuring 40").
  Each number is widened to the range its wording allows: "about 40", "more than
  40", "dozens", "between 200 and 300", and the rounding of how it is written
  ("$1.5 billion", "4%", "52,000"). Numbers of different units are not compared.
  Durations ("12 years in prison") are numbers too.
- ``framing``: the same ordinal or superlative of the same noun, either hedged
  on one side only ("one of the deadliest", "probably the oldest"), or scoped
  on both sides with a qualifier that one side lacks ("in the city" against "in
  the country"). Different superlatives, or superlatives of different nouns,
  are about different things; an unqualified rank is less specific, not
  contradicted.
- ``attribution``: the same statement given to different speakers who each name
  someone in particular (not "officials" against "the ministry"), or stated as
  fact by one source and attributed by the other, unless the speaker is the
  actor of the fact ("the company said it would ...").
- ``status``: a plan reported before the event and its report after it are
  compatible; only a source published after the event that still calls it
  planned is flagged. Negated against affirmed is flagged unless the negation
  only says "not yet" and was published before the event.
- ``entity``: two different names in the same role in the two claims: the same
  title ("manager Dean Holt"), the same preposition ("near Grenoble", "by
  Meridian Capital"), or the subject of the same verb ("Sam Reid scored").
  A place after a containment preposition ("in France") may hold the other
  ("in Lyon") and is not compared.

Within one source (:func:`check_document`): a relative period ("last week",
"earlier this year") that the next sentence dates outside it; a deictic day
written with a calendar date that it is not ("tomorrow, March 5" published on
March 5); a weekday written with a date that falls on another weekday.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from attrs import frozen
from rapidfuzz import fuzz

from reconcile._features import is_past_form
from reconcile._text import (
    Token,
    entity_keys_match,
    inside_quotation,
    stem,
    tokens,
    without_possessive,
)
from reconcile._types import (
    Alignment,
    Attribution,
    Category,
    Claim,
    Document,
    Entity,
    Evidence,
    Finding,
    FindingKind,
    Ordinal,
    TimeMention,
)
from reconcile.align import compare_times
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.timex import ENGLISH_TIMES, find_publication_anchors

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "SEVERITY",
    "check_document",
    "check_pair",
    "finding_id",
    "reconcile_alignments",
]

#: How much a discrepancy of each category matters to a reader, by default; a check
#: may lower it for a weaker form (a fact against its attribution is "low").
SEVERITY: dict[str, str] = {
    "temporal": "high",
    "numeric": "high",
    "entity": "high",
    "status": "medium",
    "attribution": "medium",
    "framing": "low",
}

#: Words on each side of a time expression or a number that say what it is about.
_EVENT_WINDOW = 6
_NUMBER_WINDOW = 3


@frozen
class Hit:
    """A discrepancy found by a check: its category, reason, severity and the values at odds.

    ``detail`` names the values that differ ("'12' / 'at least 15'"); it joins the
    finding id so two findings on the same claims stay apart.
    """

    category: Category
    message: str
    severity: str
    detail: str = ""


class _Context:
    """What the checks need to know about the documents of a run."""

    __slots__ = ("documents", "lexicon", "roles")

    def __init__(self, documents: Sequence[Document], lexicon: Lexicon) -> None:
        self.documents = {d.name: d for d in documents}
        self.lexicon = lexicon
        # Per document: the last word of a title -> the keys of the names that hold it
        # ("minister" -> {"dray"}), to resolve "the prime minister said" across sources.
        self.roles: dict[str, dict[str, set[str]]] = {}
        for doc in documents:
            table: dict[str, set[str]] = {}
            for claim in doc.claims:
                for e in claim.entities:
                    if e.kind == "name" and e.role:
                        table.setdefault(e.role.split()[-1], set()).add(e.key)
            self.roles[doc.name] = table

    def published(self, claim: Claim) -> date | None:
        return self.documents[claim.source].published


Check = Callable[[Claim, Claim, _Context], Hit | None]


def _words_near(
    claim: Claim,
    start: int,
    end: int,
    lexicon: Lexicon,
    *,
    window: int,
    stops: Sequence[tuple[int, int]] = (),
    at_commas: bool = True,
) -> set[str]:
    """Return the content stems within ``window`` words of ``[start, end)`` in a claim.

    The window ends early at a clause break ("and", a semicolon; a comma too unless
    ``at_commas`` is false) and at any of ``stops`` (the spans of other numbers or
    dates, whose words are theirs).
    """
    words, starts, ends = _word_bounds(claim.text)
    base = claim.span.start
    text = claim.text
    stopping = _Containment.of(tuple(stops))
    before: list[Token] = []
    # Words are in text order: the ones before ``start`` and after ``end`` are a
    # bisection away, not a scan of the claim per number (a long claim has many).
    for k in range(bisect_right(ends, start - base) - 1, -1, -1):
        w = words[k]
        gap_end = before[-1].start if before else start - base
        if _breaks(text[w.end : gap_end], w, at_commas=at_commas) or stopping.holds(
            w.start + base, w.end + base
        ):
            break
        before.append(w)
        if len(before) == window:
            break
    after: list[Token] = []
    for k in range(bisect_left(starts, end - base), len(words)):
        w = words[k]
        gap_start = after[-1].end if after else end - base
        if _breaks(text[gap_start : w.start], w, at_commas=at_commas) or stopping.holds(
            w.start + base, w.end + base
        ):
            break
        after.append(w)
        if len(after) == window:
            break
    return {
        stem(lexicon.irregular_lemmas.get(w.lower, w.lower))
        for w in before + after
        if w.lower not in lexicon.stopwords and not w.text[:1].isdigit()
    }


@lru_cache(maxsize=64)
def _word_bounds(text: str) -> tuple[tuple[Token, ...], list[int], list[int]]:
    """Return a claim's words with their starts and ends, for bisection."""
    words = tuple(tokens(text))
    return words, [w.start for w in words], [w.end for w in words]


def _breaks(gap: str, word: Token, *, at_commas: bool) -> bool:
    marks = ",;:()" if at_commas else ";:()"
    return any(c in gap for c in marks) or word.lower in {"and", "or", "but", "while"}


class _Containment:
    """Spans, looked up by bisection: "does one of them contain ``[start, end)``?"

    A span contains the range when it starts at or before ``start`` and ends at or
    after ``end``: the furthest end among the spans that start early enough says.
    """

    __slots__ = ("_furthest", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._furthest = list(itertools.accumulate((e for _, e in ordered), max))

    @staticmethod
    @lru_cache(maxsize=32)
    def of(spans: tuple[tuple[int, int], ...]) -> _Containment:
        """Return the lookup of ``spans``, kept for the other numbers of the claim."""
        return _Containment(spans)

    def holds(self, start: int, end: int) -> bool:
        """Return whether one of the spans contains ``[start, end)``."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._furthest[k - 1] >= end


def _word_before(claim: Claim, start: int) -> str:
    """Return the lower-cased word right before absolute offset ``start`` in a claim."""
    words = [w for w in tokens(claim.text) if w.end + claim.span.start <= start]
    return words[-1].lower if words else ""


# ---------------------------------------------------------------------------
# Temporal


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


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"})


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
    if before not in _DETERMINERS and not before.endswith(("'s", "’s")):
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


_WEEK = re.compile(r"\d{4}-W\d\d")


def _loose_interval(tm: TimeMention, published: date | None) -> tuple[date, date]:
    """Return the days a reader may take an expression to cover.

    "Last week" is the calendar week before the publication's (TIMEX3 ``2009-W48``),
    but news also says it of the past seven days: published on a Saturday, "last
    week" may be last Monday. So a relative week before publication reaches up to
    the day before it.
    """
    assert tm.interval is not None
    lo, hi = tm.interval
    if tm.is_relative and published is not None and _WEEK.fullmatch(tm.value) and hi < published:
        return lo, published - timedelta(days=1)
    return lo, hi


def _overlaps_loosely(
    x: TimeMention, published_x: date | None, y: TimeMention, published_y: date | None
) -> bool:
    (xlo, xhi), (ylo, yhi) = _loose_interval(x, published_x), _loose_interval(y, published_y)
    return xlo <= yhi and ylo <= xhi


def _same_action(a: Claim, b: Claim, lexicon: Lexicon = ENGLISH) -> bool:
    """Return whether two claims state one happening: a shared verb, or most of their words.

    A light verb ("make a change", "take place") says too little to be the shared one.
    """
    return bool(_shared_actions(a, b, lexicon)) or _same_statement(set(a.terms), set(b.terms))


def _shared_actions(a: Claim, b: Claim, lexicon: Lexicon) -> set[str]:
    return (set(a.predicates) & set(b.predicates)) - _lemma_stems(lexicon, lexicon.light_verbs)


@lru_cache(maxsize=16)
def _lemma_stems(lexicon: Lexicon, words: frozenset[str]) -> frozenset[str]:
    """Return the stems of a lexicon list's words, as claims store them ("took" -> "take")."""
    return frozenset(stem(lexicon.irregular_lemmas.get(w, w)) for w in words)


def check_temporal(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag two dates of one event that cannot both hold (disjoint intervals)."""
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
        return None
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


# ---------------------------------------------------------------------------
# Numeric


@frozen
class _Amount:
    """A number of a claim as the numeric check compares it, with the words around it."""

    text: str
    start: int
    end: int
    low: float
    high: float
    unit: str
    context: frozenset[str]


# TIMEX3 durations: "P12Y", "PT6H", "P1DE"; M is months before T and minutes after it.
_DURATION = re.compile(r"P(T?)(\d+(?:\.\d+)?)(DE|CE|Y|M|W|D|H|S)")
_DAYS = {"CE": 36525.0, "DE": 3652.5, "Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}
_TIME_DAYS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}
# How a duration's TIMEX3 modifier widens it, like the approximations of numbers.
_MODS: dict[str, tuple[float, float]] = {
    "APPROX": (0.9, 1.1),
    "MORE_THAN": (1.0, math.inf),
    "EQUAL_OR_MORE": (1.0, math.inf),
    "LESS_THAN": (0.8, 1.0),
    "EQUAL_OR_LESS": (0.0, 1.0),
}
#: How far apart two durations in different units may be and still be one ("a year",
#: "12 months", "52 weeks").
_CONVERSION = 0.005
#: Units that are measures, not counted nouns: a bare number is never one of them.
_MEASURE_UNITS = frozenset({"%", "score", "duration"})


#: The unit of every count of people in general ("40 people", "45 residents").
_PERSON_UNIT = "person"


def _amounts(claim: Claim, lexicon: Lexicon) -> list[_Amount]:
    persons = _lemma_stems(lexicon, lexicon.person_nouns)
    spans = [(q.span.start, q.span.end) for q in claim.quantities]
    spans += [(t.span.start, t.span.end) for t in claim.times]
    found = [
        _Amount(
            q.text,
            q.span.start,
            q.span.end,
            q.low,
            q.high,
            _PERSON_UNIT if q.unit in persons else q.unit,
            frozenset(
                _words_near(
                    claim, q.span.start, q.span.end, lexicon, window=_NUMBER_WINDOW, stops=spans
                )
                - {q.unit}
            ),
        )
        for q in claim.quantities
    ]
    for t in claim.times:
        m = _DURATION.fullmatch(t.value) if t.type == "DURATION" else None
        if m is None:
            continue
        days = float(m.group(2)) * (_TIME_DAYS if m.group(1) else _DAYS)[m.group(3)]
        # Units convert with average lengths (a month is 30.44 days), so "a year" and
        # "12 months" differ by a rounding that no writer means.
        lo, hi = _MODS.get(t.mod or "", (1 - _CONVERSION, 1 + _CONVERSION))
        context = _words_near(
            claim, t.span.start, t.span.end, lexicon, window=_NUMBER_WINDOW, stops=spans
        )
        found.append(
            _Amount(
                t.text,
                t.span.start,
                t.span.end,
                days * lo,
                days * hi,
                "duration",
                frozenset(context),
            )
        )
    return found


def _is_measure(unit: str) -> bool:
    return unit in _MEASURE_UNITS or unit.startswith("#") or unit[:1].isupper()


def _affinity(x: _Amount, y: _Amount) -> int:
    """Return how surely two numbers state the same thing (0: not comparable).

    The same unit counts 1; each shared word around them counts 2, so that "12 killed"
    meets "killing 12" before it meets "40 people injured".
    """
    shared = 2 * len(x.context & y.context)
    if x.unit and y.unit:
        return 1 + shared if x.unit == y.unit else 0
    unit = x.unit or y.unit
    if unit and _is_measure(unit):
        return 0
    return shared


def _fits(x: _Amount, y: _Amount) -> bool:
    """Return whether two numbers' ranges meet: "$2.0 billion" and "$2.1 billion" only touch."""
    if x.low == x.high or y.low == y.high:
        return x.low <= y.high and y.low <= x.high
    # A bound meets the other at its stated number: "as many as 29" and "at least 29".
    if (x.high == y.low or y.high == x.low) and _is_bound(x) and _is_bound(y):
        return True
    # Rounding ranges are half-open: 2.0 covers [1.95, 2.05) and 2.1 covers [2.05, 2.15).
    return x.low < y.high and y.low < x.high


def _is_bound(x: _Amount) -> bool:
    """Return whether a range is open on one side ("at least 29", "up to 40")."""
    return x.low == 0 or math.isinf(x.high)


def check_numeric(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag different quantities of the same thing that no rounding or hedge reconciles."""
    xs, ys = _amounts(a, ctx.lexicon), _amounts(b, ctx.lexicon)
    if not xs or not ys or _about_different_names(a, b, ctx.lexicon):
        return None
    score = {(i, j): _affinity(x, y) for i, x in enumerate(xs) for j, y in enumerate(ys)}
    best_x = {i: _argmax(score[i, j] for j in range(len(ys))) for i in range(len(xs))}
    best_y = {j: _argmax(score[i, j] for i in range(len(xs))) for j in range(len(ys))}
    for i, x in enumerate(xs):
        for j in best_x[i]:
            y = ys[j]
            if i not in best_y[j]:
                continue
            if any(_fits(x, ys[k]) for k in best_x[i]) or any(_fits(xs[k], y) for k in best_y[j]):
                continue
            if _restated(y, xs) or _restated(x, ys):
                continue  # the other claim states this very number too, of the same unit
            if not x.context & y.context:
                continue  # the same unit of different things ("his 11 seasons", "her 19 seasons")
            hx, hy = _holder(a, x.end), _holder(b, y.end)
            if hx is not None and hy is not None and not _same_entity(hx, hy, ctx.lexicon):
                continue  # "the 36-year-old Rahman" / "the 32-year-old Klitschko"
            return Hit(
                "numeric",
                f"{a.source} says {x.text!r} but {b.source} says {y.text!r}; "
                "the two numbers cannot both be right.",
                SEVERITY["numeric"],
                f"{x.text} / {y.text}",
            )
    return None


def _restated(x: _Amount, others: Sequence[_Amount]) -> bool:
    """Return whether the other claim states exactly this number too ("55.3 million").

    A bare number ("compared with 55.3 million a decade ago") counts for any unit.
    """
    return any(
        (o.unit == x.unit or not o.unit or not x.unit) and o.low == x.low and o.high == x.high
        for o in others
    )


def _holder(claim: Claim, end: int) -> Entity | None:
    """Return the name a number qualifies right after it ("the 36-year-old Rahman")."""
    base = claim.span.start
    pos = end - base
    for w in tokens(claim.text, pos):
        if claim.text[pos : w.start].strip(" -"):
            return None  # punctuation or a word between: the number is not its attribute
        if all(part in _AGE_WORDS for part in w.lower.split("-") if part):
            pos = w.end
            continue
        return next(
            (e for e in claim.entities if e.kind == "name" and e.span.start == w.start + base),
            None,
        )
    return None


#: Words between a number and the name it qualifies: "36-year-old Rahman".
_AGE_WORDS = frozenset({"year", "years", "old", "month", "months"})


def _about_different_names(a: Claim, b: Claim, lexicon: Lexicon) -> bool:
    """Return whether each claim names someone the other does not ("Cheeks" / "DiLeo").

    Their numbers are then about different subjects; a name changed in the same role
    is the entity check's to report.
    """
    names_a = [e for e in a.entities if e.kind == "name"]
    names_b = [e for e in b.entities if e.kind == "name"]
    return any(not any(_same_entity(e, f, lexicon) for f in b.entities) for e in names_a) and any(
        not any(_same_entity(e, f, lexicon) for f in a.entities) for e in names_b
    )


def _argmax(values: Iterable[int]) -> list[int]:
    scored = list(values)
    top = max(scored, default=0)
    return [k for k, v in enumerate(scored) if v == top] if top > 0 else []


# ---------------------------------------------------------------------------
# Framing

_PRONOUN_POSSESSORS = frozenset({"my", "our", "his", "her", "its", "their", "your"})


def _heads_match(x: str, y: str) -> bool:
    """Return whether two ranked nouns are the same thing, perhaps qualified otherwise.

    "stadium" ~ "stadium built" (one is the start of the other), and "private
    spacecraft" ~ "American spacecraft" (the same noun; the modifiers are a scope).
    """
    sx, sy = [stem(w) for w in x.split()], [stem(w) for w in y.split()]
    short, long = (sx, sy) if len(sx) <= len(sy) else (sy, sx)
    return long[: len(short)] == short or (bool(sx) and bool(sy) and sx[-1] == sy[-1])


def _modifiers(head: str, other: str) -> set[str]:
    """Return the words of a ranked noun phrase that the other one lacks ("private")."""
    theirs = {stem(w) for w in other.split()}
    return {stem(w) for w in head.split()} - theirs


def _scope_terms(claim: Claim, ordinal: Ordinal, lexicon: Lexicon) -> set[str]:
    """Return the content stems that qualify a rank: its possessor and its phrases.

    A single day in the scope ("on Friday") dates the event rather than limiting the
    rank; a pronoun possessor ("my", "his") names the speaker's subject, the same in
    any wording.
    """
    days = [
        t.span for t in claim.times if t.interval is not None and t.interval[0] == t.interval[1]
    ]
    parts = ordinal.scope.split("; ") if ordinal.scope else []
    possessor = parts[0] if len(parts) == 2 or (parts and ordinal.scope_span is None) else ""
    words = [w.lower for w in tokens(possessor)]
    if ordinal.scope_span is not None:
        base = claim.span.start
        words += [
            w.lower
            for w in tokens(claim.text)
            if ordinal.scope_span.start <= w.start + base
            and w.end + base <= ordinal.scope_span.end
            and not any(d.start <= w.start + base < d.end for d in days)
        ]
    return {stem(w) for w in words if w not in lexicon.stopwords and w not in _PRONOUN_POSSESSORS}


def _claim_stems(claim: Claim) -> set[str]:
    return {stem(w.lower) for w in tokens(claim.text)}


def _rank_hedge(claim: Claim, ordinal: Ordinal, lexicon: Lexicon) -> str:
    """Return the hedge just before a rank ("one of the", "probably"), or ""."""
    head = claim.text[: ordinal.span.start - claim.span.start]
    head = re.split(r"[,;:()“”\"]", head)[-1].lower()
    words = [w.lower for w in tokens(head)]
    # A possessor belongs to the rank's scope, not before it: "considered to be the
    # nation's oldest" is hedged as "considered to be the oldest" is.
    while words and (words[-1].endswith(("'s", "’s")) or words[-1] in _PRONOUN_POSSESSORS):
        words.pop()
    words = words[-6:]
    tail = " ".join(words)
    for phrase in lexicon.rank_hedges:
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?: the| its| their| a| an)?$", tail):
            return phrase
        if " " not in phrase and phrase in words[-4:]:
            return phrase
    return ""


def check_framing(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag the same rank of the same noun hedged on one side, or under another scope."""
    lex = ctx.lexicon
    for oa in a.ordinals:
        for ob in b.ordinals:
            if oa.word != ob.word or not _heads_match(oa.head, ob.head):
                continue
            if (
                oa.word in lex.ordinal_words
                and oa.head.split()[-1:]
                and (oa.head.split()[-1] in lex.sequence_nouns)
            ):
                continue  # "the seventh round", "the first day": a position, not a rank
            if bool(oa.head) != bool(ob.head):
                continue
            what = f"{oa.word} {oa.head}".strip()
            hedge_a, hedge_b = _rank_hedge(a, oa, lex), _rank_hedge(b, ob, lex)
            if bool(hedge_a) != bool(hedge_b):
                (hedged, h, oh), (plain, op) = (
                    ((a, hedge_a, oa), (b, ob)) if hedge_a else ((b, hedge_b, ob), (a, oa))
                )
                if _has_phrase(plain.text[: op.span.start - plain.span.start], (h,)):
                    continue  # "considered to be X and the third oldest": one hedge for both
                return Hit(
                    "framing",
                    f"{plain.source} calls it the {what} ({op.text!r}) but {hedged.source} "
                    f"hedges it with {h!r} ({h} ... {oh.text!r}).",
                    SEVERITY["framing"],
                    f"hedge {h}",
                )
            sa = _scope_terms(a, oa, lex) | _modifiers(oa.head, ob.head)
            sb = _scope_terms(b, ob, lex) | _modifiers(ob.head, oa.head)
            if not sa or not sb:
                continue  # an unqualified rank is less specific, not contradicted
            known_a, known_b = _claim_stems(a), _claim_stems(b)
            extra_a = {t for t in sa if not any(entity_keys_match(t, u) for u in sb | known_b)}
            extra_b = {t for t in sb if not any(entity_keys_match(t, u) for u in sa | known_a)}
            if not extra_a and not extra_b:
                continue
            if not (extra_a and extra_b) and _adds_detail(oa if extra_a else ob, extra_a | extra_b):
                continue  # one side only adds a detail ("with 46 wins by knockout")
            who_a = f" ({_speaker_words(a.attribution)})" if a.attribution else ""
            who_b = f" ({_speaker_words(b.attribution)})" if b.attribution else ""
            return Hit(
                "framing",
                f"Both call it the {what}, but {a.source}{who_a} scopes it "
                f"{_scope_words(oa.scope)} and {b.source}{who_b} {_scope_words(ob.scope)}; "
                "these are not the same claim.",
                SEVERITY["framing"],
                f"{oa.text} / {ob.text}",
            )
    return None


def _adds_detail(ordinal: Ordinal, extra: set[str]) -> bool:
    """Return whether scope words only one side has all come after a detail marker.

    "his record to 52-3 with a remarkable 46 wins by knockout" tells more about the
    record; "the only candidate from the ruling party" tells which only it is.
    """
    scope = ordinal.scope.replace("; ", " ")
    m = _DETAIL_MARKER.search(scope)
    if m is None:
        return False
    detail = {stem(w.lower) for w in tokens(scope[m.end() :])}
    return extra <= detail


#: Words after which a rank's phrase adds detail rather than scope.
_DETAIL_MARKER = re.compile(r"\b(?:with|including|despite|amid|thanks to)\b", re.IGNORECASE)


def _scope_words(scope: str) -> str:
    return repr(scope.replace("; ", " ... ")) if scope else "without any qualifier"


def _speaker_words(attribution: Attribution) -> str:
    how = {"quote": "quoting", "according to": "according to"}.get(attribution.how, "attributed to")
    return f"{how} {attribution.speaker}"


# ---------------------------------------------------------------------------
# Attribution


def _speaker_keys(att: Attribution, ctx: _Context) -> set[str]:
    """Return the keys a speaker may go by: its own, and the names holding its title."""
    keys = {att.key}
    words = [w.lower() for w in att.speaker.split() if w.lower() not in ctx.lexicon.stopwords]
    if words and not any(w[:1].isupper() for w in att.speaker.split()[-1:]):
        for table in ctx.roles.values():
            keys.update(table.get(words[-1], ()))
    return keys


def _same_speaker(x: Attribution, y: Attribution, a: Claim, b: Claim, ctx: _Context) -> bool:
    kx, ky = _speaker_keys(x, ctx), _speaker_keys(y, ctx)
    if any(entity_keys_match(p, q) for p in kx for q in ky):
        return True
    # A bare title ("said Secretary") may be whoever holds it: it contradicts a name,
    # though not another title ("the mayor" is not "the governor").
    for title, other in ((x, y), (y, x)):
        if _is_bare_title(title, ctx.lexicon) and _is_named(other, ctx.lexicon):
            return True
    # "the company" may be any company its own article names: "Brightwater" in the other.
    for desc, named, desc_claim in ((x, y, a), (y, x, b)):
        # Only a bare name ("Brightwater"), not a titled person ("Crisply's chief executive").
        if _is_description(desc) and all(w[:1].isupper() for w in named.speaker.split()):
            doc = ctx.documents[desc_claim.source]
            names = {e.key for c in doc.claims for e in c.entities if e.kind == "name"}
            if any(entity_keys_match(k, n) for k in _speaker_keys(named, ctx) for n in names):
                return True
    # "the union" and "union leader Carlos Allendes", "the company" and "a company
    # spokeswoman": the person speaks for the body the description names.
    for desc, other in ((x, y), (y, x)):
        if _is_description(desc):
            head = desc.speaker.split()[-1].lower()
            if head in {w.lower() for w in other.speaker.split() if not w[:1].isupper()}:
                return True
    # "police" and "the regional police chief": one names the other.
    return fuzz.token_set_ratio(x.speaker.lower(), y.speaker.lower()) >= 80


def _is_bare_title(att: Attribution, lexicon: Lexicon) -> bool:
    titles = {t.rstrip(".") for t in lexicon.titles}
    words = [w.lower().rstrip(".") for w in att.speaker.split()]
    return all(w in titles or w in lexicon.stopwords for w in words)


def _is_named(att: Attribution, lexicon: Lexicon) -> bool:
    """Return whether a speaker has a proper name ("Kempthorne", "police chief Sara Lind")."""
    titles = {t.rstrip(".") for t in lexicon.titles}
    return any(
        w[:1].isupper() and w.lower().rstrip(".") not in titles | lexicon.stopwords
        for w in att.speaker.split()
    )


def _is_description(att: Attribution) -> bool:
    """Return whether a speaker is "the" and common nouns ("the company", "the ministry")."""
    words = att.speaker.split()
    return (
        len(words) >= 2
        and words[0].lower() == "the"
        and not any(w[:1].isupper() for w in words[1:])
    )


def _is_generic(att: Attribution, lexicon: Lexicon) -> bool:
    """Return whether a speaker names no one in particular ("officials", "police")."""
    words = att.speaker.split()
    if any(w[:1].isupper() for w in words[1:]) or (
        words and words[0][:1].isupper() and words[0].lower() not in lexicon.stopwords
    ):
        return False
    head = words[-1].lower() if words else ""
    return head in lexicon.generic_speakers or (head.endswith("s") and not head.endswith("ss"))


def _speaker_acts(att: Attribution, claim: Claim, ctx: _Context) -> bool:
    """Return whether the speaker is an actor of the fact ("Lumen said it would close ...")."""
    keys = _speaker_keys(att, ctx)
    if any(entity_keys_match(k, e.key) for k in keys for e in claim.entities):
        return True
    heads = {stem(w) for w in att.speaker.split()[-1:]}
    return bool(heads & set(claim.terms))


_QUOTE_MARKS = '"“”‘’«»'


def _says_someone_said(claim: Claim, lexicon: Lexicon) -> bool:
    """Return whether a claim is a quotation or reports speech, whoever the speaker is."""
    text = claim.text.strip()
    if claim.is_quote or text[:1] in _QUOTE_MARKS:
        return True
    words = {w.lower for w in tokens(text)}
    return bool(words & lexicon.reporting_verbs) or _has_phrase(
        text, (p for p in lexicon.according_to if p != "per")
    )


def _said_terms(claim: Claim) -> set[str]:
    """Return the claim's terms outside its attribution ("..., the owner claimed")."""
    att = claim.attribution
    if att is None:
        return set(claim.terms)
    named = {stem(w.lower) for w in tokens(att.text)}
    return {t for t in claim.terms if t not in named}


#: Two claims state the same thing when at least half their terms are shared (Dice
#: coefficient) and at least two are: a fact, not a word of it ("I've done it").
_SAME_STATEMENT = 0.5


def _same_statement(x: set[str], y: set[str]) -> bool:
    shared = len(x & y)
    return shared >= 2 and 2 * shared / (len(x) + len(y)) >= _SAME_STATEMENT


def check_attribution(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag a statement given to different speakers, or a fact that the other source attributes."""
    aa, ab = a.attribution, b.attribution
    if aa is None and ab is None:
        return None
    # Who said it matters only when both say the same thing, not two facts of one story.
    if not _same_statement(_said_terms(a), _said_terms(b)):
        return None
    if aa is None or ab is None:
        said, plain = (a, b) if aa is not None else (b, a)
        att = said.attribution
        assert att is not None
        if (
            plain.modality == "hedged"
            or _speaker_acts(att, plain, ctx)
            or _says_someone_said(plain, ctx.lexicon)
            or att.speaker.lower() in ctx.lexicon.news_agencies
        ):
            return None  # a wire service ("dpa reported") is a channel, not a claimant
        return Hit(
            "attribution",
            f"{plain.source} states this as fact; {said.source} attributes it to "
            f"{att.speaker} ({att.text.strip()!r}).",
            "low",
            f"fact / {att.speaker}",
        )
    if _same_speaker(aa, ab, a, b, ctx):
        return None
    is_quote = a.is_quote or b.is_quote or "quote" in (aa.how, ab.how)
    if not is_quote and (_is_generic(aa, ctx.lexicon) or _is_generic(ab, ctx.lexicon)):
        return None
    return Hit(
        "attribution",
        f"{a.source} gives this to {aa.speaker} ({aa.text.strip()!r}) but {b.source} to "
        f"{ab.speaker} ({ab.text.strip()!r}).",
        SEVERITY["attribution"],
        f"{aa.speaker} / {ab.speaker}",
    )


# ---------------------------------------------------------------------------
# Status

_PLANNED = frozenset({"planned", "expected"})


def _event_day(claim: Claim, ctx: _Context) -> date | None:
    """Return the last day of the event a claim dates, or its publication date."""
    times = _event_times(claim, ctx.lexicon)
    if len(times) == 1 and times[0].interval is not None:
        return times[0].interval[1]
    return ctx.published(claim)


#: Words after a negation in which to find what it denies: its first content word
#: ("did not close", "has not yet voted").
_NEGATED_WINDOW = 4


def _negates_shared(neg: Claim, pos: Claim, lexicon: Lexicon) -> bool:
    """Return whether the negation denies something the other claim affirms.

    A negation denies the first content word after it; when that word is not in the
    other claim, the two sentences negate and affirm different things ("he did not
    know why" in one, "the officers took the bomb inside" in the other).
    """
    words = tokens(neg.text)
    others = set(pos.terms) | {
        stem(lexicon.irregular_lemmas.get(w.lower, w.lower)) for w in tokens(pos.text)
    }
    for i, w in enumerate(words):
        low = w.lower
        if low in lexicon.negations - {"without", "no", "none"} or low.endswith(("n't", "n’t")):
            denied = [
                stem(lexicon.irregular_lemmas.get(v.lower, v.lower))
                for v in words[i + 1 : i + 1 + _NEGATED_WINDOW]
                if v.lower not in lexicon.stopwords
            ]
            if denied[:1] and denied[0] in others:
                return True
    return False


def _has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """Return whether ``text`` has one of these phrases as whole words (case aside)."""
    low = text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", low) for p in phrases)


def _mentions(claim: Claim, phrases: Iterable[str]) -> bool:
    """Return whether a claim has one of these phrases as whole words (case aside)."""
    return _has_phrase(claim.text, phrases)


def _is_pending(claim: Claim, lexicon: Lexicon) -> bool:
    return _mentions(claim, lexicon.pending_negations)


#: A report that still calls a thing planned this long after it was done is not stale
#: news of it but speaks of another occurrence (the next ceremony, a second attempt).
_STALE_DAYS = 31


def _says_recurrence(claim: Claim, lexicon: Lexicon) -> bool:
    """Return whether a claim marks another occurrence ("again", "previously", "used to")."""
    return _mentions(claim, lexicon.recurrence_markers)


def _dated_after(claim: Claim, day: date) -> bool:
    """Return whether a claim dates what it says after ``day`` (a plan for a later date)."""
    return any(t.interval is not None and t.interval[0] > day for t in claim.times)


def _reports_done(claim: Claim, actions: set[str], lexicon: Lexicon) -> bool:
    """Return whether a claim puts one of these actions in the past ("was fired")."""
    words = tokens(claim.text)
    for i, w in enumerate(words):
        low = w.lower
        if not is_past_form(low, lexicon):
            continue
        if stem(lexicon.irregular_lemmas.get(low, low)) not in actions:
            continue
        if i == 0 or words[i - 1].lower not in {"to", "will", "would", "be"}:
            return True
    return False


def check_status(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag plan-versus-done that publication dates do not explain, or a negated fact."""
    if (
        a.is_negated != b.is_negated
        and _same_statement(set(a.terms), set(b.terms))
        and _negates_shared(*((a, b) if a.is_negated else (b, a)), ctx.lexicon)
    ):
        neg, pos = (a, b) if a.is_negated else (b, a)
        if _mentions(pos, ctx.lexicon.implicit_negatives):
            return None  # "without the death penalty", "failed to meet": a denial in other words
        told, happened = ctx.published(neg), _event_day(pos, ctx)
        pending = _is_pending(neg, ctx.lexicon)
        if pending and pos.modality in _PLANNED:
            return None  # "has not yet taken effect" and "will take effect" agree
        if pending and told is not None and happened is not None and told < happened:
            return None  # "not yet" told before the day it happened
        return Hit(
            "status",
            f"{neg.source} says this did not happen; {pos.source} says it did.",
            SEVERITY["status"],
            "negated / affirmed",
        )
    # Planned and done are of one thing when both state its action, or most of their words.
    if not _same_action(a, b, ctx.lexicon):
        return None
    shared_actions = _shared_actions(a, b, ctx.lexicon)
    for plan, done in ((a, b), (b, a)):
        if plan.modality in _PLANNED and done.modality == "done":
            if _reports_done(plan, shared_actions, ctx.lexicon):
                continue  # "X was fired today, and Y will take over": the firing is done
            if _says_recurrence(plan, ctx.lexicon) or _says_recurrence(done, ctx.lexicon):
                continue  # "will be required again" / "previously required": two occurrences
            told, happened = ctx.published(plan), _event_day(done, ctx)
            if told is None or happened is None or told <= happened:
                continue  # a plan told before (or as) it happened is compatible with its report
            if (told - happened).days > _STALE_DAYS or _dated_after(plan, told):
                continue  # the plan is of another occurrence ("will host again next year")
            return Hit(
                "status",
                f"{plan.source} (published {told}) still reports this as {plan.modality}, "
                f"but {done.source} reports it done ({happened}).",
                SEVERITY["status"],
                f"{plan.modality} / done",
            )
    return None


# ---------------------------------------------------------------------------
# Entity


def _slots(claim: Claim, entity: Entity, lexicon: Lexicon) -> set[tuple[str, str]]:
    """Return the roles a name fills in a claim: its title, its preposition, its verb."""
    slots: set[tuple[str, str]] = set()
    if entity.role:
        slots.add(("title", entity.role.split()[-1]))
    words = tokens(claim.text)
    base = claim.span.start
    before = [w for w in words if w.end + base <= entity.span.start]
    after = [w for w in words if w.start + base >= entity.span.end]
    if before and claim.text[before[-1].end : entity.span.start - base].strip() == "":
        prev = before[-1].lower
        if prev in lexicon.place_prepositions:
            slots.add(("after", prev))
        elif prev in lexicon.role_prepositions and len(before) > 1:
            # "bought by X", "moved to X": the word the preposition hangs on is part
            # of the role ("a biography by X" is not "initiated by Y").
            head = before[-2].lower
            slots.add(("after", f"{stem(lexicon.irregular_lemmas.get(head, head))} {prev}"))
        elif prev.rstrip(".") in lexicon.titles and not before[-1].is_capitalized:
            slots.add(("title", prev.rstrip(".")))
    governed = bool(before) and before[-1].lower in (
        lexicon.role_prepositions | lexicon.containment_prepositions | lexicon.scope_words
    )
    if not governed and after and claim.text[entity.span.end - base : after[0].start].strip() == "":
        nxt = after[0]
        # A verb in the past ("scored", "agreed", "won"); "courthouse" after
        # "Fulton County" is a noun the name modifies, not its verb.
        # Speakers ("Doyle told the court") are the attribution check's to compare.
        is_verb = nxt.lower not in lexicon.reporting_verbs and (
            nxt.lower in lexicon.irregular_past or (nxt.lower.endswith("ed") and len(nxt.lower) > 3)
        )
        if not nxt.is_capitalized and is_verb and nxt.lower not in lexicon.light_verbs:
            slots.add(("subject of", stem(lexicon.irregular_lemmas.get(nxt.lower, nxt.lower))))
    return slots


def _name_words(entity: Entity, lexicon: Lexicon) -> set[str]:
    titles = {t.rstrip(".") for t in lexicon.titles}
    return {
        stem(w)
        for w in entity.text.split()
        if w.lower().rstrip(".") not in titles and w.lower() not in lexicon.stopwords
    }


def _same_entity(x: Entity, y: Entity, lexicon: Lexicon) -> bool:
    """Return whether two mentions may name one entity.

    Their keys must match, and, for two names, the words of one must be among the
    other's: "Victor Hale" ~ "Hale", but "Mill Park" is not "Kingsway Park" although
    both are keyed by their last word. Two spellings of one name ("O'Neill's" /
    "ONeills") are one name, and so is a name of two words or more and its longer form
    ("Hamilton Central Elementary" / "... Elementary School"), whatever their keys.
    """
    both_names = x.kind == "name" and y.kind == "name"
    if both_names and (_spelled_alike(x.text, y.text) or _is_acronym_of(x.text, y.text)):
        return True
    wx, wy = _name_words(x, lexicon), _name_words(y, lexicon)
    if not entity_keys_match(x.key, y.key):
        # "Judge James" / "Judge James Bodiford": one name's words all in the other's.
        return both_names and bool(wx) and bool(wy) and _words_within(wx, wy)
    if not both_names:
        return True
    return not wx or not wy or _words_within(wx, wy)


def _words_within(wx: set[str], wy: set[str]) -> bool:
    """Return whether every word of one name is a word of the other, or its short form.

    "Tim Muris" is within "Timothy Muris": a first name may be shortened to its start.
    """
    small, large = sorted((wx, wy), key=len)
    return all(
        w in large
        or any(min(len(w), len(v)) >= 3 and (v.startswith(w) or w.startswith(v)) for v in large)
        for w in small
    )


#: rapidfuzz ratio (0-100) from which two letter sequences are one name's spellings:
#: one or two letters differ in a name of ten or more ("Hale" and "Hall" stay apart).
_SPELLING_RATIO = 90


def _spelled_alike(a: str, b: str) -> bool:
    """Return whether two names differ only in punctuation, possessive or a letter or two."""
    la, lb = _letters(a), _letters(b)
    if la == lb:
        return bool(la)
    return min(len(la), len(lb)) >= 10 and fuzz.ratio(la, lb) >= _SPELLING_RATIO


def _is_acronym_of(a: str, b: str) -> bool:
    """Return whether one name is the other's initials ("UCS", "Union of Concerned Scientists")."""
    short, long = sorted((without_possessive(a), without_possessive(b)), key=len)
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return initials == short


def _letters(name: str) -> str:
    """Return a name's letters and digits, lower-cased, without a possessive ending."""
    return "".join(ch for ch in without_possessive(name).lower() if ch.isalnum())


def _is_demonym(claim: Claim, entity: Entity, lexicon: Lexicon) -> bool:
    """Return whether a mention is a nationality word used for a person ("the Russian")."""
    word = entity.text
    if " " in word or not word.lower().endswith(lexicon.demonym_endings):
        return False
    # The words just before the mention, not the whole claim before it: a claim can
    # be a text without punctuation, with thousands of names.
    offset = entity.span.start - claim.span.start
    before = claim.text[max(0, offset - 64) : offset].rstrip()
    if len(before) < 3 and offset > 64:
        before = claim.text[:offset].rstrip()
    return before.lower().endswith("the")


def check_entity(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag two different names in the same role ("Coach X" / "Coach Y", "near X" / "near Y")."""
    lex = ctx.lexicon
    names_a = [e for e in a.entities if e.kind == "name" and not _is_demonym(a, e, lex)]
    names_b = [e for e in b.entities if e.kind == "name" and not _is_demonym(b, e, lex)]
    only_a = [e for e in names_a if not any(_same_entity(e, f, lex) for f in b.entities)]
    only_b = [e for e in names_b if not any(_same_entity(e, f, lex) for f in a.entities)]
    if compare_times(a, b) == "different":
        return None  # two occurrences ("moved to X in 1947", "moved to Y in 1957")
    for ea in only_a:
        slots_a = _slots(a, ea, lex)
        for eb in only_b:
            shared = sorted(slots_a & _slots(b, eb, lex))
            if not shared:
                continue
            kind, word = shared[0]
            role = {"title": f"as {word}", "after": f"after {word!r}"}.get(
                kind, f"as the subject of {word!r}"
            )
            return Hit(
                "entity",
                f"{a.source} names {ea.text!r} but {b.source} names {eb.text!r} in the same "
                f"role ({role}).",
                SEVERITY["entity"],
                f"{ea.text} / {eb.text}",
            )
    return None


PAIR_CHECKS: tuple[Check, ...] = (
    check_temporal,
    check_numeric,
    check_entity,
    check_framing,
    check_attribution,
    check_status,
)


def check_pair(
    a: Claim, b: Claim, documents: Sequence[Document], *, lexicon: Lexicon = ENGLISH
) -> list[tuple[Category, str]]:
    """Run every pair check on two aligned claims; return ``(category, reason)`` for each hit."""
    ctx = _Context(documents, lexicon)
    return [(hit.category, hit.message) for hit in _pair_hits(a, b, ctx)]


def _pair_hits(a: Claim, b: Claim, ctx: _Context) -> list[Hit]:
    return [hit for check in PAIR_CHECKS if (hit := check(a, b, ctx)) is not None]


# ---------------------------------------------------------------------------
# One source on its own

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
        for anchor in find_publication_anchors(claim.text):
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
    weekdays = dict(ENGLISH_TIMES.weekdays)
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


# ---------------------------------------------------------------------------
# Findings


def finding_id(
    kind: str, category: str | None, claims: Sequence[Claim], *, detail: str = ""
) -> str:
    """Return a stable id for a finding, from its kind, its claims' words and what differs.

    The id depends on the claims' sources and text (white space normalized), not on
    their offsets, so a baseline pinned on a finding survives an edit elsewhere in
    the article; ``detail`` (the values at odds) keeps two findings on the same claims
    apart.

    Examples:
        >>> from reconcile._types import Claim, Span
        >>> c = Claim("a@0-9", "a.txt", Span(0, 9), "Two died.")
        >>> finding_id("discrepancy", "numeric", [c], detail="Two / five")
        'numeric-28796fa69721'
    """
    parts = sorted(f"{c.source}\x1f{' '.join(c.text.split())}" for c in claims)
    fields = [kind, category or "", *parts]
    if detail:
        fields.append(detail)
    digest = hashlib.sha256("\x1e".join(fields).encode()).hexdigest()
    prefix = category or kind.replace("_", "-")
    return f"{prefix}-{digest[:12]}"


def _finding(
    kind: FindingKind, hit: Hit | None, claims: Sequence[Claim], message: str = ""
) -> Finding:
    return Finding(
        id=finding_id(
            kind, hit.category if hit else None, claims, detail=hit.detail if hit else ""
        ),
        kind=kind,
        category=hit.category if hit else None,
        claims=tuple(c.id for c in claims),
        message=hit.message if hit else message,
        evidence=tuple(Evidence(c.source, c.span, c.text) for c in claims),
        severity=hit.severity if hit else None,
    )


def reconcile_alignments(
    documents: Sequence[Document],
    alignments: Sequence[Alignment],
    *,
    lexicon: Lexicon = ENGLISH,
) -> tuple[Finding, ...]:
    """Turn alignment groups into findings, add each source's own inconsistencies.

    Every aligned pair of a group is checked; a group with no discrepancy is an
    agreement. Claims that align with nothing are single-source findings.
    """
    ctx = _Context(documents, lexicon)
    by_id = {c.id: c for d in documents for c in d.claims}
    findings: list[Finding] = []
    aligned: set[str] = set()
    for group in alignments:
        members = [by_id[cid] for cid in group.claims]
        aligned.update(group.claims)
        hits: list[Finding] = []
        for link in group.links:
            a, b = by_id[link.claims[0]], by_id[link.claims[1]]
            hits.extend(_finding("discrepancy", hit, (a, b)) for hit in _pair_hits(a, b, ctx))
        if hits:
            findings.extend(hits)
        else:
            names = ", ".join(sorted({c.source for c in members}))
            findings.append(
                _finding(
                    "agreement",
                    None,
                    members,
                    f"{names} state the same fact (match probability {group.score:.2f}).",
                )
            )
    for doc in documents:
        findings.extend(check_document(doc, lexicon=lexicon))
        findings.extend(
            _finding("single_source", None, (claim,), f"Only {claim.source} says this.")
            for claim in doc.claims
            if claim.id not in aligned
        )
    unique = {f.id: f for f in findings}
    return tuple(sorted(unique.values(), key=_finding_order))


_KIND_ORDER = {"discrepancy": 0, "agreement": 1, "single_source": 2}


def _finding_order(f: Finding) -> tuple[int, str, tuple[str, ...], str]:
    return (_KIND_ORDER[f.kind], f.category or "", f.claims, f.id)
