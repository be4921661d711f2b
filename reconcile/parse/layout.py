"""Find what in a news page is not a claim, and where the body paragraphs are.

A page read from a file or scraped from the web carries furniture around its
body: a headline, a byline, time stamps, "Published: ..." headers, a dateline,
photo captions, "Read more" links, separators. :func:`find_layout` labels each
such stretch with a :class:`~reconcile.Segment` that says why it is not a claim,
and returns the rest as blocks (paragraphs) for the parser to split into
sentences. Segments and blocks never overlap and together cover every
non-whitespace character of the text: nothing is lost.

The rules are general news-page conventions over the word lists of a
:class:`~reconcile.Lexicon`, applied line by line:

- a **metadata** key followed by a date ("Published: June 13, 2013 4:59 PM EDT"),
  at the start of a line; the rest of the line, if any, is body text;
- a line that is only a **timestamp** ("June 13, 2013", "13 Minutes ago");
- a **caption** ("Photo credit: Reuters", "(Photo by X/Getty Images)");
- **boilerplate** ("Read more: ...", "Advertisement", copyright and cookie
  lines, navigation lines, the link list under "Related");
- a **byline** ("By Jane Doe, Reuters", "- News Desk", "Staff Reporter");
- a **dateline** prefix ("NAIROBI (Reuters) -", "METRO DESK:"); the rest is body;
- a **separator** (a line of punctuation only), a leading **byte-order-mark**;
- a **heading**: a short line without final punctuation that more text follows.

Everything else is body. The rules are conservative: a line that ends like a
sentence stays body text. HTML is laid out on a length-preserving view of the
markup (:func:`html_view`), so the same rules apply and offsets index the markup;
tags become "markup" segments, ``h1``-``h6`` "heading", ``figcaption``
"caption", and ``nav``/``aside``/``footer`` "boilerplate".
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile._html import (
    ZONE_BOILERPLATE,
    ZONE_CAPTION,
    ZONE_HEADING,
    ZONE_NONE,
    html_view,
    scan_html,
)
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import Segment, Span
from reconcile.parse.furniture import (
    _BULLET,
    _CLOSERS,
    _ends_sentence,
    _is_boilerplate,
    _is_byline,
    _is_caption,
    _is_lower_start,
    _is_separator,
    _is_timestamp,
    _metadata_end,
    _Rules,
    _rules,
    _strip_bullet,
    _strip_closers,
    _title_case,
    _words,
)

if TYPE_CHECKING:
    pass

__all__ = ["Layout", "find_layout", "html_view"]

# The line breaks of str.splitlines(), so a "line" means what Python means by it.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Title-case or capitalized headlines may run this long; a sentence-case line
# mid-text is a heading only when shorter ("Law covers 1,400 species").
_MAX_TITLE_WORDS = 30
_MAX_PLAIN_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 200
#: Under a link-list heading, a line no longer than this that is no sentence is a link title.
_MAX_LINK_WORDS = 20
# Hard-wrapped text: most lines that another body line follows end mid-sentence.
_WRAPPED_MIN_PAIRS = 4
_WRAPPED_RATIO = 0.6


@frozen
class Layout:
    """The non-claim segments of a text and the blocks of body text between them.

    ``segments`` and ``blocks`` are sorted by offset, never overlap, and together
    cover every non-whitespace character of the text. A block is a paragraph
    of body text, stripped of surrounding whitespace.
    """

    segments: tuple[Segment, ...]
    blocks: tuple[Span, ...]


# --------------------------------------------------------------------------------------
# The layout


@frozen
class _Candidate:
    """A stretch of a line that no rule claimed: body text, or a heading."""

    line: int
    start: int
    end: int
    at_line_start: bool


class _Builder:
    def __init__(self, text: str, view: str, source: str) -> None:
        self.text = text
        self.view = view
        self.source = source
        self.segments: list[Segment] = []
        self.blocks: list[Span] = []

    def segment(self, start: int, end: int, why: str) -> None:
        self.segments.append(Segment(self.source, Span(start, end), self.text[start:end], why))


def _lines(view: str, first: int) -> list[tuple[int, int]]:
    """Return the (start, end) of every stripped non-blank line from ``first`` on."""
    out: list[tuple[int, int]] = []
    pos = first
    n = len(view)
    for m in _LINE_BREAK.finditer(view, first):
        out.append(_strip(view, pos, m.start()))
        pos = m.end()
    if pos <= n:
        out.append(_strip(view, pos, n))
    return out


def _strip(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


def _classify_line(
    rules: _Rules,
    b: _Builder,
    number: int,
    start: int,
    end: int,
    *,
    in_links: bool,
) -> tuple[list[_Candidate], int]:
    """Label the furniture of one line; return what is left as candidates.

    Returns the candidates and where the line leaves a list of links (``_NO_LINKS``,
    ``_LINK_HEADER``, ``_LINK_ITEM`` or ``_SAME_LINKS``).
    """
    view = b.view
    # Metadata headers at the start of the line, possibly several ("Posted: ... Updated: ...").
    pos = start
    while pos < end:
        stop = _metadata_end(rules, view, pos, end)
        if stop is None:
            break
        b.segment(pos, stop, "metadata")
        pos, _ = _strip(view, stop, end)
    if pos >= end:
        return [], _NO_LINKS
    at_line_start = pos == start
    fragment = view[pos:end]
    if in_links and at_line_start:
        core, bullet = _strip_bullet(fragment)
        if bullet or (
            len(core.split()) <= _MAX_LINK_WORDS
            and not _ends_sentence(rules, core, open_ends=False)
        ):
            b.segment(pos, end, "boilerplate")
            return [], _LINK_ITEM
    if _is_separator(fragment):
        b.segment(pos, end, "separator")
        return [], _SAME_LINKS
    if _is_timestamp(rules, view, pos, end):
        b.segment(pos, end, "timestamp")
        return [], _NO_LINKS
    if _is_caption(rules, fragment):
        b.segment(pos, end, "caption")
        return [], _NO_LINKS
    if at_line_start and rules.editorial_note.match(fragment):
        # An editor's note speaks of the article ("An earlier version misstated ..."), not
        # of its story; a date in it is not the page's either.
        b.segment(pos, end, "note")
        return [], _NO_LINKS
    is_boilerplate, opens_links = _is_boilerplate(rules, fragment)
    if is_boilerplate:
        b.segment(pos, end, "boilerplate")
        return [], _LINK_HEADER if opens_links else _NO_LINKS
    if _is_byline(rules, fragment):
        b.segment(pos, end, "byline")
        return [], _NO_LINKS
    split = _byline_with_date(rules, view, pos, end)
    if split is not None:
        cut, why = split
        name_end = _strip(view, pos, cut)[1]
        b.segment(pos, name_end, "byline")
        date_start = _strip(view, cut, end)[0]
        b.segment(date_start, end, why)
        return [], _NO_LINKS
    entry = _ENTRY_TIME.match(view, pos, end) if at_line_start else None
    if entry is not None:
        # A live blog's entry time ("16:40 - The Met Office has ..."), like a dateline.
        b.segment(pos, _strip(view, pos, entry.end())[1], "timestamp")
        rest, _ = _strip(view, entry.end(), end)
        return [_Candidate(number, rest, end, at_line_start=False)], _NO_LINKS
    m = rules.dateline.match(view, pos, end)
    if m is not None and _dateline_rest_ok(rules, view, m, end):
        stop = _strip(view, pos, m.end())[1]
        b.segment(pos, stop, "dateline")
        rest, _ = _strip(view, m.end(), end)
        if rest >= end:
            return [], _NO_LINKS
        if _is_timestamp(rules, view, rest, end):
            b.segment(rest, end, "timestamp")
            return [], _NO_LINKS
        return [_Candidate(number, rest, end, at_line_start=False)], _NO_LINKS
    return [_Candidate(number, pos, end, at_line_start=at_line_start)], _NO_LINKS


#: A line that opens with a clock time and a dash, colon or bar: a live blog's entry.
_ENTRY_TIME = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?:\s?[aApP]\.?[mM]\.?)?|\d{1,2}\s?[aApP]\.?[mM]\.?)"
    r"(?:\s+[A-Z]{2,4})?\s*[-–—|:]\s+(?=\S)"
)


_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(?=\S)(.*?\S)\1")


def _emphasised_furniture(rules: _Rules, b: _Builder, number: int, start: int, end: int) -> bool:
    """Label a line of page furniture set in Markdown emphasis ("*By Ann Lee · 14 March*").

    The line is read without its markers; when all of it is furniture (a byline, a date,
    metadata), its segments are kept and the markers become "markup" segments.
    Otherwise nothing is labelled and the line is read as it is.
    """
    m = _EMPHASIS.fullmatch(b.view, start, end)
    if m is None or not any(ch.isalnum() for ch in m.group(2)):
        return False  # "***" and "____" are separators
    inner = _Builder(b.text, b.view, b.source)
    found, _ = _classify_line(rules, inner, number, m.start(2), m.end(2), in_links=False)
    if found or not inner.segments:
        return False
    b.segment(start, m.start(2), "markup")
    b.segments.extend(inner.segments)
    b.segment(m.end(2), end, "markup")
    return True


def _furniture(rules: _Rules, view: str, start: int, end: int) -> str | None:
    """Return "metadata", "timestamp" or "byline" when the whole line is one, else None."""
    stop = _metadata_end(rules, view, start, end)
    if stop is not None and _strip(view, stop, end)[0] >= end:
        return "metadata"
    if _is_timestamp(rules, view, start, end):
        return "timestamp"
    if _is_byline(rules, view[start:end]):
        return "byline"
    return None


def _dateline_rest_ok(rules: _Rules, view: str, m: re.Match[str], end: int) -> bool:
    """Return whether a dateline match leads into body text, not a headline.

    "NCAA: Improper gifts given to athletes" is a headline with a label. A
    dateline stands alone, names its agency, or opens a sentence: the rest of
    the line ends like one or runs on past a headline's length.
    """
    rest = view[m.end() : end].strip()
    if not rest or "(" in m.group():
        return True
    if _is_timestamp(rules, view, _strip(view, m.end(), end)[0], end):
        return True
    if not any(ch.islower() for ch in rest):
        return False
    return (
        _ends_sentence(rules, rest, open_ends=True) or len(rest.split()) > _MAX_PLAIN_HEADING_WORDS
    )


_BYLINE_DATE_SPLIT = re.compile(r"\s*(?:[|·•,]|\s[–—-])\s*")


def _byline_with_date(rules: _Rules, view: str, start: int, end: int) -> tuple[int, str] | None:
    """Split "By Jane Doe | June 13, 2013" into a byline and its date.

    Returns the offset where the date part starts (the separator stays with the
    byline) and its kind (timestamp or metadata), or None.
    """
    if end - start > 200:
        return None
    for m in _BYLINE_DATE_SPLIT.finditer(view, start, end):
        cut = m.end()
        if cut >= end or m.start() <= start:
            continue
        if _is_timestamp(rules, view, cut, end):
            why = "timestamp"
        elif _metadata_end(rules, view, cut, end) == end:
            why = "metadata"
        else:
            continue
        if _is_byline(rules, view[start : m.start()]):
            return cut, why
    return None


def _is_heading(
    rules: _Rules,
    view: str,
    cand: _Candidate,
    *,
    header_zone: bool,
    has_more: bool,
    next_starts_lower: bool,
) -> bool:
    """Return whether a candidate line is a headline or a section heading."""
    if not cand.at_line_start or not has_more or next_starts_lower:
        return False
    if cand.end - cand.start > _MAX_HEADING_CHARS:
        return False
    fragment = view[cand.start : cand.end]
    first = fragment[0]
    core = _strip_closers(fragment)
    if first.islower() or core[-1:] in ".,;:" or _BULLET.match(fragment):
        return False
    if not any(ch.isalpha() for ch in fragment):
        return False
    words = _words(fragment)
    last = words[-1].strip(_CLOSERS + "\"'“‘").lower()
    if last in rules.lex.heading_continuations:
        return False
    is_title, is_caps = _title_case(words, rules.lex.title_small_words)
    # A headline may ask or exclaim ("Is This The End?"), in the page header only.
    asks = header_zone and (is_title or is_caps) and core[-1:] in "?!"
    if _ends_sentence(rules, fragment, open_ends=True) and not asks:
        return False
    if is_title or is_caps or header_zone:
        return len(words) <= _MAX_TITLE_WORDS
    if first.isdigit():
        return False
    return len(words) <= _MAX_PLAIN_HEADING_WORDS


def find_layout(
    text: str, *, source: str, is_html: bool = False, lexicon: Lexicon = ENGLISH
) -> Layout:
    """Label the non-claim segments of a news text and find its body paragraphs.

    Args:
        text: the source text, exactly as read (plain text or HTML markup).
        source: the source's name, copied into every segment.
        is_html: lay out the text of the markup rather than the markup itself.
        lexicon: the word lists (metadata keys, byline and caption markers...).

    Returns:
        The segments, each with its reason (``why``), and the body blocks; they
        never overlap and cover every non-whitespace character of ``text``.

    Examples:
        >>> text = "Dam Breaks in Valley\\nBy Jane Doe\\nPublished: June 13, 2013\\n\\nTen died."
        >>> layout = find_layout(text, source="a.txt")
        >>> for segment in layout.segments:
        ...     print(segment.why, repr(segment.text))
        heading 'Dam Breaks in Valley'
        byline 'By Jane Doe'
        metadata 'Published: June 13, 2013'
        >>> [b.slice(text) for b in layout.blocks]
        ['Ten died.']
    """
    rules = _rules(lexicon)
    if is_html:
        scan = scan_html(text)
        view, zones, padding = scan.view, scan.zones, scan.padding
    else:
        view, zones, padding = text, None, None
    b = _Builder(text, view, source)
    first = 0
    if view.startswith("\ufeff"):
        b.segment(0, 1, "byte-order-mark")
        first = 1

    # Pass 1: label the furniture of each line; keep the rest as candidates.
    lines = _lines(view, first)
    candidates: list[_Candidate] = []
    links = _NO_LINKS
    for number, (start, end) in enumerate(lines):
        if start >= end:
            # A blank line ends a list of links, unless the list has no item yet.
            if links == _LINK_ITEM:
                links = _NO_LINKS
            continue
        zone = zones[start] if zones is not None else ZONE_NONE
        why = _ZONE_WHY.get(zone)
        if why is not None:
            if zone == ZONE_BOILERPLATE:
                # Page furniture says more when it is a byline or a date ("By Jane
                # Hill" and "14 November 2025" in a page's <header>).
                why = _furniture(rules, view, start, end) or why
            b.segment(start, end, why)
            continue
        if _emphasised_furniture(rules, b, number, start, end):
            continue
        found, state = _classify_line(rules, b, number, start, end, in_links=links != _NO_LINKS)
        if state != _SAME_LINKS:
            links = state
        candidates.extend(found)

    # Pass 2: headings, and body lines joined into paragraphs.
    wrapped = _is_wrapped(rules, view, candidates)
    # Lines that start with body text (not with a header, a dateline...).
    body_lines = {c.line for c in candidates if c.at_line_start}
    last_line = max((n for n, (s, e) in enumerate(lines) if s < e), default=-1)
    block: list[int] | None = None  # [start, end, line, ends_sentence]
    prev: _Candidate | None = None
    prev_is_body = False
    for cand in candidates:
        joins = (
            prev is not None
            and prev_is_body
            and block is not None
            and cand.at_line_start
            and cand.line == prev.line + 1
            and not _BULLET.match(view, cand.start, cand.end)
            and (
                wrapped
                or _is_lower_start(view, cand.start)
                # A list item ("- 3 people were killed") goes on only in lower case.
                or (
                    not _BULLET.match(view, block[0], block[1])
                    and not _ends_sentence(rules, view[prev.start : prev.end], open_ends=False)
                )
            )
        )
        if joins and block is not None:
            block[1] = cand.end
            prev, prev_is_body = cand, True
            continue
        nxt = cand.line + 1
        next_starts_lower = nxt in body_lines and _is_lower_start(view, lines[nxt][0])
        if _is_heading(
            rules,
            view,
            cand,
            header_zone=not b.blocks and block is None,
            has_more=cand.line < last_line,
            next_starts_lower=next_starts_lower,
        ):
            if block is not None:
                b.blocks.append(Span(block[0], block[1]))
                block = None
            b.segment(cand.start, cand.end, "heading")
            prev, prev_is_body = cand, False
            continue
        if block is not None:
            b.blocks.append(Span(block[0], block[1]))
        block = [cand.start, cand.end]
        prev, prev_is_body = cand, True
    if block is not None:
        b.blocks.append(Span(block[0], block[1]))

    segments, blocks = b.segments, b.blocks
    if is_html:
        assert padding is not None
        segments, blocks = _finish_html(text, source, segments, blocks, padding)
    segments.sort(key=lambda s: s.span.start)
    blocks.sort(key=lambda span: span.start)
    return Layout(tuple(segments), tuple(blocks))


# Where a line stands in a list of links ("Related:" then link titles).
_NO_LINKS, _LINK_HEADER, _LINK_ITEM, _SAME_LINKS = range(4)
_ZONE_WHY = {ZONE_HEADING: "heading", ZONE_CAPTION: "caption", ZONE_BOILERPLATE: "boilerplate"}


def _is_wrapped(rules: _Rules, view: str, candidates: list[_Candidate]) -> bool:
    """Return whether the body is hard-wrapped (lines end mid-sentence as a rule)."""
    pairs = open_ends = 0
    for prev, cand in itertools.pairwise(candidates):
        if cand.at_line_start and cand.line == prev.line + 1:
            pairs += 1
            open_ends += not _ends_sentence(rules, view[prev.start : prev.end], open_ends=False)
    return pairs >= _WRAPPED_MIN_PAIRS and open_ends >= _WRAPPED_RATIO * pairs


def _finish_html(
    text: str,
    source: str,
    segments: list[Segment],
    blocks: list[Span],
    padding: bytes,
) -> tuple[list[Segment], list[Span]]:
    """Stretch spans over their character references; label the markup in between."""
    n = len(text)

    def stretch(end: int) -> int:
        while end < n and padding[end]:
            end += 1
        return end

    out_segments = [
        Segment(source, Span(s.span.start, e), text[s.span.start : e], s.why)
        if (e := stretch(s.span.end)) != s.span.end
        else s
        for s in segments
    ]
    out_blocks = [Span(b.start, stretch(b.end)) for b in blocks]
    covered = sorted([s.span for s in out_segments] + out_blocks)
    pos = 0
    for span in [*covered, Span(n, n)]:
        start, end = _strip(text, pos, span.start)
        if start < end:
            out_segments.append(Segment(source, Span(start, end), text[start:end], "markup"))
        pos = max(pos, span.end)
    return out_segments, out_blocks
