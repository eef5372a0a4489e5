"""Interactions: every contact with someone, and which way it went."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from orchardist.domain.matching import fold


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


def only_took(gave: int, asked: int, mutual: int) -> bool:
    """True when all the user has done with someone is ask: at least one ask, no give, nothing mutual.

    Social contacts (a greeting, an event) neither give nor ask, so they do not change the answer.
    """
    return asked > 0 and gave == 0 and mutual == 0


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


# What people write for the kinds Today and Progress reason about, in English and French, as typed (any
# case, accents, hyphens or spaces): "Thanks", "thank-you note" and "merci" are a thank-you, "follow-up
# e-mail" and "relance" a follow-up. A kind not listed is kept as typed.
SAYINGS: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "thanks", "thank you", "thankyou", "thanked", "thank you note", "thank you card", "thank you email",
        "thank you e mail", "thank you message", "merci", "remerciement", "remerciements",
        "note de remerciement", "mot de remerciement", "carte de remerciement", "courriel de remerciement",
        "message de remerciement",
    ),
    "follow_up": (
        "follow up", "followup", "followed up", "follow up email", "follow up e mail", "follow up call",
        "follow up note", "follow up message", "suivi", "relance", "courriel de suivi", "appel de suivi",
        "message de suivi", "note de suivi",
    ),
    "coffee": ("cafe", "coffee chat", "un cafe"),
    "meeting": ("rencontre", "reunion", "lunch", "diner", "dejeuner", "meetup"),
    "call": ("appel", "phone call", "appel telephonique", "video call", "appel video"),
    "informational_interview": (
        "informational interview", "info interview", "entrevue d'information", "entretien d'information",
        "entrevue informationnelle",
    ),
    "introduction": ("intro", "presentation", "mise en relation"),
    "advice": ("conseil", "conseils"),
    "referral": ("recommandation", "reference"),
    "favour": ("favor",),
}  # fmt: skip
_CANONICAL = {
    saying: kind for kind, sayings in SAYINGS.items() for saying in (*sayings, kind.replace("_", " "))
}


def canonical_kind(kind: str) -> str:
    """The kind as Orchardist records it: lower case with underscores (``thank_you``), and one of the
    kinds it reasons about when the words say so (``"Thank-you note"`` → ``thank_you``)."""
    typed = kind.strip().lower().replace(" ", "_").replace("-", "_")
    return _CANONICAL.get(fold(typed.replace("_", " ")), typed)


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
