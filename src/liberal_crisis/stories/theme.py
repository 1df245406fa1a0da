"""The book's one theme: every colour, font and size a chart uses, in Python and in the browser.

``theme.setup()`` (one call per chapter) registers the plotly template. The browser scripts
(``site/static/charts-core.js``, ``explorer-core.js``) hold no colour, font or width of their
own: the site layer writes :func:`browser` into ``_static/lc-theme.js`` at build time
(``liberal_crisis.site.plotly_js.theme_js``), loaded before them, so that a value changed here
changes the site. The chart background is transparent; ``static/charts.js`` switches the text
and grid colours of :data:`MODES` when the reader changes the theme mode.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from ..i18n import N_, gettext as _
from . import formats

TEMPLATE_NAME = "liberal_crisis"

# --- Parties ------------------------------------------------------------------------------------
#
# The six main parties, in the book's order (controls, colourway, tables), each with its
# conventional colour, tuned so that every pair stays distinguishable for readers with a
# red-green or blue-yellow colour-vision deficiency, and visible on white and on near-black
# (tests/test_colours.py measures both). The one list of the six in the code: ``PARTIES``.
MAIN_COLOURS: dict[str, str] = {
    "LPC": "#D71920",  # Liberal red
    "CPC": "#3C78C8",  # Conservative blue, lighter than print navy for dark mode
    "NDP": "#F58220",  # NDP orange
    "BQ": "#12A4C4",  # Bloc light blue
    "GPC": "#2E7D32",  # Green, dark enough to part from orange under protanomaly
    "PPC": "#6A3FA0",  # People's Party purple, dark enough to part from blue under deuteranomaly
}
#: The six main parties, in the book's order.
PARTIES: tuple[str, ...] = tuple(MAIN_COLOURS)

# --- Neutrals -----------------------------------------------------------------------------------
NEUTRAL = "#8C8C8C"  # independents, others, a tied riding, anything that is not a party
TRANSPARENT = "rgba(0,0,0,0)"  # chart backgrounds: the page's colour shows through
BADGE = "#5F5F5F"  # numbered event badges: dark grey under white numerals, on either page
ON_FILL = "#FFFFFF"  # text on a dark fill (badge numerals, a value inside its bar)
PRINT_PAPER = "#FFFFFF"  # the background of a chart printed as an image (PDF, link previews)

# --- Marks of particular charts (chapters name these rather than write a colour) --------------
REFERENCE = NEUTRAL  # dashed reference lines: a majority, a threshold
DARK_TEXT = "#111111"  # numerals on a light fill (the grey bars of the verdict tally)
NEUTRAL_LIGHT = "#C8C8C8"  # the rest of a group, behind the part a chart is about
LIBERAL_LIGHT = "#E8898D"  # a lighter Liberal red: the MPs reported willing, beside those who signed
LOST_SEAT = "#C98A1B"  # a seat the government lost at a by-election, 1993 to 2023
# a claret that is no party's colour (the Liberal red read as the party), white numerals 6:1 on it;
# the other verdicts NEUTRAL
VERDICT_COLOURS: dict[str, str] = {"wrong": "#A0286E"}
VOTE_COLOURS: dict[str, str] = {"yea": "#1B9E77", "nay": "#7570B3", "split": "#E6AB02"}
#: Parties of the past drawn in their own colour where a chart shows them (not in ``colour()``,
#: which keeps them grey elsewhere).
PAST_PARTY_COLOURS: dict[str, str] = {"PC": "#6C8EBF"}

PARTY_COLOURS: dict[str, str] = {**MAIN_COLOURS, "IND": NEUTRAL, "OTH": NEUTRAL}

PARTY_NAMES = formats.PARTY_NAMES  # one list of reader-facing names (stories.formats)

# --- Text, grid and axis colours in each page mode ----------------------------------------------
#
# ``font``: every text a chart draws; ``grid``: gridlines (visible but quiet, 1.2:1 to 3:1);
# ``line``: axis lines (3:1 at least); ``hoverbg``: the hover label's box; ``page``: the page
# behind a chart (the site theme's background, not set here: charts-core.js tints party-coloured
# labels to 4.5:1 against it). The template draws
# the light set; charts.js and explorer-core.js switch to the dark one in dark mode
# (tests/test_dark_mode.py measures both on the page's real background).
MODES: dict[str, dict[str, str]] = {
    "light": {"font": "#222222", "grid": "#E5E5E5", "line": "#888888", "hoverbg": "#FFFFFF",
              "page": "#FFFFFF"},
    "dark": {"font": "#E6E6E6", "grid": "#3A3A3A", "line": "#9A9A9A", "hoverbg": "#1E1E1E",
             "page": "#121212"},
}
# Marks whose colour follows the page's mode: a grey that is quiet on white glares on
# near-black, and a faint one vanishes there. A chart colours them through a plotly colour axis
# (``mode_marker``), whose colour scale ``charts-core.js`` switches with the mode like the text
# colours (``overrides``): each axis is named here, with its marks in order (a point's value
# is its mark's place).
MODE_MARKS: dict[str, dict[str, str]] = {
    # a threshold met, and one not met (the pledge's thresholds)
    "met": {"light": "#8C8C8C", "dark": "#A6A6A6"},
    "not_met": {"light": "#DCDCDC", "dark": "#4D4D4D"},
}
MODE_AXES: dict[str, tuple[str, ...]] = {
    "coloraxis2": ("not_met", "met"),
}
# A colour axis does not colour a legend's symbol (plotly draws it black): a mark with a legend
# entry takes a colour that follows the mode by itself, a grey seen through (the page shows
# through it: about #C9C9C9 on white, #3B3B3B on the dark page).
REST = "rgba(120, 120, 120, 0.4)"  # the rest of a group (the caucus waffle's other MPs)


def mode_scale(axis: str, mode: str) -> list:
    """A colour axis's scale in one mode: a step of one colour per mark, values 0, 1, ..."""
    colours = [MODE_MARKS[m][mode] for m in MODE_AXES[axis]]
    if len(colours) == 1:
        return [[0, colours[0]], [1, colours[0]]]
    n = len(colours) - 1
    out = []
    for i, c in enumerate(colours):
        lo = 0 if i == 0 else (i - 0.5) / n
        hi = 1 if i == n else (i + 0.5) / n
        out += [[lo, c], [hi, c]]
    return out


def mode_marker(marks) -> dict:
    """``color`` and ``coloraxis`` for marker (or marker line) properties coloured by mode:
    ``marks`` is a list, one mark per point, all of one axis of ``MODE_AXES``. Call
    :func:`mode_axes` on the figure once its traces are in."""
    marks = list(marks)
    axis = next(a for a, names in MODE_AXES.items() if marks[0] in names)
    return {"color": [MODE_AXES[axis].index(m) for m in marks], "coloraxis": axis}


def mode_axes(fig: go.Figure) -> go.Figure:
    """Declare, in the light mode's colours, every colour axis of ``MODE_AXES`` the figure's
    traces use (the browser switches them in dark mode)."""
    used = set()
    for trace in fig.data:
        for part in (getattr(trace, "marker", None), getattr(getattr(trace, "marker", None), "line", None)):
            axis = getattr(part, "coloraxis", None) if part is not None else None
            if axis in MODE_AXES:
                used.add(axis)
    for axis in sorted(used):
        fig.update_layout({axis: dict(colorscale=mode_scale(axis, "light"), cmin=0,
                                      cmax=max(1, len(MODE_AXES[axis]) - 1), showscale=False)})
    return fig


TEXT = MODES["light"]["font"]
GRID = MODES["light"]["grid"]
AXIS = MODES["light"]["line"]

# --- Fonts and sizes ----------------------------------------------------------------------------
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HEIGHT = 420  # fixed: an embedded chart must not collapse or grow with its container
FONT_SIZE = 14  # text, ticks, legends
TITLE_SIZE = 17
PHONE_WIDTH = 600  # px: below this a chart takes its phone layout (charts-core.js, explorer)
PHONE_FONT_SIZE = 12
PHONE_TITLE_SIZE = 14
PHONE_TICK_SIZE = 10  # category labels and crowded ticks on a phone


#: What charts.js and explorer.js write on the page, by their English (translated in lc-theme.js).
BROWSER_WORDS = (N_("Link copied"), N_("Address of this chart"), N_("Copy the selected address"),
                 # explorer.js (its sentences are explorer-core.js's, in the page's <html lang>)
                 N_("Shares in {riding}"), N_("Party"), N_("2021 share (%)"),
                 N_("Projected share (%)"), N_("No change: the 2021 result"),
                 N_("The national polls: mean of a month you pick"), N_("Your own values"),
                 N_("poll"), N_("polls"))


def browser() -> dict:
    """The theme as the browser scripts read it (``window.LCTheme``, from ``_static/lc-theme.js``;
    the node tests of the ``*-core.js`` files pass the same shape in)."""
    return {
        "parties": list(PARTIES),
        "neutral": NEUTRAL,
        "transparent": TRANSPARENT,
        "onFill": ON_FILL,
        "modes": {mode: dict(colours) for mode, colours in MODES.items()},
        "font": FONT,
        "fontSize": FONT_SIZE,
        "titleSize": TITLE_SIZE,
        "phoneWidth": PHONE_WIDTH,
        "phoneFontSize": PHONE_FONT_SIZE,
        "phoneTitleSize": PHONE_TITLE_SIZE,
        "phoneTickSize": PHONE_TICK_SIZE,
        "modeScales": {axis: {mode: mode_scale(axis, mode) for mode in MODES} for axis in MODE_AXES},
        # the edition's plotly.js locale (null in English) and the words the scripts write
        "locale": formats.plotly_locale(),
        "words": {word: _(word) for word in BROWSER_WORDS},
    }


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
            font=dict(family=FONT, size=FONT_SIZE, color=TEXT),
            title=dict(font=dict(size=TITLE_SIZE), x=0, xanchor="left", y=0.97),
            height=HEIGHT,
            margin=dict(l=60, r=20, t=70, b=60),
            # Transparent so the page colour (light or dark) shows through: no white boxes.
            paper_bgcolor=TRANSPARENT,
            plot_bgcolor=TRANSPARENT,
            colorway=[PARTY_COLOURS[c] for c in PARTIES],
            # A horizontal legend at the foot of the chart (placed in the chart's box, not the
            # plot's) never covers data, and plotly makes room for it below the axis title,
            # however tall the tick labels grow on a narrow screen.
            legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0,
                        xanchor="left"),
            # Counts read "5,000" on every axis (plotly's default "5k" was on some charts and
            # "5000" on others); shares, seats and dates are unaffected.
            # Axis titles at the ticks' size (plotly's default is 1.2 times it: "End of
            # fieldwork" at 17 px over 14 px dates, review of 7 December 2026).
            xaxis=dict(gridcolor=GRID, linecolor=AXIS, zeroline=False, automargin=True,
                       exponentformat="none", separatethousands=True,
                       title=dict(font=dict(size=FONT_SIZE))),
            yaxis=dict(gridcolor=GRID, linecolor=AXIS, zeroline=False, automargin=True,
                       exponentformat="none", separatethousands=True,
                       title=dict(font=dict(size=FONT_SIZE))),
            hoverlabel=dict(font=dict(family=FONT)),
            separators=formats.separators(),  # ".," in English, ",\u00a0" in French
        )
    )


def setup() -> None:
    """Register the template and make it the default. Call once at the top of each chapter.

    The renderer is left alone on purpose: in the book build myst-nb hands plotly's JSON output
    to this package's MIME renderer, and in JupyterLab plotly's own renderer draws the chart.
    """
    pio.templates[TEMPLATE_NAME] = template()
    pio.templates.default = TEMPLATE_NAME
