"""Stage 4, report: a :class:`Report` and every way of writing it down.

In: the documents, alignment groups and findings of one reconciliation. Out:
the :class:`Report` that :func:`reconcile.compare` returns, and its renderings:
the JSON contract (``schema: reconcile.report/1``, see ``docs/report-format.md``
and the shipped JSON Schema ``schema/report-1.schema.json``), plain text for a
terminal, Markdown, and one self-contained HTML page (its template, style sheet
and script are the package files under ``assets/``). Every rendering depends on
the report alone, so the same sources give the same bytes.

``reconcile compare FILE... --format json`` prints exactly
``json.dumps(report.to_dict())``.
"""

from __future__ import annotations

from reconcile.report.contract import SCHEMA, report_to_dict, report_to_json
from reconcile.report.html import render_html, render_html_many
from reconcile.report.markdown import report_to_markdown
from reconcile.report.result import Report, report_from_dict, report_from_json
from reconcile.report.text import report_to_text

__all__ = [
    "SCHEMA",
    "Report",
    "render",
    "render_html",
    "render_html_many",
    "report_from_dict",
    "report_from_json",
    "report_to_dict",
    "report_to_html",
    "report_to_json",
    "report_to_markdown",
    "report_to_text",
]

#: The report as one self-contained HTML page (the same as :func:`render_html`).
report_to_html = render_html


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """Return the report in one of the formats of ``reconcile compare --format``.

    ``fmt`` is ``json``, ``markdown``, ``html`` or ``text`` (anything else is text);
    ``color`` colours the text for a terminal.

    Examples:
        >>> import reconcile
        >>> a = reconcile.Source("The plant employs 40 people.", name="a")
        >>> b = reconcile.Source("The plant employs 400 people.", name="b")
        >>> render(reconcile.compare([a, b]), "json").startswith("{")
        True
    """
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "markdown":
        return report.to_markdown()
    if fmt == "html":
        return report.to_html()
    return report.to_text(color=color)
