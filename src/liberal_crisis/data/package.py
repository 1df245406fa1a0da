"""The data package itself: where it is, its descriptor, its problems and typed reads.

``read(name)`` returns a DataFrame typed from the package schema without validating;
``frictionless_problems`` checks types, constraints and keys. Validation as a whole (these plus
the cross-file rules) lives in :mod:`.validate`.
"""

from __future__ import annotations

import hashlib
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


# Frictionless's findings per resource, keyed by what they depend on (see _fingerprint). Kept for
# the life of the process: a test that corrupts one file of a copy re-validates that file (and
# the files whose keys point at it), not all thirty.
_RESOURCE_PROBLEMS: dict[str, list[Problem]] = {}


def _fingerprint(descriptor: dict, name: str, folder: Path) -> str | None:
    """What a resource's Frictionless report depends on: its descriptor and bytes, and those of
    every resource its foreign keys point at, read from the package's JSON (building
    Frictionless's objects costs more than the check it saves). None (do not cache) when a
    resource or file cannot be read."""
    by_name = {r.get("name"): r for r in descriptor.get("resources", []) if isinstance(r, dict)}
    digest = hashlib.sha256()
    try:
        resource = by_name[name]
        names = [name] + [fk["reference"]["resource"]
                          for fk in resource.get("schema", {}).get("foreignKeys", [])
                          if fk["reference"].get("resource")]
        for each in names:
            res = by_name[each]
            digest.update(json.dumps(res, sort_keys=True).encode())
            digest.update((folder / res["path"]).read_bytes())
    except Exception:  # a missing file or resource: Frictionless itself says what is wrong
        return None
    return digest.hexdigest()


# The package's own metadata checked once per version of the descriptor's bytes.
_DESCRIPTOR_CHECKED: set[str] = set()


def _report_problems(report) -> list[Problem]:
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


def frictionless_problems(folder: Path) -> list[Problem]:
    """Types, constraints and keys, checked by Frictionless: what ``frictionless.validate`` on
    the descriptor reports (the metadata, then each resource in order), each resource's
    findings reused while neither it nor what its keys point at has changed."""
    import frictionless
    from frictionless import FrictionlessException

    try:  # everything already known: no need to build Frictionless's objects at all
        text = (folder / DESCRIPTOR).read_bytes()
        descriptor = json.loads(text)
        names = [r["name"] for r in descriptor["resources"]]
        keys = [_fingerprint(descriptor, name, folder) for name in names]
        if (hashlib.sha256(text).hexdigest() in _DESCRIPTOR_CHECKED
                and all(key in _RESOURCE_PROBLEMS for key in keys)):
            return [problem for key in keys for problem in _RESOURCE_PROBLEMS[key]]
    except Exception:  # noqa: BLE001 - an unreadable descriptor: Frictionless says what is wrong
        text = None
    try:
        package = frictionless.Package(str(folder / DESCRIPTOR))
    except FrictionlessException as exc:
        return [Problem(DESCRIPTOR, err.type, err.message)
                for err in (exc.reasons or [exc.error])]
    except Exception as exc:  # a descriptor that cannot even be read
        return [Problem(DESCRIPTOR, "descriptor", str(exc))]
    checked = text is not None and hashlib.sha256(text).hexdigest() in _DESCRIPTOR_CHECKED
    if not checked:  # the metadata of these very bytes passed already: a data file changed
        try:
            package.to_descriptor(validate=True)
        except FrictionlessException as exc:
            return [Problem(DESCRIPTOR, err.type, err.message) for err in exc.to_errors()]
    if text is not None:
        _DESCRIPTOR_CHECKED.add(hashlib.sha256(text).hexdigest())
        descriptor = json.loads(text)
    problems: list[Problem] = []
    for resource in package.resources:
        key = _fingerprint(descriptor, resource.name, folder) if text is not None else None
        found = _RESOURCE_PROBLEMS.get(key) if key else None
        if found is None:
            found = _report_problems(resource.validate())
            if key:
                _RESOURCE_PROBLEMS[key] = found
        problems += found
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
