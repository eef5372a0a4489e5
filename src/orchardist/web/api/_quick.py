"""Routes whose plainest requests skip FastAPI's reading and checking of their query.

Reading a query through FastAPI (solving the route's dependencies, checking each parameter with
pydantic) took longer than the API's busiest read itself on a small network. A quick route is an
``APIRoute`` like any other, documented from its signature as before; on each request its reader
either gives the endpoint's arguments at once, for a query it can tell is valid (every parameter once,
each in its bounds), or None, and FastAPI then reads and checks it as always, with its own 422 answer
for anything wrong. Only the reading changes: the endpoint, the middleware around it (the access gate,
the security headers) and the answer are the same either way.

A synchronous endpoint runs in a worker thread, so that a read waiting on the database does not hold up
the other requests. Where the route's ``at_once`` says the request's reads are made inside this process
(an SQLite store), a quick request is answered on the event loop instead: handing it to a thread and
back cost more than the read itself (measured with eight clients at 3,000 people, 6 ms of processor time
a request fell to under 4), and the read would wait for the interpreter's lock in the thread anyway.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Coroutine
from typing import Any, cast

from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

QuickReader = Callable[[Request], dict[str, Any] | None]
"""The endpoint's arguments read from a request FastAPI would accept with them, or None."""


def _telemetry() -> Callable[[], object]:
    """FastAPI's ``get_telemetry_data`` (None while OpenTelemetry records nothing of the request); a
    FastAPI older than its telemetry (the project allows 0.115) records nothing."""
    try:
        return cast(Callable[[], object], importlib.import_module("fastapi.telemetry").get_telemetry_data)
    except ImportError:
        return lambda: None


TELEMETRY = _telemetry()


def quick_route(reader: QuickReader, *, at_once: Callable[[Request], bool] | None = None) -> type[APIRoute]:
    """A route class (``route_class_override``) for a synchronous endpoint answering a ``Response``; a
    quick request is answered without a worker thread where ``at_once`` says so."""

    class QuickRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            checked = super().get_route_handler()
            endpoint = self.endpoint

            async def handler(request: Request) -> Response:
                # With OpenTelemetry on, FastAPI records each step of the request: keep its way then.
                arguments = reader(request) if TELEMETRY() is None else None
                if arguments is None:
                    return await checked(request)
                if at_once is not None and at_once(request):
                    answer: Response = endpoint(**arguments)
                else:
                    answer = await run_in_threadpool(endpoint, **arguments)
                return answer

            return handler

    return QuickRoute


def plain_int(value: str, least: int, most: int) -> int | None:
    """``value`` as an int if it is written plainly (digits, no sign, space or leading zero) and
    within ``least``..``most``; None if FastAPI is to read it."""
    if not value.isascii() or not value.isdigit() or len(value) > len(str(most)):
        return None
    number = int(value)
    return number if least <= number <= most and str(number) == value else None
