"""Tests for reconcile.sources: reading articles from files, in any encoding."""

from __future__ import annotations

import codecs
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.errors import (
    EncodingError,
    InputError,
    ParseError,
    ReconcileError,
    SourceNotFoundError,
    SourceWarning,
)
from reconcile.model import Source
from reconcile.sources import (
    _MOJIBAKE,
    _cp1252_byte_char,
    looks_like_html,
    parse_published,
)

ARTICLE = (
    "Dam breaks in northern valley\n"
    "By Jane Doe\n"
    "\n"
    "“Ten people died,” the governor said. The dam’s owner declined to comment.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


class TestDecoding:
    def test_utf8(self, tmp_path: Path) -> None:
        """A UTF-8 file is read as is, named by its base name, with no notes."""
        path = write(tmp_path, "wire.txt", ARTICLE.encode("utf-8"))
        assert Source.from_file(path) == Source(ARTICLE, name="wire.txt", encoding="utf-8")

    def test_name_and_date_given(self, tmp_path: Path) -> None:
        """A given name and publication date win; a str path works like a Path."""
        path = write(tmp_path, "wire.txt", ARTICLE.encode("utf-8"))
        src = Source.from_file(str(path), name="Reuters", published=date(2026, 2, 4))
        assert (src.name, src.published) == ("Reuters", date(2026, 2, 4))

    def test_from_file(self, tmp_path: Path) -> None:
        """Source.from_file and Source.from_bytes read the same bytes alike."""
        path = write(tmp_path, "wire.txt", ARTICLE.encode("utf-8"))
        assert Source.from_file(path) == Source.from_bytes(path.read_bytes(), name="wire.txt")

    def test_utf8_bom_is_kept(self, tmp_path: Path) -> None:
        """A UTF-8 byte-order mark stays the first character, as open(encoding="utf-8") keeps it."""
        path = write(tmp_path, "a.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
        src = Source.from_file(path)
        assert (src.text, src.encoding, src.notes) == ("\ufeff" + ARTICLE, "utf-8", ())

    def test_crlf_is_kept(self, tmp_path: Path) -> None:
        """Newlines are not translated: CRLF stays CRLF, so offsets match the file."""
        crlf = ARTICLE.replace("\n", "\r\n")
        path = write(tmp_path, "a.txt", crlf.encode("utf-8"))
        assert Source.from_file(path).text == crlf

    def test_cp1252_curly_quotes(self, tmp_path: Path) -> None:
        """A Windows-1252 file with curly quotes decodes as cp1252, with a note saying so."""
        path = write(tmp_path, "a.txt", ARTICLE.encode("cp1252"))
        with pytest.warns(SourceWarning, match=r"^Source '.*a\.txt': decoded as cp1252: the file"):
            src = Source.from_file(path)
        assert (src.text, src.encoding, src.notes) == (
            ARTICLE,
            "cp1252",
            ("decoded as cp1252: the file is not UTF-8",),
        )

    def test_latin1_reads_as_cp1252(self, tmp_path: Path) -> None:
        """Latin-1 text is read as cp1252 (its superset), not as a Mac or DOS code page."""
        text = "Le café était fermé. Les élèves sont allés à l'école.\n"
        with pytest.warns(SourceWarning, match="decoded as cp1252"):
            src = Source.from_file(write(tmp_path, "a.txt", text.encode("latin-1")))
        assert (src.text, src.encoding) == (text, "cp1252")

    def test_the_warning_points_at_the_callers_line(self, tmp_path: Path) -> None:
        """A decoding warning names the line that read the file, not reconcile's own code."""
        path = write(tmp_path, "a.txt", "Le café était fermé.\n".encode("latin-1"))
        with pytest.warns(SourceWarning) as caught:
            Source.from_file(path)
        assert caught[0].filename == __file__

    def test_shift_jis(self, tmp_path: Path) -> None:
        """A Japanese Shift-JIS file decodes with charset-normalizer's guess (cp932)."""
        text = "東京都は月曜日、新しい計画を発表した。市長は記者会見で説明した。\n"
        with pytest.warns(SourceWarning, match="decoded as cp932"):
            src = Source.from_file(write(tmp_path, "a.txt", text.encode("shift_jis")))
        assert (src.text, src.encoding, src.notes) == (
            text,
            "cp932",
            ("decoded as cp932: the file is not UTF-8",),
        )

    @pytest.mark.parametrize(
        ("bom_codec", "encoding"),
        [("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"), ("utf-32-le", "utf-32")],
    )
    def test_utf16_and_utf32_with_bom(self, tmp_path: Path, bom_codec: str, encoding: str) -> None:
        """UTF-16/32 with a byte-order mark decode; the codec consumes the mark, as open() does."""
        bom = {
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE,
        }[bom_codec]
        path = write(tmp_path, "a.txt", bom + ARTICLE.encode(bom_codec))
        src = Source.from_file(path)
        assert (src.text, src.encoding, src.notes) == (ARTICLE, encoding, ())

    def test_utf16_without_bom(self, tmp_path: Path) -> None:
        """UTF-16 without a mark is told by its NUL high bytes, and noted."""
        path = write(tmp_path, "a.txt", ARTICLE.encode("utf-16-le"))
        with pytest.warns(SourceWarning, match="decoded as utf-16-le"):
            src = Source.from_file(path)
        assert (src.text, src.encoding, src.notes) == (
            ARTICLE,
            "utf-16-le",
            ("decoded as utf-16-le: the file has no byte-order mark",),
        )

    def test_utf8_with_stray_cp1252_bytes(self, tmp_path: Path) -> None:
        """UTF-8 with a few cp1252 bytes pasted in: each stray byte reads as cp1252."""
        data = "The café’s owner said “yes”.".encode() + b" Later he said \x93no\x94."
        with pytest.warns(SourceWarning, match="reading 2 bytes that are not UTF-8 as cp1252"):
            src = Source.from_file(write(tmp_path, "a.txt", data))
        assert (src.text, src.encoding, src.notes) == (
            "The café’s owner said “yes”. Later he said “no”.",
            "utf-8",
            (
                "decoded as UTF-8, reading 2 bytes that are not UTF-8 as cp1252: "
                "the file mixes encodings",
            ),
        )

    def test_mojibake_is_repaired_when_exact(self, tmp_path: Path) -> None:
        """Double-encoded UTF-8 is repaired when the whole text maps back exactly, and noted."""
        text = "The cafÃ© owner said â€œyesâ€\x9d to the plan.\n"
        path = write(tmp_path, "a.txt", text.encode("utf-8"))
        with pytest.warns(SourceWarning, match=r"a\.txt': repaired mojibake \('Ã©' read as 'é'\)"):
            src = Source.from_file(path, repair_mojibake=True)
        assert src.text == "The café owner said “yes” to the plan.\n"
        assert src.notes == (
            "repaired mojibake ('Ã©' read as 'é'): the text is UTF-8 that was read as cp1252 "
            "and saved again; offsets index the repaired text, not the file",
        )

    def test_mojibake_is_kept_by_default(self, tmp_path: Path) -> None:
        """By default the text is the file's (offsets into the file); the note says how to fix."""
        text = "The cafÃ© owner said â€œyesâ€\x9d to the plan.\n"
        path = write(tmp_path, "a.txt", text.encode("utf-8"))
        with pytest.warns(SourceWarning, match="looks double-encoded"):
            src = Source.from_file(path)
        assert src.text == text
        assert src.notes == (
            "the text looks double-encoded (mojibake such as 'Ã©'); left as is so offsets "
            "match the file: re-save the file as UTF-8 from its original, or pass "
            "repair_mojibake=True (--repair-mojibake) to repair it where exact",
        )

    def test_mixed_mojibake_is_noted_not_repaired(self, tmp_path: Path) -> None:
        """Mojibake beside correctly encoded text cannot be repaired exactly: only noted."""
        text = "Le café était fermé. The owner said â€œyesâ€\x9d to the plan.\n"
        with pytest.warns(SourceWarning, match="looks double-encoded"):
            src = Source.from_file(write(tmp_path, "a.txt", text.encode("utf-8")))
        assert src.text == text

    def test_mojibake_repair_keeps_a_bom(self, tmp_path: Path) -> None:
        """A UTF-8 mark stays the first character of a repaired text."""
        text = "\ufeffThe dam’s owner said â€œnoâ€\x9d."
        data = text.encode("utf-8").replace("’".encode(), "â€™".encode())
        with pytest.warns(SourceWarning, match="repaired mojibake"):
            src = Source.from_file(write(tmp_path, "a.txt", data), repair_mojibake=True)
        assert src.text == "\ufeffThe dam’s owner said “no”."

    def test_plain_utf8_gives_no_warning(self, tmp_path: Path) -> None:
        """A UTF-8 file is read silently: warnings are for guesses only."""
        path = write(tmp_path, "a.txt", ARTICLE.encode("utf-8"))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert Source.from_file(path).notes == ()

    def test_nul_and_controls_in_text_are_kept(self, tmp_path: Path) -> None:
        """A stray NUL-free control character or two (copy and paste) stays, offsets intact."""
        text = "Ten people\x0b died\x1b on Monday.\r\nTwo are\x7f missing.\r\n"
        src = Source.from_file(write(tmp_path, "a.txt", text.encode("utf-8")))
        assert (src.text, src.notes) == (text, ())

    @pytest.mark.parametrize(
        "data",
        [
            ARTICLE.encode("utf-8"),
            codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode("utf-8"),
            ARTICLE.encode("cp1252"),
            codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
            ARTICLE.encode("utf-16-be"),
            "東京都は月曜日、新しい計画を発表した。\r\n".encode("shift_jis"),
        ],
    )
    @pytest.mark.filterwarnings("ignore::reconcile.SourceWarning")
    def test_text_is_what_open_reads(self, tmp_path: Path, data: bytes) -> None:
        """The text equals open(path, encoding=source.encoding, newline="").read()."""
        path = write(tmp_path, "a.txt", data)
        src = Source.from_file(path)
        with path.open(encoding=src.encoding, newline="") as handle:
            assert src.text == handle.read()


class TestHtml:
    @pytest.mark.parametrize("name", ["a.html", "a.HTM", "a.xhtml"])
    def test_html_by_extension(self, tmp_path: Path, name: str) -> None:
        """A .html/.htm/.xhtml file is HTML whatever it holds."""
        assert Source.from_file(write(tmp_path, name, b"Ten people died.")).is_html is True

    @pytest.mark.parametrize(
        ("text", "is_html"),
        [
            ("<!DOCTYPE html>\n<html><body><p>Ten died.</p></body></html>", True),
            ("\ufeff  <html lang='en'><p>Ten died.</p>", True),
            ("<!-- saved page --><HTML><p>Ten died.</p>", True),
            ("<p>Ten people died.</p>\n<p>Two are missing.</p>", True),
            ('<div><a href="/">Home</a><span>|</span><a href="/w">World</a></div>', True),
            ("Police said 3 < 4 and <b>bold</b> type is rare.", False),
            ("Ten people died.\nTwo are missing.", False),
        ],
    )
    def test_html_by_content(self, tmp_path: Path, text: str, is_html: bool) -> None:
        """A .txt file is HTML when it starts like a page, or with tags it closes, or is mostly
        tags."""
        assert Source.from_file(write(tmp_path, "a.txt", text.encode("utf-8"))).is_html is is_html
        assert looks_like_html(text) is is_html


class TestErrors:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing path says so and suggests passing the text instead."""
        path = tmp_path / "a.txt"
        with pytest.raises(SourceNotFoundError, match=r"does not exist\. Check the path, or pass"):
            Source.from_file(path)

    def test_missing_file_is_a_file_not_found_error(self, tmp_path: Path) -> None:
        """SourceNotFoundError is also a FileNotFoundError and a ReconcileError."""
        with pytest.raises(FileNotFoundError) as info:
            Source.from_file(tmp_path / "a.txt")
        assert isinstance(info.value, ReconcileError)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is refused with a hint to pass the files in it."""
        with pytest.raises(SourceNotFoundError, match=r"is a directory, not a file\. Pass the"):
            Source.from_file(tmp_path)

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file is an InputError."""
        with pytest.raises(InputError, match=r"is empty \(0 bytes\)\. Pass a file that contains"):
            Source.from_file(write(tmp_path, "a.txt", b""))

    @pytest.mark.parametrize("data", [b" \n\t\r\n ", codecs.BOM_UTF8 + b"\n\n"])
    def test_blank_file(self, tmp_path: Path, data: bytes) -> None:
        """A file of whitespace (or only a byte-order mark) is an InputError."""
        with pytest.raises(InputError, match=r"contains only whitespace"):
            Source.from_file(write(tmp_path, "a.txt", data))

    def test_too_large(self, tmp_path: Path) -> None:
        """A file over max_bytes is refused with the limit and how to raise it."""
        path = write(tmp_path, "a.txt", b"x" * 11)
        with pytest.raises(
            InputError, match=r"larger than the limit of 10 bytes\. .*max_bytes=20\)"
        ):
            Source.from_file(path, max_bytes=10)
        assert Source.from_file(path, max_bytes=11).text == "x" * 11

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", r"looks like a PDF, not text; .*pdftotext"),
            (b"PK\x03\x04\x14\x00\x06\x00", r"looks like a ZIP archive .*export or extract"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"looks like a PNG image.*OCR"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", r"looks like a JPEG image"),
            (b"GIF89a\x01\x00\x01\x00", r"looks like a GIF image"),
            (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", r"looks like a gzip archive.*gunzip"),
            (b"{\\rtf1\\ansi Ten died.}", r"looks like an RTF document.*plain text"),
        ],
    )
    def test_binary_formats(self, tmp_path: Path, data: bytes, message: str) -> None:
        """Known binary formats are named, with what to do instead."""
        with pytest.raises(InputError, match=message):
            Source.from_file(write(tmp_path, "a.txt", data))

    def test_nul_bytes(self, tmp_path: Path) -> None:
        """NUL bytes outside UTF-16/32 mean binary data."""
        data = b"Ten people died.\x00\x01\x02\x00\xff\x00 and more"
        with pytest.raises(InputError, match=r"binary data, not text \(it contains NUL bytes\)"):
            Source.from_file(write(tmp_path, "a.bin", data))

    def test_control_characters(self, tmp_path: Path) -> None:
        """Many control characters mean binary data."""
        data = b"Ten\x01\x02\x03\x04 people\x05\x06 died.\x07\x08"
        with pytest.raises(InputError, match=r"binary data, not text \(8 control characters"):
            Source.from_file(write(tmp_path, "a.bin", data))

    def test_undecodable(self, tmp_path: Path) -> None:
        """Bytes that are text in no encoding we detect are an EncodingError."""
        with pytest.raises(EncodingError, match=r"not text in any encoding we can detect"):
            Source.from_file(write(tmp_path, "a.txt", bytes(range(1, 256)) * 3))

    def test_bad_utf16_after_bom(self, tmp_path: Path) -> None:
        """A UTF-16 mark followed by an odd number of bytes is an EncodingError."""
        data = codecs.BOM_UTF16_LE + "Ten".encode("utf-16-le") + b"\x00"
        with pytest.raises(EncodingError, match=r"UTF-16 byte-order mark but is not valid"):
            Source.from_file(write(tmp_path, "a.txt", data))


class TestParsePublished:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2026-02-04", date(2026, 2, 4)),
            (" 2026-02-04 ", date(2026, 2, 4)),
            ("20260204", date(2026, 2, 4)),
            ("2026-02-04T23:30:00+05:00", date(2026, 2, 4)),
        ],
    )
    def test_iso_dates(self, value: str, expected: date) -> None:
        """ISO 8601 dates parse; a date and time keeps its date as written."""
        assert parse_published(value) == expected

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("4 Feb 2026", r"'4 Feb 2026' is not an ISO date\. Write it as YYYY-MM-DD"),
            ("2026-02-30", r"'2026-02-30' is not an ISO date \(day is out of range for month\)"),
            ("", r"'' is not an ISO date"),
        ],
    )
    def test_not_iso(self, value: str, message: str) -> None:
        """Anything else is a ParseError that shows the value and the format."""
        with pytest.raises(ParseError, match=message):
            parse_published(value)


@pytest.mark.filterwarnings("ignore::reconcile.SourceWarning")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_read_or_refused(data: bytes) -> None:
    """Any bytes give a Source or a ReconcileError, never another exception."""
    try:
        src = Source.from_bytes(data, name="a.txt")
    except ReconcileError:
        return
    assert src.text.lstrip("\ufeff").strip()
    assert src.name == "a.txt"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1))
def test_utf8_text_round_trips(text: str) -> None:
    """Text written as UTF-8 reads back exactly, or is refused as blank."""
    try:
        src = Source.from_bytes(text.encode("utf-8"), name="a.txt", repair_mojibake=False)
    except InputError:
        assert not text.lstrip("\ufeff").strip()
        return
    assert (src.text, src.encoding) == (text, "utf-8")


def _garble(text: str) -> str:
    """Return what a program makes of ``text`` reading its UTF-8 bytes as cp1252."""
    return "".join(_cp1252_byte_char(b) for b in text.encode("utf-8"))


_LATIN = "abcdefghij ABCDEF.,\n'\"éèàçüöñßøÅÉ’‘“”–—…€"


@pytest.mark.filterwarnings("ignore::reconcile.SourceWarning")
@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(_LATIN), min_size=1, max_size=200))
def test_mojibake_repair_is_exact(text: str) -> None:
    """Text garbled by one cp1252 round trip reads back as the original whenever it is
    detected; a repair never gives anything but the original."""
    garbled = _garble(text)
    try:
        src = Source.from_bytes(garbled.encode("utf-8"), name="a.txt", repair_mojibake=True)
    except InputError:
        assert not text.strip()
        return
    if len(_MOJIBAKE.findall(garbled)) >= 2:
        assert src.text == text
    else:
        assert src.text == garbled
