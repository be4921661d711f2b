"""MkDocs hook: the changelog page lists the unreleased fragments of ``changelog.d/``.

``docs/changelog.md`` includes ``CHANGELOG.md`` and holds the marker
``<!-- changelog.d -->``, which this hook replaces with the fragments not yet
collected at a release, grouped by type (towncrier's ``<issue>.<type>.md``, or
``+<name>.<type>.md`` for a change without an issue), so the site shows what
``main`` holds today.

Examples:
    >>> render_fragments({"3.feature.md": "Added X.", "+a.bugfix.md": "Fixed Y."})
    '### Features\\n\\n- Added X. (#3)\\n\\n### Fixes\\n\\n- Fixed Y.\\n'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MARKER = "<!-- changelog.d -->"
FRAGMENTS = Path(__file__).resolve().parents[2] / "changelog.d"
#: Fragment types in the order the page lists them, with their headings.
TYPES = {
    "feature": "Features",
    "bugfix": "Fixes",
    "doc": "Documentation",
    "removal": "Removals",
    "misc": "Other changes",
}


def render_fragments(fragments: dict[str, str]) -> str:
    """Return the Markdown list of fragments (file name -> text), grouped by type."""
    groups: dict[str, list[str]] = {kind: [] for kind in TYPES}
    for name in sorted(fragments):
        issue, _, kind = name.removesuffix(".md").rpartition(".")
        text = " ".join(fragments[name].split())
        ref = "" if issue.startswith("+") else f" (#{issue})"
        groups.setdefault(kind, []).append(f"- {text}{ref}")
    parts = [
        f"### {TYPES.get(kind, kind.title())}\n\n" + "\n".join(items) + "\n"
        for kind, items in groups.items()
        if items
    ]
    return "\n".join(parts)


def read_fragments(folder: Path = FRAGMENTS) -> dict[str, str]:
    """Return the text of every fragment in ``folder``, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace the marker with the fragments (the MkDocs ``on_page_markdown`` event)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render_fragments(read_fragments()))
