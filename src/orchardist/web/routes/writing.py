"""Write a message: a template filled for one person, checked by the coach as the user types, each
finding's suggestion one click away; copy it or open it in the mail program, then log it. Nothing is
sent from here."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.coach.rules import BY_ID
from orchardist.domain.messages import Translate
from orchardist.services import reasons
from orchardist.services.coaching import LANGUAGES, CheckView, check_message, mend
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.writing import compose
from orchardist.web import i18n
from orchardist.web.app import network_of
from orchardist.web.i18n import gettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

NetworkDep = Annotated[Network, Depends(network_of)]
DEFAULT_TEMPLATE = "check-in"
# The page's language for each language a message can be in.
_LOCALES = {"en": "en", "fr": "fr_CA"}


def message_lang(asked: str = "") -> str:
    """The language to write in: the one asked for, else the page's own."""
    if asked in LANGUAGES:
        return asked
    return "fr" if i18n.current_language().startswith("fr") else "en"


def translator(lang: str) -> Translate:
    """Translates into the language of a message (not always the page's)."""
    return i18n.translations(_LOCALES[lang]).gettext


def rule_labels() -> dict[str, tuple[str, str]]:
    """Each rule's name and the label of its fix ("" when it has none), in the page's language."""
    return {
        rule.id: (gettext(rule.label), gettext(rule.fix_label) if rule.fix else "") for rule in BY_ID.values()
    }


def _findings(check: CheckView) -> list[dict[str, Any]]:
    return [finding.to_dict(gettext) for finding in check.findings]


@router.get("/people/{person_id:int}/draft")
def draft_page(person_id: int, reason: str = "", occasion: str = "", holiday: str = "") -> Response:
    """Where "Draft a message" links led: the Write a message page, with the reason's template."""
    query = {
        "template": reasons.template_for(reason, occasion) if reason in reasons.REASONS else DEFAULT_TEMPLATE
    }
    query.update({name: value for name, value in (("occasion", occasion), ("holiday", holiday)) if value})
    return RedirectResponse(f"/people/{person_id}/write?{urlencode(query)}", status_code=303)


@router.get("/people/{person_id:int}/write")
def write_page(
    request: Request,
    person_id: int,
    network: NetworkDep,
    template: str = DEFAULT_TEMPLATE,
    lang: str = "",
    other: Annotated[int | None, Query(alias="with", ge=1)] = None,
    who: str = "",
    occasion: str = "",
    holiday: str = "",
    article: str = "",
) -> Response:
    """A message to the person from a template, in the page's language unless ``lang`` says."""
    lang = message_lang(lang)
    written = compose(
        network,
        person_id,
        template,
        lang=lang,
        _=translator(lang),
        other_id=other,
        occasion=occasion,
        holiday=holiday,
        article=article,
        choosing=who,
    )
    letters = [letter for letter in (written.letter, written.other) if letter is not None]
    return render(
        request,
        "person/write.html",
        {
            "written": written,
            "letters": letters,
            "findings": [_findings(letter.check) for letter in letters],
            "rules": rule_labels(),
            "lang": lang,
            "languages": {"en": "English", "fr": "Français"},
            "who": who,
            "today": date.today().isoformat(),
            "query": {"occasion": occasion, "holiday": holiday, "article": article},
        },
    )


@router.post("/people/{person_id:int}/write/check", dependencies=[Depends(require_csrf)])
def check_page(
    request: Request,
    person_id: int,
    network: NetworkDep,
    body: Annotated[str, Form()] = "",
    sender: Annotated[str, Form(alias="from")] = "",
    lang: Annotated[str, Form()] = "",
    part: Annotated[int, Form(ge=0, le=1)] = 0,
) -> Response:
    """What the coach finds in the message as it stands (htmx swaps the list under the message)."""
    lang = message_lang(lang)
    findings: list[dict[str, Any]] = []
    problem = ""
    if body.strip():
        try:
            findings = _findings(check_message(network, body, to=person_id, sender=sender, lang=lang))
        except InputRefused as refused:
            problem = refused.text(gettext)
    return render(
        request,
        "person/_findings.html",
        {
            "body": body,
            "findings": findings,
            "rules": rule_labels(),
            "problem": problem,
            "part": part,
            "person_id": person_id,
        },
    )


@router.post("/people/{person_id:int}/write/fix", dependencies=[Depends(require_csrf)])
def fix_page(
    request: Request,
    person_id: int,
    network: NetworkDep,
    rule: Annotated[str, Form()],
    start: Annotated[int, Form(ge=0)],
    end: Annotated[int, Form(ge=0)],
    body: Annotated[str, Form()] = "",
    sender: Annotated[str, Form(alias="from")] = "",
    lang: Annotated[str, Form()] = "",
    part: Annotated[int, Form(ge=0, le=1)] = 0,
) -> Response:
    """The message with one finding's suggestion applied, and what the coach finds in it now."""
    lang = message_lang(lang)
    mended = mend(
        network,
        body,
        rule=rule,
        start=start,
        end=end,
        to=person_id,
        sender=sender,
        lang=lang,
        _=translator(lang),
    )
    findings = (
        _findings(check_message(network, mended, to=person_id, sender=sender, lang=lang))
        if mended.strip()
        else []
    )
    return render(
        request,
        "person/_message.html",
        {
            "body": mended,
            "findings": findings,
            "rules": rule_labels(),
            "problem": "",
            "part": part,
            "person_id": person_id,
            "lang": lang,
        },
    )
