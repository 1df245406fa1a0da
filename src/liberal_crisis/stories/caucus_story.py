"""Figures for the chapters on the 2024 confidence votes and the October caucus pledge.

Pure functions on the data package's tables (``confidence_votes``,
``confidence_votes_by_party``, ``house_standings``, ``pledge_reports``, ``leadership_rules``,
``timeline``); chapters call them, plot and glue the results.
"""

from __future__ import annotations

import html

import pandas as pd

from ..analysis import house
from ..i18n import N_, gettext as _
from . import formats, tables
from .timeline import event_text

NOT_REPORTED = "not reported"

MEASURE_LABELS = {
    "signed": N_("said to have signed"),
    "willing": N_("said to be ready to sign"),
    "urged_in_room": N_("urged him to go in the meeting"),
}
#: The measures as the table under the pledge chart shows them (``formats.cell`` words).
MEASURE_WORDS = (N_("signed"), N_("willing"))


def day_label(date) -> str:
    """'25 September 2024': the house style (``formats.date``), for labels and prose alike."""
    return formats.date(pd.Timestamp(date))


# --- Confidence votes --------------------------------------------------------------------------


def vote_arithmetic(votes: pd.DataFrame) -> pd.DataFrame:
    """One row per division, oldest first, with the arithmetic of the result.

    Adds ``label`` (day label), ``voting`` = yeas + nays, ``needed_to_carry`` = the smallest
    number of yeas that beats the nays when the same members vote (``house.votes_to_carry``), and
    ``margin`` = nays - yeas (members of parliament; positive when the motion failed).
    """
    out = votes.sort_values("vote_date").reset_index(drop=True).copy()
    out["label"] = out["vote_date"].map(day_label)
    out["voting"] = (out["yeas"] + out["nays"]).astype(int)
    out["needed_to_carry"] = out["voting"].map(house.votes_to_carry)
    out["margin"] = (out["nays"] - out["yeas"]).astype(int)
    return out


def non_confidence(votes: pd.DataFrame) -> pd.DataFrame:
    """The non-confidence motions only (``kind == 'non-confidence'``), oldest first."""
    if "kind" not in votes.columns:
        raise KeyError("confidence_votes has no 'kind' column")
    return votes[votes["kind"] == "non-confidence"].sort_values("vote_date").reset_index(drop=True)


VERIFIED = "verified against the Journals"
#: The data's record statuses, which the confidence chapter's hover text shows translated.
RECORD_WORDS = (N_("verified against the Journals"), N_("not verified against the Journals"),
                N_("official"), N_("reported"))  # and the tally's basis


def record_counts(votes: pd.DataFrame) -> dict[str, int]:
    """How many divisions were read in the Journals (``verified``) and how many rest on a press
    tally (``press_only``)."""
    verified = int((votes["record_status"] == VERIFIED).sum())
    return {"verified": verified, "press_only": int(len(votes) - verified)}


def _int_or_dash(value) -> str:
    return "–" if pd.isna(value) else f"{int(value)}"


def divisions_table(votes: pd.DataFrame) -> str:
    """The divisions as an HTML table that fits its column (``tables.stacked_html``: a card per
    vote on a phone), oldest first: date, motion, sitting and division numbers, the tally (never
    broken across lines) and what it rests on, and any press tally that differs.

    Sitting or division numbers not verified show as '–'; a tally from the press is labelled
    with its publisher (the first words of ``source_title``)."""
    rows = []
    journals = _("Journals")
    for _i, row in votes.sort_values("vote_date").iterrows():  # (_ is gettext)
        url = html.escape(str(row["source_url"]), quote=True)
        if row["record_status"] == VERIFIED:
            basis = f'<a href="{url}">{journals}</a>'
        else:
            publisher = html.escape(str(row["source_title"]).split(":")[0])
            basis = _("press: {publisher}; not verified against the Journals").format(
                publisher=f'<a href="{url}">{publisher}</a>')
        if pd.notna(row.get("press_yeas")):
            differing = (f"{formats.plain(int(row['press_yeas']))}–"
                         f"{formats.plain(int(row['press_nays']))} ({row['press_publishers']})")
        else:
            differing = "–"
        # the motion's paraphrase is the data package's: its French is in the code catalogue
        motion = _(" ".join(str(row["motion"]).split()))
        rows.append({
            _("Vote"): day_label(row["vote_date"]),
            _("Motion (mover)"): f"{motion} ({row['mover']})",
            _("Sitting"): _int_or_dash(row["sitting"]),
            _("Division"): _int_or_dash(row["division"]),
            _("Yeas–nays"): f"{formats.plain(int(row['yeas']))}–{formats.plain(int(row['nays']))}",
            _("Tally from"): basis,
            _("Differing press tally"): differing,
        })
    return tables.stacked_html(pd.DataFrame(rows), nowrap=[_("Yeas–nays")],
                               markup=[_("Tally from")])


def position_grid(by_party: pd.DataFrame, vote_dates, parties: list[str]) -> pd.DataFrame:
    """Every (vote, party) pair, with the party's position where a source gives one.

    Pairs with no row in ``by_party`` get position ``"not reported"`` and basis ``"none"``:
    the absence is shown, never filled in. Columns: ``vote_date, label, party_code, position,
    basis``, in the order of ``vote_dates`` then ``parties``.
    """
    dates = sorted(pd.Timestamp(d) for d in vote_dates)
    grid = pd.DataFrame(
        [(d, p) for d in dates for p in parties], columns=["vote_date", "party_code"]
    )
    known = by_party[["vote_date", "party_code", "position", "basis"]]
    out = grid.merge(known, on=["vote_date", "party_code"], how="left", validate="one_to_one")
    out["position"] = out["position"].astype("object").where(out["position"].notna(), NOT_REPORTED)
    out["basis"] = out["basis"].astype("object").where(out["basis"].notna(), "none")
    out.insert(1, "label", out["vote_date"].map(day_label))
    return out


def seat_sum(standings: pd.DataFrame, as_of: str, parties: list[str]) -> int:
    """Seats held together by ``parties`` at the snapshot ``as_of``."""
    rows = standings[standings["as_of"] == pd.Timestamp(as_of)]
    if rows.empty:
        raise KeyError(f"no standings for {as_of}")
    missing = set(parties) - set(rows["party_code"])
    if missing:
        raise KeyError(f"no seats for {sorted(missing)} on {as_of}")
    return int(rows.loc[rows["party_code"].isin(parties), "seats"].sum())


# --- The pledge ------------------------------------------------------------------------------


def pledge_ranges(reports: pd.DataFrame, caucus_size: int) -> pd.DataFrame:
    """Reported counts as ranges, oldest first, with shares of the caucus.

    ``is_floor`` marks reports that give only a lower bound ("at least"); ``high_shown`` is
    ``count_high`` where given, else ``count_low``. Shares are percent of ``caucus_size``.
    ``label`` reads e.g. '11 October 2024, CBC News: said to have signed'.
    """
    out = reports.sort_values(["report_date", "measure"]).reset_index(drop=True).copy()
    out["is_floor"] = out["count_high"].isna()
    out["high_shown"] = out["count_high"].fillna(out["count_low"]).astype(int)
    out["count_low"] = out["count_low"].astype(int)
    out["low_pct"] = 100.0 * out["count_low"] / caucus_size
    out["high_pct"] = 100.0 * out["high_shown"] / caucus_size
    measures = [_(MEASURE_LABELS[m]) if m in MEASURE_LABELS else m for m in out["measure"]]
    out["label"] = [
        f"{day_label(d)}, {formats.label(who.split(';')[0])}{m}"
        for d, who, m in zip(out["report_date"], out["reported_by"], measures)
    ]
    return out


def caucus_rules(rules: pd.DataFrame) -> pd.DataFrame:
    """The rules whose threshold is a share of a party's members of parliament.

    Kept: bases naming the caucus, MPs or the parliamentary party room. Dropped: any basis
    counting something else (e.g. the Liberal constitution's riding-weighted points of a
    members' ballot), which cannot be compared with a count of MPs.
    """
    basis = rules["threshold_basis"].str.lower()
    about_mps = basis.str.contains(r"caucus|\bmps\b|party room", regex=True)
    other_unit = basis.str.contains(r"points|members' ballot|party members", regex=True)
    return rules[about_mps & ~other_unit].reset_index(drop=True)


def rule_label(system: str, rule: str, sep: str = ": ", *, translate: bool = True) -> str:
    """A short chart label: the system without its parenthesis, ``sep``, and what the rule
    does (pass ``sep="<br>"`` for a two-line plotly label). In the edition's language unless
    ``translate`` is false (a key that code looks rules up by)."""
    tr = _ if translate else str
    short = system.split(" (")[0]
    text = rule.lower()
    if "remov" in text or "replace" in text:
        action = tr(N_("vote to remove the leader"))
    elif "confidence vote" in text:
        action = tr(N_("letters to trigger a confidence vote"))
    elif "review" in text:
        action = tr(N_("notice to trigger a review"))
    else:
        action = tr(N_("petition to force a ballot"))
    for phase in (N_("in government"), N_("in opposition")):
        if phase in text:
            action += " (" + tr(phase) + ")"
    if translate and formats.language() != "en":  # "Canada: Reform Act", part by part; a NBSP before colons
        short = formats.label("").join(_(part) for part in short.split(": "))
        sep = formats.label("") if sep == ": " else sep
    return f"{short}{sep}{action}"


#: The comparable rules' systems (``leadership_rules``), part by part, for rule_label's French.
SYSTEM_WORDS = (N_("Canada"), N_("Reform Act"), N_("United Kingdom"), N_("Conservative Party"),
                N_("Australia"), N_("Labor Party"), N_("Liberal Party"),
                N_("Liberal Party of Canada constitution"))


def waffle(groups: list[tuple[str, int]], columns: int) -> pd.DataFrame:
    """Squares for a waffle chart: one row per unit, filled row by row from the top left.

    Returns ``unit`` (1-based), ``group``, ``x`` (column, 0-based) and ``y`` (0, -1, -2, …
    so the first row is drawn at the top).
    """
    if columns <= 0:
        raise ValueError("columns must be positive")
    labels = [name for name, count in groups for _ in range(int(count))]
    return pd.DataFrame(
        {
            "unit": range(1, len(labels) + 1),
            "group": labels,
            "x": [i % columns for i in range(len(labels))],
            "y": [-(i // columns) for i in range(len(labels))],
        }
    )


def timeline_rows(timeline: pd.DataFrame, categories: list[str], start: str, end: str
                  ) -> pd.DataFrame:
    """Events of the given categories between ``start`` and ``end`` (inclusive), oldest first,
    with a readable ``day`` ('11 October 2024')."""
    rows = timeline[
        timeline["category"].isin(categories)
        & (timeline["date"] >= pd.Timestamp(start))
        & (timeline["date"] <= pd.Timestamp(end))
    ].sort_values("date", kind="stable")
    out = rows[["date", "event", "category"]].reset_index(drop=True).copy()
    out.insert(1, "day", out["date"].map(day_label))
    out["text"] = event_text(rows).to_list()  # as readers see it ("event" is the key)
    return out


def markdown_list(frame: pd.DataFrame, lead: str, text: str) -> str:
    """A Markdown bullet list, one item per row: '- **<lead>**: <text>'.

    (The book renders notebook Markdown output as CommonMark, which has no tables.)
    """
    return "\n".join(
        f"- **{str(a).strip()}**{formats.label('')}{str(b).strip()}"
        for a, b in zip(frame[lead], frame[text])
    )
