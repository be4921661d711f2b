"""The :class:`Report`: what one reconciliation found, ready to assert on or render.

The pipeline returns it; its methods render it through this package's modules
(the JSON contract, text, Markdown, HTML) and rebuild it from the contract.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from reconcile.model import Alignment, Claim, Document, Finding, Segment, StoryCheck
from reconcile.report.contract import (
    report_parts_from_dict,
    report_parts_from_json,
    report_to_dict,
    report_to_json,
)
from reconcile.report.html import render_html
from reconcile.report.markdown import report_to_markdown
from reconcile.report.text import report_to_text

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Report", "report_from_dict", "report_from_json"]


@frozen
class Report:
    """What :func:`reconcile.compare` found, ready to assert on or render.

    Attributes:
        documents: the parsed sources, in the order of their names.
        alignments: the groups of claims that state the same fact.
        findings: every agreement, discrepancy and single-source claim.
        story_check: which sources seem to report the same event, with the evidence
            (empty for one source).
    """

    documents: tuple[Document, ...]
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    story_check: StoryCheck = field(factory=StoryCheck)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(claim for doc in self.documents for claim in doc.claims)

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(seg for doc in self.documents for seg in doc.segments)

    @property
    def discrepancies(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == "discrepancy")

    def discrepancies_at_least(self, severity: str) -> tuple[Finding, ...]:
        """Return the discrepancies of this severity or a higher one.

        Severities, lowest first, are ``SEVERITIES``: "low", "medium", "high".

        Examples:
            >>> import reconcile
            >>> report = reconcile.compare([
            ...     reconcile.Source("The plant employs 40 people.", name="a"),
            ...     reconcile.Source("The plant employs 400 people.", name="b"),
            ... ])
            >>> [f.category for f in report.discrepancies_at_least("high")]
            ['numeric']

        Raises:
            ValueError: ``severity`` is not one of ``SEVERITIES``.
        """
        return tuple(f for f in self.discrepancies if f.at_least(severity))

    @property
    def agreements(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == "agreement")

    @property
    def single_source(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == "single_source")

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with this id.

        Raises:
            KeyError: no claim has this id.
        """
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        msg = f"No claim with id {claim_id!r} in this report."
        raise KeyError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as the JSON contract's object (``reconcile.report/1``)."""
        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the report as JSON text, keys in a stable order."""
        return report_to_json(self, indent=indent)

    def to_markdown(self) -> str:
        """Return the report as Markdown: findings first, then sources."""
        return report_to_markdown(self)

    def to_text(self, *, color: bool = False) -> str:
        """Return the report as plain text for a terminal."""
        return report_to_text(self, color=color)

    def to_html(self) -> str:
        """Return the report as one self-contained HTML page."""
        return render_html(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Rebuild a report from :meth:`to_dict` output.

        Raises:
            ParseError: the mapping is not a ``reconcile.report/1`` object.
        """
        return cls(*report_parts_from_dict(data))

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Rebuild a report from :meth:`to_json` output."""
        return cls(*report_parts_from_json(text))


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """Rebuild a :class:`Report` from :meth:`Report.to_dict` output.

    Raises:
        ParseError: ``data`` is not a ``reconcile.report/1`` object.
    """
    return Report.from_dict(data)


def report_from_json(text: str) -> Report:
    """Rebuild a :class:`Report` from :meth:`Report.to_json` output.

    Raises:
        ParseError: the text is not JSON, or not a report.
    """
    return Report.from_json(text)
