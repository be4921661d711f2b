"""Fast paths equal their naive references (the speed work must not change a result)."""

from __future__ import annotations

import multiprocessing
import re
from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import articles

import reconcile
from reconcile.align import candidate_pairs, score_links
from reconcile.align.comparisons import clause_texts
from reconcile.lexicon import ENGLISH
from reconcile.parse.features import find_modality
from reconcile.pipeline import parse_sources


def _claims(*texts: str) -> list[reconcile.Claim]:
    sources = [reconcile.Source(t, name=f"s{k}") for k, t in enumerate(texts)]
    docs = parse_sources(sources)
    return sorted((c for d in docs for c in d.claims), key=lambda c: c.id)


@settings(max_examples=20, deadline=None)
@given(texts=st.lists(articles, min_size=2, max_size=3), cut=st.sampled_from([0.3, 0.65, 0.9]))
def test_the_bound_never_skips_a_pair_that_reaches_the_cut(texts: list[str], cut: float) -> None:
    """Over all cross-source pairs, the pairs the bound skips are exactly those below the cut."""
    claims = _claims(*texts)
    every = [
        (i, j)
        for i, j in combinations(range(len(claims)), 2)
        if claims[i].source != claims[j].source
    ]
    full = score_links(claims, every)
    assert score_links(claims, every, min_score=cut) == tuple(k for k in full if k.score >= cut)


def test_a_key_that_names_the_topic_makes_no_pairs() -> None:
    """A key in more than eight claims per source pairs nothing, however long the run.

    "flood" is in 50 of 300 claims: under a fifth of them, so a cap that grew with
    the run would pair every flood claim with every other one (quadratic).
    """

    def sentence(k: int, verb: str) -> str:
        what = "the flood" if k % 6 == 0 else "the road"
        return f"Crews {verb} {what} in district {k}."

    claims = _claims(
        " ".join(sentence(k, "fought") for k in range(1, 151)),
        " ".join(sentence(k, "battled") for k in range(1, 151)),
    )
    pairs = candidate_pairs(claims)
    numbers = [re.findall(r"\d+", c.text) for c in claims]
    assert pairs
    assert all(numbers[i] == numbers[j] for i, j in pairs)


def _modality_reference(sentence: str) -> str | None:
    """The marker search the single scan replaced: one search per marker, the first wins."""
    low = sentence.lower()
    best: tuple[int, str] | None = None
    hedges = sorted(ENGLISH.hedges - {"about", "around", "approximately", "roughly", "nearly",
                                      "almost", "estimated"})  # fmt: skip
    for markers, label in (
        (ENGLISH.plan_markers, "planned"),
        (ENGLISH.expectation_markers, "expected"),
        (hedges, "hedged"),
    ):
        for marker in markers:
            m = re.search(rf"(?<![\w-]){re.escape(marker)}(?![\w-])", low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), label)
    return best[1] if best else None


MARKED = [
    "The minister will visit Paris next week, officials said.",
    "Analysts expect the central bank to cut rates, though it may wait.",
    "The bridge reportedly collapsed after it was scheduled to close.",
    "Talks are set to resume on Friday and are likely to last two days.",
    "The company plans to hire 200 people, according to a filing.",
]


@given(words=st.lists(st.sampled_from(["will", "expected", "plans", "allegedly", "may",
                                       "set", "to", "the", "talks", "likely", "-", "won't"]),
                      max_size=12))  # fmt: skip
def test_one_scan_finds_the_marker_a_search_per_marker_found(words: list[str]) -> None:
    """find_modality's single pattern picks the modality the search per marker picked."""
    for sentence in [*MARKED, " ".join(words)]:
        expected = _modality_reference(sentence)
        got = find_modality(sentence, 0, len(sentence), lexicon=ENGLISH)
        assert got == expected or (expected is None and got in ("done", "asserted"))


def test_a_name_counts_in_the_clause_that_mentions_it() -> None:
    """A clause gets a name's key where the name is, not where its letters recur.

    "Fish" is inside "Fisheries", but the second clause does not mention the Fish
    and Wildlife Service; it names the fisheries agency only.
    """
    (claim,) = _claims(
        "Agencies must consult the Fish and Wildlife Service on every project, "
        "which the National Marine Fisheries agency disputed yesterday."
    )[:1]
    texts = clause_texts(claim)
    assert len(texts) == 2
    assert "fish" in texts[0].split()
    assert "fish" not in texts[1].split()


def test_sources_parsed_in_worker_processes_give_the_same_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run parsed in worker processes reports byte for byte what one process reports."""
    from reconcile import pipeline

    sources = [
        reconcile.Source("Storm Ivy killed 12 people on Monday, officials said.", name="a"),
        reconcile.Source("Officials said Storm Ivy killed 14 people on Monday.", name="b"),
        reconcile.Source("Storm Ivy left 12 dead, the governor said on Monday.", name="c"),
    ]
    alone = reconcile.compare(sources, workers=1).to_json()
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("worker processes are started by fork only, where there is one")
    # Other tests leave threads behind (a Dask cluster's); this run starts none.
    monkeypatch.setattr(pipeline, "process_context", lambda: multiprocessing.get_context("fork"))
    pools: list[int] = []

    class CountingPool(pipeline.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_PARALLEL_CHARS", 0)
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", CountingPool)
    assert reconcile.compare(sources, workers=2).to_json() == alone
    assert pools == [2]
