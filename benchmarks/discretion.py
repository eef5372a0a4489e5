"""Print how long co-worker flags take for 30,000 people when the employer changes.

    .venv/bin/python -m benchmarks.discretion [--db sqlite|postgres] [--rows 30000] [--runs 7]

Flags are worked out when read, from each person's organisation and e-mails, so "recomputing" them is
reading them again: "save + list" stores a new employer and reads the About me page's list of
co-workers and maybes for the whole network in the same transaction (each organisation's name compared
once, then only the people at the ones that match read); "list" is that read alone; "in memory" flags
all 30,000 people already loaded, with nothing compared yet (the pure rule); "page of 50" is a page of
the People list with its flags. Figures, not pass/fail.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.seed import arguments, linkedin_store

EMPLOYERS = (
    # (employer, aliases, work domains): an exact name, a name that makes every "Maple …" a maybe,
    # an alias and a domain, and nothing at all.
    ("Maple Health Inc.", (), ()),
    ("Maple", (), ()),
    ("Cedar Labs Ltd", ("Summit Bank",), ("example.com",)),
    ("", (), ()),
)


def _timed(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from orchardist.domain.discretion import AboutMe, Workplace
    from orchardist.services.discretion import about_from, about_me, flag_of, set_about_me
    from orchardist.services.importing import import_file
    from orchardist.services.people import browse_people

    with tempfile.TemporaryDirectory() as tmp:
        store, network, export = linkedin_store(args.db, args.rows, Path(tmp))
        import_file(network, export)
        with network.reading() as unit:
            everyone = unit.people.all()
        print(f"database: {args.db}; {len(everyone):,} people; median of {args.runs} runs")
        print(
            f"{'employer':<34} {'co-workers':>10} {'maybe':>6} {'save + list':>12} {'list':>8} "
            f"{'in memory':>10} {'page of 50':>11}"
        )
        for employer, aliases, domains in EMPLOYERS:
            changes = {
                "employer": employer,
                "employer_aliases": list(aliases),
                "work_domains": list(domains),
                "search_mode": "discreet",
            }
            saved, _ = _timed(lambda changes=changes: set_about_me(network, changes), args.runs)  # type: ignore[misc]
            listed, overview = _timed(lambda: about_me(network), args.runs)

            with network.reading() as unit:
                about = about_from(unit.settings.read())

            def in_memory(about: AboutMe = about) -> int:
                workplace = Workplace.of(about)  # fresh: no organisation compared yet
                return sum(1 for person in everyone if flag_of(workplace, person).flagged)

            memory, flagged = _timed(in_memory, args.runs)
            page, _ = _timed(lambda: browse_people(network, limit=50), args.runs)
            assert overview is not None
            shown = (
                f"{employer or '(none)'}{' +' + ','.join((*aliases, *domains)) if aliases or domains else ''}"
            )
            print(
                f"{shown[:34]:<34} {len(overview.coworkers):>10,} {len(overview.maybe):>6,} "  # type: ignore[attr-defined]
                f"{saved * 1000:>9.0f} ms {listed * 1000:>5.0f} ms {memory * 1000:>7.0f} ms "
                f"{page * 1000:>8.1f} ms  ({flagged:,} flagged)"
            )
        network.close()
        store.dispose()


if __name__ == "__main__":
    main()
