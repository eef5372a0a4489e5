"""``orchardist log``: record an interaction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import click

from orchardist.cli.context import print_json, reported, state

if TYPE_CHECKING:
    from orchardist.domain.offers import AskWarning

DIRECTIONS = ["gave", "asked", "mutual", "social"]
CHANNELS = ["in_person", "call", "video", "email", "message", "social_media", "letter", "event", "other"]


def _warning_text(warning: AskWarning) -> str:
    asks = f"{warning.asked} {'ask' if warning.asked == 1 else 'asks'}"
    text = (
        f"orchardist: warning: so far you have only asked of {warning.name} (#{warning.person_id}): "
        f"{asks}, nothing given. Give before you ask again"
    )
    if not warning.suggestions:
        return text + "; add what you can offer with `orchardist offers add`."
    first = warning.suggestions[0]
    text += f": offer #{first.offer.id} '{first.offer.text}'"
    if first.need:
        text += f", as they could use help with '{first.need}'"
    return text + "."


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
@click.option(
    "--date",
    "on",
    type=click.DateTime(["%Y-%m-%d"]),
    help="When (YYYY-MM-DD, not after today); default today.",
)
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
    """Log an interaction with PERSON_ID; any interaction resets their stay-in-touch clock.

    An ask of someone you have only asked of so far is logged all the same, with a warning on
    standard error that suggests giving first, naming one of your offers.
    """
    from orchardist.domain.interactions import Channel, Direction
    from orchardist.services.interactions import log_contact
    from orchardist.services.serialisers import interaction_to_dict

    with reported():
        logged = log_contact(
            state(ctx).network(),
            [person_id, *others],
            direction=Direction(direction),
            kind=kind,
            summary=summary,
            on=on.date() if on else None,
            channel=Channel(channel),
            notes=notes,
        )
    interaction = logged.interaction
    for warning in logged.warnings:
        click.echo(_warning_text(warning), err=True)
    for coworker in logged.coworkers:
        click.echo(f"orchardist: warning: {coworker.message}", err=True)
    if as_json:
        print_json(interaction_to_dict(interaction))
    else:
        click.echo(
            f"logged {interaction.kind} ({interaction.direction.value}) on {interaction.on.isoformat()}"
        )
