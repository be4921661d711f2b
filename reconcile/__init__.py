"""reconcile: tell where news articles about one event agree, disagree, or stand alone.

Each source is parsed into claims, claims that state the same fact are aligned
across sources, and the aligned groups are checked for agreement or discrepancy.

Examples:
    >>> import reconcile
    >>> a = reconcile.Source("The plant employs 40 people, the mayor said on Monday.", name="a")
    >>> b = reconcile.Source("The plant employs 400 people, the mayor said on Monday.", name="b")
    >>> report = reconcile.compare([a, b])
    >>> [f.category for f in report.discrepancies]
    ['numeric']
"""

from __future__ import annotations

from reconcile.batch import StoryResult, compare_many
from reconcile.errors import (
    EncodingError,
    InputError,
    ParseError,
    ReconcileError,
    ReconcileWarning,
    SourceNotFoundError,
    SourceWarning,
    UsageError,
)
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import (
    SEVERITIES,
    Alignment,
    Attribution,
    Claim,
    Contribution,
    Document,
    Entity,
    Evidence,
    Finding,
    Link,
    Ordinal,
    Quantity,
    Segment,
    Source,
    Span,
    TimeMention,
)
from reconcile.pipeline import check, compare, parse_source
from reconcile.report import Report

__version__ = "0.1.0"

__all__ = [
    "ENGLISH",
    "SEVERITIES",
    "Alignment",
    "Attribution",
    "Claim",
    "Contribution",
    "Document",
    "EncodingError",
    "Entity",
    "Evidence",
    "Finding",
    "InputError",
    "Lexicon",
    "Link",
    "Ordinal",
    "ParseError",
    "Quantity",
    "ReconcileError",
    "ReconcileWarning",
    "Report",
    "Segment",
    "Source",
    "SourceNotFoundError",
    "SourceWarning",
    "Span",
    "StoryResult",
    "TimeMention",
    "UsageError",
    "check",
    "compare",
    "compare_many",
    "parse_source",
]
