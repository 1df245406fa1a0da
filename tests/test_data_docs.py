"""The data dictionary is generated from datapackage.json, and data/README.md matches it."""

from __future__ import annotations

import re

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
    ) == "required; minimum 0; maximum 100; one of: `a`, `b`"


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


def test_the_book_writes_dates_accessed_in_its_house_style():
    """The methods page passes formats.date; data/README.md keeps the ISO date."""
    from liberal_crisis.stories import formats
    text = dictionary.resource_markdown(RESOURCE, level=3, date=formats.date)
    assert "licence: OGL-Canada-2.0; accessed 26 November 2026. Note: via a mirror." in text
    assert "2026-11-26" not in text


def test_count_type_absent_is_said():
    res = dict(RESOURCE, count_type=None)
    assert "Count type: not applicable." in dictionary.resource_markdown(res).splitlines()[6]


def test_provenance_is_said():
    derived = dict(RESOURCE, provenance={"kind": "derived", "script": "scripts/d.py",
                                         "raw": ["data/raw/a.csv"], "curated": ["toy_in"]})
    assert ("Provenance: derived. `scripts/d.py` writes it from the publishers' files "
            "`data/raw/a.csv` and the curated `toy_in` (`make data` re-derives it; validation "
            "checks it equals its derivation).") in dictionary.resource_markdown(derived)
    curated = dict(RESOURCE, provenance={"kind": "curated", "row_source": "source_url"})
    assert ("Provenance: curated, compiled by hand from the sources below; each row's source: "
            "`source_url`.") in dictionary.resource_markdown(curated)
    assert "Provenance: not stated." in dictionary.resource_markdown(RESOURCE)


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


# --- What the README says is true of the files (read from the CSVs, not the descriptor) -----

# Licences the outside world fixes: Elections Canada's open data is under the Open Government
# Licence - Canada 2.0; the Library of Parliament's ParlInfo under its own terms.
PUBLISHER_LICENCE = {
    "Elections Canada": "OGL-Canada-2.0",
    "Library of Parliament": "Library of Parliament terms",
}


def readme_sections():
    import re

    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    sections = {}
    for block in re.split(r"^## ", text, flags=re.M)[1:]:
        found = re.search(r"^File: `([^`]+)`", block, flags=re.M)
        if found:
            sections[found.group(1)] = block
    return sections


def csv_table(name):
    import csv

    with (REPO / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_readme_describes_every_csv_on_disk():
    on_disk = {p.name for p in (REPO / "data").glob("*.csv")}
    assert set(readme_sections()) == on_disk


def test_readme_columns_are_the_files_columns():
    import re

    for name, block in readme_sections().items():
        listed = re.findall(r"^\| `([^`]+)` \|", block, flags=re.M)
        assert listed == csv_table(name)[0], f"data/README.md lists other columns for {name}"


def test_readme_primary_keys_and_required_columns_hold_in_the_files():
    import re

    for name, block in readme_sections().items():
        header, *body = csv_table(name)
        assert body, f"{name} has no rows"
        key = re.search(r"Primary key: ((?:`[^`]+`(?:, )?)+)\.", block)
        assert key, f"data/README.md states no primary key for {name}"
        columns = re.findall(r"`([^`]+)`", key.group(1))
        rows = [tuple(r[header.index(c)] for c in columns) for r in body]
        assert len(set(rows)) == len(rows), f"{name}: the stated primary key {columns} is not unique"
        for column, constraints in re.findall(r"^\| `([^`]+)` \|[^\n]*\| ([^|\n]*) \|$", block, flags=re.M):
            if "required" in constraints:
                empty = [i + 2 for i, r in enumerate(body) if not r[header.index(column)].strip()]
                assert empty == [], f"{name}.{column} is said to be required but lines {empty[:5]} are empty"


def test_readme_count_types_match_the_rows():
    import re

    for name, block in readme_sections().items():
        stated = re.search(r"Count type: (\w+)", block).group(1)
        header, *body = csv_table(name)
        if "count_type" not in header:
            continue
        values = {r[header.index("count_type")] for r in body}
        if stated == "mixed":
            assert len(values) > 1, f"{name} is said to be mixed but every row is {values}"
        else:
            assert values == {stated}, f"{name} is said to be {stated} but its rows are {values}"


def test_readme_licences_are_the_publishers():
    import re

    checked = set()
    for name, block in readme_sections().items():
        for publisher, licence in re.findall(r"^- ([^:\n]+): \[.*?; licence: ([^;]+);", block, flags=re.M):
            for known, expected in PUBLISHER_LICENCE.items():
                if publisher.strip() == known:
                    checked.add(known)
                    assert expected in licence, (
                        f"data/README.md gives {publisher} data in {name} the licence {licence!r}")
    assert checked == set(PUBLISHER_LICENCE)


# --- The generator's edges (what `make mutants` showed no test pinned) ----------------------

def test_downloads_name_the_descriptor_last():
    text = dictionary.downloads_markdown({"resources": [RESOURCE]}, prefix="d/")
    assert text == ("- {download}`toy.csv <d/toy.csv>`: A toy table\n"
                    "- {download}`datapackage.json <d/datapackage.json>`: the data package "
                    "descriptor (schemas, units, sources, licences)")


def test_a_field_without_type_or_description_gives_empty_cells():
    res = dict(RESOURCE, schema={"fields": [{"name": "bare"}], "primaryKey": "bare"})
    assert "| `bare` |  |  |  |  |" in dictionary.resource_markdown(res).splitlines()


def test_licences_without_a_link_or_title_and_resources_without_licences():
    descriptor = {
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0."}],
        "resources": [dict(RESOURCE, licenses=[{"name": "X-1"}]), {"path": "none.csv"},
                      dict(RESOURCE, path="b.csv", licenses=[{"name": "X-1", "title": "Other title"}]),
                      dict(RESOURCE, path="c.csv", licenses=[{"name": "Y-2"}])],
    }
    assert dictionary.licences_markdown(descriptor).splitlines() == [
        "- This compilation: Creative Commons Attribution 4.0..",
        "- X-1: `toy.csv`, `b.csv`.",
        "- Y-2: `c.csv`.",
    ]
    assert dictionary.licences_markdown({"resources": []}) == "- This compilation: ."
    assert dictionary.licences_text([{"name": "N", "path": "https://x"}]) == "[N](https://x)"
    assert dictionary.licences_text([{"name": "N"}, {"name": "M", "title": "Em"}]) == "N; Em"


def test_command_line_help(capsys):
    import pytest

    with pytest.raises(SystemExit):
        dictionary.main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert dictionary.__doc__.splitlines()[0] in out
    assert "--write PATH write the data dictionary to PATH" in out
    assert "--check PATH exit 1 if PATH is out of date" in out
    with pytest.raises(SystemExit):
        dictionary.main([])  # one of the two is required


def _reader_text(descriptor):
    """Every description, source title and source note the methods page prints as prose."""
    for res in descriptor["resources"]:
        yield res["name"], res.get("description", "")
        for field in res["schema"]["fields"]:
            yield f"{res['name']}.{field['name']}", field.get("description", "")
        for source in res.get("sources", []):
            yield f"{res['name']} source", source.get("title", "")
            yield f"{res['name']} source", source.get("notes", "")


def test_the_dictionary_prose_holds_no_working_notes():
    # Notes meant for the authors ("the brief", "the dossier", "placeholders") must be said in
    # reader-facing words; the caveats themselves stay.
    words = re.compile(r"\b(brief|dossier|placeholders?|reconstructed|subdomain|TODO|FIXME)\b",
                       re.IGNORECASE)
    found = [(where, words.search(text).group(0)) for where, text in _reader_text(data.descriptor())
             if words.search(text)]
    assert found == []


def test_the_dictionary_prose_gives_percentages_to_one_decimal():
    # House style: one decimal in prose; raw values in the field tables are not prose.
    two = re.compile(r"\d\.\d{2,}\s*%")
    found = [(where, two.search(text).group(0)) for where, text in _reader_text(data.descriptor())
             if two.search(text)]
    assert found == []


def test_a_source_title_names_no_repository_path():
    # Chapters' Sources lists print the titles; the commit and path belong in the notes.
    titles = [(res["name"], s["title"]) for res in data.descriptor()["resources"]
              for s in res.get("sources", [])]
    assert [(n, t) for n, t in titles if re.search(r"\w/\w+\.csv|commit [0-9a-f]{7}", t)] == []


def test_a_date_field_s_bounds_are_written_by_the_page_s_date_form():
    fields = [{"name": "day", "type": "date", "constraints": {"minimum": "2024-01-01",
                                                             "maximum": "2024-12-31"}},
              {"name": "seats", "type": "integer", "constraints": {"minimum": 0}}]
    long = {"2024-01-01": "1 January 2024", "2024-12-31": "31 December 2024"}.get
    page = dictionary.fields_table(fields, date=long)
    assert "minimum 1 January 2024; maximum 31 December 2024" in page
    assert "minimum 0" in page  # a number is not a date
    assert "minimum 2024-01-01; maximum 2024-12-31" in dictionary.fields_table(fields)  # README


# --- each part of the generated text, as a reader of the methods page or the README sees it --

def test_headings_are_third_level_on_the_methods_page_by_default():
    descriptor = {"resources": [RESOURCE, dict(RESOURCE, title="Another")]}
    text = dictionary.package_markdown(descriptor)
    assert [line for line in text.splitlines() if line.startswith("#")] == [
        "### A toy table", "### Another"]
    assert dictionary.resource_markdown(RESOURCE).startswith("### A toy table\n")
    assert dictionary.package_markdown(descriptor, level=2).startswith("## A toy table\n")


def test_the_date_form_reaches_every_date_in_the_package_text():
    dated = dict(RESOURCE, schema={"fields": [
        {"name": "as_of", "type": "date", "description": "Day.",
         "constraints": {"minimum": "2021-09-20"}}]})
    text = dictionary.package_markdown({"resources": [dated]}, date=lambda d: f"<{d}>")
    assert "accessed <2026-11-26>." in text
    assert "| `as_of` | date |  | Day. | minimum <2021-09-20> |" in text.splitlines()


def test_a_source_with_nothing_but_a_title_and_a_link():
    assert dictionary.source_line({"title": "Results", "path": "https://example.org/r"}) == (
        "- [Results](https://example.org/r); licence: not stated; accessed not stated.")
    assert dictionary.source_line({"title": "T", "path": "p", "publisher": "",
                                   "accessed": ""}) == (
        "- [T](p); licence: not stated; accessed not stated.")


def test_a_resource_without_licences_has_no_licence_line():
    text = dictionary.resource_markdown(dict(RESOURCE, licenses=[]))
    assert "Licences:" not in text
    bare = {k: v for k, v in RESOURCE.items() if k != "licenses"}
    assert dictionary.resource_markdown(bare) == text
    assert "Licences: [Open Government Licence - Canada 2.0](https://example.org/ogl)." in \
        dictionary.resource_markdown(RESOURCE).splitlines()


def test_an_unknown_count_type_is_printed_as_it_is():
    text = dictionary.resource_markdown(dict(RESOURCE, count_type="estimated"))
    assert "Count type: estimated. Primary key: `party_code`." in text.splitlines()


def test_a_resource_without_provenance_says_so():
    assert dictionary.provenance_text(RESOURCE) == "Provenance: not stated."
    assert "Provenance: not stated." in dictionary.resource_markdown(RESOURCE).splitlines()


def test_the_resource_text_ends_with_its_table_and_one_line_end():
    text = dictionary.resource_markdown(RESOURCE)
    assert text.endswith("| `note` | string |  | Free text. |  |\n")
    assert not text.endswith("\n\n")


def test_a_licence_title_ending_in_a_full_stop_loses_only_the_stop():
    descriptor = {"licenses": [], "resources": [
        dict(RESOURCE, licenses=[{"name": "T", "title": "Terms of use of LUX."}])]}
    assert dictionary.licences_markdown(descriptor).splitlines()[1] == (
        "- Terms of use of LUX: `toy.csv`.")


def test_the_readme_opens_with_the_package_title_description_and_licence():
    descriptor = {"title": "Toy package", "description": "One\n   table.",
                  "licenses": [{"name": "CC-BY-4.0", "title": "CC BY 4.0",
                                "path": "https://example.org/by"}],
                  "resources": [RESOURCE]}
    lines = dictionary.readme_text(descriptor).splitlines()
    assert lines[:7] == ["# Toy package", "", dictionary.README_INTRO, "", "One table.", "",
                         "Licence of the compilation: [CC BY 4.0](https://example.org/by)."]
    assert lines[8] == "## A toy table"


def test_check_mode_on_a_missing_file_says_how_to_write_it(tmp_path, capsys):
    missing = tmp_path / "README.md"
    assert dictionary.main(["--check", str(missing)]) == 1
    assert capsys.readouterr().err == (
        f"{missing} is out of date: run python -m liberal_crisis.data.dictionary "
        f"--write {missing}\n")
    assert dictionary.main(["--write", str(missing)]) == 0
    assert missing.read_bytes().decode("utf-8") == dictionary.readme_text(data.descriptor())
    assert b"\r\n" not in missing.read_bytes()
    assert dictionary.main(["--check", str(missing)]) == 0
    assert capsys.readouterr().err == ""


# --- the site's data dictionary: one collapsible section per table, fields as a list ----------

def test_the_site_gives_each_table_a_closed_section_with_its_address():
    text = dictionary.resource_dropdown(RESOURCE)
    assert text == (
        "::::{dropdown} A toy table (`toy.csv`)\n:name: table-toy\n\n"
        "File: `toy.csv` (resource `toy`).\n\nLine one. Line two.\n\n"
        "Count type: validated (official counts checked after election night). "
        "Primary key: `party_code`.\n\nProvenance: not stated.\n\nSources:\n\n"
        "- Elections Canada: [Results](https://example.org/r); licence: OGL-Canada-2.0; "
        "accessed 2026-11-26. Note: via a mirror.\n\n"
        "Licences: [Open Government Licence - Canada 2.0](https://example.org/ogl).\n\n"
        "Fields:\n\n"
        "`party_code` (string)\n: Code | name. Constraints: required; pattern `^[A-Z]{2,3}$`.\n\n"
        "`votes` (integer, votes)\n: Votes. Constraints: required; minimum 0.\n\n"
        "`note` (string)\n: Free text.\n::::\n")
    # the same text as the README's, less its heading and with the fields as a list
    readme = dictionary.resource_markdown(RESOURCE)
    body = readme.split("\n\n", 1)[1].split("| field |")[0]
    assert body in text


def test_fields_as_a_list_write_dates_and_say_what_is_missing():
    fields = [{"name": "x"}, {"name": "d", "type": "date", "constraints": {"minimum": "2024-01-01"}},
              {"name": "n", "type": "number", "description": " Two\n words. ",
               "constraints": {"maximum": "2024-01-01"}}]
    assert dictionary.fields_list(fields, date=lambda d: f"<{d}>") == (
        "`x`\n: Not described.\n\n`d` (date)\n: Constraints: minimum <2024-01-01>.\n\n"
        "`n` (number)\n: Two words. Constraints: maximum 2024-01-01.\n")


def test_every_table_gets_a_section_in_the_descriptors_order():
    descriptor = {"resources": [RESOURCE, dict(RESOURCE, name="other", title="Another")]}
    text = dictionary.dropdowns_markdown(descriptor, date=lambda d: f"<{d}>")
    assert [line for line in text.splitlines() if line.startswith("::::{")] == [
        "::::{dropdown} A toy table (`toy.csv`)", "::::{dropdown} Another (`toy.csv`)"]
    assert ":name: table-other" in text and "accessed <2026-11-26>." in text
    assert "\n::::\n\n::::{dropdown}" in text
    real = dictionary.dropdowns_markdown(data.descriptor())
    assert real.count("::::{dropdown}") == len(data.descriptor()["resources"])
