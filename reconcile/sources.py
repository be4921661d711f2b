"""Decode articles from files or bytes: find the encoding, refuse what is not text, tell HTML apart.

In: a path or raw bytes. Out: :class:`Decoded` text with its encoding, whether it
is HTML and the notes on how it was read; :meth:`reconcile.Source.from_file` and
:meth:`reconcile.Source.from_bytes` build a source from it. This module knows no
pipeline value, so the value module can use it.

:func:`read_file` reads the bytes itself and never translates newlines, so every
offset in a report indexes the text as the file holds it: ``source.text ==
open(path, encoding=source.encoding, newline="").read()`` for every file it
accepts. A UTF-8 byte-order mark stays the first character of the text (the
layout labels it "byte-order-mark"); a UTF-16 or UTF-32 one is consumed by its
codec, as Python's own ``open`` does.

Decoding tries, in order: a byte-order mark; UTF-16 without one (ASCII text
with every other byte NUL); strict UTF-8; UTF-8 with a few stray bytes of a
legacy code page (a file pasted together from two sources); and last
charset-normalizer's best guess among legacy encodings (cp1252, Shift-JIS...).
Every decision that is not plain UTF-8 is recorded in ``Source.notes`` and
issued as a :class:`~reconcile.SourceWarning` naming the encoding.

Mojibake ("â€™" for "'": UTF-8 read as cp1252 and saved again) is noted and, by
default, left as in the file, so that offsets index the file as the report
contract says. With ``repair_mojibake=True`` (``--repair-mojibake``) it is
repaired when that is safe: when the whole text, encoded back as cp1252, is valid
UTF-8, so the repair is exact and reversible; offsets then index the repaired
text, which is ``Source.text``, and the note says so. Mojibake mixed with
correctly encoded text is only noted: no repair could be exact.
"""

from __future__ import annotations

import codecs
import os
import re
from datetime import date, datetime
from pathlib import Path

from attrs import frozen
from charset_normalizer import from_bytes

from reconcile.errors import (
    EncodingError,
    InputError,
    ParseError,
    SourceNotFoundError,
    SourceWarning,
    warn,
)

__all__ = ["Decoded", "decode_bytes", "looks_like_html", "parse_published", "read_file"]

#: The default size limit of a source file; a news article is rarely over 1 MB.
MAX_BYTES = 20_000_000

# Known binary formats by their first bytes: what the file is, and what to do.
_MAGIC: tuple[tuple[re.Pattern[bytes], str, str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), what, how)
    for pattern, what, how in (
        (rb"\A%PDF-", "a PDF", "extract its text first, e.g. with pdftotext"),
        (
            rb"\APK(?:\x03\x04|\x05\x06|\x07\x08)",
            "a ZIP archive (a .docx, .odt or .epub file is one)",
            "export or extract its text first",
        ),
        (rb"\A\x89PNG\r\n\x1a\n", "a PNG image", "run OCR on it first, e.g. with tesseract"),
        (rb"\A\xff\xd8\xff", "a JPEG image", "run OCR on it first, e.g. with tesseract"),
        (rb"\AGIF8[79]a", "a GIF image", "run OCR on it first, e.g. with tesseract"),
        (rb"\A(?:II\*\x00|MM\x00\*)", "a TIFF image", "run OCR on it first, e.g. with tesseract"),
        (rb"\ARIFF....WEBP", "a WebP image", "run OCR on it first, e.g. with tesseract"),
        (rb"\A\x1f\x8b", "a gzip archive", "decompress it first, e.g. with gunzip"),
        (rb"\ABZh[1-9]1AY&SY", "a bzip2 archive", "decompress it first, e.g. with bunzip2"),
        (rb"\A\xfd7zXZ\x00", "an xz archive", "decompress it first, e.g. with unxz"),
        (rb"\A\x28\xb5\x2f\xfd", "a Zstandard archive", "decompress it first, e.g. with unzstd"),
        (rb"\A7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract its text first"),
        (rb"\ARar!\x1a\x07", "a RAR archive", "extract its text first"),
        (
            rb"\A\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "a legacy Microsoft Office file (.doc, .xls, .ppt)",
            "save it as plain text first",
        ),
        (rb"\A\{\\rtf", "an RTF document", "save it as plain text first"),
        (rb"\ASQLite format 3\x00", "an SQLite database", "export the article's text first"),
        (rb"\A\x7fELF", "an executable program", "pass the article's text file instead"),
        (rb"\A(?:\x00asm|\xca\xfe\xba\xbe)", "a compiled program", "pass the article instead"),
        (rb"\A(?:ID3|OggS|fLaC)", "an audio file", "transcribe it to text first"),
        (rb"\A....ftyp", "a video or audio file", "transcribe it to text first"),
    )
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _cp1252_byte_char(byte: int) -> str:
    try:
        return bytes((byte,)).decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined map to C1 controls, as in latin-1.
        return chr(byte)


# C0 control characters other than the whitespace ones text uses. (C1 controls
# are left out: they turn up in legitimate mojibake, "â€\x9d" for a quote.)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# More than this share of control characters means binary data, not text
# (text files have none, or a stray few from copy and paste).
_MAX_CONTROL_SHARE = 0.02
# ... but a short post with a stray one or two is still text.
_MAX_CONTROL_COUNT = 3
_SURROGATE = re.compile("[\udc80-\udcff]")
_C1 = re.compile("[\x80-\x9f]")
# The first bytes of UTF-8 read as cp1252: "Ã©" for "é", "â€™" for "'".
_MOJIBAKE = re.compile(
    "[ÂÃ][\u00a0-\u00bf]|â€[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
# Candidates charset-normalizer finds this close to its best are near ties.
_CHAOS_TIE = 0.05
_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml"})
_HTML_START = re.compile(
    r"\A[\ufeff\s]*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_KNOWN_ELEMENT = (
    r"(?:p|div|span|a|br|hr|h[1-6]|ul|ol|li|table|tr|td|th|article|section|main|header|"
    r"footer|nav|aside|figure|figcaption|img|meta|link|title|script|style|strong|em|b|i|"
    r"blockquote|time|html|head|body)"
)
_HTML_FRAGMENT_START = re.compile(rf"\A[\ufeff\s]*(?:<!--|<{_KNOWN_ELEMENT}[\s>/])", re.IGNORECASE)
_CLOSING_TAG = re.compile(rf"</{_KNOWN_ELEMENT}\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]{0,2000})?/?>|<!--.{0,2000}?-->", re.DOTALL)
# HTML is sniffed from its first 64 KiB.
_SNIFF_CHARS = 65_536


@frozen
class Decoded:
    """An article's text as decoded, with how it was read.

    Attributes:
        text: the text, newlines kept as in the bytes.
        name: how errors and reports name it: a file's base name, or the name given.
        encoding: the codec the bytes were decoded with.
        is_html: whether the text is HTML (the file's extension, else sniffed).
        notes: what a reader should know about the decoding (a guess, a repair).
    """

    text: str
    name: str
    encoding: str
    is_html: bool
    notes: tuple[str, ...] = ()


def read_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    repair_mojibake: bool = False,
) -> Decoded:
    """Read a news article's text from a file (the work behind :meth:`reconcile.Source.from_file`).

    Args:
        path: the file, plain text or HTML, in any common encoding.
        max_bytes: refuse files larger than this many bytes.
        repair_mojibake: repair double-encoded UTF-8 when the repair is exact
            (see the module docs; offsets then index the repaired text); by default
            the text stays as in the file.

    Returns:
        The text exactly as decoded from the file (newlines kept as they are),
        named by the file's base name, with its encoding, HTML flag and notes.

    Raises:
        SourceNotFoundError: the path does not exist or is a directory.
        InputError: the file is empty or blank, binary, unreadable or larger
            than ``max_bytes``.
        EncodingError: the bytes are not text in any encoding we can detect.

    Warns:
        SourceWarning: the text was decoded with a guess (a legacy encoding, no
            byte-order mark, mixed encodings) or repaired; the same words are
            in ``notes``.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "wire.txt"
        >>> _ = path.write_bytes("“Two people died,” police said.\\r\\n".encode("cp1252"))
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     got = read_file(path)
        >>> str(caught[0].message)
        "Source '...wire.txt': decoded as cp1252: the file is not UTF-8"
        >>> got.name, got.text, got.encoding
        ('wire.txt', '“Two people died,” police said.\\r\\n', 'cp1252')
        >>> got.notes
        ('decoded as cp1252: the file is not UTF-8',)
    """
    shown = os.fspath(path)
    file = Path(shown)
    if not file.exists():
        msg = (
            f"Source {shown!r} does not exist. Check the path, or pass the article text "
            "with Source(text=...)."
        )
        raise SourceNotFoundError(msg)
    if file.is_dir():
        msg = (
            f"Source {shown!r} is a directory, not a file. Pass the article files in it "
            f"one by one (e.g. {os.path.join(shown, '*.txt')})."
        )
        raise SourceNotFoundError(msg)
    try:
        with file.open("rb") as handle:
            # One byte over the limit tells a file at the limit from a larger one,
            # also for pipes and special files whose size stat() cannot tell.
            data = handle.read(max_bytes + 1)
    except OSError as err:
        msg = (
            f"Source {shown!r} cannot be read ({err.strerror or err}). Check that it is "
            "a readable file, or pass the article text with Source(text=...)."
        )
        raise InputError(msg) from err
    if len(data) > max_bytes:
        msg = (
            f"Source {shown!r} is larger than the limit of {max_bytes:,} bytes. Pass the "
            f"article alone, or raise the limit: Source.from_file({shown!r}, "
            f"max_bytes={_suggest_limit(file, max_bytes)})."
        )
        raise InputError(msg)
    is_html = file.suffix.lower() in _HTML_EXTENSIONS or None
    return decode_bytes(
        data, name=file.name or shown, is_html=is_html, shown=shown, repair_mojibake=repair_mojibake
    )


def decode_bytes(
    data: bytes,
    *,
    name: str = "source",
    is_html: bool | None = None,
    shown: str | None = None,
    repair_mojibake: bool = False,
) -> Decoded:
    """Decode an article's raw bytes (a download, a pipe), for :meth:`~reconcile.Source.from_bytes`.

    Args:
        data: the bytes as received.
        name: how reports name the source.
        is_html: whether the bytes are HTML; None sniffs it from the text.
        shown: how error messages name the bytes (the path); ``name`` by default.
        repair_mojibake: repair double-encoded UTF-8 when the repair is exact.

    Returns:
        The decoded text; see :func:`read_file`.

    Raises:
        InputError: the bytes are empty or blank, or binary.
        EncodingError: the bytes are not text in any encoding we can detect.

    Warns:
        SourceWarning: as :func:`read_file`.

    Examples:
        >>> got = decode_bytes(b"\\xef\\xbb\\xbfPolice said two people died.", name="a.txt")
        >>> got.text[0] == "\\ufeff", got.encoding
        (True, 'utf-8')
    """
    shown = shown if shown is not None else name
    if not data:
        msg = f"Source {shown!r} is empty (0 bytes). Pass a file that contains the article text."
        raise InputError(msg)
    for pattern, what, how in _MAGIC:
        if pattern.match(data):
            msg = f"Source {shown!r} looks like {what}, not text; {how}."
            raise InputError(msg)
    text, encoding, notes = _decode(data, shown)
    controls = len(_CONTROL.findall(text))
    if controls > max(_MAX_CONTROL_SHARE * len(text), _MAX_CONTROL_COUNT):
        msg = (
            f"Source {shown!r} looks like binary data, not text ({controls:,} control "
            f"characters in {len(text):,}). Pass a plain-text or HTML file."
        )
        raise InputError(msg)
    if not text.lstrip("\ufeff").strip():
        msg = (
            f"Source {shown!r} contains only whitespace ({len(data):,} bytes). Pass a file "
            "that contains the article text."
        )
        raise InputError(msg)
    found = _MOJIBAKE.findall(text[:_SNIFF_CHARS])
    if len(found) >= 2:
        repaired = _repair_mojibake(text) if repair_mojibake else None
        if repaired is not None:
            notes.append(
                f"repaired mojibake ({found[0]!r} read as {_repair_mojibake(found[0])!r}): "
                "the text is UTF-8 that was read as cp1252 and saved again; offsets index "
                "the repaired text, not the file"
            )
            text = repaired
        else:
            notes.append(
                f"the text looks double-encoded (mojibake such as {found[0]!r}); left as is "
                "so offsets match the file: re-save the file as UTF-8 from its original, or "
                "pass repair_mojibake=True (--repair-mojibake) to repair it where exact"
            )
    for note in notes:
        warn(SourceWarning(f"Source {shown!r}: {note}"))
    if is_html is None:
        is_html = looks_like_html(text)
    return Decoded(text, name, encoding, is_html, tuple(notes))


# The characters cp1252 puts in 0x80-0x9f, mapped back to their bytes as latin-1
# characters, so that ``str.translate`` then ``encode("latin-1")`` undoes cp1252.
_CP1252_TO_LATIN1 = {
    ord(ch): byte for byte in range(0x80, 0xA0) if (ch := _cp1252_byte_char(byte)) != chr(byte)
}


def _repair_mojibake(text: str) -> str | None:
    """Return ``text`` as the UTF-8 it was before a cp1252 round trip, or None if unsafe.

    Safe means exact: every character maps back to one cp1252 byte (undefined
    bytes stand for themselves, as :func:`_cp1252_byte_char` reads them), the bytes
    are valid UTF-8, and the result has no control characters that the original
    did not. Correct text mixed in ("é" beside "Ã©") makes the bytes invalid.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    try:
        raw = text[len(bom) :].translate(_CP1252_TO_LATIN1).encode("latin-1")
        fixed = raw.decode("utf-8")
    except UnicodeError:
        return None
    if (
        fixed == text[len(bom) :]
        or _C1.search(fixed)
        or len(_CONTROL.findall(fixed)) > len(_CONTROL.findall(text))
    ):
        return None
    return bom + fixed


def _suggest_limit(file: Path, max_bytes: int) -> str:
    try:
        size = file.stat().st_size
    except OSError:
        size = 0
    return f"{max(size + 1, 2 * max_bytes):_}"


def _decode(data: bytes, shown: str) -> tuple[str, str, list[str]]:
    """Return the text, the codec name to reopen the file with, and notes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError as err:
                msg = (
                    f"Source {shown!r} starts with a {codec.upper()} byte-order mark but is "
                    f"not valid {codec.upper()} at byte {err.start:,} ({err.reason}). Re-save "
                    "the file as UTF-8."
                )
                raise EncodingError(msg) from err
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16[0], utf16[1], [f"decoded as {utf16[1]}: the file has no byte-order mark"]
    if b"\x00" in data:
        msg = (
            f"Source {shown!r} looks like binary data, not text (it contains NUL bytes). "
            "Pass a plain-text or HTML file."
        )
        raise InputError(msg)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_strays(data)
    if mixed is not None:
        return mixed
    return _legacy(data, shown)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 without a byte-order mark, told by its NUL high bytes."""
    sample = data[:4096]
    if len(data) < 4 or len(data) % 2 or len(sample) < 4:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Mostly ASCII text: one byte of every pair is NUL, the other never is.
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.7 * half and others == 0:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _utf8_with_strays(data: bytes) -> tuple[str, str, list[str]] | None:
    """Decode UTF-8 text with a few bytes of cp1252 pasted in, or return None.

    The file counts as UTF-8 when it has at least as many valid multi-byte UTF-8
    sequences as stray bytes; each stray byte is read as cp1252 (one character
    per byte, so nothing shifts).
    """
    raw = data.decode("utf-8", errors="surrogateescape")
    strays = len(_SURROGATE.findall(raw))
    non_ascii = len(raw) - len(raw.encode("ascii", errors="ignore"))
    multibyte = non_ascii - strays
    if multibyte < 1 or strays > multibyte:
        return None
    text = _SURROGATE.sub(lambda m: _cp1252_byte_char(ord(m.group()) - 0xDC00), raw)
    note = (
        f"decoded as UTF-8, reading {strays} byte{'s' if strays > 1 else ''} that "
        f"{'are' if strays > 1 else 'is'} not UTF-8 as cp1252: the file mixes encodings"
    )
    return text, "utf-8", [note]


def _legacy(data: bytes, shown: str) -> tuple[str, str, list[str]]:
    """Decode with charset-normalizer's best guess among legacy encodings."""
    matches = list(from_bytes(data))
    if not matches:
        msg = (
            f"Source {shown!r} is not text in any encoding we can detect (not UTF-8, "
            "UTF-16, or a legacy code page). Re-save the file as UTF-8."
        )
        raise EncodingError(msg)
    best = matches[0]
    codec = best.encoding
    # Western pages are far more often windows-1252 than Mac or DOS code pages,
    # and browsers read latin-1 as windows-1252 (WHATWG Encoding Standard): on a
    # near tie, cp1252 wins.
    for match in matches:
        if match.chaos <= best.chaos + _CHAOS_TIE and "cp1252" in match.could_be_from_charset:
            codec = "cp1252"
            break
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as err:
        msg = (
            f"Source {shown!r} is not valid {codec}, the closest encoding we could detect. "
            "Re-save the file as UTF-8."
        )
        raise EncodingError(msg) from err
    name = codecs.lookup(codec).name
    return text, name, [f"decoded as {name}: the file is not UTF-8"]


def looks_like_html(text: str) -> bool:
    """Return whether a text is HTML markup rather than plain text.

    It is when it starts with a doctype or an ``<html>``/``<head>``/``<body>``
    tag, when it starts with a common element and closes at least two, or when
    tags make up most of its first 64 KiB.

    Examples:
        >>> looks_like_html("<!DOCTYPE html><title>Dam</title>")
        True
        >>> looks_like_html("<p>Ten died.</p><p>Two are missing.</p>")
        True
        >>> looks_like_html("Police said 3 < 4 and <b>bold</b> is rare.")
        False
    """
    head = text[:_SNIFF_CHARS]
    if _HTML_START.match(head):
        return True
    if _HTML_FRAGMENT_START.match(head) and len(_CLOSING_TAG.findall(head)) >= 2:
        return True
    tag_chars = sum(len(m.group()) for m in _TAG.finditer(head))
    visible = sum(1 for ch in head if not ch.isspace())
    return visible > 0 and tag_chars >= 0.5 * visible


def parse_published(value: str) -> date:
    """Parse a publication date given on the command line (``--published NAME=DATE``).

    Args:
        value: an ISO 8601 date (``2026-02-04``); a date and time is accepted
            and its date kept.

    Returns:
        The date.

    Raises:
        ParseError: the value is not an ISO date.

    Examples:
        >>> parse_published("2026-02-04")
        datetime.date(2026, 2, 4)
        >>> parse_published("4 Feb 2026")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        reconcile.errors.ParseError: Publication date '4 Feb 2026' is not an ISO date. Write...
    """
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
        reason = str(err)
        detail = f" ({reason})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else ""
        msg = (
            f"Publication date {value!r} is not an ISO date{detail}. Write it as "
            "YYYY-MM-DD, e.g. 2026-02-04."
        )
        raise ParseError(msg) from err
