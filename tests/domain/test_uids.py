"""A person's UID: new ones are time-ordered UUIDs, and a card's is kept as Orchardist keeps it."""

from __future__ import annotations

import time
import uuid

import pytest

from orchardist.domain.people import UID_LENGTH, clean_uid, new_uids


def test_new_uids_are_distinct_time_ordered_uuids() -> None:
    before = time.time_ns() // 1_000_000
    made = new_uids(2_000)
    after = time.time_ns() // 1_000_000
    assert len(set(made)) == 2_000
    assert made == sorted(made)  # a batch is in the order it was made
    for text in made:
        found = uuid.UUID(text)
        assert (found.version, found.variant, str(found)) == (7, uuid.RFC_4122, text)
        assert before <= found.int >> 80 <= after  # the milliseconds lead
    # Consecutive UIDs count up by one in the 74 bits after the version.
    first, second = uuid.UUID(made[0]).int, uuid.UUID(made[1]).int
    assert (second & ((1 << 62) - 1)) - (first & ((1 << 62) - 1)) in (1, -((1 << 62) - 1))
    # Two batches made in the same millisecond still differ: the start is random.
    assert not set(new_uids(50)) & set(new_uids(50))
    assert new_uids(0) == []


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("urn:uuid:6F1A2B3C-1111-4222-8333-444455556666", "6f1a2b3c-1111-4222-8333-444455556666"),
        ("URN:UUID:6f1a2b3c-1111-4222-8333-444455556666", "6f1a2b3c-1111-4222-8333-444455556666"),
        ("  ABC-123:ABPerson ", "ABC-123:ABPerson"),
        ("6f1a2b3c-1111-4222-8333-444455556666", "6f1a2b3c-1111-4222-8333-444455556666"),
        ("", ""),
        ("a\x01b", ""),  # control characters: not kept
        ("x" * (UID_LENGTH + 1), ""),
        ("x" * UID_LENGTH, "x" * UID_LENGTH),
    ],
)
def test_a_cards_uid_is_kept_as_orchardist_keeps_it(given: str, kept: str) -> None:
    assert clean_uid(given) == kept
