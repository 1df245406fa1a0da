"""Hand-worked tests for liberal_crisis.stories.swing_illustrations (made-up ridings and by-elections)."""
import pandas as pd
import pytest

from liberal_crisis.stories import swing_illustrations as si

T = pd.Timestamp

# By-elections: two made-up ridings at a general election, one by-election in riding 1.
BASE = pd.DataFrame({
    "riding_number": [1, 1, 1, 2, 2, 2, 3, 3],
    "party_code": ["LPC", "CPC", "NDP", "LPC", "CPC", "NDP", "LPC", "CPC"],
    "votes": [50, 30, 20, 40, 45, 15, 48, 52],
})
BY = pd.DataFrame({
    "riding": ["One"] * 4,
    "riding_number": [1] * 4,
    "election_date": [T("2024-06-24")] * 4,
    "party_code": ["CPC", "LPC", "NDP", "OTH"],
    "votes": [45, 35, 10, 10],
})


def test_byelection_swings_and_summary():
    sw = si.byelection_swings(BY, BASE).set_index("party_code")
    # before: LPC 50, CPC 30, NDP 20, OTH 0; after: CPC 45, LPC 35, NDP 10, OTH 10
    assert sw.loc["LPC", "change_pts"] == pytest.approx(-15.0)
    assert sw.loc["CPC", "change_pts"] == pytest.approx(15.0)
    assert sw.loc["OTH", "before_pct"] == pytest.approx(0.0)
    assert (sw["winner_party"] == "CPC").all()
    summary = si.swing_summary(si.byelection_swings(BY, BASE)).iloc[0]
    # Butler LPC -> CPC: (15 - (-15)) / 2 = 15
    assert summary["butler_to_winner_pts"] == pytest.approx(15.0)
    assert summary["butler_to_cpc_pts"] == pytest.approx(15.0)
    assert summary["base_change_pts"] == pytest.approx(-15.0)


def test_seat_scenarios():
    table = si.seat_scenarios(BASE, si.byelection_swings(BY, BASE), parties=["LPC", "CPC", "NDP"])
    seats = table.set_index(["scenario", "party_code"])["seats"]
    # no change: riding 1 LPC, 2 CPC, 3 CPC
    assert seats[("no change", "LPC")] == 1 and seats[("no change", "CPC")] == 2
    assert seats[("no change", "NDP")] == 0
    # uniform (LPC -15, CPC +15, NDP -10): riding 1 LPC 35 v CPC 45 -> CPC; all three CPC
    assert seats[("One (uniform)", "CPC")] == 3
    # proportional (LPC x0.7, CPC x1.5): riding 1 35 v 45 -> CPC; 2 28 v 67.5; 3 33.6 v 78
    assert seats[("One (proportional)", "LPC")] == 0
    assert set(table["method"]) == {"none", "uniform", "proportional"}


SEATS = pd.DataFrame([
    ("no change", None, "none", "LPC", 160), ("no change", None, "none", "NDP", 25),
    ("A (uniform)", "A", "uniform", "LPC", 56), ("A (uniform)", "A", "uniform", "NDP", 20),
    ("B (uniform)", "B", "uniform", "LPC", 55), ("B (uniform)", "B", "uniform", "NDP", 51),
    ("C (uniform)", "C", "uniform", "LPC", 3), ("C (uniform)", "C", "uniform", "NDP", 25),
    ("A (proportional)", "A", "proportional", "LPC", 59), ("A (proportional)", "A", "proportional", "NDP", 22),
    ("B (proportional)", "B", "proportional", "LPC", 40), ("B (proportional)", "B", "proportional", "NDP", 45),
    ("C (proportional)", "C", "proportional", "LPC", 9), ("C (proportional)", "C", "proportional", "NDP", 30),
], columns=["scenario", "riding", "method", "party_code", "seats"])


def test_party_seats_orders_the_illustrations_for_one_party():
    got = si.party_seats(SEATS, "LPC", "uniform")
    # A (56) is the kindest to the Liberals, B (55) next: "B is the mildest" would be false
    assert got.index.tolist() == ["A", "B", "C"] and got.tolist() == [56, 55, 3]
    with pytest.raises(KeyError):
        si.party_seats(SEATS, "BQ", "uniform")


def test_lifted_compares_with_the_base_election_per_method():
    # uniform: only B lifts the NDP above 25 (C's 25 is no lift); proportional: B and C do
    assert si.lifted(SEATS, "NDP", "uniform").to_dict() == {"B": 51}
    assert si.lifted(SEATS, "NDP", "proportional").to_dict() == {"B": 45, "C": 30}
    assert si.lifted(SEATS, "LPC", "uniform").empty
