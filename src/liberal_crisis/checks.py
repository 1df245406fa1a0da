"""Cross-file rules that a Frictionless schema cannot express, and the ``make validate`` command.

Each rule reads the typed tables and returns ``Problem``s that name the file, the line (header
= line 1, so data row i is line i + 2), the column and the rule.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .data import Problem, frictionless_problems, read

SHARE_TOLERANCE = 0.05  # percentage points: published shares are rounded to 1 or 2 decimals
RULES = []


def rule(func):
    RULES.append(func)
    return func


def _line(index: int) -> int:
    return int(index) + 2


def _file(name: str) -> str:
    return f"data/{name}.csv"


def share_problems(name, frame, share_col, votes_col, group_cols, rule_name, folder=None):
    """Shares must recompute from votes (votes / group total × 100) within the tolerance."""
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


def run(folder: Path) -> list[Problem]:
    """All cross-file rules; a rule that crashes is itself reported, never skipped."""
    problems: list[Problem] = []
    for func in RULES:
        try:
            problems += func(lambda name: read(name, folder))
        except KeyError as exc:
            problems.append(Problem("data/datapackage.json", func.__name__, f"missing {exc}"))
    return problems


def main(argv: list[str] | None = None) -> int:
    """``liberal-crisis-validate [DATA_DIR]``: exit 1 and list every problem, or say OK."""
    from .data import data_dir

    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]).resolve() if args else data_dir()
    problems = frictionless_problems(folder)
    if not problems:
        problems = run(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(f"data package OK: {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
