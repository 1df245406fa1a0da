"""The two editions, English and French, built from the same sources (CONTRIBUTING.md, "The
French edition"; ``liberal_crisis.site.build_fr`` builds the French one).

The edition is Sphinx's ``language``: ``en_CA`` (``_config.yml``) or ``fr_CA`` (the French
build's override), so ``<html lang>`` reads ``en-CA`` or ``fr-CA`` with no template change.
This module:

- checks that the kernels run in the same language as the build (``LIBERAL_CRISIS_LANG``): a
  French build with English chart text would otherwise pass unnoticed;
- keeps the code's output out of the prose catalogues: a transform ahead of Sphinx's ``Locale``
  marks every node inside a cell's output untranslatable (the French text of an output comes
  from the code, ``liberal_crisis.i18n``), so neither ``make gettext`` nor the check below
  sees it;
- translates what ``Locale`` cannot: the table of contents' captions (inserted after it) and
  the shell blocks' comments (``TranslateAfterLocale``);
- makes a French build strict: a paragraph, heading or caption with no translation (missing,
  empty or fuzzy in ``locale/fr_CA/LC_MESSAGES/book/<page>.po``) is a warning naming the page
  and the message, which ``-W`` turns into a failed build. ``LIBERAL_CRISIS_I18N_LENIENT=1``
  (development only) logs them instead;
- links each page to its counterpart in the other edition: ``<link rel="alternate" hreflang>``
  both ways (and ``x-default``, the English page), ``og:locale``, and the visible switch
  (``templates/lc-language-switch.html``, in the article header);
- writes the theme's strings its French catalogues leave in English (the search box, the
  sidebar toggles), and a copy button that knows ``fr-CA``.
"""

from __future__ import annotations

import os
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from pathlib import Path

from sphinx.errors import ExtensionError

from ..i18n import EDITIONS, LENIENT_VARIABLE, N_, gettext, lenient
from ..stories.formats import LANGUAGE_VARIABLE

logger = logging.getLogger(__name__)


def edition(config) -> str:
    """``"en"`` or ``"fr"``, from Sphinx's ``language`` (``en_CA``, ``fr_CA``)."""
    lang = (config.language or "en").split("_")[0].split("-")[0]
    if lang not in EDITIONS:
        raise ValueError(f"language {config.language!r}: the book has editions in {sorted(EDITIONS)}")
    return lang


def check_kernel_language(app: Sphinx, config) -> None:
    lang = edition(config)
    kernels = os.environ.get(LANGUAGE_VARIABLE, "").strip() or "en"
    if kernels != lang:
        raise ValueError(
            f"the build's language is {config.language!r} but the kernels would run with "
            f"{LANGUAGE_VARIABLE}={kernels!r}: build the French edition with "
            "`python -m liberal_crisis.site.build_fr` (or `make book`)")
    if lang != "en" and config.ogp_site_url and not config.ogp_site_url.endswith(EDITIONS[lang]["prefix"]):
        config.ogp_site_url += EDITIONS[lang]["prefix"]  # link previews name the French page


class OutputsNotTranslatable(SphinxTransform):
    """Mark what a code cell displays (tables, Markdown, source lists) as not for the prose
    catalogues: it is translated by the code that wrote it; and a code cell's source, which
    ``gettext_additional_targets = ["literal-block"]`` (for the shell blocks' comments) would
    otherwise put in them. After Sphinx's ``ExtraTranslatableNodes`` (10), which marks every
    literal block translatable, and before ``Locale`` (20)."""

    default_priority = 11

    def apply(self, **kwargs) -> None:
        for output in self.document.findall(nodes.container):
            if output.get("nb_element") not in ("cell_code_output", "cell_code_source"):
                continue
            for node in output.findall(nodes.Element):
                node["translatable"] = False


class TranslateAfterLocale(SphinxTransform):
    """What Sphinx's ``Locale`` (priority 20) cannot translate, from the page's catalogue:

    - the table of contents' part captions ("The story"...): ``sphinx-external-toc`` inserts
      the toctrees from ``_toc.yml`` at priority 100, after ``Locale``: ``make gettext``
      extracts them into the root page's catalogue, but nothing would apply them;
    - the shell blocks (```` ```bash ````, their comments in French): ``Locale`` re-parses a
      translated literal block as reStructuredText (``::`` and an indented block), which the
      MyST parser reads as a paragraph "::", so the French build leaves
      ``gettext_additional_targets`` to ``make gettext`` (``build_fr.GETTEXT_OVERRIDES``) and
      the text is swapped here, as typed (``catalogues.problems`` checks the commands are).

    Strict like the rest: an untranslated caption or block is a warning naming it."""

    default_priority = 150

    def apply(self, **kwargs) -> None:
        if edition(self.config) == "en":
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        trees = [t for t in self.document.findall(addnodes.toctree) if t.get("caption")]
        blocks = [b for b in self.document.findall(nodes.literal_block)
                  if b.get("translatable", True) is not False]  # not a code cell's source
        if not trees and not blocks:
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        dirs = [os.path.join(self.env.srcdir, d) for d in self.config.locale_dirs]
        catalog, _found = init_locale(dirs, self.config.language, domain)
        merged: dict[str, str] = {}  # as Locale reads it: "make lab" may translate to itself
        while catalog is not None:
            merged = {**getattr(catalog, "_catalog", {}), **merged}
            catalog = getattr(catalog, "_fallback", None)
        report = logger.info if lenient() else logger.warning

        def french(message: str, what: str, node) -> str | None:
            text = merged.get(message, "")
            if not text.strip():
                report("untranslated %s (%s.po): %r", what, self.env.docname,
                       " ".join(message.split())[:90], location=node)
                return None
            return text

        for tree in trees:
            text = french(tree["caption"], "toctree caption", tree)
            if text is not None:
                tree["caption"] = tree["rawcaption"] = text
        for block in blocks:
            message = block.rawsource or block.astext()  # as sphinx.util.nodes.extract_messages
            text = french(message, "literal block", block)
            if text is not None and text != message:
                shown = text if block.astext().endswith("\n") else text.rstrip("\n")
                block.rawsource = text
                block.children = [nodes.Text(shown)]


def key_execution_on_catalogue(app: Sphinx, docname: str, source: list[str]) -> None:
    """In another edition, a chapter's execution-cache key includes the code catalogue's digest:
    jupyter-cache keys on the code alone, so a corrected translation would otherwise leave the
    old words in the cached charts (like ``extension.key_execution_on_data`` for the data)."""
    if edition(app.config) == "en" or "{code-cell}" not in source[0]:
        return
    import hashlib

    from ..i18n import catalogue_path

    path = catalogue_path(edition(app.config))
    digest = "none"
    if path.is_file():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        app.env.note_dependency(str(path))
    found = re.search(r"^```\{code-cell\}[^\n]*\n((?::[^\n]*\n)*)\n?", source[0], re.M)
    if found:
        source[0] = (source[0][: found.end()] + f"# Catalogue (keys the execution cache): "
                     f"{path.name}:{digest}\n" + source[0][found.end():])


def _message(node: nodes.Element) -> str:
    text = " ".join(node.astext().split())
    return text if len(text) <= 90 else text[:87] + "..."


def check_translated(app: Sphinx, doctree) -> None:
    """Every message of a French page is translated (``Locale`` marks each node it tried)."""
    if edition(app.config) == "en":
        return
    missing = [n for n in doctree.findall(nodes.Element) if n.get("translated") is False]
    report = logger.info if lenient() else logger.warning
    for node in missing:
        report("untranslated message (%s.po): %r%s", app.env.docname, _message(node),
               "" if lenient() else f" [run `make gettext` and translate it; {LENIENT_VARIABLE}=1 "
               "to build anyway]", location=node)


def counterpart(pagename: str, lang: str, other: str) -> str:
    """The relative address of ``pagename`` in the ``other`` edition, from the page in ``lang``
    (the French edition is the English site's folder ``fr/``)."""
    up = "../" * (pagename.count("/") + EDITIONS[lang]["prefix"].count("/"))
    return f"{up}{EDITIONS[other]['prefix']}{pagename}.html"


def link_editions(app: Sphinx, pagename, templatename, context, doctree) -> None:
    lang = edition(app.config)
    other = "fr" if lang == "en" else "en"
    site = os.environ.get("SITE_URL", "").rstrip("/")

    def href(target: str) -> str:
        if site:  # search engines want absolute alternates
            return f"{site}/{EDITIONS[target]['prefix']}{pagename}.html"
        return counterpart(pagename, lang, target) if target != lang else \
            pagename.rsplit("/", 1)[-1] + ".html"

    links = [f'<link rel="alternate" hreflang="{EDITIONS[code]["tag"]}" href="{href(code)}">'
             for code in EDITIONS]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{href("en")}">')
    locales = [f'<meta property="og:locale" content="{EDITIONS[lang]["locale"]}">',
               f'<meta property="og:locale:alternate" content="{EDITIONS[other]["locale"]}">']
    context["metatags"] = context.get("metatags", "") + "\n".join(["", *links, *locales]) + "\n"
    context["lc_other_edition"] = {
        "href": counterpart(pagename, lang, other),
        "lang": EDITIONS[other]["tag"],
        "name": EDITIONS[other]["name"],
        # in the other edition's language, as its name: the reader who needs it can read it
        "label": {"en": "Lire cette page en français", "fr": "Read this page in English"}[lang],
    }


#: The theme's strings its French catalogues leave in English, written by the project's templates
#: (``templates/``, under the component names) through ``lc_ui``: marked here for the catalogue.
THEME_STRINGS = (N_("Toggle primary sidebar"), N_("Toggle secondary sidebar"), N_("Main"))


def ui_strings(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context["lc_ui"] = gettext  # the build's process runs in the edition's language


COPYBUTTON_LOCALE = "\nlet locale = 'en'"


def copybutton_locale(app: Sphinx, exception) -> None:
    """sphinx-copybutton picks its words by ``<html lang>`` exactly, and has ``fr`` but not
    ``fr-CA``: the French site's copy says ``fr-CA`` reads ``fr``."""
    if exception or edition(app.config) == "en" or app.builder.format != "html":
        return
    script = Path(app.outdir) / "_static" / "copybutton.js"
    if not script.is_file():
        return
    text = script.read_text(encoding="utf-8")
    if COPYBUTTON_LOCALE not in text:
        raise ExtensionError(f"{script}: sphinx-copybutton changed; give it the fr-CA locale again")
    tag = EDITIONS["fr"]["tag"]
    script.write_text(text.replace(COPYBUTTON_LOCALE, f"\nmessages['{tag}'] = messages['fr'];"
                                   + COPYBUTTON_LOCALE, 1), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("config-inited", check_kernel_language, priority=600)  # after sharing's site URL
    app.add_transform(OutputsNotTranslatable)
    app.add_transform(TranslateAfterLocale)
    app.connect("source-read", key_execution_on_catalogue)
    app.connect("doctree-read", check_translated)
    app.connect("html-page-context", link_editions)
    app.connect("html-page-context", ui_strings)
    app.connect("build-finished", copybutton_locale)
