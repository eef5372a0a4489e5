"""The one catalogue of what Orchardist says: every message code and its English template.

Each package declares its own wordings (see ``orchardist.domain.messages``); this gathers them, and
renders ``docs/messages.md`` from them so the API's codes cannot drift from the code:

    .venv/bin/python -m orchardist.catalogue > docs/messages.md
"""

from __future__ import annotations

import importlib

from orchardist.domain.messages import Wording

# The modules that declare wordings, one per package.
MODULES = (
    "orchardist.domain.wording",
    "orchardist.domain.presence_wording",
    "orchardist.services.refusals",
    "orchardist.services.account_refusals",
    "orchardist.domain.accounts",
    "orchardist.store.messages",
    "orchardist.formats.messages",
    "orchardist.web.wording",
    "orchardist.coach.wording",
    "orchardist.coach.discretion_wording",
)

INTRO = """# Messages

Every refusal, every reason a record was skipped and every reason two records look alike has a stable
**code**. The API answers a refusal with it (`{"detail", "code", "params", "field"}`, see `docs/api.md`), the
CLI prints the English words, and the web pages show the words in the page's language. A script should test
the code, never the words: the words may be reworded and are translated, the code stays.

`params` holds the values a message names (the placeholders below); a value may itself be a message, given
as `{"code", "params"}`.

| code | English |
| --- | --- |
"""


def wordings() -> list[Wording]:
    """Every wording Orchardist's catalogue modules declare, by code."""
    found = {
        value.code: value
        for module in MODULES
        for value in vars(importlib.import_module(module)).values()
        if isinstance(value, Wording)
    }
    return sorted(found.values(), key=lambda wording: wording.code)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    rows = [f"| `{wording.code}` | {_cell(wording.template)} |" for wording in wordings()]
    return INTRO + "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(render(), end="")
