"""The command line: formats, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.cli import main

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
A = "The plant employs 40 people, the mayor said on Monday.\n"
B = "The plant employs 400 people, the mayor said on Monday.\n"


@pytest.fixture
def pair(tmp_path: Path) -> list[str]:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_fail_on_discrepancy_exits_1(pair: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """--fail-on discrepancy turns a discrepancy into exit code 1, for CI."""
    assert main(["compare", *pair, "--fail-on", "discrepancy", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "[numeric, high] a.txt says '40' but b.txt says '400'" in out


def test_fail_on_severity_counts_only_that_severity_and_above(tmp_path: Path) -> None:
    """--fail-on high ignores a low framing discrepancy that --fail-on discrepancy fails on."""
    (tmp_path / "a.txt").write_text("It was the first title for the club in a decade.\n")
    (tmp_path / "b.txt").write_text("It was the first title for the club since its founding.\n")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert main(["compare", *files, "--fail-on", "discrepancy", "-q", "-f", "json"]) == 1
    assert main(["compare", *files, "--fail-on", "medium", "-q", "-f", "json"]) == 0
    assert main(["compare", *files, "--fail-on", "high", "-q", "-f", "json"]) == 0


def test_fail_on_high_fails_on_a_high_discrepancy(pair: list[str]) -> None:
    """A numeric discrepancy is high, so --fail-on high and medium both fail on it."""
    assert main(["compare", *pair, "--fail-on", "high", "-q", "-f", "json"]) == 1
    assert main(["compare", *pair, "--fail-on", "medium", "-q", "-f", "json"]) == 1


def test_report_without_fail_on_exits_0(
    pair: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Producing a report is success, whatever it finds."""
    assert main(["compare", *pair, "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("2 sources, 2 claims, 1 aligned groups")


def test_markdown_and_output_file(pair: list[str], tmp_path: Path) -> None:
    """--output writes the chosen format to a file."""
    out = tmp_path / "report.md"
    assert main(["compare", *pair, "--format", "markdown", "--output", str(out), "--quiet"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Reconciliation report\n")
    assert "## Discrepancies (1)" in text


def test_published_option_sets_the_date(
    pair: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--published NAME=DATE sets a source's date, and the report says it was given."""
    assert (
        main(["compare", *pair, "--format", "json", "--published", "a.txt=2026-02-04", "-q"]) == 0
    )
    sources = {s["name"]: s for s in json.loads(capsys.readouterr().out)["sources"]}
    assert (sources["a.txt"]["published"], sources["a.txt"]["published_how"]) == (
        "2026-02-04",
        "given by the caller",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "SEED0"], "compare needs at least two files (got 1)"),
        (["compare", "SEED0", "missing.txt"], "missing.txt"),
        (["compare", "SEED0", "SEED1", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["compare", "SEED0", "SEED1", "--published", "2026-02-04"], "--published takes NAME=DATE"),
        (
            ["compare", "SEED0", "SEED1", "--published", "x.txt=2026-02-04"],
            "not one of the sources",
        ),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad input or usage: exit 2 and one line on stderr saying what is wrong."""
    args = [str(SEEDS[0]) if a == "SEED0" else str(SEEDS[1]) if a == "SEED1" else a for a in args]
    assert main(args) == 2
    err = _one_line_error(capsys)
    assert err.startswith("reconcile: error: ")
    assert message in err


def test_empty_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty file is named in a one-line error."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["compare", str(SEEDS[0]), str(tmp_path / "empty.txt")]) == 2
    assert "empty.txt" in _one_line_error(capsys)


def test_check_reports_one_article_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """`reconcile check FILE` reports the seed article's own temporal inconsistency."""
    assert main(["check", str(SEEDS[1]), "--fail-on", "discrepancy", "-q"]) == 1
    out = capsys.readouterr().out
    assert "[temporal, high]" in out
    assert "'earlier this year'" in out
    assert "'September 2025'" in out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """--help exits 0 and names both commands and the exit codes."""
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "compare" in out
    assert "check" in out
    assert "Exit codes" in out
