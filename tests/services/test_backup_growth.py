"""Backup version 6 carries the leads, groups, events and whom the user met at each: a restore gives back
the same backup, importing it twice adds them once, and a version 5 backup still restores."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from orchardist.domain.groups import Event, Group, GroupKind
from orchardist.domain.leads import Lead, LeadStatus
from orchardist.domain.people import Person
from orchardist.formats.json_backup import VERSION
from orchardist.services.exporting import export_network, restore
from orchardist.services.groups import add_event, add_group, list_events
from orchardist.services.importing import import_file
from orchardist.services.leads import add_lead, link_lead, list_leads
from orchardist.services.network import Network
from orchardist.services.people import add_person, person_overview


def _fill(network: Network) -> tuple[int, int]:
    mei = add_person(network, Person(display_name="Mei Lin")).id or 0
    ana = add_person(network, Person(display_name="Ana Silva", met_through_id=mei)).id or 0
    first = add_lead(
        network,
        Lead(
            organisation="Northwind",
            role="Analyst",
            heard_where="Bus 55",
            heard_on=date(2026, 11, 30),
            source_person_id=ana,
            status=LeadStatus.INTERVIEW,
            notes="Ask about the team",
            next_step="Send thanks",
            next_step_on=date(2026, 12, 9),
        ),
    ).lead
    second = add_lead(network, Lead(organisation="Northwind", role="QA")).lead
    link_lead(network, second.id or 0, via_lead_id=first.id)
    chamber = add_group(
        network, Group(name="Laval Chamber", kind=GroupKind.CHAMBER, joined_on=date(2025, 1, 1))
    )
    add_event(network, Event(name="Breakfast", on=date(2026, 12, 1), group_id=chamber.id, met=(ana, mei)))
    add_event(network, Event(name="Meetup", on=date(2026, 12, 3), place="Montréal"))
    return mei, ana


def test_a_restored_backup_gives_back_leads_groups_events_and_met_at(
    new_network: Callable[[], Network], tmp_path: Path
) -> None:
    source = new_network()
    _mei, ana = _fill(source)
    backup = export_network(source, "json")
    written = json.loads(backup)
    assert written["version"] == VERSION == 6
    assert [lead["source"] for lead in written["leads"]] == [f"p{ana}", None]
    assert written["events"][0]["met"] == [f"p{_mei}", f"p{ana}"]
    path = tmp_path / "backup.json"
    path.write_bytes(backup)

    target = new_network()
    assert restore(target, path) == "json"
    assert export_network(target, "json") == backup
    assert [met.name for met in person_overview(target, ana).met_at] == ["Breakfast"]
    assert [view.lead.role for view in list_leads(target).leads] == ["QA", "Analyst"]


def test_importing_a_backup_twice_adds_its_leads_groups_and_events_once(
    new_network: Callable[[], Network], tmp_path: Path
) -> None:
    source = new_network()
    _fill(source)
    path = tmp_path / "backup.json"
    path.write_bytes(export_network(source, "json"))
    target = new_network()
    import_file(target, path)
    import_file(target, path)
    assert len(list_leads(target).leads) == 2
    assert len(list_events(target)) == 2
    assert [len(view.met) for view in list_events(target)] == [0, 2]


def test_a_version_5_backup_still_restores(new_network: Callable[[], Network], tmp_path: Path) -> None:
    source = new_network()
    add_person(source, Person(display_name="Mei Lin"))
    written = json.loads(export_network(source, "json"))
    written["version"] = 5
    for name in ("leads", "groups", "events"):
        del written[name]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(written), encoding="utf-8")
    target = new_network()
    assert restore(target, path) == "json"
    assert list_leads(target).leads == [] and list_events(target) == []
