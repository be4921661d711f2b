"""Perturbation properties of the checks: one change in one sentence is one discrepancy.

Take a real-style article, change one date, number, ordinal scope, speaker, negation
or name in one of its sentences, and reconcile the original with the changed copy:
exactly that claim pair is flagged, with the category of the change. An unchanged
copy gives no discrepancy at all, and neither does the article checked on its own.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import PERTURBABLE_ARTICLES, perturbed_articles

import reconcile

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sources(
    published: str, original: tuple[str, ...], changed: tuple[str, ...]
) -> list[reconcile.Source]:
    when = date.fromisoformat(published)
    return [
        reconcile.Source(" ".join(original), name="original.txt", published=when),
        reconcile.Source(" ".join(changed), name="changed.txt", published=when),
    ]


@SETTINGS
@given(change=perturbed_articles())
def test_one_change_gives_one_discrepancy_of_its_category(
    change: tuple[str, tuple[str, ...], int, str, str],
) -> None:
    """The changed sentence and its original are the only pair flagged, in the right category."""
    published, sentences, index, new_sentence, category = change
    changed = (*sentences[:index], new_sentence, *sentences[index + 1 :])
    report = reconcile.compare(_sources(published, sentences, changed))
    found = [
        (f.category, sorted((e.source, e.text) for e in f.evidence)) for f in report.discrepancies
    ]
    assert found == [
        (category, [("changed.txt", new_sentence), ("original.txt", sentences[index])])
    ]


@given(name=st.sampled_from(sorted(PERTURBABLE_ARTICLES)))
def test_unchanged_copy_gives_no_discrepancy(name: str) -> None:
    """An article reconciled with an unchanged copy, or checked alone, has no discrepancy."""
    published, sentences = PERTURBABLE_ARTICLES[name]
    report = reconcile.compare(_sources(published, sentences, sentences))
    alone = reconcile.check(
        reconcile.Source(" ".join(sentences), name="original.txt",
                         published=date.fromisoformat(published))
    )  # fmt: skip
    assert (report.discrepancies, alone.discrepancies) == ((), ())
    assert len(report.agreements) == len(sentences)
