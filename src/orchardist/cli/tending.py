"""``orchardist today``: whom to tend today, and why."""

from __future__ import annotations

from datetime import datetime

import click

from orchardist.cli.context import print_json, reported, state


@click.command("today")
@click.option(
    "--date",
    "on",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Evaluate as of this day (YYYY-MM-DD); default today.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the list as a JSON array, in rank order.")
@click.pass_context
def today_command(ctx: click.Context, on: datetime | None, as_json: bool) -> None:
    """Whom to tend today, ranked: thank-yous and follow-ups owed, occasions, then who is most overdue.

    With --json, each entry is {"person_id", "name", "reason", "why", "action", "due"}; reasons are
    thank_you_owed, follow_up_due, occasion, overdue, reconnect and give_before_ask.
    """
    from orchardist.services.tending import today

    with reported():
        entries = today(state(ctx).network(reads_only=True), on.date() if on else None)
    if as_json:
        print_json([entry.to_dict() for entry in entries])
        return
    if not entries:
        click.echo("Nobody to tend today: everyone is within their rhythm.")
        return
    for rank, entry in enumerate(entries, start=1):
        click.echo(f"{rank:>2}. {entry.item.name} (#{entry.item.person_id}) · {entry.item.reason}")
        click.echo(f"    {entry.why}")
        click.echo(f"    → {entry.action}")


_DAY = click.DateTime(["%Y-%m-%d"])


@click.command("snooze")
@click.argument("person_ids", metavar="PERSON_ID...", nargs=-1, type=int, required=True)
@click.option("--until", "until", type=_DAY, required=True, help="Last day to hide them (YYYY-MM-DD).")
@click.pass_context
def snooze_command(ctx: click.Context, person_ids: tuple[int, ...], until: datetime) -> None:
    """Keep one or more people off Today through the --until day; they come back the day after.

    Several at once are snoozed together: an id not in your network snoozes no one.
    """
    from orchardist.services.tending import snooze_many

    with reported():
        snoozed = snooze_many(state(ctx).network(), list(person_ids), until.date())
    for entry in snoozed:
        click.echo(f"snoozed {entry.name} (#{entry.person_id}) until {entry.until.isoformat()}")


@click.command("unsnooze")
@click.argument("person_ids", metavar="PERSON_ID...", nargs=-1, type=int, required=True)
@click.pass_context
def unsnooze_command(ctx: click.Context, person_ids: tuple[int, ...]) -> None:
    """End the snooze of one or more people now (early, or to undo one): they are back on Today when due."""
    from orchardist.services.tending import end_snooze

    with reported():
        ended = set(end_snooze(state(ctx).network(), list(person_ids)))
    for person_id in person_ids:
        click.echo(f"#{person_id}: " + ("snooze ended" if person_id in ended else "was not snoozed"))


@click.command("dismiss")
@click.argument("person_id", type=int)
@click.option("--reason", required=True, help="The item's reason, as `today --json` gives it.")
@click.option("--due", type=_DAY, required=True, help="The item's due day, as `today --json` gives it.")
@click.pass_context
def dismiss_command(ctx: click.Context, person_id: int, reason: str, due: datetime) -> None:
    """Drop one Today item for good; the person's next item (a later due day) still shows."""
    from orchardist.services.tending import dismiss

    with reported():
        dismiss(state(ctx).network(), person_id, reason, due.date())
    click.echo(f"dismissed {reason} for #{person_id} due {due.date().isoformat()}")


@click.command("undismiss")
@click.argument("person_id", type=int)
@click.option("--reason", required=True, help="The item's reason, as `dismiss` was given it.")
@click.option("--due", type=_DAY, required=True, help="The item's due day, as `dismiss` was given it.")
@click.pass_context
def undismiss_command(ctx: click.Context, person_id: int, reason: str, due: datetime) -> None:
    """Bring back a Today item dismissed by mistake (the undo of `dismiss`)."""
    from orchardist.services.tending import undismiss

    with reported():
        found = undismiss(state(ctx).network(), person_id, reason, due.date())
    day = due.date().isoformat()
    click.echo(f"{reason} for #{person_id} due {day} " + ("is back" if found else "was not dismissed"))
