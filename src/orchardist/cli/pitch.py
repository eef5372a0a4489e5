"""``orchardist pitch``: your elevator pitch in four parts, its 30- and 60-second versions, and where
you gave it."""

from __future__ import annotations

from datetime import datetime

import click

from orchardist.cli.context import print_json, reported, state
from orchardist.domain.pitch import PARTS as SPECS
from orchardist.domain.pitch import VERSIONS

PARTS = list(SPECS)


@click.group("pitch")
def pitch_group() -> None:
    """Your elevator pitch: who you are, what you do best, what you are exploring, and your ask.

    Speaking time is worked out at 140 words a minute, a calm, natural pace.
    """


@pitch_group.command("set")
@click.option("--part", type=click.Choice(PARTS), required=True, help="Which part to write.")
@click.argument("text")
@click.pass_context
def set_command(ctx: click.Context, part: str, text: str) -> None:
    """Write one part of the pitch (an empty TEXT forgets it); the coach checks your ask."""
    from orchardist.services.pitch import set_parts

    with reported():
        view = set_parts(state(ctx).network(), {part: text})
    click.echo(f"saved; the whole pitch is {view.words} words, about {view.seconds} seconds")
    for finding in view.ask_findings if part == "ask" else []:
        click.echo(f"coach: {finding.why} {finding.suggestion}")


@pitch_group.command("show")
@click.option(
    "--seconds",
    type=click.Choice([str(limit) for limit in VERSIONS]),
    help="Show the version that fits in this many seconds.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"parts", "words", "seconds", "words_per_minute", "versions", "ask_findings", "practice"}.',
)
@click.pass_context
def show_command(ctx: click.Context, seconds: str | None, as_json: bool) -> None:
    """Your pitch with its word count and speaking time; with --seconds, the version that fits."""
    from orchardist.domain.pitch import WORDS_PER_MINUTE
    from orchardist.services.pitch import pitch_to_dict, pitch_view

    with reported():
        view = pitch_view(state(ctx).network())
    limit = int(seconds) if seconds else None
    if as_json:
        print_json(pitch_to_dict(view, seconds=limit))
        return
    if not view.written:
        click.echo('No pitch yet: write a part with  orchardist pitch set --part who "I am …"')
        return
    if limit:
        chosen = view.versions[limit]
        click.echo(chosen.text)
        click.echo(f"{chosen.words} words, about {chosen.seconds} s at {WORDS_PER_MINUTE} words a minute")
        if chosen.dropped:
            click.echo("left out: " + ", ".join(SPECS[code].label for code in chosen.dropped))
        return
    for code, spec in SPECS.items():
        click.echo(f"{spec.label}: {view.parts.get(code, '-')}")
    click.echo(f"{view.words} words, about {view.seconds} s at {WORDS_PER_MINUTE} words a minute")
    for found in view.versions.values():
        dropped = ", ".join(SPECS[code].label for code in found.dropped) or "nothing"
        click.echo(
            f"{found.limit}-second version: {found.words} words, {found.seconds} s; leaves out {dropped}"
        )
    for finding in view.ask_findings:
        click.echo(f"coach on your ask: {finding.why} {finding.suggestion}")
    if view.practice:
        click.echo(f"practised {len(view.practice)} times:")
    for item in view.practice:
        note = f": {item.note}" if item.note else ""
        click.echo(f"  {item.on.isoformat()} at {item.place}{note}")


@pitch_group.command("practice")
@click.option("--where", required=True, help="Where you gave your pitch (a meetup, a bus stop).")
@click.option("--note", default="", help="How it went.")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), help="When, YYYY-MM-DD (today if left out).")
@click.option(
    "--json", "as_json", is_flag=True, help='Print the practice noted as {"id", "on", "where", "note"}.'
)
@click.pass_context
def practice_command(ctx: click.Context, where: str, note: str, on: datetime | None, as_json: bool) -> None:
    """Note a time you gave your pitch: where, and how it went."""
    from orchardist.services.pitch import log_practice, practice_to_dict

    with reported():
        done = log_practice(state(ctx).network(), where, note, on=on.date() if on else None)
    if as_json:
        print_json(practice_to_dict(done))
    else:
        click.echo(f"noted practice #{done.id} on {done.on.isoformat()} at {done.place}")
