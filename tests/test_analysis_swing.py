"""Hand-worked tests for liberal_crisis.analysis.swing."""
import pandas as pd
import pytest

from liberal_crisis.analysis.swing import (
    butler_swing,
    compare_shares,
    share_change,
    shares,
)


def votes(rows, riding=None):
    df = pd.DataFrame(rows, columns=["party_code", "votes"])
    if riding is not None:
        df.insert(0, "riding_number", riding)
    return df


def test_shares_wide_fills_absent_with_zero_and_sums_duplicate_codes():
    df = pd.concat([
        votes([("LPC", 300), ("CPC", 100), ("IND", 50), ("IND", 50)], riding=1),  # 500 votes
        votes([("CPC", 150), ("NDP", 50)], riding=2),                               # 200 votes
    ])
    w = shares(df)
    # riding 1: LPC 300/500 = 60, CPC 100/500 = 20, IND (50+50)/500 = 20, NDP absent = 0
    # riding 2: CPC 150/200 = 75, NDP 50/200 = 25, LPC and IND absent = 0
    expected = pd.DataFrame(
        {"CPC": [20.0, 75.0], "IND": [20.0, 0.0], "LPC": [60.0, 0.0], "NDP": [0.0, 25.0]},
        index=pd.Index([1, 2], name="riding_number"),
    )
    pd.testing.assert_frame_equal(w, expected, check_names=False, check_column_type=False)


def test_shares_single_contest_series():
    s = shares(votes([("LPC", 1), ("CPC", 3)]), by=None)
    assert s.to_dict() == {"CPC": 75.0, "LPC": 25.0}


# Toronto--St. Paul's, 10 000-vote stand-ins giving the published shares:
# 2021: LPC 4922 (49.22), CPC 2530 (25.30), NDP 2548 (25.48)
# 2024: LPC 4041 (40.41), CPC 4212 (42.12), NDP 1747 (17.47)
TSP_2021 = votes([("LPC", 4922), ("CPC", 2530), ("NDP", 2548)])
TSP_2024 = votes([("LPC", 4041), ("CPC", 4212), ("NDP", 1747)])


def test_share_change_points():
    ch = share_change(TSP_2024, TSP_2021)
    # CPC 42.12-25.30 = +16.82; LPC 40.41-49.22 = -8.81; NDP 17.47-25.48 = -8.01
    assert ch["CPC"] == pytest.approx(16.82)
    assert ch["LPC"] == pytest.approx(-8.81)
    assert ch["NDP"] == pytest.approx(-8.01)
    assert ch.sum() == pytest.approx(0.0, abs=1e-9)


def test_butler_swing_sign_and_value():
    ch = pd.Series({"CPC": 16.82, "LPC": -8.81})
    # (16.82 - (-8.81)) / 2 = 25.63 / 2 = 12.815 points towards CPC
    assert butler_swing(ch, "CPC", "LPC") == pytest.approx(12.815)
    assert butler_swing(ch, "LPC", "CPC") == pytest.approx(-12.815)
    assert butler_swing(share_change(TSP_2024, TSP_2021), "CPC", "LPC") == pytest.approx(12.815)


def test_butler_swing_missing_party_raises():
    with pytest.raises(KeyError):
        butler_swing(pd.Series({"CPC": 1.0}), "CPC", "LPC")


def test_butler_swing_frame_rowwise():
    ch = pd.DataFrame({"CPC": [10.0, -2.0], "LPC": [-4.0, 6.0]})
    # row 0: (10 + 4)/2 = 7; row 1: (-2 - 6)/2 = -4
    assert butler_swing(ch, "CPC", "LPC").tolist() == [7.0, -4.0]


BEFORE = votes([("LPC", 500), ("CPC", 300), ("PPC", 100), ("IND", 100)])  # 1000 votes
AFTER = votes([("LPC", 400), ("CPC", 450), ("OTH", 150)])                 # 1000 votes


def test_share_change_default_pools_one_sided_codes_into_oth():
    ch = share_change(AFTER, BEFORE)
    # kept = codes on both sides minus IND/OTH = {LPC, CPC}
    # before OTH = PPC 100 + IND 100 = 200 -> 20 %; after OTH = 15 %
    # LPC 40-50 = -10; CPC 45-30 = +15; OTH 15-20 = -5
    assert ch.to_dict() == pytest.approx({"CPC": 15.0, "LPC": -10.0, "OTH": -5.0})


def test_share_change_explicit_keep_counts_absent_party_as_zero():
    ch = share_change(AFTER, BEFORE, keep=["LPC", "CPC", "PPC"])
    # before: LPC 50, CPC 30, PPC 10, OTH (IND) 10; after: LPC 40, CPC 45, OTH 15, PPC absent = 0
    assert ch.to_dict() == pytest.approx({"CPC": 15.0, "LPC": -10.0, "OTH": 5.0, "PPC": -10.0})


def test_compare_shares_columns():
    cmp = compare_shares(AFTER, BEFORE)
    assert list(cmp.columns) == ["before", "after"]
    assert cmp.loc["OTH"].tolist() == pytest.approx([20.0, 15.0])


def test_share_change_rejects_several_contests():
    two = pd.concat([votes([("LPC", 1)], riding=1), votes([("LPC", 1)], riding=2)])
    with pytest.raises(ValueError):
        share_change(two, votes([("LPC", 1)]))


# --- the book's 1 % pooling rule ---------------------------------------------------------------

from liberal_crisis.analysis.swing import pool_minor, pool_small_candidates  # noqa: E402

CONTEST = pd.DataFrame({
    "riding": "R", "candidate": ["a", "b", "p", "i1", "i2", "m"],
    "party_code": ["CPC", "LPC", "PPC", "IND", "IND", "ML"],
    "votes": [600, 370, 8, 9, 8, 5],  # 1000 votes: p 0.8 %, i1 0.9 %, i2 0.8 %, m 0.5 %
})


def test_pool_small_candidates_applies_the_one_percent_rule():
    out = pool_small_candidates(CONTEST)
    assert out["candidate"].tolist() == ["a", "b", "Other candidates"]
    pooled = out.iloc[-1]
    assert (pooled["party_code"], pooled["votes"], pooled["candidates_aggregated"]) == ("OTH", 30, 4)
    assert out["votes"].sum() == CONTEST["votes"].sum()
    assert out["riding"].tolist() == ["R", "R", "R"]


def test_pool_small_candidates_keeps_a_party_that_stood_in_both_contests():
    # the PPC also stood last time: it keeps its own row however small; independents never do
    out = pool_small_candidates(CONTEST, keep={"PPC", "IND", "LPC"})
    assert out["party_code"].tolist() == ["CPC", "LPC", "PPC", "OTH"]
    assert out.set_index("party_code").loc["OTH", "candidates_aggregated"] == 3
    assert out.set_index("party_code").loc["PPC", "votes"] == 8
    # nothing under the threshold: no pooled row at all
    assert "OTH" not in set(pool_small_candidates(CONTEST, min_share=0.1)["party_code"])


def test_pool_small_candidates_refuses_two_contests():
    two = pd.concat([CONTEST, CONTEST.assign(riding="S")])
    with pytest.raises(ValueError, match="riding"):
        pool_small_candidates(two)


def test_pool_minor_relabels_without_summing():
    out = pool_minor(CONTEST, keep={"CPC", "LPC"})
    assert out["party_code"].tolist() == ["CPC", "LPC", "OTH", "OTH", "OTH", "OTH"]
    assert out["votes"].tolist() == CONTEST["votes"].tolist()


# --- the pooling rule at its edges (liberal_crisis.data.derive.pooling) ----------------------

def test_pooling_refuses_rows_of_more_than_one_contest_or_negative_votes():
    from liberal_crisis.data.derive.pooling import pool_small_candidates as pool

    rows = pd.DataFrame({"candidate": ["A", "B"], "party_code": ["LPC", "CPC"], "votes": [60, 40]})
    for key, values in (("riding_number", [35075, 35076]), ("riding", ["X", "Y"]),
                        ("election_date", ["2024-06-24", "2024-09-16"])):
        with pytest.raises(ValueError, match=rf"^rows hold more than one contest \({key} varies\)$"):
            pool(rows.assign(**{key: values}))
        assert len(pool(rows.assign(**{key: values[:1] * 2}))) == 2
    with pytest.raises(ValueError, match="^negative vote counts$"):
        pool(rows.assign(votes=[60, -1]))
    # A candidate with no votes is fine (and pooled: 0% is under 1%).
    assert pool(rows.assign(votes=[100, 0]))["candidate"].tolist() == ["A", "Other candidates"]


def test_pooling_a_contest_with_no_votes_pools_nobody():
    from liberal_crisis.data.derive.pooling import pool_small_candidates as pool

    rows = pd.DataFrame({"candidate": ["A", "B"], "party_code": ["LPC", "CPC"], "votes": [0, 0]})
    out = pool(rows)
    assert out["candidate"].tolist() == ["A", "B"]
    assert out["candidates_aggregated"].tolist() == [1, 1]
    assert out.index.tolist() == [0, 1] and "index" not in out.columns


def test_pooled_rows_count_their_candidates_and_none_kept_for_no_affiliation():
    from liberal_crisis.data.derive.pooling import pool_small_candidates as pool

    rows = pd.DataFrame({"candidate": ["A", "B", "C", "D", "E"],
                         "party_code": ["LPC", "CPC", "NOA", "RHN", "IND"],
                         "votes": [6000, 3960, 10, 20, 10]}, index=[10, 11, 12, 13, 14])
    out = pool(rows, keep=["NOA", "IND", "RHN"])  # NOA and IND are never kept
    assert out["candidate"].tolist() == ["A", "B", "D", "Other candidates"]
    assert out["candidates_aggregated"].tolist() == [1, 1, 1, 2]
    assert out["votes"].tolist() == [6000, 3960, 20, 20]
    assert out.index.tolist() == [0, 1, 2, 3]
    # The threshold is 1% exactly: 100 votes of 10,000 stay, 99 are pooled.
    edge = pd.DataFrame({"candidate": ["A", "B", "C"], "party_code": ["LPC", "CPC", "GRN"],
                         "votes": [5000, 4900, 100]})
    assert pool(edge)["candidate"].tolist() == ["A", "B", "C"]
    assert pool(edge.assign(votes=[5001, 4900, 99]))["candidate"].tolist() == [
        "A", "B", "Other candidates"]
    # 995 votes of 100,000 is 0.995%: pooled.
    close = edge.assign(votes=[50_000, 49_005, 995])
    assert pool(close)["candidate"].tolist() == ["A", "B", "Other candidates"]
