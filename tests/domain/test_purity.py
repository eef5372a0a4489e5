"""The domain stays pure: it imports nothing from storage, web, CLI or file formats."""

from __future__ import annotations

import ast
from pathlib import Path

import orchardist.domain

FORBIDDEN = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "click",
    "rich",
    "fastapi",
    "starlette",
    "jinja2",
    "vobject",
    "orchardist.store",
    "orchardist.services",
    "orchardist.cli",
    "orchardist.formats",
    "orchardist.web",
)


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_domain_modules_import_nothing_forbidden() -> None:
    package = Path(orchardist.domain.__file__).parent
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 3
    offenders = [
        f"{path.name} imports {name}"
        for path in modules
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    ]
    assert offenders == []


def test_the_check_would_catch_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from orchardist.store.tables import people\nimport sqlalchemy as sa\n")
    assert [name for name in _imports(bad) if name.startswith(FORBIDDEN)] == [
        "orchardist.store.tables",
        "sqlalchemy",
    ]
