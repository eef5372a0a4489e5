"""``/api/v1/coach``: the networking coach's checker, as ``orchardist coach check --json`` gives it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from orchardist.coach.rules import RULES
from orchardist.coach.templates import MAX_BODY, MAX_NAME, MAX_SUBJECT
from orchardist.domain.interactions import KNOWN_KINDS
from orchardist.domain.messages import Translate
from orchardist.services import writing
from orchardist.services.coaching import MAX_MESSAGE, check_message
from orchardist.services.network import Network
from orchardist.web import i18n
from orchardist.web.api._models import (
    FORBIDDEN,
    MAX_ID,
    NOT_FOUND,
    REFUSED,
    PlainText,
    SomeText,
    api_router,
    one_of,
)
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("coach")

NetworkDep = Annotated[Network, Depends(network_of)]

if TYPE_CHECKING:
    RuleId = str
    LogKind = str
else:
    RuleId = one_of(lambda: tuple(rule.id for rule in RULES))
    LogKind = one_of(lambda: KNOWN_KINDS)
"""A rule's id, one of ``orchardist.coach.rules.RULES``; a kind of contact a template is logged as."""

Lang = Literal["en", "fr"]
Gives = Literal["asks", "gives", "social"]
CHANGES = [Depends(require_same_origin_json)]
TemplateCode = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_NAME,
        pattern="^[a-z0-9]+(?:-[a-z0-9]+)*$",
        description="The template's code, as coach templates lists it.",
    ),
]


def _translate(lang: str) -> Translate | None:
    """gettext for ``lang`` (None: English as written)."""
    return i18n.translations("fr_CA").gettext if lang == "fr" else None


def _same(text: str) -> str:
    return text


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
    return CheckOut.model_validate(view.to_dict(_translate(body.lang)))


# Templates and drafts -----------------------------------------------------------------------------


class TemplateOut(BaseModel):
    """A message template."""

    code: str = Field(description="Its code (stable; what a draft names).")
    name: str
    subject: str
    body: str = Field(description="Its words, with blanks in braces such as {given_name}.")
    gives: Gives = Field(description="What a message from it does in the give/ask ledger.")
    log_kind: str = Field(description="The kind of contact it is logged as once sent.")
    builtin: bool = Field(description="One Orchardist comes with (false: the user's own).")
    edited: bool = Field(description="A built-in one the user changed.")
    introduction: bool = Field(description="Introduces two people: a draft needs the other person.")


class TemplatesOut(BaseModel):
    """The templates in one language."""

    templates: list[TemplateOut]


class TemplateIn(BaseModel):
    """A template's words, in one language."""

    model_config = ConfigDict(extra="forbid")
    lang: Lang = Field("en", description="The language it is for.")
    name: SomeText = Field(max_length=MAX_NAME)
    subject: PlainText = Field("", max_length=MAX_SUBJECT)
    body: SomeText = Field(max_length=MAX_BODY, description="Blanks in braces: {given_name}, {where_met}, …")
    gives: Gives = "social"
    log_kind: LogKind = "message"


class DraftIn(BaseModel):
    """A message to draft from a template."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    template: str = Field(max_length=MAX_NAME, description="The template's code.")
    to: int = Field(ge=1, le=MAX_ID, description="The id of the person it goes to.")
    other: int | None = Field(
        None, alias="with", ge=1, le=MAX_ID, description="For an introduction: the other person's id."
    )
    lang: Lang = "en"
    occasion: Literal["", "birthday", "work_anniversary", "new_job", "holiday"] = ""
    holiday: PlainText = Field("", max_length=40, description="With occasion holiday: which one.")
    article: PlainText = Field("", max_length=2000, description="For share-article: its title and link.")


class LetterOut(BaseModel):
    """One drafted message, and what the coach found in it."""

    to: int
    name: str
    email: str
    subject: str
    body: str
    mailto: str = Field(description="Opens the user's mail program with it (empty without an address).")
    findings: list[FindingOut]


class LogOut(BaseModel):
    """How to log the message once sent (POST /api/v1/interactions)."""

    direction: Literal["gave", "asked", "mutual", "social"]
    kind: str


class DraftOut(LetterOut):
    """A drafted message (nothing is sent) and, for an introduction, the one to the other person."""

    template: str
    lang: Lang
    log: LogOut
    other: LetterOut | None


@router.get("/coach/templates", response_model=TemplatesOut, summary="List the message templates")
def list_templates(
    network: NetworkDep, lang: Annotated[Lang, Query(description="Their language.")] = "en"
) -> TemplatesOut:
    """The built-in templates (the user's copy where they changed one), then the user's own."""
    found = writing.template_list(network, lang, _translate(lang) or _same)
    return TemplatesOut(
        templates=[TemplateOut.model_validate(writing.template_to_dict(item)) for item in found]
    )


@router.post(
    "/coach/templates",
    response_model=TemplateOut,
    status_code=201,
    summary="Add a template of your own",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def add_template(network: NetworkDep, body: TemplateIn) -> TemplateOut:
    """Keep a new template; its code is made from its name. A blank Orchardist cannot fill is
    refused (400, naming the part)."""
    saved = writing.save_template(network, body.lang, **body.model_dump(exclude={"lang"}))
    return TemplateOut.model_validate(writing.template_to_dict(saved))


@router.put(
    "/coach/templates/{code}",
    response_model=TemplateOut,
    summary="Change a template",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, 404: {**NOT_FOUND[404], "description": "No template of that code."}},
)
def change_template(network: NetworkDep, code: TemplateCode, body: TemplateIn) -> TemplateOut:
    """Change one of your own templates, or keep your copy of a built-in one."""
    saved = writing.save_template(network, body.lang, code=code, **body.model_dump(exclude={"lang"}))
    return TemplateOut.model_validate(writing.template_to_dict(saved))


@router.delete(
    "/coach/templates/{code}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Delete a template, or put a built-in one back",
    dependencies=CHANGES,
    responses={**FORBIDDEN, 404: {**NOT_FOUND[404], "description": "You keep no template of that code."}},
)
def forget_template(
    network: NetworkDep, code: TemplateCode, lang: Annotated[Lang, Query(description="Its language.")] = "en"
) -> Response:
    """Delete one of your own templates, or put a built-in one back as it came."""
    writing.forget_template(network, code, lang)
    return Response(status_code=204)


@router.post(
    "/coach/draft",
    response_model=DraftOut,
    summary="Draft a message from a template",
    dependencies=CHANGES,
    responses={
        **REFUSED,
        **FORBIDDEN,
        404: {**NOT_FOUND[404], "description": "No such person (to, with) or template in this network."},
    },
)
def draft(network: NetworkDep, body: DraftIn) -> DraftOut:
    """Fill a template for a person from what the network knows of them, and check it. Nothing is
    sent and nothing is stored. An introduction needs with (400 without it)."""
    written = writing.compose(
        network,
        body.to,
        body.template,
        lang=body.lang,
        _=_translate(body.lang) or _same,
        other_id=body.other,
        occasion=body.occasion,
        holiday=body.holiday,
        article=body.article,
    )
    return DraftOut.model_validate(written.to_dict(_translate(body.lang)))
