"""Score a report against a hand-written ``expected.json`` (the seeds' format).

The rules are those of the acceptance criteria: a claim matches a quote when it
overlaps at least half of the quote and is at most ``max(400, 3 * len(quote))``
characters long; quotes are exact substrings of the source texts.
"""

from __future__ import annotations

import calendar
import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any


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
