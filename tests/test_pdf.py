"""`make pdf`: one PDF of the whole book, every chart in it as an image, made offline."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import html_pages
from liberal_crisis.site.pdf import PRINTED_TABLE_LINES

pytestmark = pytest.mark.browser

NOT_IN_BOOK = {"genindex.html", "search.html"}


def normalise(text: str) -> str:
    # NFKC undoes the "ﬁ" ligatures of PDF text; line breaks inside a title become spaces.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def images_on(resources) -> int:
    """The images a page's resources draw, counted without decoding them (pypdf's
    ``page.images`` decodes every one: 8 s for the book's)."""
    objects = resources.get_object().get("/XObject") if resources else None
    if not objects:
        return 0
    objects = objects.get_object()
    found = 0
    for name in objects:
        item = objects[name].get_object()
        if item.get("/Subtype") == "/Image":
            found += 1
        elif item.get("/Subtype") == "/Form":  # a drawing that holds its own images
            found += images_on(item.get("/Resources"))
    return found


def test_pdf_holds_every_page_and_every_chart_as_an_image(built_site, tmp_path):
    out = tmp_path / "book.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "liberal_crisis.site.pdf", str(built_site), str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]

    # What the PDF must hold, read from the built HTML rather than from the PDF maker.
    figures, titles, unprinted, last_cells = 0, [], [], []
    for path in html_pages(built_site):
        if path.name in NOT_IN_BOOK:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        figures += len(soup.select("figure.lc-figure"))
        for table in soup.select("figure.lc-figure details.lc-table"):
            rows = len(table.select("tbody tr"))
            # a wide table prints each row as a card: a line per column, and a gap
            wide = "lc-table-wide" in table["class"]
            lines = rows * (len(table.select("thead th")) + 1 if wide else 1)
            if lines > PRINTED_TABLE_LINES:  # named, with its size and its file, not printed
                csv = table.find_parent("figure").select_one("a.lc-csv")["href"].split("/")[-1]
                unprinted.append((f"The {rows:,} rows behind this chart are not printed", csv))
            else:  # printed: its last cell is on paper
                last_cells.append(normalise(table.select("tbody tr")[-1].select("th, td")[-1].get_text()))
        h1 = soup.select_one("article h1")
        for link in h1.select("a.headerlink"):
            link.decompose()
        titles.append(normalise(h1.get_text()))
    assert figures > 0 and len(titles) >= 2

    reader = PdfReader(out)
    images = sum(images_on(page.get("/Resources")) for page in reader.pages)
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    assert images == figures, f"{images} images in the PDF for {figures} charts"
    missing = [t for t in titles if t not in text]
    assert missing == [], f"chapters missing from the PDF: {missing}"
    assert len(reader.pages) >= len(titles)
    assert unprinted, "no chart table is long enough to be left out: the check saw nothing"
    assert last_cells, "no chart table is short enough to print: the check saw nothing"
    unprinted_short = [cell for cell in last_cells if cell not in text]
    assert unprinted_short == [], f"short chart tables missing from the PDF: {unprinted_short}"
    left_out = [(note, csv) for note, csv in unprinted if note not in text or csv not in text]
    assert left_out == [], f"long tables neither printed nor named: {left_out}"
    # Controls that only work on screen are not printed (their links would be dead on paper).
    on_screen = [words for words in ("Link to this chart", "Download the data (CSV)", "Find a riding")
                 if words in text]
    assert on_screen == [], f"screen controls printed: {on_screen}"
    # A printed book a reader can carry: the poll chart's table once made one chapter 898 pages.
    starts = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    lengths = {title: end - start for (title, start), (_, end)
               in zip(starts, starts[1:] + [("", len(reader.pages))])}
    assert max(lengths.values()) <= 100, sorted(lengths.items(), key=lambda kv: -kv[1])[:3]
