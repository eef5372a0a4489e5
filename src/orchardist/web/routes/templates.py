"""The message templates: the built-in ones to change (and put back), and the user's own to add,
change and delete, in English and French."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.coach.templates import FIELDS, Gives
from orchardist.domain.interactions import KNOWN_KINDS
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.writing import forget_template, save_template, template_list, template_of
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext
from orchardist.web.labels import kind_labels
from orchardist.web.routes.writing import message_lang, translator
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

NetworkDep = Annotated[Network, Depends(network_of)]


def gives_labels() -> dict[str, str]:
    """What a message does in the give/ask ledger, as the pages say it."""
    return {
        Gives.ASKS.value: _("Asks (logged as an ask)"),
        Gives.GIVES.value: _("Gives (logged as a give)"),
        Gives.SOCIAL.value: _("Neither (logged as social)"),
    }


def _form_context(
    lang: str, values: dict[str, str], *, code: str, errors: dict[str, str]
) -> dict[str, object]:
    labels = kind_labels()
    return {
        "lang": lang,
        "languages": {"en": "English", "fr": "Français"},
        "values": values,
        "code": code,
        "errors": errors,
        "gives": gives_labels(),
        "kinds": {kind: labels.get(kind, kind.replace("_", " ")) for kind in KNOWN_KINDS},
        "blanks": {name: gettext(field.label) for name, field in FIELDS.items()},
        "builtin": False,
        "edited": False,
    }


@router.get("/templates")
def templates_page(request: Request, network: NetworkDep, lang: str = "", saved: str = "") -> Response:
    """Every template in one language, built-in and the user's own."""
    lang = message_lang(lang)
    return render(
        request,
        "templates/list.html",
        {
            "templates": template_list(network, lang, translator(lang)),
            "lang": lang,
            "languages": {"en": "English", "fr": "Français"},
            "gives": gives_labels(),
            "message": _("Saved.")
            if saved == "1"
            else (_("Put back as it came.") if saved == "reset" else ""),
        },
    )


@router.get("/templates/new")
def new_template_page(request: Request, lang: str = "") -> Response:
    """An empty template to write."""
    lang = message_lang(lang)
    values = {"name": "", "subject": "", "body": "", "gives": Gives.ASKS.value, "log_kind": "message"}
    return render(request, "templates/edit.html", _form_context(lang, values, code="", errors={}))


@router.get("/templates/{code}/edit")
def edit_template_page(request: Request, code: str, network: NetworkDep, lang: str = "") -> Response:
    """A template to change: a built-in one (the user's copy is kept) or one of their own."""
    lang = message_lang(lang)
    template = template_of(network, code, lang, translator(lang))
    values = {
        "name": template.name,
        "subject": template.subject,
        "body": template.body,
        "gives": template.gives.value,
        "log_kind": template.log_kind,
    }
    context = _form_context(lang, values, code=code, errors={})
    context.update(builtin=template.builtin, edited=template.edited)
    return render(request, "templates/edit.html", context)


@router.post("/templates", dependencies=[Depends(require_csrf)])
def save_template_page(
    request: Request,
    network: NetworkDep,
    lang: Annotated[str, Form()] = "",
    code: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    gives: Annotated[str, Form()] = Gives.SOCIAL.value,
    log_kind: Annotated[str, Form()] = "message",
) -> Response:
    """Keep a template: a new one (no code), or a change to one."""
    lang = message_lang(lang)
    values = {"name": name, "subject": subject, "body": body, "gives": gives, "log_kind": log_kind}
    try:
        save_template(
            network, lang, code=code, name=name, subject=subject, body=body, gives=gives, log_kind=log_kind
        )
    except InputRefused as refused:
        errors = {refused.field or "form": refused.text(gettext)}
        context = _form_context(lang, values, code=code, errors=errors)
        return render(request, "templates/edit.html", context, status_code=400)
    return RedirectResponse(f"/templates?lang={lang}&saved=1", status_code=303)


@router.post("/templates/{code}/forget", dependencies=[Depends(require_csrf)])
def forget_template_page(code: str, network: NetworkDep, lang: Annotated[str, Form()] = "") -> Response:
    """Delete one of the user's own templates, or put a built-in one back as it came."""
    lang = message_lang(lang)
    forget_template(network, code, lang)
    return RedirectResponse(f"/templates?lang={lang}&saved=reset", status_code=303)
