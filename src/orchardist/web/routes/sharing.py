"""The Share an article page: paste an article (its text, or its title and link; never fetched), see
whom it suits with the words that matched, and draft the note to one of them, logging the give, in
one click."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.sharing import share_note, suggest_sharing
from orchardist.web.app import network_of
from orchardist.web.i18n import gettext
from orchardist.web.routes.writing import message_lang, rule_labels, translator
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

NetworkDep = Annotated[Network, Depends(network_of)]
ArticleText = Annotated[str, Form()]


def _page(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    full: dict[str, Any] = {
        "values": {"text": "", "title": "", "link": ""},
        "suited": None,
        "note": None,
        "error": "",
        "rules": rule_labels(),
        **context,
    }
    return render(request, "sharing/page.html", full, status_code=status_code)


@router.get("/share")
def share_page(request: Request) -> Response:
    return _page(request, {})


@router.post("/share", dependencies=[Depends(require_csrf)])
def rank_from_page(
    request: Request,
    network: NetworkDep,
    text: ArticleText = "",
    title: ArticleText = "",
    link: ArticleText = "",
) -> Response:
    values = {"text": text, "title": title, "link": link}
    try:
        found = suggest_sharing(network, text, title=title, link=link)
    except InputRefused as refused:
        return _page(request, {"values": values, "error": refused.text(gettext)}, status_code=400)
    suited = [
        (item, [(gettext(share_field.label.template), words) for share_field, words in item.matched])
        for item in found.suited
    ]
    return _page(request, {"values": values, "suited": suited})


@router.post("/share/note", dependencies=[Depends(require_csrf)])
def note_from_page(
    request: Request,
    network: NetworkDep,
    person_id: Annotated[int, Form()],
    text: ArticleText = "",
    title: ArticleText = "",
    link: ArticleText = "",
    log: ArticleText = "",
) -> Response:
    """Draft the note to one person and, with ``log`` (the page's one click), log the give."""
    values = {"text": text, "title": title, "link": link}
    lang = message_lang()
    try:
        note = share_note(
            network,
            person_id,
            text=text,
            title=title,
            link=link,
            log=bool(log),
            lang=lang,
            _=translator(lang),
        )
    except InputRefused as refused:
        return _page(request, {"values": values, "error": refused.text(gettext)}, status_code=400)
    findings = [finding.to_dict(gettext) for finding in note.letter.check.findings]
    return _page(request, {"values": values, "note": note, "findings": findings})
