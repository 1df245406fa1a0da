"""Hand-worked tests for liberal_crisis.stories.caucus_story."""
import pandas as pd
import pytest

from liberal_crisis.stories import caucus_story as cs


def test_day_label():
    assert cs.day_label("2024-10-01") == "1 October 2024"
    assert cs.day_label(pd.Timestamp("2024-09-25")) == "25 September 2024"


def test_vote_arithmetic():
    votes = pd.DataFrame({
        "vote_date": pd.to_datetime(["2024-10-01", "2024-09-25"]),
        "yeas": [120, 120],
        "nays": [207, 211],
    })
    out = cs.vote_arithmetic(votes)
    # sorted oldest first
    assert list(out["label"]) == ["25 September 2024", "1 October 2024"]
    # 120 + 211 = 331 voting; 331 // 2 + 1 = 166 yeas needed; 211 - 120 = 91
    assert out.loc[0, "voting"] == 331
    assert out.loc[0, "needed_to_carry"] == 166
    assert out.loc[0, "margin"] == 91
    # 120 + 207 = 327; 327 // 2 + 1 = 164; even total: 10 + 10 = 20 -> 11 needed
    assert out.loc[1, "needed_to_carry"] == 164
    even = cs.vote_arithmetic(pd.DataFrame({"vote_date": [pd.Timestamp("2024-01-01")],
                                            "yeas": [10], "nays": [10]}))
    assert even.loc[0, "needed_to_carry"] == 11 and even.loc[0, "margin"] == 0


def test_position_grid_shows_gaps_and_keeps_basis():
    by_party = pd.DataFrame({
        "vote_date": pd.to_datetime(["2024-10-01", "2024-12-09"]),
        "party_code": ["LPC", "BQ"],
        "position": ["nay", "yea"],
        "basis": ["reported", "inferred_from_tally"],
    })
    grid = cs.position_grid(by_party, ["2024-12-09", "2024-10-01"], ["LPC", "BQ"])
    assert len(grid) == 4
    assert list(grid["label"]) == ["1 October 2024", "1 October 2024", "9 December 2024", "9 December 2024"]
    rows = grid.set_index(["label", "party_code"])
    assert rows.loc[("1 October 2024", "LPC"), "position"] == "nay"
    assert rows.loc[("1 October 2024", "BQ"), "position"] == cs.NOT_REPORTED
    assert rows.loc[("1 October 2024", "BQ"), "basis"] == "none"
    assert rows.loc[("9 December 2024", "BQ"), "basis"] == "inferred_from_tally"


def test_seat_sum():
    standings = pd.DataFrame({
        "as_of": pd.to_datetime(["2024-12-09"] * 3 + ["2021-09-20"]),
        "party_code": ["CPC", "BQ", "NDP", "CPC"],
        "seats": [119, 33, 25, 119],
    })
    assert cs.seat_sum(standings, "2024-12-09", ["CPC", "BQ"]) == 152
    assert cs.seat_sum(standings, "2024-12-09", ["CPC", "BQ", "NDP"]) == 177
    with pytest.raises(KeyError):
        cs.seat_sum(standings, "2024-12-09", ["GPC"])
    with pytest.raises(KeyError):
        cs.seat_sum(standings, "2025-01-01", ["CPC"])


def test_pledge_ranges():
    reports = pd.DataFrame({
        "report_date": pd.to_datetime(["2024-10-23", "2024-10-11", "2024-10-11"]),
        "count_low": pd.array([24, 30, 20], dtype="Int64"),
        "count_high": pd.array([24, 40, pd.NA], dtype="Int64"),
        "measure": ["signed", "willing", "signed"],
        "reported_by": ["The Hill Times; CBC", "Toronto Star", "CBC News"],
    })
    out = cs.pledge_ranges(reports, 153)
    assert list(out["measure"]) == ["signed", "willing", "signed"]  # by date, then measure
    floor = out.iloc[0]
    assert bool(floor["is_floor"]) and floor["high_shown"] == 20
    assert floor["label"] == "11 October 2024, CBC News: said to have signed"
    star = out.iloc[1]
    assert not star["is_floor"] and star["high_shown"] == 40
    # 30 / 153 = 19.608 %, 40 / 153 = 26.144 %
    assert star["low_pct"] == pytest.approx(19.608, abs=1e-3)
    assert star["high_pct"] == pytest.approx(26.144, abs=1e-3)
    # 24 / 153 = 15.686 %; only the first outlet of a list is kept in the label
    assert out.iloc[2]["low_pct"] == pytest.approx(15.686, abs=1e-3)
    assert out.iloc[2]["label"].startswith("23 October 2024, The Hill Times:")


def test_caucus_rules_drops_other_units():
    rules = pd.DataFrame({
        "rule": ["a", "b", "c", "d", "e"],
        "threshold_basis": [
            "share of caucus members signing the notice",
            "share of riding-weighted points (100 per riding) needed to stay on",
            "share of Conservative MPs",
            "share of the federal parliamentary party room (two-thirds)",
            "share of votes cast by party members",
        ],
        "threshold_pct": [20, 50, 15, 66.67, 50],
    })
    assert list(cs.caucus_rules(rules)["rule"]) == ["a", "c", "d"]


def test_rule_label():
    assert cs.rule_label(
        "Canada: Reform Act (Parliament of Canada Act s. 49.1-49.8)",
        "Written notice that triggers a caucus leadership review",
    ) == "Canada: Reform Act: notice to trigger a review"
    assert cs.rule_label(
        "Australia: Labor Party (2013 Rudd caucus rules)",
        "Caucus petition that forces a leadership ballot while Labor is in opposition",
    ) == "Australia: Labor Party: petition to force a ballot (in opposition)"
    assert cs.rule_label("X", "Party-room vote needed to replace a leader").endswith(
        "vote to remove the leader")
    assert cs.rule_label("UK: Conservatives (1922)", "Letters that trigger a confidence vote",
                         sep="<br>") == "UK: Conservatives<br>letters to trigger a confidence vote"


def test_waffle():
    sq = cs.waffle([("signed", 3), ("rest", 4)], columns=3)
    assert len(sq) == 7
    assert list(sq["group"]) == ["signed"] * 3 + ["rest"] * 4
    # unit 4 starts the second row: x 0, y -1; unit 7 is the third row's first square
    assert (sq.loc[3, "x"], sq.loc[3, "y"]) == (0, -1)
    assert (sq.loc[6, "x"], sq.loc[6, "y"]) == (0, -2)
    # 153 MPs in 17 columns fill exactly 9 rows
    big = cs.waffle([("a", 24), ("b", 129)], columns=17)
    assert big["y"].min() == -8 and big["x"].max() == 16
    with pytest.raises(ValueError):
        cs.waffle([("a", 1)], columns=0)


def test_timeline_rows_and_markdown():
    timeline = pd.DataFrame({
        "date": pd.to_datetime(["2024-10-23", "2024-10-08", "2024-12-16", "2024-10-11"]),
        "event": ["Meeting | letter", "Leaves", "Freeland", "Report"],
        "category": ["caucus", "government", "government", "parliament"],
    })
    rows = cs.timeline_rows(timeline, ["caucus", "government"], "2024-10-01", "2024-10-31")
    assert list(rows["event"]) == ["Leaves", "Meeting | letter"]
    assert list(rows["day"]) == ["8 October 2024", "23 October 2024"]
    listing = cs.markdown_list(rows, "day", "event")
    assert listing.splitlines() == ["- **8 October 2024**: Leaves", "- **23 October 2024**: Meeting | letter"]
