"""The Storm Ivy story: two outlets' reports, checked against the story's baseline."""

from reconcile.pytest_plugin import Reconciler


def test_storm_ivy(reconciler: Reconciler) -> None:
    report = reconciler.compare(["articles/wire.txt", "articles/gazette.txt"])
    reconciler.assert_baseline(report, "storm-ivy")
