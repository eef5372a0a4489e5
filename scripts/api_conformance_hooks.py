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
    # A version is one of the vCard's; the address says which format, and only vCard has versions.
    "GET /api/v1/exports/{format}": frozenset({"file.no_export_version"}),
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
