"""Where the book's pages come from (``stories.book``): the repository's ``_toc.yml`` from any
working folder, or the whole book's named in ``$LIBERAL_CRISIS_TOC`` by a build whose own
table of contents lists only some pages (``scripts/preview.py``, e.g. of the methods page, whose
corrections log names pages the preview does not build)."""

from __future__ import annotations

import importlib.util
import shutil

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import book, corrections

# _toc.yml, in reading order
READING_ORDER = ["index", "toronto-st-pauls", "lasalle-emard-verdun", "the-pact", "confidence",
                 "the-pledge", "first-report", "national-picture", "aftermath", "what-if",
                 "methods", "run-it-yourself", "references"]


def _preview_like(tmp_path):
    """A copy laid out as scripts/preview.py lays it out: a one-page _toc.yml beside a link to
    the repository's data."""
    src = tmp_path / "src"
    (src / "book").mkdir(parents=True)
    (src / "data").symlink_to(REPO / "data")
    (src / "_toc.yml").write_text("format: jb-book\nroot: book/index\nchapters:\n"
                                  "  - file: book/methods\n")
    return src


def test_pages_in_reading_order_from_the_book_folder(monkeypatch):
    monkeypatch.delenv(book.TOC_ENV, raising=False)
    monkeypatch.chdir(REPO / "book")  # where a chapter runs as a notebook
    assert book.pages() == READING_ORDER
    assert sorted(book.pages()) == sorted(p.stem for p in (REPO / "book").glob("*.md"))


def test_a_partial_toc_lists_its_own_pages_unless_the_whole_book_is_named(tmp_path, monkeypatch):
    src = _preview_like(tmp_path)
    monkeypatch.chdir(src / "book")
    monkeypatch.delenv(book.TOC_ENV, raising=False)
    assert book.pages() == ["index", "methods"]
    monkeypatch.setenv(book.TOC_ENV, str(REPO / "_toc.yml"))
    assert book.pages() == READING_ORDER


def test_preview_names_the_whole_book_to_its_build(tmp_path, monkeypatch):
    """The preview of the methods page failed: every log row naming another page was "not a
    page of the book". Its build now gets the repository's _toc.yml, and the log checks."""
    spec = importlib.util.spec_from_file_location("preview", REPO / "scripts" / "preview.py")
    preview = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(preview)
    seen = {}

    def call(cmd, env=None):
        seen["env"] = env
        return 0

    monkeypatch.setattr(preview.subprocess, "call", call)
    assert preview.main(str(tmp_path / "out"), "book/methods") == 0
    monkeypatch.chdir(tmp_path / "out" / "src" / "book")
    log = data.load("corrections")
    assert {"confidence", "the-pledge"} <= set(log["page"])  # rows on pages not previewed
    monkeypatch.delenv(book.TOC_ENV, raising=False)
    assert corrections.problems(log, book.pages())  # the failure, without the variable
    monkeypatch.setenv(book.TOC_ENV, seen["env"][book.TOC_ENV])
    assert corrections.problems(log, book.pages()) == []
    shutil.rmtree(tmp_path / "out")

