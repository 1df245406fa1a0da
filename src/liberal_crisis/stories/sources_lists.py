"""The Sources list at the end of a chapter: one line per document (publisher, linked title,
date, short licence), then one note on news reports and the access date, straight from the data
package (:func:`sources_markdown`).

A chapter may narrow a curated table to the rows it uses, so that its list names only the
documents those rows cite (the resource's ``provenance.row_source``, or ``row_source_via``).
The one-line "Source:" caption under a chart is :func:`liberal_crisis.stories.charts.source_line`.
"""

from __future__ import annotations

import pandas as pd

from .. import data as _data
from ..i18n import N_, gettext as _
from ..i18n import language
from . import formats


LICENCES = (
    # (how the data package's licence text starts, the short form readers see)
    ("OGL-Canada-2.0", N_("Open Government Licence – Canada")),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0"),
    ("Wikipedia text CC-BY-SA-4.0", "CC BY-SA 4.0"),
    ("Library of Parliament terms", N_("Library of Parliament terms")),
    ("Government of Canada terms", N_("Government of Canada terms")),
)
FACTS_ONLY = "Facts ("  # news reports: the numbers and dates are used, the words are not


def licence_short(licence: str) -> str:
    """The licence in a few words ('' for a news report, which the list's note covers)."""
    if licence.startswith(FACTS_ONLY):
        return ""
    for start, short in LICENCES:
        if licence.startswith(start):
            return short if short.startswith("CC ") else _(short)
    return _(licence_words(licence))  # the book's own words: a catalogue message


def licence_words(licence: str) -> str:
    """A licence no short form covers, as the list shows it: its first clause."""
    return licence.split(";")[0].rstrip(".")


def title(text: str) -> str:
    """A document's title in the edition's language, through the code catalogue (the strict
    French build fails on a new one until a translator decides): a headline stays as
    published (msgstr = msgid), while the book's own description of a document takes the
    publisher's official French title where verified (« Journaux no 343 »), else a French
    description."""
    return _(text)


def cited(text: str) -> tuple[str, str]:
    """A chapter's one-line source, "Publisher: Title (25 September 2024)", as (the words,
    the date after them, '' if none). The English edition shows it as written; the French one
    names the publisher and the title through the catalogue (``title``) and the date in
    French: "La Presse Canadienne : Liberal government survives…", "25 septembre 2024"."""
    if language() == "en":
        return text, ""
    words, when = formats.dated_title(text)
    publisher, colon, rest = words.partition(": ")
    if not colon:
        return title(words), when
    return formats.label(_(publisher)) + title(rest), when


def cited_inline(text: str) -> str:
    """``cited`` as one string, the date in parentheses as the English source line has it."""
    words, when = cited(text)
    return f"{words} ({when})" if when else words


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
    # the publisher's name in the edition's language ("Élections Canada"; the catalogue lists
    # every publisher of the data package), the title as published
    publisher = formats.label(_(src["publisher"])) if src.get("publisher") else ""
    words, when = formats.dated_title(src["title"])
    line = f"- {publisher}[{formats.typographic(title(words))}]({src['path']})"
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
        notes.append(_("News reports are used for their facts (numbers, dates) only; their text "
                       "is the publishers’ copyright."))
    if len(accessed) == 1:
        notes.append(_("Accessed {date}.").format(date=formats.date(next(iter(accessed)))))
    elif accessed:
        notes.append(_("Accessed between {first} and {last}.").format(
            first=formats.date(min(accessed)), last=formats.date(max(accessed))))
    return "\n".join(lines) + ("\n\n" + " ".join(notes) if notes else "")
