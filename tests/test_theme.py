"""One theme: ``stories/theme.py`` sets every colour, font and size; the browser reads the same.

- No colour literal in the browser scripts (``site/static/*.js``): they read ``window.LCTheme``,
  which the site writes from :func:`liberal_crisis.stories.theme.browser` into
  ``_static/lc-theme.js``.
- The node tests of the ``*-core.js`` modules run on the theme the site uses
  (``tests/js/theme.json`` is a copy of ``theme.browser()``; update it with the theme).
- The six main parties are listed once in the package's code (``theme.PARTIES``).
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import REPO
from liberal_crisis.site import plotly_js
from liberal_crisis.stories import theme

STATIC = REPO / "src" / "liberal_crisis" / "site" / "static"
# A colour written in a script: #rgb, #rrggbb, #rrggbbaa, rgb(...), rgba(...), hsl(...).
COLOUR = re.compile(r"#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{2})?)?\b|\b(?:rgba?|hsla?)\s*\(")


def colour_literals(text: str) -> list[str]:
    return [m.group(0) for m in COLOUR.finditer(text)]


def test_the_scan_finds_a_colour_in_any_form():
    assert colour_literals('var a = "#8C8C8C", b = "#fff", c = "rgba(0,0,0,0)", d = "rgb(1, 2, 3)";') == [
        "#8C8C8C", "#fff", "rgba(", "rgb("]
    assert colour_literals("location.hash = '#chart-1'; var n = 12;") == []


@pytest.mark.parametrize("path", sorted(STATIC.glob("*.js")), ids=lambda p: p.name)
def test_no_colour_is_written_in_a_browser_script(path):
    found = colour_literals(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.name} sets colours of its own {found}: put them in stories/theme.py"


def test_the_browser_reads_the_theme():
    js = plotly_js.theme_js().decode()
    match = re.fullmatch(r"/\*.*?\*/\nwindow\.LCTheme = (\{.*\});\n", js, flags=re.S)
    assert match, js
    assert json.loads(match.group(1)) == theme.browser()
    browser = theme.browser()
    assert browser["modes"] == theme.MODES
    assert browser["parties"] == list(theme.PARTIES)
    assert (browser["font"], browser["fontSize"], browser["titleSize"]) == (
        theme.FONT, theme.FONT_SIZE, theme.TITLE_SIZE)
    assert browser["phoneWidth"] == theme.PHONE_WIDTH


def test_the_node_tests_run_on_the_sites_theme():
    fixture = json.loads((REPO / "tests" / "js" / "theme.json").read_text(encoding="utf-8"))
    assert fixture == theme.browser(), "copy theme.browser() into tests/js/theme.json"


def test_the_template_draws_the_light_mode_of_the_theme():
    layout = theme.template().layout
    light = theme.MODES["light"]
    assert layout.font.color == light["font"]
    assert layout.xaxis.gridcolor == layout.yaxis.gridcolor == light["grid"]
    assert layout.xaxis.linecolor == layout.yaxis.linecolor == light["line"]
    assert layout.font.family == theme.FONT
    assert list(layout.colorway) == [theme.colour(c) for c in theme.PARTIES]


def test_the_six_parties_are_listed_once_in_the_package():
    """Outside the derivation (the data layer, which cannot import stories and declares the poll
    tables' columns itself), only stories/theme.py lists the six main parties."""
    six = re.compile(r'"LPC",\s*"CPC",\s*"NDP",\s*"BQ",\s*"GPC",\s*"PPC"')
    package = REPO / "src" / "liberal_crisis"
    found = sorted(str(p.relative_to(package)) for p in package.rglob("*.py") if six.search(
        p.read_text(encoding="utf-8")))
    assert found == ["data/derive/polls.py"]
    assert theme.PARTIES == ("LPC", "CPC", "NDP", "BQ", "GPC", "PPC")


def test_no_colour_is_written_in_the_package_outside_the_theme():
    """Python too: a chart's colour is a name in stories/theme.py (``shots.py`` styles its own
    contact sheet, a page for the chart desk, not the book)."""
    package = REPO / "src" / "liberal_crisis"
    allowed = {"stories/theme.py", "site/shots.py"}
    found = {}
    for path in sorted(package.rglob("*.py")):
        name = str(path.relative_to(package))
        if name in allowed:
            continue
        text = re.sub(r'f"rgba\(\{', "", path.read_text(encoding="utf-8"))  # a converter, no colour
        hits = [c for c in colour_literals(text) if c != "rgba("] + re.findall(r'"rgba?\(\d', text)
        if hits:
            found[name] = hits
    assert found == {}


@pytest.mark.parametrize("path", sorted((REPO / "book").glob("*.md")), ids=lambda p: p.name)
def test_no_colour_is_written_in_a_chapter(path):
    # A chapter's colours are the theme's names (theme.ON_FILL, theme.REFERENCE, …), never a
    # literal, and never a colour word such as "white".
    text = path.read_text(encoding="utf-8")
    found = COLOUR.findall(text) + re.findall(r'color\s*=\s*"(?:white|black|grey|gray)"', text)
    assert not found, f"{path.name}: {found}"
