"""Where the book's pages come from (``stories.book``): the ``_toc.yml`` beside the data, from
any working folder; and the preview (``scripts/preview.py``), whose table of contents lists
every page of the book (the others as stubs) so that the corrections page, whose log and links
name pages the preview does not build, builds there too."""

from __future__ import annotations

import importlib.util

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import book, corrections

# _toc.yml, in reading order
READING_ORDER = ["index", "toronto-st-pauls", "lasalle-emard-verdun", "the-pact", "confidence",
                 "the-pledge", "first-report", "national-picture", "aftermath", "what-if",
                 "methods", "corrections", "data-dictionary", "run-it-yourself", "references"]


def test_pages_in_reading_order_from_the_book_folder(monkeypatch):
    monkeypatch.chdir(REPO / "book")  # where a chapter runs as a notebook
    assert book.pages() == READING_ORDER
    assert sorted(book.pages()) == sorted(p.stem for p in (REPO / "book").glob("*.md"))


def _preview(tmp_path, monkeypatch, *pages):
    """scripts/preview.py's copy of the sources, without the build."""
    spec = importlib.util.spec_from_file_location("preview", REPO / "scripts" / "preview.py")
    preview = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(preview)
    monkeypatch.setattr(preview.subprocess, "call", lambda cmd: 0)
    assert preview.main(str(tmp_path / "out"), *pages) == 0
    return tmp_path / "out" / "src"


def test_the_preview_of_the_corrections_page_lists_every_page(tmp_path, monkeypatch):
    """The preview of the page with the corrections log (then the methods page) failed: its
    one-page table of contents made every log row naming another page "not a page of the
    book", and each {doc} link to one an unknown document."""
    src = _preview(tmp_path, monkeypatch, "book/corrections")
    monkeypatch.chdir(src / "book")
    assert book.root() == src  # the copy's own table of contents, beside its data link
    assert book.pages()[:3] == ["index", "corrections", "references"]  # the previewed pages first
    assert sorted(book.pages()) == sorted(READING_ORDER)
    log = data.load("corrections")
    assert {"confidence", "the-pledge"} <= set(log["page"])  # rows on pages not previewed
    assert corrections.problems(log, book.pages()) == []


def test_a_page_not_previewed_is_a_stub_with_its_title(tmp_path, monkeypatch):
    src = _preview(tmp_path, monkeypatch, "book/methods")
    stub = (src / "book" / "first-report.md").read_text(encoding="utf-8")
    # {doc}`first-report` shows the page's title: book/first-report.md's first heading
    assert stub.startswith("# The first report, checked: was the story of 11 October 2024 right?\n")
    assert "code-cell" not in (src / "book" / "what-if.md").read_text(encoding="utf-8")
    assert "code-cell" in (src / "book" / "methods.md").read_text(encoding="utf-8")
