"""Status check: a plan still called planned after the event, or a denial against a report."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reconcile._text import (
    stem,
    tokens,
)
from reconcile.checks._base import SEVERITY, Hit, _Context, _has_phrase, _same_statement
from reconcile.checks.temporal import _event_times, _same_action, _shared_actions
from reconcile.lexicon import Lexicon
from reconcile.model import (
    Claim,
)
from reconcile.morphology import is_past_form, lemma

if TYPE_CHECKING:
    from collections.abc import Iterable

_PLANNED = frozenset({"planned", "expected"})


def _event_day(claim: Claim, ctx: _Context) -> date | None:
    """Return the last day of the event a claim dates, or its publication date."""
    times = _event_times(claim, ctx.lexicon)
    if len(times) == 1 and times[0].interval is not None:
        return times[0].interval[1]
    return ctx.published(claim)


#: Words after a negation in which to find what it denies: its first content word
#: ("did not close", "has not yet voted").
_NEGATED_WINDOW = 4


def _negates_shared(neg: Claim, pos: Claim, lexicon: Lexicon) -> bool:
    """Return whether the negation denies something the other claim affirms.

    A negation denies the first content word after it; when that word is not in the
    other claim, the two sentences negate and affirm different things ("he did not
    know why" in one, "the officers took the bomb inside" in the other).
    """
    words = tokens(neg.text)
    others = set(pos.terms) | {
        stem(lemma(w.lower)) for w in tokens(pos.text)
    }
    for i, w in enumerate(words):
        low = w.lower
        if low in lexicon.negations - lexicon.nominal_negations or low.endswith(("n't", "n’t")):
            denied = [
                stem(lemma(v.lower))
                for v in words[i + 1 : i + 1 + _NEGATED_WINDOW]
                if v.lower not in lexicon.stopwords
            ]
            if denied[:1] and denied[0] in others:
                return True
    return False


def _mentions(claim: Claim, phrases: Iterable[str]) -> bool:
    """Return whether a claim has one of these phrases as whole words (case aside)."""
    return _has_phrase(claim.text, phrases)


def _is_pending(claim: Claim, lexicon: Lexicon) -> bool:
    return _mentions(claim, lexicon.pending_negations)


#: A report that still calls a thing planned this long after it was done is not stale
#: news of it but speaks of another occurrence (the next ceremony, a second attempt).
_STALE_DAYS = 31


def _says_recurrence(claim: Claim, lexicon: Lexicon) -> bool:
    """Return whether a claim marks another occurrence ("again", "previously", "used to")."""
    return _mentions(claim, lexicon.recurrence_markers)


def _dated_after(claim: Claim, day: date) -> bool:
    """Return whether a claim dates what it says after ``day`` (a plan for a later date)."""
    return any(t.interval is not None and t.interval[0] > day for t in claim.times)


def _reports_done(claim: Claim, actions: set[str], lexicon: Lexicon) -> bool:
    """Return whether a claim puts one of these actions in the past ("was fired")."""
    words = tokens(claim.text)
    for i, w in enumerate(words):
        low = w.lower
        if not is_past_form(low, lexicon):
            continue
        if stem(lemma(low)) not in actions:
            continue
        if i == 0 or words[i - 1].lower not in lexicon.unreal_past_openers:
            return True
    return False


def check_status(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag plan-versus-done that publication dates do not explain, or a negated fact."""
    if (
        a.is_negated != b.is_negated
        and _same_statement(set(a.terms), set(b.terms))
        and _negates_shared(*((a, b) if a.is_negated else (b, a)), ctx.lexicon)
    ):
        neg, pos = (a, b) if a.is_negated else (b, a)
        if _mentions(pos, ctx.lexicon.implicit_negatives):
            return None  # "without the death penalty", "failed to meet": a denial in other words
        told, happened = ctx.published(neg), _event_day(pos, ctx)
        pending = _is_pending(neg, ctx.lexicon)
        if pending and pos.modality in _PLANNED:
            return None  # "has not yet taken effect" and "will take effect" agree
        if pending and told is not None and happened is not None and told < happened:
            return None  # "not yet" told before the day it happened
        return Hit(
            "status",
            f"{neg.source} says this did not happen; {pos.source} says it did.",
            SEVERITY["status"],
            "negated / affirmed",
        )
    # Planned and done are of one thing when both state its action, or most of their words.
    if not _same_action(a, b, ctx.lexicon):
        return None
    shared_actions = _shared_actions(a, b, ctx.lexicon)
    for plan, done in ((a, b), (b, a)):
        if plan.modality in _PLANNED and done.modality == "done":
            if _reports_done(plan, shared_actions, ctx.lexicon):
                continue  # "X was fired today, and Y will take over": the firing is done
            if _says_recurrence(plan, ctx.lexicon) or _says_recurrence(done, ctx.lexicon):
                continue  # "will be required again" / "previously required": two occurrences
            told, happened = ctx.published(plan), _event_day(done, ctx)
            if told is None or happened is None or told <= happened:
                continue  # a plan told before (or as) it happened is compatible with its report
            if (told - happened).days > _STALE_DAYS or _dated_after(plan, told):
                continue  # the plan is of another occurrence ("will host again next year")
            return Hit(
                "status",
                f"{plan.source} (published {told}) still reports this as {plan.modality}, "
                f"but {done.source} reports it done ({happened}).",
                SEVERITY["status"],
                f"{plan.modality} / done",
            )
    return None
