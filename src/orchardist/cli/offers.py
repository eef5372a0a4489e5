"""``orchardist offers``: what you can offer others, and who could use it."""

from __future__ import annotations

import click

from orchardist.cli.context import print_json, reported, state

KINDS = ["skill", "information", "introduction"]


@click.group("offers")
def offers_group() -> None:
    """What you can offer (skills, information, introductions), matched to what people could use help with."""


@offers_group.command("add")
@click.argument("text")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="What sort of offer it is.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored offer as JSON.")
@click.pass_context
def add_command(ctx: click.Context, text: str, kind: str, as_json: bool) -> None:
    """Add an offer: TEXT says what you can give, in 1 to 500 characters ("Reviewing résumés")."""
    from orchardist.services.offers import add_offer, offer_to_dict

    with reported():
        offer = add_offer(state(ctx).network(), kind, text)
    if as_json:
        print_json(offer_to_dict(offer))
    else:
        click.echo(f"added offer #{offer.id} ({offer.kind.value}): {offer.text}")


@offers_group.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id", "kind", "text", "created_at"}] as JSON.')
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Your offers, oldest first."""
    from orchardist.services.offers import list_offers, offer_to_dict

    with reported():
        found = list_offers(state(ctx).network())
    if as_json:
        print_json([offer_to_dict(offer) for offer in found])
        return
    if not found:
        click.echo('No offers yet: add one with  orchardist offers add --kind skill "Reviewing résumés"')
        return
    for offer in found:
        click.echo(f"#{offer.id:<4} {offer.kind.value:<12} {offer.text}")


@offers_group.command("remove")
@click.argument("offer_id", type=int)
@click.pass_context
def remove_command(ctx: click.Context, offer_id: int) -> None:
    """Delete the offer OFFER_ID."""
    from orchardist.services.offers import remove_offer

    with reported():
        remove_offer(state(ctx).network(), offer_id)
    click.echo(f"removed offer #{offer_id}")


@offers_group.command("matches")
@click.option(
    "--limit", type=click.IntRange(1, 10_000), default=200, show_default=True, help="At most this many."
)
@click.option(
    "--json", "as_json", is_flag=True, help='Print [{"offer", "person": {"id", "name"}, "need"}] as JSON.'
)
@click.pass_context
def matches_command(ctx: click.Context, limit: int, as_json: bool) -> None:
    """Who could use each offer: people whose "could use help with" fits it, with the need it meets.

    Case, accents and small words are ignored; an offer fits a need when they share a word's stem
    ("reviewing résumés" and "resume review") or are written nearly alike.
    """
    from orchardist.services.offers import match_to_dict, matches

    with reported():
        found = matches(state(ctx).network(), limit=limit)
    if as_json:
        print_json([match_to_dict(match) for match in found])
        return
    if not found:
        click.echo("No matches: nobody's needs fit your offers yet.")
        return
    for match in found:
        click.echo(
            f"{match.name} (#{match.person_id}) could use help with '{match.need}'"
            f" — you offered '{match.offer.text}' (#{match.offer.id})"
        )
