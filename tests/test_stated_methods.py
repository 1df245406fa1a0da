"""Every parameter the methods page states, pinned to the code that computes with it.

The methods page (book/methods.md) shows these values from the code's own constants; here each
constant is checked against the value and the formula the page states, typed in this file, and
the code's computation against a reference written independently here (by hand or with a
different numpy routine), so the prose, the constant and the computation cannot drift apart.
"""

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from liberal_crisis.analysis import house
from liberal_crisis.analysis import polls as pa
from liberal_crisis.data.derive import pooling

DAY0 = pd.Timestamp("2024-09-16")


# --- the poll smoother: a Gaussian kernel with a 14-day bandwidth ---------------------------

def test_the_stated_smoother_parameters():
    assert pa.KERNEL == "Gaussian"
    assert pa.BANDWIDTH_DAYS == 14
    assert pa.LEVEL == 0.9
    assert pa.N_BOOT == 400
    assert pa.SEED == 20241216
    assert pa.MIN_POLLS == 3


@pytest.mark.parametrize("days, weight", [
    (0, 1.0),
    (7, math.exp(-0.5 * 0.25)),    # half a bandwidth: exp(-1/8) = 0.8825
    (-14, math.exp(-0.5)),         # one bandwidth, either side: exp(-1/2) = 0.6065
    (28, math.exp(-2.0)),          # two bandwidths: exp(-2) = 0.1353
    (42, math.exp(-4.5)),          # three: exp(-9/2) = 0.0111
])
def test_kernel_weight_is_the_stated_gaussian(days, weight):
    assert pa.kernel_weight(days) == pytest.approx(weight, rel=1e-12)


def test_a_poll_a_bandwidth_away_counts_about_0_6():
    # The module's own wording: "a poll on the date counts 1 and one a bandwidth away about 0.6".
    assert pa.kernel_weight(14) == pytest.approx(0.607, abs=5e-4)


def test_polls_worth_is_the_sum_of_the_stated_kernel_weights():
    """The smoother's own weights, as it reports them: polls 0, 7, 14 and 28 days away."""
    dates = [DAY0, DAY0 + pd.Timedelta(days=7), DAY0 - pd.Timedelta(days=14),
             DAY0 + pd.Timedelta(days=28)]
    curve = pa.smooth(dates, [30.0, 32.0, 29.0, 35.0], [DAY0])
    by_hand = 1 + math.exp(-1 / 8) + math.exp(-1 / 2) + math.exp(-2)  # 2.6243
    assert curve["polls_equiv"].iloc[0] == pytest.approx(by_hand, rel=1e-12)
    assert curve["polls_equiv"].iloc[0] == pytest.approx(2.6243, abs=1e-4)


def _local_linear_by_polyfit(days, values, x, counts=None, h=14.0):
    """The stated method written another way: a straight line fitted by weighted least squares
    (np.polyfit minimises the sum of (w_i * residual_i)², so w_i = sqrt(weight_i)), with
    Gaussian weights exp(-((t - x) / h)² / 2), read at x."""
    days, values = np.asarray(days, float), np.asarray(values, float)
    counts = np.ones_like(days) if counts is None else np.asarray(counts, float)
    weight = np.exp(-0.5 * ((days - x) / h) ** 2) * counts
    keep = weight > 0
    slope, intercept = np.polyfit(days[keep] - x, values[keep], 1, w=np.sqrt(weight[keep]))
    return intercept


# An irregular little poll series: 12 polls over two months, a dip in the middle.
POLL_DAYS = np.array([0, 3, 5, 9, 14, 15, 22, 27, 31, 38, 44, 52])
POLL_SHARES = np.array([31.0, 29.5, 30.2, 27.8, 26.9, 28.4, 25.1, 26.6, 27.9, 29.3, 30.8, 29.9])


def _dates(days):
    return [DAY0 + pd.Timedelta(days=int(d)) for d in days]


def test_estimate_is_the_stated_local_linear_fit():
    at_days = [0, 10, 20, 26, 40, 52]
    curve = pa.smooth(_dates(POLL_DAYS), POLL_SHARES, _dates(at_days))
    expected = [_local_linear_by_polyfit(POLL_DAYS, POLL_SHARES, x) for x in at_days]
    assert curve["estimate"].to_numpy() == pytest.approx(expected, abs=1e-9)


def test_a_different_bandwidth_gives_a_different_estimate():
    # The reference above is not blind to the bandwidth: 21 days moves the mid-series dip.
    at = [DAY0 + pd.Timedelta(days=22)]
    wide = pa.smooth(_dates(POLL_DAYS), POLL_SHARES, at, bandwidth_days=21)["estimate"].iloc[0]
    assert wide == pytest.approx(_local_linear_by_polyfit(POLL_DAYS, POLL_SHARES, 22, h=21))
    assert abs(wide - _local_linear_by_polyfit(POLL_DAYS, POLL_SHARES, 22)) > 0.1


def test_band_is_the_stated_bootstrap_with_the_stated_size_and_seed():
    """400 case re-draws with replacement, seed 20241216, each re-fitted; the band is the
    central 90% (the 5th and 95th percentiles) of the re-fits."""
    at_days = [5, 20, 35, 50]
    curve = pa.smooth(_dates(POLL_DAYS), POLL_SHARES, _dates(at_days))
    n = len(POLL_DAYS)
    rng = np.random.default_rng(20241216)
    draws = rng.multinomial(n, [1 / n] * n, size=400)
    for i, x in enumerate(at_days):
        refits = [_local_linear_by_polyfit(POLL_DAYS, POLL_SHARES, x, counts=c) for c in draws]
        lower, upper = np.quantile(refits, [0.05, 0.95])
        assert curve["lower"].iloc[i] == pytest.approx(lower, abs=1e-9)
        assert curve["upper"].iloc[i] == pytest.approx(upper, abs=1e-9)


def test_the_average_is_left_empty_below_three_polls_worth():
    # Three polls on one date: exactly 3 polls' worth there, drawn; a week later each counts
    # exp(-1/8), 2.65 in all, and nothing is drawn.
    week = pd.Timedelta(days=7)
    curve = pa.smooth([DAY0] * 3, [30.0, 33.0, 36.0], [DAY0, DAY0 + week])
    assert curve["polls_equiv"].tolist() == pytest.approx([3.0, 3 * math.exp(-1 / 8)])
    assert curve["estimate"].iloc[0] == pytest.approx(33.0)
    assert curve.loc[1, ["estimate", "lower", "upper"]].isna().all()


# --- the pooling threshold: candidates under one per cent ----------------------------------

def test_the_pooling_threshold_is_one_per_cent():
    assert pooling.MIN_SHARE == 1.0


def test_a_candidate_just_under_one_per_cent_is_pooled_and_one_at_it_is_not():
    # 10,000 valid votes: 99 votes is 0.99%, 100 votes is exactly 1%.
    rows = pd.DataFrame({"candidate": ["A", "B", "C", "D"],
                         "party_code": ["LPC", "CPC", "GRN", "RHN"],
                         "votes": [5_000, 4_801, 100, 99]})
    pooled = pooling.pool_small_candidates(rows)
    assert pooled["candidate"].tolist() == ["A", "B", "C", "Other candidates"]
    assert pooled["votes"].tolist() == [5_000, 4_801, 100, 99]


# --- the majority rule: more than half of the House ----------------------------------------

@pytest.mark.parametrize("seats, majority", [(338, 170), (343, 172), (308, 155), (2, 2), (1, 1)])
def test_majority_is_more_than_half(seats, majority):
    assert house.votes_to_carry(seats) == majority


def test_the_charts_draw_the_stated_smoother():
    """The lines the chapters draw (stories.poll_average) use the stated kernel and bandwidth:
    at each evaluation date, the polyfit reference with h = 14 days."""
    from liberal_crisis.stories import poll_average as pav

    long = pd.DataFrame({"end_date": _dates(POLL_DAYS), "party_code": "LPC",
                         "share_pct": POLL_SHARES})
    curve = pav.smoothed(long, ["LPC"])
    at_days = (curve["date"] - DAY0).dt.days.to_numpy()
    assert at_days.tolist() == list(range(0, 52, 3)) + [52]  # every third day, and the last poll
    expected = [_local_linear_by_polyfit(POLL_DAYS, POLL_SHARES, x) for x in at_days]
    assert curve["estimate"].to_numpy() == pytest.approx(expected, abs=1e-9)


# --- the methods page shows each of them from its constant ---------------------------------

METHODS = Path(__file__).resolve().parents[1] / "book" / "methods.md"
# The page's figures are computed in its module (liberal_crisis.stories.methods)
METHODS_CODE = METHODS.parents[1] / "src" / "liberal_crisis" / "stories" / "methods.py"


def _prose(text: str) -> str:
    """The page without its code cells (what is typed for readers)."""
    return re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)


def test_the_methods_page_takes_each_stated_parameter_from_its_constant():
    code = METHODS_CODE.read_text(encoding="utf-8")
    for name in ("pa.KERNEL", "pa.BANDWIDTH_DAYS", "pa.kernel_weight", "pa.LEVEL", "pa.N_BOOT",
                 "pa.SEED", "pa.MIN_POLLS", "pooling.MIN_SHARE", "derive_polls.TABLE_FROM",
                 "derive_polls.ELECTION_2025", "house.votes_to_carry"):
        assert name in code, f"the methods page's module does not compute with {name}"
    prose = _prose(METHODS.read_text(encoding="utf-8"))
    for typed in ("Gaussian", "14 days", "0.6", "90%", "400", "20241216", "one per cent",
                  "1 June 2024", "27 April 2025", "170", "172"):
        assert typed not in prose, f"{typed!r} is typed in the methods page's prose"


@pytest.mark.build
def test_the_methods_page_states_the_parameters(built_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built_site / "book" / "methods.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = " ".join(page.get_text(" ").split())
    for stated in ("each took under 1% of the vote", "170 of 338", "172 of 343",
                   "Polls ending before 1 June 2024", "from 1 June 2024 to 27 April 2025",
                   "weighted by a Gaussian kernel", "a bandwidth of 14 days",
                   "one a bandwidth away about 0.6 of a poll", "fewer than 3 polls",
                   "the central 90% of 400 re-fits", "seeded with 20241216"):
        assert stated in text, stated
