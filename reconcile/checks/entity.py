"""Entity check: two different names in the same role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile._text import (
    stem,
    tokens,
)
from reconcile.align import compare_times
from reconcile.checks._base import SEVERITY, Hit, _Context
from reconcile.checks.names import _is_demonym, _same_entity
from reconcile.checks.slots import differing_slots, slot_hit
from reconcile.lexicon import Lexicon
from reconcile.model import (
    Claim,
    Entity,
)
from reconcile.morphology import is_past_form, lemma

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
            slots.add(("after", f"{stem(lemma(head))} {prev}"))
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
            is_past_form(nxt.lower, lexicon)
        )
        if not nxt.is_capitalized and is_verb and nxt.lower not in lexicon.light_verbs:
            slots.add(("subject of", stem(lemma(nxt.lower))))
    return slots


def check_entity(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag two different names in the same role ("Coach X" / "Coach Y", "near X" / "near Y")."""
    for pair in differing_slots(a, b, ctx):
        if pair.x.kind == "name":
            message, detail = slot_hit(pair, a, b, "one role cannot be filled by both.")
            return Hit("entity", message, SEVERITY["entity"], detail)
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
