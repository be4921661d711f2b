"""The ``reconcile`` command.

Exit codes, for CI:

- 0: a report was produced (with ``--fail-on discrepancy``: and it has none);
- 1: ``--fail-on discrepancy`` and the report has a discrepancy (or, with
  ``--baseline``, one the baseline does not list); ``--fail-on medium`` or
  ``high`` counts only discrepancies of at least that severity;
- 2: bad input or usage; one line on stderr says what is wrong and what to do;
- 3: a bug in reconcile (one line; ``RECONCILE_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from reconcile import __version__
from reconcile.errors import ReconcileError, SourceWarning, UsageError
from reconcile.model import SEVERITIES, Source
from reconcile.pipeline import check, compare
from reconcile.report import render
from reconcile.sources import parse_published
from reconcile.testing import compare_baseline, load_baseline

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
FORMATS = ("text", "json", "markdown", "html")


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line and raise instead of exiting."""

    def error(self, message: str) -> NoReturn:
        msg = f"{message}. Run '{self.prog} --help' for usage."
        raise UsageError(msg)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reconcile",
        description=(
            "Read several articles about the same event and tell, with evidence, where they "
            "agree, where they disagree, and what only one of them says."
        ),
        epilog="Exit codes: 0 report produced; 1 --fail-on matched, or a finding not in "
        "--baseline; 2 bad input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add_output_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--format",
            "-f",
            choices=FORMATS,
            default="text",
            help="report format: text for people (default), json (the reconcile.report/1 "
            "contract), markdown, or html (one self-contained page)",
        )
        p.add_argument(
            "--output",
            "-o",
            metavar="FILE",
            type=Path,
            help="write the report to FILE instead of standard output",
        )
        p.add_argument(
            "--fail-on",
            choices=("discrepancy", *SEVERITIES[1:]),
            default=None,
            help="exit 1 when the report has a discrepancy (for CI); 'medium' or 'high': only "
            "one of at least that severity (attribution and status are medium, framing low)",
        )
        p.add_argument(
            "--published",
            action="append",
            default=[],
            metavar="NAME=DATE",
            help="the publication date of a source, by file base name (YYYY-MM-DD); "
            "repeat for several; wins over what the text implies",
        )
        p.add_argument(
            "--baseline",
            metavar="FILE",
            type=Path,
            default=None,
            help="the story's accepted findings (a baseline file the pytest plugin writes, or a "
            "--format json report): exit 1 when the report has a finding FILE does not list, "
            "and list new and disappeared findings on stderr",
        )
        p.add_argument("--quiet", "-q", action="store_true", help="no progress output on stderr")
        p.add_argument(
            "--repair-mojibake",
            action="store_true",
            help="repair double-encoded UTF-8 ('â€™' for '’') where the repair is exact; "
            "offsets then index the repaired text, not the file",
        )
        p.add_argument(
            "--semantic",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="compare claims by meaning too, with the shipped static vectors "
            "(default; --no-semantic: wording and specifics alone)",
        )

    compare_p = sub.add_parser(
        "compare",
        help="reconcile two or more articles about one event",
        description="Reconcile two or more articles about one event and print the report.",
        epilog="Example: reconcile compare seeds/*.txt --format json",
    )
    compare_p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        type=Path,
        help="article files (text or HTML, any common encoding)",
    )
    add_output_options(compare_p)
    check_p = sub.add_parser(
        "check",
        help="report one article's inconsistencies with itself",
        description="Check one article on its own: statements that contradict each other.",
    )
    check_p.add_argument("files", nargs=1, metavar="FILE", type=Path, help="the article file")
    add_output_options(check_p)
    _add_batch_parser(sub)
    return parser


def _add_batch_parser(sub: Any) -> None:
    batch_p = sub.add_parser(
        "batch",
        help="reconcile many stories: one report per sub-folder of DIR",
        description="Reconcile each sub-folder of DIR as one story (its files are the "
        "sources) and write one report per story into OUT, named after its folder. "
        "A story that fails is reported on stderr and the others go on.",
        epilog="Exit codes: 0 every story reported; 1 --fail-on matched in a story; "
        "2 a story (or the usage) had bad input; 3 a story hit a bug in reconcile. "
        "Example: reconcile batch stories/ --output reports/ --format markdown",
    )
    batch_p.add_argument("folder", metavar="DIR", type=Path, help="one sub-folder per story")
    batch_p.add_argument(
        "--output", "-o", metavar="OUT", type=Path, required=True, help="folder for the reports"
    )
    batch_p.add_argument(
        "--format",
        "-f",
        choices=("json", "markdown", "html", "text"),
        default="json",
        help="report format (default json); files end in .json, .md, .html or .txt",
    )
    batch_p.add_argument(
        "--workers",
        "-j",
        type=int,
        default=-1,
        metavar="N",
        help="worker processes (default: one per core; 1: no workers)",
    )
    batch_p.add_argument(
        "--dask",
        metavar="local|ADDRESS",
        default=None,
        help="run on Dask distributed (pip install 'reconcile[dask]'): 'local' starts a "
        "local cluster of --workers processes; else a scheduler address (tcp://host:8786)",
    )
    batch_p.add_argument(
        "--resume", action="store_true", help="skip the stories whose report is already in OUT"
    )
    batch_p.add_argument(
        "--fail-on",
        choices=("discrepancy",),
        default=None,
        help="exit 1 when a story's report has a discrepancy",
    )
    batch_p.add_argument("--quiet", "-q", action="store_true", help="no progress output on stderr")


def _published(values: Sequence[str]) -> dict[str, date]:
    result: dict[str, date] = {}
    for value in values:
        name, sep, when = value.rpartition("=")
        if not sep or not name:
            msg = (
                f"--published takes NAME=DATE (got {value!r}); for example "
                "--published article.txt=2026-02-04"
            )
            raise UsageError(msg)
        result[name] = parse_published(when)
    return result


#: A run is long, and worth a progress line, from this many sources ...
_MANY_SOURCES = 3
#: ... or this many characters in all: about a second of work (the seeds, 6,300
#: characters, take 0.5 s; twenty copies of them, 126,000 characters, 6 s).
_LARGE_SOURCES = 50_000
#: What the progress line says in each stage of the pipeline (see reconcile.pipeline).
_STAGE_LINES = {
    "layout": "reading sources {done}/{total}",
    "parse": "parsing sources {done}/{total}",
    "align": "aligning the claims of {total} sources",
    "check": "checking what the sources say",
    "stories": "stories {done}/{total}",
}


class _Progress:
    """Progress of a long run on one stderr line, only when stderr is a terminal.

    The line is redrawn in place and erased by :meth:`close`, so that neither a
    report printed to the same terminal nor an error message follows it.
    """

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.drawn = False

    @classmethod
    def for_run(cls, stream: TextIO, sources: Sequence[Source], *, quiet: bool) -> _Progress:
        """Return the progress of a run: drawn when it is long (many or large sources)."""
        size = sum(len(s.text) for s in sources)
        is_long = len(sources) >= _MANY_SOURCES or size >= _LARGE_SOURCES
        return cls(stream, enabled=is_long and not quiet)

    def __call__(self, stage: str, done: int, total: int, *, note: str = "") -> None:
        if not self.enabled:
            return
        line = _STAGE_LINES.get(stage, stage + " {done}/{total}").format(done=done, total=total)
        bar = _bar(done, total) if stage == "stories" else ""
        self.stream.write(f"\r\033[Kreconcile: {bar}{line}{note}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Erase the progress line, if one was drawn."""
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False


#: How many characters wide the progress bar of a batch is.
_BAR_WIDTH = 24


def _bar(done: int, total: int) -> str:
    """Return a progress bar for the stories of a batch (nothing for a batch of one).

    Examples:
        >>> _bar(3, 12)
        '[######                  ] '
    """
    if total <= 1:
        return ""
    filled = round(_BAR_WIDTH * done / total)
    return "[" + "#" * filled + " " * (_BAR_WIDTH - filled) + "] "


def run(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line and return its exit code (errors propagate as exceptions)."""
    out = stdout or sys.stdout
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(out)
        return EXIT_USAGE
    if args.command == "batch":
        return _run_batch(args)
    published = _published(args.published)
    # Read the baseline first: a missing or broken one is bad input (exit 2), found
    # before the sources are parsed.
    baseline = load_baseline(args.baseline) if args.baseline is not None else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        sources = [
            Source.from_file(path, repair_mojibake=args.repair_mojibake) for path in args.files
        ]
    for warning in caught:
        # One line each, like the errors: a guessed encoding is worth knowing, not fatal.
        if issubclass(warning.category, SourceWarning):
            if not args.quiet:
                sys.stderr.write(f"reconcile: warning: {warning.message}\n")
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    if args.command == "compare" and len(sources) < 2:
        msg = (
            f"compare needs at least two files (got {len(sources)}). "
            "To check one article on its own, run: reconcile check FILE"
        )
        raise UsageError(msg)
    progress = _Progress.for_run(sys.stderr, sources, quiet=args.quiet)
    try:
        if args.command == "check":
            src = sources[0]
            report = check(src, published=published.get(src.name), progress=progress)
        else:
            report = compare(
                sources, published=published, semantic=args.semantic, progress=progress
            )
    finally:
        progress.close()
    # Colour only for a terminal, and never when the NO_COLOR convention asks for none.
    color = args.output is None and out.isatty() and not os.environ.get("NO_COLOR")
    rendered = render(report, args.format, color=color)
    if args.output is not None:
        try:
            args.output.write_text(rendered, encoding="utf-8")
        except OSError as err:
            msg = (
                f"Cannot write the report to {str(args.output)!r}: {err.strerror}. Check the path."
            )
            raise UsageError(msg) from err
    else:
        out.write(rendered)
    if baseline is not None:
        # The baseline refines --fail-on: only findings it does not list fail the run.
        diff = compare_baseline(report, baseline)
        if diff.has_changes:
            hint = (
                "If these changes are expected, make the current findings the baseline: "
                f"reconcile {args.command} FILE... --format json --output {args.baseline}"
            )
            sys.stderr.write(diff.describe(str(args.baseline), hint=hint) + "\n")
        new = diff.new
        if args.fail_on in SEVERITIES:
            new = tuple(f for f in new if f.kind != "discrepancy" or f.at_least(args.fail_on))
        return EXIT_FINDINGS if new else EXIT_OK
    if args.fail_on == "discrepancy" and report.discrepancies:
        return EXIT_FINDINGS
    if args.fail_on in SEVERITIES and report.discrepancies_at_least(args.fail_on):
        return EXIT_FINDINGS
    return EXIT_OK


def _run_batch(args: argparse.Namespace) -> int:
    """Run ``reconcile batch``: one report per story, failures on stderr, one exit code."""
    from reconcile.batch import StoryResult, run_batch

    progress = _Progress(sys.stderr, enabled=not args.quiet)
    failed = 0

    def on_result(result: StoryResult, done: int, total: int) -> None:
        nonlocal failed
        if not result.ok:
            failed += 1
            progress.close()
            sys.stderr.write(f"reconcile: story {result.name!r} failed: {result.error}\n")
        note = f" ({failed} failed)" if failed else ""
        progress("stories", done, total, note=note)

    try:
        results = run_batch(
            args.folder,
            args.output,
            fmt=args.format,
            workers=args.workers,
            dask=args.dask,
            resume=args.resume,
            on_result=on_result,
        )
    finally:
        progress.close()
    if any(r.is_bug for r in results):
        return EXIT_BUG
    if any(not r.ok for r in results):
        return EXIT_USAGE
    if args.fail_on == "discrepancy" and any(r.discrepancies for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reconcile`` command: run it, turn errors into exit codes."""
    try:
        return run(argv)
    except ReconcileError as err:
        print(f"reconcile: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("reconcile: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:
        if os.environ.get("RECONCILE_DEBUG"):
            raise
        print(
            f"reconcile: internal error: {type(err).__name__}: {err}. This is a bug in "
            "reconcile; rerun with RECONCILE_DEBUG=1 for the traceback and report it.",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
