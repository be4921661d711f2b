"""Names: whether two mentions may name one entity, and names that are not entities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reconcile._text import entity_keys_match, share_stem, stem, without_possessive

if TYPE_CHECKING:
    from reconcile.lexicon import Lexicon
    from reconcile.model import Claim, Entity


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
    if " " in word or not word.lower().endswith(lexicon.demonym_endings):
        return False
    # The words just before the mention, not the whole claim before it: a claim can
    # be a text without punctuation, with thousands of names.
    offset = entity.span.start - claim.span.start
    before = claim.text[max(0, offset - 64) : offset].rstrip()
    if len(before) < 3 and offset > 64:
        before = claim.text[:offset].rstrip()
    return before.lower().endswith("the")


def _same_subject(x: Entity, y: Entity, lexicon: Lexicon) -> bool:
    """Return whether two mentions may be of one subject: one entity, or a place and its people.

    "Floods in Bangladesh" and "thousands of Bangladeshis" are about one country; a
    count in both is of the same thing. One-word names that share their stem (the first
    four letters at least, all but three of the shorter one) are a place and its people.
    """
    if _same_entity(x, y, lexicon):
        return True
    wx, wy = _letters(x.text), _letters(y.text)
    if " " in x.text.strip() or " " in y.text.strip() or not wx or not wy:
        return False
    return share_stem(wx, wy)
