"""``orchardist log``: record an interaction."""

from __future__ import annotations

from datetime import datetime

import click

from orchardist.cli.context import print_json, reported, state

DIRECTIONS = ["gave", "asked", "mutual", "social"]
CHANNELS = ["in_person", "call", "video", "email", "message", "social_media", "letter", "event", "other"]


@click.command("log")
@click.argument("person_id", type=int)
@click.option("--kind", required=True, help="What happened: coffee, call, introduction, favour, thank_you, …")
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    required=True,
    help="Did you give, ask, was it mutual, or purely social?",
)
@click.option("--summary", required=True, help="One line saying what it was about.")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), help="When (YYYY-MM-DD); default today.")
@click.option("--channel", type=click.Choice(CHANNELS), default="other", show_default=True, help="How.")
@click.option("--notes", default="", help="Longer private notes.")
@click.option("--with", "others", type=int, multiple=True, help="Another person who took part (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the stored interaction as JSON.")
@click.pass_context
def log_command(
    ctx: click.Context,
    person_id: int,
    kind: str,
    direction: str,
    summary: str,
    on: datetime | None,
    channel: str,
    notes: str,
    others: tuple[int, ...],
    as_json: bool,
) -> None:
    """Log an interaction with PERSON_ID; any interaction resets their stay-in-touch clock."""
    from orchardist.domain.interactions import Channel, Direction
    from orchardist.services.interactions import log_interaction
    from orchardist.services.people import interaction_to_dict

    with reported():
        interaction = log_interaction(
            state(ctx).network(),
            [person_id, *others],
            direction=Direction(direction),
            kind=kind,
            summary=summary,
            on=on.date() if on else None,
            channel=Channel(channel),
            notes=notes,
        )
    if as_json:
        print_json(interaction_to_dict(interaction))
    else:
        click.echo(
            f"logged {interaction.kind} ({interaction.direction.value}) on {interaction.on.isoformat()}"
        )
