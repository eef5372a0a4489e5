"""Export people as a spreadsheet-friendly CSV: one row per person, safe to open in Excel or LibreOffice.

The file is RFC 4180 CSV (comma-separated, CRLF line ends, every quote in a cell doubled) in UTF-8
with a byte-order mark, because Excel reads a CSV without one in the system's legacy code page and
turns "Hélène" into "HÃ©lÃ¨ne". Several values in one cell (e-mails, phones, tags) are joined with
"; " so each person stays on one line of the spreadsheet.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a tab or
carriage return in front can hide one: a name such as ``=HYPERLINK(...)`` in someone's LinkedIn
profile would run on the user's machine. Following OWASP's advice on CSV injection, such cells get
a leading apostrophe, which the spreadsheet shows: ``+1 555 010 2345`` is written
``'+1 555 010 2345``. This export is for reading, not for importing back (use the JSON backup).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from orchardist.domain.fields import FIELDS, FieldSpec, Kind, value_of
from orchardist.domain.people import PartialDate, Person
from orchardist.formats.base import NetworkSnapshot

LAST_CONTACT = "Last contact"


def _exported() -> list[FieldSpec]:
    """The person fields that have a column, in the field table's order."""
    return [spec for spec in FIELDS.values() if spec.column]


def columns() -> tuple[str, ...]:
    """The header row: a column per exported field (``orchardist.domain.fields``), then the last contact."""
    return (*(spec.column for spec in _exported()), LAST_CONTACT)


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = "; "
BOM = "\ufeff"


def neutralise(cell: str) -> str:
    """``cell`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def _birthday(value: PartialDate | None) -> str:
    """ISO ``YYYY-MM-DD``, or ``MM-DD`` when the year is unknown (``--MM-DD`` would need an apostrophe)."""
    if value is None:
        return ""
    if value.year is None:
        return f"{value.month:02d}-{value.day:02d}"
    return value.isoformat()


def _cell(spec: FieldSpec, value: Any) -> str:
    if spec.kind is Kind.DATE:
        return _birthday(value)
    if spec.kind is Kind.DATES:
        return SEPARATOR.join(f"{item.label} {item.date.isoformat()}" for item in value)
    if spec.is_list:
        return SEPARATOR.join(value)
    if spec.kind is Kind.TIER:
        return str(value.value)
    return "" if value is None else str(value)


def _row(person: Person, last_contact: date | None) -> list[str]:
    cells = [_cell(spec, value_of(person, spec.name)) for spec in _exported()]
    cells.append(last_contact.isoformat() if last_contact else "")
    return [neutralise(cell) for cell in cells]


def last_contacts(snapshot: NetworkSnapshot) -> dict[int, date]:
    """The date of the latest interaction with each person id that has one."""
    latest: dict[int, date] = {}
    for interaction in snapshot.interactions:
        for person_id in interaction.person_ids:
            if person_id not in latest or interaction.on > latest[person_id]:
                latest[person_id] = interaction.on
    return latest


def export(snapshot: NetworkSnapshot) -> bytes:
    """The people of ``snapshot`` as CSV bytes, in the order given, with a header row."""
    latest = last_contacts(snapshot)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns())
    for person in snapshot.people:
        writer.writerow(_row(person, latest.get(person.id) if person.id is not None else None))
    return (BOM + buffer.getvalue()).encode("utf-8")
