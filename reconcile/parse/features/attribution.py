"""Quotations and attribution: who a sentence gives its statement to.

In: a sentence and the document's entity index. Out: the quotation spans and an
:class:`~reconcile.model.Attribution` (a quote's speaker, "according to", a
reporting verb and its subject).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile._text import stem
from reconcile.model import Attribution, Span

if TYPE_CHECKING:
    from reconcile.lexicon import Lexicon
    from reconcile.parse.features.entities import EntityIndex

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


@frozen
class _Patterns:
    """The attribution patterns of one lexicon's words, compiled once."""

    according_to: tuple[re.Pattern[str], ...]
    said_at_end: re.Pattern[str]
    says_at_start: re.Pattern[str]
    speaker_after: re.Pattern[str]
    speaker_before: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(
    reporting_verbs: frozenset[str], speech_adverbs: frozenset[str], according_to: tuple[str, ...]
) -> _Patterns:
    """Return the patterns for these reporting verbs, speech adverbs and "according to" phrases.

    Built and compiled once per lexicon rather than for every sentence: joining and
    sorting the verbs cost more than the searches themselves.
    """
    verbs = "|".join(sorted(reporting_verbs, key=len, reverse=True))
    # The object of "told" is whom it was told: "told the court" names no speaker.
    said = "|".join(
        sorted((v for v in reporting_verbs if not re.fullmatch(_TOLD, v)), key=len, reverse=True)
    )
    adverbs = "|".join(sorted(speech_adverbs, key=len, reverse=True))
    return _Patterns(
        according_to=tuple(
            re.compile(rf"\b{re.escape(phrase)}\s+({_NP})", re.IGNORECASE)
            for phrase in according_to
            if phrase != "per"
        ),
        said_at_end=re.compile(
            rf"[,”\"]\s*(?:(?P<s3>{_NAME}),\s+(?:\d+,\s+)?(?:{verbs})(?:\s+{_LISTENER})?"
            rf"|(?P<s1>{_SPEAKER})\s+(?:has\s+|have\s+|had\s+)?(?:{verbs})"
            rf"(?:\s+{_LISTENER})?|{_TOLD}\s+{_LISTENER}\s+(?P<s4>{_SPEAKER})"
            rf"|(?:{said})\s+(?P<s2>{_SPEAKER}))"
            rf"(?:\s+(?:{adverbs})\b)?"
            r"(?:\s+(?:on|in|at|during|after|before)\b[^.]{0,60})?\s*[.!?]?[”\"]?\s*$"
        ),
        says_at_start=re.compile(
            rf"\s*(?:[A-Z][\w ,'’-]{{0,40}},\s+)?(?P<s>{_NP})\s+(?:has\s+|have\s+|had\s+)?"
            rf"(?P<v>{verbs}|pointed out)\b"
        ),
        speaker_after=re.compile(
            rf"\s*(?:(?P<s1>{_NP})\s+(?:{verbs})|{_TOLD}\s+{_LISTENER}\s+(?P<s3>{_NP})"
            rf"|(?:{verbs})\s+(?P<s2>{_NP}))"
        ),
        speaker_before=re.compile(rf"(?P<s>{_NP})\s+(?:{verbs})\s*(?:that\s*)?[:,]?\s*$"),
    )


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
        >>> from reconcile.parse.features import EntityIndex
        >>> s = "Two people died, according to the regional police chief."
        >>> a = find_attribution(s, 0, len(s), lexicon=ENGLISH, index=EntityIndex([]))
        >>> a.speaker, a.how
        ('the regional police chief', 'according to')
    """
    sentence = text[start:end]
    pat = _patterns(lexicon.reporting_verbs, lexicon.speech_adverbs, lexicon.according_to)
    for according in pat.according_to:
        m = according.search(sentence)
        if m:
            speaker = m.group(1).strip()
            span = Span(start + m.start(), start + m.end(1))
            return _attribution(text, span, speaker, "according to", index=index, lexicon=lexicon)
    # "..., X said." / "..., said X." / "..., X told the court." at the end of the sentence.
    m = pat.said_at_end.search(sentence)
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
    m = pat.says_at_start.match(sentence)
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
    pat = _patterns(lexicon.reporting_verbs, lexicon.speech_adverbs, lexicon.according_to)
    after = text[quote.end : min(block_end, quote.end + 120)]
    m = pat.speaker_after.match(after)
    if m:
        speaker = _trim_speaker(m.group("s1") or m.group("s3") or m.group("s2"))
        return speaker, Span(
            quote.end + m.start(), quote.end + m.start() + len(m.group(0).rstrip("."))
        )
    before = text[max(0, quote.start - 120) : quote.start]
    m = pat.speaker_before.search(before)
    if m:
        base = quote.start - len(before)
        return m.group("s").strip(), Span(base + m.start(), base + m.end())
    return None


#: Words a speaker may open with and keep ("his spokesman", "the ministry").


def _attribution(
    text: str, span: Span, speaker: str, how: str, *, index: EntityIndex, lexicon: Lexicon
) -> Attribution:
    return Attribution(
        span, span.slice(text), speaker=speaker, key=_speaker_key(speaker, index, lexicon), how=how
    )


def _lead_trimmed(speaker: str, lexicon: Lexicon) -> str:
    """Drop leading function words that are not a determiner ("and then Smith" -> "Smith")."""
    words = speaker.split()
    while len(words) > 1 and words[0].lower() in lexicon.stopwords - lexicon.determiners:
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
