"""Private: the features a claim carries besides its times.

Each extractor reads one sentence (a span of the document text) and returns
annotations with absolute offsets. They are deliberately shallow (no parser,
no model): regular expressions over word tokens, with every word list taken
from the :class:`~reconcile.lexicon.Lexicon`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from reconcile._text import SpanSet, Token, stem, strip_possessive, tokens, words_outside
from reconcile._types import Attribution, Entity, Modality, Ordinal, Quantity, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.lexicon import Lexicon

__all__ = [
    "EntityIndex",
    "find_attribution",
    "find_entities",
    "find_modality",
    "find_ordinals",
    "find_quantities",
    "find_quotes",
    "is_negated",
    "is_past_form",
]

# ---------------------------------------------------------------------------
# Quantities

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
_APPROX_RE = "|".join(sorted((re.escape(k) for k in _APPROX), key=len, reverse=True))
_NUMWORD_RE = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_SCALE_RE = "hundred|thousand|million|billion|trillion|mn|bn|tn|[mbk](?![a-z])"
_QUANTITY = re.compile(
    rf"""
    (?:(?P<approx>{_APPROX_RE})\s+)?
    (?P<cur>US\$|[$€£¥₹]|Rs\.?\s?|USD\s?|EUR\s?|GBP\s?)?
    (?:
        (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<ord>st|nd|rd|th)?
      | (?P<vague>dozens|scores|hundreds|thousands|millions|billions)
      | (?P<word>(?:{_NUMWORD_RE})(?:[-\s](?:{_NUMWORD_RE}))?)
    )
    (?:[\s-]?(?P<scale>{_SCALE_RE}))?
    (?P<pct>\s?%|\s(?:percent|per\ cent)\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
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
    num, word, vague = m.group("num"), m.group("word"), m.group("vague")
    scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
    if m.group("scale") and len(m.group("scale")) == 1 and not (num and m.group("cur")):
        scale = 1.0  # a lone "m"/"b"/"k" is a scale only in "$5m"; "5 m" may be metres
    if num:
        value = float(num.replace(",", ""))
        decimals = len(num.split(".")[1]) if "." in num else 0
        # A scaled decimal is rounded to its last digit ("1.5 billion" covers 1.45-1.55 bn);
        # an exact count is exact.
        precision = 10.0**-decimals * scale if scale > 1 else 1.0
    elif word:
        parts = re.split(r"[-\s]", word.lower())
        if parts[0] in {"one", "half"} and scale == 1.0 and not m.group("pct"):
            return None  # "one of the", "half the": not a count worth comparing
        value = (
            float(sum(_NUMBER_WORDS.get(p, 0) for p in parts))
            if len(parts) > 1
            else float(_NUMBER_WORDS[word.lower()])
        )
        precision = scale if scale > 1 else 1.0
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
        low, high = value, math.inf
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


# ---------------------------------------------------------------------------
# Ordinals and superlatives with their scope


# A scope ends with its clause, or where "and the ..." starts a new noun phrase
# ("the largest producer of oil and the biggest user of wind"); "by land and sea" goes on.
def _clause_start(words: list[Token], lexicon: Lexicon) -> int:
    """Return where a new clause starts in a scope's words, or their number if none does.

    "the first time in court on Saturday as relatives quietly wept": "as relatives
    ... wept" says what else happened, not which first it is; nor does "and played
    for 11 seasons". "as the mayor of Lyon" has no verb: it is scope.
    """
    for k, w in enumerate(words):
        if k == 0:
            continue
        low = w.lower
        if low in _COORDINATORS and k + 1 < len(words) and _is_finite(words[k + 1], lexicon):
            return k
        if low in _SUBORDINATORS and any(
            _is_finite(v, lexicon) for v in words[k + 1 : k + 1 + _CLAUSE_VERB_WITHIN]
        ):
            return k
    return len(words)


def is_past_form(low: str, lexicon: Lexicon) -> bool:
    """Return whether a lowercase word is a past form: irregular ("struck") or in -ed.

    Words in -ed that are no verb ("hundred", "indeed") or that say how sure an action
    is rather than what it is ("expected", "planned") are not.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> [is_past_form(w, ENGLISH) for w in ("killed", "died", "struck", "hundred", "planned")]
        [True, True, True, False, False]
    """
    return low in lexicon.irregular_past or (
        low.endswith("ed") and len(low) >= 4 and low not in _ED_NOT_PAST
    )


def _is_finite(w: Token, lexicon: Lexicon) -> bool:
    return w.lower in lexicon.finite_auxiliaries or is_past_form(w.lower, lexicon)


_COORDINATORS = frozenset({"and", "or", "but"})
_SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "because", "since"})
#: A subordinate clause's verb comes within this many words of its conjunction.
_CLAUSE_VERB_WITHIN = 8

_CLAUSE_END = re.compile(
    r"[,;:.!?()\[\]“”\"—–]|\s-\s|\s(?:and|or|but)\s+(?:the|a|an|its|his|her|their)\s"
)


def find_ordinals(text: str, start: int, end: int, *, lexicon: Lexicon) -> tuple[Ordinal, ...]:
    """Return ordinals and superlatives with the noun they rank and the phrase that scopes it.

    The head is the run of words after the ordinal up to a preposition; the scope is
    a possessor before it ("my", "Chile's") and the prepositional phrases after the
    head, up to the end of the clause.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "It was the largest protest in the city since 1989, police said."
        >>> [(o.word, o.head, o.scope) for o in find_ordinals(s, 0, len(s), lexicon=ENGLISH)]
        [('largest', 'protest', 'in the city since 1989')]
    """
    words = tokens(text, start, end)
    found: list[Ordinal] = []
    for i, tok in enumerate(words):
        low = tok.lower
        is_most = (
            low in {"most", "least"}
            and i + 1 < len(words)
            and i > 0
            and (words[i - 1].lower in {"the", "its", "their", "his", "her"})
        )
        if not (is_most or _is_rank_word(low, words, i, lexicon)):
            continue
        head_from = i + 2 if is_most else i + 1
        head, head_end, j = _head_after(text, words, head_from, lexicon)
        if not head:
            # A predicative rank with its scope and no noun: "were the deadliest to hit
            # the region", "the oldest in the state". "Of" would start the ranked set
            # ("the first of ..."), not a scope.
            if not (
                j < len(words)
                and words[j].lower in lexicon.scope_words
                and words[j].lower != "of"
                and head_from - 1 < len(words)
            ):
                continue
            head_end = words[head_from - 1].end
        scope_parts: list[str] = []
        possessor = _possessor_before(words, i, lexicon)
        if possessor:
            scope_parts.append(possessor)
        scope_span = None
        if j < len(words) and words[j].lower in lexicon.scope_words:
            # Words end in order, so the first 14 that end in the clause are among the
            # next 14, and a clause end past them changes nothing: reading on to the end
            # of the sentence would cost words x ordinals in a long one.
            window = words[j : j + 14]
            # (+16: room for the longest clause end, " and their ", to match whole.)
            limit = min(end, max(head_end, window[-1].end) + 16)
            clause_end = _CLAUSE_END.search(text, head_end, limit)
            scope_end = clause_end.start() if clause_end else end
            scope_words = [w for w in window if w.end <= scope_end]
            scope_words = scope_words[: _clause_start(scope_words, lexicon)]
            if scope_words:
                scope_span = Span(scope_words[0].start, scope_words[-1].end)
                scope_parts.append(scope_span.slice(text))
        ordinal_span = Span(tok.start, scope_span.end if scope_span else head_end)
        # "the most expensive" ranks by "expensive": the adjective is part of the word.
        word = f"{low} {words[i + 1].lower}" if is_most else low
        found.append(
            Ordinal(
                ordinal_span,
                ordinal_span.slice(text),
                word=word,
                head=head,
                scope="; ".join(scope_parts),
                scope_span=scope_span,
            )
        )
    return tuple(found)


def _is_rank_word(low: str, words: list[Token], i: int, lexicon: Lexicon) -> bool:
    if low in lexicon.ordinal_words or low in lexicon.superlative_words:
        if low in {"only", "last", "top", "record", "first"}:
            # "only" and "last" rank only after a determiner ("the only survivor", "his last
            # visit"); "first" is adverbial in "first reported" unless a noun follows.
            prev = words[i - 1].lower if i > 0 else ""
            if (
                low in {"only", "last", "top", "record"}
                and prev
                not in {
                    "the",
                    "a",
                    "his",
                    "her",
                    "its",
                    "their",
                    "my",
                    "our",
                    "your",
                }
                and not prev.endswith(("'s", "’s"))
            ):
                return False
        return True
    return (
        low.endswith("est")
        and len(low) > 5
        and low not in lexicon.not_superlatives
        and i > 0
        and (
            words[i - 1].lower in {"the", "its", "their", "his", "her", "our", "my"}
            or words[i - 1].lower.endswith(("'s", "’s"))
        )
    )


def _head_after(text: str, words: list[Token], j: int, lexicon: Lexicon) -> tuple[str, int, int]:
    """Return the ranked noun phrase after position ``j``, its end, and the next index."""
    head: list[Token] = []
    while j < len(words) and len(head) < 4:
        w = words[j]
        gap = text[(head[-1].end if head else words[j - 1].end) : w.start]
        if _CLAUSE_END.search(gap):
            break
        low = w.lower
        if low in lexicon.scope_words or low in lexicon.stopwords or low in lexicon.reporting_verbs:
            break
        if low.isdigit():
            break
        head.append(w)
        j += 1
    if not head:
        return "", 0, j
    return " ".join(h.lower for h in head), head[-1].end, j


def _possessor_before(words: list[Token], i: int, lexicon: Lexicon) -> str:
    prev = words[i - 1] if i > 0 else None
    if prev is None:
        return ""
    if prev.lower in {"my", "our", "his", "her", "its", "their", "your"}:
        return prev.lower
    if prev.lower.endswith(("'s", "’s")) and prev.lower not in lexicon.stopwords:
        return prev.text
    return ""


# ---------------------------------------------------------------------------
# Named entities and their aliases

# "and" is left out: "President A and Prime Minister B" are two people more often than
# "Trinidad and Tobago" is one place.
_CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "da",
        "al",
        "bin",
        "van",
        "von",
        "la",
        "le",
        "for",
        "the",
        "y",
        "ibn",
        "el",
        "der",
        "du",
    }
)
_ROLE_PHRASE = re.compile(r"\b[Tt]he\s+(?:(?P<mod>[A-Z][\w-]+)\s+)?(?P<role>[A-Za-z][a-z]+)\b")


class EntityIndex:
    """Document-level alias table: surnames, titles and roles resolved to one key.

    Built once per document from every capitalized run; ``key_for`` then maps an
    alias ("Lula", "President Lula", "the Brazilian leader") to the key of the
    full name it refers to, when that is unambiguous within the document.
    """

    __slots__ = ("_designators", "_keys", "_people", "_role_to_key", "_surname_to_key")

    def __init__(
        self,
        names: Sequence[tuple[str, str]],
        *,
        contexts: Sequence[tuple[str, str, tuple[str, ...]]] = (),
        designators: frozenset[str] = frozenset(),
    ) -> None:
        """Index ``(title, name)`` pairs found in one document.

        ``contexts`` gives, for each mention of a name, ``(title, name, the other
        capitalized words of its sentence)``: what lets "the Brazilian leader" find the
        person the document names next to Brazil. ``designators`` are the words that
        end a company's name without being part of it ("Corp", "Ltd"): "Northwind
        Corp" is keyed as "northwind", like the "Northwind" of the next sentence.
        """
        self._designators = designators
        surnames: dict[str, set[str]] = {}
        roles: dict[str, Counter[str]] = {}
        # Full names first, so that a lone "Lula" is a part of "Lula da Silva".
        for title, name in sorted(names, key=lambda tn: -len(tn[1].split())):
            parts = self._parts(name)
            key = parts[-1]
            if len(parts) == 1 and surnames.get(key, set()) - {key}:
                key = min(surnames[key])
            for p in parts:
                surnames.setdefault(p, set()).add(key)
            if title:
                roles.setdefault(title.lower().split()[-1], Counter())[key] += 1
        self._surname_to_key = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
        self._keys = frozenset(k for v in surnames.values() for k in v)
        self._role_to_key = {
            role: counts.most_common(1)[0][0]
            for role, counts in roles.items()
            if len(counts) == 1 or counts.most_common(2)[0][1] > counts.most_common(2)[1][1]
        }
        # People: names given a title, or of two words or more; with their titles,
        # the words around their mentions, and how often they are mentioned.
        people: dict[str, tuple[set[str], set[str], list[int]]] = {}
        for title, name, around in contexts:
            key = self.key_for(name)
            titles, words, count = people.setdefault(key, (set(), set(), [0]))
            if title:
                titles.add(title.lower().split()[-1])
            words.update(strip_possessive(w).lower() for w in around)
            count[0] += 1
        is_person = {self.key_for(n) for t, n, _ in contexts if t or len(n.split()) >= 2}
        self._people = {k: v for k, v in people.items() if k in is_person}

    def key_for_affiliated(self, modifier: str, role: str) -> str | None:
        """Return the person "the <modifier> <role>" refers to, if one stands out.

        The candidates are the people mentioned in a sentence that names a place
        sharing the modifier's stem ("Brazilian": Brazil, "Chilean": Chile)
        and who, if the document gives them titles, hold this role (generic roles,
        "leader" or "head", fit any title). The most mentioned wins when no other
        candidate is mentioned as often.
        """
        mod = strip_possessive(modifier).lower()
        low_role = role.lower()
        counts = sorted(
            (
                (-count[0], key)
                for key, (titles, words, count) in self._people.items()
                if any(_same_stem(mod, w) for w in words)
                and (not titles or low_role in titles or low_role in _GENERIC_ROLES)
            ),
        )
        if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
            return None
        return counts[0][1]

    def _parts(self, name: str) -> list[str]:
        """Return the lowercased words of a name, without a company designator at its end."""
        parts = [strip_possessive(p).lower() for p in name.split()]
        while len(parts) > 1 and parts[-1].rstrip(".,") in self._designators:
            parts.pop()
            while len(parts) > 1 and parts[-1] in {"&", "and"}:  # "Jones & Co"
                parts.pop()
        return parts

    def key_for(self, name: str) -> str:
        parts = self._parts(name)
        last = parts[-1] if parts else name.lower()
        return self._surname_to_key.get(last, last)

    def key_for_role(self, role: str) -> str | None:
        return self._role_to_key.get(role.lower())

    def is_name(self, word: str) -> bool:
        """Return whether ``word`` is, elsewhere in the document, a name on its own.

        A sentence's first word is capitalized whatever it is; "Chile and Peru signed
        ..." still names Chile when the document names it mid-sentence.
        """
        low = strip_possessive(word).lower()
        return low in self._keys or low in self._surname_to_key


#: Roles that any titled person may be called by ("the Brazilian leader").
_GENERIC_ROLES = frozenset({"leader", "head", "chief"})
#: Words of one place share this many first letters at least ("Chilean", "Chile").
_STEM_PREFIX = 4


def _same_stem(modifier: str, word: str) -> bool:
    """Return whether a nationality or place modifier and a place name share their stem."""
    if modifier == word:
        return True
    n = 0
    for x, y in zip(modifier, word, strict=False):
        if x != y:
            break
        n += 1
    return n >= _STEM_PREFIX and n >= min(len(modifier), len(word)) - 3


def capitalized_runs(
    text: str, start: int, end: int, *, lexicon: Lexicon, exclude: Sequence[Span] = ()
) -> list[tuple[str, str, Span]]:
    """Return ``(title, name, span)`` for each run of capitalized words in a sentence.

    A leading title ("President", "Prime Minister") is split off the name, and a
    possessive ends a run ("France's Prime Minister" is two runs). The first word of
    a sentence or clause starts a run only when the next word is capitalized too,
    since any word is capitalized there. Words inside ``exclude`` (time expressions:
    "February", "Monday") are skipped.
    """
    words = words_outside(tokens(text, start, end), exclude)
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, w in enumerate(words):
        gap = text[current[-1].end : w.start] if current else ""
        joinable = not current or (gap.strip() == "" and len(gap) <= 2)
        is_cap = (w.is_capitalized and not w.text.isupper()) or (
            w.text.isupper() and len(w.text) > 1
        )
        if is_cap:
            if not joinable:
                runs.append(current)
                current = []
            if not current and _starts_clause(text, start, words, i):
                nxt = words[i + 1] if i + 1 < len(words) else None
                gap_next = text[w.end : nxt.start] if nxt else ""
                if w.lower in lexicon.stopwords or not (
                    nxt is not None and nxt.is_capitalized and gap_next.strip() == ""
                ):
                    continue
            current.append(w)
            if w.lower.endswith(("'s", "’s")):
                runs.append(current)
                current = []
        elif current and w.lower in _CONNECTORS and joinable:
            current.append(w)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    title_words = {t.rstrip(".") for t in lexicon.titles} | _TITLE_MODIFIERS
    result: list[tuple[str, str, Span]] = []
    for whole in runs:
        for run in _split_at_title(whole, title_words):
            _add_run(run, title_words, result)
    return result


def _split_at_title(run: list[Token], title_words: set[str]) -> list[list[Token]]:
    """Split "Brazilian President Luiz Inacio Lula" into the modifier and the titled name."""
    for k in range(1, len(run) - 1):
        if run[k].lower.rstrip(".") in title_words and run[k - 1].lower.rstrip(".") not in (
            title_words | _CONNECTORS
        ):
            return [run[:k], run[k:]]
    return [run]


def _add_run(run: list[Token], title_words: set[str], result: list[tuple[str, str, Span]]) -> None:
    """Append ``(title, name, span)`` for one run, its leading title words split off."""
    while run and run[-1].lower in _CONNECTORS:
        run.pop()
    if not run:
        return
    k = 0
    while k < len(run) and (run[k].lower.rstrip(".") in title_words or run[k].lower in _CONNECTORS):
        k += 1
    while k > 0 and run[k - 1].lower in _CONNECTORS:
        k -= 1
    title = " ".join(t.text for t in run[:k])
    name_tokens = run[k:]
    while name_tokens and name_tokens[0].lower in _CONNECTORS:
        name_tokens = name_tokens[1:]
    name = " ".join(strip_possessive(t.text) for t in name_tokens)
    result.append((title, name, Span(run[0].start, run[-1].end)))


_TITLE_MODIFIERS = frozenset(
    {
        "prime",
        "vice",
        "foreign",
        "deputy",
        "state",
        "former",
        "acting",
        "interior",
        "defence",
        "defense",
        "finance",
        "federal",
        "chief",
    }
)


def _starts_clause(text: str, start: int, words: list[Token], i: int) -> bool:
    """Return whether word ``i`` opens a sentence, a quotation or a clause after a colon."""
    if i == 0:
        return True
    before = text[words[i - 1].end : words[i].start]
    return any(c in before for c in ':“"‘(')


def _clause_openers(text: str, start: int, end: int, exclude: Sequence[Span]) -> list[Token]:
    """Return the words that open the sentence or a clause in it (after a colon or quote)."""
    words = words_outside(tokens(text, start, end), exclude)
    return [w for i, w in enumerate(words) if _starts_clause(text, start, words, i)]


def find_entities(
    text: str,
    start: int,
    end: int,
    *,
    index: EntityIndex,
    lexicon: Lexicon,
    exclude: Sequence[Span] = (),
) -> tuple[Entity, ...]:
    """Return the named entities of a sentence, keyed through the document's aliases."""
    found: list[Entity] = []
    # The characters of the entities found so far (and of the roles), so that "does
    # this overlap one of them?" costs the length of a name, not the number found:
    # a text without punctuation is one sentence of many thousand names.
    covered: set[int] = set()
    covered_roles: set[int] = set()

    def add(entity: Entity) -> None:
        found.append(entity)
        chars = range(entity.span.start, entity.span.end)
        covered.update(chars)
        if entity.kind == "role":
            covered_roles.update(chars)

    for title, name, span in capitalized_runs(text, start, end, lexicon=lexicon, exclude=exclude):
        if name:
            add(
                Entity(
                    span, span.slice(text), key=index.key_for(name), kind="name", role=title.lower()
                )
            )
        elif title:
            role = title.split()[-1]
            key = index.key_for_role(role)
            add(
                Entity(
                    span, span.slice(text), key=key or stem(role), kind="role", role=title.lower()
                )
            )
    for w in _clause_openers(text, start, end, exclude):
        span = Span(w.start, w.end)
        if (
            w.is_capitalized
            and w.lower not in lexicon.stopwords
            and index.is_name(w.text)
            and covered.isdisjoint(range(span.start, span.end))
        ):
            add(Entity(span, w.text, key=index.key_for(w.text), kind="name", role=""))
    for m in _ROLE_PHRASE.finditer(text, start, end):
        role = m.group("role")
        if role.lower() not in lexicon.titles:
            continue
        key = index.key_for_role(role)
        span = Span(m.start(), m.end())
        if key and covered.isdisjoint(range(span.start, span.end)):
            add(Entity(span, span.slice(text), key=key, kind="role", role=role.lower()))
        elif key is None and m.group("mod"):
            # "the Brazilian leader": the person the document names next to Brazil.
            key = index.key_for_affiliated(m.group("mod"), role)
            if key and covered_roles.isdisjoint(range(span.start, span.end)):
                add(Entity(span, span.slice(text), key=key, kind="role", role=role.lower()))
    return tuple(sorted(set(found), key=lambda e: (e.span.start, e.span.end, e.key)))


# ---------------------------------------------------------------------------
# Quotes and attribution

_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_QUOTE = re.compile(r"“[^“”]{1,3000}”|\"[^\"\n]{1,3000}\"|«[^«»]{1,3000}»")
_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|the|de|al|bin)?\s*[A-Z][\w'’.-]*){0,5})"
# A noun phrase starts a word: without the \b, "Zadan and Meron" yields "an and Meron".
_NP = (
    rf"\b(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’-]+\s+){{0,4}}[\w'’-]+"
    rf"|{_NAME}|[A-Z]?[a-z]+s)"
)
# A speaker may be a name behind its lower-case title: "prosecutor James Whitfield".
# ... or a title behind a possessive name: "Crisply's chief executive".
_SPEAKER = (
    rf"(?:(?:[a-z][\w'’-]*\s+){{1,2}}{_NAME}|[A-Z][\w.-]*['’]s(?:\s+[a-z][\w'’-]*){{1,3}}"
    rf"|{_NP}|[a-z][\w'’-]*)"
)
# Whom a statement was told: "told the court", "told reporters", "told Reuters".
_LISTENER = r"(?:(?:the|a|an)\s+)?[A-Za-z][\w'’-]*"


def find_quotes(text: str, start: int, end: int) -> list[Span]:
    """Return the quotations (with their marks) in ``text[start:end]``."""
    return [Span(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]


def find_attribution(
    text: str,
    start: int,
    end: int,
    *,
    lexicon: Lexicon,
    index: EntityIndex,
    quote_speaker: tuple[str, Span] | None = None,
) -> Attribution | None:
    """Return who a sentence is attributed to, if it says so.

    Looks, in order, for "according to X", for "X said"/"said X" around a reporting
    verb, and then falls back on the speaker of the quotation the sentence sits in.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "Two people died, according to the regional police chief."
        >>> a = find_attribution(s, 0, len(s), lexicon=ENGLISH, index=EntityIndex([]))
        >>> a.speaker, a.how
        ('the regional police chief', 'according to')
    """
    sentence = text[start:end]
    for phrase in lexicon.according_to:
        if phrase == "per":
            continue
        m = re.search(rf"\b{re.escape(phrase)}\s+({_NP})", sentence, re.IGNORECASE)
        if m:
            speaker = m.group(1).strip()
            span = Span(start + m.start(), start + m.end(1))
            return _attribution(text, span, speaker, "according to", index=index, lexicon=lexicon)
    verbs = "|".join(sorted(lexicon.reporting_verbs, key=len, reverse=True))
    # "..., X said." / "..., said X." / "..., X told the court." at the end of the sentence.
    adverbs = "|".join(sorted(lexicon.speech_adverbs, key=len, reverse=True))
    m = re.search(
        rf"[,”\"]\s*(?:(?P<s3>{_NAME}),\s+(?:{verbs})"
        rf"|(?P<s1>{_SPEAKER})\s+(?:has\s+|have\s+|had\s+)?(?:{verbs})"
        rf"(?:\s+{_LISTENER})?|(?:{verbs})\s+(?P<s2>{_SPEAKER}))"
        rf"(?:\s+(?:{adverbs})\b)?"
        r"(?:\s+(?:on|in|at|during|after|before)\b[^.]{0,60})?\s*[.!?]?[”\"]?\s*$",
        sentence,
    )
    if m:
        found = m.group("s3") or m.group("s1") or m.group("s2") or ""
        speaker = _lead_trimmed(_trim_speaker(found), lexicon)
        # "..., said yesterday": a time, not a speaker.
        if (
            speaker
            and speaker.lower() not in lexicon.stopwords
            and speaker.lower() not in lexicon.speech_adverbs
        ):
            span = Span(start + m.start() + 1, start + len(sentence.rstrip(' .!?"”')))
            return _attribution(text, span, speaker, "reporting verb", index=index, lexicon=lexicon)
    # "X said (that) ..." / "X pointed out ..." at the start of the sentence.
    m = re.match(
        rf"\s*(?:[A-Z][\w ,'’-]{{0,40}},\s+)?(?P<s>{_NP})\s+(?:has\s+|have\s+|had\s+)?"
        rf"(?P<v>{verbs}|pointed out)\b",
        sentence,
    )
    if m and m.group("s").lower() not in lexicon.stopwords | {"it", "this", "that", "there"}:
        speaker = m.group("s").strip()
        span = Span(start + m.start("s"), start + m.end("v"))
        return _attribution(text, span, speaker, "reporting verb", index=index, lexicon=lexicon)
    if quote_speaker is not None:
        speaker, span = quote_speaker
        return _attribution(text, span, speaker, "quote", index=index, lexicon=lexicon)
    return None


def quote_speaker(
    text: str, quote: Span, block_end: int, *, lexicon: Lexicon
) -> tuple[str, Span] | None:
    """Return the speaker named right after (or before) a quotation, with the naming span."""
    verbs = "|".join(sorted(lexicon.reporting_verbs, key=len, reverse=True))
    after = text[quote.end : min(block_end, quote.end + 120)]
    m = re.match(rf"\s*(?:(?P<s1>{_NP})\s+(?:{verbs})|(?:{verbs})\s+(?P<s2>{_NP}))", after)
    if m:
        speaker = _trim_speaker(m.group("s1") or m.group("s2"))
        return speaker, Span(
            quote.end + m.start(), quote.end + m.start() + len(m.group(0).rstrip("."))
        )
    before = text[max(0, quote.start - 120) : quote.start]
    m = re.search(rf"(?P<s>{_NP})\s+(?:{verbs})\s*(?:that\s*)?[:,]?\s*$", before)
    if m:
        base = quote.start - len(before)
        return m.group("s").strip(), Span(base + m.start(), base + m.end())
    return None


#: Words a speaker may open with and keep ("his spokesman", "the ministry").
_SPEAKER_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my"})


def _attribution(
    text: str, span: Span, speaker: str, how: str, *, index: EntityIndex, lexicon: Lexicon
) -> Attribution:
    return Attribution(
        span, span.slice(text), speaker=speaker, key=_speaker_key(speaker, index, lexicon), how=how
    )


def _lead_trimmed(speaker: str, lexicon: Lexicon) -> str:
    """Drop leading function words that are not a determiner ("and then Smith" -> "Smith")."""
    words = speaker.split()
    while len(words) > 1 and words[0].lower() in lexicon.stopwords - _SPEAKER_DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _trim_speaker(speaker: str) -> str:
    """Drop a sentence's full stop from a speaker's name ("said Okafor." -> "Okafor")."""
    speaker = speaker.strip()
    last = speaker.rsplit(maxsplit=1)[-1] if speaker else ""
    return speaker[:-1] if last.endswith(".") and len(last) > 3 else speaker


def _speaker_key(speaker: str, index: EntityIndex, lexicon: Lexicon) -> str:
    words = [w for w in speaker.split() if w.lower() not in lexicon.stopwords]
    if not words:
        return speaker.lower()
    caps = [w for w in words if w[:1].isupper()]
    if caps:
        return index.key_for(" ".join(caps))
    role = words[-1]
    return index.key_for_role(role) or stem(role)


# ---------------------------------------------------------------------------
# Modality and negation

_ED_NOT_PAST = frozenset(
    {
        "need",
        "speed",
        "seed",
        "feed",
        "heed",
        "deed",
        "reed",
        "weed",
        "sled",
        "aged",
        "bed",
        "red",
        "shed",
        "hundred",
        "indeed",
        "united",
        "based",
        "related",
        "limited",
        "advanced",
        "detailed",
        "concerned",
        "interested",
        "proposed",
        "expected",
        "scheduled",
        "planned",
        "alleged",
        "so-called",
        "talented",
    }
)


def find_predicates(
    text: str, start: int, end: int, *, lexicon: Lexicon, exclude: Sequence[Span] = ()
) -> tuple[str, ...]:
    """Return the lemma stems of a sentence's verbs, in order, reporting verbs left out.

    A verb is a past form ("killed", "struck"), or a word after an auxiliary or
    "to" ("will hold", "to arrive", "has signed"). "Said", "told" and the like say
    who speaks, not what happened, and "expected", "scheduled" say how sure the
    action is, not which: neither is the predicate.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "Police said the gunman killed two guards and is expected to appear in court."
        >>> find_predicates(s, 0, len(s), lexicon=ENGLISH)
        ('kill', 'appear')
    """
    # Excluded words (names, dates) are skipped but stay in place: in "the Liberal
    # Democrats won", "won" follows a name, not "the".
    words = tokens(text, start, end)
    inside = {w.start for w in words} - {w.start for w in words_outside(words, exclude)}
    found: list[str] = []
    for i, w in enumerate(words):
        low = w.lower
        if w.start in inside or not low.isalpha() or (i > 0 and w.is_capitalized):
            continue
        prev = words[i - 1].lower if i else ""
        is_past = is_past_form(low, lexicon)
        is_verb = (
            (is_past and prev not in _DETERMINERS)
            # "is scheduled", "was taking", "has signed": a participle after be or have;
            # "have problems", "be former" are not verbs of the claim.
            or (prev in _BE_HAVE and (is_past or (low.endswith("ing") and low[-5:] != "thing")))
            # "will hold", "could face", "to arrive": the base form after a modal or "to".
            or (prev in _MODALS and low not in _BE_HAVE)
        )
        if (
            is_verb
            and low not in lexicon.reporting_verbs
            and low not in lexicon.finite_auxiliaries
            and low not in lexicon.stopwords
            and low not in lexicon.negations
        ):
            found.append(stem(lexicon.irregular_lemmas.get(low, low)))
    return tuple(dict.fromkeys(found))


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_BE_HAVE = frozenset(
    {"be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had", "having"}
)
_MODALS = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "must", "should", "shall"}
    | {"do", "does", "did", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't"}
)


_MODALITY_GROUPS: dict[str, Modality] = {"plan": "planned", "expect": "expected", "hedge": "hedged"}


@lru_cache(maxsize=8)
def _modality_pattern(
    plans: tuple[str, ...], expectations: tuple[str, ...], hedges: tuple[str, ...]
) -> re.Pattern[str]:
    """Return one pattern for the markers of each modality, earlier kinds first.

    One scan finds the first marker of any kind (the leftmost match; at one position
    a plan beats an expectation beats a hedge), where a search per marker cost
    dozens of scans per sentence.
    """
    kinds = [
        f"(?P<{name}>{'|'.join(re.escape(m) for m in markers)})"
        for name, markers in (("plan", plans), ("expect", expectations), ("hedge", hedges))
        if markers
    ]
    if not kinds:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(kinds)})(?![\w-])")


def find_modality(text: str, start: int, end: int, *, lexicon: Lexicon) -> Modality:
    """Return whether a sentence reports a plan, an expectation, a hedge, or a done fact.

    The first marker in the sentence wins; without one, a past-tense verb makes the
    claim ``done`` (a reporting verb does not: "the deal includes a bonus, he told
    reporters" is not a deed); otherwise it is ``asserted``.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> [find_modality(s, 0, len(s), lexicon=ENGLISH) for s in (
        ...     "The minister will visit Paris.", "Officials expect a deal.",
        ...     "The bridge reportedly collapsed.", "The minister visited Paris.",
        ...     "Paris is the capital.")]
        ['planned', 'expected', 'hedged', 'done', 'asserted']
    """
    sentence = text[start:end].lower()
    hedges = lexicon.hedges - {
        "about", "around", "approximately", "roughly", "nearly", "almost", "estimated"
    }  # fmt: skip
    found = _modality_pattern(
        lexicon.plan_markers, lexicon.expectation_markers, tuple(sorted(hedges))
    ).search(sentence)
    if found is not None:
        return _MODALITY_GROUPS[found.lastgroup or ""]
    words = tokens(sentence)
    for i, w in enumerate(words):
        low = w.lower
        if low in lexicon.reporting_verbs:
            continue  # "said", "told": when it was said, not that the thing said is done
        if low in lexicon.irregular_past:
            return "done"
        # "am convinced", "is based": a participle after a present-tense "be" is a state.
        if is_past_form(low, lexicon) and (
            i == 0 or words[i - 1].lower not in {"am", "is", "are", "be", "being"}
        ):
            return "done"
    return "asserted"


def is_negated(text: str, start: int, end: int, *, lexicon: Lexicon) -> bool:
    """Return whether a sentence is negated ("not", "never", "n't"; not "not only").

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> is_negated("The talks did not resume.", 0, 25, lexicon=ENGLISH)
        True
        >>> is_negated("Not only did prices rise, wages fell.", 0, 37, lexicon=ENGLISH)
        False
    """
    sentence = text[start:end].lower()
    sentence = re.sub(r"\bnot only\b|\bno longer\b|\bno doubt\b|\bnothing but\b", " ", sentence)
    if "n't" in sentence or "n’t" in sentence:
        return True
    return any(w.lower in lexicon.negations - {"without", "no", "none"} for w in tokens(sentence))
