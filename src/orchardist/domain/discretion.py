"""The discretion guard's words: how openly the user is looking for work."""

from __future__ import annotations

import enum


class SearchMode(enum.StrEnum):
    """``off``: not looking; ``open``: looking openly; ``discreet``: the employer and co-workers must
    not hear of it, and Orchardist warns wherever the search could leak."""

    OFF = "off"
    OPEN = "open"
    DISCREET = "discreet"
