"""People and interactions as JSON: the shapes the CLI's ``--json`` prints and the API answers with."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from orchardist.domain.fields import FIELDS, as_json, value_of
from orchardist.domain.interactions import Interaction
from orchardist.domain.people import Person

if TYPE_CHECKING:
    from orchardist.services.people import PersonOverview


def person_to_dict(person: Person, last_contact: date | None = None) -> dict[str, Any]:
    """The JSON shape of a person used by the CLI and the API: the id, every field of
    ``orchardist.domain.fields`` under its key, where each came from, and the last contact."""
    return {
        "id": person.id,
        **{spec.key: as_json(spec, value_of(person, spec.name)) for spec in FIELDS.values()},
        "sources": {name: list(labels) for name, labels in person.sources.items()},
        "last_contact": last_contact.isoformat() if last_contact else None,
    }


def interaction_to_dict(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "date": interaction.on.isoformat(),
        "direction": interaction.direction.value,
        "channel": interaction.channel.value,
        "kind": interaction.kind,
        "summary": interaction.summary,
        "notes": interaction.notes,
        "person_ids": list(interaction.person_ids),
    }


def overview_to_dict(overview: PersonOverview) -> dict[str, Any]:
    """A person's page as JSON (``people show --json`` and ``GET /api/v1/people/{id}``): the person,
    their give/ask ledger and next due day, who introduced them, and every interaction, newest first."""
    introducer = overview.introducer
    return {
        **person_to_dict(overview.person, overview.last_contact),
        "ledger": overview.standing.ledger,
        "next_due": overview.standing.next_due.isoformat() if overview.standing.next_due else None,
        "met_through": {"id": introducer.id, "name": introducer.display_name} if introducer else None,
        "interactions": [interaction_to_dict(item) for item in overview.timeline],
    }
