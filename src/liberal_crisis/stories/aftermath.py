"""The aftermath chapter (``book/aftermath.md``): the Cloverdale–Langley City by-election, the
leadership vote of 9 March 2025, the general election of 28 April 2025 against 2021, the two
ridings lost in 2024 at that election, and the House after it.

:func:`cloverdale` and :func:`national` give what the chapter's charts draw; :func:`retaken`
the Liberal share in the two ridings lost in 2024, at each contest; :func:`prose_numbers` every
number and name the prose shows, each under the literal name the chapter's ``{eval}`name```
uses.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import swing
from ..i18n import N_, gettext as _
from . import byelections, formats, timeline

CLC = "Cloverdale--Langley City"
RETAKEN = ["Toronto--St. Paul's", "LaSalle--Émard--Verdun"]
PARTIES = ["LPC", "CPC", "BQ", "NDP", "GPC", "PPC"]
GE2021, GE2025 = "2021-09-20", "2025-04-28"
CONTESTS = ["2021 general election", "2024 by-election", "2025 general election"]
# a place as the prose glues it ("finished third", « a terminé troisième »)
PLACES = {1: N_("first (place)"), 2: N_("second (place)"), 3: N_("third (place)"),
          4: N_("fourth (place)")}
RECOGNIZED = "recognized party in the House of Commons (minimum members)"


def cloverdale(results: pd.DataFrame, history: pd.DataFrame) -> dict:
    """The by-election of 16 December 2024 (``clc``, validated count), its margin
    (``result``), the riding's 2021 rows and shares (``before``, ``shares_2021``) and each
    party's change in share in points (``change``)."""
    clc = byelections.contest(results, CLC)
    before = history[(history["riding"] == CLC) & (history["election_date"] == GE2021)]
    return {"clc": clc, "result": byelections.margin(clc), "before": before,
            "shares_2021": swing.shares(before, by=None),
            "change": swing.share_change(clc, before)}


def national(ge2021_votes: pd.DataFrame, ge2025: pd.DataFrame,
             snapshots: pd.DataFrame) -> dict:
    """The two general elections side by side: seats and shares of 2021 (``seats_2021``, from
    the riding votes) and 2025 (``seats_2025``), by party code; the House after each
    (``house_2021``, ``house_2025``); the chart's long table (``compared``) and its two labels
    (``labels``, with each House's size)."""
    result_2021 = timeline.national_result(ge2021_votes, PARTIES)
    house_2021 = snapshots[snapshots["as_of"] == GE2021].iloc[0]
    house_2025 = snapshots[snapshots["as_of"] == GE2025].iloc[0]
    # the elections' labels, in the edition's language: keys of the chart's table and its names
    seats = _("{year} ({seats} seats)")
    labels = (seats.format(year=2021, seats=formats.plain(int(house_2021["house_size"]))),
              seats.format(year=2025, seats=formats.plain(int(house_2025["house_size"]))))
    return {"labels": labels, "house_2021": house_2021, "house_2025": house_2025,
            "compared": timeline.compare_national(result_2021, ge2025, labels, PARTIES),
            "seats_2021": result_2021.set_index("party_code"),
            "seats_2025": ge2025.set_index("party_code")}


def retaken(history: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """The Liberal share in each riding lost in 2024, at the three contests (the chart's rows)."""
    return timeline.ridings_over_time(history, results, RETAKEN, ["LPC"], CONTESTS)


def _place(place: int) -> str:
    """'third': a finishing place as the prose glues it (« troisième »)."""
    return _(PLACES[place]).removesuffix(" (place)")


def _lpc_share(rows: pd.DataFrame) -> float:
    return float(rows.loc[rows["party_code"] == "LPC", "share_pct"].iloc[0])


def _retaken_numbers(results: pd.DataFrame, history: pd.DataFrame, riding: str) -> dict:
    """The Liberal share of one riding at each contest, from the votes and unrounded (the
    chart's table rounds to 2 decimals, and rounding that again to 1 would print 27.35 as 27.4
    where the votes give 27.3), and its 2025 margin."""
    ge2025 = byelections.contest(history, riding, GE2025)
    return {"2021": _lpc_share(byelections.contest(history, riding, GE2021)),
            "2024": _lpc_share(byelections.contest(results, riding)),
            "2025": _lpc_share(ge2025), "margin_2025": byelections.margin(ge2025)["margin_votes"]}


def prose_numbers(results, turnout, history, ge2021, ge2021_votes, ge2025, snapshots, leadership,
                  leaders, reported, house_rules) -> dict[str, str]:
    """Every number and name the chapter's prose shows, as display strings (``formats``);
    ``house_rules`` indexed by ``rule``."""
    c = cloverdale(results, history)
    clc, clc_result, clc_change, clc_2021 = c["clc"], c["result"], c["change"], c["shares_2021"]
    clc_turnout = turnout[turnout["riding"] == CLC].iloc[0]
    clc_turnout_cmp = byelections.turnout_comparison(  # like for like: 2021 valid votes / electors
        turnout, ge2021, CLC, int(clc["riding_number"].iloc[0]))
    clc_2025 = byelections.margin(byelections.contest(history, CLC, GE2025))
    tsp = byelections.contest(results, RETAKEN[0])
    tsp_2021 = history[(history["riding"] == RETAKEN[0]) & (history["election_date"] == GE2021)]
    ranked = leadership.sort_values("points", ascending=False)
    winner = ranked.iloc[0]
    n = national(ge2021_votes, ge2025, snapshots)
    seats_2021, seats_2025, house_2025 = n["seats_2021"], n["seats_2025"], n["house_2025"]
    lpc_2025 = int(seats_2025.loc["LPC", "seats"])
    tsp_r, lev_r = (_retaken_numbers(results, history, riding) for riding in RETAKEN)
    carleton = byelections.margin(byelections.contest(leaders, "Carleton"))
    assert carleton["runner_up"] == "Pierre Poilievre" and carleton["winner_party"] == "LPC"
    burnaby = byelections.contest(leaders, "Burnaby Central")
    singh = timeline.candidate_place(burnaby, "Jagmeet Singh")
    # The NDP against the threshold for a recognized party
    party_min = int(house_rules.loc[RECOGNIZED, "members"])
    ndp_2025 = int(seats_2025.loc["NDP", "seats"])
    assert ndp_2025 < party_min
    # Liberal seats at dissolution: the sources conflict
    dissolution = timeline.reported_counts(reported, "2025-03-23", "LPC")
    assert len(dissolution) == 2, "the page says two counts conflict"
    low, high = dissolution.iloc[0], dissolution.iloc[1]
    ndp_diss = timeline.reported_counts(reported, "2025-03-23", "NDP").iloc[0]
    # who reported each count: a publisher, translated through the code catalogue
    low_by, high_by, ndp_by = (str(r["reported_by"]) for r in (low, high, ndp_diss))
    # Later changes to the House, as reported (2026): the two agencies' counts differ, and the
    # page says so rather than adding them up
    later = reported[reported["as_of"] >= "2026-01-01"].set_index("as_of")
    assert later.loc["2026-04-14", "seats"] != later.loc["2026-03-11", "seats"]
    return {
        "after_clc_cpc_votes": formats.number(clc_result["winner_votes"]),
        "after_clc_lpc_votes": formats.number(clc_result["runner_up_votes"]),
        "after_clc_margin": formats.number(clc_result["margin_votes"]),
        "after_clc_cpc_share": formats.decimal(float(clc.loc[clc["party_code"] == "CPC",
                                                             "share_pct"].iloc[0])),
        "after_clc_lpc_share": formats.decimal(_lpc_share(clc)),
        "after_clc_lpc_2021": formats.decimal(float(clc_2021["LPC"])),
        "after_clc_cpc_2021": formats.decimal(float(clc_2021["CPC"])),
        "after_clc_lpc_change": formats.decimal(float(-clc_change["LPC"])),
        "after_clc_cpc_change": formats.decimal(float(clc_change["CPC"])),
        "after_clc_swing": formats.decimal(swing.butler_swing(clc_change, "CPC", "LPC")),
        "after_tsp_swing": formats.decimal(swing.butler_swing(swing.share_change(tsp, tsp_2021),
                                                              "CPC", "LPC")),
        "after_clc_turnout": formats.decimal(float(clc_turnout["turnout_pct_reported"])),
        "after_clc_ballots": formats.number(int(clc_turnout["ballots_cast_reported"])),
        "after_clc_electors": formats.number(int(clc_turnout["electors_reported"])),
        "after_clc_turnout_2021": formats.decimal(clc_turnout_cmp["same_basis_2021"]),
        "after_clc_2025_margin": formats.number(clc_2025["margin_votes"]),
        # The leadership vote of 9 March 2025
        "after_carney_points_pct": formats.decimal(float(winner["points_pct"])),
        "after_carney_votes": formats.number(int(winner["votes"])),
        "after_carney_votes_pct": formats.decimal(float(winner["votes_pct"])),
        "after_freeland_points_pct": formats.decimal(float(ranked.iloc[1]["points_pct"])),
        "after_points_total": formats.number(float(leadership["points"].sum())),
        # The 2025 general election against 2021
        "after_lpc_seats_2025": formats.plain(lpc_2025),
        "after_cpc_seats_2025": formats.plain(int(seats_2025.loc["CPC", "seats"])),
        "after_bq_seats_2025": formats.plain(int(seats_2025.loc["BQ", "seats"])),
        "after_ndp_seats_2025": formats.plain(ndp_2025),
        "after_lpc_seats_2021": formats.plain(int(seats_2021.loc["LPC", "seats"])),
        "after_cpc_seats_2021": formats.plain(int(seats_2021.loc["CPC", "seats"])),
        "after_ndp_seats_2021": formats.plain(int(seats_2021.loc["NDP", "seats"])),
        "after_house_2021": formats.plain(int(n["house_2021"]["house_size"])),
        "after_house_2025": formats.plain(int(house_2025["house_size"])),
        "after_majority_2025": formats.plain(int(house_2025["majority_needed"])),
        "after_lpc_short": formats.plain(int(house_2025["majority_needed"]) - lpc_2025),
        "after_lpc_share_2025": formats.decimal(float(seats_2025.loc["LPC", "vote_share_pct"])),
        "after_cpc_share_2025": formats.decimal(float(seats_2025.loc["CPC", "vote_share_pct"])),
        "after_ndp_share_2025": formats.decimal(float(seats_2025.loc["NDP", "vote_share_pct"])),
        "after_lpc_share_2021": formats.decimal(float(seats_2021.loc["LPC", "vote_share_pct"])),
        "after_cpc_share_2021": formats.decimal(float(seats_2021.loc["CPC", "vote_share_pct"])),
        "after_ndp_share_2021": formats.decimal(float(seats_2021.loc["NDP", "vote_share_pct"])),
        # The two by-election losses of 2024, at the 2025 general election
        "after_tsp_lpc_2021": formats.decimal(tsp_r["2021"]),
        "after_tsp_lpc_2024": formats.decimal(tsp_r["2024"]),
        "after_tsp_lpc_2025": formats.decimal(tsp_r["2025"]),
        "after_tsp_margin_2025": formats.number(tsp_r["margin_2025"]),
        "after_lev_lpc_2021": formats.decimal(lev_r["2021"]),
        "after_lev_lpc_2024": formats.decimal(lev_r["2024"]),
        "after_lev_lpc_2025": formats.decimal(lev_r["2025"]),
        "after_lev_margin_2025": formats.number(lev_r["margin_2025"]),
        # Two party leaders who lost their seats (Elections Canada, validated)
        "after_carleton_winner": carleton["winner"],
        "after_carleton_winner_votes": formats.number(carleton["winner_votes"]),
        "after_carleton_pp_votes": formats.number(carleton["runner_up_votes"]),
        "after_carleton_margin": formats.number(carleton["margin_votes"]),
        "after_carleton_candidates": formats.plain(int((leaders["riding"] == "Carleton").sum())),
        "after_singh_place": _place(singh["place"]),
        "after_singh_votes": formats.number(singh["votes"]),
        "after_singh_share": formats.decimal(singh["share_pct"]),
        "after_burnaby_winner": byelections.margin(burnaby)["winner"],
        "after_party_min": formats.plain(party_min),
        "after_ndp_below_by": formats.plain(party_min - ndp_2025),
        "after_diss_low": formats.plain(int(low["seats"])),
        "after_diss_low_by": _(low_by),  # a publisher (the code catalogue)
        "after_diss_high": formats.plain(int(high["seats"])),
        "after_diss_high_by": _(high_by),
        "after_diss_ndp": formats.plain(int(ndp_diss["seats"])),
        "after_diss_ndp_by": _(ndp_by),
        "after_2026_march_lpc": formats.plain(int(later.loc["2026-03-11", "seats"])),
        "after_2026_april_lpc_ap": formats.plain(int(later.loc["2026-04-14", "seats"])),
    }
