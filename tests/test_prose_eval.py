"""Numbers in prose: ``{eval}`name``` rewritten for the book (``liberal_crisis.site.prose``)."""

from __future__ import annotations

import re

import pytest

from liberal_crisis.site import prose

PAGE = """# A page

```{code-cell} ipython3
margin = "633"  # {eval}`margin` in a code cell is code, not prose
```

:::{admonition} Key takeaways
- Won by {eval}`margin` votes, {eval}`share`% of the vote.
:::

Again {eval}`margin`.

```{swing-explorer}
```

A bare closing fence is not an opening one: {eval}`after`.

```python
print("{eval}`in_code`")
```
"""


def _cell_code(text: str) -> str:
    return re.search(r"^```\{code-cell\} ipython3\n:tags: \[remove-cell\]\n\n(.*?)^```",
                     text, re.S | re.M).group(1)


def test_rewrite_makes_qualified_glue_and_one_glue_cell():
    text, names = prose.rewrite(PAGE, "book/page")
    assert names == ["margin", "share", "after"]
    assert "Won by {glue:text}`/book/page.md::margin:s` votes, {glue:text}`/book/page.md::share:s`%" in text
    assert "Again {glue:text}`/book/page.md::margin:s`.\n" in text
    assert "{eval}`margin` in a code cell" in text and '"{eval}`in_code`"' in text  # code
    assert "{glue:text}`/book/page.md::after:s`" in text
    assert text.count(prose.MARKER) == 1 and text.rstrip().endswith("```")


def test_a_page_without_eval_is_unchanged():
    assert prose.rewrite("# Title\n\nNo numbers.\n", "book/x") == ("# Title\n\nNo numbers.\n", [])


def test_an_undefined_name_stops_the_build_naming_page_and_name():
    code = _cell_code(prose.rewrite(PAGE, "book/page")[0])
    with pytest.raises(NameError, match=r"book/page\.md: the prose shows \{eval\}`share` but no "
                                        r"code cell defines share"):
        exec(code, {"margin": "633"})


def test_a_name_that_is_not_a_str_stops_the_build():
    code = _cell_code(prose.rewrite(PAGE, "book/page")[0])
    with pytest.raises(TypeError, match=r"book/page\.md: \{eval\}`share` is a float, not a str"):
        exec(code, {"margin": "633", "share": 27.3})
    exec(code, {"margin": "633", "share": "27.3", "after": "1"})  # all defined strings: fine


@pytest.mark.parametrize("role", ["{eval}`a + b`", "{eval}`margin:,`", "{eval}`f(x)`"])
def test_only_plain_names(role):
    with pytest.raises(prose.ProseError, match="variable's name only"):
        prose.rewrite(f"Text {role}.\n", "book/page")
