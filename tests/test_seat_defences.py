"""Hand-worked tests for liberal_crisis.stories.seat_defences (made-up and real government defences)."""
import pandas as pd
import pytest

from liberal_crisis.stories import seat_defences

T = pd.Timestamp

DEFENCES = pd.DataFrame({
    "election_date": [T("2000-01-01"), T("2001-01-01"), T("2002-01-01"), T("2024-06-24")],
    "province": ["ON", "QC", "BC", "ON"],
    "riding": ["Alpha", "Bravo", "Charlie", "Delta"],
    "winner_party": ["LPC", "BQ", "LPC", "CPC"],
    "held_by_party": ["LPC", "LPC", "LPC", "LPC"],
    "government_party": ["LPC"] * 4,
    "gov_share_prev_pct": [50.0, 40.0, 30.0, 49.0],
    "gov_share_pct": [45.0, 20.0, 33.0, 40.0],
    "winner_share_pct": [45.0, 35.0, 33.0, 42.0],
    "held_since_year": [1988, 1993, 2000, 2015],
    "held_since_censored": [True, False, False, False],
})


def test_defence_ranking_sorts_by_fall_and_marks_outcomes():
    r = seat_defences.defence_ranking(DEFENCES, highlight=["Delta"])
    # changes: Alpha -5, Bravo -20, Charlie +3, Delta -9
    assert r["riding"].tolist() == ["Bravo", "Delta", "Alpha", "Charlie"]
    assert r["position"].tolist() == [1, 2, 3, 4]
    assert r["outcome"].tolist() == ["Lost", "Lost (highlighted)", "Held", "Held"]
    losses = seat_defences.losses_table(r)
    assert losses["riding"].tolist() == ["Bravo", "Delta"]


def test_held_since():
    winners = pd.DataFrame({
        "election_date": [T("1988-11-21"), T("1993-10-25"), T("1997-06-02"), T("2024-06-24")],
        "party_code": ["PC", "LPC", "LPC", "CPC"],
    })
    assert seat_defences.held_since(winners, "LPC", "2024-06-24") == 1993
    with pytest.raises(ValueError):
        seat_defences.held_since(winners, "LPC", "2025-01-01")


def test_defences_reaching_before_1988_keep_their_start_and_basis():
    # Windsor West: Liberal from 1968 (its first election under that name) to its loss at the
    # by-election of 13 May 2002; Toronto--St. Paul's: Liberal 1993-2024 (Library of Parliament)
    d = pd.DataFrame({
        "election_date": [T("2002-05-13"), T("2024-06-24")],
        "province": ["ON", "ON"], "riding": ["Windsor West", "Toronto--St. Paul's"],
        "winner_party": ["NDP", "CPC"], "held_by_party": ["LPC", "LPC"],
        "government_party": ["LPC", "LPC"], "gov_share_prev_pct": [54.21, 49.0],
        "gov_share_pct": [35.15, 40.0], "winner_share_pct": [42.69, 42.0],
        "held_since_year": [1968, 1993], "held_since_censored": [True, False],
        "held_since_basis": ["riding created", "party change"],
    })
    losses = seat_defences.losses_table(seat_defences.defence_ranking(d, highlight=["Toronto--St. Paul's"]))
    assert losses[["riding", "held_since_year", "held_since_basis"]].values.tolist() == [
        ["Windsor West", 1968, "riding created"], ["Toronto--St. Paul's", 1993, "party change"]]
