"""The opening page's module (book/index.md): figures typed from the CSVs, never from the code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import overview


@pytest.fixture(scope="module")
def numbers():
    lead = overview.poll_lead(data.load("polls"), data.load("poll_shares"))
    return overview.prose_numbers(
        data.load("byelection_results_2024"), data.load("byelection_preliminary_2024"),
        data.load("confidence_votes"), data.load("pledge_reports"), data.load("caucus_size"),
        data.load("ge2025_national"), data.load("house_snapshots"), lead)


def test_the_page_s_figures(numbers):
    # byelection_results_2024.csv: 15565 - 14932 = 633 (Toronto–St. Paul's), 8925 - 8656 = 269
    # (LaSalle–Émard–Verdun); confidence_votes.csv, 25 September: 211 nays, 120 yeas;
    # pledge_reports.csv: 20 then 24 signed, of 153 (caucus_size.csv), 15.7 %;
    # ge2025_national.csv: LPC 169, CPC 144; house_snapshots.csv: 343 seats, 172 a majority.
    assert (numbers["ov_tsp_margin"], numbers["ov_lev_margin"]) == ("633", "269")
    assert (numbers["ov_vote_nays"], numbers["ov_vote_yeas"]) == ("211", "120")
    assert (numbers["ov_signed_first"], numbers["ov_signed"], numbers["ov_caucus"],
            numbers["ov_signed_pct"]) == ("20", "24", "153", "15.7")
    assert (numbers["ov_lpc_seats"], numbers["ov_cpc_seats"]) == ("169", "144")
    assert (numbers["ov_house"], numbers["ov_majority"]) == ("343", "172")


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(ov_\w+)`",
                          (REPO / "book" / "index.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
