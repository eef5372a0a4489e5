"""``orchardist admin`` and ``orchardist serve --server``: the agency server's commands (PostgreSQL only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from orchardist.cli import serve
from orchardist.cli.main import cli
from orchardist.store.engine import Store

ON_POSTGRES = pytest.mark.parametrize("store", ["postgres"], indirect=True)


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args])


def _url(store: Store) -> str:
    return store.url.render_as_string(hide_password=False)


@ON_POSTGRES
def test_an_agency_its_counsellor_and_the_list(store: Store) -> None:
    made = run(
        _url(store),
        "admin",
        "create-org",
        "North Shore",
        "--admin",
        "Ada@north.example",
        "--base-url",
        "https://o.example/",
    )
    assert made.exit_code == 0, made.output
    assert "admin ada@north.example" in made.stdout and "https://o.example/setup/" in made.stdout
    added = run(
        _url(store), "admin", "add-counsellor", "north shore", "carol@north.example", "--name", "Carol"
    )
    assert added.exit_code == 0, added.output
    assert "http://localhost:8000/setup/" in added.stdout
    listed = json.loads(run(_url(store), "admin", "list", "--json").stdout)
    assert [(a["email"], a["role"], a["set_up"]) for a in listed[0]["accounts"]] == [
        ("ada@north.example", "admin", False),
        ("carol@north.example", "counsellor", False),
    ]
    assert (
        "counsellor carol@north.example, 0 clients (not set up yet)"
        in run(_url(store), "admin", "list").stdout
    )


@ON_POSTGRES
def test_refusals_name_what_is_wrong(store: Store) -> None:
    run(_url(store), "admin", "create-org", "North", "--admin", "ada@north.example")
    again = run(_url(store), "admin", "create-org", "north", "--admin", "bea@north.example")
    assert again.exit_code == 2 and "already an agency named north" in again.stderr
    nowhere = run(_url(store), "admin", "add-counsellor", "South", "carol@south.example")
    assert nowhere.exit_code == 1 and "no agency named South" in nowhere.stderr
    bad = run(_url(store), "admin", "add-counsellor", "North", "not-an-address")
    assert bad.exit_code == 2 and "not an e-mail address" in bad.stderr
    unknown = run(_url(store), "admin", "reset-link", "nobody@north.example")
    assert unknown.exit_code == 1


def test_sqlite_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite3"
    for args in (("admin", "list"), ("serve", "--server")):
        result = run(str(path), *args)
        assert result.exit_code == 2, result.output
        assert "server mode needs PostgreSQL" in result.stderr
    assert not path.exists()


@ON_POSTGRES
def test_serve_server_runs_the_agency_app(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: dict[str, Any] = {}

    def fake_run(app: Any, **options: Any) -> None:
        ran.update(options, app=app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.setattr(serve, "port_free", lambda host, port: True)
    result = run(_url(store), "serve", "--server", "--host", "0.0.0.0", "--proxy", "10.0.0.2")
    assert result.exit_code == 0, result.output
    assert ran["host"] == "0.0.0.0" and ran["proxy_headers"] and ran["forwarded_allow_ips"] == "10.0.0.2"
    with TestClient(ran["app"], base_url="http://orchardist.example") as client:
        assert client.get("/api/v1/people").status_code == 401
        assert (
            client.get("/today", headers={"accept": "text/html"}, follow_redirects=False).headers["location"]
            == "/sign-in?next=/today"
        )
    ran["app"].state.server.close()
    ran.clear()
    workers = run(_url(store), "serve", "--server", "--workers", "4")
    assert workers.exit_code == 0, workers.output
    assert (
        ran["app"] == "orchardist.web.server_app:from_environment" and ran["workers"] == 4 and ran["factory"]
    )
    assert not ran["proxy_headers"]


@ON_POSTGRES
def test_migrate_says_the_revision(store: Store) -> None:
    from orchardist.store.location import HEAD

    result = run(_url(store), "migrate")
    assert result.exit_code == 0, result.output
    assert f"at revision {HEAD}" in result.stdout


@ON_POSTGRES
def test_serving_an_older_schema_says_to_migrate(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: pytest.fail("served an old schema"))
    with store.write() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0013'")
    result = run(_url(store), "serve", "--server")
    assert result.exit_code == 2
    assert "revision 0013" in result.stderr and "orchardist --db … migrate" in result.stderr
