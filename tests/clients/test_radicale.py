"""Radicale, a real CardDAV and CalDAV server, started by the test on the loopback address: the vdir
export is pushed to it over HTTP one card at a time and read back intact, the address book it serves
imports back into the network adding and changing nobody, and the occasions calendar goes in too."""

from __future__ import annotations

import base64
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import icalendar
import pytest

from orchardist.formats import registry
from orchardist.services.exporting import write_export_folder
from orchardist.services.importing import import_parsed
from orchardist.services.network import Network
from orchardist.services.reminders import occasions
from tests.clients.conftest import client, fill

USER = "orchardist"
_ADDRESS_BOOK = (
    '<?xml version="1.0" encoding="utf-8"?><mkcol xmlns="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav">'
    "<set><prop><resourcetype><collection/><CR:addressbook/></resourcetype></prop></set></mkcol>"
)
_CALENDAR = (
    '<?xml version="1.0" encoding="utf-8"?><mkcol xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    "<set><prop><resourcetype><collection/><C:calendar/></resourcetype></prop></set></mkcol>"
)


@dataclass(frozen=True)
class Server:
    base: str

    def request(self, method: str, path: str, body: bytes = b"", content_type: str = "") -> tuple[int, bytes]:
        """One request as the test's user (Radicale here takes any password), and its answer."""
        request = urllib.request.Request(f"{self.base}{path}", data=body or None, method=method)
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{USER}:secret".encode()).decode())
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=20) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Server]:
    """Radicale on 127.0.0.1 and a free port, storing in a temporary folder, stopped after the test."""
    port = _free_port()
    log = (tmp_path / "radicale.log").open("wb")
    process = subprocess.Popen(
        [
            str(client("radicale")),
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(tmp_path / "radicale"),
            "--auth-type",
            "none",
            "--logging-level",
            "warning",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    server = Server(f"http://127.0.0.1:{port}")
    try:
        for _ in range(100):
            assert process.poll() is None, (tmp_path / "radicale.log").read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("Radicale did not start within 10 seconds")
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_a_vdir_pushed_to_carddav_reads_back_intact(
    radicale: Server, local_network: Network, tmp_path: Path, version: str
) -> None:
    people = fill(local_network)
    folder = tmp_path / "vdir"
    write_export_folder(local_network, "vdir", folder, version=version)
    collection = f"/{USER}/contacts/"
    assert radicale.request("MKCOL", collection, _ADDRESS_BOOK.encode(), "application/xml")[0] == 201
    cards = sorted(folder.glob("*.vcf"))
    assert len(cards) == len(people)
    for card in cards:
        status, _ = radicale.request(
            "PUT", collection + card.name, card.read_bytes(), "text/vcard; charset=utf-8"
        )
        assert status == 201, card.name
    for card in cards:
        status, served = radicale.request("GET", collection + card.name)
        assert status == 200
        ours = registry.parse(card.read_bytes(), card.name).people[0].person
        theirs = registry.parse(served, card.name).people[0].person
        assert theirs == ours
        assert theirs.uid == ours.uid
    # The whole address book, as the server hands it out, is the network: importing it adds nobody
    # and changes nobody.
    status, book = radicale.request("GET", collection)
    assert status == 200 and book.count(b"BEGIN:VCARD") == len(people)
    report = import_parsed(local_network, registry.parse(book, "contacts.vcf"), "contacts.vcf")
    assert (report.added, report.updated, report.merged) == (0, 0, len(people))
    with local_network.reading() as unit:
        after = unit.people.all()
    assert [(person.uid, person) for person in after] == [(person.uid, person) for person in people]


def test_the_occasions_calendar_goes_to_caldav_one_event_at_a_time(
    radicale: Server, local_network: Network
) -> None:
    fill(local_network)
    calendar = icalendar.Calendar.from_ical(occasions(local_network))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3  # Ada's birthday, Grace's anniversary, Zoë's work anniversary
    collection = f"/{USER}/occasions/"
    assert radicale.request("MKCOL", collection, _CALENDAR.encode(), "application/xml")[0] == 201
    for event in events:
        one = icalendar.Calendar()
        for name in ("prodid", "version"):
            one.add(name, calendar[name])
        one.add_component(event)
        status, _ = radicale.request("PUT", f"{collection}{event['uid']}.ics", one.to_ical(), "text/calendar")
        assert status == 201, event["uid"]
    status, served = radicale.request("GET", collection)
    assert status == 200
    back = {
        str(event["uid"]): str(event["summary"])
        for event in icalendar.Calendar.from_ical(served).walk("VEVENT")
    }
    assert back == {str(event["uid"]): str(event["summary"]) for event in events}
