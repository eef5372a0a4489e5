"""``orchardist capture``: a chance encounter saved in one line, and the lead it brought."""

from __future__ import annotations

import click

from orchardist.cli.context import print_json, reported, state


@click.command("capture")
@click.argument("who")
@click.option("--where", default="", help="Where you met.")
@click.option("--said", default="", help="What you talked about.")
@click.option("--lead", default="", help="A lead they mentioned: it is stored as a lead heard from them.")
@click.option("--organisation", default="", help="Where they work (the lead's organisation too).")
@click.option("--email", default="", help="Their e-mail address.")
@click.option("--phone", default="", help="Their phone number.")
@click.option(
    "--json", "as_json", is_flag=True, help='Print {"person": {"id", "name"}, "lead": {…} or null}.'
)
@click.pass_context
def capture_command(
    ctx: click.Context,
    who: str,
    where: str,
    said: str,
    lead: str,
    organisation: str,
    email: str,
    phone: str,
    as_json: bool,
) -> None:
    """Save a chance encounter with WHO (a name, or a few words to remember them by): a new person and
    an in-person contact, and with --lead a lead heard from them, all at once."""
    from orchardist.services.capture import Encounter, capture
    from orchardist.services.leads import LeadView, lead_to_dict

    encounter = Encounter(
        who=who, where=where, said=said, lead=lead, email=email, phone=phone, organisation=organisation
    )
    with reported():
        captured = capture(state(ctx).network(), encounter)
    person = captured.person
    if as_json:
        print_json(
            {
                "person": {"id": person.id, "name": person.display_name},
                "lead": None
                if captured.lead is None
                else lead_to_dict(LeadView(captured.lead, person.display_name)),
            }
        )
        return
    click.echo(f"saved {person.display_name} (#{person.id})")
    if captured.lead is not None:
        click.echo(f"and lead #{captured.lead.id}, heard from them")
