"""Split text into sentences, as half-open spans into the original string.

One regular expression finds every candidate boundary: a token that ends in a
run of ``.``, ``!``, ``?`` or ``…`` (spaced ellipses such as ``. . .`` included),
optionally followed by closing quotes or brackets, then whitespace. Each
candidate is decided by cheap checks of the token before it and the word after
it (abbreviations, initials, numbers, ellipses, a lowercase continuation).
Blank lines, bullets, numbered lists run into one line, and line breaks after
a heading are boundaries found by separate linear scans.

No pattern can backtrack catastrophically and no Python loop runs once per
character: the work is linear in the length of the text, with a Python step per
candidate boundary and per line.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING

from attrs import frozen

from reconcile.errors import UsageError
from reconcile.lexicon import ENGLISH, Lexicon
from reconcile.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["split_sentences"]

_QUESTION_MARKS = "!?‼⁇⁈⁉‽！？"
# The Devanagari danda ends a sentence in Hindi, Marathi, Nepali, Sanskrit.
_TERMINALS = "." + "…" + "。" + "।॥" + _QUESTION_MARKS
_CLOSERS = "\"'”’»›)]}"
_OPENERS = "\"'“‘«‹([{"
# Bullets that open an item wherever they stand, even in the middle of a line.
_BULLETS = "•⁃◦▪‣●■"
# At the start of a line, dashes and asterisks open an item too.
_LINE_BULLETS = _BULLETS + "*-–—·"
_CONTINUERS = ",;:"
_OPENING_QUOTES = '"“'

_T = re.escape(_TERMINALS)
_C = re.escape(_CLOSERS)

# The end of a token that ends in sentence-final punctuation: the last terminal,
# any spaced ellipsis that follows (". . ."), closing quotes or brackets, then
# whitespace. It starts with a terminal, so the regex engine skips ahead to the
# rare punctuation characters; every attempt fails or succeeds in a bounded number
# of steps, except a spaced ellipsis, which it then consumes: linear time.
_CANDIDATE = re.compile(rf"[{_T}](?:[ \t]+[.…]+(?=[\s{_C}]|\Z))*[{_C}]*+(?=\s|\Z)")
# How far back to look for the start of a token; a longer token (a URL) is read
# from this far back, which is enough to tell an abbreviation or a number.
_TOKEN_WINDOW = 64
# What follows a candidate: the whitespace, a few symbols (quotes, brackets,
# commas), and the first letters of the next word.
_AFTER = re.compile(r"(\s*)([^\w\n]{0,8})(\w{0,30})")
# "U.S", "a.m", "e.g", "Ph.D": letters joined by periods (the last period is the candidate's).
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
# What can label a list item: "1", "12", "a", "B", "iv".
_LABEL = re.compile(r"\d{1,3}|[A-Za-z]|[ivxIVX]{1,4}")
# An item of a numbered or lettered list written inline: "1. ", "2.) ", "3) ", "a. ", "• 9. ".
_LIST_MARKER = re.compile(
    rf"(?<!\S)(?P<bullet>[{_BULLETS}][ \t]*)?(?P<label>\d{{1,2}}|[a-z])(?P<suffix>\.\)|[.)])(?=\s)"
)
# Just the labels of such items, to find cheaply whether any two are consecutive.
_LIST_LABEL = re.compile(rf"(?<![^\s{_BULLETS}])(?:\d{{1,2}}|[a-z])(?=(?:\.\)|[.)])\s)")
_BULLET = re.compile(rf"[{_BULLETS}]")
# A line that opens a new block: a bullet, a dash, "1." / "1)" / "(1)" / "a)".
_BLOCK_START = re.compile(
    rf"[{re.escape(_LINE_BULLETS)}](?:\s|$)|[{_BULLETS}]|(?:\d{{1,3}}|[a-z])[.)](?:\s|$)|\(\w{{1,3}}\)\s"
)
# Chinese and Japanese put no space after a sentence: a full-width terminal ends
# one when text follows at once. Not before a closing quote: "「よかった！」と言った"
# goes on after the quote, and the quote does not tell which.
_FULLWIDTH_END = re.compile(r"[。！？](?=[^\s」』）〕】”’\"'])")
_DETACHED_CLOSER = re.compile(r"[ \t]+([\"”’]+)(?=\s|\Z)")
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_PARAGRAPH_SEPARATORS = "\x0c\x1c\x1d\x1e\u2029"

# A block whose lines are all narrower than this is not wrapped prose (a list,
# an address, a header): a line break before a capitalized line is a boundary
# there when the line before it has no final punctuation.
_MIN_WRAP_WIDTH = 40
# "At 5 a.m." is not a sentence: a candidate that would end a sentence of at most
# this many words opening with a preposition is not a boundary.
_FRONTED_PHRASE_WORDS = 4


@frozen
class _Rules:
    """The word lists of a lexicon, in the shapes the splitter reads."""

    abbreviations: frozenset[str]
    prepositive: frozenset[str]
    starters: frozenset[str]
    prepositions: frozenset[str]


# The rules read from the lexicons in use, by identity: a Lexicon is frozen, but
# it may hold an unhashable field (a dict), so it cannot key an lru_cache.
_RULES_CACHE: dict[int, tuple[weakref.ref[Lexicon], _Rules]] = {}
_RULES_CACHE_SIZE = 16


def _rules(lexicon: Lexicon) -> _Rules:
    hit = _RULES_CACHE.get(id(lexicon))
    if hit is not None and hit[0]() is lexicon:
        return hit[1]
    rules = _read_rules(lexicon)
    if len(_RULES_CACHE) >= _RULES_CACHE_SIZE:
        _RULES_CACHE.clear()
    _RULES_CACHE[id(lexicon)] = (weakref.ref(lexicon), rules)
    return rules


def _read_rules(lexicon: Lexicon) -> _Rules:
    # Titles written with a period ("Mr.", "Gen.") always stand before a name.
    prepositive = frozenset(t[:-1].lower() for t in lexicon.titles if t.endswith("."))
    return _Rules(
        abbreviations=frozenset(a.lower().rstrip(".") for a in lexicon.abbreviations) | prepositive,
        prepositive=prepositive,
        # Function words open sentences and are rarely names: "U.S. How", "Co. It".
        starters=frozenset(lexicon.stopwords),
        # Prepositions: "At 5 a.m." and "By 10 p.m." open a sentence, never end one.
        prepositions=frozenset(lexicon.scope_words),
    )


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, lexicon: Lexicon = ENGLISH
) -> tuple[Span, ...]:
    """Split ``text[start:end]`` into sentences.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis followed by whitespace,
    after any closing quotes or brackets, unless the period belongs to an
    abbreviation (``Gen.``, ``Calif.``, ``U.S.`` before a name), an initial
    (``J. R. R. Tolkien``), a number (``No. 5``) or a list label, or the next
    word starts in lowercase (``"Great!" she said.``). Blank lines are always
    boundaries. A single line break is a boundary after sentence-final
    punctuation, before a bullet or a numbered item, and after a line too short
    to have been wrapped (a heading); otherwise it is a space inside a wrapped
    sentence.

    Args:
        text: the text, exactly as read; spans index it.
        start: where the range to split begins.
        end: where it ends (exclusive); ``None`` means the end of ``text``.
        lexicon: the abbreviations, titles and stopwords to read the text with.

    Returns:
        The sentences in order, as non-overlapping spans into ``text`` (absolute
        offsets) without leading or trailing whitespace. Together they cover every
        non-whitespace character of the range.

    Raises:
        UsageError: ``start`` and ``end`` do not lie within ``text`` in order.

    Examples:
        >>> text = "Gen. Smith arrived in the U.S. on Monday. He met officials."
        >>> [s.slice(text) for s in split_sentences(text)]
        ['Gen. Smith arrived in the U.S. on Monday.', 'He met officials.']
        >>> text = "“It was a historic partnership.” He said the deal is done."
        >>> [s.slice(text) for s in split_sentences(text)]
        ['“It was a historic partnership.”', 'He said the deal is done.']
        >>> split_sentences("Hi. Bye.", 4)
        (Span(start=4, end=8),)
    """
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        msg = (
            f"The range to split must lie within the text (got start={start}, end={end} "
            f"for a text of {len(text)} characters). Pass 0 <= start <= end <= len(text)."
        )
        raise UsageError(msg)
    sub = text[start:stop]
    pieces = _pieces(sub, _cuts(sub, _rules(lexicon)))
    return tuple(Span(start + a, start + b) for a, b in pieces)


def _pieces(sub: str, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Return the non-blank stretches between cuts, stripped of whitespace."""
    out = []
    bounds = sorted({0, len(sub), *cuts})
    for a, b in pairwise(bounds):
        piece = sub[a:b]
        left = piece.lstrip()
        if left:
            out.append((b - len(left), a + len(piece.rstrip())))
    return out


def _cuts(sub: str, rules: _Rules) -> list[int]:
    """Return the positions in ``sub`` where one sentence ends and the next may begin."""
    structural: list[int] = []
    paragraphs: list[int] = []
    hard_breaks: set[int] = set()
    if _LINE_BREAK.search(sub):
        _line_cuts(sub, structural, paragraphs, hard_breaks)
    suppressed = _list_cuts(sub, structural)
    structural.sort()

    cuts = list(structural)
    last_cut = 0
    quotes = _QuoteParity(sub, paragraphs)
    for m in _CANDIDATE.finditer(sub):
        tok_end = m.end()
        if tok_end in suppressed:
            continue
        after = _AFTER.match(sub, tok_end)
        if after is None or after.end(1) == len(sub):  # the end of the text ends it anyway
            continue
        pre, word = after.group(2, 3)
        if word[:1].islower() or (pre and any(c in pre for c in _CONTINUERS)):
            continue  # '"Great!" she said', 'Co. at noon', 'Inc., the maker'
        tok_start = _token_start(sub, m.start())
        i = bisect_right(structural, tok_start)
        sent_start = max(last_cut, structural[i - 1] if i else 0)
        cut = _decide(
            sub,
            sub[tok_start:tok_end],
            tok_start=tok_start,
            sent_start=sent_start,
            after=after,
            hard_breaks=hard_breaks,
            rules=rules,
        )
        if cut is None:
            continue
        if cut == tok_end and after.group(2):
            # A closing quote set off by a space ('happen. " White said') still
            # belongs to the sentence it closes.
            detached = _DETACHED_CLOSER.match(sub, tok_end)
            if detached and ('"' not in detached[1] or quotes.is_open(tok_end)):
                cut = detached.end()
        cuts.append(cut)
        last_cut = cut
    cuts.extend(m.end() for m in _FULLWIDTH_END.finditer(sub))
    return cuts


def _token_start(sub: str, end: int) -> int:
    """Return where the whitespace-delimited token that ends at ``end`` starts."""
    window = max(0, end - _TOKEN_WINDOW)
    start = 1 + max(sub.rfind(" ", window, end), sub.rfind("\n", window, end), window - 1)
    if sub[start:end].isprintable():
        return start
    # Rarer whitespace (tabs, no-break spaces): find the last one the slow way.
    return next(
        (i + 1 for i in range(end - 1, start - 1, -1) if sub[i].isspace()),
        start,
    )


class _QuoteParity:
    """Tell whether a straight double quote is open at a position, paragraph by paragraph.

    Positions are asked in increasing order, so the counting is linear overall.
    """

    def __init__(self, sub: str, paragraphs: list[int]) -> None:
        self._sub = sub
        self._paragraphs = paragraphs
        self._pos = 0
        self._is_open = False

    def is_open(self, pos: int) -> bool:
        i = bisect_right(self._paragraphs, pos)
        paragraph = self._paragraphs[i - 1] if i else 0
        if paragraph > self._pos:
            self._pos, self._is_open = paragraph, False
        if self._sub.count('"', self._pos, pos) % 2:
            self._is_open = not self._is_open
        self._pos = max(self._pos, pos)
        return self._is_open


def _decide(
    sub: str,
    tok: str,
    *,
    tok_start: int,
    sent_start: int,
    after: re.Match[str],
    hard_breaks: set[int],
    rules: _Rules,
) -> int | None:
    """Return where to cut for the candidate token ``tok``, or ``None`` to go on.

    The caller has already gone on past a candidate followed by a lowercase word
    or a comma: those are never boundaries.
    """
    tok_end = tok_start + len(tok)
    _, pre, word = after.groups()
    first = word[:1]  # not lowercase, and no comma follows: the caller checked
    body = tok.rstrip(_CLOSERS)
    stem = body.rstrip(_TERMINALS + " \t")
    punct = body[len(stem) :]
    core = stem.lstrip(_OPENERS + _LINE_BULLETS)
    low = core.lower()

    if after.end(1) in hard_breaks:
        # The line was not wrapped: its final punctuation ends the sentence.
        return None if low in rules.prepositive else tok_end

    if punct != "." and any(c in _QUESTION_MARKS for c in punct):
        return tok_end

    n_dots = punct.count(".") + 3 * punct.count("…")
    is_upper = first.isupper()
    if n_dots >= 2:
        # An ellipsis. Standing alone, three dots mark an omission inside a
        # sentence; a fourth is the sentence's own period.
        if not core:
            return tok_end if n_dots >= 4 and is_upper else None
        if not is_upper:
            return None
        if punct.startswith((". ", ".\t")) and n_dots >= 4:
            # "compounds. . . . The": the period ends the sentence and the
            # ellipsis opens the next one.
            return tok_start + len(stem) + 1
        return tok_end

    if not core:
        # A period standing alone ends a sentence ("the end . Then"); after an
        # opening bracket it starts a number ("(.535)").
        return None if stem else tok_end
    if _LABEL.fullmatch(core) and _opens_sentence(sub, sent_start, tok_start):
        return None  # "1. The first item", "a. The first item"
    is_abbreviation = (
        low in rules.abbreviations or (len(core) == 1 and core.isalpha()) or _DOTTED.fullmatch(core)
    )
    if first.isdigit():
        # "No. 5", "p. 55", "Jan. 5", "N°. 1026" read on; "in 2010. 12 people" does not.
        return None if is_abbreviation or not core[-1].isalnum() else tok_end
    if not is_abbreviation or not first:
        return tok_end
    if low in rules.prepositive:
        return None  # "Mr. Smith", "Gen. Mark Milley"
    # An abbreviation before a capitalized word ends the sentence only when that
    # word is one that opens sentences ("U.S. How", "Co. It") or opens a quotation
    # ('Calif. "Lindsay never'), and not a name ("U.S. Government", "Jonas E. Smith").
    if _is_initial(sub, after):
        return None
    if word.lower() not in rules.starters and not any(q in pre for q in _OPENING_QUOTES):
        return None
    if _is_fronted_phrase(sub, sent_start, tok_end, rules):
        return None  # "At 5 a.m. Mr. Smith went to the bank."
    return tok_end


def _is_initial(sub: str, after: re.Match[str]) -> bool:
    """Return whether the next word is an initial ("L. A. Superior Court", "J. R. R.")."""
    return len(after.group(3)) == 1 and sub[after.end() : after.end() + 1] == "."


def _opens_sentence(sub: str, sent_start: int, tok_start: int) -> bool:
    """Return whether only whitespace and bullets stand between the sentence start and a token."""
    if tok_start - sent_start > 12:
        return False
    return not sub[sent_start:tok_start].strip().strip(_LINE_BULLETS).strip()


def _is_fronted_phrase(sub: str, sent_start: int, tok_end: int, rules: _Rules) -> bool:
    """Return whether the sentence so far is only a short prepositional phrase."""
    if tok_end - sent_start > 40:
        return False
    words = sub[sent_start:tok_end].split()
    return (
        0 < len(words) <= _FRONTED_PHRASE_WORDS
        and words[0].lstrip(_OPENERS).lower() in rules.prepositions
    )


def _line_cuts(
    sub: str, structural: list[int], paragraphs: list[int], hard_breaks: set[int]
) -> None:
    """Add the boundaries that line breaks make, and note which breaks are hard.

    A blank line always cuts. Within a block of non-blank lines, a break is hard
    when the first word of the next line would have fitted on the line before
    (the block's longest line giving the width): greedy line wrapping never
    leaves such a gap, so the line ended on purpose, like a heading does.
    """
    block: list[tuple[int, str]] = []
    pos = 0
    for line in sub.splitlines(keepends=True):
        body = line.rstrip()
        if body:
            block.append((pos, body))
        elif block:  # the first blank line after text; the blank lines after it add nothing
            _block_cuts(block, structural, hard_breaks)
            block = []
            structural.append(pos)
            paragraphs.append(pos)
        pos += len(line)
        if line[-1:] in _PARAGRAPH_SEPARATORS:
            _block_cuts(block, structural, hard_breaks)
            block = []
            structural.append(pos)
            paragraphs.append(pos)
    _block_cuts(block, structural, hard_breaks)


def _block_cuts(block: list[tuple[int, str]], structural: list[int], hard_breaks: set[int]) -> None:
    """Decide the line breaks inside one block of non-blank lines."""
    if len(block) < 2:
        return
    width = max(len(body) for _, body in block)
    for (_, above), (pos, below) in pairwise(block):
        text = below.lstrip()
        first = pos + len(below) - len(text)
        space = text.find(" ")
        first_word = len(text) if space < 0 else space
        opens = text[0].isupper() or text[0].isdigit()
        is_hard = len(above) + 1 + first_word <= max(width, _MIN_WRAP_WIDTH if opens else 0)
        last = above.rstrip(_CLOSERS)[-1:]
        if last and last in _TERMINALS:
            # Final punctuation: the candidate boundary there is decided with the others.
            if is_hard:
                hard_breaks.add(first)
        elif is_hard or _BLOCK_START.match(text):
            structural.append(first)


def _list_cuts(sub: str, structural: list[int]) -> set[int]:
    """Add a boundary before each item of an inline list; return the ends of their labels.

    Labels count as a list only in a run of consecutive values ("1.", "2.";
    "a.", "b.") whose first label opens the text, a line, or follows a bullet,
    a colon or final punctuation, so "he ranked 2. Then" is left to the
    candidates.
    """
    structural.extend(
        m.start() for m in _BULLET.finditer(sub) if m.start() and sub[m.start() - 1].isspace()
    )
    labels = set(_LIST_LABEL.findall(sub))
    if not any(_next_label(label) in labels for label in labels):
        return set()  # no two consecutive labels: no list (and no Python step per label)
    chains: list[list[re.Match[str]]] = []
    open_chains: dict[tuple[bool, str], list[re.Match[str]]] = {}
    for m in _LIST_MARKER.finditer(sub):
        key = (m["label"].isdigit(), m["suffix"])
        chain = open_chains.get(key)
        if chain is not None and _label_value(chain[-1]) + 1 == _label_value(m):
            chain.append(m)
        else:
            open_chains[key] = chain = [m]
            chains.append(chain)
    suppressed: set[int] = set()
    for chain in chains:
        if len(chain) >= 2 and _opens_list(sub, chain[0]):
            for m in chain:
                structural.append(m.start())
                suppressed.add(m.end())
    return suppressed


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _label_value(m: re.Match[str]) -> int:
    label = m["label"]
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


def _opens_list(sub: str, m: re.Match[str]) -> bool:
    """Return whether a list label stands where a list can begin."""
    if m["bullet"]:
        return True
    start = m.start()
    window = sub[max(0, start - 8) : start]
    before = window.rstrip()
    if not before or _LINE_BREAK.search(window, len(before)):
        return True
    return before[-1] in _TERMINALS + _CLOSERS + _BULLETS + ":"
