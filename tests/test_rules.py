"""Every cross-file rule in ``liberal_crisis.data.rules`` is proven necessary.

(Date windows are no longer rules: they are ``minimum``/``maximum`` constraints on the date
fields, checked by Frictionless; ``test_date_windows_are_in_the_schema`` pins them.)

Each case below breaks the real data in one way that only one rule can see, names the rule
(its function name in ``rules.RULES``) and the exact file, line, column and rule code the
report must give. ``test_every_rule_has_a_corruption_test`` fails when a rule is added
without a case here, so a rule can never again be deleted with every test green.

The unit cases call the rule on typed tables in memory (fast: they are what ``make mutants``
runs); the on-disk cases write the corruption into a copy of data/ and run the whole
validation, then run it again without the rule to show that no other check catches it.
"""

from __future__ import annotations

import shutil
from functools import lru_cache

import pandas as pd
import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.data import rules
from liberal_crisis.data.package import descriptor, read

DATA = REPO / "data"
DESCRIPTOR = descriptor(DATA)


@lru_cache(maxsize=None)
def _table(name: str) -> pd.DataFrame:
    return read(name, DATA)


def loader(**edits):
    """A rule's context: the real typed tables, with ``edits[name](frame)`` applied."""

    def load(name):
        frame = _table(name).copy()
        if name in edits:
            frame = edits[name](frame)
        return frame

    return rules.Context(table=load, descriptor_=DESCRIPTOR)


def cell(row, column, value):
    """Edit one cell of data row ``row`` (0-based: the CSV line is row + 2)."""

    def edit(frame):
        frame.loc[row, column] = value
        return frame

    return edit


def where(mask_func, column, value):
    def edit(frame):
        frame.loc[mask_func(frame), column] = value
        return frame

    return edit


def drop(mask_func):
    return lambda frame: frame[~mask_func(frame)]


def ts(text):
    return pd.Timestamp(text)


def riding_is(name):
    return lambda f: f["riding"] == name


# id: (rule function, edits, (file, line, column, problem rule))
CASES = {
    "byelection-votes-off-by-one": (
        "byelection_votes_sum_to_valid_total",
        {"byelection_results_2024": cell(1, "votes", 14933)},
        ("data/byelection_ballots_2024.csv", 2, "valid_votes", "votes-sum")),
    "ballot-length-wrong": (
        "byelection_candidates_match_the_ballot",
        {"byelection_ballots_2024": cell(2, "candidates_on_ballot", 90)},
        ("data/byelection_ballots_2024.csv", 4, "candidates_on_ballot", "candidates-sum")),
    "byelection-without-candidates": (
        "byelection_votes_sum_to_valid_total",
        {"byelection_results_2024": drop(riding_is("Elmwood--Transcona"))},
        ("data/byelection_ballots_2024.csv", 3, "riding", "votes-sum")),
    "result-for-an-unknown-contest": (
        "rows_refer_to_known_byelections",
        {"byelection_results_2024": cell(0, "election_date", ts("2024-06-25"))},
        ("data/byelection_results_2024.csv", 2, "riding", "known-contest")),
    "election-night-figure-for-an-unknown-contest": (
        "rows_refer_to_known_byelections",
        {"byelection_preliminary_2024": cell(1, "election_date", ts("2024-06-25"))},
        ("data/byelection_preliminary_2024.csv", 3, "riding", "known-contest")),
    "turnout-for-an-unknown-riding": (
        "rows_refer_to_known_byelections",
        {"byelection_turnout_2024": cell(1, "riding", "Outremont")},
        ("data/byelection_turnout_2024.csv", 3, "riding", "known-contest")),
    "ge2021-party-votes-edited": (
        "ge2021_votes_match_riding_totals",
        {"ge2021_riding_votes": where(lambda f: f.index == 0, "votes",
                                      _table("ge2021_riding_votes").at[0, "votes"] + 1)},
        ("data/ge2021_ridings.csv", None, "valid_ballots", "votes-sum")),
    "ge2021-rejected-ballots-edited": (
        "ge2021_ballots_add_up",
        {"ge2021_ridings": cell(3, "rejected_ballots", _table("ge2021_ridings").at[3, "rejected_ballots"] + 1)},
        ("data/ge2021_ridings.csv", 5, "total_ballots", "ballots-sum")),
    "ge2021-turnout-edited": (
        "ge2021_turnout_recomputes",
        {"ge2021_ridings": cell(0, "turnout_pct", _table("ge2021_ridings").at[0, "turnout_pct"] + 0.1)},
        ("data/ge2021_ridings.csv", 2, "turnout_pct", "share-recompute")),
    "ge2025-share-edited": (
        "shares_recompute_from_votes",
        {"ge2025_national": cell(1, "vote_share_pct", 41.40)},
        ("data/ge2025_national.csv", 3, "vote_share_pct", "share-recompute")),
    "leadership-votes-share-edited": (
        "shares_recompute_from_votes",
        {"leadership_2025": cell(2, "votes_pct", 3.25)},
        ("data/leadership_2025.csv", 4, "votes_pct", "share-recompute")),
    "leadership-points-share-edited": (
        "shares_recompute_from_votes",
        {"leadership_2025": cell(1, "points_pct", 7.90)},
        ("data/leadership_2025.csv", 3, "points_pct", "share-recompute")),
    "standings-do-not-fill-the-house": (
        "seats_and_vacancies_fill_the_house",
        {"house_standings": cell(0, "seats", 161)},
        ("data/house_snapshots.csv", 2, "vacant", "seats-sum")),
    "snapshot-without-standings": (
        "house_snapshots_have_standings",
        {"house_standings": drop(lambda f: f["as_of"] == ts("2024-12-09"))},
        ("data/house_snapshots.csv", 3, "as_of", "known-date")),
    "majority-miscounted": (
        "majority_is_more_than_half_the_house",
        {"house_snapshots": cell(0, "majority_needed", 169)},
        ("data/house_snapshots.csv", 2, "majority_needed", "majority")),
    "standings-on-an-unknown-date": (
        "house_standings_have_snapshots",
        {"house_standings": lambda f: pd.concat(
            [f, pd.DataFrame({"as_of": [ts("2023-01-01")], "party_code": ["LPC"], "seats": [1]})],
            ignore_index=True)},
        ("data/house_standings.csv", None, "as_of", "known-date")),
    "ge2025-seats-do-not-fill-the-house": (
        "ge2025_seats_fill_the_house",
        {"ge2025_national": cell(0, "seats", 170)},
        ("data/ge2025_national.csv", None, "seats", "seats-sum")),
    "timeline-out-of-order": (
        "timeline_in_date_order",
        {"timeline": cell(2, "date", ts("2022-03-22"))},
        ("data/timeline.csv", 4, "date", "date-order")),
    "riding-history-out-of-order": (
        "winners_in_date_order",
        {"toronto_st_pauls_winners": cell(1, "election_date", ts("1988-11-20"))},
        ("data/toronto_st_pauls_winners.csv", 3, "election_date", "date-order")),
    "defeat-recorded-as-carried": (
        "confidence_results_follow_the_tally",
        {"confidence_votes": cell(1, "result", "carried")},
        ("data/confidence_votes.csv", 3, "result", "result-tally")),
    "tie-recorded-as-carried": (
        "confidence_results_follow_the_tally",
        {"confidence_votes": lambda f: f.assign(
            yeas=f["yeas"].where(f.index != 1, 211), result=f["result"].where(f.index != 1, "carried"))},
        ("data/confidence_votes.csv", 3, "result", "result-tally")),
    "share-for-an-unknown-poll": (
        "poll_shares_belong_to_polls",
        {"poll_shares": cell(3, "poll_id", "no-such-poll")},
        ("data/poll_shares.csv", 5, "poll_id", "known-poll")),
    "poll-shares-add-up-to-155": (
        "poll_shares_add_up",
        {"poll_shares": where(lambda f: (f["poll_id"] == f.at[0, "poll_id"])
                              & (f["party_code"] == "LPC"), "share_pct", 88.0)},
        ("data/poll_shares.csv", 2, "share_pct", "shares-sum")),
    "pledge-count-above-caucus": (
        "pledge_counts_are_possible",
        {"pledge_reports": cell(0, "count_high", 154)},
        ("data/pledge_reports.csv", 2, "count_low", "count-range")),
    "pledge-floor-above-caucus": (
        "pledge_counts_are_possible",
        {"pledge_reports": cell(1, "count_low", 154)},
        ("data/pledge_reports.csv", 3, "count_low", "count-range")),
    "pledge-count-zero": (
        "pledge_counts_are_possible",
        {"pledge_reports": cell(2, "count_low", 0)},
        ("data/pledge_reports.csv", 4, "count_low", "count-range")),
    "pledge-range-reversed": (
        "pledge_counts_are_possible",
        {"pledge_reports": cell(0, "count_low", 41)},
        ("data/pledge_reports.csv", 2, "count_low", "count-range")),
    "poll-without-shares": (
        "polls_have_shares",
        {"poll_shares": drop(lambda f: f["poll_id"] == _table("polls").at[0, "poll_id"])},
        ("data/polls.csv", 2, "poll_id", "poll-shares-complete")),
    "contest-without-election-night-rows": (
        "byelections_have_election_night_rows",
        {"byelection_preliminary_2024": drop(riding_is("Elmwood--Transcona"))},
        ("data/byelection_preliminary_2024.csv", None, "riding", "contest-complete")),
    "election-night-rows-without-the-winner": (
        "byelections_have_election_night_rows",
        {"byelection_preliminary_2024": drop(lambda f: (f["riding"] == "Toronto--St. Paul's")
                                             & (f["party_code"] == "CPC"))},
        ("data/byelection_preliminary_2024.csv", None, "party_code", "contest-complete")),
    "contest-without-turnout": (
        "byelections_have_turnout",
        {"byelection_turnout_2024": drop(riding_is("Cloverdale--Langley City"))},
        ("data/byelection_turnout_2024.csv", None, "riding", "contest-complete")),
    "by-election-missing-from-the-timeline": (
        "byelections_are_on_the_timeline",
        {"timeline": drop(lambda f: (f["date"] == ts("2024-06-24")) & (f["category"] == "by-election"))},
        ("data/timeline.csv", None, "date", "contest-complete")),
    "ge2021-riding-missing": (
        "ge2021_ridings_are_complete",
        {"ge2021_ridings": drop(lambda f: f.index == 5)},
        ("data/ge2021_ridings.csv", None, "riding_number", "ridings-complete")),
    "ge2021-riding-without-party-rows": (
        "ge2021_ridings_are_complete",
        {"ge2021_riding_votes": drop(lambda f: f["riding_number"] == 10001)},
        ("data/ge2021_ridings.csv", 2, "riding_number", "ridings-complete")),
    "riding-history-riding-dropped": (
        "riding_histories_are_complete",
        {"riding_history": drop(lambda f: (f["riding"] == "Elmwood--Transcona")
                                & (f["election_date"] == ts("2019-10-21")))},
        ("data/riding_history.csv", None, "riding", "ridings-complete")),
    "confidence-vote-without-positions": (
        "confidence_votes_have_party_positions",
        {"confidence_votes_by_party": drop(lambda f: f["vote_date"] == ts("2024-10-01"))},
        ("data/confidence_votes.csv", 4, "vote_date", "division-complete")),
    "row-cites-an-unlisted-source": (
        "row_sources_are_listed",
        {"pledge_reports": cell(2, "source_url", "https://example.org/unlisted")},
        ("data/pledge_reports.csv", 4, "source_url", "source-listed")),
    # house_standings takes its rows' sources from house_snapshots (provenance.row_source_via):
    # the Hansard that names the Speaker is a source of house_snapshots, not of the standings.
    "standings-row-source-not-among-the-standings-sources": (
        "row_sources_are_listed",
        {"house_snapshots": cell(1, "source_url", "https://www.ourcommons.ca/DocumentViewer/en/13273938")},
        ("data/house_snapshots.csv", 3, "source_url", "source-listed")),
}

RULES_BY_NAME = {func.__name__: func for func in rules.RULES}


def located(problems):
    return [(p.file, p.line, p.column, p.rule) for p in problems]


def test_every_rule_has_a_corruption_test():
    named = {rule for rule, _, _ in CASES.values()} | set(ON_DISK) | set(SECOND_GUARD)
    assert set(RULES_BY_NAME) - named == set(), "rules no corruption test names"
    assert named - set(RULES_BY_NAME) == set(), "cases name rules that do not exist"
    assert set(ON_DISK) | set(SECOND_GUARD) == set(RULES_BY_NAME), "each rule needs an on-disk case too"
    assert set(ON_DISK) & set(SECOND_GUARD) == set()


@pytest.mark.parametrize("rule_name", sorted(RULES_BY_NAME))
def test_each_rule_passes_the_real_data(rule_name):
    assert RULES_BY_NAME[rule_name](loader()) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_corruption_is_caught_by_its_rule(case):
    rule_name, edits, (file, line, column, code) = CASES[case]
    problems = RULES_BY_NAME[rule_name](loader(**edits))
    assert problems, f"{case}: {rule_name} did not catch it"
    got = located(problems)
    if line is None:  # the line depends on the row order of a long file: file, column, rule
        assert (file, column, code) in [(f, c, r) for f, _, c, r in got], got
    else:
        assert (file, line, column, code) in got, got
    for problem in problems:
        assert problem.message and problem.file in str(problem) and f"[{problem.rule}]" in str(problem)


# Boundaries: the data at the edge of a rule must pass (a rule that is too strict is a bug too).
EDGES = {
    "timeline-two-events-on-one-day": (
        "timeline_in_date_order", {"timeline": cell(1, "date", _table("timeline").at[0, "date"])}),
    "pledge-of-the-whole-caucus": (
        "pledge_counts_are_possible", {"pledge_reports": cell(2, "count_high", 153)}),
    "pledge-single-figure": (
        "pledge_counts_are_possible",
        {"pledge_reports": lambda f: f.assign(count_low=f["count_low"].where(f.index != 0, 40))}),
    "shares-rounded-up-to-the-limit": (
        # n shares each rounded up by half a point: 100 + n × 0.5 exactly still passes.
        "poll_shares_add_up",
        {"poll_shares": lambda f: _shares_summing_to(f, 100 + 0.5 * (f["poll_id"] == f.at[0, "poll_id"]).sum())}),
    "share-within-rounding": (
        "shares_recompute_from_votes",
        {"ge2025_national": lambda f: f.assign(
            vote_share_pct=f["vote_share_pct"].where(f.index != 0, f.at[0, "votes"] / f["votes"].sum() * 100 + 0.049))}),
}


def _shares_summing_to(frame, total):
    first = frame["poll_id"] == frame.at[0, "poll_id"]
    rest = frame.loc[first, "share_pct"].iloc[1:].sum()
    frame.loc[frame.index[first][0], "share_pct"] = total - rest
    return frame


@pytest.mark.parametrize("case", sorted(EDGES))
def test_data_at_the_edge_of_a_rule_passes(case):
    rule_name, edits = EDGES[case]
    assert RULES_BY_NAME[rule_name](loader(**edits)) == []


def test_poll_shares_just_over_the_limit_fail():
    def edit(f):
        return _shares_summing_to(f, 100 + 0.5 * (f["poll_id"] == f.at[0, "poll_id"]).sum() + 0.1)

    problems = rules.poll_shares_add_up(loader(poll_shares=edit))
    assert located(problems) == [("data/poll_shares.csv", 2, "share_pct", "shares-sum")]
    assert "add up to" in problems[0].message


def test_share_just_outside_rounding_fails():
    def edit(f):
        exact = f.at[0, "votes"] / f["votes"].sum() * 100
        return f.assign(vote_share_pct=f["vote_share_pct"].where(f.index != 0, exact + 0.051))

    problems = rules.shares_recompute_from_votes(loader(ge2025_national=edit))
    assert located(problems) == [("data/ge2025_national.csv", 2, "vote_share_pct", "share-recompute")]


def test_share_problems_by_group():
    frame = pd.DataFrame({"g": ["a", "a", "b", "b"], "v": [1, 3, 2, 2], "s": [25.0, 75.0, 50.0, 40.0]})
    problems = rules.share_problems("toy", frame, "s", "v", "share-recompute", group_cols=["g"])
    assert located(problems) == [("data/toy.csv", 5, "s", "share-recompute")]
    assert problems[0].message == "s 40.0 but votes give 50.00"
    # the same table without groups: every share is off (totals of 8)
    assert len(rules.share_problems("toy", frame, "s", "v", "x")) == 4


def test_messages_say_what_is_wrong():
    rule_name, edits, _ = CASES["byelection-votes-off-by-one"]
    (problem,) = RULES_BY_NAME[rule_name](loader(**edits))
    assert problem.message == ("valid_votes 36954 but candidates' votes sum to 36955 "
                               "(data/byelection_results_2024.csv, lines 2-7)")  # 4 candidates, PPC, pool
    (problem,) = rules.confidence_results_follow_the_tally(
        loader(confidence_votes=cell(1, "result", "carried")))
    assert problem.message == "120 yeas to 211 nays is 'defeated', not 'carried'"
    (problem,) = rules.pledge_counts_are_possible(loader(pledge_reports=cell(0, "count_high", 154)))
    assert problem.message == "30..154 is not within a caucus of 153"
    (problem,) = rules.pledge_counts_are_possible(loader(pledge_reports=cell(1, "count_low", 154)))
    assert problem.message == "154..154 is not within a caucus of 153"


def test_a_rule_that_crashes_is_reported_not_skipped(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
    desc = (folder / "datapackage.json").read_text(encoding="utf-8")
    (folder / "datapackage.json").write_text(
        desc.replace('"name": "caucus_size"', '"name": "caucus_size_renamed"'), encoding="utf-8")
    problems = rules.run(folder)
    assert ("data/datapackage.json", None, None, "pledge_counts_are_possible") in located(problems)
    assert any("caucus_size" in p.message for p in problems if p.rule == "pledge_counts_are_possible")


def test_run_checks_every_rule(monkeypatch):
    seen = []
    monkeypatch.setattr(rules, "RULES", [lambda ctx, n=n: seen.append((n, ctx.folder)) or []
                                         for n in range(3)])
    assert rules.run(DATA) == []
    assert seen == [(0, DATA), (1, DATA), (2, DATA)]


# --- On disk: the whole validation, with and without the rule ------------------------------

def _set_csv(name, line, column, value):
    from test_data import set_cell

    return set_cell(name, line, column, value)


def _edit_csv(name, func):
    from test_data import edit_table

    return edit_table(name, func)


def _drop_csv(name, column, value):
    from test_data import drop_where

    return _edit_csv(name, drop_where(column, value))


def _drop_rows(where: dict):
    """Drop the rows whose columns (found by name: a column added to the file moves the rest)
    hold all the given values."""
    def func(table):
        at = {table[0].index(column): value for column, value in where.items()}
        return [table[0]] + [r for r in table[1:] if any(r[j] != v for j, v in at.items())]

    return func


def _one_party_row(riding):
    """Keep one row of a 2021 riding, holding all its votes (the sums still hold)."""
    def func(table):
        rows = [r for r in table[1:] if r[0] == riding]
        first = [rows[0][0], rows[0][1], str(sum(int(r[2]) for r in rows))]
        return [table[0]] + [first if r is rows[0] else r for r in table[1:]
                             if r is rows[0] or r[0] != riding]

    return func


# Checks of another kind than the rules: a derived table against its derivation, a curated
# table against the row count `make data` recorded (tests/test_provenance.py).
OTHER_KINDS = {"derived-differs", "rows-lost"}


ON_DISK = {
    # rule: (corruption written into a copy of data/, file named, problem rule)
    "byelection_votes_sum_to_valid_total": (
        _set_csv("byelection_results_2024", 3, "votes", "14933"), "byelection_ballots_2024", "votes-sum"),
    "rows_refer_to_known_byelections": (
        # the runner-up's row (the winner's would also leave its contest without a winner)
        _set_csv("byelection_preliminary_2024", 3, "election_date", "2024-06-25"),
        "byelection_preliminary_2024", "known-contest"),
    "ge2021_votes_match_riding_totals": (  # Avalon's Liberal votes, 18608 -> 18609
        _set_csv("ge2021_riding_votes", 2, "votes", "18609"), "ge2021_ridings", "votes-sum"),
    "ge2021_ballots_add_up": (  # Labrador's rejected ballots, 94 -> 95 (total ballots kept)
        _set_csv("ge2021_ridings", 5, "rejected_ballots", "95"), "ge2021_ridings", "ballots-sum"),
    "ge2021_turnout_recomputes": (
        _set_csv("ge2021_ridings", 2, "turnout_pct", "62.8"), "ge2021_ridings", "share-recompute"),
    "shares_recompute_from_votes": (
        _set_csv("leadership_2025", 2, "votes_pct", "80.84"), "leadership_2025", "share-recompute"),
    "seats_and_vacancies_fill_the_house": (
        _set_csv("house_standings", 2, "seats", "161"), "house_snapshots", "seats-sum"),
    "house_snapshots_have_standings": (  # the standings of 9 December 2024 dropped
        _drop_csv("house_standings", "as_of", "2024-12-09"), "house_snapshots", "known-date"),
    "majority_is_more_than_half_the_house": (
        # 171 for a House of 338: within the schema's 170..172, wrong for this row
        _set_csv("house_snapshots", 2, "majority_needed", "171"), "house_snapshots", "majority"),
    "ge2025_seats_fill_the_house": (  # Liberal seats 169 -> 170: 344 seats in a House of 343
        _set_csv("ge2025_national", 2, "seats", "170"), "ge2025_national", "seats-sum"),
    "byelection_candidates_match_the_ballot": (  # LaSalle--Émard--Verdun's 91 candidates
        _set_csv("byelection_ballots_2024", 4, "candidates_on_ballot", "90"),
        "byelection_ballots_2024", "candidates-sum"),
    "timeline_in_date_order": (
        _edit_csv("timeline", lambda t: t[:3] + [t[8]] + t[4:8] + [t[3]] + t[9:]),
        "timeline", "date-order"),
    "winners_in_date_order": (
        _edit_csv("toronto_st_pauls_winners", lambda t: [t[0], t[2], t[1]] + t[3:]),
        "toronto_st_pauls_winners", "date-order"),
    "confidence_results_follow_the_tally": (
        _set_csv("confidence_votes", 3, "result", "carried"), "confidence_votes", "result-tally"),
    "poll_shares_add_up": (
        # the audit's poll whose shares add up to 155 %: 33 + 30 + 19 + ... with LPC at 88
        _set_csv("poll_shares", 2, "share_pct", "88.0"), "poll_shares", "shares-sum"),
    "polls_have_shares": (
        _drop_csv("poll_shares", "poll_id", "abacus-data-2021-10-20"), "polls", "poll-shares-complete"),
    "pledge_counts_are_possible": (
        _set_csv("pledge_reports", 2, "count_low", "45"), "pledge_reports", "count-range"),
    "row_sources_are_listed": (
        _set_csv("timeline", 3, "source_url", "https://example.org/unlisted-report"),
        "timeline", "source-listed"),
    "byelections_have_election_night_rows": (  # the winner's election-night row relabelled
        _set_csv("byelection_preliminary_2024", 13, "party_code", "LPC"),
        "byelection_preliminary_2024", "contest-complete"),
    "byelections_have_turnout": (
        _drop_csv("byelection_turnout_2024", "riding", "Elmwood--Transcona"),
        "byelection_turnout_2024", "contest-complete"),
    "byelections_are_on_the_timeline": (
        _edit_csv("timeline", _drop_rows({"date": "2024-06-24", "category": "by-election"})),
        "timeline", "contest-complete"),
    "ge2021_ridings_are_complete": (  # one riding's votes pooled into one party row
        _edit_csv("ge2021_riding_votes", _one_party_row("10001")),
        "ge2021_ridings", "ridings-complete"),
    "riding_histories_are_complete": (
        _drop_csv("riding_history", "riding", "Elmwood--Transcona"),
        "riding_history", "ridings-complete"),
    "confidence_votes_have_party_positions": (
        _drop_csv("confidence_votes_by_party", "vote_date", "2024-10-01"),
        "confidence_votes", "division-complete"),
}


# Rules behind a foreign key of the schema: on disk Frictionless names the corruption (and
# the rules do not run on a package that fails it); the rule is the second guard, for tables
# handed over in memory (its case in CASES).
SECOND_GUARD = {
    "poll_shares_belong_to_polls": (
        _set_csv("poll_shares", 5, "poll_id", "no-such-poll"), "poll_shares", 5),
    "house_standings_have_snapshots": (
        _edit_csv("house_standings", lambda t: t + [["2023-01-01", "LPC", "1"]]),
        "house_standings", 20),
}


@pytest.mark.parametrize("rule_name", sorted(SECOND_GUARD))
def test_the_foreign_key_names_a_second_guards_corruption_on_disk(rule_name, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
    mutate, file, line = SECOND_GUARD[rule_name]
    mutate(folder)
    report = data.validate(folder)
    assert [(p.file, p.line, p.rule) for p in report if p.rule not in OTHER_KINDS] == [
        (f"data/{file}.csv", line, "foreign-key")]
    assert any(rule_name == case_rule for case_rule, _, _ in CASES.values())


@pytest.mark.parametrize("rule_name", sorted(ON_DISK))
def test_removing_the_rule_lets_its_corruption_through(rule_name, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
    mutate, file, code = ON_DISK[rule_name]
    mutate(folder)
    report = data.validate(folder)
    assert any(p.file == f"data/{file}.csv" and p.rule == code for p in report), report
    monkeypatch.setattr(rules, "RULES", [f for f in rules.RULES if f.__name__ != rule_name])
    # A derived CSV is also compared with its re-derivation from data/raw (a second guard of a
    # different kind, tests/test_provenance.py); no other *rule* may catch the corruption.
    others = [p for p in data.validate(folder) if p.rule not in OTHER_KINDS]
    assert others == [], f"another check also catches this: {rule_name} is not the only guard"


# --- Edges of the helpers (what `make mutants` showed no test pinned) -----------------------

def test_rule_decorator_registers_the_function_itself(monkeypatch):
    monkeypatch.setattr(rules, "RULES", [])

    def a_rule(ctx):
        return []

    assert rules.rule(a_rule) is a_rule
    assert rules.RULES == [a_rule]


def test_a_share_off_by_exactly_the_tolerance_passes():
    # 0 of 1 votes is 0 %: a published 0.05 is off by exactly SHARE_TOLERANCE (no rounding error).
    frame = pd.DataFrame({"v": [0, 1], "s": [rules.SHARE_TOLERANCE, 100.0]})
    assert rules.share_problems("toy", frame, "s", "v", "share-recompute") == []
    frame.loc[0, "s"] = 0.06
    assert located(rules.share_problems("toy", frame, "s", "v", "share-recompute")) == [
        ("data/toy.csv", 2, "s", "share-recompute")]


def test_rows_whose_group_is_missing_are_still_checked():
    # A missing group key is a group of its own (the schema reports the empty cell).
    frame = pd.DataFrame({"g": [None, None, "b"], "v": [1, 3, 2], "s": [25.0, 70.0, 100.0]})
    problems = rules.share_problems("toy", frame, "s", "v", "share-recompute", group_cols=["g"])
    assert located(problems) == [("data/toy.csv", 3, "s", "share-recompute")]


def test_a_missing_count_is_left_to_the_schema():
    # An empty votes cell cannot be recomputed: the schema's 'required' reports it, not this rule.
    frame = pd.DataFrame({"v": pd.array([1, None, 3], dtype="Int64"), "s": [25.0, 10.0, 75.0]})
    assert rules.share_problems("toy", frame, "s", "v", "share-recompute") == []


def test_run_reads_the_folder_it_is_given_and_keeps_every_rules_problems(monkeypatch, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
    from test_data import set_cell

    set_cell("caucus_size", 2, "members", "160")(folder)  # only this copy says 160
    first = rules.Problem("data/a.csv", "a", "first")

    def reads_caucus(ctx):
        return [rules.Problem("data/caucus_size.csv", "b",
                              f"{int(ctx.table('caucus_size')['members'].iloc[0])}")]

    monkeypatch.setattr(rules, "RULES", [lambda ctx: [first], reads_caucus])
    assert rules.run(folder) == [first, rules.Problem("data/caucus_size.csv", "b", "160")]


def test_a_crashing_rule_is_reported_with_its_name_and_the_missing_table(monkeypatch):
    def needs_a_table_that_is_not_there(ctx):
        return ctx.table("no_such_table")

    monkeypatch.setattr(rules, "RULES", [needs_a_table_that_is_not_there])
    (problem,) = rules.run(DATA)
    assert problem == rules.Problem(
        "data/datapackage.json", "needs_a_table_that_is_not_there",
        "missing \"no resource 'no_such_table' in datapackage.json\"")


DATE_WINDOWS = {  # resource: (date field, first, last): what rules.py used to hard-code
    "byelection_results_2024": ("election_date", "2024-01-01", "2024-12-31"),
    "confidence_votes": ("vote_date", "2024-01-01", "2024-12-31"),
    "polls": ("end_date", "2021-09-21", "2025-04-28"),
    "byelections_since_1993": ("election_date", "1993-10-26", "2025-04-27"),
    "timeline": ("date", "2022-03-22", "2025-04-28"),
}


@pytest.mark.parametrize("name", sorted(DATE_WINDOWS))
def test_date_windows_are_in_the_schema(name):
    column, first, last = DATE_WINDOWS[name]
    (field,) = [f for f in data.resource(name, DATA)["schema"]["fields"] if f["name"] == column]
    assert (field["constraints"]["minimum"], field["constraints"]["maximum"]) == (first, last)
    frame = _table(name)
    assert frame[column].min() >= ts(first) and frame[column].max() <= ts(last)


# --- One check per rule: a bad input trips exactly one rule, with its own message -----------
# (the rules that used to bundle several checks, split; every rule runs on the edited tables)

def _append(row):
    return lambda frame: pd.concat([frame, pd.DataFrame([row])], ignore_index=True)


ONE_RULE = {
    "byelection_votes_sum_to_valid_total": (
        {"byelection_results_2024": cell(1, "votes", 14933)},
        ("data/byelection_ballots_2024.csv", 2, "valid_votes", "votes-sum",
         "valid_votes 36954 but candidates' votes sum to 36955 "
         "(data/byelection_results_2024.csv, lines 2-7)")),
    "byelection_candidates_match_the_ballot": (
        {"byelection_ballots_2024": cell(2, "candidates_on_ballot", 90)},
        ("data/byelection_ballots_2024.csv", 4, "candidates_on_ballot", "candidates-sum",
         "90 on the ballot but 91 candidates in data/byelection_results_2024.csv "
         "(lines 14-20): a candidate lost?")),
    "rows_refer_to_known_byelections": (  # a candidate row for no by-election
        {"byelection_results_2024": _append({
            "riding": "Toronto--St. Paul's", "riding_number": 35090, "election_date": ts("2024-06-25"),
            "candidate": "Nobody", "party_code": "LPC", "votes": 0, "candidates_aggregated": 0})},
        ("data/byelection_results_2024.csv", 27, "riding", "known-contest",
         "Toronto--St. Paul's on 2024-06-25 is not one of the 2024 by-elections")),
    "ge2021_votes_match_riding_totals": (
        {"ge2021_riding_votes": cell(0, "votes", 18609)},
        ("data/ge2021_ridings.csv", 2, "valid_ballots", "votes-sum",
         "valid_ballots 37144 but party votes sum to 37145 (data/ge2021_riding_votes.csv, lines 2-5)")),
    "ge2021_ballots_add_up": (
        {"ge2021_ridings": cell(3, "rejected_ballots", 95)},
        ("data/ge2021_ridings.csv", 5, "total_ballots", "ballots-sum",
         "valid 9653 + rejected 95 ballots do not equal total ballots 9747")),
    "ge2021_turnout_recomputes": (
        {"ge2021_ridings": cell(0, "turnout_pct", 52.9)},  # 37417 / 70903 = 52.77 %
        ("data/ge2021_ridings.csv", 2, "turnout_pct", "share-recompute",
         "turnout_pct 52.9 but ballots / electors give 52.77")),
    "house_snapshots_have_standings": (
        {"house_standings": drop(lambda f: f["as_of"] == ts("2024-12-09"))},
        ("data/house_snapshots.csv", 3, "as_of", "known-date",
         "no standings for 2024-12-09 in data/house_standings.csv")),
    "house_standings_have_snapshots": (
        {"house_standings": _append({"as_of": ts("2023-01-01"), "party_code": "LPC", "seats": 1})},
        ("data/house_standings.csv", 20, "as_of", "known-date",
         "a date with no row in data/house_snapshots.csv")),
    "seats_and_vacancies_fill_the_house": (
        {"house_standings": cell(0, "seats", 161)},  # 2021: 160 Liberals -> 161, 338 seats + 1
        ("data/house_snapshots.csv", 2, "vacant", "seats-sum",
         "339 seats (data/house_standings.csv, lines 2-7) + 0 vacant != house of 338")),
    "majority_is_more_than_half_the_house": (
        {"house_snapshots": cell(0, "majority_needed", 169)},
        ("data/house_snapshots.csv", 2, "majority_needed", "majority",
         "a majority of 338 is 170, not 169")),
    "ge2025_seats_fill_the_house": (
        {"ge2025_national": cell(0, "seats", 170)},  # Liberals 169 -> 170: 344 seats
        ("data/ge2025_national.csv", None, "seats", "seats-sum",
         "seats sum to 344, the House has 343 (data/house_snapshots.csv, line 4)")),
    "poll_shares_belong_to_polls": (
        {"poll_shares": cell(3, "poll_id", "no-such-poll")},
        ("data/poll_shares.csv", 5, "poll_id", "known-poll", "no-such-poll is not in data/polls.csv")),
    "polls_have_shares": (
        {"poll_shares": drop(lambda f: f["poll_id"] == "abacus-data-2021-10-20")},
        ("data/polls.csv", 2, "poll_id", "poll-shares-complete",
         "abacus-data-2021-10-20 has 0 share row(s) in data/poll_shares.csv; every poll has at least two")),
    "poll_shares_add_up": (
        {"poll_shares": cell(0, "share_pct", 88.0)},  # 88 + 30 + 19 + 7 + 3 + 6
        ("data/poll_shares.csv", 2, "share_pct", "shares-sum",
         "shares of abacus-data-2021-10-20 add up to 153.0 %")),
}


@pytest.mark.parametrize("rule_name", sorted(ONE_RULE))
def test_a_bad_input_trips_exactly_its_rule(rule_name):
    edits, (file, line, column, code, message) = ONE_RULE[rule_name]
    ctx = loader(**edits)
    tripped = {func.__name__: func(ctx) for func in rules.RULES}
    tripped = {name: problems for name, problems in tripped.items() if problems}
    assert list(tripped) == [rule_name], tripped
    assert [(p.file, p.line, p.column, p.rule, p.message) for p in tripped[rule_name]] == [
        (file, line, column, code, message)]


# --- the words a failing validation prints, for each way a file or a rule can go wrong ------

def test_lines_are_named_as_a_reader_would_look_for_them():
    frame = pd.DataFrame({"x": range(12)})  # data line = index + 2 (the header is line 1)
    at = lambda *rows: frame.index.isin(rows)  # noqa: E731
    assert rules._lines(frame, at()) == "no lines"
    assert rules._lines(frame, at(2)) == "line 4"
    assert rules._lines(frame, at(2, 3, 4, 5)) == "lines 4-7"
    assert rules._lines(frame, at(2, 7, 10)) == "lines 4, 9, 12"
    assert rules._lines(frame, at(*range(0, 12, 2))) == "lines 2, 4, 6, 8, 10, 12"
    # More than eight: the first eight, then an ellipsis.
    assert rules._lines(frame, at(0, 1, 2, 4, 6, 8, 9, 10, 11)) == "lines 2, 3, 4, 6, 8, 10, 11, 12 …"


def test_file_problems_name_an_empty_a_cut_and_an_emptied_file(tmp_path):
    import json

    files = {"empty.csv": b"  \n", "cut.csv": b"a,b\n1,2", "emptied.csv": b"a,b\n,\n",
             "log.csv": b"a,b\n", "fine.csv": b"a,b\n1,2\n"}
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    resources = [{"name": n[:-4], "path": n} for n in files] + [{"name": "gone", "path": "gone.csv"}]
    resources[3]["provenance"] = {"may_be_empty": True}
    (tmp_path / "datapackage.json").write_text(json.dumps({"resources": resources}),
                                               encoding="utf-8")
    found = [(p.file, p.rule, p.message, p.line) for p in rules.file_problems(tmp_path)]
    assert found == [
        ("data/empty.csv", "empty-file", "the file is empty: not even a header", 1),
        ("data/cut.csv", "cut-short",
         "the last line has no line break: the file was cut off (mid-row?)", 2),
        ("data/emptied.csv", "no-rows", "a header and no rows: the table was emptied", 2),
    ]
    (tmp_path / "datapackage.json").write_text("{", encoding="utf-8")
    (problem,) = rules.file_problems(tmp_path)
    assert (problem.file, problem.rule) == ("data/datapackage.json", "descriptor")
    assert problem.message.startswith("cannot be read: ")


def test_a_crashing_rule_names_its_files_and_the_error(monkeypatch):
    def broken(ctx):
        ctx.table("polls")
        ctx.table("poll_shares")
        ctx.table("polls")
        raise ZeroDivisionError("division by zero")

    def no_read(ctx):
        raise RuntimeError("before any table")

    monkeypatch.setattr(rules, "RULES", [broken, no_read])
    ctx = rules.Context(table=lambda name: pd.DataFrame(), descriptor_={"resources": []})
    first, second = rules.run(ctx)
    assert (first.file, first.rule, first.message) == (
        "data/polls.csv", "broken",
        "the rule could not run (ZeroDivisionError: division by zero); "
        "files read: data/polls.csv, data/poll_shares.csv")
    assert (second.file, second.rule, second.message) == (
        "data/datapackage.json", "no_read",
        "the rule could not run (RuntimeError: before any table); files read: none")
