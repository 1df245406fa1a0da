"""Trim the theme's front-end assets: every icon stays, the Font Awesome payload goes.

pydata-sphinx-theme ships all of Font Awesome twice over on every page: ``fontawesome.js`` (the
"all icons" SVG kit, ~530 KB gzipped, which swaps each ``<i class="fa-...">`` for an inline SVG)
and the webfonts its stylesheet declares (``fa-solid-900`` ~150 KB, ``fa-brands-400`` ~115 KB).
The stylesheet alone already draws every icon from the webfont, so this module

- drops the ``fontawesome.js`` ``<script>`` from every page (``templates/layout.html`` overrides
  the theme's ``css`` block; this module puts that folder first on ``templates_path``), removes
  the file from the output, and fails the build if a page still names it (a theme upgrade);
- after each build, replaces each Font Awesome webfont in ``_static`` by a subset (fontTools)
  holding only the glyphs the site can show: the ``fa-*`` classes used in any page or script
  (the theme's JS adds ``fa-xmark`` itself) and every icon the CSS draws on its own (admonition,
  dropdown and "on this page" markers). The subset is made from the theme's original fonts, so
  an incremental build that adds an icon gets it; its bytes are deterministic (no timestamp);
- prunes the theme's stylesheet (render-blocking on every page) of Font Awesome's icon rules for
  icons no page or script names (~2,000 rules, a fifth of its bytes): with the font subset they
  could draw nothing, yet the browser parses and matches each on every cold load. The pruned
  file is made from the theme's original each build, as the font subset is;
- links Sphinx's ``basic.css`` directly: the theme's ``styles/theme.css`` holds nothing but an
  ``@import`` of it, a request the browser can only start once the first has arrived (one more
  round trip before the first paint); the build fails if a theme upgrade puts more in that file;
- defers the scripts that Sphinx, the book theme, sphinx-design and sphinx-copybutton put in the
  head as parser-blocking, though each waits for the page to be parsed anyway (the search page
  keeps them as they are: its own search script needs them first). Only
  ``documentation_options.js`` still blocks: the page's inline scripts read it;
- leaves out, page by page, what Jupyter Book's default extensions add to every page when the
  page has nothing for them to act on: sphinx-togglebutton (toggles and dropdowns),
  sphinx-copybutton (code blocks), sphinx-design (its components) and sphinx-thebe's stylesheet
  (this book has no live code), and Pygments' colours on pages with no highlighted code.
  ``templates/layout.html`` likewise keeps the theme's search
  scripts and index to the search page while search-as-you-type is off;
- copies the chart assets (``plotly.min.js``, ``charts-core.js``, ``charts.js``, ``charts.css``,
  ``site.css``) into ``_static`` *before* the pages are written, so that Sphinx stamps their URLs with a content
  checksum (``?v=...``) in a clean build too: one URL on every page (cached once), a new one
  when plotly.js changes. ``liberal_crisis.site.extension`` still copies them after the build.
  myst-nb's own stylesheet (``mystnb.<sha256>.css``) is copied early for the same reason:
  myst-nb writes it only when the build finishes, so a clean build's pages linked it without
  ``?v=`` and a build into a folder that held an earlier build with it, which made two builds
  of the same sources differ in every page (tests/test_reproducible.py).
"""

from __future__ import annotations

import io
import logging as pylogging
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .plotly_js import chart_assets, write_static

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
FA_SCRIPT = "scripts/fontawesome.js"
THEME_CSS = Path("styles") / "pydata-sphinx-theme.css"  # under _static
IMPORT_ONLY = Path("styles") / "theme.css"  # under _static: '@import "../basic.css";' and nothing else
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
WEBFONTS = Path("vendor") / "fontawesome" / "webfonts"  # under _static, as the theme has it

# A CSS rule: selector list { declarations } (minified CSS, no nested braces inside a rule).
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
# Font Awesome's own icon rules: ".fa-bars:before,.fa-navicon:before{content:"\f0c9"}".
FA_SELECTOR = re.compile(r"\s*\.fa-([a-z0-9-]+):{1,2}(?:before|after)\s*")
FA_CLASS = re.compile(r"(?<![\w-])fa-([a-z0-9-]+)")
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")
CONTENT = re.compile(r'content:\s*"((?:[^"\\]|\\.)*)"')
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _private_use(ch: str) -> bool:
    cp = ord(ch)
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def _unescape(text: str) -> str:
    return CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def icon_map(css: str) -> dict[str, str]:
    """Font Awesome class name -> the characters its rule draws, from a stylesheet."""
    icons: dict[str, str] = {}
    for selectors, body in RULE.findall(css):
        parts = selectors.split(",")
        names = [m.group(1) for m in map(FA_SELECTOR.fullmatch, parts) if m]
        content = CONTENT.search(body)
        if names and len(names) == len(parts) and content:
            for name in names:
                icons[name] = icons.get(name, "") + _unescape(content.group(1))
    return icons


def css_own_icons(css: str) -> set[str]:
    """Icon characters a stylesheet draws by itself (not through an ``.fa-*`` class rule):
    private-use characters in any quoted value, e.g. ``--pst-icon-bell:"\\f0f3"``."""
    found: set[str] = set()
    for selectors, body in RULE.findall(css):
        parts = selectors.split(",")
        if all(FA_SELECTOR.fullmatch(p) for p in parts):
            continue
        for value in QUOTED.findall(body):
            found.update(ch for ch in _unescape(value) if _private_use(ch))
    return found


def used_classes(outdir: Path) -> set[str]:
    """The fa-* class names (less the "fa-") that any page or script of the built site names."""
    classes: set[str] = set()
    for path in sorted([*outdir.rglob("*.html"), *(outdir / "_static").rglob("*.js")]):
        if ".doctrees" in path.parts:
            continue
        classes.update(FA_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return classes


def prune_icon_rules(css: str, used: set[str]) -> str:
    """``css`` less Font Awesome's icon rules (``.fa-name:before{content:...}``) for icons no
    page or script names. Such a rule can draw nothing once the webfont is subset, yet each of
    the ~2,000 costs the browser time to parse and match on every page load (the theme's
    stylesheet is render-blocking). Every other rule is kept as it is, and so is a rule whose
    selector is not made of icon selectors alone."""

    def keep(rule: re.Match) -> str:
        found = [FA_SELECTOR.fullmatch(part) for part in rule.group(1).split(",")]
        if all(found) and not any(m.group(1) in used for m in found):
            return ""
        return rule.group(0)

    return RULE.sub(keep, css)


def used_characters(outdir: Path) -> tuple[set[str], set[str]]:
    """(characters to keep, fa-* class names with no glyph rule) for the built site."""
    static = outdir / "_static"
    icons: dict[str, str] = {}
    keep: set[str] = set()
    for path in sorted(static.rglob("*.css")):
        css = path.read_text(encoding="utf-8", errors="replace")
        for name, chars in icon_map(css).items():
            icons[name] = icons.get(name, "") + chars
        keep |= css_own_icons(css)
    classes = used_classes(outdir)
    for name in classes:
        keep.update(icons.get(name, ""))
    # Classes like fa-solid / fa-lg / fa-fw style an icon but draw nothing: no rule, no glyph.
    return keep, classes - icons.keys()


def _theme_static(app: Sphinx, relative: Path) -> Path | None:
    """A file or folder of the theme's own static files (never the trimmed copy in the output)."""
    for folder in app.builder.theme.get_theme_dirs():
        candidate = Path(folder) / "static" / relative
        if candidate.exists():
            return candidate
    return None


def _theme_webfonts(app: Sphinx) -> Path | None:
    """The theme's original webfont folder (never the already-subset copy in the output)."""
    return _theme_static(app, WEBFONTS)


def subset_font(source: Path, characters: set[str]) -> bytes:
    from fontTools import subset

    pylogging.getLogger("fontTools").setLevel(pylogging.WARNING)  # its INFO lines flood the log
    options = subset.Options()
    options.flavor = "woff2" if source.suffix == ".woff2" else None
    options.name_IDs = ["*"]  # keep the name table whole: copyright and licence (SIL OFL 1.1)
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # keep head.modified: the same input gives the same bytes
    font = subset.load_font(str(source), options, dontLoadGlyphNames=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, options)
    font.close()
    return buf.getvalue()


def is_import_only(css: str) -> bool:
    """Is ``css`` (the theme's ``styles/theme.css``) an ``@import`` of basic.css and comments?"""
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.S).strip()
    return re.fullmatch(r"""@import\s+(?:url\()?["']?\.\./basic\.css["']?\)?\s*;""", text) is not None


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


# Extension assets a page needs only when its body has something for them to act on:
# (files, markers of the extension's inline scripts, does the page body use it?).
CLASSES = re.compile(r'class="([^"]*)"')


def _classes(body: str) -> set[str]:
    return {c for m in CLASSES.finditer(body) for c in m.group(1).split()}


OPTIONAL_ASSETS = [
    (("togglebutton.js", "togglebutton.css"),
     ("toggleHint", "togglebuttonSelector", "toggleOpenOnPrint"),
     lambda body: bool(_classes(body) & {"toggle", "dropdown", "toggle-details"})),
    (("copybutton.js", "copybutton.css", "clipboard.min.js"), (),
     lambda body: bool(re.search(r'<div class="highlight', body))),
    (("design-tabs.js", "sphinx-design.min.css"), (),
     lambda body: any(c.startswith("sd-") for c in _classes(body))),
    (("sphinx-thebe.css",), (), lambda body: False),
    (("pygments.css",), (), lambda body: "highlight" in _classes(body)),
]

# Parser-blocking in the head as the theme loads them, though each only acts once the page is
# parsed (doctools' and the book theme's "ready" handlers): deferred, they keep their order.
# translations.js (the French edition's) calls doctools' Documentation as it loads: it follows.
DEFERRABLE = {"_static/doctools.js", "_static/sphinx_highlight.js", "_static/translations.js",
              "_static/design-tabs.js",  # sphinx-design: waits for DOMContentLoaded
              "_static/clipboard.min.js", "_static/copybutton.js",  # copybutton: waits for the DOM
              "_static/scripts/sphinx-book-theme.js"}


def defer_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if pagename == "search":  # searchtools.js, parser-blocking there, calls doctools' _ready
        return
    from sphinx.builders.html._assets import _JavaScript

    def deferred(js):
        name = str(getattr(js, "filename", "") or "")
        if name not in DEFERRABLE or "async" in js.attributes or "defer" in js.attributes:
            return js
        return _JavaScript(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})

    context["script_files"] = [deferred(js) for js in context.get("script_files", [])]


def drop_unused_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    for files, inline, used in OPTIONAL_ASSETS:
        if used(body):
            continue

        def keep(asset) -> bool:
            name = Path(asset.filename or "").name
            text = asset.attributes.get("body", "")
            return name not in files and not any(marker in text for marker in inline)

        context["script_files"] = [js for js in context.get("script_files", []) if keep(js)]
        context["css_files"] = [css for css in context.get("css_files", []) if keep(css)]


def link_basic_css(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """``lc_basic_css`` for templates/layout.html: Sphinx's basic.css as an asset, which the
    template's ``css_tag`` links with its content stamp (``?v=``) as it does the others. Sphinx
    copies the theme's static files before it writes the pages, so the stamp is there in a
    clean build too."""
    from sphinx.builders.html._assets import _CascadingStyleSheet

    context["lc_basic_css"] = _CascadingStyleSheet("_static/basic.css")


def add_templates(app: Sphinx, config) -> None:
    # First on the path: our layout.html extends the theme's ("!layout.html").
    config.templates_path = [str(TEMPLATES), *[p for p in config.templates_path if p != str(TEMPLATES)]]


def precopy_chart_assets(app: Sphinx) -> None:
    """Put the chart assets in _static before any page is written (see the module docstring)."""
    files = chart_assets(app)
    mystnb = mystnb_css()
    if mystnb is not None:
        files[mystnb[0]] = mystnb[1]
    write_static(app, files)


def mystnb_css() -> tuple[str, bytes] | None:
    """myst-nb's stylesheet under the name its pages link (``mystnb.<sha256 of the file>.css``)."""
    import hashlib
    from importlib import resources

    try:
        from myst_nb import static as mystnb_static
    except ImportError:
        return None
    data = resources.files(mystnb_static).joinpath("mystnb.css").read_bytes()
    return f"mystnb.{hashlib.sha256(data).hexdigest()}.css", data


def trim_assets(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"

    # 1. No page may still load the SVG kit; then the file itself can go.
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.parts:
            continue
        if FA_SCRIPT in page.read_text(encoding="utf-8", errors="replace"):
            logger.warning(
                "%s still loads %s: the theme's template changed, update "
                "liberal_crisis/site/templates/layout.html", page.relative_to(outdir), FA_SCRIPT,
                type="liberal_crisis", subtype="assets")
            return
    for name in (FA_SCRIPT, FA_SCRIPT + ".map"):
        (static / name).unlink(missing_ok=True)

    # 2. The theme's stylesheet less the icon rules no page uses; no source map (it would map
    # the pruned file wrongly). Made from the theme's original, so an icon added later is back.
    original = _theme_static(app, THEME_CSS)
    if original is None:
        logger.warning("the theme's stylesheet %s was not found: not pruned", THEME_CSS,
                       type="liberal_crisis", subtype="assets")
        return
    css = SOURCE_MAP.sub("", original.read_text(encoding="utf-8"))
    _write_if_changed(static / THEME_CSS, prune_icon_rules(css, used_classes(outdir)).encode("utf-8"))
    (static / THEME_CSS.with_name(THEME_CSS.name + ".map")).unlink(missing_ok=True)

    # 3. Pages link basic.css themselves (templates/layout.html); theme.css must hold nothing else.
    imports = _theme_static(app, IMPORT_ONLY)
    if imports is not None and not is_import_only(imports.read_text(encoding="utf-8")):
        logger.warning("%s holds more than an @import of basic.css now: link it again in "
                       "liberal_crisis/site/templates/layout.html", IMPORT_ONLY,
                       type="liberal_crisis", subtype="assets")
        return

    # 4. Subset the webfonts to the glyphs in use.
    originals = _theme_webfonts(app)
    if originals is None:
        logger.warning("no Font Awesome webfonts found in the theme: icons not subset",
                       type="liberal_crisis", subtype="assets")
        return
    keep, unknown = used_characters(outdir)
    styling = {"solid", "regular", "brands", "lg", "xs", "sm", "xl", "2xs", "2x", "3x", "fw",
               "spin", "pulse", "border", "inverse", "stack", "ul", "li", "rotate-90",
               "flip", "beat", "fade", "bounce", "shake", "pull-left", "pull-right"}
    missing = sorted(n for n in unknown if n not in styling and not n.startswith(("stack-", "rotate-", "flip-")))
    if missing:
        # A class that names no icon the CSS knows: worth a look (a typo, or an icon the
        # webfont never had), not a reason to ship the whole font.
        logger.info("Font Awesome classes with no icon rule: %s", ", ".join(missing))
    target = static / WEBFONTS
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(originals.iterdir()):
        if source.suffix in (".woff2", ".ttf"):
            _write_if_changed(target / source.name, subset_font(source, keep))
    logger.info("Font Awesome webfonts subset to %d glyphs", len(keep))


def setup(app: Sphinx) -> None:
    """Register the hooks (called from ``liberal_crisis.site.extension.setup``)."""
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", precopy_chart_assets)
    app.connect("html-page-context", drop_unused_assets, priority=900)  # after the extensions
    app.connect("html-page-context", defer_scripts, priority=900)
    app.connect("html-page-context", link_basic_css)
    # After liberal_crisis.site.extension's own copy (priority 500) and Sphinx's static copy.
    app.connect("build-finished", trim_assets, priority=800)
