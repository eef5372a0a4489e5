"""The spreadsheet CSV export: columns, RFC 4180 quoting, UTF-8 with BOM, formula neutralisation."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import PartialDate, Person, Tier
from orchardist.formats import registry
from orchardist.formats.base import NetworkSnapshot
from orchardist.formats.csv_export import FORMULA_TRIGGERS, columns, export, neutralise
from tests.strategies import people


def rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def amira(**fields: object) -> Person:
    base: dict[str, object] = {
        "id": 1,
        "display_name": "Amira Haddad (she/her)",
        "given_name": "Amira",
        "family_name": "Haddad",
        "pronouns": "she/her",
        "organisation": "Hôpital Sainte-Justine",
        "title": "Nurse",
        "emails": ("amira@mail.example", "a.haddad@work.example"),
        "phones": ("514 555 0101",),
        "linkedin_url": "https://www.linkedin.com/in/amira",
        "urls": ("https://amira.example",),
        "location": "Montréal",
        "tags": ("healthcare", "mentor"),
        "tier": Tier.ACTIVE,
        "birthday": PartialDate(month=3, day=29),
        "how_met": "Workshop",
        "where_met": "Library",
        "notes": 'Said "call me".\nLikes jazz, tea.',
    }
    base.update(fields)
    return Person(**base)  # type: ignore[arg-type]


def test_header_and_one_row_per_person() -> None:
    data = export(NetworkSnapshot(people=[amira(), amira(id=2, display_name="Dan")]))
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(columns())
    found = rows(data)
    assert [row["Name"] for row in found] == ["Amira Haddad (she/her)", "Dan"]
    first = found[0]
    assert first["Given Name"] == "Amira"
    assert first["Organisation"] == "Hôpital Sainte-Justine"
    assert first["E-mails"] == "amira@mail.example; a.haddad@work.example"
    assert first["Phones"] == "514 555 0101"
    assert first["LinkedIn"] == "https://www.linkedin.com/in/amira"
    assert first["URLs"] == "https://amira.example"
    assert first["Tags"] == "healthcare; mentor"
    assert first["Tier"] == "active"
    assert first["Birthday"] == "03-29"
    assert first["How met"] == "Workshop"
    assert first["Where met"] == "Library"
    assert first["Notes"] == 'Said "call me".\nLikes jazz, tea.'
    assert first["Last contact"] == ""


def test_rfc_4180_line_ends_and_quoting() -> None:
    data = export(NetworkSnapshot(people=[amira()]))
    assert data.startswith(b"\xef\xbb\xbf")
    body = data[3:]
    assert body.endswith(b"\r\n")
    assert body.count(b"\r\n") == 2  # the header and one row; the note's own line break is quoted
    assert b'"Said ""call me"".\nLikes jazz, tea."' in body
    assert b'"Hopital' not in body and "Hôpital".encode() in body


def test_a_full_birthday_is_iso() -> None:
    found = rows(export(NetworkSnapshot(people=[amira(birthday=PartialDate(month=3, day=29, year=1985))])))
    assert found[0]["Birthday"] == "1985-03-29"
    assert rows(export(NetworkSnapshot(people=[amira(birthday=None)])))[0]["Birthday"] == ""


def test_last_contact_is_the_latest_interaction() -> None:
    def met(on: date, *ids: int) -> Interaction:
        return Interaction(on=on, direction=Direction.SOCIAL, kind="coffee", summary="", person_ids=ids)

    snapshot = NetworkSnapshot(
        people=[amira(), amira(id=2), amira(id=3)],
        interactions=[met(date(2024, 5, 1), 1), met(date(2025, 1, 9), 1, 2), met(date(2024, 12, 1), 1)],
    )
    assert [row["Last contact"] for row in rows(export(snapshot))] == ["2025-01-09", "2025-01-09", ""]


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_every_formula_trigger_gets_an_apostrophe(trigger: str) -> None:
    cell = f'{trigger}HYPERLINK("http://evil.example","x")'
    found = rows(export(NetworkSnapshot(people=[amira(title=cell, display_name=cell)])))[0]
    assert found["Title"] == "'" + cell
    assert found["Name"] == "'" + cell


def test_the_trigger_list_follows_owasp() -> None:
    assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r"}


def test_international_phone_numbers_are_neutralised() -> None:
    found = rows(export(NetworkSnapshot(people=[amira(phones=("+1 555 010 2345", "514 555 0101"))])))[0]
    assert found["Phones"] == "'+1 555 010 2345; 514 555 0101"


def test_cells_without_a_trigger_are_untouched() -> None:
    assert neutralise("Amira") == "Amira"
    assert neutralise("a=b") == "a=b"
    assert neutralise(" =1+1") == " =1+1"
    assert neutralise("") == ""
    assert neutralise("-") == "'-"


def test_registered_as_csv_export() -> None:
    assert registry.export("csv", NetworkSnapshot(people=[amira()])) == export(
        NetworkSnapshot(people=[amira()])
    )


@given(st.lists(people, max_size=5))
def test_every_cell_reads_back_safe_and_complete(generated: list[Person]) -> None:
    snapshot = NetworkSnapshot(people=[replace(p, id=n) for n, p in enumerate(generated)])
    found = rows(export(snapshot))
    assert len(found) == len(generated)
    for row, person in zip(found, generated, strict=True):
        assert list(row) == list(columns())
        for cell in row.values():
            assert not cell.startswith(FORMULA_TRIGGERS)
        assert row["Notes"] == neutralise(person.notes)
        assert row["Name"] == neutralise(person.display_name)
        assert row["E-mails"] == neutralise("; ".join(person.emails))
