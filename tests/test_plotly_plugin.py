"""The MIME renderer and chart presentation, without a build."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from myst_nb.core.render import MimeData, load_mime_renders

from liberal_crisis.stories import charts, theme
from liberal_crisis.site.plotly_mime import PlotlyMimeRenderer, plotly_chart


def figure():
    theme.setup()
    df = pd.DataFrame({"party_code": ["LPC", "CPC"], "seats": [153, 119]})
    fig = go.Figure(go.Bar(x=df.party_code, y=df.seats))
    fig.update_layout(title="Liberals ahead", xaxis_title="Party", yaxis_title="Seats")
    return charts.present(fig, name="test-chart", data=df, resources=["parties"], alt="Bars.")


def test_plugin_is_registered_through_the_entry_point():
    assert PlotlyMimeRenderer in load_mime_renders()


# The MIME type plotly.py writes into a notebook (plotly's own renderers and JupyterLab use it):
# fixed by plotly, so typed here, never taken from the module under test.
PLOTLY_MIME = "application/vnd.plotly.v1+json"


def test_plugin_claims_plotly_output_only():
    bundle = json.loads(figure().to_json())
    node = PlotlyMimeRenderer.handle_mime(None, MimeData(PLOTLY_MIME, bundle), False)[0]
    assert isinstance(node, plotly_chart)
    assert json.loads(node["figure"])["layout"]["meta"]["liberal_crisis"]["name"] == "test-chart"
    assert PlotlyMimeRenderer.handle_mime(None, MimeData("text/html", "<p>x</p>"), False) is None
    for near_miss in ("application/vnd.plotly.v1", "application/json", "image/png"):
        assert PlotlyMimeRenderer.handle_mime(None, MimeData(near_miss, bundle), False) is None


CHART_ID_OF_A_FRESH_PROCESS = """
import json, sys
sys.path.insert(0, {tests!r})
from test_plotly_plugin import figure, PLOTLY_MIME
from myst_nb.core.render import MimeData
from liberal_crisis.site.plotly_mime import PlotlyMimeRenderer
fig = figure()
fig.update_layout(title={title!r})
node = PlotlyMimeRenderer.handle_mime(None, MimeData(PLOTLY_MIME, json.loads(fig.to_json())), False)[0]
print(node["chart_id"])
"""


def _chart_id_in_a_new_process(title, hash_seed):
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = CHART_ID_OF_A_FRESH_PROCESS.format(tests=str(Path(__file__).parent), title=title)
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True)
    return out.stdout.strip()


def test_chart_ids_are_deterministic_and_distinct():
    """The same chart gets the same id in two separate processes (as in two builds, with
    different hash seeds, so set and dict order cannot leak in); another chart another id."""
    first = _chart_id_in_a_new_process("Liberals ahead", 1)
    second = _chart_id_in_a_new_process("Liberals ahead", 2)
    other = _chart_id_in_a_new_process("Conservatives ahead", 1)
    assert first.startswith("chart-") and len(first) == len("chart-") + 12, first
    assert first == second
    assert other != first


def test_present_carries_source_data_and_alt_text():
    meta = figure().layout.meta["liberal_crisis"]
    assert meta["columns"] == ["party_code", "seats"]
    assert meta["rows"] == [["LPC", 153], ["CPC", 119]]
    assert meta["source"].startswith("Source: ")
    assert meta["alt"] == "Bars."


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda f: f.update_layout(title=None), "title"),
        (lambda f: f.update_layout(yaxis_title=None), "yaxis needs a title"),
    ],
)
def test_present_refuses_an_unlabelled_chart(change, message):
    df = pd.DataFrame({"x": ["a"], "y": [1]})
    fig = go.Figure(go.Bar(x=df.x, y=df.y))
    fig.update_layout(title="T", xaxis_title="X", yaxis_title="Y")
    change(fig)
    with pytest.raises(ValueError, match=message):
        charts.present(fig, name="x", data=df, resources=["parties"], alt="a")


def test_theme_has_a_colour_for_every_major_party():
    from liberal_crisis import data

    known = set(data.load("parties")["party_code"])
    for code in ("LPC", "CPC", "NDP", "BQ", "GPC", "PPC"):
        assert code in theme.PARTY_COLOURS and code in known
    assert len(set(theme.PARTY_COLOURS[c] for c in ("LPC", "CPC", "NDP", "BQ", "GPC", "PPC"))) == 6
