"""Protection for a local web app holding the most sensitive list its user owns.

Every response carries a strict Content-Security-Policy (no inline script, no eval, nothing from
other hosts), ``frame-ancestors 'none'``, ``no-referrer`` and ``nosniff``; pages are never cached.
Every state-changing request must prove it comes from Orchardist's own pages: a CSRF token (a
random value in a SameSite=Strict cookie, echoed in a form field or the ``X-CSRF-Token`` header),
and no cross-site ``Origin`` or ``Sec-Fetch-Site``. JSON API calls from scripts carry no cookie;
they are accepted when they are same-origin JSON, which a cross-site page cannot send without a
CORS preflight that Orchardist never grants.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from orchardist.web.i18n import N_

CSRF_COOKIE = "orchardist_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # Pico draws its icons as inline SVG data URLs.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def csrf_token(request: Request) -> str:
    """The token for this browser: the cookie's value, or the new one this response sets."""
    return str(request.cookies.get(CSRF_COOKIE) or request.state.new_csrf_token)


def _same_origin(request: Request, value: str) -> bool:
    parts = urlsplit(value)
    return parts.netloc == request.headers.get("host", "") and parts.scheme in {"http", "https"}


def check_origin(request: Request) -> None:
    """Refuse a state change that a browser says comes from another site."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site and fetch_site not in {"same-origin", "none"}:
        raise HTTPException(status_code=403, detail=N_("cross-site request refused"))
    origin = request.headers.get("origin")
    # Under Referrer-Policy no-referrer, Chromium sends "Origin: null" on the app's own form posts;
    # Sec-Fetch-Site (checked above) then says same-origin, and the CSRF token is still required.
    if origin == "null" and fetch_site == "same-origin":
        return
    if origin and not _same_origin(request, origin):
        raise HTTPException(status_code=403, detail=N_("cross-site request refused"))


def _same_token(expected: str, given: str) -> bool:
    """Compare tokens in constant time; as bytes, since a forged token may hold any character."""
    return hmac.compare_digest(expected.encode(), given.encode())


async def require_csrf(request: Request) -> None:
    """A dependency for every state-changing page route: same origin and a matching CSRF token."""
    if request.method in SAFE_METHODS:
        return
    check_origin(request)
    expected = request.cookies.get(CSRF_COOKIE, "")
    given = request.headers.get(CSRF_HEADER, "")
    if not given and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else ""
    if not expected or not given or not _same_token(expected, given):
        raise HTTPException(status_code=403, detail=N_("the form has expired; reload the page and try again"))


# The only state-changing method an HTML form on another site can send, without a CORS preflight.
FORM_METHODS = frozenset({"POST"})


async def require_same_origin_json(request: Request) -> None:
    """A dependency for state-changing API routes (scripts and the app's own pages).

    A POST must be JSON: another site's form can POST, but only form-encoded or plain text. PATCH, PUT
    and DELETE need no content type (a DELETE has no body): no page on another site can send them
    without a CORS preflight, which Orchardist never grants.
    """
    if request.method in SAFE_METHODS:
        return
    check_origin(request)
    content_type = request.headers.get("content-type", "")
    if request.headers.get(CSRF_HEADER):
        # The app's own pages send the token; it must match the cookie.
        expected = request.cookies.get(CSRF_COOKIE, "")
        if not expected or not _same_token(expected, request.headers[CSRF_HEADER]):
            raise HTTPException(status_code=403, detail="CSRF token does not match")
        return
    if request.cookies.get(CSRF_COOKIE):
        # A browser with Orchardist's cookie must send the token.
        raise HTTPException(status_code=403, detail="send the X-CSRF-Token header from the app")
    if request.method in FORM_METHODS and not content_type.startswith("application/json"):
        raise HTTPException(status_code=403, detail="send JSON, or the X-CSRF-Token header from the app")


class SecurityHeaders:
    """Adds the security headers, no-store caching for pages, and the CSRF cookie when new.

    A plain ASGI middleware: it changes only the response's headers, as they are sent, and adds no
    task or stream of its own to each request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        new_token = None
        if CSRF_COOKIE not in HTTPConnection(scope).cookies:
            new_token = secrets.token_urlsafe(32)
            scope.setdefault("state", {})["new_csrf_token"] = new_token
        page = not scope["path"].startswith("/static/")
        https = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if page:
                    headers["Cache-Control"] = "no-store"
                if new_token:
                    headers.append("set-cookie", _csrf_cookie(new_token, secure=https))
            await send(message)

        await self.app(scope, receive, with_headers)


def _csrf_cookie(token: str, *, secure: bool) -> str:
    """The Set-Cookie value for a new CSRF token, written as Starlette's ``set_cookie`` writes it."""
    response = Response()
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=secure)
    return response.headers["set-cookie"]
