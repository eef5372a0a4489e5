"""``orchardist people …``: list, show, add, edit, delete, find duplicates, merge."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from orchardist.cli.context import EXIT_NOT_FOUND, EXIT_REFUSED, fail, print_json, reported, state

if TYPE_CHECKING:
    from orchardist.domain.fields import FieldSpec

TIERS = ["inner", "active", "casual", "dormant"]
LIST_HEADERS = ("id", "name", "organisation", "title", "tier", "last contact")
LIST_CAPS = (10, 32, 28, 28, 7, 12)  # cells: a longer value is cut with "…"


def _option(spec: FieldSpec) -> click.Option:
    """The CLI option that sets one person field, as its kind says."""
    from orchardist.domain.fields import Kind

    kwargs: dict[str, Any] = {"help": spec.help}
    if spec.kind is Kind.TIER:
        kwargs["type"] = click.Choice(TIERS)
    elif spec.kind in (Kind.DAYS, Kind.PERSON):
        kwargs["type"] = int
        kwargs["metavar"] = "DAYS" if spec.kind is Kind.DAYS else "ID"
    elif spec.kind is Kind.FLAG:
        kwargs["type"] = click.Choice(["yes", "no"])
    elif spec.kind is Kind.OVERRIDE:
        kwargs["type"] = click.Choice(["yes", "no", "auto"])
    if spec.is_list:
        kwargs["multiple"] = True
    return click.Option([spec.option, spec.name], **kwargs)


def _settable() -> list[FieldSpec]:
    """The fields an option sets (the field table is loaded by the commands that take them)."""
    from orchardist.domain.fields import FIELDS

    return [spec for spec in FIELDS.values() if spec.option]


class PersonFieldsCommand(click.Command):
    """A command that takes an option per person field, read from the field table when it runs (so a
    field added to ``orchardist.domain.fields`` is an option here without being spelled again)."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        return [*(_option(spec) for spec in _settable()), *params]  # --help stays last


def _given_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The fields the user actually set on the command line."""
    given: dict[str, Any] = {}
    for spec in _settable():
        value = values.get(spec.name)
        if spec.is_list and value:
            given[spec.name] = list(value)
        elif not spec.is_list and value is not None:
            given[spec.name] = value
    return given


@click.group("people")
def people_group() -> None:
    """Find, add, change, merge and delete the people in your network."""


@people_group.command("list")
@click.option("--search", "text", help="Words to find in names, organisation, title, tags, notes, interests.")
@click.option("--tag", help="Only people with this tag.")
@click.option("--tier", type=click.Choice(TIERS), help="Only people in this tier.")
@click.option("--organisation", help="Only people at this organisation.")
@click.option(
    "--sort",
    type=click.Choice(["name", "last-contact", "recent"]),
    default="name",
    show_default=True,
    help="last-contact: longest without contact first; recent: most recent contact first.",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many people.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_context
def list_command(
    ctx: click.Context,
    text: str | None,
    tag: str | None,
    tier: str | None,
    organisation: str | None,
    sort: str,
    limit: int | None,
    as_json: bool,
) -> None:
    """List people, optionally filtered and searched; written as they are read, a page at a time."""
    from orchardist.cli.table import write_json_lines, write_table
    from orchardist.domain.queries import people_filter
    from orchardist.services.listings import people_pages
    from orchardist.services.serialisers import listings_to_json

    query = people_filter(text, tag=tag, tier=tier, organisation=organisation)
    order = {"name": "name", "last-contact": "last_contact", "recent": "recent"}[sort]
    pages = people_pages(state(ctx).network(reads_only=True), query, limit=limit, order=order)  # type: ignore[arg-type]
    with reported():
        if as_json:
            write_json_lines(listings_to_json(page) for page in pages)
            return
        rows = (
            [
                (
                    str(item.person.id),
                    item.person.display_name,
                    item.person.organisation,
                    item.person.title,
                    item.person.tier.value,
                    item.last_contact.isoformat() if item.last_contact else "never",
                )
                for item in page
            ]
            for page in pages
        )
        if not write_table(LIST_HEADERS, rows, LIST_CAPS):
            click.echo("No one found.")


@people_group.command("show")
@click.argument("person_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the person and their interactions as JSON.")
@click.pass_context
def show_command(ctx: click.Context, person_id: int, as_json: bool) -> None:
    """Show everything about one person, with their interactions."""
    from orchardist.services.people import person_overview
    from orchardist.services.serialisers import overview_to_dict

    with reported():
        overview = person_overview(state(ctx).network(reads_only=True), person_id)
    if as_json:
        print_json(overview_to_dict(overview))
        return
    person, standing = overview.person, overview.standing
    click.echo(f"{person.display_name}  (id {person.id})")
    for warning in overview.warnings:
        click.echo(f"  warning: {warning}")
    rows = [
        ("pronouns", person.pronouns),
        ("works", " at ".join(part for part in (person.title, person.organisation) if part)),
        ("e-mail", ", ".join(person.emails)),
        ("phone", ", ".join(person.phones)),
        ("LinkedIn", person.linkedin_url),
        ("web", ", ".join(person.urls)),
        ("location", person.location),
        ("tags", ", ".join(person.tags)),
        ("tier", person.tier.value + (f", every {person.every_days} days" if person.every_days else "")),
        ("interests", ", ".join(person.interests)),
        ("can help with", ", ".join(person.can_help_with)),
        ("could use help with", ", ".join(person.could_use_help_with)),
        ("met", " — ".join(part for part in (person.how_met, person.where_met) if part)),
        ("met through", overview.introducer.display_name if overview.introducer else ""),
        ("met at", ", ".join(f"{met.name} ({met.on.isoformat()})" for met in overview.met_at)),
        ("leads", ", ".join(f"#{lead.id} {lead.role or lead.organisation}" for lead in overview.leads)),
        ("birthday", person.birthday.isoformat() if person.birthday else ""),
        ("dates", ", ".join(f"{item.label} {item.date.isoformat()}" for item in person.dates)),
        ("last contact", overview.last_contact.isoformat() if overview.last_contact else "never"),
        ("next due", standing.next_due.isoformat() if standing.next_due else "never (dormant)"),
        ("snoozed until", standing.snoozed_until.isoformat() if standing.snoozed_until else ""),
        ("ledger", ", ".join(f"{direction} {number}" for direction, number in standing.ledger.items())),
        ("notes", person.notes),
        (
            "may be the same as",
            ", ".join(
                f"{item.person.display_name} (id {item.person.id})" for item in overview.likely_duplicates
            ),
        ),
    ]
    for label, text in rows:
        if text:
            click.echo(f"  {label:<20} {text}")
    if overview.timeline:
        click.echo("  interactions:")
        for item in overview.timeline:
            click.echo(f"    {item.on.isoformat()}  {item.direction.value:<7} {item.kind}: {item.summary}")


@people_group.command("add", cls=PersonFieldsCommand)
@click.option("--json", "as_json", is_flag=True, help="Print the stored person as JSON.")
@click.pass_context
def add_command(ctx: click.Context, /, as_json: bool, **values: Any) -> None:
    """Add a person by hand."""
    from orchardist.services.people import add_person_listing
    from orchardist.services.person_input import person_from
    from orchardist.services.serialisers import listing_to_dict

    with reported():
        added = add_person_listing(state(ctx).network(), person_from(_given_fields(values)))
    person = added.person
    if as_json:
        print_json(listing_to_dict(added))
    else:
        click.echo(f"added {person.display_name} (id {person.id})")


@people_group.command("edit", cls=PersonFieldsCommand)
@click.argument("person_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the updated person as JSON.")
@click.pass_context
def edit_command(ctx: click.Context, /, person_id: int, as_json: bool, **values: Any) -> None:
    """Change some fields of a person; repeatable options replace the whole list."""
    from orchardist.services.people import edit_person
    from orchardist.services.serialisers import listing_to_dict

    given = _given_fields(values)
    if not given:
        fail("nothing to change: give at least one field option (see --help)", EXIT_REFUSED)
    with reported():
        edited = edit_person(state(ctx).network(), person_id, given)
    person = edited.person
    if as_json:
        print_json(listing_to_dict(edited))
    else:
        click.echo(f"updated {person.display_name} (id {person.id})")


@people_group.command("delete")
@click.argument("person_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def delete_command(ctx: click.Context, person_id: int, yes: bool) -> None:
    """Delete a person for real, with their contact details and search index entries."""
    from orchardist.services.people import delete_person, get_person

    network = state(ctx).network()
    if not yes:
        # Asking first names the person: one look-up, then the deletion once the user agrees.
        person = get_person(network, person_id)
        if person is None:
            fail(f"no person with id {person_id}", EXIT_NOT_FOUND)
        if not click.confirm(f"Delete {person.display_name} for good?", err=True):
            fail("nothing was deleted", 1)
    with reported():
        deleted = delete_person(network, person_id)
    click.echo(f"deleted {deleted.display_name} (id {person_id})")


@people_group.command("duplicates")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of pairs.")
@click.pass_context
def duplicates_command(ctx: click.Context, as_json: bool) -> None:
    """List pairs of records that are probably the same person, most likely first."""
    from orchardist.services.duplicates import duplicate_review

    review = duplicate_review(state(ctx).network(), limit=sys.maxsize)
    if as_json:
        print_json(
            [
                {
                    "first": {"id": pair.first.id, "name": pair.first.display_name},
                    "second": {"id": pair.second.id, "name": pair.second.display_name},
                    "score": round(pair.score, 3),
                    "reasons": [str(reason) for reason in pair.reasons],
                }
                for pair in review.pairs
            ]
        )
        return
    if not review.pairs:
        click.echo("No likely duplicates.")
        return
    for pair in review.pairs:
        click.echo(
            f"{pair.score:.2f}  {pair.first.id} {pair.first.display_name}"
            f"  ~  {pair.second.id} {pair.second.display_name}"
            f"  ({'; '.join(map(str, pair.reasons))})"
        )
    click.echo("Merge a pair with: orchardist people merge KEEP_ID OTHER_ID")


@people_group.command("merge")
@click.argument("keep_id", type=int)
@click.argument("other_id", type=int)
@click.option(
    "--take",
    "taken",
    multiple=True,
    metavar="FIELD",
    help="Keep OTHER_ID's value of FIELD where both records hold a different one (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the merged person as JSON.")
@click.pass_context
def merge_command(
    ctx: click.Context, keep_id: int, other_id: int, taken: tuple[str, ...], as_json: bool
) -> None:
    """Merge OTHER_ID into KEEP_ID: details, interactions and introductions move over.

    Where both records hold a different value, KEEP_ID's stays, unless --take names the field.
    """
    from orchardist.services.duplicates import merge
    from orchardist.services.serialisers import listing_to_dict

    with reported():
        merged = merge(state(ctx).network(), keep_id, other_id, {name: "other" for name in taken})
    if as_json:
        print_json(listing_to_dict(merged))
    else:
        click.echo(f"merged {other_id} into {merged.person.display_name} (id {keep_id})")
