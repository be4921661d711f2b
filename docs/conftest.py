"""The docs' Python examples read files the way a reader would: from the repository root."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The example project of docs/pytest-plugin.md has no baseline: its first run is meant to
#: fail. tests/test_docs.py runs it in a copy, as the page does.
collect_ignore = ["examples"]


@pytest.fixture(autouse=True)
def _in_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each docs example with the repository root as the working folder."""
    monkeypatch.chdir(ROOT)
