"""The book builds strictly, every chart reaches the HTML, and the build guards really fail.

Assertions on the built HTML, in the style of jupyter-book's own tests.
"""

from __future__ import annotations

import csv as csv_module
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, html_pages, jupyter_book
from liberal_crisis.stories import formats

pytestmark = pytest.mark.build

CHART_CELL = """
```{code-cell} ipython3
import pandas as pd
import plotly.graph_objects as go
from liberal_crisis.stories import charts, theme
theme.setup()
df = pd.DataFrame({"party_code": ["LPC", "CPC"], "seats": [153, 119]})
fig = go.Figure(go.%s(x=df.party_code, y=df.seats))
fig.update_layout(title="Liberals ahead", xaxis_title="Party", yaxis_title="Seats")
charts.present(fig, name="guard", data=df, resources=["parties"], alt="Two bars.")
```
"""


def toc_docnames() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    names = [toc["root"]]
    for entry in toc.get("chapters", []) + [c for p in toc.get("parts", []) for c in p["chapters"]]:
        names.append(entry["file"])
    return names


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_toc_page_is_built(built_site):
    for doc in toc_docnames():
        assert (built_site / f"{doc}.html").is_file(), f"{doc} missing from the site"


def test_toronto_page_has_charts_with_data_and_csv(built_site):
    page = soup(built_site / "book" / "toronto-st-pauls.html")
    charts = page.select("figure.lc-figure")
    assert len(charts) >= 2
    for fig in charts:
        chart = fig.select_one(".lc-chart")
        payload = fig.select_one("script.lc-chart-data")
        assert payload["data-target"] == chart["id"]
        assert '"data":[' in payload.string
        label = page.find(id=fig["aria-labelledby"])
        assert label is not None and label.get_text().strip(), "chart without an accessible name"
        link = fig.select_one("a.lc-csv")
        csv = (built_site / "book" / link["href"]).resolve()
        assert csv.is_file(), f"CSV link {link['href']} is broken"
        with csv.open(encoding="utf-8", newline="") as handle:
            csv_rows = list(csv_module.reader(handle))
        table = [[th.get_text() for th in fig.select("thead th")]] + [
            [td.get_text() for td in tr.select("td")] for tr in fig.select("tbody tr")]
        # The download holds exactly the rows and columns drawn, with machine names and raw
        # values; the table shows the same rows with human headers (stories.formats).
        assert len(csv_rows) == len(table) and {len(r) for r in csv_rows} == {len(table[0])}
        assert table[0] == [formats.header(c) for c in csv_rows[0]]
        assert not any("_" in h for h in table[0]), table[0]
        for raw, shown in zip(csv_rows[1:], table[1:]):
            for column, value, text in zip(csv_rows[0], raw, shown):
                if column == "party_code":
                    assert text == formats.party(value)
                elif re.fullmatch(r"-?\d+(\.\d+)?", value):
                    assert abs(float(text.replace(",", "")) - float(value)) <= 0.05, (value, text)
        assert len(csv_rows) > 1
        # The rows reach the reader once, in the table and the CSV, not again inside the figure.
        assert "liberal_crisis" not in json.loads(payload.string)["layout"].get("meta", {})


def test_plotly_only_on_chart_pages_and_nothing_from_other_hosts(built_site):
    pages = html_pages(built_site)
    assert pages
    for path in pages:
        page = soup(path)
        has_chart = bool(page.select(".lc-chart"))
        scripts = [s.get("src", "") for s in page.find_all("script")]
        assert any("plotly.min.js" in s for s in scripts) == has_chart, path.name
        for tag in page.find_all(["script", "link", "img", "iframe"]):
            url = tag.get("src") or tag.get("href") or ""
            if tag.name == "link" and "stylesheet" not in (tag.get("rel") or []):
                continue  # plain links (e.g. canonical) are not loaded by the browser
            assert not re.match(r"^(https?:)?//", url), f"{path.name} loads {url}"


def test_plotlyjs_shipped_matches_plotly_py(built_site):
    from plotly.offline import get_plotlyjs_version

    shipped = (built_site / "_static" / "plotly.min.js").read_bytes()
    assert f"v{get_plotlyjs_version()}".encode() in shipped[:300]
    # The npm file, byte for byte.
    npm = (REPO / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js").read_bytes()
    assert shipped == npm


def test_config_never_hides_lost_content():
    config = (REPO / "_config.yml").read_text()
    assert "unknown_mime_type" not in config
    assert "suppress_warnings" not in config


# --- The guards: each of these must stop the build -------------------------------------------


def test_guard_passes_a_good_chart(fixture_book, tmp_path):
    """Control for the guards below: the same page with a valid chart builds."""
    book = fixture_book("# Good\n" + CHART_CELL % "Bar")
    result = jupyter_book(book, tmp_path / "out")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    html = (tmp_path / "out" / "_build" / "html" / "book" / "page.html").read_text()
    assert html.count('class="lc-chart"') == 1


def test_guard_notebook_error_fails_build(fixture_book, tmp_path):
    book = fixture_book("# Broken\n\n```{code-cell} ipython3\n1 / 0\n```\n")
    result = jupyter_book(book, tmp_path / "out")
    assert result.returncode != 0
    assert "ZeroDivisionError" in result.stdout + result.stderr


def test_guard_unrenderable_output_fails_build(fixture_book, tmp_path):
    """An output with no renderer is lost content: the warning must fail the build."""
    cell = (
        "```{code-cell} ipython3\nfrom IPython.display import display\n"
        "display({'application/x-unknown+json': {'a': 1}}, raw=True)\n```\n"
    )
    book = fixture_book("# Unknown\n\n" + cell)
    result = jupyter_book(book, tmp_path / "out")
    assert result.returncode != 0
    assert "unknown_mime_type" in result.stdout + result.stderr


def test_guard_chart_without_caption_material_fails_build(fixture_book, tmp_path):
    cell = (
        "```{code-cell} ipython3\nimport plotly.graph_objects as go\n"
        "go.Figure(go.Bar(x=['a'], y=[1]))\n```\n"
    )
    book = fixture_book("# Bare chart\n\n" + cell)
    result = jupyter_book(book, tmp_path / "out")
    assert result.returncode != 0
    assert "without liberal_crisis.stories.charts.present()" in result.stdout + result.stderr


def test_guard_trace_type_missing_from_bundle_fails_build(fixture_book, tmp_path):
    """A trace type the partial plotly.js bundle lacks would draw blank: refuse it."""
    book = fixture_book("# Heatmap\n" + CHART_CELL % "Histogram")
    result = jupyter_book(book, tmp_path / "out")
    assert result.returncode != 0
    assert "not in the plotly.js bundle" in result.stdout + result.stderr


def test_editing_a_csv_re_executes_the_page_that_reads_it(fixture_book, tmp_path):
    """The execution cache must not serve a page built from the old data."""
    page = (
        "# Turnout\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n"
        "from myst_nb import glue\nfrom liberal_crisis import data\n"
        "t = data.load('byelection_turnout_2024')\n"
        "glue('t', float(t.loc[t['riding'] == \"Toronto--St. Paul's\", 'turnout_pct_reported'].iloc[0]),"
        " display=False)\n```\n\nTurnout: {glue:text}`t:.2f` %.\n"
    )
    book = fixture_book(page, copy_data=True)
    out = tmp_path / "out"
    html = out / "_build" / "html" / "book" / "page.html"
    assert jupyter_book(book, out).returncode == 0
    before = html.read_text()
    csv = book / "data" / "byelection_turnout_2024.csv"
    text = csv.read_text(encoding="utf-8")
    assert ",43.52," in text
    csv.write_text(text.replace(",43.52,", ",44.52,"), encoding="utf-8")
    result = jupyter_book(book, out)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "43.52" in before and "44.52" in html.read_text() and "43.52" not in html.read_text()


def test_pages_have_preview_tags_with_their_lead_chart(built_site):
    for name in ("toronto-st-pauls", "what-if"):
        page = soup(built_site / "book" / f"{name}.html")
        tags = {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}
        assert tags.get("og:title") and tags.get("og:description") and tags.get("description")
        image = (built_site / "book" / tags["og:image"]).resolve()
        assert image.is_file() and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        first_alt = page.select_one("figure.lc-figure .lc-alt").get_text()
        assert tags["og:image:alt"] == first_alt  # the lead chart, not any chart


def test_search_index_knows_candidates_and_ridings(built_site):
    import snowballstemmer

    index = (built_site / "searchindex.js").read_text(encoding="utf-8").lower()
    stem = snowballstemmer.stemmer("porter").stemWord  # the index holds stems, as Sphinx makes them
    # Christian Cullis and Amrit Parhar appear only in chart data (tables and CSVs), never in
    # the prose: the site search must still find them.
    for word in ("cullis", "parhar", "palestini", "fleischer", "lasalle", "cloverdale"):
        assert f'"{stem(word)}"' in index, word


def test_enough_charts_and_one_on_every_narrative_chapter(built_site):
    from test_prose import chapters, narrative

    total = 0
    for path in chapters():
        page = soup(built_site / path.relative_to(REPO).with_suffix(".html"))
        count = len(page.select("figure.lc-figure"))
        total += count
        if narrative(path):
            assert count >= 1, f"{path.stem} has no chart"
    assert total >= 16


def test_extension_assets_only_on_pages_that_use_them(built_site):
    """Copy buttons, toggles and sphinx-design widgets are fetched only by pages that have them
    (and the thebe stylesheet by none); each skipped file is a request a reader does not wait for."""
    needs = {
        "copybutton.js": "div.highlight pre", "clipboard.min.js": "div.highlight pre",
        "togglebutton.js": ".toggle, .admonition.dropdown, details.toggle-details",
        "design-tabs.js": "[class^='sd-'], [class*=' sd-']",
        "sphinx-design.min.css": "[class^='sd-'], [class*=' sd-']",
    }
    seen_code = False
    for path in html_pages(built_site):
        page = soup(path)
        loaded = {Path((t.get("src") or t.get("href")).split("?")[0]).name
                  for t in page.find_all(["script", "link"]) if t.get("src") or t.get("href")}
        article = page.select_one("article") or page
        assert "sphinx-thebe.css" not in loaded, path.name
        for asset, selector in needs.items():
            used = bool(article.select(selector))
            assert (asset in loaded) == used, f"{path.name}: {asset} loaded={asset in loaded}, used={used}"
        seen_code |= "copybutton.js" in loaded
    assert seen_code  # the code pages keep their copy buttons
