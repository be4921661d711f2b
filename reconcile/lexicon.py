"""Word lists the parser reads, as data on one object a user can swap.

Like dateutil's ``parserinfo``, the English knowledge of reconcile lives here and
not in code: reporting verbs, hedges, markers of plans and of page furniture.
Every list is general English news usage; none is drawn from a particular
article. Pass ``lexicon=Lexicon(...)`` (or :func:`attrs.evolve` of
:data:`ENGLISH`) to any stage to change it.

Examples:
    >>> import attrs
    >>> lex = attrs.evolve(ENGLISH, hedges=ENGLISH.hedges | {"purportedly"})
    >>> "purportedly" in lex.hedges
    True
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

__all__ = ["ENGLISH", "Lexicon"]


def _to_frozenset(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


def _to_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    """Read ``form:lemma`` pairs separated by white space."""
    return dict(item.split(":", 1) for item in text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """Split a ``|``-separated list; longest first so regex alternations prefer them."""
    items = {p.strip() for p in text.split("|") if p.strip()}
    return tuple(sorted(items, key=lambda p: (-len(p), p)))


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
    # Page layout (reconcile._layout): dates in page headers, bylines, link lists.
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


_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

ENGLISH = Lexicon(
    # A common English stopword list (function words only; no content words).
    stopwords=_words(
        """a about above after again against all also am an and any are aren't as at be because
        been before being below between both but by can can't cannot could couldn't did didn't do
        does doesn't doing don't down during each either else ever every few for from further had
        hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
        himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's
        me more most much must mustn't my myself neither no nor not now of off on once only or other
        ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
        some such than that that's the their theirs them themselves then there there's these they
        they'd they'll they're they've this those though through thus to too under until up upon us
        very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
        whether which while who who's whom whose why why's will with within without won't would
        wouldn't yet you you'd you'll you're you've your yours yourself yourselves
        said says say told according also another many may might one shall since still whose
        being been mr mrs ms dr"""
    ),
    reporting_verbs=_words(
        """said says say saying told tells tell added adds noted notes stated states announced
        announces reported reports claimed claims explained explains emphasized emphasizes
        emphasised emphasises stressed stresses remarked remarks confirmed confirms declared
        declares insisted insists argued argues warned warns wrote writes alleged alleges
        acknowledged acknowledges admitted admits asserted asserts maintained maintains
        underlined underlines highlighted highlights reiterated reiterates recalled recalls
        reminded reminds observed observes suggested suggests denied denies estimated estimates
        predicted predicts described describes tweeted tweets posted"""
    ),
    according_to=_phrases("according to|as reported by|as quoted by|citing|quoting|cited by|per"),
    hedges=_words(
        """may might could reportedly allegedly possibly probably likely unlikely apparently
        seemingly perhaps presumably purportedly supposedly believed suspected rumored rumoured
        unconfirmed appears appear appeared seems seem seemed maybe approximately roughly nearly
        almost around about estimated"""
    ),
    plan_markers=_phrases(
        """will|shall|won't|is to|are to|was to|were to|to be|is scheduled to|are scheduled to|
        scheduled|is set to|are set to|set to|plans to|plan to|planned|planning to|intends to|
        intend to|is due to|are due to|due to be|going to|is slated to|slated|upcoming|forthcoming|
        would|aims to|aim to|is poised to|prepares to|preparing to|ahead of"""
    ),
    expectation_markers=_phrases(
        """expect|expects|expected|expecting|anticipated|anticipates|likely to|hope to|hopes to|
        hoped|forecast|projected|predicted"""
    ),
    negations=_words(
        """not n't never no neither nor none nobody nothing cannot without dont doesnt didnt
        cant wont isnt arent wasnt werent hasnt havent hadnt couldnt wouldnt shouldnt"""
    ),
    ordinal_words=_words(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        last only sole final maiden inaugural"""
    ),
    superlative_words=_words(
        """best worst most least largest biggest greatest highest lowest longest shortest oldest
        youngest newest latest earliest deadliest fastest slowest strongest weakest richest
        poorest top record"""
    ),
    # Common English words that end in -est but are not superlatives.
    not_superlatives=_words(
        """interest interests honest modest protest protests request requests suggest suggests
        arrest arrests harvest west rest test tests nest guest guests manifest earnest contest
        contests invest invests digest chest quest pest vest crest behest forest forests
        conquest inquest unrest southwest northwest midwest everest bequest attest attests
        detest infest molest divest ingest congest incest pretest retest zest"""
    ),
    scope_words=_words(
        """as by in among amongst of since for to at on ever from within across outside
        under over during"""
    ),
    irregular_past=_words(
        """was were had did made went took gave came saw got held met said told left found
        thought brought began kept knew felt became put ran sent spent stood paid built won lost
        led fell rose drew grew flew threw wrote spoke broke chose drove fought caught taught
        sold bought struck hit hurt shut set cut let beat bore swore tore wore bound ground wound
        sought understood withdrew undertook overtook forgave forbade sank shot slept swept wept
        meant dealt lent bent sat lay laid hung sang rang stuck dug shook woke fled fed wed
        bled bred sped hid stole swam blew ate forgot froze heard knelt rode slid spun sprang
        stung swung arose"""
    ),
    titles=_words(
        """president vice-president premier minister chancellor king queen prince princess
        emperor sultan emir sheikh pope cardinal bishop archbishop senator sen. congressman
        congresswoman representative rep. governor gov. mayor secretary chairman chairwoman
        chair ceo director commissioner ambassador general gen. colonel col. captain capt.
        lieutenant lt. sergeant sgt. officer judge justice attorney prosecutor detective
        inspector chief spokesman spokeswoman spokesperson leader head mr. mrs. ms. dr. prof.
        professor sir lord lady dame coach manager actor actress singer rapper star"""
    ),
    byline_markers=_words(
        """desk staff reporter reporters correspondent correspondents editor editors writer
        writers bureau agency agencies contributor contributors newsroom wire wires"""
    ),
    caption_markers=_phrases(
        """photo|photos|photograph|photo credit|image|images|image credit|picture|pictures|credit|
        credits|caption|file photo|video|illustration|graphic|courtesy|source"""
    ),
    boilerplate_markers=_phrases(
        """read more|read also|also read|see also|related|related articles|related stories|
        share|share this|share this article|tweet|email|print|subscribe|sign up|click here|
        follow us|advertisement|sponsored|comments|leave a comment|copyright|all rights reserved|
        more on this story|watch|listen|trending|most read|recommended|top stories|
        you may also like|for immediate release|media contact|media contacts|press contact|
        media inquiries|media enquiries|investor contact|contact"""
    ),
    metadata_keys=_phrases(
        """date|dated|published|published on|first published|last published|updated|
        last updated|updated on|posted|posted on|modified|last modified|created|time|
        publication date|release date"""
    ),
    abbreviations=_words(
        """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon
        jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
        sun inc ltd co corp bros dept est approx vs etc no nos vol fig al ave blvd rd
        calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore
        pa tenn tex va vt wash wis wyo ariz ark del
        maj brig cpl pvt supt det insp atty msgr fr messrs sens reps govs gens ch pp para"""
    ),
    # Page layout (reconcile._layout). Month and weekday names with their usual
    # abbreviations, as page headers write them ("Fri., May. 3, 2013").
    month_names=_words(
        """january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec"""
    ),
    weekday_names=_WEEKDAYS | _words("mon tue tues wed weds thu thur thurs fri sat sun"),
    # Time zone abbreviations common in English-language news page headers.
    time_zones=_words(
        """et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst gmt utc bst ist pkt cet
        cest eet eest wet west msk aest aedt acst acdt awst nzst nzdt jst kst sgt hkt wib ict
        gst ast adt sast wat eat uk z"""
    ),
    # Units of "13 minutes ago" style relative timestamps.
    time_units=_words(
        """second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks
        wk wks month months mo mos year years yr yrs"""
    ),
    # Words that may precede a metadata key: "Originally published", "Article posted on".
    metadata_qualifiers=_words("originally first last article story page post news report"),
    byline_prefixes=_phrases(
        """by|written by|reported by|reporting by|additional reporting by|editing by|edited by|
        compiled by|story by|text by|words by|posted by|filed by|from"""
    ),
    # International and national wire services that sign stories.
    news_agencies=_phrases(
        """reuters|ap|afp|associated press|agence france-presse|agence france presse|bloomberg|
        upi|united press international|xinhua|tass|itar-tass|interfax|ria novosti|sputnik|dpa|
        efe|ansa|kyodo|kyodo news|yonhap|pti|press trust of india|ians|ani|app|
        associated press of pakistan|anadolu|anadolu agency|aa|bernama|antara|kuna|wam|spa|irna|
        kazinform|pa|pa media|press association|canadian press|aap|australian associated press|
        nna|mena|qna|petra|apa|trend|azertac|akipress|kabar|ukrinform|belta|ctk|pap|mti|ntb|
        tt|ritzau|belga|anp|ats|apa-ots|lusa|europa press|news wires|wire services|agencies"""
    ),
    # Lower-case particles of personal names ("Ursula von der Leyen").
    name_particles=_words(
        "de del della der den di da das dos du la le van von bin bint ibn al el y ter ten"
    ),
    # Calls to action that start a page-furniture line of any length.
    boilerplate_openers=_phrases(
        """read more|read also|also read|see also|click here|sign up|subscribe|follow us|
        share this|share on|you may also like|leave a comment|more on this story|download our|
        download the|join our|get the latest|continue reading|watch now|listen now"""
    ),
    # Phrases that mark a short line as page furniture wherever they occur in it.
    boilerplate_phrases=_phrases(
        """all rights reserved|use cookies|uses cookies|cookie policy|cookie settings|
        accept cookies|accept all cookies|privacy policy|terms of use|terms of service|
        terms and conditions|enable javascript|javascript is disabled|
        your browser does not support|this content is not available|sign in to comment"""
    ),
    # Lines that head a list of links to other stories ("Related stories").
    link_list_markers=_phrases(
        """related|related articles|related stories|related news|related content|read more|
        read also|also read|see also|more on this story|more stories|you may also like|
        recommended|recommended for you|top stories|most read|most popular|trending|
        latest news|more from|more news|further reading"""
    ),
    # Irregular English verb forms and their lemma, so "held" and "hold" meet.
    irregular_lemmas=_pairs(
        """was:be were:be been:be is:be are:be had:have has:have did:do does:do done:do
        made:make went:go gone:go took:take taken:take gave:give given:give came:come saw:see
        seen:see got:get gotten:get held:hold met:meet said:say told:tell left:leave found:find
        thought:think brought:bring began:begin begun:begin kept:keep knew:know known:know
        felt:feel became:become ran:run sent:send spent:spend stood:stand paid:pay built:build
        won:win lost:lose led:lead fell:fall fallen:fall rose:rise risen:rise drew:draw
        drawn:draw grew:grow grown:grow flew:fly flown:fly threw:throw thrown:throw wrote:write
        written:write spoke:speak spoken:speak broke:break broken:break chose:choose
        chosen:choose drove:drive driven:drive fought:fight caught:catch taught:teach sold:sell
        bought:buy struck:strike sought:seek understood:understand withdrew:withdraw
        withdrawn:withdraw undertook:undertake undertaken:undertake shot:shoot slept:sleep
        meant:mean dealt:deal lent:lend sat:sit lay:lie laid:lay hung:hang sang:sing sung:sing
        rang:ring stuck:stick dug:dig shook:shake shaken:shake woke:wake woken:wake fled:flee
        hid:hide hidden:hide bit:bite bitten:bite forgot:forget forgotten:forget froze:freeze
        frozen:freeze stole:steal stolen:steal swore:swear sworn:swear wore:wear worn:wear
        tore:tear torn:tear bore:bear born:bear ate:eat eaten:eat fed:feed bled:bleed
        heard:hear read:read overtook:overtake arose:arise arisen:arise wed:wed bred:breed
        sped:speed swam:swim blew:blow blown:blow knelt:kneel rode:ride ridden:ride slid:slide
        spun:spin sprang:spring sprung:spring stung:sting swung:swing died:die"""
    ),
    rank_hedges=_phrases(
        """one of the|one of its|one of their|one of|among the|among its|among their|among|
        arguably|probably|possibly|perhaps|likely|apparently|reportedly|potentially|
        what may be|what could be|what might be|may be|might be|could be|
        believed to be|thought to be|said to be|considered|seen as|regarded as|
        nearly|almost|close to|likely to be"""
    ),
    generic_speakers=_words(
        """police officials authorities sources witnesses experts analysts observers
        investigators researchers scientists doctors residents organisers organizers staff
        media press spokesperson spokesman spokeswoman official source witness"""
    ),
    pending_negations=_phrases(
        """not yet|yet to|has not|have not|hasn't|haven't|has yet|have yet|hasn’t|haven’t|
        is not|are not|isn't|aren't|isn’t|aren’t|still not"""
    ),
    containment_prepositions=_words("in inside within across throughout around into"),
    role_prepositions=_words(
        "near at by from with of to for against outside off beside behind toward towards"
    ),
    place_prepositions=_words("near at outside off beside behind"),
    speech_adverbs=_WEEKDAYS
    | _words(
        """yesterday today tonight tomorrow earlier later recently again then now also
        previously afterwards separately"""
    ),
    light_verbs=_words(
        """make made take took taken have had get got give gave do did go went be is are
        was were been being"""
    ),
    demonym_endings=_phrases("an|ian|ese|ish|i"),
    editorial_notes=_phrases(
        """correction:|corrections:|clarification:|editor's note:|editor’s note:|editors' note:|
        editors’ note:|this story has been updated|this article has been updated|
        this story has been corrected|this article has been corrected|this story was updated|
        this article was updated|this article was amended|this story was amended|
        an earlier version of this story|an earlier version of this article"""
    ),
    recurrence_markers=_phrases(
        "again|once again|once more|anew|previously|formerly|used to|no longer"
    ),
    measure_prefixes=_words("magnitude category level grade stage phase tier force"),
    implicit_negatives=_phrases(
        """no|none|nobody|nothing|without|fail|fails|failed|failing|failure|refuse|refuses|
        refused|refusing|refusal|lack|lacks|lacked|lacking|absence|unable|declined to|
        declines to|denied|denies|free of|instead of|rather than|removed|excluded"""
    ),
    company_designators=_words(
        """corp corporation inc incorporated co ltd limited llc plc lp llp ag sa nv bv gmbh
        spa"""
    ),
    person_nouns=_words(
        """people person persons residents resident inhabitants villagers civilians
        individuals citizens"""
    ),
    time_bounds=_words("since until till before after by prior through"),
    sequence_nouns=_words(
        """round rounds day days minute minutes hour half halves quarter quarters period
        periods inning innings lap laps leg legs stage stages set sets game games week weeks
        month months year years season seasons term terms phase phases chapter page floor
        episode heat"""
    ),
    finite_auxiliaries=_words(
        """is are was were has have had will would could can may might must should shall
        did does do isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't
        couldn't can't didn't doesn't don't"""
    ),
)
