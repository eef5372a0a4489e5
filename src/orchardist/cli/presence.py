"""``orchardist presence``: your profiles on each platform, and whether they tell one story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from orchardist.cli.context import fail, print_json, reported, state

YES_NO = ["yes", "no"]
VISIBILITIES = ["public", "contacts", "private"]


def _profile_options(command: Any) -> Any:
    """The options ``presence add`` and ``presence edit`` share, one a field of a profile."""
    options = [
        click.option("--name", "display_name", help="Your name as the profile shows it."),
        click.option("--headline", help="The line under your name."),
        click.option("--title", help="Your current job title."),
        click.option("--employer", help="Your current employer."),
        click.option("--location", help="Where the profile says you are (city, region)."),
        click.option(
            "--open-to-work",
            type=click.Choice(YES_NO),
            help="Whether it shows publicly that you are open to work.",
        ),
        click.option("--url", help="The profile's address (https://…)."),
        click.option("--position-start", help="When your current position started, YYYY-MM."),
        click.option("--visibility", type=click.Choice(VISIBILITIES), help="Who can see the profile."),
        click.option(
            "--reviewed", "reviewed_on", help="When you last read it through: YYYY-MM-DD or 'today'."
        ),
        click.option(
            "--nickname",
            type=click.Choice(YES_NO),
            help="yes: the name there is a nickname you use on purpose.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _given(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def _print_profile(profile: Any) -> None:
    from orchardist.services.presence import profile_to_dict

    shown = profile_to_dict(profile)
    click.echo(f"{shown['name']}:")
    for key, value in shown.items():
        if key not in ("name", "platform") and value not in (None, "", False):
            click.echo(f"  {key.replace('_', ' ') + ':':<16} {'yes' if value is True else value}")


@click.group("presence")
def presence_group() -> None:
    """Your profiles on LinkedIn, Facebook, X, Instagram, GitHub, your site, your résumé or any other
    platform, and a report of where they disagree.

    PLATFORM is linkedin, facebook, x, instagram, github, website, resume, or any other name.
    """


@presence_group.command("add")
@click.argument("platform")
@_profile_options
@click.option("--json", "as_json", is_flag=True, help="Print the stored profile as JSON.")
@click.pass_context
def add_command(ctx: click.Context, /, platform: str, as_json: bool, **values: Any) -> None:
    """Add your profile on PLATFORM."""
    from orchardist.services.presence import add_profile, profile_to_dict

    with reported():
        profile = add_profile(state(ctx).network(), platform, _given(values))
    if as_json:
        print_json(profile_to_dict(profile))
    else:
        click.echo(f"added your {profile.english_name} profile")


@presence_group.command("edit")
@click.argument("platform")
@_profile_options
@click.option("--json", "as_json", is_flag=True, help="Print the changed profile as JSON.")
@click.pass_context
def edit_command(ctx: click.Context, /, platform: str, as_json: bool, **values: Any) -> None:
    """Change what your profile on PLATFORM says; an empty value ('') clears a field."""
    from orchardist.services.presence import edit_profile, profile_to_dict

    if not _given(values):
        fail("nothing to change: give at least one option (see --help)")
    with reported():
        profile = edit_profile(state(ctx).network(), platform, _given(values))
    if as_json:
        print_json(profile_to_dict(profile))
    else:
        click.echo(f"changed your {profile.english_name} profile")


@presence_group.command("remove")
@click.argument("platform")
@click.pass_context
def remove_command(ctx: click.Context, platform: str) -> None:
    """Forget your profile on PLATFORM."""
    from orchardist.services.presence import remove_profile

    with reported():
        remove_profile(state(ctx).network(), platform)
    click.echo(f"removed your {platform} profile")


@presence_group.command("list")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"platform", "name", "display_name", "headline", "title", "employer", …}] as JSON.',
)
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Your profiles, the known platforms first."""
    from orchardist.services.presence import list_profiles, profile_to_dict

    with reported():
        found = list_profiles(state(ctx).network())
    if as_json:
        print_json([profile_to_dict(profile) for profile in found])
        return
    if not found:
        click.echo("No profiles yet: add one with  orchardist presence add linkedin --name …")
        return
    for profile in found:
        _print_profile(profile)


@presence_group.command("check")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"findings": [{"rule", "severity", "platforms", "values", "message"}]} as JSON.',
)
@click.pass_context
def check_command(ctx: click.Context, as_json: bool) -> None:
    """What a contact who looks you up everywhere would find amiss: names, titles, employers, dates and
    locations that disagree, profiles not reviewed for 6 months, and, in a discreet search, an "open to
    work" or a headline that tells everyone you are looking."""
    from orchardist.services.presence import presence_overview, report_to_dict

    with reported():
        overview = presence_overview(state(ctx).network())
    if as_json:
        print_json(report_to_dict(overview))
        return
    if not overview.profiles:
        click.echo("No profiles yet: add one with  orchardist presence add linkedin --name …")
        return
    if not overview.findings:
        click.echo(f"Your {len(overview.profiles)} profiles tell one story.")
        return
    for finding in overview.findings:
        click.echo(f"[{finding.severity.value}] {finding.rule}: {finding.message}")


@presence_group.command("import")
@click.argument("file_or_zip", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_command(ctx: click.Context, file_or_zip: Path) -> None:
    """Read your LinkedIn profile from its data export: Profile.csv, Positions.csv, or the export's zip.

    The export's name, headline, location and site, and your current position's title, company and
    start month, replace what your LinkedIn profile here says; what the export leaves out stays.
    """
    from orchardist.services.presence import import_linkedin

    with reported():
        done = import_linkedin(state(ctx).network(), file_or_zip)
    files = " and ".join(done.files)
    verb = "added" if done.added else "updated"
    click.echo(f"{verb} your LinkedIn profile from {files} ({done.positions} positions read)")
