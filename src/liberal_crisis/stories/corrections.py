"""The corrections log on the methods page (table ``corrections``).

One row per correction to a published claim: the date it was made, the page (the file stem of a
chapter in ``book/``), what the page said that was wrong, what it says now, and the source that
settles it. Pure functions; nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import formats

COLUMNS = ("date", "page", "what_was_wrong", "what_the_page_says_now", "source")


def problems(log: pd.DataFrame, pages: Iterable[str]) -> list[str]:
    """Why a row cannot be published: a blank field, or a page that is not in the book.

    Each message names the CSV line (header = line 1) and the column."""
    pages = set(pages)
    out = []
    missing = [c for c in COLUMNS if c not in log.columns]
    if missing:
        return [f"data/corrections.csv: missing column(s) {', '.join(missing)}"]
    for i, row in log.reset_index(drop=True).iterrows():
        line = i + 2
        for col in COLUMNS:
            value = row[col]
            if pd.isna(value) or not str(value).strip():
                out.append(f"data/corrections.csv line {line}, column {col}: empty")
        if pd.notna(row["page"]) and str(row["page"]).strip() and row["page"] not in pages:
            out.append(f"data/corrections.csv line {line}, column page: "
                       f"{row['page']!r} is not a page of the book")
    return out


def _cell(text) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def log_markdown(log: pd.DataFrame) -> str:
    """The log as a MyST table, newest first, each page linked with ``{doc}``; a sentence
    when there is nothing to list."""
    if log.empty:
        return "No corrections yet."
    ordered = log.assign(_date=pd.to_datetime(log["date"]).dt.date.astype(str)) \
        .sort_values(["_date", "page"], ascending=[False, True], kind="stable")
    lines = ["| Date | Page | What was wrong | What the page says now | Source |",
             "|---|---|---|---|---|"]
    for _, row in ordered.iterrows():
        lines.append(
            f"| {formats.date(row['_date'])} | {{doc}}`{row['page']}` | {_cell(row['what_was_wrong'])} | "
            f"{_cell(row['what_the_page_says_now'])} | {_cell(row['source'])} |"
        )
    return "\n".join(lines)
