"""Storm Ivy without a baseline: the two reports may differ on numbers, and on nothing else.

Not collected by default (its name does not start with ``test_``): run it with
``pytest check_consistency.py``.
"""

from reconcile.pytest_plugin import Reconciler


def test_the_gazette_differs_from_the_wire_only_on_numbers(reconciler: Reconciler) -> None:
    report = reconciler.compare(["articles/wire.txt", "articles/gazette.txt"])
    reconciler.assert_consistent(report, allow={"numeric"})
