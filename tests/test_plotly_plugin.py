"""The MIME renderer and chart presentation, without a build."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from myst_nb.core.render import MimeData, load_mime_renders

from liberal_crisis.stories import charts, sources_lists, theme
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
    assert meta["source"].startswith("Sources: ")  # parties.csv: two publishers
    assert meta["alt"] == "Bars."
    assert meta["title"] == "Liberals ahead"


def test_source_line_names_publishers_only_once_each():
    # parties.csv cites three documents from two publishers: the line names the publishers.
    line = charts.source_line(["parties"])
    assert line == "Sources: Elections Canada; Library of Parliament." or \
        line == "Sources: Library of Parliament; Elections Canada."
    assert "http" not in line and "," not in line


def test_source_line_names_the_publisher_not_the_carrier():
    assert charts.publishers({"publisher": "The Canadian Press (CTV News)", "title": "t"}) == [
        "The Canadian Press"]
    assert charts.publishers({"publisher": "AFP (via Japan Today)", "title": "t"}) == ["AFP"]
    assert charts.publishers({"publisher": "Bloomberg via BNN Bloomberg", "title": "t"}) == [
        "Bloomberg"]
    assert charts.publishers({"publisher": "iPolitics; CBC News", "title": "t"}) == [
        "iPolitics", "CBC News"]


def test_a_long_source_line_counts_the_publishers_it_does_not_name():
    from liberal_crisis import data

    line = charts.source_line(["timeline"])
    named = set()
    for src in data.resource("timeline")["sources"]:
        named.update(charts.publishers(src))
    assert len(named) > charts.MAX_NAMED_PUBLISHERS
    assert line.startswith("Sources: ")
    shown = line.removeprefix("Sources: ").split("; ")
    assert len(shown) == charts.MAX_NAMED_PUBLISHERS
    assert f"{len(named) - charts.MAX_NAMED_PUBLISHERS + 1} other publishers" in line
    assert "compiled in the table" not in line


def test_sources_list_is_one_compact_line_per_document():
    from liberal_crisis import data

    resources = ["timeline", "polls"]
    text = sources_lists.sources_markdown(resources)
    items = [line for line in text.splitlines() if line.startswith("- ")]
    documents = {(s["title"], s["path"]) for r in resources for s in data.resource(r)["sources"]}
    assert len(items) == len(documents)
    assert all(len(line) < 400 for line in items)
    # The licence paragraph of a news report is said once for the list, not once per line.
    assert not any("not reproduced" in line for line in items)
    assert text.count("copyright") == 1
    assert "Accessed " in text
    assert not __import__("re").search(r"\d{4}-\d{2}-\d{2}", text.split("\n\n")[-1])  # no ISO date


def test_category_tickvals_follow_the_typographic_names_of_the_data():
    """A category named with an apostrophe gets a curly one in the data; tick values naming it
    must change with it, or the category's tick label disappears."""
    theme.setup()
    names = ["Toronto–St. Paul's", "Elmwood–Transcona"]
    df = pd.DataFrame({"riding": names, "change": [-8.9, -9.9]})
    fig = go.Figure(go.Bar(x=df.riding, y=df.change))
    fig.update_xaxes(tickvals=names, ticktext=[n.replace("–", "–<br>") for n in names])
    fig.update_layout(title="Falls", yaxis_title="Points")
    charts.present(fig, name="ok", data=df, resources=["parties"], alt="Bars.")
    assert list(fig.layout.xaxis.tickvals) == list(fig.data[0].x)
    assert "Toronto–St. Paul’s" in fig.data[0].x


def test_category_axes_need_no_title_but_value_axes_do():
    theme.setup()
    df = pd.DataFrame({"who": ["Stewart", "Church"], "votes": [15565, 14932]})
    fig = go.Figure(go.Bar(x=df.votes, y=df.who, orientation="h"))
    fig.update_layout(title="Stewart won", xaxis_title="Votes")
    charts.present(fig, name="ok", data=df, resources=["parties"], alt="Bars.")  # no y title
    fig.update_layout(xaxis_title=None)
    with pytest.raises(ValueError, match="xaxis needs a title"):
        charts.present(fig, name="ok", data=df, resources=["parties"], alt="Bars.")
    # ... unless the subtitle says what is measured.
    charts.present(fig, name="ok", data=df, resources=["parties"], alt="Bars.",
                   subtitle="Votes, validated count")


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
