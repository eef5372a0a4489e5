"""Mail the agency server sends: password reset links and invitations, through the SMTP server its
environment names. Subjects are neutral ("Orchardist: your link"), never a name or an agency.

    ORCHARDIST_SMTP_HOST, ORCHARDIST_SMTP_PORT (587), ORCHARDIST_SMTP_SECURITY (starttls, ssl or none),
    ORCHARDIST_SMTP_USERNAME, ORCHARDIST_SMTP_PASSWORD, ORCHARDIST_SMTP_FROM,
    ORCHARDIST_BASE_URL (the address people open, e.g. https://orchardist.agency.example; else the
    address the request came to)

Without ORCHARDIST_SMTP_HOST nothing is sent: an admin gives a reset link with
``orchardist admin reset-link EMAIL``, and a counsellor hands an invitation link over themselves.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Callable
from email.message import EmailMessage

TIMEOUT_SECONDS = 20

RESET_SUBJECT = "Orchardist: your link"
RESET_BODY = (
    "Someone asked to set a new Orchardist password for this address.\n\n"
    "Open this link within an hour to choose one:\n{link}\n\n"
    "If it was not you, do nothing: your password stays as it is.\n"
)


def configured() -> bool:
    return bool(os.environ.get("ORCHARDIST_SMTP_HOST"))


def base_url(request_base: str) -> str:
    return (os.environ.get("ORCHARDIST_BASE_URL") or request_base).rstrip("/")


def send(to: str, subject: str, body: str) -> None:
    """Send one plain-text mail; a failure is the caller's to report (OSError, SMTPException)."""
    host = os.environ.get("ORCHARDIST_SMTP_HOST", "")
    if not host:
        return
    port = int(os.environ.get("ORCHARDIST_SMTP_PORT") or 587)
    security = os.environ.get("ORCHARDIST_SMTP_SECURITY", "starttls")
    mail = EmailMessage()
    mail["From"] = os.environ.get("ORCHARDIST_SMTP_FROM") or f"orchardist@{host}"
    mail["To"] = to
    mail["Subject"] = subject
    mail.set_content(body)
    if security == "ssl":
        connection: smtplib.SMTP = smtplib.SMTP_SSL(
            host, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
        )
    else:
        connection = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
    with connection:
        if security == "starttls":
            connection.starttls(context=ssl.create_default_context())
        username = os.environ.get("ORCHARDIST_SMTP_USERNAME")
        if username:
            connection.login(username, os.environ.get("ORCHARDIST_SMTP_PASSWORD", ""))
        connection.send_message(mail)


def reset_sender(request_base: str) -> Callable[[str, str], None]:
    """What ``request_reset`` sends a link with; a mail server that fails is not told to the asker
    (the page says the same either way), and nothing about it goes to the log."""

    def deliver(to: str, token: str) -> None:
        try:
            send(to, RESET_SUBJECT, RESET_BODY.format(link=f"{base_url(request_base)}/reset/{token}"))
        except (OSError, smtplib.SMTPException):
            pass

    return deliver
