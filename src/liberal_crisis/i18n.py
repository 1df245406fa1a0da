"""The book's two editions from the same code: the strings the code shows readers, per language.

Prose (a chapter's Markdown) is translated by Sphinx from one gettext catalogue per page
(``locale/fr_CA/LC_MESSAGES/book/<page>.po``). What the *code* shows (chart titles, axis titles,
legends, hover text, alt text, table headers, captions, Markdown a cell displays, the explorer's
words) is written in English in the code, wrapped in ``_()``, and translated here from the
project's own catalogue, ``locale/fr_CA/LC_MESSAGES/liberal_crisis.po`` (extracted from ``src/``
and the chapters' code cells by ``liberal_crisis.site.catalogues``):

- ``_("Votes (validated count)")``: the message in the edition's language
  (``formats.language()``, from ``LIBERAL_CRISIS_LANG``). A message with a value in it is written
  with named fields and formatted after translation: ``_("Stewart won by {margin} votes").format(
  margin=formats.number(m))``; never ``_(f"...")``, which no catalogue can hold.
- ``N_("...")`` marks a message for the catalogue where it is defined (a table of headers) and
  returns it unchanged; ``_()`` translates it where it is shown.

Strict by default: in French a message with no translation (missing, empty or fuzzy) raises
:class:`MissingTranslation` naming it, so a chart cannot go out half in English; the build stops
at the cell. ``LIBERAL_CRISIS_I18N_LENIENT=1`` (development only, while catalogues are being
filled) shows the English instead. The catalogue is read with Babel, so no ``.mo`` is compiled.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

DOMAIN = "liberal_crisis"
LENIENT_VARIABLE = "LIBERAL_CRISIS_I18N_LENIENT"
LANGUAGE_VARIABLE = "LIBERAL_CRISIS_LANG"  # the edition's language: "en" (default) or "fr"
LOCALE_VARIABLE = "LIBERAL_CRISIS_LOCALE"  # the catalogues' folder (set by the French build)
#: The repository's catalogues, when nothing else says where they are.
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def locale_dir() -> Path:
    """The catalogues' folder: ``$LIBERAL_CRISIS_LOCALE``, else the nearest ``locale/`` at or
    above the working directory (chapters run from ``book/``), else the repository's."""
    if os.environ.get(LOCALE_VARIABLE):
        return Path(os.environ[LOCALE_VARIABLE]).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "locale" / EDITIONS["fr"]["locale"]).is_dir():
            return folder / "locale"
    return LOCALE_DIR
#: Each edition's locale (Babel and gettext), BCP 47 tag (``<html lang>``) and site folder.
EDITIONS = {
    "en": {"locale": "en_CA", "tag": "en-CA", "prefix": "", "name": "English"},
    "fr": {"locale": "fr_CA", "tag": "fr-CA", "prefix": "fr/", "name": "Français"},
}


class MissingTranslation(LookupError):
    """A message the code shows has no translation in the edition's catalogue."""


def language() -> str:
    """The edition's language, from ``LIBERAL_CRISIS_LANG`` (``"en"`` when unset): the one
    reader of it (``stories.formats.language`` is this), here at the bottom of the layers."""
    lang = os.environ.get(LANGUAGE_VARIABLE, "").strip() or "en"
    if lang not in EDITIONS:
        raise ValueError(f"{LANGUAGE_VARIABLE}={lang!r}: the book has editions in {sorted(EDITIONS)}")
    return lang


def catalogue_path(lang: str, domain: str = DOMAIN) -> Path:
    return locale_dir() / EDITIONS[lang]["locale"] / "LC_MESSAGES" / f"{domain}.po"


@functools.lru_cache(maxsize=4)
def _messages(path: str, mtime: float) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        catalog = read_po(handle)
    return {m.id: m.string for m in catalog
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def translations(lang: str) -> dict[str, str]:
    """``{English: translation}`` of the edition's code catalogue (fuzzy entries left out)."""
    path = catalogue_path(lang)
    if not path.is_file():
        return {}
    return _messages(str(path), path.stat().st_mtime)


def lenient() -> bool:
    return os.environ.get(LENIENT_VARIABLE, "").strip() not in ("", "0")


def gettext(message: str) -> str:
    """``message`` in the edition's language (see the module's docstring)."""
    lang = language()
    if lang == "en":
        return message
    found = translations(lang).get(message)
    if found:
        return found
    if lenient():
        return message
    raise MissingTranslation(
        f"no {EDITIONS[lang]['locale']} translation of {message!r} in "
        f"{catalogue_path(lang)} (run `make gettext`, then "
        f"translate it; {LENIENT_VARIABLE}=1 builds with the English while you work)")


_ = gettext


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark ``message`` for the catalogue; it is translated where it is shown, with ``_()``."""
    return message
