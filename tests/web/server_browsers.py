"""Browsers on the agency server for the web tests: one signed in per persona, as a person would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta

import pyotp
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient

from orchardist.domain.accounts import now
from orchardist.web.security import CSRF_COOKIE
from tests.server_personas import PASSWORD, Cast, Persona


def browser(app: FastAPI, stack: ExitStack) -> TestClient:
    client = stack.enter_context(TestClient(app, base_url="http://localhost", follow_redirects=False))
    client.get("/static/favicon.svg")  # the CSRF cookie, as any first visit gives
    return client


def csrf(client: TestClient) -> str:
    token = client.cookies.get(CSRF_COOKIE)
    assert token
    return token


def sign_in(client: TestClient, persona: Persona) -> None:
    """Password, then (a counsellor) the one-time code of the next time step, never used before."""
    answer = client.post(
        "/sign-in", data={"email": persona.account.email, "password": PASSWORD, "csrf_token": csrf(client)}
    )
    assert answer.status_code == 303, answer.text
    if persona.secret:
        assert answer.headers["location"].startswith("/sign-in/code")
        later = now() + timedelta(seconds=30)
        code = pyotp.TOTP(persona.secret).at(later)
        with time_machine.travel(later):
            done = client.post("/sign-in/code", data={"code": code, "csrf_token": csrf(client)})
        assert done.status_code == 303, done.text


@contextmanager
def browsers(app: FastAPI, cast: Cast) -> Iterator[dict[str, TestClient]]:
    """A signed-in browser for each persona, and an anonymous one."""
    with ExitStack() as stack:
        found = {"anonymous": browser(app, stack)}
        for name in ("alice", "bob", "carol", "dave", "mallory"):
            client = browser(app, stack)
            sign_in(client, getattr(cast, name))
            found[name] = client
        yield found
