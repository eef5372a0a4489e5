"""``orchardist passcode`` and ``orchardist serve``: nobody else gets in without the passcode."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fastapi import FastAPI
from fastapi.testclient import TestClient

from orchardist.cli import serve
from orchardist.cli.main import cli
from orchardist.services.access import access, passcode_matches
from orchardist.services.network import Network
from orchardist.services.settings import current

PASSCODE = "orchard in bloom"


def run(db: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], input=input)


def test_passcode_set_from_stdin_is_kept_hashed_and_masked(db_arg: str, network: Network) -> None:
    result = run(db_arg, "passcode", "set", "--stdin", input=f"{PASSCODE}\n")
    assert result.exit_code == 0, result.output
    assert "sign in again" in result.stdout
    stored = current(network)["access_passcode"]
    assert stored.startswith("$argon2id$") and PASSCODE not in stored
    assert passcode_matches(network, PASSCODE) is not None
    assert passcode_matches(network, PASSCODE + " ") is None
    shown = json.loads(run(db_arg, "settings", "show", "--json").stdout)
    assert shown["access_passcode"] == "********"
    assert "$argon2" not in run(db_arg, "settings", "show").stdout


def test_passcode_set_asks_twice_without_showing_it(db_arg: str, network: Network) -> None:
    result = run(db_arg, "passcode", "set", input=f"{PASSCODE}\n{PASSCODE}\n")
    assert result.exit_code == 0, result.output
    assert "Access passcode" in result.stderr and "Repeat it" in result.stderr
    assert PASSCODE not in result.output
    assert passcode_matches(network, PASSCODE) is not None


def test_two_different_answers_set_nothing(db_arg: str, network: Network) -> None:
    result = run(db_arg, "passcode", "set", input=f"{PASSCODE}\nsomething else\n")
    assert result.exit_code != 0
    assert not access(network).passcode_set


def test_a_short_passcode_is_refused(db_arg: str, network: Network) -> None:
    result = run(db_arg, "passcode", "set", "--stdin", input="seven77\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "orchardist: passcode: an access passcode needs at least 8 characters; nothing was changed\n"
    )
    assert not access(network).passcode_set


def test_passcode_clear(db_arg: str, network: Network) -> None:
    run(db_arg, "passcode", "set", "--stdin", input=f"{PASSCODE}\n")
    assert run(db_arg, "passcode", "clear").stdout == "access passcode cleared\n"
    assert not access(network).passcode_set
    assert run(db_arg, "passcode", "clear").stdout == "no access passcode was set\n"


def test_the_passcode_is_never_set_as_a_plain_setting(db_arg: str, network: Network) -> None:
    result = run(db_arg, "settings", "set", "access_passcode=letmein123")
    assert result.exit_code == 2 and "orchardist passcode set" in result.stderr
    assert not access(network).passcode_set


def test_a_json_backup_carries_no_passcode(db_arg: str, network: Network, tmp_path: Path) -> None:
    run(db_arg, "passcode", "set", "--stdin", input=f"{PASSCODE}\n")
    run(db_arg, "export", "--format", "json", "-o", str(tmp_path / "backup.json"))
    text = (tmp_path / "backup.json").read_text(encoding="utf-8")
    assert "access_passcode" not in text and "$argon2" not in text


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """What serve would have run: the app and where it listens (uvicorn is not started)."""
    seen: dict[str, Any] = {}

    def fake_run(app: FastAPI, **options: Any) -> None:
        seen["app"] = app
        seen.update(options)

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.setattr(serve, "own_names", lambda ipv6: ["studio", "studio.local", "192.168.1.20"])
    monkeypatch.setattr(serve, "port_free", lambda host, port: True)  # nothing listens in these tests
    yield seen
    if "app" in seen:
        # The command closed its network when it ended; the tests' requests opened it again.
        seen["app"].state.network.close()


def test_serve_refuses_other_computers_without_a_passcode(db_arg: str, served: dict[str, Any]) -> None:
    for host in ("0.0.0.0", "::", "192.168.1.20", "studio.local"):
        result = run(db_arg, "serve", "--host", host)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"orchardist: refused to listen on {host}: other computers could")
        assert "orchardist passcode set" in result.stderr and "Traceback" not in result.output
        assert result.stdout == ""
    assert served == {}


def test_serve_on_this_computer_changes_nothing(db_arg: str, served: dict[str, Any]) -> None:
    result = run(db_arg, "serve")
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["app"].state.shared is False
    assert "http://localhost:8000/" in result.stdout


def test_serve_shares_with_a_passcode_and_answers_only_its_own_names(
    db_arg: str, network: Network, served: dict[str, Any]
) -> None:
    run(db_arg, "passcode", "set", "--stdin", input=f"{PASSCODE}\n")
    result = run(db_arg, "serve", "--host", "0.0.0.0", "--allowed-host", "Orchard.Example")
    assert result.exit_code == 0, result.output
    assert "other computers open it at http://192.168.1.20:8000/ with the access passcode" in result.stdout
    assert "studio.local" in result.stdout and "orchard.example" in result.stdout
    app = served["app"]
    assert served["host"] == "0.0.0.0" and app.state.shared is True
    client = TestClient(app, client=("192.168.1.23", 50000))
    for host in ("192.168.1.20:8000", "studio.local", "orchard.example", "localhost:8000"):
        response = client.get("/api/v1/people", headers={"host": host})
        assert response.status_code == 401, host  # the right name, still no session
    assert client.get("/api/v1/people", headers={"host": "attacker.example"}).status_code == 400


def test_serve_on_one_address_answers_to_it(db_arg: str, network: Network, served: dict[str, Any]) -> None:
    run(db_arg, "passcode", "set", "--stdin", input=f"{PASSCODE}\n")
    assert run(db_arg, "serve", "--host", "fd00::5").exit_code == 0
    client = TestClient(served["app"])
    assert client.get("/sign-in", headers={"host": "[fd00::5]:8000"}).status_code == 200
    assert client.get("/sign-in", headers={"host": "192.168.1.20"}).status_code == 400


@pytest.mark.parametrize("name", ["*", "http://studio", "studio:8000", "two words", ""])
def test_an_allowed_host_must_be_a_name_or_an_address(db_arg: str, name: str, served: dict[str, Any]) -> None:
    result = run(db_arg, "serve", "--allowed-host", name)
    assert result.exit_code == 2 and "is not a host name or an address" in result.stderr
    assert served == {}


def test_own_names_are_found_without_the_network() -> None:
    names = serve.own_names(ipv6=True)
    assert all(serve.host_name(name) == name and not serve.is_loopback(name) for name in names)


def test_what_counts_as_this_computer_only() -> None:
    assert all(serve.is_loopback(host) for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"))
    assert not any(serve.is_loopback(host) for host in ("0.0.0.0", "::", "192.168.1.20", "studio"))


def test_a_port_taken_is_said_with_one_to_use_instead(
    db_arg: str, served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "port_free", lambda host, port: False)
    result = run(db_arg, "serve")
    assert result.exit_code == 2 and "app" not in served
    assert "port 8000 is taken" in result.stderr and "serve --port 8001" in result.stderr
    monkeypatch.setenv("ORCHARDIST_COMMAND", "./run")
    assert "ORCHARDIST_PORT=8001 ./run" in run(db_arg, "serve").stderr


def test_a_port_in_use_is_not_free() -> None:
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        assert not serve.port_free("127.0.0.1", taken)
    assert serve.port_free("127.0.0.1", taken)


def test_open_shows_the_browser_only_on_a_desktop(
    db_arg: str, served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(serve.sys, "platform", "linux")
    result = run(db_arg, "serve", "--open")
    assert "open http://localhost:8000/ in your web browser" in result.stdout and opened == []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(
        "threading.Timer", lambda delay, call, args: type("T", (), {"start": lambda self: call(*args)})()
    )
    run(db_arg, "serve", "--open")
    assert opened == ["http://localhost:8000/"]


def test_the_demo_hint_names_the_command_it_was_run_with(
    db_arg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORCHARDIST_COMMAND", "./run")
    assert "remove them with: ./run demo --remove" in run(db_arg, "demo").stdout
