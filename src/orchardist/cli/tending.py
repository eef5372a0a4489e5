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
@click.argument("person_id", type=int)
@click.option("--until", "until", type=_DAY, required=True, help="Last day to hide them (YYYY-MM-DD).")
@click.pass_context
def snooze_command(ctx: click.Context, person_id: int, until: datetime) -> None:
    """Keep PERSON_ID off Today through the --until day; they come back the day after."""
    from orchardist.services.tending import snooze

    with reported():
        snooze(state(ctx).network(), person_id, until.date())
    click.echo(f"snoozed #{person_id} until {until.date().isoformat()}")


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
