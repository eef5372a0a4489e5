"""Errors mapped in one place: a refusal, a missing person, a refused file or an HTTP error becomes the
API's JSON (with the message's code) or the error page in the user's language."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute, Match

from orchardist.domain.wording import NO_SUCH_OFFER, NO_SUCH_PERSON
from orchardist.services.errors import NotFound, Refused, StoreUnavailable
from orchardist.services.importing import ImportRefused
from orchardist.web import i18n


def _is_api(request: Request) -> bool:
    """JSON for the API and for clients that do not ask for HTML; the error page for browsers."""
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def _page(request: Request, status: int, detail: str) -> Response:
    from orchardist.web.templating import render

    return render(request, "error.html", {"status": status, "detail": detail}, status_code=status)


# The codes of a refusal that names something this network does not hold: 404 in the API, whichever
# use case refused it.
NAMED_NOTHING = frozenset({NO_SUCH_PERSON.code, NO_SUCH_OFFER.code})


async def refused(request: Request, error: Exception) -> Response:
    """A use case refused the request (400), or named nothing that exists in this network (404)."""
    from orchardist.web.api._models import ImportProblem, ImportRefusalDetail, Problem, Refusal

    assert isinstance(error, Refused | ImportRefused)
    if isinstance(error, ImportRefused):
        if not _is_api(request):
            return _page(request, 400, i18n.file_problem(error))
        detail = ImportRefusalDetail(
            file=error.file,
            line=error.error.line,
            field=error.error.field,
            reason=str(error.error.reason),
            **error.error.reason.to_dict(),
        )
        return JSONResponse(ImportProblem(detail=detail).model_dump(), status_code=400)
    status = 404 if isinstance(error, NotFound) else 400
    if not _is_api(request):
        return _page(request, status, error.text(i18n.gettext))
    said = error.message.to_dict()
    if status == 404 or said["code"] in NAMED_NOTHING:
        # Someone not in this network, named in the address or in a field of the body (an introducer).
        missing = Problem(detail=str(error), field=error.field, **said)
        return JSONResponse(missing.model_dump(), status_code=404)
    refusal = Refusal(detail=str(error), field=error.field, **said)
    return JSONResponse(refusal.model_dump(), status_code=400)


# What the API answers when the database itself failed, and after how many seconds to try again.
_UNAVAILABLE: dict[str, tuple[int, int | None]] = {
    "locked": (503, 5),
    "full": (507, None),
    "read_only": (503, None),
    "disk": (500, None),
    "unreachable": (503, 30),
    "refused": (500, None),
}


async def store_failed(request: Request, error: Exception) -> Response:
    """The database could not do what was asked (locked, full, read-only, a disk error): 503 with
    ``Retry-After`` when waiting helps, 507 when the disk is full, 500 otherwise; never the driver's text,
    which may quote stored data."""
    from orchardist.web.api._models import Problem

    assert isinstance(error, StoreUnavailable)
    status, retry = _UNAVAILABLE[error.failure.value]
    headers = {"Retry-After": str(retry)} if retry else None
    if not _is_api(request):
        page = _page(request, status, error.text(i18n.gettext))
        if headers:
            page.headers.update(headers)
        return page
    body = Problem(detail=str(error), **error.message.to_dict())
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def allowed_methods(request: Request) -> str:
    """Every method some route answers at the request's address, for the ``Allow`` header of a 405.

    Starlette names only the methods of the first route whose address matched; an address with one
    route for GET and another for POST must name both.
    """
    methods: set[str] = set()
    for route in every_route(request.app.router.routes):
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    if "GET" in methods:
        methods.add("HEAD")  # answered as GET is (``orchardist.web.head``)
    return ", ".join(sorted(methods))


def every_route(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """The routes themselves, inside the routers FastAPI includes (each keeps its ``original_router``,
    whose routes carry the full address: the app includes them without a prefix of its own)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from every_route(included.routes)
        else:
            yield route


async def http_error(request: Request, error: Exception) -> Response:
    """An HTTP error a route raised (its words translated already), or one of the framework's."""
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = allowed_methods(request)
    if _is_api(request):
        if error.status_code == 400:
            # No API route raises a 400 of its own (refusals carry a code): this is the framework failing
            # to read the body (JSON that is not UTF-8, broken multipart), answered as the validation
            # error FastAPI gives any other unreadable body (422).
            problem = {"type": "body_unreadable", "loc": ["body"], "msg": str(error.detail)}
            return JSONResponse({"detail": [problem]}, status_code=422)
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=headers or None)
    # The routes' own words are translated already; the others (the CSRF check's) are msgids marked
    # where they are written, translated here.
    detail = i18n.said(error.detail) if isinstance(error.detail, str) else error.detail
    if error.status_code == 404 and detail == "Not Found":
        # An address no page answers (a mistyped link, an old bookmark).
        detail = i18n.gettext("There is no page at this address.")
    elif error.status_code == 405 and detail == "Method Not Allowed":
        detail = i18n.gettext("This page cannot be used that way; go back and try again.")
    page = _page(request, error.status_code, str(detail))
    page.headers.update(headers)
    return page


def not_found_page(request: Request) -> Response:
    """The page of an address no page answers: also what a page outside one's own area answers, so the
    two cannot be told apart."""
    return _page(request, 404, i18n.gettext("There is no page at this address."))


def install(app: FastAPI) -> None:
    """Answer every refusal and HTTP error of ``app`` as described above."""
    app.add_exception_handler(StoreUnavailable, store_failed)
    app.add_exception_handler(Refused, refused)
    app.add_exception_handler(ImportRefused, refused)
    app.add_exception_handler(HTTPException, http_error)
