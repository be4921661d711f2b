"""A length-preserving text view of HTML, so that offsets into it index the markup.

The stdlib :class:`html.parser.HTMLParser` finds the tags, comments, character
references and raw-text elements; each event starts where
:meth:`~html.parser.HTMLParser.getpos` says and runs to the start of the next
one, so the events tile the markup exactly. The view copies text as is and
writes a space for every markup character (a newline first for tags that break
the flow of text), and a character reference as its character followed by
spaces. Text inside some elements is marked with a zone (a heading, a caption,
page furniture, or markup such as a script), which :mod:`reconcile.parse.layout`
turns into segments.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from datetime import date
from html.parser import HTMLParser
from typing import Any

from attrs import frozen
from dateutil import parser as dateparser

__all__ = [
    "ZONE_BOILERPLATE",
    "ZONE_CAPTION",
    "ZONE_HEADING",
    "ZONE_MARKUP",
    "ZONE_NONE",
    "HtmlScan",
    "html_view",
    "published_in_markup",
    "scan_html",
]

ZONE_NONE = 0
ZONE_HEADING = 1
ZONE_CAPTION = 2
ZONE_BOILERPLATE = 3
ZONE_MARKUP = 4


# Elements whose start or end breaks the text into a new paragraph (HTML's block
# and table-row elements), and the one that breaks a line inside a paragraph.
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARAGRAPH_TAGS = _word_set(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html legend
    li listing main menu nav noscript ol optgroup option p pre section select summary table
    tbody td tfoot th thead title tr ul caption iframe script style template textarea svg
    button video audio canvas object embed picture"""
)
_LINE_TAGS = frozenset({"br", "wbr"})
_VOID_TAGS = _word_set(
    "area base br col embed hr img input keygen link meta param source track wbr"
)
_PRESERVE_NEWLINES = frozenset({"pre", "textarea", "listing", "plaintext"})

# Zones, from the weakest to the strongest: an open element of a stronger zone
# wins over any weaker one around or inside it (a <nav>'s <h2> is furniture).
_HEADER = 5  # a page <header> outside <article>/<main>: furniture, weaker than a heading
_ZONE_OF_TAG = {
    "h1": ZONE_HEADING,
    "h2": ZONE_HEADING,
    "h3": ZONE_HEADING,
    "h4": ZONE_HEADING,
    "h5": ZONE_HEADING,
    "h6": ZONE_HEADING,
    "title": ZONE_HEADING,
    "figcaption": ZONE_CAPTION,
    "nav": ZONE_BOILERPLATE,
    "footer": ZONE_BOILERPLATE,
    "aside": ZONE_BOILERPLATE,
    "noscript": ZONE_BOILERPLATE,
    "button": ZONE_BOILERPLATE,
    "select": ZONE_BOILERPLATE,
    "textarea": ZONE_BOILERPLATE,
    "menu": ZONE_BOILERPLATE,
    "dialog": ZONE_BOILERPLATE,
    "script": ZONE_MARKUP,
    "style": ZONE_MARKUP,
    "template": ZONE_MARKUP,
    "svg": ZONE_MARKUP,
    "math": ZONE_MARKUP,
    "iframe": ZONE_MARKUP,
    "object": ZONE_MARKUP,
}
_PRIORITY = (ZONE_MARKUP, ZONE_BOILERPLATE, ZONE_HEADING, ZONE_CAPTION, _HEADER)
_CONTENT_ROOTS = frozenset({"article", "main"})
_TRACKED = frozenset({*_ZONE_OF_TAG, "header", *_CONTENT_ROOTS, *_PRESERVE_NEWLINES})

_DATA, _TAG, _LINE_BREAK, _PARAGRAPH_BREAK, _REFERENCE = range(5)
_SECTION_CLOSE = re.compile(r"\]\s*>")
_NEWLINES = re.compile(r"[\n\r\f\v\x1c-\x1e\x85\u2028\u2029]")


@frozen
class HtmlScan:
    """The view of an HTML text and what each character of it is.

    ``view`` has the length of the text. ``zones[i]`` is the ``ZONE_*`` of the
    element that character ``i`` is in; ``padding[i]`` is 1 for the spaces that
    follow a character reference's character (they belong to the reference).
    """

    view: str
    zones: bytes
    padding: bytes


class _Scanner(HTMLParser):
    """Record where each parser event starts, and the zone it is in."""

    def __init__(self, line_starts: list[int], base: int, state: _State) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = line_starts
        self._base = base
        self._base_line = bisect_right(line_starts, base) - 1
        self._state = state

    def _offset(self) -> int:
        line, col = self.getpos()
        if line == 1:
            return self._base + col
        return self._line_starts[self._base_line + line - 1] + col

    def _event(self, kind: int) -> None:
        self._state.add(self._offset(), kind)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event(self._state.break_kind(tag))
        if tag not in _VOID_TAGS:
            self._state.open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event(self._state.break_kind(tag))

    def handle_endtag(self, tag: str) -> None:
        self._event(self._state.break_kind(tag))
        self._state.close(tag)

    def handle_data(self, data: str) -> None:
        self._event(_DATA)

    def handle_entityref(self, name: str) -> None:
        self._event(_REFERENCE)

    def handle_charref(self, name: str) -> None:
        self._event(_REFERENCE)

    def handle_comment(self, data: str) -> None:
        self._event(_TAG)

    def handle_decl(self, decl: str) -> None:
        self._event(_TAG)

    def handle_pi(self, data: str) -> None:
        self._event(_TAG)

    def unknown_decl(self, data: str) -> None:
        self._event(_TAG)


class _State:
    """The events seen so far and the stack of open zone elements."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.kinds: list[int] = []
        self.zones: list[int] = []
        self.preserve: list[bool] = []
        self._stack: list[tuple[str, int]] = []
        self._counts = dict.fromkeys((*_PRIORITY, ZONE_NONE), 0)
        self._roots = 0
        self._preserve = 0

    def zone(self) -> int:
        for zone in _PRIORITY:
            if self._counts[zone]:
                return ZONE_BOILERPLATE if zone == _HEADER else zone
        return ZONE_NONE

    def add(self, start: int, kind: int) -> None:
        if self.starts and start <= self.starts[-1]:
            if start < self.starts[-1]:
                return
            # Two events at one offset (an empty chunk): the later one describes it.
            self.starts.pop()
            self.kinds.pop()
            self.zones.pop()
            self.preserve.pop()
        self.starts.append(start)
        self.kinds.append(kind)
        self.zones.append(self.zone())
        self.preserve.append(self._preserve > 0)

    @staticmethod
    def break_kind(tag: str) -> int:
        if tag in _PARAGRAPH_TAGS:
            return _PARAGRAPH_BREAK
        if tag in _LINE_TAGS:
            return _LINE_BREAK
        return _TAG

    def open(self, tag: str) -> None:
        if tag not in _TRACKED:
            return
        zone = _ZONE_OF_TAG.get(tag, ZONE_NONE)
        if tag == "header" and not self._roots:
            zone = _HEADER
        self._stack.append((tag, zone))
        self._counts[zone] += 1
        self._roots += tag in _CONTENT_ROOTS
        self._preserve += tag in _PRESERVE_NEWLINES

    def close(self, tag: str) -> None:
        # Close the innermost open element of this name and everything inside it;
        # an end tag with no open element is ignored, as browsers do. Only the
        # elements that set a zone are on the stack, and the search is bounded,
        # so every end tag costs O(1) and the scan stays linear.
        if tag not in _TRACKED:
            return
        stack = self._stack
        for depth in range(len(stack) - 1, max(len(stack) - 64, 0) - 1, -1):
            if stack[depth][0] == tag:
                while len(stack) > depth:
                    name, zone = stack.pop()
                    self._counts[zone] -= 1
                    self._roots -= name in _CONTENT_ROOTS
                    self._preserve -= name in _PRESERVE_NEWLINES
                return


def _line_starts(text: str) -> list[int]:
    # HTMLParser.getpos() counts lines by "\n" only.
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _parse_limit(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Return how far HTMLParser can go in linear time, and the events of the rest.

    HTMLParser searches to the end of the text for the close of every
    unterminated comment or tag, which is quadratic on malformed input. Nothing
    after the last ">" can close, and an unterminated comment or marked section
    runs to the end of the text (as in a browser), so the parser stops there;
    the rest is text, up to such a comment or section, which is markup.
    """
    limit = text.rfind(">") + 1
    closed = text.rfind("-->")
    openers = [text.find("<!--", closed + 3 if closed >= 0 else 0)]
    last_section_end = 0
    for m in _SECTION_CLOSE.finditer(text):
        last_section_end = m.end()
    openers.append(text.find("<![", last_section_end))
    opener = min((o for o in openers if o >= 0), default=-1)
    if opener < 0:
        return limit, [(limit, _DATA)]
    if opener <= limit:
        return opener, [(opener, _TAG)]
    return limit, [(limit, _DATA), (opener, _TAG)]


def _parse(text: str) -> _State:
    state = _State()
    line_starts = _line_starts(text)
    limit, tail = _parse_limit(text)
    base = 0
    while base < limit:
        scanner = _Scanner(line_starts, base, state)
        try:
            scanner.feed(text[base:limit])
            scanner.close()
        except AssertionError:
            # HTMLParser gives up on some malformed declarations ("<![x"): take
            # the "<" where it stopped as text and go on after it.
            stop = scanner._offset()
            state.add(stop, _DATA)
            base = stop + 1
            continue
        break
    for start, kind in tail:
        if start < len(text):
            state.add(start, kind)
    return state


def scan_html(text: str) -> HtmlScan:
    """Return the view of ``text`` with the zone of every character.

    Examples:
        >>> scan = scan_html("<h1>Dam breaks</h1><p>Ten died &amp; more.</p>")
        >>> scan.view
        '\\n\\n  Dam breaks\\n\\n   \\n\\n Ten died &     more.\\n\\n  '
        >>> scan.zones[5], scan.zones[25]
        (1, 0)
    """
    state = _parse(text)
    n = len(text)
    view: list[str] = []
    zones = bytearray(n)
    padding = bytearray(n)
    starts = state.starts
    if not starts or starts[0] != 0:
        # Nothing reported for the start (cannot happen with HTMLParser, but an
        # unreported stretch must still be covered): take it as markup.
        starts.insert(0, 0)
        state.kinds.insert(0, _TAG)
        state.zones.insert(0, ZONE_MARKUP)
        state.preserve.insert(0, False)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        if end <= start:
            continue
        kind = state.kinds[k]
        zone = state.zones[k]
        raw = text[start:end]
        if kind == _DATA and zone != ZONE_MARKUP:
            view.append(raw if state.preserve[k] else _NEWLINES.sub(" ", raw))
            zones[start:end] = bytes((zone,)) * (end - start)
        elif kind == _REFERENCE and zone != ZONE_MARKUP:
            char = html.unescape(raw)
            if 0 < len(char) < len(raw):
                view.append(char + " " * (len(raw) - len(char)))
                padding[start + len(char) : end] = b"\x01" * (end - start - len(char))
            else:
                view.append(raw)
            zones[start:end] = bytes((zone,)) * (end - start)
        elif kind == _PARAGRAPH_BREAK:
            view.append(("\n\n" + " " * (len(raw) - 2)) if len(raw) >= 2 else "\n")
            zones[start:end] = bytes((ZONE_MARKUP,)) * (end - start)
        elif kind == _LINE_BREAK:
            view.append("\n" + " " * (len(raw) - 1))
            zones[start:end] = bytes((ZONE_MARKUP,)) * (end - start)
        else:
            view.append(" " * len(raw))
            zones[start:end] = bytes((ZONE_MARKUP,)) * (end - start)
    return HtmlScan("".join(view), bytes(zones), bytes(padding))


def html_view(text: str) -> str:
    """Return ``text`` with its markup blanked out, keeping every offset.

    Tags, comments and the contents of scripts and styles become spaces; tags
    that start a paragraph (``p``, ``div``, ``h1``, ``li``, ``tr``...) become two
    newlines and spaces, ``br`` a newline and spaces; a character reference
    becomes its character followed by spaces; newlines inside text become
    spaces, as a browser shows them (except inside ``pre``). The view has
    exactly the length of ``text``, so a span found in the view indexes the
    markup.

    Args:
        text: HTML markup, a whole page or a fragment.

    Returns:
        The view, ``len(html_view(text)) == len(text)``.

    Examples:
        >>> html_view("<p>Tom &amp; Jerry</p>")
        '\\n\\n Tom &     Jerry\\n\\n  '
    """
    return scan_html(text).view


# Where pages state their publication date for machines: Open Graph and other
# <meta> names (the ones htmldate and news crawlers read), schema.org's
# datePublished (in microdata or JSON-LD), and <time pubdate>. Modification
# dates are left out on purpose.
_META_DATE_NAMES = _word_set(
    """article:published_time og:article:published_time og:published_time article:published
    datepublished date pubdate publishdate publish-date publish_date published_time
    publication_date dc.date dc.date.issued dc.date.created dcterms.date dcterms.issued
    dcterms.created sailthru.date parsely-pub-date citation_publication_date
    citation_date article.published originalpublicationdate"""
)
_LD_JSON_LIMIT = 1 << 20


class _DateScanner(HTMLParser):
    """Collect, in document order, the publication dates a page states in its markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (where, value)
        self._in_ld_json = False
        self._ld_json: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            for key in ("property", "name", "itemprop", "http-equiv"):
                name = a.get(key, "").strip().lower()
                if name in _META_DATE_NAMES and a.get("content", "").strip():
                    self.found.append((f'<meta {key}="{name}">', a["content"].strip()))
                    return
        elif tag == "time" and a.get("datetime", "").strip():
            if "pubdate" in a or a.get("itemprop", "").strip().lower() == "datepublished":
                self.found.append(("<time pubdate>", a["datetime"].strip()))
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._in_ld_json = True
            self._ld_json = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._in_ld_json:
            self._ld_json.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_ld_json:
            self._in_ld_json = False
            raw = "".join(self._ld_json)
            if len(raw) <= _LD_JSON_LIMIT:
                try:
                    data = json.loads(raw)
                except ValueError:
                    return
                value = _ld_date(data)
                if value:
                    self.found.append(("JSON-LD datePublished", value))


def _ld_date(data: Any, depth: int = 0) -> str | None:
    """Return the first ``datePublished`` string of a JSON-LD document, depth first."""
    if depth > 8:
        return None
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str) and value.strip():
            return value.strip()
        items = list(data.values())
    elif isinstance(data, list):
        items = data
    else:
        return None
    for item in items:
        if isinstance(item, (dict, list)):
            found = _ld_date(item, depth + 1)
            if found:
                return found
    return None


def _markup_date(value: str) -> date | None:
    try:
        when = dateparser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            when = dateparser.parse(value)
        except (ValueError, OverflowError):
            return None
    if not 1800 <= when.year <= 2200:
        return None
    return when.date()


def published_in_markup(text: str) -> tuple[date, str] | None:
    """Return the publication date a page's markup states for machines, and where.

    The first date in document order wins, from ``<meta>`` tags such as
    ``article:published_time``, schema.org ``datePublished`` (microdata or
    JSON-LD) and ``<time pubdate>``. The date is the one written in the value
    (its own time zone), not converted.

    Examples:
        >>> page = '<meta property="article:published_time" content="2025-11-14T08:32:00+01:00">'
        >>> when, where = published_in_markup(page)
        >>> print(when, where)
        2025-11-14 <meta property="article:published_time"> '2025-11-14T08:32:00+01:00'
        >>> published_in_markup("<p>No date here.</p>") is None
        True
    """
    limit, _tail = _parse_limit(text)
    scanner = _DateScanner()
    try:
        scanner.feed(text[:limit])
        scanner.close()
    except AssertionError:
        pass  # a malformed declaration: keep what was found before it
    for where, value in scanner.found:
        when = _markup_date(value)
        if when is not None:
            return when, f"{where} {value!r}"
    return None
