"""Downloads for readers: each chapter as a Jupyter notebook, and the data package as one zip.

- Every chapter with code gets ``_sources/<page>.ipynb``, the notebook as the build executed it:
  its MyST source (prose still ``{eval}`name```), the outputs of the build's run (charts as
  plotly's own JSON, which JupyterLab draws) and, on each Markdown cell, the value of every name
  its prose shows, stored as jupyterlab-myst stores an evaluated expression
  (``metadata.user_expressions``), so JupyterLab shows the page's numbers before any kernel runs.
  The theme's own ".ipynb" entry in the page's download menu points to it. Cell ids come from
  position and text, and nothing carries a time: two builds of one commit give the same bytes.
  Saved in the ``book/`` folder of a clone, it runs as it is (the loader finds ``data/`` above it).
- ``_downloads/liberal-crisis-data.zip`` holds ``data/`` (CSVs, ``datapackage.json``,
  ``README.md``, and ``raw/``: the publishers' files with their manifest), written with fixed timestamps so two builds give the same bytes.
- Both live in one place, the page's download menu (``tidy_header_buttons``): "Notebook (.ipynb)"
  on chapters with code, "All the data (.zip)" on every page, and "Print or save as PDF". The
  theme's raw ".md" entry and its full-screen button go (the header keeps one search button; the
  sidebar's duplicate search field is dropped in ``_config.yml``'s ``html_sidebars``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import zipfile
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from myst_nb.core.read import read_myst_markdown_notebook
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..i18n import N_, gettext as _
from .prose import prose_names

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
    executed_folder = Path(app.env.mystnb_config.output_folder)
    executed = executed_folder / f"{pagename}.ipynb"
    if not executed.is_file():
        raise ExtensionError(f"{pagename}: no executed notebook at {executed}")
    glued = executed_folder / f"{pagename}.glue.json"
    run = nbformat.read(executed, as_version=4)
    # A page served from the execution cache is written to jupyter_execute without its outputs
    # (myst-nb writes the notebook it read, not the cache's merge): take them from the cache,
    # which matches on exactly these code cells.
    with contextlib.suppress(KeyError):
        _, run = get_cache(app.env.mystnb_config.execution_cache_path).merge_match_into_notebook(run)
    executed_notebook(notebook, run,
                      json.loads(glued.read_text(encoding="utf-8")) if glued.is_file() else {},
                      pagename)
    out = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    # sphinx-book-theme adds its ".ipynb" download entry when this is set.
    context["ipynb_source"] = f"{pagename}.ipynb"


def executed_notebook(notebook, executed, glued: dict, page: str):
    """The chapter's own notebook with the outputs of the build's run and its prose's values.

    ``executed`` is myst-nb's executed copy of the chapter as the book built it (prose rewritten
    into glue, one extra cell at the end that glues the prose's names); ``glued`` its glue data.
    """
    extra = len(executed.cells) - len(notebook.cells)
    kinds = [c.cell_type for c in notebook.cells]
    if extra not in (0, 1) or [c.cell_type for c in executed.cells[:len(kinds)]] != kinds:
        raise ExtensionError(f"{page}: the executed notebook does not match the chapter's cells")
    for index, (cell, run) in enumerate(zip(notebook.cells, executed.cells)):
        if cell.cell_type == "code":
            cell["outputs"] = run.get("outputs", [])
            cell["execution_count"] = run.get("execution_count")
        elif cell.cell_type == "markdown" and (names := prose_names(cell.source, page)):
            missing = [n for n in names if n not in glued]
            if missing:
                raise ExtensionError(f"{page}: no value for {missing} in the executed notebook")
            cell.metadata["user_expressions"] = [user_expression(n, glued[n]) for n in names]
        # nbformat draws a random id for each new cell; one from the position and text keeps
        # two builds of the same commit byte-identical.
        cell["id"] = hashlib.sha256(f"{index}\0{cell.source}".encode("utf-8")).hexdigest()[:8]
    if "language_info" in executed.metadata:
        notebook.metadata["language_info"] = executed.metadata["language_info"]
    return notebook


def user_expression(name: str, output: dict) -> dict:
    """One evaluated ``{eval}`` as jupyterlab-myst stores it in a Markdown cell's metadata
    (``user_expressions``: the kernel's reply to an execute request's user expression)."""
    return {"expression": name,
            "result": {"status": "ok", "data": {"text/plain": output["data"]["text/plain"]},
                       "metadata": {}}}


DOWNLOAD_TEXT = {
    "download-notebook-button": N_("Notebook (.ipynb)"),
    "download-pdf-button": N_("Print or save as PDF"),
}
DROPPED_BUTTONS = {"download-source-button", "fullscreen-button"}


def tidy_header_buttons(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """One download menu with the notebook and the data; no full-screen button."""
    buttons = context.get("header_buttons")
    if app.builder.format != "html" or buttons is None:
        return
    kept = []
    for button in buttons:
        if button.get("label") in DROPPED_BUTTONS:
            continue
        if button.get("label") == "download-buttons":
            items = [b for b in button["buttons"] if b.get("label") not in DROPPED_BUTTONS]
            for item in items:
                if item.get("label") in DOWNLOAD_TEXT:
                    item["text"] = _(DOWNLOAD_TEXT[item["label"]])
            items.insert(len(items) - 1 if items and items[-1].get("type") == "javascript" else len(items), {
                "type": "link",
                "url": context["pathto"](DATA_ZIP, 1),
                "text": _("All the data (.zip)"),
                "tooltip": _("Download every CSV and the data package descriptor"),
                "icon": "fas fa-database",
                "label": "download-data-button",
            })
            button = {**button, "buttons": items, "tooltip": _("Download")}
        kept.append(button)
    context["header_buttons"] = kept


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
    # After the theme has built them (priority 501), before the page is written.
    app.connect("html-page-context", tidy_header_buttons, priority=600)
    app.connect("build-finished", write_data_zip)
