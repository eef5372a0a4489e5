"""``orchardist progress``: this week against the weekly goal, the last weeks, the give/ask ledger."""

from __future__ import annotations

from datetime import datetime

import click

from orchardist.cli.context import print_json, reported, state

COLUMNS = (
    ("tended", "tended"),
    ("reconnections", "reconnected"),
    ("gives", "gave"),
    ("asks", "asked"),
    ("thank_yous", "thanks"),
    ("new_people", "new"),
)


@click.command("progress")
@click.option(
    "--date",
    "on",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Count the weeks up to the week of this day (YYYY-MM-DD); default today.",
)
@click.option(
    "--weeks",
    type=click.IntRange(1, 104),
    default=12,
    show_default=True,
    help="How many weeks to show, the current one included.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as a JSON object.")
@click.pass_context
def progress_command(ctx: click.Context, on: datetime | None, weeks: int, as_json: bool) -> None:
    """Weekly counts (people tended, reconnections, gives, asks, thank-yous, new people) and the ledger.

    Weeks run Monday to Sunday. A reconnection is a contact after at least 90 days without one (or a
    first contact with someone added at least 90 days before). The weekly goal counts people tended;
    set it with ``orchardist settings set weekly_goal=N`` (0 for none).

    With --json: {"date", "goal", "goal_met", "this_week", "weeks" (oldest first), "ledger"}; each week
    is {"start", "end", "reconnections", "gives", "asks", "thank_yous", "new_people", "tended"}, the
    ledger {"gave", "asked", "mutual", "social", "balance", "last_give"}.
    """
    from orchardist.services.progress import progress

    with reported():
        found = progress(state(ctx).network(), on.date() if on else None, weeks)
    if as_json:
        print_json(found.to_dict())
        return
    week = found.this_week
    if found.goal:
        met = " (goal met)" if found.goal_met else ""
        click.echo(f"This week: {week.tended} of {found.goal} people tended{met}")
    else:
        click.echo(f"This week: {week.tended} people tended (no weekly goal set)")
    click.echo("")
    click.echo("week of      " + " ".join(f"{title:>11}" for _name, title in COLUMNS))
    for each in found.weeks:
        figures = " ".join(f"{getattr(each, name):>11}" for name, _title in COLUMNS)
        click.echo(f"{each.start.isoformat()}  {figures}")
    ledger = found.ledger
    click.echo("")
    click.echo(
        f"Ledger: gave {ledger.gave}, asked {ledger.asked}, mutual {ledger.mutual}, social {ledger.social}; "
        f"balance {ledger.balance:+d}"
    )
    last = ledger.last_give.isoformat() if ledger.last_give else "never"
    click.echo(f"Last give: {last}")
