"""The French edition (issue 24), on the site `make book` builds: both editions side by side.

- Every English page has a French page at the same address under ``fr/``, and the reverse; each
  names the other (``hreflang`` alternates in the head, and the visible switch), in its language.
- French pages say ``<html lang="fr-CA">`` and ``og:locale`` fr_CA; no English UI string.
- For each page, the numbers a reader sees are the same in both editions once their forms are
  read back (so a figure cannot drift between editions), and each chart draws the same data.
- French forms: grouped thousands with a no-break space, a decimal comma, a no-break space
  before %, French month names, in prose, tables and charts.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import html_pages

pytestmark = pytest.mark.build

NBSP, NNBSP = "\u00a0", "\u202f"
MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|"
             "December")
#: What the theme and the project write on every page in English: none may be on a French page.
ENGLISH_UI = ("Toggle primary sidebar", "Toggle secondary sidebar", "Search this book",
              "Skip to main content", "Back to top", "Download the data (CSV)",
              "The numbers behind this chart", "Link to this chart", "All the data (.zip)",
              "Print or save as PDF", "Notebook (.ipynb)", "Color mode", "On this page",
              "previous page", "next page", 'aria-label="Main"', "Source: ")


def _pairs(site: Path) -> list[tuple[Path, Path]]:
    return [(page, site / "fr" / page.relative_to(site)) for page in html_pages(site)]


def _head(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[: text.find("</head>")]


def _alternates(page: Path) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', _head(page)))


def _switch(page: Path) -> re.Match | None:
    return re.search(r'<a class="lc-language-switch[^"]*" href="([^"]+)" hreflang="([^"]+)"',
                     page.read_text(encoding="utf-8"))


def test_every_page_has_its_counterpart_both_ways(built_site):
    english = {p.relative_to(built_site).as_posix() for p in html_pages(built_site)}
    french = {p.relative_to(built_site / "fr").as_posix() for p in html_pages(built_site, "fr")}
    assert english, "no English pages"
    assert english == french, (f"English only: {sorted(english - french)}; "
                               f"French only: {sorted(french - english)}")


def test_each_page_links_to_its_counterpart(built_site):
    problems = []
    for en, fr in _pairs(built_site):
        for page, other, tag in ((en, fr, "fr-CA"), (fr, en, "en-CA")):
            rel = page.relative_to(built_site).as_posix()
            alternates = _alternates(page)
            target = alternates.get(tag)
            if not target or not target.startswith("http") and \
                    (page.parent / target).resolve() != other.resolve():
                problems.append(f"{rel}: hreflang {tag} -> {target!r}")
            if "x-default" not in alternates:
                problems.append(f"{rel}: no x-default alternate")
            switch = _switch(page)
            if not switch or (page.parent / switch.group(1)).resolve() != other.resolve() \
                    or switch.group(2) != tag:
                problems.append(f"{rel}: the language switch does not lead to {other.name} ({tag})")
    assert not problems, "\n".join(problems[:40])


def test_french_pages_say_their_language(built_site):
    for en, fr in _pairs(built_site):
        assert '<html lang="en-CA"' in en.read_text(encoding="utf-8"), en
        head = _head(fr)
        assert '<html lang="fr-CA"' in fr.read_text(encoding="utf-8")[:400], fr
        assert '<meta property="og:locale" content="fr_CA">' in head, fr


def _visible(text: str) -> str:
    text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", " ", text, flags=re.S)
    return text


def test_no_english_ui_string_on_a_french_page(built_site):
    found = []
    for page in html_pages(built_site, "fr"):
        text = _visible(page.read_text(encoding="utf-8"))
        for phrase in ENGLISH_UI:
            if phrase in text:
                found.append(f"{page.relative_to(built_site)}: {phrase!r}")
    assert not found, "\n".join(found[:40])


# --- Numbers: the same values in both editions ------------------------------------------------
def _article(page: Path) -> str:
    """The page's article as text a reader sees (no scripts, no code)."""
    text = page.read_text(encoding="utf-8")
    start, end = text.find("<article"), text.rfind("</article>")
    body = _visible(text[start:end])
    body = re.sub(r"<(pre|code)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'href="[^"]*"|id="[^"]*"|class="[^"]*"', " ", body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def numbers(text: str, lang: str) -> set[str]:
    """The numbers in ``text``, read back to one form ("8,925" and "8 925" -> "8925";
    "27.3" and "27,3" -> "27.3"; "1er" -> "1")."""
    text = text.replace("\u2212", "-")
    if lang == "fr":
        text = re.sub(rf"(?<=\d)[{NBSP}{NNBSP} ](?=\d{{3}}\b)", "", text)
        text = re.sub(r"(?<=\d),(?=\d)", ".", text)
    else:
        text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return {n.rstrip(".") for n in re.findall(r"\d+(?:\.\d+)?", text)}


def test_each_page_shows_the_same_numbers_in_both_editions(built_site):
    problems = []
    for en, fr in _pairs(built_site):
        a, b = numbers(_article(en), "en"), numbers(_article(fr), "fr")
        if a != b:
            problems.append(f"{en.relative_to(built_site)}: English only {sorted(a - b)[:12]}, "
                            f"French only {sorted(b - a)[:12]}")
    assert not problems, "\n".join(problems)


def _figures(page: Path) -> dict[str, dict]:
    text = page.read_text(encoding="utf-8")
    out = {}
    for anchor, target in re.findall(r'<figure class="lc-figure" id="([^"]+)"[^>]*>.*?'
                                     r'<div id="([^"]+)" class="lc-chart"', text, flags=re.S):
        found = re.search(rf'<script type="application/json" class="lc-chart-data" '
                          rf'data-target="{re.escape(target)}">(.*?)</script>', text, flags=re.S)
        out[anchor] = json.loads(found.group(1).replace("<\\/", "</"))
    return out


def _numeric(values):
    if isinstance(values, list):
        return [_numeric(v) for v in values if not isinstance(v, str)]
    return values if isinstance(values, (int, float)) and not isinstance(values, bool) else None


def test_each_chart_draws_the_same_data_in_both_editions(built_site):
    problems, charts = [], 0
    for en, fr in _pairs(built_site):
        a, b = _figures(en), _figures(fr)
        if set(a) != set(b):
            problems.append(f"{en.name}: charts {sorted(set(a) ^ set(b))} in one edition only")
        for anchor in sorted(set(a) & set(b)):
            charts += 1
            ta, tb = a[anchor]["data"], b[anchor]["data"]
            if len(ta) != len(tb):
                problems.append(f"{en.name}#{anchor}: {len(ta)} traces in English, {len(tb)} in French")
                continue
            for i, (x, y) in enumerate(zip(ta, tb)):
                for key in ("x", "y", "values", "customdata", "z"):
                    if _numeric(x.get(key)) != _numeric(y.get(key)):
                        problems.append(f"{en.name}#{anchor} trace {i}: {key} differs")
            if b[anchor]["layout"].get("separators", ",\u00a0") != ",\u00a0":
                problems.append(f"{fr.name}#{anchor}: separators {b[anchor]['layout']['separators']!r}")
    assert charts, "no chart compared"
    assert not problems, "\n".join(problems[:40])


def test_french_forms_in_prose_and_tables(built_site):
    problems = []
    for page in html_pages(built_site, "fr"):
        text = _article(page)
        rel = page.relative_to(built_site)
        for pattern, what in (
            (r"\d,\d{3}(?!\d)(?![,.]\d)", "a comma between thousands"),
            (r"(?<![\d.])\d+\.\d+(?![\d.])", "a decimal point"),
            (r"\d ?%", "a percent sign without a no-break space"),
            (rf"\b\d{{1,2}} (?:{MONTHS_EN}) \d{{4}}", "an English date"),
            (r"\b1 (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
             r"novembre|décembre)\b", "the first of a month without 1er"),
        ):
            for found in re.finditer(pattern, text):
                problems.append(f"{rel}: {what}: {text[max(0, found.start() - 30):found.end() + 10]!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_french_charts_get_the_french_plotly_locale(built_site):
    theme = (built_site / "fr" / "_static" / "lc-theme.js").read_text(encoding="utf-8")
    data = json.loads(theme[theme.index("=") + 1:].strip().rstrip(";"))
    assert data["locale"]["name"] == "fr-CA"
    assert data["locale"]["format"]["months"][5] == "juin"
    english = json.loads((built_site / "_static" / "lc-theme.js").read_text(encoding="utf-8")
                         .split("=", 1)[1].strip().rstrip(";"))
    assert english["locale"] is None
