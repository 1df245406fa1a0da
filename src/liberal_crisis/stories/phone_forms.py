"""The phone form of a chart, made in Python beside the desktop form.

Every chart ships two figures: the desktop form and, drawn instead below ``theme.PHONE_WIDTH``,
its phone form. ``charts.present(fig, ...)`` makes the phone form with ``phone_form(fig)`` unless
the chart declares its own (``phone=`` a figure, e.g. ``small_multiples.bar_panels``, or a
``Phone(...)`` of changes to the default). The browser only wraps text to the width it measures
(titles, legend names, category labels) and scales a wide line marker: what a phone reader sees
is decided here, where the chart's author can draw it (``fig`` and ``phone_form(fig)`` in a
notebook) and the tests can read it.

The default rules, for a phone about 375 px wide (a plot of about 280 px):

- nothing a desktop reader sees is dropped: every annotation, bar label and trace is kept;
- no text is turned: every axis's ticks and every bar label are level (``tickangle=0``,
  ``textangle=0``); a value axis's title is already level above the plot (``charts.present``);
- vertical bars over more than ``CROWDED`` categories (names, not dates or years: time runs left
  to right), or with a word wider than its category's room once names may break after an en dash
  and a date's month is short ("25 Sep 2024"), become horizontal bars, one row per category,
  first category on top, the chart as tall as its rows need;
- horizontal bars get ``ROW`` to ``ROW_MAX`` px a row; values past the bars stay inside the plot:
  the value axis runs to ``OUTSIDE_ROOM`` times the longest bar whose value is past it (a share
  axis never past 100%: a bar too long for that takes its value inside), and the right margin is
  thin, so the plot keeps at least half the chart's width; the value axis has ``VALUE_TICKS``
  ticks (the bars carry their values), its title set level over the plot's top left as on
  every chart; the category axis needs no title and no gridlines;
- a category axis along the bottom names its categories in ``ticktext``, which the browser wraps
  to each category's measured room instead of letting plotly turn them (after an en dash too,
  months short); at 10 px only where a name's longest word does not fit at the normal size,
  or two neighbours' longest words do not fit between their ticks (French names, longer);
- a date axis along the bottom has at most ``DATE_TICKS`` ticks, level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from babel.dates import get_month_names
import plotly.graph_objects as go

from . import theme

CROWDED = 6  # categories: more than this many vertical bars do not fit 280 px side by side
ROW = 30  # px per category of horizontal bars on a phone (one bar, or a group of two)
ROW_MAX = 36  # px: the most a row of horizontal bars gets on a phone (more reads as empty space)
OVERHEAD = 140  # px of a phone chart besides its rows: margins, the value axis, a legend line
SHARE_TOP = 100  # a share axis never runs past 100%
AXIS_TITLE = "lc-axis-title"  # the name of the annotation a value axis's title becomes
BREAK = "\u200b"  # a break opportunity the browser's wrap takes (after an en dash)
NO_BREAK = "\u2060"  # a word joiner: a chart puts it beside a dash that must not break
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
# French dates ("1er octobre 2024") shorten to CLDR's abbreviations ("1er oct. 2024"; "mai" stays)
_MONTHS_FR = tuple(get_month_names("wide", locale="fr_CA")[i] for i in range(1, 13))
_SHORT_FR = dict(zip(_MONTHS_FR, (get_month_names("abbreviated", locale="fr_CA")[i]
                                  for i in range(1, 13))))
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}(?:er)?) (" + "|".join(_MONTHS + _MONTHS_FR)
                             + r")( |<br>)(\d{4})\b")
_YEAR = re.compile(r"(?<!\d)(1[89]|20)\d{2}(?!\d)")
OUTSIDE_ROOM = 1.45  # the value axis runs this far past the longest bar when values sit past it
VALUE_TICKS = 3
DATE_TICKS = 4  # "Oct 2024" five times does not fit 280 px
PHONE_CHART = 343  # px: a chart's width on a 375 px phone
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?")


@dataclass
class Phone:
    """A chart's own changes to its default phone form, declared where the chart is built.

    horizontal: turn vertical bars into horizontal ones (True), keep them vertical (False), or
        let the default decide (None: see ``_crowded``).
    layout: ``update_layout`` arguments applied last (a height, a range, ``xaxis_nticks``).
    traces: ``update_traces`` arguments applied last (a text position, a font size).

    A comment beside the declaration says why the default was not right.
    """

    horizontal: bool | None = None
    layout: dict = field(default_factory=dict)
    traces: dict = field(default_factory=dict)


def phone_form(fig: go.Figure, declared: Phone | None = None) -> go.Figure:
    """The phone form of ``fig`` (a new figure; ``fig`` is left as it is)."""
    declared = declared or Phone()
    small = go.Figure(fig)
    small.layout.meta = None
    crowded = _crowded(small)
    if declared.horizontal if declared.horizontal is not None else crowded:
        _to_horizontal(small)
    level(small)
    if any(t.type == "bar" and t.orientation == "h" for t in small.data):
        _fit_horizontal_bars(small)
    else:
        _name_bottom_categories(small)
    if declared.layout:
        small.update_layout(**declared.layout)
    if declared.traces:
        small.update_traces(**declared.traces)
    return small


def level(fig: go.Figure) -> go.Figure:
    """No text turned, at any width: level ticks on every axis, category names in ticktext (the
    browser wraps them), level bar labels (every form of every chart, a declared one too)."""
    name_categories(fig)
    for axis in [*fig.select_xaxes(), *fig.select_yaxes()]:
        axis.tickangle = 0
    for trace in fig.data:
        if trace.type == "bar":
            trace.textangle = 0
    return fig


def _is_date(value) -> bool:
    return hasattr(value, "isoformat") or (isinstance(value, str) and bool(_DATE.match(value)))


def _vertical_bars(fig: go.Figure) -> list:
    return [t for t in fig.data if t.type == "bar" and t.orientation != "h" and t.x is not None]


def _categories(fig: go.Figure) -> list[str]:
    """The named categories the vertical bars stand on (none for dates and numbers)."""
    if fig.layout.xaxis.type in ("date", "linear"):
        return []
    names = []
    for trace in _vertical_bars(fig):
        for x in trace.x:
            if x is None:  # a trace drawn only for its legend entry
                continue
            if not isinstance(x, str) or _is_date(x):
                return []
            if x not in names:
                names.append(x)
    return names


def in_time_order(names: list[str]) -> bool:
    """Categories that are years or dates ("2019", "2021 result", "25 September 2024"): time
    runs left to right, and they never lie down."""
    return bool(names) and all(_YEAR.search(re.sub(r"<[^>]+>", " ", n)) for n in names)


def phone_name(name: str) -> str:
    """A category name as a phone shows it along the bottom: a date's month short ("25 Sep
    2024", the axis convention of data desks), and a break allowed after an en dash
    ("Toronto–" / "St. Paul's") unless the chart joined it (``NO_BREAK``)."""
    short = _DAY_MONTH_YEAR.sub(
        lambda m: f"{m.group(1)} {_SHORT_FR.get(m.group(2)) or m.group(2)[:3]}{m.group(3)}{m.group(4)}",
        name)
    return re.sub(r"–(?![\u2060\u200b])", "–" + BREAK, short) if NO_BREAK not in short else short


def _widest_word(names: list[str]) -> int:
    """Characters in the longest piece a name cannot be broken in, as a phone shows it."""
    return max(len(word) for name in names
               for word in re.split(r"[\s\u200b]+", re.sub(r"<[^>]+>", " ", phone_name(name)))
               if word)


def _neighbours_touch(names: list[str], size: float) -> bool:
    """Whether two neighbouring names' longest words, each centred on its tick, are wider
    together than the distance between the ticks at ``size`` px: every name a little under its
    own room still runs into the next (« Élections générales de 2015 » beside « … de 2019 »:
    « générales » five times in a row at 12 px, where the English has "general" once per name)."""
    widths = [_widest_word([name]) * 0.56 * size for name in names]
    step = (PHONE_CHART - 60) / len(names)  # the distance between ticks, as charts.js wraps to
    return any((a + b) / 2 > step for a, b in zip(widths, widths[1:]))


def _slot(names: list[str]) -> float:
    return (PHONE_CHART - 60) / len(names) + 12  # the room charts.js wraps a name to


def _crowded(fig: go.Figure) -> bool:
    """More than ``CROWDED`` named categories, or a name with a word wider than its category's
    room on a phone even at 10 px (a word cannot wrap: "Conservative" needs about 67 px at 10 px;
    the room of one of six categories is 59). Years and dates never lie down."""
    names = _categories(fig)
    if not names or in_time_order(names):
        return False
    if len(names) > CROWDED:
        return True
    return _widest_word(names) * 0.56 * theme.PHONE_TICK_SIZE > _slot(names)


_SWAP_REF = {"x": "y", "y": "x", "x domain": "y domain", "y domain": "x domain"}


def _swap_template(text):
    if not isinstance(text, str):
        return text
    return re.sub(r"%\{([xy])", lambda m: "%{" + ("y" if m.group(1) == "x" else "x"), text)


def _to_horizontal(fig: go.Figure) -> None:
    """Vertical bars (and the marks drawn on them) lie down: one row per category."""
    names = []
    for trace in _vertical_bars(fig):
        names += [x for x in trace.x if x is not None and x not in names]
    for trace in fig.data:
        if trace.type not in ("bar", "scatter"):
            continue
        x, y = trace.x, trace.y
        trace.x, trace.y = y, x
        if trace.type == "bar":
            trace.orientation = "h"
        for key in ("hovertemplate", "texttemplate"):
            if key in trace and trace[key] is not None:
                trace[key] = _swap_template(trace[key])
        symbol = trace.marker.symbol if trace.type == "scatter" else None
        if isinstance(symbol, str) and symbol.startswith("line-ew"):  # a mark across a bar
            trace.marker.symbol = symbol.replace("line-ew", "line-ns")
    lay = fig.layout
    xa = lay.xaxis.to_plotly_json()
    ya = lay.yaxis.to_plotly_json()
    lay.xaxis, lay.yaxis = ya, xa
    lay.yaxis.autorange = "reversed"  # the first category on top, as it was on the left
    lay.yaxis.categoryorder = "array" if lay.yaxis.categoryarray is None else lay.yaxis.categoryorder
    if lay.yaxis.categoryarray is None and lay.yaxis.tickvals is None:
        lay.yaxis.categoryarray = names
    lay.yaxis.tickvals = lay.yaxis.ticktext = None  # the browser wraps the names themselves
    lay.yaxis.title.text = None
    for shape in lay.shapes:
        s = shape.to_plotly_json()
        shape.update(x0=s.get("y0"), x1=s.get("y1"), y0=s.get("x0"), y1=s.get("x1"),
                     xref=_SWAP_REF.get(s.get("yref", "y"), s.get("yref")),
                     yref=_SWAP_REF.get(s.get("xref", "x"), s.get("xref")))
    for note in lay.annotations:
        a = note.to_plotly_json()
        note.update(x=a.get("y"), y=a.get("x"),
                    xref=_SWAP_REF.get(a.get("yref", "y"), a.get("yref")),
                    yref=_SWAP_REF.get(a.get("xref", "x"), a.get("xref")),
                    xshift=a.get("yshift", 0), yshift=a.get("xshift", 0),
                    xanchor="left", yanchor="middle")
    groups = _groups(fig, _horizontal_bars(fig))
    rows = ROW * len(names) * (1 + 0.5 * (groups - 1))
    lay.height = max(lay.height or 0, int(rows + OVERHEAD))


def _horizontal_bars(fig: go.Figure) -> list:
    return [t for t in fig.data if t.type == "bar" and t.orientation == "h"]


def _groups(fig: go.Figure, bars: list) -> int:
    """Bars side by side in a row: one when stacked, else the traces that draw a bar (a trace
    drawn only for its legend entry has none)."""
    if fig.layout.barmode in ("stack", "relative", "overlay"):
        return 1
    return max(1, sum(1 for t in bars if t.x is not None and any(v is not None for v in t.x)))


def _outside(trace) -> list[bool]:
    """For each bar of a trace, whether its value is written past it."""
    pos = trace.textposition
    n = len(trace.x) if trace.x is not None else 0
    if isinstance(pos, (tuple, list)):
        return [p == "outside" for p in pos]
    return [pos == "outside"] * n


def _category_rows(fig: go.Figure, bars: list) -> int:
    names = []
    for t in bars:
        names += [y for y in (t.y if t.y is not None else []) if y is not None and y not in names]
    return len(names)


def _fit_horizontal_bars(fig: go.Figure) -> None:
    """Rows of ``ROW_MAX`` px at most; values past the bars stay in the plot, not in a wide right
    margin, and a share axis stops at 100%."""
    bars = _horizontal_bars(fig)
    lay = fig.layout
    share = _is_share(lay.xaxis)
    lay.xaxis.nticks = VALUE_TICKS
    if lay.yaxis.type != "linear":
        lay.yaxis.title.text = None
        lay.yaxis.tickfont.size = theme.PHONE_TICK_SIZE
        lay.yaxis.showgrid = False  # a gridline along a row runs through its value
        rows = _category_rows(fig, bars)
        groups = _groups(fig, bars)
        tallest = int(ROW_MAX * rows * (1 + 0.5 * (groups - 1)) + OVERHEAD)
        if rows and (lay.height or theme.HEIGHT) > tallest:
            lay.height = tallest
    level_axis_title(fig, "x")
    outside = [flag for t in bars for flag in _outside(t)]
    if not any(outside):
        return
    if lay.xaxis.range is not None:
        lo, hi = lay.xaxis.range
    else:
        lo, hi = _extent(fig, bars)
    # the room past the longest bar whose value is written past it
    past = [x for t in bars for x, out in zip(t.x, _outside(t)) if out and x is not None]
    reach_hi, reach_lo = max([0, *past]), min([0, *past])
    if lay.barmode in ("stack", "relative"):  # a value past a stack is past its total
        reach_hi, reach_lo = hi, lo
    room = (OUTSIDE_ROOM - 1) * (hi - lo)
    top = max(hi, reach_hi + room) if reach_hi > 0 else hi
    bottom = min(lo, reach_lo - room) if reach_lo < 0 else lo
    if share and hi <= SHARE_TOP < top:
        top = SHARE_TOP
        for t in bars:  # a value that would run past 100% goes inside its bar
            flags = _outside(t)
            if any(out and x is not None and x * OUTSIDE_ROOM > SHARE_TOP for x, out in zip(t.x, flags)):
                t.textposition = ["inside" if out and x is not None and x * OUTSIDE_ROOM > SHARE_TOP
                                  else ("outside" if out else (t.textposition if isinstance(t.textposition, str) else "inside"))
                                  for x, out in zip(t.x, flags)]
    lay.xaxis.range = [bottom, top]
    lay.margin.r = 8


def _is_share(axis) -> bool:
    """A percentage axis: its title or its ticks say %."""
    return "%" in (axis.title.text or "") or axis.ticksuffix == "%"


def level_axis_title(fig: go.Figure, axis: str = "y") -> None:
    """A value axis's title, written level at the top left of the plot (as Our World in Data
    does) instead of turned up the side (the y axis of every chart) or centred at the foot
    (horizontal bars' x axis on a phone, where it wrapped and left "(%)" alone on a line); the
    page keeps room for it above the plot (``site.extension``)."""
    layout_axis = fig.layout[f"{axis}axis"]
    text = layout_axis.title.text
    if not text or layout_axis.visible is False:
        return
    layout_axis.title.text = None
    fig.add_annotation(text=text, name=AXIS_TITLE, xref="paper", yref="paper", x=0, y=1,
                       xanchor="left", yanchor="bottom", yshift=4, showarrow=False)


def _extent(fig: go.Figure, bars: list) -> tuple[float, float]:
    """The value axis's reach: from the most negative bar (or 0) to the longest (or 0)."""
    if fig.layout.barmode in ("stack", "relative"):
        ends: dict = {}
        for t in bars:
            for y, x in zip(t.y, t.x):
                lo, hi = ends.get(y, (0.0, 0.0))
                ends[y] = (lo + min(x or 0, 0), hi + max(x or 0, 0))
        values = [v for pair in ends.values() for v in pair]
    else:
        values = [x for t in bars for x in t.x if x is not None]
    return float(min([0, *values])), float(max([0, *values]))


def _name_bottom_categories(fig: go.Figure) -> None:
    """Category names along the bottom go in ticktext, small, for the browser to wrap level;
    a date axis gets fewer ticks."""
    xa = fig.layout.xaxis
    values = [x for t in fig.data if t.x is not None for x in t.x]
    if values and all(_is_date(v) for v in values) and xa.type in (None, "-", "date"):
        xa.nticks = min(xa.nticks or DATE_TICKS, DATE_TICKS)
        return
    name_categories(fig)
    if xa.ticktext is not None:
        xa.ticktext = [phone_name(t) if isinstance(t, str) else t for t in xa.ticktext]
    if xa.ticktext is not None and xa.tickvals is not None and len(xa.tickvals):
        names = [str(t) for t in xa.ticktext]
        # 10 px only where a name's longest word does not fit its room at the normal size, or
        # runs into its neighbour's
        if (_widest_word(names) * 0.56 * theme.PHONE_FONT_SIZE > _slot(names)
                or _neighbours_touch(names, theme.PHONE_FONT_SIZE)):
            xa.tickfont.size = theme.PHONE_TICK_SIZE


def name_categories(fig: go.Figure) -> bool:
    """Put the category names of vertical bars in the x axis's ticktext (where the browser wraps
    them to the room each has, at any width, rather than plotly turning them). True if it did."""
    xa = fig.layout.xaxis
    names = _categories(fig)
    if xa.ticktext is not None or not names:
        return False
    order = list(xa.categoryarray) if xa.categoryarray is not None else names
    xa.tickvals = order
    xa.ticktext = order
    return True
