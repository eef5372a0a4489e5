"""When the database fails — locked, read-only, full, out of reach — the user gets one sentence that names
no one, the API a status with a code, and nothing is changed; a write waits its turn rather than failing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from orchardist.cli.main import cli
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.errors import StoreUnavailable
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network, open_network
from orchardist.services.people import add_person, count_people
from orchardist.store import engine
from orchardist.store.failures import Failure, classify
from orchardist.web.app import create_app
from orchardist.web.security import CSRF_COOKIE

SECRET_NAME = "Zebulon Quartermaine"


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Iterator[Path]:
    """A migrated SQLite store holding one person whose name must never show in an error."""
    path = tmp_path / "orchardist.sqlite3"
    network = open_network(str(path))
    add_person(network, Person(display_name=SECRET_NAME, emails=("zq@example.org",)))
    network.close()
    yield path


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits short enough for a test: SQLite's own busy wait and the retries around it."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(engine, "WRITE_WAIT_SECONDS", 0.6)


class Locker:
    """Another program holding the store's write lock until released."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def _log(network: Network) -> None:
    log_interaction(network, [1], direction=Direction.GAVE, kind="coffee", summary="Coffee with Zebulon")


@pytest.mark.usefixtures("short_waits")
def test_a_store_locked_beyond_the_wait_says_so_and_changes_nothing(
    sqlite_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    network = open_network(str(sqlite_file))
    locker = Locker(sqlite_file)
    pauses: list[float] = []
    sleep = time.sleep

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        sleep(seconds)

    monkeypatch.setattr(engine.time, "sleep", pause)
    try:
        with pytest.raises(StoreUnavailable) as refused:
            _log(network)
    finally:
        locker.release()
    assert refused.value.failure is Failure.LOCKED
    assert len(pauses) >= 2  # it tried again, waiting its turn, before giving up
    said = str(refused.value)
    assert said.startswith("the store is busy") and SECRET_NAME not in said and "INSERT" not in said
    with network.reading() as unit:
        assert unit.interactions.count() == 0
    network.close()


@pytest.mark.usefixtures("short_waits")
def test_a_write_waits_for_a_lock_that_is_released(sqlite_file: Path) -> None:
    network = open_network(str(sqlite_file))
    locker = Locker(sqlite_file)
    threading.Timer(0.3, locker.release).start()
    _log(network)  # the lock is gone before the wait is over
    with network.reading() as unit:
        assert unit.interactions.count() == 1
    network.close()


@pytest.mark.usefixtures("short_waits")
def test_the_cli_says_one_sentence_and_exits_2_for_a_locked_store(sqlite_file: Path) -> None:
    locker = Locker(sqlite_file)
    try:
        result = CliRunner().invoke(
            cli,
            [
                "--db",
                str(sqlite_file),
                "log",
                "1",
                "--kind",
                "coffee",
                "--direction",
                "gave",
                "--summary",
                "x",
            ],
        )
    finally:
        locker.release()
    assert result.exit_code == 2
    assert result.output.startswith("orchardist: the store is busy")
    assert "Traceback" not in result.output and SECRET_NAME not in result.output


@pytest.mark.usefixtures("short_waits")
def test_the_api_answers_503_with_retry_after_for_a_locked_store(sqlite_file: Path) -> None:
    network = open_network(str(sqlite_file))
    with TestClient(create_app(network), base_url="http://localhost") as client:
        client.get("/api/v1/openapi.json")
        locker = Locker(sqlite_file)
        try:
            response = client.post(
                "/api/v1/interactions",
                json={"person_ids": [1], "direction": "gave", "kind": "coffee", "summary": "x"},
                headers={"X-CSRF-Token": client.cookies.get(CSRF_COOKIE) or ""},
            )
        finally:
            locker.release()
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.json()["code"] == "store.locked"
    assert SECRET_NAME not in response.text
    network.close()


def test_a_read_only_store_is_read_but_not_written(sqlite_file: Path) -> None:
    read_only = f"sqlite:///file:{sqlite_file}?mode=ro&uri=true"
    listed = CliRunner().invoke(cli, ["--db", read_only, "people", "list", "--json"])
    assert listed.exit_code == 0 and SECRET_NAME in listed.output
    result = CliRunner().invoke(cli, ["--db", read_only, "people", "add", "--name", "Ann Lee"])
    assert result.exit_code == 2 and "read-only" in result.output and "Traceback" not in result.output
    network = open_network(str(sqlite_file))
    assert count_people(network) == 1
    network.close()


def test_a_full_disk_changes_nothing_and_says_so(sqlite_file: Path, tmp_path: Path) -> None:
    """The store's file may not grow (RLIMIT_FSIZE in the child): the import fails whole, in one line."""
    rows = "\n".join(f"Person{n},Family{n},,,,,01 Jan 2024" for n in range(4000))
    export = tmp_path / "Connections.csv"
    export.write_text(f"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n{rows}\n")
    wal = sqlite_file.with_name(sqlite_file.name + "-wal")
    size = sqlite_file.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({size + 64 * 1024}, {size + 64 * 1024}))\n"
        "from orchardist.cli.main import main\n"
        f"sys.argv = ['orchardist', '--db', {str(sqlite_file)!r}, 'import', {str(export)!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "full" in result.stderr and "Traceback" not in result.stderr
    assert SECRET_NAME not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    network = open_network(str(sqlite_file))
    assert count_people(network) == 1  # all of the import or none of it
    network.close()


def test_an_unreachable_database_is_one_sentence() -> None:
    result = CliRunner().invoke(
        cli, ["--db", "postgresql://nobody@127.0.0.1:9/none?connect_timeout=2", "people", "list"]
    )
    assert result.exit_code == 2
    assert (
        result.output.startswith("orchardist: cannot open the store at") and "Traceback" not in result.output
    )


def test_an_unforeseen_error_is_one_line_unless_debugging(sqlite_file: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from orchardist.services import listings\n"
        "def broken(*args, **kwargs):\n"
        "    raise KeyError('Zebulon Quartermaine')\n"
        "listings.people_pages = broken\n"
        "from orchardist.cli.main import main\n"
        f"sys.argv = ['orchardist', '--db', {str(sqlite_file)!r}, *sys.argv[1:], 'people', 'list']\n"
        "main()\n"
    )
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert quiet.returncode == 2
    assert quiet.stderr.strip() == (
        "orchardist: an unexpected error (KeyError) stopped the command; "
        "run it again with --debug to see where"
    )
    loud = subprocess.run([sys.executable, "-c", code, "--debug"], capture_output=True, text=True, timeout=60)
    assert "Traceback" in loud.stderr and SECRET_NAME in loud.stderr


def test_the_driver_errors_are_told_apart() -> None:
    def error(text: str) -> sqlite3.OperationalError:
        return sqlite3.OperationalError(text)

    assert classify(error("database is locked")) is Failure.LOCKED
    assert classify(error("database or disk is full")) is Failure.FULL
    assert classify(error("attempt to write a readonly database")) is Failure.READ_ONLY
    assert classify(error("disk I/O error")) is Failure.DISK
    assert classify(error("unable to open database file")) is Failure.UNREACHABLE
    assert classify(sqlite3.IntegrityError("UNIQUE constraint failed")) is Failure.REFUSED


def _writer(db: str, rounds: int, results: object) -> None:
    from orchardist.services.network import open_network as opened

    network = opened(db)
    done = 0
    for _ in range(rounds):
        log_interaction(network, [1], direction=Direction.SOCIAL, kind="note", summary="x")
        done += 1
    network.close()
    results.put(done)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_concurrent_writers_lose_nothing_and_fail_nothing(sqlite_file: Path) -> None:
    """Four processes write 60 interactions each while a fifth reads, all on one SQLite store."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    writers = [context.Process(target=_writer, args=(str(sqlite_file), 60, results)) for _ in range(4)]
    for process in writers:
        process.start()
    network = open_network(str(sqlite_file))
    deadline = time.monotonic() + 120
    while any(process.is_alive() for process in writers) and time.monotonic() < deadline:
        with network.reading() as unit:
            unit.interactions.count()
        time.sleep(0.01)
    for process in writers:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert sorted(results.get(timeout=5) for _ in writers) == [60, 60, 60, 60]
    with network.reading() as unit:
        assert unit.interactions.count() == 240
    network.close()
