"""The chapters as a reader re-runs them: ``make lab``'s JupyterLab (jupytext, jupyterlab-myst,
the lab settings in ``lab/``), a real Chromium, Run All.

One JupyterLab server for the module, on 127.0.0.1 with no token, over a temporary copy of the
book (``book/``, ``_toc.yml``; ``data/`` linked). Each chapter opens on a double-click's viewer
(``lab/overrides.json``: a chapter's ``.md`` opens as a Jupytext Notebook), runs every cell, and
must show: no error output, every chart drawn, no raw role or directive markup in the rendered
Markdown, every ``{eval}`` name evaluated and the chapter's key figure in its prose.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import BIN, REPO
from liberal_crisis.site.prose import prose_names
from test_prose import chapters

PLOTLY = "application/vnd.plotly.v1+json"
# One figure from each chapter's prose (its key takeaways where it has them).
KEY_FIGURES = {
    "index": "633", "toronto-st-pauls": "633", "lasalle-emard-verdun": "269", "the-pact": "160",
    "confidence": "211", "the-pledge": "24", "first-report": "13", "national-picture": "541",
    "aftermath": "23.1", "what-if": "8.8", "methods": "590",
    # the day methods was split in three; the data package's 31 tables
    "corrections": "7 December 2026", "data-dictionary": "31",
}
RAW_MARKUP = ("{glue", "{eval}", ":::", "```{")
SHOTS = os.environ.get("LIBERAL_CRISIS_LAB_SHOTS")  # a folder: keep a PNG of each chapter


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(REPO / "book", root / "book",
                    ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    shutil.copy(REPO / "_toc.yml", root / "_toc.yml")
    (root / "data").symlink_to(REPO / "data")
    settings = root / ".lab-settings"
    settings.mkdir()
    overrides = json.loads((REPO / "lab" / "overrides.json").read_text(encoding="utf-8"))
    # Every cell in the page at once (not virtualised), so the test sees every chart.
    overrides["@jupyterlab/notebook-extension:tracker"] = {"windowingMode": "none"}
    (settings / "overrides.json").write_text(json.dumps(overrides), encoding="utf-8")
    home = root / ".home"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
    port = _free_port()
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.token=", "--ServerApp.password=", "--IdentityProvider.token=",
         f"--ServerApp.root_dir={root}", f"--LabApp.app_settings_dir={settings}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "api/status", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
        assert server.poll() is None, (root / "lab.log").read_text()[-3000:]
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


RUN_ALL = """async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
}"""
DONE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  const cells = Array.from(panel.content.widgets);
  return cells.every(c => c.model.type !== 'code' || (c.model.executionCount !== null
                          && !String(c.promptNode && c.promptNode.textContent).includes('*')));
}"""
REPORT = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = Array.from(panel.content.widgets);
  const prose = cells.filter(c => c.model.type === 'markdown').map(c => {
    const node = c.node.cloneNode(true);  // the rendered Markdown, without the hidden editor
    node.querySelectorAll('.jp-Editor, .jp-InputPrompt').forEach(e => e.remove());
    return node;
  });
  const outputs = cells.filter(c => c.model.type === 'code').flatMap(c => c.model.outputs.toJSON());
  const plotly = Array.from(panel.content.node.querySelectorAll('.jp-RenderedPlotly'));
  return {
    panel: panel.hasClass('jp-NotebookPanel'),
    errors: outputs.filter(o => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
      .map(o => (o.ename ? o.ename + ': ' + o.evalue : o.text).slice(0, 300))
      .concat(prose.flatMap(n => Array.from(n.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')))
      .map(e => e.textContent.slice(0, 300))),
    charts: outputs.filter(o => o.data && o.data['application/vnd.plotly.v1+json']).length,
    drawn: plotly.filter(p => p.querySelector('.main-svg')).length,
    text: prose.map(n => n.textContent).join('\\n'),
    code: prose.flatMap(n => Array.from(n.querySelectorAll('code')).map(c => c.textContent)),
  };
}"""


def _expected_charts(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("charts.present(") > 0


@pytest.fixture(scope="module")
def lab_page(lab, browser):
    """One JupyterLab page for every chapter (loading JupyterLab itself takes seconds): each
    test opens its chapter there as a double-click does and closes it when done."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # ?reset: a fresh workspace, not a previous run's chapters reopened
    page.goto(f"{lab}lab?reset", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started", timeout=60_000)
    page.evaluate("() => window.jupyterapp.restored")
    yield page
    page.close()


# Open a file with the viewer a double-click uses (lab/overrides.json: a chapter's .md opens
# as a Jupytext Notebook), as the only document in the main area.
OPEN = """async (path) => {
  const app = window.jupyterapp;
  await app.commands.execute('docmanager:open', {path});
}"""
OPENED = """(path) => { const w = window.jupyterapp.shell.currentWidget;
  return !!(w && w.context && w.context.path === path); }"""
# Shut the chapter's kernel down (one kernel at a time) and close it without saving.
CLOSE = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel) return;
  if (panel.sessionContext) { await panel.sessionContext.shutdown(); }
  if (panel.context) { panel.context.model.dirty = false; }
  panel.dispose();
}"""


@pytest.mark.parametrize("path", [p for p in chapters() if "{code-cell}" in p.read_text()],
                         ids=lambda p: p.stem)
def test_chapter_runs_in_jupyterlab_and_reads_like_the_book(lab_page, path):
    page = lab_page
    try:
        page.evaluate(OPEN, f"book/{path.name}")
        page.wait_for_function(OPENED, arg=f"book/{path.name}", timeout=60_000)
        page.evaluate(RUN_ALL)
        page.wait_for_function(DONE, timeout=300_000, polling=250)
        names = prose_names(path.read_text(encoding="utf-8"))
        try:  # Markdown cells evaluate their {eval} names after the code before them, charts draw
            page.wait_for_function(
                "([names, charts]) => { const r = (" + REPORT + ")();"
                " return !names.some(n => r.code.includes(n)) && r.drawn >= r.charts"
                " && (!charts || r.charts > 0); }",
                arg=[names, _expected_charts(path)], timeout=60_000, polling=250)
        except Exception:  # noqa: BLE001 - the assertions below say what is missing
            pass
        report = page.evaluate(REPORT)
        if SHOTS:  # the chapter's opening, after Run All (prose with its numbers, first chart)
            page.evaluate("async () => { const nb = window.jupyterapp.shell.currentWidget.content;"
                          " nb.activeCellIndex = 0; await nb.scrollToCell(nb.widgets[0], 'start'); }")
            page.wait_for_timeout(1000)
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SHOTS) / f"lab-{path.stem}.png"))
    finally:
        try:
            page.evaluate(CLOSE)
        except Exception:  # noqa: BLE001 - the page may be gone already
            pass
    assert report["panel"], "the chapter did not open as a notebook"
    assert report["errors"] == [], report["errors"]
    if _expected_charts(path):
        assert report["charts"] > 0 and report["drawn"] == report["charts"], report
    raw = [m for m in RAW_MARKUP if m in report["text"]]
    assert not raw, f"raw markup in the rendered prose: {raw}"
    unevaluated = sorted(set(names) & set(report["code"]))
    assert not unevaluated, f"names shown unevaluated: {unevaluated}"
    assert KEY_FIGURES[path.stem] in report["text"], f"no {KEY_FIGURES[path.stem]} in the prose"
