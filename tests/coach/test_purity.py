"""The coach stays pure, as the domain does: it reads messages and what it is given, never the store."""

from __future__ import annotations

from pathlib import Path

import orchardist.coach
from tests.domain.test_purity import FORBIDDEN, _imports


def test_coach_modules_import_nothing_forbidden() -> None:
    package = Path(orchardist.coach.__file__).parent
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 10
    offences = [
        f"{path.relative_to(package)} imports {name}"
        for path in modules
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    ]
    assert offences == []
