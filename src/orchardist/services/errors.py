"""Errors services raise for their callers to report: bad input, and things that do not exist.

Each carries a ``Message`` (a code, its values and its words, ``orchardist.domain.messages``) and the
field at fault, if any; nothing was changed when one is raised. ``StoreUnavailable`` is the database
itself failing (locked, full, read-only, a disk error), its ``failure`` saying which.
"""

from __future__ import annotations

from orchardist.domain.messages import InputRefused, NotFound, Refused
from orchardist.store.failures import StoreUnavailable

__all__ = ["InputRefused", "NotFound", "Refused", "StoreUnavailable"]
