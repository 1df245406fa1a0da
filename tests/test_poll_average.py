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


# --- edges of the smoother, and the helpers the chapters read figures from ------------------

D = pd.Timestamp("2024-09-01")


def days(*n):
    return [D + pd.Timedelta(days=k) for k in n]


def test_level_and_bandwidth_must_be_inside_their_range():
    dates, values = days(0, 1, 2), [30.0, 31.0, 32.0]
    for level in (0, 1, 1.5, -0.1):
        with pytest.raises(ValueError, match=f"^level must be between 0 and 1, not {level}$"):
            pa.smooth(dates, values, dates, level=level)
    for bandwidth in (0, -3):
        with pytest.raises(ValueError, match=f"^bandwidth_days must be positive, not {bandwidth}$"):
            pa.smooth(dates, values, dates, bandwidth_days=bandwidth)
    with pytest.raises(ValueError, match="^dates and values differ in length$"):
        pa.smooth(dates, values[:2], dates)
    # A bandwidth under a day is allowed (and a level just inside the range).
    curve = pa.smooth(dates, values, dates, bandwidth_days=0.5, level=0.5, min_polls=0.5)
    assert curve["estimate"].tolist() == pytest.approx([30.0, 31.0, 32.0])


def test_no_polls_gives_an_empty_curve_with_every_column():
    curve = pa.smooth(days(0, 3), [np.nan, np.nan], days(0, 5))
    assert curve.columns.tolist() == ["date", "estimate", "lower", "upper", "polls_equiv"]
    assert curve["date"].tolist() == days(0, 5)
    assert curve[["estimate", "lower", "upper"]].isna().all().all()
    assert curve["polls_equiv"].tolist() == [0.0, 0.0]


def test_one_poll_is_its_own_average_where_it_counts_enough():
    curve = pa.smooth(days(0), [31.5], days(0, 14), min_polls=1)
    assert curve["polls_equiv"].tolist() == pytest.approx([1.0, np.exp(-0.5)])
    assert curve["estimate"].iloc[0] == pytest.approx(31.5)
    assert curve[["lower", "upper"]].iloc[0].tolist() == pytest.approx([31.5, 31.5])
    assert np.isnan(curve["estimate"].iloc[1])


def test_polls_all_on_one_date_give_their_mean_without_a_warning():
    """No slope can be fitted: the average is the polls' mean, and no RuntimeWarning (which
    a chapter would print under its chart) is raised by the division by zero behind it."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        curve = pa.smooth(days(10, 10, 10, 10), [30.0, 33.0, 36.0, 33.0], days(10, 3, 17, 400),
                          min_polls=0)
    assert [str(w.message) for w in caught] == []
    assert curve["estimate"].iloc[:3].tolist() == pytest.approx([33.0, 33.0, 33.0])
    # Every re-draw is of the same date: each band end is a mean of four draws of the polls.
    assert 30.0 <= curve["lower"].iloc[0] < 33.0 < curve["upper"].iloc[0] <= 36.0


def test_missing_shares_in_a_nullable_column_are_dropped():
    values = pd.Series([30.0, None, 36.0, 31.0], dtype="Float64")
    with_gap = pa.smooth(days(0, 1, 4, 8), values, days(2))
    without = pa.smooth(days(0, 4, 8), [30.0, 36.0, 31.0], days(2))
    pd.testing.assert_frame_equal(with_gap, without)


def test_evaluation_dates_are_every_third_day_by_default():
    assert pa.evaluation_dates(pd.Series(days(0, 9))).tolist() == days(0, 3, 6, 9)
    assert pa.evaluation_dates(pd.Series(days(9, 0, 4))).tolist() == days(0, 3, 6, 9)
    # The last poll is added where the step does not land on it.
    assert pa.evaluation_dates(pd.Series(days(0, 10))).tolist() == days(0, 3, 6, 9, 10)
    assert pa.evaluation_dates(pd.Series(days(0, 10)), step_days=5).tolist() == days(0, 5, 10)


def curve_of(values, start=0, **columns):
    frame = pd.DataFrame({"date": days(*range(start, start + len(values))), "estimate": values})
    for name, col in columns.items():
        frame[name] = col
    return frame


def test_first_crossing_is_the_first_date_strictly_below_after_the_start():
    curve = curve_of([3.0, -1.0, 0.0, 0.5, -2.0, -3.0])
    assert pa.first_crossing(curve, after=D) == D + pd.Timedelta(days=1)
    # Not on the date itself: strictly after it; a value of exactly 0 is not below 0.
    assert pa.first_crossing(curve, after=D + pd.Timedelta(days=1)) == D + pd.Timedelta(days=4)
    # The default threshold is 0: 0.5 is not a crossing, though it is below 1.
    assert pa.first_crossing(curve, after=D + pd.Timedelta(days=2), below=1.0) == D + pd.Timedelta(days=3)
    assert pa.first_crossing(curve, after=D + pd.Timedelta(days=5)) is None
    # Another column: the upper end of the band.
    banded = curve_of([3.0, -1.0, -2.0], upper=[4.0, 0.5, -0.5])
    assert pa.first_crossing(banded, after=D, column="upper") == D + pd.Timedelta(days=2)


def test_peak_is_the_highest_estimate_inside_the_window_ends_included():
    curve = curve_of([5.0, 9.0, 4.0, 7.0, 8.0, 12.0], lower=[4.0, np.nan, 3.0, 6.0, 7.0, 11.0])
    curve.loc[2, "estimate"] = np.nan
    top = pa.peak(curve)
    assert top["date"] == D + pd.Timedelta(days=5) and top["estimate"] == 12.0
    # A row with an estimate but no band still counts (day 1, 9.0).
    assert pa.peak(curve, end=D + pd.Timedelta(days=3))["date"] == D + pd.Timedelta(days=1)
    assert pa.peak(curve, start=D + pd.Timedelta(days=3), end=D + pd.Timedelta(days=4))["estimate"] == 8.0
    assert pa.peak(curve, start=D + pd.Timedelta(days=4))["estimate"] == 12.0
    assert pa.peak(curve, start=D + pd.Timedelta(days=1), end=D + pd.Timedelta(days=2))["estimate"] == 9.0
    assert pa.peak(curve, start=D + pd.Timedelta(days=2), end=D + pd.Timedelta(days=3))["estimate"] == 7.0
    with pytest.raises(ValueError, match="^no smoothed estimate in the window$"):
        pa.peak(curve, start=D + pd.Timedelta(days=2), end=D + pd.Timedelta(days=2))


def test_value_at_takes_the_nearest_evaluation_date():
    curve = pd.DataFrame({"date": days(0, 3, 6), "estimate": [1.0, 2.0, 3.0]})
    assert pa.value_at(curve, D + pd.Timedelta(days=4))["estimate"] == 2.0
    assert pa.value_at(curve, D + pd.Timedelta(days=5))["estimate"] == 3.0
    assert pa.value_at(curve, "2024-08-01")["estimate"] == 1.0


def test_positive_run_counts_back_to_the_last_date_not_above_zero():
    # Above zero from day 2 to day 5; the Liberals pass on day 7.
    curve = curve_of([0.4, -0.2, 1.0, 2.0, 3.0, 0.1, -1.0, -2.0])
    run = pa.positive_run(curve, D + pd.Timedelta(days=6))
    assert run == {"start": D + pd.Timedelta(days=2), "end": D + pd.Timedelta(days=5),
                   "days": 4, "months": 0}
    # A missing estimate ends a run, like a value at or below zero.
    gap = curve_of([1.0, np.nan, 1.0, 1.0])
    assert pa.positive_run(gap, D + pd.Timedelta(days=4))["start"] == D + pd.Timedelta(days=2)
    zero = curve_of([1.0, 0.0, 1.0])
    assert pa.positive_run(zero, D + pd.Timedelta(days=3))["start"] == D + pd.Timedelta(days=2)
    # Above zero all along: the run starts at the curve's first date.
    assert pa.positive_run(curve, D + pd.Timedelta(days=1))["start"] == D
    # Another column.
    banded = curve_of([1.0, 1.0, 1.0], lower=[0.5, -0.5, 0.5])
    assert pa.positive_run(banded, D + pd.Timedelta(days=3), column="lower")["start"] == D + pd.Timedelta(days=2)


def test_positive_run_in_whole_months_of_a_twelfth_of_a_year():
    # A month is 365.25 / 12 = 30.44 days: 30 days is no month, 61 days two, 91 days still two.
    for length, months in ((30, 0), (31, 1), (61, 2), (91, 2), (92, 3), (366, 12)):
        curve = pd.DataFrame({"date": [D], "estimate": [1.0]})
        run = pa.positive_run(curve, D + pd.Timedelta(days=length))
        assert (run["days"], run["months"]) == (length, months)


def test_positive_run_fails_where_the_curve_is_not_above_zero_just_before():
    curve = curve_of([1.0, 2.0, -1.0])
    message = "^the curve is not above zero just before the given date$"
    with pytest.raises(ValueError, match=message):
        pa.positive_run(curve, D + pd.Timedelta(days=3))
    with pytest.raises(ValueError, match=message):
        pa.positive_run(curve, D)  # nothing before the first date


def test_smooth_parties_is_smooth_for_each_party_in_turn():
    long = pd.DataFrame({
        "end_date": days(0, 2, 5, 9, 0, 3, 5, 8),
        "party_code": ["LPC"] * 4 + ["CPC"] * 4,
        "share_pct": [30.0, 31.0, 29.0, 28.0, 40.0, 42.0, 41.0, 43.0],
    })
    at = days(0, 4, 8)
    both = pa.smooth_parties(long, ["CPC", "LPC"], at, min_polls=1)
    assert both.index.tolist() == list(range(6))
    assert both["party_code"].tolist() == ["CPC"] * 3 + ["LPC"] * 3
    for code, part in both.groupby("party_code"):
        rows = long[long["party_code"] == code]
        alone = pa.smooth(rows["end_date"], rows["share_pct"], at, min_polls=1)
        pd.testing.assert_frame_equal(part.drop(columns="party_code").reset_index(drop=True), alone)
    # Keyword arguments reach the smoother.
    narrow = pa.smooth_parties(long, ["LPC"], at, bandwidth_days=1, min_polls=0.1)
    assert narrow["estimate"].iloc[0] == pytest.approx(30.0, abs=0.1)


def test_a_date_far_from_every_poll_gives_no_band_and_no_warning():
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        curve = pa.smooth(days(0, 4, 8), [30.0, 31.0, 32.0], days(3650), min_polls=0)
    assert [str(w.message) for w in caught] == []
    assert curve["polls_equiv"].tolist() == [0.0]
    assert curve[["lower", "upper"]].isna().all().all()
