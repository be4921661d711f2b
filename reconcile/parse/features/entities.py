"""Named entities and their aliases: names, titles and roles keyed through one table per document.

In: a sentence (a span of the document text) and the document's
:class:`EntityIndex`. Out: :class:`~reconcile.model.Entity` values with absolute
offsets, each keyed so that "Tokayev", "President Tokayev" and "the Kazakh
leader" meet.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile._text import Token, share_stem, stem, strip_possessive, tokens, words_outside
from reconcile.model import Entity, Span
from reconcile.morphology import lemma, verb_lemma
from reconcile.parse.features.quantities import NUMBER_WORDS
from reconcile.parse.furniture import _title_case

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reconcile.lexicon import Lexicon

_ROLE_PHRASE = re.compile(r"\b[Tt]he\s+(?:(?P<mod>[A-Z][\w-]+)\s+)?(?P<role>[A-Za-z][a-z]+)\b")


class EntityIndex:
    """Document-level alias table: surnames, titles and roles resolved to one key.

    Built once per document from every capitalized run; ``key_for`` then maps an
    alias ("Lula", "President Lula", "the Brazilian leader") to the key of the
    full name it refers to, when that is unambiguous within the document.
    """

    __slots__ = (
        "_designators",
        "_generic_roles",
        "_keys",
        "_people",
        "_role_to_key",
        "_surname_to_key",
    )

    def __init__(
        self,
        names: Sequence[tuple[str, str]],
        *,
        contexts: Sequence[tuple[str, str, tuple[str, ...]]] = (),
        designators: frozenset[str] = frozenset(),
        generic_roles: frozenset[str] = frozenset(),
    ) -> None:
        """Index ``(title, name)`` pairs found in one document.

        ``contexts`` gives, for each mention of a name, ``(title, name, the other
        capitalized words of its sentence)``: what lets "the Brazilian leader" find the
        person the document names next to Brazil. ``designators`` are the words that
        end a company's name without being part of it ("Corp", "Ltd"): "Northwind
        Corp" is keyed as "northwind", like the "Northwind" of the next sentence.
        ``generic_roles`` are the roles that fit any title ("leader", "head").
        """
        self._designators = designators
        self._generic_roles = generic_roles
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
                and (not titles or low_role in titles or low_role in self._generic_roles)
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


def _same_stem(modifier: str, word: str) -> bool:
    """Return whether a nationality or place modifier and a place name share their stem."""
    return modifier == word or share_stem(modifier, word)


#: Quotes and brackets around a word of a headline.
_QUOTES = "\"'“”‘’()[]"
#: A sentence is in title case when it has at least this many words to judge by.
_TITLE_MIN_WORDS = 3


def is_title_case(text: str, start: int, end: int, *, lexicon: Lexicon) -> bool:
    """Return whether a sentence capitalizes (nearly) every word, like many headlines.

    In "Lindsay Lohan Checks Into Rehab" capitals say nothing about names.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> s = "Bulls Fire Coach Vinny Del Negro After Two Seasons"
        >>> is_title_case(s, 0, len(s), lexicon=ENGLISH)
        True
        >>> s = "The Bulls fired Vinny Del Negro."
        >>> is_title_case(s, 0, len(s), lexicon=ENGLISH)
        False
    """
    words = text[start:end].split()
    if len(words) < _TITLE_MIN_WORDS:
        return False
    _, is_caps = _title_case(words, lexicon.title_small_words)
    # Every word but the small ones: a sentence of running text full of names ("It
    # names Shelley, Los Angeles County Registrar ...") still has its lower-case words.
    significant = [
        w.strip(_QUOTES) for w in words if w.strip(_QUOTES).lower() not in lexicon.title_small_words
    ]
    return is_caps or all(w[:1].isupper() or not w[:1].isalpha() for w in significant if w)


@frozen
class WordCases:
    """How a document writes its words, for reading names in its title-case sentences.

    ``lower`` holds the lemma stems of the words it writes in lower case, ``names`` the
    words it capitalizes inside a sentence that is not in title case.
    """

    lower: frozenset[str]
    names: frozenset[str]

    def is_common(self, word: str, lexicon: Lexicon) -> bool:
        """Return whether a word of a title-case sentence is a common word, no part of a name.

        It is when the document writes it in lower case in any form ("Checks" and
        "checked"), or it is a small word ("Into") or a number ("Two"), or a verb in
        the present ("Checks", "Flips") that the document never capitalizes in running
        text (it does "Tyra Banks").
        """
        if word in lexicon.title_small_words or word in lexicon.stopwords or word in NUMBER_WORDS:
            return True
        if word in self.names:
            return False
        return stem(lemma(word)) in self.lower or _is_present_verb(word)


NO_TITLE_CASE = WordCases(frozenset(), frozenset())


def _is_present_verb(word: str) -> bool:
    """Return whether a word is a verb's third person present ("checks", "dies")."""
    return word.endswith("s") and verb_lemma(word) not in (None, word)


def document_word_cases(text: str, spans: Sequence[Span], *, lexicon: Lexicon) -> WordCases:
    """Return how a document writes its words, if it has a title-case sentence.

    A document with no such sentence needs nothing, and gets :data:`NO_TITLE_CASE`.
    """
    titled = [is_title_case(text, s.start, s.end, lexicon=lexicon) for s in spans]
    if not any(titled):
        return NO_TITLE_CASE
    lower: set[str] = set()
    names: set[str] = set()
    for span, is_title in zip(spans, titled, strict=True):
        words = tokens(text, span.start, span.end)
        lower.update(stem(lemma(w.text)) for w in words if w.text.islower())
        if not is_title:
            names.update(w.lower for w in words[1:] if w.is_capitalized)
    return WordCases(frozenset(lower), frozenset(names))


def capitalized_runs(
    text: str,
    start: int,
    end: int,
    *,
    lexicon: Lexicon,
    exclude: Sequence[Span] = (),
    cases: WordCases = NO_TITLE_CASE,
) -> list[tuple[str, str, Span]]:
    """Return ``(title, name, span)`` for each run of capitalized words in a sentence.

    A leading title ("President", "Prime Minister") is split off the name, and a
    possessive ends a run ("France's Prime Minister" is two runs), and so does a
    weekday ("coach Vinny Del Negro Tuesday"). The first word of
    a sentence or clause starts a run only when the next word is capitalized too,
    since any word is capitalized there. Words inside ``exclude`` (time expressions:
    "February", "Monday") are skipped. In a title-case or all-capitals sentence, a
    common word (see :meth:`WordCases.is_common`) is read as lower case: "Bettie Page
    Checks Into Rehab" names Bettie Page.
    """
    words = words_outside(tokens(text, start, end), exclude)
    is_title = cases is not NO_TITLE_CASE and is_title_case(text, start, end, lexicon=lexicon)
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, w in enumerate(words):
        gap = text[current[-1].end : w.start] if current else ""
        joinable = not current or (gap.strip() == "" and len(gap) <= 2)
        is_cap = (
            (w.is_capitalized and not w.text.isupper()) or (w.text.isupper() and len(w.text) > 1)
        ) and not (is_title and cases.is_common(w.lower, lexicon))
        if is_cap and w.lower in lexicon.full_weekday_names:
            # "fired coach Vinny Del Negro Tuesday": the weekday dates the firing, it
            # is no part of the name (which would be keyed "tuesday").
            if current:
                runs.append(current)
                current = []
            continue
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
        elif current and w.lower in lexicon.name_connectors and joinable:
            current.append(w)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    title_words = {t.rstrip(".") for t in lexicon.titles} | lexicon.title_modifiers
    result: list[tuple[str, str, Span]] = []
    for whole in runs:
        for run in _split_at_title(whole, title_words, lexicon.name_connectors):
            _add_run(run, title_words, lexicon.name_connectors, result)
    return result


def _split_at_title(
    run: list[Token], title_words: set[str], connectors: frozenset[str]
) -> list[list[Token]]:
    """Split "Brazilian President Luiz Inacio Lula" into the modifier and the titled name."""
    for k in range(1, len(run) - 1):
        if run[k].lower.rstrip(".") in title_words and run[k - 1].lower.rstrip(".") not in (
            title_words | connectors
        ):
            return [run[:k], run[k:]]
    return [run]


def _add_run(
    run: list[Token],
    title_words: set[str],
    connectors: frozenset[str],
    result: list[tuple[str, str, Span]],
) -> None:
    """Append ``(title, name, span)`` for one run, its leading title words split off."""
    while run and run[-1].lower in connectors:
        run.pop()
    if not run:
        return
    k = 0
    while k < len(run) and (run[k].lower.rstrip(".") in title_words or run[k].lower in connectors):
        k += 1
    while k > 0 and run[k - 1].lower in connectors:
        k -= 1
    title = " ".join(t.text for t in run[:k])
    name_tokens = run[k:]
    while name_tokens and name_tokens[0].lower in connectors:
        name_tokens = name_tokens[1:]
    name = " ".join(strip_possessive(t.text) for t in name_tokens)
    result.append((title, name, Span(run[0].start, run[-1].end)))


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
    cases: WordCases = NO_TITLE_CASE,
) -> tuple[Entity, ...]:
    """Return the named entities of a sentence, keyed through the document's aliases.

    ``cases`` says how the document writes its words, for its title-case sentences
    (see :func:`capitalized_runs`).
    """
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

    runs = capitalized_runs(text, start, end, lexicon=lexicon, exclude=exclude, cases=cases)
    for title, name, span in runs:
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
