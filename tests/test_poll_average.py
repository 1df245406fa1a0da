"""The smoothed poll average and its bootstrap band, on synthetic polls with a known trend."""

import numpy as np
import pandas as pd
import pytest

from liberal_crisis.analysis import polls as pa

START = pd.Timestamp("2024-01-01")
DAYS = 540


def trend(day):
    """A known, smooth 'true' share: a slow rise and fall of about 8 points."""
    return 30 + 8 * np.sin(2 * np.pi * day / 720)


def synthetic(n_polls, seed, noise=2.5, gap=None):
    rng = np.random.default_rng(seed)
    day = np.sort(rng.uniform(0, DAYS, n_polls))
    if gap is not None:
        day = day[(day < gap[0]) | (day > gap[1])]
    dates = START + pd.to_timedelta(np.round(day), unit="D")
    values = trend(np.round(day)) + rng.normal(0, noise, len(day))
    return pd.Series(dates), pd.Series(values)


def interior_grid():
    return pd.date_range(START + pd.Timedelta(days=30), START + pd.Timedelta(days=DAYS - 30),
                         freq="10D")


def truth(grid):
    return trend((grid - START).days.to_numpy())


def test_estimate_recovers_the_trend():
    dates, values = synthetic(300, seed=1)
    grid = interior_grid()
    curve = pa.smooth(dates, values, grid)
    error = np.abs(curve["estimate"].to_numpy() - truth(grid))
    # Each poll is off by 2.5 points on average; the average is off by much less.
    assert error.mean() < 0.8
    assert error.max() < 2.0


def test_straight_trend_is_recovered_exactly_at_the_ends():
    dates = pd.Series(pd.date_range("2025-01-01", periods=40, freq="2D"))
    values = 20 + 0.25 * np.arange(40)  # no noise, steady rise
    curve = pa.smooth(dates, values, [dates.iloc[0], dates.iloc[-1]])
    assert curve["estimate"].tolist() == pytest.approx([20, 20 + 0.25 * 39])


def test_band_covers_the_trend_at_about_the_stated_rate():
    grid = interior_grid()
    true = truth(grid)
    inside = []
    for seed in range(60):
        dates, values = synthetic(200, seed=100 + seed)
        curve = pa.smooth(dates, values, grid, level=0.9, n_boot=300, seed=seed)
        inside.append((curve["lower"] <= true) & (true <= curve["upper"]))
    rate = np.concatenate(inside).mean()
    assert 0.82 <= rate <= 0.97, rate


def test_band_narrows_with_more_polls():
    grid = interior_grid()
    widths = {}
    for n in (100, 400):
        dates, values = synthetic(n, seed=7)
        curve = pa.smooth(dates, values, grid)
        widths[n] = (curve["upper"] - curve["lower"]).mean()
    # Four times the polls: about half the width (1/sqrt(4)); allow slack.
    assert widths[400] < 0.7 * widths[100]


def test_same_seed_same_band_and_other_seed_differs():
    dates, values = synthetic(120, seed=3)
    grid = interior_grid()
    a = pa.smooth(dates, values, grid, seed=5)
    b = pa.smooth(dates, values, grid, seed=5)
    c = pa.smooth(dates, values, grid, seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["upper"], c["upper"])


def test_nothing_drawn_inside_a_long_gap():
    dates, values = synthetic(300, seed=11, gap=(200, 290))
    inside = START + pd.Timedelta(days=245)
    outside = START + pd.Timedelta(days=120)
    curve = pa.smooth(dates, values, [inside, outside]).set_index("date")
    assert np.isnan(curve.loc[inside, ["estimate", "lower", "upper"]]).all()
    assert curve.loc[inside, "polls_equiv"] < pa.MIN_POLLS
    assert curve.loc[outside, ["estimate", "lower", "upper"]].notna().all()


def test_band_contains_the_estimate_and_missing_values_are_dropped():
    dates, values = synthetic(150, seed=2)
    values.iloc[::10] = np.nan
    curve = pa.smooth(dates, values, interior_grid()).dropna()
    assert (curve["lower"] <= curve["estimate"]).all()
    assert (curve["estimate"] <= curve["upper"]).all()


def test_house_effect_is_not_in_the_band():
    """A firm that adds 3 points to every poll shifts the average; the band does not warn."""
    dates, values = synthetic(300, seed=4)
    grid = interior_grid()
    biased = values + 3.0
    curve = pa.smooth(dates, biased, grid)
    covered = ((curve["lower"] <= truth(grid)) & (truth(grid) <= curve["upper"])).mean()
    assert covered < 0.2


def test_peak_and_first_crossing():
    dates = pd.Series(pd.date_range("2025-01-01", periods=90, freq="D"))
    lead = 20 - np.abs(np.arange(90) - 10) * 0.5  # peak of 20 on day 10, below 0 after day 50
    curve = pa.smooth(dates, lead, pa.evaluation_dates(dates, step_days=1), bandwidth_days=2,
                      min_polls=1)
    top = pa.peak(curve)
    assert abs((top["date"] - dates.iloc[10]).days) <= 2
    assert top["estimate"] == pytest.approx(20, abs=1.5)  # a kink is rounded off a little
    crossed = pa.first_crossing(curve, after=top["date"])
    assert abs((crossed - dates.iloc[50]).days) <= 2
    assert pa.first_crossing(curve, after=top["date"], below=-100) is None


def test_evaluation_dates_include_both_ends():
    dates = pd.Series(pd.to_datetime(["2025-01-01", "2025-01-11"]))
    grid = pa.evaluation_dates(dates, step_days=3)
    assert grid[0] == dates.iloc[0] and grid[-1] == dates.iloc[-1]


def test_bad_arguments_fail_loudly():
    dates, values = synthetic(20, seed=1)
    with pytest.raises(ValueError, match="level"):
        pa.smooth(dates, values, dates, level=90)
    with pytest.raises(ValueError, match="length"):
        pa.smooth(dates, values.iloc[:5], dates)
