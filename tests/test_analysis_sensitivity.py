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


# --- thresholds worked by hand on small maps (shares in %, uniform changes in points) --------

def test_a_seat_held_only_early_and_one_won_only_late_are_never_held_together():
    # Riding 1: A 60, B 40 (C did not stand); riding 2: A 45, C 55 (B did not stand).
    # Changes: A -60, B -10, C -80 points.
    #   riding 1: A leads while 60 - 60f > 40 - 10f, i.e. f < 0.4; B after that.
    #   riding 2: A leads once 45 - 60f > 55 - 80f, i.e. f > 0.5 (and while 45 - 60f > 0).
    toy = long([(1, "A", 600), (1, "B", 400), (2, "A", 450), (2, "C", 550)])
    before = pd.Series({"A": 70.0, "B": 20.0, "C": 10.0})
    after = pd.Series({"A": 10.0, "B": 10.0, "C": -70.0})  # C: 10 -> -70, a change of -80
    assert threshold_fraction(toy, before, after, "A", 1) == 0.0
    assert math.isnan(threshold_fraction(toy, before, after, "A", 2))
    assert threshold_fraction(toy, before, after, "B", 1) == pytest.approx(0.4)
    assert threshold_fraction(toy, before, after, "C", 1) == 0.0
    assert math.isnan(threshold_fraction(toy, before, after, "GPC", 1))  # stood nowhere


def test_a_tie_that_never_breaks_is_never_a_lead_and_nothing_warns():
    import warnings

    toy = long([(1, "A", 500), (1, "B", 500), (2, "A", 300), (2, "B", 700)])
    before = pd.Series({"A": 50.0, "B": 50.0})
    after = pd.Series({"A": 55.0, "B": 55.0})  # both +5: the tie in riding 1 stays a tie
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert math.isnan(threshold_fraction(toy, before, after, "A", 1))
        assert threshold_fraction(toy, before, after, "B", 1) == 0.0  # riding 2
        assert math.isnan(threshold_fraction(toy, before, after, "B", 2))
    assert [str(w.message) for w in caught] == []


def test_a_small_candidate_and_a_party_new_at_the_by_election():
    # Riding 1: A 60, B 39.5, C 0.5 (C stood, with 10 votes of 2000). C did not stand in the
    # by-election's "before" and took 70% after: a change of +70 points; A -40, B -30.
    # C leads once 0.5 + 70f > 60 - 40f, i.e. f > 59.5 / 110 (and beats B from f > 0.39).
    toy = long([(1, "A", 1200), (1, "B", 790), (1, "C", 10)])
    before = pd.Series({"A": 60.0, "B": 40.0})
    after = pd.Series({"A": 20.0, "B": 10.0, "C": 70.0})
    assert threshold_fraction(toy, before, after, "C", 1) == pytest.approx(59.5 / 110)
    change = scaled_change(before, after, 0.5)
    assert change.to_dict() == {"A": -20.0, "B": -15.0, "C": 35.0} and change.name == "change"
    assert scaled_change(before, after, 0.5, "proportional").name == "ratio"


def test_proportional_leaves_a_party_absent_from_the_by_election_unchanged():
    # Riding 1: A 45, B 40, C 15; the by-election had A and B only (ratios 0.8 and 1.2).
    # B leads once 40 (1 + 0.2f) > 45 (1 - 0.2f), i.e. f > 5 / 17; C stays at 15.
    toy = long([(1, "A", 450), (1, "B", 400), (1, "C", 150)])
    got = threshold_fraction(toy, BEFORE, AFTER, "B", 1, method="proportional")
    assert got == pytest.approx(5 / 17)
    assert math.isnan(threshold_fraction(toy, BEFORE, AFTER, "C", 1, method="proportional"))


def test_a_lead_of_under_a_point_that_both_keep_is_a_lead_throughout():
    # Riding 1: A 50.5, B 49.5; both move by the same +2 points: A leads at every fraction.
    toy = long([(1, "A", 505), (1, "B", 495)])
    assert threshold_fraction(toy, pd.Series({"A": 40.0, "B": 40.0}),
                              pd.Series({"A": 42.0, "B": 42.0}), "A", 1) == 0.0


def test_a_slow_swing_of_half_a_point_is_followed():
    # Riding 1: A 50.25, B 49.75; A -0.5, B +0.5 point: the gap of 0.5 closes at f = 0.5.
    toy = long([(1, "A", 5025), (1, "B", 4975)])
    before = pd.Series({"A": 50.0, "B": 50.0})
    after = pd.Series({"A": 49.5, "B": 50.5})
    assert threshold_fraction(toy, before, after, "B", 1) == pytest.approx(0.5)


def test_a_party_that_stood_only_in_the_by_election_cannot_win_a_riding_it_did_not_contest():
    toy = long([(1, "A", 600), (1, "B", 400)])
    before = pd.Series({"A": 60.0, "B": 40.0})
    after = pd.Series({"A": 5.0, "B": 5.0, "C": 90.0})  # C: +90 points where it stood
    assert math.isnan(threshold_fraction(toy, before, after, "C", 1))
    assert math.isnan(threshold_fraction(toy, before, after, "C", 1, method="proportional"))


def test_the_errors_say_what_was_asked():
    with pytest.raises(ValueError, match="^fraction must be between 0 and 1, not 1.5$"):
        scaled_change(BEFORE, AFTER, 1.5)
    message = "^method must be 'uniform' or 'proportional', not 'cube'$"
    with pytest.raises(ValueError, match=message):
        scaled_change(BEFORE, AFTER, 0.5, "cube")
    with pytest.raises(ValueError, match=message):
        threshold_fraction(TOY, BEFORE, AFTER, "B", 1, method="cube")


# Uniform and proportional part where a party's share is small: A falls 10 points (uniform)
# or a fifth of its share (proportional). Riding 1: A 30, B 10, C 22, E 19, F 19 (C, E, F did
# not stand in the by-election). Uniform at 1: A 20, B 20, C 22: C. Proportional at 1: A 24,
# B 12, C 22: A.
PARTED = pd.DataFrame({"riding": ["One"] * 5, "party_code": ["A", "B", "C", "E", "F"],
                       "votes": [300, 100, 220, 190, 190]})


def test_sensitivity_follows_the_method_the_parties_and_the_riding_column():
    uniform = sensitivity(PARTED, BEFORE, AFTER, [0.0, 1.0], parties=["A", "C"], by="riding")
    assert uniform.values.tolist() == [[0.0, "A", 1], [0.0, "C", 0], [1.0, "A", 0], [1.0, "C", 1]]
    prop = sensitivity(PARTED, BEFORE, AFTER, [1.0], method="proportional", by="riding")
    assert prop.values.tolist() == [[1.0, "A", 1]]
    assert threshold_fraction(PARTED, BEFORE, AFTER, "C", 1, by="riding") == pytest.approx(0.8)
