"""khard, a real address book on the command line, lists everyone of a vdir export with the right name,
e-mails and phones, in vCard 3.0 and 4.0 (it refused cards without a UID). khard reads a folder of
one card per file, as vdirsyncer and CardDAV sync leave it."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchardist.domain.people import clean_uid
from orchardist.services.exporting import write_export_folder
from orchardist.services.network import Network
from tests.clients.conftest import client, fill, run


def _config(tmp_path: Path, book: Path) -> Path:
    config = tmp_path / "khard.conf"
    config.write_text(
        "[addressbooks]\n[[orchardist]]\n"
        f"path = {book}\n"
        "[general]\neditor = /bin/true\nmerge_editor = /bin/true\n"
        "[contact table]\ndisplay = formatted_name\nshow_uids = yes\n",
        encoding="utf-8",
    )
    return config


def _rows(output: str) -> list[list[str]]:
    # khard says "searching for …" on the same output; the rows are the tab-separated lines.
    return sorted(line.split("\t") for line in output.splitlines() if "\t" in line)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_khard_lists_every_person_with_their_name_emails_and_phones(
    local_network: Network, tmp_path: Path, version: str
) -> None:
    people = fill(local_network)
    book = tmp_path / "book"
    write_export_folder(local_network, "vdir", book, version=version)
    khard = client("khard")
    config = _config(tmp_path, book)

    listed = run(khard, "-c", config, "list", "--parsable", home=tmp_path)
    assert "UID" not in listed.stderr and "skipp" not in listed.stderr.casefold(), listed.stderr
    # vCard 4.0 writes Orchardist's UUIDs as urn:uuid: URNs.
    rows = [[clean_uid(uid), name, book_name] for uid, name, book_name in _rows(listed.stdout)]
    assert sorted(rows) == sorted([person.uid, person.display_name, "orchardist"] for person in people)

    emails = run(khard, "-c", config, "email", "--parsable", home=tmp_path)
    assert sorted(row[:2] for row in _rows(emails.stdout)) == sorted(
        [address, person.display_name] for person in people for address in person.emails
    )
    phones = run(khard, "-c", config, "phone", "--parsable", home=tmp_path)
    assert sorted(row[:2] for row in _rows(phones.stdout)) == sorted(
        [phone, person.display_name] for person in people for phone in person.phones
    )
