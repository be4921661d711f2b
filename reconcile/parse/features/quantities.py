"""Private: the numbers and ranks of a sentence, as news writes them.

Digits ("4.5", "52,000"), words ("four and a half"), mixed and vulgar fractions
("4 1/2", "4 ½"), scales ("$1.5 billion"), approximations ("about 40", "more than
40"), vague plurals ("dozens"), shares and fractions ("one in five", "two-thirds
of"), ranges ("between 200 and 300") and results ("2-1"). Each becomes a
:class:`~reconcile.model.Quantity` whose ``low``/``high`` are the range its wording
allows. Ordinals and superlatives ("the second-largest", "the first since 1997")
are read here too, with the noun they rank and the phrase that scopes it.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from reconcile._text import SpanSet, stem
from reconcile.model import Quantity, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.lexicon import Lexicon

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
    "half": 0.5,
}
#: The number words, as a name reader asks: "Two" in a headline is no name.
NUMBER_WORDS = frozenset(_NUMBER_WORDS)
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "k": 1e3,
    "tn": 1e12,
}
# Vague plural counts: "dozens" means 24 or more, "hundreds" 200 or more, and so on.
_VAGUE = {
    "dozens": (24, 144),
    "scores": (40, 200),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2e6, 9.99e8),
    "billions": (2e9, 9.99e11),
}
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "PKR/INR",
    "rs.": "PKR/INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "rupees": "INR/PKR",
    "yen": "JPY",
    "yuan": "CNY",
    "francs": "CHF",
}
_APPROX = {
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "nearly": "below",
    "almost": "below",
    "close to": "below",
    "just under": "below",
    "under": "below",
    "less than": "below",
    "fewer than": "below",
    "up to": "at_most",
    "as many as": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "more than": "above",
    "over": "above",
    "at least": "at_least",
    "upwards of": "above",
    "just over": "above",
    "in excess of": "above",
    "estimated": "approx",
    "an estimated": "approx",
}
#: Vulgar fractions, as written after a whole number ("4½", "4 ½").
_VULGAR_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_VULGAR = "".join(_VULGAR_VALUES)
#: How finely a scaled number with a fraction is written: "4 1/2 million" is 4.5
#: million give or take an eighth of a million, not anything from 4 to 5 million.
_FRACTION_STEP = 0.125
#: The denominators news writes fractions with ("1/2", "3/4", "5/8"); "9/11" is not one.
_FRACTION_DENOMINATORS = frozenset({2.0, 3.0, 4.0, 8.0, 16.0})
#: "and a half", "and a quarter" after a number word.
_WORD_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
#: How far above its number "more than N" reaches. A writer rounds the count down to
#: the figure it beats: "more than 1,300 scientists" are not 2,600, who would be "more
#: than 2,500". Half again the number is the reach (the mirror of "nearly", which stays
#: within a fifth below); "at least N" is a floor and stays open.
_ABOVE_REACH = 1.5
_APPROX_RE = "|".join(sorted((re.escape(k) for k in _APPROX), key=len, reverse=True))
_NUMWORD_RE = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_SCALE_RE = "hundred|thousand|million|billion|trillion|mn|bn|tn|[mbk](?![a-z])"
_QUANTITY = re.compile(
    rf"""
    (?:(?P<approx>{_APPROX_RE})\s+)?
    (?P<cur>US\$|[$€£¥₹]|Rs\.?\s?|USD\s?|EUR\s?|GBP\s?)?
    (?:
        (?P<lone>[1-9]\d?/[1-9]\d?)(?![\d/])
      | (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:(?:\s|-|(?=[{_VULGAR}]))(?P<frac>\d{{1,2}}\s?/\s?\d{{1,2}}(?!\d)|[{_VULGAR}]))?
        (?P<ord>st|nd|rd|th)?
      | (?P<vague>dozens|scores|hundreds|thousands|millions|billions)
      | (?P<word>(?:{_NUMWORD_RE})(?:[-\s](?:{_NUMWORD_RE}))?)
        (?:\s+and\s+(?:a|one)[\s-](?P<wfrac>half|quarter|third))?
    )
    (?:[\s-]?(?P<scale>{_SCALE_RE}))?
    (?P<pct>\s?%|\s(?:percent|per\ cent)\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: A hyphen and a word right after a number word ("one-year").
_COMPOUND_AFTER = re.compile(r"-([a-z]+)")


def _counts_compound(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Return whether "one" ending at ``pos`` counts the noun it is hyphenated to.

    "A one-year deal" counts its years as "a two-year deal" does; "one-on-one" and
    "one-off" join no noun.
    """
    m = _COMPOUND_AFTER.match(text, pos)
    return m is not None and m.group(1) not in lexicon.stopwords and m.group(1) not in _NUMBER_WORDS


_UNIT_WORD = re.compile(r"[\s-]+(?:of\s+)?([A-Za-z][a-z]+(?:-[a-z]+)?)")


def find_quantities(
    text: str, start: int, end: int, *, exclude: Sequence[Span] = (), lexicon: Lexicon
) -> tuple[Quantity, ...]:
    """Return the numbers of ``text[start:end]`` that are not inside ``exclude`` spans.

    ``exclude`` holds the time expressions, whose digits are dates, not counts.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "About 40 people died and $1.5 billion was lost."
        >>> for q in find_quantities(s, 0, len(s), lexicon=ENGLISH):
        ...     print(q.text, q.value, q.low, q.high, q.unit)
        About 40 40.0 36.0 44.0 peopl
        $1.5 billion 1500000000.0 1450000000.0 1550000000.0 USD
        >>> s = "One in five adults smokes, and two-thirds of them want to quit."
        >>> [(q.text, round(q.value, 1)) for q in find_quantities(s, 0, 62, lexicon=ENGLISH)]
        [('One in five', 20.0), ('two-thirds', 66.7)]
        >>> s = "A woman in her late 60s was hurt."
        >>> [(q.text, q.low, q.high, q.unit) for q in find_quantities(s, 0, 33, lexicon=ENGLISH)]
        [('late 60s', 66.0, 69.0, 'age')]
    """
    found: list[Quantity] = []
    excluded = SpanSet(exclude)
    shares = [
        q for q in _proportions(text, start, end) if not excluded.overlaps(q.span.start, q.span.end)
    ]
    taken = SpanSet([*exclude, *(q.span for q in shares)])
    found.extend(shares)
    for m in _QUANTITY.finditer(text, start, end):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_."):
            continue
        if m.end() < len(text) and text[m.end() - 1].isalnum() and text[m.end()].isalnum():
            continue
        span = Span(m.start(), m.end())
        if taken.overlaps(span.start, span.end):
            continue
        quantity = _quantity_from_match(text, m, span, lexicon)
        if quantity is not None:
            found.append(quantity)
    for m in _AGE_DECADE.finditer(text, start, end):
        span = Span(m.start(1), m.end())
        if not excluded.overlaps(span.start, span.end):
            found.append(_age_decade(m, span))
    found.sort(key=lambda q: q.span.start)
    return tuple(_join_ranges(text, found, lexicon))


# "one in five adults", "9 out of 10 voters": a share, as a percentage.
_SHARE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{_NUMWORD_RE})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<m>\d{{1,4}}|{_NUMWORD_RE})\b"
    r"(?![\s-]*(?:%|percent|per\s+cent|of\b|(?:seconds?|minutes?|hours?|days?|weeks?|months?"
    r"|years?|decades?|games?|matches|races?|starts?|attempts?|tries)\b))",
    re.IGNORECASE,
)
# "half of", "a third of", "two-thirds of the": a fraction of something, as a percentage.
_FRACTION = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|nine)[\s-]+)?"
    r"(?P<f>half|thirds?|quarters?|fifths?|tenths?)(?=\s+(?:of|the)\b)(?!\s+of\s+an?\b)",
    re.IGNORECASE,
)
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
#: A share or fraction in words is a round figure: it allows this much either way.
_SHARE_TOLERANCE = 0.1


def _proportions(text: str, start: int, end: int) -> list[Quantity]:
    """Return the shares ("one in five") and fractions ("two-thirds of") as percentages."""
    found: list[Quantity] = []
    for m in _SHARE.finditer(text, start, end):
        n, d = _small_number(m.group("n")), _small_number(m.group("m"))
        if n is not None and d is not None and 0 < n < d:
            found.append(_share(Span(m.start(), m.end()), m.group(), 100.0 * n / d))
    for m in _FRACTION.finditer(text, start, end):
        word = m.group("f").lower()
        denominator = _DENOMINATORS[word.rstrip("s")]  # the pattern names only these
        numerator = _NUMERATORS.get((m.group("n") or "").lower(), 1 if word == "half" else 0)
        if not numerator or numerator >= denominator:
            continue
        if word != "half" and m.group("n") is None:
            continue  # "the third of five sons" ranks; "a third of" shares
        span = Span(m.start(), m.end())
        if any(q.span.start < span.end and span.start < q.span.end for q in found):
            continue
        found.append(_share(span, m.group(), 100.0 * numerator / denominator))
    return found


def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return _NUMBER_WORDS.get(word.lower())


def _share(span: Span, text: str, percent: float) -> Quantity:
    low, high = percent * (1 - _SHARE_TOLERANCE), percent * (1 + _SHARE_TOLERANCE)
    return Quantity(span, text, percent, low, high, "%")


# "a man in his 70s", "in her late 60s": an age given by its decade.
_AGE_DECADE = re.compile(
    r"\b(?:in|into)\s+(?:his|her|their)\s+((?:(early|mid|late)[\s-]+)?([1-9]0)s)\b",
    re.IGNORECASE,
)
#: Where in its decade "early", "mid" and "late" put an age.
_DECADE_PART = {"early": (0.0, 3.0), "mid": (3.0, 6.0), "late": (6.0, 9.0)}


def _age_decade(m: re.Match[str], span: Span) -> Quantity:
    decade = float(m.group(3))
    lo, hi = _DECADE_PART.get((m.group(2) or "").lower(), (0.0, 9.0))
    return Quantity(span, m.group(1), decade + (lo + hi) / 2, decade + lo, decade + hi, "age")


# "between 200 and 300", "200 to 300", "200-300": two numbers that bound one quantity.
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
# "2-1", "61-38": a result or a tally, two whole numbers joined by a dash, no space.
_SCORE_JOIN = re.compile(r"[-–]")
#: A score "a-b" is one quantity of unit "score" whose value is a * SCORE_BASE + b, so
#: that equal results compare equal and any other result differs.
SCORE_BASE = 1000.0


def _join_ranges(text: str, found: list[Quantity], lexicon: Lexicon) -> list[Quantity]:
    """Merge "between X and Y" / "X to Y" / "X-Y" into one quantity, and "2-1" into a score."""
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        q = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        gap = text[q.span.end : nxt.span.start] if nxt is not None else ""
        if nxt is not None and _is_score(q, nxt, gap):
            span = Span(q.span.start, nxt.span.end)
            value = q.value * SCORE_BASE + nxt.value
            out.append(
                Quantity(
                    span,
                    span.slice(text),
                    value=value,
                    low=value,
                    high=value,
                    unit="score",
                    precision=1.0,
                )
            )
            k += 2
            continue
        joined = _RANGE_JOIN.fullmatch(gap) if nxt is not None else None
        if (
            nxt is not None
            and joined is not None
            and q.unit in ("", nxt.unit)
            and q.value < nxt.value
            and not q.unit.startswith("#")
            and (gap.strip().lower() != "and" or _RANGE_OPEN.search(text[: q.span.start]))
            and (gap.strip().lower() != "to" or nxt.unit or q.unit)
        ):
            span = Span(q.span.start, nxt.span.end)
            out.append(
                Quantity(
                    span,
                    span.slice(text),
                    value=(q.value + nxt.value) / 2,
                    low=q.low,
                    high=nxt.high,
                    unit=nxt.unit,
                    precision=max(q.precision, nxt.precision),
                )
            )
            k += 2
            continue
        out.append(q)
        k += 1
    return out


def _is_score(q: Quantity, nxt: Quantity, gap: str) -> bool:
    """Return whether two numbers form a result ("2-1"): dash-joined integers, no noun after."""
    return (
        _SCORE_JOIN.fullmatch(gap) is not None
        and not nxt.unit
        and q.text.isdigit()
        and nxt.text.isdigit()
        and q.value < SCORE_BASE
        and nxt.value < SCORE_BASE
    )


def _quantity_from_match(
    text: str, m: re.Match[str], span: Span, lexicon: Lexicon
) -> Quantity | None:
    lone = m.group("lone")
    if lone is not None:
        top, bottom = (float(part) for part in lone.split("/"))
        if not top < bottom or bottom not in _FRACTION_DENOMINATORS:
            return None  # "24/7", "9/11": not a fraction
        value = top / bottom * _SCALES.get((m.group("scale") or "").lower(), 1.0)
        unit = _unit_after(text, span.end, lexicon)
        return Quantity(span, span.slice(text), value=value, low=value, high=value, unit=unit)
    num, word, vague = m.group("num"), m.group("word"), m.group("vague")
    scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
    if m.group("scale") and len(m.group("scale")) == 1 and not (num and m.group("cur")):
        scale = 1.0  # a lone "m"/"b"/"k" is a scale only in "$5m"; "5 m" may be metres
    if num:
        value = float(num.replace(",", "")) + _fraction(m.group("frac"))
        decimals = len(num.split(".")[1]) if "." in num else 0
        # A scaled decimal is rounded to its last digit ("1.5 billion" covers 1.45-1.55 bn);
        # an exact count is exact.
        precision = 10.0**-decimals * scale if scale > 1 else 1.0
        if m.group("frac"):
            precision = _FRACTION_STEP * scale if scale > 1 else 1.0
    elif word:
        parts = re.split(r"[-\s]", word.lower())
        if (
            parts[0] in {"one", "half"}
            and scale == 1.0
            and not m.group("pct")
            and not (parts == ["one"] and _counts_compound(text, m.end(), lexicon))
        ):
            return None  # "one of the", "half the": not a count worth comparing
        value = (
            float(sum(_NUMBER_WORDS.get(p, 0) for p in parts))
            if len(parts) > 1
            else float(_NUMBER_WORDS[word.lower()])
        ) + _WORD_FRACTIONS.get((m.group("wfrac") or "").lower(), 0.0)
        precision = scale if scale > 1 else 1.0
        if m.group("wfrac"):
            precision = _FRACTION_STEP * scale if scale > 1 else 1.0
    else:
        low, high = _VAGUE[vague.lower()]
        return Quantity(
            span,
            span.slice(text),
            value=low,
            low=low,
            high=high,
            unit=_unit_after(text, span.end, lexicon),
            precision=low,
        )
    value *= scale
    half = precision / 2 if precision > 1 or scale > 1 else 0.0
    if num and scale == 1.0:
        half = _rounding_half(num, value, is_percent=bool(m.group("pct")))
    low, high = value - half, value + half
    approx = _APPROX.get((m.group("approx") or "").lower())
    if approx == "approx":
        low, high = min(low, value * 0.9), max(high, value * 1.1)
    elif approx == "below":
        low, high = value * 0.8, value
    elif approx == "above":
        low, high = value, value * _ABOVE_REACH
    elif approx == "at_most":
        low, high = 0.0, value
    elif approx == "at_least":
        low, high = value, math.inf
    if m.group("pct"):
        unit = "%"
    elif m.group("cur"):
        unit = _CURRENCY.get(m.group("cur").strip().lower(), m.group("cur").strip())
    else:
        unit = _unit_before(text, span.start, lexicon) or _unit_after(text, span.end, lexicon)
        if unit in _CURRENCY:
            unit = _CURRENCY[unit]
    if m.group("ord"):
        unit = f"#{unit}"
    return Quantity(
        span, span.slice(text), value=value, low=low, high=high, unit=unit, precision=precision
    )


def _fraction(frac: str | None) -> float:
    """Return the value of the fraction after a whole number: "1/2", "1 / 2", "½"."""
    if not frac:
        return 0.0
    if frac in _VULGAR_VALUES:
        return _VULGAR_VALUES[frac]
    top, bottom = (float(part) for part in frac.split("/"))
    return top / bottom if 0 < top < bottom else 0.0


def _unit_before(text: str, pos: int, lexicon: Lexicon) -> str:
    """Return the scale a number is read on when it follows it ("magnitude 6.8", "Category 4")."""
    m = _WORD_BEFORE.search(text, max(0, pos - 24), pos)
    if m is None or m.group(1).lower() not in lexicon.measure_prefixes:
        return ""
    return stem(m.group(1).lower())


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")


def _rounding_half(num: str, value: float, *, is_percent: bool) -> float:
    """Return how far a number as written may be from the value it rounds.

    A decimal is rounded at its last digit ("4.5" covers 4.45-4.55) and so is a whole
    percentage ("4%" covers 3.5-4.5%). A whole count is exact, unless it ends in two or
    more zeros: "52,000" is rounded to its last non-zero digit (51,500-52,500), but by
    no more than 5% of the value, so "300" covers 285-315 and not 250-350.
    """
    if "." in num:
        return 0.5 * 10.0 ** -len(num.split(".")[1])
    if is_percent:
        return 0.5
    digits = num.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros < 2 or value == 0:
        return 0.0
    # 5%: the usual "give or take" of a rounded news figure; beyond it a reader would
    # expect "about".
    return min(0.5 * 10.0**zeros, 0.05 * value)


def _unit_after(text: str, pos: int, lexicon: Lexicon) -> str:
    """Return the stem of the counted noun after a number ("40 people" -> "peopl")."""
    m = _UNIT_WORD.match(text, pos, min(len(text), pos + 40))
    if m is None:
        return ""
    word = m.group(1).lower()
    if word in lexicon.stopwords:
        return ""
    if word in _CURRENCY:
        return word
    return stem(word.split("-")[0])
