"""The what-if chapter's assumptions: one by-election's swing, a method and a share of it,
applied to the 338 ridings of 2021 (``book/what-if.md`` opens with the cell that sets them).

Change the assumptions and Run All: ``assumed_seats`` gives the seats the prose and the seats
chart show (``apply_assumption`` puts them in the chart's frame). With the whole swing (100 %)
they are exactly the chapter's illustration for that by-election and method
(``swing_illustrations.seat_scenarios``); a smaller or larger share scales the swing as the sensitivity
charts do (``analysis.projection.sensitivity``).
"""

from __future__ import annotations

import pandas as pd

from ..analysis import projection
from . import charts, formats

METHODS = ("uniform", "proportional")


def check(riding: str, method: str, share_pct: float, ridings) -> None:
    """Refuse assumptions the chapter cannot draw, naming the choices."""
    if riding not in set(ridings):
        raise ValueError(f"SWING_FROM must be one of {sorted(set(ridings))}, not {riding!r}")
    if method not in METHODS:
        raise ValueError(f"METHOD must be one of {METHODS}, not {method!r}")
    if not 0 <= float(share_pct) <= 200:
        raise ValueError(f"SHARE_OF_SWING is a percentage from 0 to 200, not {share_pct!r}")


def assumed_seats(base_votes: pd.DataFrame, swings: pd.DataFrame, riding: str, method: str,
                  share_pct: float, parties) -> pd.Series:
    """Seats by party (indexed by ``parties``) when ``share_pct`` % of ``riding``'s by-election
    swing is applied to every riding of ``base_votes`` by ``method``."""
    check(riding, method, share_pct, swings["riding"])
    g = swings[swings["riding"] == riding].set_index("party_code")
    table = projection.sensitivity(base_votes, g["before_pct"], g["after_pct"],
                                   [float(share_pct) / 100], method, parties=list(parties))
    return table.set_index("party_code")["seats"]


def apply_assumption(scenarios_long: pd.DataFrame, riding: str, method: str, share_pct: float,
                     seats: pd.Series) -> pd.DataFrame:
    """The illustrations' frame (``scenario, riding, method, party_code, seats``) with the
    assumed illustration's seats; its method reads "uniform, 50%" when not the whole swing."""
    out = scenarios_long.copy()
    rows = (out["riding"] == riding) & (out["method"] == method)
    out.loc[rows, "seats"] = out.loc[rows, "party_code"].map(seats).fillna(0).astype(int)
    if float(share_pct) != 100:
        out.loc[rows, "method"] = f"{method}, {formats.pct_short(share_pct)}"
    return out


def swing_words(riding: str, share_pct: float) -> str:
    """'the Toronto–St. Paul's' (the whole swing) or '50% of the Toronto–St. Paul's'."""
    label = charts.riding_label(riding)
    if float(share_pct) == 100:
        return f"the {label}"
    return f"{formats.pct_short(share_pct)} of the {label}"
