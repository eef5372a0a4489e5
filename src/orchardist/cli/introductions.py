"""``orchardist intro``: introductions you broker between two people, asking each first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from orchardist.cli.context import print_json, reported, state

if TYPE_CHECKING:
    from orchardist.services.introductions import IntroductionView

STATES = ["started", "asked_a", "asked_b", "introduced", "followed_up", "done", "declined"]


@click.group("intro")
def intro_group() -> None:
    """Introductions you broker: who should meet and why, and each one's steps (ask A, ask B,
    introduce both, follow up) with the messages drafted and each give logged."""


@intro_group.command("suggest")
@click.option(
    "--limit", type=click.IntRange(1, 500), default=20, show_default=True, help="At most this many pairs."
)
@click.option(
    "--json", "as_json", is_flag=True, help='Print [{"a", "b", "why", "score"}] as JSON, best first.'
)
@click.pass_context
def suggest_command(ctx: click.Context, limit: int, as_json: bool) -> None:
    """Pairs of people worth introducing, best first, each with the reason in words: a need one has
    that the other can help with, someone looking for work and someone where they want to be, the
    same field, a shared interest. Co-workers are left out while your search is discreet."""
    from orchardist.services.introductions import pair_to_dict, suggest_introductions

    with reported():
        found = suggest_introductions(state(ctx).network(), limit=limit)
    if as_json:
        print_json([pair_to_dict(pair) for pair in found])
        return
    if not found:
        click.echo("No suggestions: add interests, needs and what people can help with to find pairs.")
        return
    for pair in found:
        click.echo(f"{pair.score:>5.2f}  {pair.a_name} (#{pair.a_id}) + {pair.b_name} (#{pair.b_id})")
        click.echo(f"       {pair.why()}")


def _show(view: IntroductionView, as_json: bool) -> None:
    from orchardist.services.introductions import view_to_dict

    if as_json:
        print_json(view_to_dict(view))
        return
    intro = view.introduction
    click.echo(f"introduction #{intro.id}: {intro.a_name} + {intro.b_name} — {intro.state.value}")
    for warning in view.warnings:
        click.echo(f"warning: {warning}")
    for logged in view.logged:
        click.echo(f"logged a give: {logged.summary}")
    if view.draft is not None:
        step = view.draft.step.state.value
        click.echo(f"next: {step} (orchardist intro move {intro.id} {step} --log)")
        for letter in view.draft.letters:
            address = f" <{letter.email}>" if letter.email else ""
            click.echo(f"\n--- to {letter.name}{address}\n{letter.subject}\n\n{letter.body}")


@intro_group.command("start")
@click.argument("a_id", metavar="A", type=int)
@click.argument("b_id", metavar="B", type=int)
@click.option("--why", default="", help="The reason, in your words (else the suggested one).")
@click.option("--json", "as_json", is_flag=True, help="Print the introduction and its next messages as JSON.")
@click.pass_context
def start_command(ctx: click.Context, a_id: int, b_id: int, why: str, as_json: bool) -> None:
    """Start introducing person A to person B (A is asked first), and draft the message asking A."""
    from orchardist.services.introductions import start_introduction

    with reported():
        view = start_introduction(state(ctx).network(), a_id, b_id, why=why)
    _show(view, as_json)


@intro_group.command("move")
@click.argument("introduction_id", metavar="ID", type=int)
@click.argument("new_state", metavar="STATE", type=click.Choice(STATES))
@click.option("--log", is_flag=True, help="Log the step's message as a give in the ledger.")
@click.option("--outcome", default=None, help="What came of it, in your words.")
@click.option("--json", "as_json", is_flag=True, help="Print the introduction and its next messages as JSON.")
@click.pass_context
def move_command(
    ctx: click.Context, introduction_id: int, new_state: str, log: bool, outcome: str | None, as_json: bool
) -> None:
    """Move introduction ID to STATE (forward, or declined at any step), and draft the next step."""
    from orchardist.services.introductions import move_introduction

    with reported():
        view = move_introduction(state(ctx).network(), introduction_id, new_state, outcome=outcome, log=log)
    _show(view, as_json)


@intro_group.command("list")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"id", "a", "b", "state", "why", "outcome", "history", "created_at"}] as JSON.',
)
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Every introduction you broker, newest first, with where it stands."""
    from orchardist.services.introductions import introduction_to_dict, list_introductions

    with reported():
        found = list_introductions(state(ctx).network())
    if as_json:
        print_json([introduction_to_dict(item) for item in found])
        return
    if not found:
        click.echo("No introductions yet: see  orchardist intro suggest")
        return
    for item in found:
        outcome = f" — {item.outcome}" if item.outcome else ""
        click.echo(f"#{item.id:<4} {item.state.value:<12} {item.a_name} + {item.b_name}{outcome}")


@intro_group.command("received")
@click.argument("by_id", metavar="BY", type=int)
@click.argument("person_id", metavar="PERSON", type=int)
@click.pass_context
def received_command(ctx: click.Context, by_id: int, person_id: int) -> None:
    """Record that person BY introduced you to PERSON (shown on PERSON's page as "introduced by")."""
    from orchardist.services.introductions import record_received

    with reported():
        person = record_received(state(ctx).network(), by_id, person_id)
    click.echo(f"{person.display_name} (#{person.id}): introduced by #{by_id}")
