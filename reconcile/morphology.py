"""English morphology, asked the same way by every stage: lemma, past form, finite verb.

The forms come from LemmInflect's dictionary of English inflections (it ships
inside its wheel, so nothing is fetched): "held" is a form of "hold", "cut" and
"read" are their own past forms, "hundred" and "indeed" are no verb at all. A
word the dictionary does not know counts as a past form when it ends in "-ed"
("geolocated"). The :class:`~reconcile.lexicon.Lexicon` adds what a dictionary
cannot know about news usage: the participles that say how sure an action is
("expected", "planned") or that read as adjectives ("based in", "related
articles"), which are no past events (``not_past``), and the auxiliaries that make
a clause finite (``finite_auxiliaries``).

Every function takes a lowercase word.

Examples:
    >>> from reconcile.lexicon import ENGLISH
    >>> [verb_lemma(w) for w in ("held", "arrives", "hundred")]
    ['hold', 'arrive', None]
    >>> [is_past_form(w, ENGLISH) for w in ("killed", "struck", "cut", "hundred", "planned")]
    [True, True, True, False, False]
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import lemminflect

if TYPE_CHECKING:
    from reconcile.lexicon import Lexicon

__all__ = ["is_finite", "is_past_form", "lemma", "verb_lemma"]

#: Penn Treebank tags of the past tense and the past participle.
_PAST_TAGS = ("VBD", "VBN")
#: An unknown word in -ed is a past form only from this length ("geolocated", not "ted").
_MIN_UNKNOWN_PAST = 5


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str | None:
    """Return the lemma of ``word`` read as a verb, or None when it is no form of a verb.

    Where a form belongs to several verbs ("found": find, found), the first the
    dictionary gives wins, so the answer is the same every time.
    """
    lemmas = lemminflect.getAllLemmas(word, upos="VERB").get("VERB")
    return lemmas[0] if lemmas else None


def lemma(word: str) -> str:
    """Return the verb lemma of ``word`` ("held" -> "hold"), or the word where it is no verb.

    Examples:
        >>> [lemma(w) for w in ("held", "met", "talks", "summit")]
        ['hold', 'meet', 'talk', 'summit']
    """
    return verb_lemma(word) or word


@lru_cache(maxsize=65536)
def _past_lemma(word: str) -> str | None:
    """Return the verb ``word`` is a past form of, or "" for an unknown word in -ed.

    A past tense counts even where it is the base form too ("cut", "put"); a past
    participle only where it is not ("come" in "could come" is no past).
    """
    known = lemminflect.getAllLemmas(word)
    if not known:
        return "" if word.endswith("ed") and len(word) >= _MIN_UNKNOWN_PAST else None
    for verb in known.get("VERB", ()):
        forms = lemminflect.getAllInflections(verb, upos="VERB")
        if word in forms.get("VBD", ()) or (word in forms.get("VBN", ()) and word != verb):
            return str(verb)
    return None


def is_past_form(word: str, lexicon: Lexicon) -> bool:
    """Return whether ``word`` is a past tense or past participle that reports a deed.

    The past of a modal ("would", "could") is no past event: it says how sure a
    thing is.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> [is_past_form(w, ENGLISH) for w in ("fled", "died", "geolocated", "expected", "bed")]
        [True, True, True, False, False]
        >>> [is_past_form(w, ENGLISH) for w in ("would", "came", "come", "cut")]
        [False, True, False, True]
    """
    if word in lexicon.not_past:
        return False
    verb = _past_lemma(word)
    return verb is not None and verb not in lexicon.modal_verbs


def is_finite(word: str, lexicon: Lexicon) -> bool:
    """Return whether ``word`` makes a clause finite: an auxiliary ("is", "will") or a past form.

    Examples:
        >>> from reconcile.lexicon import ENGLISH
        >>> [is_finite(w, ENGLISH) for w in ("will", "signed", "signing", "the")]
        [True, True, False, False]
    """
    return word in lexicon.finite_auxiliaries or is_past_form(word, lexicon)
