"""Each chapter re-runs as an ordinary notebook from its own folder (the JupyterLab path): no
errors, its charts come out as plotly's own output (which JupyterLab draws natively), and every
``{eval}`name``` in its prose is a ``str`` already defined when the reader reaches it (JupyterLab
evaluates a Markdown cell's names when Run All gets to it, not at the end).

The cells run in one IPython shell in this process, a fresh namespace and working folder for
each chapter: the checks are about the chapter's own names, and a kernel per chapter would add
its start and the imports to each (about a minute of the run). tests/test_lab.py runs every
chapter again in JupyterLab, each in its own kernel, as a reader does."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from myst_nb.core.read import read_myst_markdown_notebook

from conftest import REPO
from liberal_crisis.site.prose import prose_names
from test_prose import chapters

PLOTLY = "application/vnd.plotly.v1+json"
CHECK = """\
_lc_bad = [n for n in {names!r} if not isinstance(globals().get(n), str)]
assert not _lc_bad, f"markdown cell {index}: not yet a str when the prose shows it: {{_lc_bad}}"
"""


def with_name_checks(notebook):
    """The notebook with a check after each Markdown cell that shows names."""
    cells = []
    for index, cell in enumerate(notebook.cells):
        cells.append(cell)
        if cell.cell_type == "markdown" and (names := prose_names(cell.source)):
            cells.append(nbformat.v4.new_code_cell(CHECK.format(names=names, index=index)))
    notebook.cells = cells
    return notebook


@pytest.fixture(scope="module")
def shell():
    """One IPython shell for the module (the notebooks' own: display, the displayhook, magics),
    its plotly output as the notebook mime type (plotly's default outside a kernel is to open
    a browser)."""
    import plotly.io as pio
    from IPython.core.interactiveshell import InteractiveShell

    before = pio.renderers.default
    pio.renderers.default = "plotly_mimetype"
    yield InteractiveShell.instance()
    pio.renderers.default = before
    InteractiveShell.clear_instance()


def run_notebook(shell, notebook, folder: Path) -> list[dict]:
    """Every code cell in order in a fresh namespace, from ``folder``: the outputs as mime
    bundles, and an error as {"error": "Name: value"} (the run stops there, as Run All does)."""
    from IPython.utils.capture import capture_output

    shell.reset(new_session=True)
    outputs: list[dict] = []
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            with capture_output() as captured:
                result = shell.run_cell(cell.source, store_history=False, silent=False)
            outputs += [dict(o.data) for o in captured.outputs]
            error = result.error_before_exec or result.error_in_exec
            if error is not None:
                outputs.append({"error": f"{type(error).__name__}: {error}"})
                break
    finally:
        os.chdir(cwd)
    return outputs


@pytest.mark.parametrize(
    "path", [p for p in chapters() if "{code-cell}" in p.read_text()], ids=lambda p: p.stem
)
def test_chapter_runs_as_a_notebook(shell, path):
    notebook = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=str(path))
    outputs = run_notebook(shell, with_name_checks(notebook), path.parent)
    errors = [o["error"] for o in outputs if "error" in o]
    assert not errors, errors
    if "charts.present(" in path.read_text():
        assert any(PLOTLY in o for o in outputs), "no plotly output"


def test_a_name_defined_after_the_prose_that_shows_it_fails(shell, tmp_path):
    """Control: the check stops a chapter whose Markdown shows a name defined only later."""
    text = ("# Late\n\n```{code-cell} ipython3\nearly = '1'\n```\n\n"
            "Shown {eval}`early` and {eval}`late`.\n\n```{code-cell} ipython3\nlate = '2'\n```\n")
    notebook = read_myst_markdown_notebook(text, path=str(tmp_path / "late.md"))
    errors = [o["error"] for o in run_notebook(shell, with_name_checks(notebook), tmp_path)
              if "error" in o]
    assert errors and "['late']" in errors[0], errors


def test_no_glue_left_in_chapters():
    for path in chapters():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{glue(:\w+)?\}|myst_nb import glue|\bglue\(", text), path.name


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.stem)
def test_no_code_cell_over_40_lines(path):
    """A reader follows a chapter cell by cell: long logic goes into the package."""
    notebook = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=str(path))
    long = [(i, len(c.source.splitlines())) for i, c in enumerate(notebook.cells)
            if c.cell_type == "code" and len(c.source.splitlines()) > 40]
    assert not long, f"{path.name}: code cells over 40 lines (cell, lines): {long}"


def test_the_readmes_headless_command_runs_a_chapter(tmp_path):
    """The README's one-line headless run, as a reader types it from the repository: it ran the
    chapter in the output's folder (no data/ above /tmp) until it named the run path."""
    line = re.search(r"`\.venv/bin/(jupytext --to ipynb --execute [^`]+)`",
                     (REPO / "README.md").read_text(encoding="utf-8")).group(1)
    args = shlex.split(line.replace("/tmp/<chapter>.ipynb", str(tmp_path / "tsp.ipynb"))
                       .replace("<chapter>", "toronto-st-pauls"))
    result = subprocess.run([str(Path(sys.executable).parent / args[0]), *args[1:]],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "tsp.ipynb").is_file()
