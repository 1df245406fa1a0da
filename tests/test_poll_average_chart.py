"""Arranging the poll average for a chart: event numbers, breaks, period wording."""

import pandas as pd
import pytest

from liberal_crisis.stories import poll_average as pav


def test_events_are_numbered_in_date_order_on_alternate_rows():
    events = pd.DataFrame({"date": pd.to_datetime(["2024-09-16", "2024-06-24", "2024-09-04"]),
                           "label": ["c", "a", "b"]})
    out = pav.number_events(events)
    assert list(out["label"]) == ["a", "b", "c"]
    assert list(out["number"]) == [1, 2, 3]
    assert list(out["row"]) == [0, 1, 0]
    assert pav.event_key(out).splitlines()[1] == "2. 4 September 2024: b"


@pytest.mark.parametrize("day, words", [("2024-12-01", "early December"),
                                        ("2024-12-10", "early December"),
                                        ("2024-12-11", "mid-December"),
                                        ("2024-12-20", "mid-December"),
                                        ("2024-12-21", "late December"),
                                        ("2024-12-31", "late December")])
def test_period(day, words):
    assert pav.period(day) == f"{words} 2024"


def test_three_rows_and_breaks():
    events = pd.DataFrame({"date": pd.date_range("2024-01-01", periods=4, freq="MS"),
                           "label": list("abcd")})
    assert list(pav.number_events(events, rows=3)["row"]) == [0, 1, 2, 0]
    curve = pd.DataFrame({"date": pd.date_range("2024-01-01", periods=6, freq="D"),
                          "estimate": [1, None, None, 2, None, 3]})
    got = pav.breaks(curve)
    assert got == [(pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-03")),
                   (pd.Timestamp("2024-01-05"), pd.Timestamp("2024-01-05"))]
    assert pav.breaks(curve, after="2024-01-04") == got[1:]


def test_event_lines_stop_under_every_badge():
    """A badge sits over its line's end: no event line runs up through a numeral, its own or
    that of a neighbour stacked above it (the browser layout test measures the drawn result)."""
    curves = pd.DataFrame({"date": pd.to_datetime(["2024-01-01", "2024-06-01"]),
                           "party_code": "CPC", "estimate": [40.0, 42.0],
                           "lower": [38.0, 40.0], "upper": [42.0, 44.0]})
    events = pav.number_events(pd.DataFrame({
        "date": pd.to_datetime(["2024-02-01", "2024-02-03", "2024-02-05"]),
        "label": ["a", "b", "c"]}), rows=3)
    fig = pav.figure(curves, ["CPC"], events, title="t", y_range=(0, 60),
                     x_range=("2024-01-01", "2024-06-01"))
    badges = next(t for t in fig.data if t.name == "Events")
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 3 and len(set(badges.y)) == 3
    # every line starts at the axis floor and ends at least one badge's height (16 px on a
    # plot some 400 px tall: 2.4 units of 60) below the lowest badge's centre
    assert all(s.y0 == 0 for s in lines)
    assert max(s.y1 for s in lines) <= min(badges.y) - 2.4
    assert max(badges.y) < 60
