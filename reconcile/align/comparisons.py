"""Comparisons: what two claims share and where they conflict, each put on a level.

In: a candidate pair of claims, the run's term statistics, the pair's wording
score (rapidfuzz, in bulk) and meaning score (the static vectors, in bulk).
Out: :class:`PairFeatures` (the raw values) and, per comparison, one level of
its ordered ladder. Every comparison is defined once, in :data:`COMPARISONS`:
its name, its levels, the test that picks a level, and the sentence that says
what the level means for the pair. The pair model (``model.py``) holds one
weight per level and refuses a level it has no weight for.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from attrs import field, frozen
from rapidfuzz import fuzz, process

from reconcile._text import content_terms, entity_keys_match, tokens
from reconcile.align.differences import Differences
from reconcile.lexicon import ENGLISH, Lexicon

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.model import Claim

__all__ = [
    "COMPARISONS",
    "Comparison",
    "PairFeatures",
    "RunStats",
    "bulk_text_ratio",
    "bulk_wording",
    "compare_pair",
    "compare_times",
    "entity_keys",
    "levels_of",
]


def entity_keys(claim: Claim) -> set[str]:
    """Return a claim's entity keys, plus ``role:<title>`` for each titled mention.

    The role key lets "France's Prime Minister" in one source meet "Prime Minister
    Helen Dray" in another, where neither source's alias table can.
    """
    keys = {e.key for e in claim.entities}
    keys.update(f"role:{e.role}" for e in claim.entities if e.role)
    return keys


def name_keys(claim: Claim) -> frozenset[str]:
    """Return the keys of the names (not roles) a claim mentions."""
    return frozenset(e.key for e in claim.entities if e.kind == "name")


#: Unseen claims added to every run's document frequencies (idf smoothing).
_PRIOR_CLAIMS = 10


@frozen
class RunStats:
    """What the comparison needs to know about all the claims of a run.

    Term and entity frequencies make the features independent of the run's size:
    a word "specific" to a fact is one used by at most as many claims as there
    are sources (about once per source); a name is "common" when a third or more
    of the claims mention it (the countries of a diplomatic visit, the team of a
    match), and then says little about which fact two claims state.
    """

    idf: dict[str, float]
    term_df: dict[str, int]
    entity_df: dict[str, int]
    n_claims: int
    n_sources: int
    # Per claim id, computed once per run rather than once per pair.
    term_sets: dict[str, frozenset[str]] = field(factory=dict)
    masses: dict[str, float] = field(factory=dict)
    keys: dict[str, frozenset[str]] = field(factory=dict)
    # Per source, the names its claims mention; per source pair, how many they share.
    source_names: dict[str, frozenset[str]] = field(factory=dict)
    _story: dict[tuple[str, str], float] = field(factory=dict)

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> RunStats:
        """Count the terms and entity keys of a run's claims."""
        term_df: dict[str, int] = defaultdict(int)
        entity_df: dict[str, int] = defaultdict(int)
        term_sets = {c.id: frozenset(c.terms) for c in claims}
        keys = {c.id: frozenset(entity_keys(c)) for c in claims}
        for claim in claims:
            for term in term_sets[claim.id]:
                term_df[term] += 1
            for key in keys[claim.id]:
                entity_df[key] += 1
        n = len(claims)
        # Smoothed idf in bits, with a prior of _PRIOR_CLAIMS unseen claims, so that in a
        # run of two sentences a shared word is not worth a fraction of an unshared one.
        idf = {t: math.log2((n + 1 + _PRIOR_CLAIMS) / (d + 0.5)) for t, d in term_df.items()}
        masses = {cid: math.fsum(idf[t] for t in sorted(ts)) for cid, ts in term_sets.items()}
        names: dict[str, set[str]] = defaultdict(set)
        for claim in claims:
            names[claim.source].update(name_keys(claim))
        return cls(
            idf,
            dict(term_df),
            dict(entity_df),
            n,
            len({c.source for c in claims}),
            term_sets,
            masses,
            keys,
            {source: frozenset(found) for source, found in names.items()},
        )

    def story_overlap(self, a: str, b: str) -> float | None:
        """Return the share of names two sources have in common (of the fewer), or ``None``.

        Two reports of one event name the same places and people; two reports of two
        events of one kind (two earthquakes) mostly do not. ``None``: a source names none.
        """
        key = (a, b) if a <= b else (b, a)
        if key not in self._story:
            na, nb = self.source_names.get(a, frozenset()), self.source_names.get(b, frozenset())
            if not na or not nb:
                self._story[key] = -1.0
            else:
                # Two different keys match only when they share their first four letters.
                by_head: dict[str, list[str]] = defaultdict(list)
                for y in nb:
                    by_head[y[:4]].append(y)
                shared = sum(
                    1
                    for x in na
                    if x in nb or any(entity_keys_match(x, y) for y in by_head.get(x[:4], ()))
                )
                self._story[key] = shared / min(len(na), len(nb))
        found = self._story[key]
        return None if found < 0 else found

    def terms_of(self, claim: Claim) -> frozenset[str]:
        """Return a claim's content terms."""
        found = self.term_sets.get(claim.id)
        return found if found is not None else frozenset(claim.terms)

    def mass_of(self, claim: Claim) -> float:
        """Return the idf mass of a claim's terms."""
        found = self.masses.get(claim.id)
        if found is not None:
            return found
        return math.fsum(self.idf.get(t, 0.0) for t in sorted(set(claim.terms)))

    def keys_of(self, claim: Claim) -> frozenset[str]:
        """Return a claim's entity keys (see :func:`entity_keys`)."""
        found = self.keys.get(claim.id)
        return found if found is not None else frozenset(entity_keys(claim))

    def is_common_entity(self, key: str) -> bool:
        """Return whether a third or more of the run's claims mention this key.

        A run of a few claims per source is too small to tell: no name is common there.
        """
        if self.n_claims < 3 * self.n_sources:
            return False
        return self.entity_df.get(key, 0) * 3 >= max(self.n_claims, 6)


@frozen
class PairFeatures:
    """The comparison values of one claim pair, before they are put on levels."""

    wording: float  # rapidfuzz token_set_ratio of the term strings, 0-100
    shared_words: float  # idf-weighted overlap relative to the shorter claim, 0-1
    shared_terms: tuple[str, ...]
    specific_terms: tuple[str, ...]
    shared_entities: tuple[str, ...]
    distinctive_entities: tuple[str, ...]
    entities_both: bool
    numbers: str  # "same" | "different" | "none"
    times: str  # "same" | "overlap" | "different" | "none"
    ordinal: bool
    speaker: str = "n/a"  # "same" | "different" | "n/a"
    predicates: str = "n/a"  # "shared" | "different" | "n/a"
    shared_predicates: tuple[str, ...] = ()
    meaning: float | None = None  # cosine of the claims' meaning vectors
    # idf-weighted share of both claims' words that they share (weighted Jaccard), 0-1
    all_words: float = 0.0
    unshared_terms: tuple[str, ...] = ()  # the rarest words only one claim has
    # names each claim has that the other lacks
    own_names: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    negation: str = "same"  # "same" | "one negated"
    # per claim, the idf-weighted share of its words the other claim lacks, larger first
    extra: tuple[float, float] = (0.0, 0.0)
    # share of the two sources' names in common (None: one names nobody)
    story: float | None = None
    # rapidfuzz ratio of the two claims' whole texts, lower-cased, 0-100
    text_ratio: float = 0.0
    # per claim, the idf-weighted share of its words that meet no word of the other
    # (same stem or, with the meaning model, a near word), larger first
    unmatched: tuple[float, float] = (0.0, 0.0)
    unmatched_words: tuple[str, ...] = ()  # the rarest of those words, of both claims
    # the numbers of each claim when the other states none
    own_numbers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def compare_pair(
    a: Claim,
    b: Claim,
    *,
    wording: float,
    stats: RunStats,
    meaning: float | None = None,
    text_ratio: float = 0.0,
    differences: Differences | None = None,
) -> PairFeatures:
    """Compare two claims on every feature but the bulk ones (wording, text ratio, meaning,
    the words that meet nothing in the other claim)."""
    diff = differences if differences is not None else Differences()
    terms_a, terms_b = stats.terms_of(a), stats.terms_of(b)
    shared = sorted(terms_a & terms_b)
    mass_a, mass_b = stats.mass_of(a), stats.mass_of(b)
    mass_shared = math.fsum(stats.idf.get(t, 0.0) for t in shared)
    # Overlap relative to the shorter claim: a one-line summary of a fact is
    # contained in a long sentence that states it among other things.
    overlap = mass_shared / min(mass_a, mass_b) if min(mass_a, mass_b) > 0 else 0.0
    union = mass_a + mass_b - mass_shared
    specific = [t for t in shared if stats.term_df.get(t, 0) <= stats.n_sources]
    idf = stats.idf
    only_one = heapq.nsmallest(4, terms_a ^ terms_b, key=lambda t: (-idf.get(t, 0.0), t))
    ents_a, ents_b = stats.keys_of(a), stats.keys_of(b)
    shared_ents = sorted(
        x for x in ents_a if x in ents_b or any(entity_keys_match(x, y) for y in ents_b)
    )
    return PairFeatures(
        wording=wording,
        shared_words=overlap,
        shared_terms=tuple(shared),
        specific_terms=tuple(specific),
        shared_entities=tuple(shared_ents),
        distinctive_entities=tuple(k for k in shared_ents if not stats.is_common_entity(k)),
        entities_both=bool(ents_a and ents_b),
        numbers=_compare_numbers(a, b),
        times=compare_times(a, b),
        ordinal=any(o.word == p.word and o.head == p.head for o in a.ordinals for p in b.ordinals),
        speaker=_compare_speakers(a, b),
        meaning=meaning,
        predicates=(
            "shared"
            if set(a.predicates) & set(b.predicates)
            else ("different" if a.predicates and b.predicates else "n/a")
        ),
        shared_predicates=tuple(sorted(set(a.predicates) & set(b.predicates))),
        all_words=mass_shared / union if union > 0 else 0.0,
        unshared_terms=tuple(only_one[:4]),
        own_names=(_own_names(a, b, stats), _own_names(b, a, stats)),
        negation="one negated" if a.is_negated != b.is_negated else "same",
        extra=_extra_shares(mass_a, mass_b, mass_shared),
        story=stats.story_overlap(a.source, b.source),
        text_ratio=text_ratio,
        unmatched=(max(diff.unmatched), min(diff.unmatched)),
        unmatched_words=tuple(sorted({*diff.words[0], *diff.words[1]})),
        own_numbers=diff.numbers,
    )


def _extra_shares(mass_a: float, mass_b: float, shared: float) -> tuple[float, float]:
    """Return, larger first, the share of each claim's word mass that the other lacks."""
    shares = [1.0 - shared / m if m > 0 else 0.0 for m in (mass_a, mass_b)]
    return max(shares), min(shares)


def _own_names(a: Claim, b: Claim, stats: RunStats) -> tuple[str, ...]:
    """Return the names of ``a`` that match no entity key of ``b``."""
    others = stats.keys_of(b)
    return tuple(
        sorted(
            k
            for k in name_keys(a)
            if k not in others and not any(entity_keys_match(k, y) for y in others)
        )
    )


def _compare_speakers(a: Claim, b: Claim) -> str:
    if a.attribution is None or b.attribution is None:
        return "n/a"
    return "same" if entity_keys_match(a.attribution.key, b.attribution.key) else "different"


def _compare_numbers(a: Claim, b: Claim) -> str:
    same_unit = [(q, r) for q in a.quantities for r in b.quantities if q.unit == r.unit]
    if not same_unit:
        return "none"
    if any(q.low <= r.high and r.low <= q.high for q, r in same_unit):
        return "same"
    return "different"


#: Intervals up to a month long are "precise"; a year or a vague period overlaps too much.
_PRECISE_DAYS = 31


def compare_times(a: Claim, b: Claim) -> str:
    """Return how two claims' dates relate: "same", "overlap", "different" or "none".

    "same": some pair of dates overlaps and both are precise (a month or less);
    "overlap": only coarse dates overlap; "different": both claims are dated and no
    date of one meets a date of the other; "none": one of them has no date.
    """
    ia = [t.interval for t in a.times if t.interval is not None]
    ib = [t.interval for t in b.times if t.interval is not None]
    if not ia or not ib:
        return "none"
    overlapping = [(x, y) for x in ia for y in ib if x[0] <= y[1] and y[0] <= x[1]]
    if not overlapping:
        return "different"
    if any(
        (x[1] - x[0]).days < _PRECISE_DAYS and (y[1] - y[0]).days < _PRECISE_DAYS
        for x, y in overlapping
    ):
        return "same"
    return "overlap"


# ---------------------------------------------------------------------------
# The comparisons, each defined once: name, levels, test, explanation.
# ---------------------------------------------------------------------------


@frozen
class Comparison:
    """One comparison of a claim pair: an ordered ladder of levels, and what each says."""

    name: str
    levels: tuple[str, ...]
    level_of: Callable[[PairFeatures], str]
    describe: Callable[[PairFeatures, str], str]
    #: Leave this comparison out when the pair has no meaning score (``semantic=False``).
    needs_meaning: bool = False
    #: ``(level, other)``: the level is fitted with, and weighs as much as, the other one.
    ties: tuple[tuple[str, str], ...] = ()


def _ladder(cuts: tuple[float, ...]) -> tuple[str, ...]:
    return (*(f">={c:g}" for c in cuts), f"<{cuts[-1]:g}")


def _rung(value: float, cuts: tuple[float, ...]) -> str:
    for cut in cuts:
        if value >= cut:
            return f">={cut:g}"
    return f"<{cuts[-1]:g}"


_WORDING_CUTS = (90.0, 75.0, 60.0, 45.0)
_OVERLAP_CUTS = (0.6, 0.45, 0.3, 0.15)
_ALL_WORDS_CUTS = (0.5, 0.35, 0.2, 0.1)
_MEANING_CUTS = (0.9, 0.8, 0.7, 0.6, 0.5, 0.4)
_EXTRA_CUTS = (0.8, 0.6, 0.4, 0.2)
_STORY_CUTS = (0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1)
_TEXT_CUTS = (90.0, 80.0, 70.0, 60.0, 50.0)
_UNMATCHED_CUTS = (0.6, 0.45, 0.3, 0.2, 0.1, 0.01)


def _story_level(f: PairFeatures) -> str:
    return "n/a" if f.story is None else _rung(f.story, _STORY_CUTS)


def _story_text(f: PairFeatures, level: str) -> str:
    if f.story is None:
        return "one of the two sources names no one and nowhere"
    return (
        f"the two sources share {f.story:.0%} of the names they mention "
        "(reports of one event name the same places and people)"
    )


def _entities_level(f: PairFeatures) -> str:
    if f.distinctive_entities:
        return f"{min(len(f.distinctive_entities), 2)}+ distinctive"
    if f.shared_entities:
        return "common only"
    return "none shared" if f.entities_both else "n/a"


def _own_names_level(f: PairFeatures) -> str:
    mine, theirs = f.own_names
    if mine and theirs:
        return "both"
    return "one" if mine or theirs else "none"


def _words(items: Sequence[str], limit: int) -> str:
    return ", ".join(items[:limit]) or "none"


def _names_text(f: PairFeatures, level: str) -> str:
    names = sorted({*f.own_names[0], *f.own_names[1]})
    if level == "none":
        return "no name in one claim that the other lacks"
    who = "each claim names" if level == "both" else "one claim names"
    return f"{who} someone or somewhere the other does not: {_words(names, 4)}"


def _own_numbers_level(f: PairFeatures) -> str:
    return "one" if f.own_numbers[0] or f.own_numbers[1] else "none"


def _own_numbers_text(f: PairFeatures, level: str) -> str:
    if level == "none":
        return "both claims or neither state a number"
    numbers = sorted({*f.own_numbers[0], *f.own_numbers[1]})
    return f"only one claim states a number: {_words(numbers, 4)}"


def _meaning_value(f: PairFeatures) -> float:
    if f.meaning is None:
        msg = "the 'meaning' comparison needs a meaning score"
        raise ValueError(msg)
    return f.meaning


_NUMBERS_TEXT = {
    "same": "a number in common",
    "different": "different numbers of one unit (for the checks to judge: one fact may be "
    "reported with two figures)",
    "none": "no comparable numbers",
}
_TIMES_TEXT = {
    "same": "the same date",
    "overlap": "overlapping coarse dates",
    "different": "dates that do not overlap",
    "none": "no comparable dates",
}
_SPEAKER_TEXT = {
    "same": "attributed to the same speaker",
    "different": "attributed to different speakers",
    "n/a": "no two speakers to compare",
}

#: Every comparison of a pair, in the order their parts are listed.
COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "wording",
        _ladder(_WORDING_CUTS),
        lambda f: _rung(f.wording, _WORDING_CUTS),
        lambda f, _: f"wording similarity {f.wording:.0f}/100",
    ),
    Comparison(
        "shared_words",
        _ladder(_OVERLAP_CUTS),
        lambda f: _rung(f.shared_words, _OVERLAP_CUTS),
        lambda f, _: f"weighted word overlap {f.shared_words:.2f} ({_words(f.shared_terms, 6)})",
    ),
    Comparison(
        "all_words",
        _ladder(_ALL_WORDS_CUTS),
        lambda f: _rung(f.all_words, _ALL_WORDS_CUTS),
        lambda f, _: (
            f"share of both claims' words in common {f.all_words:.2f}; "
            f"only in one: {_words(f.unshared_terms, 4)}"
        ),
    ),
    Comparison(
        "text_ratio",
        _ladder(_TEXT_CUTS),
        lambda f: _rung(f.text_ratio, _TEXT_CUTS),
        lambda f, _: f"character similarity of the whole texts {f.text_ratio:.0f}/100",
    ),
    Comparison(
        "extra_words",
        _ladder(_EXTRA_CUTS),
        lambda f: _rung(f.extra[0], _EXTRA_CUTS),
        lambda f, _: f"share of one claim's words the other lacks {f.extra[0]:.2f}",
    ),
    Comparison(
        "extra_words_other",
        _ladder(_EXTRA_CUTS),
        lambda f: _rung(f.extra[1], _EXTRA_CUTS),
        lambda f, _: f"share of the other claim's words the first lacks {f.extra[1]:.2f}",
    ),
    Comparison(
        "unmatched",
        _ladder(_UNMATCHED_CUTS),
        lambda f: _rung(f.unmatched[0], _UNMATCHED_CUTS),
        lambda f, _: (
            f"share of one claim's words that meet no word of the other {f.unmatched[0]:.2f}"
            f" ({_words(f.unmatched_words, 4)})"
        ),
    ),
    Comparison(
        "unmatched_other",
        _ladder(_UNMATCHED_CUTS),
        lambda f: _rung(f.unmatched[1], _UNMATCHED_CUTS),
        lambda f, _: (
            f"share of the other claim's words that meet no word of the first {f.unmatched[1]:.2f}"
        ),
    ),
    Comparison("own_numbers", ("one", "none"), _own_numbers_level, _own_numbers_text),
    Comparison(
        "specific_words",
        ("0", "1", "2"),
        lambda f: f"{min(len(f.specific_terms), 2)}",
        lambda f, _: f"words specific to this fact in both: {_words(f.specific_terms, 4)}",
    ),
    Comparison(
        "entities",
        ("2+ distinctive", "1+ distinctive", "common only", "none shared", "n/a"),
        _entities_level,
        lambda f, level: f"shared names: {_words(f.shared_entities, 6)} ({level})",
    ),
    Comparison(
        "own_names",
        ("both", "one", "none"),
        _own_names_level,
        _names_text,
    ),
    Comparison("story", (*_ladder(_STORY_CUTS), "n/a"), _story_level, _story_text),
    Comparison(
        "numbers",
        tuple(_NUMBERS_TEXT),
        lambda f: f.numbers,
        lambda _, level: _NUMBERS_TEXT[level],
        # A conflicting figure is what the checks report, not a sign of another fact.
        ties=(("different", "none"),),
    ),
    Comparison(
        "times",
        tuple(_TIMES_TEXT),
        lambda f: f.times,
        lambda _, level: _TIMES_TEXT[level],
    ),
    Comparison(
        "ordinal",
        ("same ordinal and noun", "n/a"),
        lambda f: "same ordinal and noun" if f.ordinal else "n/a",
        lambda _, level: (
            "the same ordinal or superlative of the same noun"
            if level != "n/a"
            else "no shared ordinal"
        ),
    ),
    Comparison(
        "speaker",
        tuple(_SPEAKER_TEXT),
        lambda f: f.speaker,
        lambda _, level: _SPEAKER_TEXT[level],
    ),
    Comparison(
        "predicates",
        ("shared", "different", "n/a"),
        lambda f: f.predicates,
        lambda f, level: (
            "the same action: " + ", ".join(f.shared_predicates)
            if level == "shared"
            else ("different actions" if level == "different" else "no verb to compare")
        ),
    ),
    Comparison(
        "negation",
        ("same", "one negated"),
        lambda f: f.negation,
        lambda _, level: (
            "one claim is negated, the other is not" if level != "same" else "same polarity"
        ),
        # "Did not close" against "closed" is a conflict for the checks to report.
        ties=(("one negated", "same"),),
    ),
    Comparison(
        "meaning",
        _ladder(_MEANING_CUTS),
        lambda f: _rung(_meaning_value(f), _MEANING_CUTS),
        lambda f, _: f"meaning similarity {_meaning_value(f):.2f} (static MiniLM vectors)",
        needs_meaning=True,
    ),
)


def levels_of(f: PairFeatures) -> list[tuple[Comparison, str]]:
    """Return each applicable comparison with the level this pair reaches on it."""
    return [(c, c.level_of(f)) for c in COMPARISONS if not c.needs_meaning or f.meaning is not None]


# ---------------------------------------------------------------------------
# Wording, scored in bulk with rapidfuzz.
# ---------------------------------------------------------------------------


def wording_text(claim: Claim) -> str:
    """Return the string rapidfuzz compares: the claim's terms and entity keys, sorted."""
    return " ".join(sorted(set(claim.terms) | {e.key for e in claim.entities}))


def clause_texts(claim: Claim, *, min_terms: int = 3, lexicon: Lexicon = ENGLISH) -> list[str]:
    """Return the wording strings of a claim's comma-separated parts with enough words.

    A long news sentence packs several facts; the clause that states the fact
    another source states is the part to compare.
    """
    entity_words = {w.lower() for e in claim.entities for w in e.text.split()}
    text = claim.text
    bounds: list[tuple[int, int]] = []  # each clause's offsets in the claim's text
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    # Each name's key goes to the clause that mentions it, found by bisection (a scan
    # of every name per clause costs their product on a long claim).
    clause_starts = [start for start, _ in bounds]
    keys: list[set[str]] = [set() for _ in bounds]
    for e in claim.entities:
        rel_start, rel_end = e.span.start - claim.span.start, e.span.end - claim.span.start
        k = bisect_right(clause_starts, rel_start) - 1
        if k >= 0 and rel_end <= bounds[k][1]:
            keys[k].add(e.key)
    parts = []
    for (start, end), piece_keys in zip(bounds, keys, strict=True):
        words = [w for w in tokens(text[start:end]) if w.lower not in entity_words]
        terms = set(content_terms(words, lexicon))
        if len(terms | piece_keys) >= min_terms:
            parts.append(" ".join(sorted(terms | piece_keys)))
    return parts


_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–—]\s|\s(?:and|but|while|which|who|that)\s")


def bulk_text_ratio(
    claims: Sequence[Claim], pairs: Sequence[tuple[int, int]], *, workers: int = 1
) -> list[float]:
    """Return, per pair, the rapidfuzz ratio of the two claims' lower-cased texts."""
    texts = [c.text.lower() for c in claims]
    scores = process.cpdist(
        [texts[i] for i, _ in pairs],
        [texts[j] for _, j in pairs],
        scorer=fuzz.ratio,
        workers=workers,
    )
    return [float(x) for x in scores]


def bulk_wording(
    claims: Sequence[Claim],
    pairs: Sequence[tuple[int, int]],
    *,
    workers: int = 1,
    lexicon: Lexicon = ENGLISH,
) -> list[float]:
    """Return, per pair, the best rapidfuzz token_set_ratio of whole claims or of clauses."""
    if not pairs:
        return []
    needed = sorted({i for pair in pairs for i in pair})
    whole = {i: wording_text(claims[i]) for i in needed}
    scores = process.cpdist(
        [whole[i] for i, _ in pairs],
        [whole[j] for _, j in pairs],
        scorer=fuzz.token_set_ratio,
        workers=workers,
    )
    clauses = {i: clause_texts(claims[i], lexicon=lexicon) for i in needed}
    left: list[str] = []
    right: list[str] = []
    owner: list[int] = []
    for k, (i, j) in enumerate(pairs):
        for x in clauses[i]:
            for y in clauses[j]:
                left.append(x)
                right.append(y)
                owner.append(k)
    best = [float(x) for x in scores]
    if left:
        for k, score in zip(
            owner,
            process.cpdist(left, right, scorer=fuzz.token_set_ratio, workers=workers),
            strict=True,
        ):
            best[k] = max(best[k], float(score))
    return best
