"""Web fixtures: an app over a fresh network, and a test client that acts like the app's own pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from orchardist.services.network import Network
from orchardist.web.app import create_app
from orchardist.web.security import CSRF_COOKIE


@pytest.fixture
def client(network: Network) -> Iterator[TestClient]:
    """A browser on Alice's network: its first request receives the CSRF cookie, as a visit would."""
    with TestClient(create_app(network), base_url="http://localhost") as test_client:
        # Any answer sets the cookie; a static file is the cheapest (the OpenAPI document takes half a
        # second to make for each new app).
        test_client.get("/static/favicon.svg")
        yield test_client


@pytest.fixture
def csrf(client: TestClient) -> str:
    """The CSRF token the app's own pages send back with every change."""
    token = client.cookies.get(CSRF_COOKIE)
    assert token
    return token
