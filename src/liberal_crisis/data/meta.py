"""``datapackage.json``, assembled from small pieces kept beside the tables.

``data/meta/`` holds:

- ``package.json``: the package's own fields (name, title, licences, ...) and ``resources``,
  the resources' names in order;
- ``sources.json``: every source once, keyed by an id (title, publisher, path, accessed,
  license, notes);
- ``resources/<name>.json``: one resource (title, description, schema, licences, ...), its
  ``sources`` given as ids.

The provenance of a derived resource is not written there: its ``script``, ``raw`` and
``curated`` come from the derivation step's declaration (:mod:`.derive`), and a curated
table's ``feeds`` from the steps that read it. ``make data`` writes the assembly
(:func:`write`); validation and ``tests/test_meta.py`` fail when ``datapackage.json`` is not
what the pieces assemble to (:func:`problems`). The assembled file keeps the shape every
reader knows: a Frictionless descriptor with full source entries.
"""

from __future__ import annotations

import json
from pathlib import Path

from .package import DESCRIPTOR, Problem

META = "meta"
PACKAGE = "package.json"
SOURCES = "sources.json"
RESOURCES = "resources"


def _read(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def text(descriptor: dict) -> str:
    """The descriptor as stored: two-space indents, UTF-8 characters as they are, final newline."""
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def derived_provenance(name: str, prov: dict) -> dict:
    """A derived resource's provenance, from the step that writes it."""
    from .derive import outputs

    step = outputs().get(name)
    if step is None:
        raise KeyError(f"{RESOURCES}/{name}.json says derived, but no derivation step writes it")
    out = {"kind": "derived", "script": f"{step.module}:{step.name}",
           "raw": [f"data/raw/{p}" for p in step.raw]}
    if step.curated:
        out["curated"] = list(step.curated)
    out.update({k: v for k, v in prov.items() if k not in out and k != "kind"})
    return out


def resource(res: dict, sources: dict) -> dict:
    """One resource as the descriptor holds it: source ids replaced by the sources, a derived
    resource's provenance from its step, a curated input's ``feeds`` from the steps."""
    from .derive import feeds

    out = {}
    for key, value in res.items():
        if key == "sources":
            missing = [i for i in value if i not in sources]
            if missing:
                raise KeyError(f"{res['name']}: unknown source ids {missing} (not in {SOURCES})")
            value = [sources[i] for i in value]
        elif key == "provenance" and value.get("kind") == "derived":
            value = derived_provenance(res["name"], value)
        elif key == "provenance" and feeds().get(res["name"]):
            value = {**value, "feeds": feeds()[res["name"]]}
        out[key] = value
    return out


def assemble(folder: Path) -> dict:
    """The whole descriptor, from ``folder/meta``."""
    meta = Path(folder) / META
    package = _read(meta / PACKAGE)
    sources = _read(meta / SOURCES)
    names = package.pop("resources")
    on_disk = {p.stem for p in (meta / RESOURCES).glob("*.json")}
    if set(names) != on_disk:
        raise ValueError(f"{META}/{PACKAGE} lists {sorted(set(names) - on_disk)} without a file "
                         f"in {META}/{RESOURCES}/, and the files {sorted(on_disk - set(names))} "
                         "are not listed")
    resources = [resource(_read(meta / RESOURCES / f"{n}.json"), sources) for n in names]
    return {**package, "resources": resources}


def write(folder: Path) -> Path:
    path = Path(folder) / DESCRIPTOR
    path.write_text(text(assemble(folder)), encoding="utf-8")
    return path


def problems(folder: Path) -> list[Problem]:
    """``datapackage.json`` is what ``meta/`` assembles to (nothing to check without meta/)."""
    folder = Path(folder)
    if not (folder / META / PACKAGE).is_file():
        return []
    try:
        want = text(assemble(folder))
    except (OSError, ValueError, KeyError) as exc:
        return [Problem(f"data/{META}", "meta", f"cannot be assembled: {exc}")]
    have = (folder / DESCRIPTOR).read_text(encoding="utf-8") if (folder / DESCRIPTOR).is_file() else ""
    if have != want:
        return [Problem(f"data/{DESCRIPTOR}", "descriptor-stale",
                        f"not what data/{META}/ assembles to: edit the pieces in data/{META}/, "
                        "not the assembled file, and run `make data`")]
    return []
