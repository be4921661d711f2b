"""Reading a report back: ``Report.from_dict``/``from_json`` invert ``to_dict``/``to_json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from support import articles, reports

import reconcile
from reconcile import ParseError, Report

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def _strict_json(text: str) -> object:
    """Parse JSON that must be standard: no NaN or Infinity constants."""

    def refuse(name: str) -> object:
        msg = f"non-standard JSON constant {name}"
        raise ValueError(msg)

    return json.loads(text, parse_constant=refuse)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_from_dict_and_from_json_invert_to_dict_and_to_json(report: Report) -> None:
    """A report read back from its dict or JSON equals it; its JSON is standard and byte-stable."""
    assert Report.from_dict(report.to_dict()) == report
    text = report.to_json()
    again = Report.from_json(text)
    assert again == report
    assert again.to_json() == text
    assert _strict_json(text) == report.to_dict()


@settings(max_examples=15, deadline=None)
@given(a=articles, b=articles)
def test_pipeline_reports_round_trip(a: str, b: str) -> None:
    """Reports the pipeline makes from real sentences survive JSON unchanged."""
    report = reconcile.compare([reconcile.Source(a, name="a"), reconcile.Source(b, name="b")])
    assert Report.from_json(report.to_json()) == report


def test_seed_report_round_trips() -> None:
    """The seed articles' report, with its links and findings, reads back equal."""
    report = reconcile.compare([reconcile.Source.from_file(p) for p in SEEDS])
    again = Report.from_json(report.to_json())
    assert again == report
    assert [f.id for f in again.discrepancies] == [f.id for f in report.discrepancies]


def test_source_published_survives_round_trip() -> None:
    """A date set on the Source itself is read back onto the Source, not only the document."""
    a = reconcile.Source("Two people died in the fire, police said.", name="a")
    b = reconcile.Source(
        "Police said five people died in the fire.", name="b", published=date(2026, 1, 5)
    )
    again = Report.from_dict(reconcile.compare([a, b]).to_dict())
    assert [d.source.published for d in again.documents] == [None, date(2026, 1, 5)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schema": "reconcile.report/2"}, r"schema 'reconcile.report/2', expected"),
        ([1, 2], r"schema 'list', expected 'reconcile.report/1'"),
        ({"schema": "reconcile.report/1", "claims": []}, r"Malformed reconcile report: KeyError"),
    ],
)
def test_from_dict_rejects_what_is_not_a_report(data: object, message: str) -> None:
    """Something that is not a report/1 object is a ParseError that says what it got."""
    with pytest.raises(ParseError, match=message):
        Report.from_dict(data)  # type: ignore[arg-type]


def test_from_json_rejects_text_that_is_not_json() -> None:
    """Text that is not JSON is a ParseError that says where to get a report."""
    with pytest.raises(ParseError, match=r"Not JSON: .*reconcile compare --format json"):
        Report.from_json("{not json")
