"""The LaSalle–Émard–Verdun chapter's module: the span of the ballot files."""

from __future__ import annotations

from conftest import REPO
from liberal_crisis.stories import lasalle_emard_verdun


def test_the_ballot_files_run_from_confederation_to_the_latest_by_election():
    first, last = lasalle_emard_verdun.ballot_files_span(REPO / "data")
    # data/raw/parlinfo/general_elections/1867-08-07.csv is the first general-election file;
    # the latest Election_Date in the by-election files is Battle River–Crowfoot's (Alberta.csv).
    assert (first, last) == ("1867-08-07", "2025-08-18")
