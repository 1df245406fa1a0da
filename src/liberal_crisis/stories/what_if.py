"""The what-if chapter (``book/what-if.md``): the 2024 by-election swings scaled up to the 338
ridings of 2021, set against the polls, the projections of the time and every government
by-election defence since 1993; and its assumptions (one by-election's swing, a method and a
share of it), set in the cell the chapter opens with.

Change the assumptions and Run All: ``assumed_seats`` gives the seats the prose and the seats
chart show (``apply_assumption`` puts them in the chart's frame). With the whole swing (100 %)
they are exactly the chapter's illustration for that by-election and method
(``swing_illustrations.seat_scenarios``); a smaller or larger share scales the swing as the sensitivity
charts do (``analysis.projection.sensitivity``).

:func:`compute` gives what the chapter's charts and tables draw (the swings, the illustrations,
the assumed seats, the defences since 1993, the sensitivity lines); :func:`prose_numbers` every
number and name the prose shows, each under the literal name the chapter's ``{eval}`name```
uses.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..analysis import history, house, projection, swing
from ..i18n import N_, gettext as _
from . import (byelections, charts, formats, lasalle_emard_verdun, poll_summaries, seat_defences,
               swing_illustrations)

METHODS = ("uniform", "proportional")
TSP, LEV, ET, CLC = ("Toronto--St. Paul's", "LaSalle--Émard--Verdun", "Elmwood--Transcona",
                     "Cloverdale--Langley City")
ORDER = [TSP, LEV, ET, CLC]  # the by-elections in date order, in charts and tables
LOSSES_2024 = [TSP, LEV, CLC]
SEAT_PARTIES = ["LPC", "CPC", "BQ", "NDP", "GPC"]
FRACTIONS = [i / 100 for i in range(101)]  # the sensitivity charts' grid: 0 to 100 % of a swing
# The seats chart's tick labels are tight: the other ridings by their first word, but
# Toronto–St. Paul's in full ("St. Paul's" alone was the riding's name until 2015).
SHORT = {TSP: "Toronto–St. Paul's", LEV: "LaSalle", ET: "Elmwood", CLC: "Cloverdale"}
#: The methods as readers see them ("uniforme", "proportionnel" in French)
METHOD_WORDS = {"uniform": N_("uniform"), "proportional": N_("proportional")}


def method_word(method: str) -> str:
    """'uniform' or 'proportional' in the edition's language ('uniform, 50%' keeps its share)."""
    name, _sep, rest = method.partition(", ")
    word = _(METHOD_WORDS[name]) if name in METHOD_WORDS else method
    return word + (_sep + rest if name in METHOD_WORDS and rest else "")


#: The provinces and territories by their English names (the data's), for the tables
PROVINCES = {name: name for name in (
    N_("Alberta"), N_("British Columbia"), N_("Manitoba"), N_("New Brunswick"),
    N_("Newfoundland and Labrador"), N_("Nova Scotia"), N_("Ontario"), N_("Prince Edward Island"),
    N_("Quebec"), N_("Saskatchewan"), N_("Northwest Territories"), N_("Nunavut"), N_("Yukon"))}


def province(name: str) -> str:
    """A province's name in the edition's language (an unknown one raises in French)."""
    return _(PROVINCES[name]) if formats.language() != "en" else name


def short(riding: str) -> str:
    """A seat chart's tick name of a by-election riding (the French name where it differs)."""
    return SHORT[riding] if formats.language() == "en" else (
        charts.riding_label(riding) if riding == TSP else SHORT[riding])


def scenario_label(row) -> str:
    """An illustration's or a result's name as a table shows it: the data's own words in
    English (unchanged), the translated ones in another edition."""
    if formats.language() == "en":
        return row["scenario"]
    if row["riding"] is None or pd.isna(row["riding"]):
        return (_("2021 result") if row["method"] == "none" else
                _("2025 result ({seats} seats, new map)").format(seats=row["scenario"].split("(")[1].split()[0]))
    return _("{riding} ({method})").format(riding=charts.riding_label(row["riding"]),
                                           method=method_word(row["method"]))
# The tables the chapter reads, by their names in the data package
TABLES = ("byelection_results_2024", "ge2021_riding_votes", "ge2021_ridings",
          "byelection_turnout_2024", "ge2025_national", "byelections_since_1993",
          "toronto_st_pauls_winners", "riding_history", "polls", "poll_shares",
          "seat_projections_2025")


def check(riding: str, method: str, share_pct: float, ridings) -> None:
    """Refuse assumptions the chapter cannot draw, naming the choices."""
    if riding not in set(ridings):
        raise ValueError(f"SWING_FROM must be one of {sorted(set(ridings))}, not {riding!r}")
    if method not in METHODS:
        raise ValueError(f"METHOD must be one of {METHODS}, not {method!r}")
    if not 0 <= float(share_pct) <= 200:
        raise ValueError(f"SHARE_OF_SWING is a percentage from 0 to 200, not {share_pct!r}")


def assumed_seats(base_votes: pd.DataFrame, swings: pd.DataFrame, riding: str, method: str,
                  share_pct: float, parties) -> pd.Series:
    """Seats by party (indexed by ``parties``) when ``share_pct`` % of ``riding``'s by-election
    swing is applied to every riding of ``base_votes`` by ``method``."""
    check(riding, method, share_pct, swings["riding"])
    g = swings[swings["riding"] == riding].set_index("party_code")
    table = projection.sensitivity(base_votes, g["before_pct"], g["after_pct"],
                                   [float(share_pct) / 100], method, parties=list(parties))
    return table.set_index("party_code")["seats"]


def apply_assumption(scenarios_long: pd.DataFrame, riding: str, method: str, share_pct: float,
                     seats: pd.Series) -> pd.DataFrame:
    """The illustrations' frame (``scenario, riding, method, party_code, seats``) with the
    assumed illustration's seats; its method reads "uniform, 50%" when not the whole swing."""
    out = scenarios_long.copy()
    rows = (out["riding"] == riding) & (out["method"] == method)
    out.loc[rows, "seats"] = out.loc[rows, "party_code"].map(seats).fillna(0).astype(int)
    if float(share_pct) != 100:
        out.loc[rows, "method"] = f"{method}, {formats.pct_short(share_pct)}"
    return out


def swing_words(riding: str, share_pct: float) -> str:
    """'the Toronto–St. Paul's' (the whole swing) or '50% of the Toronto–St. Paul's'."""
    label = charts.riding_label(riding)
    if float(share_pct) == 100:
        return formats.elide(_("the {riding}").format(riding=label))
    return formats.elide(_("{share} of the {riding}").format(share=formats.pct_short(share_pct),
                                                            riding=label))


def floor_pct(f: float) -> float:
    """A threshold fraction as a percentage rounded down to 0.1 (the prose: 'a little more
    than')."""
    return math.floor(f * 1000) / 10


def sensitivity(ge2021: pd.DataFrame, swings: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Conservative seats as each by-election's swing is scaled over :data:`FRACTIONS`, by
    each method (``riding``, ``method``, ``fraction``, ``seats``), and the exact share of each
    swing at which they reach a majority of the 2021 House, by ``(riding, method)``."""
    majority = house.votes_to_carry(int(ge2021["riding_number"].nunique()))
    lines, needed = [], {}
    for riding in ORDER:
        g = swings[swings["riding"] == riding].set_index("party_code")
        for method in METHODS:
            t = projection.sensitivity(ge2021, g["before_pct"], g["after_pct"], FRACTIONS, method,
                                       parties=["CPC"])
            lines.append(t.assign(riding=riding, method=method))
            needed[(riding, method)] = projection.threshold_fraction(
                ge2021, g["before_pct"], g["after_pct"], "CPC", majority, method)
    assert all(0 < f < 1 for f in needed.values())  # the prose: every swing gets there before 100 %
    return pd.concat(lines, ignore_index=True), needed


def compute(tables: dict, swing_from: str, method: str, share_pct: float) -> dict:
    """What the chapter's charts and tables draw, from :data:`TABLES` (by name) and the
    assumptions: the by-elections' ``swings`` and their ``summary`` (by riding), the seat
    illustrations (``seats``; ``base`` is the 2021 result, ``scen`` the illustrations), the
    assumed seats (``assumed``) and the illustrations with them (``scen_drawn``), the defences
    since 1993 (``ranking``, ``losses``, ``ranks``) and the sensitivity lines (``sens``,
    ``needed``)."""
    ge2021, since_1993 = tables["ge2021_riding_votes"], tables["byelections_since_1993"]
    swings = swing_illustrations.byelection_swings(tables["byelection_results_2024"], ge2021)
    seats = swing_illustrations.seat_scenarios(ge2021, swings, parties=SEAT_PARTIES)
    scen = seats[seats["method"] != "none"]
    assumed = assumed_seats(ge2021, swings, swing_from, method, share_pct, SEAT_PARTIES)
    ranking = seat_defences.defence_ranking(since_1993, highlight=LOSSES_2024)
    sens, needed = sensitivity(ge2021, swings)
    return {
        "swings": swings,
        "summary": swing_illustrations.swing_summary(swings, base_party="LPC", also="CPC")
        .set_index("riding"),
        "seats": seats, "scen": scen,
        "base": seats[seats["method"] == "none"].set_index("party_code")["seats"],
        "n_ridings": int(ge2021["riding_number"].nunique()),
        "assumed": assumed,
        "scen_drawn": apply_assumption(scen, swing_from, method, share_pct, assumed),
        "ranking": ranking, "losses": seat_defences.losses_table(ranking),
        "ranks": history.rank_losses(since_1993, LOSSES_2024).set_index("riding"),
        "sens": sens, "needed": needed,
    }


def _seats_label(row) -> str:
    if row["riding"] is None or pd.isna(row["riding"]):
        if row["method"] == "none":
            return _("2021<br>result")
        return _("2025<br>result<br>({seats} seats,<br>new map)").format(
            seats=row["scenario"].split("(")[1].split()[0])
    return f"{short(row['riding']).replace('–', '–<br>')}<br>{method_word(row['method'])}"


def seats_drawn(base: pd.Series, scen_drawn: pd.DataFrame, ge2025: pd.DataFrame) -> pd.DataFrame:
    """The seats chart's rows: the 2021 result, the illustrations (with the assumed one), the
    2025 result (``ge2025`` indexed by party code), each with its tick ``label``."""
    ref_2021 = pd.DataFrame({"scenario": "2021 result", "riding": None, "method": "none",
                             "party_code": base.index, "seats": base.to_numpy()})
    ref_2025 = pd.DataFrame({
        "scenario": f"2025 result ({int(ge2025['seats'].sum())} seats, new map)", "riding": None,
        "method": "actual",
        "party_code": SEAT_PARTIES, "seats": [int(ge2025.loc[p, "seats"]) for p in SEAT_PARTIES],
    })
    drawn = pd.concat([ref_2021, scen_drawn, ref_2025], ignore_index=True)
    drawn = drawn[drawn["party_code"].isin(SEAT_PARTIES)]
    return drawn.assign(label=drawn.apply(_seats_label, axis=1))



def _swing_numbers(tables: dict, c: dict) -> dict[str, str]:
    """(a) The swing in each by-election against the riding's 2021 result, and turnout."""
    summary, swings = c["summary"], c["swings"]
    change = swings.set_index(["riding", "party_code"])["change_pts"]
    assert summary.loc[ET, "winner_change_pts"] < 0  # the prose says the NDP winner lost ground
    # Turnout like for like: the by-election figure (votes counted on election night over
    # electors) against 2021 valid votes over electors (stories.byelections.turnout_comparison)
    results, turnout = tables["byelection_results_2024"], tables["byelection_turnout_2024"]
    numbers = results[["riding", "riding_number"]].drop_duplicates().set_index("riding")[
        "riding_number"]
    tsp_turnout, clc_turnout = (
        byelections.turnout_comparison(turnout, tables["ge2021_ridings"], r, int(numbers[r]))
        for r in (TSP, CLC))
    return {
        "whatif_tsp_lpc_fall": formats.decimal(-summary.loc[TSP, "base_change_pts"]),
        "whatif_clc_lpc_fall": formats.decimal(-summary.loc[CLC, "base_change_pts"]),
        "whatif_tsp_butler": formats.decimal(summary.loc[TSP, "butler_to_winner_pts"]),
        "whatif_lev_butler": formats.decimal(summary.loc[LEV, "butler_to_winner_pts"]),
        "whatif_et_butler": formats.decimal(summary.loc[ET, "butler_to_winner_pts"]),
        "whatif_clc_butler": formats.decimal(summary.loc[CLC, "butler_to_winner_pts"]),
        "whatif_et_butler_cpc": formats.decimal(summary.loc[ET, "butler_to_cpc_pts"]),
        "whatif_lev_winner_change": formats.decimal(summary.loc[LEV, "winner_change_pts"]),
        "whatif_et_cpc_change": formats.decimal(change[(ET, "CPC")]),
        "whatif_lev_cpc_change": formats.decimal(change[(LEV, "CPC")]),
        "whatif_lev_ndp_change": formats.decimal(float(change[(LEV, "NDP")])),
        # with its unit: « 1,5 point » in French (singular below 2)
        "whatif_et_ndp_fall": formats.points(float(-summary.loc[ET, "winner_change_pts"])),
        "whatif_tsp_turnout": formats.decimal(tsp_turnout["byelection"]),
        "whatif_tsp_turnout_2021": formats.decimal(tsp_turnout["same_basis_2021"]),
        "whatif_clc_turnout": formats.decimal(clc_turnout["byelection"]),
        "whatif_clc_turnout_2021": formats.decimal(clc_turnout["same_basis_2021"]),
    }


def _seat_numbers(c: dict, swing_from: str, method: str, share_pct: float) -> dict[str, str]:
    """(b) The seat illustrations on the 338 ridings of 2021, and the assumed one."""
    seats, scen, base, n_ridings, assumed = (c["seats"], c["scen"], c["base"], c["n_ridings"],
                                            c["assumed"])
    lpc = scen[scen["party_code"] == "LPC"].set_index("scenario")["seats"]
    cpc = scen[scen["party_code"] == "CPC"].set_index("scenario")["seats"]
    assert not (seats["party_code"] == "TIE").any()  # no tied riding to explain
    assert (cpc >= house.votes_to_carry(n_ridings)).all()  # the prose: every one a majority
    # Comparative sentences about the illustrations, computed (swing_illustrations.party_seats,
    # .lifted)
    kind_uniform = swing_illustrations.party_seats(seats, "LPC", "uniform")
    kind_proportional = swing_illustrations.party_seats(seats, "LPC", "proportional")
    assert kind_uniform.iloc[0] > kind_uniform.iloc[1]  # a single kindest illustration, no tie
    assert kind_proportional.iloc[0] > kind_proportional.iloc[1]
    assert kind_uniform.index[0] == TSP and kind_proportional.index[0] == TSP
    ndp_up = {m: swing_illustrations.lifted(seats, "NDP", m) for m in METHODS}
    assert list(ndp_up["uniform"].index) == [LEV]  # prose: only LaSalle's, under uniform swing
    assert list(ndp_up["proportional"].index) == [LEV, ET]  # prose: LaSalle's and Elmwood's
    return {
        "whatif_ridings": formats.plain(n_ridings),
        "whatif_majority_2021": formats.plain(house.votes_to_carry(n_ridings)),
        "whatif_base_lpc": formats.plain(int(base["LPC"])),
        "whatif_base_cpc": formats.plain(int(base["CPC"])),
        "whatif_base_bq": formats.plain(int(base["BQ"])),
        "whatif_base_ndp": formats.plain(int(base["NDP"])),
        "whatif_base_gpc": formats.plain(int(base["GPC"])),
        "whatif_n_scenarios": formats.plain(len(lpc)),
        "whatif_lpc_min": formats.plain(int(lpc.min())),
        "whatif_lpc_max": formats.plain(int(lpc.max())),
        "whatif_cpc_min": formats.plain(int(cpc.min())),
        "whatif_cpc_max": formats.plain(int(cpc.max())),
        # The assumptions at the top: one swing, one method, a share of it
        "whatif_assumed_swing": swing_words(swing_from, share_pct),
        "whatif_assumed_method": method_word(method),
        "whatif_assumed_cpc": formats.plain(int(assumed["CPC"])),
        "whatif_assumed_lpc": formats.plain(int(assumed["LPC"])),
        "whatif_clc_uniform_lpc": formats.plain(int(lpc[f"{CLC} (uniform)"])),
        "whatif_clc_proportional_lpc": formats.plain(int(lpc[f"{CLC} (proportional)"])),
        "whatif_kindest_uniform": charts.riding_label(kind_uniform.index[0]),
        "whatif_kindest_uniform_lpc": formats.plain(int(kind_uniform.iloc[0])),
        "whatif_next_uniform": charts.riding_label(kind_uniform.index[1]),
        "whatif_next_uniform_lpc": formats.plain(int(kind_uniform.iloc[1])),
        "whatif_kindest_proportional_lpc": formats.plain(int(kind_proportional.iloc[0])),
        "whatif_lev_uniform_ndp": formats.plain(int(ndp_up["uniform"][LEV])),
        "whatif_lev_proportional_ndp": formats.plain(int(ndp_up["proportional"][LEV])),
        "whatif_et_proportional_ndp": formats.plain(int(ndp_up["proportional"][ET])),
    }


def _projection_numbers(tables: dict, c: dict) -> dict[str, str]:
    """The poll-based projections of the time (338Canada, 343 seats), the 2025 result and the
    national swing the polls implied in the by-election months."""
    proj = tables["seat_projections_2025"].set_index("projection_date")
    ge2025 = tables["ge2025_national"].set_index("party_code")
    house_2025 = int(ge2025["seats"].sum())
    # prose: "a large majority" in both 2024 updates read (a majority of the 343-seat House)
    assert all(proj.loc[d, "CPC"] >= house.votes_to_carry(house_2025)
               for d in ("2024-07-21", "2024-11-17"))
    history_2025 = tables["riding_history"]
    history_2025 = history_2025[history_2025["election_date"] == "2025-04-28"]
    winners_2025 = {riding: rows.loc[rows["votes"].idxmax(), "party_code"]
                    for riding, rows in history_2025.groupby("riding")}
    # the last section's sentence on the four ridings in 2025
    assert winners_2025 == {TSP: "LPC", LEV: "LPC", ET: "CPC", CLC: "CPC"}, winners_2025
    # The national swing the polls implied in the by-election months, for comparison
    national_2021 = swing.shares(tables["ge2021_riding_votes"], by=None)
    monthly = poll_summaries.monthly_means(poll_summaries.poll_long(
        tables["polls"], tables["poll_shares"])).set_index(["month", "party_code"])["mean_pct"]
    national_swing = {
        month: ((monthly[(pd.Timestamp(month), "CPC")] - national_2021["CPC"])
                - (monthly[(pd.Timestamp(month), "LPC")] - national_2021["LPC"])) / 2
        for month in ("2024-06-01", "2024-12-01")
    }
    summary = c["summary"]
    assert national_swing["2024-06-01"] < summary.loc[TSP, "butler_to_cpc_pts"]  # prose: smaller
    assert national_swing["2024-12-01"] < summary.loc[CLC, "butler_to_cpc_pts"]
    return {
        "whatif_338_jul_cpc": formats.plain(int(proj.loc["2024-07-21", "CPC"])),
        "whatif_338_nov_cpc": formats.plain(int(proj.loc["2024-11-17", "CPC"])),
        "whatif_338_apr_lpc": formats.plain(int(proj.loc["2025-04-06", "LPC"])),
        "whatif_338_apr_cpc": formats.plain(int(proj.loc["2025-04-06", "CPC"])),
        "whatif_338_mar_lpc": formats.plain(int(proj.loc["2025-03-16", "LPC"])),
        "whatif_338_mar_cpc": formats.plain(int(proj.loc["2025-03-16", "CPC"])),
        "whatif_338_last": formats.date(proj.index.max()),
        "whatif_338_last_lpc": formats.plain(int(proj.loc[proj.index.max(), "LPC"])),
        "whatif_338_seats": formats.plain(house_2025),
        "whatif_2025_seats": formats.plain(house_2025),
        "whatif_2025_majority": formats.plain(house.votes_to_carry(house_2025)),
        "whatif_2025_lpc": formats.plain(int(ge2025.loc["LPC", "seats"])),
        "whatif_2025_cpc": formats.plain(int(ge2025.loc["CPC", "seats"])),
        "whatif_poll_swing_jun": formats.decimal(float(national_swing["2024-06-01"])),
        "whatif_poll_swing_dec": formats.decimal(float(national_swing["2024-12-01"])),
    }


def _defence_numbers(since_1993: pd.DataFrame, c: dict) -> dict[str, str]:
    """(c) Government defences since 1993: how many, how many lost, and the 2024 losses' ranks
    by fall in share."""
    counts = history.defence_summary(since_1993)
    by_gov = history.defence_summary(since_1993, by="government_party")
    defences = history.government_defences(since_1993)
    ranking, ranks = c["ranking"], c["ranks"]
    trudeau = defences[defences["election_date"] >= "2015-11-04"]
    for riding in LOSSES_2024:
        # rank_losses ranks by years held too; it must agree with the censoring-aware rank
        assert int(ranks.loc[riding, "held_rank"]) == history.rank_hold_length(
            since_1993, riding)["rank"]
    worse = ranking[ranking["swing_pts"] < ranks.loc[CLC, "swing_pts"]]
    assert int(worse["lost"].fillna(False).sum()) == 0  # the prose: all larger falls were holds
    assert int(ranking.loc[ranking["outcome"] != "Held", "position"].min()) == int(
        ranks.loc[CLC, "swing_rank"])  # the prose: Cloverdale is the largest fall among losses
    return {
        "whatif_n_byelections": formats.plain(len(since_1993)),
        "whatif_defended": formats.plain(int(counts["defended"])),
        "whatif_retained": formats.plain(int(counts["retained"])),
        "whatif_lost": formats.plain(int(counts["lost"])),
        "whatif_lpc_defended": formats.plain(int(by_gov.loc["LPC", "defended"])),
        "whatif_lpc_lost": formats.plain(int(by_gov.loc["LPC", "lost"])),
        "whatif_cpc_defended": formats.plain(int(by_gov.loc["CPC", "defended"])),
        "whatif_cpc_lost": formats.plain(int(by_gov.loc["CPC", "lost"])),
        "whatif_trudeau_defended": formats.plain(len(trudeau)),
        "whatif_trudeau_lost": formats.plain(int(trudeau["lost"].fillna(False).sum())),
        "whatif_losses_2024": formats.plain(len(LOSSES_2024)),
        "whatif_swing_n": formats.plain(int(ranks["swing_n"].iloc[0])),
        "whatif_tsp_gov_change": formats.decimal(-ranks.loc[TSP, "swing_pts"]),
        "whatif_lev_gov_change": formats.decimal(-ranks.loc[LEV, "swing_pts"]),
        "whatif_clc_gov_change": formats.decimal(-ranks.loc[CLC, "swing_pts"]),
        "whatif_tsp_swing_rank": formats.plain(int(ranks.loc[TSP, "swing_rank"])),
        "whatif_lev_swing_rank": formats.plain(int(ranks.loc[LEV, "swing_rank"])),
        "whatif_clc_swing_rank": formats.plain(int(ranks.loc[CLC, "swing_rank"])),
        "whatif_tsp_held_since": formats.plain(int(ranks.loc[TSP, "held_since_year"])),
        "whatif_clc_held_since": formats.plain(int(ranks.loc[CLC, "held_since_year"])),
        "whatif_clc_worse_n": formats.plain(len(worse)),
        "whatif_tsp_year": formats.plain(int(ranks.loc[TSP, "election_date"].year)),
    }


def _hold_numbers(since_1993: pd.DataFrame, tsp_winners: pd.DataFrame) -> dict[str, str]:
    """How long the seats lost had been held: ranked by years held
    (``history.rank_hold_length``), censored runs labelled."""
    counts = history.defence_summary(since_1993)
    defences = history.government_defences(since_1993)
    hold = {r: history.rank_hold_length(since_1993, r) for r in LOSSES_2024}
    tsp_hold = hold[TSP]
    tsp_hold_lost = history.rank_hold_length(since_1993, TSP, among="losses")
    assert not tsp_hold["censored"]  # prose: measured from a change of party, not cut off
    assert tsp_hold["since"] == seat_defences.held_since(tsp_winners, "LPC", "2024-06-24")
    assert not hold[LEV]["censored"]  # predecessors traced: both NDP in 2011
    # Every defence's run, longest first (ties in date order), and the runs lost
    runs = history.hold_lengths(defences.dropna(subset=["held_since_year"])).sort_values(
        ["years_held", "election_date"], ascending=[False, True], kind="stable")
    lost_runs = runs[runs["lost"].fillna(False).astype(bool)]
    assert len(runs) == tsp_hold["n"] and len(lost_runs) == int(counts["lost"])
    # "The longest-held seat lost": the first of the losses by years held, with no tie
    top = lost_runs.iloc[0]
    top_hold = history.rank_hold_length(since_1993, top["riding"], among="losses")
    assert (top_hold["rank"], top_hold["longer"], top_hold["tied"]) == (1, 0, 0)
    assert top["riding"] != TSP and top_hold["years"] > tsp_hold_lost["years"]
    # Toronto–St. Paul's comes next among the losses: the seats lost held longer are `top`
    assert (tsp_hold_lost["rank"], tsp_hold_lost["longer"], tsp_hold_lost["tied"]) == (2, 1, 0)
    assert top_hold["next"]["riding"].tolist() == [TSP]
    assert top["held_since_basis"] == "riding created"  # prose: counted from its first election
    assert top["riding"] == "Windsor West"  # the prose names its member, Herb Gray, and Essex West
    # The longest run measured among all the defences, and those longer than Toronto–St. Paul's
    first = runs.iloc[0]
    first_hold = history.rank_hold_length(since_1993, first["riding"])  # one defence by that name
    assert (first_hold["rank"], first_hold["tied"]) == (1, 0)
    assert not first["censored"] and not first["lost"]  # prose: measured in full, and kept
    longer = runs[runs["years_held"] > tsp_hold["years"]]
    assert len(longer) == tsp_hold["longer"] and tsp_hold["tied"] == 0
    assert set(longer.loc[longer["lost"].fillna(False).astype(bool), "riding"]) == {top["riding"]}
    # "none reaches the first general election": no run is cut off at the start of the data
    assert int((defences["held_since_basis"] == "data start").sum()) == 0
    return {
        "whatif_tsp_years_held": formats.plain(hold[TSP]["years"]),
        "whatif_lev_years_held": formats.plain(hold[LEV]["years"]),
        "whatif_clc_years_held": formats.plain(hold[CLC]["years"]),
        "whatif_tsp_hold_rank": formats.plain(hold[TSP]["rank"]),
        "whatif_lev_hold_rank": formats.plain(hold[LEV]["rank"]),
        "whatif_tsp_hold_rank_lost": formats.plain(tsp_hold_lost["rank"]),
        "whatif_hold_n": formats.plain(tsp_hold["n"]),
        "whatif_hold_top_lost": charts.riding_label(top["riding"]),
        "whatif_hold_top_lost_since": formats.plain(int(top["held_since_year"])),
        "whatif_hold_top_lost_year": formats.plain(int(top["election_date"].year)),
        "whatif_hold_top_lost_date": formats.date(top["election_date"]),
        "whatif_hold_top_lost_years": formats.plain(int(top["years_held"])),
        "whatif_hold_top_lost_party": formats.party(top["winner_party"]),
        "whatif_hold_first": charts.riding_label(first["riding"]),
        "whatif_hold_first_since": formats.plain(int(first["held_since_year"])),
        "whatif_hold_first_year": formats.plain(int(first["election_date"].year)),
        "whatif_hold_first_years": formats.plain(int(first["years_held"])),
        "whatif_tsp_longer_n": formats.plain(tsp_hold["longer"]),
        "whatif_tsp_longer_kept_n": formats.plain(
            int((~longer["lost"].fillna(False).astype(bool)).sum())),
        "whatif_hold_censored_n": formats.plain(tsp_hold["censored_shorter"]),
        "whatif_n_riding_created": formats.plain(
            int((defences["held_since_basis"] == "riding created").sum())),
    }


def _sensitivity_numbers(needed: dict) -> dict[str, str]:
    """(d) The share of each swing at which the Conservatives reach a majority."""
    least = min(needed, key=needed.get)
    most = max(needed, key=needed.get)
    assert least[0] == CLC and most == (LEV, "uniform"), (least, most)  # what the prose says
    return {
        "whatif_sens_tsp_uniform": formats.decimal(floor_pct(needed[(TSP, "uniform")])),
        "whatif_sens_tsp_proportional": formats.decimal(floor_pct(needed[(TSP, "proportional")])),
        "whatif_sens_min": formats.decimal(floor_pct(needed[least])),
        "whatif_sens_min_method": method_word(least[1]),
        "whatif_sens_max": formats.decimal(floor_pct(needed[most])),
    }


def prose_numbers(tables: dict, c: dict, swing_from: str, method: str, share_pct: float,
                  folder: Path) -> dict[str, str]:
    """Every number and name the chapter's prose shows, as display strings (``formats``), from
    :data:`TABLES` (by name), :func:`compute`'s result ``c`` for the same assumptions, and the
    data folder (the first general election in the Library of Parliament's files)."""
    since_1993 = tables["byelections_since_1993"]
    return {
        **_swing_numbers(tables, c),
        **_seat_numbers(c, swing_from, method, share_pct),
        **_projection_numbers(tables, c),
        **_defence_numbers(since_1993, c),
        **_hold_numbers(since_1993, tables["toronto_st_pauls_winners"]),
        **_sensitivity_numbers(c["needed"]),
        "whatif_data_from": formats.date(lasalle_emard_verdun.first_general_election(folder)),
    }


def spread(ends: dict, gap: float) -> dict:
    """Label positions for lines ending at ``ends`` (key -> y), moved apart to at least ``gap``
    between neighbours, as little as possible: pushed up from the lowest, then, where that ran
    past the highest end, settled back down."""
    order = sorted(ends, key=lambda k: ends[k])
    ys = [ends[k] for k in order]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + gap)
    top = max(ends.values())
    if ys and ys[-1] > top:  # share the push: centre the block on the ends it labels
        shift = (ys[-1] - top) / 2
        ys = [y - shift for y in ys]
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - gap)
    return dict(zip(order, ys))


def seat_range(seats) -> list[float]:
    """One y range for charts of seats that must compare: from 10 below the fewest to 10 above
    the most, in whole tens."""
    lo, hi = float(min(seats)), float(max(seats))
    return [10 * (int(lo) // 10) - 10, 10 * (-(-int(hi) // 10)) + 10]


def swing_hover(name: str) -> str:
    """The swings chart's hover: the riding, the change in points, the shares before and after
    (``customdata``: before, after), the party's ``name`` beside it."""
    return (_("{riding}: {change} points ({before} → {after})").format(
        riding="%{x}", change="%{y:+.1f}", before="%{customdata[0]" + formats.HOVER_PCT,
        after="%{customdata[1]" + formats.HOVER_PCT) + "<extra>" + name + "</extra>")


def sensitivity_title(method: str, threshold: float, riding: str) -> str:
    """A sensitivity chart's title: the share of the ``riding``'s swing from which ``method``
    gives a Conservative majority, to the whole percentage (a tenth of a point is more than a
    reader can see on the chart; the text gives the exact threshold)."""
    title = (_("Uniform swing: a Conservative majority from about {share} of the {riding} swing")
             if method == "uniform" else
             _("Proportional swing: a Conservative majority from about {share} of the {riding} swing"))
    return formats.elide(title.format(share=formats.pct(threshold, 0), riding=riding))
