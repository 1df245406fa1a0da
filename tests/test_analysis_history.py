"""Hand-worked tests for liberal_crisis.analysis.history (made-up ridings)."""
import numpy as np
import pandas as pd
import pytest

from liberal_crisis.analysis.history import (
    defence_summary,
    government_defences,
    rank_losses,
    swing_against_government,
)

NA = np.nan
COLS = ["election_date", "province", "riding", "winner_party", "held_by_party", "government_party",
        "gov_share_prev_pct", "gov_share_pct", "winner_share_pct", "held_since_year",
        "held_since_censored"]
# defence? lost? swing = gov_share - gov_share_prev
TABLE = pd.DataFrame([
    ("2000-01-01", "ON", "Alpha",        "LPC", "LPC", "LPC", 50, 45, 45, 1993, True),   # yes, kept, -5
    ("2001-01-01", "ON", "Bravo—Centre", "CPC", "LPC", "LPC", 48, 30, 40, 1980, False),  # yes, lost, -18
    ("2002-01-01", "QC", "Charlie",      "LPC", "LPC", "LPC", 40, 42, 42, 2000, False),  # yes, kept, +2
    ("2003-01-01", "BC", "Delta",        "NDP", "CPC", "LPC", 10, 8, 50, 1997, False),   # no (held by CPC)
    ("2004-01-01", "AB", "Echo",         "LPC", "LPC", "LPC", NA, NA, NA, 1988, False),  # yes, kept, acclaimed: NaN
    ("2005-01-01", "QC", "Foxtrot",      "BQ",  "LPC", "LPC", 35, 20, 33, 1993, True),   # yes, lost, -15
    ("2006-01-01", "AB", "Golf",         "LPC", "CPC", "CPC", 45, 30, 50, NA, False),    # yes, lost, -15
    ("2007-01-01", "MB", "Hotel",        "NDP", NA,    "CPC", NA, 20, 40, NA, False),    # no (new seat)
], columns=COLS)


def test_government_defences_and_lost():
    d = government_defences(TABLE)
    assert d["riding"].tolist() == ["Alpha", "Bravo—Centre", "Charlie", "Echo", "Foxtrot", "Golf"]
    assert d["lost"].tolist() == [False, True, False, False, True, True]


def test_defence_summary():
    assert defence_summary(TABLE).to_dict() == {"defended": 6, "retained": 3, "lost": 3}
    by_gov = defence_summary(TABLE, by="government_party")
    # CPC government: Golf (lost); LPC government: Alpha, Bravo, Charlie, Echo, Foxtrot (2 lost)
    assert by_gov.loc["CPC"].to_dict() == {"defended": 1, "retained": 0, "lost": 1}
    assert by_gov.loc["LPC"].to_dict() == {"defended": 5, "retained": 3, "lost": 2}


def test_swing_against_government_keeps_nan():
    s = swing_against_government(TABLE)
    assert s.iloc[:3].tolist() == [-5.0, -18.0, 2.0]
    assert np.isnan(s.iloc[4])


def test_rank_among_defences():
    r = rank_losses(TABLE, ["Bravo-Centre", "foxtrot"]).set_index("riding")
    # swings known for 5 defences (Echo acclaimed): -18 Bravo, -15 Foxtrot, -15 Golf, -5 Alpha, +2 Charlie
    # ranks (ties share the best): Bravo 1, Foxtrot 2, Golf 2, Alpha 4, Charlie 5
    assert r.loc["Bravo—Centre", "swing_rank"] == 1
    assert r.loc["Foxtrot", "swing_rank"] == 2
    assert (r["swing_n"] == 5).all()
    # percentile = 100 * rank / n: 1/5 -> 20, 2/5 -> 40
    assert r["swing_percentile"].tolist() == pytest.approx([20.0, 40.0])
    # held since (Golf unknown): 1980 Bravo, 1988 Echo, 1993 Alpha & Foxtrot, 2000 Charlie
    assert r.loc["Bravo—Centre", "held_rank"] == 1
    assert r.loc["Foxtrot", "held_rank"] == 3
    assert (r["held_n"] == 5).all()
    assert bool(r.loc["Foxtrot", "held_since_censored"]) is True


def test_rank_among_losses():
    r = rank_losses(TABLE, ["Foxtrot", "Golf"], among="losses").set_index("riding")
    # losses: Bravo -18, Foxtrot -15, Golf -15 -> ranks 1, 2, 2 of 3
    assert r["swing_rank"].tolist() == [2, 2]
    assert r["swing_percentile"].tolist() == pytest.approx([200 / 3, 200 / 3])
    # held since among losses: Bravo 1980 (1), Foxtrot 1993 (2), Golf unknown (NA); n = 2
    assert r.loc["Foxtrot", "held_rank"] == 2
    assert pd.isna(r.loc["Golf", "held_rank"])
    assert (r["held_n"] == 2).all()


def test_acclamation_has_no_swing_rank():
    r = rank_losses(TABLE, ["Echo"]).iloc[0]
    assert pd.isna(r["swing_rank"]) and np.isnan(r["swing_percentile"])
    assert r["held_rank"] == 2


def test_unknown_or_non_defence_riding_raises():
    with pytest.raises(ValueError, match="Delta"):
        rank_losses(TABLE, ["Delta"])
    with pytest.raises(ValueError, match="Nowhere"):
        rank_losses(TABLE, ["Alpha", "Nowhere"])


# --- length of hold: rank by years held, not by the year the run began ------------------------

from liberal_crisis.analysis.history import ballot_record, hold_lengths, rank_hold_length  # noqa: E402

LENGTHS = pd.DataFrame([
    # a run that began late but was defended late is LONGER than one that began early and
    # was defended early: ranking by start year gets these two the wrong way round.
    ("1995-01-01", "ON", "Early",   "LPC", "LPC", "LPC", 50, 45, 45, 1988, "data start"),      # >= 7 yrs
    ("2024-06-24", "ON", "Late",    "CPC", "LPC", "LPC", 49, 40, 42, 1993, "party change"),    # 31 yrs
    ("2017-04-03", "ON", "Cut",     "LPC", "LPC", "LPC", 60, 55, 55, 1988, "data start"),      # >= 29 yrs
    ("2019-02-25", "BC", "New",     "NDP", "LPC", "LPC", 40, 30, 38, 2015, "riding created"),  # >= 4 yrs
    ("2024-09-16", "QC", "Created", "BQ",  "LPC", "LPC", 43, 27, 28, 2015, "party change"),    # 9 yrs
], columns=COLS[:-1] + ["held_since_basis"])
LENGTHS["held_since_censored"] = LENGTHS["held_since_basis"] != "party change"


def test_hold_lengths_are_years_and_censoring_follows_the_basis():
    h = hold_lengths(LENGTHS).set_index("riding")
    assert h["years_held"].to_dict() == {"Early": 7, "Late": 31, "Cut": 29, "New": 4, "Created": 9}
    assert h["censored"].to_dict() == {"Early": True, "Late": False, "Cut": True, "New": True,
                                       "Created": False}


def test_rank_losses_ranks_by_length_not_start_year():
    r = rank_losses(LENGTHS, ["Late", "Early"]).set_index("riding")
    # by start year Early (1988) would rank 1 and Late (1993) 3; by length Late is 1, Early 4
    assert r.loc["Late", "held_rank"] == 1
    assert r.loc["Early", "held_rank"] == 4
    assert r.loc["Late", "years_held"] == 31


def test_rank_hold_length_reports_censored_runs_honestly():
    r = rank_hold_length(LENGTHS, "late")
    assert (r["years"], r["since"], r["censored"]) == (31, 1993, False)
    assert (r["rank"], r["n"], r["longer"], r["tied"]) == (1, 5, 0, 0)
    # Early (>= 7), Cut (>= 29) and New (>= 4) are cut off by the data: any might be longer
    assert r["censored_shorter"] == 3
    assert r["next"]["riding"].tolist() == ["Cut"] and bool(r["next"]["censored"].iloc[0])
    lost = rank_hold_length(LENGTHS, "Created", among="losses")
    # losses: Late 31, New >= 4, Created 9 -> Created 2 of 3
    assert (lost["rank"], lost["n"], lost["censored_shorter"]) == (2, 3, 1)
    with pytest.raises(ValueError, match="Nowhere"):
        rank_hold_length(LENGTHS, "Nowhere")


BALLOTS = pd.DataFrame({
    "election_date": pd.to_datetime(["2022-12-12", "2024-06-24", "2024-09-16", "2025-04-28",
                                     "2025-08-18"]),
    "election_type": ["by-election", "by-election", "by-election", "general", "by-election"],
    "riding": ["A", "Toronto--St. Paul's", "LaSalle--Émard--Verdun", "Carleton", "B"],
    "candidates": [40, 84, 91, 91, 214],
})


def test_ballot_record_dates_the_superlative():
    r = ballot_record(BALLOTS, "LaSalle—Émard—Verdun", "2024-09-16")
    assert r["candidates"] == 91 and r["record_then"]
    assert r["previous_record"]["riding"] == "Toronto--St. Paul's"
    assert r["equalled_by"]["riding"].tolist() == ["Carleton"]
    assert r["beaten_by"]["riding"].tolist() == ["B"]
    carleton = ballot_record(BALLOTS, "Carleton", "2025-04-28")
    assert not carleton["record_then"]  # equalling is not a new record
    assert ballot_record(BALLOTS, "B", "2025-08-18")["beaten_by"].empty
    with pytest.raises(ValueError):
        ballot_record(BALLOTS, "Carleton", "2021-09-20")


# Rows typed from the Library of Parliament's files (ParlInfo), not from the derived table:
# Windsor West elected the Liberal Herb Gray at every general election from 1968 (its first under
# that name) to 2000 and was lost to the NDP at the by-election of 13 May 2002: at least 34 years.
# St. Paul's / Toronto--St. Paul's: Progressive Conservative in 1988, Liberal from 1993 to the
# by-election of 24 June 2024: 31 years. Mount Royal: Conservative in 1935, Liberal from 1940,
# held at the by-election of 15 November 1999: 59 years.
SINCE_1867 = pd.DataFrame([
    ("1999-11-15", "QC", "Mount Royal",         "LPC", "LPC", "LPC", 62, 92, 92, 1940, "party change"),
    ("2002-05-13", "ON", "Windsor West",        "NDP", "LPC", "LPC", 54, 35, 43, 1968, "riding created"),
    ("2002-05-13", "NL", "Gander--Grand Falls", "PC",  "LPC", "LPC", 55, 45, 49, 1988, "riding created"),
    ("2024-06-24", "ON", "Toronto--St. Paul's", "CPC", "LPC", "LPC", 49, 40, 42, 1993, "party change"),
    ("2024-09-16", "QC", "LaSalle--Émard--Verdun", "BQ", "LPC", "LPC", 43, 27, 28, 2015, "party change"),
], columns=COLS[:-1] + ["held_since_basis"])
SINCE_1867["held_since_censored"] = SINCE_1867["held_since_basis"] != "party change"


def test_windsor_west_not_toronto_st_pauls_is_the_longest_held_seat_lost():
    ww = rank_hold_length(SINCE_1867, "Windsor West", among="losses")
    assert (ww["years"], ww["since"], ww["censored"]) == (34, 1968, True)
    assert (ww["rank"], ww["longer"], ww["tied"], ww["n"]) == (1, 0, 0, 4)
    # Gander--Grand Falls (at least 14) is cut off too: shorter on the data, maybe longer really
    assert ww["censored_shorter"] == 1
    assert ww["next"]["riding"].tolist() == ["Toronto--St. Paul's"]
    tsp = rank_hold_length(SINCE_1867, "Toronto—St. Paul’s", among="losses")
    assert (tsp["years"], tsp["rank"], tsp["longer"], tsp["censored"]) == (31, 2, 1, False)
    # among all five defences Mount Royal (59) and Windsor West (>= 34) are longer
    every = rank_hold_length(SINCE_1867, "Toronto--St. Paul's")
    assert (every["rank"], every["n"], every["longer"]) == (3, 5, 2)
    assert rank_hold_length(SINCE_1867, "Mount Royal")["rank"] == 1
    r = rank_losses(SINCE_1867, ["Windsor West", "Toronto--St. Paul's"], among="losses")
    assert r.set_index("riding")["held_rank"].to_dict() == {"Windsor West": 1,
                                                           "Toronto--St. Paul's": 2}


# --- what a reader reads: whole-number ranks and years, blank results, the words of errors ---

from liberal_crisis.analysis.history import _key  # noqa: E402

# A defence whose winner is not yet known (blank) is neither retained nor lost.
BLANK = pd.concat([TABLE, pd.DataFrame([
    ("2008-01-01", "NS", "India", NA, "CPC", "CPC", 40, NA, NA, 2004, NA),
], columns=COLS)], ignore_index=True)


def test_a_defence_with_no_known_winner_is_neither_kept_nor_lost():
    d = government_defences(BLANK)
    assert d["lost"].isna().tolist()[-1]
    summary = defence_summary(BLANK)
    assert summary.to_dict() == {"defended": 7, "retained": 3, "lost": 3}
    assert all(isinstance(v, (int, np.integer)) for v in summary.to_list())
    by_gov = defence_summary(BLANK, by="government_party")
    assert by_gov.loc["CPC"].to_dict() == {"defended": 2, "retained": 0, "lost": 1}
    assert by_gov.dtypes.map(lambda t: t.kind).eq("i").all()


def test_among_losses_leaves_out_a_defence_with_no_known_winner():
    r = rank_losses(BLANK, ["Golf"], among="losses").iloc[0]
    assert (r["swing_n"], r["held_n"]) == (3, 2)  # Bravo, Foxtrot, Golf; Golf has no year
    with pytest.raises(ValueError, match="^not among government losses: India$"):
        rank_losses(BLANK, ["India"], among="losses")
    # Among lost defences with a known start: Bravo (1980) and Foxtrot (1993), not India.
    bravo = rank_hold_length(BLANK, "Bravo—Centre", among="losses")
    assert (bravo["n"], bravo["rank"]) == (2, 1)
    # Its run still counts among all defences (its winner's blank is not its year's).
    assert rank_hold_length(BLANK.assign(held_since_basis="party change"), "India")["n"] == 6


def test_ranks_and_years_are_whole_numbers_and_the_columns_are_the_documented_ones():
    r = rank_losses(TABLE, ["Alpha", "Bravo—Centre"])
    assert r.columns.tolist() == [
        "election_date", "province", "riding", "government_party", "winner_party", "lost",
        "swing_pts", "swing_rank", "swing_n", "swing_percentile", "held_since_year",
        "held_since_censored", "years_held", "held_rank", "held_n"]
    for column in ("swing_rank", "years_held", "held_rank"):
        assert str(r[column].dtype) == "Int64", column
    assert r["swing_percentile"].dtype == float
    # Falls: Bravo 18 points (1st), Foxtrot and Golf 15 (both 2nd), Alpha 5 (4th).
    assert r["swing_rank"].tolist() == [4, 1]


def test_tied_holds_share_the_best_rank():
    tied = LENGTHS.assign(held_since_year=[1988, 1993, 1993, 2015, 2015],
                          election_date=["2024-01-01"] * 5)
    r = rank_losses(tied, ["Late", "Cut", "New"]).set_index("riding")
    # 36, 31, 31, 9, 9 years: the two 31-year runs are both 2nd, the 9-year runs both 4th.
    assert r["held_rank"].to_dict() == {"Late": 2, "Cut": 2, "New": 4}
    late = rank_hold_length(tied, "Late")
    assert (late["rank"], late["longer"], late["tied"]) == (2, 1, 1)
    # The next-longest runs below Late's 31 years are the two of 9, not the tie at 31.
    assert late["next"]["riding"].tolist() == ["New", "Created"]
    assert late["next"].columns.tolist() == ["riding", "election_date", "held_since_year",
                                             "years_held", "censored"]
    assert late["next"]["election_date"].tolist() == [pd.Timestamp("2024-01-01")] * 2
    shortest = rank_hold_length(tied, "New")
    assert (shortest["rank"], shortest["tied"]) == (4, 1) and shortest["next"].empty


def test_hold_lengths_without_a_basis_column_read_the_censored_flag():
    flags = LENGTHS.drop(columns="held_since_basis").assign(
        held_since_censored=pd.array([True, False, NA, False, True], dtype="boolean"))
    h = hold_lengths(flags)
    assert h["censored"].tolist() == [True, False, False, False, True]
    assert h["censored"].dtype == bool and str(h["years_held"].dtype) == "Int64"
    # The basis wins over the flag where both are there.
    assert hold_lengths(LENGTHS.assign(held_since_censored=False))["censored"].tolist() == \
        [True, False, True, True, False]
    assert hold_lengths(LENGTHS)["censored"].dtype == bool


def test_among_must_be_defences_or_losses():
    message = "^among must be 'defences' or 'losses'$"
    with pytest.raises(ValueError, match=message):
        rank_losses(TABLE, ["Alpha"], among="seats")
    with pytest.raises(ValueError, match=message):
        rank_hold_length(LENGTHS, "Late", among="seats")
    with pytest.raises(ValueError, match="^not among government defences: Nowhere, Elsewhere$"):
        rank_losses(TABLE, ["Alpha", "Nowhere", "Elsewhere"])


def test_riding_names_match_in_any_dash_apostrophe_space_or_case():
    assert _key("Toronto—St. Paul’s") == "toronto-st. paul's"
    assert _key("  LaSalle -- Émard –  Verdun ") == "lasalle-émard-verdun"
    assert _key("Cloverdale--Langley  City") == "cloverdale-langley city"
    r = rank_losses(TABLE, ["bravo  —  CENTRE"])
    assert r["riding"].tolist() == ["Bravo—Centre"]


def test_the_first_contest_in_the_table_has_no_previous_record():
    first = ballot_record(BALLOTS, "A", "2022-12-12")
    assert first["previous_record"] is None and first["record_then"]
    assert first["beaten_by"]["riding"].tolist() == ["Toronto--St. Paul's",
                                                    "LaSalle--Émard--Verdun", "Carleton", "B"]
    assert first["beaten_by"].columns.tolist() == BALLOTS.columns.tolist()
    assert first["beaten_by"].index.tolist() == [0, 1, 2, 3]
    # One earlier contest, with more candidates: no record.
    smaller = BALLOTS.assign(candidates=[100, 84, 91, 91, 214])
    assert not ballot_record(smaller, "Toronto--St. Paul's", "2024-06-24")["record_then"]
    lev = ballot_record(BALLOTS, "LaSalle--Émard--Verdun", "2024-09-16")
    assert lev["equalled_by"].columns.tolist() == BALLOTS.columns.tolist()
    with pytest.raises(ValueError, match="^Carleton 2021-09-20: 0 rows, expected 1$"):
        ballot_record(BALLOTS, "Carleton", "2021-09-20")
