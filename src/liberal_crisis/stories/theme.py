"""Party colours and the plotly template: one call per chapter, ``theme.setup()``.

The palette is chosen to stay readable on both the light and the dark page background (the
chart background is transparent; ``static/charts.js`` switches text and grid colours when the
reader changes the theme mode).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from . import formats

TEMPLATE_NAME = "liberal_crisis"

# Conventional party colours, tuned so that every pair stays distinguishable for readers with
# a red-green or blue-yellow colour-vision deficiency, and visible on white and on near-black
# (tests/test_colours.py measures both).
PARTY_COLOURS: dict[str, str] = {
    "LPC": "#D71920",  # Liberal red
    "CPC": "#3C78C8",  # Conservative blue, lighter than print navy for dark mode
    "NDP": "#F58220",  # NDP orange
    "BQ": "#12A4C4",  # Bloc light blue
    "GPC": "#2E7D32",  # Green, dark enough to part from orange under protanomaly
    "PPC": "#6A3FA0",  # People's Party purple, dark enough to part from blue under deuteranomaly
    "IND": "#8C8C8C",
    "OTH": "#8C8C8C",
}

PARTY_NAMES = formats.PARTY_NAMES  # one list of reader-facing names (stories.formats)

NEUTRAL = "#8C8C8C"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HEIGHT = 420  # fixed: an embedded chart must not collapse or grow with its container


def colour(party_code: str) -> str:
    """Colour of a party code; grey for any party without its own colour."""
    return PARTY_COLOURS.get(party_code, NEUTRAL)


def colour_map(codes) -> dict[str, str]:
    """``{code: colour}`` for plotly express ``color_discrete_map``."""
    return {code: colour(code) for code in codes}


def template() -> go.layout.Template:
    """The book's plotly template: readable fonts, fixed height, legend under the plot."""
    return go.layout.Template(
        layout=dict(
            font=dict(family=FONT, size=14, color="#222222"),
            title=dict(font=dict(size=17), x=0, xanchor="left", y=0.97),
            height=HEIGHT,
            margin=dict(l=60, r=20, t=70, b=60),
            # Transparent so the page colour (light or dark) shows through: no white boxes.
            paper_bgcolor="rgba(0,0,0,0)",
            plot_bgcolor="rgba(0,0,0,0)",
            colorway=[PARTY_COLOURS[c] for c in ("LPC", "CPC", "NDP", "BQ", "GPC", "PPC")],
            # A horizontal legend at the foot of the chart (placed in the chart's box, not the
            # plot's) never covers data, and plotly makes room for it below the axis title,
            # however tall the tick labels grow on a narrow screen.
            legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0,
                        xanchor="left"),
            # Counts read "5,000" on every axis (plotly's default "5k" was on some charts and
            # "5000" on others); shares, seats and dates are unaffected.
            xaxis=dict(gridcolor="#E5E5E5", linecolor="#888888", zeroline=False, automargin=True,
                       exponentformat="none", separatethousands=True),
            yaxis=dict(gridcolor="#E5E5E5", linecolor="#888888", zeroline=False, automargin=True,
                       exponentformat="none", separatethousands=True),
            hoverlabel=dict(font=dict(family=FONT)),
            separators=".,",
        )
    )


def setup() -> None:
    """Register the template and make it the default. Call once at the top of each chapter.

    The renderer is left alone on purpose: in the book build myst-nb hands plotly's JSON output
    to this package's MIME renderer, and in JupyterLab plotly's own renderer draws the chart.
    """
    pio.templates[TEMPLATE_NAME] = template()
    pio.templates.default = TEMPLATE_NAME
