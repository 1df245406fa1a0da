"""Downloads for readers: each chapter as a Jupyter notebook, and the data package as one zip.

- Every chapter with code gets ``_sources/<page>.ipynb`` (made from its MyST source, without
  outputs) and the theme's own ".ipynb" entry in the page's download menu points to it. Saved in
  the ``book/`` folder of a clone, it runs as it is (the loader finds ``data/`` above it).
- ``_downloads/liberal-crisis-data.zip`` holds ``data/`` (CSVs, ``datapackage.json``,
  ``README.md``, and ``raw/``: the publishers' files with their manifest), written with fixed timestamps so two builds give the same bytes.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import nbformat
from myst_nb.core.read import read_myst_markdown_notebook
from sphinx.application import Sphinx

DATA_ZIP = "_downloads/liberal-crisis-data.zip"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time leaks into the file


def add_notebook_download(app: Sphinx, pagename, templatename, context, doctree) -> None:
    source = Path(app.srcdir) / f"{pagename}.md"
    if app.builder.format != "html" or not source.is_file():
        return
    text = source.read_text(encoding="utf-8")
    if "{code-cell}" not in text:
        return
    notebook = read_myst_markdown_notebook(text, path=str(source))
    for index, cell in enumerate(notebook.cells):
        # nbformat draws a random id for each new cell; one from the position and text keeps
        # two builds of the same commit byte-identical.
        cell["id"] = hashlib.sha256(f"{index}\0{cell.source}".encode("utf-8")).hexdigest()[:8]
    out = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    # sphinx-book-theme adds its ".ipynb" download entry when this is set.
    context["ipynb_source"] = f"{pagename}.ipynb"


def write_data_zip(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    data = Path(app.srcdir) / "data"
    target = Path(app.outdir) / DATA_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # data/raw/ too: the publishers' files and their manifest, so the package in the zip
        # validates and re-derives exactly as the clone's does.
        for path in sorted(p for p in data.rglob("*") if p.is_file()):
            if path.suffix in (".csv", ".json", ".md", ".tsv") or path.parent != data:
                rel = path.relative_to(data).as_posix()
                info = zipfile.ZipInfo(f"data/{rel}", date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())


def setup(app: Sphinx) -> None:
    # Before the theme builds its header buttons (priority 501), so it sees ipynb_source.
    app.connect("html-page-context", add_notebook_download, priority=400)
    app.connect("build-finished", write_data_zip)
