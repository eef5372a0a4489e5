"""``/api/v1/introductions`` and ``/api/v1/share``: introductions you broker, and whom an article suits."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from orchardist.domain.introductions import MAX_OUTCOME
from orchardist.services import introductions as intros
from orchardist.services import sharing
from orchardist.services.network import Network
from orchardist.web.api._models import (
    FORBIDDEN,
    MAX_ID,
    REFUSED,
    MessageOut,
    PersonRef,
    PlainText,
    Problem,
    api_router,
)
from orchardist.web.api.coach import Lang, LetterOut, _translate
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("introductions")

NetworkDep = Annotated[Network, Depends(network_of)]
CHANGES = [Depends(require_same_origin_json)]
State = Literal["started", "asked_a", "asked_b", "introduced", "followed_up", "done", "declined"]
NO_INTRODUCTION: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such introduction (or person) in this network."}
}


class PairOut(BaseModel):
    """Two people worth introducing (as ``orchardist intro suggest --json``)."""

    a: PersonRef = Field(description="The one the first reason is about (asked first).")
    b: PersonRef
    why: str = Field(description="The reasons in words, in English.")
    reasons: list[dict[str, Any]] = Field(description="Each reason's code and params.")
    score: float = Field(description="Higher is better: the sum of the reasons' weights.")


class PairsOut(BaseModel):
    suggestions: list[PairOut] = Field(description="Best first.")


class MovedOut(BaseModel):
    state: State
    on: str = Field(description="The day, YYYY-MM-DD.")


class IntroductionOut(BaseModel):
    """An introduction (as ``orchardist intro list --json``)."""

    id: int
    a: PersonRef
    b: PersonRef
    state: State
    why: str
    outcome: str
    history: list[MovedOut] = Field(description="Each step taken, oldest first.")
    created_at: str | None


class IntroductionsOut(BaseModel):
    introductions: list[IntroductionOut] = Field(description="Newest first.")


class NextStepOut(BaseModel):
    state: State = Field(description="The state the next step reaches.")
    template: str = Field(description="The message template drafting it.")
    messages: list[LetterOut] = Field(description="The drafted messages (nothing is sent).")


class IntroductionViewOut(IntroductionOut):
    """An introduction with the drafts of its next step, what was just logged, and warnings."""

    next: NextStepOut | None = Field(description="Null once the introduction is closed.")
    logged: list[int] = Field(description="The ids of the interactions logged by this change.")
    warnings: list[MessageOut] = Field(description="In discreet mode: a co-worker who could learn of it.")


class IntroductionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: int = Field(ge=1, le=MAX_ID, description="The person asked first.")
    b: int = Field(ge=1, le=MAX_ID)
    why: PlainText = Field("", max_length=MAX_OUTCOME, description="The reason (else the suggested one).")
    lang: Lang = "en"


class MoveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    state: State
    log: StrictBool = Field(False, description="Log the step's message as a give with the people it went to.")
    outcome: PlainText | None = Field(None, max_length=MAX_OUTCOME, description="What came of it.")
    lang: Lang = "en"


class ReceivedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    by: int = Field(ge=1, le=MAX_ID, description="Who introduced you.")
    person: int = Field(ge=1, le=MAX_ID, description="Whom they introduced you to.")


@router.get("/introductions/suggestions", response_model=PairsOut, summary="Suggest introductions")
def suggest_introductions(
    network: NetworkDep,
    limit: Annotated[int, Query(ge=1, le=intros.MOST_SUGGESTIONS, description="At most this many.")] = 20,
) -> PairsOut:
    """Pairs worth introducing, best first, with the reasons; co-workers are left out while your
    search is discreet."""
    found = intros.suggest_introductions(network, limit=limit)
    return PairsOut(suggestions=[PairOut.model_validate(intros.pair_to_dict(pair)) for pair in found])


@router.get("/introductions", response_model=IntroductionsOut, summary="List your introductions")
def list_introductions(network: NetworkDep) -> IntroductionsOut:
    """Every introduction you broker, newest first."""
    found = intros.list_introductions(network)
    return IntroductionsOut(
        introductions=[IntroductionOut.model_validate(intros.introduction_to_dict(item)) for item in found]
    )


@router.post(
    "/introductions",
    response_model=IntroductionViewOut,
    status_code=201,
    summary="Start an introduction",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NO_INTRODUCTION},
)
def start_introduction(network: NetworkDep, body: IntroductionIn) -> IntroductionViewOut:
    """Start introducing ``a`` to ``b``, with the message asking ``a`` drafted."""
    translate = _translate(body.lang)
    view = intros.start_introduction(
        network, body.a, body.b, why=body.why, lang=body.lang, _=translate or str
    )
    return IntroductionViewOut.model_validate(intros.view_to_dict(view, translate))


IntroductionId = Annotated[int, Path(ge=1, le=MAX_ID, description="The introduction's id.")]


@router.get(
    "/introductions/{introduction_id:int}",
    response_model=IntroductionViewOut,
    summary="Show an introduction and its next messages",
    responses=NO_INTRODUCTION,
)
def show_introduction(
    network: NetworkDep, introduction_id: IntroductionId, lang: Annotated[Lang, Query()] = "en"
) -> IntroductionViewOut:
    """The introduction, where it stands, and the drafted messages of its next step (nothing is sent)."""
    translate = _translate(lang)
    view = intros.introduction_view(network, introduction_id, lang=lang, _=translate or str)
    return IntroductionViewOut.model_validate(intros.view_to_dict(view, translate))


@router.post(
    "/introductions/{introduction_id:int}/move",
    response_model=IntroductionViewOut,
    summary="Move an introduction to its next step",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NO_INTRODUCTION},
)
def move_introduction(
    network: NetworkDep, introduction_id: IntroductionId, body: MoveIn
) -> IntroductionViewOut:
    """Forward only (steps may be skipped), or ``declined`` at any step; with ``log``, the step's
    message is logged as a give in the same transaction."""
    translate = _translate(body.lang)
    view = intros.move_introduction(
        network,
        introduction_id,
        body.state,
        outcome=body.outcome,
        log=body.log,
        lang=body.lang,
        _=translate or str,
    )
    return IntroductionViewOut.model_validate(intros.view_to_dict(view, translate))


@router.post(
    "/introductions/received",
    status_code=204,
    response_model=None,
    summary="Record an introduction you received",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NO_INTRODUCTION},
)
def record_received_introduction(network: NetworkDep, body: ReceivedIn) -> None:
    """``by`` introduced you to ``person``: shown on the person's page as who introduced you."""
    intros.record_received(network, body.by, body.person)


# Share an article ---------------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """An article as the user pastes it: its text, or its title and link (never fetched)."""

    model_config = ConfigDict(extra="forbid")
    text: PlainText = Field("", max_length=200_000)
    title: PlainText = Field("", max_length=sharing.MAX_TITLE)
    link: PlainText = Field("", max_length=sharing.MAX_LINK)
    limit: int = Field(sharing.DEFAULT_LIMIT, ge=1, le=sharing.MOST_LIMIT)


class SuitedOut(BaseModel):
    """Someone an article suits (as ``orchardist share suggest --json``)."""

    person_id: int
    name: str
    score: float
    why: str = Field(description="The words of theirs that matched, field by field, in English.")
    matched: dict[str, list[str]] = Field(description="The same, by field name.")


class SharingOut(BaseModel):
    suited: list[SuitedOut] = Field(description="Best first.")


class ShareNoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: int = Field(ge=1, le=MAX_ID, description="The person it goes to.")
    text: PlainText = Field("", max_length=200_000)
    title: PlainText = Field("", max_length=sharing.MAX_TITLE)
    link: PlainText = Field("", max_length=sharing.MAX_LINK)
    log: StrictBool = Field(False, description="Log the note as a give (an article shared).")
    lang: Lang = "en"


class ShareNoteOut(LetterOut):
    logged: int | None = Field(description="The id of the interaction logged, when log was true.")


@router.post(
    "/share/suggestions",
    response_model=SharingOut,
    summary="Rank the people an article suits",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def suggest_sharing(network: NetworkDep, body: ArticleIn) -> SharingOut:
    """The people the article suits, best first, each with the words that matched. Nothing is
    stored and the link is never fetched."""
    found = sharing.suggest_sharing(network, body.text, title=body.title, link=body.link, limit=body.limit)
    return SharingOut(
        suited=[SuitedOut.model_validate(sharing.suited_to_dict(item)) for item in found.suited]
    )


@router.post(
    "/share/note",
    response_model=ShareNoteOut,
    summary="Draft the note sharing an article, and log the give",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NO_INTRODUCTION},
)
def draft_share_note(network: NetworkDep, body: ShareNoteIn) -> ShareNoteOut:
    """The "share an article" message to ``to``, checked by the coach; with ``log``, the give is
    logged with them in the same transaction."""
    translate = _translate(body.lang)
    note = sharing.share_note(
        network,
        body.to,
        text=body.text,
        title=body.title,
        link=body.link,
        log=body.log,
        lang=body.lang,
        _=translate or str,
    )
    return ShareNoteOut.model_validate(
        {**note.letter.to_dict(translate), "logged": note.logged.id if note.logged else None}
    )
