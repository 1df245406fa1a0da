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

The French edition (``LIBERAL_CRISIS_LANG=fr``, see CONTRIBUTING.md "The French edition") gets
every form here in Canadian French from the same call: ``pct(27.3)`` -> ``"27,3 %"`` (a no-break
space before ``%``), ``number(8925)`` -> ``"8 925"`` (a no-break space), ``date(...)`` ->
``"24 juin 2024"``, ``"1er octobre 2024"``, ``party("LPC")`` -> ``"Libéral"``, headers and words
through the project's catalogue (``liberal_crisis.i18n``).
"""

from __future__ import annotations

import datetime as _dt
import re

from collections.abc import Mapping

from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

from ..i18n import LANGUAGE_VARIABLE, N_, gettext as _, language as _language

LOCALE = "en_CA"
LOCALES = {"en": "en_CA", "fr": "fr_CA"}
PCT_DECIMALS = 1
NBSP = "\u00a0"
# HOVER_PCT (module __getattr__ below): "%{y" + HOVER_PCT is the plotly hover form of pct(),
# ":.1f}%" in English, ":.1f}\u00a0%" in French (plotly's own separators come from the layout).

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
#: The same in French: the short forms Elections Canada's registry and Quebec newsrooms use in
#: tables and legends (CONTRIBUTING.md, "The French edition": names).
PARTY_FORMS_FR: dict[str, tuple[str, str]] = {
    "LPC": ("Libéral", "Libéraux"),
    "CPC": ("Conservateur", "Conservateurs"),
    "NDP": ("NPD", "NPD"),
    "BQ": ("Bloc Québécois", "Bloc Québécois"),
    "GPC": ("Vert", "Verts"),
    "PPC": ("Parti populaire", "Parti populaire"),
    "PC": ("Progressiste-conservateur", "Progressistes-conservateurs"),
    "IND": ("Indépendant", "Indépendants"),
    "OTH": ("Autres", "Autres"),
}
_PARTY_FORMS = {"en": PARTY_FORMS, "fr": PARTY_FORMS_FR}


class _PartyNames(Mapping):
    """``{code: name}`` in the edition's language, read at each look-up (one of the two forms)."""

    def __init__(self, form: int) -> None:
        self._form = form

    def __getitem__(self, code: str) -> str:
        return _PARTY_FORMS[language()][code][self._form]

    def __iter__(self):
        return iter(PARTY_FORMS)

    def __len__(self) -> int:
        return len(PARTY_FORMS)


PARTY_NAMES: Mapping[str, str] = _PartyNames(0)
PARTY_PLURALS: Mapping[str, str] = _PartyNames(1)

# Human headers for the table under each chart. A column not named here gets its words back
# ("riding_number" -> "Riding number") and a unit from its suffix ("_pct" -> "(%)").
HEADERS: dict[str, str] = {
    "party_code": N_("Party"),
    "share_pct": N_("Share of valid votes (%)"),
    "vote_share_pct": N_("Share of the vote (%)"),
    "votes_pct": N_("Share of valid votes (%)"),
    "value_pct": N_("Value (%)"),
    "result_pct": N_("Result (%)"),
    "threshold_pct": N_("Threshold (%)"),
    "points_pct": N_("Share of points (%)"),
    "before_pct": N_("Before (%)"),
    "after_pct": N_("After (%)"),
    "gov_share_pct": N_("Government share (%)"),
    "gov_share_prev_pct": N_("Government share at the previous election (%)"),
    "final_week_polls_pct": N_("Final-week poll average (%)"),
    "final_week_polls_n": N_("Polls in the final week"),
    "change_pts": N_("Change (points)"),
    "lead_pts": N_("Conservative lead (points)"),
    "swing_pts": N_("Swing (points)"),
    "candidates_aggregated": N_("Candidates in the row"),
    "by_election": N_("By-election"),
    "swing_applied_pct": N_("Share of the swing applied (%)"),
    "n_polls": N_("Polls"),
    "n_events": N_("Events that day"),
    "events": N_("What happened"),
    "mps_needed": N_("MPs needed"),
    "count_low": N_("Count (low)"),
    "count_high": N_("Count (high)"),
    "is_floor": N_("At least"),
    "category_label": N_("Type of event"),
    "election_type": N_("Type of election"),
    "government_party": N_("Governing party"),
    "winner_party": N_("Winner’s party"),
    "vote_date": N_("Date of the vote"),
    "report_date": N_("Date of the report"),
    "as_of": N_("Date of the count"),
    "election_date": N_("Date of the election"),
    "yeas": N_("Yeas"),
    "nays": N_("Nays"),
    "x": N_("Column"),
    "y": N_("Row"),
}

RIDING_COLUMNS = {"riding", "predecessor"}
PARTY_COLUMNS = {"party_code", "government_party", "winner_party", "partner", "mover", "party"}
_UNIT_SUFFIXES = {"_pct": "%", "_pts": N_("points"), "_n": "number"}
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


def _locale() -> str:
    return LOCALES[language()]


def date(value) -> str:
    """'25 September 2024' (never ISO in what readers see); '25 septembre 2024' and
    '1er octobre 2024' in French (CLDR has no ordinal day: the Translation Bureau's "1er")."""
    day = _as_date(value)
    if language() == "fr":
        return ("1er" if day.day == 1 else str(day.day)) + " " + format_date(day, "MMMM y", locale=_locale())
    return format_date(day, "d MMMM y", locale=LOCALE)


def day_month(value) -> str:
    """'24 June', '1er octobre': a date whose year the sentence already gives."""
    day = _as_date(value)
    if language() == "fr":
        return ("1er" if day.day == 1 else str(day.day)) + " " + format_date(day, "MMMM", locale=_locale())
    return format_date(day, "d MMMM", locale=LOCALE)


def day_suffix(value) -> str:
    """What follows the day's number in a plotly hover date: "er" on the first of a month in
    French ("1er octobre 2024"), nothing otherwise. A chart puts it in its customdata for
    :func:`hover_day`."""
    return "er" if language() == "fr" and _as_date(value).day == 1 else ""


def hover_day(custom: str, field: str = "x") -> str:
    """A day in plotly hover text, as :func:`date` writes it: "%{x|%-d}%{customdata[1]} %{x|%B
    %Y}" reads "25 September 2024", "1er octobre 2024". d3's time format has no ordinal day
    (it writes "1 octobre"), so the "er" comes from the point's :func:`day_suffix`, at
    ``custom`` ("customdata[1]"); the month names are plotly's locale (fr-CA in French)."""
    return "%{" + field + "|%-d}%{" + custom + "} %{" + field + "|%B %Y}"


def month(value) -> str:
    """'September 2024' ('septembre 2024')."""
    return format_date(_as_date(value), "MMMM y", locale=_locale())


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
    """The edition's language, from ``LIBERAL_CRISIS_LANG`` (``"en"`` when unset; read by
    ``i18n.language``, which the catalogue's ``_()`` reads too)."""
    return _language()


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


def _percent_sign() -> str:
    """'%' in English; a no-break space and '%' in French (Translation Bureau)."""
    return "%" if language() == "en" else NBSP + "%"


def __getattr__(name: str) -> str:
    if name == "HOVER_PCT":  # read at each use: the edition's language is the kernel's
        return ":.1f}" + _percent_sign()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pct(value, decimals: int = PCT_DECIMALS) -> str:
    """'15.7%': a share in percent (0-100), no space before the sign, one decimal by default
    ('15,7 %' in French, with a no-break space)."""
    return localise(f"{value:,.{decimals}f}") + _percent_sign()


def pct_short(value) -> str:
    """'50%' for a whole number, '66.7%' otherwise (thresholds and rules)."""
    value = float(value)
    return pct(value, 0) if round(value, PCT_DECIMALS) == int(value) else pct(value)


def points(value, decimals: int = 1) -> str:
    """'3.2 points' (a difference between two percentages; '3,2 points' in French, '1,5 point'
    below 2: ``point_word``)."""
    space = " " if language() == "en" else NBSP
    return localise(f"{value:,.{decimals}f}") + space + point_word(value, decimals)


def signed(value, decimals: int = 1) -> str:
    """'+3.2' or '−15.6' (a change, with its sign; a typographic minus)."""
    return _minus(localise(f"{value:+,.{decimals}f}"))


def join(items, sep: str = ", ", last: str | None = None) -> str:
    """'A, B and C' ('A, B et C'): ``sep`` between the first items, ``last`` (a spaced "and" in
    the edition's language by default) before the last one."""
    items = [str(i) for i in items]
    if last is None:
        last = " " + _("and") + " "
    return sep.join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def elide(text: str) -> str:
    """French elision of "de" and "que" before a vowel ("de EKOS" -> "d’EKOS"), for
    translations with a name filled in; English text comes back unchanged."""
    if language() == "en":
        return text
    return re.sub(r"\b(de|que) (?=[AEIOUYÉÈÊÂÎÔaeiouyéèêâîô])", lambda m: m[1][:-1] + "’", text)


def point_word(value, decimals: int = 1) -> str:
    """The unit after a number of points: "points" in English; in French "point" below 2
    ("1,4 point", Translation Bureau) and "points" from 2."""
    if language() == "en" or abs(round(float(value), decimals)) >= 2:
        return "points"
    return "point"


def party(code: str) -> str:
    """The party's name: 'CPC' -> 'Conservative' ('Conservateur'; unknown codes raise, never
    leak through)."""
    try:
        return PARTY_NAMES[code]
    except KeyError:
        raise KeyError(f"no reader-facing name for party code {code!r}") from None


#: A party's members as a sentence names them, with the article: French newsrooms write the
#: members in lower case (« les libéraux », « les néo-démocrates »), not the party's short name.
MEMBERS_FR: dict[str, str] = {
    "LPC": "les libéraux", "CPC": "les conservateurs", "NDP": "les néo-démocrates",
    "BQ": "les bloquistes", "GPC": "les verts",
    "PC": "les progressistes-conservateurs", "IND": "les indépendants",
}


def members(code: str) -> str:
    """'the Liberals', 'the NDP' ('les libéraux', 'les néo-démocrates'): a party's members in a
    sentence, lower case (a title capitalises the first one itself)."""
    if language() == "fr":
        return MEMBERS_FR[code]
    return "the " + PARTY_PLURALS[code]


_TAG = re.compile(r"(<[^>]*>)")


def typographic(text: str) -> str:
    """Curly apostrophes and quotation marks: "St. Paul's" -> "St. Paul’s" (markup such as
    ``<span style='color:red'>`` is left alone)."""
    if "<" in text:
        return "".join(part if _TAG.fullmatch(part) else _typographic(part)
                       for part in _TAG.split(text))
    return _typographic(text)


def _typographic(text: str) -> str:
    if language() == "fr":
        return _typographic_fr(text)
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)  # an apostrophe inside a word
    text = re.sub(r"(?<=\w)'(?=s?\b)", "’", text)  # a closing possessive (the Liberals')
    text = re.sub(r"(^|[\s(\[])'", r"\1‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(^|[\s(\[])"', r"\1“", text)
    return text.replace('"', "”")


def _typographic_fr(text: str) -> str:
    """French typography: apostrophe ’, guillemets « » with no-break spaces inside, a no-break
    space before ':' and '%' (Translation Bureau; ';', '!', '?' take none on the Web)."""
    text = re.sub(r"(?<=\w)'", "’", text)
    text = re.sub(r'"\s*([^"]*?)\s*"', "«" + NBSP + r"\1" + NBSP + "»", text)
    text = re.sub(r"«[ \u00a0]*", "«" + NBSP, text)
    text = re.sub(r"[ \u00a0]*»", NBSP + "»", text)
    text = re.sub(r"(?<=\S) ?:(?=\s|$)", NBSP + ":", text)
    return re.sub(r"(?<=\d) ?%", NBSP + "%", text)


def header(column: str) -> str:
    """The human header of a data column: 'share_pct' -> 'Share of valid votes (%)' (through
    the catalogue in French)."""
    if column in HEADERS:
        return _(HEADERS[column])
    words, unit = column, None
    for suffix, name in _UNIT_SUFFIXES.items():
        if column.endswith(suffix):
            words, unit = column[: -len(suffix)], name
            break
    text = words.replace("_", " ").strip().capitalize()
    if language() != "en":
        # a message built from a column's name cannot be extracted for translation: such a
        # column gets its header in HEADERS before it is shown in another edition
        text = _(text) if text in _HEADER_WORDS else _missing_header(column)
    if unit == "number":
        return _("Number of {things}").format(things=text.lower())
    return f"{text} ({unit if unit == '%' else _(unit)})" if unit else text


#: Columns shown under their own words ("Riding", "Votes"): marked here for the catalogue.
_HEADER_WORDS = {N_("Riding"), N_("Votes"), N_("Candidate"), N_("Year"), N_("Date"), N_("Party"),
                 N_("Seats"), N_("Share"), N_("Lead"), N_("Swing"), N_("Name"), N_("Event"),
                 N_("Label"), N_("Province"), N_("Riding number"), N_("Predecessor"),
                 N_("Partner"), N_("Mover"), N_("Winner"), N_("Result"), N_("Count"),
                 N_("Verdict"), N_("Claim"), N_("Source"), N_("Mps"), N_("Value"), N_("Status"),
                 N_("Contest"), N_("Boundaries"), N_("Events"), N_("Number"), N_("Band low"),
                 N_("Band high"),
                 N_("Basis"), N_("Caucus size"), N_("Claim ids"), N_("Claims"), N_("Division"),
                 N_("Election"), N_("Government seats"), N_("Group"), N_("House size"),
                 N_("Layer"), N_("Majority needed"), N_("Measure"), N_("Method"), N_("Month"),
                 N_("Moved the motion"), N_("Needed to carry"), N_("Outcome"), N_("Points"),
                 N_("Pollster"), N_("Position"), N_("Reached"), N_("Record status"),
                 N_("Reported by"), N_("Rule"), N_("Scenario"), N_("Short of majority"),
                 N_("Shortfall"), N_("Side"), N_("Signatories"), N_("Sitting"), N_("Surplus"),
                 N_("System"), N_("Tally basis"), N_("Threshold basis"), N_("Unit"),
                 N_("Vacant")}


#: Categories the tables under the charts show in words ("urged_in_room" -> "urged in room").
_CELL_WORDS = {N_("urged in room")}


def _missing_header(column: str) -> str:
    from ..i18n import MissingTranslation, lenient

    text = column.replace("_", " ").strip().capitalize()
    if lenient():
        return text
    raise MissingTranslation(f"column {column!r} has no header in formats.HEADERS: give it one "
                             "(and its translation) before another edition shows it")


def label(text: str) -> str:
    """'Elections Canada: ' before what it names; 'Élections Canada : ' in French (a no-break
    space before the colon)."""
    return text + (": " if language() == "en" else NBSP + ": ")


def riding(name: str) -> str:
    """A riding as readers know it: Elections Canada writes 'Toronto--St. Paul's', readers see
    an en dash; the French edition shows Elections Canada's official French name
    ("Mount Royal" -> "Mont-Royal", from its bilingual tables: ``liberal_crisis.data.names``)."""
    if language() == "fr":
        from ..data.names import riding_fr

        name = riding_fr(name)
    return typographic(name.replace("--", "\u2013"))


def _minus(text: str) -> str:
    """A negative number with a typographic minus sign ("−15.6", not "-15.6")."""
    return "\u2212" + text[1:] if text.startswith("-") else text


def cell(column: str, value) -> str:
    """A value as the HTML table shows it: names for party codes, long dates, house percents."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if column in PARTY_COLUMNS and isinstance(value, str) and value in PARTY_NAMES:
        return PARTY_NAMES[value]
    if column in RIDING_COLUMNS and isinstance(value, str):
        return riding(value)
    if isinstance(value, str):
        if _ISO.match(value.strip()):
            return date(value)
        if _MACHINE_WORDS.fullmatch(value):  # a category such as "urged_in_room"
            words = value.replace("_", " ")
            return words if language() == "en" else _(words) if words in _CELL_WORDS else \
                _missing_header(value)
        return typographic(value)
    if isinstance(value, (_dt.date, _dt.datetime)) or hasattr(value, "to_pydatetime"):
        return date(value)
    if isinstance(value, float):
        if column.endswith(("_pct", "_pts")) or column in ("share", "lead", "swing"):
            return _minus(localise(f"{value:,.{PCT_DECIMALS}f}"))
        if value.is_integer():
            return _minus(number(value))
        return _minus(localise(f"{value:,.2f}".rstrip("0").rstrip(".")))
    if isinstance(value, int):
        if column.endswith(("year",)) or column in ("year", "riding_number"):
            return str(value)
        return _minus(number(value))
    return typographic(str(value))


#: The plotly.js tool bar's words the book's charts can show (charts-core.js removes the rest,
#: the "Share chart..." button that uploads to Plotly's cloud too): the buttons' titles and the
#: download's notices. Each is plotly's own key, word for word (plotly.js 4 says "as a PNG", no
#: longer "as a png"): a key plotly no longer uses leaves its button in English
#: (tests/test_formats.py finds each in the bundle).
PLOTLY_WORDS = (N_("Zoom"), N_("Pan"), N_("Zoom in"), N_("Zoom out"), N_("Reset axes"),
                N_("Autoscale"), N_("Download plot as a PNG"), N_("Download plot"),
                N_("Double-click to zoom back out"), N_("Reset view"),
                N_("Preparing image - this may take a few seconds"),
                N_("Image download succeeded"),
                N_("Sorry, there was a problem downloading your image!"))


def plotly_locale() -> dict | None:
    """The edition's plotly.js locale (``Plotly.register``), or ``None`` in English (plotly's own).

    Written from Babel's CLDR data for ``fr_CA`` (months in lower case, "juin", "janv."), not
    taken from plotly.js-locales, whose ``fr`` capitalises months and groups with a breakable
    space; the tool bar's words come from the project's catalogue. Numbers in ticks and hover
    follow each figure's ``layout.separators`` (``theme.template``), not the locale.
    """
    lang = language()
    if lang == "en":
        return None
    from babel.dates import get_day_names, get_month_names

    locale = LOCALES[lang]
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    week = [6, 0, 1, 2, 3, 4, 5]  # plotly starts on Sunday; Babel numbers Monday 0
    return {
        "moduleType": "locale",
        "name": locale.replace("_", "-"),
        "dictionary": {word: _(word) for word in PLOTLY_WORDS},
        "format": {
            "days": [days[i] for i in week],
            "shortDays": [short_days[i] for i in week],
            "months": [months[i] for i in range(1, 13)],
            "shortMonths": [short_months[i] for i in range(1, 13)],
            "date": "%Y-%m-%d",
            "decimal": get_decimal_symbol(locale),
            "thousands": get_group_symbol(locale),
            "year": "%Y",
            "month": "%b %Y",
            "dayMonth": "%-d %b",
            "dayMonthYear": "%-d %b %Y",
        },
    }


def separators() -> str:
    """plotly's ``layout.separators`` (decimal point, then thousands): ".," or ",\\u00a0"."""
    locale = _locale()
    return get_decimal_symbol(locale) + get_group_symbol(locale)
