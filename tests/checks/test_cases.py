"""The reconciliation corpus: real-style news texts with the findings a careful reader expects.

Each case in ``tests/data/cases/`` is one story told by one or more short articles.
The report must contain exactly the expected discrepancies, each with its category
and covering both quoted statements, and must not flag any ``must_not`` pair.
Cases that fail because alignment did not pair the two claims are marked
``xfail`` with reason "alignment" (alignment is tested and tuned elsewhere).
"""

from __future__ import annotations

import pytest
from support import Case, load_cases, score_case

CASES = load_cases()


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


def test_corpus_covers_every_category() -> None:
    """The corpus has expected findings of every category, and at least 40 cases."""
    categories = sorted({item.category for case in CASES for item in case.expect})
    assert categories == sorted(
        ["temporal", "numeric", "framing", "attribution", "status", "entity"]
    )
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: Case) -> None:
    """Every expected discrepancy is found with its category; nothing else is flagged."""
    assert score_case(case, case.run()).problems() == []
