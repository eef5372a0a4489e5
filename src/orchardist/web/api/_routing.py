"""API routers that pass over any address outside their prefix at once.

FastAPI matches a request against the app's routes one after another, some 15 microseconds each; the
API's routers come first in ``ROUTERS``, so an API request is not matched against every page first, and
each of them answers "no match" for a page's address without trying its routes one by one.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.routing import Match
from starlette.types import Scope


class PrefixRouter(APIRouter):
    """An ``APIRouter`` whose routes are all under its ``prefix``."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = scope.get("path", "")
        root = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :]
        if path != self.prefix and not path.startswith(self.prefix + "/"):
            return Match.NONE, {}
        return super().matches(scope)
