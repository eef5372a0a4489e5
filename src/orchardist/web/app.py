"""The FastAPI application: ``create_app(network)`` wires pages, the API, assets and security."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Request
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from orchardist import __version__
from orchardist.services.network import Network
from orchardist.services.server import Server
from orchardist.web import errors, i18n
from orchardist.web.access import AccessGate, Sessions, Throttle
from orchardist.web.head import HeadAsGet
from orchardist.web.security import SecurityHeaders

ROUTERS: tuple[str, ...] = (
    # The JSON API under /api/v1, the only part in the OpenAPI document. First: an address is matched
    # against routes in this order, and each API router passes over any other address at once.
    "orchardist.web.api.people",
    "orchardist.web.api.interactions",
    "orchardist.web.api.tending",
    "orchardist.web.api.offers",
    "orchardist.web.api.progress",
    "orchardist.web.api.transfers",
    "orchardist.web.api.coach",
    "orchardist.web.api.me",
    "orchardist.web.api.presence",
    "orchardist.web.api.leads",
    "orchardist.web.api.groups",
    "orchardist.web.api.introductions",
    # The pages, one module an area (each defines ``router``).
    "orchardist.web.routes.access",
    "orchardist.web.routes.home",
    "orchardist.web.routes.today",
    "orchardist.web.routes.reconnect",
    "orchardist.web.routes.people",
    "orchardist.web.routes.person",
    "orchardist.web.routes.writing",
    "orchardist.web.routes.templates",
    "orchardist.web.routes.capture",
    "orchardist.web.routes.duplicates",
    "orchardist.web.routes.offers",
    "orchardist.web.routes.leads",
    "orchardist.web.routes.who_knows",
    "orchardist.web.routes.groups",
    "orchardist.web.routes.introductions",
    "orchardist.web.routes.sharing",
    "orchardist.web.routes.progress",
    "orchardist.web.routes.imports",
    "orchardist.web.routes.exports",
    "orchardist.web.routes.settings",
    "orchardist.web.routes.me",
    "orchardist.web.routes.presence",
    "orchardist.web.routes.pitch",
    "orchardist.web.routes.card",
)
"""Every area of the app, listed rather than discovered: a new one is one line here."""

LOCAL_ROUTERS: tuple[str, ...] = ("orchardist.web.routes.access",)
"""Areas of the local app only: its access passcode's sign-in."""

SERVER_ROUTERS: tuple[str, ...] = (
    "orchardist.web.api.caseload",
    "orchardist.web.routes.account",
    "orchardist.web.routes.caseload",
    "orchardist.web.routes.consent",
    "orchardist.web.routes.agency",
)
"""Areas of the agency server only (``orchardist serve --server``): accounts, caseloads, sharing."""


def routers(*, server: bool) -> tuple[str, ...]:
    """The areas of the local app, or of the agency server (API routers first: see ``ROUTERS``)."""
    if not server:
        return ROUTERS
    kept = tuple(module for module in ROUTERS if module not in LOCAL_ROUTERS)
    api = tuple(module for module in (*SERVER_ROUTERS, *kept) if ".api." in module)
    pages = tuple(module for module in (*kept, *SERVER_ROUTERS) if ".api." not in module)
    return api + pages


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

WORKER_THREADS = 3
"""Threads that run the routes' work, their database reads and the access gate's (anyio's default is
40; datasette keeps 3 for its queries). On this app's two-core machines more threads only take turns for
the interpreter's lock, and each keeps a database connection and memory of its own: with 8 clients at
once, 2 to 4 threads answered as many requests as 40, the server holding 3 MB less a thread below 4 and
some 30 MB less than with 40. Three leave two to answer while one does something slow (an import)."""


def _lifespan(
    digest_every: float | None, server: Server | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """While the app runs: ``WORKER_THREADS``, and the weekly digest when ``digest_every`` is given (on
    the agency server, every client's who asked for it)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        if digest_every is None:
            yield
            return
        from orchardist.web.scheduler import digest_lifespan, server_digest_lifespan

        running = server_digest_lifespan(server, digest_every) if server else digest_lifespan(digest_every)
        async with running(app):
            yield

    return lifespan


def create_app(
    network: Network | None,
    *,
    allowed_hosts: Sequence[str] = LOCAL_HOSTS,
    shared: bool = False,
    digests: bool = False,
    digest_every: float | None = None,
    server: Server | None = None,
) -> FastAPI:
    """The app for one network (the local app's single space).

    Only requests naming one of ``allowed_hosts`` in their Host header are answered: a web page
    elsewhere cannot point a name of its own at 127.0.0.1 and read the app (DNS rebinding). With an
    access passcode set, every request needs a signed-in session (``orchardist.web.access``); a
    ``shared`` app (reachable from other computers) answers nobody while no passcode is set.
    With ``digests``, the weekly digest is sent while the app runs, when it is due
    (``orchardist.web.scheduler``).

    With ``server`` (and no ``network``), the agency server: accounts instead of the passcode
    (``orchardist.web.server_gate``), each client's own network per request, and the counsellors' pages.
    """
    import importlib

    every = None
    if digests:
        from orchardist.web.scheduler import CHECK_EVERY_SECONDS

        every = digest_every or CHECK_EVERY_SECONDS
    app = FastAPI(
        title="Orchardist",
        version=__version__,
        description="Orchardist's REST API: people, interactions, imports and exports of one network.",
        # The interactive docs pages load scripts from a CDN; the OpenAPI document itself is served.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=_lifespan(every, server),
    )
    app.state.network = network
    app.state.server = server
    app.state.shared = shared
    app.state.sessions = Sessions()
    app.state.throttle = Throttle()
    # Added first, so it runs last: inside the security headers, the Host check and the language.
    if server is not None:
        from orchardist.web.server_gate import AccountGate

        app.add_middleware(AccountGate, server=server)
    else:
        app.add_middleware(AccessGate, shared=shared)
    app.add_middleware(SecurityHeaders)
    if "*" not in allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    # Added last, so it runs first: the language is set, and the clock started, before anything else.
    app.add_middleware(PerRequest)
    app.add_middleware(HeadAsGet)

    app.mount("/static", StaticFiles(packages=[("orchardist.web", "static")]), name="static")
    for module in routers(server=server is not None):
        # Pages are HTML for people; only the JSON API belongs in the OpenAPI document.
        app.include_router(importlib.import_module(module).router, include_in_schema=".api." in module)

    errors.install(app)
    return app


class PerRequest:
    """Sets the request's language and reports the time the app took to start its answer
    (``Server-Timing: app;dur=…``, in milliseconds, for benchmarks); a plain ASGI middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        asked = HTTPConnection(scope)
        i18n.set_language(
            i18n.negotiate(asked.cookies.get(i18n.LANGUAGE_COOKIE), asked.headers.get("accept-language"))
        )

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                MutableHeaders(scope=message)["Server-Timing"] = f"app;dur={took:.1f}"
            await send(message)

        await self.app(scope, receive, timed)


def network_of(request: Request) -> Network:
    """The network this request works on (a FastAPI dependency): the local app's one, or on the agency
    server the signed-in client's own (set by ``AccountGate``; nobody else has one)."""
    network: Network | None = getattr(request.state, "network", None) or request.app.state.network
    if network is None:
        raise HTTPException(status_code=404, detail="Not Found")
    return network


def server_of(request: Request) -> Server:
    """The agency server (a FastAPI dependency of the server's own pages)."""
    server: Server | None = request.app.state.server
    if server is None:
        raise HTTPException(status_code=404, detail="Not Found")
    return server
