"""Tests for reconcile.parse.layout: what in a news page is not a claim, and where the body is."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile._html import html_view
from reconcile.lexicon import ENGLISH
from reconcile.parse.layout import Layout, find_layout

DATA = Path(__file__).parents[1] / "data" / "layout"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def lay_out(text: str, *, is_html: bool = False) -> tuple[list[tuple[str, str]], list[str]]:
    """Return the (why, text) of every segment and the text of every block."""
    layout = find_layout(text, source="t.txt", is_html=is_html)
    assert_nothing_lost(text, layout)
    return [(s.why, s.text) for s in layout.segments], [b.slice(text) for b in layout.blocks]


def assert_nothing_lost(text: str, layout: Layout) -> None:
    """Segments and blocks cover every non-whitespace character once, at the right offsets."""
    owner = [""] * len(text)
    spans = [(s.span, f"segment {s.why}") for s in layout.segments]
    spans += [(b, "block") for b in layout.blocks]
    for span, what in spans:
        assert span.start < span.end, f"empty {what} at {span}"
        for i in range(span.start, span.end):
            assert not owner[i], f"{what} overlaps {owner[i]} at {i}"
            owner[i] = what
    uncovered = [i for i, ch in enumerate(text) if not ch.isspace() and not owner[i]]
    assert uncovered == [], f"uncovered characters at {uncovered[:5]} in {text!r}"
    for seg in layout.segments:
        assert seg.source == "t.txt"
        assert seg.text == text[seg.span.start : seg.span.end]
    for block in layout.blocks:
        body = block.slice(text)
        assert body == body.strip(), f"block not stripped: {body!r}"
    assert list(layout.blocks) == sorted(layout.blocks, key=lambda b: b.start)
    starts = [s.span.start for s in layout.segments]
    assert starts == sorted(starts)


class TestPages:
    """Whole pages in the styles news comes in."""

    def test_wire_copy(self) -> None:
        """Wire copy: headline, byline, a dateline before the first paragraph, a credit line."""
        segments, blocks = lay_out(read("wire.txt"))
        assert segments == [
            (
                "heading",
                "UPDATE 2-Chile, Argentina sign lithium pact as Boric visits Buenos Aires",
            ),
            ("byline", "By Lucinda Elliott and Natalia Siniawski"),
            ("dateline", "BUENOS AIRES, Feb 3 (Reuters) -"),
            (
                "byline",
                "(Reporting by Lucinda Elliott in Buenos Aires and Natalia Siniawski in Santiago; "
                "Editing by Jane Merriman)",
            ),
        ]
        assert blocks == [
            "Chile and Argentina signed a mining cooperation agreement on Tuesday, pledging to "
            "build a rail corridor across the Andes that would give landlocked provinces access "
            "to Pacific ports.",
            "Chilean President Gabriel Boric, on his first state visit to Argentina in more than "
            "a year, said trade between the two countries could reach $25 billion within three "
            "years.",
            '"We see Argentina as our bridge to the Atlantic," Boric told a joint news '
            "conference with President Javier Milei.",
            "Trade between the two countries was about $18 billion last year, according to "
            "Argentine officials.",
        ]

    def test_scraped_page(self) -> None:
        """A scraped page: navigation, byline, headers, ads, captions, related links, footer."""
        segments, blocks = lay_out(read("scraped.txt"))
        assert segments == [
            ("boilerplate", "Home | World | Asia | Business | Sport"),
            ("heading", "Flood waters recede in Sindh as relief effort widens"),
            ("byline", "By Sara Khan | Staff Correspondent"),
            ("metadata", "Published: August 29, 2022 10:14 PM PKT"),
            ("metadata", "Updated 2 hours ago"),
            ("boilerplate", "Share this article"),
            ("dateline", "KARACHI:"),
            ("boilerplate", "Advertisement"),
            ("caption", "Photo: AFP"),
            ("boilerplate", "Read more: Pakistan appeals for international help as floods spread"),
            ("boilerplate", "Related stories"),
            ("boilerplate", "Relief flights land in Karachi"),
            ("boilerplate", "Army deploys boats in Dadu"),
            ("boilerplate", "UN chief to visit flood zone next week"),
            ("boilerplate", "© 2022 The Daily Example. All rights reserved."),
            (
                "boilerplate",
                "We use cookies to improve your experience. By continuing you accept our "
                "cookie policy.",
            ),
        ]
        assert blocks == [
            "Flood waters began to recede across parts of Sindh on Monday, officials said, as aid "
            "agencies stepped up deliveries of food and tents to hundreds of thousands of "
            "displaced families.",
            "The provincial disaster authority said 1,136 people had died across the country "
            "since mid-June.",
            "- 3 people were killed in Dadu on Sunday when a wall collapsed",
        ]

    def test_blog_post(self) -> None:
        """A hard-wrapped blog post: wrapped lines join into paragraphs, headings split them."""
        segments, blocks = lay_out(read("blog.txt"))
        assert segments == [
            ("heading", "Why the Central Bank Held Rates Steady"),
            ("metadata", "Posted on March 3, 2026"),
            ("byline", "by Priya Natarajan"),
            ("heading", "Economic Outlook and Risks"),
            ("separator", "***"),
        ]
        assert blocks == [
            "The central bank left its benchmark rate unchanged at 6.5% on\n"
            "Tuesday, surprising economists who had expected a cut of a quarter\n"
            "point after inflation slowed to 4.1% in February. The decision was\n"
            "unanimous, the bank said in a statement.",
            "Governor Raghav Mehta said growth would stay near 6% this year but\n"
            "warned that food prices remained volatile. Speaking alongside\n"
            'Dr. Anita Rao, his deputy, he said the bank would act "as soon as\n'
            'the data allow."',
            "Two of the six committee members had argued for a cut in January,\n"
            "according to minutes published last month.",
        ]

    def test_page_headers_kept_in_corpus_text(self) -> None:
        """ECB+-style text keeps its headline and "First Published:" headers; a line is a block."""
        segments, blocks = lay_out(read("ecb_style.txt"))
        assert segments == [
            ("heading", "Singer Checks Into Rehab After Arrest"),
            ("metadata", "First Published: June 13, 2013 4:59 PM EDT"),
            ("metadata", "Updated 6:12 PM EDT"),
        ]
        assert blocks == [
            "The singer entered a treatment facility in Malibu on Thursday, her publicist "
            "confirmed.",
            "A spokesperson for the court said a judge had approved the move on Wednesday.",
            '"She is grateful for the support she has received," the publicist said in a '
            "statement.",
        ]

    def test_html_article(self) -> None:
        """HTML: markup, scripts and styles are "markup"; nav, aside and footer are boilerplate;
        h1 and title are headings, figcaption a caption; offsets index the markup."""
        text = read("article.html")
        segments, blocks = lay_out(text, is_html=True)
        assert segments == [
            (
                "markup",
                '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>',
            ),
            ("heading", "Dam breaks in northern valley | The Daily Example"),
            (
                "markup",
                '</title>\n<script>window.dataLayer = [{"section": "world"}];</script>\n'
                "<style>p { margin: 0 }</style>\n</head>\n<body>\n"
                '<header class="site"><a href="/">',
            ),
            ("boilerplate", "The Daily Example"),
            ("markup", '</a>\n<nav><ul><li><a href="/world">'),
            ("boilerplate", "World"),
            ("markup", '</a><li><a href="/business">'),
            ("boilerplate", "Business"),
            ("markup", "</a></ul></nav>\n</header>\n<article>\n<h1>"),
            ("heading", "Dam breaks in northern valley"),
            ("markup", '</h1>\n<p class="byline">'),
            ("byline", "By Jane Doe &amp; John Roe"),
            ("markup", '<br><time datetime="2026-02-04">'),
            ("timestamp", "February 4, 2026"),
            (
                "markup",
                '</time></p>\n<figure><img src="dam.jpg" alt="The broken dam"><figcaption>',
            ),
            ("caption", "The dam after the collapse. Photo: AP"),
            ("markup", "</figcaption></figure>\n<p>"),
            ("markup", "</p>\n<!-- ad slot -->\n<p>"),
            ("markup", "</p>\n<aside><h2>"),
            ("boilerplate", "Related"),
            ("markup", '</h2><a href="/x">'),
            ("boilerplate", "Floods hit the region last year"),
            ("markup", "</a></aside>\n</article>\n<footer><p>"),
            ("boilerplate", "&copy; 2026 The Daily Example"),
            ("markup", "</p></footer>\n</body>\n</html>"),
        ]
        assert blocks == [
            "A dam burst early on Wednesday, flooding three villages and killing at least 12 "
            "people, officials said.",
            "Rescuers were searching for 40 people still missing, the district&#8217;s governor "
            "said.",
        ]


class TestHeaders:
    """Metadata headers, time stamps and the byte-order mark."""

    def test_metadata_prefix_of_a_paragraph(self) -> None:
        """A header at a line start is metadata; the rest of the line is body; a BOM is its own."""
        text = "\ufeff date 2025-11-14 The prime minister arrived in Lagos on Tuesday.\n"
        assert lay_out(text) == (
            [("byte-order-mark", "\ufeff"), ("metadata", "date 2025-11-14")],
            ["The prime minister arrived in Lagos on Tuesday."],
        )

    @pytest.mark.parametrize(
        "header",
        [
            "Published: June 13, 2013",
            "First Published: June 13, 2013 4:59 PM EDT",
            "Updated 4:59 PM EDT",
            "Posted on Thu Jun 13, 2013 08:45 AM PDT",
            "PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM",
            "Originally published 05 / 03 / 2013 at 10:20 AM EDT",
            "Last updated at 22:46 GMT",
            "published: 2012-04-04 11:47:35",
        ],
    )
    def test_metadata_lines(self, header: str) -> None:
        """A metadata key followed by a date or time is metadata, in any case and spacing."""
        text = f"{header}\nThe court approved the transfer on Wednesday."
        assert lay_out(text) == (
            [("metadata", header)],
            ["The court approved the transfer on Wednesday."],
        )

    def test_two_headers_on_one_line(self) -> None:
        """ "Posted: ... Updated: ..." on one line gives two metadata segments."""
        text = (
            "Posted: 04 / 9 / 2012 8:33 am Updated: 04 / 9 / 2012 8:35 am\nThe film opens Friday."
        )
        assert lay_out(text) == (
            [
                ("metadata", "Posted: 04 / 9 / 2012 8:33 am"),
                ("metadata", "Updated: 04 / 9 / 2012 8:35 am"),
            ],
            ["The film opens Friday."],
        )

    @pytest.mark.parametrize(
        "stamp",
        [
            "- 13 Minutes ago",
            "1 hour ago",
            "June 13, 2013 4:59 PM",
            "Feb 2, 2026",
            "14 June 2013",
            "05 / 02 / 2013",
            "12:52 p. m. EDT May 2, 2013",
            "Fri., May. 3, 2013 11:45 AM PDT",
            "May 2, 2013 | 5:03pm",
            "Friday August 2, 2013 @ 8:13am PDT",
        ],
    )
    def test_timestamp_lines(self, stamp: str) -> None:
        """A line of nothing but a date, a time or "N units ago" is a timestamp."""
        text = f"{stamp}\nThe court approved the transfer on Wednesday."
        assert lay_out(text) == (
            [("timestamp", stamp)],
            ["The court approved the transfer on Wednesday."],
        )

    def test_a_date_inside_a_sentence_is_body(self) -> None:
        """A key word with no date after it, or a date inside a sentence, stays body text."""
        text = "Updated figures show unemployment fell.\nOn June 13, 2013 the singer left rehab."
        assert lay_out(text) == (
            [],
            ["Updated figures show unemployment fell.", "On June 13, 2013 the singer left rehab."],
        )

    def test_live_blog_entry_times(self) -> None:
        """A line that opens with a clock time and a dash or colon is a live blog entry: the
        time is a timestamp, the rest body. A time inside a sentence stays in it."""
        text = (
            "16:40 - The Met Office has extended its amber warning.\n\n"
            "8:24am: Ferries to the islands are cancelled.\n\n"
            "4.15 PM BST | Power is back in Truro.\n\n"
            "At 10:30 the road reopened."
        )
        assert lay_out(text) == (
            [("timestamp", "16:40 -"), ("timestamp", "8:24am:"), ("timestamp", "4.15 PM BST |")],
            [
                "The Met Office has extended its amber warning.",
                "Ferries to the islands are cancelled.",
                "Power is back in Truro.",
                "At 10:30 the road reopened.",
            ],
        )


class TestBylinesAndDatelines:
    @pytest.mark.parametrize(
        "byline",
        [
            "By Jane Doe",
            "BY JANE DOE",
            "By Jane Doe and John Roe, Reuters",
            "- Web Desk",
            "Staff Reporter",
            "Associated Press",
            "Jane Doe | Foreign Correspondent",
            "By Ursula von der Leyen",
            "(Reporting by Jane Doe; Editing by John Roe)",
        ],
    )
    def test_byline_lines(self, byline: str) -> None:
        """Short lines of names and byline markers (or "By" and names) are bylines."""
        text = f"{byline}\nThe mayor said the bridge would reopen."
        assert lay_out(text) == ([("byline", byline)], ["The mayor said the bridge would reopen."])

    def test_byline_with_its_date(self) -> None:
        """A byline followed by a date on one line splits into a byline and a timestamp."""
        text = "By Jane Doe | June 13, 2013\nThe mayor said the bridge would reopen."
        assert lay_out(text) == (
            [("byline", "By Jane Doe |"), ("timestamp", "June 13, 2013")],
            ["The mayor said the bridge would reopen."],
        )

    @pytest.mark.parametrize(
        "line",
        [
            "By the time police arrived, the crowd had gone.",
            "- 3 people were killed",
            "Staff shortages closed two wards on Monday.",
        ],
    )
    def test_sentences_are_not_bylines(self, line: str) -> None:
        """Lines with ordinary lower-case words, or that end like a sentence, stay body text."""
        text = f"{line}\nThe hospital said it was hiring."
        assert lay_out(text) == ([], [line, "The hospital said it was hiring."])

    @pytest.mark.parametrize(
        ("dateline", "rest"),
        [
            ("SANTIAGO (Reuters) -", "Chile and Peru signed a declaration."),
            ("WASHINGTON —", "The Senate passed the bill on Tuesday."),
            ("LONDON, Feb 3 (Reuters) -", "Oil prices rose on Monday."),
            ("CITY DESK:", "The mayor will visit the port tomorrow."),
            ("DAYTON, Ohio, May 6, 2025 /PRNewswire/ --", "Acme Robotics opened a plant."),
            ("NEW YORK (AP) —", "Stocks fell in early trading."),
            ("Mannheim, Germany (Sports Network) -", "Wladimir Klitschko kept his titles."),
        ],
    )
    def test_datelines(self, dateline: str, rest: str) -> None:
        """A place in capitals (or with an agency) and a dash or colon is a dateline prefix."""
        assert lay_out(f"{dateline} {rest}") == ([("dateline", dateline)], [rest])

    def test_a_labelled_headline_is_not_a_dateline(self) -> None:
        """ "NCAA: ..." without final punctuation is a headline, not a dateline and a body."""
        text = "NCAA: Improper gifts given to athletes\nThe report found ten violations."
        assert lay_out(text) == (
            [("heading", "NCAA: Improper gifts given to athletes")],
            ["The report found ten violations."],
        )


class TestFurniture:
    def test_furniture_in_markdown_emphasis(self) -> None:
        """ "*By Lea Dupre · 14 March 2025*" is a byline and a date; its stars are markup. A
        sentence in emphasis stays body text."""
        text = "*By Lea Dupre · 14 March 2025*\n\n*The assembly approved the budget.*"
        assert lay_out(text) == (
            [
                ("markup", "*"),
                ("byline", "By Lea Dupre ·"),
                ("timestamp", "14 March 2025"),
                ("markup", "*"),
            ],
            ["*The assembly approved the budget.*"],
        )

    def test_press_release_furniture(self) -> None:
        """A press release's release line and media contact are boilerplate."""
        text = (
            "FOR IMMEDIATE RELEASE\n\nAcme Robotics opened a plant in Dayton.\n\n"
            "Media contact: Jo Park, press@acme.example, +1 555 0100"
        )
        assert lay_out(text) == (
            [
                ("boilerplate", "FOR IMMEDIATE RELEASE"),
                ("boilerplate", "Media contact: Jo Park, press@acme.example, +1 555 0100"),
            ],
            ["Acme Robotics opened a plant in Dayton."],
        )

    @pytest.mark.parametrize(
        "note",
        [
            "Correction: An earlier version of this article misstated the vote count.",
            "Editor's note: This article was first published on March 23, 2024.",
            "This story has been updated.",
            "Clarification: The council, not the mayor, approved the plan.",
        ],
    )
    def test_editorial_notes(self, note: str) -> None:
        """An editor's note speaks of the article, not its story: a segment, not a claim."""
        assert lay_out(f"The Senate passed the bill.\n\n{note}") == (
            [("note", note)],
            ["The Senate passed the bill."],
        )

    @pytest.mark.parametrize(
        "caption",
        [
            "Photo credit: Akorda",
            "Photo: AP",
            "(Photo by Jane Doe/Getty Images)",
            "Image caption Rescuers search the rubble on Monday.",
            "File photo",
            "Courtesy of the Woodburn Independent",
        ],
    )
    def test_captions(self, caption: str) -> None:
        """A caption marker then a colon, a credit word or a credit is a caption."""
        text = f"The storm hit the coast on Sunday.\n{caption}\nPower was cut to 40,000 homes."
        assert lay_out(text) == (
            [("caption", caption)],
            ["The storm hit the coast on Sunday.", "Power was cut to 40,000 homes."],
        )

    @pytest.mark.parametrize(
        "line",
        [
            "Read more: Storm cuts power to thousands",
            "Share this article",
            "ADVERTISEMENT",
            "Click here to subscribe to our newsletter",
            "Follow us on Twitter and Facebook",
            "Copyright 2026 Example News",
            "We use cookies to give you the best experience.",
            "Home | News | Weather | Sport",
        ],
    )
    def test_boilerplate(self, line: str) -> None:
        """Calls to action, ads, copyright, cookie notices and navigation are boilerplate."""
        text = f"The storm hit the coast on Sunday.\n{line}\nPower was cut to 40,000 homes."
        assert lay_out(text) == (
            [("boilerplate", line)],
            ["The storm hit the coast on Sunday.", "Power was cut to 40,000 homes."],
        )

    def test_related_links_end_at_a_sentence(self) -> None:
        """The link titles under "Related:" are boilerplate until a line ends like a sentence."""
        text = (
            "Related:\n"
            "Storm cuts power to thousands\n"
            "Schools closed in three counties\n"
            "Crews worked through the night to restore power.\n"
        )
        assert lay_out(text) == (
            [
                ("boilerplate", "Related:"),
                ("boilerplate", "Storm cuts power to thousands"),
                ("boilerplate", "Schools closed in three counties"),
            ],
            ["Crews worked through the night to restore power."],
        )

    @pytest.mark.parametrize("line", ["-", "***", "—", "* * *", "____"])
    def test_separators(self, line: str) -> None:
        """A line of punctuation only is a separator."""
        text = f"The storm hit the coast.\n{line}\nPower was cut."
        assert lay_out(text) == (
            [("separator", line)],
            ["The storm hit the coast.", "Power was cut."],
        )


class TestHeadingsAndParagraphs:
    def test_section_heading_between_paragraphs(self) -> None:
        """A short line without final punctuation between paragraphs is a heading."""
        text = "Growth slowed in May.\n\nEconomic Outlook and Risks\n\nThe bank expects 6% growth."
        assert lay_out(text) == (
            [("heading", "Economic Outlook and Risks")],
            ["Growth slowed in May.", "The bank expects 6% growth."],
        )

    def test_sentence_case_heading_in_sentence_per_line_text(self) -> None:
        """A short sentence-case line without final punctuation is a heading too."""
        text = "The rule was rescinded.\nLaw covers 1,400 species\nThe law protects 1,400 species."
        assert lay_out(text) == (
            [("heading", "Law covers 1,400 species")],
            ["The rule was rescinded.", "The law protects 1,400 species."],
        )

    def test_short_sentence_is_body(self) -> None:
        """A one-line paragraph that ends with a period is body text, however short."""
        text = "The rule was rescinded.\nShe was 85.\nThe law protects 1,400 species."
        assert lay_out(text) == (
            [],
            ["The rule was rescinded.", "She was 85.", "The law protects 1,400 species."],
        )

    @pytest.mark.parametrize(
        "line",
        [
            "Trade unions say their members are paying for a crisis created by corrupt politicians",
            "Where the action has no effect on a listed species, or",
            "The details of her death are known:",
        ],
    )
    def test_open_lines_run_on(self, line: str) -> None:
        """A long plain line, or one ending on a comma or colon, is body and runs on."""
        text = f"The rule was rescinded.\n{line}\nThe law protects 1,400 species."
        assert lay_out(text) == (
            [],
            ["The rule was rescinded.", f"{line}\nThe law protects 1,400 species."],
        )

    def test_last_line_without_punctuation_is_body(self) -> None:
        """A heading needs text after it: a last line without final punctuation is body."""
        text = "The rule was rescinded.\nIt seems more likely that he will coach in college"
        assert lay_out(text) == (
            [],
            ["The rule was rescinded.", "It seems more likely that he will coach in college"],
        )

    def test_continuation_line_joins_its_paragraph(self) -> None:
        """A line that starts in lower case continues the line before it."""
        text = "Michael Silverman reports that the Sox\nhave made an offer.\nIt is for eight years."
        assert lay_out(text) == (
            [],
            [
                "Michael Silverman reports that the Sox\nhave made an offer.",
                "It is for eight years.",
            ],
        )

    def test_abbreviation_at_a_line_end_does_not_end_the_paragraph(self) -> None:
        """A wrapped line ending in "Mr." or an initial goes on into the next line."""
        text = "The award went to Mr.\nSmith, who thanked Jane Q.\nPublic for her help."
        assert lay_out(text) == ([], [text])

    def test_crlf_offsets(self) -> None:
        """CRLF line ends stay in the text; blocks and segments end before the "\\r"."""
        text = "Dam Breaks in Valley\r\nBy Jane Doe\r\n\r\nTen people died.\r\nTwo are missing.\r\n"
        assert lay_out(text) == (
            [("heading", "Dam Breaks in Valley"), ("byline", "By Jane Doe")],
            ["Ten people died.", "Two are missing."],
        )

    def test_other_line_separators(self) -> None:
        """Every line break str.splitlines knows (U+2028, NEL, form feed) separates lines."""
        text = "Dam Breaks\u2028Ten people died.\x85Two are missing.\x0cFour were rescued."
        assert lay_out(text) == (
            [("heading", "Dam Breaks")],
            ["Ten people died.", "Two are missing.", "Four were rescued."],
        )

    def test_lexicon_is_data(self) -> None:
        """A metadata key added to the lexicon is recognized; the code knows no words."""
        lexicon = attrs.evolve(ENGLISH, metadata_keys=(*ENGLISH.metadata_keys, "stand"))
        text = "Stand: 2026-06-04\nThe bridge reopened."
        layout = find_layout(text, source="t.txt", lexicon=lexicon)
        assert [(s.why, s.text) for s in layout.segments] == [("metadata", "Stand: 2026-06-04")]
        # Without the key, the short line is taken for a headline.
        assert [(s.why, s.text) for s in find_layout(text, source="t.txt").segments] == [
            ("heading", "Stand: 2026-06-04")
        ]


class TestHtml:
    def test_view_blanks_markup_and_keeps_length(self) -> None:
        """The view writes spaces for markup, newlines for paragraph tags, characters for
        references."""
        text = "<p>Tom &amp; Jerry<br>met&#8217;s</p>"
        assert html_view(text) == "\n\n Tom &     Jerry\n   met’      s\n\n  "
        assert len(html_view(text)) == len(text)

    def test_view_of_plain_text_is_the_text(self) -> None:
        """Text with no markup characters and no newlines is its own view."""
        assert html_view("Ten people died, police said.") == "Ten people died, police said."

    def test_reference_at_a_block_end_belongs_to_the_block(self) -> None:
        """A character reference that ends a paragraph is inside its block, not markup."""
        text = "<p>He said: &ldquo;Profits rose.&rdquo;</p><p>Sales fell &gt;</p>"
        assert lay_out(text, is_html=True) == (
            [("markup", "<p>"), ("markup", "</p><p>"), ("markup", "</p>")],
            ["He said: &ldquo;Profits rose.&rdquo;", "Sales fell &gt;"],
        )

    def test_inline_markup_stays_inside_its_block(self) -> None:
        """Inline tags inside a paragraph are part of the block; the view reads the text."""
        text = '<p>Police said <a href="/x">two people</a> died.</p>'
        layout = find_layout(text, source="t.txt", is_html=True)
        assert [b.slice(text) for b in layout.blocks] == [
            'Police said <a href="/x">two people</a> died.'
        ]
        block = layout.blocks[0]
        assert " ".join(html_view(text)[block.start : block.end].split()) == (
            "Police said two people died."
        )

    def test_unterminated_comment_runs_to_the_end(self) -> None:
        """An unclosed comment is markup to the end of the text, as in a browser."""
        text = "<p>Ten people died.</p><!-- <p>hidden</p>"
        assert lay_out(text, is_html=True) == (
            [("markup", "<p>"), ("markup", "</p><!-- <p>hidden</p>")],
            ["Ten people died."],
        )

    def test_malformed_declaration_is_text(self) -> None:
        """A declaration HTMLParser cannot read ("<![x ...]>") is taken as text, not a crash."""
        text = "<p>a <![x b]> c.</p>"
        assert lay_out(text, is_html=True) == (
            [("markup", "<p>"), ("markup", "</p>")],
            ["a <![x b]> c."],
        )

    def test_unterminated_section_runs_to_the_end(self) -> None:
        """An unclosed "<![" section is markup to the end of the text."""
        text = "<p>Ten died.</p><![CDATA[ x"
        assert lay_out(text, is_html=True) == (
            [("markup", "<p>"), ("markup", "</p><![CDATA[ x")],
            ["Ten died."],
        )


# --------------------------------------------------------------------------------------
# Properties


def _split(text: str) -> list[str]:
    """Split at spaces; "_" stands for a space inside an item."""
    return [item.replace("_", " ") for item in text.split(" ")]


_WORDS = _split(
    "By Jane Doe and Reuters AP Staff Reporter Photo: credit Read more Related Advertisement "
    "Published: Updated First Posted on June 13, 2013 4:59 PM EDT 13 Minutes ago - — *** | "
    'WASHINGTON (Reuters) -- LAGOS: The mayor said police killed 3 people . ? ! , ; : " ” ’ '
    "( ) [ ] © All rights reserved Home World Sport \ufeff Dr. Mr. a the of"
)
_TAGS = _split(
    "<p> </p> <div class='a'> </div> <br> <br/> <h1> </h1> <h2> <figcaption> </figcaption> "
    "<nav> </nav> <script> </script> <style> </style> <!--c--> <!-- --> &amp; &nbsp; &#8217; "
    "&#x2014; &foo; & < > <![CDATA[x]]> <![if_x]> <![x <!doctype_html> <?xml?> <a_href='x'> "
    "</a> <header> </header> <article> </article> <aside> </aside> <pre> </pre> "
    "<svg><title>x</title></svg> </ <p &# &#99999999; &#0; <textarea> </textarea>"
)
_GAPS = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "\x0c", "\x85", "\xa0", ""]

news_text = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=60).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)
html_text = st.lists(
    st.one_of(st.sampled_from(_TAGS), st.sampled_from(_WORDS), st.sampled_from(_GAPS)),
    max_size=80,
).map("".join)
any_text = st.one_of(st.text(), news_text, html_text)
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(any_text)
def test_plain_layout_loses_nothing(text: str) -> None:
    """Every non-whitespace character is in exactly one segment or block, offsets round-trip."""
    assert_nothing_lost(text, find_layout(text, source="t.txt"))


@_SETTINGS
@given(any_text)
def test_html_layout_loses_nothing(text: str) -> None:
    """The same holds for HTML, where spans found on the view index the markup."""
    assert_nothing_lost(text, find_layout(text, source="t.txt", is_html=True))


@_SETTINGS
@given(any_text)
def test_html_view_keeps_length_and_text(text: str) -> None:
    """The view has the text's length; outside markup it shows the text's characters."""
    view = html_view(text)
    assert len(view) == len(text)
    if "<" not in text and "&" not in text:
        newlines = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
        assert view == "".join(" " if ch in newlines else ch for ch in text)


@_SETTINGS
@given(news_text)
def test_layout_is_deterministic(text: str) -> None:
    """The same text gives the same layout (no hidden state between calls)."""
    assert find_layout(text, source="t.txt") == find_layout(text, source="t.txt")
