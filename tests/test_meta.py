"""datapackage.json is assembled from data/meta: the committed file is what the pieces give,
sources are kept once, and a hand edit of the assembled file is caught."""

from __future__ import annotations

import json
import shutil

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.data import meta

DATA = REPO / "data"
META = DATA / "meta"


def test_the_assembled_descriptor_is_up_to_date():
    """Fails when data/meta changed without `make data` (or datapackage.json by hand)."""
    want = meta.text(meta.assemble(DATA))
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == want, (
        "data/datapackage.json is out of date with data/meta: run `make data`")
    assert meta.problems(DATA) == []


def test_every_source_is_kept_once_and_used():
    sources = json.loads((META / "sources.json").read_text(encoding="utf-8"))
    used = set()
    for path in (META / "resources").glob("*.json"):
        used |= set(json.loads(path.read_text(encoding="utf-8")).get("sources", []))
    assert set(sources) == used, "a source no resource lists, or an id with no source"
    bodies = [json.dumps(s, sort_keys=True) for s in sources.values()]
    assert len(bodies) == len(set(bodies)), "the same source under two ids"


def test_a_hand_edit_of_the_assembled_file_is_caught(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md", "raw"))
    path = folder / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '"title": "House of Commons seats by party', '"title": "House seats by party', 1), encoding="utf-8")
    (problem,) = meta.problems(folder)
    assert (problem.file, problem.rule) == ("data/datapackage.json", "descriptor-stale")


def test_an_unknown_source_id_is_named(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("README.md", "raw"))
    piece = folder / "meta" / "resources" / "timeline.json"
    res = json.loads(piece.read_text(encoding="utf-8"))
    res["sources"].append("no-such-source")
    piece.write_text(json.dumps(res), encoding="utf-8")
    (problem,) = meta.problems(folder)
    assert problem.rule == "meta" and "no-such-source" in problem.message


def test_derived_provenance_comes_from_the_steps():
    for path in (META / "resources").glob("*.json"):
        prov = json.loads(path.read_text(encoding="utf-8")).get("provenance", {})
        if prov.get("kind") == "derived":  # only the kind: the rest is the step's declaration
            assert set(prov) == {"kind"}, path.name
    assert data.resource("polls_curated", DATA)["provenance"]["feeds"] == ["polls", "poll_shares"]
