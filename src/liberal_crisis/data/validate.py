"""Validate, then load: the one door chapters go through.

``load(name)`` returns a DataFrame typed from the package schema, after the whole package has
passed Frictionless validation (types, constraints, primary and foreign keys) and the cross-file
rules in :mod:`.rules`. Any failure raises ``DataError`` naming the file, line, column and rule,
so a chapter that would publish a wrong number stops the build instead.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import rules
from .package import DataError, Problem, data_dir, frictionless_problems, read


def _signature(folder: Path) -> tuple:
    """Changes whenever any data file changes, so the validation cache is never stale."""
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.iterdir())
        if p.suffix in (".csv", ".json")
    )


@lru_cache(maxsize=8)
def _validated(folder: Path, signature: tuple) -> None:
    problems = frictionless_problems(folder)
    if not problems:  # the cross-file rules assume well-typed files
        problems = rules.run(folder)
    if problems:
        raise DataError(problems)


def validate(folder: Path | None = None) -> list[Problem]:
    """Every problem in the package (empty when it is valid)."""
    folder = Path(folder).resolve() if folder else data_dir()
    try:
        _validated(folder, _signature(folder))
    except DataError as err:
        return err.problems
    return []



def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Validate the whole package (once per change), then read one resource."""
    folder = Path(folder).resolve() if folder else data_dir()
    _validated(folder, _signature(folder))
    return read(name, folder)


def main(argv: list[str] | None = None) -> int:
    """``liberal-crisis-validate [DATA_DIR]``: exit 1 and list every problem, or say OK."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]).resolve() if args else data_dir()
    problems = frictionless_problems(folder)
    if not problems:
        problems = rules.run(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(f"data package OK: {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
