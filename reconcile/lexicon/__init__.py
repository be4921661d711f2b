"""The language object: every word list the stages read, as data a user can swap.

Like dateutil's ``parserinfo``, the English knowledge of reconcile lives in data,
not in code: reporting verbs, hedges, markers of plans and of page furniture, and
every word the time grammar knows (months, units, deictic words, modifiers). The
lists are the package files beside this module, ``english.toml`` (parsing, checks)
and ``english-times.toml`` (time expressions), loaded once into :data:`ENGLISH`.
Every list is general English news usage; none is drawn from a particular
article. Pass ``lexicon=`` to any stage to change them: a :class:`Lexicon`
loaded from other files with :func:`load_lexicon`, or :func:`attrs.evolve` of
:data:`ENGLISH`.

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


@frozen(kw_only=True, cache_hash=True)
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
    # The modal verbs (reconcile.morphology): "would" and "could" are their past forms, and
    # say how sure a thing is, not that it happened.
    modal_verbs: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words before a past form that make it a noun, not the claim's verb ("the set", "a cut").
    noun_determiners: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words news writing uses for one action or one thing, a group per phrase ("close shut"):
    # the checks read a value next to one word and a value next to its synonym as one slot.
    synonyms: tuple[str, ...] = field(factory=tuple, converter=_to_tuple, hash=False)
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
    # Clause words (reconcile.parse.features.modality): forms of "be" and "have"; a
    # participle after one is a verb of the claim ("was taking", "has signed").
    be_have_forms: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words after which a bare word is a verb in its base form ("will hold", "to arrive",
    # "didn't say").
    base_form_openers: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Conjunctions that start a new clause before a finite verb ("and played for 11 seasons")
    # and those that start a subordinate one ("as relatives wept") (reconcile.parse.features).
    coordinators: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    subordinators: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Lowercase words inside a name ("Luiz Inacio Lula da Silva", "Ludwig van Beethoven").
    name_connectors: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words that join a title before a name ("Prime Minister", "Vice President").
    title_modifiers: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Page furniture (reconcile.parse.furniture): words a heading does not end on (a line
    # ending on one is a wrapped clause), and those title case leaves in lower case.
    heading_continuations: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    title_small_words: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Words between the names of a byline ("By Ann Lee and Tom Wu in Paris").
    byline_connectors: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Words after a caption marker that make the line a credit ("Photo by ...").
    caption_followers: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Words besides month, weekday, zone and unit names in a page's timestamp
    # ("Updated 5 hours ago", "Today at 3 p.m.").
    timestamp_words: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Verbs by which news cites another outlet ("the Journal reported", "Variety wrote").
    channel_verbs: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Words between a number and the name it qualifies ("the 36-year-old Rahman").
    age_phrase_words: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # The weekdays' full names, the words that date a day in a claim ("Sunday, Dec. 11").
    full_weekday_names: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Hedges that round a number rather than doubt a claim ("about 40", "nearly 300"):
    # they do not make a claim hedged (reconcile.parse.features.modality).
    approximators: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Negations that deny a thing, not the verb ("no injuries", "without warning").
    nominal_negations: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Present forms of "be": a participle after one is a state ("is based", "am convinced").
    present_be_forms: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Roles that any titled person may be called by ("the Brazilian leader").
    generic_roles: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # Rank words that rank only after a determiner ("the only survivor", "his last visit",
    # "a record high"), and the determiners they rank after (reconcile.parse.features.ordinals).
    determined_ranks: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    rank_determiners: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    # "most" and "least", which make a superlative of the word after them ("the most
    # powerful"), and the determiners they do so after ("its most"); the determiners
    # before a word ending in "-est" that make it a superlative ("our greatest").
    superlative_adverbs: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    most_determiners: frozenset[str] = field(factory=frozenset, converter=_to_frozenset, hash=False)
    superlative_determiners: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Words before a past form that make it no deed done (reconcile.checks.status):
    # "to be fired", "will be closed", "would be sold".
    unreal_past_openers: frozenset[str] = field(
        factory=frozenset, converter=_to_frozenset, hash=False
    )
    # Time expressions (reconcile.timex): english-times.toml. Tables are tuples of pairs,
    # so the lexicon stays hashable (the grammar caches its compiled lookups per lexicon).
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
    # Determiners that point back to the last date mentioned ("later that year").
    anaphoric_determiners: frozenset[str]
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
    # Prepositions that make a bare four-digit number a year ("in 1998").
    year_prepositions: frozenset[str]
    # Set adverbs that, before a noun, name a kind of thing ("the annual meeting", "a
    # quarterly dividend") more than a recurrence ("a daily rally" stays a set).
    period_adjectives: frozenset[str]
    # Words before a date that make it a time limit ("by Jan. 14", "payable Jan. 2").
    deadline_words: frozenset[str]
    # Time limits that look forward from the publication date, whatever the tense
    # ("postponed until Tuesday": the coming Tuesday).
    forward_limits: frozenset[str]
    # The past perfect's auxiliary, which makes such a limit one already past ("until
    # Thursday they had not named him").
    pluperfect_words: frozenset[str]
    # Prefixes joined to a year by a hyphen that keep it a year ("mid-1996", "post-1959").
    year_prefixes: frozenset[str]
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
    # Words that end the clause a tense marker is looked for in.
    clause_breaks: frozenset[str]
    # Words after "N times" that make it a multiplier ("three times as many").
    multiplier_followers: frozenset[str]
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
    # Function words after which a phrase may end ("March 3 and 4 in Geneva").
    function_words: frozenset[str]
    # Forms of "be" before "due to" that make it a future marker ("are due to end").
    be_forms: frozenset[str]
    # Auxiliaries before a participle that leave the tense to another word ("will be closed").
    passive_auxiliaries: frozenset[str]
    # Seasons of a sport or trade, with no fixed place in the calendar ("last season").
    sport_seasons: frozenset[str]
    # Words for a number of occurrences -> the count: "twice a year" -> 2.
    frequency_words: tuple[tuple[str, int], ...]
    # Words that start a set before a unit ("every week", "per hour").
    set_quantifiers: frozenset[str]
    # Words between a frequency and a unit that make it a rate ("twice a week").
    rate_openers: frozenset[str]
    # Words for a fixed time of day -> its hour: "midnight" -> 24.
    noon_words: tuple[tuple[str, int], ...]
    # Plural round numbers that make a vague amount ("hundreds of years").
    plural_numbers: frozenset[str]
    # Words for an unknown amount before a unit ("several days", "a few weeks").
    vague_amounts: frozenset[str]
    # Words before a count that make it an ordinal ("the most times", "for the first time").
    ordinal_cues: frozenset[str]
    # Words before "in the week" that place a time inside a unit ("earlier in the week").
    in_the_unit_words: frozenset[str]
    # Modifiers before a decade ("the mid-90s", "the early '60s").
    decade_mods: frozenset[str]
    # Words after an ordinal that make it a century ("the 19th century").
    century_words: frozenset[str]
    # Words after "year-" that count a year back ("the year-ago quarter").
    year_back_words: frozenset[str]
    # Deictic words for the coming night ("tonight" -> today, part of day NI).
    tonight_words: frozenset[str]
    # Words after "the" that, before a count and unit, make a span ("the past three years").
    span_openers: frozenset[str]
    # Units before "before"/"after" that shift from the last date ("the year before") -> unit code.
    shift_units: tuple[tuple[str, str], ...]
    # Words after "the year" that make it a fiscal period ("the year ended March 31").
    period_end_words: frozenset[str]
    # Unit abbreviations that count only after digits and in lower case ("203 HR" is home runs).
    short_units: frozenset[str]
    # Parts of day after "4 in the" -> hours to add to the clock ("8 in the evening" -> 20:00).
    clock_parts_of_day: tuple[tuple[str, int], ...]
    # Words for a quarter of a year after "every" ("every quarter" -> P3M).
    quarter_words: frozenset[str]
    # Words after "N-year-" that make an age, not a duration ("the 32-year-old").
    age_words: frozenset[str]
    # The small words the rules match between the others ("the", "of", "and", "a.m.",
    # "every", "ago"), one field per part a word plays in the grammar; english-times.toml
    # says what each does, with an example.
    definite_articles: frozenset[str]
    articles: frozenset[str]
    partitives: frozenset[str]
    additions: frozenset[str]
    half_words: frozenset[str]
    hundred_words: frozenset[str]
    thousand_words: frozenset[str]
    non_counts: frozenset[str]
    couple_words: frozenset[str]
    few_words: frozenset[str]
    dozen_words: frozenset[str]
    more_words: frozenset[str]
    phrase_openers: frozenset[str]
    within_words: frozenset[str]
    at_words: frozenset[str]
    on_words: frozenset[str]
    for_words: frozenset[str]
    range_openers: frozenset[str]
    pair_openers: frozenset[str]
    day_range_connectors: frozenset[str]
    amount_range_connectors: frozenset[str]
    ordinal_articles: frozenset[str]
    list_connectors: frozenset[str]
    serial_connectors: frozenset[str]
    shift_directions: tuple[tuple[str, int], ...]
    today_words: frozenset[str]
    copulas: frozenset[str]
    relative_mods: tuple[tuple[str, str], ...]
    hyphen_mods: frozenset[str]
    span_prepositions: frozenset[str]
    open_parts_of_day: frozenset[str]
    ago_words: frozenset[str]
    from_words: frozenset[str]
    now_words: frozenset[str]
    hence_words: frozenset[str]
    age_nouns: frozenset[str]
    aged_words: frozenset[str]
    long_words: frozenset[str]
    every_words: frozenset[str]
    other_words: frozenset[str]
    per_words: frozenset[str]
    time_words: frozenset[str]
    times_words: frozenset[str]
    comparison_openers: frozenset[str]
    year_qualifiers: frozenset[str]
    full_words: frozenset[str]
    fiscal_words: frozenset[str]
    the_units: tuple[tuple[str, str], ...]
    year_words: frozenset[str]
    day_words: frozenset[str]
    weekend_words: frozenset[str]
    period_words: frozenset[str]
    quarter_abbreviations: frozenset[str]
    year_relatives: frozenset[str]
    season_relatives: frozenset[str]
    verb_seasons: frozenset[str]
    span_back_words: frozenset[str]
    past_words: frozenset[str]
    next_words: frozenset[str]
    coming_words: frozenset[str]
    this_words: frozenset[str]
    last_words: frozenset[str]
    ordinal_suffixes: frozenset[str]
    non_noun_endings: tuple[str, ...]
    short_full_months: frozenset[str]
    meridiems: tuple[tuple[str, int], ...]
    meridiem_letters: tuple[tuple[str, int], ...]
    meridiem_ends: frozenset[str]
    oclock: tuple[tuple[str, str], ...]
    zone_families: frozenset[str]
    local_words: frozenset[str]
    zone_time_words: frozenset[str]
    iso_time_letters: frozenset[str]
    will_contractions: frozenset[str]
    due_words: frozenset[str]
    to_words: frozenset[str]
    be_words: frozenset[str]
    past_auxiliaries: frozenset[str]


def load_lexicon(*paths: str | Path) -> Lexicon:
    """Return the :class:`Lexicon` that TOML files give, one key per field over all of them.

    Each key is written in the form its field takes (see ``english.toml``): a word
    set as words separated by spaces, a table as ``key=value`` pairs, a phrase list
    as an array.

    Raises:
        UsageError: a field is missing, given twice, unknown, or not in its form.

    Examples:
        >>> from importlib import resources
        >>> files = resources.files("reconcile.lexicon")
        >>> with (
        ...     resources.as_file(files.joinpath("english.toml")) as words,
        ...     resources.as_file(files.joinpath("english-times.toml")) as times,
        ... ):
        ...     load_lexicon(words, times) == ENGLISH
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
            "Start from copies of reconcile/lexicon/english.toml and english-times.toml."
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
        if kind.startswith("tuple[tuple[str, "):
            return _table(name, raw, numbers=kind.startswith("tuple[tuple[str, int]"))
        return frozenset(raw.split())
    else:
        wanted = "a string of words separated by spaces"
    msg = f"The lexicon entry {name!r} must be {wanted} (got {raw!r:.60})."
    raise UsageError(msg)


def _table(name: str, raw: str, *, numbers: bool) -> tuple[tuple[str, Any], ...]:
    """Read ``key=value`` pairs; ``_`` in a key stands for a space ("the_end_of=END")."""
    pairs: list[tuple[str, Any]] = []
    for item in raw.split():
        key, equals, value = item.partition("=")
        if not equals:
            msg = f"The lexicon entry {name!r} must be key=value pairs (got {item!r})."
            raise UsageError(msg)
        pairs.append((key.replace("_", " "), int(value) if numbers else value))
    return tuple(pairs)


def _load_english() -> Lexicon:
    files = resources.files(__package__)
    with (
        resources.as_file(files.joinpath("english.toml")) as words,
        resources.as_file(files.joinpath("english-times.toml")) as times,
    ):
        return load_lexicon(words, times)


#: The English lists, from the package files ``english.toml`` and ``english-times.toml``.
ENGLISH = _load_english()
