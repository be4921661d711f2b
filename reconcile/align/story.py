"""The story check: which sources seem to report the same event, from source-level evidence.

In: the parsed documents of a run. Out: a :class:`~reconcile.model.StoryCheck`:
the sources grouped into stories, every pair of sources with its relation
(``same``, ``different`` or ``unsure``), the evidence in words, and the bits that
relation adds to the match weight of each claim pair across the two sources.

Two reports of one event name the same people, places and organisations, above
all in their lead, and use the same rare words; two reports of two events of one
kind (two earthquakes, two rehab stays) share the kind's words and a few common
names, but not the event's own. So each source gets a profile: its names and
content words, counted once per claim, those of its lead counted more. Two
profiles are compared by cosine with weights of inverse source frequency over
the run, so a name every source mentions says little. Sources are merged into
stories by average linkage while their similarity reaches :data:`SAME_AT`;
stories whose similarity stays below :data:`DIFFERENT_BELOW` (or, for two groups
of two or more sources, below :data:`CONTRAST` times the similarity within each)
seem to report different events; two lone sources (neither merged with a third)
need a similarity below :data:`LONE_BELOW`, and two published within two days are
never judged apart. The cuts and the bits are chosen on ECB+ dev topics
(``benchmarks/fit_story.py``, ``docs/calibration.md``).

A source with too little text (one sentence, or fewer names than
:data:`MIN_NAMES`) is never judged: its pairs are ``unsure`` and weigh nothing,
so two one-sentence sources align exactly as without the check. Everything
depends on the sources' contents and names, never on their order.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile.model import SourcePair, Story, StoryCheck

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from reconcile.model import Document, StoryRelation

__all__ = [
    "BITS_DIFFERENT",
    "BITS_SAME",
    "DIFFERENT_BELOW",
    "MIN_CLAIMS",
    "MIN_NAMES",
    "SAME_AT",
    "SourceProfile",
    "check_stories",
    "profile_source",
    "source_similarity",
]

#: The first claims of a source are its lead: they name the main event.
LEAD_CLAIMS = 3
#: A name or word of the lead counts this many times one of the body.
LEAD_WEIGHT = 3.0
#: Content words weigh this much against names in a source pair's similarity.
TERMS_SHARE = 0.5
#: Below this many claims, or distinct names, a source is too short to judge.
MIN_CLAIMS = 3
MIN_NAMES = 3
#: How many main names a story or a source is shown with.
MAIN_NAMES = 5
# The cuts and bits below: chosen on ECB+ dev topics, two folds grouped by topic
# (benchmarks/fit_story.py; docs/calibration.md, "The story check").
#: Sources whose similarity reaches this seem to report the same event.
SAME_AT = 0.3
#: Stories whose similarity stays below this seem to report different events.
DIFFERENT_BELOW = 0.1
#: Two single sources, neither merged with another, seem to report different events
#: only when their similarity stays below this: with no third source to compare with,
#: a lone pair needs more evidence (at most one same-event pair in fifty judged apart).
LONE_BELOW = 0.02
#: Two stories of two or more sources each also seem to report different events when
#: their similarity is less than this share of the least similarity within either:
#: each group agrees among itself far more than with the other.
CONTRAST = 0.4
#: Bits added to every claim pair across two sources of different events.
BITS_DIFFERENT = -3.0
#: Bits added to every claim pair across two sources of the same event: none, since
#: pairs just under the threshold inside one plain story state the same fact no more
#: often than their scores say (benchmarks/eval_low_band.py, 60 pairs labelled by hand).
BITS_SAME = 0.0
#: Two publication dates this many days apart or more are worth saying.
_DATE_GAP_DAYS = 7
#: Reports published this close (days) are not judged to be of different events on
#: their names alone: news of one event appears on one or two days.
SAME_DAYS = 2


@frozen
class SourceProfile:
    """What a source says its main event is: its names and words, weighted, and its date.

    Attributes:
        source: the source's name.
        names: entity key -> weight (claims that mention it, lead claims counted more).
        terms: content-word stem -> weight, counted the same way.
        labels: entity key -> how the source writes it (its most frequent spelling).
        published: the publication date the source states or the caller gave, or None.
        claims: how many claims the source has.
    """

    source: str
    names: Mapping[str, float]
    terms: Mapping[str, float]
    labels: Mapping[str, str]
    published: date | None
    claims: int

    @property
    def is_judged(self) -> bool:
        """Return whether the source has enough text to tell what event it reports."""
        return self.claims >= MIN_CLAIMS and len(self.names) >= MIN_NAMES


def profile_source(document: Document) -> SourceProfile:
    """Return a document's profile: its names and words per claim, the lead's counted more.

    Examples:
        >>> from reconcile import Source
        >>> from reconcile.pipeline import parse_source
        >>> doc = parse_source(Source("Maria Lopez won in Paris. Lopez led from the start."))
        >>> p = profile_source(doc)
        >>> p.names["lopez"], p.labels["lopez"], p.is_judged
        (6.0, 'Maria Lopez', False)
    """
    names: defaultdict[str, float] = defaultdict(float)
    terms: defaultdict[str, float] = defaultdict(float)
    spellings: dict[str, Counter[str]] = {}
    for k, claim in enumerate(document.claims):
        weight = LEAD_WEIGHT if k < LEAD_CLAIMS else 1.0
        keys = set()
        for entity in claim.entities:
            if entity.kind != "name" or len(entity.key) < 3:
                continue
            keys.add(entity.key)
            spellings.setdefault(entity.key, Counter())[entity.text] += 1
        for key in keys:
            names[key] += weight
        for term in set(claim.terms):
            terms[term] += weight
    labels = {
        key: min(found.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0]
        for key, found in spellings.items()
    }
    how = document.published_how
    stated = how.startswith(("given", "explicit"))
    return SourceProfile(
        document.name,
        dict(names),
        dict(terms),
        labels,
        document.published if stated else None,
        len(document.claims),
    )


def _idf(profiles: Sequence[SourceProfile], field: str) -> dict[str, float]:
    """Return inverse source frequency in bits, smoothed so that two sources are not degenerate."""
    df: Counter[str] = Counter()
    for p in profiles:
        df.update(getattr(p, field).keys())
    n = len(profiles)
    return {key: math.log2((n + 2) / (count + 0.5)) for key, count in df.items()}


def _cosine(a: Mapping[str, float], b: Mapping[str, float], idf: Mapping[str, float]) -> float:
    # math.fsum is exactly rounded, so the sums do not depend on the order of the keys.
    dot = math.fsum(a[k] * b[k] * idf[k] ** 2 for k in a.keys() & b.keys())
    norm_a = math.sqrt(math.fsum((v * idf[k]) ** 2 for k, v in a.items()))
    norm_b = math.sqrt(math.fsum((v * idf[k]) ** 2 for k, v in b.items()))
    return dot / (norm_a * norm_b) if norm_a > 0 and norm_b > 0 else 0.0


def source_similarity(
    a: SourceProfile,
    b: SourceProfile,
    *,
    name_idf: Mapping[str, float],
    term_idf: Mapping[str, float],
) -> float:
    """Return how much two sources share of their names and words, 0-1 (cosines, weighted)."""
    names = _cosine(a.names, b.names, name_idf)
    terms = _cosine(a.terms, b.terms, term_idf)
    return (names + TERMS_SHARE * terms) / (1.0 + TERMS_SHARE)


def _main_names(
    weights: Mapping[str, float], idf: Mapping[str, float], keys: set[str] | None = None
) -> list[str]:
    """Return entity keys, most telling first: weight times idf, then the key."""
    pool = weights.keys() if keys is None else keys & weights.keys()
    return sorted(pool, key=lambda k: (-weights[k] * idf[k], k))


def check_stories(
    documents: Sequence[Document],
    *,
    same_at: float = SAME_AT,
    different_below: float = DIFFERENT_BELOW,
    lone_below: float = LONE_BELOW,
    contrast: float = CONTRAST,
    bits_different: float = BITS_DIFFERENT,
    bits_same: float = BITS_SAME,
) -> StoryCheck:
    """Group the sources into stories and say, per pair, whether they report one event.

    Args:
        documents: the parsed sources, in any order.
        same_at: the least similarity of two stories for them to be merged into one.
        different_below: stories less similar than this seem to report different events.
        lone_below: two single sources less similar than this seem to report different
            events (a source merged with none is compared with this cut, not the former).
        contrast: two stories of two or more sources each whose similarity is less than
            this share of the similarity within each also seem to (0: never).
        bits_different: the bits added to claim pairs across sources of different events.
        bits_same: the bits added to claim pairs across sources of the same event.

    Returns:
        The stories, every source pair with its evidence, and a message when some
        sources seem to report a different event.
    """
    profiles = sorted((profile_source(d) for d in documents), key=lambda p: p.source)
    name_idf, term_idf = _idf(profiles, "names"), _idf(profiles, "terms")
    judged = [p for p in profiles if p.is_judged]
    sim = {
        (a.source, b.source): source_similarity(a, b, name_idf=name_idf, term_idf=term_idf)
        for a, b in combinations(judged, 2)
    }
    clusters = _average_linkage([p.source for p in judged], sim, same_at=same_at)
    cluster_of = {s: k for k, members in enumerate(clusters) for s in members}
    by_name = {p.source: p for p in profiles}
    pairs = []
    for a, b in combinations(profiles, 2):
        key = (a.source, b.source)
        if key not in sim:
            relation: StoryRelation = "unsure"
        elif cluster_of[a.source] == cluster_of[b.source]:
            relation = "same"
        elif _apart(
            clusters[cluster_of[a.source]],
            clusters[cluster_of[b.source]],
            sim,
            different_below=different_below,
            lone_below=lone_below,
            contrast=contrast,
        ):
            relation = "different"
        else:
            relation = "unsure"
        relation = _dated(relation, a, b)
        weight = {"same": bits_same, "different": bits_different, "unsure": 0.0}[relation]
        pairs.append(
            _source_pair(
                a, b, relation=relation, similarity=sim.get(key), weight=weight, idf=name_idf
            )
        )
    has_different = any(p.relation == "different" for p in pairs)
    if has_different:
        groups = [*clusters, *([p.source] for p in profiles if not p.is_judged)]
    else:
        groups = [[p.source for p in profiles]]
    stories = _stories(groups, by_name, name_idf)
    judged_stories = [s for s in stories if by_name[s.sources[0]].is_judged]
    message = _message(judged_stories, pairs) if has_different else None
    return StoryCheck(tuple(stories), tuple(pairs), message)


def _dated(relation: StoryRelation, a: SourceProfile, b: SourceProfile) -> StoryRelation:
    """Return the relation the two sources' stated publication dates allow."""
    if relation != "different" or a.published is None or b.published is None:
        return relation
    return "unsure" if abs((a.published - b.published).days) <= SAME_DAYS else relation


def _apart(
    xs: Sequence[str],
    ys: Sequence[str],
    sim: Mapping[tuple[str, str], float],
    *,
    different_below: float,
    lone_below: float,
    contrast: float,
) -> bool:
    """Return whether two stories seem to report different events."""
    between = _linkage(xs, ys, sim)
    if len(xs) < 2 and len(ys) < 2:
        return between < lone_below
    if between < different_below:
        return True
    if len(xs) < 2 or len(ys) < 2:
        return False
    within = min(_linkage_within(xs, sim), _linkage_within(ys, sim))
    return between < contrast * within


def _linkage_within(xs: Sequence[str], sim: Mapping[tuple[str, str], float]) -> float:
    """Return the mean similarity of the source pairs inside one cluster."""
    values = [sim[(x, y) if x < y else (y, x)] for x, y in combinations(xs, 2)]
    return math.fsum(values) / len(values)


def _linkage(xs: Sequence[str], ys: Sequence[str], sim: Mapping[tuple[str, str], float]) -> float:
    """Return the mean similarity of the source pairs across two clusters."""
    values = [sim[(x, y) if x < y else (y, x)] for x in xs for y in ys]
    return math.fsum(values) / len(values)


def _average_linkage(
    sources: Sequence[str], sim: Mapping[tuple[str, str], float], *, same_at: float
) -> list[list[str]]:
    """Merge sources, most similar clusters first, while their mean similarity reaches ``same_at``.

    Ties go to the clusters whose first names sort first, so the result depends on
    the sources alone, never on their order.
    """
    clusters = [[s] for s in sorted(sources)]
    while len(clusters) > 1:
        best: tuple[float, int, int] | None = None
        for i, j in combinations(range(len(clusters)), 2):
            value = _linkage(clusters[i], clusters[j], sim)
            if best is None or value > best[0]:
                best = (value, i, j)
        if best is None or best[0] < same_at:
            break
        _, i, j = best
        clusters[i] = sorted(clusters[i] + clusters[j])
        del clusters[j]
        clusters.sort()
    return clusters


def _label(profile: SourceProfile, key: str) -> str:
    return profile.labels.get(key, key)


def _names_text(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "no one and nowhere"


def _source_pair(
    a: SourceProfile,
    b: SourceProfile,
    *,
    relation: StoryRelation,
    similarity: float | None,
    weight: float,
    idf: Mapping[str, float],
) -> SourcePair:
    """Return the pair with its evidence: shared and own main names, dates, the verdict."""
    main_a = _main_names(a.names, idf)[:MAIN_NAMES]
    main_b = _main_names(b.names, idf)[:MAIN_NAMES]
    both = set(a.names) & set(b.names)
    merged = {k: a.names.get(k, 0.0) + b.names.get(k, 0.0) for k in both}
    shared = [_label(a, k) for k in _main_names(merged, idf)[:MAIN_NAMES]]
    only_a = tuple(_label(a, k) for k in main_a if k not in both)
    only_b = tuple(_label(b, k) for k in main_b if k not in both)
    names = (a.source, b.source)
    if similarity is None:
        short = [p for p in (a, b) if not p.is_judged]
        evidence = (
            f"Too little text to tell whether {names[0]} and {names[1]} report one event "
            f"({short[0].source} has {short[0].claims} claim(s) naming "
            f"{len(short[0].names)} people, places or organisations); nothing is changed."
        )
    else:
        said = {
            "same": "they seem to report the same event",
            "different": "they seem to report different events",
            "unsure": "too little in common, or too much, to tell whether they report one event",
        }[relation]
        common = f"share {_names_text(shared)}" if shared else "share none of their main names"
        own = "; ".join(
            f"only {name} names {', '.join(only)}"
            for name, only in zip(names, (only_a, only_b), strict=True)
            if only
        )
        evidence = (
            f"{names[0]} and {names[1]} {common} "
            f"({own + '; ' if own else ''}similarity {similarity:.2f}){_dates_text(a, b)}: "
            f"{said}."
        )
    return SourcePair(
        names,
        relation,
        None if similarity is None else round(similarity, 4),
        tuple(shared),
        (only_a, only_b),
        (a.published, b.published),
        weight,
        evidence,
    )


def _dates_text(a: SourceProfile, b: SourceProfile) -> str:
    if a.published is None or b.published is None:
        return ""
    gap = abs((a.published - b.published).days)
    if gap == 0:
        return f"; both published {a.published.isoformat()}"
    if gap >= _DATE_GAP_DAYS:
        return (
            f"; published {gap} days apart ({a.published.isoformat()}, {b.published.isoformat()})"
        )
    return ""


def _stories(
    groups: Sequence[Sequence[str]], by_name: Mapping[str, SourceProfile], idf: Mapping[str, float]
) -> list[Story]:
    """Return the stories of these source groups, each with its main names and dates."""
    found = []
    for k, members in enumerate(sorted(sorted(g) for g in groups)):
        weights: defaultdict[str, float] = defaultdict(float)
        for s in members:
            for key, value in by_name[s].names.items():
                weights[key] += value
        # A story's names are those its sources share; a lone source's are its own.
        keys = set(weights) if len(members) == 1 else _shared_by_most(members, by_name)
        first = by_name[members[0]]
        labels = [
            _story_label(key, members, by_name, first) for key in _main_names(weights, idf, keys)
        ]
        dates = sorted({d for s in members if (d := by_name[s].published) is not None})
        found.append(
            Story(f"story-{k + 1}", tuple(members), tuple(labels[:MAIN_NAMES]), tuple(dates))
        )
    return found


def _shared_by_most(members: Sequence[str], by_name: Mapping[str, SourceProfile]) -> set[str]:
    """Return the names that at least half of a story's sources (and two of them) mention."""
    counts: Counter[str] = Counter()
    for s in members:
        counts.update(by_name[s].names.keys())
    need = max(2, (len(members) + 1) // 2)
    return {k for k, n in counts.items() if n >= need}


def _story_label(
    key: str, members: Sequence[str], by_name: Mapping[str, SourceProfile], first: SourceProfile
) -> str:
    for s in members:
        if key in by_name[s].labels:
            return by_name[s].labels[key]
    return _label(first, key)


def _message(stories: Sequence[Story], pairs: Sequence[SourcePair]) -> str:
    """Say in one sentence which sources seem to report a different event, and why."""
    apart = [p for p in pairs if p.relation == "different"]
    parts = []
    for story in stories:
        who = " and ".join(story.sources)
        about = _names_text(list(story.names[:3]))
        dates = ", ".join(d.isoformat() for d in story.published)
        when = f", published {dates}" if dates else ""
        parts.append(f"{who} ({about}{when})")
    shared = sorted({name for p in apart for name in p.shared})
    common = (
        f"they share only {', '.join(shared[:3])} across the groups"
        if shared
        else "they share none of their main names across the groups"
    )
    return (
        f"The sources seem to report {len(stories)} different events: {'; '.join(parts)}; "
        f"{common}, so claims across them need more evidence to be aligned."
    )
