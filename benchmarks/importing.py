"""The import of a LinkedIn ``Connections.csv`` against its plain-Python floor, taking turns.

    PYTHONPATH=. .venv/bin/python -m benchmarks.importing [--db sqlite|postgres] \
        [--rows 3000 30000 100000] [--rounds 3]

Each round imports the same generated file once with Orchardist (the whole ``import_file`` path:
reading, the sandboxed parse, matching, one transaction) and once with the floor, in turns, each in
a child process of its own so that neither shares the other's heap and its peak memory
(``getrusage`` maxrss) is its own. The floor reads the file with the csv module and stores it in one
transaction: on SQLite ``executemany`` into a plain table and one statement filling an FTS5 index; on
PostgreSQL a ``COPY`` into a plain table with a GIN-indexed ``tsvector``. Both run on a new, empty
database with the same settings (WAL, ``synchronous=FULL`` on SQLite).

Printed: each round's times and peak memory, and the median of the per-round ratios. Figures, not
pass/fail: docs/benchmarks.md holds the targets (at most 4x the floor's time on SQLite, 6x on
PostgreSQL, 1.5x its peak memory).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.generate import linkedin_export

DATABASE = "orchardist_bench_import"
FLOOR_DATABASE = "orchardist_bench_import_floor"
_HEADER_START = "First Name,"


def _rows(data: bytes) -> list[list[str]]:
    """The file's connections as the csv module reads them (the preamble before the header skipped)."""
    text = data.decode("utf-8-sig")
    start = text.index(_HEADER_START)
    reader = csv.reader(io.StringIO(text[start:], newline=""))
    next(reader)
    return list(reader)


def floor_sqlite(path: Path, database: Path) -> int:
    """The floor on SQLite: csv, executemany into a plain table, one FTS5 statement; one transaction."""
    import sqlite3

    conn = sqlite3.connect(database, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,"
        " url TEXT NOT NULL, email TEXT NOT NULL, company TEXT NOT NULL, position TEXT NOT NULL,"
        " connected_on TEXT NOT NULL)"
    )
    conn.execute("CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content='')")
    rows = _rows(path.read_bytes())
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO people (first_name, last_name, url, email, company, position, connected_on)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        "INSERT INTO people_fts (rowid, search_text) SELECT id,"
        " first_name || ' ' || last_name || ' ' || company || ' ' || position FROM people"
    )
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def floor_postgres(path: Path, url: str) -> int:
    """The floor on PostgreSQL: csv, COPY into a plain table with a GIN-indexed tsvector; one
    transaction."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute(
            "CREATE TABLE people (id SERIAL PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,"
            " url TEXT NOT NULL, email TEXT NOT NULL, company TEXT NOT NULL, position TEXT NOT NULL,"
            " connected_on TEXT NOT NULL, search tsvector GENERATED ALWAYS AS (to_tsvector('simple',"
            " first_name || ' ' || last_name || ' ' || company || ' ' || position)) STORED)"
        )
        conn.execute("CREATE INDEX people_search ON people USING GIN (search)")
        conn.commit()
        rows = _rows(path.read_bytes())
        with (
            conn.cursor() as cursor,
            cursor.copy(
                "COPY people (first_name, last_name, url, email, company, position, connected_on) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row(row)
        conn.commit()
    return len(rows)


def orchardist(path: Path, url: str) -> int:
    """The whole ``orchardist import`` path, on a new store (created before the clock starts)."""
    from orchardist.services.importing import import_file
    from orchardist.services.network import open_network

    network = open_network(url)
    before = _footprint()
    cpu = _cpu_seconds()
    started = time.perf_counter()
    report = import_file(network, path)
    elapsed = time.perf_counter() - started
    # The sandbox's child is forked from this process (it has one thread) and waited for, so its processor
    # time counts among this process's children; had it come from the fork server, stopping the server
    # waits for it.
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # type: ignore[attr-defined]
    _report(elapsed, _cpu_seconds() - cpu, before, report.added)
    network.close()
    return report.added


def _cpu_seconds() -> float:
    """Processor time of this process and of its children that have ended, user and system."""
    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def _footprint() -> int:
    """Bytes of memory this process holds now (resident)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _report(elapsed: float, cpu: float, before: int, count: int) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    figures = {
        "seconds": elapsed,
        "cpu": cpu,
        "peak_bytes": peak,
        "growth_bytes": peak - before,
        "rows": count,
    }
    print(json.dumps(figures), flush=True)


def _child(which: str, db: str, path: Path, workdir: Path) -> None:
    """One measurement, in this (child) process; prints its figures as one line of JSON."""
    if which == "orchardist":
        url = str(workdir / "orchardist.sqlite3") if db == "sqlite" else _postgres(DATABASE)
        orchardist(path, url)
        return
    store: Callable[[], int]
    if db == "sqlite":
        store = partial(floor_sqlite, path, workdir / "floor.sqlite3")
    else:
        store = partial(floor_postgres, path, _postgres(FLOOR_DATABASE))
    before = _footprint()
    cpu = _cpu_seconds()
    started = time.perf_counter()
    count = store()
    _report(time.perf_counter() - started, _cpu_seconds() - cpu, before, count)


def _postgres(name: str) -> str:
    from benchmarks.seed import store_url

    return store_url("postgres", Path("."), database=name)


def _measure(which: str, db: str, path: Path, workdir: Path) -> dict[str, float]:
    for old in workdir.glob("*.sqlite3*"):
        old.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.importing", "--child", which, "--db", db]
        + ["--file", str(path), "--workdir", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, nargs="+", default=[3_000, 30_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=["orchardist", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.db, args.file, args.workdir)
        return

    print(f"database: {args.db}; {args.rounds} rounds, Orchardist and the floor taking turns")
    print("each figure: floor / Orchardist = ratio (time by the clock, processor time, peak memory,")
    print("and memory grown during the import over what the process held before it)")
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for rows in args.rows:
            path = workdir / f"Connections-{rows}.csv"
            path.write_bytes(linkedin_export(rows))
            rounds: list[dict[str, tuple[float, float, float]]] = []
            for number in range(args.rounds):
                # Alternate who goes first, so neither always meets a warmer or a busier machine.
                order = ["floor", "orchardist"] if number % 2 == 0 else ["orchardist", "floor"]
                figures = {which: _measure(which, args.db, path, workdir) for which in order}
                floor, ours = figures["floor"], figures["orchardist"]
                if ours["rows"] != rows or floor["rows"] != rows:
                    raise SystemExit(f"expected {rows} people, got {ours['rows']} and {floor['rows']}")
                rounds.append(
                    {
                        name: (floor[key] / scale, ours[key] / scale, ours[key] / floor[key])
                        for name, key, scale in _FIGURES
                    }
                )
                print(f"{rows:>8,} round {number + 1}: {_line(rounds[-1])}", flush=True)
            summary.append((rows, {name: _medians([item[name] for item in rounds]) for name, *_ in _FIGURES}))
            path.unlink()
    print(f"\nmedians over the rounds ({args.db}; the ratio is the median of the rounds' ratios):")
    for rows, medians in summary:
        print(f"{rows:>8,}: {_line(medians)}")


_FIGURES = (
    ("time", "seconds", 1.0),
    ("cpu", "cpu", 1.0),
    ("peak", "peak_bytes", 1e6),
    ("growth", "growth_bytes", 1e6),
)
_UNITS = {"time": "s", "cpu": "s cpu", "peak": "MB peak", "growth": "MB grown"}


def _medians(values: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    floor, ours, ratio = zip(*values, strict=True)
    return statistics.median(floor), statistics.median(ours), statistics.median(ratio)


def _line(figures: dict[str, tuple[float, float, float]]) -> str:
    return "   ".join(
        f"{floor:.2f} / {ours:.2f} {_UNITS[name]} = {ratio:.2f}x"
        if name in ("time", "cpu")
        else f"{floor:.0f} / {ours:.0f} {_UNITS[name]} = {ratio:.2f}x"
        for name, (floor, ours, ratio) in figures.items()
    )


if __name__ == "__main__":
    main()
