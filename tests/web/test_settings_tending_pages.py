"""Settings for tending, reminders and the digest on the Settings page; the calendar download and feed."""

from __future__ import annotations

import icalendar
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.settings import current
from orchardist.web.app import create_app
from tests.conftest import SmtpSink

HTML = {"accept": "text/html"}


def test_the_page_shows_the_settings_and_the_holidays(client: TestClient) -> None:
    page = client.get("/settings", headers=HTML)
    context = page.context  # type: ignore[attr-defined]
    assert context["values"]["inner_days"] == 30 and context["values"]["smtp_password"] == ""
    assert ("christmas", "Christmas") == context["holidays"][-2][:2]
    assert context["feed_url"] is None
    assert 'action="/settings/tending"' in page.text and 'id="holiday-christmas"' in page.text


def test_tending_saved_and_a_wrong_value_keeps_the_input(
    client: TestClient, network: Network, csrf: str
) -> None:
    form = {
        "csrf_token": csrf,
        "inner_days": "21",
        "active_days": "60",
        "casual_days": "180",
        "today_size": "12",
        "weekly_goal": "4",
        "holidays": ["christmas", "hanukkah"],
    }
    saved = client.post("/settings/tending", data=form, headers=HTML, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/settings?saved=tending#tending-heading"
    values = current(network)
    assert (values["inner_days"], values["today_size"], values["holidays"]) == (
        21,
        12,
        ["christmas", "hanukkah"],
    )
    refused = client.post(
        "/settings/tending", data={**form, "active_days": "0", "inner_days": "7"}, headers=HTML
    )
    assert refused.status_code == 400
    context = refused.context  # type: ignore[attr-defined]
    assert context["error_section"] == "tending"
    assert context["error"] == "Active: must be a number of days from 1 to 3650, got 0"
    assert context["values"]["active_days"] == "0" and 'role="alert"' in refused.text
    assert current(network)["inner_days"] == 21  # nothing of the refused form was kept


def test_a_cross_site_post_changes_nothing(client: TestClient, network: Network) -> None:
    response = client.post("/settings/tending", data={"inner_days": "5"}, headers=HTML)
    assert response.status_code == 403
    assert current(network)["inner_days"] == 30


def test_calendar_download_and_the_private_feed(client: TestClient, network: Network, csrf: str) -> None:
    add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER, notes="x"))
    download = client.get("/reminders.ics")
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/calendar")
    assert download.headers["content-disposition"] == 'attachment; filename="orchardist-reminders.ics"'
    assert download.headers["cache-control"] == "no-store"
    icalendar.Calendar.from_ical(download.content)
    client.post("/settings/feed", data={"csrf_token": csrf, "action": "new"}, headers=HTML)
    url = client.get("/settings", headers=HTML).context["feed_url"]  # type: ignore[attr-defined]
    assert url.startswith("http://localhost/feed/") and url.endswith(".ics")
    path = url.removeprefix("http://localhost")
    feed = client.get(path)
    assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content and b"Ana" not in feed.content
    assert client.get("/feed/not-the-token.ics").status_code == 404
    client.post("/settings/feed", data={"csrf_token": csrf, "action": "revoke"}, headers=HTML)
    assert client.get(path).status_code == 404
    assert (
        client.post("/settings/feed", data={"csrf_token": csrf, "action": "x"}, headers=HTML).status_code
        == 400
    )


def test_the_feed_speaks_the_language_it_was_made_in(client: TestClient, network: Network, csrf: str) -> None:
    ana = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER))
    log_interaction(network, [ana.id or 0], direction=Direction.ASKED, kind="coffee", summary="CV")
    client.cookies.set("orchardist_lang", "fr_CA")
    client.post("/settings/feed", data={"csrf_token": csrf, "action": "new"}, headers=HTML)
    url = client.get("/settings", headers=HTML).context["feed_url"]  # type: ignore[attr-defined]
    client.cookies.delete("orchardist_lang")
    body = client.get(url.removeprefix("http://localhost")).content.decode()
    assert "SUMMARY:Orchardist\u00a0: joindre 1 personne" in body


def test_digest_settings_and_send_now(
    client: TestClient, network: Network, csrf: str, smtp_sink: tuple[SmtpSink, int]
) -> None:
    sink, port = smtp_sink
    form = {
        "csrf_token": csrf,
        "digest_enabled": "on",
        "digest_weekday": "friday",
        "digest_to": "me@example.org",
        "digest_from": "orchardist@example.org",
        "smtp_host": "127.0.0.1",
        "smtp_port": str(port),
        "smtp_security": "none",
        "smtp_username": "",
        "smtp_password": "secret",
    }
    assert client.post("/settings/digest", data=form, headers=HTML, follow_redirects=False).status_code == 303
    assert current(network)["smtp_password"] == "secret"
    client.post("/settings/digest", data={**form, "smtp_password": ""}, headers=HTML)
    assert current(network)["smtp_password"] == "secret"  # blank keeps it
    page = client.get("/settings", headers=HTML)
    assert "secret" not in page.text
    sent = client.post(
        "/settings/digest/send", data={"csrf_token": csrf}, headers=HTML, follow_redirects=False
    )
    assert sent.status_code == 303 and sent.headers["location"].endswith("saved=digest-sent#digest-heading")
    assert [message["Subject"] for message in sink.messages] == ["Orchardist: 0 people to tend"]
    refused = client.post("/settings/digest", data={**form, "digest_to": "nobody"}, headers=HTML)
    assert refused.status_code == 400 and refused.context["error_section"] == "digest"  # type: ignore[attr-defined]


def test_a_server_that_cannot_be_reached_says_so(client: TestClient, network: Network, csrf: str) -> None:
    form = {
        "csrf_token": csrf,
        "digest_to": "me@example.org",
        "digest_from": "orchardist@example.org",
        "smtp_host": "127.0.0.1",
        "smtp_port": "9",
        "smtp_security": "none",
        "digest_weekday": "monday",
    }
    client.post("/settings/digest", data=form, headers=HTML)
    response = client.post("/settings/digest/send", data={"csrf_token": csrf}, headers=HTML)
    assert response.status_code == 502 and "The digest was not sent" in response.text


def test_the_running_app_sends_the_digest_when_due(network: Network, smtp_sink: tuple[SmtpSink, int]) -> None:
    sink, port = smtp_sink
    from orchardist.services.settings import update

    update(
        network,
        {
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_security": "none",
            "digest_to": "me@example.org",
            "digest_from": "orchardist@example.org",
            "digest_enabled": True,
        },
    )
    import time

    with TestClient(create_app(network, digests=True, digest_every=0.05), base_url="http://localhost"):
        for _ in range(100):
            if sink.messages:
                break
            time.sleep(0.05)
        time.sleep(0.2)  # further checks find it sent already
    assert len(sink.messages) == 1
    assert current(network)["digest_last_sent"]


def test_the_mail_server_has_its_own_save_and_the_digest_shows_once_it_is_set(
    client: TestClient, network: Network, csrf: str
) -> None:
    page = client.get("/settings", headers=HTML)
    assert 'action="/settings/mail"' in page.text and "Set the outgoing mail server first" in page.text
    assert 'action="/settings/digest/send"' not in page.text and 'id="digest_enabled"' not in page.text
    mail = {
        "csrf_token": csrf,
        "smtp_host": "mail.example.org",
        "smtp_port": "587",
        "smtp_security": "starttls",
    }
    saved = client.post("/settings/mail", data=mail, headers=HTML, follow_redirects=False)
    assert saved.headers["location"] == "/settings?saved=mail#mail-heading"
    assert current(network)["smtp_host"] == "mail.example.org"
    page = client.get("/settings", headers=HTML)
    assert 'action="/settings/digest/send"' in page.text and 'id="digest_enabled"' in page.text
    # The digest's own form leaves the mail server as it was.
    digest = {
        "csrf_token": csrf,
        "digest_weekday": "monday",
        "digest_to": "me@example.org",
        "digest_from": "",
    }
    assert (
        client.post("/settings/digest", data=digest, headers=HTML, follow_redirects=False).status_code == 303
    )
    assert (
        current(network)["smtp_host"] == "mail.example.org"
        and current(network)["digest_to"] == "me@example.org"
    )
    refused = client.post("/settings/mail", data={**mail, "smtp_port": "0"}, headers=HTML)
    assert refused.status_code == 400 and refused.context["error_section"] == "mail"  # type: ignore[attr-defined]
