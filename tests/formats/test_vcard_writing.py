"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) out: each valid for its RFC, every card with its UID and REV,
and the round trip keeps the people, their UIDs included, in either version."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from orchardist.domain.people import NamedDate, PartialDate, Person, clean_uid
from orchardist.formats import vcard
from orchardist.formats.base import NetworkSnapshot
from orchardist.formats.vcard_writing import VERSIONS, uid_of
from tests.formats.test_vcard import SOURCE, carried, full_person
from tests.strategies import people

CHANGED = datetime(2026, 12, 7, 8, 30, 5, tzinfo=UTC)
# RFC 6350's date and timestamp forms (ISO 8601 basic), and RFC 2426's (extended, or basic).
_DATE_40 = re.compile(r"(\d{8}|--\d{4})")
_DATE_30 = re.compile(r"(\d{4}-\d{2}-\d{2}|--\d{4})")
uids = st.one_of(
    st.just(""),
    st.uuids().map(str),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 :/._@,;\\é-]{0,40}[A-Za-z0-9]", fullmatch=True),
)


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def _snapshot(*people: Person) -> NetworkSnapshot:
    return NetworkSnapshot(people=list(people), people_changed={person.id or 0: CHANGED for person in people})


def test_a_40_card_follows_rfc_6350() -> None:
    person = dataclasses.replace(full_person(), id=7, uid="6f1a2b3c-1111-4222-8333-444455556666")
    lines = _lines(vcard.export(_snapshot(person), "4.0"))
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:4.0"] and lines[-1] == "END:VCARD"
    assert "UID:urn:uuid:6f1a2b3c-1111-4222-8333-444455556666" in lines
    assert "REV:20261207T083005Z" in lines
    assert "ANNIVERSARY:20150601" in lines
    assert "BDAY:--0229" in lines
    assert "item1.X-ABDATE:20240903" in lines
    assert not any("TYPE=INTERNET" in line for line in lines)
    assert sum(line.startswith(("FN:", "FN;")) for line in lines) == 1
    for name in ("BDAY", "ANNIVERSARY", "REV", "UID", "N", "PRODID"):  # at most one of each (RFC 6350 §6)
        assert sum(line.split(":", 1)[0].split(";")[0] == name for line in lines) <= 1, name
    for line in lines:
        name, _, value = line.partition(":")
        if name.rsplit(".", 1)[-1] in ("BDAY", "ANNIVERSARY", "X-ABDATE"):
            assert _DATE_40.fullmatch(value), line


def test_a_30_card_follows_rfc_2426() -> None:
    person = dataclasses.replace(full_person(), id=7, uid="ABC-123:ABPerson")
    lines = _lines(vcard.export(_snapshot(person), "3.0"))
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"] and lines[-1] == "END:VCARD"
    assert "UID:ABC-123:ABPerson" in lines and "REV:20261207T083005Z" in lines
    assert any(line.startswith("N:") for line in lines) and any(line.startswith("FN:") for line in lines)
    assert not any(line.startswith("ANNIVERSARY") for line in lines)
    for line in lines:
        name, _, value = line.partition(":")
        if name.rsplit(".", 1)[-1] in ("BDAY", "X-ABDATE"):
            assert _DATE_30.fullmatch(value), line


@pytest.mark.parametrize("version", VERSIONS)
def test_vobject_reads_the_uid_and_rev_of_each_version(version: str) -> None:
    person = Person("Ada", id=1, uid="6f1a2b3c-1111-4222-8333-444455556666")
    (component,) = vobject.readComponents(vcard.export(_snapshot(person), version).decode("utf-8"))
    assert clean_uid(component.uid.value) == person.uid
    assert component.rev.value == "20261207T083005Z"


def test_someone_never_stored_gets_the_same_uid_each_time() -> None:
    person = Person("Ada", id=3)
    assert uid_of(person) == uid_of(Person("Ada", id=3)) != uid_of(Person("Ada", id=4))


def test_an_anniversary_keeps_its_place_among_the_dates_in_40() -> None:
    person = Person(
        "Ada",
        dates=(NamedDate("started", PartialDate(1, 2, 2020)), NamedDate("anniversary", PartialDate(3, 4))),
    )
    back = vcard.parse(vcard.export(_snapshot(person), "4.0"), SOURCE).people[0].person
    assert back.dates == person.dates


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(people, uids), min_size=1, max_size=4), st.sampled_from(VERSIONS))
def test_import_of_export_keeps_the_people_and_their_uids(
    drawn: list[tuple[Person, str]], version: str
) -> None:
    originals = [dataclasses.replace(person, uid=uid) for person, uid in drawn]
    result = vcard.parse(vcard.export(NetworkSnapshot(people=originals), version), SOURCE)
    assert result.skipped == []
    assert [carried(entry.person) for entry in result.people] == [carried(person) for person in originals]
    assert [entry.person.uid for entry in result.people] == [uid_of(person) for person in originals]
