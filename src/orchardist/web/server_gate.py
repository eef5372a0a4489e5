"""Who may open what on the agency server: the ASGI middleware in front of every page and API call.

A request carries the session cookie the sign-in pages give (``__Host-orchardist`` over HTTPS, Secure,
HttpOnly, SameSite=Strict; ``orchardist_account`` on plain HTTP, for a server tried on one computer).
The session is read from the database on each request (``services.accounts.session_of``), so signing
out, a reset password or an expired session holds on every worker at once.

Signed out, only the sign-in, set-up and reset pages and the assets answer; any other page goes to the
sign-in page and any ``/api/v1`` call gets 401. Signed in, each kind of account has its own area: a
client the whole app on their own network (and their Sharing page), a counsellor the caseload, an admin
the agency page. Anything outside one's area answers 404, as for an address that does not exist, so
that nobody learns which ids exist elsewhere.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from orchardist.domain.accounts import Account, Role, Session
from orchardist.services.accounts import session_of
from orchardist.services.server import Server
from orchardist.web.access import CHALLENGE, wants_html
from orchardist.web.i18n import N_

SECURE_COOKIE = "__Host-orchardist"
PLAIN_COOKIE = "orchardist_account"
SIGN_IN = "/sign-in"
CODE = "/sign-in/code"

# Open to everyone: what signing in, setting up and resetting need.
_OPEN = re.compile(
    r"/sign-in|/sign-in/code|/setup/[A-Za-z0-9_-]{20,100}|/reset(/[A-Za-z0-9_-]{20,100})?|/static/.+"
)

# Each kind of account's own area; a client's is everything that is no one else's.
_COUNSELLOR = re.compile(r"/caseload(/.*)?|/clients/.*|/api/v1/caseload(/.*)?|/api/v1/clients/.*")
_ADMIN = re.compile(r"/agency(/.*)?")
_CLIENT_ONLY = re.compile(r"/sharing(/.*)?")
_ANYONE_SIGNED_IN = frozenset({"/sign-out", "/settings/language"})
# The local app's own machinery, which a server does not offer: the SQLite file's backup and restore,
# the calendar feed's secret address, and mail sent through a server the user names.
_LOCAL_ONLY = re.compile(r"/export/backup|/export/restore|/feed/.*|/settings/feed|/settings/digest(/.*)?")

SIGN_IN_FIRST = N_("Sign in first.")

HOME = {Role.COUNSELLOR: "/caseload", Role.ADMIN: "/agency"}


def signed_in_account(request: Request) -> Account:
    """The account of a request the gate let through (a FastAPI dependency of the server's pages)."""
    account: Account = request.state.account
    return account


def session_cookie(request: Request) -> str | None:
    return request.cookies.get(SECURE_COOKIE) or request.cookies.get(PLAIN_COOKIE)


def cookie_name(request: Request) -> str:
    """``__Host-`` behind HTTPS (the browser then holds it to this host, path /, Secure)."""
    return SECURE_COOKIE if request.url.scheme == "https" else PLAIN_COOKIE


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    secure = request.url.scheme == "https"
    response.set_cookie(
        cookie_name(request), token, path="/", secure=secure, httponly=True, samesite="strict"
    )
    if secure:
        response.delete_cookie(PLAIN_COOKIE, path="/")


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        cookie_name(request), path="/", secure=request.url.scheme == "https", httponly=True
    )


def allowed(role: Role, path: str) -> bool:
    """Whether an account of ``role`` may open ``path``."""
    if path in _ANYONE_SIGNED_IN or _OPEN.fullmatch(path):
        return True
    if _LOCAL_ONLY.fullmatch(path):
        return False
    if _COUNSELLOR.fullmatch(path):
        return role is Role.COUNSELLOR
    if _ADMIN.fullmatch(path):
        return role is Role.ADMIN
    if _CLIENT_ONLY.fullmatch(path):
        return role is Role.CLIENT
    return role is Role.CLIENT


class AccountGate:
    def __init__(self, app: ASGIApp, *, server: Server) -> None:
        self.app = app
        self.server = server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        request = Request(scope, receive)
        session: Session | None = await run_in_threadpool(session_of, self.server, session_cookie(request))
        state = scope.setdefault("state", {})
        state["session"] = session
        if _OPEN.fullmatch(path):
            await self.app(scope, receive, send)
            return
        if session is None or not session.complete:
            await self._sign_in_first(request)(scope, receive, send)
            return
        account = session.account
        state["signed_in"] = True
        state["account"] = account
        if path == "/" and account.role in HOME:
            await RedirectResponse(HOME[account.role], status_code=303)(scope, receive, send)
            return
        if not allowed(account.role, path):
            await self._not_found(request)(scope, receive, send)
            return
        network = self.server.network_of(account)
        if network is not None:
            state["network"] = network
        await self.app(scope, receive, send)

    @staticmethod
    def _sign_in_first(request: Request) -> Response:
        if request.headers.get("hx-request") == "true":
            return Response(status_code=401, headers={**CHALLENGE, "HX-Redirect": SIGN_IN})
        if wants_html(request) and request.method in {"GET", "HEAD"}:
            wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"{SIGN_IN}?next={quote(wanted, safe='/')}", status_code=303)
        if wants_html(request):
            return RedirectResponse(SIGN_IN, status_code=303)
        return JSONResponse(
            {"detail": SIGN_IN_FIRST, "code": "sign_in.first"}, status_code=401, headers=CHALLENGE
        )

    @staticmethod
    def _not_found(request: Request) -> Response:
        if wants_html(request):
            from orchardist.web.errors import not_found_page

            return not_found_page(request)
        # Word for word what an address no route answers gives.
        return JSONResponse({"detail": "Not Found"}, status_code=404)
