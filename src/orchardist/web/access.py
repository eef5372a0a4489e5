"""Who may use the web app: with an access passcode set, only a browser signed in on ``/sign-in``.

``AccessGate`` looks at every request before any page, API route or asset answers it. With no
passcode set, a server on this computer only (``127.0.0.1``) answers as it always did, and one that
other computers can reach (``shared``) answers nobody but with a page saying how to set one. With a
passcode set, a request needs the session cookie the sign-in page gives: signed with a key this
server process makes when it starts, tied to the passcode now set (changing or clearing it ends
every session), HttpOnly and SameSite=Strict, and good for 12 hours at most. Without it, a page
goes to the sign-in page, the API answers 401. Only what the sign-in page itself needs and the
calendar feed (which has its own secret address) are open.

Wrong passcodes are throttled per address in this process (``Throttle``), answered 429 with
Retry-After while an address must wait.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from itsdangerous import BadSignature, TimestampSigner
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from orchardist.services.access import Access, AccessWatch
from orchardist.web.i18n import N_, gettext

SESSION_COOKIE = "orchardist_session"
SESSION_SECONDS = 12 * 60 * 60
SIGN_IN = "/sign-in"
SIGN_OUT = "/sign-out"
# What the sign-in page needs to be drawn; everything else waits for a session.
SIGN_IN_ASSETS = ("/static/vendor/pico-2.1.1.min.css", "/static/app.css", "/static/favicon.svg")
OPEN_PATHS = frozenset({SIGN_IN, *SIGN_IN_ASSETS})
# The calendar feed's address carries its own secret token (see services/reminders.py).
_FEED = re.compile(r"/feed/[^/]+\.ics")
# RFC 9110 asks a 401 to name a way to authenticate; browsers show no dialog for this one.
CHALLENGE = {"WWW-Authenticate": 'Cookie realm="Orchardist", form-action="/sign-in"'}

SIGN_IN_FIRST = N_("Sign in first: this Orchardist asks for its access passcode.")
NO_PASSCODE = N_(
    "No access passcode is set, so this Orchardist answers nobody. On the computer that runs it, set "
    "one with “orchardist passcode set”, or serve it on this computer only."
)


def local_path(value: str | None, default: str = "/") -> str:
    """``value`` if it is a path of this app (never another site), else ``default``."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")) and "\n" not in value:
        return value
    return default


class Sessions:
    """The sign-in sessions of this server process: signed cookies, ended by sign-out, by a new
    passcode (the signature is tied to it) and by restarting the server (a new key)."""

    def __init__(self, key: bytes | None = None, clock: Callable[[], float] = time.time) -> None:
        self._key = key or secrets.token_bytes(32)
        self._clock = clock
        self._ended: dict[str, float] = {}
        self._lock = threading.Lock()

    def _signer(self, now: Access) -> TimestampSigner:
        return TimestampSigner(
            self._key, salt=f"orchardist-session:{now.stamp}", digest_method=hashlib.sha256
        )

    def new(self, now: Access) -> str:
        """A new session for the passcode now set: the cookie's value."""
        return self._signer(now).sign(secrets.token_urlsafe(16)).decode()

    def _nonce(self, cookie: str | None, now: Access) -> str | None:
        if not cookie or not now.passcode_set:
            return None
        try:
            return self._signer(now).unsign(cookie, max_age=SESSION_SECONDS).decode()
        except BadSignature:  # forged, for another passcode, from another server run, or too old
            return None

    def valid(self, cookie: str | None, now: Access) -> bool:
        """Whether ``cookie`` is a session of this server for the passcode now set, not ended."""
        nonce = self._nonce(cookie, now)
        if nonce is None:
            return False
        with self._lock:
            return nonce not in self._ended

    def end(self, cookie: str | None, now: Access) -> None:
        """End one session (signing out); it is remembered until it would have expired anyway."""
        nonce = self._nonce(cookie, now)
        if nonce is None:
            return
        moment = self._clock()
        with self._lock:
            self._ended = {key: until for key, until in self._ended.items() if until > moment}
            self._ended[nonce] = moment + SESSION_SECONDS


@dataclass(slots=True)
class _Tries:
    wrong: int = 0
    wait_until: float = 0.0
    last: float = 0.0


class Throttle:
    """Passcode tries per address, kept in this server process.

    ``free`` wrong tries in a row are allowed; then each further try waits, twice as long each time
    (30 s, 1 min, 2 min, … up to an hour). A try is counted as wrong when it starts, so tries sent
    all at once cannot slip past; the right passcode clears the address's count. IPv6 addresses
    count per /64 network (one computer can use a whole one); an address quiet for a day is forgotten.
    Behind them, ``free_in_all`` wrong tries in a row from any addresses make everyone wait the same
    way, so taking many addresses does not multiply the tries (restarting the server clears it).
    """

    FORGET_AFTER = 24 * 60 * 60
    MOST_ADDRESSES = 10_000
    EVERYONE = "*"

    def __init__(
        self,
        *,
        free: int = 5,
        free_in_all: int = 50,
        first_wait: float = 30.0,
        longest_wait: float = 60.0 * 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free = free
        self.free_in_all = free_in_all
        self.first_wait = first_wait
        self.longest_wait = longest_wait
        self._clock = clock
        self._tries: dict[str, _Tries] = {}
        self._lock = threading.Lock()

    @staticmethod
    def who(address: str) -> str:
        """What tries are counted by: the address, or its /64 network for IPv6."""
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:
            return address
        if isinstance(parsed, ipaddress.IPv6Address):
            if parsed.ipv4_mapped is not None:
                return str(parsed.ipv4_mapped)
            return str(ipaddress.IPv6Network((parsed, 64), strict=False))
        return str(parsed)

    def start(self, address: str) -> float:
        """Seconds ``address`` must wait before trying, or 0.0: it may try now (counted as wrong
        until ``succeeded``)."""
        counted = ((self.who(address), self.free), (self.EVERYONE, self.free_in_all))
        now = self._clock()
        with self._lock:
            self._forget(now)
            both = [(self._tries.setdefault(key, _Tries()), free) for key, free in counted]
            wait = max(tries.wait_until for tries, _free in both) - now
            for tries, _free in both:
                tries.last = now
            if wait > 0:
                return wait
            for tries, free in both:
                tries.wrong += 1
                if tries.wrong >= free:
                    doubling = min(tries.wrong - free, 20)
                    tries.wait_until = now + min(self.first_wait * 2**doubling, self.longest_wait)
            return 0.0

    def succeeded(self, address: str) -> None:
        """The right passcode: the address, and the count of all addresses, start afresh."""
        with self._lock:
            self._tries.pop(self.who(address), None)
            self._tries.pop(self.EVERYONE, None)

    def _forget(self, now: float) -> None:
        if len(self._tries) < self.MOST_ADDRESSES and not any(
            tries.last < now - self.FORGET_AFTER for tries in self._tries.values()
        ):
            return
        kept = {
            key: tries
            for key, tries in self._tries.items()
            if tries.last >= now - self.FORGET_AFTER or tries.wait_until > now
        }
        if len(kept) >= self.MOST_ADDRESSES:
            # Flooded with addresses: keep the most recent half (the count of all addresses, which
            # holds them back, is always kept).
            newest = sorted(kept.items(), key=lambda item: item[1].last)[len(kept) // 2 :]
            kept = {**dict(newest), **{key: kept[key] for key in (self.EVERYONE,) if key in kept}}
        self._tries = kept


def client_address(request: Request) -> str:
    """The address a request came from (the connection's own; no forwarding header is trusted)."""
    return request.client.host if request.client else "unknown"


def wants_html(request: Request) -> bool:
    """A browser asking for a page, not a script asking the API."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


class AccessGate:
    """The ASGI middleware that asks for a session when a passcode is set (see the module's doc)."""

    def __init__(self, app: ASGIApp, *, shared: bool = False) -> None:
        self.app = app
        self.shared = shared
        self._watch: AccessWatch | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path in OPEN_PATHS or _FEED.fullmatch(path):
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        now = await self._access(request)
        if now.passcode_set and request.app.state.sessions.valid(request.cookies.get(SESSION_COOKIE), now):
            scope.setdefault("state", {})["signed_in"] = True
            await self.app(scope, receive, send)
            return
        if not now.passcode_set and not self.shared:
            await self.app(scope, receive, send)
            return
        response = await self._refusal(request, now)
        await response(scope, receive, send)

    async def _access(self, request: Request) -> Access:
        """The passcode now set: as last read while nothing was committed to the store since (no
        transaction, no hand-off to a worker thread), read again otherwise."""
        network = request.app.state.network
        watch = self._watch
        if watch is None or watch.network != network:
            watch = self._watch = AccessWatch(network)
        known = watch.known()
        return known if known is not None else await run_in_threadpool(watch.read)

    async def _refusal(self, request: Request, now: Access) -> Response:
        if not now.passcode_set:
            # Reachable from other computers with no passcode (cleared while it runs): nobody gets in.
            if wants_html(request):
                from orchardist.web.routes.access import closed_page

                return await run_in_threadpool(closed_page, request)
            return JSONResponse({"detail": NO_PASSCODE}, status_code=503)
        if request.headers.get("hx-request") == "true":
            # htmx follows this header whatever the status: the whole page goes to the sign-in page.
            return Response(status_code=401, headers={**CHALLENGE, "HX-Redirect": SIGN_IN})
        if wants_html(request) and request.method in {"GET", "HEAD"}:
            wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"{SIGN_IN}?next={quote(wanted, safe='/')}", status_code=303)
        if wants_html(request):
            return RedirectResponse(SIGN_IN, status_code=303)
        if request.url.path.startswith("/static/"):
            return PlainTextResponse(gettext(SIGN_IN_FIRST), status_code=401, headers=CHALLENGE)
        return JSONResponse({"detail": SIGN_IN_FIRST}, status_code=401, headers=CHALLENGE)
