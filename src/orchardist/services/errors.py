"""Errors services raise for their callers to report: bad input, and things that do not exist."""

from __future__ import annotations


class InputRefused(ValueError):
    """The input cannot be stored as given; the message says what and where. Nothing was changed."""


class NotFound(LookupError):
    """The person (or other thing) named does not exist in this network."""
