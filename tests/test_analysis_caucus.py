"""Hand-worked tests for liberal_crisis.analysis.caucus."""
import numpy as np
import pandas as pd
import pytest

from liberal_crisis.analysis.caucus import threshold_table

RULES = pd.DataFrame({
    "system": ["toy", "toy", "toy"],
    "rule": ["fifteen", "twenty", "no number"],
    "threshold_pct": [15.0, 20.0, np.nan],
    "threshold_basis": ["caucus", "caucus", "caucus"],
})


def test_24_of_153():
    t = threshold_table(153, 24, RULES).set_index("rule")
    # 15% of 153 = 22.95 -> 23 needed; 24 >= 23 reached, shortfall 0
    assert t.loc["fifteen", "mps_needed"] == 23
    assert bool(t.loc["fifteen", "reached"]) is True
    assert t.loc["fifteen", "shortfall"] == 0
    # 20% of 153 = 30.6 -> 31 needed; 24 < 31 not reached, shortfall 7
    assert t.loc["twenty", "mps_needed"] == 31
    assert bool(t.loc["twenty", "reached"]) is False
    assert t.loc["twenty", "shortfall"] == 7
    # 24 / 153 = 15.686...%
    assert t.loc["twenty", "signatories_share_pct"] == pytest.approx(15.686, abs=1e-3)
    # rule without a number: NA, input columns kept
    assert pd.isna(t.loc["no number", "mps_needed"]) and pd.isna(t.loc["no number", "reached"])
    assert "threshold_basis" in t.columns


def test_exact_threshold_not_inflated_by_float_noise():
    # 7% of 100 is exactly 7 (naively 0.07*100 = 7.000000000000001 -> ceil 8)
    t = threshold_table(100, 7, pd.DataFrame({"rule": ["seven"], "threshold_pct": [7.0]}))
    assert t["mps_needed"].iloc[0] == 7
    assert bool(t["reached"].iloc[0]) is True
    # 17.6% of 375 is exactly 66 (17.6 * 375 / 100 = 66.00000000000001 in floating point)
    t = threshold_table(375, 65, pd.DataFrame({"rule": ["odd"], "threshold_pct": [17.6]}))
    assert t["mps_needed"].iloc[0] == 66 and t["shortfall"].iloc[0] == 1


def test_rounded_two_thirds_with_tolerance():
    rules = pd.DataFrame({"rule": ["two thirds"], "threshold_pct": [66.67]})
    # 66.67 / 100 * 153 = 102.0051 -> 103 at face value ...
    assert threshold_table(153, 102, rules)["mps_needed"].iloc[0] == 103
    # ... but two-thirds of 153 is exactly 102; tol_mps=0.01 absorbs the rounding of 66.67
    t = threshold_table(153, 102, rules, tol_mps=0.01)
    assert t["mps_needed"].iloc[0] == 102 and bool(t["reached"].iloc[0]) is True


def test_bad_inputs():
    with pytest.raises(ValueError):
        threshold_table(0, 0, RULES)
    with pytest.raises(ValueError):
        threshold_table(10, 11, RULES)
