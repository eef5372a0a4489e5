"""Job leads with their story: where a lead was heard, from whom, and how that person came into the network.

A lead moves through the statuses of ``LeadStatus`` in any order (a lead can go back to "researching" after
an interview falls through). Its provenance is the chain the user can follow back: the person who told them,
the person who introduced them to that one, and so on; a lead heard by way of another lead continues with
that lead's story.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from orchardist.domain.messages import N_

MAX_ORGANISATION = 300
MAX_ROLE = 300
MAX_WHERE = 500
MAX_NEXT_STEP = 500
MAX_NOTES = 20_000
# How far back the story is followed: introducers of introducers rarely go further, and a cycle stops.
MAX_CHAIN = 6


class LeadStatus(enum.StrEnum):
    """Where a lead stands."""

    HEARD = "heard"
    RESEARCHING = "researching"
    ASKED_FOR_ADVICE = "asked_for_advice"
    INTRODUCED = "introduced"
    APPLIED = "applied"
    INTERVIEW = "interview"
    OFFER = "offer"
    CLOSED = "closed"


STATUS_LABELS: dict[LeadStatus, str] = {
    LeadStatus.HEARD: N_("Heard"),
    LeadStatus.RESEARCHING: N_("Researching"),
    LeadStatus.ASKED_FOR_ADVICE: N_("Asked for advice"),
    LeadStatus.INTRODUCED: N_("Introduced"),
    LeadStatus.APPLIED: N_("Applied"),
    LeadStatus.INTERVIEW: N_("Interview"),
    LeadStatus.OFFER: N_("Offer"),
    LeadStatus.CLOSED: N_("Closed"),
}
"""Each status with its label, in the order a lead usually moves (marked here, translated where shown)."""


@dataclass(frozen=True, slots=True)
class Lead:
    """A job lead: the organisation, the role or area, where and when it was heard and from whom."""

    organisation: str
    role: str = ""
    heard_where: str = ""
    heard_on: date | None = None
    source_person_id: int | None = None
    via_lead_id: int | None = None
    status: LeadStatus = LeadStatus.HEARD
    notes: str = ""
    next_step: str = ""
    next_step_on: date | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.status is not LeadStatus.CLOSED


class Link(enum.StrEnum):
    """How one step of a lead's story leads to the next."""

    TOLD = "told"  # this person told the user of the lead
    INTRODUCED = "introduced"  # this person introduced the user to the previous step's person
    VIA_LEAD = "via_lead"  # the lead was heard by way of this other lead


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a lead's story: a person (with ``person_id``) or another lead (with ``lead_id``)."""

    link: Link
    name: str
    person_id: int | None = None
    lead_id: int | None = None


@dataclass(frozen=True, slots=True)
class Known:
    """What the story needs of a person: their name and who introduced them."""

    name: str
    met_through_id: int | None = None


@dataclass(frozen=True, slots=True)
class LeadStory:
    """A lead's steps, nearest first."""

    steps: tuple[Step, ...] = field(default_factory=tuple)


def provenance(
    lead: Lead, people: Mapping[int, Known], leads: Mapping[int, Lead], *, most: int = MAX_CHAIN
) -> tuple[Step, ...]:
    """The story of ``lead``: who told the user, who introduced the user to them, and further back.

    ``people`` and ``leads`` hold at least those the chain names (a missing one ends it). Each person
    and lead appears once, so a cycle of introductions ends the chain; at most ``most`` steps.
    """
    steps: list[Step] = []
    seen_people: set[int] = set()
    seen_leads: set[int] = {lead.id} if lead.id is not None else set()
    current: Lead | None = lead
    while current is not None and len(steps) < most:
        person_id, link = current.source_person_id, Link.TOLD
        while person_id is not None and person_id not in seen_people and len(steps) < most:
            known = people.get(person_id)
            if known is None:
                break
            seen_people.add(person_id)
            steps.append(Step(link, known.name, person_id=person_id))
            person_id, link = known.met_through_id, Link.INTRODUCED
        via = current.via_lead_id
        current = None
        if via is not None and via not in seen_leads and len(steps) < most:
            found = leads.get(via)
            if found is not None:
                seen_leads.add(via)
                steps.append(Step(Link.VIA_LEAD, found.organisation, lead_id=via))
                current = found
    return tuple(steps)


def next_step_due(lead: Lead, on: date) -> bool:
    """Whether the lead's next step is due on ``on`` or before, and the lead still open."""
    return lead.open and bool(lead.next_step_on) and lead.next_step_on is not None and lead.next_step_on <= on
