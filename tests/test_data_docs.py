"""The data dictionary is generated from datapackage.json, and data/README.md matches it."""

from __future__ import annotations

from liberal_crisis import data
from liberal_crisis.data import dictionary
from conftest import REPO

RESOURCE = {
    "name": "toy",
    "path": "toy.csv",
    "title": "A toy table",
    "description": "Line one.\n  Line two.",
    "count_type": "validated",
    "schema": {
        "fields": [
            {"name": "party_code", "type": "string", "description": "Code | name.",
             "constraints": {"required": True, "pattern": "^[A-Z]{2,3}$"}},
            {"name": "votes", "type": "integer", "unit": "votes", "description": "Votes.",
             "constraints": {"minimum": 0, "required": True}},
            {"name": "note", "type": "string", "description": "Free text."},
        ],
        "primaryKey": "party_code",
    },
    "sources": [{"title": "Results", "publisher": "Elections Canada",
                 "path": "https://example.org/r", "accessed": "2026-11-26",
                 "license": "OGL-Canada-2.0", "notes": "via a mirror"}],
    "licenses": [{"name": "OGL-Canada-2.0", "path": "https://example.org/ogl",
                  "title": "Open Government Licence - Canada 2.0"}],
}


def test_constraints_text_fixed_order():
    assert dictionary.constraints_text(None) == ""
    assert dictionary.constraints_text(
        {"enum": ["a", "b"], "maximum": 100, "required": True, "minimum": 0}
    ) == "required; minimum 0; maximum 100; one of: a, b"


def test_cell_escapes_pipes_and_line_breaks():
    assert dictionary.cell("a |b\n c") == "a \\|b c"


def test_resource_markdown_has_every_part():
    text = dictionary.resource_markdown(RESOURCE, level=3)
    lines = text.splitlines()
    assert lines[0] == "### A toy table"
    assert "File: `toy.csv` (resource `toy`)." in lines
    assert "Line one. Line two." in lines
    assert ("Count type: validated (official counts checked after election night). "
            "Primary key: `party_code`.") in lines
    assert ("- Elections Canada: [Results](https://example.org/r); licence: OGL-Canada-2.0; "
            "accessed 2026-11-26. Note: via a mirror.") in lines
    assert "Licences: [Open Government Licence - Canada 2.0](https://example.org/ogl)." in lines
    assert "| `party_code` | string |  | Code \\| name. | required; pattern `^[A-Z]{2,3}$` |" in lines
    assert "| `votes` | integer | votes | Votes. | required; minimum 0 |" in lines
    assert "| `note` | string |  | Free text. |  |" in lines


def test_count_type_absent_is_said():
    res = dict(RESOURCE, count_type=None)
    assert "Count type: not applicable." in dictionary.resource_markdown(res).splitlines()[6]


def test_downloads_list_every_resource_and_the_descriptor():
    descriptor = data.descriptor()
    text = dictionary.downloads_markdown(descriptor)
    for res in descriptor["resources"]:
        assert f"{{download}}`{res['path']} <../data/{res['path']}>`" in text
    assert "{download}`datapackage.json <../data/datapackage.json>`" in text
    assert len(text.splitlines()) == len(descriptor["resources"]) + 1


def test_every_resource_is_documented():
    descriptor = data.descriptor()
    text = dictionary.package_markdown(descriptor)
    for res in descriptor["resources"]:
        assert f"### {res['title']}" in text
        for field in res["schema"]["fields"]:
            assert f"| `{field['name']}` |" in text


def test_licences_group_files_by_licence():
    text = dictionary.licences_markdown({"licenses": [], "resources": [RESOURCE, dict(RESOURCE, path="b.csv")]})
    assert text.splitlines()[1] == (
        "- [Open Government Licence - Canada 2.0](https://example.org/ogl): `toy.csv`, `b.csv`."
    )


def test_readme_is_up_to_date():
    expected = dictionary.readme_text(data.descriptor())
    actual = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "data/README.md is out of date: run python -m liberal_crisis.data.dictionary "
        "--write data/README.md"
    )


def test_check_mode_detects_a_stale_file(tmp_path):
    stale = tmp_path / "README.md"
    stale.write_text("old\n", encoding="utf-8")
    assert dictionary.main(["--check", str(stale)]) == 1
    assert dictionary.main(["--write", str(stale)]) == 0
    assert dictionary.main(["--check", str(stale)]) == 0
