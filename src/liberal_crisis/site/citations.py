"""Author–year citations whose labels are the same in the text and on the references page.

sphinxcontrib-bibtex's stock ``author_year`` reference style writes "(The Canadian Press, 2024)"
for every 2024 article by The Canadian Press, while the references page labels entries with
pybtex's alpha labels ("[338Canada24a]"): a reader cannot tell which article is meant. Here:

- a pybtex label style (``lc_author_year``) gives each entry "Publisher, 2024", with a, b, c...
  after the year where one publisher has several entries in a year, lettered in date order;
- a pybtex sorting style sorts the references page by publisher, then date;
- a pybtex formatting style writes each entry compactly (linked title, carrier, date in the house
  style) and prints only reader-facing fields: working notes live in the ``annote`` field (the
  BibTeX annotation field, never rendered);
- a sphinxcontrib-bibtex reference style cites by that very label, in round brackets:
  "(The Canadian Press, 2024b)".

All four are registered under the name ``lc_author_year`` when the extension loads, and
``_config.yml`` selects them (``bibtex_default_style``, ``bibtex_reference_style``).
"""

from __future__ import annotations

import dataclasses
import re
import string
import unicodedata
from collections import Counter
from urllib.parse import urlparse

import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.formatting import toplevel
from pybtex.style.template import field, href, join, node, sentence, words
from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

from ..i18n import gettext as _
from ..i18n import language
from ..stories import formats

NAME = "lc_author_year"
_BRACES = re.compile(r"[{}]")


def author(entry) -> str:
    """The author as readers know it: the organisation ("The Canadian Press"), or the last
    names of up to two people ("Smith and Jones", "Smith et al."). An organisation is named
    in the edition's language from the code catalogue, the one mapping the Sources lists use
    too ("La Presse Canadienne"; ``catalogues.bib_names`` lists every one)."""
    people = entry.persons.get("author", [])
    names = [_BRACES.sub("", " ".join(p.last_names) or str(p)) for p in people]
    if not names:
        return _BRACES.sub("", entry.fields.get("organization") or entry.fields.get("title", "?"))
    if len(people) == 1 and not people[0].first_names:
        return _(names[0])  # a publisher ({The Canadian Press}), not a person
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


NO_DATE = "n.d."


def year(entry) -> str:
    value = entry.fields.get("year") or entry.fields.get("date", NO_DATE)[:4]
    return _("n.d.") if value == NO_DATE else value  # « s.d. » in French


def collation_key(text: str) -> str:
    """Dictionary order, in either language: accents and case set aside at the first level,
    so that « Élections Canada » files under E in the French edition, not after Z."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def base_label(entry) -> str:
    return f"{author(entry)}, {year(entry)}"


class AuthorYearSorting(BaseSortingStyle):
    """Publisher, then date (so that 2024a is the publisher's first piece of 2024), then title."""

    def sorting_key(self, entry):
        return (collation_key(author(entry)), author(entry), year(entry), entry.fields.get("date", ""),
                entry.fields.get("title", "").lower(), entry.key)


class AuthorYearLabels(BaseLabelStyle):
    """'CBC News, 2024' or, where one publisher has several entries in a year, 'CBC News, 2024a',
    'CBC News, 2024b'... in the order of the sorted entries."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        bases = [base_label(e) for e in entries]
        totals = Counter(bases)
        seen: Counter = Counter()
        for base in bases:
            if totals[base] == 1:
                yield base
                continue
            index = seen[base]
            seen[base] += 1
            letters = string.ascii_lowercase
            suffix = letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]
            yield base + suffix


@node
def long_date(children, context):
    """'28 June 2024' from the entry's ISO ``date`` ('October 2024' when only the month is known)."""
    assert not children
    value = context["entry"].fields.get("date", "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Text(formats.date(value))
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Text(formats.month(value + "-01"))
    return Text(value or year(context["entry"]))


_LATEX = [("``", "“"), ("''", "”"), ("`", "‘"), ("---", "—"), ("--", "–"),
          ("\\#", "#"), ("\\_", "_"), ("\\&", "&"), ("\\%", "%")]


def plain(value: str) -> str:
    """A BibTeX field as readers should see it: no braces or LaTeX escapes, en dashes for
    '--', curly quotes and apostrophes."""
    text = _BRACES.sub("", value)
    for latex, char in _LATEX:
        text = text.replace(latex, char)
    return formats.typographic(text)


@node
def typographic_field(children, context, name):
    """A field as plain reader-facing text (see ``plain``)."""
    assert not children
    return Text(plain(context["entry"].fields.get(name, "")))


@node
def carrier_field(children, context):
    """The site that carried the piece, named in the edition's language (the catalogue's
    publishers: « Cabinet du premier ministre (communiqué) »)."""
    assert not children
    return Text(plain(_(_BRACES.sub("", context["entry"].fields.get("organization", "")))))


def described(title: str) -> bool:
    """True when a title is the book's own description of a piece whose headline could not be
    verified, written in square brackets by bibliographic convention ("[Article in French
    on …]"): the book's words, so they follow the edition (``title_field``)."""
    return title.startswith("[") and title.endswith("]")


#: Federal institutions that publish in both official languages: the French edition cites
#: their documents under the French title (the publisher's own where verified).
BILINGUAL = {"House of Commons of Canada", "Elections Canada", "Library of Parliament",
             "Prime Minister of Canada"}


def translated_title(entry) -> bool:
    """True when the entry's title follows the edition: a description (``described``) or a
    document of a bilingual institution (``BILINGUAL``). Every other title stays as published."""
    people = entry.persons.get("author", [])
    publisher = _BRACES.sub("", " ".join(people[0].last_names)) if len(people) == 1 else ""
    return described(_BRACES.sub("", entry.fields.get("title", ""))) or publisher in BILINGUAL


@node
def title_field(children, context):
    """The title as published, or through the code catalogue where ``translated_title`` (the
    strict French build then fails until it is translated)."""
    assert not children
    entry = context["entry"]
    title = _BRACES.sub("", entry.fields.get("title", ""))
    return Text(plain(_(title) if translated_title(entry) else title))


def _is_site_front(url: str) -> bool:
    """True when the address is a publisher's front page or section, not the piece itself.
    An address with a query ("?p=8447") names one piece, whatever its path."""
    parts = urlparse(url)
    path = parts.path.strip("/")
    return not parts.query and path.count("/") == 0 and "." not in path and "-" not in path


class AuthorYearStyle(UnsrtStyle):
    """Compact reader-facing entries; the label (publisher, year) stands beside each one."""

    default_label_style = NAME
    default_sorting_style = NAME

    def format_title(self, e, which_field, as_sentence=True):
        url = e.fields.get("url", "")
        title = title_field if which_field == "title" else typographic_field(name=which_field)
        if url and not _is_site_front(url):
            title = href(field("url", raw=True))[title]
        return sentence[title] if as_sentence else title

    def get_online_template(self, e):
        carrier = _BRACES.sub("", e.fields.get("organization", ""))
        carrier = _(carrier) if carrier else ""
        parts = [self.format_title(e, "title")]
        if carrier and not carrier.startswith(author(e)):
            parts.append(sentence[join[carrier_field], long_date])
        else:
            parts.append(sentence[long_date])
        url = e.fields.get("url", "")
        if url and _is_site_front(url):
            # The piece's own address is not known: say so, and link the publisher's site.
            host = urlparse(url).netloc
            site = _("Publisher’s site:")  # in the edition's language, as every word around it
            parts.append(sentence[words[site, href(field("url", raw=True))[Text(host)]]])
        # The publisher's own French page, where it was found (urlfr): in the French edition only.
        if language() == "fr" and e.fields.get("urlfr"):
            parts.append(sentence[href(field("urlfr", raw=True))[Text(_("French version"))]])
        if e.fields.get("license"):
            parts.append(sentence[join[_("Licence: "), typographic_field(name="license")]])
        return toplevel[tuple(parts)]

    def get_misc_template(self, e):
        return self.get_online_template(e)


@dataclasses.dataclass
class AuthorYearReferenceStyle(LabelReferenceStyle):
    """Cite by the entry's label in round brackets: '(CBC News, 2024a; Reuters, 2025)'."""

    bracket_parenthetical: BracketStyle = dataclasses.field(
        default_factory=lambda: BracketStyle(left="(", right=")", sep="; "))
    bracket_textual: BracketStyle = dataclasses.field(
        default_factory=lambda: BracketStyle(left="(", right=")", sep="; "))


def register() -> None:
    """Make the styles findable by name (idempotent: Sphinx may load the extension twice)."""
    for group, klass in (("pybtex.style.formatting", AuthorYearStyle),
                         ("pybtex.style.labels", AuthorYearLabels),
                         ("pybtex.style.sorting", AuthorYearSorting)):
        pybtex.plugin.register_plugin(group, NAME, klass, force=True)
    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", NAME,
                           AuthorYearReferenceStyle, force=True)

