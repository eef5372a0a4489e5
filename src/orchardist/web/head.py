"""HEAD answered as GET is, without the body: what HTTP asks of every GET address, and what link checkers
and ``curl -I`` rely on. Starlette's own routes do it; FastAPI's routes answer HEAD with 405."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """A plain ASGI middleware: a HEAD request goes through the app as a GET, and only the status and the
    headers (``Content-Length`` included) go back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headless(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headless)
