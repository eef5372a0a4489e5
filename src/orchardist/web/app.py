"""The FastAPI application: ``create_app(network)`` wires pages, the API, assets and security."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response

from orchardist import __version__
from orchardist.services.network import Network
from orchardist.web import i18n
from orchardist.web.security import SecurityHeaders

ROUTE_PACKAGES = ("orchardist.web.routes", "orchardist.web.api")


def router_modules() -> list[str]:
    """Every area of the app: each module of the route packages defines a ``router``."""
    import importlib
    import pkgutil

    found: list[str] = []
    for package_name in ROUTE_PACKAGES:
        package = importlib.import_module(package_name)
        found.extend(
            f"{package_name}.{info.name}"
            for info in pkgutil.iter_modules(package.__path__)
            if not info.name.startswith("_")
        )
    return sorted(found)


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def create_app(
    network: Network,
    *,
    allowed_hosts: Sequence[str] = LOCAL_HOSTS,
    digests: bool = False,
    digest_every: float | None = None,
) -> FastAPI:
    """The app for one network (the local app's single space).

    Only requests naming one of ``allowed_hosts`` in their Host header are answered: a web page
    elsewhere cannot point a name of its own at 127.0.0.1 and read the app (DNS rebinding).
    With ``digests``, the weekly digest is sent while the app runs, when it is due
    (``orchardist.web.scheduler``).
    """
    import importlib

    from orchardist.web.scheduler import CHECK_EVERY_SECONDS, digest_lifespan

    app = FastAPI(
        title="Orchardist",
        version=__version__,
        description="Orchardist's REST API: people, interactions, imports and exports of one network.",
        # The interactive docs pages load scripts from a CDN; the OpenAPI document itself is served.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=digest_lifespan(digest_every or CHECK_EVERY_SECONDS) if digests else None,
    )
    app.state.network = network
    app.add_middleware(SecurityHeaders)
    if "*" not in allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def per_request(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Set the request's language; report the time the app took (Server-Timing, for benchmarks)."""
        started = time.perf_counter()
        i18n.set_language(
            i18n.negotiate(request.cookies.get(i18n.LANGUAGE_COOKIE), request.headers.get("accept-language"))
        )
        response = await call_next(request)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    app.mount("/static", StaticFiles(packages=[("orchardist.web", "static")]), name="static")
    for module in router_modules():
        # Pages are HTML for people; only the JSON API belongs in the OpenAPI document.
        app.include_router(importlib.import_module(module).router, include_in_schema=".api." in module)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        from fastapi.responses import JSONResponse

        from orchardist.web.messages import translate_message
        from orchardist.web.templating import render

        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        # A page's words: the routes' own are translated already, the others (a refusal from a
        # service, the CSRF check) are recognised and translated here.
        detail = translate_message(error.detail) if isinstance(error.detail, str) else error.detail
        if error.status_code == 404 and detail == "Not Found":
            # An address no page answers (a mistyped link, an old bookmark).
            detail = i18n.gettext("There is no page at this address.")
        elif error.status_code == 405 and detail == "Method Not Allowed":
            detail = i18n.gettext("This page cannot be used that way; go back and try again.")
        return render(
            request,
            "error.html",
            {"status": error.status_code, "detail": detail},
            status_code=error.status_code,
        )

    return app


def network_of(request: Request) -> Network:
    """The network this app serves (a FastAPI dependency)."""
    network: Network = request.app.state.network
    return network
