"""The whole exception hierarchy of reconcile.

Every error that reconcile raises because of its input is a subclass of
:class:`ReconcileError`, so a caller can catch them all in one place. Each also
subclasses the builtin that a caller would otherwise expect (``ValueError``,
``FileNotFoundError``, ...), so ``except ValueError`` keeps working.

Messages say what is wrong, show the offending value, and say what to do.
"""

from __future__ import annotations

import sys
import warnings

__all__ = [
    "EncodingError",
    "InputError",
    "ParseError",
    "ReconcileError",
    "ReconcileWarning",
    "SourceNotFoundError",
    "SourceWarning",
    "UsageError",
    "warn",
]


class ReconcileError(Exception):
    """Base class for every error raised by reconcile."""


class InputError(ReconcileError, ValueError):
    """A source cannot be used as given: empty, binary, too large, or a duplicate name."""


class SourceNotFoundError(InputError, FileNotFoundError):
    """A source file does not exist, or is a directory."""


class EncodingError(InputError, UnicodeError):
    """A source's bytes cannot be decoded as text in any encoding we can detect."""


class ParseError(ReconcileError, ValueError):
    """A value given to reconcile cannot be parsed (a date, a baseline file, a report)."""


class UsageError(ReconcileError, ValueError):
    """The call itself is wrong: too few sources, an unknown format, a bad option."""


class ReconcileWarning(UserWarning):
    """Base class for every warning reconcile issues: it went on, but said so."""


class SourceWarning(ReconcileWarning):
    """A source was read with a guess: a legacy encoding, mixed encodings, repaired mojibake.

    The same sentence is kept in ``Source.notes``, so a report shows it too.
    """


def warn(message: str | Warning, category: type[Warning] = ReconcileWarning) -> None:
    """Issue a warning that points at the first caller outside reconcile.

    The user's line, not the library's: a test that checks a baseline through the
    pytest plugin sees its own line in the warning, whatever path led there.
    """
    frame = sys._getframe(1)
    level = 2
    while frame.f_back is not None and _is_ours(frame.f_globals.get("__name__", "")):
        frame = frame.f_back
        level += 1
    warnings.warn(message, category, stacklevel=level)


def _is_ours(module: str) -> bool:
    return module == "reconcile" or module.startswith("reconcile.")
