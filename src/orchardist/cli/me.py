"""``orchardist me``: About me — your name, your employer and work e-mail domains, and your job search."""

from __future__ import annotations

from typing import Any

import click

from orchardist.cli.context import fail, print_json, reported, state

SEARCH_MODES = ["off", "open", "discreet"]


@click.group("me")
def me_group() -> None:
    """Say who you are, where you work and how openly you are looking for work.

    Co-workers are flagged from your employer (and its other names) and your work e-mail domains;
    in discreet mode Orchardist warns wherever your search could leak.
    """


@me_group.command("set")
@click.option("--name", help="Your name, as you sign your messages.")
@click.option("--employer", help="Where you work now; an empty name forgets it.")
@click.option(
    "--employer-alias",
    "aliases",
    multiple=True,
    help="Another name your employer goes by (repeatable; replaces the list; '' clears it).",
)
@click.option(
    "--work-domain",
    "domains",
    multiple=True,
    help="The domain of your work e-mail, such as contoso.com (repeatable; replaces the list; '' clears it).",
)
@click.option(
    "--search-mode",
    type=click.Choice(SEARCH_MODES),
    help="off: not looking; open: looking openly; discreet: warn wherever the search could leak.",
)
@click.pass_context
def set_command(
    ctx: click.Context,
    name: str | None,
    employer: str | None,
    aliases: tuple[str, ...],
    domains: tuple[str, ...],
    search_mode: str | None,
) -> None:
    """Change what you say about yourself; what you leave out stays as it was."""
    from orchardist.services.discretion import set_about_me

    changes: dict[str, Any] = {}
    for key, value in (("my_name", name), ("employer", employer), ("search_mode", search_mode)):
        if value is not None:
            changes[key] = value
    if aliases:
        changes["employer_aliases"] = list(aliases)
    if domains:
        changes["work_domains"] = list(domains)
    if not changes:
        fail("nothing to change: give at least one option (see --help)")
    with reported():
        overview = set_about_me(state(ctx).network(), changes)
    for warning in overview.warnings:
        click.echo(f"orchardist: warning: {warning}", err=True)
    about = overview.about
    click.echo(
        f"saved; job search {about.search_mode.value}; "
        f"{len(overview.coworkers)} co-workers, {len(overview.maybe)} maybe"
    )


@me_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print About me as a JSON object.")
@click.pass_context
def show_command(ctx: click.Context, as_json: bool) -> None:
    """What you said about yourself, who is flagged as a co-worker and who knows you are looking."""
    from orchardist.services.discretion import about_me
    from orchardist.services.serialisers import about_me_to_dict

    with reported():
        overview = about_me(state(ctx).network())
    if as_json:
        print_json(about_me_to_dict(overview))
        return
    about = overview.about
    rows = [
        ("name", about.name),
        ("employer", about.employer),
        ("also known as", ", ".join(about.employer_aliases)),
        ("work domains", ", ".join(about.work_domains)),
        ("job search", about.search_mode.value),
    ]
    for label, text in rows:
        click.echo(f"{label + ':':<15} {text or '-'}")
    for heading, items in (
        ("co-workers", overview.coworkers),
        ("maybe co-workers", overview.maybe),
        ("know you are looking", overview.confidants),
    ):
        click.echo(f"{heading}: {len(items)}")
        for item in items:
            where = f", {item.organisation}" if item.organisation else ""
            click.echo(f"  #{item.person_id} {item.name}{where}")
    for warning in overview.warnings:
        click.echo(f"warning: {warning}")
