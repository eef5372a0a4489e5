"""``orchardist passcode``: the web app's access passcode, needed to serve beyond this computer."""

from __future__ import annotations

import sys

import click

from orchardist.cli.context import EXIT_REFUSED, fail, state


@click.group("passcode")
def passcode_group() -> None:
    """The access passcode the web app asks every browser for (needed for serve --host 0.0.0.0)."""


@passcode_group.command("set")
@click.option(
    "--stdin",
    "from_stdin",
    is_flag=True,
    help="Read the passcode from the first line of standard input, for scripts (not asked twice).",
)
@click.pass_context
def set_command(ctx: click.Context, from_stdin: bool) -> None:
    """Set or change the access passcode (at least 8 characters), asked twice without showing it.

    It is kept only as an argon2id hash, never in a JSON backup. Every browser signed in to the web app
    must sign in again.
    """
    from orchardist.services.access import set_passcode
    from orchardist.services.errors import InputRefused

    if from_stdin:
        line = sys.stdin.readline()
        passcode = line.removesuffix("\n").removesuffix("\r")
    else:
        passcode = click.prompt(
            "Access passcode", hide_input=True, confirmation_prompt="Repeat it", err=True, type=str
        )
    try:
        set_passcode(state(ctx).network(), passcode)
    except InputRefused as refused:
        fail(f"{refused}; nothing was changed", EXIT_REFUSED)
    click.echo("access passcode set; browsers signed in to the web app must sign in again")


@passcode_group.command("clear")
@click.pass_context
def clear_command(ctx: click.Context) -> None:
    """Remove the access passcode: the web app then serves this computer only (127.0.0.1).

    Every browser signed in is signed out; a server listening beyond this computer answers nobody
    until a passcode is set again.
    """
    from orchardist.services.access import clear_passcode

    if clear_passcode(state(ctx).network()):
        click.echo("access passcode cleared")
    else:
        click.echo("no access passcode was set")
