"""Readers of each publisher's format, and the contest helpers every elections step shares.

* Library of Parliament (ParlInfo) candidate results, as cleaned by
  Lucas-Czarnecki/Canadian-Federal-Elections: ``raw/parlinfo/by_elections/<Province>.csv`` (every
  by-election since 1867) and ``raw/parlinfo/general_elections/<date>.csv`` (every general
  election from 1867 to 2021);
* Elections Canada, official voting results of the 43rd (2019) and 44th (2021) general
  elections, tables 11 and 12 (``raw/elections-canada/ca_ge4{3,4}_table_tableau1{1,2}.csv``);
* Elections Canada, 45th (2025) general election results download of 13 June 2025
  (``raw/elections-canada/ca_ge45_preliminary_candidates_2025-06-13.tsv``).

The loaders below take a step's :class:`~.step.Inputs` (so it can only read what the
step declares) and reads a file once per run, whichever steps ask for it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .parties import (EC_TABLE12_LABELS, MODERN_FROM, UnmappedLabel, check_party_codes,  # noqa: F401
                      ec2025_code, lop_code, parse_t12_candidate)
from .step import Inputs

LOP_BY = "parlinfo/by_elections/*.csv"
LOP_GE = "parlinfo/general_elections/*.csv"
EC = "elections-canada/"
T11_2021 = EC + "ca_ge44_table_tableau11.csv"
T12_2021 = EC + "ca_ge44_table_tableau12.csv"
T12_2019 = EC + "ca_ge43_table_tableau12.csv"
GE45 = EC + "ca_ge45_preliminary_candidates_2025-06-13.tsv"
PARTIES = "parties"  # the curated party table every code is checked against

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



def norm_name(s: str) -> str:
    # Only typography is normalised (curly vs straight apostrophe, spacing); names must
    # otherwise be identical, so ridings are never matched across redistributions.
    return " ".join(s.replace("\u2019", "'").split())


# --------------------------------------------------------------------------------------
# Loaders: one read per run, only of declared inputs
# --------------------------------------------------------------------------------------

def party_codes_checked(inputs: Inputs) -> None:
    """Every code the label tables give is in ``data/parties.csv`` (once per run)."""
    path = inputs.curated(PARTIES)
    inputs.once("party-codes", lambda: check_party_codes(path) or True)


def _no_oth_winner(frame: pd.DataFrame) -> None:
    # The rule behind HISTORICAL_LABELS: OTH never wins a contest from 1988 on, so a run (always
    # of a party that won then) never follows OTH, and an OTH winner before 1988 only ends runs.
    won = frame.loc[frame["elected"], "party_code"]
    if (won == "OTH").any():
        raise ValueError("an OTH candidate won a contest from 1988 on: "
                         "the pre-1988 rule of HISTORICAL_LABELS no longer holds")


def lop_byelections_raw(inputs: Inputs) -> pd.DataFrame:
    """Every by-election row of the Library of Parliament's files, as read (no party codes)."""
    files = inputs.raw(LOP_BY)
    return inputs.once(LOP_BY, lambda: read_lop(files))


def lop_byelections(inputs: Inputs) -> pd.DataFrame:
    """Every by-election since 1867 with party codes, candidate names and ``elected``."""
    by_all = lop_byelections_raw(inputs)
    party_codes_checked(inputs)

    def make():
        by = add_lop_codes(by_all[by_all["Election_Date"] >= FIRST_GE])
        modern = by["Election_Date"] >= MODERN_FROM
        n_mislabel = (modern & (by["Political_Affiliation"] == "Conservative (1867-1942)")).sum()
        if n_mislabel != 13:
            raise ValueError(f"expected 13 'Conservative (1867-1942)' rows after 1988, "
                             f"got {n_mislabel}")
        _no_oth_winner(by[modern])
        return by

    return inputs.once("lop-byelections-coded", make)


def lop_general_elections(inputs: Inputs) -> dict[str, pd.DataFrame]:
    """Election date -> the general election's rows with party codes, 1867 to 2021."""
    files = inputs.raw(LOP_GE)
    party_codes_checked(inputs)

    def make():
        ge = {}
        for f in sorted(files):
            if f.stem >= FIRST_GE:
                ge[f.stem] = read_lop_general(f)
        if FIRST_GE not in ge:
            raise FileNotFoundError(f"the general election of {FIRST_GE} is not in data/raw")
        for date, g in ge.items():
            if date >= MODERN_FROM:
                _no_oth_winner(g)
        return ge

    return inputs.once(LOP_GE, make)


def read_lop_general(path: Path) -> pd.DataFrame:
    g = pd.read_csv(path, dtype=str, keep_default_na=False)
    g["Votes"] = g["Votes"].astype(int)
    g["Constituency"] = g["Constituency"].str.strip()
    return add_lop_codes(g)


def t11_2021(inputs: Inputs) -> pd.DataFrame:
    path = inputs.raw_file(T11_2021)
    return inputs.once(T11_2021, lambda: read_t11(path))


def t12_2021(inputs: Inputs) -> pd.DataFrame:
    path = inputs.raw_file(T12_2021)
    party_codes_checked(inputs)
    return inputs.once(T12_2021, lambda: read_t12(path))


def t12_2019(inputs: Inputs, ridings: set[int]) -> pd.DataFrame:
    path = inputs.raw_file(T12_2019)
    party_codes_checked(inputs)
    return inputs.once((T12_2019, tuple(sorted(ridings))), lambda: read_t12(path, ridings))


def ge45(inputs: Inputs) -> pd.DataFrame:
    path = inputs.raw_file(GE45)
    party_codes_checked(inputs)
    return inputs.once(GE45, lambda: read_ge45(path))
