"""The immutable values that flow through the pipeline; this module imports no stage.

Every annotation points into the original text of its source with half-open
character offsets (``start``/``end``, like spaCy's ``start_char``/``end_char``);
normalized values live in their own fields and the source text is never
rewritten. Collections are tuples, changes go through :func:`attrs.evolve`.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Literal

from attrs import field, frozen, validators

from reconcile import sources
from reconcile.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "SEVERITIES",
    "Alignment",
    "Attribution",
    "Claim",
    "Contribution",
    "Document",
    "Entity",
    "Evidence",
    "Finding",
    "Link",
    "Ordinal",
    "PublicationAnchor",
    "Quantity",
    "Segment",
    "Source",
    "SourcePair",
    "Span",
    "Story",
    "StoryCheck",
    "TimeMention",
]


def _to_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


FindingKind = Literal["agreement", "discrepancy", "single_source"]
Category = Literal["temporal", "numeric", "framing", "attribution", "status", "entity"]
Modality = Literal["asserted", "done", "planned", "expected", "hedged"]
#: Whether two sources seem to report one event: "same", "different", or "unsure"
#: (too little evidence either way, which changes nothing).
StoryRelation = Literal["same", "different", "unsure"]

#: How much a discrepancy matters to a reader, lowest first.
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")


@frozen(order=True)
class Span:
    """Half-open character offsets into a source's text.

    Examples:
        >>> text = "Unemployment fell to 4.1% in May."
        >>> span = Span(0, 17)
        >>> span.slice(text)
        'Unemployment fell'
        >>> Span(5, 2)
        Traceback (most recent call last):
        ...
        ValueError: Span.end must be >= start (got start=5, end=2).
    """

    start: int = field(validator=validators.ge(0))
    end: int = field()

    @end.validator
    def _end_after_start(self, _attribute: object, value: int) -> None:
        if value < self.start:
            msg = f"Span.end must be >= start (got start={self.start}, end={value})."
            raise ValueError(msg)

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Return whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Return whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@frozen
class Source:
    """One article as the user hands it in.

    Attributes:
        text: the article, exactly as read; every offset in a report indexes it.
        name: how the report names this source (a file's base name by default).
        published: the publication date when the caller knows it; it always wins
            over what reconcile would infer from the text.
        is_html: whether ``text`` is HTML markup; the parser then reads only its text
            nodes, and offsets still index the markup as given.
        encoding: the encoding the text was decoded from (for the report).
        notes: warnings from reading the source (a legacy encoding, repaired text).

    Examples:
        >>> src = Source("Police said two people died.", name="wire.txt")
        >>> src.name, src.published
        ('wire.txt', None)
    """

    text: str = field(validator=validators.instance_of(str))
    name: str = field(default="source", validator=validators.instance_of(str))
    published: date | None = field(default=None, kw_only=True)
    is_html: bool = field(default=False, kw_only=True)
    encoding: str = field(default="utf-8", kw_only=True)
    notes: tuple[str, ...] = field(default=(), kw_only=True, converter=_to_tuple)

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        name: str | None = None,
        published: date | None = None,
        repair_mojibake: bool = False,
        max_bytes: int = sources.MAX_BYTES,
    ) -> Source:
        """Read a source from a file, detecting its encoding and whether it is HTML.

        The text is exactly the file's, newlines as they are, so every offset
        indexes the file; ``repair_mojibake=True`` repairs double-encoded UTF-8
        where the repair is exact (offsets then index the repaired text). How the
        bytes were decoded is in :attr:`notes` (see :mod:`reconcile.sources`).

        Raises:
            SourceNotFoundError: the path does not exist or is a directory.
            InputError: the file is empty, blank, binary or larger than ``max_bytes``.
            EncodingError: the bytes are not text in any encoding we can detect.

        Warns:
            SourceWarning: the text was decoded with a guess or repaired.

        Examples:
            >>> import pathlib, tempfile
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "wire.txt"
            >>> _ = path.write_text("Police said two people died.\\n", encoding="utf-8")
            >>> src = Source.from_file(path)
            >>> src.name, src.encoding, src.is_html
            ('wire.txt', 'utf-8', False)
        """
        got = sources.read_file(path, max_bytes=max_bytes, repair_mojibake=repair_mojibake)
        return cls._decoded(got, name=name, published=published)

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        *,
        name: str = "source",
        published: date | None = None,
        is_html: bool | None = None,
        repair_mojibake: bool = False,
    ) -> Source:
        """Build a source from an article's raw bytes (a download, a pipe).

        ``is_html=None`` sniffs whether the text is HTML.

        Raises:
            InputError: the bytes are empty or blank, or binary.
            EncodingError: the bytes are not text in any encoding we can detect.

        Examples:
            >>> src = Source.from_bytes("The café owner said.".encode(), name="a.txt")
            >>> src.text, src.encoding
            ('The café owner said.', 'utf-8')
        """
        got = sources.decode_bytes(
            data, name=name, is_html=is_html, repair_mojibake=repair_mojibake
        )
        return cls._decoded(got, name=name, published=published)

    @classmethod
    def _decoded(cls, got: sources.Decoded, *, name: str | None, published: date | None) -> Source:
        return cls(
            got.text,
            name=got.name if name is None else name,
            published=published,
            is_html=got.is_html,
            encoding=got.encoding,
            notes=got.notes,
        )

    @classmethod
    def from_html(cls, html: str, *, name: str = "source", published: date | None = None) -> Source:
        """Build a source from HTML markup; claims point into the markup as given."""
        return cls(html, name=name, published=published, is_html=True)


@frozen
class Segment:
    """A stretch of a source that is not a claim, and why (byline, heading, ...)."""

    source: str
    span: Span
    text: str
    why: str


@frozen
class TimeMention:
    """A time expression, normalized to a TIMEX3 value and a date interval.

    ``value`` follows TIMEX3 (``2026-02-03``, ``2025-09``, ``2026``, ``P2D``,
    ``PAST_REF``); ``interval`` is the inclusive range of days the expression
    covers, or ``None`` when it has no calendar extent (a duration, ``PAST_REF``).
    ``how`` says in words how the value was reached; ``is_relative`` is true for a
    deictic expression, whose date comes from the publication date alone ("today",
    "last week", "earlier this year"), not from a date it names ("February 26").
    """

    span: Span
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    interval: tuple[date, date] | None = None
    how: str = ""
    is_relative: bool = False


@frozen
class Quantity:
    """A number as stated (``"about 40"``, ``"$1.5 billion"``, ``"five"``).

    ``value`` is the number; ``low``/``high`` the range the wording allows
    (``"more than 40"`` -> 40..60, ``"at least 40"`` -> 40..inf), ``unit`` the
    normalized unit or counted noun.
    """

    span: Span
    text: str
    value: float
    low: float
    high: float
    unit: str = ""
    precision: float = 1.0


@frozen
class Ordinal:
    """An ordinal or superlative with what it ranks and the phrase that scopes it.

    ``"the first state visit by a Chilean president in recent years"`` has
    ``word="first"``, ``head="state visit"`` and
    ``scope="by a Chilean president in recent years"``.
    """

    span: Span
    text: str
    word: str
    head: str
    scope: str = ""
    scope_span: Span | None = None


@frozen
class Entity:
    """A named entity and the key shared by all its aliases in one document."""

    span: Span
    text: str
    key: str
    kind: str = "name"
    role: str = ""


@frozen
class Attribution:
    """Who a claim is attributed to, and how (quote, "according to", reporting verb)."""

    span: Span
    text: str
    speaker: str
    key: str
    how: str


@frozen
class PublicationAnchor:
    """An expression that names both a deictic day and its calendar date.

    "tomorrow, February 3" says the text was written the day before February 3:
    ``month=2, day=3, offset_days=1``, so the publication date is February 3 minus
    one day. ``year`` is the year written in the expression, if any; otherwise it
    must come from elsewhere (other sources, other dates in the text).

    Examples:
        >>> a = PublicationAnchor(Span(24, 44), "tomorrow, February 3", None, 2, 3, 1)
        >>> a.published(2026)
        datetime.date(2026, 2, 2)
    """

    span: Span
    text: str
    year: int | None
    month: int = field(validator=validators.and_(validators.ge(1), validators.le(12)))
    day: int = field(validator=validators.and_(validators.ge(1), validators.le(31)))
    offset_days: int

    def published(self, year: int | None = None) -> date:
        """Return the publication date this anchor implies, in ``year`` unless it names one.

        Raises:
            UsageError: the anchor names no year and none is given, or the day
                does not exist in that year.
        """
        chosen = self.year if self.year is not None else year
        if chosen is None:
            msg = (
                f"The anchor {self.text!r} names no year (got year=None). "
                "Pass the year from another source of the story."
            )
            raise UsageError(msg)
        try:
            named = date(chosen, self.month, self.day)
        except ValueError as err:
            msg = f"The anchor {self.text!r} names a day that {chosen} does not have."
            raise UsageError(msg) from err
        return date.fromordinal(named.toordinal() - self.offset_days)


@frozen
class Claim:
    """One statement of one source, with the features the checks read.

    Attributes:
        id: ``"<source>@<start>-<end>"``, unique in a report.
        source: the name of the source it was read from.
        span: where it is in the source text; ``text == source.text[span.start:span.end]``.
        text: the claim's words, exactly as in the source.
        paragraph: the number of its paragraph in the source (from 0).
        sentence: the number of its sentence in the source (from 0).
        times: its time expressions, normalized to TIMEX3 values and intervals.
        quantities: its numbers, with units and the range their wording allows.
        ordinals: its ordinals and superlatives ("the first state visit").
        entities: its named people, places and organisations, keyed through the
            document's aliases.
        attribution: who says it, if anyone does.
        modality: whether it is ``asserted``, ``done``, ``planned``, ``expected``
            or ``hedged``.
        is_negated: whether it states that something did not happen.
        is_quote: whether it is a direct quotation.
        terms: the stems of its content words, which alignment matches on.
        predicates: the lemma stems of its verbs (reporting and modal verbs aside).
        anchors: its deictic days written with their calendar date ("tomorrow,
            February 3"), from which the publication date follows; read by the
            single-source checks, not part of the JSON report (nor of equality).
    """

    id: str
    source: str
    span: Span
    text: str
    paragraph: int = 0
    sentence: int = 0
    times: tuple[TimeMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    ordinals: tuple[Ordinal, ...] = ()
    entities: tuple[Entity, ...] = ()
    attribution: Attribution | None = None
    modality: Modality = "asserted"
    is_negated: bool = False
    is_quote: bool = False
    terms: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()  # lemma stems of the verbs, reporting verbs aside
    anchors: tuple[PublicationAnchor, ...] = field(default=(), eq=False)


@frozen
class Document:
    """A parsed source: its publication date, claims and non-claim segments.

    Attributes:
        source: the source as given.
        published: the publication date used to read relative times, or None
            when it stays unknown.
        published_how: in words, where that date came from.
        claims: its claims, in text order.
        segments: the stretches that are not claims, each with why; with the
            claims they cover every non-whitespace character of the text.
    """

    source: Source
    published: date | None
    published_how: str
    claims: tuple[Claim, ...]
    segments: tuple[Segment, ...]

    @property
    def name(self) -> str:
        return self.source.name


@frozen
class Contribution:
    """One feature's part of a match weight, as in a record-linkage waterfall."""

    feature: str
    level: str
    weight: float
    description: str


@frozen
class Link:
    """Two claims scored against each other, with the parts of the score.

    ``weight`` is the sum of the contributions' weights (log2 Bayes factors) and
    ``score`` is that weight mapped to [0, 1] with ``2**w / (1 + 2**w)``.
    """

    claims: tuple[str, str]
    score: float
    weight: float
    contributions: tuple[Contribution, ...]
    explanation: str


@frozen
class Alignment:
    """Claims of one or more sources that state the same fact.

    ``score`` is the score of the weakest link that holds the group together.
    """

    claims: tuple[str, ...]
    score: float
    links: tuple[Link, ...]


@frozen
class Evidence:
    """A quoted stretch of a source that a finding rests on."""

    source: str
    span: Span
    text: str


@frozen
class Finding:
    """An agreement, a discrepancy or a single-source claim, with its reason.

    Attributes:
        id: stable across runs: a hash of the kind, the category, and the sources
            and words of the claims (not their offsets), so a baseline can pin it.
        kind: ``agreement``, ``discrepancy`` or ``single_source``.
        category: for a discrepancy, one of ``temporal``, ``numeric``, ``framing``,
            ``attribution``, ``status``, ``entity``; None otherwise.
        claims: the ids of the claims it is about.
        message: one plain sentence that says what was found, with the values compared.
        evidence: the quoted stretches of the sources it rests on.
        severity: for a discrepancy, ``low``, ``medium`` or ``high`` (see ``SEVERITIES``).
    """

    id: str
    kind: FindingKind
    category: Category | None
    claims: tuple[str, ...]
    message: str
    evidence: tuple[Evidence, ...] = ()
    severity: str | None = None

    def at_least(self, severity: str) -> bool:
        """Return whether this is a discrepancy of ``severity`` or a higher one.

        A discrepancy without a severity counts as any severity; other kinds never do.

        Raises:
            ValueError: ``severity`` is not one of ``SEVERITIES``.
        """
        if severity not in SEVERITIES:
            msg = f"unknown severity {severity!r}; use one of {', '.join(SEVERITIES)}"
            raise ValueError(msg)
        if self.kind != "discrepancy":
            return False
        own = SEVERITIES.index(self.severity) if self.severity in SEVERITIES else len(SEVERITIES)
        return own >= SEVERITIES.index(severity)


@frozen
class SourcePair:
    """What the story check found about two sources: one event or two, and why.

    Attributes:
        sources: the two source names, in order.
        relation: ``same``, ``different`` or ``unsure`` (see ``StoryRelation``).
        similarity: how much of their main names and words the two sources share,
            0-1 (None: one of them has too little text to tell).
        shared: the main names both mention, most telling first.
        only: the main names only the first, and only the second, mentions.
        published: the two sources' stated publication dates (None where unknown).
        weight: the bits this relation adds to the match weight of every claim pair
            across the two sources (negative: more evidence is needed to align).
        evidence: one plain sentence with the evidence, a reader can check it.
    """

    sources: tuple[str, str]
    relation: StoryRelation
    similarity: float | None
    shared: tuple[str, ...]
    only: tuple[tuple[str, ...], tuple[str, ...]]
    published: tuple[date | None, date | None]
    weight: float
    evidence: str


@frozen
class Story:
    """Sources that seem to report one event, and the main names they share.

    Attributes:
        id: ``story-1``, ``story-2``, ... in the order of their first source's name.
        sources: the names of its sources, sorted.
        names: the main names of its event (people, places, organisations), most
            telling first.
        published: the stated publication dates of its sources, sorted.
    """

    id: str
    sources: tuple[str, ...]
    names: tuple[str, ...]
    published: tuple[date, ...]


@frozen
class StoryCheck:
    """Which sources seem to report the same event, with the evidence per source pair.

    Attributes:
        stories: the groups of sources; one story when all report one event, or when
            there is too little evidence to tell.
        pairs: every pair of sources with its relation and evidence.
        message: one plain sentence naming the sources that seem to report a different
            event and why, or None when none do.
    """

    stories: tuple[Story, ...] = ()
    pairs: tuple[SourcePair, ...] = ()
    message: str | None = None

    @property
    def apart(self) -> tuple[SourcePair, ...]:
        """Return the source pairs that seem to report different events: the evidence to show."""
        return tuple(p for p in self.pairs if p.relation == "different")

    def pair_of(self, a: str, b: str) -> SourcePair | None:
        """Return the pair of these two sources (in either order), or None."""
        key = (a, b) if a <= b else (b, a)
        for pair in self.pairs:
            if pair.sources == key:
                return pair
        return None
