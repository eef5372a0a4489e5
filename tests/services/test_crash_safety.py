"""Killed mid-write (SIGKILL: no clean-up, no goodbye), Orchardist leaves a store that is whole and holds
either everything the killed action did or none of it: for an import, a merge and a restore.

Each trial starts the action in a separate process, kills it after a delay spread over the action's own
running time, then checks SQLite's integrity and foreign keys and what the store holds. These are slow
tests: each runs the action a handful of times.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import Person
from orchardist.services.network import open_network

pytestmark = pytest.mark.slow

TRIALS = 4


def _cards(count: int, start: int = 0) -> bytes:
    return b"".join(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nORG:Acme %d\r\nEMAIL:person%d@example.com\r\n"
        b"NOTE:met at the fair\r\nEND:VCARD\r\n" % (n, n % 97, n)
        for n in range(start, start + count)
    )


def _fill(path: Path, people: int, interactions_each: int = 0) -> list[int]:
    network = open_network(str(path))
    try:
        with network.writing() as unit:
            ids = unit.people.add_many(
                [
                    Person(display_name=f"Kept {n}", emails=(f"kept{n}@example.org",), organisation="Initech")
                    for n in range(people)
                ]
            )
            unit.interactions.add_many(
                [
                    Interaction(
                        on=_day(n),
                        direction=Direction.GAVE,
                        kind="coffee",
                        summary=f"Coffee {n}",
                        person_ids=(person_id,),
                    )
                    for person_id in ids
                    for n in range(interactions_each)
                ]
            )
        return ids
    finally:
        network.close()


def _day(n: int) -> date:
    return date(2024, 1, 1) + timedelta(days=n % 700)


def _whole(path: Path) -> sqlite3.Connection:
    """The store, checked whole: SQLite's integrity check and every foreign key."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 (a fixed name)


def _timed(args: Sequence[str]) -> float:
    started = time.monotonic()
    subprocess.run(args, check=True, capture_output=True, timeout=600)
    return time.monotonic() - started


def _killed_after(args: Sequence[str], delay: float) -> bool:
    """Run ``args``, SIGKILL it after ``delay`` seconds; whether it was still running when killed."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    return False


def _reset(db: Path, saved: bytes) -> None:
    """The store as it was saved, without what SQLite kept beside it."""
    db.write_bytes(saved)
    for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        extra.unlink(missing_ok=True)


def _killed_during(args: Sequence[str], delay: float, reset: Callable[[], None]) -> bool:
    """Start from ``reset()`` and kill ``args`` after ``delay`` seconds; should it finish first (a busy
    computer's timings vary), start again and kill it sooner, a few times. Whether a kill landed."""
    for _ in range(4):
        reset()
        if _killed_after(args, delay):
            return True
        delay /= 2
    return False


def _killed_after_lines(args: Sequence[str], lines: int) -> bool:
    """Run ``args`` and SIGKILL it as soon as it has printed ``lines`` lines; whether it was still
    running then."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    for _ in range(lines):
        if not process.stdout.readline():
            break
    running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    return running


def _killed_during_the_next(args: Sequence[str], done: int) -> bool:
    """Run ``args``, a step a line (each waiting for a line on its standard input), and SIGKILL it as
    soon as the step after the ``done``-th has started: it is under way, or at most just finished, when
    the kill lands, however busy the machine. Whether it was still running then."""
    process = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdin is not None and process.stdout is not None
    for _ in range(done):
        if not process.stdout.readline():
            break
        process.stdin.write("go\n")
        process.stdin.flush()
    running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdin.close()
    process.stdout.close()
    return running


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", "from orchardist.cli.main import main; main()", "--db", str(db), *args]


def _delays(full: float) -> list[float]:
    """Kill points spread over the action's running time, the start-up excluded."""
    return [full * (0.3 + 0.6 * trial / (TRIALS - 1)) for trial in range(TRIALS)]


def test_an_import_killed_mid_write_stores_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "orchardist.sqlite3"
    _fill(db, 40, interactions_each=2)
    backup = db.read_bytes()
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(_cards(8_000))
    full = _timed(_cli(db, "import", str(cards)))
    killed = 0
    for delay in _delays(full):
        killed += _killed_during(_cli(db, "import", str(cards)), delay, lambda: _reset(db, backup))
        conn = _whole(db)
        people, links = _count(conn, "people"), _count(conn, "interaction_people")
        conn.close()
        assert (people, links) in {(40, 80), (8_040, 80)}
    assert killed == TRIALS  # the kills landed while it ran, not after


def test_merges_killed_mid_write_leave_each_pair_merged_or_not(tmp_path: Path) -> None:
    db = tmp_path / "orchardist.sqlite3"
    ids = _fill(db, 80, interactions_each=60)
    pairs = list(zip(ids[::2], ids[1::2], strict=True))
    script = (
        "import sys\n"
        "from orchardist.services.duplicates import merge\n"
        "from orchardist.services.network import open_network\n"
        "network = open_network(sys.argv[1])\n"
        "for keep, other in zip(map(int, sys.argv[2::2]), map(int, sys.argv[3::2])):\n"
        "    merge(network, keep, other)\n"
        "    print('merged', flush=True)\n"
        "    sys.stdin.readline()  # the next merge starts when the test says so\n"
    )
    args = [sys.executable, "-c", script, str(db), *(str(n) for pair in pairs for n in pair)]
    backup = db.read_bytes()
    # Killed as soon as the k-th merge is done: while the next one is under way.
    for after in [1 + trial * (len(pairs) - 2) // (TRIALS - 1) for trial in range(TRIALS)]:
        _reset(db, backup)
        assert _killed_during_the_next(args, after)
        conn = _whole(db)
        present = {row[0] for row in conn.execute("SELECT id FROM people")}
        for keep, other in pairs:
            assert keep in present
            held = conn.execute(
                "SELECT count(*) FROM interaction_people WHERE person_id = ?", (keep,)
            ).fetchone()[0]
            # Merged: the other is gone and its 60 contacts are the kept one's. Not merged: both whole.
            assert held == (60 if other in present else 120)
            if other in present:
                assert (
                    conn.execute(
                        "SELECT count(*) FROM interaction_people WHERE person_id = ?", (other,)
                    ).fetchone()[0]
                    == 60
                )
        merged = [other not in present for _keep, other in pairs]
        conn.close()
        # The merges done are the first ones, the one under way perhaps among them; none half made.
        assert merged == sorted(merged, reverse=True)
        assert sum(merged) in {after, after + 1}


def test_a_restore_killed_mid_write_keeps_the_old_network_or_the_whole_new_one(tmp_path: Path) -> None:
    db = tmp_path / "orchardist.sqlite3"
    source = tmp_path / "source.sqlite3"
    _fill(source, 6_000, interactions_each=1)
    backup_file = tmp_path / "orchardist-backup.json"
    subprocess.run(
        _cli(source, "export", "--format", "json", "-o", str(backup_file)), check=True, timeout=600
    )
    _fill(db, 30, interactions_each=3)
    before = db.read_bytes()
    full = _timed(_cli(db, "restore", str(backup_file), "--yes"))
    killed = 0
    for delay in _delays(full):
        killed += _killed_during(
            _cli(db, "restore", str(backup_file), "--yes"), delay, lambda: _reset(db, before)
        )
        conn = _whole(db)
        counts = (_count(conn, "people"), _count(conn, "interaction_people"))
        conn.close()
        assert counts in {(30, 90), (6_000, 6_000)}
    assert killed == TRIALS
