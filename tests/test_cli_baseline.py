"""``reconcile compare --baseline FILE``: the pytest plugin's baselines, from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reconcile
from reconcile.cli import main
from reconcile.testing import Baseline, save_baseline

WIRE = "Storm Ivy killed 12 people on Thursday, the regional emergency agency said.\n"
GAZETTE = "Storm Ivy killed 12 people on Thursday, the regional emergency agency said.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    return tmp_path


def _files(folder: Path) -> list[str]:
    return [str(folder / "wire.txt"), str(folder / "gazette.txt")]


def _set_toll(folder: Path, number: str) -> None:
    (folder / "gazette.txt").write_text(GAZETTE.replace("12", number), encoding="utf-8")


def _json_baseline(folder: Path) -> str:
    path = str(folder / "baseline.json")
    assert main(["compare", *_files(folder), "--format", "json", "-o", path, "-q"]) == 0
    return path


def test_unchanged_story_passes_quietly(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON report is a baseline; the same sources against it exit 0 with nothing on stderr."""
    baseline = _json_baseline(story)
    assert main(["compare", *_files(story), "--baseline", baseline, "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("2 sources, 2 claims")


def test_new_finding_exits_1_and_is_listed_with_evidence(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A discrepancy the baseline does not list exits 1; stderr quotes its evidence and id."""
    baseline = _json_baseline(story)
    _set_toll(story, "14")
    capsys.readouterr()
    assert main(["compare", *_files(story), "--baseline", baseline, "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:5] == [
        f"1 new finding not in the baseline {baseline}:",
        "",
        "+ [numeric, high] gazette.txt says '14' but wire.txt says '12'; "
        "the two numbers cannot both be right.",
        "    gazette.txt 0-75: “Storm Ivy killed 14 people on Thursday, the regional emergency "
        "agency said.”",
        "    wire.txt 0-75: “Storm Ivy killed 12 people on Thursday, the regional emergency "
        "agency said.”",
    ]
    assert err[5].startswith("    id: numeric-")
    assert err[-1] == (
        "If these changes are expected, make the current findings the baseline: "
        f"reconcile compare FILE... --format json --output {baseline}"
    )


def test_disappeared_finding_is_listed_but_exits_0(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pinned discrepancy that is gone is reported on stderr; the run still succeeds."""
    _set_toll(story, "14")
    baseline = _json_baseline(story)
    _set_toll(story, "12")
    capsys.readouterr()
    assert main(["compare", *_files(story), "--baseline", baseline, "-q"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"1 finding in the baseline {baseline} is no longer reported")
    assert "- [numeric, high] gazette.txt says '14' but wire.txt says '12'" in err
    assert "    gazette.txt: “Storm Ivy killed 14 people on Thursday" in err


def test_baseline_refines_fail_on(story: Path) -> None:
    """With --fail-on discrepancy, a discrepancy the baseline accepts no longer fails the run."""
    _set_toll(story, "14")
    baseline = _json_baseline(story)
    args = ["compare", *_files(story), "--fail-on", "discrepancy", "-q"]
    assert main(args) == 1
    assert main([*args, "--baseline", baseline]) == 0


def test_plugin_baseline_file_pins_its_kinds(story: Path) -> None:
    """A baseline written by save_baseline is read too, and pins the kinds it names."""
    report = reconcile.compare([reconcile.Source.from_file(f) for f in _files(story)])
    path = story / "agreements.json"
    save_baseline(Baseline.from_report(report, kinds=("agreement",)), path)
    assert json.loads(path.read_text(encoding="utf-8"))["kinds"] == ["agreement"]
    assert main(["compare", *_files(story), "--baseline", str(path), "-q"]) == 0
    _set_toll(story, "14")
    # The agreement is gone (a discrepancy, which this baseline does not pin, took its place).
    assert main(["compare", *_files(story), "--baseline", str(path), "-q"]) == 0
    save_baseline(Baseline(kinds=("agreement",)), path)
    _set_toll(story, "12")
    assert main(["compare", *_files(story), "--baseline", str(path), "-q"]) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "reconcile: error: No baseline at '{path}'. Create it from the current findings"),
        ("{", "reconcile: error: '{path}': A baseline must be JSON: "),
        ('{"schema": "x"}', "reconcile: error: '{path}': Not a reconcile baseline (schema 'x'"),
    ],
)
def test_bad_baseline_is_a_one_line_usage_error(
    story: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    """A missing or unreadable baseline exits 2 with one line that says what to do."""
    path = story / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["compare", *_files(story), "--baseline", str(path), "-q"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(message.format(path=path))


def test_check_takes_a_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`reconcile check` pins one article's own inconsistencies the same way."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Published: 2026-03-10\nSales rose earlier this month. On February 26, the firm cut "
        "prices.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.json"
    save_baseline(Baseline(), empty)
    assert main(["check", str(article), "--baseline", str(empty), "-q"]) == 1
    assert "+ [temporal, high]" in capsys.readouterr().err


def test_html_output_file(story: Path) -> None:
    """--format html --output writes the self-contained page, baseline or not."""
    out = story / "report.html"
    baseline = _json_baseline(story)
    args = ["compare", *_files(story), "--format", "html", "-o", str(out), "--baseline", baseline]
    assert main([*args, "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="claim k-agreement" id=') == 2


def test_fail_on_severity_with_baseline_counts_new_findings_of_that_severity(
    story: Path,
) -> None:
    """With a baseline, --fail-on high fails on a new high discrepancy but not on a new low one."""
    baseline = _json_baseline(story)
    unattributed = "Storm Ivy killed 12 people on Thursday.\n"
    (story / "gazette.txt").write_text(unattributed, encoding="utf-8")
    args = ["compare", *_files(story), "--baseline", baseline, "-q"]
    assert main(args) == 1  # one source states as fact what the other attributes: low
    assert main([*args, "--fail-on", "high"]) == 0
    _set_toll(story, "14")
    assert main([*args, "--fail-on", "high"]) == 1
