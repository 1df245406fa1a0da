"""Timeline and aftermath helpers, on small hand-made tables with hand-worked answers."""

from __future__ import annotations

import pandas as pd
import pytest

from liberal_crisis.stories import timeline


def events():
    return pd.DataFrame({
        "date": pd.to_datetime(["2022-03-22", "2024-09-16", "2024-09-16", "2024-09-25",
                                "2024-09-16", "2025-05-01"]),
        "event": ["Context", "Bloc gains LaSalle--Émard--Verdun", "NDP holds Elmwood--Transcona",
                  "Motion defeated", "Something in caucus", "After the window"],
        "category": ["parliament", "by-election", "by-election", "parliament", "caucus",
                     "election"],
    })


def test_wrap_breaks_long_text_with_br():
    assert timeline.wrap("aaa bbb ccc", width=7) == "aaa bbb<br>ccc"
    assert timeline.wrap("short", width=48) == "short"
    with pytest.raises(ValueError):
        timeline.wrap("x", width=0)


def test_chart_events_window_merge_and_order():
    out = timeline.chart_events(events(), "2024-06-01", "2025-04-30", width=100)
    # 2022 and May 2025 fall outside; the two by-elections of 16 Sep merge into one marker.
    assert list(out["category"]) == ["by-election", "caucus", "parliament"]
    assert list(out["n_events"]) == [2, 1, 1]
    assert list(out["date"].dt.strftime("%Y-%m-%d")) == ["2024-09-16", "2024-09-16", "2024-09-25"]
    first = out.iloc[0]
    assert first["events"] == "Bloc gains LaSalle–Émard–Verdun; NDP holds Elmwood–Transcona"
    assert first["hover"] == (
        "\u2022 Bloc gains LaSalle–Émard–Verdun<br>\u2022 NDP holds Elmwood–Transcona"
    )
    assert first["category_label"] == "By-elections"
    assert out["n_events"].sum() == 4


def test_chart_events_refuses_an_unknown_category():
    bad = events().assign(category=["parliament", "by-election", "by-election", "riot",
                                    "caucus", "election"])
    with pytest.raises(KeyError, match="riot"):
        timeline.chart_events(bad, "2024-01-01", "2025-12-31")


def test_percent():
    assert timeline.percent(24, 153) == pytest.approx(15.686, abs=1e-3)
    assert isinstance(timeline.percent(1, 4), float)
    with pytest.raises(ValueError):
        timeline.percent(1, 0)


def riding_votes():
    # Three ridings. Riding 1: A 50, B 30, X 20 -> A. Riding 2: B 60, A 40 -> B.
    # Riding 3: A 10, B 20, X 70 -> X (a minor party, pooled into OTH).
    return pd.DataFrame({
        "riding_number": [1, 1, 1, 2, 2, 3, 3, 3],
        "party_code": ["A", "B", "X", "B", "A", "A", "B", "X"],
        "votes": [50, 30, 20, 60, 40, 10, 20, 70],
    })


def test_national_result_seats_votes_shares():
    out = timeline.national_result(riding_votes(), ["A", "B"]).set_index("party_code")
    assert list(out.index) == ["A", "B", "OTH"]
    assert out["seats"].to_dict() == {"A": 1, "B": 1, "OTH": 1}
    assert out["votes"].to_dict() == {"A": 100, "B": 110, "OTH": 90}
    # 300 valid votes in all: 100/300, 110/300, 90/300.
    assert out.loc["A", "vote_share_pct"] == pytest.approx(33.333, abs=1e-3)
    assert out.loc["B", "vote_share_pct"] == pytest.approx(36.667, abs=1e-3)
    assert out["vote_share_pct"].sum() == pytest.approx(100.0)


def test_compare_national_long_format_and_missing_party():
    before = pd.DataFrame({"party_code": ["A", "B"], "seats": [3, 1], "votes": [30, 10],
                           "vote_share_pct": [75.0, 25.0]})
    after = pd.DataFrame({"party_code": ["A"], "seats": [5], "votes": [50],
                          "vote_share_pct": [100.0]})
    out = timeline.compare_national(before, after, ("then", "now"), ["A", "B"])
    assert list(out["election"]) == ["then", "then", "now", "now"]
    assert list(out["seats"]) == [3, 1, 5, 0]
    assert list(out["vote_share_pct"]) == [75.0, 25.0, 100.0, 0.0]


def test_ridings_over_time_keeps_named_contests():
    history = pd.DataFrame({
        "riding": ["R", "R", "R", "R"],
        "election_date": pd.to_datetime(["2021-09-20", "2021-09-20", "2025-04-28", "2025-04-28"]),
        "boundaries": ["2013 representation order"] * 2 + ["2023 representation order"] * 2,
        "party_code": ["LPC", "CPC", "LPC", "CPC"],
        "votes": [60, 40, 75, 25],
    })
    by = pd.DataFrame({
        "riding": ["R", "R"], "election_date": pd.to_datetime(["2024-06-24"] * 2),
        "party_code": ["LPC", "CPC"], "votes": [45, 55],
    })
    out = timeline.ridings_over_time(history, by, ["R"], ["LPC"],
                                     ["2024 by-election", "2025 general election"])
    assert list(out["contest"]) == ["2024 by-election", "2025 general election"]
    assert list(out["share_pct"]) == [45.0, 75.0]
    with pytest.raises(KeyError):
        timeline.ridings_over_time(history, by, ["R"], ["LPC"], ["2019 general election"])
