"""Hand-worked tests for the sensitivity functions in liberal_crisis.analysis.projection."""
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from liberal_crisis.analysis.projection import (
    project, ratio_from, scaled_change, sensitivity, threshold_fraction,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def long(rows):
    return pd.DataFrame(rows, columns=["riding_number", "party_code", "votes"])


# Three ridings, two parties (shares in %, 1000 votes each):
#   riding 1: A 60, B 40;  riding 2: A 55, B 45;  riding 3: A 52, B 48.
# The by-election: A 50 -> 40, B 50 -> 60 (uniform: A -10, B +10; ratios A 0.8, B 1.2).
TOY = long([(1, "A", 600), (1, "B", 400), (2, "A", 550), (2, "B", 450),
            (3, "A", 520), (3, "B", 480)])
BEFORE = pd.Series({"A": 50.0, "B": 50.0})
AFTER = pd.Series({"A": 40.0, "B": 60.0})


def test_scaled_change_ends_are_exact():
    assert scaled_change(BEFORE, AFTER, 0.0).to_dict() == {"A": 0.0, "B": 0.0}
    assert scaled_change(BEFORE, AFTER, 1.0).to_dict() == {"A": -10.0, "B": 10.0}
    assert scaled_change(BEFORE, AFTER, 0.5).to_dict() == {"A": -5.0, "B": 5.0}
    assert scaled_change(BEFORE, AFTER, 0.0, "proportional").to_dict() == {"A": 1.0, "B": 1.0}
    # at 1 the ratio is exactly the by-election's ratio, bit for bit
    full = scaled_change(BEFORE, AFTER, 1.0, "proportional")
    assert full.to_dict() == ratio_from(AFTER, BEFORE).to_dict()
    # halfway: shares 45 and 55 -> ratios 0.9 and 1.1
    half = scaled_change(BEFORE, AFTER, 0.5, "proportional")
    assert half["A"] == pytest.approx(0.9) and half["B"] == pytest.approx(1.1)


def test_scaled_change_keeps_an_undefined_ratio_undefined():
    r = scaled_change(pd.Series({"A": 50.0}), pd.Series({"A": 40.0, "C": 10.0}), 0.5, "proportional")
    assert math.isnan(r["C"])  # C did not stand before: unchanged by proportional_swing


def test_scaled_change_rejects_a_fraction_outside_0_1():
    with pytest.raises(ValueError):
        scaled_change(BEFORE, AFTER, 1.5)


def test_toy_threshold_uniform():
    # B = 40 + 10f > A = 60 - 10f  <=> f > 1.0 (riding 1: never within the swing)
    # riding 2: 45 + 10f > 55 - 10f <=> f > 0.5; riding 3: 48 + 10f > 52 - 10f <=> f > 0.2
    # Two of three seats (a majority) from just above half the swing.
    assert threshold_fraction(TOY, BEFORE, AFTER, "B", 2) == pytest.approx(0.5)
    assert threshold_fraction(TOY, BEFORE, AFTER, "B", 1) == pytest.approx(0.2)
    assert math.isnan(threshold_fraction(TOY, BEFORE, AFTER, "B", 3))
    assert threshold_fraction(TOY, BEFORE, AFTER, "A", 3) == 0.0  # A has all three already


def test_toy_threshold_proportional():
    # ratios A 1 - 0.2f, B 1 + 0.2f. Riding 3: 48(1 + 0.2f) > 52(1 - 0.2f) <=> 20f > 4 <=> f > 0.2
    # riding 2: 45(1 + 0.2f) > 55(1 - 0.2f) <=> 20f > 10 <=> f > 0.5
    assert threshold_fraction(TOY, BEFORE, AFTER, "B", 2, "proportional") == pytest.approx(0.5)
    assert threshold_fraction(TOY, BEFORE, AFTER, "B", 1, "proportional") == pytest.approx(0.2)


def test_toy_sensitivity_counts_step_where_the_threshold_says():
    table = sensitivity(TOY, BEFORE, AFTER, [0.0, 0.1, 0.3, 0.6, 1.0], parties=["A", "B"])
    b = table[table["party_code"] == "B"].set_index("fraction")["seats"].to_dict()
    # riding 3 goes at f > 0.2, riding 2 at f > 0.5; at f = 1 riding 1 is a tie (50-50): no seat
    assert b == {0.0: 0, 0.1: 0, 0.3: 1, 0.6: 2, 1.0: 2}
    a = table[table["party_code"] == "A"].set_index("fraction")["seats"].to_dict()
    assert a == {0.0: 3, 0.1: 3, 0.3: 2, 0.6: 1, 1.0: 0}


def test_a_party_that_did_not_stand_cannot_lead():
    # C stood only in riding 1; a big gain cannot give it riding 2.
    votes = long([(1, "A", 500), (1, "C", 400), (1, "B", 100), (2, "A", 600), (2, "B", 400)])
    before, after = pd.Series({"A": 50.0, "B": 30.0, "C": 20.0}), pd.Series({"A": 10.0, "B": 30.0, "C": 60.0})
    # riding 1: C 40 + 40f > A 50 - 40f <=> f > 0.125; riding 2: C absent
    assert threshold_fraction(votes, before, after, "C", 1) == pytest.approx(0.125)
    assert math.isnan(threshold_fraction(votes, before, after, "C", 2))


def test_real_map_threshold_brackets_the_projection():
    """On the 338 ridings of 2021 the exact threshold agrees with the projection itself: a hair
    below it the Conservatives are short of a majority, a hair above they have one."""
    path = DATA / "ge2021_riding_votes.csv"
    votes = pd.read_csv(path)
    needed = votes["riding_number"].nunique() // 2 + 1
    before = pd.Series({"LPC": 49.0, "CPC": 25.0, "NDP": 20.0, "GPC": 6.0})
    after = pd.Series({"LPC": 40.0, "CPC": 42.0, "NDP": 12.0, "GPC": 6.0})
    for method in ("uniform", "proportional"):
        f = threshold_fraction(votes, before, after, "CPC", needed, method)
        assert 0 < f < 1
        below = project(votes, scaled_change(before, after, f - 1e-6, method), method)
        above = project(votes, scaled_change(before, after, min(1.0, f + 1e-6), method), method)
        assert below.get("CPC", 0) < needed <= above.get("CPC", 0), method
