"""Seat holds: for every by-election of 1993-2025, who held the seat, since when, and why
the run of wins starts there, walked back through every contest since 1867.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import readers as rd
from .readers import FIRST_GE, norm_name, pct, winner_of
from .step import Inputs, formatted, step

PREDECESSORS = "riding_predecessors"  # curated: the predecessor ridings followed by name

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


# Why a run of wins starts where it does; the last two are left-censored (the run may be longer).
CENSORED = {"data start", "riding created"}


def read_predecessors(path: Path) -> dict[str, list[str]]:
    """Curated predecessor ridings (data/riding_predecessors.csv), keyed by normalised name."""
    t = pd.read_csv(path, dtype=str, keep_default_na=False)
    out: dict[str, list[str]] = {}
    for riding, pred in zip(t["riding"], t["predecessor"]):
        out.setdefault(norm_name(riding), []).append(norm_name(pred))
    return out


def byelections_since_1993_table(ge: dict, by: pd.DataFrame, predecessors: dict[str, list[str]],
                                 report: list | None = None) -> pd.DataFrame:
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
    report = [] if report is None else report
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
        if held == "OTH":  # never happens (checked in readers.py); OTH winners can only end runs
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
    return formatted(df, ["gov_share_prev_pct", "gov_share_pct", "winner_share_pct"])


@step(outputs=("byelections_since_1993",), raw=(rd.LOP_BY, rd.LOP_GE),
      curated=(PREDECESSORS, rd.PARTIES))
def byelections_since_1993(inputs: Inputs):
    """Every by-election of 1993-2025 and the run of wins it ended or extended."""
    table = byelections_since_1993_table(rd.lop_general_elections(inputs),
                                         rd.lop_byelections(inputs),
                                         read_predecessors(inputs.curated(PREDECESSORS)))
    return {"byelections_since_1993": table}


STEPS = [byelections_since_1993]
