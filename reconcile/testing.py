"""Assert on reports in a test suite, and pin a story's known findings in a baseline.

Two ways to use a :class:`~reconcile.Report` in tests:

- :func:`assert_consistent` fails when a report has a finding (by default a
  discrepancy) that the test does not allow, by id or by category;
- a **baseline** is a JSON file per story that lists the findings a team has
  accepted, by their stable ids (:attr:`reconcile.Finding.id` hashes the kind,
  category and the claims' words, not their offsets). :func:`assert_matches_baseline`
  fails on a finding the baseline does not list and reports, as a
  :class:`StaleBaselineWarning`, the ones that disappeared; ``update=True``
  rewrites the file instead.

Failures raise :class:`UnexpectedFindingsError`, an :class:`AssertionError` whose
message is the readable list of unexpected findings with their quoted evidence.
The pytest plugin (:mod:`reconcile.pytest_plugin`) and ``reconcile compare
--baseline FILE`` use these functions; nothing here needs pytest.

Examples:
    >>> import reconcile
    >>> from reconcile.testing import Baseline, assert_consistent, compare_baseline
    >>> a = reconcile.Source("Police said two people died in the fire on Monday.", name="wire")
    >>> b = reconcile.Source("Police said five people died in the fire on Monday.", name="local")
    >>> report = reconcile.compare([a, b])
    >>> assert_consistent(report, allow={"numeric"})
    >>> assert_consistent(report)
    Traceback (most recent call last):
    ...
    reconcile.testing.UnexpectedFindingsError: 1 unexpected discrepancy:
    <BLANKLINE>
    1. [numeric, high] local says 'five' but wire says 'two'; the two numbers cannot both be right.
         local 0-51: “Police said five people died in the fire on Monday.”
         wire 0-50: “Police said two people died in the fire on Monday.”
         id: numeric-...
    <BLANKLINE>
    To accept them, pass their ids or categories to allow=..., or pin them in a baseline.
    >>> baseline = Baseline.from_report(report)
    >>> compare_baseline(report, baseline).has_new
    False
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from attrs import field, frozen

from reconcile._text import in_quotes
from reconcile.errors import ParseError, SourceNotFoundError, UsageError, warn
from reconcile.model import Category, Finding, FindingKind
from reconcile.report import Report

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from os import PathLike

__all__ = [
    "BASELINE_SCHEMA",
    "Baseline",
    "BaselineDiff",
    "BaselineEntry",
    "StaleBaselineWarning",
    "UnexpectedFindingsError",
    "assert_consistent",
    "assert_matches_baseline",
    "compare_baseline",
    "format_findings",
    "load_baseline",
    "report_schema",
    "save_baseline",
]

BASELINE_SCHEMA = "reconcile.baseline/1"
_REPORT_SCHEMA = "reconcile.report/1"
_KINDS: tuple[str, ...] = get_args(FindingKind)
_CATEGORIES: tuple[str, ...] = get_args(Category)
_DEFAULT_KINDS: tuple[FindingKind, ...] = ("discrepancy",)
#: A finding id as :func:`reconcile.checks.finding_id` makes it: a prefix and 12 hex digits.
_ID = re.compile(r"^[a-z][a-z_-]*-[0-9a-f]{12}$")
#: Evidence longer than this is cut in messages; a sentence rarely is.
_QUOTE_LIMIT = 400


class UnexpectedFindingsError(AssertionError):
    """A report has findings a test did not expect.

    An :class:`AssertionError`, so test runners show it as a failure, not an error;
    its message lists each unexpected finding with its quoted evidence.

    Attributes:
        findings: the unexpected findings.
        diff: for a baseline, how the report differs from it; else ``None``.
    """

    def __init__(
        self, message: str, findings: Sequence[Finding] = (), diff: BaselineDiff | None = None
    ) -> None:
        super().__init__(message)
        self.findings = tuple(findings)
        self.diff = diff


class StaleBaselineWarning(UserWarning):
    """A baseline lists findings the report no longer has (fixed, or reworded).

    A warning, not a failure: the story got better. Rewrite the baseline to drop
    them (pytest ``--reconcile-update-baselines``).
    """


# ---------------------------------------------------------------------------
# Readable findings


def _tag(kind: str, category: str | None, severity: str | None) -> str:
    if category:
        return f"[{category}, {severity}]" if severity else f"[{category}]"
    return f"[{kind.replace('_', ' ')}]"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def format_findings(findings: Iterable[Finding], *, marker: str = "{n}.") -> str:
    """Return findings as a numbered, readable list with their quoted evidence.

    Each finding is its category and severity, its one-sentence reason, the
    quoted evidence (source and offsets), and its id.

    Args:
        findings: the findings to list.
        marker: the bullet of each item; ``{n}`` is replaced by its number.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("The plant employs 40 people.", name="a")
        >>> b = reconcile.Source("The plant employs 400 people.", name="b")
        >>> print(format_findings(reconcile.compare([a, b]).discrepancies))
        1. [numeric, high] a says '40' but b says '400'; the two numbers cannot both be right.
             a 0-28: “The plant employs 40 people.”
             b 0-29: “The plant employs 400 people.”
             id: numeric-...
    """
    blocks = []
    for n, f in enumerate(findings, start=1):
        bullet = marker.replace("{n}", str(n))
        pad = " " * (len(bullet) + 3)
        lines = [f"{bullet} {_tag(f.kind, f.category, f.severity)} {f.message}"]
        lines += [
            f"{pad}{e.source} {e.span.start}-{e.span.end}: {in_quotes(e.text, _QUOTE_LIMIT)}"
            for e in f.evidence
        ]
        lines.append(f"{pad}id: {f.id}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


# ---------------------------------------------------------------------------
# assert_consistent


def _kinds(kinds: Iterable[str]) -> tuple[FindingKind, ...]:
    values = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    for kind in values:
        if kind not in _KINDS:
            msg = f"kinds must be among {', '.join(_KINDS)} (got {kind!r})."
            raise UsageError(msg)
    return tuple(k for k in _KINDS if k in values)  # type: ignore[misc]


def _kind_words(kinds: Sequence[str], n: int) -> str:
    names = {
        "discrepancy": ("discrepancy", "discrepancies"),
        "agreement": ("agreement", "agreements"),
        "single_source": ("single-source claim", "single-source claims"),
    }
    if len(kinds) == 1:
        one, many = names[kinds[0]]
        return one if n == 1 else many
    return "finding" if n == 1 else "findings"


def assert_consistent(
    report: Report,
    *,
    allow: Iterable[str] | Baseline = (),
    kinds: Iterable[FindingKind] = _DEFAULT_KINDS,
) -> None:
    """Fail unless every finding of the given kinds is allowed.

    Args:
        report: the report to check.
        allow: what the test accepts: finding ids (``"numeric-1a2b3c4d5e6f"``),
            categories (``"framing"`` accepts every framing discrepancy), or a
            :class:`Baseline` (its findings).
        kinds: which kinds of finding must be allowed; by default discrepancies only.

    Raises:
        UnexpectedFindingsError: a finding is not allowed; the message lists each with its
            quoted evidence.
        UsageError: an item of ``allow`` is neither a finding id nor a category, or a
            kind is unknown.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("The bridge reopened on Friday, the city said.", name="a")
        >>> b = reconcile.Source("The bridge reopened on Friday, the city said.", name="b")
        >>> assert_consistent(reconcile.compare([a, b]))
        >>> assert_consistent(reconcile.compare([a, b]), allow={"numerical"})
        Traceback (most recent call last):
        ...
        reconcile.errors.UsageError: allow=... takes finding ids or ...; got 'numerical'. ...
    """
    __tracebackhide__ = True
    wanted = _kinds(kinds)
    if isinstance(allow, Baseline):
        ids, categories = set(allow.ids), set()
    else:
        items = (allow,) if isinstance(allow, str) else tuple(allow)
        ids = {a for a in items if _ID.match(a)}
        categories = {a for a in items if a in _CATEGORIES}
        unknown = sorted(set(items) - ids - categories)
        if unknown:
            msg = (
                f"allow=... takes finding ids or categories ({', '.join(_CATEGORIES)}); "
                f"got {unknown[0]!r}. Copy ids from the failure message or the JSON report."
            )
            raise UsageError(msg)
    unexpected = [
        f
        for f in report.findings
        if f.kind in wanted and f.id not in ids and (f.category or "") not in categories
    ]
    if unexpected:
        n = len(unexpected)
        msg = (
            f"{n} unexpected {_kind_words(wanted, n)}:\n\n{format_findings(unexpected)}\n\n"
            "To accept them, pass their ids or categories to allow=..., or pin them in a baseline."
        )
        raise UnexpectedFindingsError(msg, unexpected)


# ---------------------------------------------------------------------------
# Baselines


def _sorted_entries(entries: Iterable[BaselineEntry]) -> tuple[BaselineEntry, ...]:
    return tuple(sorted({e.id: e for e in entries}.values(), key=lambda e: e.id))


def _evidence(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(s), str(t)) for s, t in pairs)


@frozen
class BaselineEntry:
    """One accepted finding: its id, and what it said when it was accepted.

    Only the id is compared; the rest is there for the people who read the
    baseline file and for the message when the finding disappears.
    """

    id: str
    kind: str
    category: str | None
    severity: str | None
    message: str
    evidence: tuple[tuple[str, str], ...] = field(default=(), converter=_evidence)

    @classmethod
    def from_finding(cls, finding: Finding) -> BaselineEntry:
        """Record a finding as accepted."""
        return cls(
            finding.id,
            finding.kind,
            finding.category,
            finding.severity,
            finding.message,
            tuple((e.source, " ".join(e.text.split())) for e in finding.evidence),
        )


@frozen
class Baseline:
    """The findings a team has accepted for one story, by stable finding id.

    Attributes:
        entries: the accepted findings (kept sorted by id, one per id).
        kinds: which kinds of finding the baseline pins; findings of other kinds
            never fail a comparison. Discrepancies only, by default.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("The plant employs 40 people.", name="a")
        >>> b = reconcile.Source("The plant employs 400 people.", name="b")
        >>> baseline = Baseline.from_report(reconcile.compare([a, b]))
        >>> [e.category for e in baseline.entries], baseline.kinds
        (['numeric'], ('discrepancy',))
        >>> Baseline.from_json(baseline.to_json()) == baseline
        True
    """

    entries: tuple[BaselineEntry, ...] = field(default=(), converter=_sorted_entries)
    kinds: tuple[FindingKind, ...] = field(default=_DEFAULT_KINDS, converter=_kinds)

    @property
    def ids(self) -> frozenset[str]:
        """The accepted finding ids."""
        return frozenset(e.id for e in self.entries)

    @classmethod
    def from_report(
        cls, report: Report, *, kinds: Iterable[FindingKind] = _DEFAULT_KINDS
    ) -> Baseline:
        """Accept every finding of the given kinds that the report has."""
        wanted = _kinds(kinds)
        return cls(
            tuple(BaselineEntry.from_finding(f) for f in report.findings if f.kind in wanted),
            wanted,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the ``reconcile.baseline/1`` object written to baseline files."""
        return {
            "schema": BASELINE_SCHEMA,
            "kinds": list(self.kinds),
            "findings": [
                {
                    "id": e.id,
                    "kind": e.kind,
                    "category": e.category,
                    "severity": e.severity,
                    "message": e.message,
                    "evidence": [{"source": s, "text": t} for s, t in e.evidence],
                }
                for e in self.entries
            ],
        }

    def to_json(self) -> str:
        """Return the baseline as diff-friendly JSON: sorted by id, indented, newline-ended."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Baseline:
        """Read a ``reconcile.baseline/1`` object, or a ``reconcile.report/1`` one.

        A JSON report (``reconcile compare ... --format json``) reads as the baseline
        that accepts all its discrepancies, which is how a baseline is made from the
        command line.

        Raises:
            ParseError: ``data`` is neither.
        """
        schema = data.get("schema") if isinstance(data, dict) else None
        if schema not in (BASELINE_SCHEMA, _REPORT_SCHEMA):
            got = schema if isinstance(data, dict) else type(data).__name__
            msg = (
                f"Not a reconcile baseline (schema {got!r}, expected {BASELINE_SCHEMA!r} or "
                f"a {_REPORT_SCHEMA!r} report). Write baselines with save_baseline() or "
                "pytest --reconcile-update-baselines."
            )
            raise ParseError(msg)
        try:
            kinds = tuple(data["kinds"]) if schema == BASELINE_SCHEMA else _DEFAULT_KINDS
            entries = tuple(
                BaselineEntry(
                    str(f["id"]),
                    str(f["kind"]),
                    f.get("category"),
                    f.get("severity"),
                    str(f.get("message", "")),
                    tuple(
                        (e["source"], " ".join(str(e["text"]).split()))
                        for e in f.get("evidence", ())
                    ),
                )
                for f in data["findings"]
                if f["kind"] in kinds
            )
            return cls(entries, kinds)
        except (KeyError, TypeError, AttributeError, UsageError) as err:
            msg = f"Malformed reconcile baseline: {err!r}. Rewrite it with save_baseline()."
            raise ParseError(msg) from err

    @classmethod
    def from_json(cls, text: str) -> Baseline:
        """Read a baseline from :meth:`to_json` output (or a JSON report).

        Raises:
            ParseError: the text is not JSON, or not a baseline or report.
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            msg = f"A baseline must be JSON: {err}."
            raise ParseError(msg) from err
        return cls.from_dict(data)


@frozen
class BaselineDiff:
    """How a report differs from a baseline.

    Attributes:
        new: findings the baseline does not list; these fail a test.
        disappeared: baseline entries the report no longer has; these only warn.
        kept: findings the baseline lists and the report still has.
    """

    new: tuple[Finding, ...]
    disappeared: tuple[BaselineEntry, ...]
    kept: tuple[Finding, ...]

    @property
    def has_new(self) -> bool:
        """Whether the report has a finding the baseline does not list."""
        return bool(self.new)

    @property
    def has_changes(self) -> bool:
        """Whether a finding is new or one disappeared."""
        return bool(self.new or self.disappeared)

    def describe(self, where: str, *, hint: str = "") -> str:
        """Return the readable account of the differences, one finding per block.

        Args:
            where: how to name the baseline (its path, a story).
            hint: a last line saying how to accept the changes.
        """
        parts = []
        if self.new:
            parts.append(
                f"{_plural(len(self.new), 'new finding', 'new findings')} not in the baseline "
                f"{where}:\n\n{format_findings(self.new, marker='+')}"
            )
        if self.disappeared:
            lines = []
            for e in self.disappeared:
                lines.append(f"- {_tag(e.kind, e.category, e.severity)} {e.message}")
                lines += [f"    {s}: {in_quotes(t, _QUOTE_LIMIT)}" for s, t in e.evidence]
                lines.append(f"    id: {e.id}")
            n = len(self.disappeared)
            verb = "is" if n == 1 else "are"
            parts.append(
                f"{_plural(n, 'finding', 'findings')} in the baseline {where} {verb} no longer "
                f"reported (fixed, or the claims were reworded):\n\n" + "\n".join(lines)
            )
        if hint and parts:
            parts.append(hint)
        return "\n\n".join(parts)


def compare_baseline(
    report: Report, baseline: Baseline, *, kinds: Iterable[FindingKind] | None = None
) -> BaselineDiff:
    """Return the findings that are new, that disappeared, and that the baseline kept.

    Args:
        report: the report to check.
        baseline: the accepted findings.
        kinds: which kinds to compare; the baseline's own kinds by default.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("The plant employs 40 people.", name="a")
        >>> b = reconcile.Source("The plant employs 400 people.", name="b")
        >>> diff = compare_baseline(reconcile.compare([a, b]), Baseline())
        >>> [f.category for f in diff.new], diff.disappeared
        (['numeric'], ())
    """
    wanted = _kinds(kinds) if kinds is not None else baseline.kinds
    found = [f for f in report.findings if f.kind in wanted]
    accepted = baseline.ids
    current = {f.id for f in found}
    return BaselineDiff(
        new=tuple(f for f in found if f.id not in accepted),
        disappeared=tuple(e for e in baseline.entries if e.kind in wanted and e.id not in current),
        kept=tuple(f for f in found if f.id in accepted),
    )


def load_baseline(path: str | PathLike[str]) -> Baseline:
    """Read a baseline file (or a JSON report, read as accepting its discrepancies).

    Raises:
        SourceNotFoundError: there is no file at ``path``.
        ParseError: the file is not a baseline or a report.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError) as err:
        msg = (
            f"No baseline at {str(p)!r}. Create it from the current findings "
            "(pytest --reconcile-update-baselines, or reconcile compare FILE... "
            f"--format json --output {str(p)!r})."
        )
        raise SourceNotFoundError(msg) from err
    except (OSError, UnicodeDecodeError) as err:
        msg = f"Cannot read the baseline {str(p)!r}: {err}."
        raise ParseError(msg) from err
    try:
        return Baseline.from_json(text)
    except ParseError as err:
        msg = f"{str(p)!r}: {err}"
        raise ParseError(msg) from err


def save_baseline(baseline: Baseline, path: str | PathLike[str]) -> bool:
    """Write a baseline file, creating its folder; leave it untouched if nothing changed.

    Returns:
        Whether the file was written.
    """
    p = Path(path)
    text = baseline.to_json()
    try:
        if p.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return True


def assert_matches_baseline(
    report: Report,
    path: str | PathLike[str],
    *,
    update: bool = False,
    kinds: Iterable[FindingKind] | None = None,
    hint: str = "If these changes are expected, rewrite the baseline with update=True.",
    where: str | None = None,
) -> BaselineDiff:
    """Fail on a finding the baseline file does not list; warn on ones that disappeared.

    Args:
        report: the report to check.
        path: the story's baseline file.
        update: rewrite the file to accept the report's findings instead of failing.
        kinds: which kinds of finding to pin; the file's own kinds by default, or
            discrepancies for a new file.
        hint: the last line of a failure message: how to accept the changes.
        where: how messages name the baseline (``path`` by default).

    Returns:
        The differences from the baseline as it was before any update.

    Raises:
        UnexpectedFindingsError: a finding is new (or there is no baseline file yet).

    Warns:
        StaleBaselineWarning: a finding of the baseline is no longer reported.
    """
    __tracebackhide__ = True
    p = Path(path)
    try:
        baseline: Baseline | None = load_baseline(p)
    except SourceNotFoundError:
        baseline = None
    wanted = _kinds(kinds) if kinds is not None else (baseline.kinds if baseline else None)
    diff = compare_baseline(report, baseline or Baseline(), kinds=wanted or _DEFAULT_KINDS)
    if update:
        save_baseline(Baseline.from_report(report, kinds=wanted or _DEFAULT_KINDS), p)
        return diff
    shown = where or str(p)
    if baseline is None:
        found = format_findings(diff.new) if diff.new else "(none)"
        msg = (
            f"No baseline at {shown!r} yet. The report's findings that it would accept:\n\n"
            f"{found}\n\n{hint}"
        )
        raise UnexpectedFindingsError(msg, diff.new, diff)
    if diff.has_new:
        raise UnexpectedFindingsError(diff.describe(shown, hint=hint), diff.new, diff)
    if diff.disappeared:
        warn(diff.describe(shown, hint=hint), StaleBaselineWarning)
    return diff


def report_schema() -> dict[str, Any]:
    """Return the JSON Schema of the ``reconcile.report/1`` contract, shipped with the package.

    Examples:
        >>> report_schema()["properties"]["schema"]["const"]
        'reconcile.report/1'
    """
    path = resources.files("reconcile").joinpath("report/schema/report-1.schema.json")
    text = path.read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
