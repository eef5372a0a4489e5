"""``orchardist admin``: agencies and their counsellors on an agency server (PostgreSQL only).

Each command that makes an account prints its one-time set-up link; the address it starts with is
``--base-url``, or ``ORCHARDIST_BASE_URL``, or http://localhost:8000.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import click

from orchardist.cli.context import EXIT_NOT_FOUND, EXIT_REFUSED, fail, state

if TYPE_CHECKING:
    from orchardist.services.accounts import Invitation
    from orchardist.services.server import Server

DEFAULT_BASE = "http://localhost:8000"


def _server(ctx: click.Context) -> Server:
    from orchardist.services.errors import Refused
    from orchardist.services.server import open_server

    try:
        return open_server(state(ctx).db)
    except Refused as error:
        fail(error.text(), EXIT_REFUSED)


def _base(value: str | None) -> str:
    return (value or os.environ.get("ORCHARDIST_BASE_URL") or DEFAULT_BASE).rstrip("/")


_BASE_OPTION = click.option(
    "--base-url",
    metavar="URL",
    help="The address people open the server at, for the links printed (default: ORCHARDIST_BASE_URL, "
    f"or {DEFAULT_BASE}).",
)


@click.group("admin")
def admin_group() -> None:
    """Agencies and counsellors on an agency server (orchardist serve --server; PostgreSQL only)."""


def _made(invitation: Invitation, base: str, what: str) -> None:
    until = f"{invitation.expires:%Y-%m-%d %H:%M} UTC"
    click.echo(f"{what} {invitation.account.email}: set-up link, good once until {until}:")
    click.echo(f"{base}{invitation.path()}")


@admin_group.command("create-org")
@click.argument("name")
@click.option("--admin", "admin_email", required=True, metavar="EMAIL", help="The agency's first admin.")
@_BASE_OPTION
@click.pass_context
def create_org_command(ctx: click.Context, name: str, admin_email: str, base_url: str | None) -> None:
    """Create the agency NAME and its first admin; prints the admin's set-up link."""
    from orchardist.services import accounts
    from orchardist.services.errors import Refused

    server = _server(ctx)
    try:
        invitation = accounts.create_agency(server, name, admin_email)
    except Refused as error:
        fail(f"{error}; nothing was changed", EXIT_REFUSED)
    finally:
        server.close()
    _made(invitation, _base(base_url), "admin")


@admin_group.command("add-counsellor")
@click.argument("org")
@click.argument("email")
@click.option("--name", default="", help="Their name (they can change it when setting up).")
@_BASE_OPTION
@click.pass_context
def add_counsellor_command(ctx: click.Context, org: str, email: str, name: str, base_url: str | None) -> None:
    """Add a counsellor to the agency ORG (its name or number); prints their set-up link."""
    from orchardist.services import accounts
    from orchardist.services.errors import NotFound, Refused

    server = _server(ctx)
    try:
        invitation = accounts.add_counsellor(server, org, email, name)
    except NotFound as error:
        fail(str(error), EXIT_NOT_FOUND)
    except Refused as error:
        fail(f"{error}; nothing was changed", EXIT_REFUSED)
    finally:
        server.close()
    _made(invitation, _base(base_url), "counsellor")


@admin_group.command("reset-link")
@click.argument("email")
@_BASE_OPTION
@click.pass_context
def reset_link_command(ctx: click.Context, email: str, base_url: str | None) -> None:
    """Print a password reset link for EMAIL (good once, for an hour), for a server without mail."""
    from orchardist.services import accounts

    server = _server(ctx)
    links: list[str] = []
    try:
        accounts.request_reset(server, email, lambda _to, token: links.append(token))
    finally:
        server.close()
    if not links:
        fail(f"no account that has set a password is at {email.strip()}", EXIT_NOT_FOUND)
    click.echo(f"{_base(base_url)}/reset/{links[0]}")


@admin_group.command("grant-app-role")
@click.argument("role")
@click.pass_context
def grant_app_role_command(ctx: click.Context, role: str) -> None:
    """Let the database role ROLE (one that owns no table) read and write Orchardist's tables, now and
    after later migrations. Run it with --db naming the tables' owner; then serve with --db naming ROLE,
    so that row-level security holds for the server (docs/deploy.md)."""
    server = _server(ctx)
    try:
        server.grant_app_role(role)
    except ValueError:
        fail(f"{role!r} is not a plain role name (lower-case letters, digits and _)", EXIT_REFUSED)
    finally:
        server.close()
    click.echo(f"{role} may now read and write the tables; serve with --db postgresql://{role}@…/…")


@click.command("migrate")
@click.pass_context
def migrate_command(ctx: click.Context) -> None:
    """Bring the store up to date with this version of Orchardist (the migrations it has not run yet).

    Every command does so on its own for the SQLite file of the local app; on an agency server, run it
    as the tables' owner after an upgrade, before serving with the app's role."""
    from orchardist.services.errors import Refused
    from orchardist.services.network import open_network

    try:
        network = open_network(state(ctx).db)
    except Refused as error:
        fail(str(error), EXIT_REFUSED)
    network.close()
    click.echo(f"up to date: {network.describe()} is at revision {network.revision}")


@admin_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON: agencies with their accounts.")
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Every agency with its admins, counsellors (with their number of clients) and clients."""
    from orchardist.services import accounts

    server = _server(ctx)
    try:
        listing = accounts.agencies_overview(server)
    finally:
        server.close()
    if as_json:
        click.echo(json.dumps([agency.to_dict() for agency in listing], ensure_ascii=False, indent=2))
        return
    if not listing:
        click.echo("no agency yet: orchardist admin create-org NAME --admin EMAIL")
    for agency in listing:
        click.echo(f"{agency.name} (#{agency.id})")
        for account, clients in agency.accounts:
            extra = f", {clients} clients" if account.role.value == "counsellor" else ""
            status = "" if account.has_password else " (not set up yet)"
            click.echo(f"  {account.role.value:<10} {account.email}{extra}{status}")
