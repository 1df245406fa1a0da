"""Hand-worked tests for liberal_crisis.analysis.house (seats short of a majority, possible partners)."""
import pandas as pd
import pytest

from liberal_crisis.analysis.house import (
    arithmetic, bloc_votes, combinations, party_votes, seats_wide, votes_to_carry, voting_members,
)

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
    # With the Speaker (Greg Fergus, a Liberal) out of the count: 336 - 1 = 335 can vote,
    # 335 // 2 + 1 = 168 carry a division; 152 Liberal votes -> 16 short;
    # + 25 NDP = 177 (9 to spare); + 33 Bloc = 185 (17 to spare).
    assert autumn["speaker_party"] == "LPC"
    assert autumn["voting_members"] == 335 and autumn["voting_majority"] == 168
    assert autumn["government_votes"] == 152 and autumn["short_of_voting_majority"] == 16
    assert autumn["with_NDP_votes"] == 177 and autumn["spare_with_NDP_votes"] == 9
    assert autumn["with_BQ_votes"] == 185 and autumn["spare_with_BQ_votes"] == 17
    # Election days have no Speaker: nothing is taken off.
    after_2021 = t.loc[pd.Timestamp("2021-09-20")]
    assert not after_2021["has_speaker"] and after_2021["voting_members"] == 338
    assert after_2021["government_votes"] == 160


def test_real_december_nays_exceed_what_liberals_ndp_and_greens_could_cast():
    """The 180 nays of 9 December 2024 equal 153 + 25 + 2 seats, but the Speaker's seat casts no
    vote, so those three parties could cast at most 179: the coincidence proves nothing."""
    from liberal_crisis import data

    standings, snapshots = data.load("house_standings"), data.load("house_snapshots")
    most = bloc_votes(standings, snapshots, "2024-12-09", ["LPC", "NDP", "GPC"])
    assert most == 179
    assert bloc_votes(standings, snapshots, "2024-12-09", ["CPC", "BQ"]) == 152


# --- The Speaker, by hand -------------------------------------------------------------------

def test_voting_members_and_votes_to_carry_by_hand():
    assert voting_members(336, True) == 335     # 338 seats - 2 vacant - the Speaker
    assert voting_members(336, False) == 336
    assert votes_to_carry(335) == 168           # 168 > 167
    assert votes_to_carry(336) == 169           # 168 would only tie 168
    assert votes_to_carry(1) == 1
    assert votes_to_carry(338) == 170           # the 2021 House: 169 would only tie
    assert votes_to_carry(343) == 172           # the 2025 House: 171.5 is half
    with pytest.raises(ValueError):
        votes_to_carry(0)
    with pytest.raises(ValueError):
        voting_members(0, True)


def test_party_votes_takes_the_speaker_off_his_party_only():
    assert party_votes(153, "LPC", "LPC") == 152
    assert party_votes(25, "NDP", "LPC") == 25
    assert party_votes(153, "LPC", "") == 153
    assert party_votes(153, "LPC", None) == 153
    with pytest.raises(ValueError):
        party_votes(0, "LPC", "LPC")


def test_toy_house_with_a_speaker():
    # d1: 11 seats, none vacant, Speaker from LPC: 10 can vote, 6 carry; LPC 5 seats -> 4
    # votes, 2 short; +2 NDP = 6 (0 spare); +1 BQ = 5 (1 short).
    # d2: no Speaker column value -> nothing taken off.
    snaps = SNAPSHOTS.assign(speaker_party=["LPC", ""])
    t = arithmetic(STANDINGS, snaps).set_index("as_of")
    assert t.loc["d1", "voting_members"] == 10 and t.loc["d1", "voting_majority"] == 6
    assert t.loc["d1", "government_votes"] == 4 and t.loc["d1", "short_of_voting_majority"] == 2
    assert t.loc["d1", "spare_with_NDP_votes"] == 0 and t.loc["d1", "spare_with_BQ_votes"] == -1
    assert t.loc["d2", "voting_members"] == 9 and t.loc["d2", "government_votes"] == 4
    # A Speaker from an opposition party costs that party the vote instead.
    t2 = arithmetic(STANDINGS, SNAPSHOTS.assign(speaker_party=["NDP", ""])).set_index("as_of")
    assert t2.loc["d1", "government_votes"] == 5 and t2.loc["d1", "with_NDP_votes"] == 6
    # Snapshots without the column: no Speaker anywhere.
    t3 = arithmetic(STANDINGS, SNAPSHOTS).set_index("as_of")
    assert (t3["voting_members"] == t3["seats_filled"]).all()


# --- what a reader reads from the arithmetic: whole seats, and errors that say what is wrong --

# The same toy House, dated (bloc_votes takes a date).
DATED_STANDINGS = STANDINGS.assign(as_of=pd.to_datetime(["2024-01-01"] * 4 + ["2024-06-01"] * 3))
DATED_SNAPSHOTS = SNAPSHOTS.assign(as_of=pd.to_datetime(["2024-01-01", "2024-06-01"]))

def test_seat_counts_are_whole_numbers():
    """A seat count printed from these tables reads '338', never '338.0'."""
    t = arithmetic(STANDINGS, SNAPSHOTS)
    for column in ("house_size", "vacant", "seats_filled", "majority_needed", "sitting_majority",
                   "government_seats", "short_of_majority", "NDP_seats", "with_NDP",
                   "voting_members", "voting_majority", "government_votes"):
        assert t[column].dtype.kind == "i", column
    assert seats_wide(STANDINGS).dtypes.map(lambda d: d.kind).eq("i").all()


def test_a_party_listed_twice_on_a_date_is_added_up():
    # Two rows for independents on one date (e.g. sitting as independents at different times).
    standings = pd.concat([STANDINGS, pd.DataFrame({"as_of": ["d1"], "party_code": ["IND"],
                                                   "seats": [2]}),
                           pd.DataFrame({"as_of": ["d1"], "party_code": ["IND"], "seats": [1]})])
    assert seats_wide(standings).loc["d1", "IND"] == 3


def test_snapshots_in_any_order_give_the_same_arithmetic():
    forward = arithmetic(STANDINGS, SNAPSHOTS)
    backward = arithmetic(STANDINGS.iloc[::-1], SNAPSHOTS.iloc[::-1])
    pd.testing.assert_frame_equal(forward, backward)
    assert forward["as_of"].tolist() == ["d1", "d2"]


def test_a_government_above_every_majority_is_short_of_none():
    # d1 with 2 vacancies filled by Liberals: 7 of 11, a majority of seats and of voters.
    standings = STANDINGS.assign(seats=[7, 2, 1, 1, 6, 2, 1])
    t = arithmetic(standings, SNAPSHOTS).set_index("as_of")
    assert t.loc["d1", "short_of_majority"] == 0
    assert t.loc["d1", "short_of_sitting_majority"] == 0
    assert t.loc["d1", "short_of_voting_majority"] == 0
    # d2: 6 Liberal seats of 9 filled: 6 of the 6 needed, 5 to carry among those sitting.
    assert t.loc["d2", ["short_of_majority", "short_of_sitting_majority",
                        "short_of_voting_majority"]].tolist() == [0, 0, 0]


def test_without_a_speaker_column_there_is_no_speaker():
    t = arithmetic(STANDINGS, SNAPSHOTS).set_index("as_of")
    assert t["speaker_party"].tolist() == ["", ""]
    assert t["has_speaker"].tolist() == [False, False]
    assert t.loc["d1", "voting_members"] == 11 and t.loc["d1", "voting_majority"] == 6


def test_a_blank_speaker_is_no_speaker():
    snaps = SNAPSHOTS.assign(speaker_party=["  ", "CPC"])
    t = arithmetic(STANDINGS, snaps).set_index("as_of")
    assert t["speaker_party"].tolist() == ["", "CPC"]
    assert t["has_speaker"].tolist() == [False, True]
    # d2: 9 filled, less the Speaker: 8 voting, 5 to carry; the Conservatives cast 3 of 4.
    assert t.loc["d2", "voting_members"] == 8 and t.loc["d2", "voting_majority"] == 5
    dated = DATED_SNAPSHOTS.assign(speaker_party=["  ", "CPC"])
    assert bloc_votes(DATED_STANDINGS, dated, "2024-06-01", ["CPC"]) == 3
    assert bloc_votes(DATED_STANDINGS, dated, "2024-01-01", ["CPC"]) == 3  # no Speaker then


def test_bloc_votes_without_a_speaker_column():
    assert bloc_votes(DATED_STANDINGS, DATED_SNAPSHOTS, "2024-01-01", ["LPC", "NDP"]) == 7


def test_combinations_with_any_partner():
    c = combinations(STANDINGS, SNAPSHOTS, partners=["CPC"])
    d1 = c[c["as_of"] == "d1"]
    assert d1.columns.tolist() == ["as_of", "partner", "seats", "majority_needed", "surplus"]
    assert d1["partner"].tolist() == ["", "CPC"]
    assert d1["seats"].tolist() == [5, 8]
    assert d1["majority_needed"].tolist() == [6, 6]


def test_the_speakers_own_party_of_one_casts_no_vote():
    assert party_votes(1, "GPC", "GPC") == 0
    assert party_votes(2, "GPC", "GPC") == 1
    with pytest.raises(ValueError, match="^the Speaker's party GPC has no seats$"):
        party_votes(0, "GPC", "GPC")


def test_an_empty_house_has_no_voting_members():
    assert voting_members(0, False) == 0
    assert voting_members(1, True) == 0
    with pytest.raises(ValueError, match="^seats_filled must not be negative$"):
        voting_members(-1, False)
    with pytest.raises(ValueError, match="^an empty House has no Speaker$"):
        voting_members(0, True)
    with pytest.raises(ValueError, match="^at least one member must vote$"):
        votes_to_carry(0)


def test_the_errors_name_what_is_missing_or_repeated():
    with pytest.raises(KeyError, match=r"missing column\(s\): seats'"):
        arithmetic(STANDINGS.drop(columns="seats"), SNAPSHOTS)
    with pytest.raises(KeyError, match=r"missing column\(s\): party_code, vacant, majority_needed'"):
        arithmetic(STANDINGS.drop(columns="party_code"),
                   SNAPSHOTS.drop(columns=["vacant", "majority_needed"]))
    with pytest.raises(ValueError, match="^house_snapshots has more than one row for a date$"):
        arithmetic(STANDINGS, pd.concat([SNAPSHOTS, SNAPSHOTS.iloc[:1]]))
    # Same party and date twice, with different seats: still one row too many.
    twice = pd.concat([STANDINGS, pd.DataFrame({"as_of": ["d1"], "party_code": ["LPC"],
                                                "seats": [1]})])
    with pytest.raises(ValueError, match="^house_standings has more than one row for a party on a date$"):
        arithmetic(twice, SNAPSHOTS)
    with pytest.raises(KeyError, match="party 'GPC' has no seats rows"):
        arithmetic(STANDINGS, SNAPSHOTS, partners=["GPC"])
    with pytest.raises(KeyError, match="party 'GPC' has no seats rows"):
        bloc_votes(DATED_STANDINGS, DATED_SNAPSHOTS, "2024-01-01", ["LPC", "GPC"])


def test_bloc_votes_names_a_date_it_does_not_have():
    snaps, standings = DATED_SNAPSHOTS, DATED_STANDINGS
    assert bloc_votes(standings, snaps, "2024-06-01", ["LPC", "NDP"]) == 5
    with pytest.raises(KeyError, match="no snapshot for 2024-03-01"):
        bloc_votes(standings, snaps, "2024-03-01", ["LPC"])
    with pytest.raises(KeyError, match="no standings for 2024-06-01"):
        bloc_votes(standings.iloc[:4], snaps, "2024-06-01", ["LPC"])
