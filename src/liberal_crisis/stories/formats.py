"""The house style for numbers, dates and names, in one place (see CONTRIBUTING.md "House style").

Chapters, tables and charts format what readers see through these functions, so that a share
reads "15.7%" and a date "25 September 2024" on every page, in prose, tables, legends and hover
text alike:

- ``pct(15.678)`` -> ``"15.7%"`` (no space, one decimal; ``HOVER_PCT`` is the plotly form),
  ``pct_short(50)`` -> ``"50%"`` for thresholds;
- ``points(3.21)`` -> ``"3.2 points"``; ``number(12345)`` -> ``"12,345"``;
  ``signed(-15.62)`` -> ``"−15.6"`` (a change, with a typographic minus);
- ``date("2024-09-25")`` -> ``"25 September 2024"`` and ``month(...)`` -> ``"September 2024"``
  (Babel, Canadian English);
- ``party("CPC")`` -> ``"Conservative"``: readers never see a party code;
- ``header("share_pct")`` -> ``"Share (%)"`` and ``cell(column, value)``: the HTML table under
  each chart (the CSV keeps the machine names and raw values);
- ``typographic(text)``: curly apostrophes and quotation marks for chart text;
- ``dated_title("... (4 Sep 2024)")`` -> ``("...", "4 September 2024")``: the date the book added
  to a cited document's title, split off and written in the house style.

Numbers in prose (``{eval}`name``` in a chapter, see CONTRIBUTING.md "Numbers in prose") are
strings made here, ready to display: ``number(8925)`` -> ``"8,925"`` (``:,``),
``decimal(27.346)`` -> ``"27.3"`` (``:.1f``), ``decimal(x, 0)`` (``:.0f``), ``change(3.21)`` ->
``"+3.2"`` (``:+.1f``), ``plain(2011)`` -> ``"2011"`` (no grouping: years, small counts). They
read the edition's language from one place, ``LIBERAL_CRISIS_LANG`` (``language()``; default
``en``): English output is Python's own formatting, byte for byte; another language swaps the
separators for its own (``fr``: ``"8 925"``, ``"27,3"``).
"""

from __future__ import annotations

import datetime as _dt
import os
import re

from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

LOCALE = "en_CA"
LANGUAGE_VARIABLE = "LIBERAL_CRISIS_LANG"  # the edition's language: "en" (default) or "fr"
LOCALES = {"en": "en_CA", "fr": "fr_CA"}
PCT_DECIMALS = 1
HOVER_PCT = ":.1f}%"  # e.g. "%{y" + HOVER_PCT: the plotly hover form of pct()

#: The one list of parties' reader-facing names, by code: (the name, as in "the Liberal share"
#: or a legend; the form a sentence counts seats with, as in "Conservatives 237 seats"). A party
#: not listed is named from ``data/parties.csv``.
PARTY_FORMS: dict[str, tuple[str, str]] = {
    "LPC": ("Liberal", "Liberals"),
    "CPC": ("Conservative", "Conservatives"),
    "NDP": ("NDP", "NDP"),
    "BQ": ("Bloc Québécois", "Bloc Québécois"),
    "GPC": ("Green", "Greens"),
    "PPC": ("People’s Party", "People’s Party"),
    "PC": ("Progressive Conservative", "Progressive Conservatives"),
    "IND": ("Independent", "Independents"),
    "OTH": ("Others", "Others"),
}
PARTY_NAMES: dict[str, str] = {code: name for code, (name, _) in PARTY_FORMS.items()}
PARTY_PLURALS: dict[str, str] = {code: plural for code, (_, plural) in PARTY_FORMS.items()}

# Human headers for the table under each chart. A column not named here gets its words back
# ("riding_number" -> "Riding number") and a unit from its suffix ("_pct" -> "(%)").
HEADERS: dict[str, str] = {
    "party_code": "Party",
    "share_pct": "Share of valid votes (%)",
    "vote_share_pct": "Share of the vote (%)",
    "votes_pct": "Share of valid votes (%)",
    "value_pct": "Value (%)",
    "result_pct": "Result (%)",
    "threshold_pct": "Threshold (%)",
    "points_pct": "Share of points (%)",
    "before_pct": "Before (%)",
    "after_pct": "After (%)",
    "gov_share_pct": "Government share (%)",
    "gov_share_prev_pct": "Government share at the previous election (%)",
    "final_week_polls_pct": "Final-week poll average (%)",
    "final_week_polls_n": "Polls in the final week",
    "change_pts": "Change (points)",
    "lead_pts": "Conservative lead (points)",
    "swing_pts": "Swing (points)",
    "candidates_aggregated": "Candidates in the row",
    "by_election": "By-election",
    "swing_applied_pct": "Share of the swing applied (%)",
    "n_polls": "Polls",
    "n_events": "Events that day",
    "events": "What happened",
    "mps_needed": "MPs needed",
    "count_low": "Count (low)",
    "count_high": "Count (high)",
    "is_floor": "At least",
    "category_label": "Type of event",
    "election_type": "Type of election",
    "government_party": "Governing party",
    "winner_party": "Winner’s party",
    "vote_date": "Date of the vote",
    "report_date": "Date of the report",
    "as_of": "Date of the count",
    "election_date": "Date of the election",
    "yeas": "Yeas",
    "nays": "Nays",
    "x": "Column",
    "y": "Row",
}

RIDING_COLUMNS = {"riding", "predecessor"}
PARTY_COLUMNS = {"party_code", "government_party", "winner_party", "partner", "mover", "party"}
_UNIT_SUFFIXES = {"_pct": "%", "_pts": "points", "_n": "number"}
_MACHINE_WORDS = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, str) and _ISO.match(value.strip()):
        return _dt.date.fromisoformat(value.strip()[:10])
    raise ValueError(f"not a date: {value!r}")


def date(value) -> str:
    """'25 September 2024' (never ISO in what readers see)."""
    return format_date(_as_date(value), "d MMMM y", locale=LOCALE)


def month(value) -> str:
    """'September 2024'."""
    return format_date(_as_date(value), "MMMM y", locale=LOCALE)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
# Month names as the book's data has written them: in full, in three letters, and "Sept".
_MONTH_NUMBER = {**{m: i for i, m in enumerate(_MONTHS, 1)},
                 **{m[:3]: i for i, m in enumerate(_MONTHS, 1)}, "sept": 9}
# A title's trailing "(4 September 2024)", "(4 Sep. 2024)", "(Mar 2025)" or "(2024-09-04)":
# a date the book added, not the publisher's words.
_TITLE_DATE = re.compile(
    r"\s*\((?:(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?:(?P<day>\d{1,2})\s+)?(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4}))\)\s*$")


def dated_title(title: str) -> tuple[str, str]:
    """A cited title and the date added to it in parentheses at its end, in the house style:
    ``"NDP ends the deal (4 Sep 2024)"`` -> ``("NDP ends the deal", "4 September 2024")``,
    ``"... (Mar 2025)"`` -> ``("...", "March 2025")``. A title with no such date comes back
    whole with ``""``; other parentheticals ("(Division No. 858)") are left alone. An
    impossible date ("31 Feb 2024") raises ``ValueError``."""
    found = _TITLE_DATE.search(title)
    if not found:
        return title, ""
    if found["iso"]:
        return title[: found.start()], date(found["iso"])
    number_ = _MONTH_NUMBER.get(found["month"].lower())
    if number_ is None:  # "(Speaker 2024)" and the like: not a date
        return title, ""
    day, year = found["day"], int(found["year"])
    when = _dt.date(year, number_, int(day) if day else 1)
    return title[: found.start()], date(when) if day else month(when)


def language() -> str:
    """The edition's language, from ``LIBERAL_CRISIS_LANG`` (``"en"`` when unset)."""
    lang = os.environ.get(LANGUAGE_VARIABLE, "").strip() or "en"
    if lang not in LOCALES:
        raise ValueError(f"{LANGUAGE_VARIABLE}={lang!r}: the book has editions in {sorted(LOCALES)}")
    return lang


def localise(text: str) -> str:
    """A number formatted by Python (``,`` groups, ``.`` decimals) in the edition's language:
    unchanged in English, ``"8 925"`` and ``"27,3"`` in French (Babel's symbols)."""
    lang = language()
    if lang == "en":
        return text
    locale = LOCALES[lang]
    group, point = get_group_symbol(locale), get_decimal_symbol(locale)
    return text.translate({ord(","): "\0", ord("."): point}).replace("\0", group)


def number(value, decimals: int = 0) -> str:
    """'12,345' (thousands separated by commas; the prose's ``:,``)."""
    return localise(f"{value:,.{decimals}f}")


def decimal(value, decimals: int = 1) -> str:
    """'27.3': a share or a number of points, without a sign or a unit (the prose's ``:.1f``;
    ``decimal(x, 0)`` is ``:.0f``)."""
    return localise(f"{float(value):.{decimals}f}")


def change(value, decimals: int = 1) -> str:
    """'+3.2' or '-3.2': a change with its sign (the prose's ``:+.1f``)."""
    return localise(f"{float(value):+.{decimals}f}")


def plain(value) -> str:
    """'2011', '91': a whole number as it is, no grouping (years, riding numbers, small counts)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "item"):
        raise TypeError(f"plain() formats a number, not {value!r}")
    value = value.item() if hasattr(value, "item") else value
    return localise(str(value))


def pct(value, decimals: int = PCT_DECIMALS) -> str:
    """'15.7%': a share in percent (0-100), no space before the sign, one decimal by default."""
    return f"{value:,.{decimals}f}%"


def pct_short(value) -> str:
    """'50%' for a whole number, '66.7%' otherwise (thresholds and rules)."""
    value = float(value)
    return pct(value, 0) if round(value, PCT_DECIMALS) == int(value) else pct(value)


def points(value, decimals: int = 1) -> str:
    """'3.2 points' (a difference between two percentages)."""
    return f"{value:,.{decimals}f} points"


def signed(value, decimals: int = 1) -> str:
    """'+3.2' or '−15.6' (a change, with its sign; a typographic minus)."""
    return _minus(f"{value:+,.{decimals}f}")


def party(code: str) -> str:
    """The party's name: 'CPC' -> 'Conservative' (unknown codes raise, never leak through)."""
    try:
        return PARTY_NAMES[code]
    except KeyError:
        raise KeyError(f"no reader-facing name for party code {code!r}") from None


_TAG = re.compile(r"(<[^>]*>)")


def typographic(text: str) -> str:
    """Curly apostrophes and quotation marks: "St. Paul's" -> "St. Paul’s" (markup such as
    ``<span style='color:red'>`` is left alone)."""
    if "<" in text:
        return "".join(part if _TAG.fullmatch(part) else _typographic(part)
                       for part in _TAG.split(text))
    return _typographic(text)


def _typographic(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)  # an apostrophe inside a word
    text = re.sub(r"(?<=\w)'(?=s?\b)", "’", text)  # a closing possessive (the Liberals')
    text = re.sub(r"(^|[\s(\[])'", r"\1‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(^|[\s(\[])"', r"\1“", text)
    return text.replace('"', "”")


def header(column: str) -> str:
    """The human header of a data column: 'share_pct' -> 'Share of valid votes (%)'."""
    if column in HEADERS:
        return HEADERS[column]
    words, unit = column, None
    for suffix, name in _UNIT_SUFFIXES.items():
        if column.endswith(suffix):
            words, unit = column[: -len(suffix)], name
            break
    text = words.replace("_", " ").strip().capitalize()
    if unit == "number":
        return f"Number of {text.lower()}"
    return f"{text} ({unit})" if unit else text


def _minus(text: str) -> str:
    """A negative number with a typographic minus sign ("−15.6", not "-15.6")."""
    return "\u2212" + text[1:] if text.startswith("-") else text


def cell(column: str, value) -> str:
    """A value as the HTML table shows it: names for party codes, long dates, house percents."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if column in PARTY_COLUMNS and isinstance(value, str) and value in PARTY_NAMES:
        return PARTY_NAMES[value]
    if column in RIDING_COLUMNS and isinstance(value, str):
        # Elections Canada writes 'Toronto--St. Paul's'; readers see an en dash.
        return typographic(value.replace("--", "\u2013"))
    if isinstance(value, str):
        if _ISO.match(value.strip()):
            return date(value)
        if _MACHINE_WORDS.fullmatch(value):  # a category such as "inferred_from_tally"
            return value.replace("_", " ")
        return typographic(value)
    if isinstance(value, (_dt.date, _dt.datetime)) or hasattr(value, "to_pydatetime"):
        return date(value)
    if isinstance(value, float):
        if column.endswith(("_pct", "_pts")) or column in ("share", "lead", "swing"):
            return _minus(f"{value:,.{PCT_DECIMALS}f}")
        if value.is_integer():
            return _minus(number(value))
        return _minus(f"{value:,.2f}".rstrip("0").rstrip("."))
    if isinstance(value, int):
        if column.endswith(("year",)) or column in ("year", "riding_number"):
            return str(value)
        return _minus(number(value))
    return typographic(str(value))
