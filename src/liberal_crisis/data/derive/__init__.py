"""The derivation: every derived table of the data package, computed from the publishers' files
in ``data/raw`` and the curated tables it names, one pure step per table (or per group of tables
one computation produces).

Modules, by subject:

- :mod:`.step`: the :class:`~.step.Step` declaration (outputs, raw patterns, curated inputs),
  :class:`~.step.Inputs` (a step reads only what it declares), how a table is written;
- :mod:`.parties`: each publisher's party labels mapped to the book's codes;
- :mod:`.readers`: readers of each publisher's format, shared contest helpers;
- :mod:`.pooling`: the book's 1 % pooling rule for by-election candidates;
- :mod:`.elections`: the 2024 by-elections, 2021 and 2025 general elections, riding histories;
- :mod:`.holds`: seat holds, by-elections of 1993-2025 walked back to 1867;
- :mod:`.polls`: the poll sample and its shares;
- :mod:`.check`: derived tables against their inputs (staleness) and their re-derivation;
- :mod:`.cli`: ``liberal-crisis-derive`` (``make data``).

:func:`run` loads, processes and saves; :func:`derive` returns the tables without writing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..provenance import raw_problems
from . import elections, holds, polls
from .step import Inputs, Step, input_paths, save

STEPS: list[Step] = [*elections.STEPS, *holds.STEPS, *polls.STEPS]


def outputs() -> dict[str, Step]:
    """Derived resource name -> the step that writes it."""
    found: dict[str, Step] = {}
    for s in STEPS:
        for name in s.outputs:
            if name in found:
                raise ValueError(f"{name} is written by two steps: {found[name].name}, {s.name}")
            found[name] = s
    return found


def feeds() -> dict[str, list[str]]:
    """Curated resource name -> the derived resources computed from it."""
    out: dict[str, list[str]] = {}
    for s in STEPS:
        for name in s.curated:
            out.setdefault(name, []).extend(s.outputs)
    return out


def select(names=None) -> list[Step]:
    """The steps with any of ``names`` among their outputs or their own names (all if None)."""
    if names is None:
        return list(STEPS)
    names = set(names)
    chosen = [s for s in STEPS if s.name in names or names & set(s.outputs)]
    unknown = names - {s.name for s in STEPS} - set(outputs())
    if unknown:
        raise KeyError(f"no derivation step or derived table named {sorted(unknown)}")
    return chosen


class RawFilesChanged(ValueError):
    """A raw file is missing, unlisted or fails its SHA-256 in the manifest."""


def derive(folder: Path, steps: list[Step] | None = None) -> dict[str, pd.DataFrame]:
    """Every table of ``steps`` (default: all), computed from ``folder``'s inputs, not written.

    The raw files the steps read are checked against ``raw/manifest.json`` first (a changed
    notice or upstream README, which no step reads, does not stop the derivation)."""
    folder = Path(folder)
    steps = STEPS if steps is None else steps
    read = {name for s in steps for name in input_paths(folder, s)}
    problems = [p for p in raw_problems(folder)
                if p.file in read or p.rule == "raw-manifest" or p.rule == "raw-missing"]
    if problems:
        raise RawFilesChanged("\n".join(str(p) for p in problems))
    cache: dict = {}
    tables: dict[str, pd.DataFrame] = {}
    for s in steps:
        tables.update(s(Inputs(folder, s, cache)))
    return tables


def run(folder: Path, out: Path | None = None, steps: list[Step] | None = None) -> list[Path]:
    """Load, process, save: write the derived CSVs of ``steps`` into ``out`` (default: the data
    folder itself)."""
    return save(derive(folder, steps), Path(out) if out else Path(folder))


__all__ = ["STEPS", "Inputs", "RawFilesChanged", "Step", "derive", "feeds", "outputs", "run",
           "select"]
