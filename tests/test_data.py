"""The data package: valid as shipped, fully documented, and every realistic corruption caught
with the file (and, where there is one, the line and column) named."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from liberal_crisis import data

DATA = REPO / "data"


def test_real_package_is_valid():
    assert data.validate(DATA) == []


def test_every_resource_is_documented():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    on_disk = {p.name for p in DATA.glob("*.csv")}
    described = {r["path"] for r in package["resources"]}
    assert on_disk == described, "every CSV must be described, and every description have a CSV"
    for res in package["resources"]:
        assert res.get("licenses"), res["name"]
        assert res.get("sources"), res["name"]
        for src in res["sources"]:
            for key in ("title", "publisher", "path", "accessed", "license"):
                assert src.get(key), f"{res['name']}: a source lacks {key}"
        schema = res["schema"]
        assert schema.get("primaryKey"), res["name"]
        for field in schema["fields"]:
            assert field.get("description"), f"{res['name']}.{field['name']}"
            if field["type"] in ("integer", "number"):
                assert field.get("unit"), f"{res['name']}.{field['name']} has no unit"
        party_columns = [f["name"] for f in schema["fields"]
                         if f["name"] == "party_code" or f["name"].endswith("_party")]
        linked = {c for fk in schema.get("foreignKeys", [])
                  for c in ([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])}
        if res["name"] != "parties":
            assert set(party_columns) <= linked, f"{res['name']}: party codes not keyed"


# --- Corruptions --------------------------------------------------------------------------


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path: Path, table: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


def set_cell(name, line, column, value):
    """Change one cell: ``line`` counts the header as 1, like the error messages."""

    def mutate(folder: Path):
        path = folder / f"{name}.csv"
        table = rows(path)
        table[line - 1][table[0].index(column)] = value
        write(path, table)

    return mutate


def edit_table(name, func):
    def mutate(folder: Path):
        path = folder / f"{name}.csv"
        write(path, func(rows(path)))

    return mutate


def raw(name, func):
    def mutate(folder: Path):
        path = folder / f"{name}.csv"
        path.write_bytes(func(path.read_bytes()))

    return mutate


def swap_rows(a, b):
    def func(table):
        table[a - 1], table[b - 1] = table[b - 1], table[a - 1]
        return table

    return func


def recode(text: bytes) -> bytes:
    return text.decode("utf-8").encode("cp1252")


def half_bytes(text: bytes) -> bytes:
    """Half a file cut off at a byte: the way a failed copy or a full disk leaves it."""
    return text[: len(text) // 2]


def half_lines(table):
    """Half a file cut off at a line boundary (``head -n``): every row still well formed."""
    return table[: 1 + (len(table) - 1) // 2]


def drop_where(column, value):
    def func(table):
        j = table[0].index(column)
        return [table[0]] + [row for row in table[1:] if row[j] != value]

    return func


def swap_cells(column, a, b):
    """Swap one column's values between lines a and b (header = line 1)."""
    def func(table):
        j = table[0].index(column)
        table[a - 1][j], table[b - 1][j] = table[b - 1][j], table[a - 1][j]
        return table

    return func


def raw_file(rel, func):
    def mutate(folder: Path):
        path = folder / "raw" / rel
        path.write_bytes(func(path.read_bytes()))

    return mutate




CORRUPTIONS = {
    # id: (file that must be named, mutation, text expected in the report)
    "negative-votes": ("byelection_results_2024", set_cell("byelection_results_2024", 2, "votes", "-15565"), "minimum"),
    "non-numeric-votes": ("ge2021_riding_votes", set_cell("ge2021_riding_votes", 5, "votes", "12,345"), "type"),
    "dropped-column": ("ge2021_riding_votes", edit_table("ge2021_riding_votes", lambda t: [r[:2] for r in t]), "votes"),
    "renamed-column": ("poll_shares", edit_table("poll_shares", lambda t: [["poll_id", "party", "share_pct"]] + t[1:]), "party"),
    "duplicated-row": ("parties", edit_table("parties", lambda t: t + [t[5]]), "primary"),
    "ragged-row": ("timeline", edit_table("timeline", lambda t: t[:3] + [t[3] + ["extra"]] + t[4:]), "extra"),
    "empty-file": ("house_standings", raw("house_standings", lambda b: b""), "house_standings"),
    "header-only": ("byelection_ballots_2024", edit_table("byelection_ballots_2024", lambda t: t[:1]), "byelection_ballots_2024"),
    "unknown-party": ("ge2025_national", set_cell("ge2025_national", 2, "party_code", "LIB"), "foreign"),
    "impossible-date": ("confidence_votes", set_cell("confidence_votes", 2, "vote_date", "2024-02-30"), "type"),
    "shares-do-not-add-up": ("leadership_2025", set_cell("leadership_2025", 2, "votes_pct", "80.84"), "share-recompute"),
    "wrong-encoding": ("byelection_results_2024", raw("byelection_results_2024", recode), "encoding"),
    "seats-plus-vacancies": ("house_standings", set_cell("house_standings", 2, "seats", "161"), "seats-sum"),
    "votes-not-summing": ("byelection_results_2024", set_cell("byelection_results_2024", 3, "votes", "14933"), "votes-sum"),
    "poll-out-of-range": ("polls", set_cell("polls", 2, "end_date", "2019-10-21"), "minimum"),
    "timeline-out-of-order": ("timeline", edit_table("timeline", swap_rows(3, 8)), "date-order"),
    "turnout-edited": ("ge2021_ridings", set_cell("ge2021_ridings", 2, "turnout_pct", "62.8"), "share-recompute"),
    "missing-required": ("poll_shares", set_cell("poll_shares", 4, "party_code", ""), "constraint"),
    "share-above-100": ("poll_shares", set_cell("poll_shares", 2, "share_pct", "133.0"), "maximum"),
    "duplicate-key": ("ge2021_riding_votes", edit_table("ge2021_riding_votes", lambda t: t + [t[1]]), "primary"),
    "result-contradicts-tally": ("confidence_votes", set_cell("confidence_votes", 3, "result", "carried"), "result-tally"),
    "impossible-pledge-count": ("pledge_reports", set_cell("pledge_reports", 2, "count_low", "45"), "count-range"),
    "unknown-riding": ("ge2021_riding_votes", set_cell("ge2021_riding_votes", 2, "riding_number", "35125"), "foreign-key"),
    "file-missing": ("timeline", lambda folder: (folder / "timeline.csv").unlink(), "timeline"),
    "html-instead-of-csv": ("house_standings", raw("house_standings", lambda b: b"<html><body>Not found</body></html>\n"), "house_standings"),
    "byelection-in-wrong-year": ("byelection_results_2024", set_cell("byelection_results_2024", 2, "election_date", "2023-06-24"), "byelection_results_2024"),
    # The rules' own corruptions, written to disk (tests/test_rules.py has one per rule). An
    # unknown poll_id or standings date is caught by the schema's foreign key first; the rules'
    # known-poll and known-date checks are the second guard (tested on their own in test_rules).
    "poll-shares-add-up-to-155": ("poll_shares", set_cell("poll_shares", 2, "share_pct", "88.0"), "shares-sum"),
    "share-for-an-unknown-poll": ("poll_shares", set_cell("poll_shares", 5, "poll_id", "no-such-poll"), "foreign-key"),
    "election-night-figure-for-an-unknown-contest": (
        "byelection_preliminary_2024", set_cell("byelection_preliminary_2024", 2, "election_date", "2024-06-25"), "known-contest"),
    "majority-miscounted": ("house_snapshots", set_cell("house_snapshots", 2, "majority_needed", "169"), "majority"),
    "rejected-ballots-edited": ("ge2021_ridings", set_cell("ge2021_ridings", 3, "rejected_ballots", "1"), "ballots-sum"),
    "ballot-length-wrong": ("byelection_ballots_2024", set_cell("byelection_ballots_2024", 2, "candidates_on_ballot", "85"), "candidates-sum"),
    "unlisted-source": ("timeline", set_cell("timeline", 3, "source_url", "https://example.org/unlisted-report"), "source-listed"),
    "standings-without-snapshot": (
        "house_standings", edit_table("house_standings", lambda t: t + [["2023-01-01", "LPC", "1"]]), "foreign-key"),
    # The slips the first suite missed (issue 11), for derived and curated files alike.
    "header-only-curated": ("timeline", edit_table("timeline", lambda t: t[:1]), "no-rows"),
    "header-only-derived": ("ge2025_national", edit_table("ge2025_national", lambda t: t[:1]), "no-rows"),
    "half-cut-mid-row-curated": ("confidence_votes_by_party", raw("confidence_votes_by_party", half_bytes), "cut-short"),
    "half-cut-mid-row-derived": ("byelections_since_1993", raw("byelections_since_1993", half_bytes), "cut-short"),
    "half-cut-at-a-line-curated": ("timeline", edit_table("timeline", half_lines), "rows-lost"),
    "half-cut-at-a-line-small-curated": ("pledge_reports", edit_table("pledge_reports", half_lines), "rows-lost"),
    "half-cut-at-a-line-derived": ("byelections_since_1993", edit_table("byelections_since_1993", half_lines), "derived-differs"),
    "half-cut-curated-poll-input": ("polls_curated", edit_table("polls_curated", half_lines), "derived-input-changed"),
    "poll-shares-cut": ("poll_shares", edit_table("poll_shares", half_lines), "poll-shares-complete"),
    "riding-dropped-2021": ("ge2021_riding_votes", edit_table("ge2021_riding_votes", drop_where("riding_number", "35090")), "ge2021_riding_votes"),
    "riding-dropped-history": ("riding_history", edit_table("riding_history", drop_where("riding", "Elmwood--Transcona")), "ridings-complete"),
    "contest-dropped-preliminary": ("byelection_preliminary_2024", edit_table("byelection_preliminary_2024", drop_where("riding", "Cloverdale--Langley City")), "contest-complete"),
    "contest-dropped-turnout": ("byelection_turnout_2024", edit_table("byelection_turnout_2024", drop_where("riding", "Elmwood--Transcona")), "contest-complete"),
    "division-dropped": ("confidence_votes_by_party", edit_table("confidence_votes_by_party", drop_where("vote_date", "2024-10-01")), "division-complete"),
    "votes-swapped": ("byelection_results_2024", edit_table("byelection_results_2024", swap_cells("votes", 3, 4)), "derived-differs"),
    "votes-swapped-2021": ("ge2021_riding_votes", edit_table("ge2021_riding_votes", swap_cells("votes", 2, 3)), "derived-differs"),
    "derived-hand-edit-keeping-totals": ("ge2025_national", edit_table("ge2025_national", swap_cells("seats", 3, 4)), "derived-differs"),
    "raw-file-edited": ("raw/elections-canada/ca_ge44_table_tableau12.csv", raw_file("elections-canada/ca_ge44_table_tableau12.csv", lambda b: b.replace(b"18608", b"18680", 1)), "raw-checksum"),
    "raw-file-cut": ("raw/parlinfo/by_elections/Ontario.csv", raw_file("parlinfo/by_elections/Ontario.csv", half_bytes), "raw-checksum"),
    "raw-manifest-missing": ("raw/manifest.json", lambda folder: (folder / "raw" / "manifest.json").unlink(), "raw-manifest"),
    "curated-party-table-cut": ("parties", edit_table("parties", half_lines), "parties"),
}


@pytest.fixture
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Each corruption applied alone to a fresh copy of data/, and what validation says."""
    out = {}
    for case, (_, mutate, _) in CORRUPTIONS.items():
        folder = tmp_path_factory.mktemp(case) / "data"
        shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
        mutate(folder)
        out[case] = data.validate(folder)
    return out


def test_at_least_twenty_kinds_of_corruption_are_caught(reports):
    """Counted from what validation reports, not from this file's table: each kind of failure
    (a Frictionless error type or a rule's code) that some corruption really triggers."""
    kinds = {p.rule for problems in reports.values() for p in problems}
    assert len(kinds) >= 20, sorted(kinds)
    # and the expected kind of every corruption is among what was reported for it
    missed = [case for case, problems in reports.items()
              if CORRUPTIONS[case][2].lower() not in "\n".join(str(p) for p in problems).lower()]
    assert missed == []


@pytest.mark.parametrize("case", sorted(CORRUPTIONS))
def test_corruption_is_caught_with_file_named(case, reports):
    file_named, _, expected = CORRUPTIONS[case]
    problems = reports[case]
    report = "\n".join(str(p) for p in problems)
    assert problems, f"{case}: not caught"
    damaged = file_named if "." in file_named else f"{file_named}.csv"
    assert f"data/{damaged}" in report, report  # the damaged file, by its path
    assert expected.lower() in report.lower(), report
    for problem in problems:  # every error says where and which rule
        assert problem.file.startswith("data/") and problem.rule, problem


def test_cell_errors_name_line_and_column(data_copy):
    set_cell("byelection_results_2024", 4, "votes", "-1")(data_copy)
    (problem,) = [p for p in data.validate(data_copy) if p.rule == "constraint-error"]
    assert (problem.file, problem.line, problem.column) == (
        "data/byelection_results_2024.csv", 4, "votes")
    assert "data/byelection_results_2024.csv, line 4, column 'votes'" in str(problem)


def test_loader_refuses_corrupted_data(data_copy):
    set_cell("ge2025_national", 2, "party_code", "LIB")(data_copy)
    with pytest.raises(data.DataError, match=r"data/ge2025_national\.csv, line 2"):
        data.load("ge2025_national", data_copy)


def test_validate_command_exits_non_zero_and_names_the_file(data_copy):
    set_cell("house_standings", 2, "seats", "161")(data_copy)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "liberal-crisis-validate"), str(data_copy)],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "data/house_snapshots.csv" in result.stderr and "seats-sum" in result.stderr


def test_loader_types_follow_the_schema():
    frame = data.load("byelection_results_2024")
    assert str(frame["votes"].dtype) == "Int64"
    assert str(frame["election_date"].dtype).startswith("datetime64")


def test_every_row_source_is_declared(data_copy):
    """A source cited by a row but missing from datapackage.json is caught."""
    set_cell("timeline", 3, "source_url", "https://example.org/unlisted-report")(data_copy)
    problems = [p for p in data.validate(data_copy) if p.rule == "source-listed"]
    assert [(p.file, p.line, p.column) for p in problems] == [("data/timeline.csv", 3, "source_url")]


def test_a_rule_that_crashes_names_the_files_it_read(data_copy, monkeypatch):
    from liberal_crisis.data import rules

    def crashing(ctx):
        ctx.table("timeline")
        raise TypeError("unsupported operand")

    monkeypatch.setattr(rules, "RULES", [crashing])
    (problem,) = rules.run(data_copy)
    assert problem.file == "data/timeline.csv" and problem.rule == "crashing"
    assert "TypeError" in problem.message


def test_cross_file_errors_name_both_files_and_lines(data_copy):
    set_cell("house_standings", 2, "seats", "161")(data_copy)
    (problem,) = [p for p in data.validate(data_copy) if p.rule == "seats-sum"]
    assert (problem.file, problem.line, problem.column) == ("data/house_snapshots.csv", 2, "vacant")
    assert "data/house_standings.csv, lines 2-" in problem.message


def test_the_committed_curated_row_counts_are_current():
    """make data records each curated table's row count; a stale count would hide a cut."""
    manifest = json.loads((DATA / "raw" / "manifest.json").read_text(encoding="utf-8"))
    for name, floor in manifest["curated_rows"].items():
        assert len(rows(DATA / name)) - 1 >= floor, name
