"""The smoothed poll average as the book draws it: lines with a band, each labelled with its
party's name, and numbered event markers (the key goes in a list under the chart).

Used by the landing page's lead chart and the national-picture chapter. The arithmetic is in
:mod:`liberal_crisis.analysis.polls`; this module only arranges it for a figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..analysis import polls as pa
from ..i18n import gettext as _
from . import formats, theme
from .phone_forms import phone_form

STEP_DAYS = 3
# A badge's diameter (px) for a one- and a two-digit numeral, and the numeral's size, on a
# desktop and on a phone ("10" at 11 px is about 12 px wide: a 16 px circle left no margin).
BADGE_SIZE, BADGE_SIZE_WIDE, BADGE_FONT = 16, 20, 11
PHONE_BADGE_SIZE, PHONE_BADGE_SIZE_WIDE, PHONE_BADGE_FONT = 14, 17, 10
# Where the badge rows stand, as fractions of the y range from its top: the first row, the step
# between rows (a 16 px badge plus a gap, on a plot some 400 px tall), and the gap between the
# lowest row and the top of the event lines.
BADGE_TOP, BADGE_STEP, BADGE_CLEAR = 0.045, 0.065, 0.04


def smoothed(long: pd.DataFrame, parties, step_days: int = STEP_DAYS, **kwargs) -> pd.DataFrame:
    """Smoothed share and band per party every ``step_days`` days from the first poll to the
    last: ``date, party_code, estimate, lower, upper, polls_equiv``."""
    grid = pa.evaluation_dates(long["end_date"], step_days)
    return pa.smooth_parties(long, parties, grid, **kwargs)


def period(ts) -> str:
    """'early', 'mid-' or 'late' and the month: 'late December 2024', 'mid-March 2025'
    (days 1-10, 11-20, 21 on)."""
    ts = pd.Timestamp(ts)
    month = formats.month(ts)
    if 11 <= ts.day <= 20:
        return _("mid-{month}").format(month=month)
    return (_("early {month}") if ts.day <= 10 else _("late {month}")).format(month=month)


def number_events(events: pd.DataFrame, rows: int = 2) -> pd.DataFrame:
    """Events (``date``, ``label``) in date order, numbered from 1, with a ``row`` (0 to
    ``rows - 1``) taken in turn, so that neighbouring markers never stand side by side."""
    out = events.sort_values("date", kind="mergesort").reset_index(drop=True)
    return out.assign(number=range(1, len(out) + 1), row=[i % rows for i in range(len(out))])


def breaks(curve: pd.DataFrame, after=None) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Stretches where a smoothed curve is left empty (too few polls), as (first, last)
    evaluation dates, optionally only those starting after ``after``."""
    empty = curve["estimate"].isna()
    run = (empty != empty.shift()).cumsum()
    out = [(rows["date"].iloc[0], rows["date"].iloc[-1])
           for _, rows in curve[empty].groupby(run[empty])]
    if after is not None:
        out = [b for b in out if b[0] > pd.Timestamp(after)]
    return out


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _segments(curve: pd.DataFrame):
    """Runs of consecutive rows with an estimate (the line breaks where polls are thin)."""
    shown = curve["estimate"].notna()
    run = (shown != shown.shift()).cumsum()
    for _, rows in curve[shown].groupby(run[shown]):
        yield rows


def figure(curves: pd.DataFrame, parties, events: pd.DataFrame, *, title: str,
           y_range, x_range, dots: pd.DataFrame | None = None, height: int = 520,
           label_gap: float = 3.0, labels: dict | None = None) -> go.Figure:
    """Lines of the smoothed average with their bands, party names at the lines' ends, and
    numbered markers for ``events`` (from :func:`number_events`) along the top.

    dots: optional long poll table (``end_date, party_code, share_pct, pollster``) drawn faintly.
    labels: where each party's name goes, ``party -> (where, side)``: ``where`` is
    ``"start"``, ``"end"`` (the default) or a date where the lines stand apart, ``side`` is
    ``"above"`` or ``"below"`` the line, ``label_gap`` points away from it.
    """
    labels = labels or {}
    fig = go.Figure()
    y_low, y_high = y_range
    span = y_high - y_low
    badge_y = [y_high - span * (BADGE_TOP + BADGE_STEP * r) for r in events["row"]]
    # Every event line stops under the lowest row of badges, so that no line runs through a
    # numeral (its own or a neighbour's stacked above it): the badges sit over their lines'
    # ends, in date order, like pins.
    line_top = min(badge_y, default=y_high) - span * BADGE_CLEAR
    for ev in events.itertuples():
        fig.add_shape(type="line", xref="x", yref="y", x0=ev.date, x1=ev.date, y0=y_low,
                      y1=line_top, line=dict(color=theme.NEUTRAL, width=1, dash="dot"),
                      layer="below")
    for party in parties:
        colour = theme.colour(party)
        name = theme.PARTY_NAMES[party]
        if dots is not None:
            rows = dots[dots["party_code"] == party]
            fig.add_trace(go.Scatter(
                x=rows["end_date"], y=rows["share_pct"], mode="markers", showlegend=False,
                name=name, marker=dict(color=colour, size=4, opacity=0.3),
                customdata=rows.assign(day=rows["end_date"].map(formats.day_suffix))[["pollster", "day"]],
                hovertemplate="%{customdata[0]}, " + formats.hover_day("customdata[1]") + ": %{y" + formats.HOVER_PCT
                              + "<extra>" + name + "</extra>",
            ))
        curve = curves[curves["party_code"] == party]
        for seg in _segments(curve):
            fig.add_trace(go.Scatter(
                x=pd.concat([seg["date"], seg["date"][::-1]]),
                y=pd.concat([seg["upper"], seg["lower"][::-1]]),
                fill="toself", fillcolor=_rgba(colour, 0.2), line=dict(width=0),
                mode="lines", hoverinfo="skip", showlegend=False, name=name,
            ))
            fig.add_trace(go.Scatter(
                x=seg["date"], y=seg["estimate"], mode="lines", showlegend=False, name=name,
                line=dict(color=colour, width=2.5),
                customdata=seg.assign(day=seg["date"].map(formats.day_suffix))[["lower", "upper", "day"]],
                hovertemplate=(formats.hover_day("customdata[2]") + ": %{y" + formats.HOVER_PCT + " ("
                               + _("band {low}–{high}").format(
                                   low="%{customdata[0]:.1f}", high="%{customdata[1]" + formats.HOVER_PCT)
                               + ")<extra>" + name + "</extra>"),
            ))
        drawn = curve.dropna(subset=["estimate"])
        where, side = labels.get(party, ("end", "above"))
        if where == "start":
            row, position = drawn.iloc[0], "middle right"
        elif where == "end":
            row, position = drawn.iloc[-1], "middle left"
        else:
            row, position = pa.value_at(drawn, where), "middle center"
        y = float(row["estimate"]) + (1 if side == "above" else -1) * label_gap
        fig.add_trace(go.Scatter(
            x=[row["date"]], y=[y], mode="text", text=[theme.PARTY_NAMES[party]],
            textposition=position, textfont=dict(color=theme.colour(party), size=13),
            hoverinfo="skip", showlegend=False, name=theme.PARTY_NAMES[party] + " (label)",
        ))
    fig.add_trace(go.Scatter(
        x=events["date"], y=badge_y,
        mode="markers+text", text=[str(n) for n in events["number"]],
        textposition="middle center", textfont=dict(color=theme.ON_FILL, size=BADGE_FONT),
        # A two-digit numeral needs a wider badge; a badge near the plot's edge is drawn whole
        # (clipped, the last one read "1(" on a phone).
        # opacity 1: badges of several sizes are "bubbles", which plotly draws at 0.7 by default,
        # and the white numeral on the page seen through the grey read 3.2:1.
        marker=dict(color=theme.BADGE, size=badge_sizes(events["number"]), line=dict(width=0),
                    opacity=1),
        cliponaxis=False,
        customdata=events.assign(day=events["date"].map(formats.day_suffix))[["label", "day"]],
        showlegend=False, name="Events",
        hovertemplate="%{text}. %{customdata[0]} (" + formats.hover_day("customdata[1]") + ")<extra></extra>",
    ))
    fig.update_layout(title=title, height=height, showlegend=False,
                      yaxis=dict(range=list(y_range), title_text=_("Share (%)")),
                      # at most 7 dates: every two months, "janv. 2024" and "mars 2024" were
                      # 3-4 px apart on a desktop in French (review of 7 December 2026)
                      xaxis=dict(range=list(x_range), title_text=_("End of fieldwork"), nticks=7),
                      margin=dict(r=12))
    return fig


def badge_sizes(numbers, phone: bool = False) -> list[int]:
    """Each badge's diameter: wider for a number of two digits."""
    one, two = (PHONE_BADGE_SIZE, PHONE_BADGE_SIZE_WIDE) if phone else (BADGE_SIZE, BADGE_SIZE_WIDE)
    return [one if int(n) < 10 else two for n in numbers]


def phone(fig: go.Figure) -> go.Figure:
    """The phone form of a poll-average chart: the default one (``phone_forms``) with smaller
    badges, so that the events of the last months (nine in some 70 px of a phone's plot) keep
    a gap between neighbours in a row."""
    small = phone_form(fig)
    small.layout.xaxis.nticks = None  # plotly's own count for the width: the desktop's 7 crowd a phone
    for trace in small.data:
        if trace.name == "Events":
            trace.marker.size = badge_sizes(trace.text, phone=True)
            trace.textfont.size = PHONE_BADGE_FONT
    return small


def event_key(events: pd.DataFrame) -> str:
    """The numbered list under a chart: '1. 24 June 2024: ...' one per line (Markdown)."""
    return "\n".join(f"{ev.number}. {formats.label(formats.date(ev.date))}{ev.label}"
                     for ev in events.itertuples())
