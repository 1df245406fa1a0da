"""The pledge chapter (``book/the-pledge.md``): the reported counts of October 2024 against the
caucus and the thresholds of comparable rules.

:func:`caucus_size` and :func:`report` read the tables the chapter loads; :func:`thresholds` is
the rules table its charts draw (MPs needed under each comparable rule, for this caucus);
:func:`prose_numbers` every number the prose shows, under the literal name of its
``{eval}`name```.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import caucus
from ..i18n import N_, gettext as _
from . import caucus_story, formats

CAUCUS_AS_OF = "2024-10-12"  # the caucus when the pledge was reported
#: The rules the prose names, by their labels in the thresholds table.
UK = "United Kingdom: Conservative Party: letters to trigger a confidence vote"
REFORM_REVIEW = "Canada: Reform Act: notice to trigger a review"
REFORM_REMOVE = "Canada: Reform Act: vote to remove the leader"
LABOR_GOV = "Australia: Labor Party: petition to force a ballot (in government)"
LABOR_OPP = "Australia: Labor Party: petition to force a ballot (in opposition)"
AULIB = "Australia: Liberal Party: vote to remove the leader"


def caucus_size(sizes: pd.DataFrame) -> int:
    """Liberal MPs on :data:`CAUCUS_AS_OF` (``caucus_size``)."""
    return int(sizes.loc[sizes["as_of"] == CAUCUS_AS_OF, "members"].iloc[0])


def report(ranges: pd.DataFrame, date: str, measure: str) -> pd.Series:
    """The row of ``caucus_story.pledge_ranges`` for one report date and measure."""
    rows = ranges[(ranges["report_date"] == date) & (ranges["measure"] == measure)]
    return rows.iloc[0]


def thresholds(rules: pd.DataFrame, members: int, signed: int) -> pd.DataFrame:
    """MPs needed under each comparable rule for a caucus of ``members``, against ``signed``;
    fewest needed first, each with its ``label`` and a two-line ``display`` label."""
    comparable = caucus_story.caucus_rules(rules)
    # Two-thirds is stored rounded (66.67): tol_mps absorbs the rounding so 102 of 153 comes out.
    table = caucus.threshold_table(members, signed, comparable, tol_mps=0.01)
    table["label"] = [caucus_story.rule_label(s, r, translate=False)
                      for s, r in zip(table["system"], table["rule"])]
    table["display"] = [caucus_story.rule_label(s, r, sep="<br>")
                        for s, r in zip(table["system"], table["rule"])]
    # as readers see it (``label`` stays the key the chapter looks rules up by)
    table["shown"] = [caucus_story.rule_label(s, r) for s, r in zip(table["system"], table["rule"])]
    return table.sort_values("mps_needed").reset_index(drop=True)


#: The rules table's words (``leadership_rules``: system, rule, basis), for the table under the
#: thresholds chart in French; a rule added to the data without its translation stops the build.
RULE_TEXTS = (
    N_("Canada: Reform Act (Parliament of Canada Act s. 49.1-49.8)"),
    N_("Liberal Party of Canada constitution"),
    N_("United Kingdom: Conservative Party (1922 Committee)"),
    N_("Australia: Labor Party (2013 Rudd caucus rules)"),
    N_("Australia: Liberal Party (December 2018 party-room rule)"),
    N_("Written notice that triggers a caucus leadership review"),
    N_("Secret-ballot vote that removes the leader once a review is triggered"),
    N_("Leadership endorsement ballot of members after a general-election defeat; leader stays "
       "with at least half the points"),
    N_("Letters to the 1922 Committee chair that trigger a confidence vote in the leader"),
    N_("Caucus petition that forces a leadership ballot while Labor is in government"),
    N_("Caucus petition that forces a leadership ballot while Labor is in opposition"),
    N_("Party-room vote needed to replace a leader who has won an election as prime minister"),
    N_("share of caucus members signing the notice"),
    N_("more than half of caucus members voting (simple majority)"),
    N_("share of riding-weighted points (100 per riding) needed to stay on"),
    N_("share of Conservative MPs"),
    N_("share of the federal caucus"),
    N_("share of the federal parliamentary party room (two-thirds)"),
)


def rules_shown(table: pd.DataFrame) -> pd.DataFrame:
    """The thresholds table as the chart's data table shows it: its words in the edition's
    language."""
    out = table.copy()
    for column in ("system", "rule", "threshold_basis"):
        if column in out:
            out[column] = [_(text) for text in out[column]]
    return out


def deadline(timeline: pd.DataFrame) -> pd.Series:
    """The timeline's row for the dissenters' deadline."""
    return timeline[timeline["event"].str.startswith("Dissenting MPs' deadline")].iloc[0]


def prose_numbers(ranges: pd.DataFrame, table: pd.DataFrame, rules: pd.DataFrame, members: int,
                  timeline: pd.DataFrame) -> dict[str, str]:
    """Every number the chapter's prose shows, as display strings (``formats``)."""
    letter = report(ranges, "2024-10-23", "signed")
    star = report(ranges, "2024-10-11", "willing")
    rule = table.set_index("label")

    def pct(label):
        return formats.decimal(rule.loc[label, "threshold_pct"], 0)

    def needed(label):
        return formats.plain(int(rule.loc[label, "mps_needed"]))

    return {
        "pledge_caucus": formats.plain(members),
        "pledge_cbc_floor": formats.plain(int(report(ranges, "2024-10-11", "signed")["count_low"])),
        "pledge_star_low": formats.plain(int(star["count_low"])),
        "pledge_star_high": formats.plain(int(star["high_shown"])),
        "pledge_signed": formats.plain(int(letter["count_low"])),
        "pledge_signed_pct": formats.decimal(float(letter["low_pct"])),
        "pledge_urged": formats.plain(int(report(ranges, "2024-10-23", "urged_in_room")["count_low"])),
        "pledge_deadline": caucus_story.day_label(deadline(timeline)["date"]),
        "pledge_n_rules": formats.plain(len(rules)),
        "pledge_n_comparable": formats.plain(len(table)),
        "pledge_uk_pct": pct(UK),
        "pledge_uk_needed": needed(UK),
        "pledge_reform_review_pct": pct(REFORM_REVIEW),
        "pledge_reform_review_needed": needed(REFORM_REVIEW),
        "pledge_reform_review_short": formats.plain(int(rule.loc[REFORM_REVIEW, "shortfall"])),
        "pledge_reform_remove_needed": needed(REFORM_REMOVE),
        "pledge_labor_gov_pct": pct(LABOR_GOV),
        "pledge_labor_gov_needed": needed(LABOR_GOV),
        "pledge_labor_opp_pct": pct(LABOR_OPP),
        "pledge_labor_opp_needed": needed(LABOR_OPP),
        "pledge_aulib_needed": needed(AULIB),
    }


def value_labels(table: pd.DataFrame) -> list[str]:
    """Each threshold bar's label: the MPs it needs and its share, and « met » where the
    reported signatories reached it ("24 MPs (15%): met")."""
    return [_("{n} MPs ({pct})").format(n=int(n), pct=formats.pct_short(p))
            + (formats.label("") + _("met") if bool(r) else "")
            for n, p, r in zip(table["mps_needed"], table["threshold_pct"], table["reached"])]
