"""Robustness: any input gives a report or one clear error, and nothing is lost (issue 8)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import SENTENCES

import reconcile
from reconcile._text import SpanSet, tokens, words_outside
from reconcile.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FUZZ_CRASHES = sorted((Path(__file__).resolve().parent / "data" / "fuzz").glob("*.bin"))


def _lost(doc: reconcile.Document) -> list[str]:
    """Return the non-space characters of a document in neither a claim nor a segment."""
    mask = bytearray(len(doc.source.text))
    for item in (*doc.claims, *doc.segments):
        assert doc.source.text[item.span.start : item.span.end] == item.text
        mask[item.span.start : item.span.end] = b"\x01" * len(item.span)
    return [ch for i, ch in enumerate(doc.source.text) if not ch.isspace() and not mask[i]]


@pytest.mark.filterwarnings("ignore::reconcile.SourceWarning")
@pytest.mark.parametrize("path", FUZZ_CRASHES, ids=[p.stem for p in FUZZ_CRASHES])
def test_fuzz_crashes_stay_fixed(path: Path) -> None:
    """Each input the fuzzer (fuzz/fuzz_parse.py) broke the parser with now reads as it says.

    The first byte picks the mode as in the fuzz target: sniffed, HTML, plain text.
    """
    data = path.read_bytes()
    is_html = (None, True, False)[data[0] % 3]
    try:
        src = reconcile.Source.from_bytes(data[1:], name="fuzz.txt", is_html=is_html)
    except reconcile.ReconcileError:
        return
    assert _lost(reconcile.parse_source(src)) == []


class TestHtml:
    def test_markup_between_sentences_of_a_paragraph_is_a_segment(self) -> None:
        """Tags between two sentences of one paragraph are labelled markup, not lost."""
        text = (
            "<html><body><p><span>Ten people died on Monday.</span> "
            "<span>Two are missing, police said.</span></p></body></html>"
        )
        doc = reconcile.parse_source(reconcile.Source(text, name="a.html", is_html=True))
        assert [c.text for c in doc.claims] == [
            "Ten people died on Monday.",
            "Two are missing, police said.",
        ]
        assert [(s.why, s.text) for s in doc.segments] == [
            ("markup", "<html><body><p><span>"),
            ("markup", "</span> <span>"),
            ("markup", "</span></p></body></html>"),
        ]

    def test_offsets_index_the_markup(self) -> None:
        """A claim read from HTML is the markup between its offsets, entities and all."""
        text = "<p>Tom &amp; Jerry said <b>ten</b> people died.</p>"
        doc = reconcile.parse_source(reconcile.Source(text, name="a.html", is_html=True))
        assert [c.text for c in doc.claims] == ["Tom &amp; Jerry said <b>ten</b> people died."]
        assert _lost(doc) == []


class TestOddText:
    @pytest.mark.parametrize(
        ("text", "claims"),
        [
            (
                "Президент Казахстана посетил Пакистан 3 февраля. Он встретился с премьером.",
                ["Президент Казахстана посетил Пакистан 3 февраля.", "Он встретился с премьером."],
            ),
            (
                "زار رئيس كازاخستان باكستان يوم 3 فبراير.",
                ["زار رئيس كازاخستان باكستان يوم 3 فبراير."],
            ),
            (
                "哈萨克斯坦总统于2月3日访问巴基斯坦。他会见了总理。",
                ["哈萨克斯坦总统于2月3日访问巴基斯坦。", "他会见了总理。"],
            ),
            (
                "कज़ाख़स्तान के राष्ट्रपति ने पाकिस्तान का दौरा किया। उन्होंने बात की।",
                ["कज़ाख़स्तान के राष्ट्रपति ने पाकिस्तान का दौरा किया।", "उन्होंने बात की।"],
            ),
        ],
    )
    def test_non_latin_scripts_give_claims(self, text: str, claims: list[str] | None) -> None:
        """Cyrillic, Arabic, Chinese and Devanagari text parse into claims, nothing lost."""
        doc = reconcile.parse_source(reconcile.Source(text, name="a.txt"))
        assert [c.text for c in doc.claims] == (claims if claims is not None else [text])
        assert _lost(doc) == []

    def test_text_without_punctuation_is_one_claim(self) -> None:
        """Words with no sentence punctuation at all still make a claim, with its features."""
        text = " ".join(s.rstrip(".").replace(",", "") for s in SENTENCES[:4])
        doc = reconcile.parse_source(reconcile.Source(text, name="a.txt"))
        assert [c.text for c in doc.claims] == [text]
        assert [q.text for q in doc.claims[0].quantities] == [
            "At least 12",
            "more than 40",
            "14",
            "about 200000",
        ]

    def test_a_very_long_line(self) -> None:
        """A whole article on one 10,000-character line splits into its sentences."""
        text = " ".join(SENTENCES * 11)
        doc = reconcile.parse_source(reconcile.Source(text, name="a.txt"))
        assert len(text) > 10_000
        assert len(doc.claims) == len(SENTENCES) * 11
        assert _lost(doc) == []

    def test_crlf_text_gives_the_claims_of_lf_text(self) -> None:
        """CRLF newlines give the same claims as LF ones; offsets index the CRLF text."""
        lf = SEEDS[0].read_text(encoding="utf-8")
        crlf = lf.replace("\n", "\r\n")
        doc_lf = reconcile.parse_source(reconcile.Source(lf, name="a.txt"))
        doc_crlf = reconcile.parse_source(reconcile.Source(crlf, name="a.txt"))
        assert [c.text.replace("\r\n", "\n") for c in doc_crlf.claims] == [
            c.text for c in doc_lf.claims
        ]
        assert _lost(doc_crlf) == []

    def test_nul_and_control_characters_in_text(self) -> None:
        """NUL and other control characters in a given text neither crash nor get lost."""
        text = "Ten\x00 people died\x1b[0m on Monday.\x07 Two\x7f are missing, police said."
        doc = reconcile.parse_source(reconcile.Source(text, name="a.txt"))
        assert len(doc.claims) >= 1
        assert _lost(doc) == []

    def test_bom_is_a_segment(self) -> None:
        """A UTF-8 byte-order mark kept as the first character is a segment of its own."""
        doc = reconcile.parse_source(reconcile.Source("\ufeffTen people died.", name="a.txt"))
        assert [(s.why, s.text) for s in doc.segments] == [("byte-order-mark", "\ufeff")]
        assert [c.text for c in doc.claims] == ["Ten people died."]


class TestManySources:
    def test_a_single_source_is_checked_on_its_own(self) -> None:
        """One source: check() reports its own inconsistencies; compare() points to check()."""
        src = reconcile.Source.from_file(SEEDS[1])
        assert [f.category for f in reconcile.check(src).discrepancies] == ["temporal"]
        with pytest.raises(reconcile.UsageError, match=r"at least two sources \(got 1\)"):
            reconcile.compare([src])

    def test_fifty_two_sources(self) -> None:
        """52 sources give a report covering them all, the same in reverse order."""
        sources = [
            reconcile.Source(
                f"{SENTENCES[k % len(SENTENCES)]} {SENTENCES[(3 * k + 1) % len(SENTENCES)]}",
                name=f"wire-{k:02d}.txt",
            )
            for k in range(52)
        ]
        report = reconcile.compare(sources)
        assert [d.name for d in report.documents] == sorted(s.name for s in sources)
        assert all(_lost(doc) == [] for doc in report.documents)
        assert reconcile.compare(sources[::-1]).to_json() == report.to_json()

    def test_a_fact_all_fifty_sources_state_is_aligned(self) -> None:
        """When 50 sources state one fact with 50 different numbers, the 50 claims align
        into one group and every finding about it is a numeric discrepancy."""
        sources = [
            reconcile.Source(
                f"The dam broke on Monday and {k + 2} people died, police said.",
                name=f"s{k:02d}",
            )
            for k in range(50)
        ]
        report = reconcile.compare(sources)
        assert [len(a.claims) for a in report.alignments] == [50]
        assert report.single_source == ()
        assert {f.category for f in report.discrepancies} == {"numeric"}


class TestCli:
    """Every bad input is one line on stderr and exit code 2, never a traceback."""

    @staticmethod
    def _error(capsys: pytest.CaptureFixture[str]) -> str:
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert err.startswith("reconcile: error: ")
        assert "Traceback" not in err
        return err

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", r"'[^']*bad\.txt' is empty \(0 bytes\)"),
            (b" \r\n\t\n", r"bad\.txt' contains only whitespace \(5 bytes\)"),
            (codecs.BOM_UTF8 + b"\n", r"bad\.txt' contains only whitespace"),
            (bytes(range(256)) * 4, r"bad\.txt' looks like binary data, not text"),
            (b"%PDF-1.7\n%\xe2\xe3", r"bad\.txt' looks like a PDF, not text; .*pdftotext"),
        ],
    )
    def test_bad_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
    ) -> None:
        """Empty, blank and binary files are named in a one-line error, exit 2."""
        bad = tmp_path / "bad.txt"
        bad.write_bytes(data)
        assert main(["compare", str(SEEDS[0]), str(bad)]) == 2
        assert re.search(message, self._error(capsys))

    def test_directory(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory says to pass the files in it."""
        assert main(["compare", str(SEEDS[0]), str(tmp_path)]) == 2
        assert "is a directory, not a file. Pass the article files in it" in self._error(capsys)

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file says so."""
        assert main(["compare", str(SEEDS[0]), "no-such-article.txt"]) == 2
        assert "'no-such-article.txt' does not exist" in self._error(capsys)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("=2026-02-04", "--published takes NAME=DATE (got '=2026-02-04')"),
            ("a.txt=4 Feb 2026", "Publication date '4 Feb 2026' is not an ISO date. Write it"),
            ("a.txt=2026-02-30", "'2026-02-30' is not an ISO date (day is out of range"),
        ],
    )
    def test_malformed_published(
        self, capsys: pytest.CaptureFixture[str], value: str, message: str
    ) -> None:
        """A malformed --published value shows the value and the format."""
        assert main(["compare", *map(str, SEEDS), "--published", value]) == 2
        assert message in self._error(capsys)

    def test_unknown_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --format lists the formats there are."""
        assert main(["compare", *map(str, SEEDS), "--format", "docx"]) == 2
        assert "invalid choice: 'docx' (choose from 'text', 'json', 'markdown', 'html')" in (
            self._error(capsys)
        )

    def test_one_source_for_compare(self, capsys: pytest.CaptureFixture[str]) -> None:
        """compare with one file points to check."""
        assert main(["compare", str(SEEDS[0])]) == 2
        assert "compare needs at least two files (got 1)" in self._error(capsys)

    def test_a_guessed_encoding_is_a_one_line_warning(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A legacy encoding still gives a report (exit 0) and one warning line naming it."""
        legacy = tmp_path / "wire.txt"
        legacy.write_bytes("“Two people died,” police said on Monday.\n".encode("cp1252"))
        assert main(["compare", str(SEEDS[0]), str(legacy)]) == 0
        err = capsys.readouterr().err
        assert err == (
            f"reconcile: warning: Source {str(legacy)!r}: decoded as cp1252: the file is not "
            "UTF-8\n"
        )
        assert main(["compare", str(SEEDS[0]), str(legacy), "--quiet"]) == 0
        assert capsys.readouterr().err == ""


@settings(max_examples=200, deadline=None)
@given(
    text=st.sampled_from(SENTENCES),
    spans=st.lists(st.tuples(st.integers(0, 100), st.integers(0, 30)), max_size=8),
)
def test_words_outside_matches_the_naive_filter(text: str, spans: list[tuple[int, int]]) -> None:
    """The one-pass filter keeps exactly the words that overlap no span (reference: all pairs)."""
    spans_ = [reconcile.Span(start, start + width) for start, width in spans]
    words = tokens(text)
    naive = [w for w in words if not any(w.start < s.end and s.start < w.end for s in spans_)]
    assert words_outside(words, spans_) == naive
    index = SpanSet(spans_)
    for a in range(0, len(text) + 1, 7):
        for b in (a, a + 1, a + 9):
            assert index.overlaps(a, b) == any(reconcile.Span(a, b).overlaps(s) for s in spans_)


_TAGS = st.sampled_from(
    [
        "<b>",
        "</b>",
        "<span class='x'>",
        "</span>",
        "<br>",
        "<a href='/w'>",
        "</a>",
        "<!-- ad -->",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "&amp;",
        "&nbsp;",
        "<img src='x.jpg' alt='Dam'>",
        " ",
    ]
)


@pytest.mark.filterwarnings("ignore::reconcile.SourceWarning")
@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.one_of(st.sampled_from(SENTENCES), _TAGS, st.sampled_from(SENTENCES).map(str.split)),
        min_size=1,
        max_size=14,
    )
)
def test_html_with_tags_anywhere_loses_nothing(parts: list[str | list[str]]) -> None:
    """Real sentences with tags between and inside them: every character of the markup is
    in a claim or a segment, and every offset indexes the markup."""
    pieces = [" <i>".join(p) if isinstance(p, list) else p for p in parts]
    page = "<!DOCTYPE html><html><body><article>" + "".join(pieces) + "</article></body></html>"
    doc = reconcile.parse_source(reconcile.Source(page, name="a.html", is_html=True))
    assert _lost(doc) == []


@settings(max_examples=200, deadline=None)
@given(
    quotes=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), max_size=10),
    probes=st.lists(st.tuples(st.integers(0, 220), st.integers(0, 40)), min_size=1, max_size=10),
)
def test_quote_lookup_matches_the_naive_scan(
    quotes: list[tuple[int, int]], probes: list[tuple[int, int]]
) -> None:
    """The bisecting quotation lookup finds what a scan of every quotation finds, nested
    quotations included, in the same order."""
    from reconcile.parse.claims import _QuoteLookup

    items = [
        (reconcile.Span(s, s + w), f"speaker {k}", reconcile.Span(0, 1))
        for k, (s, w) in enumerate(quotes)
    ]
    lookup = _QuoteLookup(items)
    for start, width in probes:
        span = reconcile.Span(start, start + width)
        assert lookup.overlapping(span) == [item for item in items if item[0].overlaps(span)]
