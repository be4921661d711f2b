"""The language object: every word list the stages read, as data a user can swap.

Like dateutil's ``parserinfo``, the English knowledge of reconcile lives in data,
not in code: reporting verbs, hedges, markers of plans and of page furniture. The
lists are the package file ``english.toml`` beside this module, loaded once into
:data:`ENGLISH`. Every list is general English news usage; none is drawn from a
particular article. Pass ``lexicon=`` to any stage to change them: a
:class:`Lexicon` loaded from another file with :func:`load_lexicon`, or
:func:`attrs.evolve` of :data:`ENGLISH`.

Examples:
    >>> import attrs
    >>> lex = attrs.evolve(ENGLISH, hedges=ENGLISH.hedges | {"purportedly"})
    >>> "purportedly" in lex.hedges
    True
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from reconcile.errors import UsageError

__all__ = ["ENGLISH", "Lexicon", "load_lexicon"]


def _to_frozenset(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


def _to_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@frozen
class Lexicon:
    """English word lists for parsing news; every field is swappable data."""

    stopwords: frozenset[str] = field(converter=_to_frozenset)
    reporting_verbs: frozenset[str] = field(converter=_to_frozenset)
    according_to: tuple[str, ...] = field(converter=_to_tuple)
    hedges: frozenset[str] = field(converter=_to_frozenset)
    plan_markers: tuple[str, ...] = field(converter=_to_tuple)
    expectation_markers: tuple[str, ...] = field(converter=_to_tuple)
    negations: frozenset[str] = field(converter=_to_frozenset)
    ordinal_words: frozenset[str] = field(converter=_to_frozenset)
    superlative_words: frozenset[str] = field(converter=_to_frozenset)
    not_superlatives: frozenset[str] = field(converter=_to_frozenset)
    scope_words: frozenset[str] = field(converter=_to_frozenset)
    irregular_past: frozenset[str] = field(converter=_to_frozenset)
    titles: frozenset[str] = field(converter=_to_frozenset)
    byline_markers: frozenset[str] = field(converter=_to_frozenset)
    caption_markers: tuple[str, ...] = field(converter=_to_tuple)
    boilerplate_markers: tuple[str, ...] = field(converter=_to_tuple)
    metadata_keys: tuple[str, ...] = field(converter=_to_tuple)
    abbreviations: frozenset[str] = field(converter=_to_frozenset)
    # Page layout (reconcile.parse.layout): dates in page headers, bylines, link lists.
    month_names: frozenset[str] = field(converter=_to_frozenset)
    weekday_names: frozenset[str] = field(converter=_to_frozenset)
    time_zones: frozenset[str] = field(converter=_to_frozenset)
    time_units: frozenset[str] = field(converter=_to_frozenset)
    metadata_qualifiers: frozenset[str] = field(converter=_to_frozenset)
    byline_prefixes: tuple[str, ...] = field(converter=_to_tuple)
    news_agencies: tuple[str, ...] = field(converter=_to_tuple)
    name_particles: frozenset[str] = field(converter=_to_frozenset)
    boilerplate_openers: tuple[str, ...] = field(converter=_to_tuple)
    boilerplate_phrases: tuple[str, ...] = field(converter=_to_tuple)
    link_list_markers: tuple[str, ...] = field(converter=_to_tuple)
    irregular_lemmas: dict[str, str] = field(factory=dict, hash=False)
    # Reconciliation (reconcile.checks).
    # Words and phrases just before an ordinal or superlative that hedge it
    # ("one of the largest", "probably the first").
    rank_hedges: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
    # Speakers that name no one in particular ("police said", "officials said"); plural
    # common nouns ("analysts", "residents") count as such without being listed.
    generic_speakers: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Negations that say something has not happened *yet* ("has not voted", "yet to
    # decide"): a later report that it happened does not contradict them.
    pending_negations: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
    # Prepositions before a place that may hold a smaller place ("in France", "across the
    # region"): a place named after them is not contradicted by a place inside it.
    containment_prepositions: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Prepositions that give a name its part in a fact ("crashed near X", "bought by X",
    # "met with X"): two different names after the same one fill the same role.
    role_prepositions: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Words before a date that make it a bound, not the date of the event ("since 2019",
    # "until Friday", "before March"); bounds are compared only with bounds of one kind.
    time_bounds: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Nouns that an ordinal places in a sequence rather than ranks ("the seventh round",
    # "the first day", "the second half"): no claim of primacy to frame.
    sequence_nouns: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Role prepositions that place a thing ("near X", "at X"): a role on their own; the
    # others ("by", "to", "with") mark a role only within one action.
    place_prepositions: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Words that follow a reporting verb without being its speaker ("said yesterday").
    speech_adverbs: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Verbs that say little on their own ("made an offer", "took part"): a name as their
    # subject is not in a role another name could contradict.
    light_verbs: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Endings of nationality words ("the Russian", "the Brazilian"): a person referred to
    # by a nationality is not a name to compare with another.
    demonym_endings: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
    # Clause splitting (reconcile.parse): finite verbs that show a clause has its own.
    finite_auxiliaries: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Participles that are no past event in news (reconcile.morphology): they say how sure
    # an action is ("expected", "planned") or read as adjectives ("based in", "armed men").
    not_past: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # What opens an editor's note about the article itself, not its story ("Correction: An
    # earlier version of this article misstated ...", "This story has been updated.").
    editorial_notes: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
    # Words that put a plan or a deed on another occurrence of the same thing ("will be
    # required again", "previously, agencies were required").
    recurrence_markers: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
    # Scales whose reading follows them: "magnitude 6.8", "Category 4", "level 3".
    measure_prefixes: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words that deny without "not": a claim holding one does not plainly affirm ("one of
    # 12 states without the death penalty", "failed to meet", "refused to recuse himself").
    implicit_negatives: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
    # Nouns that count people in general (not a group within them): outlets count the
    # same crowd as "40 people" or "45 residents", so their numbers are compared.
    person_nouns: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words that end a company's legal name without naming it ("Northwind Corp", "Acme Ltd"),
    # lowercased and without their full stop.
    company_designators: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )


def load_lexicon(*paths: str | Path) -> Lexicon:
    """Return the :class:`Lexicon` that TOML files give, one key per field over all of them.

    Each key is written in the form its field takes (see ``english.toml``): a word
    set as words separated by spaces, a table as ``key=value`` pairs, a phrase list
    as an array.

    Raises:
        UsageError: a field is missing, given twice, unknown, or not in its form.

    Examples:
        >>> from importlib import resources
        >>> english = resources.files("reconcile.lexicon").joinpath("english.toml")
        >>> with resources.as_file(english) as path:
        ...     load_lexicon(path) == ENGLISH
        True
    """
    entries: dict[str, tuple[str, Any]] = {}
    for path in paths:
        for name, raw in tomllib.loads(Path(path).read_text(encoding="utf-8")).items():
            if name in entries:
                msg = f"The lexicon entry {name!r} is in both {entries[name][0]} and {path}."
                raise UsageError(msg)
            entries[name] = (str(path), raw)
    return _from_entries(entries, ", ".join(str(p) for p in paths))


def _from_entries(entries: dict[str, tuple[str, Any]], where: str) -> Lexicon:
    """Build the lexicon from parsed TOML entries, checking that every field is there once."""
    kinds = {f.name: str(f.type) for f in attrs.fields(Lexicon)}
    missing = sorted(set(kinds) - set(entries))
    unknown = sorted(set(entries) - set(kinds))
    if missing or unknown:
        msg = (
            f"The lexicon {where} does not match reconcile.lexicon.Lexicon "
            f"(missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'}). "
            "Start from a copy of reconcile/lexicon/english.toml."
        )
        raise UsageError(msg)
    return Lexicon(**{name: _value(name, kinds[name], raw) for name, (_, raw) in entries.items()})


def _value(name: str, kind: str, raw: object) -> Any:
    """Return a TOML entry as its field wants it: a word set, a table or a phrase list."""
    if kind.startswith("tuple[str"):
        if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            return tuple(raw)
        wanted = "an array of phrases"
    elif isinstance(raw, str):
        if kind.startswith("dict"):
            return dict(item.split("=", 1) for item in raw.split())
        return frozenset(raw.split())
    else:
        wanted = "a string of words separated by spaces"
    msg = f"The lexicon entry {name!r} must be {wanted} (got {raw!r:.60})."
    raise UsageError(msg)


def _load_english() -> Lexicon:
    english = resources.files(__package__).joinpath("english.toml")
    with resources.as_file(english) as path:
        return load_lexicon(path)


#: The English lists, from the package file ``english.toml``.
ENGLISH = _load_english()
