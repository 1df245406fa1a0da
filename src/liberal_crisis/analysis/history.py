"""Government by-election defences since 1993 (table ``byelections_since_1993``).

A *defence* is a by-election in a seat held by the governing party. Shares are percent;
swings are points. Blank shares (e.g. acclamations, or no previous result) stay NaN and
are left out of swing rankings rather than treated as 0.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd


def government_defences(byelections: pd.DataFrame) -> pd.DataFrame:
    """Rows where ``held_by_party == government_party``, plus ``lost`` and ``swing_pts``.

    ``lost`` (nullable boolean) is True when the winner is not the government party, NA
    when the winner is blank. Rows with a blank ``held_by_party`` are not defences.
    """
    held = byelections["held_by_party"]
    gov = byelections["government_party"]
    out = byelections.loc[held.notna() & (held == gov)].copy()
    winner = out["winner_party"]
    out["lost"] = (winner != out["government_party"]).astype("boolean").mask(winner.isna())
    out["swing_pts"] = swing_against_government(out)
    return out


def defence_summary(byelections: pd.DataFrame, by: str | None = None) -> pd.Series | pd.DataFrame:
    """Counts of government defences: ``defended`` (contests), ``retained``, ``lost``.

    Optionally grouped by a column (e.g. ``government_party``).
    """
    d = government_defences(byelections)
    counts = pd.DataFrame({
        "defended": 1,
        "retained": (~d["lost"]).fillna(False).astype(int),
        "lost": d["lost"].fillna(False).astype(int),
    }, index=d.index)
    if by is None:
        return counts.sum().astype(int)
    return counts.groupby(d[by]).sum().astype(int)


def swing_against_government(byelections: pd.DataFrame) -> pd.Series:
    """Change in the government party's share: ``gov_share_pct - gov_share_prev_pct``.

    Points; **negative = the government lost ground**. NaN where either share is blank.
    """
    return (byelections["gov_share_pct"] - byelections["gov_share_prev_pct"]).rename("swing_pts")


def _key(name: str) -> str:
    # Riding names are spelled with em dashes, en dashes, "--" or hyphens, and curly or
    # straight apostrophes, depending on the source.
    s = unicodedata.normalize("NFC", str(name)).replace("\u2019", "'")
    s = re.sub(r"\s*[\u2010-\u2015\u2212-]+\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def rank_losses(
    byelections: pd.DataFrame, ridings: Iterable[str], among: str = "defences"
) -> pd.DataFrame:
    """Where the named contests stand among government defences.

    Rankings are over all government defences (``among="defences"``) or over lost
    defences only (``among="losses"``); ties share the best rank (``method="min"``):

    - ``swing_rank``: 1 = largest fall in government share; ``swing_n`` = contests with a
      known swing; ``swing_percentile`` = 100 x rank / n (1 of 5 -> 20: "in the worst 20%").
    - ``held_rank``: 1 = seat held longest (earliest ``held_since_year``); ``held_n`` =
      contests with a known year. ``held_since_censored`` is passed through: True means
      the seat was held since *at least* that year.

    Riding names match ignoring case and dash style. Every name must match at least one
    defence (all by-elections in that riding are returned), else ValueError.
    """
    if among not in ("defences", "losses"):
        raise ValueError("among must be 'defences' or 'losses'")
    pool = government_defences(byelections)
    if among == "losses":
        pool = pool.loc[pool["lost"].fillna(False).astype(bool)]
    pool = pool.assign(
        swing_rank=pool["swing_pts"].rank(method="min", ascending=True).astype("Int64"),
        swing_n=int(pool["swing_pts"].notna().sum()),
        held_rank=pool["held_since_year"].rank(method="min", ascending=True).astype("Int64"),
        held_n=int(pool["held_since_year"].notna().sum()),
    )
    pool["swing_percentile"] = 100.0 * pool["swing_rank"].astype(float) / pool["swing_n"]

    wanted = {_key(r): r for r in ridings}
    keys = pool["riding"].map(_key)
    missing = [r for k, r in wanted.items() if k not in set(keys)]
    if missing:
        raise ValueError(f"not among government {among}: {', '.join(missing)}")
    cols = ["election_date", "province", "riding", "government_party", "winner_party", "lost",
            "swing_pts", "swing_rank", "swing_n", "swing_percentile",
            "held_since_year", "held_since_censored", "held_rank", "held_n"]
    return pool.loc[keys.isin(wanted), [c for c in cols if c in pool.columns]]
