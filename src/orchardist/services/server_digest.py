"""The weekly digest on the agency server: each client who asks for it gets it on their weekday, at
their account's address, through the agency's mail server (``services/server_mail.py``).

Every worker checks every hour; an advisory lock on PostgreSQL lets one worker at a time send, and the
day each was sent is written before the next client's is composed, so two workers never send twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from orchardist.domain.accounts import Account, Role
from orchardist.services import account_refusals, refusals
from orchardist.services.digest import SENT_BY_AGENCY, compose
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.server import Server
from orchardist.services.settings import WEEKDAYS

LOCK = "orchardist-digest"
Send = Callable[[str, str, str], None]
Translate = Callable[[str], str]


def set_weekly_email(server: Server, client: Account, weekday: str | None) -> None:
    """Ask for the weekly digest on ``weekday`` (monday…sunday), or stop it (None)."""
    if client.role is not Role.CLIENT:
        raise NotFound(account_refusals.NO_SUCH_CLIENT())
    if weekday is not None and weekday not in WEEKDAYS:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(WEEKDAYS)), field="digest_weekday")
    with server.writing() as unit:
        unit.accounts.set_digest(client.id, weekday)


def _due(weekday: str, sent_on: date | None, on: date) -> bool:
    """Whether the digest of ``weekday`` should go on ``on``: not yet sent since its latest day (one
    never sent waits for its day; one missed, a server down that day, goes at the next check)."""
    latest = on - timedelta(days=(on.weekday() - WEEKDAYS.index(weekday)) % 7)
    if sent_on is None:
        return latest == on
    return sent_on < latest


def _english(text: str) -> str:
    return text


def send_due(server: Server, send: Send, on: date | None = None, *, _: Translate = _english) -> int:
    """Send every digest due on ``on`` (today); how many were sent. 0 at once when another worker holds
    the job. A client whose digest fails to send is tried again at the next check."""
    on = on or date.today()
    sent = 0
    with server.exclusive(LOCK) as held:
        if not held:
            return 0
        with server.reading() as unit:
            takers = unit.accounts.digest_takers()
        for account, weekday, sent_on in takers:
            network = server.network_of(account)
            if network is None or weekday not in WEEKDAYS or not _due(weekday, sent_on, on):
                continue
            digest = compose(network, on, _=_, sent_by=SENT_BY_AGENCY)
            try:
                send(account.email, digest.subject, digest.body)
            except OSError:
                continue
            with server.writing() as unit:
                unit.accounts.digest_sent(account.id, on)
            sent += 1
    return sent
