"""Derived tables against their inputs and their derivation.

``make data`` records, per step, the SHA-256 of every input its declaration names (raw files,
curated tables, and the source of the step's modules) and of every table it wrote, in
``data/raw/manifest.json`` (``derived.steps``). Validation then:

- names each derived table whose recorded inputs changed, and the input (fast: hashing only);
- for a table whose own checksum changed while its inputs did not (a hand edit), re-runs that
  step in memory and names the line and column that differ;
- asks for ``make data`` where the tables equal their derivation but not the record.

:func:`compare_all` re-derives everything and lists every difference (the slow path, for tests
and ``liberal-crisis-derive --compare``).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from pathlib import Path

import pandas as pd

from ..package import DESCRIPTOR, Problem, descriptor
from ..provenance import MANIFEST, manifest, raw_problems, sha256_cached
from . import STEPS, derive
from .step import Step, code_checksums, csv_text, input_paths

MAX_CELLS = 20  # differences listed per file before "… and N more"


def _rel(name: str) -> str:
    return f"data/{name}"


def current_inputs(folder: Path, step_: Step) -> dict[str, str]:
    """Input name -> SHA-256 now: raw files and curated tables (``data/...``), and the step's
    code (``liberal_crisis/data/derive/<module>.py``)."""
    out = {name: (sha256_cached(path) if path.is_file() else "missing")
           for name, path in input_paths(folder, step_).items()}
    out.update(code_checksums(step_))
    return dict(sorted(out.items()))


def record_step(folder: Path, step_: Step) -> dict:
    folder = Path(folder)
    return {"inputs": current_inputs(folder, step_),
            "outputs": {f"{name}.csv": sha256_cached(folder / f"{name}.csv")
                        for name in step_.outputs}}


# --- comparing a file with its derivation ------------------------------------------------


def _rows_of_text(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _rows(path: Path) -> list[list[str]]:
    with Path(path).open(encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.reader(handle))


def compare(name: str, expected: pd.DataFrame | Path, actual: Path,
            rule: str = "derived-differs") -> list[Problem]:
    """Differences between a derivation (a table, or a CSV file) and the file in the package,
    by line and column.

    Lines count the header as 1 (as in every other error). Rows are aligned first (difflib), so
    rows dropped or added are reported as such, where they are, and an edited row cell by cell."""
    file = _rel(name)
    if not Path(actual).is_file():
        return [Problem(file, rule, "missing: the derivation writes this file")]
    want = (_rows(expected) if isinstance(expected, Path)
            else _rows_of_text(csv_text(expected)))
    got = _rows(actual)
    if not got:
        return [Problem(file, rule, f"empty, but its derivation has {len(want) - 1} rows", 1)]
    header = want[0]
    if got[0] != header:
        return [Problem(file, rule, f"header {got[0]} but the derivation writes {header}", 1)]
    out: list[Problem] = []
    hidden = 0

    def add(problem):
        nonlocal hidden
        if len(out) < MAX_CELLS:
            out.append(problem)
        else:
            hidden += 1

    def missing(rows, line):
        first = ",".join(rows[0])
        add(Problem(file, rule, f"{len(rows)} row(s) of the derivation missing before this line "
                    f"(first: {first})" if line <= len(got) else
                    f"{len(rows)} row(s) of the derivation missing at the end (first: {first})",
                    line))

    def extra(line, row):
        add(Problem(file, rule, f"a row the raw files do not give: {','.join(row)}", line))

    matcher = difflib.SequenceMatcher(None, [tuple(r) for r in want[1:]],
                                      [tuple(r) for r in got[1:]], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete":
            missing(want[1 + i1:1 + i2], j1 + 2)
            continue
        if tag == "insert":
            for j in range(j1, j2):
                extra(j + 2, got[1 + j])
            continue
        pairs = min(i2 - i1, j2 - j1)  # "replace": edited rows, cell by cell
        for k in range(pairs):
            a, b = want[1 + i1 + k], got[1 + j1 + k]
            for c, column in enumerate(header):
                x = a[c] if c < len(a) else None
                y = b[c] if c < len(b) else None
                if x != y:
                    add(Problem(file, rule, f"{y!r} but the raw files give {x!r}",
                                j1 + k + 2, column))
        if i2 - i1 > pairs:
            missing(want[1 + i1 + pairs:1 + i2], j1 + pairs + 2)
        for j in range(j1 + pairs, j2):
            extra(j + 2, got[1 + j])
    if hidden:
        out.append(Problem(file, rule, f"… and {hidden} more differences"))
    return out


# --- the fast check -----------------------------------------------------------------------

_REDERIVED: dict[tuple, dict[str, pd.DataFrame]] = {}  # (step, inputs) -> its tables


def _rederived(folder: Path, step_: Step, inputs: dict[str, str]) -> dict[str, pd.DataFrame]:
    """One step's tables, computed once per process and set of inputs (the corruption tests
    re-validate many copies of the same inputs)."""
    key = (step_.name, tuple(inputs.items()))
    if key not in _REDERIVED:
        _REDERIVED[key] = derive(folder, [step_])
    return _REDERIVED[key]


def stale_message(changed: list[str]) -> str:
    shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return (f"stale: derived from {shown}, changed since `make data` last derived this table: "
            "if the change is intended, run `make data`; if not, restore the input")


def derived_problems(folder: Path) -> list[Problem]:
    """Every derived table as ``make data`` last wrote it from its inputs as they are now."""
    folder = Path(folder)
    try:
        recorded = manifest(folder).get("derived", {}).get("steps", {})
    except (OSError, ValueError, KeyError) as exc:
        return [Problem(_rel(MANIFEST), "raw-manifest", f"cannot be read: {exc}")]
    out: list[Problem] = []
    behind: list[str] = []
    for step_ in STEPS:
        rec = recorded.get(step_.name)
        if not isinstance(rec, dict) or "inputs" not in rec or "outputs" not in rec:
            out += [Problem(_rel(MANIFEST), "derived-unrecorded",
                            f"no checksums recorded for the derived {name}.csv (step "
                            f"{step_.name}): run `make data`") for name in step_.outputs]
            continue
        now = current_inputs(folder, step_)
        was = rec["inputs"]
        changed = [k for k in sorted(set(was) | set(now)) if was.get(k) != now.get(k)]
        if changed:  # name the table and the input: where to look
            out += [Problem(_rel(f"{name}.csv"), "derived-input-changed", stale_message(changed))
                    for name in step_.outputs]
            continue
        edited = [name for name in step_.outputs
                  if not (folder / f"{name}.csv").is_file()
                  or sha256_cached(folder / f"{name}.csv") != rec["outputs"].get(f"{name}.csv")]
        if not edited:
            continue
        try:
            tables = _rederived(folder, step_, now)
        except Exception as exc:  # noqa: BLE001 - reported, naming the files
            out += [Problem(_rel(f"{name}.csv"), "derived-checksum",
                            f"differs from the checksum recorded in {MANIFEST}, and the step "
                            f"{step_.name} could not run to say where: {exc}") for name in edited]
            continue
        for name in edited:
            cells = compare(f"{name}.csv", tables[name], folder / f"{name}.csv")
            if cells:
                out += cells
            else:
                behind.append(f"{name}.csv")
    for name in sorted(set(recorded) - {s.name for s in STEPS}):
        out.append(Problem(_rel(MANIFEST), "derived-unknown",
                           f"records the step {name}, which the derivation does not have"))
    if behind:
        out.append(Problem(_rel(MANIFEST), "derived-unrecorded",
                           f"derived CSVs {', '.join(behind)} equal their re-derivation but not "
                           "the checksums recorded for them: run `make data`"))
    return out


def compare_all(folder: Path) -> list[Problem]:
    """Re-derive every derived table (no cache) and list every difference (slow path); also
    every resource marked derived that no step writes, and the reverse."""
    folder = Path(folder)
    problems = raw_problems(folder)
    if problems:
        return problems
    tables = derive(folder)
    marked = {r["name"] for r in descriptor(folder)["resources"]
              if r.get("provenance", {}).get("kind") == "derived"}
    out = []
    for name in sorted(set(tables) - marked):
        out.append(Problem(_rel(f"{name}.csv"), "derived-unmarked",
                           f"written by the derivation but not marked derived in {DESCRIPTOR}"))
    for name in sorted(marked - set(tables)):
        out.append(Problem(_rel(f"{name}.csv"), "derived-unmarked",
                           "marked derived, but no derivation step writes it"))
    for name in sorted(set(tables) & marked):
        out += compare(f"{name}.csv", tables[name], folder / f"{name}.csv")
    return out


# --- curated tables ---------------------------------------------------------------------------


def _data_rows(path: Path) -> int:
    return max(len(_rows(path)) - 1, 0)


def curated_problems(folder: Path) -> list[Problem]:
    """A curated table may gain rows freely; one with fewer rows than ``make data`` last
    recorded has lost some (a file cut short, a bad merge) until ``make data`` says otherwise."""
    folder = Path(folder)
    try:
        floors = manifest(folder).get("curated_rows", {})
    except (OSError, ValueError):
        return []  # raw_problems reports an unreadable manifest
    out = []
    for name, floor in sorted(floors.items()):
        path = folder / name
        if not path.is_file():
            continue  # Frictionless names a missing file
        rows = _data_rows(path)
        if rows < floor:
            out.append(Problem(_rel(name), "rows-lost",
                               f"{rows} data rows, but {floor} when `make data` last counted: "
                               "rows were lost (a file cut short?); if they were removed on "
                               "purpose, run `make data`", rows + 1))
    return out


# --- recording ----------------------------------------------------------------------------------


def record(folder: Path) -> dict:
    """Write into the manifest (keeping its descriptive fields) each raw file's size and
    SHA-256; per step, the SHA-256 of its inputs and tables; each curated table's row count."""
    folder = Path(folder)
    data = manifest(folder)
    for entry in data["files"]:
        path = folder / "raw" / entry["path"]
        entry["bytes"] = path.stat().st_size
        entry["sha256"] = sha256_cached(path)
    data["derived"] = {"steps": {s.name: record_step(folder, s) for s in STEPS}}
    data["curated_rows"] = {r["path"]: _data_rows(folder / r["path"])
                            for r in descriptor(folder)["resources"]
                            if r.get("provenance", {}).get("kind") == "curated"}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    return data


__all__ = ["compare", "compare_all", "curated_problems", "derived_problems", "record"]
