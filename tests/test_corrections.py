"""The corrections log: every row complete and naming a page of the book; the table a reader
sees lists each row, newest first, with the page linked."""

from __future__ import annotations

import pandas as pd

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import corrections

PAGES = sorted(p.stem for p in (REPO / "book").glob("*.md"))


def toy(**overrides):
    row = {"date": "2026-12-02", "page": "confidence", "what_was_wrong": "said 121 yeas",
           "what_the_page_says_now": "says 120 yeas", "source": "Journals No. 346"}
    row.update(overrides)
    return pd.DataFrame([row])


def test_every_real_row_is_complete_and_names_a_page():
    log = data.load("corrections")
    assert list(log.columns) == list(corrections.COLUMNS)
    assert corrections.problems(log, PAGES) == []
    assert set(log["page"]) <= set(PAGES)
    for col in corrections.COLUMNS:
        assert log[col].notna().all(), col
        assert (log[col].astype(str).str.strip() != "").all(), col


def test_blank_field_and_unknown_page_are_named_with_line_and_column():
    assert corrections.problems(toy(), ["confidence"]) == []
    assert corrections.problems(toy(source="  "), ["confidence"]) == [
        "data/corrections.csv line 2, column source: empty"]
    assert corrections.problems(toy(page="the-pakt"), ["confidence"]) == [
        "data/corrections.csv line 2, column page: 'the-pakt' is not a page of the book"]
    assert corrections.problems(toy().drop(columns="source"), ["confidence"]) == [
        "data/corrections.csv: missing column(s) source"]


def test_log_markdown_lists_rows_newest_first_with_page_links():
    log = pd.concat([toy(date="2026-12-01", page="the-pact"),
                     toy(what_was_wrong="a | pipe")], ignore_index=True)
    lines = corrections.log_markdown(log).splitlines()
    assert lines[0].startswith("| Date | Page |")
    assert len(lines) == 4
    assert lines[2].startswith("| 2 December 2026 | {doc}`confidence` | a \\| pipe |")
    assert lines[3].startswith("| 1 December 2026 | {doc}`the-pact` |")


def test_empty_log_says_so():
    assert corrections.log_markdown(toy().iloc[0:0]) == "No corrections yet."
