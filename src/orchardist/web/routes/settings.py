"""The Settings page: where the data lives, how much there is, the version, and the language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist import __version__
from orchardist.domain.holidays import HOLIDAYS, next_on
from orchardist.services.digest import DigestError, send
from orchardist.services.discretion import feed_warning, leaks
from orchardist.services.errors import InputRefused, Refused
from orchardist.services.network import Network
from orchardist.services.reminders import (
    calendar,
    feed_language,
    network_of_feed,
    new_feed,
    revoke_feed,
)
from orchardist.services.settings import SECURITIES, SETTINGS, parse, settings_overview, update
from orchardist.web.app import network_of
from orchardist.web.i18n import (
    LANGUAGE_COOKIE,
    LANGUAGES,
    _,
    current_language,
    gettext,
    refusal_text,
    set_language,
    speech,
)
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

ONE_YEAR = 365 * 24 * 60 * 60


def _refusal(refusal: Refused) -> str:
    """Why a change was refused, after the name the page gives the setting at fault."""
    setting = SETTINGS.get(refusal.field or "")
    if setting is None:
        return refusal_text(refusal)
    return _("%(field)s: %(reason)s") % {"field": _(setting.label), "reason": refusal.text(gettext)}


def _back_to(next_path: str | None) -> str:
    """Where to go after a change: a path of this app, never another site."""
    if next_path and next_path.startswith("/") and not next_path.startswith(("//", "/\\")):
        return next_path
    return "/settings"


def holiday_names() -> dict[str, str]:
    """The built-in holidays' names in the current language, by code."""
    names = {
        "new_year": _("New Year's Day"),
        "orthodox_christmas": _("Orthodox Christmas"),
        "valentines_day": _("Valentine's Day"),
        "womens_day": _("International Women's Day"),
        "easter": _("Easter"),
        "orthodox_easter": _("Orthodox Easter"),
        "mothers_day": _("Mother's Day"),
        "fathers_day": _("Father's Day"),
        "fete_nationale": _("Fête nationale du Québec"),
        "canada_day": _("Canada Day"),
        "independence_day": _("Independence Day (United States)"),
        "rosh_hashanah": _("Rosh Hashanah"),
        "thanksgiving_canada": _("Thanksgiving (Canada)"),
        "thanksgiving_us": _("Thanksgiving (United States)"),
        "hanukkah": _("Hanukkah"),
        "christmas": _("Christmas"),
        "kwanzaa": _("Kwanzaa"),
    }
    return {holiday.code: names.get(holiday.code, holiday.name) for holiday in HOLIDAYS}


def weekday_names() -> dict[str, str]:
    return {
        "monday": _("Monday"),
        "tuesday": _("Tuesday"),
        "wednesday": _("Wednesday"),
        "thursday": _("Thursday"),
        "friday": _("Friday"),
        "saturday": _("Saturday"),
        "sunday": _("Sunday"),
    }


def feed_address(request: Request, token: str | None) -> str | None:
    """The feed's full address on this server, for the user to paste into a calendar."""
    return f"{str(request.base_url).rstrip('/')}/feed/{token}.ics" if token else None


def _page(
    request: Request,
    network: Network,
    *,
    values: Mapping[str, Any] | None = None,
    error: str = "",
    section: str = "",
    status_code: int = 200,
) -> Response:
    overview = settings_overview(network)
    feed_words = feed_warning(overview.values)
    today = date.today()
    return render(
        request,
        "settings/index.html",
        {
            "store": overview.about.where,
            "store_kind": "sqlite" if overview.about.on_sqlite_file else "server",
            "people": overview.about.people,
            "interactions": overview.about.interactions,
            "version": __version__,
            "values": {**overview.values, **(values or {})},
            "holidays": [(code, name, next_on(code, today)) for code, name in holiday_names().items()],
            "weekdays": weekday_names(),
            "securities": SECURITIES,
            "feed_url": feed_address(request, overview.feed_token),
            "digest_last_sent": overview.digest_last_sent,
            # Discreet mode: where the search could leak (a work address, a work calendar).
            "digest_warnings": [message.text(gettext) for message in leaks(overview.values)],
            "feed_warning": feed_words.text(gettext) if feed_words else "",
            "saved": request.query_params.get("saved", ""),
            "error": error,
            "error_section": section,
        },
        status_code=status_code,
    )


@router.get("/settings")
def settings_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, network)


async def _save(
    request: Request, network: Network, section: str, names: tuple[str, ...], flags: tuple[str, ...] = ()
) -> Response:
    """Parse and store one section's form; on a refusal, the page again with the message and the input."""
    form = await request.form()
    texts: dict[str, Any] = {}
    try:
        changes: dict[str, Any] = {}
        for name in names:
            if name == "holidays":
                chosen = [str(value) for value in form.getlist("holidays")]
                texts[name] = chosen
                changes[name] = chosen
                continue
            if name == "smtp_password" and not str(form.get(name, "")):
                continue  # blank keeps the stored password
            if name not in form:
                continue  # a field another section's form holds
            text = str(form.get(name, ""))
            texts[name] = text
            changes[name] = parse(name, text)
        for name in flags:
            texts[name] = changes[name] = name in form
        update(network, changes)
    except InputRefused as refusal:
        return _page(
            request,
            network,
            values=texts,
            error=_refusal(refusal),
            section=section,
            status_code=400,
        )
    return RedirectResponse(f"/settings?saved={section}#{section}-heading", status_code=303)


@router.post("/settings/tending", dependencies=[Depends(require_csrf)])
async def save_tending(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return await _save(
        request,
        network,
        "tending",
        ("inner_days", "active_days", "casual_days", "today_size", "weekly_goal", "holidays"),
    )


@router.post("/settings/reminders", dependencies=[Depends(require_csrf)])
async def save_reminders(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return await _save(request, network, "reminders", ("reminder_days",), ("reminder_names",))


MAIL_SERVER = ("smtp_host", "smtp_port", "smtp_security", "smtp_username", "smtp_password")


@router.post("/settings/mail", dependencies=[Depends(require_csrf)])
async def save_mail(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """The outgoing mail server, saved on its own: the digest is offered once it is set."""
    return await _save(request, network, "mail", MAIL_SERVER)


@router.post("/settings/digest", dependencies=[Depends(require_csrf)])
async def save_digest(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """The weekly digest (and, from a form that sends them too, the mail server)."""
    return await _save(
        request,
        network,
        "digest",
        (
            "digest_weekday",
            "digest_to",
            "digest_from",
            "smtp_host",
            "smtp_port",
            "smtp_security",
            "smtp_username",
            "smtp_password",
        ),
        ("digest_enabled",),
    )


@router.post("/settings/feed", dependencies=[Depends(require_csrf)])
def change_feed(network: Annotated[Network, Depends(network_of)], action: Annotated[str, Form()]) -> Response:
    """Make a new private feed address (the old one stops working) or revoke it."""
    if action == "new":
        new_feed(network, current_language())
    elif action == "revoke":
        revoke_feed(network)
    else:
        raise HTTPException(status_code=400, detail=_("Make a new address or revoke it."))
    return RedirectResponse(f"/settings?saved=feed-{action}#reminders-heading", status_code=303)


def _calendar_response(data: bytes, *, download: bool) -> Response:
    headers = {"Cache-Control": "no-store"}
    if download:
        headers["Content-Disposition"] = 'attachment; filename="orchardist-reminders.ics"'
    return Response(data, media_type="text/calendar; charset=utf-8", headers=headers)


@router.get("/reminders.ics")
def download_reminders(network: Annotated[Network, Depends(network_of)]) -> Response:
    """The reminders calendar as a file, in the language of the page."""
    return _calendar_response(calendar(network, _=speech()), download=True)


@router.get("/feed/{token}.ics")
def reminders_feed(request: Request, token: str) -> Response:
    """The private feed: the token is the only key; a wrong, old or revoked one finds nothing."""
    network: Network = request.app.state.network
    found = network_of_feed(network, token)
    if found is None:
        raise HTTPException(status_code=404, detail="Not Found")
    set_language(feed_language(found))
    return _calendar_response(calendar(found, _=speech()), download=False)


@router.post("/settings/language", dependencies=[Depends(require_csrf)])
def choose_language(
    request: Request,
    language: Annotated[str, Form()],
    next_path: Annotated[str | None, Form(alias="next")] = None,
) -> Response:
    """Remember the language in a cookie for a year, then go back to the page the user was on."""
    if language not in LANGUAGES:
        raise HTTPException(status_code=400, detail=_("Orchardist speaks English and French (Canada)."))
    response = RedirectResponse(_back_to(next_path), status_code=303)
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=ONE_YEAR,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/settings/digest/send", dependencies=[Depends(require_csrf)])
def send_digest_now(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Send the digest now (to try the settings); a refusal or a server error shows on the page."""
    try:
        send(network, _=speech())
    except InputRefused as refusal:
        return _page(request, network, error=_refusal(refusal), section="digest", status_code=400)
    except DigestError as error:
        return _page(
            request,
            network,
            error=_("The digest was not sent: %(reason)s") % {"reason": str(error.__cause__ or error)},
            section="digest",
            status_code=502,
        )
    return RedirectResponse("/settings?saved=digest-sent#digest-heading", status_code=303)
