"""The leads, groups and events of a JSON backup (version 6), written and read back with their ids.

A lead names the person it came from by their key (``"source": "p12"``) and the lead it came by way of
by that lead's id (``"via_lead": 3``); an event names its group by id and the people met there by key.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from orchardist.domain.groups import Event, Group, GroupKind
from orchardist.domain.leads import Lead, LeadStatus
from orchardist.formats.base import ParsedEvent, ParsedLead
from orchardist.formats.json_backup_reading import (
    choice,
    day,
    fields_of,
    listed,
    moment,
    record_id,
    refuse,
    shown,
    text,
    texts,
    typed,
)
from orchardist.formats.json_backup_records import person_key, when
from orchardist.formats.messages import EXPECTED_ID, EXPECTED_KEY, NO_SUCH_KEY

GROWTH_LISTS = ("leads", "groups", "events")
_LEAD_KEYS = (
    "id",
    "created_at",
    "updated_at",
    "organisation",
    "role",
    "heard_where",
    "heard_on",
    "source",
    "via_lead",
    "status",
    "notes",
    "next_step",
    "next_step_on",
)
_GROUP_KEYS = ("id", "name", "kind", "joined_on", "notes")
_EVENT_KEYS = ("id", "name", "date", "place", "group", "notes", "met")


def _day(value: object) -> str | None:
    return None if value is None else str(value)


def _known(person_id: int, known: Collection[int], what: str) -> str:
    if person_id not in known:
        raise ValueError(f"{what} names person {person_id}, who is not exported")
    return person_key(person_id)


def lead_objects(leads: Sequence[Lead], known: Collection[int]) -> list[dict[str, object]]:
    return [
        {
            "id": lead.id,
            "created_at": when(lead.created_at),
            "updated_at": when(lead.updated_at),
            "organisation": lead.organisation,
            "role": lead.role,
            "heard_where": lead.heard_where,
            "heard_on": None if lead.heard_on is None else lead.heard_on.isoformat(),
            "source": None
            if lead.source_person_id is None
            else _known(lead.source_person_id, known, f"lead {lead.id}"),
            "via_lead": lead.via_lead_id,
            "status": lead.status.value,
            "notes": lead.notes,
            "next_step": lead.next_step,
            "next_step_on": None if lead.next_step_on is None else lead.next_step_on.isoformat(),
        }
        for lead in leads
    ]


def group_objects(groups: Sequence[Group]) -> list[dict[str, object]]:
    return [
        {
            "id": group.id,
            "name": group.name,
            "kind": group.kind.value,
            "joined_on": None if group.joined_on is None else group.joined_on.isoformat(),
            "notes": group.notes,
        }
        for group in groups
    ]


def event_objects(events: Sequence[Event], known: Collection[int]) -> list[dict[str, object]]:
    return [
        {
            "id": event.id,
            "name": event.name,
            "date": event.on.isoformat(),
            "place": event.place,
            "group": event.group_id,
            "notes": event.notes,
            "met": [_known(person_id, known, f"event {event.id}") for person_id in event.met],
        }
        for event in events
    ]


# Reading ---------------------------------------------------------------------------------------


def _optional_day(found: Mapping[str, object], name: str, path: str) -> object:
    return None if found.get(name) is None else day(found, name, path)


def _key(value: object, path: str, keys: set[str]) -> str:
    key = typed(value, str, path, EXPECTED_KEY)
    if key not in keys:
        raise refuse(path, NO_SUCH_KEY(key=shown(key)))
    return key


def _other_id(found: Mapping[str, object], name: str, path: str) -> int | None:
    value = found.get(name)
    return None if value is None else typed(value, int, f"{path}.{name}", EXPECTED_ID)


def leads(document: Mapping[str, object], keys: set[str]) -> list[ParsedLead]:
    parsed = []
    for index, value in enumerate(listed(document, "leads", "leads")):
        path = f"leads[{index}]"
        found = fields_of(value, path, _LEAD_KEYS)
        source = found.get("source")
        lead = Lead(
            id=record_id(found, path),
            created_at=moment(found, "created_at", path),
            updated_at=moment(found, "updated_at", path),
            organisation=text(found, "organisation", path),
            role=text(found, "role", path),
            heard_where=text(found, "heard_where", path),
            heard_on=_optional_day(found, "heard_on", path),  # type: ignore[arg-type]
            via_lead_id=_other_id(found, "via_lead", path),
            status=choice(found, "status", path, LeadStatus, LeadStatus.HEARD),
            notes=text(found, "notes", path),
            next_step=text(found, "next_step", path),
            next_step_on=_optional_day(found, "next_step_on", path),  # type: ignore[arg-type]
        )
        parsed.append(ParsedLead(lead, None if source is None else _key(source, f"{path}.source", keys)))
    return parsed


def groups(document: Mapping[str, object]) -> list[Group]:
    found_groups = []
    for index, value in enumerate(listed(document, "groups", "groups")):
        path = f"groups[{index}]"
        found = fields_of(value, path, _GROUP_KEYS)
        found_groups.append(
            Group(
                id=record_id(found, path),
                name=text(found, "name", path, required=True),
                kind=choice(found, "kind", path, GroupKind, GroupKind.OTHER),
                joined_on=_optional_day(found, "joined_on", path),  # type: ignore[arg-type]
                notes=text(found, "notes", path),
            )
        )
    return found_groups


def events(document: Mapping[str, object], keys: set[str]) -> list[ParsedEvent]:
    parsed = []
    for index, value in enumerate(listed(document, "events", "events")):
        path = f"events[{index}]"
        found = fields_of(value, path, _EVENT_KEYS)
        met = tuple(
            _key(key, f"{path}.met[{position}]", keys)
            for position, key in enumerate(texts(found, "met", path))
        )
        event = Event(
            id=record_id(found, path),
            name=text(found, "name", path, required=True),
            on=day(found, "date", path),
            place=text(found, "place", path),
            group_id=_other_id(found, "group", path),
            notes=text(found, "notes", path),
        )
        parsed.append(ParsedEvent(event, met))
    return parsed
