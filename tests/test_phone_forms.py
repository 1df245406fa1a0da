"""The phone form of a chart (``stories.phone_forms``), made in Python beside the desktop form.

Expected values are worked out from what a reader of a 375 px phone would see, not copied from
a run: the browser side (the real widths) is tested in tests/test_chart_layout.py.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from liberal_crisis.stories import charts, phone_forms, theme
from liberal_crisis.stories.phone_forms import Phone, phone_form

YEARS = ["1988", "1993", "1997", "2000", "2004", "2006", "2008", "2011", "2015", "2019"]
WORDS = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"]


def _axes(fig):
    return [*fig.select_xaxes(), *fig.select_yaxes()]


def ten_bars() -> go.Figure:
    fig = go.Figure(go.Bar(x=WORDS, y=list(range(10, 110, 10)), text=[f"{v}%" for v in range(10, 110, 10)],
                           textposition="outside", hovertemplate="%{x}: %{y:.1f}%<extra></extra>"))
    fig.update_layout(title="Ten", yaxis_title="Share (%)", xaxis_tickangle=-45)
    fig.add_hline(y=50, line_dash="dash")
    return fig


def test_four_labels_pinned_to_the_data_are_all_kept():
    """The pledge's reported counts: 4 labels on the desktop, 4 on the phone (they were 0)."""
    fig = go.Figure(go.Scatter(x=[20, 35, 24, 20], y=["a", "b", "c", "d"], mode="markers"))
    for x, y, text in [(20, "a", "at least 20"), (35, "b", "30 to 40"), (24, "c", "24"), (20, "d", "about 20")]:
        fig.add_annotation(x=x, y=y, text=text, showarrow=False)
    small = phone_form(fig)
    assert [a.text for a in small.layout.annotations] == ["at least 20", "30 to 40", "24", "about 20"]
    assert all(a.visible is not False for a in small.layout.annotations)


def test_ten_vertical_bars_lie_down_one_row_each_with_nothing_turned():
    small = phone_form(ten_bars())
    bar = small.data[0]
    assert bar.orientation == "h"
    assert list(bar.y) == WORDS and list(bar.x) == list(range(10, 110, 10))  # every value kept
    assert list(bar.text) == [f"{v}%" for v in range(10, 110, 10)]  # and every label
    assert bar.hovertemplate == "%{y}: %{x:.1f}%<extra></extra>"
    assert {ax.tickangle for ax in _axes(small)} == {0} and bar.textangle == 0
    assert small.layout.yaxis.autorange == "reversed"  # Alpha on top, as it was on the left
    # the 50% line crosses the bars the other way: x = 50 from top to bottom
    line = small.layout.shapes[0]
    assert (line.x0, line.x1, line.xref) == (50, 50, "x") and line.yref == "y domain"
    # ten rows of 30 px and 140 px for the axes and margins
    assert small.layout.height == 440
    # values past the bars: the value axis would run to 1.45 times the longest (100), but a
    # share axis stops at 100%: the bars of 70% and more (70 * 1.45 = 101.5) take their value
    # inside; the right margin is thin, so the plot keeps more than half of the chart
    assert small.layout.xaxis.range == (0, 100)
    assert list(bar.textposition) == ["outside"] * 6 + ["inside"] * 4
    assert small.layout.margin.r == 8
    assert small.layout.xaxis.nticks == 3


def test_the_desktop_form_is_left_as_it_is():
    fig = ten_bars()
    phone_form(fig)
    assert fig.data[0].orientation is None and fig.layout.xaxis.tickangle == -45


def test_six_short_names_stay_upright_with_their_names_in_ticktext():
    fig = go.Figure(go.Bar(x=["Liberal", "NDP", "Green", "Bloc", "Other", "None"], y=[1, 2, 3, 4, 5, 6]))
    fig.update_layout(xaxis_tickangle=90)
    small = phone_form(fig)
    assert small.data[0].orientation is None
    assert small.layout.xaxis.tickangle == 0
    assert small.layout.xaxis.ticktext == ("Liberal", "NDP", "Green", "Bloc", "Other", "None")
    # "Liberal" at 12 px is about 47 px, inside a sixth of a phone's plot (59): the normal size
    assert small.layout.xaxis.tickfont.size is None


def test_a_word_wider_than_its_room_lays_the_bars_down():
    """Six parties: "Conservative" at 10 px is about 67 px; a sixth of a phone's plot is 59."""
    parties = ["Liberal", "Conservative", "NDP", "Bloc Québécois", "Green", "People’s Party"]
    fig = go.Figure(go.Bar(x=parties, y=[1, 2, 3, 4, 5, 6]))
    assert phone_form(fig).data[0].orientation == "h"
    # the chart's own declaration wins
    assert phone_form(fig, Phone(horizontal=False)).data[0].orientation is None


def test_dates_are_not_categories_and_get_four_ticks():
    months = [f"2024-{m:02d}-01" for m in range(1, 13)]
    fig = go.Figure(go.Bar(x=months, y=list(range(12))))
    small = phone_form(fig)
    assert small.data[0].orientation is None and small.layout.xaxis.nticks == 4
    assert small.layout.xaxis.ticktext is None


def test_values_past_bars_on_both_sides_get_room_on_both_sides():
    """A fall of 8.8 and a gain of 5.0: the axis spans 13.8, and 0.45 of it more each side."""
    fig = go.Figure(go.Bar(y=["a", "b"], x=[-8.8, 5.0], orientation="h", textposition="outside"))
    lo, hi = phone_form(fig).layout.xaxis.range
    assert lo == pytest.approx(-15.01) and hi == pytest.approx(11.21)


def test_stacked_bars_reach_their_total():
    fig = go.Figure([go.Bar(y=["a", "b"], x=[10, 20], orientation="h"),
                     go.Bar(y=["a", "b"], x=[30, 5], orientation="h", textposition="outside")])
    fig.update_layout(barmode="stack")
    assert phone_form(fig).layout.xaxis.range == (0, 58)  # 40 * 1.45


def test_a_declaration_changes_the_default_and_nothing_else():
    small = phone_form(ten_bars(), Phone(layout={"height": 600}, traces={"textposition": "inside"}))
    assert small.layout.height == 600 and small.data[0].textposition == "inside"
    assert small.data[0].orientation == "h"


def _present(fig, **kw):
    return charts.present(fig, name="t", data=pd.DataFrame({"a": [1]}), resources=["parties"],
                          alt="Bars.", **kw)


def test_present_ships_a_phone_form_and_sets_the_value_title_level_in_both():
    fig = _present(ten_bars())
    meta = fig.layout.meta["liberal_crisis"]
    phone = meta["phone"]
    assert phone["data"][0]["orientation"] == "h"
    # desktop: the value axis's title is a level label over the plot's top left, not turned
    assert fig.layout.yaxis.title.text is None
    title = [a for a in fig.layout.annotations if a.name == charts.AXIS_TITLE]
    assert [(a.text, a.x, a.y, a.xref, a.yref, a.textangle) for a in title] == [
        ("Share (%)", 0, 1, "paper", "paper", None)]
    assert fig.layout.xaxis.tickangle == 0
    # phone: lying down, the values run along the bottom; their title is set level over the
    # plot's top left, as on every chart (at the foot it was centred, larger, and wrapped)
    assert "text" not in phone["layout"]["xaxis"].get("title", {})
    assert [(a["text"], a["x"], a["y"]) for a in phone["layout"]["annotations"]
            if a.get("name") == charts.AXIS_TITLE] == [("Share (%)", 0, 1)]
    assert "template" not in phone["layout"] and "meta" not in phone["layout"]


def test_present_takes_a_declared_phone_figure_and_levels_it():
    other = go.Figure(go.Bar(x=["a"], y=[1]))
    other.update_layout(xaxis_tickangle=-90, yaxis_title="Seats")
    phone = _present(ten_bars(), phone=other).layout.meta["liberal_crisis"]["phone"]
    assert phone["layout"]["xaxis"]["tickangle"] == 0
    assert [a["text"] for a in phone["layout"]["annotations"]] == ["Seats"]


def test_the_rules_are_the_ones_the_module_says():
    assert (phone_forms.CROWDED, phone_forms.OUTSIDE_ROOM, phone_forms.VALUE_TICKS,
            phone_forms.DATE_TICKS) == (6, 1.45, 3, 4)


def test_years_stay_left_to_right_however_many():
    """Thirteen elections of a riding: time runs left to right, level, never lying down."""
    years = [str(y) for y in range(1980, 2032, 4)]
    small = phone_form(go.Figure(go.Bar(x=years, y=list(range(13)))))
    assert small.data[0].orientation is None and small.layout.xaxis.tickangle == 0
    assert phone_forms.in_time_order(["2021 result", "2025 result (new map)"])
    assert not phone_forms.in_time_order(["Liberal", "2021 result"])


def test_a_name_breaks_after_its_en_dash_and_a_date_takes_a_short_month():
    """"Cloverdale–Langley City" is no longer one 23-letter word: its longest piece is
    "Cloverdale–" (11); "25 September 2024" reads "25 Sep 2024" on a phone."""
    assert phone_forms.phone_name("Cloverdale–Langley City") == "Cloverdale–\u200bLangley City"
    assert phone_forms.phone_name("Vote of 25 September 2024") == "Vote of 25 Sep 2024"
    assert phone_forms.phone_name("25 September<br>2024") == "25 Sep<br>2024"  # a chart's own break
    joined = "Cloverdale\u2060–\u2060Langley City"  # a chart that wants no break there
    assert phone_forms.phone_name(joined) == joined
    names = ["LaSalle–Émard–Verdun", "Toronto–St. Paul’s", "Elmwood–Transcona", "Cloverdale–Langley City"]
    small = phone_form(go.Figure(go.Bar(x=names, y=[1, 2, 3, 4])))
    assert small.data[0].orientation is None  # 11 letters at 10 px: 62 px, in a 83 px room
    assert small.layout.xaxis.ticktext[0] == "LaSalle–\u200bÉmard–\u200bVerdun"


def test_ten_px_ticks_only_where_a_word_does_not_fit_at_twelve():
    """Four categories have 83 px each: "Conservative" (12 letters, about 81 px at 12 px)
    fits at the normal size; among six (59 px) it does not, and the bars lie down."""
    four = phone_form(go.Figure(go.Bar(x=["Liberal", "Conservative", "Bloc", "NDP"], y=[1, 2, 3, 4])))
    assert four.data[0].orientation is None and four.layout.xaxis.tickfont.size is None
    five = phone_form(go.Figure(go.Bar(x=["Liberal", "Conservative", "Bloc", "NDP", "Green"],
                                       y=[1, 2, 3, 4, 5])))
    # a fifth of the plot is 69 px: 81 px at 12 px does not fit, 67 px at 10 px does
    assert five.data[0].orientation is None and five.layout.xaxis.tickfont.size == 10


def test_ten_px_ticks_where_neighbours_long_words_run_into_each_other():
    """The French shares charts on a phone: « générales » (about 60 px at 12 px) under each of
    five ticks 57 px apart ran into the next, though each is under its own room (69 px); at 10 px
    (50 px) they do not. One long word among short names keeps the normal size (above)."""
    names = [f"Élections générales de {y}" for y in (2015, 2019, 2021)] + [
        "Élection partielle de 2024", "Élections générales de 2025"]
    fig = go.Figure(go.Scatter(x=names, y=[1, 2, 3, 4, 5]))
    fig.update_xaxes(tickvals=names, ticktext=[n.replace(" ", "<br>", 1) for n in names])
    assert phone_form(fig).layout.xaxis.tickfont.size == theme.PHONE_TICK_SIZE
    short = [f"Générales {y}" for y in (2015, 2019)]  # two names: 141 px apart
    fig = go.Figure(go.Scatter(x=short, y=[1, 2]))
    fig.update_xaxes(tickvals=short, ticktext=short)
    assert phone_form(fig).layout.xaxis.tickfont.size is None


def test_rows_of_laid_down_bars_are_capped_and_carry_no_gridlines():
    """Three rows in a 420 px desktop chart were about 80 px each on a phone: at most 36 px a
    row (3 * 36 + 140 = 248 px), and no gridline along a row through its value."""
    fig = go.Figure(go.Bar(y=["a", "b", "c"], x=[1, 2, 3], orientation="h", text=["1", "2", "3"],
                           textposition="outside"))
    fig.update_layout(height=420, xaxis_title="Seats")
    small = phone_form(fig)
    assert small.layout.height == 248
    assert small.layout.yaxis.showgrid is False


def test_a_share_axis_with_labels_inside_keeps_its_range():
    """Carney's 85.9% inside its bar, the others' values past theirs: the axis stays at 100."""
    fig = go.Figure(go.Bar(y=["a", "b", "c"], x=[85.9, 8.0, 3.0], orientation="h",
                           textposition=["inside", "outside", "outside"]))
    fig.update_layout(xaxis_range=[0, 100], xaxis_title="Share of points (%)")
    small = phone_form(fig)
    assert small.layout.xaxis.range == (0, 100)
    assert list(small.data[0].textposition) == ["inside", "outside", "outside"]


def test_a_legend_only_trace_is_not_a_bar_in_the_row():
    """The final week: polls and result side by side (two bars a row), and two traces drawn
    only for their legend entries: 6 rows of 30 * 1.5 px and 140 px, 410, under the desktop's
    420, which it keeps (36 * 1.5 * 6 + 140 = 464 is the most)."""
    names = ["Liberal", "Conservative", "NDP", "Bloc Québécois", "Green", "People’s Party"]
    fig = go.Figure([go.Bar(x=names, y=[1, 2, 3, 4, 5, 6]), go.Bar(x=names, y=[2, 3, 4, 5, 6, 7]),
                     go.Bar(x=[None], y=[None], name="polls"), go.Bar(x=[None], y=[None], name="result")])
    fig.update_layout(height=420, barmode="group")
    assert phone_form(fig).layout.height == 420
    fig.update_layout(height=600)
    assert phone_form(fig).layout.height == 464


def test_a_french_date_shortens_to_the_canadian_french_abbreviation():
    from liberal_crisis.stories.phone_forms import phone_name

    assert phone_name("1er octobre 2024") == "1er oct. 2024"
    assert phone_name("16 septembre 2024") == "16 sept. 2024"
    assert phone_name("3 mai 2025") == "3 mai 2025"  # no shorter form
    assert phone_name("25 September 2024") == "25 Sep 2024"  # English as before
