"""``/api/v1/coach``: the networking coach's checker, as ``orchardist coach check --json`` gives it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import Depends
from pydantic import BaseModel, ConfigDict, Field

from orchardist.coach.rules import RULES
from orchardist.services.coaching import MAX_MESSAGE, check_message
from orchardist.services.network import Network
from orchardist.web import i18n
from orchardist.web.api._models import FORBIDDEN, MAX_ID, NOT_FOUND, REFUSED, SomeText, api_router, one_of
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("coach")

NetworkDep = Annotated[Network, Depends(network_of)]

if TYPE_CHECKING:
    RuleId = str
else:
    RuleId = one_of(lambda: tuple(rule.id for rule in RULES))
"""A rule's id, one of ``orchardist.coach.rules.RULES``."""


class CheckIn(BaseModel):
    """A message to check, and who it goes to."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    text: SomeText = Field(max_length=MAX_MESSAGE, description="The message, as it would be sent.")
    to: int | None = Field(None, ge=1, le=MAX_ID, description="The id of the person it goes to.")
    sender: str = Field("", alias="from", max_length=320, description="The address it would be sent from.")
    lang: Literal["en", "fr"] = Field(
        "en", description="The language of each finding's message and suggestion."
    )


class FindingOut(BaseModel):
    """Something a rule found in the message."""

    rule: RuleId = Field(description="The rule's id (stable: scripts may rely on it).")
    severity: Literal["warning", "advice"] = Field(
        description="warning: the message may do harm as written; advice: it could do better."
    )
    start: int = Field(
        description="Where the words found start, in characters from 0 (0 and 0: the whole message)."
    )
    end: int = Field(description="Where they end (exclusive).")
    message: str = Field(description="Why it matters, in one sentence.")
    suggestion: str = Field(description="A better way to put it.")


class CheckOut(BaseModel):
    """What the checker found, in the order it appears in the message."""

    findings: list[FindingOut]


@router.post(
    "/coach/check",
    response_model=CheckOut,
    summary="Check a message before you send it",
    # Nothing is stored, but a POST is held to the same rules as a change: JSON, and not cross-site.
    dependencies=[Depends(require_same_origin_json)],
    responses={
        **REFUSED,
        **FORBIDDEN,
        404: {**NOT_FOUND[404], "description": "No person with the id given as to in this network."},
    },
)
def coach_check(network: NetworkDep, body: CheckIn) -> CheckOut:
    """Read a message the way a careful friend would: asks for job openings, asks without giving, a
    first message too long, no personal touch, a begging tone, confidential details. With ``to``, the
    person's name, what is known of them and the give/ask ledger count. Nothing is stored. An empty
    message is refused (400)."""
    view = check_message(network, body.text, to=body.to, sender=body.sender, lang=body.lang)
    translate = i18n.translations("fr_CA").gettext if body.lang == "fr" else None
    return CheckOut.model_validate(view.to_dict(translate))
