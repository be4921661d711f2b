"""English words for time expressions, as data on one frozen object.

Like dateutil's ``parserinfo``, everything :mod:`reconcile.timex` knows about
English lives here and not in its grammar: month and weekday names, number
words, units, deictic words, modifiers, tense markers. Every list is general
English news usage; none is drawn from a particular article. Pass
``lexicon=attrs.evolve(ENGLISH_TIMES, ...)`` to :func:`reconcile.timex.find_times`
to change it.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["ENGLISH_TIMES", "TimexLexicon"]


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


ENGLISH_TIMES = TimexLexicon(
    months=_numbers(
        """january=1 february=2 march=3 april=4 may=5 june=6 july=7 august=8 september=9
        october=10 november=11 december=12 jan=1 feb=2 febr=2 mar=3 apr=4 jun=6 jul=7 aug=8
        sep=9 sept=9 oct=10 nov=11 dec=12"""
    ),
    ambiguous_months=_words("may march august jan mar jun sep dec"),
    weekdays=_numbers(
        """monday=0 tuesday=1 wednesday=2 thursday=3 friday=4 saturday=5 sunday=6 mon=0 tue=1
        tues=1 wed=2 thu=3 thur=3 thurs=3 fri=4 sat=5 sun=6"""
    ),
    short_weekdays=_words("mon tue tues wed thu thur thurs fri sat sun"),
    named_day_prefixes=_words("black cyber good ash palm easter holy maundy bloody super giving"),
    cardinals=_numbers(
        """zero=0 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10
        eleven=11 twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17
        eighteen=18 nineteen=19 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70
        eighty=80 ninety=90 hundred=100 dozen=12"""
    ),
    tens=_numbers("twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90"),
    ordinals=_numbers(
        """first=1 second=2 third=3 fourth=4 fifth=5 sixth=6 seventh=7 eighth=8 ninth=9
        tenth=10 eleventh=11 twelfth=12 thirteenth=13 fourteenth=14 fifteenth=15
        sixteenth=16 seventeenth=17 eighteenth=18 nineteenth=19 twentieth=20
        twenty-first=21 thirtieth=30"""
    ),
    vague_counts=_words("several few couple many some numerous hundreds thousands dozens"),
    units=_table(
        """second=S seconds=S sec=S secs=S minute=MIN minutes=MIN min=MIN mins=MIN hour=H
        hours=H hr=H hrs=H day=D days=D week=W weeks=W fortnight=FN fortnights=FN
        weekend=WE weekends=WE month=M months=M year=Y years=Y yr=Y yrs=Y decade=DE
        decades=DE century=CE centuries=CE"""
    ),
    long_units=_table(
        """weeklong=W monthlong=M yearlong=Y daylong=D decadelong=DE hourlong=H
        minutelong=MIN"""
    ),
    parts_of_day=_table(
        """morning=MO mornings=MO afternoon=AF afternoons=AF evening=EV evenings=EV night=NI
        nights=NI overnight=NI daytime=DT"""
    ),
    seasons=_table("spring=SP summer=SU autumn=FA fall=FA winter=WI"),
    season_context=_words(
        """this last next past coming in during since until till by before after through
        throughout early late mid the"""
    ),
    deictic_days=_numbers("today=0 tonight=0 tonite=0 yesterday=-1 tomorrow=1"),
    deictic_blockers=_words("show programme program newspaper magazine"),
    relative_words=_numbers("this=0 current=0 last=-1 past=-1 previous=-1 next=1 coming=1"),
    anaphoric_words=_numbers("next=1 following=1 previous=-1 preceding=-1 prior=-1 same=0"),
    present_refs=(
        "now",
        "currently",
        "presently",
        "nowadays",
        "at present",
        "at the moment",
        "these days",
        "at this time",
    ),
    past_refs=(
        "recently",
        "lately",
        "in the past",
        "in recent years",
        "in recent months",
        "in recent weeks",
        "in recent days",
        "in recent decades",
        "in recent times",
        "years ago",
        "long ago",
        "months ago",
        "decades ago",
        "a while ago",
        "some time ago",
    ),
    future_refs=(
        "in the future",
        "in the near future",
        "the future",
        "the near future",
        "in the coming days",
        "in the coming weeks",
        "in the coming months",
        "in the coming years",
        "in the years ahead",
        "in the years to come",
        "in the months ahead",
        "in the weeks ahead",
        "in the days ahead",
    ),
    set_adverbs=_table(
        """daily=P1D weekly=P1W monthly=P1M yearly=P1Y annually=P1Y annual=P1Y hourly=PT1H
        nightly=P1D quarterly=P3M fortnightly=P2W biweekly=P2W biennial=P2Y biennially=P2Y
        semiannual=P6M semi-annual=P6M"""
    ),
    periodical_names=_words("daily weekly monthly quarterly yearly nightly"),
    point_mods=_table(
        """early=START earlier=START late=END later=END mid=MID the_end_of=END the_close_of=END
        the_beginning_of=START the_start_of=START the_middle_of=MID the_dawn_of=START
        around=APPROX about=APPROX approximately=APPROX roughly=APPROX circa=APPROX
        some_time_around=APPROX just_after=AFTER shortly_after=AFTER soon_after=AFTER
        right_after=AFTER just_before=BEFORE shortly_before=BEFORE right_before=BEFORE
        no_later_than=ON_OR_BEFORE no_earlier_than=ON_OR_AFTER"""
    ),
    duration_mods=_table(
        """about=APPROX around=APPROX approximately=APPROX roughly=APPROX some=APPROX
        circa=APPROX nearly=LESS_THAN almost=LESS_THAN less_than=LESS_THAN under=LESS_THAN
        just_under=LESS_THAN fewer_than=LESS_THAN more_than=MORE_THAN over=MORE_THAN
        just_over=MORE_THAN a_little_over=MORE_THAN a_little_more_than=MORE_THAN
        slightly_more_than=MORE_THAN longer_than=MORE_THAN upwards_of=MORE_THAN
        in_excess_of=MORE_THAN at_least=EQUAL_OR_MORE no_less_than=EQUAL_OR_MORE
        at_most=EQUAL_OR_LESS up_to=EQUAL_OR_LESS no_more_than=EQUAL_OR_LESS
        no_longer_than=EQUAL_OR_LESS"""
    ),
    time_zones=_words(
        """EDT EST CDT CST MDT MST PDT PST AKST AKDT HST ET CT MT PT GMT UTC BST CET CEST EET
        EEST WET WEST IST JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT MSK PKT WIB"""
    ),
    year_prepositions=_words(
        """in since by until till from during before after through throughout between to
        circa of and or year early late mid fiscal"""
    ),
    deadline_words=_words("by until till through to effective payable record due expire"),
    latest_words=_words("latest recent most just ended completed"),
    count_words=_words(
        """about around approximately roughly some nearly almost over under than least most
        only just total additional another extra more fewer $ £ € # no number"""
    ),
    year_nouns=_words(
        """elections olympics games championships finals playoffs awards oscars emmys
        grammys protests riots attacks floods talks midterms polls primaries hearings
        trials riots winter summer spring autumn fall season elections"""
    ),
    count_nouns=_words(
        """people persons men women children kids troops soldiers residents cases deaths
        dead jobs workers employees students votes units homes houses cars vehicles dollars
        euros pounds yen miles kilometres kilometers km meters metres feet acres tons
        tonnes barrels points calories words pages copies shares members fans spectators
        participants patients victims refugees migrants prisoners inmates officers police
        police officers protesters demonstrators signatures hectares square plus times
        percent per"""
    ),
    quantity_nouns=_words(
        """total population crowd average sum maximum minimum number score estimate capacity
        tally count audience attendance turnout height altitude depth length weight price cost
        value rate record budget salary fine payment bill loss profit revenue deficit debt
        balance amount figure majority margin lead distance range speed"""
    ),
    month_prepositions=_words(
        """in since until till by during early late mid last next this from between through
        throughout before after of and or to each every"""
    ),
    decade_words=_numbers(
        """twenties=2 thirties=3 forties=4 fifties=5 sixties=6 seventies=7 eighties=8
        nineties=9"""
    ),
    holidays=_table(
        """christmas_day=12-25 christmas_eve=12-24 christmas=12-25 new_year's_day=01-01
        new_year's_eve=12-31 new_year=01-01 new_year's=01-01 halloween=10-31
        valentine's_day=02-14 boxing_day=12-26 thanksgiving=11:3:4 thanksgiving_day=11:3:4
        easter=easter+0 easter_sunday=easter+0 easter_monday=easter+1 good_friday=easter-2
        palm_sunday=easter-7 ash_wednesday=easter-46 memorial_day=05:0:-1 labor_day=09:0:1
        labour_day=05-01 independence_day=07-04 black_friday=11:3:4+1"""
    ),
    weak_holidays=_words("christmas easter thanksgiving halloween"),
    future_markers=_words("will shall won't upcoming scheduled slated forthcoming"),
    future_before_to=_words(
        """set expected poised going is are am aims aim hopes hope plans plan planning
        intends intend wants want"""
    ),
    past_markers=_words(
        """was were had did ago last earlier previously made went took gave came saw got held met
        told left found thought brought began kept knew felt became ran sent spent stood paid
        built won lost led fell rose drew grew flew threw wrote spoke broke chose drove fought
        caught taught sold bought struck hurt shot slept swept sank sought withdrew undertook
        overtook forgave forbade understood dealt meant bent sat lay laid hung sang rang stuck
        dug shook woke died killed hit cut put shut quit beat spread cost burst cast struck
        fled bled slid spun swung hid froze stole chose rode"""
    ),
    not_past=_words(
        """need needed seed speed bed red shed feed bleed breed proceed exceed succeed indeed
        hundred embed sacred naked wicked ragged rugged jagged beloved learned aged blessed
        crooked wretched scheduled expected planned slated set due alleged supposed so-called
        based related concerned interested limited united detailed advanced qualified
        experienced talented skilled armed masked hooded"""
    ),
    reporting_verbs=_words(
        """said says told tells announced announces reported reports confirmed confirms added
        adds stated states noted notes declared declares tweeted posted wrote revealed"""
    ),
    not_superlatives=_words(
        """interest interests honest modest protest protests request requests suggest
        arrest arrests harvest forest forests contest contests invest digest quest
        conquest inquest unrest southwest northwest midwest manifest earnest"""
    ),
    clause_breaks=_words(
        """that which who whom whose where while but because although though if unless
        whether when"""
    ),
    multiplier_followers=_words(
        """as more less larger bigger higher greater faster slower smaller longer the that
        over lower stronger weaker cheaper"""
    ),
    abbreviations=_words(
        """mr mrs ms dr prof st sen rep gov gen col lt sgt capt jr sr inc corp co ltd no vs
        jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
        sat sun a p m u s"""
    ),
    count_adjectives=_words(
        "more straight consecutive full whole additional extra successive long further"
    ),
    rate_words=_words("million billion thousand trillion mm bn m k percent"),
    clock_prepositions=_words(
        "at around about by until till before after from since to @ approximately"
    ),
    holiday_prepositions=_words(
        "on at before after until till by since over for during around through of and"
    ),
    holiday_nouns=_words(
        "season seasons holidays holiday shopping shoppers tree trees party parties card cards"
    ),
    determiners=_words("the a an its his her their our this that"),
    possessives=_words("her his their its my your our"),
    range_connectors=_words("to through thru until till and"),
    later_words=_words("later afterwards afterward hence"),
)
