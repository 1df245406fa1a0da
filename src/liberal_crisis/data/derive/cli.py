"""``liberal-crisis-derive``: ``make data``'s command.

    liberal-crisis-derive [DATA]                 # assemble datapackage.json from DATA/meta,
                                                 # re-derive every derived CSV into DATA, and
                                                 # record the checksums in DATA/raw/manifest.json
    liberal-crisis-derive DATA --out /tmp/x      # write the derived CSVs elsewhere (no record)
    liberal-crisis-derive DATA --only polls      # one step (by its name or a table it writes)
    liberal-crisis-derive DATA --compare         # re-derive in memory, list every difference
    liberal-crisis-derive --list                 # each step, its tables and declared inputs

DATA defaults to the nearest ``data/`` at or above the working directory (or
``$LIBERAL_CRISIS_DATA``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import meta
from ..package import data_dir
from . import STEPS, RawFilesChanged, run, select
from .check import compare_all, record


def describe() -> str:
    lines = []
    for s in STEPS:
        lines.append(f"{s.name} ({s.module}): {', '.join(n + '.csv' for n in s.outputs)}")
        lines += [f"    raw/{p}" for p in s.raw] + [f"    {c}.csv" for c in s.curated]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n", 1)[1])
    parser.add_argument("data", nargs="?", type=Path, help="the data folder")
    parser.add_argument("--out", type=Path, help="write the CSVs here instead (no record)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these steps or tables")
    parser.add_argument("--compare", action="store_true",
                        help="re-derive in memory and list every difference; write nothing")
    parser.add_argument("--list", action="store_true", help="list the steps and their inputs")
    args = parser.parse_args(argv)
    if args.list:
        print(describe())
        return 0
    folder = (args.data or data_dir()).resolve()
    if args.compare:
        problems = compare_all(folder)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
        print(f"every derived CSV equals its re-derivation from {folder / 'raw'}")
        return 0
    try:
        if args.out is None:
            meta.write(folder)  # the descriptor first: the record reads it
        written = run(folder, args.out, select(args.only))
    except RawFilesChanged as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    if args.out is None:
        record(folder)
        print(f"checksums recorded in {folder / 'raw' / 'manifest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
