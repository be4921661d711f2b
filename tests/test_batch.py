"""Many stories at once: compare_many and ``reconcile batch``, locally and on Dask."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile
from reconcile.batch import compare_many, iter_compare_many, render_report
from reconcile.cli import main

#: Three small stories of two or three sources each, and one that cannot be compared.
STORIES = {
    "ferry": {
        "wire.txt": "A ferry carrying 212 passengers ran aground off Kerrin Island on Sunday. "
        "All passengers were rescued, the coast guard said.",
        "paper.txt": "The coast guard said a ferry with 210 passengers ran aground near "
        "Kerrin Island on Sunday morning. Nobody was hurt.",
    },
    "strike": {
        "a.txt": "Rail workers in Osterholm began a 48-hour strike on Tuesday over pay. "
        "The union said 9,000 members had walked out.",
        "b.txt": "A two-day rail strike started in Osterholm on Tuesday, the union said. "
        "About 8,000 workers joined the walkout, according to the operator.",
        "c.txt": "Trains stood still across Osterholm on Tuesday as a 48-hour strike began.",
    },
    "vote": {
        "x.txt": "The city council voted 7-2 on Monday to close the Harbour Road library.",
        "y.txt": "On Monday the council voted 6-3 to shut the library on Harbour Road.",
    },
    "alone": {"only.txt": "The museum reopened on Friday after a two-year renovation."},
}


def _sources(story: str) -> list[reconcile.Source]:
    return [reconcile.Source(text, name=name) for name, text in STORIES[story].items()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The stories as a batch folder: one sub-folder per story, one file per source."""
    root = tmp_path / "stories"
    for story, files in STORIES.items():
        (root / story).mkdir(parents=True)
        for name, text in files.items():
            (root / story / name).write_text(text + "\n", encoding="utf-8")
    return root


def test_each_story_gets_the_report_compare_gives_it() -> None:
    """compare_many's report of a story is compare's, byte for byte, in worker processes too."""
    stories = {name: _sources(name) for name in ("ferry", "strike", "vote")}
    expected = {name: reconcile.compare(srcs).to_json() for name, srcs in stories.items()}
    for workers in (1, 2):
        results = compare_many(stories, workers=workers)
        assert [r.name for r in results] == ["ferry", "strike", "vote"]
        assert {r.name: r.report.to_json() for r in results if r.report} == expected


def test_a_failing_story_is_reported_and_the_others_go_on() -> None:
    """A story of one source fails with the reason; the stories around it still get reports."""
    stories = {name: _sources(name) for name in STORIES}
    results = {r.name: r for r in iter_compare_many(stories, workers=1)}
    assert sorted(results) == ["alone", "ferry", "strike", "vote"]
    assert [n for n, r in sorted(results.items()) if r.ok] == ["ferry", "strike", "vote"]
    failed = results["alone"]
    assert failed.report is None
    assert failed.error is not None
    assert failed.error.startswith("compare() needs at least two sources (got 1)")
    assert not failed.is_bug


def test_batch_writes_one_report_per_story_named_after_its_folder(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each story's report is the one ``reconcile compare`` prints for its files; exit 2 says
    that a story failed, and stderr says which and why."""
    out = tmp_path / "reports"
    code = main(["batch", str(folder), "--output", str(out), "--format", "markdown", "-j", "1"])
    assert code == 2
    assert sorted(p.name for p in out.iterdir()) == ["ferry.md", "strike.md", "vote.md"]
    err = capsys.readouterr().err
    assert "reconcile: story 'alone' failed: compare() needs at least two sources" in err
    files = sorted((folder / "strike").iterdir())
    assert main(["compare", *map(str, files), "--format", "markdown", "--quiet"]) == 0
    assert capsys.readouterr().out == (out / "strike.md").read_text(encoding="utf-8")


def test_resume_skips_the_reports_already_written(folder: Path, tmp_path: Path) -> None:
    """--resume leaves an existing report alone and writes only the missing ones."""
    out = tmp_path / "reports"
    args = ["batch", str(folder), "--output", str(out), "-j", "1", "--quiet"]
    assert main(args) == 2
    (out / "ferry.json").write_text("kept\n", encoding="utf-8")
    (out / "vote.json").unlink()
    assert main([*args, "--resume"]) == 2
    assert (out / "ferry.json").read_text(encoding="utf-8") == "kept\n"
    report = reconcile.compare(
        [reconcile.Source.from_file(f) for f in sorted((folder / "vote").iterdir())]
    )
    assert (out / "vote.json").read_text(encoding="utf-8") == render_report(report, "json")


def test_fail_on_discrepancy_counts_every_story(folder: Path, tmp_path: Path) -> None:
    """--fail-on discrepancy exits 1 when some story disagrees with itself across sources."""
    for story in ("alone", "strike", "ferry"):
        for path in (folder / story).iterdir():
            path.unlink()
        (folder / story).rmdir()
    args = ["batch", str(folder), "--output", str(tmp_path / "r"), "-j", "1", "--quiet"]
    assert main([*args, "--fail-on", "discrepancy"]) == 1
    assert main(args) == 0


def test_a_folder_without_stories_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A batch folder with no sub-folder says how to lay the stories out."""
    (tmp_path / "a.txt").write_text("One article.\n", encoding="utf-8")
    assert main(["batch", str(tmp_path), "--output", str(tmp_path / "out")]) == 2
    assert "has no sub-folders. Put each story's articles in a sub-folder" in (
        capsys.readouterr().err
    )


def test_dask_gives_the_same_reports_as_local_workers(folder: Path, tmp_path: Path) -> None:
    """On a Dask cluster (reached by its address) every report is the local run's, byte for byte."""
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    on_dask = tmp_path / "dask"
    assert main(["batch", str(folder), "--output", str(local), "-j", "2", "--quiet"]) == 2
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        args = ["batch", str(folder), "--output", str(on_dask), "--quiet"]
        assert main([*args, "--dask", cluster.scheduler_address]) == 2
        results = compare_many({"vote": _sources("vote")}, dask=client)
    assert sorted(p.name for p in on_dask.iterdir()) == sorted(p.name for p in local.iterdir())
    for path in local.iterdir():
        assert (on_dask / path.name).read_bytes() == path.read_bytes()
    assert [r.report.to_json() for r in results if r.report] == [
        reconcile.compare(_sources("vote")).to_json()
    ]
