"""Rules that a Frictionless schema cannot express: each file's shape, completeness, and
cross-file consistency. (What a schema can say, it says: types, keys, and date windows as
``minimum``/``maximum`` constraints on date fields, in ``data/meta/resources/<name>.json``.)

Each rule checks one thing: it takes a :class:`Context` (the typed tables, read once, and the
descriptor) and returns ``Problem``s that name the file, the line (header = line 1, so data
row i is line i + 2), the column and the rule. Where two files disagree, the problem is
reported in one and its message names the other file and its lines, so whichever file was
damaged is named. ``file_problems`` looks at the files as bytes (an empty file, a header with
no rows, a file cut off mid-row) and runs even when Frictionless fails.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .package import DESCRIPTOR, Problem, descriptor, read

SHARE_TOLERANCE = 0.05  # percentage points: published shares are rounded to 1 or 2 decimals
RULES = []


class Context:
    """What a rule reads: ``table(name)``, a typed table (read once per context), and
    ``descriptor``. ``read`` lists the tables asked for, in order (a crash names them).

    Built on a folder (:func:`run`), or on a ``table`` function and a descriptor (the unit
    tests hand a rule edited tables in memory)."""

    def __init__(self, folder: Path | None = None, *,
                 table: Callable[[str], pd.DataFrame] | None = None,
                 descriptor_: dict | None = None):
        self.folder = Path(folder) if folder is not None else None
        self._table = table
        self._descriptor = descriptor_
        self._cache: dict[str, pd.DataFrame] = {}
        self.read: list[str] = []

    @property
    def descriptor(self) -> dict:
        if self._descriptor is None:
            self._descriptor = descriptor(self.folder)
        return self._descriptor

    def table(self, name: str) -> pd.DataFrame:
        self.read.append(name)
        if self._table is not None:
            return self._table(name)
        if name not in self._cache:
            self._cache[name] = read(name, self.folder)
        return self._cache[name].copy()


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
def byelection_votes_sum_to_valid_total(ctx: Context) -> list[Problem]:
    """Candidate votes add up to each by-election's valid votes, and the aggregated
    candidates to the number on the ballot."""
    results, ballots = ctx.table("byelection_results_2024"), ctx.table("byelection_ballots_2024")
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
def reported_figures_refer_to_known_byelections(ctx: Context) -> list[Problem]:
    contests = set(zip(*[ctx.table("byelection_ballots_2024")[c] for c in ("riding", "election_date")]))
    out = []
    for name in ("byelection_preliminary_2024", "byelection_turnout_2024"):
        frame = ctx.table(name)
        for i, row in frame.iterrows():
            if (row["riding"], row["election_date"]) not in contests:
                out.append(_mismatch(name, frame, i, "riding", "known-contest",
                                     f"{row['riding']} on {row['election_date']:%Y-%m-%d} is not "
                                     "one of the 2024 by-elections"))
    return out


@rule
def ge2021_votes_match_riding_totals(ctx: Context) -> list[Problem]:
    """Party votes sum to each riding's valid ballots; ballots and turnout add up."""
    votes, ridings = ctx.table("ge2021_riding_votes"), ctx.table("ge2021_ridings")
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
def shares_recompute_from_votes(ctx: Context) -> list[Problem]:
    out = []
    national = ctx.table("ge2025_national")
    out += share_problems("ge2025_national", national, "vote_share_pct", "votes", "share-recompute")
    leadership = ctx.table("leadership_2025")
    out += share_problems("leadership_2025", leadership, "votes_pct", "votes", "share-recompute")
    out += share_problems("leadership_2025", leadership, "points_pct", "points", "share-recompute")
    return out


@rule
def seats_and_vacancies_fill_the_house(ctx: Context) -> list[Problem]:
    standings, snapshots = ctx.table("house_standings"), ctx.table("house_snapshots")
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
    national = ctx.table("ge2025_national")
    after = snapshots[snapshots["as_of"] == pd.Timestamp("2025-04-28")]
    if not after.empty and national["seats"].sum() != after["house_size"].iloc[0]:
        out.append(Problem(_file("ge2025_national"), "seats-sum",
                           f"seats sum to {national['seats'].sum()}, the House has "
                           f"{after['house_size'].iloc[0]}", None, "seats"))
    return out


@rule
def timeline_in_date_order(ctx: Context) -> list[Problem]:
    """The timeline reads top to bottom in date order. (Date windows are schema constraints.)"""
    timeline = ctx.table("timeline")
    later = timeline["date"] < timeline["date"].shift(1)
    return [_mismatch("timeline", timeline, i, "date", "date-order",
                      "earlier than the row above: the timeline must be in date order")
            for i in timeline.index[later]]


@rule
def winners_in_date_order(ctx: Context) -> list[Problem]:
    """Toronto–St. Paul's winners are listed oldest first."""
    history = ctx.table("toronto_st_pauls_winners")
    return [_mismatch("toronto_st_pauls_winners", history, i, "election_date", "date-order",
                      "earlier than the row above")
            for i in history.index[history["election_date"] < history["election_date"].shift(1)]]


@rule
def confidence_results_follow_the_tally(ctx: Context) -> list[Problem]:
    votes = ctx.table("confidence_votes")
    expected = (votes["yeas"] > votes["nays"]).map({True: "carried", False: "defeated"})
    return [_mismatch("confidence_votes", votes, i, "result", "result-tally",
                      f"{votes.at[i, 'yeas']} yeas to {votes.at[i, 'nays']} nays is "
                      f"'{expected[i]}', not '{votes.at[i, 'result']}'")
            for i in votes.index[votes["result"] != expected]]


@rule
def poll_shares_belong_to_polls_and_add_up(ctx: Context) -> list[Problem]:
    polls, shares = ctx.table("polls"), ctx.table("poll_shares")
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
def pledge_counts_are_possible(ctx: Context) -> list[Problem]:
    reports, caucus = ctx.table("pledge_reports"), ctx.table("caucus_size")
    size = int(caucus["members"].max())
    out = []
    for i, row in reports.iterrows():
        high = row["count_high"] if pd.notna(row["count_high"]) else row["count_low"]
        if not (0 < row["count_low"] <= high <= size):
            out.append(_mismatch("pledge_reports", reports, i, "count_low", "count-range",
                                 f"{row['count_low']}..{high} is not within a caucus of {size}"))
    return out


GE2021_RIDINGS = 338  # electoral districts of the 2013 representation order (Elections Canada)


def _contests(ctx: Context):
    ballots = ctx.table("byelection_ballots_2024")
    return list(zip(ballots.index, ballots["riding"], ballots["election_date"],
                    ballots["winner_party"]))


@rule
def byelections_have_election_night_rows(ctx: Context) -> list[Problem]:
    """Each 2024 by-election has its election-night rows, the winner's among them."""
    out = []
    frame = ctx.table("byelection_preliminary_2024")
    for i, riding, date, winner in _contests(ctx):
        rows = frame[(frame["riding"] == riding) & (frame["election_date"] == date)]
        if rows.empty:
            out.append(Problem(_file("byelection_preliminary_2024"), "contest-complete",
                               f"no election-night count for {riding} on {date:%Y-%m-%d} (a "
                               f"by-election in data/byelection_ballots_2024.csv line {_line(i)})",
                               None, "riding"))
        elif winner not in set(rows["party_code"]):
            out.append(Problem(_file("byelection_preliminary_2024"), "contest-complete",
                               f"the election-night rows of {riding} "
                               f"({_lines(frame, frame.index.isin(rows.index))}) "
                               f"lack the winner ({winner})", None, "party_code"))
    return out


@rule
def byelections_have_turnout(ctx: Context) -> list[Problem]:
    """Each 2024 by-election has its reported turnout."""
    frame = ctx.table("byelection_turnout_2024")
    return [Problem(_file("byelection_turnout_2024"), "contest-complete",
                    f"no reported turnout for {riding} on {date:%Y-%m-%d} (a by-election in "
                    f"data/byelection_ballots_2024.csv line {_line(i)})", None, "riding")
            for i, riding, date, _ in _contests(ctx)
            if frame[(frame["riding"] == riding) & (frame["election_date"] == date)].empty]


@rule
def byelections_are_on_the_timeline(ctx: Context) -> list[Problem]:
    """Each 2024 by-election has its event in the timeline."""
    timeline = ctx.table("timeline")
    return [Problem(_file("timeline"), "contest-complete",
                    f"no by-election event on {date:%Y-%m-%d} ({riding}, "
                    f"data/byelection_ballots_2024.csv line {_line(i)})", None, "date")
            for i, riding, date, _ in _contests(ctx)
            if not ((timeline["date"] == date) & (timeline["category"] == "by-election")).any()]


@rule
def ge2021_ridings_are_complete(ctx: Context) -> list[Problem]:
    """The 338 ridings of 2021 are there, each with at least two parties' votes."""
    out = []
    ridings, votes = ctx.table("ge2021_ridings"), ctx.table("ge2021_riding_votes")
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
    return out


@rule
def riding_histories_are_complete(ctx: Context) -> list[Problem]:
    """Each riding of the 2024 by-elections has candidates at every general election of
    riding_history."""
    out = []
    ballots, history = ctx.table("byelection_ballots_2024"), ctx.table("riding_history")
    dates = sorted(set(history["election_date"]))
    for riding in ballots["riding"]:
        for date in dates:
            rows = history[(history["riding"] == riding) & (history["election_date"] == date)]
            if len(rows) < 2:
                out.append(Problem(_file("riding_history"), "ridings-complete",
                                   f"{len(rows)} candidate(s) for {riding} at the {date:%Y-%m-%d} "
                                   "general election: its rows were dropped?", None, "riding"))
    return out


@rule
def confidence_votes_have_party_positions(ctx: Context) -> list[Problem]:
    """Each confidence vote has its parties' positions."""
    votes, positions = ctx.table("confidence_votes"), ctx.table("confidence_votes_by_party")
    return [_mismatch("confidence_votes", votes, i, "vote_date", "division-complete",
                      f"no party positions for the vote of {votes.at[i, 'vote_date']:%Y-%m-%d}"
                      " in data/confidence_votes_by_party.csv")
            for i in votes.index
            if not (positions["vote_date"] == votes.at[i, "vote_date"]).any()]


@rule
def row_sources_are_listed(ctx: Context) -> list[Problem]:
    """A row that cites a source_url cites one of its resource's declared sources, so the
    package's provenance never falls behind the rows. A curated input and the derived
    resources it feeds (polls_curated -> polls, poll_shares) share one list of sources."""
    out = []
    resources = ctx.descriptor["resources"]
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
        frame = ctx.table(res["name"])
        for i in frame.index[~frame["source_url"].isin(listed) & frame["source_url"].notna()]:
            out.append(_mismatch(res["name"], frame, i, "source_url", "source-listed",
                                 f"{frame.at[i, 'source_url']} is not among the resource's "
                                 "sources in datapackage.json"))
    for res in resources:  # rows whose sources sit in another table's rows (house_standings)
        via = res.get("provenance", {}).get("row_source_via")
        if not via:
            continue
        keys, other = ctx.table(res["name"])[via["on"]], ctx.table(via["resource"])
        listed = sources[res["name"]]
        bad = (other[via["on"]].isin(keys) & ~other["source_url"].isin(listed)
               & other["source_url"].notna())
        for i in other.index[bad]:
            out.append(_mismatch(via["resource"], other, i, "source_url", "source-listed",
                                 f"{other.at[i, 'source_url']} is not among the sources of "
                                 f"{res['name']} in datapackage.json, whose rows with this "
                                 f"{via['on']} take their source from this row"))
    return out


def run(folder: Path | Context) -> list[Problem]:
    """All cross-file rules; a rule that crashes is itself reported, never skipped, naming the
    files it had read (one of them holds what it could not handle)."""
    ctx = folder if isinstance(folder, Context) else Context(folder)
    problems: list[Problem] = []
    for func in RULES:
        ctx.read = []
        try:
            problems += func(ctx)
        except KeyError as exc:  # a resource or column the descriptor does not have
            problems.append(Problem(f"data/{DESCRIPTOR}", func.__name__, f"missing {exc}"))
        except Exception as exc:  # noqa: BLE001 - reported, with the files involved
            files = ", ".join(_file(n) for n in dict.fromkeys(ctx.read))
            problems.append(Problem(_file(ctx.read[-1]) if ctx.read else f"data/{DESCRIPTOR}",
                                    func.__name__,
                                    f"the rule could not run ({type(exc).__name__}: {exc}); "
                                    f"files read: {files or 'none'}"))
    return problems
