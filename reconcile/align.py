"""Stage 2: line up claims of different sources that state the same fact.

The shape is record linkage (Fellegi and Sunter, 1969; Splink):

1. **Blocking.** An inverted index maps cheap keys (content-word stems,
   entity keys, numbers with their unit, months of time values) to claims;
   only claims of different sources that share a key become candidate pairs,
   never all pairs. :func:`count_candidate_pairs` says how many a run scores.
2. **Comparison.** Each candidate pair is compared on a few features, each with
   an ordered ladder of levels (first match wins). Wording is scored in bulk with
   rapidfuzz (:func:`rapidfuzz.process.cpdist`); the other features come from the
   claims' parsed annotations.
3. **Weights.** Each level carries a match weight, log2 of m/u, where m and u are
   the probabilities of that level among true and false pairs, estimated on real
   news (see ``reconcile/_weights.py`` and ``docs/calibration.md``). A pair's
   weight is the prior plus the sum of its levels' weights; its score is
   ``2**w / (1 + 2**w)``, so every score is the sum of parts a reader can check.
4. **Grouping.** Links at or above ``threshold`` are merged, strongest first,
   into groups that hold at most one claim of each source.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING

from attrs import field, frozen
from rapidfuzz import fuzz, process

from reconcile._semantic import Encoder, cosines
from reconcile._text import content_terms, entity_keys_match, tokens
from reconcile._types import Alignment, Claim, Contribution, Document, Link
from reconcile._weights import LEVELS, PRIOR_WEIGHT, SEMANTIC_LEVELS, SEMANTIC_PRIOR_WEIGHT
from reconcile.lexicon import ENGLISH

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "PairFeatures",
    "RunStats",
    "align_documents",
    "candidate_pairs",
    "compare_pair",
    "compare_times",
    "count_candidate_pairs",
    "group_links",
    "match_weight",
    "score_links",
]

#: A pair is aligned when its posterior match probability is at least this.
#: 0.65: the threshold that maximises recall minus the cross-event false alignment
#: rate (Youden's J) on the ECB+ dev runs (docs/calibration.md, eval_alignment.py).
DEFAULT_THRESHOLD = 0.65


def blocking_keys(claim: Claim) -> set[str]:
    """Return the index keys of a claim: its terms, entities, numbers and months.

    Examples:
        >>> from reconcile._types import Claim, Span
        >>> c = Claim("a@0-5", "a", Span(0, 5), "x", terms=("flood", "kill"))
        >>> sorted(blocking_keys(c))
        ['t:flood', 't:kill']
    """
    keys = {f"t:{t}" for t in claim.terms}
    keys.update(f"e:{e.key[:4]}" for e in claim.entities if len(e.key) >= 3)
    keys.update(f"n:{q.value:g}:{q.unit}" for q in claim.quantities)
    for tm in claim.times:
        if tm.interval is not None:
            keys.add(f"d:{tm.interval[0]:%Y-%m}")
    keys.update(f"o:{o.word}:{o.head}" for o in claim.ordinals)
    return keys


#: A blocking key held by more claims than this per source names a topic, not a fact.
_KEY_CLAIMS_PER_SOURCE = 8


def candidate_pairs(
    claims: Sequence[Claim], *, max_block: int | None = None
) -> list[tuple[int, int]]:
    """Return index pairs ``(i, j)``, ``i < j``, of claims of different sources sharing a key.

    Keys held by more than ``max_block`` claims (default: a fifth of the claims but
    no more than eight per source, at least 40, and at least twice the number of
    sources, so that a fact every source states stays a candidate) are too common to
    say anything and are skipped, as a search engine skips stopwords. The bound per
    source keeps the number of pairs linear in the number of claims: each claim
    meets at most ``max_block`` others per key.

    Examples:
        >>> from reconcile._types import Claim, Span
        >>> cs = [Claim(f"{s}@{i}", s, Span(0, 1), "x", terms=t) for i, (s, t) in enumerate(
        ...     [("a", ("flood",)), ("b", ("flood",)), ("b", ("fire",)), ("a", ("fire",))])]
        >>> candidate_pairs(cs)
        [(0, 1), (2, 3)]
    """
    n_sources = len({c.source for c in claims})
    cap = (
        max_block
        if max_block is not None
        else max(40, min(len(claims) // 5, _KEY_CLAIMS_PER_SOURCE * n_sources), 2 * n_sources)
    )
    index: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in blocking_keys(claim):
            index[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2 or len(members) > cap:
            continue
        for a_pos, i in enumerate(members):
            for j in members[a_pos + 1 :]:
                if claims[i].source != claims[j].source:
                    pairs.add((i, j))
    return sorted(pairs)


def count_candidate_pairs(documents: Sequence[Document]) -> tuple[int, int]:
    """Return ``(candidate pairs, all cross-source pairs)`` for these documents.

    The first number is what a run scores; the second is what all-pairs scoring
    would cost.
    """
    claims = [c for d in documents for c in d.claims]
    sizes = [len(d.claims) for d in documents]
    total = (sum(sizes) ** 2 - sum(s * s for s in sizes)) // 2
    return len(candidate_pairs(claims)), total


def entity_keys(claim: Claim) -> set[str]:
    """Return a claim's entity keys, plus ``role:<title>`` for each titled mention.

    The role key lets "France's Prime Minister" in one source meet "Prime Minister
    Helen Dray" in another, where neither source's alias table can.
    """
    keys = {e.key for e in claim.entities}
    keys.update(f"role:{e.role}" for e in claim.entities if e.role)
    return keys


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

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> RunStats:
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
        # Smoothed idf in bits.
        idf = {t: math.log2((n + 1) / (d + 0.5)) for t, d in term_df.items()}
        masses = {cid: math.fsum(idf[t] for t in sorted(ts)) for cid, ts in term_sets.items()}
        return cls(
            idf,
            dict(term_df),
            dict(entity_df),
            n,
            len({c.source for c in claims}),
            term_sets,
            masses,
            keys,
        )

    def terms_of(self, claim: Claim) -> frozenset[str]:
        found = self.term_sets.get(claim.id)
        return found if found is not None else frozenset(claim.terms)

    def mass_of(self, claim: Claim) -> float:
        found = self.masses.get(claim.id)
        if found is not None:
            return found
        return math.fsum(self.idf.get(t, 0.0) for t in sorted(set(claim.terms)))

    def keys_of(self, claim: Claim) -> frozenset[str]:
        found = self.keys.get(claim.id)
        return found if found is not None else frozenset(entity_keys(claim))

    def is_common_entity(self, key: str) -> bool:
        return self.entity_df.get(key, 0) * 3 >= max(self.n_claims, 6)


@frozen
class PairFeatures:
    """The comparison values of one claim pair, before they are put on levels."""

    wording: float  # rapidfuzz token_set_ratio of the term strings, 0-100
    shared_words: float  # idf-weighted overlap coefficient of the content terms, 0-1
    shared_terms: tuple[str, ...]
    specific_terms: tuple[str, ...]
    shared_entities: tuple[str, ...]
    distinctive_entities: tuple[str, ...]
    entities_both: bool
    numbers: str  # "same" | "different" | "none"
    times: str  # "same" | "overlap" | "different" | "none"
    ordinal: bool
    speaker: bool
    predicates: str = "n/a"  # "shared" | "different" | "n/a"
    shared_predicates: tuple[str, ...] = ()
    meaning: float | None = None  # cosine of sentence embeddings, with the semantic extra


def compare_pair(
    a: Claim, b: Claim, *, wording: float, stats: RunStats, meaning: float | None = None
) -> PairFeatures:
    """Compare two claims on every feature but wording, which is scored in bulk."""
    shared = sorted(stats.terms_of(a) & stats.terms_of(b))
    mass_a, mass_b = stats.mass_of(a), stats.mass_of(b)
    mass_shared = math.fsum(stats.idf.get(t, 0.0) for t in shared)
    # Overlap relative to the shorter claim: a one-line summary of a fact is
    # contained in a long sentence that states it among other things.
    dice = mass_shared / min(mass_a, mass_b) if min(mass_a, mass_b) > 0 else 0.0
    specific = [t for t in shared if stats.term_df.get(t, 0) <= stats.n_sources]
    ents_a, ents_b = stats.keys_of(a), stats.keys_of(b)
    shared_ents = sorted(
        x for x in ents_a if x in ents_b or any(entity_keys_match(x, y) for y in ents_b)
    )
    return PairFeatures(
        wording=wording,
        shared_words=dice,
        shared_terms=tuple(shared),
        specific_terms=tuple(specific),
        shared_entities=tuple(shared_ents),
        distinctive_entities=tuple(k for k in shared_ents if not stats.is_common_entity(k)),
        entities_both=bool(ents_a and ents_b),
        numbers=_compare_numbers(a, b),
        times=compare_times(a, b),
        ordinal=any(o.word == p.word and o.head == p.head for o in a.ordinals for p in b.ordinals),
        speaker=a.attribution is not None
        and b.attribution is not None
        and entity_keys_match(a.attribution.key, b.attribution.key),
        meaning=meaning,
        predicates=(
            "shared"
            if set(a.predicates) & set(b.predicates)
            else ("different" if a.predicates and b.predicates else "n/a")
        ),
        shared_predicates=tuple(sorted(set(a.predicates) & set(b.predicates))),
    )


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


#: The ladders of the scored features (rapidfuzz 0-100, overlap and cosine 0-1).
_WORDING_CUTS = (90.0, 75.0, 60.0, 45.0)
_OVERLAP_CUTS = (0.6, 0.45, 0.3, 0.15)
_MEANING_CUTS = (0.8, 0.7, 0.6, 0.5)


def feature_levels(f: PairFeatures) -> list[tuple[str, str]]:
    """Return ``(feature, level)`` for each comparison, first matching level of its ladder."""
    if f.distinctive_entities:
        entities = f"{min(len(f.distinctive_entities), 2)}+ distinctive"
    elif f.shared_entities:
        entities = "common only"
    else:
        entities = "none shared" if f.entities_both else "n/a"
    levels = [
        ("wording", _ladder(f.wording, _WORDING_CUTS)),
        ("shared_words", _ladder(f.shared_words, _OVERLAP_CUTS)),
        ("specific_words", f"{min(len(f.specific_terms), 2)}"),
        ("entities", entities),
        ("numbers", f.numbers),
        ("times", f.times),
        ("ordinal", "same ordinal and noun" if f.ordinal else "n/a"),
        ("speaker", "same speaker" if f.speaker else "n/a"),
        ("predicates", f.predicates),
    ]
    if f.meaning is not None:
        levels.append(("meaning", _ladder(f.meaning, _MEANING_CUTS)))
    return levels


def _ladder(value: float, cuts: tuple[float, ...]) -> str:
    for cut in cuts:
        if value >= cut:
            return f">={cut:g}"
    return f"<{cuts[-1]:g}"


def _describe(feature: str, level: str, f: PairFeatures) -> str:
    if feature == "wording":
        return f"wording similarity {f.wording:.0f}/100"
    if feature == "shared_words":
        words = ", ".join(f.shared_terms[:6]) or "none"
        return f"weighted word overlap {f.shared_words:.2f} ({words})"
    if feature == "specific_words":
        words = ", ".join(f.specific_terms[:4]) or "none"
        return f"words specific to this fact in both: {words}"
    if feature == "entities":
        names = ", ".join(f.shared_entities) or "none"
        return f"shared names: {names} ({level})"
    if feature == "numbers":
        return {"same": "a number in common", "different": "different numbers of one unit"}.get(
            level, "no comparable numbers"
        )
    if feature == "times":
        return {
            "same": "the same date",
            "overlap": "overlapping coarse dates",
            "different": "dates that do not overlap",
        }.get(level, "no comparable dates")
    if feature == "ordinal":
        return "the same ordinal or superlative of the same noun"
    if feature == "predicates":
        if level == "shared":
            return "the same action: " + ", ".join(f.shared_predicates)
        return "different actions" if level == "different" else "no verb to compare"
    if feature == "meaning":
        return f"sentence-embedding cosine {f.meaning:.2f}"
    return "attributed to the same speaker"


def weigh(f: PairFeatures) -> tuple[float, float, tuple[Contribution, ...]]:
    """Return ``(score, weight, contributions)`` for compared features.

    ``weight == sum(c.weight for c in contributions)`` (the first is the prior) and
    ``score == 2**weight / (1 + 2**weight)``. With a "meaning" feature, the weights
    calibrated together with it are used.
    """
    prior, table = _tables(f)
    parts = [
        Contribution(
            "prior",
            "prior",
            prior,
            "prior odds that a claim's best remaining match in another source states the same fact",
        )
    ]
    for feature, level in feature_levels(f):
        w = table.get(feature, {}).get(level, 0.0)
        if w == 0.0 and level == "n/a":
            continue
        parts.append(Contribution(feature, level, w, _describe(feature, level, f)))
    weight = math.fsum(p.weight for p in parts)
    return match_probability(weight), weight, tuple(parts)


def _tables(f: PairFeatures) -> tuple[float, dict[str, dict[str, float]]]:
    if f.meaning is not None:
        return SEMANTIC_PRIOR_WEIGHT, SEMANTIC_LEVELS
    return PRIOR_WEIGHT, LEVELS


def match_weight(f: PairFeatures) -> float:
    """Return the weight :func:`weigh` gives, without building its parts (the fast path).

    Examples:
        >>> f = PairFeatures(95.0, 0.7, ("flood",), ("flood",), (), (), False,
        ...                  "same", "same", False, False)
        >>> match_weight(f) == weigh(f)[1]
        True
    """
    prior, table = _tables(f)
    return math.fsum(
        [prior, *(table.get(feature, {}).get(level, 0.0) for feature, level in feature_levels(f))]
    )


def match_probability(weight: float) -> float:
    """Map a match weight (log2 odds) to a probability in [0, 1].

    Examples:
        >>> match_probability(0.0), match_probability(3.0)
        (0.5, 0.8888888888888888)
    """
    if weight > 60:
        return 1.0
    if weight < -60:
        return 0.0
    odds: float = 2.0**weight
    return odds / (1.0 + odds)


def explain(score: float, parts: Sequence[Contribution]) -> str:
    """Say in one sentence what made a pair score as it did."""
    ranked = sorted(parts[1:], key=lambda p: (-abs(p.weight), p.feature))
    pro = [p for p in ranked if p.weight > 0][:3]
    con = [p for p in ranked if p.weight < 0][:2]
    text = f"Match probability {score:.2f}"
    if pro:
        text += ": for, " + "; ".join(f"{p.description} ({p.weight:+.1f})" for p in pro)
    if con:
        text += "; against, " + "; ".join(f"{p.description} ({p.weight:+.1f})" for p in con)
    return text + "."


def wording_text(claim: Claim) -> str:
    """Return the string rapidfuzz compares: the claim's terms and entity keys, sorted."""
    return " ".join(sorted(set(claim.terms) | {e.key for e in claim.entities}))


def clause_texts(claim: Claim, *, min_terms: int = 3) -> list[str]:
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
        terms = set(content_terms(words, ENGLISH))
        if len(terms | piece_keys) >= min_terms:
            parts.append(" ".join(sorted(terms | piece_keys)))
    return parts


_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–—]\s|\s(?:and|but|while|which|who|that)\s")


def bulk_wording(
    claims: Sequence[Claim], pairs: Sequence[tuple[int, int]], *, workers: int = 1
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
    clauses = {i: clause_texts(claims[i]) for i in needed}
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


def score_links(
    claims: Sequence[Claim],
    pairs: Iterable[tuple[int, int]],
    *,
    workers: int = 1,
    encoder: Encoder | None = None,
    min_score: float | None = None,
) -> tuple[Link, ...]:
    """Score candidate pairs in bulk and return every link with its parts.

    Args:
        claims: every claim of the run (term statistics are taken over them).
        pairs: index pairs into ``claims`` to score (from :func:`candidate_pairs`).
        workers: rapidfuzz worker threads (-1: all cores).
        encoder: a sentence encoder for the "meaning" feature; ``None`` leaves it out.
        min_score: leave out the links that score below this (their parts are never
            built, which is most of the cost); ``None`` returns every link.
    """
    pairs = list(pairs)
    if not pairs:
        return ()
    stats = RunStats.of(claims)
    meanings: list[float | None] = (
        list(cosines([c.text for c in claims], pairs, encoder)) if encoder else [None] * len(pairs)
    )
    bound = _WeightBound(claims, stats, min_score) if min_score is not None else None
    if bound is not None:
        # Wording costs most to score: first leave out the pairs that could not reach
        # the cut even with the best wording.
        kept = [
            k
            for k, (i, j) in enumerate(pairs)
            if bound.may_reach(i, j, _WORDING_CUTS[0], meanings[k])
        ]
        pairs = [pairs[k] for k in kept]
        meanings = [meanings[k] for k in kept]
    wording = bulk_wording(claims, pairs, workers=workers)
    links: list[Link] = []
    for (i, j), w, meaning in zip(pairs, wording, meanings, strict=True):
        if bound is not None and not bound.may_reach(i, j, float(w), meaning):
            continue
        a, b = sorted((claims[i], claims[j]), key=lambda c: c.id)
        features = compare_pair(a, b, wording=float(w), stats=stats, meaning=meaning)
        if min_score is not None and match_probability(match_weight(features)) < min_score:
            continue
        score, weight, parts = weigh(features)
        links.append(Link((a.id, b.id), score, weight, parts, explain(score, parts)))
    return tuple(sorted(links, key=lambda link: link.claims))


class _WeightBound:
    """An upper bound on a pair's match weight from what each claim has, to skip most pairs.

    Wording, word overlap, ordinals and predicates are weighed exactly; for the
    other features the bound takes the best level the two claims could reach (a
    pair without two dated claims has the "none" level of times, whatever else).
    A pair whose bound stays below the cut could never reach it, so skipping it
    leaves the result unchanged (``tests/test_align.py`` checks this).
    """

    def __init__(self, claims: Sequence[Claim], stats: RunStats, min_score: float) -> None:
        self._cut = _weight_of(min_score) - 1e-6  # a margin for fsum's rounding
        self._terms = [stats.terms_of(c) for c in claims]
        self._masses = [stats.mass_of(c) for c in claims]
        self._idf = stats.idf
        self._specific = frozenset(t for t, d in stats.term_df.items() if d <= stats.n_sources)
        self._named = [bool(stats.keys_of(c)) for c in claims]
        self._units = [frozenset(q.unit for q in c.quantities) for c in claims]
        self._dated = [any(t.interval is not None for t in c.times) for c in claims]
        self._ordinals = [frozenset((o.word, o.head) for o in c.ordinals) for c in claims]
        self._predicates = [frozenset(c.predicates) for c in claims]
        self._speaker = [c.attribution is not None for c in claims]
        self._tables = {False: _BoundTable(PRIOR_WEIGHT, LEVELS)}
        self._tables[True] = _BoundTable(SEMANTIC_PRIOR_WEIGHT, SEMANTIC_LEVELS)

    def may_reach(self, i: int, j: int, wording: float, meaning: float | None) -> bool:
        """Return whether the pair ``(i, j)`` might score at least the cut."""
        t = self._tables[meaning is not None]
        weight = t.prior + _step(wording, _WORDING_CUTS, t.wording)
        if meaning is not None:
            weight += _step(meaning, _MEANING_CUTS, t.meaning)
        shared = self._terms[i] & self._terms[j]
        low = min(self._masses[i], self._masses[j])
        overlap = sum(self._idf.get(x, 0.0) for x in shared) / low if low > 0 else 0.0
        # Both sides of a cut, so that a sum rounded below one still counts as reaching it.
        weight += max(
            _step(overlap, _OVERLAP_CUTS, t.shared_words),
            _step(overlap + 1e-9, _OVERLAP_CUTS, t.shared_words),
        )
        weight += t.specific[min(len(shared & self._specific), 2)]
        weight += t.ordinal[bool(self._ordinals[i] & self._ordinals[j])]
        pi, pj = self._predicates[i], self._predicates[j]
        weight += t.predicates[2 if pi & pj else (1 if pi and pj else 0)]
        weight += t.entities[self._named[i] and self._named[j]]
        weight += t.numbers[bool(self._units[i] & self._units[j])]
        weight += t.times[self._dated[i] and self._dated[j]]
        weight += t.speaker[self._speaker[i] and self._speaker[j]]
        return weight + t.unknown >= self._cut


def _step(value: float, cuts: tuple[float, ...], weights: tuple[float, ...]) -> float:
    """Return the weight of the first cut ``value`` reaches (the last entry: none)."""
    for cut, weight in zip(cuts, weights, strict=False):
        if value >= cut:
            return weight
    return weights[-1]


class _BoundTable:
    """One weight table laid out for :class:`_WeightBound`: ladders and best open levels."""

    def __init__(self, prior: float, table: dict[str, dict[str, float]]) -> None:
        def level(feature: str, name: str) -> float:
            return table.get(feature, {}).get(name, 0.0)

        def ladder(feature: str, cuts: tuple[float, ...]) -> tuple[float, ...]:
            names = [f">={c:g}" for c in cuts] + [f"<{cuts[-1]:g}"]
            return tuple(level(feature, n) for n in names)

        def best(feature: str, names: tuple[str, ...]) -> float:
            return max(level(feature, n) for n in names)

        self.prior = prior
        self.wording = ladder("wording", _WORDING_CUTS)
        self.shared_words = ladder("shared_words", _OVERLAP_CUTS)
        self.meaning = ladder("meaning", _MEANING_CUTS)
        self.specific = tuple(level("specific_words", str(k)) for k in range(3))
        self.ordinal = (level("ordinal", "n/a"), level("ordinal", "same ordinal and noun"))
        self.predicates = tuple(level("predicates", n) for n in ("n/a", "different", "shared"))
        # Index False: the level is fixed by what is missing; True: the best open level.
        self.entities = (level("entities", "n/a"), best("entities", _ENTITY_LEVELS))
        self.numbers = (level("numbers", "none"), best("numbers", ("same", "different")))
        self.times = (level("times", "none"), best("times", ("same", "overlap", "different")))
        self.speaker = (level("speaker", "n/a"), best("speaker", ("same speaker", "n/a")))
        # A feature the bound does not know (a table with a new feature): its best
        # level, so that the bound stays an upper bound.
        self.unknown = sum(
            max(0.0, *levels.values()) for name, levels in table.items() if name not in _BOUNDED
        )


#: The features :class:`_WeightBound` weighs.
_BOUNDED = frozenset(
    {"wording", "shared_words", "meaning", "specific_words", "ordinal", "predicates"}
    | {"entities", "numbers", "times", "speaker"}
)
#: The entity levels of a pair of claims that both name something.
_ENTITY_LEVELS = ("2+ distinctive", "1+ distinctive", "common only", "none shared")


def _weight_of(probability: float) -> float:
    """Return the match weight (log2 odds) of a probability, the inverse of match_probability."""
    if probability <= 0.0:
        return -math.inf
    if probability >= 1.0:
        return math.inf
    return math.log2(probability / (1.0 - probability))


def group_links(
    links: Iterable[Link], claims: Sequence[Claim], *, threshold: float = DEFAULT_THRESHOLD
) -> tuple[Alignment, ...]:
    """Merge links at or above ``threshold``, strongest first, into one-claim-per-source groups.

    A link whose groups would then hold two claims of one source is dropped, so a
    claim joins the group of its best match. Two groups merge only when at least half
    of the claim pairs across them are linked themselves (average linkage on the
    links), so that a chain of neighbours ("A is like B, B like C, ...") does not
    become one fact across many sources. The result depends only on scores and claim
    ids, never on input order.
    """
    source_of = {c.id: c.source for c in claims}
    ordered = sorted(
        (link for link in links if link.score >= threshold),
        key=lambda link: (-link.score, link.claims),
    )
    linked = {link.claims for link in ordered}
    rep: dict[str, str] = {}  # claim id -> the smallest claim id of its group
    members: dict[str, list[str]] = {}
    links_of: dict[str, list[Link]] = {}
    for link in ordered:
        ra, rb = (rep.get(c, c) for c in link.claims)
        if ra == rb:
            continue
        group_a, group_b = members.get(ra, [ra]), members.get(rb, [rb])
        if {source_of[m] for m in group_a} & {source_of[m] for m in group_b}:
            continue
        if not _coherent(group_a, group_b, linked):
            continue
        keep, drop = min(ra, rb), max(ra, rb)
        members[keep] = sorted(group_a + group_b)
        members.pop(drop, None)
        links_of[keep] = [*links_of.get(keep, []), *links_of.pop(drop, []), link]
        for m in members[keep]:
            rep[m] = keep
    result = [
        Alignment(
            tuple(group),
            min(link.score for link in links_of[r]),
            tuple(sorted(links_of[r], key=lambda link: link.claims)),
        )
        for r, group in members.items()
    ]
    return tuple(sorted(result, key=lambda al: al.claims))


def _coherent(group_a: list[str], group_b: list[str], linked: set[tuple[str, str]]) -> bool:
    """Return whether at least half of the claim pairs across two groups are linked."""
    cross = len(group_a) * len(group_b)
    need = (cross + 1) // 2
    missing_allowed = cross - need
    found = missing = 0
    for x in group_a:
        for y in group_b:
            if (x, y) in linked or (y, x) in linked:
                found += 1
                if found >= need:
                    return True
            else:
                missing += 1
                if missing > missing_allowed:
                    return False
    return found >= need


def align_documents(
    documents: Sequence[Document],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    workers: int = -1,
    encoder: Encoder | None = None,
) -> tuple[Alignment, ...]:
    """Align the claims of several parsed documents.

    Args:
        documents: the parsed sources, in any order.
        threshold: the least match probability for a link to count.
        workers: rapidfuzz worker threads for bulk scoring (-1: all cores).
        encoder: a sentence encoder for the "meaning" feature (the semantic extra).

    Returns:
        The alignment groups, sorted by their claim ids.
    """
    claims = sorted((c for d in documents for c in d.claims), key=lambda c: c.id)
    links = score_links(
        claims, candidate_pairs(claims), workers=workers, encoder=encoder, min_score=threshold
    )
    return group_links(links, claims, threshold=threshold)
