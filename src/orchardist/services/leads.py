"""Job leads with their story: add, list, show, move along, link to whom they came from, pass on.

A lead's story (``orchardist.domain.leads.provenance``) is read with it: who told the user, who introduced
them to that person, and on back. Passing a lead on to someone logs a give in the ledger, in the same
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from orchardist.domain import leads as rules
from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.leads import Lead, LeadStatus, Step
from orchardist.domain.limits import text_problem
from orchardist.domain.wording import NO_SUCH_LEAD, NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.unit import Unit

STATUSES = tuple(status.value for status in LeadStatus)
PASSED_ON_KIND = "referral"
_LIMITS = {
    "organisation": rules.MAX_ORGANISATION,
    "role": rules.MAX_ROLE,
    "heard_where": rules.MAX_WHERE,
    "next_step": rules.MAX_NEXT_STEP,
    "notes": rules.MAX_NOTES,
}


class LeadError(InputRefused):
    """A lead cannot be stored as given: says which field and why."""


@dataclass(frozen=True, slots=True)
class LeadView:
    """A lead as every list and page shows it: the lead, the name of whom it came from, and its story."""

    lead: Lead
    source_name: str = ""
    story: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class LeadsOverview:
    """The Leads page: the next steps due, then every lead (open ones first)."""

    due: list[LeadView]
    leads: list[LeadView]


def status_of(value: str | LeadStatus) -> LeadStatus:
    """The status named (its code, any case, spaces or dashes for underscores); LeadError otherwise."""
    try:
        return LeadStatus(str(value).strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise LeadError(refusals.ONE_OF(choices=", ".join(STATUSES)), field="status") from None


def _cleaned(lead: Lead) -> Lead:
    values: dict[str, Any] = {}
    for name, limit in _LIMITS.items():
        value = getattr(lead, name)
        value = value.strip() if name == "notes" else " ".join(value.split())
        problem = text_problem(value, limit)
        if problem is not None:
            raise LeadError(problem, field=name)
        values[name] = value
    if not values["organisation"] and not values["role"]:
        raise LeadError(refusals.LEAD_NEEDS_WHAT(), field="organisation")
    return replace(lead, **values)


def _check_links(unit: Unit, lead: Lead) -> None:
    if lead.source_person_id is not None and not unit.people.exists(lead.source_person_id):
        raise NotFound(NO_SUCH_PERSON(id=lead.source_person_id))
    if lead.via_lead_id is not None:
        if lead.id is not None and lead.via_lead_id == lead.id:
            raise LeadError(refusals.LEAD_VIA_ITSELF(), field="via_lead_id")
        if unit.leads.get(lead.via_lead_id) is None:
            raise NotFound(NO_SUCH_LEAD(id=lead.via_lead_id))


def add_lead(network: Network, lead: Lead) -> LeadView:
    """Store a new lead; it needs an organisation or a role. NotFound names a person or lead not here."""
    checked = _cleaned(replace(lead, id=None))
    with network.writing() as unit:
        _check_links(unit, checked)
        return view_in(unit, unit.leads.add(checked))


def add_lead_in(unit: Unit, lead: Lead) -> Lead:
    """``add_lead`` within a transaction (quick capture stores a person and their lead together)."""
    checked = _cleaned(replace(lead, id=None))
    _check_links(unit, checked)
    return unit.leads.add(checked)


def view_in(unit: Unit, lead: Lead) -> LeadView:
    """A lead with its story, read within a transaction."""
    people: dict[int, rules.Known] = {}
    others: dict[int, Lead] = {}
    current: Lead | None = lead
    # Read what the chain names, a link at a time (stories are a few steps long).
    for _ in range(rules.MAX_CHAIN):
        if current is None:
            break
        person_id = current.source_person_id
        for _step in range(rules.MAX_CHAIN):
            if person_id is None or person_id in people:
                break
            found = unit.leads.known([person_id])
            if person_id not in found:
                break
            people[person_id] = found[person_id]
            person_id = found[person_id].met_through_id
        via = current.via_lead_id
        current = None
        if via is not None and via not in others and via != lead.id:
            current = unit.leads.get(via)
            if current is not None:
                others[via] = current
    story = rules.provenance(lead, people, others)
    source = people.get(lead.source_person_id) if lead.source_person_id is not None else None
    return LeadView(lead=lead, source_name=source.name if source else "", story=story)


def _require(unit: Unit, lead_id: int) -> Lead:
    lead = unit.leads.get(lead_id)
    if lead is None:
        raise NotFound(NO_SUCH_LEAD(id=lead_id))
    return lead


def show_lead(network: Network, lead_id: int) -> LeadView:
    """A lead and its story; NotFound when this network has none with that id."""
    with network.reading() as unit:
        return view_in(unit, _require(unit, lead_id))


def list_leads(network: Network, *, status: str | None = None, on: date | None = None) -> LeadsOverview:
    """Every lead (or those of one status), open ones first and newest first, and the next steps due."""
    wanted = status_of(status) if status else None
    on = on or date.today()
    with network.reading() as unit:
        found = unit.leads.all()
        names = unit.leads.known(lead.source_person_id for lead in found if lead.source_person_id)
        views = [
            LeadView(lead, names[lead.source_person_id].name if lead.source_person_id in names else "")
            for lead in found
            if wanted is None or lead.status is wanted
        ]
    views.sort(key=lambda view: not view.lead.open)
    due = sorted(
        (view for view in views if rules.next_step_due(view.lead, on)),
        key=lambda view: (view.lead.next_step_on or on, view.lead.id or 0),
    )
    return LeadsOverview(due=due, leads=views)


def move_lead(
    network: Network,
    lead_id: int,
    status: str | LeadStatus,
    *,
    next_step: str | None = None,
    next_step_on: date | None = None,
    clear_next_step: bool = False,
) -> LeadView:
    """Move a lead to another status, and set (or clear) its next step; NotFound when it is not here."""
    moved_to = status_of(status)
    with network.writing() as unit:
        lead = replace(_require(unit, lead_id), status=moved_to)
        if clear_next_step:
            lead = replace(lead, next_step="", next_step_on=None)
        if next_step is not None:
            lead = replace(lead, next_step=next_step)
        if next_step_on is not None:
            lead = replace(lead, next_step_on=next_step_on)
        stored = unit.leads.update(_cleaned(lead))
        assert stored is not None
        return view_in(unit, stored)


def link_lead(
    network: Network, lead_id: int, *, person_id: int | None = None, via_lead_id: int | None = None
) -> LeadView:
    """Say whom a lead came from (``person_id``), or the lead it came by way of (``via_lead_id``; the
    story then goes on with that lead's source)."""
    if person_id is None and via_lead_id is None:
        raise LeadError(refusals.LINK_WHAT(), field="person_id")
    with network.writing() as unit:
        lead = _require(unit, lead_id)
        if person_id is not None:
            lead = replace(lead, source_person_id=person_id)
        if via_lead_id is not None:
            lead = replace(lead, via_lead_id=via_lead_id)
        _check_links(unit, lead)
        stored = unit.leads.update(lead)
        assert stored is not None
        return view_in(unit, stored)


def pass_on_lead(
    network: Network,
    lead_id: int,
    person_id: int | None,
    *,
    on: date | None = None,
    words: str = "Passed on a lead: %(lead)s",
) -> Interaction:
    """Log that the user passed a lead on to someone: a give in the ledger, in one step. ``words`` is the
    summary, in the user's language."""
    if person_id is None:
        raise LeadError(refusals.PASS_ON_WHOM(), field="person_id")
    with network.writing() as unit:
        lead = _require(unit, lead_id)
        if not unit.people.exists(person_id):
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        what = " — ".join(part for part in (lead.role, lead.organisation) if part)
        return unit.interactions.add(
            Interaction(
                on=on or date.today(),
                direction=Direction.GAVE,
                kind=PASSED_ON_KIND,
                channel=Channel.OTHER,
                summary=(words % {"lead": what})[:2_000],
                person_ids=(person_id,),
            )
        )


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def step_to_dict(step: Step) -> dict[str, Any]:
    return {"link": step.link.value, "name": step.name, "person_id": step.person_id, "lead_id": step.lead_id}


def lead_to_dict(view: LeadView) -> dict[str, Any]:
    """A lead as ``orchardist leads … --json`` and the API give it."""
    lead = view.lead
    return {
        "id": lead.id,
        "organisation": lead.organisation,
        "role": lead.role,
        "heard_where": lead.heard_where,
        "heard_on": _day(lead.heard_on),
        "source_person_id": lead.source_person_id,
        "source_name": view.source_name,
        "via_lead_id": lead.via_lead_id,
        "status": lead.status.value,
        "notes": lead.notes,
        "next_step": lead.next_step,
        "next_step_on": _day(lead.next_step_on),
        "story": [step_to_dict(step) for step in view.story],
    }
