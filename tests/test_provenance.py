"""From the publisher's file to the CSV: data/raw holds the publishers' files byte for byte, the
manifest describes and checksums them, every derived CSV re-derives identically from them, and
every resource says whether it is derived (from which raw files) or curated (a source per row)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.data import derive, provenance
from liberal_crisis.data.derive import check
from liberal_crisis.data.derive.step import matching, raw_files

DATA = REPO / "data"
RAW = DATA / "raw"
MANIFEST = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_a_fresh_rederivation_equals_every_derived_csv():
    """The whole derivation, run from data/raw into a temporary folder (no cache), writes every
    derived CSV byte for byte as committed; a difference is reported by file, line and column."""
    problems = check.compare_all(DATA)
    assert problems == [], "\n".join(map(str, problems))


def test_raw_files_match_the_manifest():
    assert provenance.raw_problems(DATA) == []
    on_disk = {p.relative_to(RAW).as_posix() for p in RAW.rglob("*") if p.is_file()}
    assert on_disk - {"manifest.json"} == {e["path"] for e in MANIFEST["files"]}


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["path"])
def test_each_raw_file_is_described(entry):
    assert len(entry["sha256"]) == 64 and entry["bytes"] > 0
    for key in ("title", "publisher", "license", "role"):
        assert entry.get(key), f"{entry['path']}: no {key}"
    if entry["role"] in ("input", "documentation"):  # a publisher's file (not our notice)
        assert entry["url"].startswith("https://"), entry["path"]
        assert entry["retrieved"] and len(entry["retrieved"]) == 10, entry["path"]
        assert "redistributed_by" in entry, entry["path"]
        if entry["redistributed_by"]:
            assert {"repository", "commit", "path"} <= set(entry["redistributed_by"])


def test_raw_files_are_byte_for_byte_in_git():
    """Git must not normalise line ends: the 2025 download keeps its CRLF lines."""
    tsv = RAW / "elections-canada" / "ca_ge45_preliminary_candidates_2025-06-13.tsv"
    assert b"\r\n" in tsv.read_bytes()[:2000]
    attrs = subprocess.run(["git", "check-attr", "text", "--", str(tsv.relative_to(REPO))],
                           capture_output=True, text=True, cwd=REPO).stdout
    assert attrs.strip().endswith("unset"), attrs


def test_the_poll_scrape_travels_with_its_licence_notice():
    notice = (RAW / "polls" / "NOTICE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "creativecommons.org/licenses/by-sa/4.0" in notice
    assert "sjwild/Canadian_Election_2021" in notice
    for name in ("polls", "poll_shares"):
        res = data.resource(name)
        assert "CC-BY-SA-4.0" in {lic["name"] for lic in res["licenses"]}, name


@pytest.mark.parametrize("res", PACKAGE["resources"], ids=lambda r: r["name"])
def test_each_resource_is_derived_or_curated(res):
    prov = res.get("provenance", {})
    assert prov.get("kind") in ("derived", "curated"), res["name"]
    fields = {f["name"] for f in res["schema"]["fields"]}
    if prov["kind"] == "derived":
        step = derive.outputs()[res["name"]]  # the provenance is the step's declaration
        assert prov["script"] == f"{step.module}:{step.name}"
        assert prov["raw"] == [f"data/raw/{p}" for p in step.raw], res["name"]
        inputs = [e["path"] for e in MANIFEST["files"] if e["role"] == "input"]
        for pattern in step.raw:
            assert matching(pattern, inputs), f"{res['name']}: {pattern} names no raw file"
        for other in prov.get("curated", []):
            assert data.resource(other)["provenance"]["kind"] == "curated"
        recorded = MANIFEST["derived"]["steps"][step.name]["outputs"]
        assert res["path"] in recorded, f"{res['name']}: no checksum recorded"
    elif prov.get("row_source") and " " not in prov["row_source"]:  # a column naming each row's source
        assert prov["row_source"] in fields, res["name"]
    if prov.get("row_source_via"):  # the rows' sources are in another curated table's rows
        via = prov["row_source_via"]
        other = data.resource(via["resource"])
        assert other["provenance"]["row_source"] in {f["name"] for f in other["schema"]["fields"]}
        assert via["on"] in fields and via["on"] in {f["name"] for f in other["schema"]["fields"]}
        assert via["resource"] in prov["row_source"], "the sentence readers see names the table"


def test_every_raw_input_is_read_by_some_derivation():
    """The repository stays lean: a raw input no step declares has no business here, and every
    file a step's patterns name is an input in the manifest."""
    declared = {rel for step in derive.STEPS for pattern in step.raw
                for rel in matching(pattern, raw_files(DATA))}
    inputs = {e["path"] for e in MANIFEST["files"] if e["role"] == "input"}
    assert inputs == declared


def test_each_derived_table_is_written_by_exactly_one_step():
    marked = {r["name"] for r in PACKAGE["resources"] if r["provenance"]["kind"] == "derived"}
    assert set(derive.outputs()) == marked
    assert set(MANIFEST["derived"]["steps"]) == {s.name for s in derive.STEPS}


def test_a_step_cannot_read_an_undeclared_input():
    from liberal_crisis.data.derive.step import Inputs, UndeclaredInput

    step = derive.outputs()["ge2021_ridings"]
    inputs = Inputs(DATA, step)
    with pytest.raises(UndeclaredInput):
        inputs.curated("polls_curated")
    with pytest.raises(UndeclaredInput):
        inputs.raw("parlinfo/by_elections/*.csv")


NEEDLES = ["../" + "shared", "/work/" + "shared", "shared/" + "sources"]  # not found in this file


def test_nothing_in_the_repository_refers_to_the_shared_folder():
    tracked = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=REPO,
                             check=True).stdout.decode().split("\0")
    offenders = []
    for rel in filter(None, tracked):
        path = REPO / rel
        if rel.startswith("data/raw/") or not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        if any(needle in text for needle in NEEDLES):
            offenders.append(rel)
    assert offenders == [], offenders


# --- Corrupted inputs and outputs ---------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md"))
    return folder


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path, table):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


def test_two_candidates_votes_swapped_are_named_by_line_and_column(data_copy):
    """Totals, shares and keys all still hold: only the raw files can tell."""
    path = data_copy / "byelection_results_2024.csv"
    table = _rows(path)
    col = table[0].index("votes")
    table[2][col], table[3][col] = table[3][col], table[2][col]  # lines 3 and 4
    _write(path, table)
    problems = [p for p in data.validate(data_copy) if p.rule == "derived-differs"]
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("data/byelection_results_2024.csv", 3, "votes"),
        ("data/byelection_results_2024.csv", 4, "votes"),
    ]


def test_a_riding_dropped_from_a_derived_file_is_named(data_copy):
    path = data_copy / "riding_history.csv"
    table = _rows(path)
    riding = table[1][0]
    first = next(i for i, row in enumerate(table) if row[0] == riding)
    _write(path, [row for row in table if row[0] != riding])
    problems = [p for p in data.validate(data_copy) if p.rule == "derived-differs"]
    assert [(p.file, p.line) for p in problems] == [("data/riding_history.csv", first + 1)], problems
    assert "row(s) of the derivation missing" in problems[0].message and riding in problems[0].message


def test_a_changed_raw_file_fails_its_checksum(data_copy):
    path = data_copy / "raw" / "elections-canada" / "ca_ge44_table_tableau11.csv"
    text = path.read_bytes()
    path.write_bytes(text.replace(b"70903", b"70913", 1))  # one elector count, one digit
    problems = data.validate(data_copy)
    assert [(p.file, p.rule) for p in problems] == [
        ("data/raw/elections-canada/ca_ge44_table_tableau11.csv", "raw-checksum")]


def test_a_missing_or_unlisted_raw_file_is_named(data_copy):
    (data_copy / "raw" / "parlinfo" / "by_elections" / "Yukon.csv").unlink()
    (data_copy / "raw" / "polls" / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    found = {(p.file, p.rule) for p in data.validate(data_copy)}
    assert ("data/raw/parlinfo/by_elections/Yukon.csv", "raw-missing") in found
    assert ("data/raw/polls/extra.csv", "raw-unlisted") in found


def test_the_derivation_refuses_a_changed_raw_file(data_copy, tmp_path):
    path = data_copy / "raw" / "polls" / "fed_polls_after_2021.csv"
    path.write_bytes(path.read_bytes().replace(b"0.42", b"0.52", 1))
    with pytest.raises(derive.RawFilesChanged, match="raw-checksum") as err:
        derive.run(data_copy, tmp_path / "out", derive.select(["polls"]))
    assert "data/raw/polls/fed_polls_after_2021.csv" in str(err.value)
    assert not (tmp_path / "out" / "polls.csv").exists()


def test_a_curated_poll_reaches_the_derived_tables_only_through_make_data(data_copy):
    """Editing a share of a polls_curated.csv row read in the pollster's own release, so that
    it differs from the table, without re-deriving fails fast, naming the poll tables and the
    edited file; `make data`'s steps (re-derive, record) make the package valid again, with the
    release's share in the poll."""
    path = data_copy / "polls_curated.csv"
    table = _rows(path)
    header = table[0]
    row = next(r for r in table[1:] if r[header.index("pollster")] == "Abacus Data"
               and r[header.index("end_date")] == "2025-01-07")
    assert "abacusdata.ca" in row[header.index("source_url")] and row[header.index("LPC")] == "20"
    row[header.index("LPC")] = "21"
    _write(path, table)
    problems = data.validate(data_copy)
    assert {(p.file, p.rule) for p in problems} == {
        ("data/poll_shares.csv", "derived-input-changed"),
        ("data/polls.csv", "derived-input-changed")}, problems
    assert all("data/polls_curated.csv" in p.message for p in problems)
    derive.run(data_copy, steps=derive.select(["polls"]))
    check.record(data_copy)
    assert data.validate(data_copy) == []
    shares = data.read("poll_shares", data_copy)
    lpc = shares[(shares["poll_id"] == "abacus-data-2025-01-07") & (shares["party_code"] == "LPC")]
    assert lpc["share_pct"].tolist() == [21.0]


def test_swapped_predecessors_make_the_seat_holds_stale(data_copy):
    """Swap two ridings' predecessors in the curated table the seat-holds step reads: validation
    names the derived table and the curated input, without re-deriving."""
    path = data_copy / "riding_predecessors.csv"
    table = _rows(path)
    col = table[0].index("predecessor")
    table[1][col], table[3][col] = table[3][col], table[1][col]  # Jeanne-Le Ber <-> St. Paul's
    _write(path, table)
    problems = data.validate(data_copy)
    assert [(p.file, p.rule) for p in problems] == [
        ("data/byelections_since_1993.csv", "derived-input-changed")], problems
    assert "data/riding_predecessors.csv" in problems[0].message


def test_a_changed_step_makes_its_tables_stale(data_copy):
    """The record holds each step's code checksum: a table derived by other code is stale."""
    path = data_copy / "raw" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    inputs = manifest["derived"]["steps"]["ge2025_national"]["inputs"]
    inputs["liberal_crisis/data/derive/elections.py"] = "0" * 64
    path.write_text(json.dumps(manifest), encoding="utf-8")
    (problem,) = data.validate(data_copy)
    assert (problem.file, problem.rule) == ("data/ge2025_national.csv", "derived-input-changed")
    assert "liberal_crisis/data/derive/elections.py" in problem.message


def test_a_stale_record_asks_for_make_data(data_copy):
    manifest = json.loads((data_copy / "raw" / "manifest.json").read_text(encoding="utf-8"))
    manifest["derived"]["steps"]["ge2025_national"]["outputs"]["ge2025_national.csv"] = "0" * 64
    (data_copy / "raw" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (problem,) = data.validate(data_copy)
    assert (problem.file, problem.rule) == ("data/raw/manifest.json", "derived-unrecorded")
    assert "ge2025_national.csv" in problem.message and "make data" in problem.message
