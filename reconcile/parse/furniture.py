"""The rules that tell page furniture from body text, line by line.

In: one line (or fragment) of a page and the rules built from a
:class:`~reconcile.lexicon.Lexicon`. Out: what it is: a timestamp, a metadata
header, a byline, a caption, boilerplate, a separator, a heading, or body text.
:mod:`reconcile.parse.layout` applies them to a whole text.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from reconcile.lexicon import Lexicon

if TYPE_CHECKING:
    from collections.abc import Iterable


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BULLET = re.compile(r"[-–—•*·▪►‣◦]+\s+")
_CLOSERS = "\"'”’»)]}*_"
_SENTENCE_END = ".!?…"
# A line ending in one of these goes on (a clause, a list intro): never a heading.
_OPEN_END = _SENTENCE_END + ",;:"
_MAX_BYLINE_WORDS = 12
# "(Reporting by A B in C and D E in F; Editing by G H)" runs longer.
_MAX_BYLINE_WORDS_AFTER_BY = 24
_MAX_CAPTION_CREDIT_WORDS = 8
_MAX_BOILERPLATE_WORDS = 40


# --------------------------------------------------------------------------------------
# Rules built from a lexicon


class _Rules:
    """Regular expressions and word sets built once per lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        months = _alternation(lex.month_names)
        self.months = lex.month_names
        self.weekdays = lex.weekday_names
        self.zones = lex.time_zones
        self.units = lex.time_units
        self.date_words = (
            lex.month_names
            | lex.weekday_names
            | lex.time_zones
            | lex.time_units
            | lex.timestamp_words
        )
        keys = _alternation(lex.metadata_keys)
        qualifiers = _alternation(lex.metadata_qualifiers)
        self.metadata = re.compile(
            rf"(?:[-–—•*·]\s*)?(?:(?:{qualifiers})\s+)?(?:{keys})(?![\w])\s*"
            r"(?:[:|–—-]+\s*)?(?:(?:on|at)\s+)?",
            re.IGNORECASE,
        )
        cap = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*[A-ZÀ-ÖØ-Þ.]"
        title = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’.\-]+"
        place = rf"{cap}(?:\s+{cap}){{0,4}}"
        title_place = rf"{title}(?:\s+{title}){{0,2}}"
        sub = rf"(?:,\s*(?:{cap}|{title})(?:\s+(?:{cap}|{title})){{0,2}}){{0,2}}"
        date = (
            rf"(?:,\s*(?:(?i:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?"
            rf"|\d{{1,2}}\s+(?i:{months})\.?(?:,?\s*\d{{4}})?))"
        )
        # "(Reuters)", or a wire's "/PRNewswire/" after a press release's dateline.
        agency = r"\s*(?:\([^()\n]{1,40}\)|/[^/\s][^/\n]{0,38}/)"
        sep = r"\s*(?:—|–|--?|:)(?=\s|$)"
        self.dateline = re.compile(
            rf"(?:{place}{sub}{date}?(?:{agency})?{sep}"
            rf"|{title_place}{sub}{date}?{agency}{sep}"
            rf"|{place}{sub}{date}\s*$)"
        )
        self.caption = re.compile(
            rf"[(\[]?\s*(?:{_alternation(lex.caption_markers)})(?![\w])", re.IGNORECASE
        )
        self.boilerplate_words = frozenset(lex.boilerplate_markers) | frozenset(
            lex.link_list_markers
        )
        self.link_list = frozenset(lex.link_list_markers)
        self.boilerplate_colon = re.compile(
            rf"(?:{_alternation(self.boilerplate_words)})\s*[:»›|]", re.IGNORECASE
        )
        self.boilerplate_opener = re.compile(
            rf"(?:{_alternation(lex.boilerplate_openers)})(?![\w])", re.IGNORECASE
        )
        self.boilerplate_phrases = lex.boilerplate_phrases
        self.editorial_note = re.compile(
            rf"(?:{_alternation(lex.editorial_notes)})(?![\w])", re.IGNORECASE
        )
        self.byline_prefixes = tuple(tuple(p.split()) for p in lex.byline_prefixes)
        self.byline_prefix_words = frozenset(w for p in self.byline_prefixes for w in p) | {"the"}
        # Agencies by their first word, longest first: "associated press of pakistan".
        agencies: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted((tuple(a.split()) for a in lex.news_agencies), key=len, reverse=True):
            agencies.setdefault(words[0], []).append(words)
        self.agencies = agencies
        self.abbreviations = lex.abbreviations


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first so it prefers them."""
    items = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or "(?!)"


@functools.lru_cache(maxsize=8)
def _rules(lex: Lexicon) -> _Rules:
    return _Rules(lex)


# --------------------------------------------------------------------------------------
# Dates and times in page headers

_ATOM = re.compile(
    r"""
    (?P<iso>\d{4}-\d{2}-\d{2}[T\ ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?!\w))
    |(?P<ndate>(?:\d{4}\s*(?P<s1>[-/.])\s*\d{1,2}\s*(?P=s1)\s*\d{1,2}
              |\d{1,2}\s*(?P<s2>[-/.])\s*\d{1,2}\s*(?P=s2)\s*(?:\d{4}|\d{2}))(?![\w]))
    |(?P<time>\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*(?:[ap]\.?\s?m\b\.?|[ap]\b))?
             |\d{1,2}\s*[ap]\.?\s?m\b\.?)
    |(?P<num>\d{1,4}(?:st|nd|rd|th)?(?!\w))
    |(?P<word>[^\W\d_]+\.?)
    |(?P<sep>[|,@·•/:;()\[\]–—-]+)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_OPENING_BRACKETS = "(["


def _date_run(rules: _Rules, text: str, start: int, end: int) -> tuple[int, bool]:
    """Scan date and time words from ``start``; return where they stop and if they date.

    The run is "strong" when it holds a full date or a time: a month with a day or
    year, a numeric or ISO date, a clock time, or "N units ago". The end returned
    is after the last date word and any separators after it (but not an opening
    bracket), so "June 13, 2013 |" is one run.
    """
    pos = start
    last = start
    has_month = has_number = has_ago = has_unit = strong = False
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        m = _ATOM.match(text, pos, end)
        if m is None:
            break
        kind = m.lastgroup
        if kind == "word":
            word = m.group().lower().rstrip(".")
            if word not in rules.date_words:
                break
            has_month |= word in rules.months
            has_ago |= word in ("ago", "now")
            has_unit |= word in rules.units or word == "just"
            has_number |= word in ("a", "an")
        elif kind == "num":
            has_number = True
        elif kind in ("iso", "ndate", "time"):
            strong = True
        pos = m.end()
        if kind != "sep":
            last = pos
        else:
            # Trailing separators belong to the run, an opening bracket does not.
            seps = m.group()
            cut = min((seps.find(b) for b in _OPENING_BRACKETS if b in seps), default=-1)
            last = m.start() + cut if cut >= 0 else pos
            while last > start and text[last - 1].isspace():
                last -= 1
    strong = strong or (has_month and has_number) or (has_ago and has_unit)
    return last, strong


# --------------------------------------------------------------------------------------
# Line rules


def _is_lower_start(text: str, pos: int) -> bool:
    return text[pos].islower()


def _ends_sentence(rules: _Rules, fragment: str, *, open_ends: bool) -> bool:
    """Return whether ``fragment`` ends like a sentence (or, with open_ends, a clause)."""
    core = _strip_closers(fragment)
    if not core:
        return False
    last = core[-1]
    if last not in (_OPEN_END if open_ends else _SENTENCE_END):
        return False
    if last == ".":
        # "Mr." or an initial ends a line of wrapped text, not a sentence.
        word = core.rsplit(None, 1)[-1].rstrip(".").lstrip("(\"'“‘").lower()
        if word in rules.abbreviations or (len(word) == 1 and word.isalpha()):
            return False
    return True


def _strip_closers(fragment: str) -> str:
    """Return ``fragment`` without trailing whitespace, closing quotes and brackets."""
    end = len(fragment)
    while end and (fragment[end - 1].isspace() or fragment[end - 1] in _CLOSERS):
        end -= 1
    return fragment[:end]


def _words(fragment: str) -> list[str]:
    return fragment.split()


def _is_separator(fragment: str) -> bool:
    return not any(ch.isalnum() for ch in fragment)


def _is_timestamp(rules: _Rules, text: str, start: int, end: int) -> bool:
    stop, strong = _date_run(rules, text, start, end)
    # "on Tuesday, 16 December 2008 13:45." may end with a full stop.
    return strong and (stop >= end or (stop == end - 1 and text[stop] == "."))


def _metadata_end(rules: _Rules, text: str, start: int, end: int) -> int | None:
    """Return where a metadata header at ``start`` ends, or None if there is none."""
    m = rules.metadata.match(text, start, end)
    if m is None:
        return None
    stop, strong = _date_run(rules, text, m.end(), end)
    if not strong:
        return None
    return stop


def _is_caption(rules: _Rules, fragment: str) -> bool:
    m = rules.caption.match(fragment)
    if m is None:
        return False
    rest = fragment[m.end() :].strip()
    if not rest or rest in (")", "]"):
        return True
    if rest[0] in ":|/–—-":
        return True
    words = rest.rstrip(")]").split()
    if not words:
        return True
    if words[0].lower() in rules.lex.caption_followers:
        return True
    # "SOURCE Summit Entertainment": a marker and a short credit of names.
    return (
        len(words) <= _MAX_CAPTION_CREDIT_WORDS
        and all(w[:1].isupper() or w in ("/", "via", "&", "and") for w in words)
        and not _ends_sentence(rules, fragment, open_ends=False)
    )


def _strip_bullet(fragment: str) -> tuple[str, bool]:
    m = _BULLET.match(fragment)
    if m is None:
        return fragment, False
    return fragment[m.end() :], True


def _is_boilerplate(rules: _Rules, fragment: str) -> tuple[bool, bool]:
    """Return (is boilerplate, opens a list of links)."""
    core, _ = _strip_bullet(fragment)
    low = " ".join(core.lower().split()).strip(" :.»›>…|")
    if low in rules.boilerplate_words:
        return True, low in rules.link_list
    if len(core) > 600:
        return False, False
    n_words = len(core.split())
    if rules.boilerplate_colon.match(core):
        return True, False
    if rules.boilerplate_opener.match(core) and n_words <= _MAX_BOILERPLATE_WORDS:
        return True, False
    if n_words <= _MAX_BOILERPLATE_WORDS:
        if low.startswith(("©", "(c)", "copyright")):
            return True, False
        if any(p in low for p in rules.boilerplate_phrases):
            return True, False
    # A navigation line: "Home | World | Business | Sport".
    parts = [p.strip() for p in re.split(r"\s[|»›•·>]\s|\|", core)]
    if len(parts) >= 3 and all(
        0 < len(p.split()) <= 4 and not _ends_sentence(rules, p, open_ends=False) for p in parts
    ):
        return True, False
    return False, False


def _agency_at(rules: _Rules, words: list[str], i: int) -> int:
    """Return how many words from ``i`` name a news agency (0 if none)."""
    if not words[i][:1].isupper():
        return 0
    for agency in rules.agencies.get(_bare(words[i]), ()):
        k = len(agency)
        if tuple(_bare(w) for w in words[i : i + k]) == agency:
            return k
    return 0


def _bare(word: str) -> str:
    return word.lower().strip(".,'’\"()")


def _is_byline(rules: _Rules, fragment: str) -> bool:
    text, bullet = _strip_bullet(fragment)
    text = text.strip()
    if text[:1] in "([" and text[-1:] in ")]":
        text = text[1:-1].strip()
    if not text or len(text) > 150:
        return False
    if text[-1] in "!?:;,":
        return False
    words = [w for w in re.split(r"[\s,|/;]+", text) if w]
    if not words or len(words) > _MAX_BYLINE_WORDS_AFTER_BY:
        return False
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]|\b(?:Jr|Sr))\.$", text):
        return False
    lowered = [w.lower().strip(".'’\"") for w in words]
    start = 0
    for prefix in rules.byline_prefixes:
        if tuple(lowered[: len(prefix)]) == prefix:
            start = len(prefix)
            break
    has_by = start > 0
    if has_by and start >= len(words):
        return False
    if not has_by and len(words) > _MAX_BYLINE_WORDS:
        return False
    kinds: list[str] = []
    i = start
    while i < len(words):
        k = _agency_at(rules, words, i)
        if k:
            kinds.extend(["agency"] * k)
            i += k
            continue
        word, low = words[i], lowered[i]
        if low in rules.lex.byline_markers:
            kinds.append("marker")
        elif (
            low in rules.lex.byline_connectors
            or low in rules.lex.name_particles
            or (has_by and low in rules.byline_prefix_words)
        ):
            kinds.append("connector")
        elif word[:1].isupper() and not any(ch.isdigit() for ch in word):
            kinds.append("name")
        else:
            return False
        i += 1
    if kinds[-1] == "connector":
        return False
    if has_by:
        return any(k != "connector" for k in kinds)
    if kinds[-1] in ("marker", "agency"):
        return True
    # "Jane Doe | Foreign Correspondent": a part that ends on a marker.
    parts = [p.split() for p in re.split(r"\s*\|\s*", text) if p.strip()]
    if len(parts) > 1 and any(
        p[-1].lower().strip(".") in rules.lex.byline_markers for p in parts if p
    ):
        return True
    # "- Jane Doe": a bullet before a short name.
    return bullet and 1 <= len(words) <= 4 and all(k == "name" for k in kinds)


def _title_case(words: list[str], small_words: frozenset[str]) -> tuple[bool, bool]:
    """Return (is title case, is all capitals) for the words of a line."""
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if not letters:
        return False, False
    cased = "".join(ch for w in letters for ch in w if ch.isalpha())
    if len(cased) >= 2 and cased.isupper():
        return False, True
    significant = [w for w in letters if w.lower().strip("\"'“‘(") not in small_words]
    if not significant:
        return False, False
    capital = sum(1 for w in significant if w.lstrip("\"'“‘(-–—")[:1].isupper())
    return capital / len(significant) >= 0.75, False
