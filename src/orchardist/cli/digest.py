"""``orchardist digest``: the weekly digest e-mail."""

from __future__ import annotations

from datetime import datetime

import click

from orchardist.cli.context import EXIT_REFUSED, fail, reported, state


@click.group("digest")
def digest_group() -> None:
    """The weekly digest e-mail (opt-in: set it up with orchardist settings set digest_enabled=on …)."""


@digest_group.command("send")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), help="As of this day (YYYY-MM-DD).")
@click.option(
    "--if-due",
    is_flag=True,
    help="Send only when the digest is turned on and not yet sent this week (for a daily cron job).",
)
@click.option("--dry-run", is_flag=True, help="Print the e-mail instead of sending it.")
@click.pass_context
def send_command(ctx: click.Context, on: datetime | None, if_due: bool, dry_run: bool) -> None:
    """Send the digest now through the SMTP server in the settings.

    The subject never names anyone ("Orchardist: 3 people to tend"); the body names people only when
    reminder_names is on. The password comes from ORCHARDIST_SMTP_PASSWORD, else the settings.
    """
    from orchardist.services.digest import DigestError, is_due, message, send

    network = state(ctx).network()
    day = on.date() if on else None
    with reported():
        if if_due and not is_due(network, day):
            click.echo("the digest is not due")
            return
        if dry_run:
            click.echo(message(network, day).as_string())
            return
        try:
            mail = send(network, day)
        except DigestError as error:
            fail(str(error), EXIT_REFUSED)
    click.echo(f"sent the digest to {mail['To']}: {mail['Subject']}")
