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
              "previous page", "next page", 'aria-label="Main"', "Source: ", "Sources: ",
              "Publisher’s site", "Licence: ",
              # the table of contents' captions (_toc.yml, inserted after Sphinx translates a
              # page: editions.TranslateTocCaptions), in the sidebar and on the landing page
              'caption-text">The story', 'caption-text">Analysis', 'caption-text">Reference',
              # the footer writes « Par {author} »: the author starts in lower case
              "Par Les ")


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
def _article(page: Path, titles: bool = True) -> str:
    """The page's article as text a reader sees (no scripts, no code). ``titles=False`` leaves
    out the text of links to other sites: cited titles keep their publisher's words in both
    editions (CONTRIBUTING, "Style maison": quotations and titles), English dates included."""
    text = page.read_text(encoding="utf-8")
    start, end = text.find("<article"), text.rfind("</article>")
    body = _visible(text[start:end])
    body = re.sub(r"<(pre|code)\b.*?</\1>", " ", body, flags=re.S)
    if not titles:
        body = re.sub(r'<a\b[^>]*href="https?://[^"]*"[^>]*>.*?</a>', " ", body, flags=re.S)
        # a bibliography entry opens with the title, linked or not ("Title. Carrier, date.")
        body = re.sub(r'(<div class="citation"[^>]*>.*?<p>).*?\.(?=\s)', r"\1", body, flags=re.S)
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


def _decimal_in_english(found: re.Match, english: str) -> bool:
    """A French "27,346" is a decimal comma, not an English thousands group, when the English
    page writes the same number "27.346" (three decimals: the corrections log quotes one)."""
    return found.group(0).replace(",", ".") in english


def test_french_forms_in_prose_and_tables(built_site):
    problems = []
    for page in html_pages(built_site, "fr"):
        text = _article(page, titles=False)
        rel = page.relative_to(built_site)
        english = _article(built_site / rel.relative_to("fr"))
        for found in re.finditer(r"\d+,\d{3}(?!\d)(?![,.]\d)", text):
            if not _decimal_in_english(found, english):
                problems.append(f"{rel}: a comma between thousands: "
                                f"{text[max(0, found.start() - 30):found.end() + 10]!r}")
        # names with a version or section number, the same in both languages: licences
        # ("CC BY-SA 4.0", "OGL-Canada-2.0") and the Parliament of Canada Act's sections
        # (« art. 49.1 à 49.8 »)
        text = re.sub(r"\b(?:CC[ -]BY(?:-SA)?[ -]|OGL-Canada-)\d+\.\d+|\bart\. \d+\.\d+(?: à \d+\.\d+)?",
                      " ", text)
        for pattern, what in (
            (r"(?<![\d.])\d+\.\d+(?![\d.])", "a decimal point"),
            (r"\d ?%", "a percent sign without a no-break space"),
            (rf"\b\d{{1,2}} (?:{MONTHS_EN}) \d{{4}}", "an English date"),
            (r"\b1 (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
             r"novembre|décembre)\b", "the first of a month without 1er"),
            # a straight apostrophe before « is turned by Sphinx's smartquotes into a closing
            # quote (methods had « qu”« au moins » »): type ’ in the catalogue
            (r"\w[”“]\s?«", "a quotation mark for an apostrophe before «"),
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


def _shell_blocks(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="highlight-bash[^"]*"><div class="highlight"><pre>(.*?)</pre>',
                        text, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", b)) for b in blocks]


def test_shell_blocks_comment_in_french_and_keep_their_commands(built_site):
    """The methods and run-it-yourself pages' shell blocks: the same commands in both editions,
    each comment in French (« # prépare .venv… »), and no block lost (the French build once
    printed « :: » in their place)."""
    problems, seen = [], 0
    for en, fr in _pairs(built_site):
        english, french = _shell_blocks(en), _shell_blocks(fr)
        if len(english) != len(french):
            problems.append(f"{fr.name}: {len(french)} shell blocks, {len(english)} in English")
            continue
        for e, f in zip(english, french):
            seen += "#" in e
            commands = [[line.split("#", 1)[0].rstrip() for line in b.strip().splitlines()]
                        for b in (e, f)]
            if commands[0] != commands[1]:
                problems.append(f"{fr.name}: commands differ: {f!r} / {e!r}")
            elif "#" in e and [c for c in e.splitlines() if "#" in c and c in f.splitlines()]:
                problems.append(f"{fr.name}: an English comment: {f!r}")
    assert seen, "no commented shell block found (the test saw nothing)"
    assert not problems, "\n".join(problems)


def test_french_points_agree_with_their_number(built_site):
    """« 1,5 point », « 2,0 points »: in French « point » is singular below 2 (Translation
    Bureau; ``formats.point_word``). A glued number followed by a typed unit cannot follow it:
    « 1,5 points » on a French page is the mistake this catches (what-if had it)."""
    number = r"(?<![\d,])[−-]?(\d+(?:,\d+)?)[ \u00a0\u202f]+"
    problems = []
    for page in html_pages(built_site, "fr"):
        text = _article(page)
        for found in re.finditer(number + r"(points?)\b(?! de pourcentage)|" + number
                                 + r"(points?)(?= de pourcentage)", text):
            value, word = (found.group(1), found.group(2)) if found.group(1) else \
                (found.group(3), found.group(4))
            if (abs(float(value.replace(",", "."))) < 2) != (word == "point"):
                problems.append(f"{page.name}: {text[max(0, found.start() - 40):found.end()]!r}")
    assert not problems, "\n".join(problems[:40])


def test_a_decimal_comma_is_told_from_an_english_thousands_group():
    # the control of the rule above: "8,925" on a French page beside the English "8,925" is
    # an English number left in; "27,346" beside the English "27.346" is a French decimal
    thousands = re.search(r"\d+,\d{3}", "8,925 voix")
    assert not _decimal_in_english(thousands, "8,925 votes")
    decimal = re.search(r"\d+,\d{3}", "de 27,346 à 27,35")
    assert _decimal_in_english(decimal, "from 27.346 to 27.35")
    assert not _decimal_in_english(decimal, "27,346 votes")


# --- Hover dates: "1er octobre", which plotly's d3 time format cannot write -------------------
MONTHS_FR = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
             "décembre")
# For each drawn chart, each trace whose hover writes a day from its x (a "%{x|...%-d...}" in its
# template, whatever else it holds), its first point on the first of a month: hovered, the label's
# text read back. ``template`` (the control) first gives every such trace that hover template.
HOVER_FIRSTS = r"""(template) => {
  const out = [];
  for (const el of document.querySelectorAll('.lc-chart.js-plotly-plot')) {
    const traces = (el._fullData || []).map((t, i) => [t, i]).filter(([t]) =>
      t.hoverinfo !== 'skip' && /%\{x\|[^}]*%-?d/.test(t.hovertemplate || ''));
    for (const [t, i] of traces) {
      const j = Array.from(t.x || []).findIndex(x => /^\d{4}-\d{2}-01/.test(String(x)));
      if (j < 0) continue;
      if (template) window.Plotly.restyle(el, {hovertemplate: template}, [i]);
      window.Plotly.Fx.hover(el, [{curveNumber: i, pointNumber: j}]);
      const text = [...el.querySelectorAll('.hoverlayer .hovertext')].map(g => g.textContent).join(' | ');
      out.push({chart: el.closest('figure').id, trace: i, x: String(t.x[j]).slice(0, 10), text});
      window.Plotly.Fx.unhover(el);
    }
  }
  return out;
}"""
DAY_PAGES = ("book/index.html", "book/national-picture.html")  # the charts with day hovers


def _hovers(browser, url: str, template: str | None = None) -> list[dict]:
    from liberal_crisis.site.browser import local_only
    from liberal_crisis.site.shots import ALL_CHARTS_DRAWN

    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    local_only(ctx)
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30000)
    found = page.evaluate(HOVER_FIRSTS, template)
    ctx.close()
    return found


@pytest.mark.browser
@pytest.mark.parametrize("rel", DAY_PAGES)
def test_a_french_hover_writes_the_first_of_a_month_1er(browser, site_url, rel):
    """A reader hovering a poll, a smoothed line or an event on the first of a month reads
    « 1er octobre 2024 », as the text and the tables write it (CONTRIBUTING, "Style maison"),
    not plotly's « 1 octobre 2024 » (formats.hover_day). Controls: the English page reads
    "1 October 2024"; the French page with plotly's own day format ("%{x|%-d %B %Y}") reads
    « 1 octobre », which this test would catch."""
    # (?<!\d): the series name runs into the date in the label's text ("Libéral1er juin 2024")
    first_fr = re.compile(rf"(?<!\d)1er (?:{MONTHS_FR}) \d{{4}}")
    bare_fr = re.compile(rf"(?<![\d,])1 (?:{MONTHS_FR})\b")
    french = _hovers(browser, f"{site_url}/fr/{rel}")
    assert french, f"fr/{rel}: no hovered point on the first of a month (the test saw nothing)"
    wrong = [h for h in french if bare_fr.search(h["text"]) or not first_fr.search(h["text"])]
    assert not wrong, "\n".join(f"{h['chart']} trace {h['trace']} {h['x']}: {h['text']!r}"
                                for h in wrong)
    english = _hovers(browser, f"{site_url}/{rel}")
    assert [h["x"] for h in english] == [h["x"] for h in french]
    assert all(re.search(rf"(?<!\d)1 (?:{MONTHS_EN}) \d{{4}}", h["text"]) for h in english), english
    # the control: plotly's own day, as the charts had it, is caught
    plain = _hovers(browser, f"{site_url}/fr/{rel}", template="%{x|%-d %B %Y}<extra></extra>")
    assert plain and all(bare_fr.search(h["text"]) for h in plain), plain


SAME_IN_FRENCH = {"Zoom"}  # « Zoom » is French too (OQLF, Grand dictionnaire terminologique)
MODEBAR_TITLES = r"""() => [...document.querySelectorAll('.lc-chart.js-plotly-plot')].slice(0, 1)
  .flatMap(el => [...el.querySelectorAll('.modebar-btn')])
  .map(b => [b.getAttribute('data-val') || b.getAttribute('data-attr') || '',
             b.getAttribute('data-title') || '', b.getAttribute('aria-label') || ''])"""


def _modebar(browser, url: str) -> list[list[str]]:
    from liberal_crisis.site.browser import local_only
    from liberal_crisis.site.shots import ALL_CHARTS_DRAWN

    ctx = browser.new_context(viewport={"width": 1366, "height": 900})  # a desktop: a tool bar
    local_only(ctx)
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30000)
    buttons = page.evaluate(MODEBAR_TITLES)
    ctx.close()
    return buttons


@pytest.mark.browser
def test_the_chart_tool_bar_speaks_french(browser, site_url):
    """Each button of a chart's tool bar (its tooltip and its aria-label) reads in French on a
    French page: plotly.js draws them from its locale's dictionary, whose keys must be plotly's
    own words (``formats.PLOTLY_WORDS``; "Download plot as a PNG" was left in English). The control is the English page: the same buttons, each titled in
    English, so a title the French page shares with it is one left untranslated."""
    rel = "book/the-pact.html"
    english, french = _modebar(browser, f"{site_url}/{rel}"), _modebar(browser, f"{site_url}/fr/{rel}")
    assert english and len(english) == len(french), (english, french)
    assert any(title == "Download plot as a PNG" for _key, title, _label in english), english
    same = [(en[1], fr[1], fr[2]) for en, fr in zip(english, french)
            if not fr[1] or (fr[1] == en[1] or fr[2] == en[2]) and en[1] not in SAME_IN_FRENCH]
    assert not same, f"tool bar buttons still in English on fr/{rel}: {same}"


@pytest.mark.browser
def test_no_chart_offers_to_send_its_data_to_another_host(browser, site_url):
    """plotly.js 4 adds a "Share chart..." button that uploads the chart to Plotly's cloud: the
    book calls no other host, at any click. Read on the English and French tool bars."""
    rel = "book/the-pact.html"
    for url in (f"{site_url}/{rel}", f"{site_url}/fr/{rel}"):
        buttons = _modebar(browser, url)
        assert buttons, url
        assert not [b for b in buttons if b[0] == "sendChartToCloud" or "Share" in b[1]
                    or "Partager" in b[1]], (url, buttons)


def _french_pages_of_sources() -> dict[str, str]:
    """{English address: the publisher's French page} for the sources whose French page was
    found (``urlfr`` in book/references.bib; docs/wip/issue-24-french/official-fr-urls.csv)."""
    from pybtex.database import parse_file

    bib = parse_file(str(Path(__file__).resolve().parents[1] / "book" / "references.bib"))
    return {e.fields["url"]: e.fields["urlfr"] for e in bib.entries.values() if "urlfr" in e.fields}


def test_french_sources_link_the_publishers_french_page(built_site):
    """Where the publisher has a French page (and it was found), the French edition links it
    beside the English one; the English edition does not."""
    pairs = _french_pages_of_sources()
    assert pairs, "no source has its French page recorded: the check would pass on anything"
    english = "".join(p.read_text(encoding="utf-8") for p in html_pages(built_site))
    french = "".join(p.read_text(encoding="utf-8") for p in html_pages(built_site, "fr"))
    for url, url_fr in pairs.items():
        link = f'href="{html.escape(url_fr)}"'
        assert html.escape(url) in english, url
        assert link in french and "Version française" in french, url_fr
        assert link not in english, url_fr
