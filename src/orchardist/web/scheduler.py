"""While ``orchardist serve`` runs, the weekly digest goes out when it is due (checked every hour).

No queue server and no separate process: one asyncio task in the app checks ``is_due`` and sends
through the user's SMTP server in a worker thread. A failure is logged and tried again at the next
check; nothing is recorded as sent until the server accepts the e-mail.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

from fastapi import FastAPI

from orchardist.services.digest import DigestError, send_if_due
from orchardist.services.errors import InputRefused, Refused
from orchardist.services.network import Network
from orchardist.services.server import Server

CHECK_EVERY_SECONDS = 3600.0
log = logging.getLogger("orchardist.digest")


async def digest_loop(network: Network, every: float = CHECK_EVERY_SECONDS) -> None:
    """Send the digest whenever it is due, checking now and then every ``every`` seconds."""
    while True:
        try:
            sent = await asyncio.to_thread(send_if_due, network)
            if sent is not None:
                log.info("sent the weekly digest to %s", sent["To"])
        except (DigestError, InputRefused) as error:
            log.warning("weekly digest: %s", error)
        await asyncio.sleep(every)


def digest_lifespan(
    every: float = CHECK_EVERY_SECONDS,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A FastAPI lifespan that runs ``digest_loop`` for the app's network while the app runs."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(digest_loop(app.state.network, every))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan


async def server_digest_loop(server: Server, every: float = CHECK_EVERY_SECONDS) -> None:
    """The agency server's digests (``services/server_digest.py``): every worker checks each hour, one
    at a time sends. Nothing to the log but how many went out."""
    from orchardist.services import server_mail
    from orchardist.services.server_digest import send_due

    while True:
        try:
            sent = await asyncio.to_thread(send_due, server, server_mail.send)
            if sent:
                log.info("sent %s weekly digests", sent)
        except (Refused, OSError) as error:
            log.warning("weekly digests: %s", type(error).__name__)
        await asyncio.sleep(every)


def server_digest_lifespan(
    server: Server, every: float = CHECK_EVERY_SECONDS
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A FastAPI lifespan running ``server_digest_loop`` while the agency server runs."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(server_digest_loop(server, every))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan
