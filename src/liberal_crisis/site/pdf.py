"""Print the built book to one PDF, every chart as a static image, without the network.

Usage: ``python -m liberal_crisis.site.pdf SITE_DIR OUT_PDF`` (``make pdf`` runs it on _build/html).

The charts are drawn by plotly.js in the browser, so the site is served on 127.0.0.1 and each
page is opened in headless Chromium (Playwright), in the order of the book's sidebar. Once a
page's charts are drawn, each one is replaced by a PNG of itself (``Plotly.toImage``): a printed
SVG chart would keep its hover and zoom controls, and an image is what a PDF reader expects.
Each page is printed on its own and pypdf joins them, with one bookmark per chapter.
"""

from __future__ import annotations

import argparse
import io
import posixpath
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfWriter

from .browser import CHROMIUM, launch, local_only, serve

SKIP = {"genindex.html", "search.html"}  # Sphinx's generated pages are not part of the book
PDF_OPTIONS = dict(
    format="A4",
    print_background=False,
    margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
    scale=0.85,  # the site's 16px body text would print at 12pt; this gives about 10pt
)
# What paper needs that the screen does not (the print review of 7 December 2026):
# - Chromium prints a box-shadow (the theme gives one to admonitions and the contents box) as a
#   raster image: the theme draws them all in this colour, so make it invisible;
# - controls that only work on screen are left out: a chart's link and download row, the
#   disclosure markers, the swing explorer's inputs (its chart and sentence print, at rest);
# - a long table may break across pages (the theme keeps each table whole, which left a page
#   blank before it), a row may not; a chart keeps its title, and a table its summary line.
PRINT_CSS = """
html { --pst-color-shadow: transparent !important; }
.lc-link-row, a.lc-csv, .sd-summary-state-marker,
.lc-ex-form, .lc-ex-search, .lc-ex-changes, .lc-ex-hint { display: none !important; }
details > summary { list-style: none; }
details > summary::-webkit-details-marker { display: none; }
a:not([href]) { color: inherit !important; text-decoration: none !important; }
.bd-main .bd-content table { break-inside: auto !important; }
tr { break-inside: avoid; }
summary, .lc-title, .lc-subtitle { break-after: avoid-page; }
.lc-chart-static { break-before: avoid-page; }
"""
# Wider than the NARROW breakpoint of charts.js, so charts keep their desktop layout.
VIEWPORT = {"width": 1280, "height": 900}

# Every chart drawn: charts.js draws those far from the window when the browser is idle, so an
# open page gets them all without being scrolled (a print from the browser draws them first).
ALL_CHARTS_DRAWN = """() => [...document.querySelectorAll('.lc-chart')]
    .every(el => el.classList.contains('js-plotly-plot') && el.querySelector('.main-svg g.trace'))"""

# A chart's table of numbers is printed when it fits about two pages: 100 printed lines, where
# a row is a line and a wide table's row (printed as a card, a line per column) is a card. A
# longer one is named instead, with its row count and its CSV: the poll chart's 3,894 rows alone
# took 898 of the PDF's 1,143 pages (7 December 2026).
PRINTED_TABLE_LINES = 100

# Swap each chart for a PNG of itself at its on-screen size (scale 2 keeps it sharp on paper);
# its alt text is the figure's one-sentence text alternative. The book's collapsed sections (the
# data dictionary's, the chart tables) are opened, but a chart table longer than
# PRINTED_TABLE_LINES. Links into the site are unlinked: in the PDF they would point at a
# server that no longer runs.
TO_STATIC = """async (maxLines) => {
    for (const d of document.querySelectorAll('details.lc-table')) {
        const rows = d.querySelectorAll('tbody tr').length;
        const perRow = d.classList.contains('lc-table-wide')
            ? d.querySelectorAll('thead th').length + 1 : 1;
        if (rows * perRow <= maxLines) continue;
        const csv = d.closest('figure').querySelector('a.lc-csv').getAttribute('href');
        const note = document.createElement('p'), name = document.createElement('code');
        name.textContent = csv.split('/').pop();
        name.style.whiteSpace = 'nowrap';  // a file name is not broken at its hyphens
        note.className = 'lc-table-unprinted';
        note.append(`The ${rows.toLocaleString('en-CA')} rows behind this chart are not ` +
                    'printed: they are in its CSV file on the book’s website, ', name, '.');
        d.replaceWith(note);
    }
    // The data dictionary's sections are closed on screen; on paper every one is open.
    document.querySelectorAll('details.sd-dropdown, details.lc-table')
        .forEach(d => { d.open = true; });
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const el of document.querySelectorAll('.lc-chart')) {
        const box = el.getBoundingClientRect();
        const width = Math.round(box.width), height = Math.round(box.height);
        const img = document.createElement('img');
        img.src = await Plotly.toImage(el, {format: 'png', width, height, scale: 2});
        img.alt = el.closest('figure').querySelector('.lc-alt').textContent;
        img.className = 'lc-chart-static';
        img.style.cssText = 'display:block;width:100%;height:auto;break-inside:avoid';
        await img.decode();
        Plotly.purge(el);
        el.replaceWith(img);
    }
    for (const a of document.querySelectorAll('a[href]')) {
        if (a.host === location.host) a.removeAttribute('href');
    }
}"""


def book_pages(site: Path) -> list[tuple[str, str]]:
    """(path, title) of every page of the book, in the order of the root page's sidebar."""
    root = "index.html"
    # Jupyter Book's index.html is a redirect stub to the real root page.
    stub = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', (site / root).read_text("utf-8"))
    if stub:
        root = stub.group(1)
    soup = BeautifulSoup((site / root).read_text("utf-8"), "html.parser")
    pages: dict[str, str] = {}
    for link in soup.select("nav.bd-docs-nav a.reference.internal"):
        href = link["href"].split("#")[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(root), href)) if href else root
        if path not in SKIP and path not in pages:
            pages[path] = link.get_text(" ", strip=True)
    if root not in pages:
        pages = {root: soup.title.get_text(strip=True) if soup.title else root, **pages}
    return list(pages.items())


def make_pdf(site: Path, out: Path) -> int:
    """Write the book to ``out``; return its number of pages."""
    from playwright.sync_api import sync_playwright

    pages = book_pages(site)
    writer = PdfWriter()
    with serve(site) as base, sync_playwright() as pw:
        browser = launch(pw)
        # Light mode: the theme follows the system colour scheme (default_mode: auto).
        context = browser.new_context(color_scheme="light", viewport=VIEWPORT)
        foreign = local_only(context)  # the book must print offline
        for path, title in pages:
            page = context.new_page()
            page.goto(f"{base}/{path}", wait_until="load")
            page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30000)
            page.evaluate(TO_STATIC, PRINTED_TABLE_LINES)
            page.add_style_tag(content=PRINT_CSS)
            if foreign:
                raise SystemExit(f"{path} requested other hosts: {foreign}")
            writer.append(io.BytesIO(page.pdf(**PDF_OPTIONS)), outline_item=title)
            page.close()
        browser.close()

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return len(writer.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site, e.g. _build/html")
    parser.add_argument("out", type=Path, help="the PDF to write, e.g. _build/pdf/book.pdf")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}/index.html not found: run `make book` first")
    if not Path(CHROMIUM).exists():
        parser.error(f"Chromium not found at {CHROMIUM}: `make pdf` installs Debian's chromium")
    count = make_pdf(args.site, args.out)
    print(f"{args.out}: {count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
