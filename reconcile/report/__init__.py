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
