"""The pytest plugin: reconcile sources in tests, assert on the report, pin baselines.

Installed with reconcile (entry point ``pytest11``), it adds:

- the ``reconciler`` fixture: ``reconciler.compare(["wire.txt", "gazette.txt"])``
  reads the files (relative to the test file's folder) and returns the
  :class:`~reconcile.Report`; ``reconciler.assert_consistent(report, allow=...)``
  and ``reconciler.assert_baseline(report, "storm")`` fail with the readable list
  of unexpected findings and their quoted evidence;
- ``--reconcile-update-baselines``: rewrite each story's baseline file
  (``baselines/<story>.json`` beside the test file, or under the ini option
  ``reconcile_baseline_dir``) to accept the current findings;
- ``--reconcile-report=PATH``: write one Markdown (``.md``) or HTML (``.html``)
  report of every reconciliation the session made, for CI artifacts.

See ``docs/pytest-plugin.md`` for a worked example. The plugin keeps its state on
the pytest config (``config.stash``), so in-process runs (pytester) do not share it.
Under pytest-xdist each worker would see only its own reconciliations, so the
session report is written only by a run without workers.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from reconcile.model import Source
from reconcile.pipeline import check, compare
from reconcile.report import Report, render_html_many
from reconcile.testing import (
    Baseline,
    BaselineDiff,
    UnexpectedFindingsError,
    assert_consistent,
    assert_matches_baseline,
    load_baseline,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date

    from reconcile.model import FindingKind

__all__ = ["Reconciler"]

_REPORT_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_UPDATE_HINT = "If these changes are expected, accept them: pytest --reconcile-update-baselines"


@attrs.define
class _Recorded:
    """One reconciliation made in the session, for the session report."""

    nodeid: str
    label: str
    report: Report
    baseline: str | None = None
    diff: BaselineDiff | None = None


@attrs.define
class _State:
    """What the plugin remembers over a session."""

    update: bool
    report_path: Path | None
    report_format: str
    recorded: list[_Recorded] = attrs.field(factory=list)
    updated: list[tuple[Path, BaselineDiff]] = attrs.field(factory=list)
    stale: list[tuple[Path, BaselineDiff]] = attrs.field(factory=list)


_STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the reconcile command-line and ini options."""
    group = parser.getgroup("reconcile", "reconcile: news article reconciliation")
    group.addoption(
        "--reconcile-update-baselines",
        action="store_true",
        default=False,
        help="rewrite each story's baseline file to accept the findings the tests see now "
        "(new ones added, disappeared ones dropped) instead of failing on them",
    )
    group.addoption(
        "--reconcile-report",
        metavar="PATH",
        default=None,
        help="write one report of every reconciliation made in the session to PATH: "
        "Markdown if it ends in .md, HTML if it ends in .html (for CI artifacts)",
    )
    parser.addini(
        "reconcile_baseline_dir",
        help="folder of baseline files, relative to the ini file (default: a 'baselines' "
        "folder beside each test file)",
        default="",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Check the options and set up the session's state."""
    raw = config.getoption("reconcile_report")
    path = None
    fmt = "markdown"
    if raw:
        path = Path(config.invocation_params.dir, raw)
        fmt = _REPORT_FORMATS.get(path.suffix.lower(), "")
        if not fmt:
            msg = (
                f"--reconcile-report must name a .md or .html file (got {raw!r}); "
                "for example --reconcile-report=reconcile-report.html"
            )
            raise pytest.UsageError(msg)
    config.stash[_STATE] = _State(
        update=bool(config.getoption("reconcile_update_baselines")),
        report_path=path,
        report_format=fmt,
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say so at the top of the run when baselines will be rewritten."""
    state = config.stash.get(_STATE, None)
    if state is not None and state.update:
        return "reconcile: rewriting baselines to accept the current findings"
    return None


class Reconciler:
    """Reconcile sources inside one test, and assert on the reports (the ``reconciler`` fixture).

    Relative file paths are read from the folder of the test file; each report is
    recorded for ``--reconcile-report``.
    """

    def __init__(self, request: pytest.FixtureRequest, state: _State) -> None:
        self._request = request
        self._state = state
        self.folder = Path(request.node.path).parent
        self._recorded: dict[int, _Recorded] = {}

    def _source(self, item: str | os.PathLike[str] | Source) -> Source:
        if isinstance(item, Source):
            return item
        return Source.from_file(self.folder / Path(item))

    def record(self, report: Report, label: str | None = None) -> Report:
        """Add a report made elsewhere to the session report; return it unchanged."""
        entry = _Recorded(self._request.node.nodeid, label or "", report)
        self._state.recorded.append(entry)
        self._recorded[id(report)] = entry
        return report

    def compare(
        self,
        sources: Iterable[str | os.PathLike[str] | Source],
        *,
        published: Mapping[str, date] | None = None,
        label: str | None = None,
        **options: Any,
    ) -> Report:
        """Reconcile sources and return the report.

        Args:
            sources: file paths (relative ones from the test file's folder) or
                :class:`~reconcile.Source` objects.
            published: publication dates by source name.
            label: how the session report names this reconciliation (the story, by default
                the test's id).
            **options: passed to :func:`reconcile.compare` (``threshold=``, ``lexicon=``, ...).
        """
        report = compare([self._source(s) for s in sources], published=published, **options)
        return self.record(report, label)

    def check(
        self,
        source: str | os.PathLike[str] | Source,
        *,
        published: date | None = None,
        label: str | None = None,
    ) -> Report:
        """Check one article against itself and return the report (see :func:`reconcile.check`)."""
        return self.record(check(self._source(source), published=published), label)

    def baseline_path(self, story: str) -> Path:
        """Return the baseline file of a story."""
        name = re.sub(r"[^\w.-]+", "_", story).strip("._") or "story"
        configured = str(self._request.config.getini("reconcile_baseline_dir") or "")
        if configured:
            config = self._request.config
            root = config.inipath.parent if config.inipath else config.rootpath
            return root / configured / f"{name}.json"
        return self.folder / "baselines" / f"{name}.json"

    def baseline(self, story: str) -> Baseline:
        """Read a story's baseline file.

        Raises:
            SourceNotFoundError: the story has no baseline file yet.
        """
        return load_baseline(self.baseline_path(story))

    def assert_consistent(
        self,
        report: Report,
        *,
        allow: Iterable[str] | Baseline = (),
        kinds: Iterable[FindingKind] = ("discrepancy",),
    ) -> None:
        """Fail unless each discrepancy is allowed (:func:`reconcile.testing.assert_consistent`)."""
        __tracebackhide__ = True
        assert_consistent(report, allow=allow, kinds=kinds)

    def assert_baseline(
        self,
        report: Report,
        story: str | None = None,
        *,
        kinds: Iterable[FindingKind] | None = None,
    ) -> BaselineDiff:
        """Fail on a finding not in the story's baseline; warn on ones that disappeared.

        With ``--reconcile-update-baselines`` the baseline file is rewritten to accept
        the report's findings, and the test passes.

        Args:
            report: the report to check.
            story: names the baseline file (``<story>.json``); the test's name by default.
            kinds: which kinds of finding to pin (the file's own, or discrepancies for a
                new file).

        Returns:
            The differences from the baseline as it was.
        """
        __tracebackhide__ = True
        name = story or self._request.node.name
        path = self.baseline_path(name)
        entry = self._recorded.get(id(report))
        if entry is None:
            self.record(report, name)
            entry = self._recorded[id(report)]
        entry.label = entry.label or name
        entry.baseline = _shown(path, self._request.config)
        before = _read(path)
        try:
            diff = assert_matches_baseline(
                report,
                path,
                update=self._state.update,
                kinds=kinds,
                hint=_UPDATE_HINT,
                where=entry.baseline,
            )
        except UnexpectedFindingsError as err:
            entry.diff = err.diff
            raise
        entry.diff = diff
        if self._state.update:
            if _read(path) != before:
                self._state.updated.append((path, diff))
        elif diff.disappeared:
            self._state.stale.append((path, diff))
        return diff


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _shown(path: Path, config: pytest.Config) -> str:
    """A path as a reader of the terminal or the report would like it: relative if it can be."""
    try:
        return str(path.relative_to(config.rootpath))
    except ValueError:
        return str(path)


@pytest.fixture
def reconciler(request: pytest.FixtureRequest) -> Reconciler:
    """Reconcile sources in a test and assert on the report; see :class:`Reconciler`.

    Examples:
        ``report = reconciler.compare(["wire.txt", "gazette.txt"])`` then
        ``reconciler.assert_baseline(report, "storm")``.
    """
    return Reconciler(request, request.config.stash[_STATE])


# ---------------------------------------------------------------------------
# The session report


def _session_markdown(recorded: list[_Recorded]) -> str:
    lines = [
        "# reconcile: reconciliations in this test session",
        "",
        f"{len(recorded)} reconciliation{'' if len(recorded) == 1 else 's'}.",
    ]
    for r in recorded:
        title = f"`{r.nodeid}`" + (f": {r.label}" if r.label and r.label not in r.nodeid else "")
        lines += ["", f"## {title}", ""]
        if r.baseline:
            lines.append(f"Baseline `{r.baseline}`{_diff_words(r.diff)}.")
            lines.append("")
        body = r.report.to_markdown().splitlines()
        # The report's own title gives way to the test's; its sections go one level down.
        if body and body[0].startswith("# "):
            body = body[1:]
        while body and not body[0].strip():
            body = body[1:]
        lines += ["#" + line if line.startswith("## ") else line for line in body]
    return "\n".join(lines).rstrip("\n") + "\n"


def _diff_words(diff: BaselineDiff | None) -> str:
    if diff is None:
        return ""
    return f": {len(diff.kept)} accepted, {len(diff.new)} new, {len(diff.disappeared)} disappeared"


def _write_session_report(state: _State) -> None:

    assert state.report_path is not None
    if state.report_format == "html":
        sections = [
            (r.nodeid + (f" — {r.label}" if r.label and r.label not in r.nodeid else ""), r.report)
            for r in state.recorded
        ]
        text = render_html_many(sections, title="reconcile: reconciliations in this test session")
    else:
        text = _session_markdown(state.recorded)
    state.report_path.parent.mkdir(parents=True, exist_ok=True)
    state.report_path.write_text(text, encoding="utf-8")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the session report, when one was asked for."""
    state = session.config.stash.get(_STATE, None)
    if state is None or state.report_path is None or hasattr(session.config, "workerinput"):
        return
    _write_session_report(state)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    """Say which baselines were rewritten, which are stale, and where the report went."""
    state = config.stash.get(_STATE, None)
    if state is None or not (state.updated or state.stale or state.report_path):
        return
    write = terminalreporter.write_line
    terminalreporter.section("reconcile")
    for path, diff in state.updated:
        write(
            f"updated baseline {_shown(path, config)}: {len(diff.new)} added, "
            f"{len(diff.disappeared)} dropped"
        )
    for path, diff in state.stale:
        n = len(diff.disappeared)
        write(
            f"stale baseline {_shown(path, config)}: {n} accepted "
            f"{'finding is' if n == 1 else 'findings are'} no longer reported "
            "(run with --reconcile-update-baselines to drop them)"
        )
    if state.report_path is not None:
        n = len(state.recorded)
        write(
            f"wrote the report of {n} reconciliation{'' if n == 1 else 's'} to "
            f"{_shown(state.report_path, config)}"
        )
