"""Validate, then load: the one door chapters go through.

``load(name)`` returns a DataFrame typed from the package schema, after the whole package has
passed: the raw files' checksums (:mod:`.provenance`), the descriptor against its pieces in
``data/meta`` (:mod:`.meta`), Frictionless validation (types, constraints, date windows,
primary and foreign keys), the cross-file and completeness rules in :mod:`.rules`, and the
check that every derived CSV is what its derivation step writes from its inputs as they are
now (:mod:`.derive.check`). Any
failure raises ``DataError`` naming the file, line, column and rule, so a chapter that would
publish a wrong number stops the build instead.

``load()`` validates once per set of bytes: a package that passed every check is recorded in a
cache folder (``$LIBERAL_CRISIS_CACHE``, else ``$XDG_CACHE_HOME/liberal-crisis``, else
``~/.cache/liberal-crisis``; never in the repository) under one key, the SHA-256 of every data
file (the CSVs and JSON of ``data/``, ``data/meta`` and ``data/raw``), of the data layer's own
source and of the Frictionless version. The next process that loads the same bytes skips the
checks (and the import of Frictionless, seconds on its own); any changed file, rule or version
gives another key, so the whole package is validated again and a problem raises as before. Only
a clean validation is recorded. ``validate()`` and ``liberal-crisis-validate`` always check.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import meta, provenance, rules
from .derive import check
from .package import DataError, Problem, data_dir, frictionless_problems, read


def _signature(folder: Path) -> tuple:
    """Changes whenever any data file changes, so the validation cache is never stale."""
    return tuple((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                 for p in _data_files(folder))


def problems(folder: Path) -> list[Problem]:
    """Every check, uncached: raw checksums; the descriptor against data/meta; each file's shape
    (not empty, not cut mid-line); Frictionless; the rules (which assume well-typed files);
    curated tables' row counts; each derived CSV's recorded inputs (a changed input names the
    table and the input) and its recorded checksum (a hand-edited table is re-derived and
    compared cell by cell)."""
    raw = provenance.raw_problems(folder)
    found = raw + meta.problems(folder) + rules.file_problems(folder)
    typed = frictionless_problems(folder)
    found += typed
    if not typed:
        found += rules.run(folder)
    found += check.curated_problems(folder)
    if not raw:  # a derivation from damaged raw files would say nothing useful
        found += check.derived_problems(folder)
    return found


CACHE_ENV = "LIBERAL_CRISIS_CACHE"


def cache_dir() -> Path:
    """Where clean validations are recorded (outside the repository)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "liberal-crisis"


def content_key(folder: Path) -> str:
    """SHA-256 over every data file's path and bytes, the data layer's source and the
    Frictionless version: any change to what validation reads, or to how it checks, changes it."""
    digest = hashlib.sha256()
    code = Path(__file__).resolve().parent
    files = [(f"data/{p.relative_to(folder).as_posix()}", p) for p in _data_files(folder)]
    files += [(f"code/{p.relative_to(code).as_posix()}", p) for p in sorted(code.rglob("*.py"))]
    for name, path in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(metadata.version("frictionless").encode("ascii"))
    return digest.hexdigest()


def _data_files(folder: Path) -> list[Path]:
    return [p for p in sorted([*folder.iterdir(), *(folder / provenance.RAW).rglob("*"),
                               *(folder / meta.META).rglob("*")])
            if p.is_file() and (p.suffix in (".csv", ".json") or provenance.RAW in p.parts)]


@lru_cache(maxsize=8)
def _validated(folder: Path, signature: tuple, trust_record: bool = False) -> None:
    record = cache_dir() / "validated" / content_key(folder) if trust_record else None
    if record is not None and record.is_file():
        return
    found = problems(folder)
    if found:
        raise DataError(found)
    if record is not None:
        try:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text(f"{folder}\n", encoding="utf-8")
        except OSError:  # a read-only home: validate every time, as before
            pass


def validate(folder: Path | None = None) -> list[Problem]:
    """Every problem in the package (empty when it is valid)."""
    folder = Path(folder).resolve() if folder else data_dir()
    try:
        _validated(folder, _signature(folder))
    except DataError as err:
        return err.problems
    return []


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Validate the whole package (once per change of its bytes, recorded across processes in
    :func:`cache_dir`), then read one resource."""
    folder = Path(folder).resolve() if folder else data_dir()
    _validated(folder, _signature(folder), trust_record=True)
    return read(name, folder)


def main(argv: list[str] | None = None) -> int:
    """``liberal-crisis-validate [DATA_DIR]``: exit 1 and list every problem, or say OK."""
    args = sys.argv[1:] if argv is None else argv
    try:
        folder = Path(args[0]).resolve() if args else data_dir()
    except FileNotFoundError as exc:  # no data/ here: say so, never guess from the install
        print(exc, file=sys.stderr)
        return 2
    found = problems(folder)
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print(f"{len(found)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(f"data package OK: {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
