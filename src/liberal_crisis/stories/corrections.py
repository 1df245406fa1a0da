"""The corrections log, on its own page (``book/corrections.md``; table ``corrections``).

One row per correction to a published claim: the date it was made, the page (the file stem of a
chapter in ``book/``), what the page said that was wrong, what it says now, the source that
settles it, and a verbatim fragment of the page's current text (``page_shows``) that a build test
finds on the built page, so a row cannot claim a wording the page does not show. Optional:
``page_no_longer_shows`` (a fragment that must be absent) and ``superseded_by`` (the later row
that corrected this correction). Pure functions; nothing here reads files.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

import pandas as pd

from ..i18n import gettext as _
from . import formats

COLUMNS = ("date", "page", "what_was_wrong", "what_the_page_says_now", "source", "page_shows",
           "page_no_longer_shows", "superseded_by")
REQUIRED = ("date", "page", "what_was_wrong", "what_the_page_says_now", "source", "page_shows")
LOG_CLASS = "lc-corrections-log"  # the rendered log's container: left out of page_text

# Pages whose parts moved to pages of their own: a row keeps the page it was written for (its
# history), and its fragments are looked for on that page and on the pages that took its parts.
# On 7 December 2026 the methods page's data dictionary and corrections log became pages.
SPLITS = {"methods": ("data-dictionary", "corrections")}
SPLIT_DATE = "2026-12-07"

# Typographic apostrophes and quotes, the minus sign and invisible characters, folded so that a
# fragment typed with ASCII ' " - matches the page. Dashes (– —) are kept: copy them from the page.
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                       "\u2212": "-", "\u00ad": None, "\u200b": None, "\u2060": None})
_BLOCKS = ("p", "li", "td", "th", "tr", "div", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
           "figcaption", "dt", "dd", "br", "section", "blockquote", "pre", "table")


def normalise(text: str) -> str:
    """NFC, typographic quotes and the minus sign folded to ASCII, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).translate(_FOLD).split())


def page_text(html: str) -> str:
    """What a reader reads on a built page: the article's text (prose, chart titles, subtitles,
    captions, tables), normalised; blocks (paragraphs, cells) are separated by a space. Scripts,
    styles and chart canvases are left out, and so is the corrections log itself (``LOG_CLASS``,
    on its own page), so a row cannot find its fragment in its own log entry."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for tag in article.select(f"script, style, .lc-chart, .{LOG_CLASS}"):
        tag.decompose()
    for tag in article.find_all(_BLOCKS):
        tag.append(" ")
    return normalise(article.get_text(""))


def page_links(html: str) -> set[str]:
    """The addresses the article links to (for a ``page_shows`` that is an address)."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup(html, "html.parser")
    article = article.select_one("article") or article
    return {a["href"] for a in article.select("a[href]")}


def _blank(value) -> bool:
    return pd.isna(value) or not str(value).strip()


def _key(row) -> str:
    # The date as the CSV writes it, whether the log was read typed (a Timestamp) or as text.
    return f"{pd.Timestamp(row['date']).date().isoformat()} {row['page']}: {row['what_was_wrong']}"


def problems(log: pd.DataFrame, pages: Iterable[str]) -> list[str]:
    """Why a row cannot be published: a blank required field, a page that is not in the book,
    or a ``superseded_by`` that does not name exactly one other row dated the same day or later.

    ``superseded_by`` names the later row as ``YYYY-MM-DD page: `` followed by the start of its
    ``what_was_wrong``. Each message names the CSV line (header = line 1) and the column."""
    pages = set(pages)
    out = []
    missing = [c for c in COLUMNS if c not in log.columns]
    if missing:
        return [f"data/corrections.csv: missing column(s) {', '.join(missing)}"]
    log = log.reset_index(drop=True)
    keys = [_key(row) for _, row in log.iterrows()]
    for i, row in log.iterrows():
        line = i + 2
        for col in REQUIRED:
            if _blank(row[col]):
                out.append(f"data/corrections.csv line {line}, column {col}: empty")
        if not _blank(row["page"]) and row["page"] not in pages:
            out.append(f"data/corrections.csv line {line}, column page: "
                       f"{row['page']!r} is not a page of the book")
        for col in ("page_shows", "page_no_longer_shows"):
            if not _blank(row[col]) and str(row[col]) != str(row[col]).strip():
                out.append(f"data/corrections.csv line {line}, column {col}: "
                           "leading or trailing space")
        if not _blank(row["superseded_by"]):
            ref = str(row["superseded_by"]).strip()
            hits = [j for j, k in enumerate(keys) if k.startswith(ref) and j != i]
            if len(hits) != 1:
                out.append(f"data/corrections.csv line {line}, column superseded_by: {ref!r} "
                           f"names {len(hits)} other rows, not exactly one "
                           "('YYYY-MM-DD page: start of its what_was_wrong')")
            elif str(log.at[hits[0], "date"]) < str(row["date"]):
                out.append(f"data/corrections.csv line {line}, column superseded_by: "
                           f"line {hits[0] + 2} is dated before this row")
    return out


def pages_now(page: str, splits: Mapping[str, Iterable[str]] = SPLITS) -> tuple[str, ...]:
    """The pages that hold what ``page`` held: itself, and the pages that took its parts."""
    return (page, *splits.get(page, ()))


def page_problems(log: pd.DataFrame, texts: Mapping[str, str],
                  links: Mapping[str, set[str]] | None = None,
                  splits: Mapping[str, Iterable[str]] = SPLITS) -> list[str]:
    """Rows whose ``page_shows`` is not on the built page, or whose ``page_no_longer_shows``
    still is. ``texts`` maps a page (file stem) to its :func:`page_text`. A ``page_shows`` that
    starts with ``http`` is an address: it must be a link on the page or in the bibliography
    (``links`` maps a page to :func:`page_links`; the bibliography is the page ``references``,
    where every citation points). A page that was split (``splits``) is read with the pages
    that took its parts (:func:`pages_now`)."""
    links = links or {}
    out = []
    for i, row in log.reset_index(drop=True).iterrows():
        line, page = i + 2, row["page"]
        if any(texts.get(p) is None for p in pages_now(page, splits)):
            missing = [p for p in pages_now(page, splits) if texts.get(p) is None]
            out.append(f"data/corrections.csv line {line}, column page: no built page "
                       f"{missing[0]!r}")
            continue
        text = "\n".join(texts[p] for p in pages_now(page, splits))
        page_links_now = set().union(*(links.get(p, set()) for p in pages_now(page, splits)))
        shows = "" if _blank(row["page_shows"]) else normalise(row["page_shows"])
        if shows.startswith(("http://", "https://")):
            found = shows in page_links_now | links.get("references", set())
        else:
            found = bool(shows) and shows in text
        if not found:
            out.append(f"data/corrections.csv line {line}, column page_shows: "
                       f"{shows!r} is not on the page {page}")
        gone = "" if _blank(row["page_no_longer_shows"]) else normalise(row["page_no_longer_shows"])
        if gone and gone in text:
            out.append(f"data/corrections.csv line {line}, column page_no_longer_shows: "
                       f"{gone!r} is still on the page {page}")
    return out


def _text(text) -> str:
    return " ".join(str(text).split())


def log_markdown(log: pd.DataFrame) -> str:
    """The log as a dated list, newest first, for reading on any screen: each entry a term (the
    date and the page, linked with ``{doc}``) and what was wrong, what the page says now and the
    source that settles it, inside a container of class ``LOG_CLASS``. A sentence when there is
    nothing to list."""
    if log.empty:
        return _("No corrections yet.")
    ordered = log.assign(_date=pd.to_datetime(log["date"]).dt.date.astype(str)) \
        .sort_values(["_date", "page"], ascending=[False, True], kind="stable")
    lines = [f"````{{container}} {LOG_CLASS}", ""]
    # the labels and the entries in the edition's language (the entries' French is in the code
    # catalogue: site.catalogues.DATA_TEXTS)
    wrong, now, source = (formats.label(_("What was wrong")), formats.label(_("What it says now")),
                          formats.label(_("Source")))
    for _row_number, row in ordered.iterrows():
        was, says, settles = (_(_text(row[c])) for c in
                              ("what_was_wrong", "what_the_page_says_now", "source"))
        lines += [
            f"{formats.date(row['_date'])} · {{doc}}`{row['page']}`",
            f": *{wrong.rstrip()}* {was}",
            "",
            f"  *{now.rstrip()}* {says}",
            "",
            f"  *{source.rstrip()}* {settles}",
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n````"


def prose_numbers(log: pd.DataFrame) -> dict[str, str]:
    """The numbers and dates the corrections page's prose shows."""
    return {
        "corr_n": formats.number(len(log)),
        "corr_split_date": formats.date(SPLIT_DATE),
    }
