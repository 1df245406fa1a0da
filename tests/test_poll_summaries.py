"""Hand-worked tests for liberal_crisis.stories.poll_summaries (made-up polls)."""
import numpy as np
import pandas as pd
import pytest

from liberal_crisis.stories import poll_summaries as ps

T = pd.Timestamp

POLLS = pd.DataFrame({
    "poll_id": ["a", "b", "c", "d"],
    "pollster": ["P1", "P2", "P1", "P3"],
    "end_date": [T("2024-01-05"), T("2024-01-20"), T("2024-03-10"), T("2024-03-12")],
})
SHARES = pd.DataFrame({
    "poll_id": ["a", "a", "a", "b", "b", "c", "c", "d", "d"],
    "party_code": ["LPC", "CPC", "OTH", "LPC", "CPC", "LPC", "CPC", "CPC", "NDP"],
    "share_pct": [30.0, 40.0, 5.0, 26.0, 44.0, 25.0, 35.0, 41.0, 20.0],
})


def long():
    return ps.poll_long(POLLS, SHARES, parties=["LPC", "CPC", "NDP"])


def test_poll_long_keeps_listed_parties_only():
    frame = long()
    assert len(frame) == 8  # OTH row dropped
    assert frame.loc[frame["poll_id"] == "d", "party_code"].tolist() == ["CPC", "NDP"]


def test_monthly_means_fill_empty_months_and_count_polls():
    m = ps.monthly_means(long()).set_index(["month", "party_code"])
    # January: LPC (30 + 26) / 2 = 28; CPC (40 + 44) / 2 = 42
    assert m.loc[(T("2024-01-01"), "LPC"), "mean_pct"] == pytest.approx(28.0)
    assert m.loc[(T("2024-01-01"), "CPC"), "n_polls"] == 2
    # February has no poll: NaN mean, 0 polls
    assert np.isnan(m.loc[(T("2024-02-01"), "LPC"), "mean_pct"])
    assert m.loc[(T("2024-02-01"), "LPC"), "n_polls"] == 0
    # March: LPC only in poll c (25); CPC (35 + 41) / 2 = 38
    assert m.loc[(T("2024-03-01"), "LPC"), "n_polls"] == 1
    assert m.loc[(T("2024-03-01"), "CPC"), "mean_pct"] == pytest.approx(38.0)


def test_monthly_lead_uses_only_polls_with_both_parties():
    lead = ps.monthly_lead(long()).set_index("month")
    # January: leads 10 and 18 -> 14; March: only poll c (35 - 25 = 10), d has no LPC
    assert lead.loc[T("2024-01-01"), "lead_pts"] == pytest.approx(14.0)
    assert lead.loc[T("2024-03-01"), "lead_pts"] == pytest.approx(10.0)
    assert lead.loc[T("2024-03-01"), "n_polls"] == 1
    assert lead.loc[T("2024-02-01"), "n_polls"] == 0


def test_polls_per_month_and_gaps():
    counts = ps.polls_per_month(POLLS)
    assert counts["n_polls"].tolist() == [2, 0, 2]
    gaps = ps.poll_gaps(POLLS["end_date"], min_days=30)
    # 20 Jan -> 10 Mar: 49 days strictly between; the other gaps are 14 and 1 days
    assert len(gaps) == 1
    assert gaps.loc[0, "days_without"] == 49
    assert gaps.loc[0, "after"] == T("2024-01-20")


def test_window_means():
    w = ps.window_means(long(), "2024-03-01", "2024-03-12")
    assert w.loc["CPC", "mean_pct"] == pytest.approx(38.0)
    assert w.loc["LPC", "n_polls"] == 1
