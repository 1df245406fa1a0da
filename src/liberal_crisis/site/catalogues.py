"""The French edition's catalogues: extract, merge, check (``make gettext``; tests/test_catalogues.py).

Two kinds of catalogue, both gettext ``.po`` files under ``locale/fr_CA/LC_MESSAGES/``, both read
and written with Babel (already a Sphinx dependency: no ``sphinx-intl``):

- ``book/<page>.po``: the prose of each page, extracted by Sphinx's gettext builder with the
  settings of :data:`liberal_crisis.site.build_fr.GETTEXT_OVERRIDES` (one catalogue per page, no
  UUIDs or locations, no execution: outputs are the code's). A chapter's ``{eval}`name``` reaches
  the catalogue as the qualified glue ``prose.rewrite`` makes of it, which is what a translated
  paragraph must carry.
- ``liberal_crisis.po``: what the code shows (``_()`` and ``N_()`` in ``src/`` and in the
  chapters' code cells), extracted with Babel's Python extractor.

``python -m liberal_crisis.site.catalogues update`` re-extracts both and merges them into the
committed catalogues (a changed English message becomes fuzzy, with its old translation kept as a
start; a removed one obsolete). ``check`` lists what stops the French edition: an untranslated,
fuzzy or obsolete message, a translation that drops or adds a role (glue, citation,
cross-reference) or a ``{field}``, and catalogues out of step with the English sources.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po, write_po

from ..i18n import DOMAIN, EDITIONS

LOCALE = EDITIONS["fr"]["locale"]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "tr": None}  # tr: data.dictionary
#: MyST roles a translation must keep, each with its target: the glued numbers, the citations and
#: the cross-references (a ``{doc}``/``{ref}``'s own title is translated, its target is not).
ROLE = re.compile(r"\{(glue:text|glue:any|glue|cite:p|cite:t|cite|ref|doc|numref|download)\}`([^`]*)`")
FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}(?!\})")


def messages_dir(source: Path) -> Path:
    return source / "locale" / LOCALE / "LC_MESSAGES"


# --- Extraction ------------------------------------------------------------------------------
def extract_pages(source: Path, out: Path) -> Path:
    """The prose templates (``out/book/<page>.pot``), as ``make gettext`` extracts them."""
    import os

    from jupyter_book.sphinx import build_sphinx

    from ..stories.formats import LANGUAGE_VARIABLE
    from .build_fr import GETTEXT_OVERRIDES

    os.environ[LANGUAGE_VARIABLE] = "en"
    result = build_sphinx(
        source, out, noconfig=True, path_config=str(source / "_config.yml"),
        confoverrides={**GETTEXT_OVERRIDES, "external_toc_path": (source / "_toc.yml").as_posix(),
                       "latex_individualpages": False},
        builder="gettext", freshenv=True, force_all=True, quiet=True,
        doctreedir=str(out.parent / (out.name + ".doctrees")))
    if isinstance(result, Exception) or result:
        raise RuntimeError(f"the gettext build failed ({result})")
    return out


def _cells(text: str) -> str:
    """The Python of a MyST notebook's code cells (their option lines left out)."""
    code, inside, options = [], False, False
    for line in text.splitlines():
        if not inside and re.match(r"^```\{code-cell\}", line):
            inside, first = True, True
            code.append("")
            continue
        if inside and line.startswith("```"):
            inside = False
            continue
        if inside and first and line.strip() == "---":  # a cell's YAML options block
            options, first = True, False
            continue
        first = False
        if options:
            options = line.strip() != "---"
            continue
        if inside and not re.match(r"^:[A-Za-z_-]+:", line):
            code.append(line)
    return "\n".join(code)


def code_sources(source: Path) -> list[tuple[str, str]]:
    """(name, Python) of every source the code catalogue is extracted from."""
    found = [(str(p.relative_to(source)), p.read_text(encoding="utf-8"))
             for p in sorted((source / "src" / "liberal_crisis").rglob("*.py"))]
    found += [(str(p.relative_to(source)), _cells(p.read_text(encoding="utf-8")))
              for p in sorted((source / "book").glob("*.md"))]
    return found


#: A call of _() in the braces of an f-string: Babel's Python extractor never sees it.
HIDDEN_CALL = re.compile(r"""\b[rR]?[fF][rR]?(['"])(?:(?!\1).)*?\{\s*N?_\(""")


def extract_code(source: Path) -> Catalog:
    """The code's template: every ``_("...")``/``N_("...")`` with a literal message. A call
    inside an f-string, which the extractor cannot see, raises ``ValueError`` naming the file."""
    template = Catalog(domain=DOMAIN, project="liberal-crisis", fuzzy=False)
    for name, text in code_sources(source):
        try:  # the extractor reads tokens and would skip a message in code it cannot parse
            ast.parse(text)
        except SyntaxError as error:
            raise ValueError(f"{name}: its code does not parse ({error}): no message extracted") from None
        if HIDDEN_CALL.search(text):
            raise ValueError(f"{name}: a _() call inside an f-string cannot be extracted for "
                             "translation: bind it to a name outside the f-string")
        for _line, _func, message, _comments in extract_python(
                io.BytesIO(text.encode("utf-8")), KEYWORDS, [], {"encoding": "utf-8"}):
            if isinstance(message, str) and message:
                template.add(message)
    from jinja2.ext import babel_extract  # the site's own templates (the explorer, the theme's)

    for path in sorted((source / "src" / "liberal_crisis" / "site" / "templates").rglob("*.html")):
        with path.open("rb") as handle:
            for _line, _func, message, _comments in babel_extract(handle, ("_", "lc_ui"), [], {}):
                if isinstance(message, str) and message:
                    template.add(message)
    for name in publisher_names(source):
        template.add(name, auto_comments=["a publisher named in a chart's source line (data package)"])
    for name in bib_names(source):
        if name not in template:
            template.add(name, auto_comments=["a publisher or carrier named by a citation (references.bib)"])
    for text in bib_descriptions(source):
        if text not in template:
            template.add(text, auto_comments=[
                "a title of references.bib: a description in [brackets] (not a headline), or a "
                "bilingual institution's document (its official French title where verified)"])
    for text in source_titles(source):
        if text not in template:
            template.add(text, auto_comments=[
                "a document's title (Sources list, chapter source line): a headline stays as "
                "published; the book's own description is translated (official French title "
                "where verified)"])
    for text in data_texts(source):
        if text not in template:
            template.add(text, auto_comments=["the data package's own sentence, shown by a chapter"])
    for text in package_texts(source):
        if text not in template:
            template.add(text, auto_comments=["the data package's own words (the data dictionary)"])
    return template


#: The data's own sentences a chapter shows translated (``_()`` of the value), by resource.
DATA_TEXTS = {
    "confidence_votes": ["motion"],  # caucus_story.divisions_table
    "first_report_claims": ["claim", "record", "claimed_by"],  # first_report.html_table
    "seat_projections_2025": ["source_publisher"],  # what-if: where each projection was read
    # corrections.log_markdown: a French reader reads the log in French (the check columns,
    # page_shows and page_no_longer_shows, quote the English pages and are not shown)
    "corrections": ["what_was_wrong", "what_the_page_says_now", "source"],
}


def data_texts(source: Path) -> list[str]:
    """The values of :data:`DATA_TEXTS`, whitespace folded as the chapters fold it."""
    import pandas as pd

    found: list[str] = []
    for resource, columns in DATA_TEXTS.items():
        frame = pd.read_csv(source / "data" / f"{resource}.csv", usecols=columns)
        for column in columns:
            found += [" ".join(str(v).split()) for v in frame[column]]
    return list(dict.fromkeys(found))


def package_texts(source: Path) -> list[str]:
    """The data package's words the data dictionary page shows (``data.dictionary``, through
    ``tr``): resource titles and descriptions, field descriptions, source notes and licences,
    provenance."""
    from .. import data as _data

    def words(text) -> str:
        return " ".join(str(text).split())

    found: list[str] = []
    package = _data.descriptor(source / "data")
    found += [words(lic.get("title", lic["name"])) for lic in package.get("licenses", [])]
    for res in package["resources"]:
        prov = res.get("provenance") or {}
        row = prov.get("row_source") or ""
        texts = [res.get("title"), res.get("description"), prov.get("note"),
                 row if " " in row else None]
        texts += [src.get("notes") for src in res.get("sources", [])]
        texts += [src.get("license") for src in res.get("sources", [])]  # source_line's licence
        texts += [f.get("description") for f in res["schema"]["fields"]]
        texts += [lic.get("title", lic["name"]) for lic in res.get("licenses", [])]
        found += [t for t in map(words, filter(None, texts)) if t and t not in found]
    return found


def bib_names(source: Path) -> list[str]:
    """Every publisher (``author``) and carrier (``organization``) of ``book/references.bib``:
    the citations name them in the edition's language (``citations.author``), through the same
    messages as the Sources lists, so a label and its Sources line cannot disagree."""
    from pybtex.database import parse_file

    from .citations import _BRACES

    names: list[str] = []
    for entry in parse_file(str(source / "book" / "references.bib")).entries.values():
        people = entry.persons.get("author", [])
        found = [" ".join(p.last_names) for p in people if len(people) == 1 and not p.first_names]
        found.append(entry.fields.get("organization", ""))
        names += [n for n in (_BRACES.sub("", f) for f in found) if n and n not in names]
    return names


def bib_descriptions(source: Path) -> list[str]:
    """The titles of ``book/references.bib`` that follow the edition (``citations.
    translated_title``): the book's descriptions in square brackets, and the documents of the
    institutions that publish in both official languages."""
    from pybtex.database import parse_file

    from .citations import _BRACES, translated_title

    entries = parse_file(str(source / "book" / "references.bib")).entries.values()
    return [_BRACES.sub("", e.fields["title"]) for e in entries if translated_title(e)]


#: The chapters' one-line sources, "Publisher: Title (date)" (``sources_lists.cited``).
CITED_COLUMNS = {"timeline": ["source_title"], "first_report_claims": ["source_title"]}


def source_titles(source: Path) -> list[str]:
    """Every title and licence clause a Sources list shows (``sources_lists.title``,
    ``licence_short``), and the publishers and titles of the chapters' one-line sources."""
    import pandas as pd

    from .. import data as _data
    from ..stories import formats, sources_lists

    found: list[str] = []
    for resource in _data.descriptor(source / "data")["resources"]:
        for src in resource.get("sources", []):
            found.append(formats.dated_title(src["title"])[0])
            if sources_lists.licence_short(src["license"]) == sources_lists.licence_words(src["license"]):
                found.append(sources_lists.licence_words(src["license"]))
    for resource, columns in CITED_COLUMNS.items():
        frame = pd.read_csv(source / "data" / f"{resource}.csv", usecols=columns)
        for text in frame[columns].stack().dropna():
            publisher, colon, rest = formats.dated_title(text)[0].partition(": ")
            found += [publisher, rest] if colon else [publisher]
    return list(dict.fromkeys(t for t in found if t))


def publisher_names(source: Path) -> list[str]:
    """Every publisher a chart's source line can name (``charts.source_line`` translates each)."""
    from .. import data as _data
    from ..stories.charts import publishers

    folder = source / "data"
    names = []
    for resource in _data.descriptor(folder)["resources"]:
        for src in resource.get("sources", []):
            whole = [src["publisher"]] if src.get("publisher") else []  # the Sources lists' form
            names += [n for n in [*whole, *publishers(src)] if n not in names]
    return names


# --- Merging ---------------------------------------------------------------------------------
def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=LOCALE)


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # unwrapped, like Sphinx's templates: one line per message, for readable diffs
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False)
    path.write_bytes(buffer.getvalue())


def merge(template: Catalog, path: Path) -> Catalog:
    catalog = _read(path) if path.is_file() else Catalog(
        locale=LOCALE, domain=template.domain, project="liberal-crisis", fuzzy=False)
    created = catalog.creation_date
    catalog.update(template, update_header_comment=False)
    if path.is_file():
        catalog.creation_date = created  # no churn in the header from one extraction to the next
    catalog.project, catalog.language_team, catalog.fuzzy = "liberal-crisis", "French (Canada)", False
    _write(catalog, path)
    return catalog


def update(source: Path) -> list[Path]:
    """Re-extract both kinds of catalogue and merge them into ``locale/`` (``make gettext``)."""
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        pots = extract_pages(source, Path(tmp) / "gettext")
        for pot in sorted((pots / "book").glob("*.pot")):
            target = messages_dir(source) / "book" / f"{pot.stem}.po"
            merge(_read(pot), target)
            written.append(target)
    target = messages_dir(source) / f"{DOMAIN}.po"
    merge(extract_code(source), target)
    return [*written, target]


# --- Checks ----------------------------------------------------------------------------------
def roles(text: str) -> Counter:
    """The roles a message carries, each with its target (``{doc}`title <target>``` -> target)."""
    out = Counter()
    for role, content in ROLE.findall(text):
        target = re.search(r"<([^<>]+)>\s*$", content)
        out[(role, (target.group(1) if target else content).strip())] += 1
    return out


def fields(text: str) -> Counter:
    return Counter(FIELD.findall(text))


def commands(text: str) -> list[str]:
    """A literal block's code, line by line, without its comments (``make book    # prépare…``
    -> ``make book``). Only the comments are translated (``gettext_additional_targets``)."""
    return [line.split("#", 1)[0].rstrip() for line in text.split("\n")]


def problems(path: Path, *, code: bool = False) -> list[str]:
    """What is wrong with one catalogue, one line per message."""
    catalog = _read(path)
    name = path.name if code else f"book/{path.name}"
    out = []
    for message in catalog:
        if not message.id:
            continue
        shown = message.id if len(message.id) < 80 else message.id[:77] + "..."
        if message.fuzzy:
            out.append(f"{name}: fuzzy (the English changed; check the translation): {shown!r}")
        elif not message.string:
            out.append(f"{name}: untranslated: {shown!r}")
        elif roles(message.id) != roles(message.string):
            lost = roles(message.id) - roles(message.string)
            added = roles(message.string) - roles(message.id)
            out.append(f"{name}: the translation drops {sorted(lost)} and adds {sorted(added)}: {shown!r}")
        elif not code and message.id.endswith("\n") and commands(message.id) != commands(message.string):
            # a literal block (prose never ends with a line break): the commands stay as typed
            out.append(f"{name}: the translation changes the block's code, not only its comments: {shown!r}")
        elif code and fields(message.id) != fields(message.string):
            out.append(f"{name}: the translation's {{fields}} differ from the English: {shown!r}")
    for message in catalog.obsolete.values():
        out.append(f"{name}: obsolete (no longer in the English; remove it): {message.id[:77]!r}")
    return out


def all_problems(source: Path) -> list[str]:
    folder = messages_dir(source)
    out = []
    for path in sorted((folder / "book").glob("*.po")):
        out += problems(path)
    if (folder / f"{DOMAIN}.po").is_file():
        out += problems(folder / f"{DOMAIN}.po", code=True)
    return out


def ids(catalog: Catalog) -> set[str]:
    return {m.id for m in catalog if m.id}


def out_of_step(source: Path, pots: Path) -> list[str]:
    """Where the committed catalogues and freshly extracted templates differ in their msgids."""
    out = []
    folder = messages_dir(source)
    fresh = {p.stem: ids(_read(p)) for p in (pots / "book").glob("*.pot")}
    kept = {p.stem: ids(_read(p)) for p in (folder / "book").glob("*.po")}
    fresh[DOMAIN], kept[DOMAIN] = ids(extract_code(source)), (
        ids(_read(folder / f"{DOMAIN}.po")) if (folder / f"{DOMAIN}.po").is_file() else set())
    for page in sorted(set(fresh) | set(kept)):
        new, old = fresh.get(page), kept.get(page)
        if new is None:
            out.append(f"{page}.po: no such page or code any more")
            continue
        if old is None:
            out.append(f"{page}.po: missing (run `make gettext`)")
            continue
        for message in sorted(new - old):
            out.append(f"{page}.po: not in the catalogue (run `make gettext`): {message[:77]!r}")
        for message in sorted(old - new):
            out.append(f"{page}.po: no longer in the English (run `make gettext`): {message[:77]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m liberal_crisis.site.catalogues")
    parser.add_argument("command", choices=["update", "check", "code-template", "templates"])
    parser.add_argument("source", nargs="?", default=".", type=Path)
    parser.add_argument("--out", type=Path, help="templates: where the pages' .pot files go")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    if args.command == "templates":  # the pages' templates alone (tests/test_catalogues.py)
        extract_pages(source, args.out.resolve())
        return 0
    if args.command == "update":
        for path in update(source):
            print(path.relative_to(source))
        return 0
    if args.command == "code-template":
        buffer = io.BytesIO()
        write_po(buffer, extract_code(source), width=0)
        sys.stdout.write(buffer.getvalue().decode("utf-8"))
        return 0
    found = all_problems(source)
    print("\n".join(found) or "OK: every message translated")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
