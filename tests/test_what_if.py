"""The what-if chapter's assumptions cell: change it, Run All, and the prose and chart follow."""

from __future__ import annotations

import re

import nbformat
import pytest
from myst_nb.core.read import read_myst_markdown_notebook
from nbclient import NotebookClient

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import swing_illustrations, what_if

CHAPTER = REPO / "book" / "what-if.md"
PARTIES = ["LPC", "CPC", "BQ", "NDP", "GPC"]


@pytest.fixture(scope="module")
def inputs():
    ge2021 = data.load("ge2021_riding_votes")
    swings = swing_illustrations.byelection_swings(data.load("byelection_results_2024"), ge2021)
    return ge2021, swings


def test_the_whole_swing_is_the_chapters_illustration(inputs):
    ge2021, swings = inputs
    seats = swing_illustrations.seat_scenarios(ge2021, swings, parties=PARTIES)
    for riding in swings["riding"].unique():
        for method in what_if.METHODS:
            shown = seats[seats["scenario"] == f"{riding} ({method})"].set_index("party_code")
            assumed = what_if.assumed_seats(ge2021, swings, riding, method, 100, PARTIES)
            assert assumed.to_dict() == shown["seats"].loc[PARTIES].to_dict(), (riding, method)


def test_bad_assumptions_name_the_choices(inputs):
    ge2021, swings = inputs
    with pytest.raises(ValueError, match="METHOD must be one of"):
        what_if.assumed_seats(ge2021, swings, "Toronto--St. Paul's", "cube", 100, PARTIES)
    with pytest.raises(ValueError, match="SWING_FROM must be one of"):
        what_if.assumed_seats(ge2021, swings, "Toronto", "uniform", 100, PARTIES)


def _run_opening(assumptions: str | None) -> dict:
    """Run the chapter's assumptions cell (or a replacement) and the cells up to the one that
    sets the seat sentence's names; return those names."""
    notebook = read_myst_markdown_notebook(CHAPTER.read_text(encoding="utf-8"))
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "ASSUMPTIONS" in code[0].source, "what-if must open with its assumptions cell"
    if assumptions is not None:
        code[0].source = assumptions
    show = nbformat.v4.new_code_cell(
        "print(repr((whatif_assumed_swing, whatif_assumed_method, whatif_assumed_cpc, "
        "whatif_assumed_lpc)))")
    upto = next(i for i, c in enumerate(code) if "what_if.prose_numbers(" in c.source)
    notebook.cells = [*code[:upto + 1], show]
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(CHAPTER.parent)}}).execute()
    swing, method, cpc, lpc = eval(notebook.cells[-1].outputs[0]["text"])  # noqa: S307 - our repr
    return {"swing": swing, "method": method, "cpc": cpc, "lpc": lpc}


def test_changing_the_assumptions_changes_the_prose_seat_count():
    text = CHAPTER.read_text(encoding="utf-8")
    sentence = re.search(r"On \{eval\}`whatif_assumed_swing` swing the Conservatives would take "
                         r"\{eval\}`whatif_assumed_cpc`\s+seats by \{eval\}`whatif_assumed_method`"
                         r" swing and the Liberals \{eval\}`whatif_assumed_lpc`", text)
    assert sentence, "the seat sentence no longer shows the assumed seats"
    before = _run_opening(None)
    after = _run_opening('SWING_FROM = "Cloverdale--Langley City"\nMETHOD = "proportional"\n'
                         "SHARE_OF_SWING = 50\n")
    assert before["swing"] == "the Toronto–St. Paul's" and before["method"] == "uniform"
    assert after["swing"] == "50% of the Cloverdale–Langley City"
    assert after["method"] == "proportional"
    assert after["cpc"] != before["cpc"] and after["lpc"] != before["lpc"], (before, after)


# --- The chapter's computations (stories.what_if): figures typed from data/*.csv --------------

ASSUMED = ("Toronto--St. Paul's", "uniform", 100)  # the chapter's assumptions cell as committed


@pytest.fixture(scope="module")
def chapter():
    tables = {name: data.load(name) for name in what_if.TABLES}
    computed = what_if.compute(tables, *ASSUMED)
    return tables, computed, what_if.prose_numbers(tables, computed, *ASSUMED, REPO / "data")


def test_the_swings(chapter):
    _, _, numbers = chapter
    # ge2021_riding_votes.csv, riding 35090 (Toronto–St. Paul's): LPC 26429 of 53698 (49.22 %);
    # byelection_results_2024.csv: LPC 14932 of 36954 (40.41 %), a fall of 8.81 points
    assert numbers["whatif_tsp_lpc_fall"] == "8.8"
    assert (numbers["whatif_ridings"], numbers["whatif_majority_2021"]) == ("338", "170")


def test_the_defences_since_1993(chapter):
    _, _, numbers = chapter
    # byelections_since_1993.csv: 95 by-elections; 44 in seats the government held
    # (held_by_party = government_party), 8 of them won by another party, 3 in 2024; 34 were
    # Liberal defences, 7 of them lost
    assert numbers["whatif_n_byelections"] == "95"
    assert (numbers["whatif_defended"], numbers["whatif_lost"]) == ("44", "8")
    assert numbers["whatif_retained"] == "36"
    assert numbers["whatif_losses_2024"] == "3"
    assert (numbers["whatif_lpc_defended"], numbers["whatif_lpc_lost"]) == ("34", "7")
    # Windsor West, lost on 13 May 2002, Liberal since 1968 (held_since_basis: riding created)
    assert numbers["whatif_hold_top_lost"] == "Windsor West"
    assert numbers["whatif_hold_top_lost_since"] == "1968"
    assert numbers["whatif_hold_top_lost_date"] == "13 May 2002"


def test_the_projections_and_the_2025_result(chapter):
    _, _, numbers = chapter
    # seat_projections_2025.csv: CPC 212 on 21 July and 214 on 17 November 2024; LPC 195 and
    # CPC 122 on 6 April 2025; the last update 18 April 2025, LPC 189. ge2025_national.csv: 343
    # seats (a majority is 172), LPC 169, CPC 144
    assert (numbers["whatif_338_jul_cpc"], numbers["whatif_338_nov_cpc"]) == ("212", "214")
    assert (numbers["whatif_338_apr_lpc"], numbers["whatif_338_apr_cpc"]) == ("195", "122")
    assert (numbers["whatif_338_last"], numbers["whatif_338_last_lpc"]) == ("18 April 2025", "189")
    assert (numbers["whatif_2025_seats"], numbers["whatif_2025_majority"]) == ("343", "172")
    assert (numbers["whatif_2025_lpc"], numbers["whatif_2025_cpc"]) == ("169", "144")
    # data/raw/parlinfo/general_elections/: the first file is of 7 August 1867
    assert numbers["whatif_data_from"] == "7 August 1867"


def test_the_seats_chart_frame(chapter):
    tables, computed, _ = chapter
    drawn = what_if.seats_drawn(computed["base"], computed["scen_drawn"],
                                tables["ge2025_national"].set_index("party_code"))
    # the 2021 result, eight illustrations (four by-elections, two methods), the 2025 result
    assert drawn["label"].nunique() == 10
    last = drawn[drawn["method"] == "actual"].set_index("party_code")["seats"]
    assert last.to_dict() == {"LPC": 169, "CPC": 144, "BQ": 22, "NDP": 7, "GPC": 1}
    assert drawn["label"].iloc[-1] == "2025<br>result<br>(343 seats,<br>new map)"


def test_the_threshold_is_rounded_down():
    # "a little more than": 45.67 % is said as 45.6, never 45.7
    assert what_if.floor_pct(0.4567) == 45.6
    assert what_if.floor_pct(0.25) == 25.0


def test_every_name_the_prose_uses_is_computed(chapter):
    _, _, numbers = chapter
    used = set(re.findall(r"\{eval\}`(whatif_\w+)`", CHAPTER.read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
    assert all(isinstance(v, str) for v in numbers.values())


def test_line_end_labels_are_spread_a_line_apart():
    """Toronto–St. Paul's and Elmwood–Transcona end 6 seats apart (236, 230): their names move
    apart to 14 seats, the upper one up; a label already clear stays at its line's end."""
    from liberal_crisis.stories.what_if import spread

    assert spread({"a": 236, "b": 230, "c": 185, "d": 309}, 14) == {"c": 185, "b": 230, "a": 244, "d": 309}
    # the top two 2 apart at the top: pushed up past the highest end, then centred back down
    assert spread({"a": 100, "b": 102}, 10) == {"a": 96, "b": 106}


def test_the_sensitivity_charts_share_one_seat_range():
    from liberal_crisis.stories.what_if import seat_range

    assert seat_range([119, 309, 250]) == [100, 320]
    assert seat_range([120, 300]) == [110, 310]
