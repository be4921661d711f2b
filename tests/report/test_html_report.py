"""The reports people read: the HTML page (in Python and in headless Chromium) and Markdown.

The browser tests need Chromium (Debian: ``apt-get install chromium``) and skip,
saying so, without it. ``docs/img/seeds-report.png`` is the screenshot test's
image; to refresh it, run this module with ``RECONCILE_SCREENSHOT=docs/img/seeds-report.png``.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from support import reports

import reconcile
from reconcile import Report
from reconcile._text import shorten
from reconcile.report import render_html, render_html_many

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
_VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "area", "base", "col"}


class Node:
    """An element of a parsed page: tag, attributes, children (nodes and text)."""

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self) -> list[Node]:
        out = [self]
        for c in self.children:
            if isinstance(c, Node):
                out += c.iter()
        return out

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
        ]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


@pytest.fixture(scope="module")
def seeds() -> Report:
    return reconcile.compare([reconcile.Source.from_file(p) for p in SEEDS])


@pytest.fixture(scope="module")
def page(seeds: Report) -> str:
    return render_html(seeds)


@pytest.fixture(scope="module")
def dom(page: str) -> Node:
    return parse(page)


def _claim_nodes(dom: Node) -> dict[str, Node]:
    return {n.attrs["data-claim"]: n for n in dom.find_all("span", "claim") if "id" in n.attrs}


def _strongest(report: Report, claim_id: str) -> str:
    kinds = {f.kind for f in report.findings if claim_id in f.claims}
    for kind in ("discrepancy", "agreement", "single_source"):
        if kind in kinds:
            return kind
    return "none"


# ---------------------------------------------------------------------------
# The page, read in Python


def test_sources_are_shown_whole_and_once(seeds: Report, dom: Node) -> None:
    """Each source column shows its source's text exactly: nothing lost, nothing doubled."""
    columns = {n.attrs["data-source"]: n for n in dom.find_all("article", "source")}
    assert list(columns) == [d.name for d in seeds.documents]
    for doc in seeds.documents:
        (text,) = columns[doc.name].find_all("div", "text")
        assert text.text == doc.source.text


def test_each_claim_is_highlighted_by_its_strongest_finding(seeds: Report, dom: Node) -> None:
    """Every claim is a span with its own text, coloured discrepancy > agreement > single source."""
    nodes = _claim_nodes(dom)
    assert sorted(nodes) == sorted(c.id for c in seeds.claims)
    got = {cid: (n.text, {c for c in n.classes if c.startswith("k-")}) for cid, n in nodes.items()}
    want = {c.id: (c.text, {f"k-{_strongest(seeds, c.id)}"}) for c in seeds.claims}
    assert got == want
    assert any("k-discrepancy" in n.classes for n in nodes.values())


def test_tooltip_gives_each_findings_reason(seeds: Report, dom: Node) -> None:
    """Hovering a claim shows every finding's message that cites it (the title attribute)."""
    nodes = _claim_nodes(dom)
    for f in seeds.findings:
        for cid in f.claims:
            assert f.message in nodes[cid].attrs["title"]


def test_aligned_claims_link_to_each_other(seeds: Report, dom: Node) -> None:
    """Each claim of an alignment names the others as partners, so selecting one marks them."""
    nodes = _claim_nodes(dom)
    assert seeds.alignments
    for group in seeds.alignments:
        for cid in group.claims:
            partners = set(nodes[cid].attrs["data-partners"].split())
            others = {nodes[o].attrs["id"] for o in group.claims if o != cid}
            assert others <= partners


def test_details_show_the_parts_of_each_score(seeds: Report, dom: Node) -> None:
    """A claim's details list its links' contributions, which sum to the weight shown."""
    nodes = _claim_nodes(dom)
    details = {n.attrs["id"]: n for n in dom.find_all("section", "detail")}
    for group in seeds.alignments:
        for link in group.links:
            detail = details[nodes[link.claims[0]].attrs["data-detail"]]
            (table,) = [
                t
                for t in detail.find_all("section", "link")
                if f"weight w = {link.weight:+.2f}" in t.text
            ]
            cells = [float(td.text) for td in table.find_all("td", "num")]
            *parts, total = cells
            assert len(parts) == len(link.contributions)
            assert parts == [round(p.weight, 2) for p in link.contributions]
            # a cell rounded to hundredths is within half a hundredth of the weight
            assert total == pytest.approx(link.weight, abs=0.0051)
            assert f"Match probability {link.score:.2f}" in table.text
            assert link.explanation in table.text


def test_page_needs_no_network(page: str, dom: Node) -> None:
    """Every reference stays in the page, and its Content Security Policy forbids the network."""
    refs = [
        (n.tag, k, v)
        for n in dom.iter()
        for k, v in n.attrs.items()
        if k in {"src", "href", "action", "data", "poster"}
    ]
    assert refs
    assert [r for r in refs if not r[2].startswith(("#", "data:"))] == []
    (csp,) = [
        n for n in dom.find_all("meta") if n.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp.attrs["content"].startswith("default-src 'none';")
    assert [n.tag for n in dom.find_all("script") if "src" in n.attrs] == []
    assert "@import" not in page


def test_markup_in_a_source_is_shown_as_text() -> None:
    """A source quoting HTML shows it as text: no element of the source reaches the page."""
    text = 'Police said <script>alert("x")</script> & <b>two</b> people died on "Monday".'
    a = reconcile.Source(text, name="a<b>")
    b = reconcile.Source("Police said five people died on Monday.", name="b")
    dom = parse(render_html(reconcile.compare([a, b])))
    assert len(dom.find_all("script")) == 1
    assert dom.find_all("b") == []
    column = next(n for n in dom.find_all("article", "source") if n.attrs["data-source"] == "a<b>")
    assert column.find_all("div", "text")[0].text == text


def test_same_report_gives_same_page(seeds: Report, page: str) -> None:
    """The page depends only on the report: again, or from its JSON, it is the same bytes."""
    assert render_html(seeds) == page
    assert render_html(Report.from_json(seeds.to_json())) == page
    assert seeds.to_html() == page


def test_session_page_keeps_every_reference_inside_its_report(seeds: Report) -> None:
    """Several reports on one page have distinct ids, and every reference finds its element."""
    a = reconcile.Source("The plant employs 40 people, the mayor said.", name="a")
    b = reconcile.Source("The plant employs 400 people, the mayor said.", name="b")
    dom = parse(render_html_many([("seeds", seeds), ("plant", reconcile.compare([a, b]))]))
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    refs = {v[1:] for n in dom.iter() for k, v in n.attrs.items() if k == "href" and v[0] == "#"}
    for n in dom.iter():
        for key in ("data-partners", "data-findings", "data-claims", "data-detail"):
            refs.update(n.attrs.get(key, "").split())
    assert refs - set(ids) == set()
    assert [n.text for n in dom.find_all("h1")][1:] == ["seeds", "plant"]


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_any_report_renders_its_sources_whole(report: Report) -> None:
    """Whatever a report holds (overlapping spans, markup, any script), each source is shown once
    and exactly, and every reference in the page finds its element."""
    dom = parse(render_html(report))
    columns = dom.find_all("article", "source")
    assert [c.find_all("div", "text")[0].text for c in columns] == [
        d.source.text for d in report.documents
    ]
    ids = {n.attrs["id"] for n in dom.iter() if "id" in n.attrs}
    refs = {v[1:] for n in dom.iter() for k, v in n.attrs.items() if k == "href" and v[0] == "#"}
    for n in dom.iter():
        for key in ("data-partners", "data-findings", "data-claims", "data-detail"):
            refs.update(n.attrs.get(key, "").split())
    assert refs - ids == set()


def test_markdown_report_is_a_readable_document(seeds: Report) -> None:
    """The seeds' Markdown has a title, one section per kind, and tables whose rows all fit."""
    md = seeds.to_markdown()
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# Reconciliation report",
        f"## Discrepancies ({len(seeds.discrepancies)})",
        f"## Agreements ({len(seeds.agreements)})",
        f"## Only one source ({len(seeds.single_source)})",
    ]
    tables: list[list[str]] = []
    previous = ""
    for line in md.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    assert len(tables) == 2
    for rows in tables:
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows
    for f in seeds.discrepancies:
        assert f.id in md


def test_markdown_quotes_each_piece_of_evidence_on_its_own_line(seeds: Report) -> None:
    """Two quotes of one finding are two paragraphs when rendered, not one run-on line."""
    lines = seeds.to_markdown().splitlines()
    joined = [
        (a, b)
        for a, b in pairwise(lines)
        if a.lstrip().startswith("> ")
        and b.lstrip().startswith("> ")
        and not a.endswith(("  ", "\\"))
    ]
    assert joined == []


def _markdown_dom(md: str) -> Node:
    """The page a Markdown viewer shows: CommonMark with GitHub's tables, raw HTML allowed."""
    from markdown_it import MarkdownIt

    return parse(MarkdownIt("commonmark").enable("table").render(md))


def _rows(table: Node) -> list[list[str]]:
    return [[td.text for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]


def test_rendered_markdown_is_tables_and_lists_of_quoted_evidence(seeds: Report) -> None:
    """Rendered, the seeds' Markdown is a table of sources, a list item per finding with each
    piece of evidence a quoted paragraph of its own, and a table of the one-source claims."""
    dom = _markdown_dom(seeds.to_markdown())
    sources, single = dom.find_all("table")
    assert _rows(sources) == [
        [d.name, d.published.isoformat() if d.published else "unknown", d.published_how]
        for d in seeds.documents
    ]
    discrepancies, agreements = dom.find_all("ul")
    for items, found in ((discrepancies, seeds.discrepancies), (agreements, seeds.agreements)):
        lis = items.find_all("li")
        assert len(lis) == len(found)
        for li, f in zip(lis, found, strict=True):
            assert f.message in li.text
            assert li.find_all("code")[0].text == f.id
            (quote,) = li.find_all("blockquote")
            assert [p.text for p in quote.find_all("p")] == [
                f"{e.source}: {shorten(e.text, 300)}" for e in f.evidence
            ]
    assert _rows(single) == [
        [e.source, shorten(e.text, 200)] for f in seeds.single_source for e in f.evidence
    ]
    # Underscores inside a word cannot make emphasis, so they stay readable as they are.
    assert "\\_" not in seeds.to_markdown()


def test_markup_in_a_source_is_shown_as_text_in_markdown() -> None:
    """A source quoting HTML, emphasis, links or a table bar shows them as text in Markdown."""
    text = "Police said <b>two</b> *people* died in `Rye_Town` [on] _Monday_ | A&amp;E ~~shut~~."
    a = reconcile.Source(text, name="a`|b")
    b = reconcile.Source("Police said five people died in Rye Town on Monday.", name="b")
    report = reconcile.compare([a, b])
    assert report.discrepancies
    dom = _markdown_dom(report.to_markdown())
    assert [n.tag for n in dom.iter() if n.tag in {"b", "em", "a", "s", "del"}] == []
    (quote,) = dom.find_all("blockquote")
    assert f"a`|b: {text}" in [p.text for p in quote.find_all("p")]
    (sources, *_) = dom.find_all("table")
    assert _rows(sources)[0][0] == "a`|b"


# ---------------------------------------------------------------------------
# The page, in headless Chromium

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium); "
    "the HTML report is checked without a browser only",
)


def _chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    run = subprocess.run(
        [CHROMIUM, *flags, *args, url], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, f"chromium exited {run.returncode}:\n{run.stderr[-3000:]}"
    return run


def _console(stderr: str) -> list[str]:
    """Messages the page wrote to the console (errors, CSP violations, uncaught exceptions)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def _write(tmp_path: Path, page: str, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return path


def _finding_url(tmp_path: Path, page: str, dom: Node, finding_id: str) -> str:
    """Return the URL of the written page with the card of this finding selected."""
    card = next(
        n for n in dom.find_all("article", "finding") if n.attrs["data-finding"] == finding_id
    )
    return _write(tmp_path, page).as_uri() + "#" + card.attrs["id"]


@needs_chromium
def test_console_check_catches_a_script_error(tmp_path: Path) -> None:
    """The console scan below does see a script error, so its silence means something."""
    path = _write(tmp_path, "<!DOCTYPE html><p>x</p><script>null.x;</script>", "broken.html")
    run = _chromium(tmp_path, path.as_uri(), "--dump-dom")
    assert any("Uncaught TypeError" in line for line in _console(run.stderr))


@needs_chromium
def test_seed_page_opens_cleanly_and_selects_a_finding_from_the_url(
    tmp_path: Path, seeds: Report, page: str, dom: Node
) -> None:
    """The page loads with no console message; #finding selects it, its claims and details."""
    finding = seeds.discrepancies[0]
    url = _finding_url(tmp_path, page, dom, finding.id)
    run = _chromium(tmp_path, url, "--dump-dom")
    assert _console(run.stderr) == []
    after = parse(run.stdout)
    selected = {
        n.attrs.get("data-claim") or n.attrs.get("data-finding")
        for n in after.iter()
        if "is-selected" in n.classes
    }
    partners = {n.attrs["data-claim"] for n in after.iter() if "is-partner" in n.classes}
    first, *rest = finding.claims
    assert selected == {finding.id, first}
    assert partners == set(rest)
    shown = [n for n in after.find_all("section", "detail") if "hidden" not in n.attrs]
    assert len(shown) == 1
    assert finding.message in shown[0].text
    assert "Match probability" in shown[0].text


@needs_chromium
def test_session_page_opens_cleanly_and_selects_inside_one_report(
    tmp_path: Path, seeds: Report
) -> None:
    """The --reconcile-report page (several reports) loads with no console message, and a
    finding of the second report selected from the URL marks its claims there only."""
    a = reconcile.Source("The plant employs 40 people, the mayor said.", name="a")
    b = reconcile.Source("The plant employs 400 people, the mayor said.", name="b")
    plant = reconcile.compare([a, b])
    page = render_html_many([("seeds", seeds), ("plant", plant)])
    (finding,) = plant.discrepancies
    reports = parse(page).find_all("section", "report")
    assert len(reports) == 2
    (card,) = [
        n
        for n in reports[1].find_all("article", "finding")
        if n.attrs["data-finding"] == finding.id
    ]
    run = _chromium(
        tmp_path, _write(tmp_path, page).as_uri() + "#" + card.attrs["id"], "--dump-dom"
    )
    assert _console(run.stderr) == []
    first, second = parse(run.stdout).find_all("section", "report")
    assert [n for n in first.iter() if n.classes & {"is-selected", "is-partner"}] == []
    marked = {
        (n.attrs.get("data-claim") or n.attrs.get("data-finding"), c)
        for n in second.iter()
        for c in n.classes & {"is-selected", "is-partner"}
    }
    assert marked == {
        (finding.id, "is-selected"),
        (finding.claims[0], "is-selected"),
        (finding.claims[1], "is-partner"),
    }


_CLICKS = """
<script>
(function () {
  var claim = document.querySelector(".claim.k-discrepancy[data-partners]:not([data-partners=''])");
  var out = document.body;
  function state() {
    return Array.prototype.map.call(
      document.querySelectorAll(".is-selected, .is-partner"),
      function (el) { return el.id + ":" + (el.classList.contains("is-selected") ? "s" : "p"); }
    ).sort().join(" ");
  }
  function expected(el) {
    return [el.id + ":s"].concat(
      el.getAttribute("data-partners").split(" ").filter(Boolean).map(function (p) {
        return p + ":p";
      })
    ).sort().join(" ");
  }
  claim.click();
  out.setAttribute("data-after-click", state());
  out.setAttribute("data-expected-click", expected(claim));
  var detail = document.getElementById(claim.getAttribute("data-detail"));
  out.setAttribute("data-detail-shown", String(!detail.hidden));
  claim.click();
  out.setAttribute("data-after-second-click", state());
  var other = document.querySelector(".claim.k-agreement[id]");
  other.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  out.setAttribute("data-after-hover", state());
  out.setAttribute("data-expected-hover", expected(other));
})();
</script>
</body>"""


@needs_chromium
def test_click_pins_a_claim_and_hover_previews_one(tmp_path: Path, page: str) -> None:
    """A click marks a claim, its partners and details; a second click unpins; hover previews."""
    path = _write(tmp_path, page.replace("</body>", _CLICKS))
    run = _chromium(tmp_path, path.as_uri(), "--dump-dom")
    assert _console(run.stderr) == []
    (body,) = parse(run.stdout).find_all("body")
    assert body.attrs["data-after-click"] == body.attrs["data-expected-click"]
    assert body.attrs["data-after-click"].count(":p") >= 1
    assert body.attrs["data-detail-shown"] == "true"
    assert body.attrs["data-after-second-click"] == ""
    assert body.attrs["data-after-hover"] == body.attrs["data-expected-hover"]


def _png_pixels(data: bytes) -> tuple[int, int, list[bytearray], int]:
    """Decode an 8-bit RGB(A), non-interlaced PNG with the stdlib: width, height, rows, bpp."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, color in (2, 6), interlace) == (8, True, 0)
            bpp = 4 if color == 6 else 3
        elif kind == b"IDAT":
            idat.append(body)
    raw = zlib.decompress(b"".join(idat))
    stride, prev, rows, at = width * bpp, bytearray(width * bpp), [], 0
    for _ in range(height):
        ftype, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        at += stride + 1
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ftype == 2:
            line = bytearray((x + y) & 255 for x, y in zip(line, prev, strict=True))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ftype == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def _count(rows: list[bytearray], bpp: int, x0: int, x1: int, rgb: tuple[int, int, int]) -> int:
    return sum(
        1
        for line in rows
        for x in range(x0, x1, 2)
        if all(abs(line[x * bpp + k] - rgb[k]) <= 6 for k in range(3))
    )


@needs_chromium
def test_screenshot_shows_both_sources_with_highlighted_findings(
    tmp_path: Path, seeds: Report, page: str, dom: Node
) -> None:
    """At 1400x1000 both source columns show red (discrepancy) and green (agreement) highlights."""
    finding = seeds.discrepancies[0]
    url = _finding_url(tmp_path, page, dom, finding.id)
    shot = tmp_path / "seeds-report.png"
    _chromium(tmp_path, url, f"--screenshot={shot}", "--window-size=1400,1000")
    width, height, rows, bpp = _png_pixels(shot.read_bytes())
    assert (width, height) == (1400, 1000)
    # The sources take what the 476 px findings column leaves: two columns of 462 px.
    red, green = (0xFC, 0xE4, 0xE2), (0xE2, 0xF3, 0xE6)
    left = (_count(rows, bpp, 10, 450, red), _count(rows, bpp, 10, 450, green))
    right = (_count(rows, bpp, 472, 912, red), _count(rows, bpp, 472, 912, green))
    assert min(*left, *right) > 1000, (left, right)
    if target := os.environ.get("RECONCILE_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / target)


def test_evidence_that_opens_a_quotation_is_quoted_once() -> None:
    """A claim that starts with its own quotation mark gets no second opening mark."""
    a = reconcile.Source("“We will rebuild the bridge,” the mayor said on Monday.", name="a.txt")
    b = reconcile.Source("The mayor said on Monday that the bridge would be rebuilt.", name="b.txt")
    page = render_html(reconcile.compare([a, b]))
    assert '<q class="own">“We will rebuild the bridge,”' in page
    assert "<q>“" not in page
    assert "q.own::before { content: none; }" in page
