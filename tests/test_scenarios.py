"""Hand-worked tests for liberal_crisis.stories.scenarios (made-up polls, ridings and by-elections)."""
import numpy as np
import pandas as pd
import pytest

from liberal_crisis.stories import scenarios as sc

T = pd.Timestamp

POLLS = pd.DataFrame({
    "poll_id": ["a", "b", "c", "d"],
    "pollster": ["P1", "P2", "P1", "P3"],
    "end_date": [T("2024-01-05"), T("2024-01-20"), T("2024-03-10"), T("2024-03-12")],
})
SHARES = pd.DataFrame({
    "poll_id": ["a", "a", "a", "b", "b", "c", "c", "d", "d"],
    "party_code": ["LPC", "CPC", "OTH", "LPC", "CPC", "LPC", "CPC", "CPC", "NDP"],
    "share_pct": [30.0, 40.0, 5.0, 26.0, 44.0, 25.0, 35.0, 41.0, 20.0],
})


def long():
    return sc.poll_long(POLLS, SHARES, parties=["LPC", "CPC", "NDP"])


def test_poll_long_keeps_listed_parties_only():
    frame = long()
    assert len(frame) == 8  # OTH row dropped
    assert frame.loc[frame["poll_id"] == "d", "party_code"].tolist() == ["CPC", "NDP"]


def test_monthly_means_fill_empty_months_and_count_polls():
    m = sc.monthly_means(long()).set_index(["month", "party_code"])
    # January: LPC (30 + 26) / 2 = 28; CPC (40 + 44) / 2 = 42
    assert m.loc[(T("2024-01-01"), "LPC"), "mean_pct"] == pytest.approx(28.0)
    assert m.loc[(T("2024-01-01"), "CPC"), "n_polls"] == 2
    # February has no poll: NaN mean, 0 polls
    assert np.isnan(m.loc[(T("2024-02-01"), "LPC"), "mean_pct"])
    assert m.loc[(T("2024-02-01"), "LPC"), "n_polls"] == 0
    # March: LPC only in poll c (25); CPC (35 + 41) / 2 = 38
    assert m.loc[(T("2024-03-01"), "LPC"), "n_polls"] == 1
    assert m.loc[(T("2024-03-01"), "CPC"), "mean_pct"] == pytest.approx(38.0)


def test_monthly_lead_uses_only_polls_with_both_parties():
    lead = sc.monthly_lead(long()).set_index("month")
    # January: leads 10 and 18 -> 14; March: only poll c (35 - 25 = 10), d has no LPC
    assert lead.loc[T("2024-01-01"), "lead_pts"] == pytest.approx(14.0)
    assert lead.loc[T("2024-03-01"), "lead_pts"] == pytest.approx(10.0)
    assert lead.loc[T("2024-03-01"), "n_polls"] == 1
    assert lead.loc[T("2024-02-01"), "n_polls"] == 0


def test_polls_per_month_and_gaps():
    counts = sc.polls_per_month(POLLS)
    assert counts["n_polls"].tolist() == [2, 0, 2]
    gaps = sc.poll_gaps(POLLS["end_date"], min_days=30)
    # 20 Jan -> 10 Mar: 49 days strictly between; the other gaps are 14 and 1 days
    assert len(gaps) == 1
    assert gaps.loc[0, "days_without"] == 49
    assert gaps.loc[0, "after"] == T("2024-01-20")


def test_window_means():
    w = sc.window_means(long(), "2024-03-01", "2024-03-12")
    assert w.loc["CPC", "mean_pct"] == pytest.approx(38.0)
    assert w.loc["LPC", "n_polls"] == 1


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
    sw = sc.byelection_swings(BY, BASE).set_index("party_code")
    # before: LPC 50, CPC 30, NDP 20, OTH 0; after: CPC 45, LPC 35, NDP 10, OTH 10
    assert sw.loc["LPC", "change_pts"] == pytest.approx(-15.0)
    assert sw.loc["CPC", "change_pts"] == pytest.approx(15.0)
    assert sw.loc["OTH", "before_pct"] == pytest.approx(0.0)
    assert (sw["winner_party"] == "CPC").all()
    summary = sc.swing_summary(sc.byelection_swings(BY, BASE)).iloc[0]
    # Butler LPC -> CPC: (15 - (-15)) / 2 = 15
    assert summary["butler_to_winner_pts"] == pytest.approx(15.0)
    assert summary["butler_to_cpc_pts"] == pytest.approx(15.0)
    assert summary["base_change_pts"] == pytest.approx(-15.0)


def test_seat_scenarios():
    table = sc.seat_scenarios(BASE, sc.byelection_swings(BY, BASE), parties=["LPC", "CPC", "NDP"])
    seats = table.set_index(["scenario", "party_code"])["seats"]
    # no change: riding 1 LPC, 2 CPC, 3 CPC
    assert seats[("no change", "LPC")] == 1 and seats[("no change", "CPC")] == 2
    assert seats[("no change", "NDP")] == 0
    # uniform (LPC -15, CPC +15, NDP -10): riding 1 LPC 35 v CPC 45 -> CPC; all three CPC
    assert seats[("One (uniform)", "CPC")] == 3
    # proportional (LPC x0.7, CPC x1.5): riding 1 35 v 45 -> CPC; 2 28 v 67.5; 3 33.6 v 78
    assert seats[("One (proportional)", "LPC")] == 0
    assert set(table["method"]) == {"none", "uniform", "proportional"}


def test_majority():
    assert sc.majority(338) == 170
    assert sc.majority(343) == 172


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
    r = sc.defence_ranking(DEFENCES, highlight=["Delta"])
    # changes: Alpha -5, Bravo -20, Charlie +3, Delta -9
    assert r["riding"].tolist() == ["Bravo", "Delta", "Alpha", "Charlie"]
    assert r["position"].tolist() == [1, 2, 3, 4]
    assert r["outcome"].tolist() == ["Lost", "Lost (highlighted)", "Held", "Held"]
    losses = sc.losses_table(r)
    assert losses["riding"].tolist() == ["Bravo", "Delta"]


def test_held_since():
    winners = pd.DataFrame({
        "election_date": [T("1988-11-21"), T("1993-10-25"), T("1997-06-02"), T("2024-06-24")],
        "party_code": ["PC", "LPC", "LPC", "CPC"],
    })
    assert sc.held_since(winners, "LPC", "2024-06-24") == 1993
    with pytest.raises(ValueError):
        sc.held_since(winners, "LPC", "2025-01-01")


def test_source_kind_by_host():
    polls = pd.DataFrame({"source_url": [
        "https://en.wikipedia.org/wiki/Opinion_polling",
        "https://338canada.com/20250104-res.htm",
        "https://abacusdata.ca/some-release/",
        "https://www.ipsos.com/en-ca/x",
        "https://evdomada.ca/canada-news/copy",
        "https://notabacusdata.ca/x",
    ]})
    assert list(sc.source_kind(polls)) == [
        "Wikipedia table", "338Canada poll page", "pollster's release", "pollster's release",
        "news report or copy", "news report or copy"]


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
    got = sc.party_seats(SEATS, "LPC", "uniform")
    # A (56) is the kindest to the Liberals, B (55) next: "B is the mildest" would be false
    assert got.index.tolist() == ["A", "B", "C"] and got.tolist() == [56, 55, 3]
    with pytest.raises(KeyError):
        sc.party_seats(SEATS, "BQ", "uniform")


def test_lifted_compares_with_the_base_election_per_method():
    # uniform: only B lifts the NDP above 25 (C's 25 is no lift); proportional: B and C do
    assert sc.lifted(SEATS, "NDP", "uniform").to_dict() == {"B": 51}
    assert sc.lifted(SEATS, "NDP", "proportional").to_dict() == {"B": 45, "C": 30}
    assert sc.lifted(SEATS, "LPC", "uniform").empty


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
    losses = sc.losses_table(sc.defence_ranking(d, highlight=["Toronto--St. Paul's"]))
    assert losses[["riding", "held_since_year", "held_since_basis"]].values.tolist() == [
        ["Windsor West", 1968, "riding created"], ["Toronto--St. Paul's", 1993, "party change"]]
