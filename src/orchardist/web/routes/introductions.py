"""The Introductions pages: the pairs worth introducing, the board of introductions under way, and one
introduction with the messages of its next step, each step marked (and its give logged) in one click."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.introductions import OPEN, STEPS, IntroState
from orchardist.domain.queries import Text
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.introductions import (
    introduction_view,
    introductions_board,
    move_introduction,
    record_received,
    start_introduction,
)
from orchardist.services.network import Network
from orchardist.services.people import browse_people
from orchardist.web.app import network_of
from orchardist.web.i18n import gettext
from orchardist.web.routes.writing import message_lang, rule_labels, translator
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

NetworkDep = Annotated[Network, Depends(network_of)]
DONE = ("moved", "started")
SUGGESTIONS = 8
_NAMED = re.compile(r"^(?:.*\(#(\d+)\)|#?(\d+))$")


def _named(text: str) -> int | None:
    """The id in ``Name (#12)``, ``#12`` or ``12``, as the suggestions write it."""
    found = _NAMED.match(text.strip())
    return int(found.group(1) or found.group(2)) if found else None


def step_labels() -> dict[str, tuple[str, str]]:
    """Each state's label and the label of the step reaching it, in the page's language."""
    return {state.value: (gettext(step.label), gettext(step.action)) for state, step in STEPS.items()}


@router.get("/introductions")
def board_page(request: Request, network: NetworkDep) -> Response:
    return _board(request, network)


def _board(
    request: Request, network: Network, *, received: dict[str, str] | None = None, status: int = 200
) -> Response:
    board = introductions_board(network)
    context: dict[str, Any] = {
        "received": received or {"by": "", "person": "", "error": ""},
        "suggestions": [(pair, pair.why(gettext)) for pair in board.suggestions],
        "columns": [(state.value, board.in_state(state)) for state in OPEN],
        "closed": [item for item in board.introductions if item.state.closed],
        "steps": step_labels(),
    }
    return render(request, "introductions/board.html", context, status_code=status)


@router.get("/introductions/people")
def people_options(request: Request, network: NetworkDep, by: str = "", person: str = "") -> Response:
    """People whose name starts like the text typed, as options for the "introduced by" boxes."""
    text = (by or person).split("(#")[0].strip()
    people = browse_people(network, Text(text), limit=SUGGESTIONS).people if text else []
    return render(request, "people/_suggestions.html", {"people": people})


@router.post("/introductions/received", dependencies=[Depends(require_csrf)])
def received_from_page(
    request: Request,
    network: NetworkDep,
    by: Annotated[str, Form()] = "",
    person: Annotated[str, Form()] = "",
) -> Response:
    """Someone introduced the user to someone: recorded as the person's "introduced by"."""
    by_id, person_id = _named(by), _named(person)
    error = ""
    if by_id is None or person_id is None:
        error = gettext("Pick both people from the suggestions as you type their names.")
    else:
        try:
            record_received(network, by_id, person_id)
        except (InputRefused, NotFound) as refused:
            error = refused.text(gettext)
    if error:
        return _board(request, network, received={"by": by, "person": person, "error": error}, status=400)
    return RedirectResponse(f"/people/{person_id}", status_code=303)


@router.post("/introductions/start", dependencies=[Depends(require_csrf)])
def start_from_page(
    network: NetworkDep,
    a: Annotated[int, Form()],
    b: Annotated[int, Form()],
    why: Annotated[str, Form()] = "",
) -> Response:
    lang = message_lang()
    view = start_introduction(network, a, b, why=why, lang=lang, _=translator(lang))
    return RedirectResponse(f"/introductions/{view.introduction.id}?done=started", status_code=303)


def _detail(
    request: Request, network: Network, introduction_id: int, *, error: str = "", status: int = 200
) -> Response:
    lang = message_lang()
    view = introduction_view(network, introduction_id, lang=lang, _=translator(lang))
    done = request.query_params.get("done", "")
    context: dict[str, Any] = {
        "view": view,
        "intro": view.introduction,
        "steps": step_labels(),
        "rules": rule_labels(),
        "warnings": [warning.text(gettext) for warning in view.warnings],
        "findings": [
            [finding.to_dict(gettext) for finding in letter.check.findings]
            for letter in (view.draft.letters if view.draft else [])
        ],
        "done": done if done in DONE else "",
        "logged": request.query_params.get("logged", "") == "1",
        "error": error,
        "can_finish": not view.introduction.state.closed,
    }
    return render(request, "introductions/detail.html", context, status_code=status)


@router.get("/introductions/{introduction_id:int}")
def detail_page(request: Request, network: NetworkDep, introduction_id: int) -> Response:
    return _detail(request, network, introduction_id)


@router.post("/introductions/{introduction_id:int}/move", dependencies=[Depends(require_csrf)])
def move_from_page(
    request: Request,
    network: NetworkDep,
    introduction_id: int,
    state: Annotated[str, Form()],
    log: Annotated[str, Form()] = "",
    outcome: Annotated[str, Form()] = "",
) -> Response:
    """Mark a step; with ``log``, its give is logged in the same transaction."""
    lang = message_lang()
    try:
        move_introduction(
            network,
            introduction_id,
            state,
            outcome=outcome if outcome.strip() else None,
            log=bool(log),
            lang=lang,
            _=translator(lang),
        )
    except InputRefused as refused:
        return _detail(request, network, introduction_id, error=refused.text(gettext), status=400)
    logged = "&logged=1" if log and STEPS[IntroState(state)].log_kind else ""
    return RedirectResponse(f"/introductions/{introduction_id}?done=moved{logged}", status_code=303)
