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
        entries = today(state(ctx).network(), on.date() if on else None)
    if as_json:
        print_json([entry.to_dict() for entry in entries])
        return
    if not entries:
        click.echo("Nobody to tend today: everyone is within their rhythm.")
        return
    for rank, entry in enumerate(entries, start=1):
        click.echo(f"{rank:>2}. {entry.item.name} (#{entry.item.person_id}) · {entry.item.reason.value}")
        click.echo(f"    {entry.why}")
        click.echo(f"    → {entry.action}")
