"""The corrections log: every row complete and naming a page of the book; the table a reader
sees lists each row, newest first, with the page linked; and (build test) each row's
``page_shows`` fragment is on the built page and its ``page_no_longer_shows`` is not."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import corrections

PAGES = sorted(p.stem for p in (REPO / "book").glob("*.md"))


def toy(**overrides):
    row = {"date": "2026-12-02", "page": "confidence", "what_was_wrong": "said 121 yeas",
           "what_the_page_says_now": "says 120 yeas", "source": "Journals No. 346",
           "page_shows": "defeated by 120 votes", "page_no_longer_shows": "", "superseded_by": ""}
    row.update(overrides)
    return pd.DataFrame([row])


def test_every_real_row_is_complete_and_names_a_page():
    log = data.load("corrections")
    assert list(log.columns) == list(corrections.COLUMNS)
    assert corrections.problems(log, PAGES) == []
    assert set(log["page"]) <= set(PAGES)
    for col in corrections.REQUIRED:
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


def test_blank_page_shows_is_refused_with_file_line_and_column():
    log = pd.concat([toy(), toy(what_was_wrong="said 122", page_shows=" ")], ignore_index=True)
    assert corrections.problems(log, ["confidence"]) == [
        "data/corrections.csv line 3, column page_shows: empty"]
    assert corrections.problems(toy(page_shows=None), ["confidence"]) == [
        "data/corrections.csv line 2, column page_shows: empty"]
    assert corrections.problems(toy(page_shows="defeated "), ["confidence"]) == [
        "data/corrections.csv line 2, column page_shows: leading or trailing space"]
    # the two optional columns may be blank, but the columns must exist
    assert corrections.problems(toy(page_no_longer_shows=None, superseded_by=None),
                                ["confidence"]) == []
    assert corrections.problems(toy().drop(columns="page_shows"), ["confidence"]) == [
        "data/corrections.csv: missing column(s) page_shows"]


def test_superseded_by_names_exactly_one_row_of_the_same_day_or_later():
    later = toy(date="2026-12-05", what_was_wrong="Said 120 yeas: Journals give 121")
    ok = pd.concat([toy(superseded_by="2026-12-05 confidence: Said 120 yeas"), later],
                   ignore_index=True)
    assert corrections.problems(ok, ["confidence"]) == []
    nowhere = toy(superseded_by="2026-12-05 confidence: Said 999")
    assert corrections.problems(nowhere, ["confidence"]) == [
        "data/corrections.csv line 2, column superseded_by: '2026-12-05 confidence: Said 999' "
        "names 0 other rows, not exactly one ('YYYY-MM-DD page: start of its what_was_wrong')"]
    earlier = pd.concat([toy(superseded_by="2026-12-01 confidence: said"),
                         toy(date="2026-12-01")], ignore_index=True)
    assert corrections.problems(earlier, ["confidence"]) == [
        "data/corrections.csv line 2, column superseded_by: line 3 is dated before this row"]


PAGE = """<html><body><nav>defeated by 120 votes in the menu</nav><article>
<h1>Confidence</h1><p>The motion was <span>defeated by 120&nbsp;votes</span>, on the
Speaker’s casting vote, a change of −3.1 points.</p>
<figure><p class="lc-title">Every party voted</p><p class="lc-subtitle">as reported</p>
<div class="lc-chart">defeated by 121 votes</div></figure>
<table><thead><tr><th>Party</th><th>Votes</th></tr></thead><tbody><tr><td>Liberal</td><td>152</td></tr></tbody></table>
<div class="lc-corrections-log docutils container"><dl><dt>1 December 2026</dt><dd>old wording</dd></dl></div>
<p><a href="https://example.org/release">the release</a></p>
<script>var s = "old wording";</script></article></body></html>"""


def test_page_text_is_what_a_reader_reads_normalised():
    text = corrections.page_text(PAGE)
    assert "defeated by 120 votes, on the Speaker's casting vote, a change of -3.1 points" in text
    assert "Every party voted as reported" in text  # chart title and subtitle, as separate blocks
    assert "Liberal 152" in text  # table cells, separated
    assert "old wording" not in text  # neither the rendered log nor scripts
    assert "121" not in text and "menu" not in text  # nor the chart canvas, nor the navigation
    assert corrections.page_links(PAGE) == {"https://example.org/release"}


def test_page_problems_name_the_line_and_column():
    texts = {"confidence": corrections.page_text(PAGE)}
    links = {"confidence": corrections.page_links(PAGE)}
    good = pd.concat([toy(page_shows="Speaker's casting vote", page_no_longer_shows="by 121"),
                      toy(page_shows="a change of −3.1 points"),  # typed with a minus sign
                      toy(page_shows="https://example.org/release")], ignore_index=True)
    assert corrections.page_problems(good, texts, links) == []
    bad = pd.concat([toy(page_shows="defeated by 121 votes"),
                     toy(page_no_longer_shows="Every party voted"),
                     toy(page="the-pact"),
                     toy(page_shows="https://example.org/other")], ignore_index=True)
    assert corrections.page_problems(bad, texts, links) == [
        "data/corrections.csv line 2, column page_shows: 'defeated by 121 votes' is not on the "
        "page confidence",
        "data/corrections.csv line 3, column page_no_longer_shows: 'Every party voted' is still "
        "on the page confidence",
        "data/corrections.csv line 4, column page: no built page 'the-pact'",
        "data/corrections.csv line 5, column page_shows: 'https://example.org/other' is not on "
        "the page confidence",
    ]


def test_a_split_page_s_rows_are_found_on_the_pages_that_took_its_parts():
    """The methods page's data dictionary became a page of its own: a row written for the
    methods page keeps its page and is looked for on both (``corrections.SPLITS``)."""
    texts = {"methods": "Definitions: a share is votes over valid votes.",
             "data-dictionary": "Turnout checks: 43.5% (Toronto–St. Paul's).",
             "corrections": ""}
    moved = toy(page="methods", page_shows="43.5%", page_no_longer_shows="43.52%")
    assert corrections.page_problems(moved, texts) == []
    assert corrections.page_problems(moved, texts, splits={}) == [
        "data/corrections.csv line 2, column page_shows: '43.5%' is not on the page methods"]
    stale = toy(page="methods", page_shows="a share is", page_no_longer_shows="Turnout checks")
    assert corrections.page_problems(stale, texts) == [
        "data/corrections.csv line 2, column page_no_longer_shows: 'Turnout checks' is still on "
        "the page methods"]
    # a fragment is not found across the end of one page and the start of the next
    across = toy(page="methods", page_shows="valid votes. Turnout")
    assert len(corrections.page_problems(across, texts)) == 1
    missing = {k: v for k, v in texts.items() if k != "data-dictionary"}
    assert corrections.page_problems(moved, missing) == [
        "data/corrections.csv line 2, column page: no built page 'data-dictionary'"]
    assert corrections.pages_now("methods") == ("methods", "data-dictionary", "corrections")
    assert corrections.pages_now("confidence") == ("confidence",)


@pytest.mark.build
def test_every_row_shows_on_its_built_page(built_site):
    """Each row's page_shows is in the named page's text as built (its page_no_longer_shows is
    not): a row cannot claim a wording the page does not show. Quick run on an existing build:
    LIBERAL_CRISIS_SITE=_build/html pytest -m build tests/test_corrections.py"""
    log = data.load("corrections")
    texts, links = {}, {}
    pages = {now for page in log["page"] for now in corrections.pages_now(page)}
    for page in sorted(pages | {"references"}):
        html = (built_site / "book" / f"{page}.html").read_text(encoding="utf-8")
        texts[page], links[page] = corrections.page_text(html), corrections.page_links(html)
    problems = corrections.page_problems(log, texts, links)
    assert problems == [], "\n".join(problems)


def test_log_markdown_lists_rows_newest_first_with_page_links():
    """A dated list (a term per entry: date and page; then what was wrong, what the page says
    now and the source), not a five-column table whose narrow columns broke page names."""
    log = pd.concat([toy(date="2026-12-01", page="the-pact"),
                     toy(what_was_wrong="a | pipe\n and  more", page="aftermath"),
                     toy(what_was_wrong="later in the alphabet")], ignore_index=True)
    text = corrections.log_markdown(log)
    assert text.splitlines()[0] == "````{container} lc-corrections-log"
    assert text.endswith("\n````")
    assert text.count("\n: *What was wrong:* ") == 3
    entry = text.split("\n\n", 1)[1].split("\n\n")
    assert entry[:3] == ["2 December 2026 · {doc}`aftermath`\n: *What was wrong:* a | pipe and more",
                         "  *What it says now:* says 120 yeas", "  *Source:* Journals No. 346"]
    terms = [line for line in text.splitlines() if " · {doc}" in line]
    assert terms == ["2 December 2026 · {doc}`aftermath`", "2 December 2026 · {doc}`confidence`",
                     "1 December 2026 · {doc}`the-pact`"]  # newest first, then by page


def test_prose_numbers_count_the_rows_and_date_the_split():
    assert corrections.prose_numbers(pd.concat([toy(), toy()])) == {
        "corr_n": "2", "corr_split_date": "7 December 2026"}


def test_empty_log_says_so():
    assert corrections.log_markdown(toy().iloc[0:0]) == "No corrections yet."


def test_superseded_by_finds_a_row_of_the_typed_log():
    # data.load() reads dates as Timestamps; the reference is written as the CSV's ISO date.
    log = data.load("corrections")
    pairs = log[log["superseded_by"].fillna("").str.strip() != ""]
    assert len(pairs) >= 2
    assert corrections.problems(log, PAGES) == []
