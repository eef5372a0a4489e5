"""Jinja templates with translations, formatting filters and what every page needs."""

from __future__ import annotations

from typing import Any

import jinja2
from fastapi import Request
from starlette.templating import Jinja2Templates, _TemplateResponse

from orchardist.services.demo import count_demo
from orchardist.web import i18n
from orchardist.web.security import CSRF_FIELD, csrf_token


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("orchardist.web", "templates"),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["day"] = i18n.format_day
    env.filters["number"] = i18n.format_number
    env.filters["said"] = i18n.said
    return env


templates = Jinja2Templates(env=_environment())


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> _TemplateResponse:
    """Render template ``name``; the context is what tests assert on, so it holds plain values."""
    full: dict[str, Any] = {
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(request),
        "language": i18n.current_language(),
        "languages": i18n.LANGUAGES,
        "is_htmx": request.headers.get("hx-request") == "true",
    }
    network = getattr(request.state, "network", None) or getattr(request.app.state, "network", None)
    full["account"] = getattr(request.state, "account", None)
    full["on_server"] = getattr(request.app.state, "server", None) is not None
    if network is not None and not full["is_htmx"]:
        # Every full page says so while the demo people are in the network, with a one-click removal.
        full["demo_count"] = count_demo(network)
    else:
        full["demo_count"] = 0
    full.update(context or {})
    return templates.TemplateResponse(request, name, full, status_code=status_code)
