"""The Introductions pages: the pairs worth introducing, the board of introductions under way, and one
introduction with the messages of its next step, each step marked (and its give logged) in one click."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.introductions import OPEN, STEPS, IntroState
from orchardist.services.errors import InputRefused
from orchardist.services.introductions import (
    introduction_view,
    introductions_board,
    move_introduction,
    start_introduction,
)
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import gettext
from orchardist.web.routes.writing import message_lang, rule_labels, translator
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

NetworkDep = Annotated[Network, Depends(network_of)]
DONE = ("moved", "started")


def step_labels() -> dict[str, tuple[str, str]]:
    """Each state's label and the label of the step reaching it, in the page's language."""
    return {state.value: (gettext(step.label), gettext(step.action)) for state, step in STEPS.items()}


@router.get("/introductions")
def board_page(request: Request, network: NetworkDep) -> Response:
    board = introductions_board(network)
    context: dict[str, Any] = {
        "suggestions": [(pair, pair.why(gettext)) for pair in board.suggestions],
        "columns": [(state.value, board.in_state(state)) for state in OPEN],
        "closed": [item for item in board.introductions if item.state.closed],
        "steps": step_labels(),
    }
    return render(request, "introductions/board.html", context)


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
