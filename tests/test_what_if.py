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
    upto = next(i for i, c in enumerate(code) if "whatif_assumed_lpc =" in c.source)
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
