"""What a reader sees of every chart, measured in headless Chromium on every chart page, at
desktop (1280 px) and phone (375 px) width, in light and dark mode:

- no text of a chart (title, tick labels, axis titles, legend, annotations, bar labels) runs
  into other text, and no reference line strikes through text;
- no text runs past the chart's box (over the caption, say) or the window;
- no text is a value a script failed to write ("[object Object]", "undefined");
- a chart keeps its height when the window changes size and comes back (a phone turned, an
  address bar hiding);
- a chart follows its column both ways as the window is dragged (1280 -> 1000 -> 768 -> 375 ->
  1280): never wider than the column, the page never scrolling sideways, and drawn in the form
  of its width at each step (the phone form below ``theme.PHONE_WIDTH``, the desktop form
  above), with no reload;
- no text is turned, at any width (tick labels, axis titles, bar values: OWID never turns text);
- no line of the data runs through a text, no text runs across the edge of a bar it does not
  label, no number is broken across lines, and no badge or text point is cut by the plot's edge;
- on a phone, the plot keeps at least half the chart's width, and every data label of the desktop
  chart (bar values, annotations, text points) is still there: the phone form
  (``stories.phone_forms``) carries the same information.

The measuring is ``liberal_crisis.site.shots.LAYOUT_PROBE``, which also annotates the contact
sheet of ``make shots``: a failure here is listed under the same shot there. The survey
(tests/survey.py) visits every page once per width and measures it in both modes.
"""

from __future__ import annotations

import pytest

from survey import RESIZE_PROBE, WIDTHS, resize_steps
from liberal_crisis.site.shots import CHART_HEIGHTS, LAYOUT_PROBE, load, open_view, resize_and_back
from liberal_crisis.stories import theme

pytestmark = pytest.mark.browser

VIEWS = {  # the survey's views (tests/survey.py: one visit per page and width)
    "1280-light": ({"width": 1280, "height": 900}, "light"),
    "1280-dark": ({"width": 1280, "height": 900}, "dark"),
    "375-light": ({"width": 375, "height": 740}, "light"),
    "375-dark": ({"width": 375, "height": 740}, "dark"),
}


# Charts with layout problems still open, each with who is on it. Remove an entry once its
# chart is fixed: the tests then hold it to the same rule as every other chart.
OPEN: dict[str, str] = {}


def _problems(found: dict, keep) -> list[str]:
    return [
        f"{rel}#{chart['id']}: {problem}"
        for rel, (charts, _) in found.items()
        for chart in charts
        if chart["id"] not in OPEN
        for problem in chart["problems"]
        if keep(problem)
    ]


@pytest.mark.parametrize("view", VIEWS)
def test_chart_text_never_collides(survey, view):
    collisions = _problems(survey(view), lambda p: p.startswith("overlap:") or " through " in p)
    assert collisions == [], f"{len(collisions)} collisions at {view}:\n" + "\n".join(collisions)


@pytest.mark.parametrize("view", VIEWS)
def test_no_text_sits_on_a_bar_it_does_not_label(survey, view):
    """A majority label ran across a bar ("Majority of 338 seats: 170" on the what-if seats)."""
    over = _problems(survey(view), lambda p: p.startswith("text over a bar"))
    assert over == [], f"{len(over)} texts over a bar at {view}:\n" + "\n".join(over)


@pytest.mark.parametrize("view", VIEWS)
def test_no_number_is_broken_across_lines(survey, view):
    """ "Conservative: 119" / "→ 144" on the aftermath's seats at 375 px."""
    broken = _problems(survey(view), lambda p: p.startswith("a number broken"))
    assert broken == [], f"{len(broken)} numbers broken across lines at {view}:\n" + "\n".join(broken)


@pytest.mark.parametrize("view", VIEWS)
def test_no_badge_or_text_point_is_cut_at_the_plot_edge(survey, view):
    """The poll chart's last event badge read "1(" on a phone: plotly clipped it to the plot."""
    cut = _problems(survey(view), lambda p: p.startswith("cut at the plot"))
    assert cut == [], f"{len(cut)} badges or labels cut at {view}:\n" + "\n".join(cut)


@pytest.mark.parametrize("view", VIEWS)
def test_chart_text_is_never_a_broken_value(survey, view):
    """An empty axis title once reached the phone form as "[object Object]"."""
    broken = _problems(survey(view), lambda p: p.startswith("broken text"))
    assert broken == [], f"{len(broken)} broken text elements at {view}:\n" + "\n".join(broken)


@pytest.mark.parametrize("view", VIEWS)
def test_chart_text_stays_inside_the_chart_and_the_window(survey, view):
    cut = _problems(survey(view), lambda p: p.startswith("outside"))
    assert cut == [], f"{len(cut)} text elements cut off or spilling at {view}:\n" + "\n".join(cut)


@pytest.mark.parametrize("width", WIDTHS)
def test_charts_keep_their_height_after_a_resize_and_back(survey_pass, width):
    changed = [
        f"{rel}#{fid}: {steps[0]}px, then {steps[-1]}px"
        for rel, heights in survey_pass(width)["heights"].items()
        for fid, steps in heights.items()
        if abs(steps[0] - steps[-1]) > 1
    ]
    assert changed == [], f"charts that lost or gained height at {width} px:\n" + "\n".join(changed)


def past_the_column(rel: str, steps: list[dict]) -> list[str]:
    """Charts drawn past their column, and the page scrolling sideways, at any step of a resize
    (survey.RESIZE_PROBE at each step)."""
    return [f"{rel}#{fid}: {chart['past']} px past its column at {step['width']} px"
            for step in steps for fid, chart in step["charts"].items() if chart["past"] > 1] + [
            f"{rel}: scrolls sideways by {step['overflow']} px at {step['width']} px"
            for step in steps if step["overflow"] > 0]


def wrong_form(rel: str, steps: list[dict]) -> list[str]:
    """Charts not in the form of their width at a step of a resize: the phone form below
    theme.PHONE_WIDTH, the desktop form at or above it."""
    return [f"{rel}#{fid}: {chart['form']} form at {chart['width']} px (window {step['width']} px)"
            for step in steps for fid, chart in step["charts"].items()
            if chart["form"] != ("phone" if chart["width"] < theme.PHONE_WIDTH else "desktop")]


@pytest.mark.parametrize("width", WIDTHS)
def test_charts_follow_their_column_through_a_resize(survey_pass, width):
    resized = survey_pass(width)["resize"]
    wide = [p for rel, steps in resized.items() for p in past_the_column(rel, steps)]
    assert wide == [], f"{len(wide)} charts or pages past their column while resized from {width} px:\n" + "\n".join(wide)
    assert len(resized) >= 9 and all(len(steps) == len(WIDTHS[width][1]) + 2 for steps in resized.values())


@pytest.mark.parametrize("width", WIDTHS)
def test_charts_take_the_form_of_their_width_through_a_resize(survey_pass, width):
    wrong = [p for rel, steps in survey_pass(width)["resize"].items() for p in wrong_form(rel, steps)]
    assert wrong == [], f"{len(wrong)} charts in the wrong form while resized from {width} px:\n" + "\n".join(wrong)


@pytest.mark.parametrize("view", VIEWS)
def test_no_chart_text_is_turned(survey, view):
    turned = _problems(survey(view), lambda p: p.startswith("turned text"))
    assert turned == [], f"{len(turned)} texts drawn at an angle at {view}:\n" + "\n".join(turned)


@pytest.mark.parametrize("view", ["375-light", "375-dark"])
def test_phone_plots_keep_half_the_chart(survey, view):
    narrow = _problems(survey(view), lambda p: p.startswith("narrow plot"))
    assert narrow == [], f"{len(narrow)} phone plots under half their chart at {view}:\n" + "\n".join(narrow)


def _labels(found: dict) -> dict[str, list[str]]:
    return {f"{rel}#{c['id']}": c["labels"] for rel, (charts, _) in found.items() for c in charts}


def test_a_phone_shows_every_data_label_of_the_desktop_chart(survey):
    """The pledge's reported counts once went from 4 labels on a desktop to none on a phone."""
    desktop, phone = _labels(survey("1280-light")), _labels(survey("375-light"))
    lost = [f"{fid}: {len(desktop[fid])} labels on a desktop, {len(phone.get(fid, []))} on a phone "
            f"({desktop[fid]} -> {phone.get(fid, [])})"
            for fid in desktop if fid.split("#")[1] not in OPEN and len(phone.get(fid, [])) < len(desktop[fid])]
    assert lost == [], "data labels lost on phones:\n" + "\n".join(lost)


def test_every_chart_is_drawn_in_its_phone_form_on_a_phone(survey):
    """Every chart ships a phone form (stories.charts.present), and a phone draws it."""
    forms = {f"{rel}#{c['id']}": c["form"] for rel, (charts, _) in survey("375-light").items() for c in charts}
    assert {f for f in forms.values()} == {"phone"}, [k for k, f in forms.items() if f != "phone"]
    desk = {c["form"] for charts, _ in survey("1280-light").values() for c in charts}
    assert desk == {"desktop"}


def test_every_chart_page_is_surveyed(survey, built_site):
    """Control: the survey reaches every chart of the book, not a few."""
    from bs4 import BeautifulSoup

    from liberal_crisis.site.shots import chart_pages

    expected = set()
    for rel in chart_pages(built_site):
        page = BeautifulSoup((built_site / rel).read_text(encoding="utf-8"), "html.parser")
        expected |= {f"{rel}#{fig['id']}" for fig in page.select("figure.lc-figure")}
    measured = {f"{rel}#{c['id']}" for rel, (charts, _) in survey("375-light").items() for c in charts}
    assert measured == expected and len(expected) >= 20


# --- Controls: the probe sees what a reader would see ----------------------------------------

def test_the_probe_catches_a_legend_on_the_tick_labels_and_a_title_past_the_edge(browser, site_url):
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/toronto-st-pauls.html")
    clean = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}
    assert clean["fig-toronto-st-pauls-shares"] == []
    tab.evaluate("""() => Plotly.relayout(document.querySelector('#fig-toronto-st-pauls-shares .lc-chart'),
        {'legend.yref': 'paper', 'legend.y': -0.06, 'legend.yanchor': 'top',
         'title.text': 'A title much too long for one line: ' + 'it goes on and on '.repeat(8)})""")
    found = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}["fig-toronto-st-pauls-shares"]
    assert any(p.startswith("overlap: x tick") and "legend" in p for p in found), found
    assert any(p.startswith("outside the chart: title") for p in found), found
    tab.close()


def test_the_probe_catches_two_labels_that_touch_end_to_end(browser, site_url):
    """Two texts whose boxes overlap by 1 px read as one ("Seats wonMajority: 172", the
    aftermath seats chart on phones): caught, and 3 px apart they are not."""
    tab = open_view(browser, *VIEWS["375-light"])
    load(tab, f"{site_url}/book/aftermath.html")
    # Put "Neighbour" so that its text starts ``inside`` px before "Touching" ends (negative:
    # after), measured on the drawn texts (an annotation pads its text).
    place = """async (inside) => {
        const el = document.querySelector('#fig-aftermath-seats-2021-2025 .lc-chart');
        const probe = {text: 'Touching', xref: 'paper', yref: 'paper', x: 0, y: 0.5,
                       xanchor: 'left', showarrow: false, font: {size: 12}};
        const notes = (el.layout.annotations || []).filter(a => !['Touching', 'Neighbour'].includes(a.text));
        let x = 0.5;
        for (let i = 0; i < 3; i++) {
          await Plotly.relayout(el, {annotations: [...notes, probe, {...probe, text: 'Neighbour', x}]});
          const rect = t => [...el.querySelectorAll('.annotation text')].find(e => e.textContent === t)
                              .getBoundingClientRect();
          const shift = (rect('Touching').right - inside) - rect('Neighbour').left;
          x += shift / el._fullLayout._size.w;
        }
    }"""
    tab.evaluate(place, 1)  # the second starts 1 px inside the first
    found = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}["fig-aftermath-seats-2021-2025"]
    assert any(p.startswith("overlap:") and "Touching" in p and "Neighbour" in p for p in found), found
    tab.evaluate(place, -3)  # 3 px apart
    found = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}["fig-aftermath-seats-2021-2025"]
    assert not any("Touching" in p and "Neighbour" in p for p in found), found
    tab.close()


def test_the_probe_catches_a_line_through_a_label(browser, site_url):
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/confidence.html")
    # The first chart's bar labels sit at the foot of the bars; a line through them is caught.
    tab.evaluate("""() => Plotly.relayout(document.querySelector('#fig-confidence-tallies .lc-chart'),
        {shapes: [{type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 6, y1: 6, line: {width: 2}}]})""")
    found = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}["fig-confidence-tallies"]
    assert any(p.startswith("a reference line through bar label") for p in found), found
    tab.close()


def test_the_probe_catches_a_dotted_line_that_grazes_a_label(browser, site_url):
    """A dotted trace line 1.5 px left of a bar label's box (the signatories' line once ran
    that close to "23 MPs (15%): met") reads as struck through the label: caught."""
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/the-pledge.html")
    clean = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}
    assert clean["fig-the-pledge-thresholds"] == []
    tab.evaluate("""() => {
        const el = document.querySelector('#fig-the-pledge-thresholds .lc-chart');
        const label = [...el.querySelectorAll('.annotation text')].find(t => t.textContent.includes('met'));
        const xa = el._fullLayout.xaxis;
        const px = label.getBoundingClientRect().left - el.querySelector('.main-svg').getBoundingClientRect().left
                   - xa._offset - 1.5;
        const ys = el.data[0].y;
        return Plotly.addTraces(el, {x: [xa.p2d(px), xa.p2d(px)], y: [ys[0], ys[ys.length - 1]],
                                     mode: 'lines', line: {dash: 'dot', width: 3}, showlegend: false});
    }""")
    found = {c["id"]: c["problems"] for c in tab.evaluate(LAYOUT_PROBE)}["fig-the-pledge-thresholds"]
    assert any(p.startswith("a line of the chart through annotation") and "met" in p for p in found), found
    tab.close()


def test_the_resize_check_catches_a_chart_that_loses_height(browser, site_url):
    """Control: a chart drawn again shorter after a resize and back is caught. (The bug this
    guarded, a container shorter than its figure, is gone with plotly's responsive mode: a
    chart is now drawn again from its figure when its width changes, so here its figure is made
    shorter, 420 px under a 500 px chart, before the window moves.)"""
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/the-pledge.html")
    before = tab.evaluate(CHART_HEIGHTS)["fig-the-pledge-thresholds"]
    tab.evaluate("""() => {
        const el = document.querySelector('#fig-the-pledge-thresholds .lc-chart');
        for (const s of document.querySelectorAll(`script[data-target="${el.id}"]`)) {
            const fig = JSON.parse(s.textContent);
            fig.layout.height = 420;
            s.textContent = JSON.stringify(fig);
        }
    }""")
    after = resize_and_back(tab, *WIDTHS[1280][1])["fig-the-pledge-thresholds"][-1]
    assert before == 500 and after < before, (before, after)
    tab.close()


def test_the_probe_catches_turned_text_a_narrow_plot_and_lost_labels(browser, site_url):
    """Controls for the three phone checks, on the pledge's reported counts at 375 px: its four
    labels ("at least 20", "30 to 40", "24", "about 20") counted; then its ticks turned, its
    right margin widened to 70 % of the chart and its labels hidden (what the old browser
    heuristic did) are each caught."""
    tab = open_view(browser, *VIEWS["375-light"])
    load(tab, f"{site_url}/book/the-pledge.html")
    fid = "fig-the-pledge-reported-counts"
    clean = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]
    assert clean["form"] == "phone" and clean["problems"] == []
    assert sorted(clean["labels"]) == sorted(["at least 20", "30 to 40", "24", "about 20"])
    assert clean["plot"] >= clean["width"] / 2
    tab.evaluate(f"""() => {{
        const el = document.querySelector('#{fid} .lc-chart');
        const hide = Object.fromEntries(el.layout.annotations.map((a, i) => [`annotations[${{i}}].visible`, false]));
        return Plotly.relayout(el, {{'xaxis.tickangle': -45, 'margin.r': Math.round(0.7 * el.clientWidth), ...hide}});
    }}""")
    found = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]
    assert any(p.startswith("turned text (-45°): x tick") for p in found["problems"]), found["problems"]
    assert any(p.startswith("narrow plot:") for p in found["problems"]), found["problems"]
    assert found["labels"] == []
    tab.close()


def test_a_level_axis_title_is_not_counted_as_a_data_label(browser, site_url):
    """Control: the confidence tallies' value axis title ("Members of Parliament voting") is an
    annotation set level over the plot; it is text of the chart, but not one of its 8 bar
    values."""
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/confidence.html")
    chart = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}["fig-confidence-tallies"]
    assert len(chart["labels"]) == 8 and "Members of Parliament voting" not in chart["labels"]
    texts = tab.evaluate("() => [...document.querySelectorAll('#fig-confidence-tallies .annotation text')].map(t => t.textContent)")
    assert "Members of Parliament voting" in texts
    tab.close()



def test_the_probe_catches_a_data_line_through_a_label_and_text_over_a_bar(browser, site_url):
    """Controls: a note put on a poll line (the lines are curves, not the straight reference
    lines), and one put across the end of the Liberal bar of the aftermath's seats."""
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/national-picture.html")
    fid = "fig-national-picture-polls"
    assert not [p for p in {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
                if "data line" in p]
    tab.evaluate(f"""() => {{
        const el = document.querySelector('#{fid} .lc-chart');
        const line = el.data.find(t => t.mode === 'lines' && t.line && t.line.width > 1);
        const i = Math.floor(line.x.length / 2);
        return Plotly.relayout(el, {{annotations: [...(el.layout.annotations || []),
            {{x: line.x[i], y: line.y[i], text: 'ON THE LINE', showarrow: false}}]}});
    }}""")
    found = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
    assert any(p.startswith("a data line through annotation \"ON THE LINE") for p in found), found
    load(tab, f"{site_url}/book/aftermath.html")
    fid = "fig-aftermath-seats-2021-2025"
    assert not [p for p in {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
                if p.startswith("text over a bar")]
    tab.evaluate(f"""() => {{
        const el = document.querySelector('#{fid} .lc-chart');
        return Plotly.relayout(el, {{annotations: [...(el.layout.annotations || []),
            {{x: el.data[1].x[0], y: el.data[1].y[0], text: 'ON THE BAR', showarrow: false}}]}});
    }}""")
    found = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
    assert any(p.startswith("text over a bar: annotation \"ON THE BAR") for p in found), found
    tab.close()


def test_the_probe_catches_a_broken_number_and_a_badge_cut_at_the_edge(browser, site_url):
    """Controls: the aftermath's row label broken as it was ("Conservative: 119" / "→ 144"),
    and the poll chart's badges clipped again with the plot ending at the last one."""
    tab = open_view(browser, *VIEWS["375-light"])
    load(tab, f"{site_url}/book/aftermath.html")
    fid = "fig-aftermath-seats-2021-2025"
    tab.evaluate(f"""() => {{
        const el = document.querySelector('#{fid} .lc-chart');
        return Plotly.relayout(el, {{'yaxis.ticktext': el.layout.yaxis.ticktext.map(
            (t, i) => i === 1 ? 'Conservative: 119<br>→ 144' : t)}});
    }}""")
    found = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
    assert any(p.startswith('a number broken across lines: y tick "Conservative: 119 / → 144"')
               for p in found), found
    load(tab, f"{site_url}/book/national-picture.html")
    fid = "fig-national-picture-polls"
    clean = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
    assert not [p for p in clean if p.startswith("cut at the plot")], clean
    tab.evaluate(f"""() => {{
        const el = document.querySelector('#{fid} .lc-chart');
        const i = el.data.findIndex(t => t.name === 'Events');
        const last = el.data[i].x[el.data[i].x.length - 1];
        return Plotly.restyle(el, {{cliponaxis: true}}, [i])
            .then(() => Plotly.relayout(el, {{'xaxis.range[1]': last}}));
    }}""")
    found = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}[fid]["problems"]
    assert any(p.startswith("cut at the plot's edge") for p in found), found
    tab.close()


def test_the_resize_check_catches_a_chart_past_its_column_and_one_left_in_its_form(browser, site_url):
    """Controls for the two resize checks: on the pledge page at 1280 px, a chart drawn 1,500 px
    wide is past its column (and the page scrolls sideways); with its phone form taken out of
    the page, a chart narrowed to a phone stays in its desktop form, and is caught."""
    tab = open_view(browser, *VIEWS["1280-light"])
    load(tab, f"{site_url}/book/the-pledge.html")
    fid = "fig-the-pledge-thresholds"
    steps = resize_steps(tab, RESIZE_PROBE, {"width": 375, "height": 740})
    assert past_the_column("p", steps) == [] and wrong_form("p", steps) == []
    assert [step["charts"][fid]["form"] for step in steps] == ["desktop", "phone", "desktop"]
    tab.evaluate(f"""() => {{
        document.querySelector('script.lc-chart-phone[data-target="' +
                               document.querySelector('#{fid} .lc-chart').id + '"]').remove();
        return Plotly.relayout(document.querySelector('#fig-the-pledge-reported-counts .lc-chart'),
                               {{autosize: false, width: 1500}});
    }}""")
    wide = past_the_column("p", [tab.evaluate(RESIZE_PROBE)])
    assert any(p.startswith("p#fig-the-pledge-reported-counts: ") for p in wide), wide
    assert any(p.startswith("p: scrolls sideways") for p in wide), wide
    steps = resize_steps(tab, RESIZE_PROBE, {"width": 375, "height": 740})
    assert any(p.startswith(f"p#{fid}: desktop form at ") for p in wrong_form("p", steps)), steps
    tab.close()
