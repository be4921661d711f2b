"""Per-claim readers: the values a claim states, and the slots they fill.

A claim's *values* are its numbers, its dates and its names. Each value fills a
*slot*: the words that say what it is the value of ("killed <number>", "<name>
scored", "closed on <date>"). Two claims that fill the same slot with values that
cannot both hold contradict each other, whatever else either says.

The slots of two claims are found together: each claim is read as its content
words (lemma stems, synonyms mapped to one word of their group) with every value
replaced by a placeholder of its kind, and the two sequences are aligned
(:class:`difflib.SequenceMatcher`). A placeholder that the alignment pairs with a
placeholder of the other claim, with content words aligned next to it on its
sides, fills the same slot as the value it is paired with. The alignment stands
for the structure of the two sentences: "police arrested <name> on <date>" and
"<name> was arrested by police <date>" pair both values because their anchors
("arrest", "police") align around them.
"""

from __future__ import annotations

import difflib
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from attrs import frozen

from reconcile._text import Token, stem, tokens
from reconcile.checks._synonyms import synonym_table
from reconcile.model import Entity, Quantity, Span, TimeMention
from reconcile.morphology import lemma
from reconcile.timex import duration_days as timex_duration_days

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from reconcile.lexicon import Lexicon
    from reconcile.model import Claim

ValueKind = Literal["number", "time", "duration", "name"]


@frozen
class Value:
    """A number, date, duration or name of a claim, with where it is."""

    kind: ValueKind
    start: int
    end: int
    text: str
    item: Quantity | TimeMention | Entity


@frozen
class SlotPair:
    """Two values of two claims that fill the same slot, and the words that anchor it."""

    x: Value
    y: Value
    anchors: tuple[str, ...]


#: How many content words on each side of a value may anchor its slot.
_ANCHOR_WINDOW = 2
#: How many aligned words a slot needs around it, when the claims have that many.
_MIN_ANCHORS = 2
#: The share of two claims' words and placeholders that must align (difflib's ratio)
#: for them to read as one statement whose slots can be compared.
_SAME_WORDING = 0.5


def claim_values(claim: Claim) -> list[Value]:
    """Return a claim's values in text order, no two overlapping.

    Durations are times of their own kind ("4 1/2 hours"); a number inside a date or a
    duration is the date's ("June 13", "12 years"), and a name inside a date ("May")
    is the date's too.
    """
    found: list[Value] = []
    for t in claim.times:
        kind: ValueKind = "duration" if t.type == "DURATION" else "time"
        if t.type in ("DATE", "TIME", "DURATION"):
            found.append(Value(kind, t.span.start, t.span.end, t.text, t))
    found.extend(
        Value("duration" if q.unit in _UNIT_DAYS else "number", q.span.start, q.span.end, q.text, q)
        for q in claim.quantities
    )
    found.extend(
        Value("name", e.span.start, e.span.end, e.text, e)
        for e in claim.entities
        if e.kind == "name"
    )
    order = {"time": 0, "duration": 0, "number": 1, "name": 2}
    kept: list[Value] = []
    for v in sorted(found, key=lambda v: (order[v.kind], v.start, -v.end)):
        if not any(v.start < k.end and k.start < v.end for k in kept):
            kept.append(v)
    return sorted(kept, key=lambda v: v.start)


#: Days in a time unit, by the stem a quantity's unit has ("4 ½ hours" -> "hour"): the
#: lengths of the TIMEX3 durations, so "4 months" and "P4M" are one length.
_UNIT_DAYS = {
    stem: timex_duration_days(value) or 0.0
    for stem, value in (
        ("second", "PT1S"),
        ("minut", "PT1M"),
        ("hour", "PT1H"),
        ("day", "P1D"),
        ("week", "P1W"),
        ("month", "P1M"),
        ("year", "P1Y"),
        ("decad", "P1DE"),
    )
}


def duration_days(value: Value) -> tuple[float, float] | None:
    """Return the range in days of a duration value, a time span or a count of time units.

    "4 1/2 hours" (a time expression) and "4 ½ hours" (a number of hours) are both
    0.1875 days; "more than 12 years" is from 4383 days up.
    """
    item = value.item
    if isinstance(item, Quantity):
        per = _UNIT_DAYS.get(item.unit)
        return None if per is None else (item.low * per, item.high * per)
    if isinstance(item, TimeMention):
        days = timex_duration_days(item.value)
        if days is None or item.mod:
            return None
        return days, days
    return None


def _lemma(lexicon: Lexicon, word: str) -> str:
    lower = word.lower()
    return stem(lemma(lower))


@frozen
class _Item:
    """One position of a claim's sequence: a content word or a value's placeholder."""

    token: str
    value: int  # the value's index, or -1 for a word
    word: Token | None = None  # the word itself, for a word


def _sequence(claim: Claim, values: Sequence[Value], lexicon: Lexicon) -> list[_Item]:
    """Return a claim's content words and value placeholders in text order.

    Words are lemma stems mapped through the synonym table; a value is one token
    ``<kind>``.
    """
    base = claim.span.start
    synonyms = synonym_table(lexicon)
    out: list[_Item] = []
    k = 0
    for w in tokens(claim.text):
        start, end = w.start + base, w.end + base
        while k < len(values) and values[k].end <= start:
            k += 1
        if k < len(values) and values[k].start < end:
            if not out or out[-1].value != k:
                out.append(_Item(f"<{values[k].kind}>", k))
            continue
        if w.lower in lexicon.stopwords:
            continue
        word = _lemma(lexicon, w.lower)
        out.append(_Item(synonyms.get(word, word), -1, w))
    seen = {item.value for item in out}
    out.extend(_Item(f"<{values[j].kind}>", j) for j in range(len(values)) if j not in seen)
    return out


def slot_pairs(
    a: Claim, b: Claim, lexicon: Lexicon, common: frozenset[str] = frozenset()
) -> list[SlotPair]:
    """Return the values of two claims that the alignment of their words puts in one slot.

    The two claims must be worded alike: at least half their words and placeholders
    aligned. A pair needs two aligned content words around it (one in a claim of
    two words), an aligned content word among the two nearest words on one side of
    it (other values skipped), and, where both claims have words on the other side,
    one there too: a value between two anchors, or at the start or end of both.

    A capitalized word that the alignment pairs with a name of the other claim
    ("Isaacs died" / "Page died"), or with another capitalized word ("Lindqvist will
    lead" / "Moreau will lead"), is read as a name too: the first word of a sentence
    is a name only when something says so, and the other claim's name, or the
    parallel wording, says so. ``common`` are words the documents write in lower case.
    """
    va, vb = claim_values(a), claim_values(b)
    if not va and not vb:
        return []
    sa, sb = _sequence(a, va, lexicon), _sequence(b, vb, lexicon)
    matcher = difflib.SequenceMatcher(
        None, [t.token for t in sa], [t.token for t in sb], autojunk=False
    )
    if matcher.ratio() < _SAME_WORDING:
        return []  # two statements that share a word or two, not one statement twice
    mapped: dict[int, int] = {}
    named: set[int] = set()  # positions of capitalized words read as names
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            mapped.update({i1 + d: j1 + d for d in range(i2 - i1)})
        elif (
            tag == "replace"
            and i2 - i1 == j2 - j1 == 1
            and _name_for_word(
                sa[i1], sb[j1], lexicon, common | lower_words(a.text) | lower_words(b.text)
            )
        ):
            mapped[i1] = j1
            named.add(i1)
    need = min(_MIN_ANCHORS, *(sum(t.value < 0 for t in seq) for seq in (sa, sb)))
    pairs: list[SlotPair] = []
    for i, j in sorted(mapped.items()):
        if sa[i].value < 0 and sb[j].value < 0 and i not in named:
            continue
        left = _anchors(sa, sb, mapped, (i, j), -1)
        right = _anchors(sa, sb, mapped, (i, j), 1)
        if len(left) + len(right) < need or not (left or right):
            continue
        left_open = _has_words(sa, i, -1) and _has_words(sb, j, -1)
        right_open = _has_words(sa, i, 1) and _has_words(sb, j, 1)
        if (left_open and not left) or (right_open and not right):
            continue
        x = va[sa[i].value] if sa[i].value >= 0 else _as_name(sa[i], a)
        y = vb[sb[j].value] if sb[j].value >= 0 else _as_name(sb[j], b)
        pairs.append(SlotPair(x, y, tuple(left + right)))
    return pairs


def _name_for_word(x: _Item, y: _Item, lexicon: Lexicon, common: frozenset[str]) -> bool:
    """Return whether two aligned items are a name and a capitalized word, or two such words.

    A word counts when it is capitalized, not an acronym, not a stop word, and written
    nowhere in lower case (``common`` holds the lower-case words of both documents):
    "Isaacs" may be a name, "Police" is not when the story also writes "police".
    """

    def could_be_name(item: _Item) -> bool:
        w = item.word
        return (
            w is not None
            and w.is_capitalized
            and not w.text.isupper()
            and w.lower not in lexicon.stopwords
            and w.lower not in common
        )

    if x.token == "<name>" or y.token == "<name>":
        return could_be_name(y if x.token == "<name>" else x)
    return could_be_name(x) and could_be_name(y) and x.token != y.token


def lower_words(text: str) -> frozenset[str]:
    """Return the words a text writes in lower case."""
    return frozenset(w.text for w in tokens(text) if w.text.islower())


def _as_name(item: _Item, claim: Claim) -> Value:
    """Return a capitalized word as a name value of its claim."""
    w = item.word
    assert w is not None
    base = claim.span.start
    entity = Entity(Span(w.start + base, w.end + base), w.text, key=stem(w.lower), kind="name")
    return Value("name", w.start + base, w.end + base, w.text, entity)


def _anchors(
    sa: Sequence[_Item], sb: Sequence[_Item], mapped: dict[int, int], at: tuple[int, int], step: int
) -> list[str]:
    """Return the aligned content words among the nearest on one side of a value pair.

    Other values between them are skipped. A word among the two nearest of one claim
    anchors when its match is among the three nearest of the other ("closed the
    bridge on Thursday" / "shut the bridge late on Wednesday"), whichever claim it is
    read from.
    """
    i, j = at
    back = {q: p for p, q in mapped.items()}
    near_a, near_b = _nearest_words(sa, i, step), _nearest_words(sb, j, step)
    wide_a = _nearest_words(sa, i, step, _ANCHOR_WINDOW + 1)
    wide_b = _nearest_words(sb, j, step, _ANCHOR_WINDOW + 1)
    from_a = [sa[p].token for p in near_a if mapped.get(p, -1) in wide_b]
    from_b = [sb[q].token for q in near_b if back.get(q, -1) in wide_a]
    return max(from_a, from_b, key=len)


def _nearest_words(
    seq: Sequence[_Item], i: int, step: int, window: int = _ANCHOR_WINDOW
) -> list[int]:
    """Return the positions of the nearest content words on one side of ``i``."""
    rng = range(i - 1, -1, -1) if step < 0 else range(i + 1, len(seq))
    return [p for p in rng if seq[p].value < 0][:window]


def _has_words(seq: Sequence[_Item], i: int, step: int) -> bool:
    """Return whether a content word lies on one side of position ``i``."""
    return bool(_nearest_words(seq, i, step))


#: Units that are measures, not counted nouns: a bare number is never one of them.
_MEASURE_UNITS = frozenset({"%", "score", "duration"})


def _is_measure(unit: str) -> bool:
    return unit in _MEASURE_UNITS or unit.startswith("#") or unit[:1].isupper()


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
