"""``orchardist settings``: the tending rhythm, holidays, weekly goal, reminders and digest settings."""

from __future__ import annotations

import click

from orchardist.cli.context import fail, print_json, reported, state


@click.group("settings")
def settings_group() -> None:
    """Show or change the network's settings (rhythm per tier, holidays, goal, reminders, digest)."""


@settings_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print the settings as a JSON object.")
@click.pass_context
def show_command(ctx: click.Context, as_json: bool) -> None:
    """Every setting with its value; the SMTP password is masked."""
    from orchardist.services.settings import SETTINGS, current, shown

    with reported():
        values = shown(current(state(ctx).network()))
    if as_json:
        print_json(values)
        return
    for name, value in values.items():
        text = ", ".join(value) if isinstance(value, list) else value
        if isinstance(value, bool):
            text = "on" if value else "off"
        click.echo(f"{name} = {text}")
        click.echo(f"    {SETTINGS[name].help}")


@settings_group.command("set")
@click.argument("assignments", nargs=-1, required=True, metavar="NAME=VALUE...")
@click.pass_context
def set_command(ctx: click.Context, assignments: tuple[str, ...]) -> None:
    """Change settings, all together or none: e.g. ``inner_days=21 holidays=christmas,new_year``.

    Lists are comma-separated; on/off settings take on or off. Holiday codes are listed by
    ``orchardist settings holidays``. When your search is discreet, a digest sent to, from or through
    your work domain is saved with a warning.
    """
    from orchardist.services.discretion import leaks
    from orchardist.services.settings import parse, update

    changes = {}
    for assignment in assignments:
        name, sep, text = assignment.partition("=")
        if not sep:
            fail(f"{assignment}: write NAME=VALUE")
        with reported():
            changes[name.strip()] = parse(name.strip(), text)
    with reported():
        values = update(state(ctx).network(), changes)
    click.echo(f"saved {', '.join(changes)}")
    for warning in leaks(values):
        click.echo(f"orchardist: warning: {warning}", err=True)


@settings_group.command("holidays")
def holidays_command() -> None:
    """The holidays Orchardist knows, with their codes and this year's dates."""
    from datetime import date

    from orchardist.domain.holidays import HOLIDAYS, next_on

    today = date.today()
    for holiday in HOLIDAYS:
        click.echo(f"{holiday.code:<22} {next_on(holiday.code, today).isoformat()}  {holiday.name}")
