"""Groups the user belongs to and the events they attend, with the people met there ("met at").

Everyone met at an event is owed a follow-up afterwards (``orchardist.domain.groups.follow_up_owed``):
Today lists it through the ``event_follow_up`` reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from orchardist.domain import groups as rules
from orchardist.domain.groups import Event, Group, GroupKind
from orchardist.domain.limits import text_problem
from orchardist.domain.wording import NO_SUCH_GROUP, NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.unit import Unit

KINDS = tuple(kind.value for kind in GroupKind)


class GroupError(InputRefused):
    """A group or an event cannot be stored as given: says which field and why."""


@dataclass(frozen=True, slots=True)
class EventView:
    """An event with its group's name and the names of the people met there (by id, in order)."""

    event: Event
    group_name: str
    met: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class GroupView:
    """A group and its events, newest first."""

    group: Group
    events: list[EventView]


@dataclass(frozen=True, slots=True)
class GroupsOverview:
    """The Groups & events page: every group and every event."""

    groups: list[Group]
    events: list[EventView]


def kind_of(value: str | GroupKind) -> GroupKind:
    try:
        return GroupKind(str(value).strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise GroupError(refusals.ONE_OF(choices=", ".join(KINDS)), field="kind") from None


def _text(value: str, limit: int, field: str, *, one_line: bool = True) -> str:
    cleaned = " ".join(value.split()) if one_line else value.strip()
    problem = text_problem(cleaned, limit)
    if problem is not None:
        raise GroupError(problem, field=field)
    return cleaned


def add_group(network: Network, group: Group) -> Group:
    """Store a group the user belongs to; it needs a name."""
    name = _text(group.name, rules.MAX_NAME, "name")
    if not name:
        raise GroupError(refusals.GROUP_NEEDS_NAME(), field="name")
    checked = replace(
        group,
        id=None,
        name=name,
        kind=kind_of(group.kind),
        notes=_text(group.notes, rules.MAX_NOTES, "notes"),
    )
    with network.writing() as unit:
        return unit.groups.add_group(checked)


def add_event(network: Network, event: Event) -> EventView:
    """Store an event the user attended and the people met there (each in this network)."""
    name = _text(event.name, rules.MAX_NAME, "name")
    if not name:
        raise GroupError(refusals.EVENT_NEEDS_NAME(), field="name")
    checked = replace(
        event,
        id=None,
        name=name,
        place=_text(event.place, rules.MAX_PLACE, "place"),
        notes=_text(event.notes, rules.MAX_NOTES, "notes", one_line=False),
        met=tuple(dict.fromkeys(event.met)),
    )
    with network.writing() as unit:
        if checked.group_id is not None and unit.groups.group(checked.group_id) is None:
            raise NotFound(NO_SUCH_GROUP(id=checked.group_id))
        found = unit.people.get_many(list(checked.met)) if checked.met else {}
        for person_id in checked.met:
            if person_id not in found:
                raise NotFound(NO_SUCH_PERSON(id=person_id))
        stored = unit.groups.add_event(checked)
        return _views_in(unit, [stored])[0]


def _views_in(unit: Unit, found: Sequence[Event]) -> list[EventView]:
    groups = {group.id: group.name for group in unit.groups.groups()}
    wanted = sorted({person_id for event in found for person_id in event.met})
    names = unit.leads.known(wanted)
    return [
        EventView(
            event=event,
            group_name=groups.get(event.group_id, "") if event.group_id is not None else "",
            met=tuple((person_id, names[person_id].name) for person_id in event.met if person_id in names),
        )
        for event in found
    ]


def list_groups(network: Network) -> list[Group]:
    """Every group, by name."""
    with network.reading() as unit:
        return unit.groups.groups()


def list_events(network: Network) -> list[EventView]:
    """Every event, newest first, with the people met there."""
    with network.reading() as unit:
        return _views_in(unit, unit.groups.events())


def show_group(network: Network, group_id: int) -> GroupView:
    """A group and its events; NotFound when this network has no such group."""
    with network.reading() as unit:
        group = unit.groups.group(group_id)
        if group is None:
            raise NotFound(NO_SUCH_GROUP(id=group_id))
        return GroupView(group, _views_in(unit, unit.groups.events(group_id)))


def groups_overview(network: Network) -> GroupsOverview:
    """What the Groups & events page shows, read in one transaction."""
    with network.reading() as unit:
        return GroupsOverview(unit.groups.groups(), _views_in(unit, unit.groups.events()))


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def group_to_dict(group: Group) -> dict[str, Any]:
    """A group as ``orchardist groups … --json`` and the API give it."""
    return {
        "id": group.id,
        "name": group.name,
        "kind": group.kind.value,
        "joined_on": _day(group.joined_on),
        "notes": group.notes,
    }


def event_to_dict(view: EventView) -> dict[str, Any]:
    """An event as ``orchardist events … --json`` and the API give it."""
    event = view.event
    return {
        "id": event.id,
        "name": event.name,
        "date": event.on.isoformat(),
        "place": event.place,
        "group_id": event.group_id,
        "group_name": view.group_name,
        "notes": event.notes,
        "met": [{"id": person_id, "name": name} for person_id, name in view.met],
    }
