"""The layers keep their doors: SQL only in the store, adapters only through the use cases, routers
listed, and no module importing itself round a cycle. Each rule has a check that it would catch."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import orchardist

PACKAGE = Path(orchardist.__file__).parent

# What each layer may not import (top level or inside a function).
RULES: dict[str, tuple[str, ...]] = {
    "services": ("sqlalchemy", "alembic", "psycopg", "click", "rich", "fastapi", "starlette", "jinja2"),
    # The adapters reach data through the use cases only: never the store, and of the formats only
    # their registry (names, labels, media types), never a reader or the sandbox.
    "cli": ("orchardist.store", "orchardist.formats", "sqlalchemy"),
    "web": ("orchardist.store", "orchardist.formats", "sqlalchemy"),
}
ALLOWED = ("orchardist.formats.registry",)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            if node.module == "orchardist.formats":
                # ``from orchardist.formats import registry`` names the module itself.
                for alias in node.names:
                    yield node.lineno, f"orchardist.formats.{alias.name}"


def _offences(layer: str, root: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted((root / layer).rglob("*.py")):
        for line, name in _imports(path):
            if (
                name.startswith(RULES[layer])
                and not name.startswith(ALLOWED)
                and name != "orchardist.formats"
            ):
                found.append(f"{path.relative_to(root)}:{line} imports {name}")
    return found


@pytest.mark.parametrize("layer", sorted(RULES))
def test_each_layer_imports_only_what_it_may(layer: str) -> None:
    assert (PACKAGE / layer).is_dir()
    assert _offences(layer) == []


def test_the_layer_check_would_catch_an_offence(tmp_path: Path) -> None:
    for layer, module in (("services", "sqlalchemy"), ("web", "orchardist.store.people")):
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "bad.py").write_text(f"def f():\n    import {module}\n")
        assert _offences(layer, tmp_path) == [f"{layer}/bad.py:2 imports {module}"]
    (tmp_path / "cli").mkdir()
    (tmp_path / "cli" / "bad.py").write_text("from orchardist.formats import sandbox, registry\n")
    assert _offences("cli", tmp_path) == ["cli/bad.py:1 imports orchardist.formats.sandbox"]


def _module_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports at the top (not in functions)."""
    modules = {
        ".".join(("orchardist", *path.relative_to(root).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): path
        for path in root.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wanted: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            wanted.update(target for target in targets if target in modules and target != name)
        graph[name] = wanted
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = _module_graph()
    assert len(graph) > 50
    assert _cycle(graph) is None


def test_the_cycle_check_would_catch_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_every_router_module_is_listed_and_every_listed_one_exists() -> None:
    from orchardist.web.app import ROUTERS, SERVER_ROUTERS

    on_disk = {
        f"orchardist.web.{package}.{path.stem}"
        for package in ("routes", "api")
        for path in (PACKAGE / "web" / package).glob("*.py")
        if not path.stem.startswith("_")
    }
    listed = [*ROUTERS, *SERVER_ROUTERS]
    assert sorted(listed) == sorted(on_disk)
    assert len(set(listed)) == len(listed)
