"""A box naming one person, as the suggestions write them ("Mei Lin (#12)", "#12" or "12")."""

from __future__ import annotations

import re

_ID = re.compile(r"^(?:.*\(#(\d+)\)|#?(\d+))$")


def person_id_in(text: str) -> int | None:
    """The id in the box; None when it is blank or names no id."""
    match = _ID.match(text.strip())
    if match is None:
        return None
    return int(match.group(1) or match.group(2))
