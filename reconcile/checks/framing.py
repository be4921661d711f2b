"""Framing check: the same rank of the same noun, hedged or scoped on one side only."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reconcile._text import (
    entity_keys_match,
    stem,
    tokens,
)
from reconcile.checks._base import SEVERITY, Hit, _Context, _has_phrase
from reconcile.lexicon import Lexicon
from reconcile.model import (
    Attribution,
    Claim,
    Ordinal,
)

if TYPE_CHECKING:
    pass


def _heads_match(x: str, y: str) -> bool:
    """Return whether two ranked nouns are the same thing, perhaps qualified otherwise.

    "stadium" ~ "stadium built" (one is the start of the other), and "private
    spacecraft" ~ "American spacecraft" (the same noun; the modifiers are a scope).
    """
    sx, sy = [stem(w) for w in x.split()], [stem(w) for w in y.split()]
    short, long = (sx, sy) if len(sx) <= len(sy) else (sy, sx)
    return long[: len(short)] == short or (bool(sx) and bool(sy) and sx[-1] == sy[-1])


def _modifiers(head: str, other: str) -> set[str]:
    """Return the words of a ranked noun phrase that the other one lacks ("private")."""
    theirs = {stem(w) for w in other.split()}
    return {stem(w) for w in head.split()} - theirs


def _scope_terms(claim: Claim, ordinal: Ordinal, lexicon: Lexicon) -> set[str]:
    """Return the content stems that qualify a rank: its possessor and its phrases.

    A single day in the scope ("on Friday") dates the event rather than limiting the
    rank; a pronoun possessor ("my", "his") names the speaker's subject, the same in
    any wording.
    """
    days = [
        t.span for t in claim.times if t.interval is not None and t.interval[0] == t.interval[1]
    ]
    parts = ordinal.scope.split("; ") if ordinal.scope else []
    possessor = parts[0] if len(parts) == 2 or (parts and ordinal.scope_span is None) else ""
    words = [w.lower for w in tokens(possessor)]
    if ordinal.scope_span is not None:
        base = claim.span.start
        words += [
            w.lower
            for w in tokens(claim.text)
            if ordinal.scope_span.start <= w.start + base
            and w.end + base <= ordinal.scope_span.end
            and not any(d.start <= w.start + base < d.end for d in days)
        ]
    return {stem(w) for w in words if w not in lexicon.stopwords and w not in lexicon.possessives}


def _claim_stems(claim: Claim) -> set[str]:
    return {stem(w.lower) for w in tokens(claim.text)}


def _rank_hedge(claim: Claim, ordinal: Ordinal, lexicon: Lexicon) -> str:
    """Return the hedge just before a rank ("one of the", "probably"), or ""."""
    head = claim.text[: ordinal.span.start - claim.span.start]
    head = re.split(r"[,;:()“”\"]", head)[-1].lower()
    words = [w.lower for w in tokens(head)]
    # A possessor belongs to the rank's scope, not before it: "considered to be the
    # nation's oldest" is hedged as "considered to be the oldest" is.
    while words and (words[-1].endswith(("'s", "’s")) or words[-1] in lexicon.possessives):
        words.pop()
    words = words[-6:]
    tail = " ".join(words)
    for phrase in lexicon.rank_hedges:
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?: the| its| their| a| an)?$", tail):
            return phrase
        if " " not in phrase and phrase in words[-4:]:
            return phrase
    return ""


def check_framing(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag the same rank of the same noun hedged on one side, or under another scope."""
    lex = ctx.lexicon
    for oa in a.ordinals:
        for ob in b.ordinals:
            if oa.word != ob.word or not _heads_match(oa.head, ob.head):
                continue
            if (
                oa.word in lex.ordinal_words
                and oa.head.split()[-1:]
                and (oa.head.split()[-1] in lex.sequence_nouns)
            ):
                continue  # "the seventh round", "the first day": a position, not a rank
            if bool(oa.head) != bool(ob.head):
                continue
            what = f"{oa.word} {oa.head}".strip()
            hedge_a, hedge_b = _rank_hedge(a, oa, lex), _rank_hedge(b, ob, lex)
            if bool(hedge_a) != bool(hedge_b):
                (hedged, h, oh), (plain, op) = (
                    ((a, hedge_a, oa), (b, ob)) if hedge_a else ((b, hedge_b, ob), (a, oa))
                )
                if _has_phrase(plain.text[: op.span.start - plain.span.start], (h,)):
                    continue  # "considered to be X and the third oldest": one hedge for both
                return Hit(
                    "framing",
                    f"{plain.source} calls it the {what} ({op.text!r}) but {hedged.source} "
                    f"hedges it with {h!r} ({h} ... {oh.text!r}).",
                    SEVERITY["framing"],
                    f"hedge {h}",
                )
            sa = _scope_terms(a, oa, lex) | _modifiers(oa.head, ob.head)
            sb = _scope_terms(b, ob, lex) | _modifiers(ob.head, oa.head)
            if not sa or not sb:
                continue  # an unqualified rank is less specific, not contradicted
            known_a, known_b = _claim_stems(a), _claim_stems(b)
            extra_a = {t for t in sa if not any(entity_keys_match(t, u) for u in sb | known_b)}
            extra_b = {t for t in sb if not any(entity_keys_match(t, u) for u in sa | known_a)}
            if not extra_a and not extra_b:
                continue
            if not (extra_a and extra_b) and _adds_detail(oa if extra_a else ob, extra_a | extra_b):
                continue  # one side only adds a detail ("with 46 wins by knockout")
            who_a = f" ({_speaker_words(a.attribution)})" if a.attribution else ""
            who_b = f" ({_speaker_words(b.attribution)})" if b.attribution else ""
            return Hit(
                "framing",
                f"Both call it the {what}, but {a.source}{who_a} scopes it "
                f"{_scope_words(oa.scope)} and {b.source}{who_b} {_scope_words(ob.scope)}; "
                "these are not the same claim.",
                SEVERITY["framing"],
                f"{oa.text} / {ob.text}",
            )
    return None


def _adds_detail(ordinal: Ordinal, extra: set[str]) -> bool:
    """Return whether scope words only one side has all come after a detail marker.

    "his record to 52-3 with a remarkable 46 wins by knockout" tells more about the
    record; "the only candidate from the ruling party" tells which only it is.
    """
    scope = ordinal.scope.replace("; ", " ")
    m = _DETAIL_MARKER.search(scope)
    if m is None:
        return False
    detail = {stem(w.lower) for w in tokens(scope[m.end() :])}
    return extra <= detail


#: Words after which a rank's phrase adds detail rather than scope.
_DETAIL_MARKER = re.compile(r"\b(?:with|including|despite|amid|thanks to)\b", re.IGNORECASE)


def _scope_words(scope: str) -> str:
    return repr(scope.replace("; ", " ... ")) if scope else "without any qualifier"


def _speaker_words(attribution: Attribution) -> str:
    how = {"quote": "quoting", "according to": "according to"}.get(attribution.how, "attributed to")
    return f"{how} {attribution.speaker}"
