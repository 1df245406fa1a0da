"""The French edition's catalogues are complete and in step with the English (issue 24).

- Every message of every committed catalogue is translated, none fuzzy or obsolete, and a
  translation keeps its message's roles (glued numbers, citations, cross-references) and, in the
  code's catalogue, its ``{fields}``: a French paragraph cannot lose a number or a source.
- The committed catalogues hold exactly the messages the English sources give today (extracted
  again into a temporary folder): an English paragraph edited and not translated again fails.
- The checks themselves catch what they are for (small catalogues written here), and the code's
  ``_()`` refuses to show English in the French edition.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from conftest import REPO
from liberal_crisis import i18n
from liberal_crisis.site import catalogues


def _write(path, entries, fuzzy=()):
    catalog = Catalog(locale="fr_CA", fuzzy=False)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr, flags=["fuzzy"] if msgid in fuzzy else [])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    path.write_bytes(buffer.getvalue())
    return path


def test_every_message_is_translated_and_keeps_its_roles():
    found = catalogues.all_problems(REPO)
    assert not found, f"{len(found)} problems in locale/ (`make catalogues`):\n" + "\n".join(found[:60])


def test_catalogues_are_in_step_with_the_english_sources(tmp_path):
    # `make gettext`'s extraction, in a process of its own (a Sphinx build: about 30 s)
    pots = tmp_path / "gettext"
    done = subprocess.run([sys.executable, "-m", "liberal_crisis.site.catalogues", "templates",
                           str(REPO), "--out", str(pots)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr[-4000:]
    found = catalogues.out_of_step(REPO, pots)
    assert not found, "run `make gettext` and translate:\n" + "\n".join(found[:60])


GLUE = "{glue:text}`/book/p.md::n:s`"


@pytest.mark.parametrize("msgstr, complaint", [
    ("", "untranslated"),
    (f"Le siège est tombé par {GLUE} voix.", None),
    ("Le siège est tombé par 633 voix.", "drops"),  # a number typed instead of glued
    (f"Le siège est tombé par {GLUE} voix {{cite:p}}`x-2024`.", "adds"),
])
def test_the_check_names_a_lost_role_or_a_missing_translation(tmp_path, msgstr, complaint):
    path = _write(tmp_path / "p.po", {f"The seat fell by {GLUE} votes.": msgstr})
    found = catalogues.problems(path)
    if complaint is None:
        assert found == []
    else:
        assert len(found) == 1 and complaint in found[0] and "book/p.po" in found[0], found


def test_a_fuzzy_translation_counts_as_missing(tmp_path):
    path = _write(tmp_path / "p.po", {"Votes": "Voix"}, fuzzy={"Votes"})
    assert any("fuzzy" in line for line in catalogues.problems(path))


def test_a_cross_reference_keeps_its_target_but_not_its_title(tmp_path):
    english = "See the {doc}`data package <data-dictionary>`."
    good = "Voir le {doc}`paquet de données <data-dictionary>`."
    bad = "Voir le {doc}`paquet de données <methods>`."
    assert catalogues.problems(_write(tmp_path / "a.po", {english: good})) == []
    assert catalogues.problems(_write(tmp_path / "b.po", {english: bad}))


def test_a_shell_block_translates_its_comments_only(tmp_path):
    # the methods and run-it-yourself pages' ```bash blocks (gettext_additional_targets)
    english = "make book    # set up, build the site\nmake serve   # read it\n"
    good = "make book    # prépare, compile le site\nmake serve   # le lire\n"
    bad = "make livre   # prépare, compile le site\nmake serve   # le lire\n"
    assert catalogues.problems(_write(tmp_path / "a.po", {english: good})) == []
    found = catalogues.problems(_write(tmp_path / "b.po", {english: bad}))
    assert len(found) == 1 and "code" in found[0], found


def test_code_messages_keep_their_fields(tmp_path):
    path = _write(tmp_path / "liberal_crisis.po", {"Stewart won by {margin} votes": "Stewart l’emporte"})
    assert any("fields" in line for line in catalogues.problems(path, code=True))


def test_the_french_edition_refuses_an_untranslated_code_string(monkeypatch, tmp_path):
    folder = tmp_path / "locale" / "fr_CA" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    _write(folder / "liberal_crisis.po", {"Votes": "Voix", "Seats": ""})
    monkeypatch.setenv(i18n.LOCALE_VARIABLE, str(tmp_path / "locale"))
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "fr")
    monkeypatch.delenv(i18n.LENIENT_VARIABLE, raising=False)
    assert i18n._("Votes") == "Voix"
    with pytest.raises(i18n.MissingTranslation, match="Seats"):
        i18n._("Seats")
    monkeypatch.setenv(i18n.LENIENT_VARIABLE, "1")
    assert i18n._("Seats") == "Seats"  # development builds only
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "en")
    monkeypatch.delenv(i18n.LENIENT_VARIABLE)
    assert i18n._("Seats") == "Seats"


def test_the_extraction_finds_the_chapters_code_strings():
    template = catalogues.extract_code(REPO)
    ids = {m.id for m in template if m.id}
    # a chart title written in a chapter's code cell, a caption line from the site layer, a
    # header from formats, and a publisher named by the data package
    assert "Liberal winners at every general election from 1993 to 2025" in ids
    assert "The numbers behind this chart" in ids
    assert "Share of valid votes (%)" in ids
    assert "Elections Canada" in ids


def test_a_french_build_fails_on_an_untranslated_paragraph_and_names_it(fixture_book):
    """D6a: in the French build, a paragraph whose translation is missing is a warning naming the
    page and the message, so the strict build (-W) fails; the translated ones pass."""
    book = fixture_book("# A page\n\nThe seat fell.\n\nThe count ran through the night.\n")
    folder = book / "locale" / "fr_CA" / "LC_MESSAGES" / "book"
    folder.mkdir(parents=True)
    _write(folder / "index.po", {"Fixture book": "Livre d’essai",
                                 "A page for build-guard tests.": "Une page pour les tests."})
    _write(folder / "page.po", {"A page": "Une page", "The seat fell.": "Le siège est tombé.",
                                "The count ran through the night.": ""})
    # the code's words, all "translated" (as themselves), so only the prose is at stake here
    _write(folder.parent / "liberal_crisis.po",
           {m.id: m.id for m in catalogues.extract_code(REPO) if m.id})
    done = subprocess.run([sys.executable, "-m", "liberal_crisis.site.build_fr", str(book)],
                          capture_output=True, text=True, cwd=book)
    log = done.stdout + done.stderr
    assert done.returncode != 0, log[-3000:]
    assert "untranslated message (book/page.po): 'The count ran through the night.'" in log, log[-3000:]
    assert "The seat fell." not in log.split("untranslated message", 1)[1], "a translated one reported"
