"""The docs show what the tool prints: the README's excerpt and the example report are real."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["compare", *SEEDS, "-q", *args]) == 0
    return capsys.readouterr().out


def test_readme_excerpt_is_what_compare_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """Every line of the README's text excerpt is a line of `reconcile compare seeds/*.txt`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n") + len("```text\n")
    excerpt = readme[start : readme.index("```", start)].splitlines()
    printed = set(_run([], capsys).splitlines())
    assert len(excerpt) > 10
    assert [line for line in excerpt if line and line not in printed] == []


def test_report_example_is_the_markdown_report(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/report-example.md is what `--format markdown` writes for the seeds."""
    expected = (ROOT / "docs" / "report-example.md").read_text(encoding="utf-8")
    assert _run(["--format", "markdown"], capsys) == expected
