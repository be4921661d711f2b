"""English words for time expressions, as data on one frozen object.

Like dateutil's ``parserinfo`` and HeidelTime's resources, everything
:mod:`reconcile.timex` knows about English lives in a data file and not in its
grammar: month and weekday names, number words, units, deictic words, modifiers,
tense markers, each with a comment and an example (``english.toml``, shipped in
the package). Every list is general English news usage; none is drawn from a
particular article. Pass ``lexicon=attrs.evolve(ENGLISH_TIMES, ...)`` or a
lexicon of your own file (:func:`load_lexicon`) to
:func:`reconcile.timex.find_times` to change it.

Examples:
    >>> ENGLISH_TIMES.tens[-1], "fiscal" in ENGLISH_TIMES.year_prepositions
    (('ninety', 90), True)
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from reconcile.errors import UsageError

__all__ = ["ENGLISH_TIMES", "TimexLexicon", "load_lexicon"]


def _words(text: str) -> frozenset[str]:
    """Return the words of a space-separated list."""
    return frozenset(text.split())


def _table(text: str) -> tuple[tuple[str, str], ...]:
    """Read ``"key=value key2=value2"`` pairs (keys may contain ``_`` for a space)."""
    pairs = []
    for item in text.split():
        key, _, value = item.partition("=")
        pairs.append((key.replace("_", " "), value))
    return tuple(pairs)


def _numbers(text: str) -> tuple[tuple[str, int], ...]:
    """Return ``key=number`` pairs of a space-separated table."""
    return tuple((key, int(value)) for key, value in _table(text))


@frozen
class TimexLexicon:
    """English word lists for finding and normalizing time expressions.

    Keys are lowercase. Tables are tuples of pairs so the lexicon stays hashable
    (the compiled lookups are cached per lexicon).
    """

    months: tuple[tuple[str, int], ...]
    # Month names that are also common English words; they need a day, a year or
    # a temporal preposition before them ("in May", not "you may").
    ambiguous_months: frozenset[str]
    weekdays: tuple[tuple[str, int], ...]
    # Weekday abbreviations that are also words ("Sun", "Wed", "Sat"); they count
    # only in front of a date.
    short_weekdays: frozenset[str]
    # Capitalized words that make a weekday part of a name ("Black Friday").
    named_day_prefixes: frozenset[str]
    cardinals: tuple[tuple[str, int], ...]
    tens: tuple[tuple[str, int], ...]
    ordinals: tuple[tuple[str, int], ...]
    # Words for an unknown count: "several years" -> PXY.
    vague_counts: frozenset[str]
    # unit word -> TIMEX3 unit code (S, MIN, H, D, W, WE, M, Y, DE, CE).
    units: tuple[tuple[str, str], ...]
    # "weeklong" -> W.
    long_units: tuple[tuple[str, str], ...]
    # Part of day -> TIMEX3 code.
    parts_of_day: tuple[tuple[str, str], ...]
    seasons: tuple[tuple[str, str], ...]
    # Words that make a season word a time ("this summer", "in the summer").
    season_context: frozenset[str]
    # today=0, yesterday=-1 ...
    deictic_days: tuple[tuple[str, int], ...]
    # Words after "Today" that make it a name ("the Today show").
    deictic_blockers: frozenset[str]
    # this/last/next... -> offset
    relative_words: tuple[tuple[str, int], ...]
    # "the next day", "the previous week": offset from the last date mentioned.
    anaphoric_words: tuple[tuple[str, int], ...]
    present_refs: tuple[str, ...]
    past_refs: tuple[str, ...]
    future_refs: tuple[str, ...]
    # Period adverbs -> SET value.
    set_adverbs: tuple[tuple[str, str], ...]
    # Period adverbs that, capitalized inside a sentence, name a periodical ("Us Weekly").
    periodical_names: frozenset[str]
    # Modifiers before a point in time -> TIMEX3 mod.
    point_mods: tuple[tuple[str, str], ...]
    # Modifiers before a duration -> TIMEX3 mod.
    duration_mods: tuple[tuple[str, str], ...]
    # Time zone abbreviations (matched case-sensitively).
    time_zones: frozenset[str]
    # Prepositions that make a bare four-digit number a year ("in 1998").
    year_prepositions: frozenset[str]
    # Set adverbs that, before a noun, name a kind of thing ("the annual meeting", "a
    # quarterly dividend") more than a recurrence ("a daily rally" stays a set).
    period_adjectives: frozenset[str]
    # Words before a date that make it a time limit ("by Jan. 14", "payable Jan. 2").
    deadline_words: frozenset[str]
    # Words between "the" and "quarter" that name the quarter just reported ("the latest quarter").
    latest_words: frozenset[str]
    # Words before a bare number that make it a count, not a year ("about 2000").
    count_words: frozenset[str]
    # Plural nouns that years may modify ("the 2014 Olympics"); other lowercase
    # plurals after a bare number mark a count ("2000 troops").
    year_nouns: frozenset[str]
    # Count nouns that never follow a year ("the 2000 people").
    count_nouns: frozenset[str]
    # Nouns that make "of 2000" a quantity ("a crowd of 2000"), not a year ("the flood of 1998").
    quantity_nouns: frozenset[str]
    # Words that may precede a lone month name ("in May", "since March").
    month_prepositions: frozenset[str]
    decade_words: tuple[tuple[str, int], ...]
    # Holidays: name -> rule. Rules: "MM-DD" (fixed), "easter+N" / "easter-N",
    # "MM:W:N" (N-th weekday W of month MM; N=-1 for the last), "MM:W:N+D" (D days after).
    holidays: tuple[tuple[str, str], ...]
    # Holidays that are also ordinary words ("Christmas shopping"): they count only
    # after a temporal preposition.
    weak_holidays: frozenset[str]
    # Tense markers. Future: modal and scheduling words; past: auxiliaries and
    # irregular past forms (regular ones are found by their -ed ending).
    future_markers: frozenset[str]
    # Future markers that count only before "to" ("set to", "expected to"); "due to"
    # counts only after a form of "be" ("are due to end", not "due to the storm").
    future_before_to: frozenset[str]
    past_markers: frozenset[str]
    # Words ending in -ed that are not past tense.
    not_past: frozenset[str]
    # Reporting verbs: a tense marker only right next to the time ("said Monday").
    reporting_verbs: frozenset[str]
    # Words ending in -est that are not superlatives ("interest", "protest").
    not_superlatives: frozenset[str]
    # Words that end the clause a tense marker is looked for in.
    clause_breaks: frozenset[str]
    # Words after "N times" that make it a multiplier ("three times as many").
    multiplier_followers: frozenset[str]
    # Abbreviations whose period does not end a sentence.
    abbreviations: frozenset[str]
    # Adjectives between a count and its unit ("three more years").
    count_adjectives: frozenset[str]
    # Words before "a year" that make it a rate ("$5 million a year").
    rate_words: frozenset[str]
    # Words before "10:30" that make a bare clock time a time ("at 10:30").
    clock_prepositions: frozenset[str]
    # Temporal prepositions that make "Christmas" a date ("before Christmas").
    holiday_prepositions: frozenset[str]
    # Nouns after a holiday that make it an adjective ("Christmas shopping").
    holiday_nouns: frozenset[str]
    # Determiners before a year that modifies a noun ("the 2007 ceremony").
    determiners: frozenset[str]
    # Possessives before a decade that make it an age ("in her 40s").
    possessives: frozenset[str]
    # Words joining two times into a range ("2010 to 2012").
    range_connectors: frozenset[str]
    # Words after an amount that count it forward from an earlier date ("two days later").
    later_words: frozenset[str]


def _field_value(name: str, kind: str, raw: Any) -> Any:
    """Return a TOML entry as its field wants it: a word set, a table or phrases."""
    if kind.startswith("frozenset"):
        return _words(raw)
    if kind.startswith("tuple[tuple[str, int]"):
        return _numbers(raw)
    if kind.startswith("tuple[tuple[str, str]"):
        return _table(raw)
    if not isinstance(raw, list):
        msg = f"The lexicon entry {name!r} must be an array of phrases (got {raw!r})."
        raise UsageError(msg)
    return tuple(raw)


def load_lexicon(path: str | Path) -> TimexLexicon:
    """Return the lexicon a TOML file describes, in the format of ``english.toml``.

    Raises:
        UsageError: the file lacks a field of :class:`TimexLexicon`, or has one it
            does not know.
    """
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return _from_dict(data, str(path))


def _from_dict(data: dict[str, Any], where: str) -> TimexLexicon:
    """Build the lexicon from parsed TOML, checking that every field is there once."""
    fields = {f.name: str(f.type) for f in attrs.fields(TimexLexicon)}
    missing = sorted(set(fields) - set(data))
    unknown = sorted(set(data) - set(fields))
    if missing or unknown:
        msg = (
            f"The lexicon {where} does not match TimexLexicon "
            f"(missing: {missing or 'none'}; unknown: {unknown or 'none'}). "
            "Start from reconcile/timex/english.toml."
        )
        raise UsageError(msg)
    return TimexLexicon(**{k: _field_value(k, kind, data[k]) for k, kind in fields.items()})


ENGLISH_TIMES = _from_dict(
    tomllib.loads(files("reconcile.timex").joinpath("english.toml").read_text(encoding="utf-8")),
    "english.toml",
)
