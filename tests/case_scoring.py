"""Load the reconciliation corpus (``tests/data/cases/*.json``) and score a report against it.

A case is one story told by one or more short news texts, with the discrepancies a
careful reader expects (``expect``) and the statement pairs that must not be flagged
(``must_not``). Quote ``k`` of an item lies in source ``k`` (in a one-source case,
every quote lies in that source). A finding covers an item when each quote lies
inside one of the finding's evidence spans in the quote's source.

Used by ``tests/test_cases.py`` (one test per case) and ``benchmarks/eval_checks.py``
(precision and recall per category over the corpus).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import reconcile

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
