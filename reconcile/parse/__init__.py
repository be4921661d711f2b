"""Stage 1, parse: one source in, its segments and claims with their features out.

In: a :class:`~reconcile.Source` (text or HTML, with its name and maybe a date).
Out: a :class:`~reconcile.Document`: the segments that are not claims, each with
the reason it is not (byline, dateline, caption, markup, ...), and the claims
with their features. Every character of the source is in one or the other, and
every offset indexes the text as given.

- :mod:`~reconcile.parse.layout`: page furniture and body paragraphs, HTML read
  through a length-preserving view;
- :mod:`~reconcile.parse.sentences`: sentence boundaries;
- :mod:`~reconcile.parse.claims`: the two steps of the stage, :func:`outline`
  (layout and sentences, no date needed) and :func:`parse_outline` (claims with
  time expressions, quantities, ordinals, entities, attribution and modality),
  so that a publication date can be inferred from several sources at once.
"""

from __future__ import annotations

from reconcile.parse.claims import (
    Outline,
    explicit_publication_date,
    implied_publication_date,
    outline,
    parse_outline,
    publication_anchors,
)
from reconcile.parse.layout import find_layout, html_view
from reconcile.parse.sentences import split_sentences

__all__ = [
    "Outline",
    "explicit_publication_date",
    "find_layout",
    "html_view",
    "implied_publication_date",
    "outline",
    "parse_outline",
    "publication_anchors",
    "split_sentences",
]
