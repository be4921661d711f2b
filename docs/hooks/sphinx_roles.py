"""MkDocs hook: Sphinx cross-reference roles in docstrings become links in the API pages.

The docstrings are read in terminals (``help()``) as much as on the site, and some
name other objects the Sphinx way, ``:func:`reconcile.compare``` or
``:class:`~reconcile.Report``` (the tilde shows only the last part of the name).
mkdocstrings renders them as text with a stray ``:func:``; this hook turns each into
an optional cross-reference that mkdocs-autorefs resolves to the object's entry in the
API reference (or leaves as code when the object has none).

Examples:
    >>> print(roles_to_references(':class:<code>~reconcile.Report</code>'))
    <autoref identifier="reconcile.Report" optional><code>Report</code></autoref>
    >>> print(roles_to_references(':func:<code>reconcile.compare</code>'))
    <autoref identifier="reconcile.compare" optional><code>reconcile.compare</code></autoref>
"""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(
    r":(?:func|class|meth|mod|attr|exc|data|obj):<code>(?P<tilde>~?)(?P<name>[\w.]+)</code>"
)


def _reference(match: re.Match[str]) -> str:
    name = match["name"]
    shown = name.rsplit(".", 1)[-1] if match["tilde"] else name
    return f'<autoref identifier="{name}" optional><code>{shown}</code></autoref>'


def roles_to_references(html: str) -> str:
    """Replace every rendered Sphinx role in ``html`` with an optional cross-reference."""
    return ROLE.sub(_reference, html)


def on_page_content(html: str, **_: Any) -> str:
    """The MkDocs ``on_page_content`` event: rewrite the roles of one page."""
    return roles_to_references(html)
