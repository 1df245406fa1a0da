"""Numbers in prose: ``{eval}`name``` in a chapter, rendered by the book, JupyterLab and a download.

A chapter's prose names a variable, ``{eval}`tsp_margin```, and its code binds that name to a
display-ready string (``tsp_margin = formats.number(633)``). JupyterLab (jupyterlab-myst)
evaluates the name itself. For the built book, ``rewrite`` (Sphinx ``source-read``, before
myst-nb reads the notebook, so the execution cache keys on the rewritten text):

- turns each ``{eval}`name``` into ``{glue:text}`/book/<page>.md::name:s``` (myst-nb's qualified
  glue, resolved after the page is read, so it also works in a paragraph that a gettext
  translation replaces; ``:s`` because the role splits a format spec off at the last colon);
- appends one hidden code cell (``remove-cell``: executed, never shown) that checks every name
  the prose shows is defined and a ``str``, and glues it. A name that is not stops the build
  with an error naming the page and the name.

Only plain names are allowed (no expressions): a reader searching the name finds the code
that computes it. ``{eval}`` in a code cell or a code fence is left alone.
"""

from __future__ import annotations

import json
import keyword
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

EVAL = re.compile(r"\{eval\}`([^`]*)`")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
CODE_DIRECTIVES = ("{code-cell}", "{code}", "{code-block}")
MARKER = "# Added by the build (liberal_crisis.site.prose)"


class ProseError(ValueError):
    """A ``{eval}`` role the book cannot render (not a plain name)."""


def prose_names(text: str, page: str = "page") -> list[str]:
    """The names the prose shows with ``{eval}``, in order of first use."""
    names: list[str] = []
    for chunk in _prose_chunks(text):
        for found in EVAL.finditer(chunk):
            name = _check(found.group(1), page)
            if name not in names:
                names.append(name)
    return names


def _check(name: str, page: str) -> str:
    if not NAME.fullmatch(name) or keyword.iskeyword(name):
        raise ProseError(f"{page}: {{eval}}`{name}`: the prose shows a variable's name only "
                         "(no expression, no format spec); bind the formatted string to a "
                         "name in a code cell (liberal_crisis.stories.formats)")
    return name


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where the code cells and code fences are (``{code-cell}``, ``{code}``, a bare or a
    language fence), as character offsets. Fenced directives (```{admonition}``, nested or not)
    hold prose: they are walked through, not skipped."""
    spans, stack, pos = [], [], 0  # stack: (fence character, length, is code, start)
    for line in text.splitlines(keepends=True):
        found = FENCE.match(line.rstrip("\n"))
        if found:
            fence, info = found.group(1), found.group(2).strip()
            top = stack[-1] if stack else None
            closes = (top is not None and not info and fence[0] == top[0] and len(fence) >= top[1])
            if closes:
                stack.pop()
                if top[2]:
                    spans.append((top[3], pos + len(line)))
            elif top is None or not top[2]:  # inside code, a fence line is code
                is_code = not info.startswith("{") or info.split()[0] in CODE_DIRECTIVES
                stack.append((fence[0], len(fence), is_code, pos))
        pos += len(line)
    return spans


def _prose_chunks(text: str) -> list[str]:
    """The text outside code cells and code fences."""
    chunks, start = [], 0
    for begin, end in code_spans(text):
        chunks.append(text[start:begin])
        start = end
    chunks.append(text[start:])
    return chunks


def glue_cell(page: str, names: list[str]) -> str:
    """The hidden code cell that glues every name the prose shows (the build's only glue)."""
    listed = "".join(f"    {n!r},\n" for n in names)
    return (
        "```{code-cell} ipython3\n:tags: [remove-cell]\n\n"
        f"{MARKER}: glue each name the prose shows.\n"
        "from myst_nb import glue as _lc_glue\n\n"
        f"for _lc_name in (\n{listed}):\n"
        "    if _lc_name not in globals():\n"
        f"        raise NameError(f\"{page}: the prose shows {{{{eval}}}}`{{_lc_name}}` but no "
        "code cell defines {_lc_name}\")\n"
        "    if not isinstance(globals()[_lc_name], str):\n"
        f"        raise TypeError(f\"{page}: {{{{eval}}}}`{{_lc_name}}` is a "
        "{type(globals()[_lc_name]).__name__}, not a str: format it with "
        "liberal_crisis.stories.formats\")\n"
        "    _lc_glue(_lc_name, globals()[_lc_name], display=False)\n"
        "```\n"
    )


def rewrite(text: str, docname: str) -> tuple[str, list[str]]:
    """The chapter as the book builds it, and the names its prose shows."""
    page = f"{docname}.md"
    names = prose_names(text, page)
    if not names:
        return text, []
    out, start = [], 0
    for begin, end in code_spans(text):
        out.append(_rewrite_prose(text[start:begin], page))
        out.append(text[begin:end])
        start = end
    out.append(_rewrite_prose(text[start:], page))
    return "".join(out).rstrip("\n") + "\n\n" + glue_cell(page, names), names


def _rewrite_prose(chunk: str, page: str) -> str:
    # The trailing ":s" is needed: the role splits a format spec off at the last colon, so
    # "/page.md::name" alone would read as key "/page.md:" with spec "name".
    return EVAL.sub(lambda m: f"{{glue:text}}`/{page}::{_check(m.group(1), page)}:s`", chunk)


class PasteOwnGlue(SphinxTransform):
    """Fill in this page's own qualified glue while the page is read, as unqualified glue is.

    myst-nb resolves ``{glue:text}`page.md::name``` in a post-transform, after Sphinx's
    SmartQuotes: the figure's text would miss the typographic apostrophes ("St. Paul's") and
    an apostrophe after it would read as an opening quote ("Data‘s"). Here, after a gettext
    translation has replaced its paragraphs (priority 20) and before SmartQuotes (750), each
    reference to the page's own glue data (written by myst-nb as it parsed the page) becomes
    its text, exactly as the unqualified role makes it.
    """

    default_priority = 700

    def apply(self, **kwargs) -> None:
        from myst_nb.ext.glue.crossref import generate_text_nodes
        from myst_nb.ext.glue.utils import PendingGlueReference

        pending = [n for n in self.document.findall(PendingGlueReference)
                   if n.refdoc == self.env.docname and n.gtype == "text"]
        if not pending:
            return
        *folders, name = self.env.docname.split("/")
        path = Path(self.env.mystnb_config.output_folder).joinpath(*folders, f"{name}.glue.json")
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        for node in pending:
            if node.key in data:  # otherwise myst-nb's post-transform reports it
                node.replace_self(generate_text_nodes(node, data[node.key]))


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".md" or "{eval}" not in source[0]:
        return
    source[0], _ = rewrite(source[0], docname)


def setup(app: Sphinx) -> None:
    app.connect("source-read", on_source_read)
    app.add_transform(PasteOwnGlue)
