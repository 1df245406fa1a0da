"""The publishers' files in ``data/raw``: their manifest and checksums.

``data/raw/`` holds, byte for byte, the publishers' files the derivation reads;
``data/raw/manifest.json`` lists each one (SHA-256, size, publisher, URL, licence, retrieval
date, the repository and commit it was redistributed from). ``make data`` also records there,
per derivation step, the checksums of its inputs and tables (:mod:`.derive.check`), and each
curated table's row count. ``datapackage.json`` marks each resource ``"provenance": {"kind":
"derived", ...}`` (written by a step of :mod:`.derive` from the inputs it names) or ``{"kind":
"curated", ...}`` (compiled by hand from reports, a source on every row).

:func:`raw_problems` (part of validation): every listed raw file is there with its checksum,
and nothing unlisted lies in ``raw/`` (fast: hashing about 9 MB).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .package import Problem

RAW = "raw"
MANIFEST = "raw/manifest.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


_SHA: dict[tuple, str] = {}


def sha256_cached(path: Path) -> str:
    """SHA-256 of a file, computed once per process while its size and mtime stay the same."""
    stat = Path(path).stat()
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _SHA:
        _SHA[key] = sha256(path)
    return _SHA[key]


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
        digest, size = sha256_cached(path), path.stat().st_size
        if digest != entry["sha256"] or size != entry["bytes"]:
            out.append(Problem(
                _rel(rel), "raw-checksum",
                f"SHA-256 {digest[:12]}… ({size} bytes) is not the "
                f"{entry['sha256'][:12]}… ({entry['bytes']} bytes) in {MANIFEST}: the publisher's "
                "file must stay byte for byte as published"))
    for path in sorted((folder / RAW).rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel != MANIFEST and rel not in listed:
            out.append(Problem(_rel(rel), "raw-unlisted", f"a file in raw/ that {MANIFEST} does not list"))
    return out
