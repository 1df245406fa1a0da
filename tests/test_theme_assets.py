"""The theme's assets as the build trims them (liberal_crisis.site.assets): what a page makes the
browser wait for before its first paint, and every icon still drawn.

Before the first paint a browser must fetch and parse every stylesheet in the head, each
``@import`` inside one (a second round trip: it is found only once the first file is in), and
every script with neither ``defer`` nor ``async``. The build prunes the theme's stylesheet of the
Font Awesome icon rules no page uses, links ``basic.css`` instead of the theme's ``theme.css``
(which only imported it), and defers the theme's head scripts, which wait for the parsed page
anyway. A reader would notice if a pruned rule was one an icon needed (a blank button), or if a
deferred script broke the page (the survey records every console error on every page).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import tinycss2
from bs4 import BeautifulSoup

import pydata_sphinx_theme
from conftest import site_pages

EDITIONS = ["en", "fr"]
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"
ORIGINAL_CSS = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
                / "static" / "styles" / "pydata-sphinx-theme.css")
ICON_STYLES = {"fa", "fa-solid", "fa-regular", "fa-brands", "fas", "far", "fab", "fa-lg", "fa-fw"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def flat_rules(css: str) -> Counter:
    """Every style rule of a stylesheet, at any depth, as (enclosing at-rules, selector,
    declarations), the text normalised by tinycss2 as a browser tokenises it."""
    found: Counter = Counter()

    def walk(nodes, within: tuple[str, ...]) -> None:
        for node in nodes:
            if node.type == "qualified-rule":
                found[(within, tinycss2.serialize(node.prelude).strip(),
                       tinycss2.serialize(node.content).strip())] += 1
            elif node.type == "at-rule":
                head = f"@{node.lower_at_keyword} {tinycss2.serialize(node.prelude).strip()}"
                if node.content is not None and node.lower_at_keyword in ("media", "supports", "layer", "container"):
                    walk(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True),
                         (*within, head))
                else:
                    found[(within, head, tinycss2.serialize(node.content or []).strip())] += 1

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), ())
    return found


def icon_names(selector: str) -> list[str] | None:
    """["bars", "navicon"] for ".fa-bars:before,.fa-navicon:before"; None if any part of the
    selector is not a bare Font Awesome icon selector."""
    names = []
    for part in (p.strip() for p in selector.split(",")):
        name, _, pseudo = part.partition(":")
        if not name.startswith(".fa-") or pseudo.lstrip(":") not in ("before", "after"):
            return None
        names.append(name[len(".fa-"):])
    return names


def page_icons(page: BeautifulSoup) -> set[str]:
    """The Font Awesome icons a page shows: fa-* classes on its elements, less the style ones."""
    return {c[len("fa-"):] for el in page.select('[class*="fa-"]') for c in el.get("class", [])
            if c.startswith("fa-") and c not in ICON_STYLES}


@pytest.fixture(scope="module")
def served_css(built_site) -> dict[str, str]:
    return {edition: (built_site / ("fr" if edition == "fr" else "") / THEME_CSS).read_text(encoding="utf-8")
            for edition in EDITIONS}


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_theme_stylesheet_loses_only_icon_rules_and_a_fifth_of_its_weight(served_css, edition):
    original, served = ORIGINAL_CSS.read_text(encoding="utf-8"), served_css[edition]
    removed = flat_rules(original) - flat_rules(served)
    added = flat_rules(served) - flat_rules(original)
    assert not added, list(added)[:3]
    not_icons = [rule for rule in removed if icon_names(rule[1]) is None]
    assert not not_icons, not_icons[:3]
    assert len(removed) > 1000  # Font Awesome has about 2,000 icon rules; the site shows a few
    assert len(served.encode()) <= 0.8 * len(original.encode())
    assert "sourceMappingURL" not in served  # the theme's map describes the unpruned file


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_icon_a_page_shows_keeps_its_rule(built_site, served_css, edition):
    drawn = {name for rule in flat_rules(served_css[edition]) if (names := icon_names(rule[1]))
             and "content" in rule[2] for name in names}
    shown = set()
    for path in site_pages(built_site, edition):
        icons = page_icons(soup(path))
        shown |= icons
        assert icons <= drawn, f"{path.name}: no icon rule for {sorted(icons - drawn)}"
    assert {"magnifying-glass", "bars", "download"} <= shown  # the header's search, menu, download


@pytest.mark.parametrize("edition", EDITIONS)
def test_before_the_first_paint_only_one_script_blocks_and_no_stylesheet_imports(built_site, edition):
    """documentation_options.js stays parser-blocking: the page's inline scripts read it. The
    search page keeps Sphinx's scripts as they are (its search script needs them first)."""
    for path in site_pages(built_site, edition):
        head = soup(path).head
        links = [link["href"].split("?")[0] for link in head.find_all("link", rel="stylesheet")]
        assert not any(href.endswith("styles/theme.css") for href in links), path.name
        assert links[0].endswith("_static/basic.css"), (path.name, links[:2])
        for href in links:
            css = (path.parent / href).resolve().read_text(encoding="utf-8")
            assert "@import" not in css, (path.name, href)
        if path.name == "search.html":
            continue
        blocking = [Path(s["src"].split("?")[0]).name for s in head.find_all("script", src=True)
                    if not (s.has_attr("defer") or s.has_attr("async"))]
        assert blocking == ["documentation_options.js"], (path.name, blocking)


@pytest.mark.parametrize("edition", EDITIONS)
def test_pygments_colours_only_on_pages_with_highlighted_code(built_site, edition):
    seen = False
    for path in site_pages(built_site, edition):
        page = soup(path)
        loaded = any(link["href"].split("?")[0].endswith("pygments.css")
                     for link in page.find_all("link", rel="stylesheet"))
        has_code = bool(page.select("article .highlight"))
        assert loaded == has_code, (path.name, loaded, has_code)
        seen |= has_code
    assert seen  # "Run it yourself" and the methods page show code


ICONS_ON_SCREEN = """() => [...document.querySelectorAll('[class*="fa-"]')]
  .map(el => [[...el.classList].filter(c => c.startsWith('fa-')).join(' '),
              getComputedStyle(el, '::before').content, getComputedStyle(el, '::before').fontFamily])
  .filter(([cls]) => cls.split(' ').some(c => !%s.includes(c)))""" % sorted(ICON_STYLES)


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_icon_on_the_landing_page_is_drawn_from_the_served_font(browser, site_url, built_site, edition):
    """Each icon's glyph is a character its rule names and the subset webfont holds: a pruned
    rule draws nothing, a glyph missing from the subset draws a blank box."""
    from fontTools.ttLib import TTFont

    root = built_site / ("fr" if edition == "fr" else "")
    glyphs: set[int] = set()
    for font in (root / "_static" / "vendor" / "fontawesome" / "webfonts").glob("*.woff2"):
        glyphs |= set(TTFont(font).getBestCmap())
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/{'fr/' if edition == 'fr' else ''}book/index.html", wait_until="load")
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    icons = page.evaluate(ICONS_ON_SCREEN)
    page.close()
    assert len(icons) >= 5, icons
    for classes, content, family in icons:
        assert content not in ("none", "normal", '""'), f"{classes}: no glyph"
        char = content.strip('"')
        assert len(char) == 1 and ord(char) in glyphs, f"{classes}: {content!r} not in the served font"
        assert "Font Awesome" in family, (classes, family)
