"""``orchardist groups`` and ``orchardist events``: where you belong, where you went, and whom you met."""

from __future__ import annotations

from datetime import datetime

import click

from orchardist.cli.context import fail, print_json, reported, state

KINDS = ["association", "chamber_of_commerce", "meetup", "alumni", "other"]
DAY = click.DateTime(["%Y-%m-%d"])


@click.group("groups")
def groups_group() -> None:
    """Groups you belong to: associations, chambers of commerce, meetups, alumni groups."""


@groups_group.command("add")
@click.argument("name")
@click.option(
    "--kind", type=click.Choice(KINDS), default="association", show_default=True, help="What it is."
)
@click.option("--joined", type=DAY, help="When you joined (YYYY-MM-DD).")
@click.option("--notes", default="", help="Private notes.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored group as JSON.")
@click.pass_context
def add_group_command(
    ctx: click.Context, name: str, kind: str, joined: datetime | None, notes: str, as_json: bool
) -> None:
    """Add a group called NAME."""
    from orchardist.domain.groups import Group, GroupKind
    from orchardist.services.groups import add_group, group_to_dict

    with reported():
        group = add_group(
            state(ctx).network(),
            Group(name=name, kind=GroupKind(kind), joined_on=joined.date() if joined else None, notes=notes),
        )
    if as_json:
        print_json(group_to_dict(group))
    else:
        click.echo(f"added group #{group.id} ({group.kind.value}): {group.name}")


@groups_group.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id", "name", "kind", "joined_on", "notes"}].')
@click.pass_context
def list_groups_command(ctx: click.Context, as_json: bool) -> None:
    """Your groups, by name."""
    from orchardist.services.groups import group_to_dict, list_groups

    with reported():
        found = list_groups(state(ctx).network())
    if as_json:
        print_json([group_to_dict(group) for group in found])
        return
    if not found:
        click.echo('No groups yet: add one with  orchardist groups add "Laval Chamber of Commerce"')
    for group in found:
        click.echo(f"#{group.id:<4} {group.kind.value:<20} {group.name}")


@groups_group.command("show")
@click.argument("group_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the group and its events as JSON.")
@click.pass_context
def show_group_command(ctx: click.Context, group_id: int, as_json: bool) -> None:
    """A group and its events, newest first, with the people you met at each."""
    from orchardist.services.groups import event_to_dict, group_to_dict, show_group

    with reported():
        view = show_group(state(ctx).network(), group_id)
    if as_json:
        print_json({**group_to_dict(view.group), "events": [event_to_dict(event) for event in view.events]})
        return
    click.echo(f"#{view.group.id} {view.group.name} ({view.group.kind.value})")
    for event in view.events:
        met = ", ".join(f"{name} (#{person_id})" for person_id, name in event.met)
        click.echo(f"  {event.event.on.isoformat()} {event.event.name}" + (f" — met {met}" if met else ""))


@click.group("events")
def events_group() -> None:
    """Events you attended and the people you met there; a follow-up is owed to each afterwards (Today)."""


def _ids(values: tuple[str, ...]) -> tuple[int, ...]:
    found: list[int] = []
    for value in values:
        for part in value.replace(",", " ").split():
            if not part.isdigit():
                fail(f"--met: expected person ids, got {part!r}")
            found.append(int(part))
    return tuple(found)


@events_group.command("add")
@click.argument("name")
@click.option("--date", "on", type=DAY, help="When (YYYY-MM-DD); default today.")
@click.option("--place", default="", help="Where it was held.")
@click.option("--group", "group_id", type=int, help="The id of the group that held it.")
@click.option("--met", multiple=True, help="The id of a person you met there (repeatable, or 3,7,12).")
@click.option("--notes", default="", help="Private notes.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored event as JSON.")
@click.pass_context
def add_event_command(
    ctx: click.Context,
    name: str,
    on: datetime | None,
    place: str,
    group_id: int | None,
    met: tuple[str, ...],
    notes: str,
    as_json: bool,
) -> None:
    """Add an event called NAME that you attended, and the people you met there."""
    from datetime import date

    from orchardist.domain.groups import Event
    from orchardist.services.groups import add_event, event_to_dict

    event = Event(
        name=name,
        on=on.date() if on else date.today(),
        place=place,
        group_id=group_id,
        notes=notes,
        met=_ids(met),
    )
    with reported():
        view = add_event(state(ctx).network(), event)
    if as_json:
        print_json(event_to_dict(view))
    else:
        click.echo(f"added event #{view.event.id} on {view.event.on.isoformat()}: {view.event.name}")


@events_group.command("list")
@click.option(
    "--json", "as_json", is_flag=True, help='Print [{"id", "name", "date", "met", …}], newest first.'
)
@click.pass_context
def list_events_command(ctx: click.Context, as_json: bool) -> None:
    """Events you attended, newest first, with the people you met there."""
    from orchardist.services.groups import event_to_dict, list_events

    with reported():
        found = list_events(state(ctx).network())
    if as_json:
        print_json([event_to_dict(view) for view in found])
        return
    if not found:
        click.echo('No events yet: add one with  orchardist events add "Python meetup" --met 12')
    for view in found:
        met = ", ".join(f"{name} (#{person_id})" for person_id, name in view.met)
        group = f" [{view.group_name}]" if view.group_name else ""
        click.echo(
            f"#{view.event.id:<4} {view.event.on.isoformat()} {view.event.name}{group}"
            + (f" — met {met}" if met else "")
        )
