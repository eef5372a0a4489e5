"""The weekly digest e-mail: opt-in, sent through the user's own SMTP server.

The subject never names anyone ("Orchardist: 3 people to tend"); the body names people only when
``reminder_names`` is on, and otherwise says how many of each kind and the week's figures. The digest
is due once a week: on the chosen weekday, or the first day after it when the machine was off, and
never twice for one week.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from orchardist.domain.messages import N_
from orchardist.services import reasons, refusals
from orchardist.services.errors import InputRefused, Refused
from orchardist.services.network import Network
from orchardist.services.settings import DIGEST_LAST_SENT, WEEKDAYS, current, keep, values_in
from orchardist.services.tending import TodayEntry, describe, today_in

Translate = Callable[[str], str]
PASSWORD_VARIABLE = "ORCHARDIST_SMTP_PASSWORD"
TIMEOUT_SECONDS = 30


class DigestError(Refused):
    """The digest could not be sent; the message says where and why. Nothing was recorded as sent."""


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Digest:
    """The digest's subject and body, and the figures they say."""

    subject: str
    body: str
    to_tend: int
    tended_this_week: int


SENT_BY = N_("Sent by Orchardist on your computer. Turn the digest off in its Settings.")
SENT_BY_AGENCY = N_("Sent by your agency's Orchardist. Turn the digest off in its Settings.")


def compose(
    network: Network, on: date | None = None, *, _: Translate = _identity, sent_by: str = SENT_BY
) -> Digest:
    """The digest for ``on`` (today by default): Today's list, and the last seven days' contacts;
    ``sent_by`` is its last line (what sends it, and where to turn it off)."""
    on = on or date.today()
    with network.reading() as unit:
        values = values_in(unit)
        entries: list[TodayEntry] = [describe(item, _) for item in today_in(unit, on)]
        tended = unit.interactions.people_contacted(on - timedelta(days=6), on)
    people = len({entry.item.person_id for entry in entries})
    goal = int(values["weekly_goal"])
    if people == 1:
        subject = _("Orchardist: 1 person to tend")
    else:
        subject = _("Orchardist: %(count)s people to tend") % {"count": people}
    lines = [_("Your week in Orchardist, %(day)s.") % {"day": on.isoformat()}, ""]
    if goal and tended == 1:
        lines.append(
            _("In the last seven days you were in touch with 1 person; your weekly goal is %(goal)s.")
            % {"goal": goal}
        )
    elif goal:
        lines.append(
            _("In the last seven days you were in touch with %(count)s people; your weekly goal is %(goal)s.")
            % {"count": tended, "goal": goal}
        )
    elif tended == 1:
        lines.append(_("In the last seven days you were in touch with 1 person."))
    else:
        lines.append(_("In the last seven days you were in touch with %(count)s people.") % {"count": tended})
    lines.append("")
    labels = reasons.labels(_)
    if not entries:
        lines.append(_("Nobody to tend today: everyone is within their rhythm."))
    elif values["reminder_names"]:
        for entry in entries:
            lines.append(f"- {entry.item.name} · {labels[entry.item.reason]}: {entry.why}")
            lines.append(f"  {entry.action}")
    else:
        kinds = Counter(entry.item.reason for entry in entries)
        lines.append(_("To tend today:"))
        lines.extend(f"- {labels[reason]}: {kinds[reason]}" for reason in labels if kinds[reason])
        lines.append("")
        lines.append(_("Open Orchardist to see who."))
    lines += ["", _(sent_by)]
    return Digest(subject=subject, body="\n".join(lines) + "\n", to_tend=people, tended_this_week=tended)


def message(network: Network, on: date | None = None, *, _: Translate = _identity) -> EmailMessage:
    """The digest as an e-mail from and to the configured addresses."""
    values = current(network)
    if not values["digest_to"] or not values["digest_from"]:
        raise InputRefused(refusals.DIGEST_ADDRESSES_FIRST(), field="digest_to")
    digest = compose(network, on, _=_)
    mail = EmailMessage()
    mail["Subject"] = digest.subject
    mail["From"] = values["digest_from"]
    mail["To"] = values["digest_to"]
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain="orchardist.invalid")
    mail["Auto-Submitted"] = "auto-generated"
    mail.set_content(digest.body)
    return mail


def send(network: Network, on: date | None = None, *, _: Translate = _identity) -> EmailMessage:
    """Compose and send the digest now, then record the day; DigestError when the server refuses."""
    values = current(network)
    if not values["smtp_host"]:
        raise InputRefused(refusals.SMTP_SERVER_FIRST(), field="smtp_host")
    mail = message(network, on, _=_)
    host, port, security = str(values["smtp_host"]), int(values["smtp_port"]), str(values["smtp_security"])
    password = os.environ.get(PASSWORD_VARIABLE) or str(values.get("smtp_password") or "")
    try:
        if security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
            )
        else:
            server = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
        with server:
            if security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if values["smtp_username"]:
                server.login(str(values["smtp_username"]), password)
            server.send_message(mail)
    except (OSError, smtplib.SMTPException) as error:
        raise DigestError(refusals.DIGEST_NOT_SENT(server=f"{host}:{port}", reason=str(error))) from error
    keep(network, {DIGEST_LAST_SENT: (on or date.today()).isoformat()})
    return mail


def is_due(network: Network, on: date | None = None) -> bool:
    """Whether the weekly digest should go out on ``on``: turned on, and not yet sent for this week."""
    on = on or date.today()
    values = current(network)
    if not values["digest_enabled"]:
        return False
    weekday = WEEKDAYS.index(str(values["digest_weekday"]))
    latest_slot = on - timedelta(days=(on.weekday() - weekday) % 7)
    last = values.get(DIGEST_LAST_SENT)
    return last is None or date.fromisoformat(str(last)) < latest_slot


def send_if_due(network: Network, on: date | None = None, *, _: Translate = _identity) -> EmailMessage | None:
    """Send the digest when it is due; None when it is not."""
    return send(network, on, _=_) if is_due(network, on) else None
