"""Build the French edition: ``python -m liberal_crisis.site.build_fr [SOURCE] [--path-output OUT]``.

The same sources and ``_config.yml`` as the English build (``jupyter-book build``), through the
same call (``jupyter_book.sphinx.build_sphinx``), with:

- ``language = fr_CA`` and the page catalogues in ``locale/`` (``locale/fr_CA/LC_MESSAGES/
  book/<page>.po``, one per page: ``gettext_compact = False``);
- ``LIBERAL_CRISIS_LANG=fr`` for the kernels, which write the charts, tables and captions in
  French (``liberal_crisis.i18n``), and their own execution cache: jupyter-cache keys on the
  code, not the environment, so a shared cache would hand English outputs to this build;
- its output in ``OUT/_build/fr/html``, not in the English site: myst-nb writes the executed
  notebooks and glue data beside the HTML folder (``<outdir>/../jupyter_execute``), which must
  not be published. ``--into-site`` then copies it to ``OUT/_build/html/fr/`` (``make book``).

Strict like ``make book`` (``-W -n --keep-going``, every page from clean); ``--lenient`` (or
``LIBERAL_CRISIS_I18N_LENIENT=1``) lets untranslated messages through while catalogues are
being filled, never in ``make book``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from ..i18n import LENIENT_VARIABLE, LOCALE_VARIABLE
from ..stories.formats import LANGUAGE_VARIABLE

#: The French build's settings on top of _config.yml (merged recursively, as the CLI's are).
OVERRIDES = {
    "language": "fr_CA",
    "locale_dirs": ["locale/"],
    "gettext_compact": False,  # one catalogue per page (book/<page>.po)
    "gettext_uuid": False,
    "gettext_location": False,
    "gettext_allow_fuzzy_translations": False,  # a fuzzy message is an untranslated one
    "nitpicky": True,  # -n
    "html_title": "Perdre les châteaux forts : la crise du Parti libéral en 2024, en données",
    "ogp_site_name": "Perdre les châteaux forts",
    "author": "les contributrices et contributeurs du rapport liberal-crisis",
    "html_theme_options": {
        "search_bar_text": "Rechercher dans ce livre…",
        "toc_title": "Sur cette page",
    },
}
#: The settings ``make gettext`` extracts the templates with (the msgids depend on them).
GETTEXT_OVERRIDES = {
    "gettext_compact": False,
    "gettext_uuid": False,
    "gettext_location": False,
    # the shell blocks' comments are prose (« # prépare .venv… »); a code cell's source stays
    # out (editions.OutputsNotTranslatable). Extraction only: editions.TranslateAfterLocale
    # applies them, as Sphinx's Locale cannot with the MyST parser.
    "gettext_additional_targets": ["literal-block"],
    "nb_execution_mode": "off",  # the prose only: outputs are the code's (liberal_crisis.i18n)
}


def build(source: Path, output: Path, *, builder: str = "html", strict: bool = True,
          overrides: dict | None = None) -> int:
    from jupyter_book.sphinx import build_sphinx

    root = output / "_build" / "fr"
    out = root / builder
    os.environ[LANGUAGE_VARIABLE] = "fr"  # the kernels inherit it
    os.environ[LOCALE_VARIABLE] = str(source / "locale")  # this clone's catalogues
    config = {**OVERRIDES, **(overrides or {}),
              "external_toc_path": (source / "_toc.yml").as_posix(),
              "latex_individualpages": False,
              "nb_execution_cache_path": str((root / ".jupyter_cache").resolve())}
    result = build_sphinx(
        source, out, noconfig=True, path_config=str(source / "_config.yml"),
        confoverrides=config, builder=builder, freshenv=True, force_all=True,
        warningiserror=strict, keep_going=strict, doctreedir=str(root / ".doctrees"))
    return 1 if isinstance(result, Exception) else int(result or 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m liberal_crisis.site.build_fr",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=".", type=Path)
    parser.add_argument("--path-output", type=Path, default=None,
                        help="where _build/ goes (default: SOURCE)")
    parser.add_argument("--into-site", action="store_true",
                        help="copy the French site to _build/html/fr/ (after the English build)")
    parser.add_argument("--lenient", action="store_true",
                        help=f"development only: untranslated messages pass ({LENIENT_VARIABLE}=1)")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    output = (args.path_output or source).resolve()
    if args.lenient:
        os.environ[LENIENT_VARIABLE] = "1"
    os.chdir(source)  # the config's relative paths (node_modules, locale/) are the source's
    started = time.monotonic()
    status = build(source, output)
    print(f"French build: {time.monotonic() - started:.0f} s, exit status {status}", file=sys.stderr)
    if status == 0 and args.into_site:
        site = output / "_build" / "html"
        if not (site / "index.html").is_file():
            print(f"{site} has no English site: build it first", file=sys.stderr)
            return 1
        shutil.rmtree(site / "fr", ignore_errors=True)
        shutil.copytree(output / "_build" / "fr" / "html", site / "fr")
    return status


if __name__ == "__main__":
    sys.exit(main())
