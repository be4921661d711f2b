"""Properties of the whole pipeline: determinism, order, offsets, nothing lost, self-agreement."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import articles, edited_articles, unicode_text

import reconcile

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _covered(report: reconcile.Report) -> list[tuple[str, int]]:
    """Return (source, offset) of every non-space character in neither a claim nor a segment."""
    missing = []
    for doc in report.documents:
        mask = bytearray(len(doc.source.text))
        for item in (*doc.claims, *doc.segments):
            mask[item.span.start : item.span.end] = b"\x01" * len(item.span)
        missing += [
            (doc.name, i)
            for i, ch in enumerate(doc.source.text)
            if not ch.isspace() and not mask[i]
        ]
    return missing


@FAST
@given(a=articles, b=articles, c=articles)
def test_any_order_gives_byte_identical_reports(a: str, b: str, c: str) -> None:
    """The same sources in any order give the same JSON, byte for byte."""
    sources = [reconcile.Source(t, name=n) for n, t in (("x", a), ("y", b), ("z", c))]
    outputs = {reconcile.compare(list(p)).to_json() for p in itertools.permutations(sources)}
    assert len(outputs) == 1


@FAST
@given(text=articles)
def test_an_article_agrees_with_a_copy_of_itself(text: str) -> None:
    """A source reconciled with a copy of itself has no discrepancy, and every claim aligns."""
    report = reconcile.compare(
        [reconcile.Source(text, name="original"), reconcile.Source(text, name="copy")]
    )
    assert report.discrepancies == ()
    assert report.single_source == ()
    assert len(report.agreements) == len(report.claims) // 2


@FAST
@given(text=unicode_text, other=articles)
def test_arbitrary_text_is_covered_and_offsets_round_trip(text: str, other: str) -> None:
    """On any text: no crash but ReconcileError, nothing lost, claim text == source slice."""
    try:
        report = reconcile.compare(
            [reconcile.Source(text, name="any"), reconcile.Source(other, name="news")]
        )
    except reconcile.ReconcileError:
        assert not text.strip()
        return
    assert _covered(report) == []
    for doc in report.documents:
        for item in (*doc.claims, *doc.segments):
            assert doc.source.text[item.span.start : item.span.end] == item.text


@FAST
@given(text=articles)
def test_reconciling_is_idempotent(text: str) -> None:
    """Running the same comparison twice gives the same report."""
    sources = [reconcile.Source(text, name="a"), reconcile.Source(text[::-1], name="b")]
    assert reconcile.compare(sources) == reconcile.compare(sources)


def _assert_nothing_lost(report: reconcile.Report) -> None:
    """Claims and segments cover every non-space character; their text is the source's."""
    assert _covered(report) == []
    for doc in report.documents:
        for item in (*doc.claims, *doc.segments):
            assert doc.source.text[item.span.start : item.span.end] == item.text


EDITED = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EDITED
@given(a=edited_articles(), b=edited_articles())
def test_edited_real_articles_are_covered_and_order_invariant(a: str, b: str) -> None:
    """Real articles with random edits: only ReconcileError escapes, nothing is lost,
    offsets round-trip, and the order of the sources does not change a byte."""
    sources = [reconcile.Source(a, name="edited-a"), reconcile.Source(b, name="edited-b")]
    try:
        report = reconcile.compare(sources)
    except reconcile.ReconcileError:
        assert not a.strip() or not b.strip()
        return
    _assert_nothing_lost(report)
    assert reconcile.compare(sources[::-1]).to_json() == report.to_json()


def _mirrored(report: reconcile.Report, a: str, b: str) -> list[str]:
    """Return the discrepancy messages, each with the names ``a`` and ``b`` swapped."""
    swap = {a: b, b: a}
    return sorted(
        re.sub(rf"\b({re.escape(a)}|{re.escape(b)})\b", lambda m: swap[m.group()], f.message)
        for f in report.discrepancies
    )


@EDITED
@given(text=st.one_of(edited_articles(), unicode_text))
def test_a_copy_of_itself_gives_no_discrepancy_between_them(text: str) -> None:
    """A source and its copy never disagree: a discrepancy, if any, lies within one source
    (an article can contradict itself) and the copy then has the same one."""
    sources = [reconcile.Source(text, name="original"), reconcile.Source(text, name="copy")]
    try:
        report = reconcile.compare(sources)
    except reconcile.ReconcileError:
        assert not text.strip()
        return
    claim_source = {c.id: c.source for c in report.claims}
    for finding in report.discrepancies:
        assert len({claim_source[c] for c in finding.claims}) == 1, finding.message
    messages = sorted(f.message for f in report.discrepancies)
    assert _mirrored(report, "original", "copy") == messages


@EDITED
@given(a=edited_articles(), b=articles)
def test_reconciling_the_reports_own_sources_again_is_idempotent(a: str, b: str) -> None:
    """Reconciling the sources a report holds gives the same report, byte for byte."""
    try:
        first = reconcile.compare([reconcile.Source(a, name="a"), reconcile.Source(b, name="b")])
    except reconcile.ReconcileError:
        assert not a.strip()
        return
    again = reconcile.compare([doc.source for doc in first.documents])
    assert again.to_json() == first.to_json()


@settings(max_examples=15, deadline=None)
@given(st.permutations(SEEDS))
def test_seed_report_is_order_invariant(paths: list[Path]) -> None:
    """The seed articles give one report whatever the order of the files."""
    first = reconcile.compare([reconcile.Source.from_file(p) for p in SEEDS]).to_json()
    assert reconcile.compare([reconcile.Source.from_file(p) for p in paths]).to_json() == first


def test_compare_needs_two_sources() -> None:
    """One source is a usage error that points to check()."""
    with pytest.raises(reconcile.UsageError, match=r"at least two sources \(got 1\).*check"):
        reconcile.compare([reconcile.Source("The dam broke.", name="a")])


def test_duplicate_names_are_an_input_error() -> None:
    """Findings name sources, so two sources with one name are refused."""
    with pytest.raises(reconcile.InputError, match="named 'a'"):
        reconcile.compare([reconcile.Source("One.", name="a"), reconcile.Source("Two.", name="a")])


def test_empty_source_is_an_input_error() -> None:
    """A blank source is refused with its name."""
    with pytest.raises(reconcile.InputError, match="Source 'b' is empty"):
        reconcile.compare(
            [reconcile.Source("The dam broke.", name="a"), reconcile.Source(" \n", name="b")]
        )


def test_non_source_arguments_are_a_usage_error() -> None:
    """Passing plain strings says how to wrap them."""
    with pytest.raises(reconcile.UsageError, match=r"reconcile\.Source\(text, name=\.\.\.\)"):
        reconcile.compare(["one text", "another"])  # type: ignore[list-item]


def test_given_publication_date_wins() -> None:
    """A date the caller gives beats what the text implies, and published_how says so."""
    from datetime import date

    src = reconcile.Source("Published: March 3, 2024\nThe bridge reopened today.", name="a")
    doc = reconcile.parse_source(src, published=date(2024, 3, 5))
    assert (doc.published, doc.published_how) == (date(2024, 3, 5), "given by the caller")
    assert [t.interval for c in doc.claims for t in c.times] == [
        (date(2024, 3, 5), date(2024, 3, 5))
    ]
