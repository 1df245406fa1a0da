"""Each chapter re-runs as an ordinary notebook from a clone (the JupyterLab path): no errors,
and its charts come out as plotly's own output, which JupyterLab draws natively."""

from __future__ import annotations

import pytest
from myst_nb.core.read import read_myst_markdown_notebook
from nbclient import NotebookClient

from conftest import REPO
from test_prose import chapters

PLOTLY = "application/vnd.plotly.v1+json"


@pytest.mark.parametrize(
    "path", [p for p in chapters() if "{code-cell}" in p.read_text()], ids=lambda p: p.stem
)
def test_chapter_runs_as_a_notebook(path):
    notebook = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=str(path))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "book")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if "charts.present(" in path.read_text():
        assert any(PLOTLY in o.get("data", {}) for o in outputs), "no plotly output"
