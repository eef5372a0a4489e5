"""The Pitch page: the four parts with their words and speaking time, the 30- and 60-second versions
side by side with what the short one drops, the coach on the ask, and the practice log."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.pitch import (
    MAX_NOTE,
    MAX_PART,
    MAX_PLACE,
    PARTS,
    WORDS_PER_MINUTE,
    seconds_for,
    word_count,
)
from orchardist.domain.presence_wording import NOT_A_DAY
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.pitch import PitchView, log_practice, pitch_view, remove_practice, set_parts
from orchardist.web.app import network_of
from orchardist.web.i18n import _, current_language, format_day, gettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

DONE = ("saved", "practised", "removed")


def lang() -> str:
    """The coach's language for the page's: French or English."""
    return "fr" if current_language().startswith("fr") else "en"


def part_labels() -> dict[str, tuple[str, str]]:
    """Each part's name and the question it answers, in the page's language."""
    return {code: (gettext(spec.label), gettext(spec.prompt)) for code, spec in PARTS.items()}


def pitch_context(view: PitchView) -> dict[str, Any]:
    """What the Pitch page and the quick capture page show of the pitch."""
    labels = part_labels()
    return {
        "parts": [
            {
                "code": code,
                "label": labels[code][0],
                "prompt": labels[code][1],
                "text": view.parts.get(code, ""),
                "words": word_count(view.parts.get(code, "")),
                "seconds": seconds_for(word_count(view.parts.get(code, ""))),
            }
            for code in PARTS
        ],
        "words": view.words,
        "seconds": view.seconds,
        "pace": WORDS_PER_MINUTE,
        "versions": [
            {
                "limit": found.limit,
                "parts": [{"label": labels[code][0], "text": text} for code, text in found.parts],
                "dropped": [labels[code][0] for code in found.dropped],
                "words": found.words,
                "seconds": found.seconds,
                "fits": found.fits,
            }
            for found in view.versions.values()
        ],
        "ask_findings": [
            {"message": finding.why.text(gettext), "suggestion": finding.suggestion.text(gettext)}
            for finding in view.ask_findings
        ],
        "written": view.written,
    }


def _page(
    request: Request,
    view: PitchView,
    *,
    values: dict[str, str] | None = None,
    error: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    context = pitch_context(view)
    context.update(
        {
            "values": values or {},
            "error": error or {},
            "practice": [
                {"id": item.id, "day": format_day(item.on), "where": item.place, "note": item.note}
                for item in view.practice
            ],
            "today": date.today().isoformat(),
            "max_part": MAX_PART,
            "max_place": MAX_PLACE,
            "max_note": MAX_NOTE,
            "done": request.query_params.get("done", "") if request.query_params.get("done") in DONE else "",
        }
    )
    return render(request, "pitch/page.html", context, status_code=status_code)


@router.get("/pitch")
def pitch_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, pitch_view(network, lang=lang()))


@router.post("/pitch", dependencies=[Depends(require_csrf)])
async def save_pitch(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Save the four parts at once; a refused part brings the page back as typed."""
    form = await request.form()
    parts = {code: str(form.get(code, "")) for code in PARTS}
    try:
        set_parts(network, parts, lang=lang())
    except InputRefused as refusal:
        error = {"form": "pitch", "field": refusal.field or "", "message": refusal.text(gettext)}
        return _page(request, pitch_view(network, lang=lang()), values=parts, error=error, status_code=400)
    return RedirectResponse("/pitch?done=saved", status_code=303)


@router.post("/pitch/practice", dependencies=[Depends(require_csrf)])
def practise(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    where: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    on: Annotated[str, Form()] = "",
) -> Response:
    """Note where the pitch was given and how it went."""
    values = {"where": where, "note": note, "on": on}
    try:
        try:
            day = date.fromisoformat(on) if on else None
        except ValueError:
            raise InputRefused(NOT_A_DAY(value=on), field="on") from None
        log_practice(network, where, note, on=day)
    except InputRefused as refusal:
        error = {"form": "practice", "field": refusal.field or "", "message": refusal.text(gettext)}
        return _page(request, pitch_view(network, lang=lang()), values=values, error=error, status_code=400)
    return RedirectResponse("/pitch?done=practised#practice-heading", status_code=303)


@router.post("/pitch/practice/{practice_id:int}/remove", dependencies=[Depends(require_csrf)])
def remove_from_page(practice_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    try:
        remove_practice(network, practice_id)
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such practice in your log.")) from None
    return RedirectResponse("/pitch?done=removed#practice-heading", status_code=303)
