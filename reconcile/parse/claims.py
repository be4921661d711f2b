"""The parse stage's two steps: outline a source, then read its sentences into claims.

Parsing runs in two steps so that a publication date can be inferred from
several sources at once (see :mod:`reconcile.pipeline`):

1. :func:`outline` lays out the text (what is page furniture, where the body
   paragraphs and sentences are) and needs no date.
2. :func:`parse_outline` reads each sentence into a :class:`~reconcile.Claim`
   with its time expressions (normalized against the publication date),
   numbers, ordinals with their scope, named entities, attribution, modality
   and negation.

Every character of the source ends up in a claim or in a
:class:`~reconcile.Segment` that says why it is not one.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from attrs import evolve, frozen

from reconcile._html import published_in_markup
from reconcile._text import content_terms, inside_quotation, tokens, words_outside
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import Claim, Document, Segment, Source, Span, TimeMention
from reconcile.morphology import is_past_form
from reconcile.parse.features import (
    NO_TITLE_CASE,
    EntityIndex,
    WordCases,
    capitalized_runs,
    document_word_cases,
    find_attribution,
    find_entities,
    find_modality,
    find_ordinals,
    find_predicates,
    find_quantities,
    find_quotes,
    is_negated,
    quote_speaker,
)
from reconcile.parse.layout import find_layout, html_view
from reconcile.parse.sentences import split_sentences
from reconcile.timex import PublicationAnchor, find_publication_anchors, find_times

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = [
    "Outline",
    "explicit_publication_date",
    "implied_publication_date",
    "outline",
    "parse_outline",
    "publication_anchors",
]

#: How many capitalized runs on each side of a name count as its context.
_CONTEXT_RUNS = 12
#: Sentences longer than this are split at semicolons into clauses when both
#: halves stand alone; shorter ones stay whole, since splitting loses context.
_SPLIT_LONGER_THAN = 300
_MIN_CLAUSE = 40


@frozen
class Outline:
    """A source laid out: segments that are not claims, and the sentences of its body.

    ``view`` is the text the parser reads: the source text itself, or for HTML a
    copy of the same length with the markup blanked out, so offsets stay valid.
    ``sentences`` holds ``(span, paragraph, index in paragraph)``; ``anchors`` the
    body's deictic days that name their date ("tomorrow, February 3"), in text
    order, read once for both the publication date and the claims; ``lexicon`` is
    the language it was laid out with, which the later steps read its times with.
    """

    source: Source
    view: str
    segments: tuple[Segment, ...]
    sentences: tuple[tuple[Span, int, int], ...]
    blocks: tuple[Span, ...]
    anchors: tuple[PublicationAnchor, ...] = ()
    lexicon: Lexicon = ENGLISH


def outline(source: Source, *, lexicon: Lexicon = ENGLISH) -> Outline:
    """Lay out a source: its non-claim segments and the sentences of its body.

    Examples:
        >>> from reconcile import Source
        >>> text = "By Jane Doe\\nThe dam broke on Monday. Ten people died."
        >>> out = outline(Source(text, name="a.txt"))
        >>> [(s.why, s.text) for s in out.segments]
        [('byline', 'By Jane Doe')]
        >>> [sp.slice(text) for sp, _, _ in out.sentences]
        ['The dam broke on Monday.', 'Ten people died.']
    """
    view = html_view(source.text) if source.is_html else source.text
    layout = find_layout(source.text, source=source.name, is_html=source.is_html, lexicon=lexicon)
    headlines = _headlines(layout.segments, layout.blocks)
    segments = tuple(s for s in layout.segments if s.span not in headlines)
    blocks = tuple(sorted((*layout.blocks, *headlines), key=lambda b: b.start))
    sentences: list[tuple[Span, int, int]] = []
    for paragraph, block in enumerate(blocks):
        for k, span in enumerate(split_sentences(view, block.start, block.end, lexicon=lexicon)):
            sentences.append((span, paragraph, k))
    anchors = tuple(_body_anchors(view, blocks, lexicon))
    return Outline(
        source, view, segments, tuple(sentences), blocks, anchors=anchors, lexicon=lexicon
    )


def _headlines(segments: Sequence[Segment], blocks: Sequence[Span]) -> frozenset[Span]:
    """Return the spans of the headings above the body: the headline and its deck.

    A headline states the story's main fact ("Three killed as rioters bomb Greek
    bank"), so it is read as a claim, a paragraph of its own; a heading between
    body paragraphs names a section ("Early years") and stays a segment.
    """
    body = min((b.start for b in blocks), default=-1)
    return frozenset(s.span for s in segments if s.why == "heading" and s.span.start < body)


_PAGE_DATE_WHY = ("metadata", "timestamp", "dateline")


def explicit_publication_date(out: Outline) -> tuple[date, str] | None:
    """Return the date a page header, timestamp or dateline states, and how it was found.

    Only a full calendar date counts (a day, with its year); "2 hours ago" does not.
    In HTML, the date the markup states for machines (``article:published_time``,
    schema.org ``datePublished``...) comes first; then the first such segment in
    the text wins.
    """
    if out.source.is_html:
        found = published_in_markup(out.source.text)
        if found is not None:
            return found[0], f"explicit HTML metadata {found[1]}"
    for seg, tm in _page_times(out):
        if (
            tm.interval is not None
            and tm.interval[0] == tm.interval[1]
            and tm.type in ("DATE", "TIME")
        ):
            where = "at the start of the text" if seg.span.start < 80 else "in the text"
            return tm.interval[0], f"explicit {seg.why} {seg.text.strip()!r} {where}"
    return None


def _page_times(out: Outline) -> Iterator[tuple[Segment, TimeMention]]:
    """Yield the time expressions of the page's headers, timestamps and datelines, in order."""
    for seg in sorted(out.segments, key=lambda s: s.span.start):
        if seg.why in _PAGE_DATE_WHY:
            for tm in find_times(
                out.view,
                reference=None,
                start=seg.span.start,
                end=seg.span.end,
                lexicon=out.lexicon,
            ):
                yield seg, tm


def publication_anchors(out: Outline) -> tuple[PublicationAnchor, ...]:
    """Return the expressions that give away the publication date, the surest first.

    A page date without its year ("PORT HALLAM, March 14 (Reuters) -") is the day
    itself; then the body's deictic days that name their date ("tomorrow, Feb 3").
    """
    found: list[PublicationAnchor] = []
    for _seg, tm in _page_times(out):
        m = _YEARLESS_DAY.fullmatch(tm.value)
        if tm.type == "DATE" and m is not None:
            month, day = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append(PublicationAnchor(tm.span, tm.text, None, month, day, 0))
    found.extend(out.anchors)
    return tuple(found)


def _body_anchors(
    view: str, blocks: Sequence[Span], lexicon: Lexicon
) -> Iterator[PublicationAnchor]:
    """Yield the body's deictic days that name their date, a paragraph at a time."""
    openers = tuple(word for word, _ in lexicon.deictic_days)
    for block in blocks:
        # An anchor opens with a deictic day ("tomorrow, February 3"): a paragraph that
        # holds none of those words has no anchor, and reading a paragraph's time
        # expressions is the costliest step of a parse.
        low = view[block.start : block.end].lower()
        if any(word in low for word in openers):
            yield from find_publication_anchors(
                view, start=block.start, end=block.end, lexicon=lexicon
            )


_YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")


def infer_publication_date(
    out: Outline, *, other_dates: Sequence[date] = ()
) -> tuple[date | None, str]:
    """Return the publication date a source implies, and how it was inferred.

    In order: a date stated by the page (header, timestamp, dateline); else a
    deictic expression that names its date ("tomorrow, February 3" means published
    February 2), its year from the expression, from the other sources of the same
    story, or from the latest date the text names (the named day is the first
    one after it, since news reports what has happened).
    """
    explicit = explicit_publication_date(out)
    if explicit is not None:
        return explicit
    return implied_publication_date(out, other_dates=other_dates)


def implied_publication_date(
    out: Outline, *, other_dates: Sequence[date] = ()
) -> tuple[date | None, str]:
    """Return the publication date the body implies, when the page states none.

    This is :func:`infer_publication_date` without its first step, for a caller that
    has already looked for a stated date.
    """
    for anchor in publication_anchors(out):
        year, year_how = _anchor_year(out, anchor, other_dates)
        if year is None:
            continue
        try:
            named = date(year, anchor.month, anchor.day)
        except ValueError:
            continue
        published = named - timedelta(days=anchor.offset_days)
        return published, f"inferred from {anchor.text!r} in the text; {year_how}"
    return (
        None,
        "unknown: the text states no publication date; pass published= (--published NAME=DATE)",
    )


def _anchor_year(
    out: Outline, anchor: PublicationAnchor, other_dates: Sequence[date]
) -> tuple[int | None, str]:
    if anchor.year is not None:
        return anchor.year, f"the year {anchor.year} as stated"
    if other_dates:
        # The year that puts the named day closest to the other sources' dates.
        best = min(
            (abs((date(d.year + dy, anchor.month, min(anchor.day, 28)) - d).days), d.year + dy, d)
            for d in sorted(other_dates)
            for dy in (-1, 0, 1)
        )
        return best[1], f"the year from the other sources of the story (published {best[2]})"
    named = [
        (tm.interval[0], tm.text)
        for block in out.blocks
        for tm in find_times(
            out.view, reference=None, start=block.start, end=block.end, lexicon=out.lexicon
        )
        if tm.interval is not None and tm.type == "DATE"
    ]
    if named:
        # News reports what has happened: the article comes out after the latest
        # date it names, so the named day is the first one on or after it.
        latest, text = max(named)
        year = latest.year
        if (anchor.month, anchor.day) < (latest.month, latest.day):
            year += 1
        return year, f"the year that follows the latest date the text names ({text!r})"
    return None, ""


def parse_outline(
    out: Outline,
    *,
    published: date | None,
    published_how: str,
    lexicon: Lexicon = ENGLISH,
    story_date: date | None = None,
) -> Document:
    """Read the sentences of an outline into claims, normalizing times against ``published``.

    ``story_date`` (a publication date of the story's other sources) gives a date
    written without its year its year when ``published`` is unknown.
    """
    source, view = out.source, out.view
    contexts: list[tuple[str, str, tuple[str, ...]]] = []
    cases = document_word_cases(view, [span for span, _, _ in out.sentences], lexicon=lexicon)
    for span, _, _ in out.sentences:
        runs = capitalized_runs(view, span.start, span.end, lexicon=lexicon, cases=cases)
        for i, (title, name, _) in enumerate(runs):
            if name:
                # The names near this one: a whole sentence's would cost runs x runs on a
                # text without punctuation (one sentence of 100,000 names).
                near = runs[max(0, i - _CONTEXT_RUNS) : i + _CONTEXT_RUNS + 1]
                around = tuple(w for _, other, _ in near if other != name for w in other.split())
                contexts.append((title, name, around))
    index = EntityIndex(
        [(title, name) for title, name, _ in contexts],
        contexts=contexts,
        designators=lexicon.company_designators,
        generic_roles=lexicon.generic_roles,
    )
    speakers = _QuoteLookup(_quote_speakers(out, lexicon))
    # In text order, so each claim finds its times by bisection (linear, not claims x times).
    block_times = sorted(
        _block_times(out, published, story_date), key=lambda t: (t.span.start, t.span.end)
    )
    claims: list[Claim] = []
    for span, paragraph, k in out.sentences:
        said_by = None
        for clause in _clauses(view, span, lexicon):
            claim = _claim(
                out,
                clause,
                (paragraph, k),
                block_times=block_times,
                block_anchors=out.anchors,
                index=index,
                speakers=speakers,
                lexicon=lexicon,
                cases=cases,
            )
            # "Police said the bank was damaged, and an employee was hurt": the
            # second clause is police's word too.
            if claim.attribution is None and said_by is not None:
                claim = evolve(claim, attribution=said_by)
            said_by = said_by or claim.attribution
            claims.append(claim)
    segments = out.segments
    if source.is_html:
        markup = _markup_between(out, claims)
        segments = tuple(sorted(segments + markup, key=lambda s: s.span.start))
    return Document(source, published, published_how, tuple(claims), segments)


def _markup_between(out: Outline, claims: Sequence[Claim]) -> tuple[Segment, ...]:
    """Return the markup between the claims of one HTML paragraph, as "markup" segments.

    The layout labels the markup between paragraphs; tags between two sentences of
    one paragraph (``Ten died.</span> <span>Two are missing.``) lie outside both
    claims and would be lost.
    """
    text, view = out.source.text, out.view
    spans = sorted([c.span for c in claims] + [s.span for s in out.segments])
    found: list[Segment] = []
    pos = 0
    for span in [*spans, Span(len(text), len(text))]:
        start, end = pos, span.start
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        # Only what the parser did not read (blanked markup); text it read but left
        # out of every claim would be a bug to find, not to hide.
        if start < end and not view[start:end].strip():
            found.append(Segment(out.source.name, Span(start, end), text[start:end], "markup"))
        pos = max(pos, span.end)
    return tuple(found)


class _QuoteLookup:
    """Attributed quotations, found by the span they overlap in a bisection, not a scan.

    Every claim asks which quotations it overlaps; scanning them all for each claim
    costs claims x quotations, quadratic in the length of a long text.
    """

    __slots__ = ("_items", "_max_ends", "_order", "_starts")

    def __init__(self, items: Sequence[tuple[Span, str, Span]]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda k: items[k][0].start)
        self._starts = [items[k][0].start for k in self._order]
        # The furthest end so far, in start order: non-decreasing, so it bisects
        # even when quotations nest.
        self._max_ends = list(itertools.accumulate((items[k][0].end for k in self._order), max))

    def overlapping(self, span: Span) -> list[tuple[Span, str, Span]]:
        """Return the quotations that overlap ``span``, in the order they were given."""
        i = bisect_right(self._max_ends, span.start)
        found = []
        while i < len(self._order) and self._starts[i] < span.end:
            if self._items[self._order[i]][0].overlaps(span):
                found.append(self._order[i])
            i += 1
        return [self._items[k] for k in sorted(found)]


def _quote_speakers(out: Outline, lexicon: Lexicon) -> list[tuple[Span, str, Span]]:
    """Return ``(quote span, speaker, naming span)`` for every attributed quotation."""
    found: list[tuple[Span, str, Span]] = []
    for block in out.blocks:
        for quote in find_quotes(out.view, block.start, block.end):
            speaker = quote_speaker(out.view, quote, block.end, lexicon=lexicon)
            if speaker is not None:
                found.append((quote, speaker[0], speaker[1]))
    return found


def _clauses(view: str, span: Span, lexicon: Lexicon) -> list[Span]:
    """Split a sentence that states several facts into its clauses.

    Two cuts are made, and only where both sides stand alone as statements:
    at a semicolon in a long sentence, and at a comma-and-conjunction ("..., and
    police said ...", "..., but the company denied ...") whose second half has its
    own subject and finite verb. A list ("Iran, Turkey, and the Gulf states") or a
    shared subject ("He arrived on Monday, and met ...") is not cut, so no claim
    loses the words it needs to be read.
    """
    text = view[span.start : span.end]
    cuts: set[int] = set()  # where a left piece ends, its comma or semicolon included
    if len(span) > _SPLIT_LONGER_THAN:
        cuts.update(m.start() + 1 for m in re.finditer(r";\s", text))
    cuts.update(
        m.start() + 1
        for m in _COORDINATION.finditer(text)
        if _is_clause(text[m.end() :], lexicon) and not _ends_list(text[: m.start()])
    )
    pieces: list[Span] = []
    start = 0
    for left_end in sorted(cuts):
        right_start = len(text) - len(text[left_end:].lstrip())
        if (
            left_end - start >= _MIN_CLAUSE
            and len(text) - right_start >= _MIN_CLAUSE
            and not inside_quotation(text, left_end)
        ):
            pieces.append(Span(span.start + start, span.start + left_end))
            start = right_start
    pieces.append(Span(span.start + start, span.end))
    return pieces


#: ", and" / ", but" / ", while" followed by what can open a clause's subject.
_COORDINATION = re.compile(
    r",\s+(?:and|but|while|whereas|yet)\s+"
    r"(?=(?:he|she|they|it|we|I|there|the|a|an|his|her|their|its|this|that|these|those"
    r"|[A-Z][\w'’-]*)\b)"
)
#: A clause's finite verb comes within this many words of its start.
_VERB_WITHIN = 7


def _is_clause(rest: str, lexicon: Lexicon) -> bool:
    """Return whether ``rest`` opens with a subject and a finite verb of its own."""
    words = re.findall(r"[A-Za-z][\w'’-]*", rest)[: _VERB_WITHIN + 1]
    if len(words) < 4:
        return False
    for i, word in enumerate(words[1:], start=1):
        low = word.lower()
        if low in lexicon.finite_auxiliaries:
            return True
        if is_past_form(low, lexicon) and words[i - 1].lower() not in lexicon.determiners:
            return True
    return False


def _ends_list(left: str) -> bool:
    """Return whether ``left`` ends in the items of a list ("clubs, rags, and ...")."""
    head, comma, last = left.rpartition(",")
    return bool(comma) and len(last.split()) < _LIST_ITEM_WORDS and bool(head.strip())


#: A comma-separated piece of fewer words than this before ", and" is a list item.
_LIST_ITEM_WORDS = 5


def _block_times(
    out: Outline, published: date | None, story_date: date | None = None
) -> list[TimeMention]:
    """Return every time expression of the body, read a paragraph at a time.

    Reading whole paragraphs lets "the next day" count from the date before it and
    a tense decide "on Monday". An expression is marked relative (deictic) when,
    read without a publication date, it names no calendar field at all ("today",
    "last week", "on Monday"); "February 26" names its month and day and is not.
    Without a publication date, a date written without its year takes its year
    from ``story_date``, a date of the other sources of the story.
    """
    found: list[TimeMention] = []
    for block in out.blocks:
        times = find_times(
            out.view,
            reference=published,
            start=block.start,
            end=block.end,
            year_hint=story_date,
            # The checks compare and quote a range as one period: "July 9 to 11".
            ranges="joined",
            lexicon=out.lexicon,
        )
        if published is None:
            found.extend(times)
            continue
        deictic = {
            (t.span.start, t.span.end)
            for t in find_times(
                out.view,
                reference=None,
                start=block.start,
                end=block.end,
                ranges="joined",
                lexicon=out.lexicon,
            )
            if t.interval is None and _DEICTIC_VALUE.match(t.value)
        }
        found.extend(
            evolve(t, is_relative=t.interval is not None and (t.span.start, t.span.end) in deictic)
            for t in times
        )
    return found


class _Spanned(Protocol):
    @property
    def span(self) -> Span: ...


_T = TypeVar("_T", bound=_Spanned)


def _within(items: Sequence[_T], span: Span) -> tuple[_T, ...]:
    """Return the items inside ``span``; ``items`` is sorted by start."""
    found: list[_T] = []
    k = bisect_left(items, span.start, key=lambda t: t.span.start)
    while k < len(items) and items[k].span.start < span.end:
        if items[k].span.end <= span.end:
            found.append(items[k])
        k += 1
    return tuple(found)


#: TIMEX3 values that carry no calendar field of their own.
_DEICTIC_VALUE = re.compile(r"(?:PRESENT|PAST|FUTURE)_REF|XXXX-W|XXXX-XX")


def _claim(
    out: Outline,
    span: Span,
    position: tuple[int, int],
    *,
    block_times: Sequence[TimeMention],
    block_anchors: Sequence[PublicationAnchor],
    index: EntityIndex,
    speakers: _QuoteLookup,
    lexicon: Lexicon,
    cases: WordCases = NO_TITLE_CASE,
) -> Claim:
    view, source = out.view, out.source
    times = _within(block_times, span)
    time_spans = [t.span for t in times]
    in_quote = speakers.overlapping(span)
    quote = (in_quote[0][1], in_quote[0][2]) if in_quote else None
    entities = find_entities(
        view, span.start, span.end, index=index, lexicon=lexicon, exclude=time_spans, cases=cases
    )
    # Terms are the content words that are neither dates nor names: those have
    # features of their own, and counting them twice would overweight them.
    named = [*time_spans, *(e.span for e in entities)]
    words = words_outside(tokens(view, span.start, span.end), named)
    return Claim(
        id=f"{source.name}@{span.start}-{span.end}",
        source=source.name,
        span=span,
        text=span.slice(source.text),
        paragraph=position[0],
        sentence=position[1],
        times=times,
        quantities=find_quantities(view, span.start, span.end, exclude=time_spans, lexicon=lexicon),
        ordinals=find_ordinals(view, span.start, span.end, lexicon=lexicon),
        entities=entities,
        attribution=find_attribution(
            view, span.start, span.end, lexicon=lexicon, index=index, quote_speaker=quote
        ),
        modality=find_modality(view, span.start, span.end, lexicon=lexicon),
        is_negated=is_negated(view, span.start, span.end, lexicon=lexicon),
        is_quote=any(q.start <= span.start + 1 and span.end - 1 <= q.end for q, _, _ in in_quote),
        terms=tuple(content_terms(words, lexicon)),
        predicates=find_predicates(view, span.start, span.end, lexicon=lexicon, exclude=named),
        anchors=_within(block_anchors, span),
    )
