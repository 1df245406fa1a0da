#!/usr/bin/env python
"""Build data/polls.csv and data/poll_shares.csv from two copies of Wikipedia's polling table.

The rule (which polls enter the sample):

- Every national voting-intention poll listed in the reference table, Wikipedia's "Opinion
  polling for the 2025 Canadian federal election" (called "... for the 45th Canadian federal
  election" until the election), read from a dated copy in ``data/raw``; nothing else.
- Fieldwork ending after the 2021 general election (20 September 2021) and before the 2025 one
  (28 April 2025). Each poll is dated by its last day of fieldwork (the table's "Last date of
  polling"; ``date_basis`` "end"). One row per row of the table: a tracking poll published
  every day (Nanos, Liaison, Mainstreet, EKOS rolls) is one poll per published roll.
- Up to 31 May 2024 the copy is the scrape in (1); from 1 June 2024 it is the copy in (2),
  which holds every row of the table's "Pre-campaign period" and "Campaign period" sections.

Inputs:

1. ``data/raw/polls/fed_polls_after_2021.csv``: the per-poll file scraped from the table by
   the GitHub repository sjwild/Canadian_Election_2021 (commit 7e54c62, path
   Data/fed_polls_after_2021.csv, scraped 22 June 2024), byte for byte (CC BY-SA 4.0: see
   ``data/raw/polls/NOTICE.md``). Shares are fractions; they are converted to percent and
   rounded to one decimal. PollDate is the last day of fieldwork. The file's "Other" column is
   a computed remainder and is not kept. An incomplete scrape (1-13 polls a month).

2. ``data/raw/polls/pollsteraudit-2025/pre-campaign_period.json`` and ``campaign_period.json``:
   the table's two sections as published by the Pollster Audit API (GitHub
   PollsterAudit/PollsterAuditApi, branch ``api``, commit 8b042de of 5 August 2025, paths
   v1/2025/pre-campaign_period.json and v1/2025/campaign_period.json), byte for byte (CC BY-SA
   4.0). Each row: polling firm, last date of polling (milliseconds since 1970, UTC midnight),
   the release the table cites, the shares in percent, margin of error, sample size and
   method. The release the table cites goes into the row's note.

3. ``data/polls_curated.csv``: polls typed by hand from pollster releases, 338Canada poll
   pages, news reports and earlier Wikipedia copies. They do not add polls: each is a
   cross-check of the table row of the same pollster and date (``match_curated``;
   ``tests/test_poll_rule.py`` lists every disagreement). Where a row was read in the
   pollster's own release (``RELEASE_DOMAINS``) and a share differs from the table's, the
   release is the authority: its share replaces the table's, and the note says so.

poll_id is "<pollster slug>-<end_date>", with "-2", "-3"... added in a stable order when
one pollster has several polls on the same date. Re-running on the same inputs gives
identical files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from .step import Inputs, step

PARTIES = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]
ELECTION_2021 = "2021-09-20"
ELECTION_2025 = "2025-04-28"
TABLE_FROM = "2024-06-01"  # from this end date on, polls come from the table copy (2)

WIKI_45 = "https://en.wikipedia.org/wiki/Opinion_polling_for_the_45th_Canadian_federal_election"
WIKI_2025 = "https://en.wikipedia.org/wiki/Opinion_polling_for_the_2025_Canadian_federal_election"
SJWILD_TITLE = (
    "Wikipedia: Opinion polling for the 45th Canadian federal election "
    "(table scraped by sjwild/Canadian_Election_2021, commit 7e54c62)"
)
TABLE_DIR = "polls/pollsteraudit-2025"  # under data/raw
TABLE_SECTIONS = {
    "pre-campaign_period.json": "pre-campaign period",
    "campaign_period.json": "campaign period",
}
TABLE_TITLE = (
    "Wikipedia: Opinion polling for the 2025 Canadian federal election, {section} table "
    "(copy of 5 August 2025 published by PollsterAudit/PollsterAuditApi, commit 8b042de)"
)

POLLSTER_NAMES = {"Leger": "Léger", "Earnscliffe/Leger": "Earnscliffe/Léger", "Ekos": "EKOS"}
CURATED_NAMES = {"YouGov (MRP)": "YouGov"}  # a curated row's pollster -> the table's name
MODE_NAMES = {  # the scrape's modes
    "telephone": "telephone",
    "Online": "online",
    "IVR": "IVR",
    "Online - telephone": "online/telephone",
}
NO_MODE = {"", "—", "–", "-"}  # the table's blank method cells
# A curated row read in the pollster's own release (its source_url on the pollster's site)
# is the authority over the table for the shares it gives.
RELEASE_DOMAINS = {
    "Abacus Data": "abacusdata.ca", "Angus Reid": "angusreid.org", "EKOS": "ekospolitics.com",
    "Ipsos": "ipsos.com", "Léger": "leger360.com", "Nanos Research": "nanos.co",
    "Research Co.": "researchco.ca",
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
    """The sjwild scrape: polls ending after the 2021 election and before TABLE_FROM."""
    raw = pd.read_csv(path, dtype={"PollDate": str})
    raw = raw[(raw["PollDate"] > ELECTION_2021) & (raw["PollDate"] < TABLE_FROM)].copy()
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


def from_table(folder: Path) -> pd.DataFrame:
    """The table copy: every row ending from TABLE_FROM to the eve of the 2025 election."""
    frames = []
    for name, section in TABLE_SECTIONS.items():
        doc = json.loads((folder / name).read_text(encoding="utf-8"))
        table = pd.DataFrame(doc["data"], columns=doc["headings"])
        end = pd.to_datetime(table["Date"], unit="ms").dt.strftime("%Y-%m-%d")
        mode = table["PollingMethod"].fillna("").str.strip()
        frame = pd.DataFrame({
            "pollster": table["PollingFirm"].str.strip().map(lambda s: POLLSTER_NAMES.get(s, s)),
            "start_date": None,
            "end_date": end,
            "date_basis": "end",
            "sample_size": pd.array(table["SampleSize"], dtype="Int64"),
            "mode": mode.where(~mode.isin(NO_MODE), ""),
            "source_title": TABLE_TITLE.format(section=section),
            "source_url": WIKI_2025,
            "note": "Release cited by the table: " + table["Citation"].fillna("none") + ".",
        })
        for party in PARTIES:
            frame[party] = pd.to_numeric(table[party], errors="coerce").round(1)
        frames.append(frame)
    polls = pd.concat(frames, ignore_index=True)
    polls = polls[(polls["end_date"] >= TABLE_FROM) & (polls["end_date"] < ELECTION_2025)]
    if polls[["LPC", "CPC"]].isna().any().any():
        raise ValueError("a table row without the Liberal or Conservative share")
    return polls.reset_index(drop=True)


def from_curated(path: Path) -> pd.DataFrame:
    manual = pd.read_csv(path, dtype={"start_date": str, "end_date": str}, keep_default_na=False,
                         na_values=[""], encoding="utf-8")
    manual["sample_size"] = manual["sample_size"].astype("Int64")
    manual["mode"] = manual["mode"].fillna("")
    manual["note"] = manual["note"].fillna("")
    return manual


def is_release(row) -> bool:
    """Whether a curated row was read on the pollster's own site."""
    domain = RELEASE_DOMAINS.get(row["pollster"])
    host = urlparse(str(row["source_url"])).netloc
    return domain is not None and (host == domain or host.endswith("." + domain))


def match_curated(table: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """Pair each curated row with its table row: same pollster, the table's end date on the
    curated date (date_basis "end", a day either side) or up to five days after it ("middle",
    338Canada's middle field date); among several, the same mode and sample size first, then
    the closest shares. Returns curated index -> table index (NaN: no table row)."""
    pairs = []
    for i, row in curated.iterrows():
        name = CURATED_NAMES.get(row["pollster"], row["pollster"])
        gap = (pd.to_datetime(table["end_date"]) - pd.Timestamp(row["end_date"])).dt.days
        window = gap.between(-1, 5) if row["date_basis"] == "middle" else gap.between(-1, 1)
        cand = table[(table["pollster"] == name) & window]
        best = None
        if not cand.empty:
            def key(j):
                t = cand.loc[j]
                shares = sum(abs(float(row[p]) - float(t[p])) for p in PARTIES
                             if pd.notna(row[p]) and pd.notna(t[p]))
                mode = bool(row["mode"]) and not str(t["mode"]).startswith(row["mode"])
                size = pd.notna(row["sample_size"]) and row["sample_size"] != t["sample_size"]
                return (mode, size, round(shares, 6), abs(gap[j]))
            best = min(cand.index, key=key)
        pairs.append({"curated": i, "table": best})
    return pd.DataFrame(pairs).set_index("curated")["table"]


def apply_releases(table: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """Where a curated row read in the pollster's own release gives a share that differs from
    its table row's, take the release's share and say so in the note."""
    table = table.copy()
    pairs = match_curated(table, curated)
    for i, j in pairs.dropna().items():
        row = curated.loc[i]
        if not is_release(row):
            continue
        changed = []
        for p in PARTIES:
            if pd.notna(row[p]) and float(row[p]) != float(table.at[j, p]):
                changed.append(f"{p} {float(row[p]):g} (table: {float(table.at[j, p]):g})")
                table.at[j, p] = float(row[p])
        if changed:
            table.at[j, "note"] += (" Share" + ("s" if len(changed) > 1 else "") + " from the "
                                    f"pollster's release ({row['source_url']}), which differs "
                                    "from the table: " + ", ".join(changed) + ".")
    return table


def build(polls_csv: Path, table_dir: Path, curated_csv: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two poll tables: polls (one row per poll) and poll_shares (one row per share)."""
    table = apply_releases(from_table(table_dir), from_curated(curated_csv))
    allp = pd.concat([from_file(polls_csv), table], ignore_index=True)
    allp = allp.sort_values(["end_date", "pollster", "sample_size", "source_url", "note"],
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


SCRAPE = "polls/fed_polls_after_2021.csv"  # under data/raw
CURATED = "polls_curated"  # curated: the cross-checks typed from releases


@step(outputs=("polls", "poll_shares"),
      raw=(SCRAPE, *(f"{TABLE_DIR}/{name}" for name in TABLE_SECTIONS)), curated=(CURATED,))
def polls(inputs: Inputs):
    """Every national poll of the reference table (the rule above), with the releases' shares."""
    table_dir = inputs.raw_file(f"{TABLE_DIR}/{next(iter(TABLE_SECTIONS))}").parent
    for name in TABLE_SECTIONS:
        inputs.raw_file(f"{TABLE_DIR}/{name}")  # each section file is a declared input
    table, shares = build(inputs.raw_file(SCRAPE), table_dir, inputs.curated(CURATED))
    # Shares at one decimal, as the table prints them.
    shares = shares.assign(share_pct=[f"{v:.1f}" for v in shares["share_pct"]])
    return {"polls": table, "poll_shares": shares}


STEPS = [polls]
