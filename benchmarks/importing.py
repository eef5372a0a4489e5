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
    started = time.perf_counter()
    report = import_file(network, path)
    _report(started, report.added)
    network.close()
    return report.added


def _report(started: float, count: int) -> None:
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": elapsed, "peak_bytes": peak, "rows": count}), flush=True)


def _child(which: str, db: str, path: Path, workdir: Path) -> None:
    """One measurement, in this (child) process; prints its figures as one line of JSON."""
    if which == "orchardist":
        url = str(workdir / "orchardist.sqlite3") if db == "sqlite" else _postgres(DATABASE)
        orchardist(path, url)
        return
    if db == "sqlite":
        database = workdir / "floor.sqlite3"
        started = time.perf_counter()
        _report(started, floor_sqlite(path, database))
    else:
        url = _postgres(FLOOR_DATABASE)
        started = time.perf_counter()
        _report(started, floor_postgres(path, url))


def _postgres(name: str) -> str:
    from benchmarks.seed import store_url

    return store_url("postgres", Path("."), name=name)


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
    print(
        f"{'rows':>8} {'round':>5} {'floor s':>8} {'orch. s':>8} {'ratio':>6}"
        f" {'floor MB':>9} {'orch. MB':>9} {'ratio':>6}"
    )
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for rows in args.rows:
            path = workdir / f"Connections-{rows}.csv"
            path.write_bytes(linkedin_export(rows))
            time_ratios, memory_ratios = [], []
            floor_times, orchardist_times, floor_peaks, orchardist_peaks = [], [], [], []
            for number in range(args.rounds):
                # Alternate who goes first, so neither always meets a warmer or a busier machine.
                order = ["floor", "orchardist"] if number % 2 == 0 else ["orchardist", "floor"]
                figures = {which: _measure(which, args.db, path, workdir) for which in order}
                floor, ours = figures["floor"], figures["orchardist"]
                if ours["rows"] != rows or floor["rows"] != rows:
                    raise SystemExit(f"expected {rows} people, got {ours['rows']} and {floor['rows']}")
                time_ratios.append(ours["seconds"] / floor["seconds"])
                memory_ratios.append(ours["peak_bytes"] / floor["peak_bytes"])
                floor_times.append(floor["seconds"])
                orchardist_times.append(ours["seconds"])
                floor_peaks.append(floor["peak_bytes"] / 1e6)
                orchardist_peaks.append(ours["peak_bytes"] / 1e6)
                print(
                    f"{rows:>8,} {number + 1:>5} {floor['seconds']:>8.2f} {ours['seconds']:>8.2f}"
                    f" {time_ratios[-1]:>6.2f} {floor_peaks[-1]:>9.0f} {orchardist_peaks[-1]:>9.0f}"
                    f" {memory_ratios[-1]:>6.2f}",
                    flush=True,
                )
            summary.append(
                (
                    rows,
                    statistics.median(floor_times),
                    statistics.median(orchardist_times),
                    statistics.median(time_ratios),
                    statistics.median(floor_peaks),
                    statistics.median(orchardist_peaks),
                    statistics.median(memory_ratios),
                )
            )
            path.unlink()
    print(f"\nmedians ({args.db}):")
    print(
        f"{'rows':>8} {'floor s':>8} {'orch. s':>8} {'ratio':>6} {'floor MB':>9} {'orch. MB':>9} {'ratio':>6}"
    )
    for rows, floor_s, ours_s, ratio, floor_mb, ours_mb, memory in summary:
        print(
            f"{rows:>8,} {floor_s:>8.2f} {ours_s:>8.2f} {ratio:>6.2f} {floor_mb:>9.0f} {ours_mb:>9.0f}"
            f" {memory:>6.2f}"
        )


if __name__ == "__main__":
    main()
