"""What a reader can download: the data package in one zip, each chapter as a notebook."""

from __future__ import annotations

import json
import zipfile

import nbformat
import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from liberal_crisis import data
from test_prose import chapters


@pytest.mark.build
def test_data_zip_is_the_whole_valid_package(built_site, tmp_path):
    archive = built_site / "_downloads" / "liberal-crisis-data.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        zipped.extractall(tmp_path)
    package = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    manifest = json.loads((REPO / "data" / "raw" / "manifest.json").read_text(encoding="utf-8"))
    expected = {f"data/{r['path']}" for r in package["resources"]} | {
        "data/datapackage.json", "data/README.md", "data/raw/manifest.json"} | {
        f"data/raw/{f['path']}" for f in manifest["files"]} | {
        # the pieces datapackage.json is assembled from (data/meta), so the zip validates whole
        f"data/{p.relative_to(REPO / 'data').as_posix()}"
        for p in (REPO / "data" / "meta").rglob("*.json")}
    assert names == expected
    assert data.validate(tmp_path / "data") == []  # a reader can validate what they download


def test_the_data_dictionary_links_to_the_zip(built_site):
    page = BeautifulSoup((built_site / "book" / "data-dictionary.html").read_text(), "html.parser")
    links = [a["href"] for a in page.find_all("a", href=True)]
    assert "../_downloads/liberal-crisis-data.zip" in links


def test_every_chapter_with_code_offers_its_notebook(built_site):
    for path in chapters():
        if "{code-cell}" not in path.read_text(encoding="utf-8"):
            continue
        page_name = path.relative_to(REPO).with_suffix("")
        html = BeautifulSoup((built_site / f"{page_name}.html").read_text(), "html.parser")
        button = html.select_one("a.btn-download-notebook-button")
        assert button is not None, f"{page_name}: no notebook download"
        target = (built_site / page_name).parent / button["href"]
        notebook = nbformat.read(target.resolve(), as_version=4)
        nbformat.validate(notebook)
        code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
        # data read through the package (the data dictionary reads its descriptor)
        assert "data.load(" in code or "data.descriptor(" in code, page_name
        # the book's chart theme wherever the chapter draws a chart (the methods page draws none)
        assert "theme.setup()" in code or "charts.present(" not in code, page_name


def test_every_notebook_download_shows_its_numbers(built_site):
    """The ".ipynb" is the executed notebook: outputs, and every {eval} name's value stored with
    its Markdown cell as jupyterlab-myst stores it, so it reads like the page with no kernel."""
    from liberal_crisis.site.prose import prose_names

    for path in chapters():
        text = path.read_text(encoding="utf-8")
        if "{code-cell}" not in text:
            continue
        page_name = path.relative_to(REPO).with_suffix("")
        notebook = nbformat.read(built_site / "_sources" / f"{page_name}.ipynb", as_version=4)
        raw = nbformat.writes(notebook)
        assert "{glue" not in raw and "_lc_glue" not in raw, f"{page_name}: glue in the download"
        shown = 0
        for cell in notebook.cells:
            if cell.cell_type != "markdown":
                continue
            names = prose_names(cell.source)
            stored = {e["expression"]: e["result"] for e in cell.metadata.get("user_expressions", [])}
            assert set(names) <= set(stored), f"{page_name}: no stored value for {set(names) - set(stored)}"
            for name in names:
                result = stored[name]
                assert result["status"] == "ok" and result["data"]["text/plain"][0] in "'\"", result
                shown += 1
        assert shown == len([m for c in notebook.cells if c.cell_type == "markdown"
                             for m in prose_names(c.source)])
        if 'class="lc-figure' in (built_site / f"{page_name}.html").read_text(encoding="utf-8"):
            assert any("application/vnd.plotly.v1+json" in o.get("data", {})
                       for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
