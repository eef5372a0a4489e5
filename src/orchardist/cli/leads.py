"""``orchardist leads``: job leads with their story; ``orchardist who-knows``: warm paths to an employer."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import click

from orchardist.cli.context import print_json, reported, state

if TYPE_CHECKING:
    from orchardist.services.leads import LeadView

STATUSES = [
    "heard",
    "researching",
    "asked_for_advice",
    "introduced",
    "applied",
    "interview",
    "offer",
    "closed",
]
DAY = click.DateTime(["%Y-%m-%d"])


def _day(value: datetime | None) -> object:
    return value.date() if value else None


def _line(view: LeadView) -> str:
    lead = view.lead
    what = " — ".join(part for part in (lead.role, lead.organisation) if part)
    line = f"#{lead.id:<4} {lead.status.value:<17} {what}"
    if view.source_name:
        line += f"  (from {view.source_name})"
    if lead.next_step_on:
        line += f"  next: {lead.next_step or 'next step'} on {lead.next_step_on.isoformat()}"
    return line


def _show(view: LeadView) -> None:
    lead = view.lead
    click.echo(_line(view))
    if lead.heard_where or lead.heard_on:
        when = lead.heard_on.isoformat() if lead.heard_on else ""
        click.echo(f"heard: {' '.join(part for part in (lead.heard_where, when) if part)}")
    for step in view.story:
        said = {
            "told": "told you",
            "introduced": "introduced you to the one before",
            "via_lead": "by way of lead",
        }
        target = f"#{step.person_id}" if step.person_id else f"lead #{step.lead_id}"
        click.echo(f"  ← {step.name} ({target}): {said[step.link.value]}")
    if lead.notes:
        click.echo(lead.notes)


@click.group("leads")
def leads_group() -> None:
    """Job leads: where each was heard and from whom, where it stands, and its next step (shown on Today)."""


@leads_group.command("add")
@click.argument("organisation", default="")
@click.option("--role", default="", help='The role or area ("Data analyst", "the logistics team").')
@click.option("--where", "heard_where", default="", help="Where you heard of it.")
@click.option("--heard-on", type=DAY, help="When you heard of it (YYYY-MM-DD); default today.")
@click.option("--from", "source", type=int, help="The id of the person who told you.")
@click.option("--via-lead", type=int, help="The id of a lead this one came by way of.")
@click.option(
    "--status", type=click.Choice(STATUSES), default="heard", show_default=True, help="Where it stands."
)
@click.option("--notes", default="", help="Private notes.")
@click.option("--next-step", default="", help='What to do next ("Ask Mei for an introduction").')
@click.option("--next-on", type=DAY, help="When the next step is due (YYYY-MM-DD); it shows on Today then.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored lead as JSON.")
@click.pass_context
def add_command(
    ctx: click.Context,
    organisation: str,
    role: str,
    heard_where: str,
    heard_on: datetime | None,
    source: int | None,
    via_lead: int | None,
    status: str,
    notes: str,
    next_step: str,
    next_on: datetime | None,
    as_json: bool,
) -> None:
    """Add a lead at ORGANISATION (or give only --role for an area with no organisation yet)."""
    from datetime import date

    from orchardist.domain.leads import Lead, LeadStatus
    from orchardist.services.leads import add_lead, lead_to_dict

    lead = Lead(
        organisation=organisation,
        role=role,
        heard_where=heard_where,
        heard_on=heard_on.date() if heard_on else date.today(),
        source_person_id=source,
        via_lead_id=via_lead,
        status=LeadStatus(status),
        notes=notes,
        next_step=next_step,
        next_step_on=next_on.date() if next_on else None,
    )
    with reported():
        view = add_lead(state(ctx).network(), lead)
    if as_json:
        print_json(lead_to_dict(view))
    else:
        click.echo(f"added lead {_line(view)}")


@leads_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only the leads where this stands.")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id", "organisation", "role", "status", …}].')
@click.pass_context
def list_command(ctx: click.Context, status: str | None, as_json: bool) -> None:
    """Every lead, open ones first and newest first."""
    from orchardist.services.leads import lead_to_dict, list_leads

    with reported():
        overview = list_leads(state(ctx).network(), status=status)
    if as_json:
        print_json([lead_to_dict(view) for view in overview.leads])
        return
    if not overview.leads:
        click.echo('No leads yet: add one with  orchardist leads add "Northwind" --role "Data analyst"')
        return
    for view in overview.leads:
        click.echo(_line(view))


@leads_group.command("show")
@click.argument("lead_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the lead and its story as JSON.")
@click.pass_context
def show_command(ctx: click.Context, lead_id: int, as_json: bool) -> None:
    """A lead and its story: who told you, who introduced you to them, and further back."""
    from orchardist.services.leads import lead_to_dict, show_lead

    with reported():
        view = show_lead(state(ctx).network(), lead_id)
    if as_json:
        print_json(lead_to_dict(view))
    else:
        _show(view)


@leads_group.command("move")
@click.argument("lead_id", type=int)
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--next-step", help="What to do next.")
@click.option("--next-on", type=DAY, help="When the next step is due (YYYY-MM-DD).")
@click.option("--done", "clear", is_flag=True, help="The next step is done: clear it.")
@click.option("--json", "as_json", is_flag=True, help="Print the lead as JSON.")
@click.pass_context
def move_command(
    ctx: click.Context,
    lead_id: int,
    status: str,
    next_step: str | None,
    next_on: datetime | None,
    clear: bool,
    as_json: bool,
) -> None:
    """Move LEAD_ID to STATUS, and set or clear its next step."""
    from orchardist.services.leads import lead_to_dict, move_lead

    with reported():
        view = move_lead(
            state(ctx).network(),
            lead_id,
            status,
            next_step=next_step,
            next_step_on=next_on.date() if next_on else None,
            clear_next_step=clear,
        )
    if as_json:
        print_json(lead_to_dict(view))
    else:
        click.echo(f"moved lead {_line(view)}")


@leads_group.command("link")
@click.argument("lead_id", type=int)
@click.option("--person", "person_id", type=int, help="The id of the person the lead came from.")
@click.option("--via-lead", type=int, help="The id of the lead it came by way of (its story goes on there).")
@click.option("--json", "as_json", is_flag=True, help="Print the lead as JSON.")
@click.pass_context
def link_command(
    ctx: click.Context, lead_id: int, person_id: int | None, via_lead: int | None, as_json: bool
) -> None:
    """Say whom LEAD_ID came from (--person), or the lead it came by way of (--via-lead)."""
    from orchardist.services.leads import lead_to_dict, link_lead

    with reported():
        view = link_lead(state(ctx).network(), lead_id, person_id=person_id, via_lead_id=via_lead)
    if as_json:
        print_json(lead_to_dict(view))
    else:
        _show(view)


@leads_group.command("pass-on")
@click.argument("lead_id", type=int)
@click.argument("person_id", type=int)
@click.pass_context
def pass_on_command(ctx: click.Context, lead_id: int, person_id: int) -> None:
    """Pass LEAD_ID on to PERSON_ID: logged as a give in your give/ask ledger."""
    from orchardist.services.leads import pass_on_lead

    with reported():
        logged = pass_on_lead(state(ctx).network(), lead_id, person_id)
    click.echo(f"logged a give on {logged.on.isoformat()}: {logged.summary}")


@click.command("who-knows")
@click.argument("organisation")
@click.option(
    "--limit", type=click.IntRange(1, 1_000), default=50, show_default=True, help="At most this many."
)
@click.option(
    "--json", "as_json", is_flag=True, help='Print [{"person_id", "name", "path", "why", …}], warmest first.'
)
@click.pass_context
def who_knows_command(ctx: click.Context, organisation: str, limit: int, as_json: bool) -> None:
    """Who do you know at ORGANISATION: people there now or before, and those who introduced you to
    someone there or were introduced by them, warmest first (tier, last contact, give/ask balance).

    "IBM", "I.B.M." and "IBM Canada Ltd." are one organisation: case, accents, punctuation and legal
    words are ignored.
    """
    from orchardist.services.warm_paths import path_to_dict, who_knows

    with reported():
        found = who_knows(state(ctx).network(), organisation, limit=limit)
    if as_json:
        print_json([path_to_dict(path) for path in found])
        return
    if not found:
        click.echo("Nobody you know is linked to that organisation yet.")
        return
    for path in found:
        listed = path_to_dict(path)
        click.echo(f"{listed['name']} (#{listed['person_id']}): {listed['why']}\n    {listed['path']}")
