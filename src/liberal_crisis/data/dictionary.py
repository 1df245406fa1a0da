"""The data dictionary, written from ``data/datapackage.json`` so it cannot drift from the data.

``package_markdown(descriptor)`` renders every resource: title, description, count type,
sources (link, licence, date accessed, notes) and a table of fields (name, type, unit,
description, constraints). The methods page shows it; ``data/README.md`` holds the same text:

    python -m liberal_crisis.data.dictionary --write data/README.md   # rewrite the file
    python -m liberal_crisis.data.dictionary --check data/README.md   # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..i18n import N_
from . import package as _data

README_INTRO = (
    "This file is generated from `datapackage.json` by `python -m liberal_crisis.data.dictionary "
    "--write data/README.md`; do not edit it by hand. The book's methods page shows the same "
    "text."
)

def _same(text: str) -> str:
    """The English, as written (the README; ``tr`` on the site's page is the edition's)."""
    return text


# The page-facing functions take ``tr``, the edition's translation (``liberal_crisis.i18n``; the
# README keeps the default, English): a message is written with named fields and formatted
# after translation. The package's own text (titles, descriptions) goes through it too: the
# catalogue extraction lists it (``liberal_crisis.site.catalogues``).
COUNT_TYPES = {
    "validated": N_("validated (official counts checked after election night)"),
    "preliminary": N_("preliminary (election-night figures as reported)"),
    "mixed": N_("mixed (a `count_type` column says which row is which)"),
}


def cell(text) -> str:
    """Text safe inside one Markdown table cell: no line breaks, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def constraints_text(constraints: dict | None, date=str, tr=_same) -> str:
    """A field's constraints in a few words, in a fixed order: required, unique, minimum,
    maximum, pattern, enum. ``date`` writes a date field's bounds (the methods page passes
    ``formats.date``; the README keeps ISO dates)."""
    if not constraints:
        return ""
    parts = []
    if constraints.get("required"):
        parts.append(tr("required"))
    if constraints.get("unique"):
        parts.append(tr("unique"))
    words = {"minimum": tr("minimum {value}"), "maximum": tr("maximum {value}")}
    for key in ("minimum", "maximum"):
        if key in constraints:
            parts.append(words[key].format(value=date(constraints[key])))
    if "pattern" in constraints:
        parts.append(tr("pattern {pattern}").format(pattern=f"`{constraints['pattern']}`"))
    if "enum" in constraints:  # the values as the CSV holds them (codes, not names)
        parts.append(tr("one of: {values}").format(
            values=", ".join(f"`{v}`" for v in constraints["enum"])))
    return "; ".join(parts)


def fields_table(fields: list[dict], date=str) -> str:
    """Markdown table of a resource's fields; ``date`` writes a date field's bounds."""
    lines = [
        "| field | type | unit | description | constraints |",
        "|---|---|---|---|---|",
    ]
    for f in fields:
        lines.append(
            "| " + " | ".join(cell(x) for x in (
                f"`{f['name']}`", f.get("type", ""), f.get("unit", ""),
                f.get("description", ""),
                constraints_text(f.get("constraints"), date if f.get("type") == "date" else str),
            )) + " |"
        )
    return "\n".join(lines)


def _source_title(title: str, tr, split=None) -> str:
    """The title in the edition's language, as the Sources lists give it: ``split`` (the page
    passes ``formats.dated_title``: this layer reads no presentation module) parts the title
    from the date the book added, the catalogue's message is the title less that date, and the
    date follows in the edition's style. Without ``split`` (the README), the title as written."""
    if split is None:
        return title
    words, when = split(title)
    return tr(words) + (f" ({when})" if when else "")


def _licence(src: dict, tr=_same) -> str:
    """A source's licence as the data package words it, in the edition's language: the
    catalogue keys it whitespace-folded (``catalogues.package_texts``)."""
    return tr(" ".join(src["license"].split())) if src.get("license") else tr("not stated")


def source_line(src: dict, date=str, tr=_same, title=None) -> str:
    """One Markdown list item for a source: publisher, linked title, licence, date accessed
    (written by ``date``: the book passes its house style, the README keeps ISO), notes."""
    publisher = tr("{publisher}: ").format(publisher=tr(src["publisher"])) if src.get("publisher") else ""
    accessed = date(src["accessed"]) if src.get("accessed") else tr("not stated")
    line = "- " + publisher + tr("{title}; licence: {licence}; accessed {accessed}.").format(
        title=f"[{_source_title(src['title'], tr, title)}]({src['path']})", licence=_licence(src, tr),
        accessed=accessed)
    if src.get("notes"):
        line += " " + tr("Note: {note}").format(note=tr(" ".join(src["notes"].split())))
        if not line.endswith("."):
            line += "."
    # ASCII whitespace only: a translation's no-break spaces (« 43,5 % », « Note : ») stay
    return re.sub(r"[ \t\r\n]+", " ", line).strip()


def licences_text(licences: list[dict], tr=_same) -> str:
    """Licences as '[title](path)' (or the bare name when there is no link), joined by '; '.
    The titles are the book's words for each licence, so they follow the edition (``tr``)."""
    return "; ".join(
        f"[{tr(lic.get('title', lic['name']))}]({lic['path']})" if lic.get("path")
        else tr(lic.get("title", lic["name"]))
        for lic in licences
    )


def downloads_markdown(descriptor: dict, prefix: str = "../data/", tr=_same) -> str:
    """A Markdown list of {download} links (MyST role) to every resource's file and to the
    descriptor, with paths relative to the page (``prefix``)."""
    lines = [
        f"- {{download}}`{res['path']} <{prefix}{res['path']}>`: {tr(res['title'])}"
        for res in descriptor["resources"]
    ]
    descriptor_text = tr("the data package descriptor (schemas, units, sources, licences)")
    lines.append(f"- {{download}}`datapackage.json <{prefix}datapackage.json>`: {descriptor_text}")
    return "\n".join(lines)


def licences_markdown(descriptor: dict, tr=_same) -> str:
    """A Markdown list of the licences in the package: the compilation's own, then every
    distinct licence named by a resource, each with the resources (file names) it covers."""
    lines = ["- " + tr("This compilation: {licences}.").format(
        licences=licences_text(descriptor.get("licenses", []), tr))]
    seen: dict[str, tuple[str, list[str]]] = {}
    for res in descriptor["resources"]:
        for lic in res.get("licenses", []):
            key = lic["name"]
            if key not in seen:
                seen[key] = (licences_text([lic], tr), [])
            seen[key][1].append(f"`{res['path']}`")
    for text, paths in seen.values():
        # the colon as the edition writes it (« : » in French)
        lines.append("- " + tr("{licence}: ").format(licence=text.rstrip(".")) + ", ".join(paths) + ".")
    return "\n".join(lines)


def provenance_text(res: dict, tr=_same) -> str:
    """Derived (by which script, from which raw files) or curated (where each row's source is)."""
    prov = res.get("provenance") or {}
    if prov.get("kind") == "derived":
        text = tr("Provenance: derived. {script} writes it from the publishers' files {raw}").format(
            script=f"`{prov['script']}`", raw=", ".join(f"`{path}`" for path in prov["raw"]))
        if prov.get("curated"):
            text += tr(" and the curated {tables}").format(
                tables=", ".join(f"`{n}`" for n in prov["curated"]))
        return text + tr(" (`make data` re-derives it; validation checks it equals its derivation).")
    if prov.get("kind") == "curated":
        row = prov.get("row_source")
        text = tr("Provenance: curated, compiled by hand from the sources below")
        if row:  # a column name, or a sentence saying where the rows' sources are
            text += tr("; each row's source: {where}").format(
                where=tr(row) if " " in row else "`" + row + "`")
        if prov.get("feeds"):
            text += tr("; input to {tables}").format(tables=", ".join(f"`{n}`" for n in prov["feeds"]))
        text += "."
        return text + (" " + tr(" ".join(prov["note"].split())) if prov.get("note") else "")
    return tr("Provenance: not stated.")


def _resource_body(res: dict, date=str, tr=_same, title=None) -> list[str]:
    """A resource's text under its heading, before its fields: file name, description, count
    type, keys, provenance, sources (dates accessed written by ``date``), licences; paragraphs
    separated by blank lines."""
    parts = [tr("File: {path} (resource {name}).").format(path=f"`{res['path']}`",
                                                           name=f"`{res['name']}`"), ""]
    parts.append(tr(" ".join(res["description"].split())))
    parts.append("")
    count_type = res.get("count_type")
    kind = tr(COUNT_TYPES.get(count_type, count_type)) if count_type else tr("not applicable")
    line = tr("Count type: {kind}.").format(kind=kind)
    key = res["schema"].get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        line += " " + tr("Primary key: {key}.").format(key=", ".join(f"`{k}`" for k in key))
    parts.append(line)
    parts.append("")
    parts.append(provenance_text(res, tr))
    parts.append("")
    parts.append(tr("Sources:"))
    parts.append("")
    for src in res["sources"]:
        parts.append(source_line(src, date, tr, title))
    parts.append("")
    licences = licences_text(res.get("licenses", []), tr)
    if licences:
        parts.append(tr("Licences: {licences}.").format(licences=licences.rstrip(".")))
        parts.append("")
    return parts


def resource_markdown(res: dict, level: int = 3, date=str) -> str:
    """One resource: heading (its title), file name, description, count type, keys,
    provenance, sources (dates accessed written by ``date``), fields."""
    hashes = "#" * level
    parts = [f"{hashes} {res['title']}", "", *_resource_body(res, date)]
    parts.append(fields_table(res["schema"]["fields"], date))
    return "\n".join(parts) + "\n"


def fields_list(fields: list[dict], date=str, tr=_same) -> str:
    """A resource's fields as a MyST definition list, for the site's data dictionary: each
    field's name with its type and unit, then its description and constraints. A phone reads
    a list where a five-column table would not fit its column."""
    lines = []
    for f in fields:
        facts = ", ".join(x for x in (f.get("type", ""), f.get("unit", "")) if x)
        lines.append(f"`{f['name']}`" + (f" ({facts})" if facts else ""))
        text = " ".join(str(f.get("description", "")).split())
        text = tr(text) if text else text
        constraints = constraints_text(f.get("constraints"), date if f.get("type") == "date" else str,
                                       tr)
        if constraints:
            text += (" " if text else "") + tr("Constraints: {constraints}.").format(
                constraints=constraints)
        lines += [f": {text or tr('Not described.')}", ""]
    return "\n".join(lines)


def resource_dropdown(res: dict, date=str, tr=_same, title=None) -> str:
    """One resource as a collapsible section of the site's data dictionary (a MyST
    ``dropdown``, closed; its address ``#table-<resource name>``): the title and file name
    in its summary, then the text of :func:`resource_markdown` with its fields as a list."""
    body = _resource_body(res, date, tr, title)
    body += [tr("Fields:"), "", fields_list(res["schema"]["fields"], date, tr)]
    # a colon fence: a backtick fence's info string may not hold the file name's backticks
    return "\n".join([f"::::{{dropdown}} {tr(res['title'])} (`{res['path']}`)",
                      f":name: table-{res['name']}", "", *body]).rstrip("\n") + "\n::::\n"


def dropdowns_markdown(descriptor: dict, date=str, tr=_same, title=None) -> str:
    """Every resource of the package as a collapsible section (:func:`resource_dropdown`), in
    the descriptor's order; ``date`` writes dates (the data dictionary page passes
    ``formats.date``)."""
    return "\n".join(resource_dropdown(res, date, tr, title) for res in descriptor["resources"])


def package_markdown(descriptor: dict, level: int = 3, date=str) -> str:
    """Every resource of the package, in the descriptor's order, separated by blank lines;
    ``date`` writes the dates accessed (the methods page passes ``formats.date``)."""
    return "\n".join(resource_markdown(res, level, date) for res in descriptor["resources"])


def readme_text(descriptor: dict) -> str:
    """The whole of ``data/README.md``."""
    licences = licences_text(descriptor["licenses"])
    head = [
        f"# {descriptor['title']}",
        "",
        README_INTRO,
        "",
        " ".join(descriptor["description"].split()),
        "",
        f"Licence of the compilation: {licences}.",
        "",
    ]
    return "\n".join(head) + "\n" + package_markdown(descriptor, level=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="PATH", help="write the data dictionary to PATH")
    group.add_argument("--check", metavar="PATH", help="exit 1 if PATH is out of date")
    args = parser.parse_args(argv)
    text = readme_text(_data.descriptor())
    if args.write:
        Path(args.write).write_bytes(text.encode())  # UTF-8, "\n" line ends, on any system
        return 0
    path = Path(args.check)
    if path.exists() and path.read_bytes().decode() == text:
        return 0
    print(f"{args.check} is out of date: run python -m liberal_crisis.data.dictionary "
          f"--write {args.check}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
