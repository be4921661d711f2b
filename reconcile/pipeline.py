"""The whole pipeline in one call: parse -> align -> reconcile -> :class:`~reconcile.Report`."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from reconcile._semantic import default_encoder
from reconcile.align import DEFAULT_THRESHOLD, align_documents, check_stories
from reconcile.checks import check_document, reconcile_alignments
from reconcile.errors import InputError, UsageError
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import Document, Source
from reconcile.parse import (
    Outline,
    explicit_publication_date,
    implied_publication_date,
    outline,
    parse_outline,
)
from reconcile.report import Report

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Progress", "check", "compare", "parse_source", "parse_sources"]

#: Called with (stage, done, total) as a long run goes; the CLI draws it on stderr.
Progress = Callable[[str, int, int], None]


def _validate(sources: Iterable[Source]) -> list[Source]:
    items = list(sources)
    for src in items:
        if not isinstance(src, Source):
            msg = (
                "compare() takes reconcile.Source objects "
                f"(got {type(src).__name__}: {src!r:.60}). "
                "Wrap text with reconcile.Source(text, name=...) or read files with "
                "reconcile.Source.from_file(path)."
            )
            raise UsageError(msg)
        if not src.text.strip():
            msg = f"Source {src.name!r} is empty. Pass the article's text."
            raise InputError(msg)
    names = [s.name for s in items]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        msg = (
            f"Two or more sources are named {dupes[0]!r}. Give each source a distinct name "
            "(Source(text, name=...)), since findings refer to sources by name."
        )
        raise InputError(msg)
    # Sorting by name makes every later stage independent of the input order.
    return sorted(items, key=lambda s: s.name)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one run, then restore it as it was.

    A run allocates millions of small objects that live until it ends and form no
    cycles; the collector would scan them again and again, a third of the time on
    a megabyte of text. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_collection_paused()
def parse_sources(
    sources: Iterable[Source],
    *,
    published: Mapping[str, date] | None = None,
    lexicon: Lexicon = ENGLISH,
    progress: Progress | None = None,
    workers: int = -1,
) -> tuple[Document, ...]:
    """Parse several sources of one story, inferring missing publication dates together.

    A date given by the caller (``Source.published`` or ``published[name]``) always
    wins; then a date the page states; then one inferred from the text, taking a
    missing year from the other sources (see :func:`reconcile.parse.infer_publication_date`).
    Large runs are parsed in up to ``workers`` processes (-1: one per core; 1: none).
    """
    items = _validate(sources)
    given = dict(published or {})
    unknown = sorted(set(given) - {s.name for s in items})
    if unknown:
        msg = (
            f"A publication date was given for {unknown[0]!r}, which is not one of the sources "
            f"({', '.join(s.name for s in items)}). Use the source's name (a file's base name)."
        )
        raise UsageError(msg)
    outlines: list[Outline] = []
    for k, src in enumerate(items):
        outlines.append(outline(src, lexicon=lexicon))
        if progress:
            progress("layout", k + 1, len(items))
    dates: dict[str, tuple[date | None, str]] = {}
    for out in outlines:
        name = out.source.name
        if name in given or out.source.published is not None:
            dates[name] = (given.get(name) or out.source.published, "given by the caller")
        elif (explicit := explicit_publication_date(out)) is not None:
            dates[name] = explicit
    known = [d for d, _ in dates.values() if d is not None]
    for out in outlines:
        if out.source.name not in dates:
            dates[out.source.name] = implied_publication_date(out, other_dates=known)
    stated = sorted(d for d, _ in dates.values() if d is not None)
    # For the dates without a year of a source whose own date is unknown: the
    # (lower) median date of the others, which one outlier cannot move.
    story_date = stated[(len(stated) - 1) // 2] if stated else None
    jobs = [(out, *dates[out.source.name], lexicon, story_date) for out in outlines]
    documents: list[Document] = []
    for k, doc in enumerate(_parse_all(jobs, workers=workers)):
        documents.append(doc)
        if progress:
            progress("parse", k + 1, len(outlines))
    return tuple(documents)


#: One source's parse: its outline, publication date and how, lexicon, story date.
_Job = tuple[Outline, "date | None", str, Lexicon, "date | None"]
#: Below this many characters in all, the sources are parsed in this process: starting
#: worker processes costs more than parsing a few articles (about 100 kB a second).
_PARALLEL_CHARS = 200_000


def _parse_job(job: _Job) -> Document:
    """Parse one outline (a worker process's task)."""
    out, when, how, lexicon, story_date = job
    return parse_outline(
        out, published=when, published_how=how, lexicon=lexicon, story_date=story_date
    )


def _parse_all(jobs: Sequence[_Job], *, workers: int) -> Iterator[Document]:
    """Yield the parsed documents in the order of ``jobs``, in worker processes when large.

    The result does not depend on where a source was parsed: each parse is a pure
    function of its job.
    """
    cores = worker_count(workers)
    size = sum(len(job[0].source.text) for job in jobs)
    context = process_context()
    # Spawned workers import the caller's ``__main__`` again, which a script without
    # an ``if __name__ == "__main__"`` guard does not survive: only fork, unasked.
    if cores < 2 or len(jobs) < 2 or size < _PARALLEL_CHARS or context.get_start_method() != "fork":
        yield from map(_parse_job, jobs)
        return
    # The biggest first, so that a long source does not start last and run alone.
    order = sorted(range(len(jobs)), key=lambda k: -len(jobs[k][0].source.text))
    with ProcessPoolExecutor(max_workers=min(cores, len(jobs)), mp_context=context) as pool:
        futures = {k: pool.submit(_parse_job, jobs[k]) for k in order}
        for k in range(len(jobs)):
            yield futures[k].result()


def process_context() -> multiprocessing.context.BaseContext:
    """Return how to start worker processes: forked when that is safe, else spawned.

    A fork starts at once and needs no importable ``__main__``, but forking a process
    that runs other threads can copy a lock one of them holds; then spawn.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def worker_count(workers: int) -> int:
    """Return how many processes ``workers`` asks for: -1 (or 0) means one per core.

    Examples:
        >>> worker_count(3)
        3
        >>> worker_count(-1) >= 1
        True
    """
    if workers > 0:
        return workers
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def parse_source(
    source: Source, *, published: date | None = None, lexicon: Lexicon = ENGLISH
) -> Document:
    """Parse one source into its claims and non-claim segments.

    Examples:
        >>> from reconcile import Source
        >>> doc = parse_source(Source("Published: March 3, 2024\\nThe bridge reopened on Friday."))
        >>> doc.published, [c.text for c in doc.claims]
        (datetime.date(2024, 3, 3), ['The bridge reopened on Friday.'])
    """
    given = {source.name: published} if published is not None else None
    return parse_sources([source], published=given, lexicon=lexicon)[0]


@_collection_paused()
def compare(
    sources: Sequence[Source],
    *,
    published: Mapping[str, date] | None = None,
    lexicon: Lexicon = ENGLISH,
    threshold: float = DEFAULT_THRESHOLD,
    workers: int = -1,
    semantic: bool = True,
    progress: Progress | None = None,
) -> Report:
    """Reconcile several articles about one event.

    Args:
        sources: two or more sources, in any order (the report does not depend on it).
        published: publication dates by source name, overriding what the texts imply.
        lexicon: the word lists the parser reads.
        threshold: the least match probability for two claims to be aligned.
        workers: processes for parsing a large run and threads for bulk fuzzy
            scoring (-1: all cores; 1: this process alone).
        semantic: compare claims by meaning too (the shipped static vectors);
            ``False`` aligns on wording and specifics alone.
        progress: called with ``(stage, done, total)`` as the run goes.

    Returns:
        The report: documents, alignments and findings.

    Raises:
        UsageError: fewer than two sources, or a date for an unknown source.
        InputError: an empty source, or two sources with one name.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("Two people died in the fire, police said.", name="a")
        >>> b = reconcile.Source("Police said five people died in the fire.", name="b")
        >>> [f.message for f in reconcile.compare([a, b]).discrepancies]
        ["a says 'Two' but b says 'five'; the two numbers cannot both be right."]
    """
    items = list(sources)
    if len(items) < 2:
        msg = (
            f"compare() needs at least two sources (got {len(items)}). To check one article "
            "on its own, use reconcile.check(source) (CLI: reconcile check FILE)."
        )
        raise UsageError(msg)
    encoder = default_encoder() if semantic else None
    documents = parse_sources(
        items, published=published, lexicon=lexicon, progress=progress, workers=workers
    )
    n = len(documents)
    # Each stage says when it starts as well as when it ends, so a long alignment
    # shows as under way rather than as a parse that never finished.
    if progress:
        progress("align", 0, n)
    # Which sources seem to report one event: claim pairs across two events need more
    # evidence to align.
    stories = check_stories(documents)
    alignments = align_documents(
        documents,
        threshold=threshold,
        workers=workers,
        encoder=encoder,
        stories=stories,
        lexicon=lexicon,
    )
    if progress:
        progress("align", n, n)
        progress("check", 0, n)
    findings = reconcile_alignments(documents, alignments, lexicon=lexicon)
    if progress:
        progress("check", n, n)
    return Report(documents, alignments, findings, stories)


@_collection_paused()
def check(
    source: Source,
    *,
    published: date | None = None,
    lexicon: Lexicon = ENGLISH,
    progress: Progress | None = None,
) -> Report:
    """Report one article's inconsistencies with itself (no alignment across sources).

    ``progress``, if given, is called with ``(stage, done, total)`` as the run goes.

    Examples:
        >>> import reconcile
        >>> src = reconcile.Source("Published: 2026-03-10\\nSales rose earlier this month. "
        ...                        "On February 26, the firm cut prices.")
        >>> [f.category for f in reconcile.check(src).discrepancies]
        ['temporal']
    """
    given = {source.name: published} if published is not None else None
    (doc,) = parse_sources([source], published=given, lexicon=lexicon, progress=progress)
    if progress:
        progress("check", 0, 1)
    findings = check_document(doc, lexicon=lexicon)
    if progress:
        progress("check", 1, 1)
    return Report((doc,), (), findings)
