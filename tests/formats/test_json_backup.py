"""The JSON backup: exact round trip, deterministic bytes, and refusals that name the JSON path."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier, with_sources
from orchardist.domain.records import Dismissal, JobChange, Organisation, Reconnect, Snooze
from orchardist.formats import registry
from orchardist.formats.base import FormatError, NetworkSnapshot
from orchardist.formats.json_backup import export, parse, sniff
from tests.strategies import people


def amira() -> Person:
    return Person(
        id=12,
        display_name="Amira Haddad",
        given_name="Amira",
        family_name="Haddad",
        emails=("amira@mail.example",),
        tier=Tier.INNER,
        every_days=30,
        birthday=PartialDate(month=3, day=29),
        dates=(NamedDate("connected", PartialDate(month=1, day=2, year=2020)),),
        met_through_id=7,
        sources={"emails": ("linkedin:Connections.csv", "manual")},
    )


def dan() -> Person:
    return Person(id=7, display_name="Dan Roy", organisation="Acme")


def coffee() -> Interaction:
    return Interaction(
        on=date(2025, 2, 3),
        direction=Direction.GAVE,
        channel=Channel.IN_PERSON,
        kind="coffee",
        summary="Shared a job lead",
        notes="At the library café",
        person_ids=(12, 7),
        id=99,
    )


def snapshot() -> NetworkSnapshot:
    return NetworkSnapshot(
        people=[amira(), dan()],
        interactions=[coffee()],
        organisations=[Organisation("Acme", aliases=("Acme Inc.",), domains=("acme.example",), id=3)],
        reconnect=[Reconnect(person_id=7, since=date(2025, 1, 2), id=1)],
        snoozes=[Snooze(person_id=12, until=date(2025, 3, 1), id=2)],
        dismissals=[Dismissal(person_id=12, reason="occasion", due=date(2025, 3, 29), id=4)],
        job_changes=[
            JobChange(7, date(2025, 1, 9), "Initech", "Dev", "Acme", "Lead", "linkedin:c.csv", id=5)
        ],
        people_added={12: datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-5)))},
        interactions_logged={99: datetime(2025, 2, 3, 18, 0, tzinfo=UTC)},
    )


def document() -> dict[str, object]:
    loaded = json.loads(export(snapshot()))
    assert isinstance(loaded, dict)
    return loaded


def refusal(changed: dict[str, object]) -> str:
    with pytest.raises(FormatError) as caught:
        parse(json.dumps(changed).encode(), "json:backup.json")
    return str(caught.value)


# Writing ---------------------------------------------------------------------------------------


def test_layout_of_a_backup() -> None:
    written = document()
    assert list(written) == [
        "format",
        "version",
        "people",
        "interactions",
        "organisations",
        "offers",
        "templates",
        "reconnect",
        "snoozes",
        "dismissals",
        "job_changes",
        "reconnections",
        "presence",
        "leads",
        "groups",
        "events",
        "introductions",
        "settings",
    ]
    assert (written["format"], written["version"]) == ("orchardist-backup", 6)
    first = written["people"][0]  # type: ignore[index]
    assert list(first)[:5] == ["key", "id", "uid", "created_at", "display_name"]
    assert (first["key"], first["id"], first["created_at"]) == ("p12", 12, "2024-01-02T08:04:05+00:00")
    assert written["people"][1]["created_at"] is None  # type: ignore[index]
    assert first["met_through"] == "p7"
    assert first["birthday"] == "--03-29"
    assert first["dates"] == [{"label": "connected", "date": "2020-01-02"}]
    assert first["tier"] == "inner"
    assert first["every_days"] == 30
    assert first["sources"] == {"emails": ["linkedin:Connections.csv", "manual"]}
    assert written["interactions"] == [
        {
            "id": 99,
            "created_at": "2025-02-03T18:00:00+00:00",
            "date": "2025-02-03",
            "direction": "gave",
            "channel": "in_person",
            "kind": "coffee",
            "summary": "Shared a job lead",
            "notes": "At the library café",
            "people": ["p12", "p7"],
        }
    ]
    assert written["organisations"] == [
        {"id": 3, "name": "Acme", "aliases": ["Acme Inc."], "domains": ["acme.example"]}
    ]
    assert written["reconnect"] == [{"id": 1, "person": "p7", "since": "2025-01-02"}]
    assert written["snoozes"] == [{"id": 2, "person": "p12", "until": "2025-03-01"}]
    assert written["dismissals"] == [{"id": 4, "person": "p12", "reason": "occasion", "due": "2025-03-29"}]
    assert written["job_changes"] == [
        {
            "id": 5,
            "person": "p7",
            "seen_on": "2025-01-09",
            "old_organisation": "Initech",
            "old_title": "Dev",
            "new_organisation": "Acme",
            "new_title": "Lead",
            "source": "linkedin:c.csv",
        }
    ]


def test_the_same_network_gives_the_same_bytes() -> None:
    assert export(snapshot()) == export(snapshot())
    assert b"exported_at" not in export(snapshot())
    assert "café".encode() in export(snapshot())


def test_only_stored_and_complete_networks_are_written() -> None:
    with pytest.raises(ValueError, match="only stored people"):
        export(NetworkSnapshot(people=[Person(display_name="New")]))
    with pytest.raises(ValueError, match="met through person 7"):
        export(NetworkSnapshot(people=[amira()]))
    with pytest.raises(ValueError, match="with person 12"):
        export(NetworkSnapshot(people=[dan()], interactions=[coffee()]))
    with pytest.raises(ValueError, match="Snooze is of person 12"):
        export(NetworkSnapshot(people=[dan()], snoozes=snapshot().snoozes))


def test_records_are_read_back_with_their_ids_and_people() -> None:
    result = parse(export(snapshot()), "json:backup.json")
    assert [parsed.created_at for parsed in result.people] == [
        datetime(2024, 1, 2, 8, 4, 5, tzinfo=UTC),
        None,
    ]
    assert result.interactions[0].created_at == datetime(2025, 2, 3, 18, 0, tzinfo=UTC)
    assert result.organisations == snapshot().organisations
    assert [(item.record, item.person_key) for item in result.reconnect] == [
        (replace(snapshot().reconnect[0], person_id=0), "p7")
    ]
    assert [(item.record, item.person_key) for item in result.snoozes] == [
        (replace(snapshot().snoozes[0], person_id=0), "p12")
    ]
    assert [item.record for item in result.dismissals] == [replace(snapshot().dismissals[0], person_id=0)]
    assert [item.record for item in result.job_changes] == [replace(snapshot().job_changes[0], person_id=0)]


def test_a_version_2_backup_still_reads_without_ids_or_records() -> None:
    data = {
        "format": "orchardist-backup",
        "version": 2,
        "people": [{"key": "a", "display_name": "Ana", "every_days": 30}],
        "interactions": [{"date": "2025-01-02", "direction": "gave", "kind": "call", "people": ["a"]}],
        "offers": [{"kind": "skill", "text": "CVs", "created_at": "2026-12-03T10:00:00+00:00"}],
        "settings": {"inner_days": 21},
    }
    result = parse(json.dumps(data).encode(), "json:old.json")
    [person] = result.people
    assert (person.person.id, person.created_at, person.person.every_days) == (None, None, 30)
    assert (result.interactions[0].interaction.id, result.interactions[0].created_at) == (None, None)
    assert [offer.id for offer in result.offers] == [0]
    assert (result.organisations, result.reconnect, result.snoozes) == ([], [], [])


def test_registered_for_import_and_export() -> None:
    data = registry.export("json", snapshot())
    assert registry.detect(data) == "json"
    assert registry.parse(data, "json:b.json").format == "json"


# Reading ---------------------------------------------------------------------------------------


def test_parse_links_people_and_interactions_by_key() -> None:
    result = parse(export(snapshot()), "json:backup.json")
    assert result.format == "json"
    assert [(p.key, p.met_through_key, p.line) for p in result.people] == [
        ("p12", "p7", None),
        ("p7", None, None),
    ]
    restored = result.people[0].person
    assert restored.id == 12 and restored.met_through_id is None
    assert restored == replace(amira(), met_through_id=None)
    assert result.people[0].person.sources == {"emails": ("linkedin:Connections.csv", "manual")}
    [parsed] = result.interactions
    assert parsed.person_keys == ("p12", "p7")
    assert parsed.interaction == replace(coffee(), person_ids=())


def test_people_without_sources_get_the_import_source() -> None:
    data = {
        "format": "orchardist-backup",
        "version": 1,
        "people": [{"key": "a", "display_name": "Ana", "title": "X"}],
    }
    [parsed] = parse(json.dumps(data).encode(), "json:old.json").people
    assert parsed.person.sources == {"display_name": ("json:old.json",), "title": ("json:old.json",)}
    assert parse(json.dumps(data).encode(), "json:old.json").interactions == []


@pytest.mark.parametrize(
    "data",
    [
        b'{"format": "orchardist-backup", "version": 1, "people": []}',
        b'\xef\xbb\xbf  \n{\n  "format" : "orchardist-backup"}',
    ],
)
def test_sniff_recognises_a_backup(data: bytes) -> None:
    assert sniff(data)


@pytest.mark.parametrize(
    "data",
    [
        b'[{"format": "orchardist-backup"}]',
        b'{"format": "something-else", "note": "orchardist-backup"}',
        b"First Name,Last Name\r\nAmira,Haddad\r\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:orchardist-backup\r\nEND:VCARD\r\n",
        b"",
        b"{" + b" " * 10_000_000,
    ],
)
def test_sniff_refuses_other_content(data: bytes) -> None:
    assert not sniff(data)


def test_an_impossible_birthday_names_its_path() -> None:
    changed = document()
    changed["people"][1]["birthday"] = "1985-13-40"  # type: ignore[index]
    assert refusal(changed) == 'people[1].birthday: not a date: "1985-13-40"'


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("people", 0, "every_days"),
            "30",
            'people[0].every_days: expected a whole number of days, found "30"',
        ),
        (
            ("people", 0, "every_days"),
            True,
            "people[0].every_days: expected a whole number of days, found true",
        ),
        (("people", 0, "every_days"), 0, "people[0].every_days: must be a number of days from 1 to 3650"),
        (("people", 0, "every_days"), 3651, "people[0].every_days: must be a number of days from 1 to 3650"),
        (("people", 0, "emails"), "a@b.example", 'people[0].emails: expected a list, found "a@b.example"'),
        (("people", 0, "emails"), [3], "people[0].emails[0]: expected text, found 3"),
        (("people", 0, "tier"), "close", 'people[0].tier: unknown value "close"'),
        (("people", 0, "met_through"), "p99", 'people[0].met_through: no person with key "p99"'),
        (("people", 0, "nickname"), "Ami", 'people[0]: unknown field "nickname"'),
        (
            ("people", 0, "dates"),
            [{"label": "x", "date": "2020-02-30"}],
            "people[0].dates[0].date: not a date",
        ),
        (
            ("people", 0, "sources"),
            {"emails": "manual"},
            'people[0].sources.emails: expected a list, found "manual"',
        ),
        (("people", 0, "sources"), {"mood": []}, 'people[0].sources: unknown field "mood"'),
        (("people", 1, "key"), "p12", 'people[1].key: "p12" is used by an earlier person'),
        (("interactions", 0, "date"), "2025-02-30", 'interactions[0].date: not a date: "2025-02-30"'),
        (("interactions", 0, "date"), "20250203", 'interactions[0].date: not a date: "20250203"'),
        (("interactions", 0, "direction"), "took", 'interactions[0].direction: unknown value "took"'),
        (("interactions", 0, "channel"), 5, "interactions[0].channel: expected text, found 5"),
        (
            ("interactions", 0, "people"),
            ["p12", "p404"],
            'interactions[0].people[1]: no person with key "p404"',
        ),
        (("interactions", 0, "people"), ["p12", "p12"], 'interactions[0].people[1]: "p12" is listed twice'),
        (("people", 0, "id"), "12", 'people[0].id: expected an id (a whole number), found "12"'),
        (("people", 0, "created_at"), "2024-01-02T03:04:05", "people[0].created_at: a time zone is needed"),
        (
            ("interactions", 0, "created_at"),
            "soon",
            'interactions[0].created_at: not a date and time: "soon"',
        ),
        (("organisations", 0, "name"), None, "organisations[0].name: expected text, found null"),
        (("organisations", 0, "aliases"), "Acme", 'organisations[0].aliases: expected a list, found "Acme"'),
        (("reconnect", 0, "person"), "p404", 'reconnect[0].person: no person with key "p404"'),
        (("reconnect", 0, "since"), "2025-02-30", 'reconnect[0].since: not a date: "2025-02-30"'),
        (("snoozes", 0, "person"), 12, "snoozes[0].person: expected a key, found 12"),
        (("dismissals", 0, "reason"), 3, "dismissals[0].reason: expected text, found 3"),
        (("job_changes", 0, "id"), 1.5, "job_changes[0].id: expected an id (a whole number), found 1.5"),
        (("job_changes", 0, "mood"), "x", 'job_changes[0]: unknown field "mood"'),
        (
            ("interactions", 0, "people"),
            [],
            "interactions[0].people: an interaction needs at least one person",
        ),
    ],
)
def test_wrong_values_are_refused_by_path(path: tuple[object, ...], value: object, message: str) -> None:
    changed = document()
    target: object = changed
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    assert refusal(changed).startswith(message)


@pytest.mark.parametrize("field", ["key", "display_name"])
def test_required_person_fields(field: str) -> None:
    changed = document()
    del changed["people"][0][field]  # type: ignore[index]
    assert refusal(changed) == f'people[0]: missing field "{field}"'


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ("organisations", "name"),
        ("reconnect", "person"),
        ("reconnect", "since"),
        ("snoozes", "until"),
        ("dismissals", "reason"),
        ("dismissals", "due"),
        ("job_changes", "seen_on"),
    ],
)
def test_required_record_fields(table: str, field: str) -> None:
    changed = document()
    del changed[table][0][field]  # type: ignore[index]
    assert refusal(changed) == f'{table}[0]: missing field "{field}"'


@pytest.mark.parametrize(
    ("top", "message"),
    [
        ({"version": 7}, "version: this Orchardist reads backup versions 1 to 6, not 7"),
        ({"version": "1"}, 'version: this Orchardist reads backup versions 1 to 6, not "1"'),
        ({"version": 1.0}, "version: this Orchardist reads backup versions 1 to 6, not 1.0"),
        ({"offers": {}}, "offers: expected a list, found {}"),
        (
            {"offers": [{"kind": "bribe", "text": "x", "created_at": "2026-12-03T10:00:00+00:00"}]},
            'offers[0].kind: unknown value "bribe"',
        ),
        (
            {"offers": [{"kind": "skill", "text": " ", "created_at": "2026-12-03T10:00:00+00:00"}]},
            "offers[0].text: an offer is 1 to 500",
        ),
        (
            {"offers": [{"kind": "skill", "text": "x", "created_at": "yesterday"}]},
            'offers[0].created_at: not a date and time: "yesterday"',
        ),
        ({"offers": [{"kind": "skill", "text": "x"}]}, 'offers[0]: missing field "created_at"'),
        ({"settings": []}, "settings: expected an object, found []"),
        ({"format": "other"}, 'format: expected "orchardist-backup", found "other"'),
        ({"people": {}}, "people: expected a list, found {}"),
        ({"interactions": None}, "interactions: expected a list, found null"),
        ({"exported_at": "2025"}, 'backup: unknown field "exported_at"'),
    ],
)
def test_top_level_is_checked(top: dict[str, object], message: str) -> None:
    assert refusal({**document(), **top}).startswith(message)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "line 1: not valid JSON"),
        (b'{"a": 1, "a": 2}', 'the field "a" appears twice'),
        (b'{"format": "orchardist-backup", "version": 1, "people": [], "x": NaN}', "NaN is not allowed"),
        (b"\xff\xfe{}", "byte 0 is not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"[]", "backup: expected an object, found []"),
    ],
)
def test_broken_files_are_refused_clearly(data: bytes, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse(data, "json:x.json")
    assert message in str(caught.value)


# Round trip ------------------------------------------------------------------------------------

interactions = st.builds(
    lambda on, direction, channel, kind, summary, notes, picks: (
        Interaction(on=on, direction=direction, channel=channel, kind=kind, summary=summary, notes=notes,
                    person_ids=()),
        picks,
    ),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(list(Direction)),
    st.sampled_from(list(Channel)),
    st.text(max_size=12),
    st.text(max_size=40),
    st.text(max_size=40),
    st.lists(st.integers(0, 1000), min_size=1, max_size=3, unique=True),
)  # fmt: skip


# No deadline: a busy two-core machine can take longer than 200 ms over one example.
@settings(deadline=None)
@given(
    st.lists(people, max_size=6),
    st.lists(interactions, max_size=5),
    st.lists(st.integers(0, 1000), max_size=6),
    st.booleans(),
)
def test_round_trip(
    generated: list[Person],
    planned: list[tuple[Interaction, list[int]]],
    introducers: list[int],
    record_sources: bool,
) -> None:
    network = []
    for index, someone in enumerate(generated):
        someone = replace(someone, id=100 + index * 3)
        if record_sources:
            someone = with_sources(someone, "linkedin:Connections.csv")
        if index < len(introducers) and generated:
            someone = replace(someone, met_through_id=100 + (introducers[index] % len(generated)) * 3)
        network.append(someone)
    ids = [someone.id for someone in network if someone.id is not None]
    chats = []
    if ids:
        for interaction, picks in planned:
            chosen = tuple(dict.fromkeys(ids[pick % len(ids)] for pick in picks))
            chats.append(replace(interaction, person_ids=chosen))
    snapshot = NetworkSnapshot(people=network, interactions=chats)

    data = export(snapshot)
    assert export(snapshot) == data
    result = parse(data, "json:backup.json")

    id_of = {parsed.key: original.id or 0 for parsed, original in zip(result.people, network, strict=True)}
    assert len(result.people) == len(network)
    for parsed, original in zip(result.people, network, strict=True):
        met_through = None if parsed.met_through_key is None else id_of[parsed.met_through_key]
        assert replace(parsed.person, id=original.id, met_through_id=met_through) == original
    assert len(result.interactions) == len(chats)
    for parsed_chat, original_chat in zip(result.interactions, chats, strict=True):
        person_ids = tuple(id_of[key] for key in parsed_chat.person_keys)
        assert replace(parsed_chat.interaction, person_ids=person_ids) == original_chat


def test_introductions_are_written_and_read_back_by_their_peoples_keys() -> None:
    from orchardist.domain.introductions import Introduction, IntroState, Moved

    brokered = Introduction(
        id=3,
        a_id=7,
        a_name="",
        b_id=12,
        b_name="",
        state=IntroState.INTRODUCED,
        why="both are interested in chess",
        outcome="",
        history=(Moved(IntroState.STARTED, date(2025, 1, 2)), Moved(IntroState.INTRODUCED, date(2025, 1, 9))),
        created_at=datetime(2025, 1, 2, 9, 0, tzinfo=UTC),
    )
    written = json.loads(export(replace(snapshot(), introductions=[brokered])))
    [entry] = written["introductions"]
    assert entry["a"] == "p7" and entry["b"] == "p12" and entry["state"] == "introduced"
    [parsed] = parse(json.dumps(written).encode(), "backup.json").introductions
    assert (parsed.a_key, parsed.b_key) == ("p7", "p12")
    assert parsed.introduction.history == brokered.history and parsed.introduction.why == brokered.why
    entry["b"] = "p7"
    with pytest.raises(FormatError, match="two different people"):
        parse(json.dumps(written).encode(), "backup.json")
    older = {key: value for key, value in written.items() if key != "introductions"}
    older["version"] = 5
    assert parse(json.dumps(older).encode(), "backup.json").introductions == []
