"""Attribution check: a statement given to different speakers, or a fact the other attributes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reconcile._text import (
    entity_keys_match,
    stem,
    tokens,
)
from reconcile.checks._base import SEVERITY, Hit, _Context, _has_phrase, _same_statement
from reconcile.lexicon import Lexicon
from reconcile.model import (
    Attribution,
    Claim,
)

if TYPE_CHECKING:
    pass


def _speaker_keys(att: Attribution, ctx: _Context) -> set[str]:
    """Return the keys a speaker may go by: its own, and the names holding its title."""
    keys = {att.key}
    words = [w.lower() for w in att.speaker.split() if w.lower() not in ctx.lexicon.stopwords]
    if words and not any(w[:1].isupper() for w in att.speaker.split()[-1:]):
        for table in ctx.roles.values():
            keys.update(table.get(words[-1], ()))
    return keys


def _same_speaker(x: Attribution, y: Attribution, a: Claim, b: Claim, ctx: _Context) -> bool:
    kx, ky = _speaker_keys(x, ctx), _speaker_keys(y, ctx)
    if any(entity_keys_match(p, q) for p in kx for q in ky):
        return True
    # A bare title ("said Secretary") may be whoever holds it: it contradicts a name,
    # though not another title ("the mayor" is not "the governor").
    for title, other in ((x, y), (y, x)):
        if _is_bare_title(title, ctx.lexicon) and _is_named(other, ctx.lexicon):
            return True
    # "the company" may be any company its own article names: "Brightwater" in the other.
    for desc, named, desc_claim in ((x, y, a), (y, x, b)):
        # Only a bare name ("Brightwater"), not a titled person ("Crisply's chief executive").
        if _is_description(desc) and all(w[:1].isupper() for w in named.speaker.split()):
            doc = ctx.documents[desc_claim.source]
            names = {e.key for c in doc.claims for e in c.entities if e.kind == "name"}
            if any(entity_keys_match(k, n) for k in _speaker_keys(named, ctx) for n in names):
                return True
    # "the union" and "union leader Carlos Allendes", "the company" and "a company
    # spokeswoman": the person speaks for the body the description names.
    for desc, other in ((x, y), (y, x)):
        if _is_description(desc):
            head = desc.speaker.split()[-1].lower()
            if head in {w.lower() for w in other.speaker.split() if not w[:1].isupper()}:
                return True
    # "police" and "the regional police chief": one names the other.
    return fuzz.token_set_ratio(x.speaker.lower(), y.speaker.lower()) >= 80


def _is_bare_title(att: Attribution, lexicon: Lexicon) -> bool:
    titles = {t.rstrip(".") for t in lexicon.titles}
    words = [w.lower().rstrip(".") for w in att.speaker.split()]
    return all(w in titles or w in lexicon.stopwords for w in words)


def _is_named(att: Attribution, lexicon: Lexicon) -> bool:
    """Return whether a speaker has a proper name ("Kempthorne", "police chief Sara Lind")."""
    titles = {t.rstrip(".") for t in lexicon.titles}
    return any(
        w[:1].isupper() and w.lower().rstrip(".") not in titles | lexicon.stopwords
        for w in att.speaker.split()
    )


def _is_description(att: Attribution) -> bool:
    """Return whether a speaker is "the" and common nouns ("the company", "the ministry")."""
    words = att.speaker.split()
    return (
        len(words) >= 2
        and words[0].lower() == "the"
        and not any(w[:1].isupper() for w in words[1:])
    )


def _is_generic(att: Attribution, lexicon: Lexicon) -> bool:
    """Return whether a speaker names no one in particular ("officials", "police")."""
    words = att.speaker.split()
    if any(w[:1].isupper() for w in words[1:]) or (
        words and words[0][:1].isupper() and words[0].lower() not in lexicon.stopwords
    ):
        return False
    head = words[-1].lower() if words else ""
    return head in lexicon.generic_speakers or (head.endswith("s") and not head.endswith("ss"))


def _speaker_acts(att: Attribution, claim: Claim, ctx: _Context) -> bool:
    """Return whether the speaker is an actor of the fact ("Lumen said it would close ...")."""
    keys = _speaker_keys(att, ctx)
    if any(entity_keys_match(k, e.key) for k in keys for e in claim.entities):
        return True
    heads = {stem(w) for w in att.speaker.split()[-1:]}
    return bool(heads & set(claim.terms)) or _names_other(claim, att, ctx.lexicon)


_QUOTE_MARKS = '"“”‘’«»'


def _says_someone_said(claim: Claim, lexicon: Lexicon) -> bool:
    """Return whether a claim is a quotation or reports speech, whoever the speaker is."""
    text = claim.text.strip()
    if claim.is_quote or text[:1] in _QUOTE_MARKS:
        return True
    words = {w.lower for w in tokens(text)}
    return bool(words & lexicon.reporting_verbs) or _has_phrase(
        text, (p for p in lexicon.according_to if p != "per")
    )


def _said_terms(claim: Claim) -> set[str]:
    """Return the claim's terms outside its attribution ("..., the owner claimed")."""
    att = claim.attribution
    if att is None:
        return set(claim.terms)
    named = {stem(w.lower) for w in tokens(att.text)}
    return {t for t in claim.terms if t not in named}


#: A fact stated plainly against the same fact attributed: the two must say it in
#: nearly the same words (Dice coefficient of their terms), not just share a topic.
_SAME_WORDS = 0.75


def _same_words(x: set[str], y: set[str]) -> bool:
    return bool(x) and bool(y) and 2 * len(x & y) / (len(x) + len(y)) >= _SAME_WORDS


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|our|us)\b")


def _speaks_first_person(claim: Claim) -> bool:
    """Return whether a claim speaks in the first person: someone's words, not a fact."""
    return _FIRST_PERSON.search(claim.text) is not None


def _is_channel(att: Attribution, lexicon: Lexicon) -> bool:
    """Return whether a speaker is a news outlet passing the fact on (a channel)."""
    if att.speaker.lower() in lexicon.news_agencies:
        return True
    return any(w.lower in lexicon.channel_verbs for w in tokens(att.text))


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _names_other(claim: Claim, att: Attribution, lexicon: Lexicon) -> bool:
    """Return whether a claim, outside its quotations, names the speaker ``att`` names.

    "..., said ABC Entertainment Group prexy Paul Lee" names Paul Lee; "..., said
    Zadan and Meron" names Meron; "Hastings did not know ..." names Lieutenant
    Hastings. A bare title ("the mayor") names no one.
    """
    titles = {t.rstrip(".") for t in lexicon.titles}
    names = [
        w.strip(",.")
        for w in att.speaker.split()
        if w[:1].isupper() and w.lower().rstrip(".") not in titles
    ]
    text = _QUOTED.sub(" ", claim.text)
    return bool(names) and all(
        re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) is not None for w in names
    )


def check_attribution(a: Claim, b: Claim, ctx: _Context) -> Hit | None:
    """Flag a statement given to different speakers, or a fact that the other source attributes."""
    aa, ab = a.attribution, b.attribution
    if aa is None and ab is None:
        return None
    # Who said it matters only when both say the same thing, not two facts of one story.
    if not _same_statement(_said_terms(a), _said_terms(b)):
        return None
    if aa is None or ab is None:
        said, plain = (a, b) if aa is not None else (b, a)
        att = said.attribution
        assert att is not None
        if (
            plain.modality == "hedged"
            or not _same_words(_said_terms(a), _said_terms(b))
            or _speaker_acts(att, plain, ctx)
            or _says_someone_said(plain, ctx.lexicon)
            or _speaks_first_person(plain)
            or _is_channel(att, ctx.lexicon)
            or (_is_generic(att, ctx.lexicon) and not said.is_quote)
        ):
            # A wire service or a paper ("dpa reported") is a channel, not a claimant;
            # "police said" is where news facts come from, not a doubt about them.
            return None
        return Hit(
            "attribution",
            f"{plain.source} states this as fact; {said.source} attributes it to "
            f"{att.speaker} ({att.text.strip()!r}).",
            "low",
            f"fact / {att.speaker}",
        )
    if (
        _same_speaker(aa, ab, a, b, ctx)
        or _names_other(a, ab, ctx.lexicon)
        or _names_other(b, aa, ctx.lexicon)
    ):
        return None
    is_quote = a.is_quote or b.is_quote or "quote" in (aa.how, ab.how)
    if not is_quote and (_is_generic(aa, ctx.lexicon) or _is_generic(ab, ctx.lexicon)):
        return None
    return Hit(
        "attribution",
        f"{a.source} gives this to {aa.speaker} ({aa.text.strip()!r}) but {b.source} to "
        f"{ab.speaker} ({ab.text.strip()!r}).",
        SEVERITY["attribution"],
        f"{aa.speaker} / {ab.speaker}",
    )
