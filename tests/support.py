"""What the tests share: Hypothesis strategies of real-looking news, and the scorers of
the case corpus and of the seeds' expected.json.

- Hypothesis strategies shared by the property tests: real sentences, articles, edits.
- Hypothesis strategies for whole reports: every field drawn, every offset inside its text.
- Load the reconciliation corpus (``tests/data/cases/*.json``) and score a report against it.
- Score a report against a hand-written ``expected.json`` (the seeds' format).
"""

from __future__ import annotations

import calendar
import itertools
import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import reconcile
from reconcile import (
    Alignment,
    Attribution,
    Claim,
    Contribution,
    Document,
    Entity,
    Evidence,
    Finding,
    Link,
    Ordinal,
    Quantity,
    Segment,
    Source,
    Span,
    TimeMention,
)
from reconcile.report import Report

# ---------------------------------------------------------------------------
# Hypothesis strategies shared by the property tests: real sentences, articles, edits.

# Real-style news sentences about several unrelated events, written for these tests.
SENTENCES = (
    "The storm made landfall near Corpus Christi on Friday night, forecasters said.",
    "At least 12 people were killed and more than 40 were injured, according to state officials.",
    "Governor Ann Marsh declared a state of emergency in 14 counties on Saturday.",
    "Power was cut to about 200,000 homes, the utility said in a statement.",
    "It was the strongest hurricane to hit the region since 1999.",
    "Schools will remain closed until Wednesday, the district announced.",
    "The central bank raised its benchmark rate by 0.25 percentage points to 4.5% on Tuesday.",
    "Economists had expected the increase, which was the third this year.",
    "Inflation fell to 3.1% in May from 3.4% in April, the statistics office said.",
    "The bank's governor, Maria Lopez, said further rises were not ruled out.",
    "United beat City 2-1 at Old Trafford on Sunday.",
    "It was United's first win over their neighbours in five matches.",
    "The winning goal came from Sam Reid in the 88th minute.",
    "The company said it would cut 1,200 jobs by the end of next year.",
    "Its shares fell 8% in early trading in New York.",
)

sentences = st.sampled_from(SENTENCES)
articles = st.lists(sentences, min_size=2, max_size=6, unique=True).map(" ".join)
unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400
)


# ---------------------------------------------------------------------------
# Perturbations: real-style articles with one slot per kind of change. Changing one
# slot in one sentence must give exactly one discrepancy of the slot's category.

PERTURBABLE_ARTICLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "fire": (
        "2024-03-14",
        (
            "A fire at a chemical plant on the edge of Dunmore killed 9 workers on March 12, "
            "the fire service said.",
            "It was the deadliest industrial accident in the region since 2009.",
            "The plant's owner, Dunmore Chemicals, closed the site on Wednesday.",
            "Investigators have not yet found the cause of the blaze.",
            "The company employs about 350 people in the town.",
        ),
    ),
    "match": (
        "2023-11-06",
        (
            "Rovers beat Athletic 3-1 at Mill Park on November 4 to reach the cup semi-finals.",
            "Lena Okafor scored twice in the second half, manager Dean Holt said.",
            "It was the club's biggest win in the competition since 1998.",
            "A crowd of 18,450 watched the match.",
            "Athletic's captain was sent off after 60 minutes.",
        ),
    ),
    "deal": (
        "2023-05-10",
        (
            "Harbor Foods agreed to buy the snack maker Crisply for $2.1 billion on May 8.",
            "The deal makes Harbor the second-largest snack company in North America, "
            "the company said.",
            "Crisply's founders will stay on to run the brand.",
            "The companies did not disclose how many jobs would be cut.",
            "Harbor shares rose 4% in New York.",
        ),
    ),
}

_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eleven", "twelve", "twenty")


def _far_from(value: float, share: float) -> st.SearchStrategy[int]:
    """Integers that differ from ``value`` by more than ``share`` of it (beyond rounding)."""
    return st.integers(1, int(value * 4) + 10).filter(lambda n: abs(n - value) > share * value)


def _day(month: str, original: int) -> st.SearchStrategy[str]:
    return st.integers(1, 28).filter(lambda d: d != original).map(lambda d: f"on {month} {d}")


#: article -> category -> (sentence index, the words changed, what they may become)
PERTURBATIONS: dict[str, dict[str, tuple[int, str, st.SearchStrategy[str]]]] = {
    "fire": {
        "temporal": (0, "on March 12", _day("March", 12)),
        "numeric": (
            0,
            "killed 9 workers",
            st.one_of(
                _far_from(9, 0).map(str),
                st.sampled_from([w for w in _NUMBER_WORDS if w != "nine"]),
            ).map(lambda n: f"killed {n} workers"),
        ),
        "framing": (
            1,
            "in the region since 2009",
            st.sampled_from(
                [
                    "in the country since 2009",
                    "in the region since 1987",
                    "in the region's history",
                    "in Europe since 2009",
                ]
            ),
        ),
        "attribution": (
            0,
            "the fire service said",
            st.sampled_from(
                [
                    "the mayor said",
                    "Governor Ann Marsh said",
                    "the plant's owner said",
                    "police chief Sara Lind said",
                ]
            ),
        ),
        "status": (
            2,
            "closed the site on Wednesday",
            st.just("did not close the site on Wednesday"),
        ),
        "entity": (
            0,
            "on the edge of Dunmore",
            st.sampled_from(["Ashby", "Carrow", "Elmsford", "Penrith Vale"]).map(
                lambda p: f"on the edge of {p}"
            ),
        ),
    },
    "match": {
        "temporal": (0, "on November 4", _day("November", 4)),
        "numeric": (3, "18,450", _far_from(18450, 0.1).map(lambda n: f"{n:,}")),
        "framing": (
            2,
            "in the competition since 1998",
            st.sampled_from(
                [
                    "in the competition's history",
                    "in the league since 1998",
                    "in the competition since 2005",
                ]
            ),
        ),
        "attribution": (
            1,
            "manager Dean Holt said",
            st.sampled_from(
                ["captain Joe Mills said", "coach Ana Silva said", "the club's chairman said"]
            ),
        ),
        "status": (4, "was sent off", st.just("was not sent off")),
        "entity": (
            0,
            "at Mill Park",
            st.sampled_from(["Kingsway Park", "Riverside Stadium", "Elm Road"]).map(
                lambda p: f"at {p}"
            ),
        ),
    },
    "deal": {
        "temporal": (0, "on May 8", _day("May", 8)),
        "numeric": (
            0,
            "$2.1 billion",
            st.integers(5, 99).filter(lambda n: n != 21).map(lambda n: f"${n / 10:.1f} billion"),
        ),
        "framing": (
            1,
            "in North America",
            st.sampled_from(["in the world", "in Europe", "in the United States", "in Canada"]),
        ),
        "attribution": (
            1,
            "the company said",
            st.sampled_from(
                ["analysts at Barwick said", "Crisply's chief executive said", "the mayor said"]
            ),
        ),
        "status": (
            3,
            "did not disclose how many",
            st.just("disclosed how many"),
        ),
        "entity": (
            0,
            "Harbor Foods agreed",
            st.sampled_from(["Coastline Foods", "Meridian Capital", "Northgate Brands"]).map(
                lambda n: f"{n} agreed"
            ),
        ),
    },
}


@st.composite
def perturbed_articles(
    draw: st.DrawFn,
) -> tuple[str, tuple[str, ...], int, str, str]:
    """Return ``(published, sentences, index, changed sentence, category)`` for one change."""
    name = draw(st.sampled_from(sorted(PERTURBATIONS)))
    category = draw(st.sampled_from(sorted(PERTURBATIONS[name])))
    index, old, values = PERTURBATIONS[name][category]
    published, sentences = PERTURBABLE_ARTICLES[name]
    new = draw(values)
    return published, sentences, index, sentences[index].replace(old, new), category


# ---------------------------------------------------------------------------
# Real articles with random edits: the seeds and the sentences above, with
# characters inserted, deleted or replaced anywhere (scraping debris, typos,
# truncation, foreign text pasted in).

_SEED_TEXTS = tuple(
    p.read_text(encoding="utf-8")
    for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
)
_DEBRIS = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \n\r\t.,;:!?\"'“”’()-—<>&/|#*\u00a0\u200b\ufeff0123456789")),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=12,
)


@st.composite
def edited_articles(draw: st.DrawFn, *, max_edits: int = 6) -> str:
    """Return a real article (a seed, or sentences above) with a few random edits."""
    base = draw(st.one_of(st.sampled_from(_SEED_TEXTS), articles))
    text = base
    for _ in range(draw(st.integers(0, max_edits))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(("insert", "delete", "replace")))
        width = draw(st.integers(1, 40))
        if kind == "insert":
            text = text[:at] + draw(_DEBRIS) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + width :]
        else:
            text = text[:at] + draw(_DEBRIS) + text[at + width :]
    return text


# ---------------------------------------------------------------------------
# Hypothesis strategies for whole reports: every field drawn, every offset inside its text.

# No lone surrogates: a decoded text file never has them, and UTF-8 cannot hold them.
words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=24)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=100)
finite = st.floats(allow_nan=False, allow_infinity=False)
probability = st.floats(min_value=0.0, max_value=1.0)
maybe_date = st.none() | st.dates()


@st.composite
def spans_in(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    return Span(start, draw(st.integers(start, len(text))))


@st.composite
def time_mentions(draw: st.DrawFn, text: str) -> TimeMention:
    span = draw(spans_in(text))
    interval = None
    if draw(st.booleans()):
        a, b = sorted(draw(st.lists(st.dates(), min_size=2, max_size=2)))
        interval = (a, b)
    return TimeMention(
        span,
        span.slice(text),
        draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
        draw(words),
        draw(st.none() | words),
        interval,
        draw(words),
        draw(st.booleans()),
    )


@st.composite
def quantities(draw: st.DrawFn, text: str) -> Quantity:
    span = draw(spans_in(text))
    return Quantity(
        span,
        span.slice(text),
        draw(finite),
        draw(finite | st.just(-math.inf)),
        draw(finite | st.just(math.inf)),
        draw(words),
        draw(finite),
    )


@st.composite
def ordinals(draw: st.DrawFn, text: str) -> Ordinal:
    span = draw(spans_in(text))
    scope_span = draw(st.none() | spans_in(text))
    return Ordinal(span, span.slice(text), draw(words), draw(words), draw(words), scope_span)


@st.composite
def entities(draw: st.DrawFn, text: str) -> Entity:
    span = draw(spans_in(text))
    return Entity(span, span.slice(text), draw(words), draw(words), draw(words))


@st.composite
def attributions(draw: st.DrawFn, text: str) -> Attribution:
    span = draw(spans_in(text))
    return Attribution(span, span.slice(text), draw(words), draw(words), draw(words))


@st.composite
def claims_of(draw: st.DrawFn, name: str, text: str, k: int) -> Claim:
    span = draw(spans_in(text))
    small = {"max_size": 2}
    return Claim(
        id=f"{name}@{span.start}-{span.end}#{k}",
        source=name,
        span=span,
        text=span.slice(text),
        paragraph=draw(st.integers(0, 50)),
        sentence=draw(st.integers(0, 50)),
        times=tuple(draw(st.lists(time_mentions(text), **small))),
        quantities=tuple(draw(st.lists(quantities(text), **small))),
        ordinals=tuple(draw(st.lists(ordinals(text), **small))),
        entities=tuple(draw(st.lists(entities(text), **small))),
        attribution=draw(st.none() | attributions(text)),
        modality=draw(st.sampled_from(["asserted", "done", "planned", "expected", "hedged"])),
        is_negated=draw(st.booleans()),
        is_quote=draw(st.booleans()),
        terms=tuple(draw(st.lists(words, max_size=4))),
    )


@st.composite
def documents(draw: st.DrawFn, name: str) -> Document:
    text = draw(texts)
    source = Source(
        text,
        name=name,
        published=draw(maybe_date),
        is_html=draw(st.booleans()),
        encoding=draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])),
        notes=tuple(draw(st.lists(words, max_size=2))),
    )
    n_claims = draw(st.integers(0, 3))
    claims = tuple(draw(claims_of(name, text, k)) for k in range(n_claims))
    segments = tuple(
        Segment(name, span, span.slice(text), draw(words))
        for span in draw(st.lists(spans_in(text), max_size=3))
    )
    return Document(source, draw(maybe_date), draw(words), claims, segments)


@st.composite
def links(draw: st.DrawFn, ids: list[str]) -> Link:
    pair = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2))
    contributions = tuple(
        Contribution(draw(words), draw(words), draw(finite), draw(words))
        for _ in range(draw(st.integers(0, 4)))
    )
    return Link((pair[0], pair[1]), draw(probability), draw(finite), contributions, draw(words))


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A report of one to three sources with claims, segments, alignments and findings."""
    names = draw(st.lists(words.filter(bool), min_size=1, max_size=3, unique=True))
    docs = tuple(draw(documents(name)) for name in names)
    claims = [c for d in docs for c in d.claims]
    ids = [c.id for c in claims]
    alignments: list[Alignment] = []
    findings: list[Finding] = []
    if ids:
        for _ in range(draw(st.integers(0, 3))):
            members = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3)))
            group_links = tuple(draw(st.lists(links(ids), max_size=2)))
            alignments.append(Alignment(members, draw(probability), group_links))
        for k in range(draw(st.integers(0, 4))):
            cited = draw(st.lists(st.sampled_from(claims), min_size=1, max_size=3))
            kind = draw(st.sampled_from(["agreement", "discrepancy", "single_source"]))
            category = (
                draw(
                    st.sampled_from(
                        ["temporal", "numeric", "framing", "attribution", "status", "entity"]
                    )
                )
                if kind == "discrepancy"
                else None
            )
            findings.append(
                Finding(
                    id=f"{category or kind}-{k:012x}",
                    kind=kind,
                    category=category,
                    claims=tuple(c.id for c in cited),
                    message=draw(words),
                    evidence=tuple(Evidence(c.source, c.span, c.text) for c in cited),
                    severity=draw(st.sampled_from(["high", "medium", "low"])) if category else None,
                )
            )
    return Report(docs, tuple(alignments), tuple(findings))


def strict(schema: Any) -> Any:
    """Return a copy of a JSON Schema in which no object may have an undeclared key."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


# ---------------------------------------------------------------------------
# Load the reconciliation corpus (``tests/data/cases/*.json``) and score a report against it.

CASES_DIR = Path(__file__).resolve().parent / "data" / "cases"
CATEGORIES = ("temporal", "numeric", "framing", "attribution", "status", "entity")


@dataclass(frozen=True)
class Item:
    """An expected discrepancy (with its category) or a pair that must not be flagged."""

    quotes: tuple[str, ...]
    why: str
    category: str | None = None


@dataclass(frozen=True)
class Case:
    id: str
    style: str
    about: str
    sources: tuple[reconcile.Source, ...]
    expect: tuple[Item, ...]
    must_not: tuple[Item, ...]
    xfail: str | None = None

    def run(self) -> reconcile.Report:
        """Reconcile the case's sources (or check its one source on its own)."""
        if len(self.sources) == 1:
            return reconcile.check(self.sources[0])
        return reconcile.compare(list(self.sources))


@dataclass
class CaseScore:
    """How a report fares against one case: what was found, missed, and wrongly flagged."""

    found: list[tuple[Item, reconcile.Finding]] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)
    unexpected: list[reconcile.Finding] = field(default_factory=list)
    flagged_must_not: list[tuple[Item, reconcile.Finding]] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Return one line per miss, false alarm or forbidden flag (empty when the case passes)."""
        lines = [f"missing {i.category}: {' | '.join(i.quotes)}" for i in self.missing]
        lines += [f"unexpected {f.category}: {f.message}" for f in self.unexpected]
        lines += [
            f"must not flag ({f.category}): {' | '.join(i.quotes)} -- {f.message}"
            for i, f in self.flagged_must_not
        ]
        return lines


def _item(data: dict[str, Any]) -> Item:
    return Item(tuple(data["quotes"]), data.get("why", ""), data.get("category"))


def load_case(path: Path) -> Case:
    data = json.loads(path.read_text(encoding="utf-8"))
    sources = tuple(
        reconcile.Source(s["text"], name=s["name"], published=date.fromisoformat(s["published"]))
        for s in data["sources"]
    )
    case = Case(
        id=data["id"],
        style=data["style"],
        about=data["about"],
        sources=sources,
        expect=tuple(_item(e) for e in data.get("expect", ())),
        must_not=tuple(_item(m) for m in data.get("must_not", ())),
        xfail=data.get("xfail"),
    )
    for item in case.expect + case.must_not:
        for k, quote in enumerate(item.quotes):
            src = case.sources[min(k, len(case.sources) - 1)]
            if src.text.count(quote) != 1:
                msg = f"{case.id}: quote must occur once in {src.name}: {quote!r}"
                raise ValueError(msg)
    return case


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    return [load_case(p) for p in sorted(directory.glob("*.json"))]


def covers(case: Case, finding: reconcile.Finding, item: Item) -> bool:
    """Return whether every quote of ``item`` lies inside an evidence span of ``finding``."""
    for k, quote in enumerate(item.quotes):
        src = case.sources[min(k, len(case.sources) - 1)]
        start = src.text.index(quote)
        end = start + len(quote)
        if not any(
            ev.source == src.name and ev.span.start <= start and end <= ev.span.end
            for ev in finding.evidence
        ):
            return False
    return True


def score_case(case: Case, report: reconcile.Report) -> CaseScore:
    score = CaseScore()
    matched: set[str] = set()
    for item in case.expect:
        hits = [
            f for f in report.discrepancies if f.category == item.category and covers(case, f, item)
        ]
        if hits:
            score.found.append((item, hits[0]))
            matched.update(f.id for f in hits)
        else:
            score.missing.append(item)
    score.unexpected = [f for f in report.discrepancies if f.id not in matched]
    for item in case.must_not:
        score.flagged_must_not.extend(
            (item, f)
            for f in report.discrepancies
            if (item.category is None or f.category == item.category) and covers(case, f, item)
        )
    return score


# ---------------------------------------------------------------------------
# Score a report against a hand-written ``expected.json`` (the seeds' format).


def quote_span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        msg = f"quote not in source: {quote!r}"
        raise AssertionError(msg)
    return start, start + len(quote)


def claim_matches(claim: dict[str, Any], source: str, span: tuple[int, int]) -> bool:
    if claim["source"] != source:
        return False
    q_len = span[1] - span[0]
    overlap = min(claim["end"], span[1]) - max(claim["start"], span[0])
    length = claim["end"] - claim["start"]
    return overlap * 2 >= q_len and length <= max(400, 3 * q_len)


def expected_interval(value: str) -> tuple[date, date]:
    if "/" in value:
        a, b = value.split("/")
        return expected_interval(a)[0], expected_interval(b)[1]
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(parts[0], parts[1], parts[2])
    return day, day


@dataclass
class Score:
    """What a report gets right and wrong against the expectations."""

    required_discrepancies: dict[str, bool] = field(default_factory=dict)
    required_agreements: dict[str, bool] = field(default_factory=dict)
    flagged_must_not: list[str] = field(default_factory=list)
    unexpected_discrepancies: list[str] = field(default_factory=list)
    cross_pairs: int = 0
    good_cross_pairs: int = 0
    bad_cross_pairs: list[tuple[str, str]] = field(default_factory=list)
    published: dict[str, str | None] = field(default_factory=dict)
    times_found: dict[str, bool] = field(default_factory=dict)
    non_claims_in_claims: list[str] = field(default_factory=list)

    @property
    def pair_precision(self) -> float:
        return self.good_cross_pairs / self.cross_pairs if self.cross_pairs else 1.0


class Scorer:
    def __init__(self, report: dict[str, Any], expected: dict[str, Any], texts: dict[str, str]):
        self.report = report
        self.expected = expected
        self.texts = texts
        self.claims = {c["id"]: c for c in report["claims"]}

    def span(self, ev: dict[str, str]) -> tuple[int, int]:
        return quote_span(self.texts[ev["source"]], ev["quote"])

    def matching(self, ids: list[str], ev: dict[str, str]) -> list[str]:
        span = self.span(ev)
        return [i for i in ids if claim_matches(self.claims[i], ev["source"], span)]

    def pair_in(self, ids: list[str], evidence: list[dict[str, str]]) -> bool:
        """Whether distinct claims among ``ids`` match every evidence quote."""
        options = [self.matching(ids, ev) for ev in evidence]
        return any(len(set(combo)) == len(combo) for combo in itertools.product(*options))

    def covers_pair(self, a: str, b: str, evidence: list[dict[str, str]]) -> bool:
        return self.pair_in([a, b], evidence) if len(evidence) == 2 else False

    def score(self) -> Score:
        exp, rep = self.expected, self.report
        s = Score()
        discrepancies = [f for f in rep["findings"] if f["kind"] == "discrepancy"]
        disc = exp["discrepancies"]
        for item in disc["required"]:
            s.required_discrepancies[item["id"]] = any(
                f["category"] == item["kind"] and self.pair_in(f["claims"], item["evidence"])
                for f in discrepancies
            )
        for item in disc["must_not_flag"]:
            if any(self.pair_in(f["claims"], item["evidence"]) for f in discrepancies):
                s.flagged_must_not.append(item["why"])
        known = disc["required"] + disc["acceptable"]
        for f in discrepancies:
            if not any(self.pair_in(f["claims"], k["evidence"]) for k in known):
                s.unexpected_discrepancies.append(f["message"])
        agreements = exp["agreements"]
        groups = [a["claims"] for a in rep["alignments"]]
        for item in agreements["required"]:
            s.required_agreements[item["id"]] = any(
                self.pair_in(g, item["evidence"]) for g in groups
            )
        good_sets = (
            agreements["required"]
            + agreements["acceptable"]
            + [k for k in known if len({e["source"] for e in k["evidence"]}) > 1]
        )
        for g in groups:
            for a, b in itertools.combinations(g, 2):
                if self.claims[a]["source"] == self.claims[b]["source"]:
                    continue
                s.cross_pairs += 1
                if any(self.covers_pair(a, b, k["evidence"]) for k in good_sets):
                    s.good_cross_pairs += 1
                else:
                    s.bad_cross_pairs.append((self.claims[a]["text"], self.claims[b]["text"]))
        for src in rep["sources"]:
            s.published[src["name"]] = src["published"]
        for t in exp["time_expressions"]:
            s.times_found[f"{t['source']}: {t['expression']}"] = self.time_found(t)
        for nc in exp["not_claims"]:
            span = self.span(nc)
            for c in rep["claims"]:
                if c["source"] == nc["source"] and c["start"] < span[1] and span[0] < c["end"]:
                    s.non_claims_in_claims.append(nc["quote"])
        return s

    def time_found(self, t: dict[str, str]) -> bool:
        q_start, q_end = self.span(t)
        e_start = self.texts[t["source"]].find(t["expression"], q_start, q_end)
        e_end = e_start + len(t["expression"])
        want = expected_interval(t["value"])
        for c in self.report["claims"]:
            if c["source"] != t["source"]:
                continue
            for tm in c["times"]:
                if tm["start"] < e_end and e_start < tm["end"]:
                    got = (
                        tuple(date.fromisoformat(x) for x in tm["interval"])
                        if tm["interval"]
                        else None
                    )
                    if tm["value"] == t["value"] or got == want:
                        return True
        return False


def uncovered(report: dict[str, Any], texts: dict[str, str]) -> list[tuple[str, int, str]]:
    """Return every non-space character in neither a claim nor a segment."""
    missing = []
    for name, text in texts.items():
        covered = bytearray(len(text))
        for item in itertools.chain(report["claims"], report["segments"]):
            if item["source"] == name:
                covered[item["start"] : item["end"]] = b"\x01" * (item["end"] - item["start"])
        missing += [
            (name, i, ch) for i, ch in enumerate(text) if not ch.isspace() and not covered[i]
        ]
    return missing
