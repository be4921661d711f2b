"""Entity check: two different names in the same role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reconcile._text import (
    entity_keys_match,
    stem,
    tokens,
    without_possessive,
)
from reconcile._types import (
    Claim,
    Entity,
)
from reconcile.align import compare_times
from reconcile.checks._base import SEVERITY, Hit, _Context
from reconcile.lexicon import Lexicon

if TYPE_CHECKING:
    pass


def _slots(claim: Claim, entity: Entity, lexicon: Lexicon) -> set[tuple[str, str]]:
    """Return the roles a name fills in a claim: its title, its preposition, its verb."""
    slots: set[tuple[str, str]] = set()
    if entity.role:
        slots.add(("title", entity.role.split()[-1]))
    words = tokens(claim.text)
    base = claim.span.start
    before = [w for w in words if w.end + base <= entity.span.start]
    after = [w for w in words if w.start + base >= entity.span.end]
    if before and claim.text[before[-1].end : entity.span.start - base].strip() == "":
        prev = before[-1].lower
        if prev in lexicon.place_prepositions:
            slots.add(("after", prev))
        elif prev in lexicon.role_prepositions and len(before) > 1:
            # "bought by X", "moved to X": the word the preposition hangs on is part
            # of the role ("a biography by X" is not "initiated by Y").
            head = before[-2].lower
            slots.add(("after", f"{stem(lexicon.irregular_lemmas.get(head, head))} {prev}"))
        elif prev.rstrip(".") in lexicon.titles and not before[-1].is_capitalized:
            slots.add(("title", prev.rstrip(".")))
    governed = bool(before) and before[-1].lower in (
        lexicon.role_prepositions | lexicon.containment_prepositions | lexicon.scope_words
    )
    if not governed and after and claim.text[entity.span.end - base : after[0].start].strip() == "":
        nxt = after[0]
        # A verb in the past ("scored", "agreed", "won"); "courthouse" after
        # "Fulton County" is a noun the name modifies, not its verb.
        # Speakers ("Doyle told the court") are the attribution check's to compare.
        is_verb = nxt.lower not in lexicon.reporting_verbs and (
            nxt.lower in lexicon.irregular_past or (nxt.lower.endswith("ed") and len(nxt.lower) > 3)
        )
        if not nxt.is_capitalized and is_verb and nxt.lower not in lexicon.light_verbs:
            slots.add(("subject of", stem(lexicon.irregular_lemmas.get(nxt.lower, nxt.lower))))
    return slots


def _name_words(entity: Entity, lexicon: Lexicon) -> set[str]:
    titles = {t.rstrip(".") for t in lexicon.titles}
    return {
        stem(w)
        for w in entity.text.split()
        if w.lower().rstrip(".") not in titles and w.lower() not in lexicon.stopwords
    }


def _same_entity(x: Entity, y: Entity, lexicon: Lexicon) -> bool:
    """Return whether two mentions may name one entity.

    Their keys must match, and, for two names, the words of one must be among the
    other's: "Victor Hale" ~ "Hale", but "Mill Park" is not "Kingsway Park" although
    both are keyed by their last word. Two spellings of one name ("O'Neill's" /
    "ONeills") are one name, and so is a name of two words or more and its longer form
    ("Hamilton Central Elementary" / "... Elementary School"), whatever their keys.
    """
    both_names = x.kind == "name" and y.kind == "name"
    if both_names and (_spelled_alike(x.text, y.text) or _is_acronym_of(x.text, y.text)):
        return True
    wx, wy = _name_words(x, lexicon), _name_words(y, lexicon)
    if not entity_keys_match(x.key, y.key):
        # "Judge James" / "Judge James Bodiford": one name's words all in the other's.
        return both_names and bool(wx) and bool(wy) and _words_within(wx, wy)
    if not both_names:
        return True
    return not wx or not wy or _words_within(wx, wy)


def _words_within(wx: set[str], wy: set[str]) -> bool:
    """Return whether every word of one name is a word of the other, or its short form.

    "Tim Muris" is within "Timothy Muris": a first name may be shortened to its start.
    """
    small, large = sorted((wx, wy), key=len)
    return all(
        w in large
        or any(min(len(w), len(v)) >= 3 and (v.startswith(w) or w.startswith(v)) for v in large)
        for w in small
    )


#: rapidfuzz ratio (0-100) from which two letter sequences are one name's spellings:
#: one or two letters differ in a name of ten or more ("Hale" and "Hall" stay apart).
_SPELLING_RATIO = 90


def _spelled_alike(a: str, b: str) -> bool:
    """Return whether two names differ only in punctuation, possessive or a letter or two."""
    la, lb = _letters(a), _letters(b)
    if la == lb:
        return bool(la)
    return min(len(la), len(lb)) >= 10 and fuzz.ratio(la, lb) >= _SPELLING_RATIO


def _is_acronym_of(a: str, b: str) -> bool:
    """Return whether one name is the other's initials ("UCS", "Union of Concerned Scientists")."""
    short, long = sorted((without_possessive(a), without_possessive(b)), key=len)
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return initials == short


def _letters(name: str) -> str:
    """Return a name's letters and digits, lower-cased, without a possessive ending."""
    return "".join(ch for ch in without_possessive(name).lower() if ch.isalnum())


def _is_demonym(claim: Claim, entity: Entity, lexicon: Lexicon) -> bool:
    """Return whether a mention is a nationality word used for a person ("the Russian")."""
    word = entity.text
    before = claim.text[: entity.span.start - claim.span.start].rstrip().lower()
    return (
        " " not in word
        and before.endswith("the")
        and word.lower().endswith(lexicon.demonym_endings)
    )


def check_entity(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag two different names in the same role ("Coach X" / "Coach Y", "near X" / "near Y")."""
    lex = ctx.lexicon
    names_a = [e for e in a.entities if e.kind == "name" and not _is_demonym(a, e, lex)]
    names_b = [e for e in b.entities if e.kind == "name" and not _is_demonym(b, e, lex)]
    only_a = [e for e in names_a if not any(_same_entity(e, f, lex) for f in b.entities)]
    only_b = [e for e in names_b if not any(_same_entity(e, f, lex) for f in a.entities)]
    if compare_times(a, b) == "different":
        return None  # two occurrences ("moved to X in 1947", "moved to Y in 1957")
    for ea in only_a:
        slots_a = _slots(a, ea, lex)
        for eb in only_b:
            shared = sorted(slots_a & _slots(b, eb, lex))
            if not shared:
                continue
            kind, word = shared[0]
            role = {"title": f"as {word}", "after": f"after {word!r}"}.get(
                kind, f"as the subject of {word!r}"
            )
            return Hit(
                "entity",
                f"{a.source} names {ea.text!r} but {b.source} names {eb.text!r} in the same "
                f"role ({role}).",
                SEVERITY["entity"],
                f"{ea.text} / {eb.text}",
            )
    return None
