"""Chart presentation: every chart carries its source, its data and a text alternative.

``present()`` stores them in the figure's ``layout.meta``; the book's MIME renderer
(``plotly_mime``) and Sphinx extension lay each chart out as Our World in Data does: a title that
states the finding and a subtitle saying what is measured, the chart, one short "Source:" line
naming the publishers, a link to a CSV of exactly the data drawn, and a collapsible table (its
caption is the text alternative, which screen readers also get as the figure's description). In
JupyterLab the metadata is ignored and plotly draws the chart as usual.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go

from .. import data as _data
from ..i18n import gettext as _
from . import formats
from . import phone_forms
from .phone_forms import Phone, level, phone_form

AXIS_TITLE = phone_forms.AXIS_TITLE  # the annotation a value axis's title becomes

META_KEY = "liberal_crisis"
MAX_NAMED_PUBLISHERS = 4  # a source line names at most this many publishers, then counts the rest
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "The Canadian Press (CTV News)", "AFP (via Japan Today)", "Bloomberg via BNN Bloomberg",
# "CBC News (Darren Major)": the publisher is the part before the carrier or the byline.
_CARRIER = re.compile(r"\s*(?:\(.*\)|\bvia\b.*)$")


def publishers(source: dict) -> list[str]:
    """The original publishers named by one data-package source (never the carrier)."""
    names = []
    for part in (source.get("publisher") or source["title"]).split(";"):
        name = _CARRIER.sub("", part).strip()
        if name and name not in names:
            names.append(name)
    return names


def source_line(resources: list[str]) -> str:
    """'Sources: Elections Canada; Library of Parliament.' ('Source:' for one): the publishers behind ``resources``,
    from the data package (so captions cannot drift), most cited first. Titles, links and
    licences are in the chapter's Sources list; a long list of publishers is counted, not named."""
    counts: dict[str, int] = {}
    for resource in resources:
        for src in _data.resource(resource).get("sources", []):
            for name in publishers(src):
                counts[name] = counts.get(name, 0) + 1
    names = sorted(counts, key=lambda n: -counts[n])  # stable: ties keep data-package order
    if len(names) > MAX_NAMED_PUBLISHERS:
        shown = names[: MAX_NAMED_PUBLISHERS - 1]
        rest = len(names) - len(shown)
        return _("Sources: {publishers}; and {rest} other publishers (see Sources at the end of "
                 "the page).").format(publishers="; ".join(_(n) for n in shown),
                                      rest=formats.plain(rest))
    # a publisher's name is a message too (its French name, "Élections Canada"): the catalogue
    # extraction lists every publisher of the data package (liberal_crisis.site.catalogues)
    listed = "; ".join(_(n) for n in names)
    if len(names) == 1:
        return _("Source: {publishers}.").format(publishers=listed)
    return _("Sources: {publishers}.").format(publishers=listed)


def present(
    fig: go.Figure,
    *,
    name: str,
    data: pd.DataFrame,
    resources: list[str],
    alt: str,
    phone: go.Figure | Phone | None = None,
    subtitle: str = "",
    first_screen: bool = False,
) -> go.Figure:
    """Attach the caption material to ``fig`` and return it.

    name: slug for the CSV download (``<name>.csv``), unique within the book.
    data: the rows and columns drawn, exactly (it becomes the CSV and the table).
    resources: data-package resources the figure comes from (for the source line).
    alt: one sentence saying what the chart shows.
    phone: another form of the same chart for narrow screens (e.g. small multiples), drawn
        instead of ``fig`` below 600 px; it shares ``fig``'s template, caption and data.
    alt: one sentence saying what the chart shows (for screen readers and the table caption).
    subtitle: what is measured, with its unit and scope ("Share of valid votes, %, 2015-2025").
    first_screen: the chart is on its page's first screen: the book draws it at build time too,
        so the reader sees it at first paint, before plotly.js has run (site.first_screen).

    The title (``fig.layout.title``) states the finding. In the book it is written as HTML text
    above the chart with the subtitle under it; in JupyterLab plotly draws it as usual.
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
            # A value axis says its unit (in its title, or in the subtitle); a category axis
            # (names, parties, contests) and a hidden axis (a waffle chart) need no title.
            if (ax.visible is not False and not ax.title.text and not subtitle.strip()
                    and not _is_category_axis(fig, axis)):
                problems.append(f"{axis} needs a title with its unit (or a subtitle)")
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

    if not isinstance(phone, go.Figure):
        phone = phone_form(fig, phone)
    # No text turned, at any width: level ticks and bar labels, the value axis's title level
    # above the plot (plotly would turn it on its side).
    for form in (fig, phone):
        level(form)
        phone_forms.level_axis_title(form)
    _typographic_text(fig)
    meta = {
        "name": name,
        "title": formats.typographic(_plain(title)),
        "subtitle": formats.typographic(subtitle.strip()),
        "alt": formats.typographic(alt.strip()),  # curly apostrophes, as in the title
        "source": source_line(resources),
        "columns": [str(c) for c in data.columns],
        "rows": _json_rows(data),
    }
    _typographic_text(phone)
    small = json.loads(phone.to_json())
    small["layout"].pop("template", None)  # the page gives it the main figure's template
    small["layout"].pop("meta", None)
    meta["phone"] = small
    if first_screen:
        meta["first_screen"] = True
    fig.update_layout(meta={META_KEY: meta})
    return fig


def _typographic_text(fig: go.Figure) -> None:
    """Curly apostrophes and quotes in every string the chart draws (names, labels, hover text,
    annotations, axis titles), as in the text around it."""
    french = formats.language() == "fr"  # French spacing (": ", " %") in every string

    def fix(value):
        if isinstance(value, str):
            return formats.typographic(value) if (french or "'" in value or '"' in value) else value
        return value

    def has_quote(value) -> bool:
        if isinstance(value, str):
            return french or "'" in value or '"' in value
        if isinstance(value, (list, tuple)):
            return any(has_quote(v) for v in value)
        return False

    def fix_all(value):
        if isinstance(value, (list, tuple)):
            return [fix_all(v) for v in value]
        return fix(value)

    def as_list(value):
        return value.tolist() if hasattr(value, "tolist") else list(value)

    for trace in fig.data:
        # customdata: the hover text of many charts (event labels, pollsters, ridings)
        for key in ("name", "text", "hovertext", "hovertemplate", "x", "y", "labels", "customdata"):
            value = trace[key] if key in trace else None
            if isinstance(value, str):
                trace[key] = fix(value)
            elif value is not None and has_quote(as_list(value)):
                trace[key] = fix_all(as_list(value))
    # every axis, the subplots of a phone form (xaxis2, yaxis3, ...) included
    for ax in [*fig.select_xaxes(), *fig.select_yaxes()]:
        if ax.title.text:
            ax.title.text = fix(ax.title.text)
        if ax.categoryarray is not None:
            ax.categoryarray = [fix(v) for v in ax.categoryarray]
        if ax.ticktext is not None:
            ax.ticktext = [fix(v) for v in ax.ticktext]
        if ax.tickvals is not None:  # category names as tickvals must match the data's, fixed above
            ax.tickvals = [fix(v) for v in ax.tickvals]
    for annotation in fig.layout.annotations:
        annotation.text = fix(annotation.text)


def _plain(text: str) -> str:
    """Plotly rich text ("a<br>b", "<b>c</b>") as one line of plain text."""
    text = re.sub(r"<br\s*/?>", " ", text or "")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()


def _is_category_axis(fig: go.Figure, axis: str) -> bool:
    """True when the axis is categorical: typed so, or every trace puts text on it."""
    if fig.layout[axis].type == "category":
        return True
    letter = axis[0]
    values = []
    for trace in fig.data:
        column = getattr(trace, letter, None)
        if column is not None:
            values.extend(list(column))
    return bool(values) and all(isinstance(v, str) for v in values)


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
    """Elections Canada writes 'Toronto--St. Paul's'; readers expect an en dash (and, in the
    French edition, the riding's official French name: ``formats.riding``)."""
    if formats.language() != "en":
        return formats.riding(name)
    return name.replace("--", "–")
