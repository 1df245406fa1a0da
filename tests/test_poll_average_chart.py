"""Arranging the poll average for a chart: label heights, event numbers, period wording."""

import pandas as pd
import pytest

from liberal_crisis.stories import poll_average as pav


def test_end_labels_keep_their_distance_and_order():
    ends = {"LPC": 43.0, "CPC": 39.0, "NDP": 8.0, "BQ": 6.5, "GPC": 2.0}
    ys = pav.end_labels(ends, min_gap=3.0)
    order = sorted(ys, key=ys.get)
    assert order == sorted(ends, key=ends.get)  # no label jumps over another
    heights = [ys[p] for p in order]
    assert all(b - a >= 3.0 - 1e-9 for a, b in zip(heights, heights[1:]))
    assert ys["LPC"] == 43.0 and ys["CPC"] == 39.0  # far enough apart: not moved


def test_events_are_numbered_in_date_order_on_alternate_rows():
    events = pd.DataFrame({"date": pd.to_datetime(["2024-09-16", "2024-06-24", "2024-09-04"]),
                           "label": ["c", "a", "b"]})
    out = pav.number_events(events)
    assert list(out["label"]) == ["a", "b", "c"]
    assert list(out["number"]) == [1, 2, 3]
    assert list(out["row"]) == [0, 1, 0]
    assert pav.event_key(out).splitlines()[1] == "2. 4 September 2024: b"


@pytest.mark.parametrize("day, word", [("2024-12-01", "early"), ("2024-12-10", "early"),
                                       ("2024-12-11", "mid"), ("2024-12-20", "mid"),
                                       ("2024-12-21", "late"), ("2024-12-31", "late")])
def test_period(day, word):
    assert pav.period(day) == f"{word} December 2024"
