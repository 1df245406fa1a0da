"""The house style (CONTRIBUTING.md "House style"), checked on what readers see in the built
site: prose, tables, captions, and the text each chart draws (titles, legends, labels, hover).

Machine names may stay where readers expect code: in ``<code>``/``<pre>``, in the CSV downloads,
and in addresses. Everything else follows ``liberal_crisis.stories.formats``.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages

pytestmark = pytest.mark.build

ISO_DATE = re.compile(r"(?<![\w/-])\d{4}-\d{2}-\d{2}(?![\w/-])")
PARTY_CODE = re.compile(r"\b(CPC|LPC|GPC|PPC|OTH|IND|BQ)\b")  # "NDP" is the party's name
# "25 Sep 2024", "Sept. 2024", "9 Dec": the house style writes the month in full.
ABBREVIATED_MONTH = re.compile(
    r"\b(?:\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?(?!\w)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\b)")
BAD_PERCENT = re.compile(r"\d\s+%|\d\s*(?:per ?cent)\b|\d\.\d{2,}\s*%")
STRAIGHT_APOSTROPHE = re.compile(r"\w'|'\w")
# Axis titles that only repeat what the tick labels already say.
REDUNDANT_AXIS_TITLES = {"type of event", "rule", "candidate (party)", "candidate", "party",
                         "date", "month", "election", "report and what was counted"}
# Plotly keys whose strings a reader sees (on the chart or on hover).
VISIBLE_KEYS = {"name", "text", "hovertemplate", "texttemplate", "ticktext", "x", "y",
                "categoryarray", "customdata", "hovertext"}


def visible_text(page: BeautifulSoup) -> list[tuple[str, str]]:
    """(where, text) for every piece of reader-facing page text outside code. ``where`` is
    "link" for the title of a cited document, "dictionary" inside the data dictionary."""
    article = page.select_one("article") or page
    for tag in article.select("script, style, code, pre, .lc-chart"):
        tag.decompose()
    out = []
    for element in article.find_all(string=True):
        text = element.strip()
        if text:
            parent = element.parent
            if parent.find_parent("section", id="data-dictionary"):
                where = "dictionary"
            elif parent.find_parent("a", class_="external") or "external" in parent.get("class", []):
                where = "link"
            else:
                where = "table" if parent.find_parent(["table"]) else parent.name
            out.append((where, text))
    return out


def chart_strings(page: BeautifulSoup):
    """(where, text) for the strings each chart draws: trace names, labels, hover text,
    annotations, axis and legend titles."""
    # the chart and, where it has one, its phone form (drawn instead below 600 px)
    for script in page.select("script.lc-chart-data, script.lc-chart-phone"):
        figure = json.loads(script.string)
        target = script["data-target"] + (" phone" if "lc-chart-phone" in script["class"] else "")

        def walk(node, key=""):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == "template":
                        continue
                    yield from walk(v, k)
            elif isinstance(node, list):
                for v in node:
                    yield from walk(v, key)
            elif isinstance(node, str) and (key in VISIBLE_KEYS or key == "text"):
                yield (f"{target} {key}", node)

        yield from walk(figure["data"])
        layout = figure.get("layout", {})
        for annotation in layout.get("annotations", []):
            yield (f"{target} annotation", annotation.get("text", ""))
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
                title = axis.get("title")
                title = title.get("text") if isinstance(title, dict) else title
                if title:
                    yield (f"{target} {name} title", title)
                for label in axis.get("ticktext", []) or []:
                    yield (f"{target} {name} tick", str(label))
        legend = layout.get("legend", {}).get("title", {})
        if isinstance(legend, dict) and legend.get("text"):
            yield (f"{target} legend title", legend["text"])


def scan(built_site):
    problems = []
    for path in html_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        html = path.read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        charts = list(chart_strings(BeautifulSoup(html, "html.parser")))
        for where, text in visible_text(page):
            text = re.sub(r"“[^”]*”", "“…”", text)  # a quotation keeps its own words
            rules = [("ISO date", ISO_DATE), ("abbreviated month", ABBREVIATED_MONTH)]
            # The title of a cited document is quoted as its publisher wrote it (its dates
            # excepted: those are the book's), except that party codes are written out as names;
            # the data dictionary documents the CSVs as they are, party codes and raw values
            # included.
            if where != "dictionary":
                rules.append(("party code", PARTY_CODE))
            if where not in ("link", "dictionary"):
                rules.append(("percent form", BAD_PERCENT))
            for rule, pattern in rules:
                if pattern.search(text):
                    problems.append(f"{rel} [{where}] {rule}: {text[:90]!r}")
        for where, text in charts:
            shown = re.sub(r"%\{[^}]*\}|<[^>]+>", " ", text)  # plotly placeholders and tags
            # A phone form's category ticks write a date's month short ("25 Sep 2024"), as a
            # date axis's ticks do (CONTRIBUTING, phone forms).
            short_ok = " phone " in where and where.endswith(" tick")
            for rule, pattern in (("ISO date", ISO_DATE),
                                  ("abbreviated month", None if short_ok else ABBREVIATED_MONTH),
                                  ("party code", PARTY_CODE), ("percent form", BAD_PERCENT),
                                  ("straight apostrophe", STRAIGHT_APOSTROPHE)):
                if pattern is None:
                    continue
                if pattern.search(shown):
                    problems.append(f"{rel} [{where}] {rule}: {text[:90]!r}")
            if "title" in where and shown.strip().lower() in REDUNDANT_AXIS_TITLES:
                problems.append(f"{rel} [{where}] redundant axis title: {text!r}")
            # a space before a percent sign ("%{y:.1f} %"); "%{" opens another placeholder
            # (formats.hover_day: "%{x|%-d}%{customdata[1]} %{x|%B %Y}")
            if "hovertemplate" in where and re.search(r"\}\s+%(?!\{)", text):
                problems.append(f"{rel} [{where}] percent form in hover: {text[:90]!r}")
        for th in page.select("table th"):
            if "_" in th.get_text() and not th.find("code"):
                problems.append(f"{rel} [table header] machine name: {th.get_text()!r}")
    return problems


def test_what_readers_see_follows_the_house_style(built_site):
    problems = scan(built_site)
    assert problems == [], f"{len(problems)} house-style problems:\n" + "\n".join(problems)


def test_glued_figures_are_not_bold(built_site):
    css = (built_site / "_static" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"span\.pasted-text\s*\{\s*font-weight:\s*inherit", css)


def test_every_chart_has_a_title_subtitle_and_short_source_line(built_site):
    for path in html_pages(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for fig in page.select("figure.lc-figure"):
            where = f"{path.name} {fig['id']}"
            assert fig.select_one(".lc-title").get_text().strip(), where
            assert fig.select_one(".lc-subtitle").get_text().strip(), f"{where}: no subtitle"
            source = fig.select_one(".lc-source").get_text(" ").strip()
            assert len(source) < 200, (where, source)
            # "Source:" before one publisher, "Sources:" before several (named or counted)
            several = ";" in source or "other publishers" in source
            assert source.startswith("Sources: " if several else "Source: "), (where, source)
            assert "compiled in the table" not in source and "http" not in source, where
            alt = fig.select_one(".lc-alt")
            # The text alternative describes the figure for screen readers and captions the
            # table; it is not printed on screen a second time.
            assert fig["aria-describedby"] == alt["id"], where
            assert "lc-alt" in alt["class"] and fig.select_one("table caption").get_text() == alt.get_text()


def test_the_source_line_comes_straight_under_the_chart(built_site):
    """As in Our World in Data's charts: the chart, its source line and the CSV link, then the
    chart's own link, then the table. Nothing a reader sees sits between a chart and its source."""
    for path in html_pages(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for fig in page.select("figure.lc-figure"):
            shown = [el for el in fig.find_all(["div", "p", "details"], recursive=True)
                     if not el.find_parent(["details", "div"], class_=["lc-table", "lc-chart"])
                     and not {"visually-hidden", "lc-table-scroll"} & set(el.get("class", []))]
            order = [next(c for c in ("lc-title", "lc-subtitle", "lc-chart", "lc-source", "lc-link-row",
                                      "lc-table") if c in el.get("class", [])) for el in shown]
            assert order == ["lc-title", "lc-subtitle", "lc-chart", "lc-source", "lc-link-row",
                             "lc-table"], (path.name, fig["id"], order)


@pytest.mark.parametrize("text, flagged", [
    ("voted on 25 Sep 2024", True), ("(Sept. 2024)", True), ("the 9 Dec motion", True),
    ("Mar 2025", True), ("25 September 2024", False), ("Marchand 2024", False),
    ("12 Mar", True), ("Decided 2024", False),
])
def test_the_abbreviated_month_rule(text, flagged):
    assert bool(ABBREVIATED_MONTH.search(text)) is flagged
