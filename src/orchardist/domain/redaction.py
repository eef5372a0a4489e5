"""A redacted export: the network without what is private to the user — every note (a person's, a
custom notes field's, an interaction's) and every discretion mark (who knows of the search, the user's
word on who is a co-worker) — so it can be shared or kept where others may look."""

from __future__ import annotations

from dataclasses import replace

from orchardist.domain.fields import FIELDS, Group, Kind, empty, with_values
from orchardist.domain.interactions import Interaction
from orchardist.domain.people import Person

REDACTED_FIELDS: tuple[str, ...] = tuple(
    name for name, spec in FIELDS.items() if spec.kind is Kind.NOTES or spec.group is Group.DISCRETION
)
"""The person fields a redacted export leaves empty."""


def redact_person(person: Person) -> Person:
    """``person`` with their notes and discretion marks emptied, and where those came from forgotten."""
    cleared = with_values(person, {name: empty(FIELDS[name]) for name in REDACTED_FIELDS})
    sources = {name: labels for name, labels in person.sources.items() if name not in REDACTED_FIELDS}
    return replace(cleared, sources=sources)


def redact_interaction(interaction: Interaction) -> Interaction:
    """``interaction`` without its private notes (its summary stays)."""
    return replace(interaction, notes="") if interaction.notes else interaction
