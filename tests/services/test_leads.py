"""Job leads on SQLite and PostgreSQL: adding, moving, linking, their story, Today's next step, passing on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.leads import Lead, LeadStatus, Link
from orchardist.domain.people import Person
from orchardist.services.capture import Encounter, capture
from orchardist.services.duplicates import merge
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.leads import (
    add_lead,
    lead_to_dict,
    link_lead,
    list_leads,
    move_lead,
    pass_on_lead,
    show_lead,
)
from orchardist.services.network import Network
from orchardist.services.people import add_person, person_overview
from orchardist.services.tending import today

ON = date(2026, 12, 7)


def _add(network: Network, name: str, met_through_id: int | None = None) -> int:
    person = add_person(network, Person(display_name=name, met_through_id=met_through_id))
    assert person.id is not None
    return person.id


def test_a_lead_keeps_its_story_back_through_who_introduced_whom(network: Network) -> None:
    priya = _add(network, "Priya Patel")
    omar = _add(network, "Omar Haddad", met_through_id=priya)
    lena = _add(network, "Lena Roy", met_through_id=omar)
    lead = add_lead(
        network,
        Lead(organisation="Shopify", role="Data analyst", heard_where="bus stop", source_person_id=lena),
    ).lead
    assert lead.id is not None

    shown = show_lead(network, lead.id)

    assert [(step.link, step.name) for step in shown.story] == [
        (Link.TOLD, "Lena Roy"),
        (Link.INTRODUCED, "Omar Haddad"),
        (Link.INTRODUCED, "Priya Patel"),
    ]
    listed = lead_to_dict(shown)
    assert listed["source_name"] == "Lena Roy" and listed["status"] == "heard"
    assert [step["person_id"] for step in listed["story"]] == [lena, omar, priya]


def test_a_lead_heard_by_way_of_another_continues_with_that_ones_source(network: Network) -> None:
    sam = _add(network, "Sam Lee")
    first = add_lead(network, Lead(organisation="Ubisoft", source_person_id=sam)).lead
    second = add_lead(network, Lead(organisation="Ubisoft", role="QA")).lead
    assert first.id and second.id
    linked = link_lead(network, second.id, via_lead_id=first.id)
    assert [(step.link, step.name) for step in linked.story] == [
        (Link.VIA_LEAD, "Ubisoft"),
        (Link.TOLD, "Sam Lee"),
    ]
    with pytest.raises(InputRefused):
        link_lead(network, second.id, via_lead_id=second.id)
    with pytest.raises(InputRefused):
        link_lead(network, second.id)


def test_refusals_name_the_field(network: Network) -> None:
    with pytest.raises(InputRefused) as refused:
        add_lead(network, Lead(organisation="  ", role=""))
    assert refused.value.field == "organisation"
    with pytest.raises(NotFound):
        add_lead(network, Lead(organisation="IBM", source_person_id=999))
    lead = add_lead(network, Lead(organisation="IBM")).lead
    assert lead.id is not None
    with pytest.raises(InputRefused) as refused:
        move_lead(network, lead.id, "hired")
    assert refused.value.field == "status"
    with pytest.raises(NotFound):
        show_lead(network, lead.id + 100)


def test_moving_a_lead_and_its_next_step_shows_on_today_under_whom_it_came_from(network: Network) -> None:
    mei = _add(network, "Mei Lin")
    lead = add_lead(network, Lead(organisation="Desjardins", role="Analyst", source_person_id=mei)).lead
    assert lead.id is not None
    moved = move_lead(network, lead.id, "asked for advice", next_step="Call Mei back", next_step_on=ON)
    assert moved.lead.status is LeadStatus.ASKED_FOR_ADVICE

    assert list_leads(network, on=ON).due[0].lead.id == lead.id
    entries = [entry for entry in today(network, ON) if entry.item.reason == "lead_next_step"]
    assert [entry.item.person_id for entry in entries] == [mei]
    assert entries[0].action == "Next step: Call Mei back"
    assert "Analyst — Desjardins" in entries[0].why
    assert not [
        entry for entry in today(network, ON - timedelta(days=1)) if entry.item.reason == "lead_next_step"
    ]

    move_lead(network, lead.id, "closed")
    assert not [entry for entry in today(network, ON) if entry.item.reason == "lead_next_step"]
    assert list_leads(network, status="closed").leads[0].lead.id == lead.id


def test_passing_a_lead_on_logs_a_give(network: Network) -> None:
    ana = _add(network, "Ana Silva")
    lead = add_lead(network, Lead(organisation="Mila", role="ML engineer")).lead
    assert lead.id is not None
    logged = pass_on_lead(network, lead.id, ana, on=ON)
    assert logged.direction.value == "gave" and "ML engineer — Mila" in logged.summary
    assert person_overview(network, ana).person.id == ana
    with network.reading() as unit:
        balance = unit.offers.balance_of(ana)
    assert balance is not None and balance.gave == 1


def test_a_chance_encounter_becomes_a_person_and_a_lead(network: Network) -> None:
    captured = capture(
        network,
        Encounter(
            who="Woman at the bus stop", where="Bus 55", lead="Hiring a data analyst", organisation="CN"
        ),
        on=ON,
    )
    assert captured.lead is not None
    assert captured.lead.source_person_id == captured.person.id
    assert (captured.lead.organisation, captured.lead.role, captured.lead.heard_where) == (
        "CN",
        "Hiring a data analyst",
        "Bus 55",
    )
    assert captured.person.id is not None
    assert [lead.id for lead in person_overview(network, captured.person.id).leads] == [captured.lead.id]
    assert capture(network, Encounter(who="Sam"), on=ON).lead is None


def test_merging_two_records_keeps_the_leads_they_told_of(network: Network) -> None:
    keep, other = _add(network, "Mei Lin"), _add(network, "Mei L.")
    lead = add_lead(network, Lead(organisation="IBM", source_person_id=other)).lead
    assert lead.id is not None
    merge(network, keep, other)
    assert show_lead(network, lead.id).lead.source_person_id == keep


def test_another_network_cannot_see_or_move_a_lead(network: Network, other_network: Network) -> None:
    lead = add_lead(network, Lead(organisation="IBM")).lead
    assert lead.id is not None
    with pytest.raises(NotFound):
        show_lead(other_network, lead.id)
    with pytest.raises(NotFound):
        move_lead(other_network, lead.id, "applied")
    assert list_leads(other_network).leads == []


def test_the_calendar_names_no_lead_nor_organisation(network: Network) -> None:
    import icalendar

    from orchardist.services.reminders import calendar

    mei = _add(network, "Mei Lin")
    add_lead(
        network,
        Lead(organisation="Contoso", role="Job interview prep", source_person_id=mei, next_step_on=ON),
    )
    events = icalendar.Calendar.from_ical(calendar(network, ON, days=1)).walk("VEVENT")
    said = " ".join(str(event["SUMMARY"]) + str(event["DESCRIPTION"]) for event in events)
    assert "Next step due: 1" in said
    assert "Contoso" not in said and "interview" not in said.casefold() and "Mei" not in said
