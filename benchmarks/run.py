"""Print Orchardist's benchmark figures: import, search, and CLI start-up.

    .venv/bin/python -m benchmarks.run [--db sqlite|postgres] [--rows 30000] [--interactions 300000]

Figures, not pass/fail: compare them with the budgets in docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.generate import interaction_rows
from benchmarks.seed import arguments, linkedin_store, person_ids, store_interactions

QUERIES = [
    "dan",
    "tremblay",
    "maple health",
    "engineer",
    "o’brien",
    "zhang wei",
    "recruit",
    "nobody-here",
    "phd",
    "côté",
]


def bench_help(runs: int = 15) -> list[float]:
    exe = Path(sys.executable).with_name("orchardist")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(exe), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--interactions", type=int, default=300_000)
    args = parser.parse_args()

    from orchardist.domain.queries import Text
    from orchardist.services.importing import import_file
    from orchardist.store.people import PeopleRepository

    with tempfile.TemporaryDirectory() as tmp:
        store, network, export = linkedin_store(args.db, args.rows, Path(tmp))
        print(f"database: {args.db}; file: {args.rows:,} rows, {export.stat().st_size / 1e6:.1f} MB")

        started = time.perf_counter()
        report = import_file(network, export)
        elapsed = time.perf_counter() - started
        print(f"import (first):  {elapsed:6.2f} s  added {report.added:,}, skipped {len(report.skipped)}")
        started = time.perf_counter()
        again = import_file(network, export)
        print(
            f"import (again):  {time.perf_counter() - started:6.2f} s  "
            f"added {again.added}, merged {again.merged:,}"
        )

        rows = interaction_rows(person_ids(store, network), args.interactions)
        started = time.perf_counter()
        store_interactions(store, network, rows)
        print(
            f"interactions:    {time.perf_counter() - started:6.2f} s  "
            f"to store {len(rows):,} (setup, not a budget)"
        )

        if not store.is_sqlite:
            # The steady state of a served database: autovacuum visits soon after a bulk load.
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        timings: dict[str, list[float]] = {}
        with store.read() as conn:
            repo = PeopleRepository(conn, network.space_id)
            for query in QUERIES:
                samples = []
                for _ in range(20):
                    started = time.perf_counter()
                    repo.find(Text(query), limit=50)
                    samples.append((time.perf_counter() - started) * 1000)
                timings[query] = samples
        everything = sorted(sample for samples in timings.values() for sample in samples)
        p95 = everything[int(len(everything) * 0.95)]
        print(
            f"search:          median {statistics.median(everything):5.2f} ms, p95 {p95:5.2f} ms "
            f"(first page of 50, {len(QUERIES)} queries x 20)"
        )
        for query, samples in timings.items():
            print(f"    {query!r:16} {statistics.median(samples):6.2f} ms")

        from orchardist.services.tending import today

        on = date(2026, 11, 22)  # the generator's "today"
        listed = today(network, on)
        samples = []
        for _ in range(20):
            started = time.perf_counter()
            today(network, on)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        print(
            f"today:           median {statistics.median(samples):5.1f} ms, p95 {samples[18]:5.1f} ms "
            f"({len(listed)} items; 20 runs)"
        )
        store.dispose()
        network.close()

    helps = bench_help()
    print(
        f"orchardist --help: median {statistics.median(helps) * 1000:5.0f} ms, "
        f"max {max(helps) * 1000:5.0f} ms"
    )


if __name__ == "__main__":
    main()
