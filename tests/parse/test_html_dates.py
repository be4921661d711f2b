"""HTML pages: the publication date their markup states for machines, and their header."""

from __future__ import annotations

from datetime import date

import pytest

import reconcile
from reconcile._html import published_in_markup

BODY = (
    "<article><p>Heavy rain closed a five-mile stretch of the A62 on Thursday night, "
    "police said.</p></article>"
)


def page(head: str = "", body: str = BODY) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Flooding</title>{head}</head><body>{body}</body></html>"
    )


def published(text: str) -> tuple[date | None, str]:
    doc = reconcile.parse_source(reconcile.Source.from_html(text, name="page.html"))
    return doc.published, doc.published_how


@pytest.mark.parametrize(
    ("head", "where"),
    [
        (
            '<meta property="article:published_time" content="2025-11-14T08:32:00+00:00">',
            'property="article:published_time"',
        ),
        ('<meta name="pubdate" content="20251114">', 'name="pubdate"'),
        ('<meta itemprop="datePublished" content="2025-11-14">', 'itemprop="datepublished"'),
        ('<meta name="DC.date.issued" content="2025-11-14">', 'name="dc.date.issued"'),
    ],
)
def test_meta_tags_give_the_date(head: str, where: str) -> None:
    """Open Graph, schema.org and Dublin Core dates are read; the report says which."""
    when, how = published(page(head))
    assert when == date(2025, 11, 14)
    assert how.startswith("explicit HTML metadata <meta ")
    assert where in how


def test_json_ld_date_published_inside_a_graph() -> None:
    """JSON-LD: datePublished is found in a @graph; dateModified is not a publication date."""
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Northern Daily"},'
        '{"@type": "NewsArticle", "dateModified": "2025-11-16T10:00:00Z",'
        ' "datePublished": "2025-11-14T08:32:00Z"}]}</script>'
    )
    assert published(page(ld)) == (
        date(2025, 11, 14),
        "explicit HTML metadata JSON-LD datePublished '2025-11-14T08:32:00Z'",
    )


def test_modified_date_alone_is_not_a_publication_date() -> None:
    """A page that states only when it was modified has no stated publication date."""
    head = '<meta property="article:modified_time" content="2025-11-16T10:00:00Z">'
    when, how = published(page(head))
    assert when is None
    assert how.startswith("unknown")


def test_time_pubdate_in_the_body() -> None:
    body = '<p><time datetime="2025-11-14" itemprop="datePublished">Friday</time></p>' + BODY
    assert published(page(body=body))[0] == date(2025, 11, 14)


def test_broken_metadata_falls_back_to_the_page_header() -> None:
    """Unparsable JSON-LD and a date that is not one are skipped; the header's date is used."""
    head = (
        '<script type="application/ld+json">{"datePublished": </script>'
        '<meta name="date" content="not a date">'
    )
    body = (
        '<header><p class="byline">By Jane Hill, Transport Correspondent</p>'
        '<time datetime="2025-11-14">14 November 2025</time></header>' + BODY
    )
    when, how = published(page(head, body))
    assert when == date(2025, 11, 14)
    assert how == "explicit timestamp '14 November 2025' in the text"


def test_page_header_lines_are_labelled_byline_and_timestamp() -> None:
    """In a page's <header>, a byline and a date are segments of their own kind, not boilerplate."""
    body = (
        '<header><nav><a href="/">Home</a></nav><p>By Jane Hill</p>'
        "<p>14 November 2025</p></header>" + BODY
    )
    doc = reconcile.parse_source(reconcile.Source.from_html(page(body=body), name="page.html"))
    whys = {seg.text: seg.why for seg in doc.segments}
    assert whys["By Jane Hill"] == "byline"
    assert whys["14 November 2025"] == "timestamp"
    assert whys["Home"] == "boilerplate"


def test_markup_date_dates_the_other_sources_year() -> None:
    """A wire story's yearless dateline takes its year from a page that states its date."""
    html = reconcile.Source.from_html(
        page('<meta property="article:published_time" content="2025-11-14T08:32:00Z">'),
        name="page.html",
    )
    wire = reconcile.Source(
        "LEEDS, Nov 14 (Wire) - Torrential rain shut a section of the A62 late on Wednesday, "
        "police said.",
        name="wire.txt",
    )
    report = reconcile.compare([html, wire])
    dates = {d.name: d.published for d in report.documents}
    assert dates == {"page.html": date(2025, 11, 14), "wire.txt": date(2025, 11, 14)}


def test_plain_text_is_not_read_as_markup() -> None:
    """The markup date is read only from HTML sources."""
    text = '<meta property="article:published_time" content="2025-11-14"> is how pages say it.'
    doc = reconcile.parse_source(reconcile.Source(text, name="note.txt"))
    assert doc.published is None


def test_markup_scan_survives_malformed_markup() -> None:
    assert published_in_markup("<![x <meta name=date content=2025-11-14") is None
    assert published_in_markup('<meta name="date" content="2025-11-14"><![x') == (
        date(2025, 11, 14),
        "<meta name=\"date\"> '2025-11-14'",
    )
