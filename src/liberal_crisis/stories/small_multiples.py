"""Small multiples: the narrow-screen form of a chart that groups many bars.

A grouped bar chart of ten scenarios by five parties is fifty thin bars: on a 375 px phone the
groups run together and their labels stand on end. ``bar_panels`` draws the same numbers as one
small panel per group, two to a row, each a short horizontal bar chart with the same categories
in the same order, a shared value axis and the reference line in every panel. Pass it to
``charts.present(..., phone=...)``: the page draws it instead of the main chart below 600 px.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import theme


def bar_panels(
    frame: pd.DataFrame,
    *,
    panel: str,
    category: str,
    value: str,
    panels: list[str],
    categories: list[str],
    colours: dict[str, str],
    labels: dict[str, str],
    titles: dict[str, str],
    title: str,
    value_title: str,
    line: float | dict[str, float] | None = None,
    value_max: float | None = None,
    cols: int = 2,
    row_height: int = 96,
) -> go.Figure:
    """One panel per value of ``panel`` (in the order of ``panels``, row by row), each with a
    horizontal bar per ``category`` (in the order of ``categories``, named by ``labels`` and
    coloured by ``colours``), bar length ``value``; ``titles`` names each panel; ``line`` draws a
    dashed reference line at that value in every panel, or at ``line[panel]`` in each panel
    when the reference differs between them (a majority of a larger House)."""
    lines = line if isinstance(line, dict) else {p: line for p in panels}
    if line is not None and set(lines) != set(panels):
        raise ValueError(f"no reference line for panels {sorted(set(panels) - set(lines))}")
    missing = [p for p in panels if p not in set(frame[panel])]
    if missing:
        raise ValueError(f"no rows for panels {missing}")
    rows = math.ceil(len(panels) / cols)
    fig = make_subplots(
        rows=rows, cols=cols, shared_xaxes=True, shared_yaxes=True,
        subplot_titles=[titles[p] for p in panels],
        horizontal_spacing=0.05, vertical_spacing=min(0.3 / rows, 0.08),
    )
    top = value_max if value_max is not None else float(frame[value].max()) * 1.05
    for i, key in enumerate(panels):
        r, c = divmod(i, cols)
        rows_of = frame[frame[panel] == key].set_index(category).reindex(categories)
        fig.add_trace(
            go.Bar(
                x=rows_of[value], y=[labels[k] for k in categories], orientation="h",
                marker_color=[colours[k] for k in categories], showlegend=False,
                hovertemplate=f"{titles[key]}: " + "%{y}, %{x}<extra></extra>",
            ),
            row=r + 1, col=c + 1,
        )
        if lines.get(key) is not None:
            fig.add_vline(x=lines[key], row=r + 1, col=c + 1, line_dash="dash", line_width=1.5,
                          line_color=theme.REFERENCE)
    fig.update_yaxes(autorange="reversed", type="category", tickfont_size=10,
                     showgrid=False)  # a gridline along a row runs through its bar
    fig.update_xaxes(range=[0, top], tickfont_size=10)
    if line is not None:  # the tick at the reference most panels share
        common = pd.Series(list(lines.values())).mode().iloc[0]
        fig.update_xaxes(tickvals=[0, common, top - top % 100 if top >= 200 else top])
    for i, note in enumerate(fig.layout.annotations):  # panel titles over their panel's left end
        r, c = divmod(i, cols)
        note.update(x=fig.get_subplot(r + 1, c + 1).xaxis.domain[0], xanchor="left", font_size=10)
    fig.update_layout(
        title=title, height=120 + rows * row_height, showlegend=False,
        margin=dict(t=86, b=56), bargap=0.2,  # t: the panel titles under the chart's own
    )
    # The value axis's title, once, centred under the bottom row.
    fig.add_annotation(text=value_title, xref="paper", yref="paper", x=0.5, y=0, yanchor="top",
                       yshift=-24, showarrow=False, font_size=12)
    return fig
