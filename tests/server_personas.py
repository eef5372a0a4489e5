"""The personas of the agency server's tests: two agencies, two counsellors and three clients.

- Alice, client of Carol, shares progress and people; her network holds a private note.
- Bob, client of Carol, shares progress only.
- Carol, counsellor at North; Dave, counsellor at South.
- Mallory, client of Dave at South, shares everything with Dave.
Every secret word below is written in one network only: finding it anywhere else is a leak.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

import pyotp

from orchardist.domain.accounts import GROUP_CODES, Account
from orchardist.domain.interactions import Direction
from orchardist.domain.leads import Lead
from orchardist.domain.people import Person
from orchardist.services import accounts, settings
from orchardist.services.interactions import log_contact
from orchardist.services.leads import add_lead
from orchardist.services.people import add_person
from orchardist.services.presence import add_profile
from orchardist.services.server import Server
from orchardist.store.engine import Store

PASSWORD = "correct horse battery staple"
SECRETS = {
    "alice": ("Zephyrine Quartermain", "ALICE-PRIVATE-NOTE-7731", "ALICE-SUMMARY-1944"),
    "bob": ("Barnabus Oddfellow", "BOB-PRIVATE-NOTE-2218", "BOB-SUMMARY-5502"),
    "mallory": ("Mordecai Threlkeld", "MALLORY-PRIVATE-NOTE-9090", "MALLORY-SUMMARY-3131"),
}
# A lead's organisation and a profile's headline in each network (shared by Mallory only).
MORE_SECRETS = {
    "alice": ("Alicorp Lead Works 4411", "ALICE-HEADLINE-5512"),
    "bob": ("Bobcorp Lead Works 6621", "BOB-HEADLINE-7722"),
    "mallory": ("Malcorp Lead Works 8831", "MALLORY-HEADLINE-9932"),
}


@dataclass
class Persona:
    account: Account
    secret: str = ""  # the TOTP secret of a counsellor
    person_ids: list[int] = field(default_factory=list)
    interaction_ids: list[int] = field(default_factory=list)


def _counsellor(server: Server, agency: str, email: str, name: str) -> Persona:
    invitation = accounts.add_counsellor(server, agency, email, name)
    secret = accounts.new_totp_secret()
    done = accounts.complete_setup(
        server, invitation.token, password=PASSWORD, totp_secret=secret, code=pyotp.TOTP(secret).now()
    )
    return Persona(done.account, secret)


def _client(server: Server, counsellor: Account, key: str, groups: tuple[str, ...], today: date) -> Persona:
    invitation = accounts.invite_client(server, counsellor, f"{key}@example.org", key.title())
    done = accounts.complete_setup(server, invitation.token, password=PASSWORD, groups=groups)
    network = server.network_of(done.account)
    assert network is not None
    name, note, summary = SECRETS[key]
    person = add_person(network, Person(display_name=name, organisation=f"{key.title()} Works", notes=note))
    assert person.id is not None
    settings.update(network, {"weekly_goal": 3})
    logged = log_contact(
        network,
        [person.id],
        direction=Direction.GAVE,
        kind="coffee",
        summary=summary,
        on=today - timedelta(days=1),
    )
    lead_org, headline = MORE_SECRETS[key]
    add_lead(network, Lead(organisation=lead_org, source_person_id=person.id))
    add_profile(network, "linkedin", {"headline": headline})
    persona = Persona(done.account, person_ids=[person.id])
    if logged.interaction.id is not None:
        persona.interaction_ids.append(logged.interaction.id)
    return persona


@dataclass
class Cast:
    server: Server
    admin: Account
    alice: Persona
    bob: Persona
    carol: Persona
    dave: Persona
    mallory: Persona


def cast(server: Server, today: date | None = None) -> Cast:
    today = today or date.today()
    north = accounts.create_agency(server, "North", "admin@north.example")
    accounts.create_agency(server, "South", "admin@south.example")
    carol = _counsellor(server, "North", "carol@north.example", "Carol")
    dave = _counsellor(server, "South", "dave@south.example", "Dave")
    alice = _client(server, carol.account, "alice", ("progress", "people"), today)
    bob = _client(server, carol.account, "bob", ("progress",), today)
    mallory = _client(server, dave.account, "mallory", GROUP_CODES, today)
    return Cast(server, north.account, alice, bob, carol, dave, mallory)


APP_ROLE = "orchardist_app_test"


@contextmanager
def as_app_role(store: Store) -> Iterator[Store]:
    """The same database as the agency server's own role sees it (docs/deploy.md): a role that owns no
    table, granted what ``orchardist admin grant-app-role`` grants, so row-level security holds for
    everything it sends (a superuser, as the tests connect, bypasses it)."""
    from click.testing import CliRunner

    from orchardist.cli.main import cli

    with store.write() as conn:
        conn.exec_driver_sql(
            f"DO $$ BEGIN CREATE ROLE {APP_ROLE} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
    url = store.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(cli, ["--db", url, "admin", "grant-app-role", APP_ROLE])
    assert result.exit_code == 0, result.output
    as_app = Store(store.url.set(username=APP_ROLE, password=None).render_as_string(hide_password=False))
    try:
        yield as_app
    finally:
        as_app.dispose()
