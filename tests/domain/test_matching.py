"""Matching keys fit the columns that hold them, however far folding lengthens a value."""

from __future__ import annotations

from orchardist.domain.matching import ORGANISATION_KEY_LENGTH, bounded, organisation_key


def test_a_key_too_long_for_its_column_is_cut_with_a_digest_of_the_whole() -> None:
    assert bounded("maple health", 300) == "maple health"
    first, second = organisation_key("\ufdfa" * 299 + "a"), organisation_key("\ufdfa" * 299 + "b")
    assert len(first) == len(second) == ORGANISATION_KEY_LENGTH
    assert first != second
    assert organisation_key("\ufdfa" * 299 + "A") == first  # still folded alike
