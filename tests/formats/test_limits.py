"""Every importer and restore keep to the limits the forms and the API keep to (domain/limits.py):
a backup naming a value the store cannot hold is refused whole, naming where; another file passes
the record over and says which field and why."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.offers import Offer, OfferKind
from orchardist.domain.people import Person
from orchardist.domain.records import Dismissal, JobChange, Organisation, Reconnect, Snooze
from orchardist.formats import registry
from orchardist.formats.base import FormatError, NetworkSnapshot
from orchardist.formats.sandbox import parse_in_sandbox


def _linkedin(*rows: str) -> bytes:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    return "\r\n".join((header, *rows)).encode()


def test_a_record_past_a_limit_is_passed_over_with_its_field_and_line() -> None:
    data = _linkedin(
        "Ana,Silva,,ana@example.org,Acme,Analyst,01 Jan 2024",
        f"Bo,Chen,,bo@example.org,{'A' * 400},Analyst,01 Jan 2024",
        "Cy,Diaz,,cy@example.org,Initech,Lead,01 Jan 2024",
    )
    result = registry.parse(data, "Connections.csv", "linkedin")
    assert [item.person.display_name for item in result.people] == ["Ana Silva", "Cy Diaz"]
    (skipped,) = result.skipped
    assert skipped.line == 3
    assert str(skipped.reason) == "field 'organisation': must be at most 300 characters, got 400"
    assert skipped.reason.code == "file.in_field"


def _backup(**changes: object) -> dict[str, object]:
    snapshot = NetworkSnapshot(
        people=[Person(display_name="Ana Silva", id=1)],
        interactions=[
            Interaction(
                on=date(2026, 3, 1),
                direction=Direction.GAVE,
                kind="coffee",
                summary="Coffee",
                person_ids=(1,),
            )
        ],
        offers=[Offer(id=2, kind=OfferKind.SKILL, text="CVs", created_at=datetime(2026, 1, 1, tzinfo=UTC))],
        organisations=[Organisation("Acme", id=3)],
        reconnect=[Reconnect(1, date(2026, 1, 1), id=4)],
        snoozes=[Snooze(1, date(2026, 5, 1), id=5)],
        dismissals=[Dismissal(1, "overdue", date(2026, 2, 1), id=6)],
        job_changes=[
            JobChange(1, date(2026, 2, 2), "Initech", "Dev", "Acme", "Lead", "linkedin:c.csv", id=7)
        ],
        people_added={1: datetime(2025, 1, 1, tzinfo=UTC)},
    )
    backup = json.loads(registry.export("json", snapshot))
    for path, value in changes.items():
        table, field = path.split(".")
        backup[table][0][field] = value
    return backup


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        ("people.display_name", "x" * 1_000_000, "people[0].display_name: must be at most 500 characters"),
        ("people.display_name", "Ana \ud800", "people[0].display_name: holds a character that is not valid"),
        ("people.tags", ["t"] * 501, "people[0].tags: can hold at most 500 entries, got 501"),
        ("interactions.kind", "k" * 10_000, "interactions[0].kind: must be at most 50 characters"),
        ("interactions.summary", "a\x00b", "interactions[0].summary: cannot hold NUL characters"),
        ("people.id", 0, "people[0].id: must be from 1 to 2,147,483,647, got 0"),
        ("people.id", 2**40, "people[0].id: must be from 1 to 2,147,483,647"),
        (
            "people.created_at",
            "0001-01-01T00:00:00+01:00",
            "people[0].created_at: must be a day from 1900-01-01 to 2999-12-31, got 0001-01-01",
        ),
        ("interactions.id", -4, "interactions[0].id: must be from 1 to 2,147,483,647, got -4"),
        ("interactions.created_at", "9999-12-31T23:00:00-05:00", "interactions[0].created_at: must be a day"),
        ("offers.id", 2**31, "offers[0].id: must be from 1 to 2,147,483,647"),
        ("offers.created_at", "1899-12-31T00:00:00+00:00", "offers[0].created_at: must be a day from 1900"),
        ("organisations.id", -1, "organisations[0].id: must be from 1"),
        ("organisations.name", "A" * 301, "organisations[0].name: must be at most 300 characters, got 301"),
        ("organisations.name", "  ", "organisations[0].name: an organisation needs a name"),
        ("organisations.aliases", ["a"] * 501, "organisations[0].aliases: can hold at most 500 entries"),
        ("organisations.domains", ["d" * 301], "organisations[0].domains: must be at most 300 characters"),
        ("reconnect.id", 0, "reconnect[0].id: must be from 1"),
        ("reconnect.since", "1899-12-31", "reconnect[0].since: must be a day from 1900-01-01 to 2999-12-31"),
        ("snoozes.until", "3000-01-01", "snoozes[0].until: must be a day from 1900-01-01 to 2999-12-31"),
        ("dismissals.reason", "r" * 31, "dismissals[0].reason: must be at most 30 characters, got 31"),
        ("dismissals.due", "0999-01-01", "dismissals[0].due: must be a day from 1900-01-01"),
        ("job_changes.new_title", "t" * 501, "job_changes[0].new_title: must be at most 500 characters"),
        ("job_changes.source", "a\x00b", "job_changes[0].source: cannot hold NUL characters"),
        ("job_changes.old_organisation", "\ud800", "job_changes[0].old_organisation: holds a character"),
    ],
)
def test_a_backup_past_a_limit_is_refused_whole_naming_where(path: str, value: object, said: str) -> None:
    data = json.dumps(_backup(**{path: value})).encode()
    with pytest.raises(FormatError) as refused:
        registry.parse(data, "backup.json", "json")
    assert str(refused.value).startswith(said)


@pytest.mark.parametrize("days", [0, 3651, 999_999_999, 2**63, 2**64])
def test_a_backup_with_a_rhythm_no_rule_can_use_is_refused_in_the_sandbox(days: int) -> None:
    data = json.dumps(_backup(**{"people.every_days": days})).encode()
    with pytest.raises(FormatError) as refused:
        parse_in_sandbox(data, "backup.json", "json")
    assert str(refused.value) == "people[0].every_days: must be a number of days from 1 to 3650"
    assert "InputRefused" not in str(refused.value)  # what the user reads, not a Python error


def test_a_backup_within_every_limit_is_read_whole() -> None:
    result = registry.parse(json.dumps(_backup()).encode(), "backup.json", "json")
    assert [item.person.display_name for item in result.people] == ["Ana Silva"]
    assert [item.interaction.kind for item in result.interactions] == ["coffee"]
