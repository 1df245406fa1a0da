"""A derivation step: what it reads (declared once), the pure computation, and how its tables
are written.

A :class:`Step` names its outputs (derived resources), the raw files it reads (glob patterns
under ``data/raw``) and the curated tables it reads (resource names). That declaration is the
only one: it decides what :class:`Inputs` lets the step read (anything else raises), which
checksums ``make data`` records for the step, what the staleness check compares, and the
``provenance`` of its resources in ``datapackage.json`` (assembled by :mod:`..meta`).

A step's function takes an :class:`Inputs` and returns ``{resource name: DataFrame}``; it never
writes. :func:`csv_text` is the one way a table becomes bytes (UTF-8, ``\\n``, no index), so
``make data`` and the validator's re-derivation agree byte for byte.
"""

from __future__ import annotations

import ast
import functools
import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..provenance import sha256

RAW = "raw"
MANIFEST = "raw/manifest.json"
PACKAGE = "liberal_crisis"
DERIVE = "liberal_crisis.data.derive"


class UndeclaredInput(KeyError):
    """A step read a file its declaration does not name."""


@dataclass(frozen=True)
class Step:
    """One pure step: ``func(inputs) -> {resource name: DataFrame}``."""

    name: str
    outputs: tuple[str, ...]
    raw: tuple[str, ...]  # glob patterns under data/raw, e.g. "parlinfo/by_elections/*.csv"
    curated: tuple[str, ...]  # curated resource names, e.g. "riding_predecessors"
    func: Callable[["Inputs"], dict[str, pd.DataFrame]] = field(compare=False)

    @property
    def module(self) -> str:
        return self.func.__module__

    def __call__(self, inputs: "Inputs") -> dict[str, pd.DataFrame]:
        tables = self.func(inputs)
        if set(tables) != set(self.outputs):
            raise ValueError(f"step {self.name} returned {sorted(tables)}, "
                             f"declared {sorted(self.outputs)}")
        return tables


def step(*, outputs, raw=(), curated=()):
    """Decorator: declare a step's outputs and inputs beside its function."""

    def wrap(func):
        return Step(func.__name__, tuple(outputs), tuple(raw), tuple(curated), func)

    return wrap


# --- inputs -------------------------------------------------------------------------------


def raw_files(folder: Path) -> list[str]:
    """Every file under raw/ (paths relative to raw/), the manifest excepted."""
    base = Path(folder) / RAW
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and p.name != "manifest.json")


def matching(pattern: str, names: list[str]) -> list[str]:
    """The raw paths a declared pattern names (``*`` stays within one folder)."""
    return [n for n in names if fnmatch.fnmatch(n, pattern) and n.count("/") == pattern.count("/")]


class Inputs:
    """What one step may read from a data folder, nothing more.

    ``raw(pattern)`` gives the checked local paths of a declared pattern's files (the caller
    has checked their SHA-256 against the manifest); ``curated(name)`` the path of a declared
    curated table; ``once(key, make)`` shares an expensive read between the steps of one run.
    """

    def __init__(self, folder: Path, step_: Step, cache: dict | None = None):
        self.folder = Path(folder)
        self.step = step_
        self._cache = {} if cache is None else cache
        self._names = self._cache.setdefault(("raw-files", self.folder), raw_files(self.folder))

    def raw(self, pattern: str) -> list[Path]:
        if pattern not in self.step.raw:
            raise UndeclaredInput(f"step {self.step.name} reads raw/{pattern}, which it does not "
                                  "declare")
        found = matching(pattern, self._names)
        if not found:
            raise FileNotFoundError(f"no file in {self.folder / RAW} matches {pattern}")
        return [self.folder / RAW / n for n in found]

    def raw_file(self, pattern: str) -> Path:
        (path,) = self.raw(pattern)
        return path

    def curated(self, name: str) -> Path:
        if name not in self.step.curated:
            raise UndeclaredInput(f"step {self.step.name} reads {name}.csv, which it does not "
                                  "declare")
        return self.folder / f"{name}.csv"

    def once(self, key, make: Callable[[], object]):
        """``make()`` once per run (and data folder) for ``key``; the same object afterwards."""
        full = (key, self.folder)
        if full not in self._cache:
            self._cache[full] = make()
        return self._cache[full]


def input_paths(folder: Path, step_: Step) -> dict[str, Path]:
    """Name -> local path of every file a step reads: ``data/raw/...`` and ``data/<name>.csv``."""
    folder = Path(folder)
    names = raw_files(folder)
    out = {}
    for pattern in step_.raw:
        for rel in matching(pattern, names):
            out[f"data/{RAW}/{rel}"] = folder / RAW / rel
    for name in step_.curated:
        out[f"data/{name}.csv"] = folder / f"{name}.csv"
    return out


# --- the step's code -----------------------------------------------------------------------


@functools.lru_cache(maxsize=None)  # where a module lives does not change within a process
def _module_path(module: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        raise ImportError(module)
    return Path(spec.origin)


def _derive_imports(module: str) -> set[str]:
    """The modules of this subpackage that ``module`` imports (read with ``ast``)."""
    path = _module_path(module)
    stat = path.stat()
    return set(_imports_in(module, path, stat.st_mtime_ns, stat.st_size))


# Every validation checks the step's code: parse each module once per version of its file
# (the corruption tests validate 55 copies of the package in one process).
@functools.lru_cache(maxsize=None)
def _imports_in(module: str, path: Path, mtime_ns: int, size: int) -> frozenset[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names] + [target]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name.startswith(DERIVE + ".") and _is_module(name):
                found.add(name)
    return frozenset(found)


@functools.lru_cache(maxsize=None)
def _is_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def code_modules(step_: Step) -> list[str]:
    """The step's module and every module of this subpackage it imports, transitively."""
    seen, todo = set(), [step_.module]
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        seen.add(mod)
        todo += sorted(_derive_imports(mod) - seen)
    return sorted(seen)


def code_checksums(step_: Step) -> dict[str, str]:
    """``liberal_crisis/data/derive/<module>.py`` -> SHA-256 of its source: the same bytes in a
    clone, an editable install and a wheel."""
    out = {}
    for mod in code_modules(step_):
        path = _module_path(mod)
        out["/".join(mod.split(".")) + ".py"] = sha256(path)
    return out


# --- writing --------------------------------------------------------------------------------


def formatted(df: pd.DataFrame, float_cols=(), decimals=None) -> pd.DataFrame:
    """``float_cols`` as text: at ``decimals`` fixed decimals (a publisher's own rounded
    figure), or in full (Python's shortest exact form) when ``decimals`` is None; blank for
    missing. Shares are stored unrounded and rounded once, where a reader sees them."""
    df = df.copy()
    for c in float_cols:
        df[c] = [("" if v is None or pd.isna(v) else
                  repr(float(v)) if decimals is None else f"{v:.{decimals}f}") for v in df[c]]
    return df


def csv_text(df: pd.DataFrame) -> str:
    """A table as the package stores it: header, UTF-8, ``\\n`` line ends, no index."""
    return df.to_csv(index=False, lineterminator="\n")


def save(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        path.write_bytes(csv_text(df).encode("utf-8"))
        written.append(path)
    return written
