"""Analysis layer: pure functions on DataFrames (no file reading).

Modules: :mod:`.swing` (shares, share change, Butler swing), :mod:`.projection`
(uniform/proportional swing seat projections), :mod:`.history` (government by-election
defences since 1993), :mod:`.caucus` (leadership-review thresholds).
"""
from .caucus import threshold_table
from .history import defence_summary, government_defences, rank_losses, swing_against_government
from .projection import (
    TIE,
    proportional_swing,
    project,
    ratio_from,
    scaled_change,
    seat_count,
    sensitivity,
    threshold_fraction,
    uniform_swing,
    winners,
)
from .swing import OTHER, butler_swing, compare_shares, pool_minor, share_change, shares

__all__ = [
    "OTHER", "TIE",
    "shares", "pool_minor", "compare_shares", "share_change", "butler_swing",
    "uniform_swing", "ratio_from", "proportional_swing", "winners", "seat_count", "project",
    "scaled_change", "sensitivity", "threshold_fraction",
    "government_defences", "defence_summary", "swing_against_government", "rank_losses",
    "threshold_table",
]
