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
        "retained": ~d["lost"],  # a blank winner (NA) is neither: sums skip it
        "lost": d["lost"],
    })
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
    - ``held_rank``: 1 = seat held longest, by ``years_held`` (by-election year minus
      ``held_since_year``; see :func:`hold_lengths`), not by the year the run began;
      ``held_n`` = contests with a known year. ``held_since_censored`` is passed through:
      True means the seat was held since *at least* that year (``years_held`` is a lower
      bound), so see :func:`rank_hold_length` before calling a run "the longest".

    Riding names match ignoring case and dash style. Every name must match at least one
    defence (all by-elections in that riding are returned), else ValueError.
    """
    if among not in ("defences", "losses"):
        raise ValueError("among must be 'defences' or 'losses'")
    pool = government_defences(byelections)
    if among == "losses":
        pool = pool.loc[pool["lost"].fillna(False).astype(bool)]
    years = hold_lengths(pool)["years_held"].astype(float)
    pool = pool.assign(
        swing_rank=pool["swing_pts"].rank(method="min").astype("Int64"),  # 1 = largest fall
        swing_n=int(pool["swing_pts"].notna().sum()),
        years_held=years.astype("Int64"),
        held_rank=(-years).rank(method="min").astype("Int64"),  # 1 = held longest
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
            "held_since_year", "held_since_censored", "years_held", "held_rank", "held_n"]
    return pool.loc[keys.isin(wanted), [c for c in cols if c in pool.columns]]


#: ``held_since_basis`` values for a run whose true start may be earlier (left-censored).
CENSORED_BASES = frozenset({"data start", "riding created"})


def hold_lengths(defences: pd.DataFrame) -> pd.DataFrame:
    """``years_held`` (by-election year minus ``held_since_year``) and ``censored``.

    ``censored`` is True when the run was cut off by the data: it reaches the first election
    in the data, or the riding's first election under its name with no predecessor traced
    (``held_since_basis`` in :data:`CENSORED_BASES`; without that column,
    ``held_since_censored``). For a censored run ``years_held`` is a lower bound.
    """
    years = pd.to_datetime(defences["election_date"]).dt.year - defences["held_since_year"]
    if "held_since_basis" in defences.columns:
        censored = defences["held_since_basis"].isin(CENSORED_BASES)
    else:
        censored = defences["held_since_censored"].fillna(False)
    return defences.assign(years_held=years.astype("Int64"), censored=censored.astype(bool))


def rank_hold_length(
    byelections: pd.DataFrame, riding: str, among: str = "defences"
) -> dict:
    """Where one riding's run of wins stands, by length, among government defences.

    Runs are ranked by ``years_held`` (longest = 1; ties share the best rank). A censored run
    counts at its lower bound, so ``rank`` is the best place the riding can hold:
    ``longer`` runs are known to be longer, ``tied`` have the same length, and
    ``censored_shorter`` are censored runs whose lower bound is shorter but which might really
    be longer. ``among="losses"`` ranks among lost defences only. Returns ``years``,
    ``since``, ``censored`` (of this run), ``rank``, ``n``, ``longer``, ``tied``,
    ``censored_shorter`` and ``next``: the runs with the next-longest length (a frame of
    ``riding``, ``election_date``, ``held_since_year``, ``years_held``, ``censored``).
    Raises ValueError if ``riding`` (matched ignoring case and dash style) is not one
    defence in the pool.
    """
    if among not in ("defences", "losses"):
        raise ValueError("among must be 'defences' or 'losses'")
    pool = government_defences(byelections)
    if among == "losses":
        pool = pool.loc[pool["lost"].fillna(False).astype(bool)]
    pool = hold_lengths(pool.dropna(subset=["held_since_year"]))
    hit = pool["riding"].map(_key) == _key(riding)
    if hit.sum() != 1:
        raise ValueError(f"{riding}: {int(hit.sum())} government {among} found, expected 1")
    me = pool.loc[hit].iloc[0]
    others = pool.loc[~hit].assign(election_date=lambda d: pd.to_datetime(d["election_date"]))
    years = int(me["years_held"])
    longer = others[others["years_held"] > years]
    tied = others[others["years_held"] == years]
    shorter = others[others["years_held"] < years]
    below = shorter[shorter["years_held"] == shorter["years_held"].max()]
    return {
        "years": years,
        "since": int(me["held_since_year"]),
        "censored": bool(me["censored"]),
        "rank": len(longer) + 1,
        "n": len(pool),
        "longer": len(longer),
        "tied": len(tied),
        "censored_shorter": int(shorter["censored"].sum()),
        "next": below[["riding", "election_date", "held_since_year", "years_held",
                       "censored"]].reset_index(drop=True),
    }


# --------------------------------------------------------------------------------------------
# The longest ballots (table ``longest_ballots``)
# --------------------------------------------------------------------------------------------

def ballot_record(ballots: pd.DataFrame, riding: str, election_date) -> dict:
    """How one contest's number of candidates compares with every other contest in the table.

    ``ballots``: ``election_date``, ``election_type``, ``riding``, ``candidates``. Returns
    ``candidates``; ``record_then`` (True if no earlier contest had as many: the most on any
    ballot in the table up to that day); ``previous_record`` (the earlier row with the most
    candidates, or None); ``equalled_by`` and ``beaten_by``: later rows with the same number
    or more, in date order. A superlative drawn from this holds only for the table's
    coverage and only up to the date of the first row in ``equalled_by``/``beaten_by``.
    """
    date = pd.Timestamp(election_date)
    ballots = ballots.assign(election_date=pd.to_datetime(ballots["election_date"]))
    hit = (ballots["riding"].map(_key) == _key(riding)) & (ballots["election_date"] == date)
    if hit.sum() != 1:
        raise ValueError(f"{riding} {date.date()}: {int(hit.sum())} rows, expected 1")
    me = ballots.loc[hit].iloc[0]
    n = int(me["candidates"])
    earlier = ballots[ballots["election_date"] < date]
    later = ballots[ballots["election_date"] > date].sort_values("election_date")
    prev = earlier.loc[earlier["candidates"].idxmax()] if len(earlier) else None
    return {
        "candidates": n,
        "record_then": bool(len(earlier) == 0 or earlier["candidates"].max() < n),
        "previous_record": prev,
        "equalled_by": later[later["candidates"] == n].reset_index(drop=True),
        "beaten_by": later[later["candidates"] > n].reset_index(drop=True),
    }
