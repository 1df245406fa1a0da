"""Margins of single contests, validated and as reported on election night."""

from __future__ import annotations

import pandas as pd

from liberal_crisis.stories import byelections


def test_margin_ignores_pooled_candidates_and_measures_points_of_the_valid_vote():
    rows = pd.DataFrame({
        "candidate": ["A", "Other candidates", "B"],
        "party_code": ["CPC", "OTH", "LPC"],
        "votes": [500, 600, 400],
    })
    got = byelections.margin(rows)
    # The pooled row has the most votes but is no candidate: A beats B by 100 of 1,500 (6.67 pts).
    assert (got["winner"], got["runner_up"], got["margin_votes"]) == ("A", "B", 100)
    assert round(got["margin_pts"], 2) == 6.67


def test_reported_margin_ignores_pooled_rows_and_needs_two_candidates():
    prelim = pd.DataFrame({
        "riding": ["R", "R", "R", "S"],
        "party_code": ["CPC", "LPC", "OTH", "CPC"],
        "votes": [15555, 14965, 20000, 9931],
    })
    assert byelections.reported_margin(prelim, "R") == 590
    assert byelections.reported_margin(prelim, "S") is None


def test_under_share_counts_the_pool_and_a_small_party_kept_out_of_it():
    rows = pd.DataFrame({
        "candidate": ["A", "B", "P", "Other candidates"],
        "party_code": ["CPC", "LPC", "PPC", "OTH"],
        "votes": [600, 370, 5, 25],  # 1,000 votes: P 0.5 % (kept out of the pool), OTH 3 people
        "candidates_aggregated": [1, 1, 1, 3],
    })
    got = byelections.under_share(rows)
    assert got == {"candidates": 4, "votes": 30, "pooled_candidates": 3}
    # a kept party above the threshold is not counted
    rows.loc[2, "votes"] = 50
    assert byelections.under_share(rows)["candidates"] == 3
