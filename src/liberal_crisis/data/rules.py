"""Cross-file rules that a Frictionless schema cannot express.

Each rule reads the typed tables and returns ``Problem``s that name the file, the line (header
= line 1, so data row i is line i + 2), the column and the rule.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .package import Problem, descriptor, read

SHARE_TOLERANCE = 0.05  # percentage points: published shares are rounded to 1 or 2 decimals
RULES = []
_FOLDER: list[Path | None] = [None]  # the folder being checked, for rules that read the descriptor


def rule(func):
    RULES.append(func)
    return func


def _line(index: int) -> int:
    return int(index) + 2


def _file(name: str) -> str:
    return f"data/{name}.csv"


def share_problems(name, frame, share_col, votes_col, rule_name, group_cols=None):
    """Shares must recompute from votes (votes / total × 100) within the tolerance; the total
    is the whole table's, or each group's when ``group_cols`` is given."""
    if group_cols is None:
        totals = pd.Series(frame[votes_col].sum(), index=frame.index)
    else:
        totals = frame.groupby(group_cols, dropna=False)[votes_col].transform("sum")
    recomputed = frame[votes_col] / totals * 100
    bad = (frame[share_col] - recomputed).abs() > SHARE_TOLERANCE
    return [
        Problem(
            _file(name),
            rule_name,
            f"{share_col} {frame.at[i, share_col]} but votes give {recomputed[i]:.2f}",
            _line(i),
            share_col,
        )
        for i in frame.index[bad.fillna(False)]
    ]


def _mismatch(name, frame, index, column, rule_name, message):
    return Problem(_file(name), rule_name, message, _line(index), column)


@rule
def byelection_votes_sum_to_valid_total(load):
    """Candidate votes add up to each by-election's valid votes, and the aggregated
    candidates to the number on the ballot."""
    results, ballots = load("byelection_results_2024"), load("byelection_ballots_2024")
    sums = results.groupby(["riding", "election_date"]).agg(
        votes=("votes", "sum"), candidates=("candidates_aggregated", "sum")
    )
    out = []
    for i, row in ballots.iterrows():
        key = (row["riding"], row["election_date"])
        if key not in sums.index:
            out.append(_mismatch("byelection_ballots_2024", ballots, i, "riding",
                                 "votes-sum", f"no candidate rows for {key[0]}"))
            continue
        if sums.at[key, "votes"] != row["valid_votes"]:
            out.append(_mismatch("byelection_ballots_2024", ballots, i, "valid_votes", "votes-sum",
                                 f"valid_votes {row['valid_votes']} but candidates' votes sum to "
                                 f"{sums.at[key, 'votes']} (byelection_results_2024)"))
        if sums.at[key, "candidates"] != row["candidates_on_ballot"]:
            out.append(_mismatch("byelection_ballots_2024", ballots, i, "candidates_on_ballot",
                                 "candidates-sum",
                                 f"{row['candidates_on_ballot']} on the ballot but "
                                 f"{sums.at[key, 'candidates']} candidates in the results"))
    for i, row in results.iterrows():
        if (row["riding"], row["election_date"]) not in set(
            zip(ballots["riding"], ballots["election_date"])
        ):
            out.append(_mismatch("byelection_results_2024", results, i, "riding", "known-contest",
                                 f"{row['riding']} {row['election_date']:%Y-%m-%d} is not in "
                                 "byelection_ballots_2024"))
    return out


@rule
def reported_figures_refer_to_known_byelections(load):
    contests = set(zip(*[load("byelection_ballots_2024")[c] for c in ("riding", "election_date")]))
    out = []
    for name in ("byelection_preliminary_2024", "byelection_turnout_2024"):
        frame = load(name)
        for i, row in frame.iterrows():
            if (row["riding"], row["election_date"]) not in contests:
                out.append(_mismatch(name, frame, i, "riding", "known-contest",
                                     f"{row['riding']} on {row['election_date']:%Y-%m-%d} is not "
                                     "one of the 2024 by-elections"))
    return out


@rule
def ge2021_votes_match_riding_totals(load):
    """Party votes sum to each riding's valid ballots; ballots and turnout add up."""
    votes, ridings = load("ge2021_riding_votes"), load("ge2021_ridings")
    sums = votes.groupby("riding_number")["votes"].sum()
    out = []
    for i, row in ridings.iterrows():
        number = row["riding_number"]
        if sums.get(number) != row["valid_ballots"]:
            out.append(_mismatch("ge2021_ridings", ridings, i, "valid_ballots", "votes-sum",
                                 f"valid_ballots {row['valid_ballots']} but party votes sum to "
                                 f"{sums.get(number)} (ge2021_riding_votes)"))
        if row["valid_ballots"] + row["rejected_ballots"] != row["total_ballots"]:
            out.append(_mismatch("ge2021_ridings", ridings, i, "total_ballots", "ballots-sum",
                                 "valid + rejected ballots do not equal total ballots"))
        turnout = row["total_ballots"] / row["electors"] * 100
        if abs(turnout - row["turnout_pct"]) > SHARE_TOLERANCE:
            out.append(_mismatch("ge2021_ridings", ridings, i, "turnout_pct", "share-recompute",
                                 f"turnout_pct {row['turnout_pct']} but ballots / electors give "
                                 f"{turnout:.2f}"))
    return out  # unknown riding numbers are caught by the schema's foreign key


@rule
def shares_recompute_from_votes(load):
    out = []
    national = load("ge2025_national")
    out += share_problems("ge2025_national", national, "vote_share_pct", "votes", "share-recompute")
    leadership = load("leadership_2025")
    out += share_problems("leadership_2025", leadership, "votes_pct", "votes", "share-recompute")
    out += share_problems("leadership_2025", leadership, "points_pct", "points", "share-recompute")
    return out


@rule
def seats_and_vacancies_fill_the_house(load):
    standings, snapshots = load("house_standings"), load("house_snapshots")
    seats = standings.groupby("as_of")["seats"].sum()
    out = []
    for i, row in snapshots.iterrows():
        filled = seats.get(row["as_of"])
        if filled is None:
            out.append(_mismatch("house_snapshots", snapshots, i, "as_of", "known-date",
                                 f"no standings for {row['as_of']:%Y-%m-%d}"))
            continue
        if filled + row["vacant"] != row["house_size"]:
            out.append(_mismatch("house_snapshots", snapshots, i, "vacant", "seats-sum",
                                 f"{filled} seats + {row['vacant']} vacant != house of "
                                 f"{row['house_size']}"))
        if row["majority_needed"] != row["house_size"] // 2 + 1:
            out.append(_mismatch("house_snapshots", snapshots, i, "majority_needed",
                                 "majority", f"a majority of {row['house_size']} is "
                                 f"{row['house_size'] // 2 + 1}"))
    for i in standings.index[~standings["as_of"].isin(snapshots["as_of"])]:
        out.append(_mismatch("house_standings", standings, i, "as_of", "known-date",
                             "a date with no row in house_snapshots"))
    national = load("ge2025_national")
    after = snapshots[snapshots["as_of"] == pd.Timestamp("2025-04-28")]
    if not after.empty and national["seats"].sum() != after["house_size"].iloc[0]:
        out.append(Problem(_file("ge2025_national"), "seats-sum",
                           f"seats sum to {national['seats'].sum()}, the House has "
                           f"{after['house_size'].iloc[0]}", None, "seats"))
    return out


def _date_window(name, frame, column, first, last, rule_name="date-range"):
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    bad = (frame[column] < first) | (frame[column] > last)
    return [
        _mismatch(name, frame, i, column, rule_name,
                  f"{frame.at[i, column]:%Y-%m-%d} is outside {first:%Y-%m-%d}..{last:%Y-%m-%d}")
        for i in frame.index[bad]
    ]


@rule
def dates_in_range_and_order(load):
    out = []
    out += _date_window("byelection_results_2024", load("byelection_results_2024"),
                        "election_date", "2024-01-01", "2024-12-31")
    out += _date_window("confidence_votes", load("confidence_votes"), "vote_date",
                        "2024-01-01", "2024-12-31")
    out += _date_window("polls", load("polls"), "end_date", "2021-09-21", "2025-04-28")
    out += _date_window("byelections_since_1993", load("byelections_since_1993"),
                        "election_date", "1993-10-26", "2025-04-27")
    timeline = load("timeline")
    out += _date_window("timeline", timeline, "date", "2022-03-22", "2025-04-28")
    later = timeline["date"] < timeline["date"].shift(1)
    out += [_mismatch("timeline", timeline, i, "date", "date-order",
                      "earlier than the row above: the timeline must be in date order")
            for i in timeline.index[later]]
    history = load("toronto_st_pauls_winners")
    out += [_mismatch("toronto_st_pauls_winners", history, i, "election_date", "date-order",
                      "earlier than the row above")
            for i in history.index[history["election_date"] < history["election_date"].shift(1)]]
    return out


@rule
def confidence_results_follow_the_tally(load):
    votes = load("confidence_votes")
    expected = (votes["yeas"] > votes["nays"]).map({True: "carried", False: "defeated"})
    return [_mismatch("confidence_votes", votes, i, "result", "result-tally",
                      f"{votes.at[i, 'yeas']} yeas to {votes.at[i, 'nays']} nays is "
                      f"'{expected[i]}', not '{votes.at[i, 'result']}'")
            for i in votes.index[votes["result"] != expected]]


@rule
def poll_shares_belong_to_polls_and_add_up(load):
    polls, shares = load("polls"), load("poll_shares")
    out = [_mismatch("poll_shares", shares, i, "poll_id", "known-poll",
                     f"{shares.at[i, 'poll_id']} is not in polls")
           for i in shares.index[~shares["poll_id"].isin(polls["poll_id"])]]
    grouped = shares.groupby("poll_id")["share_pct"]
    totals = grouped.sum()
    # Pollsters round each share to a whole point: n shares may overshoot 100 by n × 0.5.
    for poll_id in totals.index[totals > 100 + grouped.count() * 0.5]:
        i = shares.index[shares["poll_id"] == poll_id][0]
        out.append(_mismatch("poll_shares", shares, i, "share_pct", "shares-sum",
                             f"shares of {poll_id} add up to {totals[poll_id]:.1f} %"))
    return out


@rule
def pledge_counts_are_possible(load):
    reports, caucus = load("pledge_reports"), load("caucus_size")
    size = int(caucus["members"].max())
    out = []
    for i, row in reports.iterrows():
        high = row["count_high"] if pd.notna(row["count_high"]) else row["count_low"]
        if not (0 < row["count_low"] <= high <= size):
            out.append(_mismatch("pledge_reports", reports, i, "count_low", "count-range",
                                 f"{row['count_low']}..{high} is not within a caucus of {size}"))
    return out


@rule
def row_sources_are_listed(load):
    """A row that cites a source_url cites one of its resource's declared sources, so the
    package's provenance never falls behind the rows. A curated input and the derived
    resources it feeds (polls_curated -> polls, poll_shares) share one list of sources."""
    out = []
    resources = descriptor(_FOLDER[0])["resources"]
    family: dict[str, set[str]] = {r["name"]: {r["name"]} for r in resources}
    for res in resources:
        for other in res.get("provenance", {}).get("curated", []):
            family[res["name"]].add(other)
            family.setdefault(other, {other}).add(res["name"])
    sources = {r["name"]: {src["path"] for src in r.get("sources", [])} for r in resources}
    for res in resources:
        fields = {f["name"] for f in res["schema"]["fields"]}
        if "source_url" not in fields:
            continue
        listed = set().union(*(sources.get(n, set()) for n in family[res["name"]]))
        frame = load(res["name"])
        for i in frame.index[~frame["source_url"].isin(listed) & frame["source_url"].notna()]:
            out.append(_mismatch(res["name"], frame, i, "source_url", "source-listed",
                                 f"{frame.at[i, 'source_url']} is not among the resource's "
                                 "sources in datapackage.json"))
    return out


def run(folder: Path) -> list[Problem]:
    """All cross-file rules; a rule that crashes is itself reported, never skipped."""
    problems: list[Problem] = []
    _FOLDER[0] = folder
    for func in RULES:
        try:
            problems += func(lambda name: read(name, folder))
        except KeyError as exc:
            problems.append(Problem("data/datapackage.json", func.__name__, f"missing {exc}"))
    return problems
