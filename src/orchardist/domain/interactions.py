"""Interactions: every contact with someone, and which way it went."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class Direction(enum.StrEnum):
    """Whether an interaction gave, asked, was mutual, or was purely social."""

    GAVE = "gave"
    ASKED = "asked"
    MUTUAL = "mutual"
    SOCIAL = "social"


class Channel(enum.StrEnum):
    """How the contact happened."""

    IN_PERSON = "in_person"
    CALL = "call"
    VIDEO = "video"
    EMAIL = "email"
    MESSAGE = "message"
    SOCIAL_MEDIA = "social_media"
    LETTER = "letter"
    EVENT = "event"
    OTHER = "other"


# Kinds are open-ended words; these are the ones the app knows how to reason about.
KNOWN_KINDS: tuple[str, ...] = (
    "meeting",
    "call",
    "coffee",
    "message",
    "introduction",
    "favour",
    "advice",
    "referral",
    "thank_you",
    "follow_up",
    "congratulation",
    "greeting",
    "article",
    "event",
    "chance_encounter",
    "note",
)


@dataclass(frozen=True, slots=True)
class Interaction:
    """One contact with one or more people."""

    on: date
    direction: Direction
    kind: str
    summary: str
    person_ids: tuple[int, ...]
    channel: Channel = Channel.OTHER
    notes: str = ""
    id: int | None = None


ContactKey = tuple[frozenset[int], date, str, Direction, str]


def contact_key(interaction: Interaction) -> ContactKey:
    """What makes two interactions one contact: the same people, day, kind, direction and summary.

    Importing a backup again adds no contact already stored (channels and notes may have been edited).
    """
    return (
        frozenset(interaction.person_ids),
        interaction.on,
        interaction.kind,
        interaction.direction,
        interaction.summary,
    )
