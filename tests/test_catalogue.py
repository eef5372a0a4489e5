"""The catalogue of messages: every wording declared in a listed module, used somewhere, documented."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import orchardist
from orchardist.catalogue import MODULES, render, wordings

PACKAGE = Path(orchardist.__file__).parent
ROOT = PACKAGE.parents[1]
_DECLARED = re.compile(r"^(\w+) = Wording\(", re.MULTILINE)


def _module_path(module: str) -> Path:
    return PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py")


def test_every_module_that_declares_wordings_is_listed() -> None:
    declaring = {path for path in PACKAGE.rglob("*.py") if "Wording(" in path.read_text(encoding="utf-8")} - {
        PACKAGE / "domain" / "messages.py"
    }
    assert declaring == {_module_path(module) for module in MODULES}


def test_codes_are_dotted_and_unique() -> None:
    found = wordings()
    codes = [wording.code for wording in found]
    assert len(codes) == len(set(codes)) > 100
    assert all(re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", code) for code in codes)


def test_every_wording_is_said_somewhere() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    said = Counter(re.findall(r"\w+", sources))
    unused = []
    for module in MODULES:
        for name in _DECLARED.findall(_module_path(module).read_text(encoding="utf-8")):
            if said[name] < 2:
                unused.append(f"{module}.{name}")
    assert unused == []


def test_the_messages_reference_is_current() -> None:
    actual = (ROOT / "docs" / "messages.md").read_text(encoding="utf-8")
    assert actual == render(), "regenerate it: .venv/bin/python -m orchardist.catalogue > docs/messages.md"
