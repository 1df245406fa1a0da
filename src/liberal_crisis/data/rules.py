"""Rules that a Frictionless schema cannot express: each file's shape, completeness, and
cross-file consistency.

Each rule reads the typed tables and returns ``Problem``s that name the file, the line (header
= line 1, so data row i is line i + 2), the column and the rule. Where two files disagree, the
problem is reported in one and its message names the other file and its lines, so whichever
file was damaged is named. ``file_problems`` looks at the files as bytes (an empty file, a
header with no rows, a file cut off mid-row) and runs even when Frictionless fails.
"""

from __future__ import annotations

from pathlib import Path

import csv

import pandas as pd

from .package import DESCRIPTOR, Problem, descriptor, read

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


def _lines(frame, mask) -> str:
    """'lines 4-7' / 'line 4' / 'lines 4, 9, 12' for the rows where ``mask`` holds."""
    found = [_line(i) for i in frame.index[mask]]
    if not found:
        return "no lines"
    if len(found) == 1:
        return f"line {found[0]}"
    if found == list(range(found[0], found[-1] + 1)):
        return f"lines {found[0]}-{found[-1]}"
    return "lines " + ", ".join(map(str, found[:8])) + (" …" if len(found) > 8 else "")


def file_problems(folder: Path) -> list[Problem]:
    """Every resource's file, as bytes: not empty, at least one row under its header, ending in
    a line break (a file cut off mid-row does not). Missing files are Frictionless's to name."""
    out = []
    try:
        resources = descriptor(folder)["resources"]
    except (OSError, ValueError) as exc:
        return [Problem(f"data/{DESCRIPTOR}", "descriptor", f"cannot be read: {exc}")]
    for res in resources:
        path = Path(folder) / res["path"]
        file = f"data/{res['path']}"
        if not path.is_file():
            continue
        data = path.read_bytes()
        if not data.strip():
            out.append(Problem(file, "empty-file", "the file is empty: not even a header", 1))
            continue
        text = data.decode("utf-8", errors="replace")
        rows = list(csv.reader(text.splitlines()))
        if not data.endswith(b"\n"):
            out.append(Problem(file, "cut-short", "the last line has no line break: the file was "
                               "cut off (mid-row?)", text.count("\n") + 1))
        if res.get("provenance", {}).get("may_be_empty"):
            continue  # e.g. a corrections log before its first correction
        if len([r for r in rows[1:] if any(cell.strip() for cell in r)]) == 0:
            out.append(Problem(file, "no-rows", "a header and no rows: the table was emptied", 2))
    return out


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
            out.append(_mismatch("byelection_ballots_2024", ballots, i, "riding", "votes-sum",
                                 f"no candidate rows for {key[0]} in "
                                 "data/byelection_results_2024.csv"))
            continue
        if sums.at[key, "votes"] != row["valid_votes"]:
            rows = _lines(results, (results["riding"] == key[0]) & (results["election_date"] == key[1]))
            out.append(_mismatch("byelection_ballots_2024", ballots, i, "valid_votes", "votes-sum",
                                 f"valid_votes {row['valid_votes']} but candidates' votes sum to "
                                 f"{sums.at[key, 'votes']} (data/byelection_results_2024.csv, {rows})"))
        if sums.at[key, "candidates"] != row["candidates_on_ballot"]:
            rows = _lines(results, (results["riding"] == key[0]) & (results["election_date"] == key[1]))
            out.append(_mismatch("byelection_ballots_2024", ballots, i, "candidates_on_ballot",
                                 "candidates-sum",
                                 f"{row['candidates_on_ballot']} on the ballot but "
                                 f"{sums.at[key, 'candidates']} candidates in "
                                 f"data/byelection_results_2024.csv ({rows}): a candidate lost?"))
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
            where = _lines(votes, votes["riding_number"] == number)
            out.append(_mismatch("ge2021_ridings", ridings, i, "valid_ballots", "votes-sum",
                                 f"valid_ballots {row['valid_ballots']} but party votes sum to "
                                 f"{sums.get(number)} (data/ge2021_riding_votes.csv, {where})"))
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
                                 f"no standings for {row['as_of']:%Y-%m-%d} in "
                                 "data/house_standings.csv"))
            continue
        if filled + row["vacant"] != row["house_size"]:
            where = _lines(standings, standings["as_of"] == row["as_of"])
            out.append(_mismatch("house_snapshots", snapshots, i, "vacant", "seats-sum",
                                 f"{filled} seats (data/house_standings.csv, {where}) + "
                                 f"{row['vacant']} vacant != house of {row['house_size']}"))
        if row["majority_needed"] != row["house_size"] // 2 + 1:
            out.append(_mismatch("house_snapshots", snapshots, i, "majority_needed",
                                 "majority", f"a majority of {row['house_size']} is "
                                 f"{row['house_size'] // 2 + 1}"))
    for i in standings.index[~standings["as_of"].isin(snapshots["as_of"])]:
        out.append(_mismatch("house_standings", standings, i, "as_of", "known-date",
                             "a date with no row in data/house_snapshots.csv"))
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
                     f"{shares.at[i, 'poll_id']} is not in data/polls.csv")
           for i in shares.index[~shares["poll_id"].isin(polls["poll_id"])]]
    # Completeness: every poll has at least two shares (a poll cut from poll_shares has none).
    counts = shares.groupby("poll_id").size()
    for i in polls.index:
        n = int(counts.get(polls.at[i, "poll_id"], 0))
        if n < 2:
            out.append(_mismatch("polls", polls, i, "poll_id", "poll-shares-complete",
                                 f"{polls.at[i, 'poll_id']} has {n} share row(s) in "
                                 "data/poll_shares.csv; every poll has at least two"))
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


GE2021_RIDINGS = 338  # electoral districts of the 2013 representation order (Elections Canada)


@rule
def every_contest_and_riding_has_its_rows(load):
    """Structural completeness: each 2024 by-election has its election-night rows (the winner's
    among them), its reported turnout and its timeline entry; each 2021 riding is there with at
    least two parties; each of the four ridings has candidates at every general election in
    riding_history; each confidence vote has its parties' positions."""
    out = []
    ballots = load("byelection_ballots_2024")
    contests = list(zip(ballots.index, ballots["riding"], ballots["election_date"],
                        ballots["winner_party"]))
    for name, what in (("byelection_preliminary_2024", "election-night count"),
                       ("byelection_turnout_2024", "reported turnout")):
        frame = load(name)
        for i, riding, date, winner in contests:
            rows = frame[(frame["riding"] == riding) & (frame["election_date"] == date)]
            if rows.empty:
                out.append(Problem(_file(name), "contest-complete",
                                   f"no {what} for {riding} on {date:%Y-%m-%d} (a by-election in "
                                   f"data/byelection_ballots_2024.csv line {_line(i)})", None, "riding"))
            elif name == "byelection_preliminary_2024" and winner not in set(rows["party_code"]):
                out.append(Problem(_file(name), "contest-complete",
                                   f"the election-night rows of {riding} ({_lines(frame, frame.index.isin(rows.index))}) "
                                   f"lack the winner ({winner})", None, "party_code"))
    timeline = load("timeline")
    for i, riding, date, _ in contests:
        if not ((timeline["date"] == date) & (timeline["category"] == "by-election")).any():
            out.append(Problem(_file("timeline"), "contest-complete",
                               f"no by-election event on {date:%Y-%m-%d} ({riding}, "
                               f"data/byelection_ballots_2024.csv line {_line(i)})", None, "date"))

    ridings, votes = load("ge2021_ridings"), load("ge2021_riding_votes")
    if len(ridings) != GE2021_RIDINGS:
        out.append(Problem(_file("ge2021_ridings"), "ridings-complete",
                           f"{len(ridings)} ridings, not the {GE2021_RIDINGS} of the 2021 election",
                           _line(ridings.index.max()) if len(ridings) else 2, "riding_number"))
    parties = votes.groupby("riding_number").size()
    for i in ridings.index:
        n = int(parties.get(ridings.at[i, "riding_number"], 0))
        if n < 2:
            out.append(_mismatch("ge2021_ridings", ridings, i, "riding_number", "ridings-complete",
                                 f"riding {ridings.at[i, 'riding_number']} has {n} party row(s) in "
                                 "data/ge2021_riding_votes.csv: its rows were dropped?"))

    history = load("riding_history")
    dates = sorted(set(history["election_date"]))
    for riding in ballots["riding"]:
        for date in dates:
            rows = history[(history["riding"] == riding) & (history["election_date"] == date)]
            if len(rows) < 2:
                out.append(Problem(_file("riding_history"), "ridings-complete",
                                   f"{len(rows)} candidate(s) for {riding} at the {date:%Y-%m-%d} "
                                   "general election: its rows were dropped?", None, "riding"))

    votes_, positions = load("confidence_votes"), load("confidence_votes_by_party")
    for i in votes_.index:
        if not (positions["vote_date"] == votes_.at[i, "vote_date"]).any():
            out.append(_mismatch("confidence_votes", votes_, i, "vote_date", "division-complete",
                                 f"no party positions for the vote of {votes_.at[i, 'vote_date']:%Y-%m-%d}"
                                 " in data/confidence_votes_by_party.csv"))
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
    for res in resources:  # rows whose sources sit in another table's rows (house_standings)
        via = res.get("provenance", {}).get("row_source_via")
        if not via:
            continue
        keys, other = load(res["name"])[via["on"]], load(via["resource"])
        listed = sources[res["name"]]
        bad = (other[via["on"]].isin(keys) & ~other["source_url"].isin(listed)
               & other["source_url"].notna())
        for i in other.index[bad]:
            out.append(_mismatch(via["resource"], other, i, "source_url", "source-listed",
                                 f"{other.at[i, 'source_url']} is not among the sources of "
                                 f"{res['name']} in datapackage.json, whose rows with this "
                                 f"{via['on']} take their source from this row"))
    return out


def run(folder: Path) -> list[Problem]:
    """All cross-file rules; a rule that crashes is itself reported, never skipped, naming the
    files it had read (one of them holds what it could not handle)."""
    problems: list[Problem] = []
    _FOLDER[0] = folder
    for func in RULES:
        loaded: list[str] = []

        def load(name, loaded=loaded):
            loaded.append(name)
            return read(name, folder)

        try:
            problems += func(load)
        except KeyError as exc:  # a resource or column the descriptor does not have
            problems.append(Problem(f"data/{DESCRIPTOR}", func.__name__, f"missing {exc}"))
        except Exception as exc:  # noqa: BLE001 - reported, with the files involved
            files = ", ".join(_file(n) for n in dict.fromkeys(loaded))
            problems.append(Problem(_file(loaded[-1]) if loaded else f"data/{DESCRIPTOR}",
                                    func.__name__,
                                    f"the rule could not run ({type(exc).__name__}: {exc}); "
                                    f"files read: {files or 'none'}"))
    return problems
