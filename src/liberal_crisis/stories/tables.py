"""Tables in the text that fit their column, on a desktop and on a phone.

``stacked_html(frame)`` writes a DataFrame as an HTML table of class ``lc-stack``: its first
column is the key (a row header, ``<th scope="row">``), every cell carries its column's header
(``data-label``), and the columns named in ``nowrap`` never break inside a cell (a tally such as
"116–204" stays on one line). On a desktop it is an ordinary table as wide as the column; below
the phone breakpoint (``site.css``, ``.lc-stack``) each row becomes a card: the key first, then
each cell under its header, so no column is ever off-screen or hidden in a scroll box.

Cells are text, escaped; a column named in ``markup`` holds HTML the chapter wrote (a link).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd


def stacked_html(frame: pd.DataFrame, nowrap: Iterable[str] = (), markup: Iterable[str] = (),
                 caption: str | None = None) -> str:
    """The table as HTML (class ``lc-stack``), its first column the key of each row."""
    nowrap, markup = set(nowrap), set(markup)
    unknown = (nowrap | markup) - set(frame.columns)
    if unknown:
        raise KeyError(f"no column(s) {sorted(unknown)} in the table")

    def cell(tag: str, column: str, value, scope: str = "") -> str:
        text = str(value) if column in markup else html.escape(str(value))
        attrs = f' scope="{scope}"' if scope else ""
        attrs += f' data-label="{html.escape(str(column))}"'
        if column in nowrap:
            attrs += ' class="lc-nowrap"'
        # a data cell's value in one box: on a phone it sits beside its header (site.css)
        if tag == "td":
            text = f"<span>{text}</span>"
        return f"<{tag}{attrs}>{text}</{tag}>"

    wrap = {c: ' class="lc-nowrap"' if c in nowrap else "" for c in frame.columns}
    head = "".join(f'<th scope="col"{wrap[c]}>{html.escape(str(c))}</th>' for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False, name=None):
        cells = [cell("th", frame.columns[0], values[0], "row")]
        cells += [cell("td", c, v) for c, v in zip(frame.columns[1:], values[1:])]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<table class="table lc-stack">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
