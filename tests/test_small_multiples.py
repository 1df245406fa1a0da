"""Phone forms of charts: small multiples, and how ``present`` carries them to the page."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from liberal_crisis.site.extension import anchor_id, chart_height
from liberal_crisis.stories import charts, small_multiples, theme

PARTIES = ["LPC", "CPC", "NDP"]
SEATS = {"2021": [160, 119, 25], "swing": [56, 237, 11], "2025": [169, 144, 7]}


def frame() -> pd.DataFrame:
    return pd.DataFrame([
        {"scenario": s, "party_code": p, "seats": n}
        for s, counts in SEATS.items() for p, n in zip(PARTIES, counts)
    ])


def panels(**extra) -> go.Figure:
    theme.setup()
    return small_multiples.bar_panels(
        frame(), panel="scenario", category="party_code", value="seats",
        panels=["2021", "2025", "swing"], categories=PARTIES, colours=theme.colour_map(PARTIES),
        labels=theme.PARTY_NAMES, titles={"2021": "2021 result", "2025": "2025 result",
                                          "swing": "Swing"},
        title="T", value_title="Seats", line=170, value_max=340, **extra)


def test_one_panel_per_scenario_in_the_order_asked_two_to_a_row():
    fig = panels()
    assert [t.x.tolist() if hasattr(t.x, "tolist") else list(t.x) for t in fig.data] == [
        [160, 119, 25], [169, 144, 7], [56, 237, 11]]
    # Every panel names the parties in the same order, and only the panel titles say which is which.
    assert all(list(t.y) == ["Liberal", "Conservative", "NDP"] for t in fig.data)
    titles = [a.text for a in fig.layout.annotations if a.text != "Seats"]
    assert titles == ["2021 result", "2025 result", "Swing"]
    # 2021 and 2025 side by side on the first row, the swing under 2021.
    first, second, third = (fig.get_subplot(r, c) for r, c in ((1, 1), (1, 2), (2, 1)))
    assert first.yaxis.domain == second.yaxis.domain
    assert third.yaxis.domain[1] < first.yaxis.domain[0]
    assert first.xaxis.domain[1] < second.xaxis.domain[0]


def test_the_majority_line_is_in_every_panel_on_one_scale():
    fig = panels()
    lines = [s for s in fig.layout.shapes if s.x0 == s.x1 == 170]
    assert len(lines) == 3
    ranges = {tuple(fig.layout[k].range) for k in fig.layout if k.startswith("xaxis")}
    assert ranges == {(0, 340)}
    assert [t.marker.color for t in fig.data][0] == tuple(theme.colour(p) for p in PARTIES)


def test_a_panel_of_a_larger_house_gets_its_own_majority_line():
    """The 2025 House had 343 seats (majority 172), the 2021 House 338 (170)."""
    theme.setup()
    fig = small_multiples.bar_panels(
        frame(), panel="scenario", category="party_code", value="seats",
        panels=["2021", "2025", "swing"], categories=PARTIES, colours=theme.colour_map(PARTIES),
        labels=theme.PARTY_NAMES, titles={"2021": "a", "2025": "b", "swing": "c"},
        title="T", value_title="Seats", line={"2021": 170, "2025": 172, "swing": 170},
        value_max=340)
    where = {(s.xref, s.x0) for s in fig.layout.shapes}
    assert where == {("x", 170), ("x2", 172), ("x3", 170)}
    with pytest.raises(ValueError, match="no reference line for panels"):
        small_multiples.bar_panels(
            frame(), panel="scenario", category="party_code", value="seats",
            panels=["2021", "2025", "swing"], categories=PARTIES,
            colours=theme.colour_map(PARTIES), labels=theme.PARTY_NAMES,
            titles={"2021": "a", "2025": "b", "swing": "c"}, title="T", value_title="Seats",
            line={"2021": 170})


def test_a_missing_panel_is_an_error():
    with pytest.raises(ValueError, match="no rows for panels"):
        small_multiples.bar_panels(
            frame(), panel="scenario", category="party_code", value="seats",
            panels=["2021", "1993"], categories=PARTIES, colours=theme.colour_map(PARTIES),
            labels=theme.PARTY_NAMES, titles={"2021": "a", "1993": "b"}, title="T",
            value_title="Seats")


def main_figure() -> go.Figure:
    theme.setup()
    df = frame()
    fig = go.Figure([go.Bar(x=df[df.party_code == p].scenario, y=df[df.party_code == p].seats,
                            name=p) for p in PARTIES])
    fig.update_layout(title="Seats", xaxis_title="Scenario", yaxis_title="Seats", height=500)
    return fig


def test_present_carries_the_phone_form_without_a_second_template():
    fig = charts.present(main_figure(), name="seats", data=frame(), resources=["parties"],
                         alt="Bars.", phone=panels())
    phone = fig.layout.meta["liberal_crisis"]["phone"]
    assert len(phone["data"]) == 3 and phone["layout"]["title"]["text"] == "T"
    assert "template" not in phone["layout"]  # the page lends it the main figure's


def test_present_refuses_a_legend_placed_by_hand_below_the_plot():
    fig = main_figure().update_layout(legend_y=-0.3)
    with pytest.raises(ValueError, match="drop legend_y"):
        charts.present(fig, name="seats", data=frame(), resources=["parties"], alt="Bars.")


def test_the_theme_puts_the_legend_at_the_foot_of_the_chart():
    legend = theme.template().layout.legend
    assert (legend.orientation, legend.yref, legend.y, legend.yanchor) == ("h", "container", 0, "bottom")


def test_anchor_and_height_of_a_chart():
    assert anchor_id("what-if-seats") == "fig-what-if-seats"
    assert chart_height({"layout": {"height": 500, "template": {"layout": {"height": 420}}}}) == 500
    assert chart_height({"layout": {"template": {"layout": {"height": 420}}}}) == 420
    assert chart_height({"layout": {}}) == 450  # plotly.js's own default
