"""The package's layers: no import circles, and no layer imports one below it.

Read from the source with ``ast`` (nothing is imported), so a circle that happens to work at
run time because of a local import is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "liberal_crisis"
# each may import only from itself or earlier; i18n (the edition's language and the code
# catalogue's _()) is under them all: every layer shows words, it imports none of them
ORDER = ["i18n", "data", "analysis", "stories", "site"]


def _module(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every liberal_crisis module this file imports (absolute or relative, at any depth)."""
    mod = _module(path)
    package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("liberal_crisis"):
                for alias in node.names:  # "from . import data" names a module
                    sub = f"{target}.{alias.name}"
                    found.add(sub if _exists(sub) else target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("liberal_crisis")}
    return {m for m in found if m != mod}


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PKG / rel).with_suffix(".py").is_file() or (PKG / rel / "__init__.py").is_file()


GRAPH = {_module(p): _imports(p) for p in PKG.rglob("*.py")}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else None


def test_every_module_sits_in_a_layer():
    loose = [m for m in GRAPH if m != "liberal_crisis" and _layer(m) is None]
    assert not loose, f"modules outside the layers {ORDER}: {loose}"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_reaches_a_lower_layer(module):
    here = _layer(module)
    if here is None:
        return
    upward = [m for m in GRAPH[module] if _layer(m) and ORDER.index(_layer(m)) > ORDER.index(here)]
    assert not upward, f"{module} ({here}) imports from a lower layer: {upward}"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle a depth-first walk meets (a package re-exporting its submodules is none)."""
    seen, stack, found = set(), [], []

    def visit(node):
        if node in stack:
            found.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if not nxt.startswith(node + "."):
                visit(nxt)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    return found


def test_no_import_circles():
    found = cycles(GRAPH)
    assert not found, "import circles: " + "; ".join(" -> ".join(c) for c in found)


def test_the_walk_finds_a_circle():
    """Control: the walk reports the old data <-> checks circle when it is put back."""
    graph = {"liberal_crisis.data.package": {"liberal_crisis.data.rules"},
             "liberal_crisis.data.rules": {"liberal_crisis.data.package"}}
    assert cycles(graph) == [["liberal_crisis.data.package", "liberal_crisis.data.rules",
                              "liberal_crisis.data.package"]]
