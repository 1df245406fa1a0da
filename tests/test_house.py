"""Hand-worked tests for liberal_crisis.analysis.house (seats short of a majority, possible partners)."""
import pandas as pd
import pytest

from liberal_crisis.analysis.house import arithmetic, combinations, seats_wide

# A toy 11-seat House at two dates. Majority of all seats: 11 // 2 + 1 = 6.
STANDINGS = pd.DataFrame({
    "as_of": ["d1"] * 4 + ["d2"] * 3,
    "party_code": ["LPC", "CPC", "NDP", "BQ", "LPC", "CPC", "NDP"],
    "seats": [5, 3, 2, 1, 4, 4, 1],
})
SNAPSHOTS = pd.DataFrame({
    "as_of": ["d1", "d2"],
    "label": ["first", "second"],
    "house_size": [11, 11],
    "vacant": [0, 2],
    "majority_needed": [6, 6],
})


def test_short_of_majority_and_partners():
    t = arithmetic(STANDINGS, SNAPSHOTS).set_index("as_of")
    # d1: 5 Liberal seats, 6 needed -> 1 short; +2 NDP = 7 (enough), +1 BQ = 6 (exactly enough)
    assert t.loc["d1", "government_seats"] == 5
    assert t.loc["d1", "short_of_majority"] == 1
    assert t.loc["d1", "with_NDP"] == 7 and bool(t.loc["d1", "enough_with_NDP"])
    assert t.loc["d1", "with_BQ"] == 6 and bool(t.loc["d1", "enough_with_BQ"])
    assert t.loc["d1", "opposition_seats"] == 6
    # d2: 9 filled (2 vacant); 4 Liberal seats -> 2 short of 6; sitting majority 9 // 2 + 1 = 5
    # -> 1 short of that; +1 NDP = 5 (not enough); BQ has no row on d2 -> 0 seats, 4 (not enough)
    assert t.loc["d2", "seats_filled"] == 9
    assert t.loc["d2", "short_of_majority"] == 2
    assert t.loc["d2", "sitting_majority"] == 5
    assert t.loc["d2", "short_of_sitting_majority"] == 1
    assert t.loc["d2", "BQ_seats"] == 0
    assert not bool(t.loc["d2", "enough_with_NDP"]) and not bool(t.loc["d2", "enough_with_BQ"])
    assert t.loc["d2", "label"] == "second"


def test_a_majority_government_is_not_short():
    snaps = SNAPSHOTS.assign(majority_needed=[4, 4])
    t = arithmetic(STANDINGS, snaps).set_index("as_of")
    assert t.loc["d1", "short_of_majority"] == 0  # 5 >= 4, never negative


def test_combinations_long_table():
    c = combinations(STANDINGS, SNAPSHOTS)
    d1 = c[c["as_of"] == "d1"].set_index("partner")
    assert list(d1.index) == ["", "NDP", "BQ"]
    assert d1["seats"].tolist() == [5, 7, 6]
    assert d1["surplus"].tolist() == [-1, 1, 0]


def test_seats_wide_fills_missing_parties_with_zero():
    w = seats_wide(STANDINGS)
    assert w.loc["d2", "BQ"] == 0 and w.loc["d1", "BQ"] == 1


def test_tables_that_do_not_add_up_are_refused():
    bad = SNAPSHOTS.assign(vacant=[0, 1])  # d2: 9 seats + 1 vacant != 11
    with pytest.raises(ValueError, match="house_size"):
        arithmetic(STANDINGS, bad)
    with pytest.raises(ValueError, match="only one"):
        arithmetic(STANDINGS, SNAPSHOTS.iloc[:1])
    with pytest.raises(KeyError):
        arithmetic(STANDINGS, SNAPSHOTS, partners=["GPC"])


def test_real_tables():
    from liberal_crisis import data

    t = arithmetic(data.load("house_standings"), data.load("house_snapshots")).set_index("as_of")
    autumn = t.loc[pd.Timestamp("2024-12-09")]
    # 153 Liberal seats, 170 needed of 338 -> 17 short; 336 filled -> 169 -> 16 short
    assert autumn["short_of_majority"] == 17
    assert autumn["short_of_sitting_majority"] == 16
    assert autumn["with_NDP"] == 178 and autumn["with_BQ"] == 186
