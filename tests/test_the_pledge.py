"""The pledge chapter's module: figures typed from data/*.csv, never from the code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import caucus_story, the_pledge


@pytest.fixture(scope="module")
def numbers():
    members = the_pledge.caucus_size(data.load("caucus_size"))
    ranges = caucus_story.pledge_ranges(data.load("pledge_reports"), members)
    rules = data.load("leadership_rules")
    table = the_pledge.thresholds(rules, members, 24)
    return the_pledge.prose_numbers(ranges, table, rules, members, data.load("timeline"))


def test_the_counts_against_the_caucus(numbers):
    # caucus_size.csv: 153 Liberal MPs on 2024-10-12; pledge_reports.csv: CBC at least 20 signed
    # and the Star 30 to 40 willing on 11 October, 24 signed and 20 urging on 23 October;
    # 24 / 153 = 15.69 %.
    assert numbers["pledge_caucus"] == "153"
    assert (numbers["pledge_cbc_floor"], numbers["pledge_star_low"],
            numbers["pledge_star_high"]) == ("20", "30", "40")
    assert (numbers["pledge_signed"], numbers["pledge_urged"]) == ("24", "20")
    assert numbers["pledge_signed_pct"] == "15.7"


def test_the_thresholds_for_a_caucus_of_153(numbers):
    # leadership_rules.csv: the UK Conservatives' 15 % (22.95 MPs: 23), the Reform Act's 20 % for
    # a review (30.6: 31, 7 more than 24) and more than half to remove (77); seven rules in all.
    assert (numbers["pledge_uk_pct"], numbers["pledge_uk_needed"]) == ("15", "23")
    assert (numbers["pledge_reform_review_pct"], numbers["pledge_reform_review_needed"],
            numbers["pledge_reform_review_short"]) == ("20", "31", "7")
    assert numbers["pledge_reform_remove_needed"] == "77"
    assert numbers["pledge_n_rules"] == "7"


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(pledge_\w+)`",
                          (REPO / "book" / "the-pledge.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
