"""From the publisher's file to the CSV: the raw files, their checksums, and the derived CSVs.

``data/raw/`` holds, byte for byte, the publishers' files that the derivation scripts read;
``data/raw/manifest.json`` lists each one (SHA-256, size, publisher, URL, licence, retrieval
date, the repository and commit it was redistributed from) and records the SHA-256 of every
derived CSV as ``make data`` last wrote it. ``datapackage.json`` marks each resource
``"provenance": {"kind": "derived", ...}`` (written by a script from raw files, named) or
``{"kind": "curated", ...}`` (compiled by hand from reports, a source on every row).

Two checks, both part of :func:`liberal_crisis.data.validate`:

- :func:`raw_problems`: every listed raw file is there with its checksum, and nothing unlisted
  lies in ``raw/`` (fast: hashing about 9 MB);
- :func:`derived_problems`: every derived CSV has the checksum recorded for it. Only when one
  does not are the scripts re-run (:func:`rederive`, a few seconds) and the file compared with
  its re-derivation cell by cell, so the report names the file, line and column that differ.

``liberal-crisis-provenance --record`` (run by ``make data`` after the scripts)
writes the checksums into the manifest; ``--compare`` re-derives into a temporary folder and
lists every difference (``tests/test_provenance.py`` does the same).
"""

from __future__ import annotations

import argparse
import atexit
import csv
import difflib
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .package import DESCRIPTOR, Problem, descriptor

RAW = "raw"
MANIFEST = "raw/manifest.json"
SCRIPTS = ("scripts/derive_data.py", "scripts/derive_polls.py")  # relative to the repository
MAX_CELLS = 20  # differences listed per file before "… and N more"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def manifest(folder: Path) -> dict:
    return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))


def _rel(name: str) -> str:
    return f"data/{name}"


def raw_problems(folder: Path) -> list[Problem]:
    """Each raw file listed, present and unchanged; no file in raw/ left unlisted."""
    folder = Path(folder)
    try:
        entries = manifest(folder)["files"]
    except FileNotFoundError:
        return [Problem(_rel(MANIFEST), "raw-manifest", "the raw files' manifest is missing")]
    except (ValueError, KeyError) as exc:
        return [Problem(_rel(MANIFEST), "raw-manifest", f"cannot be read: {exc}")]
    out = []
    listed = set()
    for entry in entries:
        rel = f"{RAW}/{entry['path']}"
        listed.add(rel)
        path = folder / rel
        if not path.is_file():
            out.append(Problem(_rel(rel), "raw-missing", f"listed in {MANIFEST} but not found"))
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"] or len(data) != entry["bytes"]:
            out.append(Problem(
                _rel(rel), "raw-checksum",
                f"SHA-256 {hashlib.sha256(data).hexdigest()[:12]}… ({len(data)} bytes) is not the "
                f"{entry['sha256'][:12]}… ({entry['bytes']} bytes) in {MANIFEST}: the publisher's "
                "file must stay byte for byte as published"))
    for path in sorted((folder / RAW).rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel != MANIFEST and rel not in listed:
            out.append(Problem(_rel(rel), "raw-unlisted", f"a file in raw/ that {MANIFEST} does not list"))
    return out


def raw_inputs(folder: Path) -> dict[str, Path]:
    """For the derivation scripts: path under raw/ -> local path of every checked input file.

    Stops (SystemExit naming each file) if any raw file fails its checksum."""
    folder = Path(folder)
    problems = raw_problems(folder)
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    return {e["path"]: folder / RAW / e["path"] for e in manifest(folder)["files"]
            if e.get("role", "input") == "input"}


def derived_resources(folder: Path) -> dict[str, dict]:
    """CSV path -> its resource, for every resource marked derived."""
    return {res["path"]: res for res in descriptor(folder)["resources"]
            if res.get("provenance", {}).get("kind") == "derived"}


REPO = Path(__file__).resolve().parents[3]  # src/liberal_crisis/data/provenance.py
_REDERIVED: dict[str, Path] = {}  # inputs' checksum -> a folder holding their derivation


CURATED_READ = ("parties.csv",)  # derive_data.py checks every party code against it


def curated_inputs(folder: Path) -> list[str]:
    """The curated CSVs a derivation reads: named in some ``provenance.curated`` (e.g.
    polls_curated.csv), or checked by it (parties.csv)."""
    resources = descriptor(folder)["resources"]
    named = {c for r in resources for c in r.get("provenance", {}).get("curated", [])}
    return sorted({r["path"] for r in resources if r["name"] in named} | set(CURATED_READ))


def recorded_inputs(folder: Path) -> dict[str, str]:
    """Repository path -> SHA-256 of each script and curated input (raw files have their own
    checksums in the manifest's ``files``)."""
    paths = {s: REPO / s for s in SCRIPTS}
    paths.update({_rel(c): folder / c for c in curated_inputs(folder)})
    return {k: (sha256(v) if v.is_file() else "missing") for k, v in sorted(paths.items())}


def input_paths(folder: Path) -> list[Path]:
    """Everything a derivation reads: the scripts, the raw files, and the curated CSVs named as
    inputs (``provenance.curated``, e.g. polls_curated.csv) or checked (parties.csv)."""
    raw = sorted(p for p in (folder / RAW).rglob("*") if p.is_file() and p.name != "manifest.json")
    return [REPO / s for s in SCRIPTS] + raw + [folder / c for c in curated_inputs(folder)]


def inputs_key(folder: Path) -> str:
    """One SHA-256 over the derivation's inputs (names and bytes)."""
    digest = hashlib.sha256()
    for path in input_paths(folder):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        else:
            digest.update(path.name.encode() + b"\0missing\0")
    return digest.hexdigest()


def rederived(folder: Path) -> Path:
    """A folder holding the derivation of ``folder``'s inputs, made once per process and set of
    inputs (corruption tests re-validate many copies of the same inputs)."""
    key = inputs_key(folder)
    if key not in _REDERIVED or not _REDERIVED[key].is_dir():
        out = Path(tempfile.mkdtemp(prefix="liberal-crisis-rederived-"))
        atexit.register(shutil.rmtree, out, True)
        rederive(folder, out)
        _REDERIVED[key] = out
    return _REDERIVED[key]


def rederive(folder: Path, out: Path) -> None:
    """Run the derivation scripts on ``folder``'s raw and curated inputs, writing into ``out``."""
    repo = REPO
    for script in SCRIPTS:
        result = subprocess.run(
            [sys.executable, str(repo / script), "--data", str(folder), "--out", str(out)],
            capture_output=True, text=True, cwd=repo,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{script} failed:\n{(result.stdout + result.stderr)[-3000:]}")


def _rows(path: Path) -> list[list[str]]:
    with Path(path).open(encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.reader(handle))


def compare(name: str, expected: Path, actual: Path, rule: str = "derived-differs") -> list[Problem]:
    """Differences between a re-derived CSV and the file in the package, by line and column.

    Lines count the header as 1 (as in every other error). Rows are aligned first (difflib), so
    rows dropped or added are reported as such, where they are, and an edited row cell by cell."""
    file = _rel(name)
    if not Path(actual).is_file():
        return [Problem(file, rule, "missing: the derivation writes this file")]
    want, got = _rows(expected), _rows(actual)
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


def derived_problems(folder: Path) -> list[Problem]:
    """Every derived CSV as ``make data`` last wrote it; the cells that differ if not."""
    folder = Path(folder)
    try:
        record_ = manifest(folder).get("derived", {})
        recorded = record_.get("files", {})
        derived = derived_resources(folder)
        was, now = record_.get("inputs", {}), recorded_inputs(folder)
    except (OSError, ValueError, KeyError) as exc:
        return [Problem(_rel(MANIFEST), "raw-manifest", f"cannot be read: {exc}")]
    changed = []
    out = []
    stale_inputs = [k for k in sorted(set(was) | set(now)) if was.get(k) != now.get(k)]
    for key in stale_inputs:  # name the file that changed: it is where to look
        out.append(Problem(key, "derived-input-changed",
                           "changed since `make data` last derived from it (a row added, lost "
                           "or edited?): if the change is intended, run `make data`; if not, "
                           "restore the file"))
    for path in sorted(derived):
        if path not in recorded:
            out.append(Problem(_rel(MANIFEST), "derived-unrecorded",
                               f"no checksum recorded for the derived {path}: run `make data`"))
            continue
        file = folder / path
        if stale_inputs or not file.is_file() or sha256(file) != recorded[path]:
            changed.append(path)
    for path in sorted(set(recorded) - set(derived)):
        out.append(Problem(_rel(MANIFEST), "derived-unknown",
                           f"records {path}, which {DESCRIPTOR} does not mark as derived"))
    if not changed:
        return out
    try:
        tmp = rederived(folder)
    except (RuntimeError, SystemExit, OSError) as exc:
        return out + [Problem(_rel(p), "derived-checksum",
                              f"differs from the checksum recorded in {MANIFEST}, and the "
                              f"derivation could not run to say where: {exc}") for p in changed]
    behind = []
    for path in changed:
        cells = compare(path, tmp / path, folder / path)
        if cells:
            out += cells
        elif sha256(folder / path) != recorded[path]:
            behind.append(path)
    if behind:
        out.append(Problem(_rel(MANIFEST), "derived-unrecorded",
                           f"derived CSVs {', '.join(behind)} equal their re-derivation but not "
                           "the checksums recorded for them: run `make data`"))
    return out


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


def compare_all(folder: Path) -> list[Problem]:
    """Re-derive every derived CSV into a temporary folder; every difference (slow path)."""
    folder = Path(folder)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        rederive(folder, Path(tmp))
        written = {p.name for p in Path(tmp).glob("*.csv")}
        derived = derived_resources(folder)
        for path in sorted(written - set(derived)):
            out.append(Problem(_rel(path), "derived-unmarked",
                               f"written by the derivation but not marked derived in {DESCRIPTOR}"))
        for path in sorted(derived):
            if path not in written:
                out.append(Problem(_rel(path), "derived-unmarked",
                                   "marked derived, but no derivation script writes it"))
                continue
            out += compare(path, Path(tmp) / path, folder / path)
    return out


def record(folder: Path) -> dict:
    """Write into the manifest (keeping its descriptive fields) each raw file's size and
    SHA-256, the SHA-256 of the scripts, curated inputs and derived CSVs, and each curated
    table's row count."""
    folder = Path(folder)
    data = manifest(folder)
    for entry in data["files"]:
        path = folder / RAW / entry["path"]
        entry["bytes"] = path.stat().st_size
        entry["sha256"] = sha256(path)
    data["derived"] = {
        "inputs": recorded_inputs(folder),
        "files": {p: sha256(folder / p) for p in sorted(derived_resources(folder))},
    }
    data["curated_rows"] = {r["path"]: _data_rows(folder / r["path"])
                            for r in descriptor(folder)["resources"]
                            if r.get("provenance", {}).get("kind") == "curated"}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    from .package import data_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="data folder (default: this clone's)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", action="store_true", help="write the checksums into the manifest")
    mode.add_argument("--compare", action="store_true",
                      help="re-derive into a temporary folder and list every difference")
    args = parser.parse_args(argv)
    folder = (args.data or data_dir()).resolve()
    if args.record:
        record(folder)
        print(f"checksums recorded in {folder / MANIFEST}")
        return 0
    problems = raw_problems(folder) or compare_all(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"every derived CSV equals its re-derivation from {folder / RAW}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
