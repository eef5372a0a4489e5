"""The About me page: your name, your employer and work e-mail domains, your job search, who is flagged
as a co-worker, and what Orchardist cannot protect you from."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.services.discretion import AboutMeOverview, about_me, set_about_me
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.settings import SEARCH_MODES
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

FORM_FIELDS = ("my_name", "employer", "employer_aliases", "work_domains", "search_mode")
SHOWN = 100  # people listed under each heading; the rest are counted
_LINES = re.compile(r"\n")
_DOMAIN_SEPARATORS = re.compile(r"[\s,;]+")


def search_mode_labels() -> dict[str, tuple[str, str]]:
    """Each job-search mode's name and what it means, in the current language."""
    return {
        "off": (_("Not looking"), _("Orchardist does not mention a job search anywhere.")),
        "open": (
            _("Looking openly"),
            _("Your employer may know. Orchardist still warns when you write from a work account."),
        ),
        "discreet": (
            _("Looking discreetly"),
            _(
                "Your employer and co-workers must not hear of it: Orchardist warns before a message or an "
                "ask could tell them, and wherever your search could leak."
            ),
        ),
    }


def because_labels() -> dict[str, str]:
    """Why someone is flagged, as the page says it."""
    return {
        "you_said": _("you said so"),
        "email": _("an e-mail at your work domain"),
        "organisation": _("works at your employer"),
        "looks_like": _("an organisation that looks like your employer’s"),
    }


def _values(overview: AboutMeOverview) -> dict[str, str]:
    about = overview.about
    return {
        "my_name": about.name,
        "employer": about.employer,
        "employer_aliases": "\n".join(about.employer_aliases),
        "work_domains": "\n".join(about.work_domains),
        "search_mode": about.search_mode.value,
    }


def _page(
    request: Request,
    overview: AboutMeOverview,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    context: dict[str, Any] = {
        "values": values or _values(overview),
        "errors": errors or {},
        "modes": search_mode_labels(),
        "because": because_labels(),
        "coworkers": overview.coworkers[:SHOWN],
        "coworker_count": len(overview.coworkers),
        "maybe": overview.maybe[:SHOWN],
        "maybe_count": len(overview.maybe),
        "confidants": overview.confidants[:SHOWN],
        "confidant_count": len(overview.confidants),
        "warnings": [message.text(gettext) for message in overview.warnings],
        "search_mode": overview.about.search_mode.value,
        "employer_known": bool(overview.about.employer_names or overview.about.work_domains),
        "saved": request.query_params.get("saved") == "1",
        "shown": SHOWN,
    }
    return render(request, "me/page.html", context, status_code=status_code)


@router.get("/me")
def me_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, about_me(network))


def changes_from(form: dict[str, str]) -> dict[str, Any]:
    """What the form says, as About me's settings: a name a line, domains a line or separated by commas."""
    return {
        "my_name": form.get("my_name", ""),
        "employer": form.get("employer", ""),
        "employer_aliases": [line.strip() for line in _LINES.split(form.get("employer_aliases", ""))],
        "work_domains": [part for part in _DOMAIN_SEPARATORS.split(form.get("work_domains", "")) if part],
        "search_mode": form.get("search_mode", "off") if form.get("search_mode") in SEARCH_MODES else "off",
    }


@router.post("/me", dependencies=[Depends(require_csrf)])
async def save_me(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Store About me; a refused field brings the page back with the reason beside it."""
    form = await request.form()
    texts = {name: str(form.get(name, "")).replace("\r\n", "\n") for name in FORM_FIELDS}
    try:
        set_about_me(network, changes_from(texts))
    except InputRefused as refusal:
        field = refusal.field if refusal.field in FORM_FIELDS else "employer"
        return _page(
            request,
            about_me(network),
            values=texts,
            errors={field: refusal.text(gettext)},
            status_code=400,
        )
    return RedirectResponse("/me?saved=1", status_code=303)
