"""Schemathesis hooks for scripts/api_conformance.sh (loaded from .venv-schemathesis, never by the app).

A request can fit the OpenAPI document and still be refused (400) for a reason JSON Schema cannot state,
because it depends on today's date, on what is stored, or on a rule between the address and the body.
Only those refusals, each named here by the code the API answers with, are not counted as
"schema-valid request rejected"; any other 400 to a schema-valid request still fails the run.
"""

from __future__ import annotations

from typing import Any

import schemathesis

# Operation -> the refusal codes that depend on more than the request.
STATEFUL_REFUSALS: dict[str, frozenset[str]] = {
    # The person named in the address and in the body are the same one.
    # A field may be taken from the other record only where both hold a different value.
    "POST /api/v1/people/{person_id}/merge": frozenset({"person.merge_with_self", "merge.not_choosable"}),
    "PATCH /api/v1/people/{person_id}": frozenset({"person.self_introduced"}),
    # Depend on today's date.
    "POST /api/v1/snoozes": frozenset({"snooze.in_the_past"}),
    "POST /api/v1/snoozes/many": frozenset({"snooze.in_the_past"}),
    "POST /api/v1/interactions": frozenset({"interaction.after_today"}),
    # The digest needs its addresses and server, given now or before. A work domain is tidied before it
    # is checked ("@Contoso.com" is contoso.com), which no pattern says.
    "PATCH /api/v1/settings": frozenset({"setting.set_first", "setting.not_a_domain"}),
    "PUT /api/v1/me": frozenset({"setting.not_a_domain"}),
    # One profile a platform; the card needs About me's name; a practice cannot be on a day to come.
    "POST /api/v1/presence/profiles": frozenset({"presence.exists"}),
    "GET /api/v1/card/{fmt}": frozenset({"card.needs_name"}),
    "POST /api/v1/pitch/practice": frozenset({"pitch.practice_in_future"}),
    # A lead needs an organisation or a role (either may be blank, not both); a link needs a person or a
    # lead, and not the lead in the address.
    "POST /api/v1/leads": frozenset({"lead.needs_what"}),
    "POST /api/v1/leads/{lead_id}/link": frozenset({"lead.via_itself", "lead.link_what"}),
    # An organisation's name of punctuation alone ("...") names none, once folded as names are matched.
    "GET /api/v1/who-knows": frozenset({"who_knows.needs_organisation"}),
    # A version is one of the vCard's; the address says which format, and only vCard has versions.
    "GET /api/v1/exports/{format}": frozenset({"file.no_export_version"}),
    # A template that introduces two people needs the other one (which templates do is what is stored).
    "POST /api/v1/coach/draft": frozenset({"introduction.whom", "introduction.same"}),
    # Two fields of the body name one person, or the two are being introduced already (what is stored).
    "POST /api/v1/introductions": frozenset({"introduction.same", "introduction.open"}),
    "POST /api/v1/introductions/received": frozenset({"person.self_introduced"}),
    # Whether a step may be taken depends on the step the introduction is at.
    "POST /api/v1/introductions/{introduction_id}/move": frozenset({"introduction.move"}),
    # Whether an article holds a word worth matching (not only common words) is the ranker's call.
    "POST /api/v1/share/suggestions": frozenset({"article.empty"}),
    "POST /api/v1/share/note": frozenset({"article.empty"}),
}
# A file's content is only bytes to JSON Schema: whether it is a contacts file is the importer's call.
FILE_REFUSED = "POST /api/v1/imports"
# JSON Schema's "email" format allows the special-use domains (RFC 6761) that the address check refuses,
# as docs/api.md says; only those refusals are let through.
SPECIAL_USE_DOMAINS = ("arpa", "invalid", "local", "localhost", "onion", "test")
NOT_AN_EMAIL = "person.not_an_email"


def _said(response: Any) -> dict[str, Any]:
    try:
        body = response.json()
    except Exception:  # not JSON: not one of the refusals named above
        return {}
    if isinstance(body, dict) and isinstance(body.get("detail"), dict):
        body = body["detail"]
    return body if isinstance(body, dict) else {}


def _code(response: Any) -> str | None:
    code = _said(response).get("code")
    return code if isinstance(code, str) else None


def _special_use_address(response: Any) -> bool:
    address = str(_said(response).get("params", {}).get("email", "")).strip("'\"").casefold()
    domain = address.rpartition("@")[2]
    return any(domain == name or domain.endswith("." + name) for name in SPECIAL_USE_DOMAINS)


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but a schema-valid request refused for one of the reasons above."""
    if getattr(failure, "code", None) != "ST202" or response.status_code != 400:
        return True
    operation = f"{case.operation.method.upper()} {case.operation.path}"
    if operation == FILE_REFUSED:
        return _code(response) is None
    if _code(response) == NOT_AN_EMAIL:
        return not _special_use_address(response)
    return _code(response) not in STATEFUL_REFUSALS.get(operation, frozenset())
