"""The national-picture chapter's module: figures typed from data/*.csv, never from the code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import national_picture


@pytest.fixture(scope="module")
def tables():
    polls, shares = data.load("polls"), data.load("poll_shares")
    return polls, shares, national_picture.summaries(polls, shares)


@pytest.fixture(scope="module")
def numbers(tables):
    polls, shares, summary = tables
    return national_picture.prose_numbers(
        polls, shares, data.load("ge2025_national").set_index("party_code"), summary)


def test_the_sample(numbers):
    # polls.csv: 541 rows, 23 pollsters, end dates 20 October 2021 to 27 April 2025; 214 rows
    # from the sjwild scrape (the last ending 31 May 2024), 327 from the full table; one row's
    # note says its shares are the release's (Abacus Data, 18 August 2024)
    assert (numbers["nat_n_polls"], numbers["nat_n_pollsters"]) == ("541", "23")
    assert (numbers["nat_first_date"], numbers["nat_last_date"]) == (
        "20 October 2021", "27 April 2025")
    assert (numbers["nat_n_sjwild"], numbers["nat_n_table"]) == ("214", "327")
    assert numbers["nat_sjwild_last"] == "31 May 2024"
    assert numbers["nat_n_release_shares"] == "1 poll"
    assert numbers["nat_release_polls"] == "Abacus Data's of 18 August 2024"


def test_the_final_week_against_the_result(numbers):
    # polls.csv: 43 polls ending 21 to 27 April 2025, 17 pollsters; poll_shares.csv, their means:
    # LPC 42.553, CPC 38.972 (a lead of 3.58), NDP 8.358. ge2025_national.csv: LPC 43.76 %,
    # CPC 41.31 %, NDP 6.29 %; 343 seats, of which 172 make a majority.
    assert numbers["nat_fw_n"] == "43"
    assert (numbers["nat_fw_first"], numbers["nat_fw_last"]) == ("21 April 2025", "27 April 2025")
    assert len(numbers["nat_fw_pollsters"].split(", ")) == 17
    assert (numbers["nat_fw_lpc"], numbers["nat_fw_cpc"]) == ("42.6", "39.0")
    assert numbers["nat_fw_lib_lead"] == "3.6"
    assert (numbers["nat_res_lpc"], numbers["nat_res_cpc"]) == ("43.8", "41.3")
    assert numbers["nat_res_lib_lead"] == "2.5"  # 43.8 - 41.3, as printed
    assert (numbers["nat_res_seats"], numbers["nat_res_majority"]) == ("343", "172")
    assert (numbers["nat_err_lpc"], numbers["nat_err_ndp"]) == ("1.2", "2.1")  # 43.76 - 42.55


def test_the_final_week_chart_table(tables):
    _, _, summary = tables
    compare = national_picture.final_week(
        summary["final"], data.load("ge2025_national").set_index("party_code"))
    row = compare.set_index("party_code").loc["PPC"]
    # poll_shares.csv: 38 of the 43 final-week polls give a PPC share (mean 1.426);
    # ge2025_national.csv: 0.697 %
    assert int(row["final_week_polls_n"]) == 38
    assert round(float(row["final_week_polls_pct"]), 3) == 1.426
    assert round(float(row["result_pct"]), 3) == 0.697


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(nat_\w+)`",
                          (REPO / "book" / "national-picture.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
    assert all(isinstance(v, str) for v in numbers.values())
