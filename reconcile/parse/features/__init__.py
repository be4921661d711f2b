"""What a claim carries besides its times, read from its sentence by kind.

Each reader takes one sentence (a span of the document text) and returns
annotations with absolute offsets. They are deliberately shallow (no parser,
no model): regular expressions over word tokens, with every word list taken
from the :class:`~reconcile.lexicon.Lexicon` and every verb form from
:mod:`reconcile.morphology`.

- :mod:`~reconcile.parse.features.quantities`: numbers as news writes them, with
  units and the range their wording allows;
- :mod:`~reconcile.parse.features.ordinals`: ordinals and superlatives with the
  noun they rank and their scope;
- :mod:`~reconcile.parse.features.entities`: names, titles and roles, keyed
  through one alias table per document;
- :mod:`~reconcile.parse.features.attribution`: quotations and who a statement
  is given to;
- :mod:`~reconcile.parse.features.modality`: the actions a sentence states, how
  surely, and whether it is negated.
"""

from __future__ import annotations

from reconcile.parse.features.attribution import find_attribution, find_quotes, quote_speaker
from reconcile.parse.features.entities import (
    NO_TITLE_CASE,
    EntityIndex,
    WordCases,
    capitalized_runs,
    document_word_cases,
    find_entities,
    is_title_case,
)
from reconcile.parse.features.modality import find_modality, find_predicates, is_negated
from reconcile.parse.features.ordinals import find_ordinals
from reconcile.parse.features.quantities import SCORE_BASE, find_quantities

__all__ = [
    "NO_TITLE_CASE",
    "SCORE_BASE",
    "EntityIndex",
    "WordCases",
    "capitalized_runs",
    "document_word_cases",
    "find_attribution",
    "find_entities",
    "find_modality",
    "find_ordinals",
    "find_predicates",
    "find_quantities",
    "find_quotes",
    "is_negated",
    "is_title_case",
    "quote_speaker",
]
