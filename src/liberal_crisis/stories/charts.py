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
from . import formats

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
    """'Source: Elections Canada; Library of Parliament.': the publishers behind ``resources``,
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
        return ("Source: " + "; ".join(shown)
                + f"; and {rest} other publishers (see Sources at the end of the page).")
    return "Source: " + "; ".join(names) + "."


def present(
    fig: go.Figure,
    *,
    name: str,
    data: pd.DataFrame,
    resources: list[str],
    alt: str,
    phone: go.Figure | None = None,
    subtitle: str = "",
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

    _typographic_text(fig)
    meta = {
        "name": name,
        "title": formats.typographic(_plain(title)),
        "subtitle": formats.typographic(subtitle.strip()),
        "alt": alt.strip(),
        "source": source_line(resources),
        "columns": [str(c) for c in data.columns],
        "rows": _json_rows(data),
    }
    if phone is not None:
        _typographic_text(phone)
        small = json.loads(phone.to_json())
        small["layout"].pop("template", None)  # the page gives it the main figure's template
        meta["phone"] = small
    fig.update_layout(meta={META_KEY: meta})
    return fig


def _typographic_text(fig: go.Figure) -> None:
    """Curly apostrophes and quotes in every string the chart draws (names, labels, hover text,
    annotations, axis titles), as in the text around it."""
    def fix(value):
        if isinstance(value, str):
            return formats.typographic(value) if ("'" in value or '"' in value) else value
        return value

    def has_quote(value) -> bool:
        if isinstance(value, str):
            return "'" in value or '"' in value
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
    """Elections Canada writes 'Toronto--St. Paul's'; readers expect an en dash."""
    return name.replace("--", "–")


LICENCES = (
    # (how the data package's licence text starts, the short form readers see)
    ("OGL-Canada-2.0", "Open Government Licence – Canada"),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0"),
    ("Wikipedia text CC-BY-SA-4.0", "CC BY-SA 4.0"),
    ("Library of Parliament terms", "Library of Parliament terms"),
    ("Government of Canada terms", "Government of Canada terms"),
)
FACTS_ONLY = "Facts ("  # news reports: the numbers and dates are used, the words are not


def licence_short(licence: str) -> str:
    """The licence in a few words ('' for a news report, which the list's note covers)."""
    if licence.startswith(FACTS_ONLY):
        return ""
    for start, short in LICENCES:
        if licence.startswith(start):
            return short
    return licence.split(";")[0].rstrip(".")


def _row_source(name: str) -> tuple[pd.DataFrame, str, str]:
    """Where the rows of curated table ``name`` name their documents: (the table holding the
    source column, that column, the column joining it to ``name``, or '' for the table itself).
    ``house_standings`` keeps its sources in its ``as_of`` date's row of ``house_snapshots``
    (``provenance.row_source_via``)."""
    prov = _data.resource(name).get("provenance", {})
    if prov.get("kind") != "curated":
        raise ValueError(f"{name} is a derived table: its Sources are its publishers' files, all "
                         "listed; rows can be selected in curated tables only")
    via = prov.get("row_source_via")
    if via:
        other = _data.resource(via["resource"])["provenance"]["row_source"]
        return _data.read(via["resource"]), other, via["on"]
    column = prov.get("row_source", "")
    frame = _data.read(name)
    if column not in frame.columns:
        raise ValueError(f"{name}: its provenance names no column of row sources "
                         f"(row_source: {column!r}), so its rows cannot be selected")
    return frame, column, ""


def _selected(name: str, frame: pd.DataFrame, where: dict) -> pd.DataFrame:
    """The rows of ``frame`` (table ``name``) whose columns hold the values ``where`` gives
    (a value or a list of values per column; all columns must match). Every value asked for
    must be in the table: a misspelt event or riding fails here, not silently."""
    if not where:
        raise ValueError(f"{name}: an empty row selection")
    mask = pd.Series(True, index=frame.index)
    for column, values in where.items():
        if column not in frame.columns:
            raise ValueError(f"{name} has no column {column!r} to select rows by")
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            values = [values]
        values = list(values)
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            values = list(pd.to_datetime(values))
        absent = [v for v in values if not (frame[column] == v).any()]
        if absent:
            raise ValueError(f"{name}: no row has {column} = {absent[0]!r}")
        mask &= frame[column].isin(values)
    if not mask.any():
        raise ValueError(f"{name}: no row matches {where!r}")
    return frame[mask]


def _used_sources(name: str, where: dict) -> list[dict]:
    """The sources of curated table ``name`` that the rows ``where`` selects cite, in the data
    package's order. (A source no row cites, such as the Hansard naming the Speaker in
    ``house_snapshots``, is listed only when the whole table is.)"""
    sources = _data.resource(name).get("sources", [])
    table, column, on = _row_source(name)
    if on:  # the rows' sources are in another table's rows with the same key
        keys = _selected(name, _data.read(name), where)[on]
        chosen = table[table[on].isin(keys)]
    else:
        chosen = _selected(name, table, where)
    listed = {src["path"] for src in sources}
    urls = list(dict.fromkeys(chosen[column].dropna()))
    for url in urls:
        if url not in listed:
            raise ValueError(f"{name}: a selected row cites {url}, which is not among the "
                             "resource's sources in datapackage.json")
    return [src for src in sources if src["path"] in urls]


def source_item(src: dict) -> tuple[str, str]:
    """One document of a Sources list, '- Publisher: [Title](url), 4 September 2024
    (licence)', and its short licence ('' for a news report). A date the book added to the
    title in parentheses goes after the link, in the house style (``formats.dated_title``)."""
    short = licence_short(src["license"])
    publisher = f"{src['publisher']}: " if src.get("publisher") else ""
    title, when = formats.dated_title(src["title"])
    line = f"- {publisher}[{formats.typographic(title)}]({src['path']})"
    return line + (f", {when}" if when else "") + (f" ({short})" if short else ""), short


def sources_markdown(resources: list[str], rows: dict[str, dict] | None = None) -> str:
    """The publishers' sources behind ``resources``, one compact line each (publisher, linked
    title, date, short licence), then one note on news reports and the access date, straight
    from the data package. The licence texts in full are in the data package and on the
    methods page.

    ``rows`` narrows a curated table to the rows the chapter uses, by column values, so its
    list names only the documents those rows cite (``provenance.row_source``), e.g.
    ``rows={"byelection_turnout_2024": {"riding": RIDING}, "timeline": {"event": [...]}}``.
    A table not in ``rows``, and every derived table, lists all its sources. A selected row
    whose source is not among its table's sources, a value no row has, or a selection of a
    table not in ``resources`` raises ``ValueError``."""
    rows = rows or {}
    stray = [name for name in rows if name not in resources]
    if stray:
        raise ValueError(f"rows selected in {stray[0]}, which is not among the resources listed")
    lines, seen, accessed, reports = [], set(), set(), False
    for name in resources:
        sources = (_used_sources(name, rows[name]) if name in rows
                   else _data.resource(name).get("sources", []))
        for src in sources:
            key = (src["title"], src["path"])
            if key in seen:
                continue
            seen.add(key)
            accessed.add(src["accessed"])
            line, short = source_item(src)
            reports = reports or not short
            lines.append(line)
    notes = []
    if reports:
        notes.append("News reports are used for their facts (numbers, dates) only; their text is "
                     "the publishers’ copyright.")
    if len(accessed) == 1:
        notes.append(f"Accessed {formats.date(next(iter(accessed)))}.")
    elif accessed:
        notes.append(f"Accessed between {formats.date(min(accessed))} and "
                     f"{formats.date(max(accessed))}.")
    return "\n".join(lines) + ("\n\n" + " ".join(notes) if notes else "")
