"""Chart presentation: every chart carries its source, its data and a text alternative.

``present()`` stores them in the figure's ``layout.meta``; the book's MIME renderer
(``plotly_mime``) turns them into a caption with a source line, a link to a CSV of exactly the
data drawn, and a collapsible table. In JupyterLab the metadata is ignored and plotly draws the
chart as usual.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go

from .. import data as _data

META_KEY = "liberal_crisis"
MAX_LISTED_SOURCES = 4  # more than this and a caption names the table rather than each report
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def source_line(resources: list[str]) -> str:
    """'Source: publisher, title; …' built from the data package, so captions cannot drift."""
    seen: list[str] = []
    for resource in resources:
        desc = _data.resource(resource)
        sources = desc.get("sources", [])
        if len(sources) > MAX_LISTED_SOURCES:
            # A table compiled from many reports cites them row by row; name the table instead.
            text = (f"{len(sources)} published reports compiled in the table "
                    f"'{desc.get('title', resource)}', which cites them row by row")
            if text not in seen:
                seen.append(text)
            continue
        for src in sources:
            text = f"{src['publisher']}, {src['title']}" if src.get("publisher") else src["title"]
            if text not in seen:
                seen.append(text)
    return "Source: " + "; ".join(seen) + "."


def present(
    fig: go.Figure,
    *,
    name: str,
    data: pd.DataFrame,
    resources: list[str],
    alt: str,
    phone: go.Figure | None = None,
) -> go.Figure:
    """Attach the caption material to ``fig`` and return it.

    name: slug for the CSV download (``<name>.csv``), unique within the book.
    data: the rows and columns drawn, exactly (it becomes the CSV and the table).
    resources: data-package resources the figure comes from (for the source line).
    alt: one sentence saying what the chart shows.
    phone: another form of the same chart for narrow screens (e.g. small multiples), drawn
        instead of ``fig`` below 600 px; it shares ``fig``'s template, caption and data.
    """
    problems = []
    if not _NAME.match(name):
        problems.append(f"name {name!r} must be a lowercase slug")
    title = fig.layout.title.text
    if not title:
        problems.append("the chart needs a title that states the finding")
    if any(trace.type in ("scatter", "bar") for trace in fig.data):
        for axis in ("xaxis", "yaxis"):
            ax = fig.layout[axis]
            # Hidden axes (e.g. a waffle chart) need no title.
            if ax.visible is not False and not ax.title.text:
                problems.append(f"{axis} needs a title with its unit")
    if data.empty:
        problems.append("data is empty")
    if not alt.strip():
        problems.append("alt text is empty")
    if not resources:
        problems.append("name at least one data-package resource")
    legend = fig.layout.legend
    if legend.y is not None and legend.y < 0 and legend.yref != "paper":
        # The theme puts the legend at the foot of the chart, below the axis title; a legend
        # placed by hand at a fraction of the plot runs into tick labels as soon as they grow.
        problems.append("drop legend_y: the theme puts the legend at the foot of the chart")
    if problems:
        raise ValueError(f"chart {name!r}: " + "; ".join(problems))

    meta = {
        "name": name,
        "alt": alt.strip(),
        "source": source_line(resources),
        "columns": [str(c) for c in data.columns],
        "rows": _json_rows(data),
    }
    if phone is not None:
        small = json.loads(phone.to_json())
        small["layout"].pop("template", None)  # the page gives it the main figure's template
        meta["phone"] = small
    fig.update_layout(meta={META_KEY: meta})
    return fig


def _json_rows(frame: pd.DataFrame) -> list[list]:
    """Rows as JSON-safe Python values (no numpy scalars, no NaN)."""
    out = []
    for row in frame.itertuples(index=False):
        values = []
        for value in row:
            if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
                values.append(None)
            elif hasattr(value, "isoformat"):
                values.append(value.isoformat()[:10])
            elif hasattr(value, "item"):
                values.append(value.item())
            else:
                values.append(value)
        out.append(values)
    return out


def riding_label(name: str) -> str:
    """Elections Canada writes 'Toronto--St. Paul's'; readers expect an en dash."""
    return name.replace("--", "–")


def sources_markdown(resources: list[str]) -> str:
    """A Markdown list of the publishers' sources behind ``resources`` (title, link, licence,
    date accessed), straight from the data package."""
    lines, seen = [], set()
    for name in resources:
        for src in _data.resource(name).get("sources", []):
            key = (src["title"], src["path"])
            if key in seen:
                continue
            seen.add(key)
            publisher = f"{src['publisher']}: " if src.get("publisher") else ""
            lines.append(
                f"- {publisher}[{src['title']}]({src['path']}), accessed {src['accessed']}; "
                f"licence: {src['license'].rstrip('.')}."
            )
    return "\n".join(lines)

