"""Print how long "who do I know at X" takes at 30,000 people, beside a floor measured in the same run.

    .venv/bin/python -m benchmarks.warm_paths [--db sqlite|postgres] [--rows 30000] [--runs 15]

The generated LinkedIn export is imported (about 200 organisations, some 150 people at each); then one
person in ten is given an introducer and one in ten a past job (at a spelling of another organisation:
"Maple Health Inc.", "MAPLE HEALTH LTD"), as imports and the user would leave them. Each query is
``who_knows`` whole, in its own read transaction: every organisation's name matched, the people there
now and before read, and their introductions followed both ways, then ranked. The floor is the least any
answer must do: one read transaction that selects the people at one organisation by its id through the
same store. Figures (median of the runs), not pass/fail; the budget is 50 ms.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.seed import arguments, linkedin_store

QUERIES = ("Maple Health", "maple health inc.", "NORTHWIND LABS LTD", "Cedar Bank Corp.", "Nobody Corp")
SPELLINGS = ("{} Inc.", "{} Ltd", "{} Canada Ltée", "{}", "{} CORP")


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    import sqlalchemy as sa

    from orchardist.domain.records import JobChange
    from orchardist.services.importing import import_file
    from orchardist.services.warm_paths import who_knows
    from orchardist.store.people import PeopleRepository
    from orchardist.store.tables import organisations, people

    with tempfile.TemporaryDirectory() as tmp:
        store, network, export = linkedin_store(args.db, args.rows, Path(tmp))
        import_file(network, export)
        chance = random.Random(2026)
        with store.write() as conn:
            rows = conn.execute(
                sa.select(people.c.id, organisations.c.name)
                .select_from(people.outerjoin(organisations, organisations.c.id == people.c.organisation_id))
                .where(people.c.space_id == network.space_id)
            ).all()
            ids = [row.id for row in rows]
            names = sorted({row.name for row in rows if row.name})
            introduced = [
                {"person": person_id, "through": chance.choice(ids)}
                for person_id in chance.sample(ids, len(ids) // 10)
            ]
            conn.execute(
                people.update()
                .where(people.c.id == sa.bindparam("person"))
                .values(met_through_id=sa.bindparam("through")),
                [row for row in introduced if row["person"] != row["through"]],
            )
            moves = [
                JobChange(
                    person_id,
                    date(2026, 1, 1),
                    chance.choice(SPELLINGS).format(chance.choice(names)),
                    "Analyst",
                    "Elsewhere",
                    "Lead",
                    "Connections.csv",
                )
                for person_id in chance.sample(ids, len(ids) // 10)
            ]
            PeopleRepository(conn, network.space_id).record_job_changes(date(2026, 1, 1), "bench", moves)
        target = next(name for name in names if name.startswith("Maple Health"))
        with store.read() as conn:
            organisation_id = conn.execute(
                sa.select(organisations.c.id).where(organisations.c.name == target)
            ).scalar_one()

        def floor() -> object:
            with network.reading() as unit:
                return unit.warm_paths.working_at([organisation_id])

        print(
            f"database: {args.db}; {len(ids):,} people, {len(names):,} organisations, "
            f"{len(introduced):,} introductions, {len(moves):,} past jobs; median of {args.runs} runs"
        )
        floor_ms, at = _median_ms(floor, args.runs)
        print(f"{'floor: the people at one organisation by id':<44} {floor_ms:8.2f} ms  ({len(at):,} people)")  # type: ignore[arg-type]
        for query in QUERIES:
            spent, found = _median_ms(lambda query=query: who_knows(network, query, limit=1_000), args.runs)
            print(
                f"{'who-knows ' + repr(query):<44} {spent:8.2f} ms  ({len(found):,} people, "  # type: ignore[arg-type]
                f"{spent / floor_ms:4.1f}x the floor)"
            )
        store.dispose()


if __name__ == "__main__":
    main()
