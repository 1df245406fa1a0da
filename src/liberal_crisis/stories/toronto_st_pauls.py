"""The Toronto–St. Paul's chapter (``book/toronto-st-pauls.md``): the by-election of 24 June 2024
against the riding's 2021 result and its winners since 1988.

:func:`contest` gives what the chapter's charts draw (the by-election's rows, the margin, the 2021
rows and the change in each party's share); :func:`seat_history` the riding's last non-Liberal
winner before 2024, the first Liberal after it and the 2011 Liberal share; :func:`prose_numbers`
every number and name the prose shows, each under the literal name the chapter's
``{eval}`name``` uses.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import swing
from ..i18n import N_, gettext as _
from . import byelections, formats

RIDING = "Toronto--St. Paul's"
BYELECTION = "2024-06-24"
GE2021 = "2021-09-20"


def contest(results: pd.DataFrame, history: pd.DataFrame) -> dict:
    """The by-election's rows (``by``), its margin (``result``), the riding's 2021 rows
    (``before``) and each party's change in share from 2021 in points (``change``)."""
    by = byelections.contest(results, RIDING)
    before = history[(history["riding"] == RIDING) & (history["election_date"] == GE2021)]
    return {"by": by, "result": byelections.margin(by), "before": before,
            "change": swing.share_change(by, before)}


def seat_history(winners: pd.DataFrame) -> dict:
    """From the riding's winners: the last winner other than a Liberal at a general election
    before 2024 (``last_other``, a row), the first Liberal after that (``first_liberal``) and the
    winning Liberal share of 2011 (``share_2011``)."""
    general = winners[winners["election_type"] == "general"]
    before_2024 = general[general["election_date"] < BYELECTION]
    last_other = before_2024[before_2024["party_code"] != "LPC"].iloc[-1]
    later = before_2024[before_2024["election_date"] > last_other["election_date"]]
    assert len(later) > 0, "the Liberals won the seat after its last other winner"
    in_2011 = general[general["election_date"].dt.year == 2011].iloc[0]
    assert in_2011["party_code"] == "LPC", "the prose says Bennett held the seat in 2011"
    return {"last_other": last_other, "first_liberal": later.iloc[0],
            "share_2011": float(in_2011["share_pct"])}


def prose_numbers(results, ballots, prelim, turnout, history, winners, ge2021) -> dict[str, str]:
    """Every number and name the chapter's prose shows, as display strings (``formats``)."""
    c = contest(results, history)
    by, result, before, change = c["by"], c["result"], c["before"], c["change"]
    share = by.set_index("party_code")["share_pct"]
    ballot = ballots[ballots["riding"] == RIDING].iloc[0]
    turn = turnout[turnout["riding"] == RIDING].iloc[0]
    # Turnout like for like (byelections.turnout_comparison): 2021 valid votes over electors
    turnout_cmp = byelections.turnout_comparison(turnout, ge2021, RIDING,
                                                 int(ballot["riding_number"]))
    small = byelections.under_share(by)
    seat = seat_history(winners)
    assert abs(float(share["LPC"]) - seat["share_2011"]) < 0.5, "the prose: about where in 2011"
    return {
        "tsp_winner_votes": formats.number(result["winner_votes"]),
        "tsp_runner_up_votes": formats.number(result["runner_up_votes"]),
        "tsp_margin": formats.number(result["margin_votes"]),
        "tsp_margin_pts": formats.decimal(result["margin_pts"]),
        "tsp_valid": formats.number(result["valid_votes"]),
        "tsp_night_margin": formats.number(byelections.reported_margin(prelim, RIDING)),
        "tsp_cpc_share": formats.decimal(float(share["CPC"])),
        "tsp_lpc_share": formats.decimal(float(share["LPC"])),
        "tsp_lpc_change": formats.decimal(float(-change["LPC"])),
        "tsp_cpc_change": formats.decimal(float(change["CPC"])),
        "tsp_ndp_change": formats.decimal(float(-change["NDP"])),
        "tsp_swing": formats.decimal(swing.butler_swing(change, "CPC", "LPC")),
        "tsp_candidates": formats.plain(int(ballot["candidates_on_ballot"])),
        "tsp_turnout": formats.decimal(turnout_cmp["byelection"]),
        "tsp_turnout_2021": formats.decimal(turnout_cmp["published_2021"]),
        "tsp_valid_turnout_2021": formats.decimal(turnout_cmp["same_basis_2021"]),
        "tsp_small_n": formats.plain(small["candidates"]),
        "tsp_small_votes": formats.number(small["votes"]),
        "tsp_pooled_label": byelections.pooled_label(by),
        "tsp_ppc_votes": formats.number(int(by.loc[by["party_code"] == "PPC", "votes"].iloc[0])),
        "tsp_lpc_2021_share": formats.decimal(float(swing.shares(before, by=None)["LPC"])),
        "tsp_electors": formats.number(int(turn["electors_reported"])),
        "tsp_ballots_cast": formats.number(int(turn["ballots_cast_reported"])),
        "tsp_last_other_year": formats.plain(int(seat["last_other"]["election_date"].year)),
        "tsp_last_other": str(seat["last_other"]["winner"]),
        "tsp_first_liberal": str(seat["first_liberal"]["winner"]),
        "tsp_lpc_2011_share": formats.decimal(seat["share_2011"]),
    }


def shares_title(change) -> str:
    """The shares chart's title from each party's change in points (``change["LPC"]``)."""
    return _("The Liberal share fell {fall} points in 2024, and the Conservatives gained "
             "{gain}").format(fall=formats.decimal(-change["LPC"]), gain=formats.decimal(change["CPC"]))


ELECTION_TYPES = (N_("general"), N_("by-election"))  # the winners table's words, for the catalogue


def winners_table(shown: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind the winners chart, the type of election in the edition's words
    (« générale », « élection partielle »); English keeps the data's own."""
    table = shown[["election_date", "election_type", "riding", "winner", "party_code", "share_pct"]]
    return table.assign(election_type=[_(t) for t in table["election_type"]])
