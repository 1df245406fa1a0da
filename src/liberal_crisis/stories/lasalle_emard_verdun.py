"""The LaSalle–Émard–Verdun chapter (``book/lasalle-emard-verdun.md``): the by-election of
16 September 2024 against the riding's 2021 result, its ballot against the longest in the
files, the 2025 general election, and Elmwood–Transcona the same night.

:func:`contest` gives what the chapter's charts draw (the by-election's rows, the margin, the
2021 rows, the change in each party's share and the shares on a common footing);
:func:`winnipeg` the same for Elmwood–Transcona; :func:`ballot_files_span` which contests the
ballot-length superlative covers; :func:`prose_numbers` every number and name the prose shows,
each under the literal name the chapter's ``{eval}`name``` uses.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..analysis import history as defences, swing
from ..data import provenance
from . import byelections, charts, formats

RIDING = "LaSalle--Émard--Verdun"
WINNIPEG = "Elmwood--Transcona"
BYELECTION = "2024-09-16"
GE2021, GE2025 = "2021-09-20", "2025-04-28"
GENERAL = "parlinfo/general_elections/"
BY_ELECTIONS = "parlinfo/by_elections/"


def contest(results: pd.DataFrame, history: pd.DataFrame, riding: str = RIDING) -> dict:
    """One by-election of 16 September against 2021: its rows (``by``), margin (``result``),
    the riding's 2021 rows (``before``), each party's change in share in points (``change``)
    and both contests' shares on a common footing (``compare``, ``before``/``after``)."""
    by = byelections.contest(results, riding)
    before = history[(history["riding"] == riding) & (history["election_date"] == GE2021)]
    return {"by": by, "result": byelections.margin(by), "before": before,
            "change": swing.share_change(by, before), "compare": swing.compare_shares(by, before)}


def winnipeg(results: pd.DataFrame, history: pd.DataFrame) -> dict:
    """Elmwood–Transcona, the same night: :func:`contest` of that riding."""
    return contest(results, history, WINNIPEG)


def first_general_election(folder: Path) -> str:
    """The first general election in the Library of Parliament's files, as an ISO date, from
    the files' names (``1867-08-07_...``)."""
    general = sorted(e["path"] for e in provenance.manifest(folder)["files"]
                     if e["path"].startswith(GENERAL))
    return general[0].rsplit("/", 1)[1][:10]


def ballot_files_span(folder: Path) -> tuple[str, str]:
    """(first general election, latest by-election) in the raw files the ballot table reads, as
    ISO dates: the first from :func:`first_general_election`, the latest from the by-election
    files' ``Election_Date`` column."""
    files = [e["path"] for e in provenance.manifest(folder)["files"]]
    first = first_general_election(folder)
    by_files = [folder / provenance.RAW / p for p in files
                if p.startswith(BY_ELECTIONS) and p.endswith(".csv")]
    last = max(pd.read_csv(f, usecols=["Election_Date"])["Election_Date"].max() for f in by_files)
    return first, str(last)[:10]


def ballot_record(longest: pd.DataFrame, ballot: pd.Series) -> dict:
    """The ballot's length against every contest with 20 or more names in the files: the record
    before it (``prior``), the contest that equalled it (``equalled``) and the one that passed
    it (``beaten``)."""
    record = defences.ballot_record(longest, RIDING, BYELECTION)
    assert record["candidates"] == int(ballot["candidates_on_ballot"])
    assert record["record_then"]  # the prose says no earlier ballot in the files had as many
    return {"prior": record["previous_record"], "equalled": record["equalled_by"].iloc[0],
            "beaten": record["beaten_by"].iloc[0]}


def _share(rows: pd.DataFrame, party: str) -> float:
    return float(rows.loc[rows["party_code"] == party, "share_pct"].iloc[0])


def _votes(rows: pd.DataFrame, party: str) -> int:
    return int(rows.loc[rows["party_code"] == party, "votes"].iloc[0])


def prose_numbers(results, ballots, prelim, turnout, history, ge2021, longest,
                  folder: Path) -> dict[str, str]:
    """Every number and name the chapter's prose shows, as display strings (``formats``);
    ``folder`` is the data folder (for :func:`ballot_files_span`)."""
    c, w = contest(results, history), winnipeg(results, history)
    by, result, change, compare = c["by"], c["result"], c["change"], c["compare"]
    share, votes = by.set_index("party_code")["share_pct"], by.set_index("party_code")["votes"]
    shares_2021 = swing.shares(c["before"], by=None)
    ge = {date: swing.shares(history[(history["riding"] == RIDING)
                                     & (history["election_date"] == date)], by=None)
          for date in ("2015-10-19", "2019-10-21")}
    after = byelections.contest(history, RIDING, GE2025)
    result_2025 = byelections.margin(after)
    night = prelim[prelim["riding"] == RIDING].set_index("party_code")["votes"]
    ballot = ballots[ballots["riding"] == RIDING].iloc[0]
    wpg_ballot = ballots[ballots["riding"] == WINNIPEG].iloc[0]
    turn = turnout[turnout["riding"] == RIDING].iloc[0]
    small = byelections.under_share(by)
    record = ballot_record(longest, ballot)
    first_ge, last_by = ballot_files_span(folder)
    assert first_ge.startswith("1867")  # the prose says "since Confederation"
    # Turnout like for like: the by-election figure (votes counted on election night over
    # electors) against 2021 valid votes over electors, never Elections Canada's 2021 turnout_pct
    turnout_cmp = byelections.turnout_comparison(turnout, ge2021, RIDING,
                                                 int(ballot["riding_number"]))
    wpg_turnout_cmp = byelections.turnout_comparison(turnout, ge2021, WINNIPEG,
                                                     int(wpg_ballot["riding_number"]))
    wpg_compare = w["compare"]
    return {
        "lev_bq_votes": formats.number(result["winner_votes"]),
        "lev_lpc_votes": formats.number(result["runner_up_votes"]),
        "lev_ndp_votes": formats.number(int(votes["NDP"])),
        "lev_valid": formats.number(result["valid_votes"]),
        "lev_margin": formats.number(result["margin_votes"]),
        "lev_margin_pts": formats.decimal(result["margin_pts"], 2),
        "lev_bq_share": formats.decimal(float(share["BQ"])),
        "lev_lpc_share": formats.decimal(float(share["LPC"])),
        "lev_ndp_share": formats.decimal(float(share["NDP"])),
        "lev_cpc_share": formats.decimal(float(share["CPC"])),
        "lev_ndp_behind_lpc": formats.number(int(votes["LPC"] - votes["NDP"])),
        "lev_first_to_third": formats.number(int(votes["BQ"] - votes["NDP"])),
        "lev_first_to_third_pts": formats.decimal(float(share["BQ"] - share["NDP"])),
        "lev_night_bq": formats.number(int(night["BQ"])),
        "lev_night_lpc": formats.number(int(night["LPC"])),
        "lev_night_margin": formats.number(byelections.reported_margin(prelim, RIDING)),
        "lev_candidates": formats.plain(int(ballot["candidates_on_ballot"])),
        "lev_small_n": formats.plain(small["candidates"]),
        "lev_small_votes": formats.number(small["votes"]),
        "lev_pooled_label": byelections.pooled_label(by),
        "lev_small_times": formats.decimal(float(small["votes"] / result["margin_votes"]), 2),
        "lev_ppc_votes": formats.number(int(votes["PPC"])),
        "lev_ppc_2021": formats.decimal(float(compare.loc["PPC", "before"])),
        "lev_ppc_2024": formats.decimal(float(compare.loc["PPC", "after"])),
        "lev_prior_record": formats.plain(int(record["prior"]["candidates"])),
        "lev_prior_record_riding": charts.riding_label(record["prior"]["riding"]),
        "lev_equalled_riding": charts.riding_label(record["equalled"]["riding"]),
        "lev_equalled_date": formats.date(record["equalled"]["election_date"]),
        "lev_equalled_n": formats.plain(int(record["equalled"]["candidates"])),
        "lev_beaten_riding": charts.riding_label(record["beaten"]["riding"]),
        "lev_beaten_date": formats.date(record["beaten"]["election_date"]),
        "lev_beaten_n": formats.plain(int(record["beaten"]["candidates"])),
        "lev_files_from": formats.date(first_ge),
        "lev_files_to": formats.date(last_by),
        "lev_turnout": formats.decimal(turnout_cmp["byelection"]),
        "lev_ballots_cast": formats.number(int(turn["ballots_cast_reported"])),
        "lev_electors": formats.number(int(turn["electors_reported"])),
        "lev_turnout_2021": formats.decimal(turnout_cmp["published_2021"]),
        "lev_valid_turnout_2021": formats.decimal(turnout_cmp["same_basis_2021"]),
        "lev_lpc_change": formats.decimal(float(-change["LPC"])),
        "lev_bq_change": formats.decimal(float(change["BQ"])),
        "lev_ndp_change": formats.decimal(float(change["NDP"])),
        "lev_cpc_change": formats.decimal(float(change["CPC"])),
        "lev_swing_bq": formats.decimal(swing.butler_swing(change, "BQ", "LPC")),
        "lev_swing_ndp": formats.decimal(swing.butler_swing(change, "NDP", "LPC")),
        "lev_lpc_2015": formats.decimal(float(ge["2015-10-19"]["LPC"])),
        "lev_lpc_2019": formats.decimal(float(ge["2019-10-21"]["LPC"])),
        "lev_lpc_2021": formats.decimal(float(shares_2021["LPC"])),
        "lev_bq_2021": formats.decimal(float(shares_2021["BQ"])),
        "lev_ndp_2021": formats.decimal(float(shares_2021["NDP"])),
        "lev_lpc_2025": formats.decimal(_share(after, "LPC")),
        "lev_bq_2025": formats.decimal(_share(after, "BQ")),
        "lev_margin_2025": formats.number(result_2025["margin_votes"]),
        "lev_margin_2025_pts": formats.decimal(result_2025["margin_pts"]),
        "lev_wpg_ndp_share": formats.decimal(float(wpg_compare.loc["NDP", "after"])),
        "lev_wpg_cpc_share": formats.decimal(float(wpg_compare.loc["CPC", "after"])),
        "lev_wpg_cpc_2021": formats.decimal(float(wpg_compare.loc["CPC", "before"])),
        "lev_wpg_margin": formats.number(w["result"]["margin_votes"]),
        "lev_wpg_night_margin": formats.number(byelections.reported_margin(prelim, WINNIPEG)),
        "lev_wpg_lpc_share": formats.decimal(float(wpg_compare.loc["LPC", "after"])),
        "lev_wpg_lpc_2021": formats.decimal(float(wpg_compare.loc["LPC", "before"])),
        "lev_wpg_lpc_change": formats.decimal(float(wpg_compare.loc["LPC", "before"]
                                                    - wpg_compare.loc["LPC", "after"])),
        "lev_wpg_lpc_votes": formats.number(_votes(w["by"], "LPC")),
        "lev_wpg_turnout": formats.decimal(wpg_turnout_cmp["byelection"]),
        "lev_wpg_turnout_2021": formats.decimal(wpg_turnout_cmp["published_2021"]),
        "lev_wpg_valid_turnout_2021": formats.decimal(wpg_turnout_cmp["same_basis_2021"]),
    }
