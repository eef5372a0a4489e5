"""``orchardist reconnect``: the people you mean to get back in touch with, and who could go on the list."""

from __future__ import annotations

import click

from orchardist.cli.context import print_json, reported, state


@click.group("reconnect")
def reconnect_group() -> None:
    """The people you want to reconnect with: Today suggests a first message that asks for nothing."""


@reconnect_group.command("suggest")
@click.option("--limit", type=click.IntRange(1, 200), default=20, show_default=True, help="How many to show.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many first (the next page).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"total", "offset", "candidates": [{"person_id", "name", "organisation", "title", '
    '"connected_on"}], "listed": [{"person_id", "name", "since"}]}.',
)
@click.pass_context
def reconnect_suggest(ctx: click.Context, limit: int, offset: int, as_json: bool) -> None:
    """People you never logged a contact with and who are not on the list, the oldest connections first
    (the day LinkedIn says you connected, else the day they were added): pick 10 to 20 to start with."""
    from orchardist.services.reconnecting import inventory

    with reported():
        found = inventory(state(ctx).network(reads_only=True), limit=limit, offset=offset)
    if as_json:
        print_json(found.to_dict())
        return
    if not found.total:
        click.echo("Everyone has a contact logged or is on the reconnect list already.")
        return
    click.echo(f"{found.total} people never contacted; the oldest connections first:")
    for candidate in found.candidates:
        works = " at ".join(part for part in (candidate.title, candidate.organisation) if part)
        since = f"  connected {candidate.connected_on.isoformat()}" if candidate.connected_on else ""
        click.echo(f"#{candidate.person_id}  {candidate.name}" + (f" · {works}" if works else "") + since)
    click.echo("Put some on the list with: orchardist reconnect add ID [ID ...]")


@reconnect_group.command("add")
@click.argument("person_ids", metavar="PERSON_ID...", type=int, nargs=-1, required=True)
@click.pass_context
def reconnect_add(ctx: click.Context, person_ids: tuple[int, ...]) -> None:
    """Put these people on the reconnect list until you log a contact with them (all or none)."""
    from orchardist.services.reconnecting import add_to_reconnect, start_reconnecting

    with reported():
        if len(person_ids) == 1:
            entry = add_to_reconnect(state(ctx).network(), person_ids[0])
            click.echo(f"#{person_ids[0]} is on the reconnect list" + ("" if entry.added else " already"))
            return
        added = start_reconnecting(state(ctx).network(), person_ids)
    already = len(set(person_ids)) - added
    click.echo(f"{added} more on the reconnect list" + (f" ({already} on it already)" if already else ""))


@reconnect_group.command("remove")
@click.argument("person_id", type=int)
@click.pass_context
def reconnect_remove(ctx: click.Context, person_id: int) -> None:
    """Take PERSON_ID off the reconnect list."""
    from orchardist.services.reconnecting import remove_from_reconnect

    with reported():
        removed = remove_from_reconnect(state(ctx).network(), person_id)
    click.echo(
        f"#{person_id} " + ("is off the reconnect list" if removed else "was not on the reconnect list")
    )


@reconnect_group.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"person_id", "name", "since"}] as JSON.')
@click.pass_context
def reconnect_list_command(ctx: click.Context, as_json: bool) -> None:
    """Who is on the reconnect list, and since when, earliest first."""
    from orchardist.services.reconnecting import reconnect_list

    found = reconnect_list(state(ctx).network(reads_only=True))
    if as_json:
        print_json([entry.to_dict() for entry in found])
        return
    for entry in found:
        click.echo(f"#{entry.person_id}  {entry.name}  since {entry.since.isoformat()}")
