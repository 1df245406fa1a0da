"""The data package itself: where it is, its descriptor, its problems and typed reads.

``read(name)`` returns a DataFrame typed from the package schema without validating;
``frictionless_problems`` checks types, constraints and keys. Validation as a whole (these plus
the cross-file rules) lives in :mod:`.validate`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ENV_VAR = "LIBERAL_CRISIS_DATA"
DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Problem:
    """One validation failure, located as precisely as the rule allows."""

    file: str
    rule: str
    message: str
    line: int | None = None  # line in the CSV file (the header is line 1)
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message} [{self.rule}]"


class DataError(ValueError):
    """The data package failed validation; ``problems`` lists every failure."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:25])
        more = f"\n  … and {len(problems) - 25} more" if len(problems) > 25 else ""
        super().__init__(f"{len(problems)} data problem(s):\n{shown}{more}")


def data_dir() -> Path:
    """The folder holding ``datapackage.json``.

    ``$LIBERAL_CRISIS_DATA`` wins; otherwise the nearest ``data/`` at or above the working
    directory (chapters run from ``book/``, commands from the repository). Never a path computed
    from where this package is installed: the data folder is the caller's, not the code's.
    """
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).resolve()
    start = Path.cwd().resolve()
    for folder in (start, *start.parents):
        if (folder / "data" / DESCRIPTOR).is_file():
            return folder / "data"
    raise FileNotFoundError(
        f"no data/{DESCRIPTOR} above {Path.cwd()}; run from the repository or set {ENV_VAR}"
    )


def descriptor(folder: Path | None = None) -> dict:
    folder = Path(folder) if folder else data_dir()
    return json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))


def resource(name: str, folder: Path | None = None) -> dict:
    """The descriptor of one resource (its schema, sources, licences)."""
    for res in descriptor(folder)["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"no resource {name!r} in {DESCRIPTOR}")


def frictionless_problems(folder: Path) -> list[Problem]:
    """Types, constraints and keys, checked by Frictionless."""
    import frictionless

    try:
        report = frictionless.validate(str(folder / DESCRIPTOR))
    except Exception as exc:  # a descriptor that cannot even be read
        return [Problem(DESCRIPTOR, "descriptor", str(exc))]
    problems = [Problem(DESCRIPTOR, err.type, err.message) for err in report.errors]
    for task in report.tasks:
        for err in task.errors:
            column = getattr(err, "field_name", None) or None
            if column is None and getattr(err, "field_number", None):
                column = f"#{err.field_number}"
            problems.append(
                Problem(
                    file=f"data/{task.place}",
                    rule=err.type,
                    message=err.note or err.message,
                    line=getattr(err, "row_number", None),
                    column=column,
                )
            )
    return problems


_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


def read(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read one resource with the dtypes its schema declares (no validation)."""
    folder = Path(folder).resolve() if folder else data_dir()
    res = resource(name, folder)
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES.get(f["type"], "string") for f in fields}
    dates = [f["name"] for f in fields if f["type"] in ("date", "datetime")]
    for col in dates:
        dtypes.pop(col)
    frame = pd.read_csv(
        folder / res["path"],
        dtype=dtypes,
        parse_dates=dates,
        keep_default_na=False,  # "NA" is not missing; only an empty cell is
        na_values=[""],
        encoding="utf-8",
    )
    return frame
