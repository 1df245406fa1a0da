"""Shares are rounded once, for display, from the votes: never rounded in the data and then
again on the page (27.346 → 27.35 → "27.4", where the votes give 27.3)."""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup

from liberal_crisis.stories import formats

# Columns the page prints at formats.PCT_DECIMALS (see formats.cell).
PERCENT = re.compile(r"(_pct|_pts)$|^(share|lead|swing)$")
# A value stored at exactly two decimals ending in 5 was rounded before it reached the page:
# printed at one decimal it rounds a second time, and may go the wrong way.
PRE_ROUNDED = re.compile(r"-?\d+\.\d5")
# Values that can end in 5 at the second decimal without any rounding: a monthly mean of
# published one-decimal poll shares (and the difference of two) is exact at two decimals.
EXACT_MEANS = {("national-picture-lead.csv", "lead_pts")}


def test_the_page_prints_shares_at_one_decimal():
    # The rule the pre-rounding check relies on: a second rounding happens at one decimal.
    assert formats.PCT_DECIMALS == 1


def _figure_rows(page: BeautifulSoup, name: str) -> list[dict]:
    figure = page.select_one(f"#fig-{name}")
    assert figure is not None, f"no chart {name}"
    table = figure.find("table")
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    return [dict(zip(heads, [td.get_text(" ", strip=True) for td in tr.select("td")]))
            for tr in table.select("tbody tr")]


@pytest.mark.build
def test_no_chart_carries_a_share_rounded_before_the_page_rounds_it(built_site):
    charts = sorted((built_site / "_downloads" / "charts").glob("*.csv"))
    assert len(charts) > 20
    bad = []
    for path in charts:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                for column, value in row.items():
                    if (path.name, column) in EXACT_MEANS:
                        continue
                    if PERCENT.search(column or "") and PRE_ROUNDED.fullmatch(value or ""):
                        bad.append(f"{path.name} line {line}, column {column}: {value}")
    assert not bad, "values rounded to two decimals before display:\n" + "\n".join(bad[:20])


# LaSalle–Émard–Verdun, validated counts (Library of Parliament; Elections Canada 2025):
# 16 September 2024, Liberal 8,656 of 31,654 valid votes = 27.346 % -> 27.3;
# 28 April 2025, Bloc 11,467 of 53,953 = 21.254 % -> 21.3.
LEV_2024_LPC = "27.3"
LEV_2025_BQ = "21.3"


@pytest.mark.build
@pytest.mark.parametrize("page_name, chart, match, column", [
    ("lasalle-emard-verdun", "lasalle-emard-verdun-shares",
     {"Contest": "2024 by-election", "Party": "Liberal"}, "Share of valid votes (%)"),
    ("lasalle-emard-verdun", "lasalle-emard-verdun-2024-result", {"Party": "Liberal"},
     "Share of valid votes (%)"),
    ("aftermath", "aftermath-retaken-ridings",
     {"Riding": "LaSalle–Émard–Verdun", "Contest": "2024 by-election"},
     "Share of valid votes (%)"),
    ("what-if", "what-if-swings",
     {"Contest": "LaSalle–Émard–Verdun (16 September 2024)", "Party": "Liberal"}, "After (%)"),
    ("what-if", "what-if-defences",
     {"Riding": "LaSalle–Émard–Verdun", "Date of the election": "16 September 2024"},
     "Government share (%)"),
])
def test_the_2024_liberal_share_in_lasalle_reads_27_3_in_every_chart_table(
        built_site, page_name, chart, match, column):
    assert _cell(built_site, page_name, chart, match, column) == LEV_2024_LPC


@pytest.mark.build
def test_the_2025_bloc_share_in_lasalle_reads_21_3(built_site):
    assert _cell(built_site, "lasalle-emard-verdun", "lasalle-emard-verdun-shares",
                 {"Contest": "2025 general election", "Party": "Bloc Québécois"},
                 "Share of valid votes (%)") == LEV_2025_BQ


def _cell(built_site, page_name, chart, match, column) -> str:
    page = BeautifulSoup((built_site / "book" / f"{page_name}.html").read_text(encoding="utf-8"),
                         "html.parser")
    rows = [r for r in _figure_rows(page, chart) if all(r.get(k) == v for k, v in match.items())]
    assert len(rows) == 1, (chart, match, rows)
    return rows[0][column]
