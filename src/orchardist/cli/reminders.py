"""``orchardist reminders``: the coming days' reminders, or the chosen people's occasions, as an iCalendar
file, and the feed address."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import click

from orchardist.cli.context import EXIT_REFUSED, fail, reported, state
from orchardist.cli.people import TIERS


@click.group("reminders")
def reminders_group() -> None:
    """Reminders for your calendar: Today's list and what the coming days bring."""


@reminders_group.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    required=True,
    help="The .ics file to write (replaced whole, never half-written); - for standard output.",
)
@click.option(
    "--date", "on", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD); default today."
)
@click.option(
    "--days", type=click.IntRange(1, 366), help="How many days ahead; default the reminder_days setting (28)."
)
@click.option(
    "--names/--no-names",
    default=None,
    help="Name people in the entries; default the reminder_names setting (off: neutral words only).",
)
@click.option(
    "--occasions",
    is_flag=True,
    help="Write the birthdays, anniversaries and work anniversaries of the people chosen with --tag, "
    "--tier and --organisation (default everyone) instead: a calendar of its own, every year.",
)
@click.option("--tag", help="With --occasions: only people with this tag.")
@click.option("--tier", type=click.Choice(TIERS), help="With --occasions: only this tier.")
@click.option("--organisation", help="With --occasions: only people at this organisation.")
@click.pass_context
def export_command(
    ctx: click.Context,
    output: Path,
    on: datetime | None,
    days: int | None,
    names: bool | None,
    occasions: bool,
    tag: str | None,
    tier: str | None,
    organisation: str | None,
) -> None:
    """Write the reminders as an iCalendar file: one all-day entry per day with someone to tend.

    Entries say "Orchardist: reach out to 3 people" and how many of each kind, with no names or
    employers unless --names (or the reminder_names setting) says otherwise. Each entry keeps its
    UID from one export to the next, so a calendar that imports the file again updates its entries.

    With --occasions, the file holds the chosen people's birthdays and anniversaries instead, each
    a yearly entry ("Orchardist: a birthday", or with --names "Birthday: Ann Lee").
    """
    from orchardist.services.reminders import calendar

    with reported():
        network = state(ctx).network()
        if occasions:
            if on is not None or days is not None:
                fail("--date and --days are for the reminders, not --occasions", EXIT_REFUSED)
            from orchardist.domain.queries import people_filter
            from orchardist.services.reminders import occasions as occasions_of

            query = people_filter(tag=tag, tier=tier, organisation=organisation)
            data = occasions_of(network, query, names=names)
        else:
            if tag is not None or tier is not None or organisation is not None:
                fail("--tag, --tier and --organisation choose people for --occasions", EXIT_REFUSED)
            data = calendar(network, on.date() if on else None, days=days, names=names)
    count = data.count(b"BEGIN:VEVENT")
    if occasions:
        what = f"{count} yearly occasion" + ("" if count == 1 else "s")
    else:
        what = f"{count} day" + ("" if count == 1 else "s") + " with reminders"
    if str(output) == "-":
        with click.open_file("-", "wb") as standard_output:
            standard_output.write(data)
        click.echo(f"wrote the calendar to standard output ({what})", err=True)
        return
    target = output.resolve()
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".orchardist-", suffix=".ics")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}", EXIT_REFUSED)
    click.echo(f"wrote {output} ({what})", err=True)


@reminders_group.command("feed")
@click.option(
    "--new", "make_new", is_flag=True, help="Make a new private address (the old one stops working)."
)
@click.option("--revoke", is_flag=True, help="Remove the address: subscribed calendars get nothing more.")
@click.pass_context
def feed_command(ctx: click.Context, make_new: bool, revoke: bool) -> None:
    """Show the private calendar feed's path on the web app (orchardist serve), or change it."""
    from orchardist.services.reminders import feed_token, new_feed, revoke_feed

    if make_new and revoke:
        fail("choose --new or --revoke, not both", EXIT_REFUSED)
    network = state(ctx).network()
    if revoke:
        revoke_feed(network)
        click.echo("feed address revoked")
        return
    token = new_feed(network) if make_new else feed_token(network)
    if token is None:
        click.echo("no feed address: make one with --new")
        return
    click.echo(f"/feed/{token}.ics (on the address orchardist serve prints)")
