"""The Presence page: the consistency report on top, as a checklist for a profile review, then each
profile to read through, correct and mark reviewed, a new one, and LinkedIn's export to read."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.presence import PLATFORMS, Profile, platform_key
from orchardist.domain.presence_rules import Severity
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.presence import (
    MAX_IMPORT_BYTES,
    PresenceOverview,
    add_profile,
    edit_profile,
    import_linkedin_bytes,
    presence_overview,
    remove_profile,
)
from orchardist.web.app import network_of
from orchardist.web.i18n import _, format_day, gettext, said
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

FIELDS = (
    "display_name",
    "headline",
    "title",
    "employer",
    "location",
    "url",
    "position_start",
    "open_to_work",
    "visibility",
    "reviewed_on",
    "nickname",
)
DONE = ("added", "saved", "removed", "reviewed", "imported")


def field_labels() -> dict[str, str]:
    """Each field of a profile as the page names it."""
    return {
        "platform": _("Platform"),
        "display_name": _("Name shown"),
        "headline": _("Headline"),
        "title": _("Job title"),
        "employer": _("Employer"),
        "location": _("Location"),
        "url": _("Address of the profile"),
        "position_start": _("Current position since"),
        "open_to_work": _("Shows “open to work”"),
        "visibility": _("Who can see it"),
        "reviewed_on": _("Last reviewed"),
        "nickname": _("The name here is a nickname I use on purpose"),
    }


def visibility_labels() -> dict[str, str]:
    return {"public": _("Everyone"), "contacts": _("My contacts"), "private": _("Only me")}


def severity_labels() -> dict[str, str]:
    return {
        Severity.HIGH.value: _("Serious"),
        Severity.MEDIUM.value: _("Noticeable"),
        Severity.LOW.value: _("Minor"),
    }


def platform_names(profiles: list[Profile]) -> dict[str, str]:
    """Every known platform's name and each profile's, in the page's language, by key."""
    names = {code: spec.name().text(gettext) for code, spec in PLATFORMS.items()}
    names.update(
        {profile.platform: said(profile.name) for profile in profiles if profile.platform not in PLATFORMS}
    )
    return names


def _values(profile: Profile) -> dict[str, str]:
    return {
        "display_name": profile.display_name,
        "headline": profile.headline,
        "title": profile.title,
        "employer": profile.employer,
        "location": profile.location,
        "url": profile.url,
        "position_start": profile.position_start,
        "open_to_work": {None: "", True: "yes", False: "no"}[profile.open_to_work],
        "visibility": profile.visibility.value,
        "reviewed_on": profile.reviewed_on.isoformat() if profile.reviewed_on else "",
        "nickname": "yes" if profile.nickname else "",
    }


def _page(
    request: Request,
    overview: PresenceOverview,
    *,
    forms: dict[str, dict[str, str]] | None = None,
    error: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    names = platform_names(overview.profiles)
    taken = {profile.platform for profile in overview.profiles}
    context: dict[str, Any] = {
        "profiles": [
            {
                "platform": profile.platform,
                "name": names[profile.platform],
                "values": _values(profile),
                "reviewed": format_day(profile.reviewed_on) if profile.reviewed_on else "",
            }
            for profile in overview.profiles
        ],
        "forms": forms or {},
        "blank": {**dict.fromkeys((*FIELDS, "other_platform"), ""), "visibility": "public"},
        "error": error or {},
        "checklist": [
            {
                "code": line.rule.code,
                "label": line.rule.label().text(gettext),
                "severity": line.rule.severity.value,
                "findings": [
                    {
                        "severity": found.severity.value,
                        "platforms": [names.get(key, key) for key in found.platforms],
                        "message": found.message.text(gettext),
                    }
                    for found in line.findings
                ],
            }
            for line in overview.checklist
        ],
        "finding_count": len(overview.findings),
        "serious_count": sum(found.severity is Severity.HIGH for found in overview.findings),
        "discreet": overview.search_mode.value == "discreet",
        "free_platforms": {code: names[code] for code in PLATFORMS if code not in taken},
        "labels": field_labels(),
        "visibilities": visibility_labels(),
        "severities": severity_labels(),
        "done": request.query_params.get("done", "") if request.query_params.get("done") in DONE else "",
        "today": date.today().isoformat(),
        "max_mb": MAX_IMPORT_BYTES // 2**20,
    }
    return render(request, "presence/page.html", context, status_code=status_code)


@router.get("/presence")
def presence_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, presence_overview(network))


async def _form_values(request: Request) -> dict[str, str]:
    form = await request.form()
    values = {name: str(form.get(name, "")).strip() for name in FIELDS}
    values["nickname"] = "yes" if form.get("nickname") else "no"
    return values


def _refused(
    request: Request, network: Network, key: str, values: dict[str, str], refusal: InputRefused
) -> Response:
    label = field_labels().get(refusal.field or "", "")
    message = refusal.text(gettext)
    return _page(
        request,
        presence_overview(network),
        forms={key: values},
        error={
            "form": key,
            "field": refusal.field or "",
            "message": f"{label}: {message}" if label else message,
        },
        status_code=400,
    )


@router.post("/presence", dependencies=[Depends(require_csrf)])
async def add_from_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Add a profile; a refused field brings the page back with the reason above the form."""
    form = await request.form()
    platform = str(form.get("other_platform", "")).strip() or str(form.get("platform", "")).strip()
    values = await _form_values(request)
    try:
        add_profile(
            network,
            platform,
            {name: value for name, value in values.items() if name != "reviewed_on" or value},
        )
    except InputRefused as refusal:
        other = str(form.get("other_platform", ""))
        return _refused(request, network, "new", {**values, "other_platform": other}, refusal)
    return RedirectResponse("/presence?done=added", status_code=303)


@router.post("/presence/{platform}/edit", dependencies=[Depends(require_csrf)])
async def edit_from_page(
    request: Request, platform: str, network: Annotated[Network, Depends(network_of)]
) -> Response:
    values = await _form_values(request)
    try:
        edit_profile(network, platform, values)
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such profile.")) from None
    except InputRefused as refusal:
        return _refused(request, network, platform_key(platform), values, refusal)
    return RedirectResponse(f"/presence?done=saved#profile-{platform_key(platform)}", status_code=303)


@router.post("/presence/{platform}/reviewed", dependencies=[Depends(require_csrf)])
def reviewed_from_page(platform: str, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Mark a profile reviewed today."""
    try:
        edit_profile(network, platform, {"reviewed_on": date.today()})
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such profile.")) from None
    return RedirectResponse("/presence?done=reviewed", status_code=303)


@router.post("/presence/{platform}/remove", dependencies=[Depends(require_csrf)])
def remove_from_page(platform: str, network: Annotated[Network, Depends(network_of)]) -> Response:
    try:
        remove_profile(network, platform)
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such profile.")) from None
    return RedirectResponse("/presence?done=removed", status_code=303)


@router.post("/presence/import", dependencies=[Depends(require_csrf)])
def import_from_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    export: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Read LinkedIn's profile export into the LinkedIn profile; a refused file changes nothing."""
    if export is None or not export.filename:
        message = _("Choose LinkedIn’s Profile.csv, Positions.csv or the zip of your data export.")
        return _page(
            request, presence_overview(network), error={"form": "import", "message": message}, status_code=400
        )
    data = export.file.read(MAX_IMPORT_BYTES + 1)
    name = Path(export.filename).name or "export"
    try:
        if len(data) > MAX_IMPORT_BYTES:
            raise HTTPException(status_code=413, detail=_("This file is too large to be LinkedIn’s export."))
        import_linkedin_bytes(network, data, name)
    except InputRefused as refusal:
        error = {"form": "import", "message": refusal.text(gettext)}
        return _page(request, presence_overview(network), error=error, status_code=400)
    return RedirectResponse("/presence?done=imported#profile-linkedin", status_code=303)
