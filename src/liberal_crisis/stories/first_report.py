"""The first report, checked: the claims of the 11 October 2024 reporting against the record.

``data/first_report_claims.csv`` holds each claim and what the record shows, as text whose
figures are placeholders (``{letter_signed}``); :func:`figures` computes those figures from the
other datasets, so the page's numbers come from the data package and never from the claims
file. :func:`checked_table` fills the placeholders and refuses an unknown one.
"""

from __future__ import annotations

import math
import string

import pandas as pd

from ..i18n import N_, gettext as _
from ..i18n import language
from . import formats, sources_lists


# The verdicts, in the order a reader meets them, each with a mark that does not rely on colour
# and the rule the methods page prints (one place, so the page and the rule cannot disagree).
VERDICTS = {
    N_("confirmed"): ("✓", N_("The record shows what the report said, with the same figure where it "
                       "gave one (a floor such as \"at least 20\" is confirmed by a higher count).")),
    N_("confirmed with a different number"): (
        "≈", N_("The event happened, but the record gives a figure outside the one reported.")),
    N_("overtaken by events"): (
        "↻", N_("Accurate when reported, but what it described changed soon after.")),
    N_("not borne out"): (
        "≠", N_("The report described something under way or expected, and the record that followed "
             "does not show it: the figure that reached the record fell short of the one "
             "reported.")),
    N_("wrong"): ("✗", N_("The record contradicts the claim as it was published.")),
    N_("cannot be verified"): (
        "?", N_("No record available to this book can confirm or refute it; it rests on anonymous "
             "sources or on text that could not be read here.")),
}


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields in ``text``."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


CAUCUS_DATE = "2024-10-12"
REVIEW_RULE = "Written notice that triggers a caucus leadership review"
SEPT_VOTE = "2024-09-25"
PACT_END = "NDP ends the supply-and-confidence agreement"
# The rows :func:`figures` reads, by curated table (``sources_lists.sources_markdown(rows=ROWS)``): the
# chapter's Sources list names only their documents.
ROWS = {
    "pledge_reports": {"report_date": ["2024-10-11", "2024-10-23"],
                       "measure": ["signed", "willing"]},
    "caucus_size": {"as_of": CAUCUS_DATE},
    "leadership_rules": {"rule": REVIEW_RULE},
    "confidence_votes": {"vote_date": SEPT_VOTE},
    "timeline": {"event": PACT_END},
}


def figures(*, reports: pd.DataFrame, caucus_size: pd.DataFrame, rules: pd.DataFrame,
            votes: pd.DataFrame, timeline: pd.DataFrame, ballots: pd.DataFrame,
            results: pd.DataFrame) -> dict[str, object]:
    """Every figure the claims table quotes, computed from the datasets that hold it."""
    def report(date, measure):
        rows = reports[(reports["report_date"] == date) & (reports["measure"] == measure)]
        if len(rows) != 1:
            raise ValueError(f"pledge_reports: expected one {measure!r} report on {date}")
        return rows.iloc[0]

    caucus = int(caucus_size.loc[caucus_size["as_of"] == CAUCUS_DATE, "members"].iloc[0])
    review = rules[rules["rule"] == REVIEW_RULE]
    if len(review) != 1:
        raise ValueError("leadership_rules: expected one Reform Act review rule")
    # At least threshold_pct of the caucus: the same ceiling as analysis.caucus.threshold_table.
    review_needed = math.ceil(float(review["threshold_pct"].iloc[0]) * caucus / 100 - 1e-9)
    sept = votes[votes["vote_date"] == SEPT_VOTE]
    if len(sept) != 1:
        raise ValueError("confidence_votes: expected one division on 2024-09-25")
    pact = timeline[timeline["event"] == PACT_END]
    out = {
        "cbc_floor": int(report("2024-10-11", "signed")["count_low"]),
        "star_low": int(report("2024-10-11", "willing")["count_low"]),
        "star_high": int(report("2024-10-11", "willing")["count_high"]),
        "letter_signed": int(report("2024-10-23", "signed")["count_low"]),
        "caucus": caucus,
        "review_needed": review_needed,
        "sept_yeas": int(sept["yeas"].iloc[0]),
        "sept_nays": int(sept["nays"].iloc[0]),
        "sept_margin": int(sept["nays"].iloc[0] - sept["yeas"].iloc[0]),
        "pact_end": _day(pact["date"].iloc[0]),
    }
    for key, riding in (("tsp", "Toronto--St. Paul's"), ("lev", "LaSalle--Émard--Verdun")):
        row = ballots[ballots["riding"] == riding].iloc[0]
        votes_sorted = results[(results["riding"] == riding)
                               & (results["election_date"] == row["election_date"])]
        top = votes_sorted["votes"].sort_values(ascending=False).tolist()
        out[f"{key}_date"] = _day(row["election_date"])
        out[f"{key}_margin"] = int(top[0] - top[1])
    return out


def checked_table(claims: pd.DataFrame, values: dict[str, object]) -> pd.DataFrame:
    """The claims with their figures filled in and the verdict's mark; one row per claim. The
    claim, record and claimed_by are in the edition's language (the code catalogue holds the
    data's sentences); ``verdict`` keeps the data's word."""
    unknown_verdicts = set(claims["verdict"]) - set(VERDICTS)
    if unknown_verdicts:
        raise ValueError(f"first_report_claims: unknown verdict(s) {sorted(unknown_verdicts)}")
    out = claims.copy()
    for col in ("claim", "record"):
        filled = []
        for i, text in zip(out["claim_id"], out[col]):
            missing = placeholders(text) - set(values)
            if missing:
                raise KeyError(f"first_report_claims.csv, claim {i}, column '{col}': "
                               f"no figure named {sorted(missing)}")
            filled.append(_(" ".join(text.split())).format(
                **{k: _fmt(v) for k, v in values.items()}))
        out[col] = filled
    out["claimed_by"] = [_(" ".join(str(who).split())) for who in out["claimed_by"]]
    out["mark"] = [VERDICTS[v][0] for v in out["verdict"]]
    return out


def _day(date) -> str:
    """'4 September 2024': the house form of a date in prose ('1er octobre 2024')."""
    return formats.date(pd.Timestamp(date))


def _fmt(value) -> str:
    return formats.number(value) if isinstance(value, int) else str(value)


def verdict_counts(table: pd.DataFrame) -> dict[str, int]:
    """How many claims got each verdict, in the order of :data:`VERDICTS` (zeros kept)."""
    counts = table["verdict"].value_counts()
    return {v: int(counts.get(v, 0)) for v in VERDICTS}



def prose_numbers(table: pd.DataFrame, values: dict[str, object]) -> dict[str, str]:
    """Every number the chapter's prose shows, as display strings (``formats``), under the
    literal name of its ``{eval}`name```: the verdict counts of the checked ``table`` and the
    record's figures from :func:`figures`."""
    counts = verdict_counts(table)
    return {
        "fr_n_claims": formats.plain(len(table)),
        "fr_n_confirmed": formats.plain(counts["confirmed"]),
        "fr_n_confirmed_with_a_different_number": formats.plain(
            counts["confirmed with a different number"]),
        "fr_n_overtaken_by_events": formats.plain(counts["overtaken by events"]),
        "fr_n_not_borne_out": formats.plain(counts["not borne out"]),
        "fr_n_wrong": formats.plain(counts["wrong"]),
        "fr_n_cannot_be_verified": formats.plain(counts["cannot be verified"]),
        "fr_cbc_floor": formats.plain(values["cbc_floor"]),
        "fr_letter_signed": formats.plain(values["letter_signed"]),
        "fr_caucus": formats.plain(values["caucus"]),
        "fr_review_needed": formats.plain(values["review_needed"]),
        "fr_sept_yeas": formats.plain(values["sept_yeas"]),
        "fr_sept_nays": formats.plain(values["sept_nays"]),
        "fr_sept_margin": formats.plain(values["sept_margin"]),
        "fr_star_low": formats.plain(values["star_low"]),
        "fr_star_high": formats.plain(values["star_high"]),
    }

def verdict_tally(table: pd.DataFrame) -> pd.DataFrame:
    """One row per verdict, in the order of :data:`VERDICTS`: its mark and name, how many
    claims got it, and which (zero rows kept, so an empty verdict still shows)."""
    rows = []
    for verdict, (mark, _rule) in VERDICTS.items():
        ids = [str(i) for i in table.loc[table["verdict"] == verdict, "claim_id"]]
        word = _(verdict)  # the verdict in the edition's language
        rows.append({"verdict": verdict, "label": f"{mark} {word}", "claims": len(ids),
                     "claim_ids": ", ".join(ids) or _("none")})
    return pd.DataFrame(rows)


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def html_table(table: pd.DataFrame) -> str:
    """One row per claim: claim and first report, the record and its source, the verdict.

    The verdict is a word plus a mark, so it reads without colour; CSS adds a tint per verdict
    (class ``fr-<slug>``) for sighted readers. On phones the CSS turns each row into a card.
    """
    claim, verdict, record = _("Claim"), _("Verdict"), _("What the record shows")
    first_by, source = _("First reported by {publisher}"), _("source")
    rows = []
    for r in table.itertuples(index=False):
        slug = r.verdict.replace(" ", "-")
        # the title as published; a date the book added to it goes after the link, in the
        # edition's house style ("…, 10 décembre 2024"), as in the Sources lists
        title, when = (formats.dated_title(r.source_title) if language() == "en"
                       else sources_lists.cited(r.source_title))
        rows.append(
            "<tr>"
            f'<th scope="row">{r.claim_id}</th>'
            f'<td data-label="{_escape(claim)}">{_escape(r.claim)} '
            f'<span class="fr-by">{_escape(first_by.format(publisher=r.claimed_by))} '
            f'(<a href="{_escape(r.claim_source_url)}">{_escape(source)}</a>)</span></td>'
            f'<td data-label="{_escape(verdict)}"><span class="fr-verdict fr-{slug}">'
            f'<span aria-hidden="true">{r.mark}</span> {_escape(_(r.verdict))}</span></td>'
            f'<td data-label="{_escape(record)}">{_escape(r.record)} '
            f'<span class="fr-by"><a href="{_escape(r.source_url)}">'
            f"{_escape(title)}</a>{_escape(', ' + when if when else '')}</span></td>"
            "</tr>"
        )
    caption = _("Claims of the reporting of 11 and 12 October 2024, and the record")
    return (
        '<div class="fr-wrap"><table class="fr-table">'
        f"<caption>{_escape(caption)}</caption>"
        '<colgroup><col class="fr-c-id"><col class="fr-c-claim"><col class="fr-c-verdict">'
        '<col class="fr-c-record"></colgroup>'
        f'<thead><tr><th scope="col">#</th><th scope="col">{_escape(claim)}</th>'
        f'<th scope="col">{_escape(verdict)}</th><th scope="col">{_escape(record)}</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def verdicts_markdown() -> str:
    """The verdict rules as a MyST definition list (for the methods page)."""
    return "\n\n".join(mark + " " + _(name) + "\n: " + _(rule)
                       for name, (mark, rule) in VERDICTS.items())


def verdicts_title(counts, n: int) -> str:
    """The verdicts chart's title from the count of claims per verdict (``counts["wrong"]``)."""
    return (_("{confirmed} of {n} claims held up as reported; {wrong} was wrong and {nbo} not "
              "borne out") if counts["wrong"] == 1 else
            _("{confirmed} of {n} claims held up as reported; {wrong} were wrong and {nbo} not "
              "borne out")).format(confirmed=counts["confirmed"], n=n, wrong=counts["wrong"],
                                   nbo=counts["not borne out"])
