"""The counsellor's JSON on the agency server: the caseload and a client's file, as the pages show them
(only what each client shares now)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from orchardist.domain.accounts import Account
from orchardist.services import caseload
from orchardist.services.server import Server
from orchardist.web.app import server_of
from orchardist.web.server_gate import signed_in_account

router = APIRouter(prefix="/api/v1", tags=["counsellors"])
ServerOf = Annotated[Server, Depends(server_of)]


Me = Annotated[Account, Depends(signed_in_account)]


@router.get("/caseload")
def get_caseload(server: ServerOf, me: Me) -> dict[str, Any]:
    """Every client of the signed-in counsellor; a group the client does not share is null."""
    seen = caseload.caseload(server, me)
    return {"date": seen.on.isoformat(), "clients": [row.to_dict() for row in seen.rows]}


@router.get("/clients/{client_id}")
def get_client(server: ServerOf, me: Me, client_id: int) -> dict[str, Any]:
    """A client's file: what they share now; a group not shared is null."""
    seen = caseload.client_file(server, me, client_id, date.today())
    return {
        "client_id": seen.client_id,
        "name": seen.name,
        "shared": sorted(seen.shared),
        "progress": seen.progress.to_dict() if seen.progress else None,
        "contacts": [
            {
                "date": contact.on.isoformat(),
                "kind": contact.kind,
                "direction": contact.direction,
                "channel": contact.channel,
                "people": list(contact.names) if "people" in seen.shared else None,
                "summary": contact.summary if "notes" in seen.shared else None,
            }
            for contact in seen.contacts
        ]
        if seen.contacts is not None
        else None,
        "people": [
            {
                "name": person.name,
                "organisation": person.organisation,
                "tier": person.tier,
                "notes": person.notes if "notes" in seen.shared else None,
            }
            for person in seen.people
        ]
        if seen.people is not None
        else None,
        "notes": [{"date": note.on.isoformat(), "text": note.text} for note in seen.notes],
        "leads": [
            {
                "organisation": lead.organisation,
                "role": lead.role,
                "status": lead.status,
                "next_step": lead.next_step,
                "next_step_on": lead.next_step_on.isoformat() if lead.next_step_on else None,
                "source": lead.source if "people" in seen.shared else None,
                "notes": lead.notes if "notes" in seen.shared else None,
            }
            for lead in seen.leads
        ]
        if seen.leads is not None
        else None,
        "presence": {
            "profiles": [
                {"platform": platform, "headline": headline, "title": title, "employer": employer}
                for platform, headline, title, employer in seen.presence.profiles
            ],
            "findings": [message.code for message in seen.presence.findings],
            "pitch": seen.presence.pitch,
        }
        if seen.presence is not None
        else None,
    }
