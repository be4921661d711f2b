"""The pytest plugin, used the way a newsroom's test suite uses it (pytester projects).

Each test writes a small project: two reports of one storm by two outlets, and a
test file that reconciles them with the ``reconciler`` fixture and checks the
story against its baseline. Then it runs pytest on the project, as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reconcile

pytest_plugins = ["pytester"]

WIRE = """\
Storm Ivy kills 12 as floods sweep coastal towns

By Maria Keane

PORT HALLAM, March 14 (Coastal Wire) - Storm Ivy killed 12 people and injured more than 40 \
as it tore through the northern coast on Thursday, the regional emergency agency said.

About 3,000 people were evacuated from low-lying districts of Port Hallam and Rendle \
overnight, officials said.

Winds reached 140 km/h at the Hallam Point lighthouse, the national weather service said.

Power was cut to about 60,000 homes on Thursday night, the utility Northline said in a \
statement.
"""

GAZETTE = """\
Death toll rises to 12 after Storm Ivy

Published: 2026-03-15

The number of people killed by Storm Ivy rose to 12 on Thursday, the regional emergency \
agency said.

About 3,000 residents were evacuated from Port Hallam and Rendle overnight, the mayor said.

Winds reached 160 km/h at the Hallam Point lighthouse, according to the national weather \
service.

Schools in the district will stay closed until Monday.
"""

STORY_TEST = """\
def test_storm_ivy(reconciler):
    report = reconciler.compare(["articles/wire.txt", "articles/gazette.txt"])
    reconciler.assert_baseline(report, "storm-ivy")
"""

BASELINE = "stories/baselines/storm-ivy.json"


@pytest.fixture(scope="module", autouse=True)
def _pipeline_imported() -> None:
    """Run the pipeline once in this process before pytester runs it in-process.

    pytester removes the modules an in-process run imported when the run ends, and
    numpy (which rapidfuzz imports on first use) cannot be imported twice in one process.
    """
    a = reconcile.Source("The plant employs 40 people.", name="a")
    report = reconcile.compare([a, reconcile.Source("The plant employs 400 people.", name="b")])
    report.to_markdown()
    report.to_html()


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A newsroom's test project: stories/test_storm.py and the two articles beside it."""
    stories = pytester.mkdir("stories")
    (stories / "articles").mkdir()
    (stories / "articles" / "wire.txt").write_text(WIRE, encoding="utf-8")
    (stories / "articles" / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (stories / "test_storm.py").write_text(STORY_TEST, encoding="utf-8")
    return pytester


#: Other plugins of this environment, blocked in the in-process runs: pytester re-imports
#: what a run imports, and hypothesis's terminal summary alone would cost a second a run.
_UNRELATED = ("-p", "no:hypothesispytest", "-p", "no:benchmark", "-p", "no:anyio")


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run pytest on the project in this process, as a user would from its folder."""
    return pytester.runpytest(*_UNRELATED, *args)


def _edit(pytester: pytest.Pytester, name: str, old: str, new: str) -> None:
    path = pytester.path / "stories" / "articles" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _baseline(pytester: pytest.Pytester) -> dict[str, object]:
    data: dict[str, object] = json.loads((pytester.path / BASELINE).read_text(encoding="utf-8"))
    return data


def _categories(pytester: pytest.Pytester) -> list[tuple[str, str]]:
    findings = _baseline(pytester)["findings"]
    assert isinstance(findings, list)
    return sorted((f["category"], f["message"]) for f in findings)


def test_baseline_workflow_pass_fail_update_pass(project: pytest.Pytester) -> None:
    """Pinned findings pass; one changed number fails with its evidence; updating accepts it."""
    created = project.runpytest_subprocess("--reconcile-update-baselines")
    created.assert_outcomes(passed=1)
    created.stdout.fnmatch_lines(["*updated baseline stories/baselines/storm-ivy.json: 1 added*"])
    assert _categories(project) == [
        (
            "numeric",
            "gazette.txt says '160' but wire.txt says '140'; the two numbers cannot both be right.",
        )
    ]

    run(project).assert_outcomes(passed=1)

    _edit(project, "gazette.txt", "rose to 12 on Thursday", "rose to 14 on Thursday")
    failed = run(project)
    failed.assert_outcomes(failed=1)
    failed.stdout.fnmatch_lines(
        [
            "*1 new finding not in the baseline *stories/baselines/storm-ivy.json:",
            "*+ [[]numeric, high] gazette.txt says '14' but wire.txt says '12'; "
            "the two numbers cannot both be right.",
            "*gazette.txt 63-163: “The number of people killed by Storm Ivy rose to 14 on "
            "Thursday, the regional emergency agency said.”",
            "*wire.txt *: “Storm Ivy killed 12 people and injured more than 40 *”",
            "*id: numeric-*",
            "*If these changes are expected, accept them: pytest --reconcile-update-baselines",
        ]
    )
    output = failed.stdout.str()
    assert "Report(" not in output
    assert "Finding(" not in output

    run(project, "--reconcile-update-baselines").assert_outcomes(passed=1)
    assert [c for c, _ in _categories(project)] == ["numeric", "numeric"]
    run(project).assert_outcomes(passed=1)


def test_missing_baseline_fails_and_says_how_to_make_it(project: pytest.Pytester) -> None:
    """A story with no baseline file yet fails, listing what it would pin and how to pin it."""
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*No baseline at *storm-ivy.json* yet. The report's findings that it would accept:",
            "*1. [[]numeric, high] gazette.txt says '160' but wire.txt says '140'*",
            "*accept them: pytest --reconcile-update-baselines",
        ]
    )
    assert not (project.path / BASELINE).exists()


def test_a_changed_number_is_one_new_and_one_disappeared_finding(
    project: pytest.Pytester,
) -> None:
    """Editing a pinned claim fails on the new finding and reports the old one as gone."""
    run(project, "--reconcile-update-baselines").assert_outcomes(passed=1)
    _edit(project, "gazette.txt", "Winds reached 160 km/h", "Winds reached 150 km/h")
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*1 new finding not in the baseline*",
            "*+ [[]numeric, high] gazette.txt says '150' but wire.txt says '140'*",
            "*1 finding in the baseline *storm-ivy.json is no longer reported*",
            "*- [[]numeric, high] gazette.txt says '160' but wire.txt says '140'*",
            "*gazette.txt: “Winds reached 160 km/h at the Hallam Point lighthouse*",
        ]
    )


def test_a_fixed_discrepancy_warns_and_update_drops_it(project: pytest.Pytester) -> None:
    """A pinned finding that disappears passes with a warning; updating removes it from the file."""
    run(project, "--reconcile-update-baselines").assert_outcomes(passed=1)
    _edit(project, "gazette.txt", "Winds reached 160 km/h", "Winds reached 140 km/h")
    result = run(project)
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(
        [
            # The warning points at the user's test, not at the plugin.
            "*stories/test_storm.py:*: StaleBaselineWarning: 1 finding in the baseline *storm-ivy*",
            "*stale baseline stories/baselines/storm-ivy.json: 1 accepted finding is no longer*",
        ]
    )
    run(project, "--reconcile-update-baselines").assert_outcomes(passed=1)
    assert _baseline(project)["findings"] == []
    run(project).assert_outcomes(passed=1, warnings=0)


def test_assert_consistent_fails_with_quoted_evidence(pytester: pytest.Pytester) -> None:
    """assert_consistent lists each unexpected discrepancy with its evidence, not a repr."""
    pytester.makepyfile(
        test_fire="""
        import reconcile

        A = reconcile.Source("Two people died in the fire, police said on Monday.", name="wire")
        B = reconcile.Source("Police said five people died in the fire on Monday.", name="local")

        def test_unexpected(reconciler):
            reconciler.assert_consistent(reconciler.compare([A, B]))

        def test_allowed_by_category(reconciler):
            reconciler.assert_consistent(reconciler.compare([A, B]), allow={"numeric"})
        """
    )
    result = run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*UnexpectedFindingsError: 1 unexpected discrepancy:",
            "*1. [[]numeric, high] local says 'five' but wire says 'Two'*",
            "*local 0-51: “Police said five people died in the fire on Monday.”",
            "*wire 0-51: “Two people died in the fire, police said on Monday.”",
            "*To accept them, pass their ids or categories to allow=..., or pin them in a*",
        ]
    )
    assert "Finding(" not in result.stdout.str()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "report.md",
            ["# reconcile: reconciliations in this test session", "### Discrepancies (1)"],
        ),
        ("report.html", ["<!DOCTYPE html>", '<section class="report" id="r0-report">']),
    ],
)
def test_session_report_collects_every_reconciliation(
    project: pytest.Pytester, name: str, expected: list[str]
) -> None:
    """--reconcile-report writes one Markdown or HTML file with each reconciliation of the run."""
    result = run(project, "--reconcile-update-baselines", f"--reconcile-report=out/{name}")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([f"*wrote the report of 1 reconciliation to out/{name}"])
    text = (project.path / "out" / name).read_text(encoding="utf-8")
    assert [line for line in expected if line not in text] == []
    assert "stories/test_storm.py::test_storm_ivy" in text
    assert "Winds reached 160 km/h" in text


def test_session_report_needs_a_known_extension(project: pytest.Pytester) -> None:
    """A --reconcile-report path that is neither .md nor .html is a usage error that says so."""
    result = run(project, "--reconcile-report=report.txt")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--reconcile-report must name a .md or .html file*"])


def test_ini_option_puts_baselines_in_one_folder(project: pytest.Pytester) -> None:
    """reconcile_baseline_dir puts every story's baseline in one folder beside the ini file."""
    project.makeini("[pytest]\nreconcile_baseline_dir = pins\n")
    run(project, "--reconcile-update-baselines").assert_outcomes(passed=1)
    assert (project.path / "pins" / "storm-ivy.json").is_file()
    assert not (project.path / BASELINE).exists()
    run(project).assert_outcomes(passed=1)


def test_baseline_file_is_readable_and_stable(project: pytest.Pytester) -> None:
    """The baseline file lists each accepted finding with its evidence; an update with no change
    leaves it byte for byte."""
    run(project, "--reconcile-update-baselines").assert_outcomes(passed=1)
    path = Path(project.path / BASELINE)
    first = path.read_text(encoding="utf-8")
    data = json.loads(first)
    assert data["schema"] == "reconcile.baseline/1"
    assert data["kinds"] == ["discrepancy"]
    (entry,) = data["findings"]
    assert entry["evidence"] == [
        {
            "source": "gazette.txt",
            "text": "Winds reached 160 km/h at the Hallam Point lighthouse, according to the "
            "national weather service.",
        },
        {
            "source": "wire.txt",
            "text": "Winds reached 140 km/h at the Hallam Point lighthouse, the national weather "
            "service said.",
        },
    ]
    again = run(project, "--reconcile-update-baselines")
    again.assert_outcomes(passed=1)
    assert "updated baseline" not in again.stdout.str()
    assert path.read_text(encoding="utf-8") == first


# ---------------------------------------------------------------------------
# reconcile.testing on its own: what the plugin and the CLI build on


def _fire_report() -> reconcile.Report:
    wire = reconcile.Source("Police said two people died in the fire on Monday.", name="wire")
    local = reconcile.Source("Police said five people died in the fire on Monday.", name="local")
    return reconcile.compare([wire, local])


def test_allow_takes_ids_categories_or_a_baseline() -> None:
    """A discrepancy is allowed by its id, its category, or a baseline that lists it."""
    from reconcile.testing import Baseline, UnexpectedFindingsError, assert_consistent

    report = _fire_report()
    (finding,) = report.discrepancies
    for allow in ({finding.id}, finding.category, Baseline.from_report(report)):
        assert_consistent(report, allow=allow)  # type: ignore[arg-type]
    with pytest.raises(UnexpectedFindingsError, match=r"^1 unexpected discrepancy:") as err:
        assert_consistent(report, allow={"temporal"})
    assert err.value.findings == (finding,)
    longer = reconcile.compare(
        [
            reconcile.Source("Police said two people died in the fire on Monday.", name="wire"),
            reconcile.Source(
                "Police said five people died in the fire on Monday. It started in a kitchen.",
                name="local",
            ),
        ]
    )
    assert_consistent(longer, allow={"numeric"})
    with pytest.raises(UnexpectedFindingsError, match=r"^1 unexpected finding:\n\n1\. \[single"):
        assert_consistent(longer, allow={"numeric"}, kinds=("discrepancy", "single_source"))


def test_unknown_allow_item_or_kind_is_a_usage_error() -> None:
    """A misspelt category or kind is a UsageError naming it, not a silent pass."""
    from reconcile import UsageError
    from reconcile.testing import assert_consistent

    with pytest.raises(UsageError, match=r"got 'numerical'\."):
        assert_consistent(_fire_report(), allow={"numerical"})
    with pytest.raises(UsageError, match=r"kinds must be among .* \(got 'discrepancies'\)"):
        assert_consistent(_fire_report(), kinds=("discrepancies",))  # type: ignore[arg-type]


def test_baseline_round_trips_and_saves_only_changes(tmp_path: Path) -> None:
    """A baseline reads back equal; saving it again leaves the file alone."""
    from reconcile.testing import Baseline, load_baseline, save_baseline

    baseline = Baseline.from_report(_fire_report(), kinds=("discrepancy", "agreement"))
    path = tmp_path / "deep" / "fire.json"
    assert save_baseline(baseline, path) is True
    assert load_baseline(path) == baseline
    assert save_baseline(baseline, path) is False
    assert Baseline.from_json(_fire_report().to_json()).ids == baseline.ids


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": "reconcile.baseline/1", "findings": []}', r"Malformed .*KeyError\('kinds'\)"),
        ('{"schema": "reconcile.baseline/1", "kinds": ["x"], "findings": []}', r"got 'x'"),
        ("[]", r"Not a reconcile baseline \(schema 'list'"),
    ],
)
def test_malformed_baseline_is_a_parse_error(text: str, message: str) -> None:
    """A baseline file that is not one says what is wrong with it."""
    from reconcile import ParseError
    from reconcile.testing import Baseline

    with pytest.raises(ParseError, match=message):
        Baseline.from_json(text)
