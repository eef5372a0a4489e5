"""Security of the local app: headers on every response, CSRF on every change, vendored assets intact."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from fastapi import APIRouter, Depends, FastAPI
from fastapi.testclient import TestClient

import orchardist.web
from orchardist.services.network import Network
from orchardist.web.app import create_app
from orchardist.web.security import CSRF_COOKIE, require_csrf, require_same_origin_json

STATIC = Path(orchardist.web.__file__).parent / "static"
TESTS_VENDOR = Path(__file__).parent / "vendor"


@pytest.fixture
def guarded(network: Network) -> TestClient:
    """The app plus two probe routes guarded like every page form and API change."""
    app: FastAPI = create_app(network)
    probe = APIRouter()

    @probe.post("/probe/form", dependencies=[Depends(require_csrf)])
    def form() -> dict[str, bool]:
        return {"ok": True}

    @probe.post("/probe/api", dependencies=[Depends(require_same_origin_json)])
    def api() -> dict[str, bool]:
        return {"ok": True}

    app.include_router(probe)
    client = TestClient(app, base_url="http://localhost")
    client.get("/api/v1/openapi.json")
    return client


def test_every_response_carries_the_security_headers(guarded: TestClient) -> None:
    for path in ("/api/v1/openapi.json", "/static/app.css", "/no-such-page"):
        response = guarded.get(path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert guarded.get("/api/v1/openapi.json").headers["cache-control"] == "no-store"


def test_the_csrf_cookie_is_strict_and_http_only(network: Network) -> None:
    client = TestClient(create_app(network), base_url="http://localhost")
    cookie = client.get("/api/v1/openapi.json").headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_a_form_post_needs_the_token(guarded: TestClient) -> None:
    token = guarded.cookies[CSRF_COOKIE]
    assert guarded.post("/probe/form", data={"csrf_token": token}).status_code == 200
    assert guarded.post("/probe/form", headers={"X-CSRF-Token": token}).status_code == 200
    assert guarded.post("/probe/form", data={"csrf_token": "forged"}).status_code == 403
    assert guarded.post("/probe/form", data={}).status_code == 403


def test_a_cross_site_form_post_is_refused_even_with_the_cookie(guarded: TestClient) -> None:
    token = guarded.cookies[CSRF_COOKIE]
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        response = guarded.post("/probe/form", data={"csrf_token": token}, headers=headers)
        assert response.status_code == 403


def test_the_api_takes_same_origin_json_from_scripts(network: Network) -> None:
    app = create_app(network)
    probe = APIRouter()

    @probe.post("/probe/api", dependencies=[Depends(require_same_origin_json)])
    def api() -> dict[str, bool]:
        return {"ok": True}

    app.include_router(probe)
    script = TestClient(app, base_url="http://localhost")  # no cookie: a script, not a browser
    assert script.post("/probe/api", json={}).status_code == 200
    assert script.post("/probe/api", data={"a": "b"}).status_code == 403
    assert script.post("/probe/api", json={}, headers={"Origin": "https://evil.example"}).status_code == 403


def test_a_browser_with_the_cookie_must_send_the_token_to_the_api(guarded: TestClient) -> None:
    token = guarded.cookies[CSRF_COOKIE]
    assert guarded.post("/probe/api", json={}).status_code == 403
    assert guarded.post("/probe/api", json={}, headers={"X-CSRF-Token": token}).status_code == 200
    assert guarded.post("/probe/api", json={}, headers={"X-CSRF-Token": "forged"}).status_code == 403


@pytest.mark.parametrize("folder", [STATIC / "vendor", TESTS_VENDOR])
def test_vendored_assets_match_their_pinned_checksums(folder: Path) -> None:
    entries = json.loads((folder / "VENDOR.json").read_text())
    assert entries
    for name, entry in entries.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == entry["sha256"], name
        assert (folder / entry["licence"]).exists()
        assert entry["version"] in name


def test_no_template_or_asset_reaches_another_host() -> None:
    web = Path(orchardist.web.__file__).parent
    for path in [*web.rglob("*.html"), STATIC / "app.css"]:
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://{", "") and "https://" not in text, path
        assert "<script>" not in text and " style=" not in text and "onclick" not in text, path


def test_a_forged_token_with_any_characters_is_refused_not_an_error(guarded: TestClient) -> None:
    for forged in ("é" * 43, "\u202e", "x"):
        response = guarded.post("/probe/form", data={"csrf_token": forged})
        assert response.status_code == 403, forged
    response = guarded.post("/probe/api", headers={"X-CSRF-Token": "ü".encode("latin-1") * 10}, json={})
    assert response.status_code == 403


def test_only_local_host_names_are_answered(network: Network) -> None:
    for host in ("localhost", "127.0.0.1"):
        assert (
            TestClient(create_app(network), base_url=f"http://{host}:8000").get("/people").status_code == 200
        )
    rebound = TestClient(create_app(network), base_url="http://attacker.example")
    assert rebound.get("/api/v1/people").status_code == 400
    shared = TestClient(create_app(network, allowed_hosts=("*",)), base_url="http://orchard.lan")
    assert shared.get("/api/v1/people").status_code == 200


def test_the_openapi_document_describes_the_api_and_not_the_pages(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert paths and all(path.startswith("/api/v1/") for path in paths)


def test_an_unknown_address_gets_a_page_for_people_and_json_for_scripts(client: TestClient) -> None:
    page = client.get("/no-such-page", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert page.template.name == "error.html"  # type: ignore[attr-defined]
    assert page.context["detail"] == "There is no page at this address."  # type: ignore[attr-defined]
    french = client.get("/no-such-page", headers={"accept": "text/html", "accept-language": "fr-CA"})
    assert french.context["detail"] != page.context["detail"]  # type: ignore[attr-defined]
    assert client.get("/no-such-page").json() == {"detail": "Not Found"}


@pytest.mark.parametrize("path", ["/today", "/people", "/api/v1/people", "/static/app.css", "/welcome"])
def test_head_is_answered_as_get_without_a_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert "content-security-policy" in head.headers


def test_a_405_names_head_beside_get(client: TestClient) -> None:
    refused = client.put("/api/v1/people")
    assert refused.status_code == 405 and "HEAD" in refused.headers["allow"].split(", ")
