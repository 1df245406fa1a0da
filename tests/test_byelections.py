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
