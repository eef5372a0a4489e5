"""Web figures at 30,000 people: server time per page, and requests per second under load.

    .venv/bin/python -m benchmarks.web [--db sqlite|postgres] [--requests 100] [--load-seconds 10]

The app runs in its own process (``orchardist serve``) on 127.0.0.1; this process imports the
benchmark network (30,000 people, 300,000 interactions), then times pages one request at a time
(server time: the app's own clock,
taken from the Server-Timing header) and finally loads the People page and the API list from
two client processes for a fixed time. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.generate import interaction_rows, linkedin_export
from benchmarks.seed import open_benchmark, person_ids, store_interactions, store_url

PAGES = [
    "/today",
    "/today/losing-touch",
    "/progress",
    "/offers",
    "/people/{id}/write?template=check-in",
    "/people",
    "/people?q=dan",
    "/people?sort=last_contact",
    "/people?sort=recent&page=200",
    "/people?q=maple+health&sort=last_contact",
    "/people?tier=casual&page=300",
    "/people/{id}",
    "/people/{id}/edit",
    "/capture",
    "/import",
    "/export",
    "/duplicates",
    "/settings",
    "/api/v1/people?limit=50",
    "/api/v1/people?search=tremblay",
    "/api/v1/today",
]


def _get(url: str) -> tuple[float, float]:
    """(wall seconds, server seconds) for one GET."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        timing = response.headers.get("Server-Timing", "")
    wall = time.perf_counter() - started
    server = wall
    for part in timing.split(","):
        if part.strip().startswith("app;dur="):
            server = float(part.split("=", 1)[1]) / 1000
    return wall, server


def _load(url: str, seconds: float, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    done = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _get(url)
        done += 1
    out.put(done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--load-seconds", type=float, default=10.0)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, default=30_000, help="people (ten interactions each)")
    parser.add_argument("--only", default="", help="time only the pages whose address contains this")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("orchardist"))
    with tempfile.TemporaryDirectory() as tmp:
        db = store_url(args.db, Path(tmp))
        export = Path(tmp) / "Connections.csv"
        export.write_bytes(linkedin_export(args.rows))
        subprocess.run([exe, "--db", db, "import", str(export)], check=True, capture_output=True)
        store, network = open_benchmark(db)
        store_interactions(store, network, interaction_rows(person_ids(store, network), 10 * args.rows))
        if not store.is_sqlite:
            # A served database in its steady state: autovacuum visits soon after a bulk load, and
            # index-only scans need the visibility map it writes.
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        store.dispose()
        network.close()
        print(f"database: {args.db}; {args.rows:,} people, {10 * args.rows:,} interactions")
        port = "8791"
        server = subprocess.Popen([exe, "--db", db, "serve", "--port", port], stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    _get(base + "/settings")
                    break
                except OSError:
                    time.sleep(0.1)
            cold = _get(base + "/duplicates")[1] * 1000
            print(f"/duplicates, first view after a change: {cold:.0f} ms (finding the pairs; then cached)")
            cold = _get(base + "/progress")[1] * 1000
            print(f"/progress, first view after a change: {cold:.0f} ms (counting 12 weeks; then kept)")
            print(f"{'page':45} {'p50 ms':>8} {'p95 ms':>8}  (server time, {args.requests} requests each)")
            for page in (page for page in PAGES if args.only in page):
                url = base + page.replace("{id}", "15000")
                samples = sorted(_get(url)[1] * 1000 for _ in range(args.requests))
                p95 = samples[int(len(samples) * 0.95) - 1]
                print(f"{page:45} {statistics.median(samples):8.1f} {p95:8.1f}")
            for page in ("/people", "/api/v1/people?limit=50") if not args.only else ():
                queue: multiprocessing.Queue[int] = multiprocessing.Queue()
                workers = [
                    multiprocessing.Process(target=_load, args=(base + page, args.load_seconds, queue))
                    for _ in range(2)
                ]
                for worker in workers:
                    worker.start()
                total = sum(queue.get() for _ in workers)
                for worker in workers:
                    worker.join()
                print(f"load {page:40} {total / args.load_seconds:8.1f} requests/s (2 client processes)")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
