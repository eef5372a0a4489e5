"""The agency server's app (``orchardist serve --server``): ``create_app`` with a ``Server`` instead of
one network. ``from_environment`` is the factory each worker process builds it with."""

from __future__ import annotations

import os
from collections.abc import Sequence

from fastapi import FastAPI

from orchardist.services.server import Server, open_server

ALLOWED_HOSTS_VARIABLE = "ORCHARDIST_ALLOWED_HOSTS"


def create_server_app(server: Server, *, allowed_hosts: Sequence[str] = ("*",)) -> FastAPI:
    from orchardist.services import server_mail
    from orchardist.web.app import create_app

    # The weekly digests go out while the server runs, once the agency has a mail server.
    return create_app(None, server=server, allowed_hosts=allowed_hosts, digests=server_mail.configured())


def from_environment() -> FastAPI:
    """The app of one worker: the store named by ``ORCHARDIST_DB``, the host names in
    ``ORCHARDIST_ALLOWED_HOSTS`` (comma-separated; any when unset)."""
    hosts = [name for name in os.environ.get(ALLOWED_HOSTS_VARIABLE, "").split(",") if name]
    return create_server_app(open_server(None, migrate=False), allowed_hosts=hosts or ("*",))
