"""Many stories at once: one report per story, in worker processes or on Dask.

What comes in: stories, each a name and its sources (:func:`compare_many`), or a
folder whose sub-folders are the stories and whose files are their sources
(:func:`read_stories`, the ``reconcile batch`` command). What goes out: one
:class:`StoryResult` per story, with its report or the one line that says why the
story failed; one story's failure never stops the others.

Each story is reconciled by :func:`reconcile.compare` on its own, a pure function
of its sources, so a report is the same byte for byte whether the story ran in
this process, in a local worker process or on a Dask cluster, and in whatever
order the stories finish.

Examples:
    >>> import reconcile
    >>> stories = {
    ...     "fire": [reconcile.Source("Two people died in the fire, police said.", name="a"),
    ...              reconcile.Source("Police said five people died in the fire.", name="b")],
    ...     "short": [reconcile.Source("Only one source.", name="a")],
    ... }
    >>> for result in reconcile.compare_many(stories, workers=1):
    ...     print(result.name, result.ok, len(result.report.discrepancies) if result.ok else "-")
    fire True 1
    short False -
"""

from __future__ import annotations

import importlib
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from attrs import frozen

from reconcile.errors import ReconcileError, UsageError
from reconcile.model import Source
from reconcile.pipeline import compare, process_context, worker_count
from reconcile.report import Report, render

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

__all__ = [
    "REPORT_SUFFIXES",
    "StoryResult",
    "compare_many",
    "iter_compare_many",
    "read_stories",
    "render_report",
]

#: The file name ending of a story's report in each format.
REPORT_SUFFIXES = {"json": ".json", "markdown": ".md", "html": ".html", "text": ".txt"}

Format = Literal["json", "markdown", "html", "text"]


@frozen
class StoryResult:
    """What one story of a batch gave: its report (and rendering), or why it failed.

    ``error`` is one line; ``is_bug`` says that the failure was an internal error
    rather than bad input (a story of one source, an unreadable file).
    """

    name: str
    report: Report | None = None
    rendered: str | None = None
    error: str | None = None
    is_bug: bool = False
    discrepancies: int = 0

    @property
    def ok(self) -> bool:
        """Whether the story gave a report."""
        return self.error is None


#: One story's task: its name, its sources (or their files), how to render it.
_Task = tuple[str, "Sequence[Source | str]", "Format | None", bool, float | None]


def render_report(report: Report, fmt: Format) -> str:
    """Return the report in ``fmt``, as ``reconcile compare --format fmt`` writes it."""
    return render(report, fmt)


def _run_story(task: _Task) -> StoryResult:
    """Reconcile one story; never raise (a worker's task).

    The sources are read here when given as paths, so that a worker reads its own
    files; only what the caller asked for comes back (the rendered report for the
    command line, the report for the library).
    """
    name, given, fmt, keep_report, threshold = task
    try:
        sources = [s if isinstance(s, Source) else Source.from_file(s) for s in given]
        options: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
        report = compare(sources, workers=1, **options)
        rendered = render_report(report, fmt) if fmt is not None else None
        return StoryResult(
            name,
            report if keep_report else None,
            rendered,
            discrepancies=len(report.discrepancies),
        )
    except ReconcileError as err:
        return StoryResult(name, error=str(err))
    except Exception as err:  # one story's bug must not stop the batch
        return StoryResult(name, error=f"internal error: {type(err).__name__}: {err}", is_bug=True)


def iter_compare_many(
    stories: Mapping[str, Sequence[Source] | Sequence[str | os.PathLike[str]]],
    *,
    workers: int = -1,
    dask: str | Any | None = None,
    render: Format | None = None,
    keep_reports: bool = True,
    threshold: float | None = None,
) -> Iterator[StoryResult]:
    """Reconcile each story and yield its result as soon as it is done.

    Args:
        stories: story name -> its sources (:class:`~reconcile.Source` objects, or
            paths of files that the worker reads).
        workers: local worker processes (-1: one per core; 1: this process alone);
            with ``dask="local"``, the local cluster's workers.
        dask: run on Dask distributed instead (the ``dask`` extra): ``"local"`` for
            a :class:`distributed.LocalCluster`, a scheduler address
            (``"tcp://host:8786"``), or a :class:`distributed.Client` already open.
        render: also render each report in this format (``StoryResult.rendered``).
        keep_reports: return each :class:`~reconcile.Report` (``False`` sends only
            the rendering back from the workers, which is lighter).
        threshold: the alignment threshold (:func:`reconcile.compare`'s default
            when None).

    Yields:
        One :class:`StoryResult` per story, in the order they finish.

    Raises:
        UsageError: ``dask`` is given and the extra is not installed, or the
            scheduler cannot be reached.
    """
    tasks: list[_Task] = [
        (
            name,
            [s if isinstance(s, Source) else os.fspath(s) for s in sources],
            render,
            keep_reports,
            threshold,
        )
        for name, sources in sorted(stories.items())
    ]
    if dask is not None:
        yield from _on_dask(tasks, dask, workers=workers)
        return
    cores = min(worker_count(workers), len(tasks))
    if cores < 2:
        yield from map(_run_story, tasks)
        return
    with ProcessPoolExecutor(max_workers=cores, mp_context=process_context()) as pool:
        # A few tasks in flight per worker, not all: the sources of the stories
        # waiting their turn stay unread (or, given as text, unpickled).
        pending: set[Future[StoryResult]] = set()
        queue = iter(tasks)
        for task in queue:
            pending.add(pool.submit(_run_story, task))
            if len(pending) >= 2 * cores:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in sorted(done, key=_task_order))
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in sorted(done, key=_task_order))


def _task_order(future: Future[StoryResult]) -> str:
    return future.result().name


def _on_dask(tasks: Sequence[_Task], dask: str | Any, *, workers: int) -> Iterator[StoryResult]:
    """Run the tasks on a Dask cluster and yield each result as it completes."""
    try:
        # Imported by name: the extra is optional, and its functions are untyped.
        distributed = importlib.import_module("distributed")
    except ImportError as err:
        msg = (
            "Running on Dask needs the dask extra (got dask="
            f"{dask!r} without it). Install it: pip install 'reconcile[dask]'."
        )
        raise UsageError(msg) from err
    cluster = None
    if isinstance(dask, str):
        try:
            if dask == "local":
                cluster = distributed.LocalCluster(
                    n_workers=worker_count(workers), threads_per_worker=1, dashboard_address=None
                )
                client = distributed.Client(cluster)
            else:
                client = distributed.Client(dask, timeout=30)
        except OSError as err:
            msg = f"Cannot reach the Dask scheduler at {dask!r}: {err}. Check the address."
            raise UsageError(msg) from err
    else:
        client = dask
    try:
        futures = client.map(_run_story, tasks, key=[f"reconcile-{t[0]}" for t in tasks])
        for future in distributed.as_completed(futures):
            yield future.result()
    finally:
        if isinstance(dask, str):
            client.close()
            if cluster is not None:
                cluster.close()


def compare_many(
    stories: Mapping[str, Sequence[Source] | Sequence[str | os.PathLike[str]]],
    *,
    workers: int = -1,
    dask: str | Any | None = None,
    threshold: float | None = None,
) -> tuple[StoryResult, ...]:
    """Reconcile many stories, each on its own, and return their results by name.

    The same as :func:`iter_compare_many` (see it for the arguments), all results
    at once, sorted by story name. Each report is what :func:`reconcile.compare`
    gives for the story's sources, wherever it ran.
    """
    results = iter_compare_many(stories, workers=workers, dask=dask, threshold=threshold)
    return tuple(sorted(results, key=lambda r: r.name))


def read_stories(folder: str | os.PathLike[str]) -> dict[str, list[Path]]:
    """Return the stories of a folder: each sub-folder's name -> its files, sorted.

    Hidden files and folders (a name that starts with ``.``) and nested folders are
    left out.

    Raises:
        UsageError: ``folder`` is not a folder, or has no sub-folder.
    """
    root = Path(folder)
    if not root.is_dir():
        msg = (
            f"The batch folder {str(root)!r} is not a folder. Pass a folder with one "
            "sub-folder per story, holding that story's article files."
        )
        raise UsageError(msg)
    stories = {
        sub.name: sorted(p for p in sub.iterdir() if p.is_file() and not p.name.startswith("."))
        for sub in sorted(root.iterdir())
        if sub.is_dir() and not sub.name.startswith(".")
    }
    if not stories:
        msg = (
            f"The batch folder {str(root)!r} has no sub-folders. Put each story's "
            "articles in a sub-folder of its own (DIR/story-name/article.txt)."
        )
        raise UsageError(msg)
    return stories


def report_path(output: Path, story: str, fmt: Format) -> Path:
    """Return where a story's report goes: ``OUTPUT/<story><suffix>``."""
    return output / f"{story}{REPORT_SUFFIXES[fmt]}"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a report is whole or absent."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def run_batch(
    folder: str | os.PathLike[str],
    output: Path,
    *,
    fmt: Format = "json",
    workers: int = -1,
    dask: str | None = None,
    resume: bool = False,
    on_result: Callable[[StoryResult, int, int], None] | None = None,
) -> tuple[StoryResult, ...]:
    """Write one report per story of ``folder`` into ``output``; return every result.

    With ``resume``, a story whose report is already in ``output`` is skipped (and
    not in the results). ``on_result(result, done, total)`` is called as each
    story finishes.
    """
    stories: Mapping[str, Iterable[Path]] = read_stories(folder)
    output.mkdir(parents=True, exist_ok=True)
    if resume:
        stories = {
            name: files
            for name, files in stories.items()
            if not report_path(output, name, fmt).exists()
        }
    todo = {name: [str(p) for p in files] for name, files in stories.items()}
    results: list[StoryResult] = []
    for result in iter_compare_many(
        todo, workers=workers, dask=dask, render=fmt, keep_reports=False
    ):
        if result.ok and result.rendered is not None:
            write_atomically(report_path(output, result.name, fmt), result.rendered)
        results.append(result)
        if on_result is not None:
            on_result(result, len(results), len(todo))
    return tuple(sorted(results, key=lambda r: r.name))
