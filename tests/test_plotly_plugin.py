"""The MIME renderer and chart presentation, without a build."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from myst_nb.core.render import MimeData, load_mime_renders

from liberal_crisis.stories import charts, theme
from liberal_crisis.site.plotly_mime import MIME_TYPE, PlotlyMimeRenderer, chart_id, plotly_chart


def figure():
    theme.setup()
    df = pd.DataFrame({"party_code": ["LPC", "CPC"], "seats": [153, 119]})
    fig = go.Figure(go.Bar(x=df.party_code, y=df.seats))
    fig.update_layout(title="Liberals ahead", xaxis_title="Party", yaxis_title="Seats")
    return charts.present(fig, name="test-chart", data=df, resources=["parties"], alt="Bars.")


def test_plugin_is_registered_through_the_entry_point():
    assert PlotlyMimeRenderer in load_mime_renders()


def test_plugin_claims_plotly_output_only():
    bundle = json.loads(figure().to_json())
    node = PlotlyMimeRenderer.handle_mime(None, MimeData(MIME_TYPE, bundle), False)[0]
    assert isinstance(node, plotly_chart)
    assert json.loads(node["figure"])["layout"]["meta"]["liberal_crisis"]["name"] == "test-chart"
    assert PlotlyMimeRenderer.handle_mime(None, MimeData("text/html", "<p>x</p>"), False) is None


def test_chart_ids_are_deterministic_and_distinct():
    a = figure().to_json()
    assert chart_id(a) == chart_id(a)
    assert chart_id(a) != chart_id(a.replace("153", "154"))


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
