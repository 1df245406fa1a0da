"""Edges of liberal_crisis.analysis that `make mutants` showed no test pinned: exact error
messages and series names (what a chapter or a reader sees when something is wrong), boundary
values (a zero count, a zero ratio, a share under one point) and column order. Hand-worked."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from liberal_crisis.analysis import caucus, history, projection, swing


def votes(rows, **extra):
    frame = pd.DataFrame(rows, columns=["party_code", "votes"])
    return frame.assign(**extra)


# --- swing ---------------------------------------------------------------------------------

def test_missing_columns_are_named():
    with pytest.raises(KeyError, match=r"missing column\(s\): party_code, votes"):
        swing.shares(pd.DataFrame({"x": [1]}), by=None)
    with pytest.raises(KeyError, match=r"missing column\(s\): riding_number"):
        swing.shares(votes([("LPC", 1)]))


def test_negative_votes_refused_zero_votes_allowed():
    with pytest.raises(ValueError, match=r"^negative vote counts$"):
        swing.shares(votes([("LPC", -1), ("CPC", 3)]), by=None)
    got = swing.shares(votes([("LPC", 0), ("CPC", 4)]), by=None)
    assert got.to_dict() == {"CPC": 100.0, "LPC": 0.0}


def test_one_contest_shares_are_a_named_float_series_in_code_order():
    got = swing.shares(votes([("NDP", 1), ("CPC", 1), ("LPC", 2)]), by=None)
    assert got.name == "share_pct" and got.dtype == float
    assert list(got.index) == ["CPC", "LPC", "NDP"]
    assert got.tolist() == [25.0, 50.0, 25.0]


def test_wide_shares_have_parties_as_columns_and_contests_sorted():
    frame = votes([("LPC", 3), ("CPC", 1), ("LPC", 1), ("CPC", 1)], riding_number=[2, 2, 1, 1])
    wide = swing.shares(frame)
    assert list(wide.columns) == ["CPC", "LPC"] and list(wide.index) == [1, 2]
    assert wide.loc[2].tolist() == [25.0, 75.0] and wide.dtypes.eq(float).all()


@pytest.mark.parametrize("key", ["riding_number", "riding", "election_date"])
def test_compare_shares_refuses_two_contests_and_says_which_side(key):
    one = votes([("LPC", 1), ("CPC", 1)])
    two = one.assign(**{key: ["a", "b"]})
    same = one.assign(**{key: ["a", "a"]})
    assert swing.compare_shares(same, same).shape == (2, 2)  # one contest: fine
    with pytest.raises(ValueError, match=rf"^after_votes holds more than one contest \({key} varies\)$"):
        swing.compare_shares(two, one)
    with pytest.raises(ValueError, match=rf"^before_votes holds more than one contest \({key} varies\)$"):
        swing.compare_shares(one, two)


def test_share_change_and_butler_names():
    after, before = votes([("LPC", 40), ("CPC", 60)]), votes([("LPC", 60), ("CPC", 40)])
    change = swing.share_change(after, before)
    assert change.name == "change_pts" and change.to_dict() == {"CPC": 20.0, "LPC": -20.0}
    frame = pd.DataFrame({"CPC": [20.0], "LPC": [-20.0]})
    assert swing.butler_swing(frame, "CPC", "LPC").name == "butler_swing_pts"
    with pytest.raises(KeyError, match=r"party not in change: NDP, BQ"):
        swing.butler_swing(change, "NDP", "BQ")


# --- projection ----------------------------------------------------------------------------

def test_uniform_swing_moves_a_share_under_one_point_and_keeps_integers_apart():
    base = pd.DataFrame({"LPC": [50, 60], "GPC": [0.5, 0.0]})  # integers in, floats out
    out = projection.uniform_swing(base, {"GPC": 1.0, "LPC": -1.0})
    assert out["GPC"].tolist() == [1.5, 0.0] and out["LPC"].tolist() == [49.0, 59.0]
    assert out.dtypes.eq(float).all()
    assert base["LPC"].tolist() == [50, 60]


def test_uniform_swing_is_per_party_not_per_riding():
    # Column-wise: 3 ridings, 2 parties, changes of different size per party.
    base = pd.DataFrame({"A": [10.0, 20.0, 30.0], "B": [5.0, 5.0, 5.0]}, index=[7, 8, 9])
    out = projection.uniform_swing(base, pd.Series({"A": 1.0, "B": 2.0}))
    assert out.to_dict("list") == {"A": [11.0, 21.0, 31.0], "B": [7.0, 7.0, 7.0]}


def test_proportional_swing_zero_ratio_allowed_negative_refused():
    base = pd.DataFrame({"A": [10.0, 20.0], "B": [4, 8]}, index=[7, 8])
    out = projection.proportional_swing(base, {"A": 0.0, "B": 0.5})
    assert out.to_dict("list") == {"A": [0.0, 0.0], "B": [2.0, 4.0]}
    assert out.dtypes.eq(float).all()
    with pytest.raises(ValueError, match=r"^negative ratio$"):
        projection.proportional_swing(base, {"A": -0.1})


def test_ratio_name():
    assert projection.ratio_from(pd.Series({"A": 1.0}), pd.Series({"A": 2.0})).name == "ratio"


def test_winner_and_seat_names_and_types():
    w = projection.winners(pd.DataFrame({"A": [2.0, 1.0], "B": [1.0, 3.0]}))
    assert w.name == "winner" and w.tolist() == ["A", "B"]
    seats = projection.seat_count(w)
    assert seats.name == "seats" and seats.index.name == "party_code" and seats.dtype == int
    empty = projection.winners(pd.DataFrame(index=[1, 2]))
    assert empty.name == "winner" and empty.isna().all() and len(empty) == 2


def test_project_refuses_an_unknown_method_by_name():
    with pytest.raises(ValueError, match=r"^method must be 'uniform' or 'proportional', not 'cube'$"):
        projection.project(votes([("A", 1)], riding_number=1), {}, method="cube")


# --- history -------------------------------------------------------------------------------

def test_swing_against_government_is_named():
    frame = pd.DataFrame({"gov_share_pct": [30.0], "gov_share_prev_pct": [45.0]})
    got = history.swing_against_government(frame)
    assert got.name == "swing_pts" and got.tolist() == [-15.0]


# --- caucus --------------------------------------------------------------------------------

TOY_RULES = pd.DataFrame({"rule": ["a fifth", "words only"], "threshold_pct": ["20", "a majority"]})


def test_threshold_table_columns_and_types():
    t = caucus.threshold_table(10, 2, TOY_RULES)
    assert t["caucus_size"].tolist() == [10, 10] and t["signatories"].tolist() == [2, 2]
    assert t["mps_needed"].iloc[0] == 2 and pd.isna(t["mps_needed"].iloc[1])  # text is not a number
    assert str(t["reached"].dtype) == "boolean" and bool(t["reached"].iloc[0]) is True
    assert pd.isna(t["reached"].iloc[1])
    assert t["rule"].tolist() == ["a fifth", "words only"]  # input columns kept


@pytest.mark.parametrize("size, signed", [(1, 0), (1, 1), (5, 0), (5, 5)])
def test_threshold_table_accepts_the_extremes(size, signed):
    t = caucus.threshold_table(size, signed, TOY_RULES.iloc[:1])
    assert t["signatories_share_pct"].iloc[0] == 100.0 * signed / size


@pytest.mark.parametrize("size, signed, message", [
    (0, 0, "caucus_size must be positive"),
    (-3, 0, "caucus_size must be positive"),
    (5, 6, "signatories must be between 0 and caucus_size"),
    (5, -1, "signatories must be between 0 and caucus_size"),
])
def test_threshold_table_refuses_impossible_counts(size, signed, message):
    with pytest.raises(ValueError, match=rf"^{message}$"):
        caucus.threshold_table(size, signed, TOY_RULES)


def test_pooled_code_can_be_named_and_index_is_party_code():
    after = votes([("LPC", 40), ("CPC", 50), ("PPC", 10)])
    before = votes([("LPC", 50), ("CPC", 40), ("GPC", 10)])
    cmp = swing.compare_shares(after, before, other="MIN")
    assert cmp.index.name == "party_code" and list(cmp.index) == ["CPC", "LPC", "MIN"]
    assert swing.share_change(after, before, other="MIN").to_dict() == {"CPC": 10.0, "LPC": -10.0, "MIN": 0.0}


def test_an_exact_tie_without_tolerance_is_a_tie():
    w = projection.winners(pd.DataFrame({"A": [40.0, 40.0], "B": [40.0, 39.0]}), tol=0.0)
    assert w.tolist() == [projection.TIE, "A"]


def test_seat_count_keeps_code_order_among_equal_counts():
    w = pd.Series(["NDP", "BQ", "GPC", "CPC", "CPC"] + ["LPC"] * 3)
    assert list(projection.seat_count(w).index) == ["LPC", "CPC", "BQ", "GPC", "NDP"]


def test_a_winner_below_one_point_still_wins():
    w = projection.winners(pd.DataFrame({"A": [0.6], "B": [0.4]}))
    assert w.tolist() == ["A"]


def test_ratio_from_a_share_under_one_point():
    r = projection.ratio_from(pd.Series({"A": 1.0}), pd.Series({"A": 0.5}))
    assert r["A"] == 2.0
