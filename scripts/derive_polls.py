#!/usr/bin/env python
"""Build data/polls.csv and data/poll_shares.csv from the poll scrape and the curated polls.

Two inputs:

1. ``data/raw/polls/fed_polls_after_2021.csv``: the per-poll file scraped from Wikipedia's
   "Opinion polling for the 45th Canadian federal election" by the GitHub repository
   sjwild/Canadian_Election_2021 (commit 7e54c62, path Data/fed_polls_after_2021.csv), byte
   for byte (CC BY-SA 4.0: see ``data/raw/polls/NOTICE.md``). Shares in that file are
   fractions; they are converted to percent and rounded to one decimal. Only polls dated after
   the 2021 general election (PollDate > 2021-09-20) are kept. PollDate is treated as the last
   day of fieldwork. The file's "Other" column is a computed remainder and is not kept.

2. ``data/polls_curated.csv``: individual polls typed by hand from pollster releases,
   338Canada poll pages, news reports of polls and Wikipedia snapshots, one row per poll with
   its source. start_date is the first fieldwork day where the source gives it (else empty);
   date_basis "end" = last fieldwork day, "middle" = 338Canada's middle field date (used where
   the end date was not given). A row's note says what was read where the source is not the
   pollster's own release. Empty share cells mean the share was not available in the source
   (or, for Léger 2024-09-28 and Innovative Research 2025-02-22, must not be charted). To add
   a poll, add a row there and run ``make data``.

poll_id is "<pollster slug>-<end_date>", with "-2", "-3"... added in a stable order when
one pollster has several polls on the same date. Re-running on the same inputs gives
identical files.

Usage: python scripts/derive_polls.py [--data DATA_DIR] [--out OUT_DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from pathlib import Path

import pandas as pd

PARTIES = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]
ELECTION_2021 = "2021-09-20"

WIKI_45 = "https://en.wikipedia.org/wiki/Opinion_polling_for_the_45th_Canadian_federal_election"
SJWILD_TITLE = (
    "Wikipedia: Opinion polling for the 45th Canadian federal election "
    "(table scraped by sjwild/Canadian_Election_2021, commit 7e54c62)"
)

POLLSTER_NAMES = {"Leger": "Léger", "Earnscliffe/Leger": "Earnscliffe/Léger"}
MODE_NAMES = {
    "telephone": "telephone",
    "Online": "online",
    "IVR": "IVR",
    "Online - telephone": "online/telephone",
}

POLL_COLUMNS = [
    "poll_id", "pollster", "start_date", "end_date", "date_basis", "sample_size", "mode",
    "source_title", "source_url", "note",
]
SHARE_COLUMNS = ["poll_id", "party_code", "share_pct"]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def from_file(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype={"PollDate": str})
    raw = raw[raw["PollDate"] > ELECTION_2021].copy()
    polls = pd.DataFrame({
        "pollster": raw["Polling_firm"].map(lambda s: POLLSTER_NAMES.get(s, s)),
        "start_date": None,
        "end_date": raw["PollDate"],
        "date_basis": "end",
        "sample_size": raw["SampleSize"].astype("Int64"),
        "mode": raw["mode"].map(MODE_NAMES),
        "source_title": SJWILD_TITLE,
        "source_url": WIKI_45,
        "note": "",
    })
    if polls["mode"].isna().any():
        raise ValueError("unknown mode value in the polls file")
    for party in PARTIES:
        polls[party] = (raw[party] * 100).round(1)
    return polls


def from_curated(path: Path) -> pd.DataFrame:
    manual = pd.read_csv(path, dtype={"start_date": str, "end_date": str}, keep_default_na=False,
                         na_values=[""], encoding="utf-8")
    manual["sample_size"] = manual["sample_size"].astype("Int64")
    manual["mode"] = manual["mode"].fillna("")
    manual["note"] = manual["note"].fillna("")
    return manual


def build(polls_csv: Path, curated_csv: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    allp = pd.concat([from_file(polls_csv), from_curated(curated_csv)], ignore_index=True)
    allp = allp.sort_values(["end_date", "pollster", "sample_size", "source_url"],
                            kind="mergesort", na_position="last").reset_index(drop=True)
    base = allp["pollster"].map(slug) + "-" + allp["end_date"]
    rank = base.groupby(base).cumcount() + 1
    allp["poll_id"] = [b if r == 1 else f"{b}-{r}" for b, r in zip(base, rank)]
    if allp["poll_id"].duplicated().any():
        raise ValueError("poll_id is not unique")

    shares = allp.melt(id_vars="poll_id", value_vars=PARTIES,
                       var_name="party_code", value_name="share_pct").dropna(subset=["share_pct"])
    order = {p: i for i, p in enumerate(PARTIES)}
    shares = shares.sort_values(["poll_id", "party_code"],
                                key=lambda s: s.map(order) if s.name == "party_code" else s)
    if not shares["share_pct"].between(0, 100).all():
        raise ValueError("share outside 0-100")
    return allp[POLL_COLUMNS], shares[SHARE_COLUMNS]


def write(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL,
              float_format="%.1f", encoding="utf-8")


REPO = Path(__file__).resolve().parents[1]
SCRAPE = "polls/fed_polls_after_2021.csv"  # under data/raw
CURATED = "polls_curated.csv"  # under data/


def main(argv=None) -> int:
    from liberal_crisis.data.provenance import raw_inputs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--data", type=Path, default=REPO / "data",
                        help="the data folder holding raw/ and polls_curated.csv (default: this clone's)")
    parser.add_argument("--out", type=Path, help="output folder (default: the data folder)")
    args = parser.parse_args(argv)
    out = args.out or args.data
    raw = raw_inputs(args.data)  # checks every raw file's SHA-256 first
    polls, shares = build(raw[SCRAPE], args.data / CURATED)
    out.mkdir(parents=True, exist_ok=True)
    write(polls, out / "polls.csv")
    write(shares, out / "poll_shares.csv")
    print(f"{len(polls)} polls, {len(shares)} shares -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
