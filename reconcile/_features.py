"""Private: the features a claim carries besides its times.

Each extractor reads one sentence (a span of the document text) and returns
annotations with absolute offsets. They are deliberately shallow (no parser,
no model): regular expressions over word tokens, with every word list taken
from the :class:`~reconcile.lexicon.Lexicon`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from reconcile._quantities import find_ordinals, find_quantities, is_past_form
from reconcile._text import Token, stem, strip_possessive, tokens, words_outside
from reconcile._types import Attribution, Entity, Modality, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.lexicon import Lexicon

__all__ = [
    "EntityIndex",
    "find_attribution",
    "find_entities",
    "find_modality",
    "find_ordinals",
    "find_quantities",
    "find_quotes",
    "is_negated",
    "is_past_form",
]

# ---------------------------------------------------------------------------
# Named entities and their aliases

# "and" is left out: "President A and Prime Minister B" are two people more often than
# "Trinidad and Tobago" is one place.
_CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "da",
        "al",
        "bin",
        "van",
        "von",
        "la",
        "le",
        "for",
        "the",
        "y",
        "ibn",
        "el",
        "der",
        "du",
    }
)
_ROLE_PHRASE = re.compile(r"\b[Tt]he\s+(?:(?P<mod>[A-Z][\w-]+)\s+)?(?P<role>[A-Za-z][a-z]+)\b")


class EntityIndex:
    """Document-level alias table: surnames, titles and roles resolved to one key.

    Built once per document from every capitalized run; ``key_for`` then maps an
    alias ("Lula", "President Lula", "the Brazilian leader") to the key of the
    full name it refers to, when that is unambiguous within the document.
    """

    __slots__ = ("_designators", "_keys", "_people", "_role_to_key", "_surname_to_key")

    def __init__(
        self,
        names: Sequence[tuple[str, str]],
        *,
        contexts: Sequence[tuple[str, str, tuple[str, ...]]] = (),
        designators: frozenset[str] = frozenset(),
    ) -> None:
        """Index ``(title, name)`` pairs found in one document.

        ``contexts`` gives, for each mention of a name, ``(title, name, the other
        capitalized words of its sentence)``: what lets "the Brazilian leader" find the
        person the document names next to Brazil. ``designators`` are the words that
        end a company's name without being part of it ("Corp", "Ltd"): "Northwind
        Corp" is keyed as "northwind", like the "Northwind" of the next sentence.
        """
        self._designators = designators
        surnames: dict[str, set[str]] = {}
        roles: dict[str, Counter[str]] = {}
        # Full names first, so that a lone "Lula" is a part of "Lula da Silva".
        for title, name in sorted(names, key=lambda tn: -len(tn[1].split())):
            parts = self._parts(name)
            key = parts[-1]
            if len(parts) == 1 and surnames.get(key, set()) - {key}:
                key = min(surnames[key])
            for p in parts:
                surnames.setdefault(p, set()).add(key)
            if title:
                roles.setdefault(title.lower().split()[-1], Counter())[key] += 1
        self._surname_to_key = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
        self._keys = frozenset(k for v in surnames.values() for k in v)
        self._role_to_key = {
            role: counts.most_common(1)[0][0]
            for role, counts in roles.items()
            if len(counts) == 1 or counts.most_common(2)[0][1] > counts.most_common(2)[1][1]
        }
        # People: names given a title, or of two words or more; with their titles,
        # the words around their mentions, and how often they are mentioned.
        people: dict[str, tuple[set[str], set[str], list[int]]] = {}
        for title, name, around in contexts:
            key = self.key_for(name)
            titles, words, count = people.setdefault(key, (set(), set(), [0]))
            if title:
                titles.add(title.lower().split()[-1])
            words.update(strip_possessive(w).lower() for w in around)
            count[0] += 1
        is_person = {self.key_for(n) for t, n, _ in contexts if t or len(n.split()) >= 2}
        self._people = {k: v for k, v in people.items() if k in is_person}

    def key_for_affiliated(self, modifier: str, role: str) -> str | None:
        """Return the person "the <modifier> <role>" refers to, if one stands out.

        The candidates are the people mentioned in a sentence that names a place
        sharing the modifier's stem ("Brazilian": Brazil, "Chilean": Chile)
        and who, if the document gives them titles, hold this role (generic roles,
        "leader" or "head", fit any title). The most mentioned wins when no other
        candidate is mentioned as often.
        """
        mod = strip_possessive(modifier).lower()
        low_role = role.lower()
        counts = sorted(
            (
                (-count[0], key)
                for key, (titles, words, count) in self._people.items()
                if any(_same_stem(mod, w) for w in words)
                and (not titles or low_role in titles or low_role in _GENERIC_ROLES)
            ),
        )
        if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
            return None
        return counts[0][1]

    def _parts(self, name: str) -> list[str]:
        """Return the lowercased words of a name, without a company designator at its end."""
        parts = [strip_possessive(p).lower() for p in name.split()]
        while len(parts) > 1 and parts[-1].rstrip(".,") in self._designators:
            parts.pop()
            while len(parts) > 1 and parts[-1] in {"&", "and"}:  # "Jones & Co"
                parts.pop()
        return parts

    def key_for(self, name: str) -> str:
        parts = self._parts(name)
        last = parts[-1] if parts else name.lower()
        return self._surname_to_key.get(last, last)

    def key_for_role(self, role: str) -> str | None:
        return self._role_to_key.get(role.lower())

    def is_name(self, word: str) -> bool:
        """Return whether ``word`` is, elsewhere in the document, a name on its own.

        A sentence's first word is capitalized whatever it is; "Chile and Peru signed
        ..." still names Chile when the document names it mid-sentence.
        """
        low = strip_possessive(word).lower()
        return low in self._keys or low in self._surname_to_key


#: Roles that any titled person may be called by ("the Brazilian leader").
_GENERIC_ROLES = frozenset({"leader", "head", "chief"})
#: Words of one place share this many first letters at least ("Chilean", "Chile").
_STEM_PREFIX = 4


def _same_stem(modifier: str, word: str) -> bool:
    """Return whether a nationality or place modifier and a place name share their stem."""
    if modifier == word:
        return True
    n = 0
    for x, y in zip(modifier, word, strict=False):
        if x != y:
            break
        n += 1
    return n >= _STEM_PREFIX and n >= min(len(modifier), len(word)) - 3


def capitalized_runs(
    text: str, start: int, end: int, *, lexicon: Lexicon, exclude: Sequence[Span] = ()
) -> list[tuple[str, str, Span]]:
    """Return ``(title, name, span)`` for each run of capitalized words in a sentence.

    A leading title ("President", "Prime Minister") is split off the name, and a
    possessive ends a run ("France's Prime Minister" is two runs). The first word of
    a sentence or clause starts a run only when the next word is capitalized too,
    since any word is capitalized there. Words inside ``exclude`` (time expressions:
    "February", "Monday") are skipped.
    """
    words = words_outside(tokens(text, start, end), exclude)
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, w in enumerate(words):
        gap = text[current[-1].end : w.start] if current else ""
        joinable = not current or (gap.strip() == "" and len(gap) <= 2)
        is_cap = (w.is_capitalized and not w.text.isupper()) or (
            w.text.isupper() and len(w.text) > 1
        )
        if is_cap:
            if not joinable:
                runs.append(current)
                current = []
            if not current and _starts_clause(text, start, words, i):
                nxt = words[i + 1] if i + 1 < len(words) else None
                gap_next = text[w.end : nxt.start] if nxt else ""
                if w.lower in lexicon.stopwords or not (
                    nxt is not None and nxt.is_capitalized and gap_next.strip() == ""
                ):
                    continue
            current.append(w)
            if w.lower.endswith(("'s", "’s")):
                runs.append(current)
                current = []
        elif current and w.lower in _CONNECTORS and joinable:
            current.append(w)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    title_words = {t.rstrip(".") for t in lexicon.titles} | _TITLE_MODIFIERS
    result: list[tuple[str, str, Span]] = []
    for whole in runs:
        for run in _split_at_title(whole, title_words):
            _add_run(run, title_words, result)
    return result


def _split_at_title(run: list[Token], title_words: set[str]) -> list[list[Token]]:
    """Split "Brazilian President Luiz Inacio Lula" into the modifier and the titled name."""
    for k in range(1, len(run) - 1):
        if run[k].lower.rstrip(".") in title_words and run[k - 1].lower.rstrip(".") not in (
            title_words | _CONNECTORS
        ):
            return [run[:k], run[k:]]
    return [run]


def _add_run(run: list[Token], title_words: set[str], result: list[tuple[str, str, Span]]) -> None:
    """Append ``(title, name, span)`` for one run, its leading title words split off."""
    while run and run[-1].lower in _CONNECTORS:
        run.pop()
    if not run:
        return
    k = 0
    while k < len(run) and (run[k].lower.rstrip(".") in title_words or run[k].lower in _CONNECTORS):
        k += 1
    while k > 0 and run[k - 1].lower in _CONNECTORS:
        k -= 1
    title = " ".join(t.text for t in run[:k])
    name_tokens = run[k:]
    while name_tokens and name_tokens[0].lower in _CONNECTORS:
        name_tokens = name_tokens[1:]
    name = " ".join(strip_possessive(t.text) for t in name_tokens)
    result.append((title, name, Span(run[0].start, run[-1].end)))


_TITLE_MODIFIERS = frozenset(
    {
        "prime",
        "vice",
        "foreign",
        "deputy",
        "state",
        "former",
        "acting",
        "interior",
        "defence",
        "defense",
        "finance",
        "federal",
        "chief",
    }
)


def _starts_clause(text: str, start: int, words: list[Token], i: int) -> bool:
    """Return whether word ``i`` opens a sentence, a quotation or a clause after a colon."""
    if i == 0:
        return True
    before = text[words[i - 1].end : words[i].start]
    return any(c in before for c in ':“"‘(')


def _clause_openers(text: str, start: int, end: int, exclude: Sequence[Span]) -> list[Token]:
    """Return the words that open the sentence or a clause in it (after a colon or quote)."""
    words = words_outside(tokens(text, start, end), exclude)
    return [w for i, w in enumerate(words) if _starts_clause(text, start, words, i)]


def find_entities(
    text: str,
    start: int,
    end: int,
    *,
    index: EntityIndex,
    lexicon: Lexicon,
    exclude: Sequence[Span] = (),
) -> tuple[Entity, ...]:
    """Return the named entities of a sentence, keyed through the document's aliases."""
    found: list[Entity] = []
    # The characters of the entities found so far (and of the roles), so that "does
    # this overlap one of them?" costs the length of a name, not the number found:
    # a text without punctuation is one sentence of many thousand names.
    covered: set[int] = set()
    covered_roles: set[int] = set()

    def add(entity: Entity) -> None:
        found.append(entity)
        chars = range(entity.span.start, entity.span.end)
        covered.update(chars)
        if entity.kind == "role":
            covered_roles.update(chars)

    for title, name, span in capitalized_runs(text, start, end, lexicon=lexicon, exclude=exclude):
        if name:
            add(
                Entity(
                    span, span.slice(text), key=index.key_for(name), kind="name", role=title.lower()
                )
            )
        elif title:
            role = title.split()[-1]
            key = index.key_for_role(role)
            add(
                Entity(
                    span, span.slice(text), key=key or stem(role), kind="role", role=title.lower()
                )
            )
    for w in _clause_openers(text, start, end, exclude):
        span = Span(w.start, w.end)
        if (
            w.is_capitalized
            and w.lower not in lexicon.stopwords
            and index.is_name(w.text)
            and covered.isdisjoint(range(span.start, span.end))
        ):
            add(Entity(span, w.text, key=index.key_for(w.text), kind="name", role=""))
    for m in _ROLE_PHRASE.finditer(text, start, end):
        role = m.group("role")
        if role.lower() not in lexicon.titles:
            continue
        key = index.key_for_role(role)
        span = Span(m.start(), m.end())
        if key and covered.isdisjoint(range(span.start, span.end)):
            add(Entity(span, span.slice(text), key=key, kind="role", role=role.lower()))
        elif key is None and m.group("mod"):
            # "the Brazilian leader": the person the document names next to Brazil.
            key = index.key_for_affiliated(m.group("mod"), role)
            if key and covered_roles.isdisjoint(range(span.start, span.end)):
                add(Entity(span, span.slice(text), key=key, kind="role", role=role.lower()))
    return tuple(sorted(set(found), key=lambda e: (e.span.start, e.span.end, e.key)))


# ---------------------------------------------------------------------------
# Quotes and attribution

_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_QUOTE = re.compile(r"“[^“”]{1,3000}”|\"[^\"\n]{1,3000}\"|«[^«»]{1,3000}»")
_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|the|de|al|bin)?\s*[A-Z][\w'’.-]*){0,5})"
# A noun phrase starts a word: without the \b, "Zadan and Meron" yields "an and Meron".
_NP = (
    rf"\b(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’-]+\s+){{0,4}}[\w'’-]+"
    rf"|{_NAME}|[A-Z]?[a-z]+s)"
)
# A speaker may be a name behind its lower-case title: "prosecutor James Whitfield".
# ... or a title behind a possessive name: "Crisply's chief executive".
_SPEAKER = (
    rf"(?:(?:[a-z][\w'’-]*\s+){{1,2}}{_NAME}|[A-Z][\w.-]*['’]s(?:\s+[a-z][\w'’-]*){{1,3}}"
    rf"|{_NP}|[a-z][\w'’-]*)"
)
# Whom a statement was told: "told the court", "told reporters", "told Reuters".
_LISTENER = r"(?:(?:the|a|an)\s+)?(?!(?:the|a|an)\b)[A-Za-z][\w'’-]*"
# Verbs whose first object is the listener: in "..., told reporters Ann Lee." the
# speaker comes after it.
_TOLD = r"(?:told|tells|tell|informed|assured)"


def find_quotes(text: str, start: int, end: int) -> list[Span]:
    """Return the quotations (with their marks) in ``text[start:end]``."""
    return [Span(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]


def find_attribution(
    text: str,
    start: int,
    end: int,
    *,
    lexicon: Lexicon,
    index: EntityIndex,
    quote_speaker: tuple[str, Span] | None = None,
) -> Attribution | None:
    """Return who a sentence is attributed to, if it says so.

    Looks, in order, for "according to X", for "X said"/"said X" around a reporting
    verb, and then falls back on the speaker of the quotation the sentence sits in.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "Two people died, according to the regional police chief."
        >>> a = find_attribution(s, 0, len(s), lexicon=ENGLISH, index=EntityIndex([]))
        >>> a.speaker, a.how
        ('the regional police chief', 'according to')
    """
    sentence = text[start:end]
    for phrase in lexicon.according_to:
        if phrase == "per":
            continue
        m = re.search(rf"\b{re.escape(phrase)}\s+({_NP})", sentence, re.IGNORECASE)
        if m:
            speaker = m.group(1).strip()
            span = Span(start + m.start(), start + m.end(1))
            return _attribution(text, span, speaker, "according to", index=index, lexicon=lexicon)
    verbs = "|".join(sorted(lexicon.reporting_verbs, key=len, reverse=True))
    # The object of "told" is whom it was told: "told the court" names no speaker.
    said = "|".join(
        sorted(
            (v for v in lexicon.reporting_verbs if not re.fullmatch(_TOLD, v)),
            key=len,
            reverse=True,
        )
    )
    # "..., X said." / "..., said X." / "..., X told the court." at the end of the sentence.
    adverbs = "|".join(sorted(lexicon.speech_adverbs, key=len, reverse=True))
    m = re.search(
        rf"[,”\"]\s*(?:(?P<s3>{_NAME}),\s+(?:\d+,\s+)?(?:{verbs})(?:\s+{_LISTENER})?"
        rf"|(?P<s1>{_SPEAKER})\s+(?:has\s+|have\s+|had\s+)?(?:{verbs})"
        rf"(?:\s+{_LISTENER})?|{_TOLD}\s+{_LISTENER}\s+(?P<s4>{_SPEAKER})"
        rf"|(?:{said})\s+(?P<s2>{_SPEAKER}))"
        rf"(?:\s+(?:{adverbs})\b)?"
        r"(?:\s+(?:on|in|at|during|after|before)\b[^.]{0,60})?\s*[.!?]?[”\"]?\s*$",
        sentence,
    )
    if m:
        found = m.group("s3") or m.group("s1") or m.group("s4") or m.group("s2") or ""
        speaker = _lead_trimmed(_trim_speaker(found), lexicon)
        # "..., said yesterday": a time, not a speaker.
        if (
            speaker
            and speaker.lower() not in lexicon.stopwords
            and speaker.lower() not in lexicon.speech_adverbs
        ):
            span = Span(start + m.start() + 1, start + len(sentence.rstrip(' .!?"”')))
            return _attribution(text, span, speaker, "reporting verb", index=index, lexicon=lexicon)
    # "X said (that) ..." / "X pointed out ..." at the start of the sentence.
    m = re.match(
        rf"\s*(?:[A-Z][\w ,'’-]{{0,40}},\s+)?(?P<s>{_NP})\s+(?:has\s+|have\s+|had\s+)?"
        rf"(?P<v>{verbs}|pointed out)\b",
        sentence,
    )
    if m and m.group("s").lower() not in lexicon.stopwords | {"it", "this", "that", "there"}:
        speaker = m.group("s").strip()
        span = Span(start + m.start("s"), start + m.end("v"))
        return _attribution(text, span, speaker, "reporting verb", index=index, lexicon=lexicon)
    if quote_speaker is not None:
        speaker, span = quote_speaker
        return _attribution(text, span, speaker, "quote", index=index, lexicon=lexicon)
    return None


def quote_speaker(
    text: str, quote: Span, block_end: int, *, lexicon: Lexicon
) -> tuple[str, Span] | None:
    """Return the speaker named right after (or before) a quotation, with the naming span."""
    verbs = "|".join(sorted(lexicon.reporting_verbs, key=len, reverse=True))
    after = text[quote.end : min(block_end, quote.end + 120)]
    m = re.match(
        rf"\s*(?:(?P<s1>{_NP})\s+(?:{verbs})|{_TOLD}\s+{_LISTENER}\s+(?P<s3>{_NP})"
        rf"|(?:{verbs})\s+(?P<s2>{_NP}))",
        after,
    )
    if m:
        speaker = _trim_speaker(m.group("s1") or m.group("s3") or m.group("s2"))
        return speaker, Span(
            quote.end + m.start(), quote.end + m.start() + len(m.group(0).rstrip("."))
        )
    before = text[max(0, quote.start - 120) : quote.start]
    m = re.search(rf"(?P<s>{_NP})\s+(?:{verbs})\s*(?:that\s*)?[:,]?\s*$", before)
    if m:
        base = quote.start - len(before)
        return m.group("s").strip(), Span(base + m.start(), base + m.end())
    return None


#: Words a speaker may open with and keep ("his spokesman", "the ministry").
_SPEAKER_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my"})


def _attribution(
    text: str, span: Span, speaker: str, how: str, *, index: EntityIndex, lexicon: Lexicon
) -> Attribution:
    return Attribution(
        span, span.slice(text), speaker=speaker, key=_speaker_key(speaker, index, lexicon), how=how
    )


def _lead_trimmed(speaker: str, lexicon: Lexicon) -> str:
    """Drop leading function words that are not a determiner ("and then Smith" -> "Smith")."""
    words = speaker.split()
    while len(words) > 1 and words[0].lower() in lexicon.stopwords - _SPEAKER_DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _trim_speaker(speaker: str) -> str:
    """Drop a sentence's full stop from a speaker's name ("said Okafor." -> "Okafor")."""
    speaker = speaker.strip()
    last = speaker.rsplit(maxsplit=1)[-1] if speaker else ""
    return speaker[:-1] if last.endswith(".") and len(last) > 3 else speaker


def _speaker_key(speaker: str, index: EntityIndex, lexicon: Lexicon) -> str:
    words = [w for w in speaker.split() if w.lower() not in lexicon.stopwords]
    if not words:
        return speaker.lower()
    caps = [w for w in words if w[:1].isupper()]
    if caps:
        return index.key_for(" ".join(caps))
    role = words[-1]
    return index.key_for_role(role) or stem(role)


# ---------------------------------------------------------------------------
# Modality and negation


def find_predicates(
    text: str, start: int, end: int, *, lexicon: Lexicon, exclude: Sequence[Span] = ()
) -> tuple[str, ...]:
    """Return the lemma stems of a sentence's verbs, in order, reporting verbs left out.

    A verb is a past form ("killed", "struck"), or a word after an auxiliary or
    "to" ("will hold", "to arrive", "has signed"). "Said", "told" and the like say
    who speaks, not what happened, and "expected", "scheduled" say how sure the
    action is, not which: neither is the predicate.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "Police said the gunman killed two guards and is expected to appear in court."
        >>> find_predicates(s, 0, len(s), lexicon=ENGLISH)
        ('kill', 'appear')
    """
    # Excluded words (names, dates) are skipped but stay in place: in "the Liberal
    # Democrats won", "won" follows a name, not "the".
    words = tokens(text, start, end)
    inside = {w.start for w in words} - {w.start for w in words_outside(words, exclude)}
    found: list[str] = []
    for i, w in enumerate(words):
        low = w.lower
        if w.start in inside or not low.isalpha() or (i > 0 and w.is_capitalized):
            continue
        prev = words[i - 1].lower if i else ""
        is_past = is_past_form(low, lexicon)
        is_verb = (
            (is_past and prev not in _DETERMINERS)
            # "is scheduled", "was taking", "has signed": a participle after be or have;
            # "have problems", "be former" are not verbs of the claim.
            or (prev in _BE_HAVE and (is_past or (low.endswith("ing") and low[-5:] != "thing")))
            # "will hold", "could face", "to arrive": the base form after a modal or "to".
            or (prev in _MODALS and low not in _BE_HAVE)
        )
        if (
            is_verb
            and low not in lexicon.reporting_verbs
            and low not in lexicon.finite_auxiliaries
            and low not in lexicon.stopwords
            and low not in lexicon.negations
        ):
            found.append(stem(lexicon.irregular_lemmas.get(low, low)))
    return tuple(dict.fromkeys(found))


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_BE_HAVE = frozenset(
    {"be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had", "having"}
)
_MODALS = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "must", "should", "shall"}
    | {"do", "does", "did", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't"}
)


_MODALITY_GROUPS: dict[str, Modality] = {"plan": "planned", "expect": "expected", "hedge": "hedged"}


@lru_cache(maxsize=8)
def _modality_pattern(
    plans: tuple[str, ...], expectations: tuple[str, ...], hedges: tuple[str, ...]
) -> re.Pattern[str]:
    """Return one pattern for the markers of each modality, earlier kinds first.

    One scan finds the first marker of any kind (the leftmost match; at one position
    a plan beats an expectation beats a hedge), where a search per marker cost
    dozens of scans per sentence.
    """
    kinds = [
        f"(?P<{name}>{'|'.join(re.escape(m) for m in markers)})"
        for name, markers in (("plan", plans), ("expect", expectations), ("hedge", hedges))
        if markers
    ]
    if not kinds:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(kinds)})(?![\w-])")


def find_modality(text: str, start: int, end: int, *, lexicon: Lexicon) -> Modality:
    """Return whether a sentence reports a plan, an expectation, a hedge, or a done fact.

    The first marker in the sentence wins; without one, a past-tense verb makes the
    claim ``done`` (a reporting verb does not: "the deal includes a bonus, he told
    reporters" is not a deed); otherwise it is ``asserted``.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> [find_modality(s, 0, len(s), lexicon=ENGLISH) for s in (
        ...     "The minister will visit Paris.", "Officials expect a deal.",
        ...     "The bridge reportedly collapsed.", "The minister visited Paris.",
        ...     "Paris is the capital.")]
        ['planned', 'expected', 'hedged', 'done', 'asserted']
    """
    sentence = text[start:end].lower()
    hedges = lexicon.hedges - {
        "about", "around", "approximately", "roughly", "nearly", "almost", "estimated"
    }  # fmt: skip
    found = _modality_pattern(
        lexicon.plan_markers, lexicon.expectation_markers, tuple(sorted(hedges))
    ).search(sentence)
    if found is not None:
        return _MODALITY_GROUPS[found.lastgroup or ""]
    words = tokens(sentence)
    for i, w in enumerate(words):
        low = w.lower
        if low in lexicon.reporting_verbs:
            continue  # "said", "told": when it was said, not that the thing said is done
        if low in lexicon.irregular_past:
            return "done"
        # "am convinced", "is based": a participle after a present-tense "be" is a state.
        if is_past_form(low, lexicon) and (
            i == 0 or words[i - 1].lower not in {"am", "is", "are", "be", "being"}
        ):
            return "done"
    return "asserted"


def is_negated(text: str, start: int, end: int, *, lexicon: Lexicon) -> bool:
    """Return whether a sentence is negated ("not", "never", "n't"; not "not only").

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> is_negated("The talks did not resume.", 0, 25, lexicon=ENGLISH)
        True
        >>> is_negated("Not only did prices rise, wages fell.", 0, 37, lexicon=ENGLISH)
        False
    """
    sentence = text[start:end].lower()
    sentence = re.sub(r"\bnot only\b|\bno longer\b|\bno doubt\b|\bnothing but\b", " ", sentence)
    if "n't" in sentence or "n’t" in sentence:
        return True
    return any(w.lower in lexicon.negations - {"without", "no", "none"} for w in tokens(sentence))
