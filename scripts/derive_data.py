#!/usr/bin/env python
"""Derive the book's election CSVs from the publishers' own files in ``data/raw/``.

    python scripts/derive_data.py                  # rewrite the derived CSVs in data/
    python scripts/derive_data.py --out /tmp/x     # write them elsewhere (the tests compare)

``make data`` runs it (with ``derive_polls.py``) and then records the outputs' checksums in
``data/raw/manifest.json``. The book never runs it at build time. It reads only files listed in
``data/raw/manifest.json`` (checking each one's SHA-256 first) and the curated party table
``data/parties.csv`` and the curated predecessor table ``data/riding_predecessors.csv``.
Inputs, byte for byte as published:

* Elections Canada, official voting results of the 43rd (2019) and 44th (2021) general
  elections, tables 11 and 12 (``raw/elections-canada/ca_ge4{3,4}_table_tableau1{1,2}.csv``);
* Elections Canada, 45th (2025) general election results download of 13 June 2025
  (``raw/elections-canada/ca_ge45_preliminary_candidates_2025-06-13.tsv``);
* Library of Parliament (ParlInfo) candidate results, as cleaned by
  Lucas-Czarnecki/Canadian-Federal-Elections (``raw/parlinfo/by_elections/<Province>.csv``,
  every by-election since 1867, and ``raw/parlinfo/general_elections/<date>.csv``, every general
  election from 1867 to 2021).

Only pandas, the standard library and this package's tested pooling rule are used. Output is deterministic: sorted rows, UTF-8,
``\\n`` line ends, no index. Any party label not in the mapping tables below stops the run.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from liberal_crisis.analysis import swing  # the pooling rule, tested in tests/test_analysis_swing.py

# --------------------------------------------------------------------------------------
# Parties
# --------------------------------------------------------------------------------------

# Library of Parliament labels (Political_Affiliation), 1988 onwards.
LOP_LABELS = {
    "Liberal Party of Canada": "LPC",
    "Conservative Party of Canada": "CPC",
    "New Democratic Party": "NDP",
    "Bloc Québécois": "BQ",
    "Green Party of Canada": "GPC",
    "People's Party of Canada": "PPC",
    "Independent": "IND",
    "No affiliation to a recognised party": "NOA",
    "Progressive Conservative Party": "PC",
    "Reform Party of Canada": "REF",
    "Canadian Reform Conservative Alliance": "CA",
    "Marxist-Leninist Party of Canada": "ML",
    # The Rhinoceros party has run under several registered names since 2006.
    "Rhinoceros Party of Canada": "RHI",
    "Rhinoceros Party": "RHI",
    "Parti Rhinocéros Party": "RHI",
    "neorhino.ca": "RHI",
    "Marijuana Party": "MAR",
    "Centrist Party of Canada": "CEN",
    "Canadian Future Party": "CFP",
    "Christian Heritage Party of Canada": "CHP",
    "Libertarian Party of Canada": "LBT",
    "Free Party Canada": "FPC",
    "Communist Party of Canada": "COM",
    "Animal Protection Party of Canada": "APP",
    "Canada's Fourth Front": "CFF",
    "Canadian Nationalist Party": "NAT",
    "Maverick Party": "MAV",
    "National Citizens Alliance of Canada": "NCA",
    "National Citizens Alliance": "NCA",
    "Parti Patriote": "PAT",
    "Parti pour l'Indépendance du Québec": "PIQ",
    "Veterans Coalition Party of Canada": "VCP",
    "United Party of Canada": "UPC",
    # Minor parties of 1988-2019 that never won a seat in these files. They are only ever
    # counted in contest totals (shares), never shown on their own, so they share OTH rather
    # than getting codes (and names) of their own. The list is explicit, not a fallback.
    "Natural Law Party of Canada": "OTH",
    "Canadian Action Party": "OTH",
    "National Party of Canada": "OTH",
    "Party for the Commonwealth of Canada": "OTH",
    "Abolitionist Party of Canada": "OTH",
    "Progressive Canadian Party": "OTH",
    "Canada Party": "OTH",
    "Confederation of Regions Western Party": "OTH",
    "Animal Alliance Environment Voters Party of Canada": "OTH",
    "Strength in Democracy": "OTH",
    "Pirate Party of Canada": "OTH",
    "First Peoples National Party of Canada": "OTH",
    "Western Block Party": "OTH",
    "Social Credit Party of Canada": "OTH",
    "National Advancement Party of Canada": "OTH",
    "Newfoundland and Labrador First Party": "OTH",
    "Stop Climate Change Party": "OTH",
    "People's Political Power Party of Canada": "OTH",
    "Co-operative Commonwealth Federation": "OTH",
    "Work Less Party": "OTH",
    "Accountability, Competency and Transparency": "OTH",
    "Seniors Party of Canada": "OTH",
    "The Bridge Party of Canada": "OTH",
    "Alliance of the North": "OTH",
}
CPC_FOUNDED = "2003-12-07"  # merger of CA and PC; no federal contest fell between 7 and 8 Dec 2003

# Library of Parliament labels before the 1988 general election (MODERN_FROM). The rule, stated
# once and tested (tests/test_derive_data.py): a label is coded as a party of 1988 and after only
# where it names that party or status under the same name; **every other label before 1988 is
# coded OTH**, and no label falls through unmapped. The by-election runs only ever follow a party
# that won a contest in 1988 or later (LPC, PC, NDP, BQ, REF, CA, CPC, IND, NOA), and OTH never
# wins one then (checked in main()), so an OTH winner before 1988 can only end a run, as a party
# change, never extend one. Behind OTH are historical parties (the Conservative party of
# 1867-1942, "Conservative (1867-1942)"; the Liberal-Conservatives; the Unionists of 1917; the
# National Government candidates of 1940; the Progressives; the CCF; Social Credit and the
# Ralliement des créditistes; the Labor-Progressives ...), candidates standing as "Independent
# Liberal", "Independent Conservative", "Liberal Progressive" and the like, and minor parties
# (some of them, such as the Greens of 1984, named like a party of later years; none won a seat
# before 1988). Renamed and merged parties are kept apart, as the PC, REF and CA are kept apart
# from the CPC: the Conservative party's run ends where the Progressive Conservative label
# begins (December 1942), the CCF's where the NDP's begins (1961). "Unknown" (the publisher has
# no affiliation for the candidate) is OTH too: it can only end a run.
HISTORICAL_LABELS = {
    "Liberal Party of Canada": "LPC",
    "Progressive Conservative Party": "PC",
    "New Democratic Party": "NDP",
    "Independent": "IND",
    "No affiliation to a recognised party": "NOA",
}
MODERN_FROM = "1988-11-21"  # from this general election on, LOP_LABELS apply

# Elections Canada 2019/2021 table 12: the candidate field ends in "English/French" label.
EC_TABLE12_LABELS = {
    "Liberal/Libéral": "LPC",
    "Conservative/Conservateur": "CPC",
    "NDP-New Democratic Party/NPD-Nouveau Parti démocratique": "NDP",
    "Bloc Québécois/Bloc Québécois": "BQ",
    "Green Party/Parti Vert": "GPC",
    "People's Party - PPC/Parti populaire - PPC": "PPC",  # 2021 wording
    "People's Party/Parti populaire": "PPC",  # 2019 wording
    "Independent/Indépendant(e)": "IND",
    "No Affiliation/Aucune appartenance": "NOA",
    "Marxist-Leninist/Marxiste-Léniniste": "ML",  # 2021 wording
    "ML/ML": "ML",  # 2019 wording
    "Parti Rhinocéros Party/Parti Rhinocéros Party": "RHI",
    "Marijuana Party/Parti Marijuana": "MAR",
    "Radical Marijuana/Radical Marijuana": "MAR",  # 2019 short name of the Marijuana Party
    "Centrist/Centriste": "CEN",
    "Christian Heritage Party/Parti de l'Héritage Chrétien": "CHP",
    "Libertarian/Libertarien": "LBT",
    "Free Party Canada/Parti Libre Canada": "FPC",
    "Communist/Communiste": "COM",
    "Animal Protection Party/Parti Protection Animaux": "APP",
    "Canada's Fourth Front/QFC - Quatrième front du Canada": "CFF",
    "Nationalist/Nationaliste": "NAT",
    "Maverick Party/Maverick Party": "MAV",
    "National Citizens Alliance/Alliance Nationale Citoyens": "NCA",
    "Parti Patriote/Parti Patriote": "PAT",
    "Pour l'Indépendance du Québec/Pour l'Indépendance du Québec": "PIQ",
    "VCP/CAC": "VCP",
    "UPC/UPC": "UPC",
}

# Elections Canada 2025 download: "Political affiliation" (English) column.
EC2025_LABELS = {
    "Liberal": "LPC",
    "Conservative": "CPC",
    "NDP-New Democratic Party": "NDP",
    "Bloc Québécois": "BQ",
    "Green Party": "GPC",
    "People's Party - PPC": "PPC",
    "Independent": "IND",
    "No Affiliation": "NOA",
    "Marxist-Leninist": "ML",
    "Parti Rhinocéros Party": "RHI",
    "Marijuana Party": "MAR",
    "Centrist": "CEN",
    "CFP": "CFP",
    "Christian Heritage Party": "CHP",
    "Libertarian": "LBT",
    "Communist": "COM",
    "Animal Protection Party": "APP",
    "United Party of Canada (UP)": "UPC",
}



def check_party_codes(parties_csv: Path) -> None:
    """Every code the mapping tables give exists in the curated party table."""
    codes = set(pd.read_csv(parties_csv, dtype=str, keep_default_na=False)["party_code"])
    for table in (LOP_LABELS, EC_TABLE12_LABELS, EC2025_LABELS):
        missing = set(table.values()) - codes
        if missing:
            raise UnmappedLabel(f"party codes {sorted(missing)} are not in {parties_csv}")


class UnmappedLabel(KeyError):
    pass


def lop_code(label: str, date: str) -> str:
    """Party code for a Library of Parliament label on a given election date.

    Before MODERN_FROM (1988): HISTORICAL_LABELS, every other label OTH (the rule above them).
    From 1988: LOP_LABELS, and an unmapped label stops the run."""
    if date < MODERN_FROM:
        return HISTORICAL_LABELS.get(label, "OTH")
    if label == "Conservative (1867-1942)":
        # Known mislabel: 13 by-election rows of 2005-2013 give Conservative Party of Canada
        # candidates the historical party's label. Only the post-2003 party can be meant.
        if date >= CPC_FOUNDED:
            return "CPC"
        raise UnmappedLabel(f"LoP label {label!r} on {date}: the historical party (1867-1942) "
                            "cannot stand in 1988-2003, and the CPC did not yet exist")
    if label not in LOP_LABELS:
        raise UnmappedLabel(f"unmapped LoP party label {label!r} ({date})")
    return LOP_LABELS[label]


def ec2025_code(label: str) -> str:
    if label not in EC2025_LABELS:
        raise UnmappedLabel(f"unmapped Elections Canada 2025 party label {label!r}")
    return EC2025_LABELS[label]


_T12 = re.compile(
    r"^(?P<name>.+?)(?P<inc>\s+\*\*)?\s+(?P<label>"
    + "|".join(re.escape(k) for k in sorted(EC_TABLE12_LABELS, key=len, reverse=True))
    + r")$"
)


def parse_t12_candidate(field: str) -> tuple[str, str]:
    """Split EC table 12's 'Name [**] English/French' field into (name, party_code)."""
    m = _T12.match(" ".join(field.split()))
    if not m:
        raise UnmappedLabel(f"unmapped Elections Canada table 12 candidate/party {field!r}")
    return m["name"], EC_TABLE12_LABELS[m["label"]]


# --------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------

FIRST_GE = "1867-08-07"  # first general election file used (the first federal election)


def english(s: str) -> str:
    """EC bilingual values are 'English/French': keep the English part."""
    return s.split("/")[0].strip()


def lop_name(s: str) -> str:
    """LoP 'Last, First Middle' -> 'First Middle Last' (as Elections Canada prints names)."""
    s = " ".join(str(s).split())
    if "," in s:
        last, first = s.split(",", 1)
        s = f"{first.strip()} {last.strip()}"
    return " ".join(s.split())


def read_lop(files: list[Path]) -> pd.DataFrame:
    if not files:
        raise FileNotFoundError("no Library of Parliament by-election files in data/raw")
    df = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files],
                   ignore_index=True)
    df["Votes"] = df["Votes"].astype(int)
    df["Constituency"] = df["Constituency"].str.strip()
    return df


def add_lop_codes(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["party_code"] = [lop_code(l, d) for l, d in zip(df["Political_Affiliation"], df["Election_Date"])]
    df["candidate"] = df["Candidate"].map(lop_name)
    df["elected"] = df["Result"].str.startswith("Elected")
    return df


def read_t11(path: Path) -> pd.DataFrame:
    t = pd.read_csv(path, encoding="utf-8-sig")
    t.columns = ["province", "riding", "riding_number", "population", "electors", "polling_stations",
                 "valid_ballots", "valid_pct", "rejected_ballots", "rejected_pct", "total_ballots",
                 "turnout_pct", "elected"]
    return t


def read_t12(path: Path, ridings: set[int] | None = None) -> pd.DataFrame:
    t = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    t = t.iloc[:, [0, 1, 2, 3, 6]]
    t.columns = ["province", "riding", "riding_number", "field", "votes"]
    t["riding_number"] = t["riding_number"].str.strip().astype(int)
    t["votes"] = t["votes"].str.strip().astype(int)
    if ridings is not None:
        t = t[t["riding_number"].isin(ridings)].copy()
    parsed = [parse_t12_candidate(f) for f in t["field"]]
    t["candidate"] = [p[0] for p in parsed]
    t["party_code"] = [p[1] for p in parsed]
    return t


def read_ge45(path: Path) -> pd.DataFrame:
    # First line is a download note, not the header; CRLF line ends; trailing footnote rows.
    t = pd.read_csv(path, sep="\t", skiprows=1, dtype=str, keep_default_na=False,
                    encoding="utf-8")
    t = t.iloc[:, [0, 1, 3, 5, 6, 7, 8, 10]]
    t.columns = ["riding_number", "riding", "result_type", "surname", "middle", "given",
                 "affiliation", "votes"]
    t = t[t["riding_number"].str.fullmatch(r"\d{5}")].copy()
    t["riding_number"] = t["riding_number"].astype(int)
    t["votes"] = t["votes"].astype(int)
    # Official counts only: judicially certified rows where a recount was held, else the
    # returning officers' validated rows. Preliminary (election-night) rows are dropped.
    certified = set(t.loc[t["result_type"] == "judicially certified", "riding_number"])
    keep = ((t["result_type"] == "judicially certified")
            | ((t["result_type"] == "validated") & ~t["riding_number"].isin(certified)))
    t = t[keep].copy()
    t["party_code"] = t["affiliation"].map(ec2025_code)
    t["candidate"] = [" ".join(" ".join(p).split()) for p in zip(t["given"], t["middle"], t["surname"])]
    if t["riding_number"].nunique() != 343:
        raise ValueError("2025: expected official rows for 343 ridings")
    return t


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------

def pct(part, whole):
    # Unrounded: a share is rounded once, where a reader sees it. Stored at two decimals and
    # printed at one, 27.346 would become 27.35 and then 27.4.
    return None if not whole else 100.0 * part / whole


def write_csv(df: pd.DataFrame, path: Path, float_cols=(), decimals=None) -> None:
    """``float_cols`` at ``decimals`` fixed decimals (a publisher's own rounded figure), or in
    full (Python's shortest exact form) when ``decimals`` is None; blank for missing."""
    df = df.copy()
    for c in float_cols:
        df[c] = [("" if v is None or pd.isna(v) else
                  repr(float(v)) if decimals is None else f"{v:.{decimals}f}") for v in df[c]]
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    print(f"wrote {path} ({len(df)} rows)")


def winner_of(rows: pd.DataFrame) -> pd.Series:
    """The elected row of one contest (LoP rows carry a Result).

    A contest electing two members (the dual-member ridings, e.g. Halifax and Queen's until
    1965, or a by-election filling both seats) has no single winner: it stops the run with an
    error naming the contest rather than picking one of the two."""
    w = rows[rows["elected"]]
    if len(w) != 1:
        r = rows.iloc[0]
        where = " ".join(str(r.get(c, "")) for c in ("Election_Date", "Province_Territory",
                                                       "Constituency"))
        raise ValueError(f"expected one elected candidate, got {len(w)} ({where}): a "
                         "dual-member contest has no single winner")
    return w.iloc[0]


# --------------------------------------------------------------------------------------
# The four 2024 by-elections
# --------------------------------------------------------------------------------------

BYELECTIONS_2024 = [  # (riding as in the LoP and EC files, date)
    ("Toronto--St. Paul's", "2024-06-24"),
    ("LaSalle--Émard--Verdun", "2024-09-16"),
    ("Elmwood--Transcona", "2024-09-16"),
    ("Cloverdale--Langley City", "2024-12-16"),
]
MIN_SHARE = swing.MIN_SHARE  # the book's rule: under 1 % of valid votes -> one OTH row


def byelections_2024(by: pd.DataFrame, t11: pd.DataFrame, t12: pd.DataFrame, out: Path):
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
        pooled = swing.pool_small_candidates(cands, min_share=MIN_SHARE,
                                             keep=set(prev["party_code"]))
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
    write_csv(res, out / "byelection_results_2024.csv")
    bal = pd.DataFrame(ballots, columns=["riding", "riding_number", "election_date",
                                         "candidates_on_ballot", "valid_votes", "winner_party",
                                         "previous_party"]).sort_values(["election_date", "riding"])
    write_csv(bal, out / "byelection_ballots_2024.csv")


# --------------------------------------------------------------------------------------
# 2021 general election
# --------------------------------------------------------------------------------------

def ge2021(t11: pd.DataFrame, t12: pd.DataFrame, out: Path):
    r = t11.copy()
    r["province"] = r["province"].map(english)
    # 68 ridings have bilingual names "English/French"; keep the English one, as elsewhere.
    r["riding"] = r["riding"].map(english)
    r = r[["riding_number", "riding", "province", "electors", "valid_ballots", "rejected_ballots",
           "total_ballots", "turnout_pct"]].sort_values("riding_number")
    if len(r) != 338:
        raise ValueError("2021: expected 338 ridings")
    # turnout_pct is Elections Canada's published figure (total ballots / electors, 1 decimal).
    write_csv(r, out / "ge2021_ridings.csv", float_cols=["turnout_pct"], decimals=1)

    # Sum candidates of the same party in a riding (e.g. two independents).
    v = (t12.groupby(["riding_number", "party_code"], as_index=False)["votes"].sum()
         .sort_values(["riding_number", "votes", "party_code"], ascending=[True, False, True]))
    write_csv(v[["riding_number", "party_code", "votes"]], out / "ge2021_riding_votes.csv")


# --------------------------------------------------------------------------------------
# The four ridings over time
# --------------------------------------------------------------------------------------

def riding_history(ge: dict, t12_19: pd.DataFrame, t12_21: pd.DataFrame, t25: pd.DataFrame,
                   t11: pd.DataFrame, out: Path):
    names = [r for r, _ in BYELECTIONS_2024]
    numbers = {int(n): r for r, n in zip(t11["riding"], t11["riding_number"]) if r in names}
    rows = []
    # 2015: LoP (no Elections Canada table for 2015 among the sources).
    g15 = ge["2015-10-19"]
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
    h = pd.DataFrame(rows, columns=["riding", "election_date", "boundaries", "candidate", "party_code",
                                    "votes", "source"])
    h = h.sort_values(["riding", "election_date", "votes", "candidate"],
                      ascending=[True, True, False, True])
    if h.duplicated(["riding", "election_date", "candidate"]).any():
        raise ValueError("riding_history: duplicate candidate within a contest")
    write_csv(h, out / "riding_history.csv")


# --------------------------------------------------------------------------------------
# Toronto--St. Paul's (St. Paul's before 2015) winners, 1988-2025
# --------------------------------------------------------------------------------------

TSP_NAMES = {"St. Paul's", "Toronto--St. Paul's"}
TSP_FROM = "1988-11-21"  # the table's span: 1988-2025


def tsp_winners(ge: dict, by: pd.DataFrame, t25: pd.DataFrame, t12_19, t12_21, out: Path):
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
        rows.append((date, etype, w["Constituency"], w["candidate"], w["party_code"], int(w["Votes"]),
                     pct(w["Votes"], g["Votes"].sum())))
    t = t25[t25["riding"].isin(TSP_NAMES)]
    w = t.loc[t["votes"].idxmax()]
    rows.append(("2025-04-28", "general", w["riding"], w["candidate"], w["party_code"], int(w["votes"]),
                 pct(w["votes"], t["votes"].sum())))
    df = pd.DataFrame(rows, columns=["election_date", "election_type", "riding", "winner", "party_code",
                                     "votes", "share_pct"]).sort_values("election_date")
    # Cross-check the LoP 2019 and 2021 rows against Elections Canada's table 12.
    for date, t in (("2019-10-21", t12_19), ("2021-09-20", t12_21)):
        t = t[t["riding"] == "Toronto--St. Paul's"]
        row = df[df["election_date"] == date].iloc[0]
        if (int(t["votes"].max()) != row["votes"]
                or pct(t["votes"].max(), t["votes"].sum()) != row["share_pct"]):
            raise ValueError(f"St. Paul's {date}: LoP and Elections Canada disagree")
    write_csv(df, out / "toronto_st_pauls_winners.csv", float_cols=["share_pct"])


# --------------------------------------------------------------------------------------
# 2025 national totals
# --------------------------------------------------------------------------------------

def ge2025_national(t25: pd.DataFrame, out: Path):
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
    write_csv(df, out / "ge2025_national.csv", float_cols=["vote_share_pct"])


# --------------------------------------------------------------------------------------
# By-elections 1993-2025: holds, losses and the governing party's vote
# --------------------------------------------------------------------------------------

# Party forming the government on a date (ministries' swearing-in dates: Chrétien
# 1993-11-04, Harper 2006-02-06, Trudeau 2015-11-04; Carney 2025-03-14 kept LPC).
GOVERNMENTS = [("1984-09-17", "PC"), ("1993-11-04", "LPC"), ("2006-02-06", "CPC"), ("2015-11-04", "LPC")]
BY_FROM, BY_TO = "1993-10-25", "2025-04-28"


def government_on(date: str) -> str:
    code = None
    for start, party in GOVERNMENTS:
        if date >= start:
            code = party
    return code


def norm_name(s: str) -> str:
    # Only typography is normalised (curly vs straight apostrophe, spacing); names must
    # otherwise be identical, so ridings are never matched across redistributions.
    return " ".join(s.replace("\u2019", "'").split())


# Why a run of wins starts where it does; the last two are left-censored (the run may be longer).
CENSORED = {"data start", "riding created"}


def read_predecessors(path: Path) -> dict[str, list[str]]:
    """Curated predecessor ridings (data/riding_predecessors.csv), keyed by normalised name."""
    t = pd.read_csv(path, dtype=str, keep_default_na=False)
    out: dict[str, list[str]] = {}
    for riding, pred in zip(t["riding"], t["predecessor"]):
        out.setdefault(norm_name(riding), []).append(norm_name(pred))
    return out


def byelections_since_1993(ge: dict, by: pd.DataFrame, out: Path, report: list,
                           predecessors: dict[str, list[str]]):
    """One row per by-election of 1993-2025: who held the seat, since when, and why the run
    starts there (``held_since_basis``).

    **Riding names and boundaries.** A run of wins is followed under one riding name (within
    one province; only typography is normalised), back through every general election and
    by-election since the first general election of 1867, while the same party won and no
    general election is missing from the name's record (a missing one means the name lapsed).
    Boundary changes that keep the name are not seen: the name is the only link. Where the name
    changes, the run is followed into a predecessor only where the curated table
    ``data/riding_predecessors.csv`` names one (one predecessor: the run continues there; several:
    it continues only if none elected another party, and is then not traced further). Otherwise
    the run starts at the riding's first election under that name and is reported as "riding
    created", a censored run: the seat was held for *at least* that long. A run that reaches the
    general election of 1867 is "data start", also censored. A contest electing two members (a
    dual-member riding) cannot be followed and stops the derivation with an error."""
    ge_dates = sorted(d for d in ge if d < BY_TO)
    contests = []  # one record per contest, 1867 GE onwards
    for date in ge_dates:
        for (prov, name), g in ge[date].groupby(["Province_Territory", "Constituency"]):
            contests.append({"date": date, "type": "general", "key": (prov, norm_name(name)),
                             "rows": g})
    for (date, prov, name), g in by[by["Election_Date"] >= FIRST_GE].groupby(
            ["Election_Date", "Province_Territory", "Constituency"]):
        contests.append({"date": date, "type": "by-election", "key": (prov, norm_name(name)),
                         "rows": g})
    by_key: dict[tuple[str, str], list] = {}
    for c in contests:
        by_key.setdefault(c["key"], []).append(c)
    for lst in by_key.values():
        lst.sort(key=lambda c: c["date"])

    def share(rows, code):
        total = rows["Votes"].sum()
        if code not in set(rows["party_code"]) or total == 0:  # no candidate, or acclamation
            return None
        return pct(rows.loc[rows["party_code"] == code, "Votes"].sum(), total)

    def run_start(key: tuple[str, str], before: str, held: str):
        """First contest of ``held``'s unbroken run in riding ``key`` before ``before``, and why
        the run starts there: a contest won by another party ("party change"), the first
        election in the data ("data start") or the riding's first election under this name
        ("riding created"). A riding in ``predecessors`` is followed into its predecessor(s)."""
        if held == "OTH":  # never happens (checked in main()); OTH winners can only end runs
            raise ValueError(f"{key}: a run of OTH cannot be followed")
        # Walk back through earlier contests of the same name while the same party won and
        # no general election is missing (a missing GE means the name lapsed).
        earlier = [h for h in by_key[key] if h["date"] < before]
        expected_ge = [d for d in ge_dates if d < before]
        start, basis = None, None
        for h in reversed(earlier):
            # the general election this contest belongs to must be the next one expected
            h_ge = max(d for d in ge_dates if d <= h["date"])
            if not expected_ge or h_ge != expected_ge[-1]:
                break
            # winner_of raises on a contest electing two members (a dual-member riding)
            if winner_of(h["rows"])["party_code"] != held:
                basis = "party change"
                break
            start = h
            if h["type"] == "general":
                expected_ge.pop()
        if basis is not None:
            return start, basis
        if start["date"] == FIRST_GE:
            return start, "data start"
        preds = predecessors.get(key[1], [])
        if not preds or start["type"] != "general":
            return start, "riding created"
        prev_ge = max(d for d in ge_dates if d < start["date"])
        prev_winners = []
        for p in preds:
            rows = [h for h in by_key.get((key[0], p), []) if h["date"] == prev_ge]
            if len(rows) != 1:
                raise ValueError(f"predecessor {p!r} of {key!r}: no single contest on {prev_ge}")
            prev_winners.append(winner_of(rows[0]["rows"])["party_code"])
        if any(w != held for w in prev_winners):
            return start, "party change"
        if len(preds) == 1:
            return run_start((key[0], preds[0]), start["date"], held)
        return start, "riding created"  # several predecessors all held: not traced further

    out_rows = []
    targets = [c for c in contests if c["type"] == "by-election" and BY_FROM < c["date"] < BY_TO]
    for c in sorted(targets, key=lambda c: (c["date"], c["key"])):
        rows, date = c["rows"], c["date"]
        gov = government_on(date)
        if gov not in ("LPC", "CPC"):
            raise ValueError(f"unexpected government {gov} on {date}")
        w = winner_of(rows)
        total = rows["Votes"].sum()
        rec = {"election_date": date, "province": rows["Province_Territory"].iloc[0],
               "riding": rows["Constituency"].iloc[0], "winner_party": w["party_code"],
               "held_by_party": None, "government_party": gov, "gov_share_prev_pct": None,
               "gov_share_pct": share(rows, gov),
               "winner_share_pct": pct(w["Votes"], total) if total else None,
               "held_since_year": None, "held_since_censored": None, "held_since_basis": None}
        prev_ge = max(d for d in ge_dates if d < date)
        history = [h for h in by_key[c["key"]] if prev_ge <= h["date"] < date]
        if not history:  # name not found in the preceding general election: leave blank
            report.append(f"no previous contest for {date} {rec['riding']} ({rec['province']})")
            out_rows.append(rec)
            continue
        prev = history[-1]
        held = winner_of(prev["rows"])["party_code"]
        rec["held_by_party"] = held
        rec["gov_share_prev_pct"] = share(prev["rows"], gov)
        start, basis = run_start(c["key"], date, held)
        rec["held_since_year"] = int(start["date"][:4])
        rec["held_since_basis"] = basis
        rec["held_since_censored"] = basis in CENSORED
        out_rows.append(rec)
    df = pd.DataFrame(out_rows)
    df["held_since_year"] = df["held_since_year"].astype("Int64")
    df["held_since_censored"] = df["held_since_censored"].map({True: "true", False: "false"})
    df = df.sort_values(["election_date", "province", "riding"])
    write_csv(df, out / "byelections_since_1993.csv",
              float_cols=["gov_share_prev_pct", "gov_share_pct", "winner_share_pct"])


# --------------------------------------------------------------------------------------
# 2025: the ridings of two party leaders who lost (Carleton, Burnaby Central)
# --------------------------------------------------------------------------------------

LEADERS_RIDINGS_2025 = {35020: "Carleton", 59002: "Burnaby Central"}


def ge2025_leaders_ridings(t25: pd.DataFrame, out: Path):
    """Every candidate's official 2025 votes in Carleton (Pierre Poilievre, CPC leader) and
    Burnaby Central (Jagmeet Singh, NDP leader)."""
    t = t25[t25["riding_number"].isin(LEADERS_RIDINGS_2025)].copy()
    for number, name in LEADERS_RIDINGS_2025.items():
        names = set(t.loc[t["riding_number"] == number, "riding"])
        if names != {name}:
            raise ValueError(f"2025: riding {number} is {names}, expected {name!r}")
    df = t[["riding", "riding_number", "candidate", "party_code", "votes", "result_type"]]
    df = df.sort_values(["riding", "votes", "candidate"], ascending=[True, False, True])
    write_csv(df, out / "ge2025_leaders_ridings.csv")


# --------------------------------------------------------------------------------------

# The longest ballots: contests with many candidates
# --------------------------------------------------------------------------------------

MIN_CANDIDATES = 20  # contests with fewer candidates are left out of longest_ballots.csv


def longest_ballots(ge: dict, by_all: pd.DataFrame, t25: pd.DataFrame, out: Path):
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
    df = df[df["candidates"] >= MIN_CANDIDATES].sort_values(
        ["election_date", "riding"]).reset_index(drop=True)
    write_csv(df, out / "longest_ballots.csv")


# --------------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    from liberal_crisis.data.provenance import raw_inputs

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO / "data",
                    help="the data folder holding raw/ and parties.csv (default: this clone's)")
    ap.add_argument("--out", type=Path, help="output folder (default: the data folder)")
    a = ap.parse_args(argv)
    out = a.out or a.data
    out.mkdir(parents=True, exist_ok=True)
    raw = raw_inputs(a.data)  # path under raw/ -> checked local path; stops on a bad checksum
    ec = "elections-canada/"
    check_party_codes(a.data / "parties.csv")

    by_all = read_lop([raw[k] for k in sorted(raw) if k.startswith("parlinfo/by_elections/")])
    by = add_lop_codes(by_all[by_all["Election_Date"] >= FIRST_GE])  # every by-election since 1867
    modern = by["Election_Date"] >= MODERN_FROM
    n_mislabel = (modern & (by["Political_Affiliation"] == "Conservative (1867-1942)")).sum()
    if n_mislabel != 13:
        raise ValueError(f"expected 13 'Conservative (1867-1942)' rows after 1988, got {n_mislabel}")
    ge = {}
    for f in sorted(raw[k] for k in raw if k.startswith("parlinfo/general_elections/")):
        if f.stem >= FIRST_GE:
            g = pd.read_csv(f, dtype=str, keep_default_na=False)
            g["Votes"] = g["Votes"].astype(int)
            g["Constituency"] = g["Constituency"].str.strip()
            ge[f.stem] = add_lop_codes(g)
    if FIRST_GE not in ge:
        raise FileNotFoundError(f"the general election of {FIRST_GE} is not in data/raw")
    # The rule behind HISTORICAL_LABELS: OTH never wins a contest from 1988 on, so a run (always
    # of a party that won then) never follows OTH, and an OTH winner before 1988 only ends runs.
    for frame in [by[modern]] + [g for d, g in ge.items() if d >= MODERN_FROM]:
        won = frame.loc[frame["elected"], "party_code"]
        if (won == "OTH").any():
            raise ValueError("an OTH candidate won a contest from 1988 on: "
                             "the pre-1988 rule of HISTORICAL_LABELS no longer holds")

    t11 = read_t11(raw[ec + "ca_ge44_table_tableau11.csv"])
    t12 = read_t12(raw[ec + "ca_ge44_table_tableau12.csv"])
    four = {int(n) for r, n in zip(t11["riding"], t11["riding_number"])
            if r in {x for x, _ in BYELECTIONS_2024}}
    t12_19 = read_t12(raw[ec + "ca_ge43_table_tableau12.csv"], ridings=four)
    t25 = read_ge45(raw[ec + "ca_ge45_preliminary_candidates_2025-06-13.tsv"])

    report: list[str] = []
    byelections_2024(by, t11, t12, out)
    ge2021(t11, t12, out)
    riding_history(ge, t12_19, t12, t25, t11, out)
    tsp_winners(ge, by, t25, t12_19, t12, out)
    ge2025_national(t25, out)
    ge2025_leaders_ridings(t25, out)
    byelections_since_1993(ge, by, out, report, read_predecessors(a.data / "riding_predecessors.csv"))
    longest_ballots(ge, by_all, t25, out)
    for line in report:
        print("note:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
