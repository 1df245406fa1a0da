"""Election results: the 2024 by-elections, 2021 and 2025 general elections, the four ridings
over time, Toronto–St. Paul's winners and the longest ballots.

Each step reads only what it declares; sorted rows, so the output is deterministic.
"""

from __future__ import annotations

import pandas as pd

from . import readers as rd
from .pooling import MIN_SHARE as _MIN_SHARE
from .pooling import pool_small_candidates
from .readers import english, pct, winner_of
from .step import Inputs, formatted, step

# --------------------------------------------------------------------------------------
# The four 2024 by-elections
# --------------------------------------------------------------------------------------

BYELECTIONS_2024 = [  # (riding as in the LoP and EC files, date)
    ("Toronto--St. Paul's", "2024-06-24"),
    ("LaSalle--Émard--Verdun", "2024-09-16"),
    ("Elmwood--Transcona", "2024-09-16"),
    ("Cloverdale--Langley City", "2024-12-16"),
]
MIN_SHARE = _MIN_SHARE  # the book's rule: under 1 % of valid votes -> one OTH row


def byelections_2024_tables(by: pd.DataFrame, t11: pd.DataFrame, t12: pd.DataFrame
                            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    numbers = dict(zip(t11["riding"], t11["riding_number"]))
    results, ballots = [], []
    for riding, date in BYELECTIONS_2024:
        rows = by[(by["Constituency"] == riding) & (by["Election_Date"] == date)]
        if rows.empty:
            raise ValueError(f"no LoP rows for {riding} {date}")
        number = int(numbers[riding])  # 2013 representation order number, from EC 2021 table 11
        total = int(rows["Votes"].sum())
        prev = t12[t12["riding_number"] == number]
        # The book's 1 % rule, except for a party that also stood here in 2021 (e.g. the PPC):
        # it keeps its own row, so its change can be compared.
        cands = pd.DataFrame({"candidate": rows["candidate"], "party_code": rows["party_code"],
                              "votes": rows["Votes"].astype(int)})
        pooled = pool_small_candidates(cands, min_share=MIN_SHARE, keep=set(prev["party_code"]))
        for _, r in pooled.iterrows():
            results.append((riding, number, date, r["candidate"], r["party_code"], int(r["votes"]),
                            int(r["candidates_aggregated"])))
        ballots.append((riding, number, date, len(rows), total, winner_of(rows)["party_code"],
                        prev.loc[prev["votes"].idxmax(), "party_code"]))
    res = pd.DataFrame(results, columns=["riding", "riding_number", "election_date", "candidate",
                                         "party_code", "votes", "candidates_aggregated"])
    res["_oth"] = res["party_code"] == "OTH"  # aggregated row last within each contest
    res = res.sort_values(["election_date", "riding", "_oth", "votes", "candidate"],
                          ascending=[True, True, True, False, True]).drop(columns="_oth")
    bal = pd.DataFrame(ballots, columns=["riding", "riding_number", "election_date",
                                         "candidates_on_ballot", "valid_votes", "winner_party",
                                         "previous_party"]).sort_values(["election_date", "riding"])
    return res, bal


@step(outputs=("byelection_results_2024", "byelection_ballots_2024"),
      raw=(rd.LOP_BY, rd.T11_2021, rd.T12_2021), curated=(rd.PARTIES,))
def byelections_2024(inputs: Inputs):
    """The four by-elections of 2024: candidates (small ones pooled) and each ballot."""
    res, bal = byelections_2024_tables(rd.lop_byelections(inputs), rd.t11_2021(inputs),
                                       rd.t12_2021(inputs))
    return {"byelection_results_2024": res, "byelection_ballots_2024": bal}


# --------------------------------------------------------------------------------------
# 2021 general election
# --------------------------------------------------------------------------------------

@step(outputs=("ge2021_ridings",), raw=(rd.T11_2021,))
def ge2021_ridings(inputs: Inputs):
    """The 338 ridings of 2021: electors, ballots and Elections Canada's turnout."""
    r = rd.t11_2021(inputs).copy()
    r["province"] = r["province"].map(english)
    # 68 ridings have bilingual names "English/French"; keep the English one, as elsewhere.
    r["riding"] = r["riding"].map(english)
    r = r[["riding_number", "riding", "province", "electors", "valid_ballots", "rejected_ballots",
           "total_ballots", "turnout_pct"]].sort_values("riding_number")
    if len(r) != 338:
        raise ValueError("2021: expected 338 ridings")
    # turnout_pct is Elections Canada's published figure (total ballots / electors, 1 decimal).
    return {"ge2021_ridings": formatted(r, ["turnout_pct"], decimals=1)}


@step(outputs=("ge2021_riding_votes",), raw=(rd.T12_2021,), curated=(rd.PARTIES,))
def ge2021_riding_votes(inputs: Inputs):
    """Votes by riding and party in 2021."""
    t12 = rd.t12_2021(inputs)
    # Sum candidates of the same party in a riding (e.g. two independents).
    v = (t12.groupby(["riding_number", "party_code"], as_index=False)["votes"].sum()
         .sort_values(["riding_number", "votes", "party_code"], ascending=[True, False, True]))
    return {"ge2021_riding_votes": v[["riding_number", "party_code", "votes"]]}


# --------------------------------------------------------------------------------------
# The four ridings over time
# --------------------------------------------------------------------------------------

GE2015 = "parlinfo/general_elections/2015-10-19.csv"


def four_ridings(t11: pd.DataFrame) -> dict[int, str]:
    """2013 representation order number -> name of each riding of the 2024 by-elections."""
    names = [r for r, _ in BYELECTIONS_2024]
    return {int(n): r for r, n in zip(t11["riding"], t11["riding_number"]) if r in names}


def riding_history_table(g15: pd.DataFrame, t12_19: pd.DataFrame, t12_21: pd.DataFrame,
                         t25: pd.DataFrame, t11: pd.DataFrame) -> pd.DataFrame:
    names = [r for r, _ in BYELECTIONS_2024]
    numbers = four_ridings(t11)
    rows = []
    # 2015: LoP (no Elections Canada table for 2015 among the sources).
    for _, r in g15[g15["Constituency"].isin(names)].iterrows():
        rows.append((r["Constituency"], "2015-10-19", "2013 representation order", r["candidate"],
                     r["party_code"], int(r["Votes"]), "lop"))
    # 2019 and 2021: Elections Canada table 12 (riding numbers are the 2013 order's).
    for date, t in (("2019-10-21", t12_19), ("2021-09-20", t12_21)):
        for _, r in t[t["riding_number"].isin(numbers)].iterrows():
            rows.append((numbers[r["riding_number"]], date, "2013 representation order",
                         r["candidate"], r["party_code"], int(r["votes"]), "elections_canada"))
    # 2025: Elections Canada official rows, 2023 boundaries; keep the 2025 official name.
    # (For these four ridings the 2025 names are spelled exactly as the 2013 ones.)
    t = t25[t25["riding"].isin(names)]
    if t["riding"].nunique() != 4:
        raise ValueError("2025: could not find the four ridings by name")
    for _, r in t.iterrows():
        rows.append((r["riding"], "2025-04-28", "2023 representation order", r["candidate"],
                     r["party_code"], int(r["votes"]), "elections_canada"))
    h = pd.DataFrame(rows, columns=["riding", "election_date", "boundaries", "candidate",
                                    "party_code", "votes", "source"])
    h = h.sort_values(["riding", "election_date", "votes", "candidate"],
                      ascending=[True, True, False, True])
    if h.duplicated(["riding", "election_date", "candidate"]).any():
        raise ValueError("riding_history: duplicate candidate within a contest")
    return h


@step(outputs=("riding_history",),
      raw=(GE2015, rd.T12_2019, rd.T12_2021, rd.T11_2021, rd.GE45), curated=(rd.PARTIES,))
def riding_history(inputs: Inputs):
    """Every candidate in the four ridings at the general elections of 2015-2025."""
    rd.party_codes_checked(inputs)
    path = inputs.raw_file(GE2015)
    g15 = inputs.once(GE2015, lambda: rd.read_lop_general(path))
    t11 = rd.t11_2021(inputs)
    table = riding_history_table(g15, rd.t12_2019(inputs, set(four_ridings(t11))),
                                 rd.t12_2021(inputs), rd.ge45(inputs), t11)
    return {"riding_history": table}


# --------------------------------------------------------------------------------------
# Toronto--St. Paul's (St. Paul's before 2015) winners, 1988-2025
# --------------------------------------------------------------------------------------

TSP_NAMES = {"St. Paul's", "Toronto--St. Paul's"}
TSP_FROM = "1988-11-21"  # the table's span: 1988-2025


def tsp_winners_table(ge: dict, by: pd.DataFrame, t25: pd.DataFrame, t12_19, t12_21
                      ) -> pd.DataFrame:
    rows = []
    contests = []
    for date, g in sorted(ge.items()):
        if date == "2025-04-28":
            continue  # LoP 2025 file may hold election-night counts; use EC 2025 below
        if date < TSP_FROM:
            continue
        contests.append(("general", date, g[g["Constituency"].isin(TSP_NAMES)]))
    b = by[by["Constituency"].isin(TSP_NAMES) & (by["Election_Date"] >= TSP_FROM)]
    for date, g in b.groupby("Election_Date"):
        contests.append(("by-election", date, g))
    for etype, date, g in contests:
        if g["Constituency"].nunique() != 1:
            raise ValueError(f"St. Paul's: {date} has no single contest")
        w = winner_of(g)
        rows.append((date, etype, w["Constituency"], w["candidate"], w["party_code"],
                     int(w["Votes"]), pct(w["Votes"], g["Votes"].sum())))
    t = t25[t25["riding"].isin(TSP_NAMES)]
    w = t.loc[t["votes"].idxmax()]
    rows.append(("2025-04-28", "general", w["riding"], w["candidate"], w["party_code"],
                 int(w["votes"]), pct(w["votes"], t["votes"].sum())))
    df = pd.DataFrame(rows, columns=["election_date", "election_type", "riding", "winner",
                                     "party_code", "votes", "share_pct"]).sort_values("election_date")
    # Cross-check the LoP 2019 and 2021 rows against Elections Canada's table 12.
    for date, t in (("2019-10-21", t12_19), ("2021-09-20", t12_21)):
        t = t[t["riding"] == "Toronto--St. Paul's"]
        row = df[df["election_date"] == date].iloc[0]
        if (int(t["votes"].max()) != row["votes"]
                or pct(t["votes"].max(), t["votes"].sum()) != row["share_pct"]):
            raise ValueError(f"St. Paul's {date}: LoP and Elections Canada disagree")
    return formatted(df, ["share_pct"])


@step(outputs=("toronto_st_pauls_winners",),
      raw=(rd.LOP_GE, rd.LOP_BY, rd.GE45, rd.T12_2019, rd.T12_2021, rd.T11_2021),
      curated=(rd.PARTIES,))
def toronto_st_pauls_winners(inputs: Inputs):
    """The winner of every contest in (Toronto--)St. Paul's since 1988."""
    t11 = rd.t11_2021(inputs)
    table = tsp_winners_table(rd.lop_general_elections(inputs), rd.lop_byelections(inputs),
                              rd.ge45(inputs), rd.t12_2019(inputs, set(four_ridings(t11))),
                              rd.t12_2021(inputs))
    return {"toronto_st_pauls_winners": table}


# --------------------------------------------------------------------------------------
# 2025 national totals
# --------------------------------------------------------------------------------------

def ge2025_national_table(t25: pd.DataFrame) -> pd.DataFrame:
    ranked = t25.sort_values(["riding_number", "votes"], ascending=[True, False])
    win = ranked.groupby("riding_number").head(1)
    top2 = ranked.groupby("riding_number")["votes"].apply(lambda v: list(v.iloc[:2]))
    if any(len(v) == 2 and v[0] == v[1] for v in top2):  # guard: a tie for first place
        raise ValueError("2025: tie for first place")
    seats = win["party_code"].value_counts()
    keep = set(seats.index) | {"PPC"}
    t = t25.copy()
    t["code"] = t["party_code"].where(t["party_code"].isin(keep), "OTH")  # the rest as OTH
    v = t.groupby("code")["votes"].sum()
    total = int(v.sum())
    df = pd.DataFrame({"party_code": v.index, "seats": [int(seats.get(c, 0)) for c in v.index],
                       "votes": v.values.astype(int)})
    df["vote_share_pct"] = [pct(x, total) for x in df["votes"]]
    df["_oth"] = df["party_code"] == "OTH"
    df = df.sort_values(["_oth", "seats", "votes"], ascending=[True, False, False]).drop(columns="_oth")
    return formatted(df, ["vote_share_pct"])


@step(outputs=("ge2025_national",), raw=(rd.GE45,), curated=(rd.PARTIES,))
def ge2025_national(inputs: Inputs):
    """Seats, votes and shares by party at the 2025 general election."""
    return {"ge2025_national": ge2025_national_table(rd.ge45(inputs))}


# --------------------------------------------------------------------------------------
# 2025: the ridings of two party leaders who lost (Carleton, Burnaby Central)
# --------------------------------------------------------------------------------------

LEADERS_RIDINGS_2025 = {35020: "Carleton", 59002: "Burnaby Central"}


@step(outputs=("ge2025_leaders_ridings",), raw=(rd.GE45,), curated=(rd.PARTIES,))
def ge2025_leaders_ridings(inputs: Inputs):
    """Every candidate's official 2025 votes in Carleton (Pierre Poilievre, CPC leader) and
    Burnaby Central (Jagmeet Singh, NDP leader)."""
    t25 = rd.ge45(inputs)
    t = t25[t25["riding_number"].isin(LEADERS_RIDINGS_2025)].copy()
    for number, name in LEADERS_RIDINGS_2025.items():
        names = set(t.loc[t["riding_number"] == number, "riding"])
        if names != {name}:
            raise ValueError(f"2025: riding {number} is {names}, expected {name!r}")
    df = t[["riding", "riding_number", "candidate", "party_code", "votes", "result_type"]]
    df = df.sort_values(["riding", "votes", "candidate"], ascending=[True, False, True])
    return {"ge2025_leaders_ridings": df}


# --------------------------------------------------------------------------------------
# The longest ballots: contests with many candidates
# --------------------------------------------------------------------------------------

MIN_CANDIDATES = 20  # contests with fewer candidates are left out of longest_ballots.csv


def longest_ballots_table(ge: dict, by_all: pd.DataFrame, t25: pd.DataFrame) -> pd.DataFrame:
    """Every contest with at least MIN_CANDIDATES names on the ballot, in the files used.

    Coverage: every federal contest since Confederation: every by-election since 1867 and the
    general elections of 1867-2021 (LoP), and 2025 (Elections Canada, validated rows). A claim
    about "the most ever" still holds only up to the date of the next contest with as many.
    Contests are told apart by province too (before 1968 some names, e.g. Victoria or Kent,
    were used in two provinces at once)."""
    rows = []
    for (date, _, riding), g in by_all.groupby(["Election_Date", "Province_Territory",
                                                "Constituency"]):
        rows.append((date, "by-election", riding, len(g), "Library of Parliament"))
    for date, g in ge.items():
        if date == "2025-04-28":
            continue  # 2025 from Elections Canada below
        for (_, riding), c in g.groupby(["Province_Territory", "Constituency"]):
            rows.append((date, "general", riding, len(c), "Library of Parliament"))
    for riding, c in t25.groupby("riding"):
        rows.append(("2025-04-28", "general", riding, len(c), "Elections Canada"))
    df = pd.DataFrame(rows, columns=["election_date", "election_type", "riding", "candidates",
                                     "source"])
    return df[df["candidates"] >= MIN_CANDIDATES].sort_values(
        ["election_date", "riding"]).reset_index(drop=True)


@step(outputs=("longest_ballots",), raw=(rd.LOP_GE, rd.LOP_BY, rd.GE45), curated=(rd.PARTIES,))
def longest_ballots(inputs: Inputs):
    """Every federal contest since 1867 with at least MIN_CANDIDATES candidates."""
    table = longest_ballots_table(rd.lop_general_elections(inputs),
                                  rd.lop_byelections_raw(inputs), rd.ge45(inputs))
    return {"longest_ballots": table}


STEPS = [byelections_2024, ge2021_ridings, ge2021_riding_votes, riding_history,
         toronto_st_pauls_winners, ge2025_national, ge2025_leaders_ridings, longest_ballots]
