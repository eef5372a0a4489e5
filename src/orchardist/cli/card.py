"""``orchardist card``: your calling card as a vCard, a QR code or a printable sheet."""

from __future__ import annotations

from pathlib import Path

import click

from orchardist.cli.context import fail, reported, state

FORMATS = ["vcf", "png", "svg", "pdf"]
PAPERS = ["a4", "letter"]


@click.command("card")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="vcf: a vCard 3.0; png or svg: a QR code carrying that vCard; pdf: a sheet of ten cards to print.",
)
@click.option(
    "--paper", type=click.Choice(PAPERS), default="a4", show_default=True, help="The PDF sheet's paper."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Where to save it."
)
@click.option(
    "--profile", help="Show this profile's headline and address (a platform, such as linkedin); kept."
)
@click.option("--phone", help="The phone number on the card; kept for next time ('' clears it).")
@click.option("--email", help="The e-mail address on the card; kept ('' clears it).")
@click.option("--url", help="One more web address; kept ('' clears it).")
@click.option("--line", help="A short line under your details; kept ('' clears it).")
@click.option(
    "--show-employer/--hide-employer",
    default=None,
    help="Name your employer even in a discreet search (kept); by default a discreet search hides it.",
)
@click.pass_context
def card_command(
    ctx: click.Context,
    fmt: str,
    paper: str,
    output: Path,
    profile: str | None,
    phone: str | None,
    email: str | None,
    url: str | None,
    line: str | None,
    show_employer: bool | None,
) -> None:
    """Make your calling card from About me and the profile you choose to show.

    Your name comes from About me (orchardist me set --name …), your headline, title and address from
    the profile; while your search is discreet the card names no employer unless you say
    --show-employer.
    """
    from orchardist.services.card import card_file, set_card

    changes = {
        name: value
        for name, value in (
            ("profile", profile),
            ("phone", phone),
            ("email", email),
            ("url", url),
            ("line", line),
            ("show_employer", show_employer),
        )
        if value is not None
    }
    network = state(ctx).network()
    with reported():
        if changes:
            set_card(network, changes)
        made = card_file(network, fmt, paper=paper)
    try:
        output.write_bytes(made.content)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}")
    click.echo(f"saved your card as {output} ({len(made.content):,} bytes)")
