"""Print how long introduction suggestions and article ranking take at 30,000 people, beside floors
measured in the same run.

    .venv/bin/python -m benchmarks.growth [--db sqlite|postgres] [--rows 30000] [--runs 7]

The network is generated (seeded): everyone has a name, an organisation and a title; about a third
have interests, one in twelve something they could use help with and one in twelve something they can
help with, one in thirty is tagged as looking for work (and names an organisation they would like to
join in their notes), a quarter have notes. Floors: for suggestions, reading the rows they weigh (the
same columns, in plain SQL through the standard library on SQLite); for an article, the full-text
query of its terms alone. Figures, not pass/fail (budgets: suggestions under 1 s, an article under
100 ms).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import COMPANIES, FAMILY, GIVEN, TITLES
from benchmarks.seed import arguments, open_benchmark, store_url

TOPICS = (
    "Kubernetes|cloud certifications|sourdough baking|road cycling|user research|nurse education|Rust|"
    "chess|web accessibility|supply chain|French conversation|climate policy|salary negotiation|"
    "street photography|vegetable gardening|leadership|marathon running|AI ethics|woodworking|podcasting|"
    "seed funding|birdwatching|Excel pivot tables|workplace mental health|chamber music|inclusive hiring|"
    "electric vehicles|volunteering|phishing|board games|data visualisation|public speaking|hiking|jazz|"
    "product management|UX writing|machine learning|accounting standards|tax returns|résumé review|"
    "interview practice|Python|SQL|project management|agile coaching|cybersecurity|mentoring|"
    "grant writing|event planning|social media marketing"
).split("|")
NOTES = (
    "Met at the spring networking breakfast",
    "Former colleague from the downtown office; loves talking about {topic}",
    "Asked me about {topic} last time we spoke",
    "Knows everyone in the finance team",
    "Moved here from Toronto, into {topic} these days",
)
ARTICLES = (
    (
        "Running Kubernetes clusters without tears",
        "Operators who run Kubernetes in production keep hitting the same walls: noisy pods, autoscaling "
        "that reacts too late, and dashboards nobody reads. This guide walks through cluster upgrades, "
        "pod disruption budgets and observability that catches trouble early.",
    ),
    (
        "Which cloud certification should you take first?",
        "AWS, Azure or Google Cloud: the certification paths differ in cost and difficulty. We compare the "
        "associate exams, how long to study, and which certifications employers ask for.",
    ),
    (
        "Auditing machine learning models for bias",
        "Fairness audits compare error rates across groups before a model ships. Machine learning teams "
        "now document training data and test for bias the way they test for bugs. " * 8,
    ),
)


def grown_people(rows: int, seed: int = 16) -> list[object]:
    """``rows`` people with the fields introductions and sharing read (seeded: always the same)."""
    from orchardist.domain.people import Person

    chooser = random.Random(seed)
    people: list[object] = []
    for _ in range(rows):
        given, family = chooser.choice(GIVEN), chooser.choice(FAMILY)
        roll = chooser.random()
        topic = chooser.choice(TOPICS)
        searching = roll < 1 / 30
        notes = chooser.choice(NOTES).format(topic=topic) if chooser.random() < 0.25 else ""
        if searching:
            notes = f"Would love to work at {chooser.choice(COMPANIES)}. {notes}".strip()
        people.append(
            Person(
                display_name=f"{given} {family}",
                given_name=given,
                family_name=family,
                organisation=chooser.choice(COMPANIES),
                title=chooser.choice(TITLES),
                interests=tuple(chooser.sample(TOPICS, chooser.choice((1, 2))))
                if chooser.random() < 0.33
                else (),
                could_use_help_with=(chooser.choice(TOPICS),) if chooser.random() < 1 / 12 else (),
                can_help_with=(chooser.choice(TOPICS),) if chooser.random() < 1 / 12 else (),
                tags=("job seeker",) if searching else (),
                notes=notes,
            )
        )
    return people


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

    from orchardist.domain.sharing import article_terms
    from orchardist.services.introductions import suggest_introductions, suggestions_in
    from orchardist.services.sharing import CANDIDATES, suggest_sharing

    with tempfile.TemporaryDirectory() as tmp:
        url = store_url(args.db, Path(tmp))
        store, network = open_benchmark(url)
        with network.writing() as unit:
            unit.people.add_many(grown_people(args.rows))  # type: ignore[arg-type]
        if not store.is_sqlite:
            # The steady state of a served database: autovacuum visits soon after a bulk load.
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        print(f"database: {args.db}; {args.rows:,} people; median of {args.runs} runs")

        def floor_rows() -> int:
            with network.reading() as unit:
                return len(unit.introductions.profiles())

        if args.db == "sqlite":
            plain = sqlite3.connect(url)

            def floor_rows_plain() -> int:
                return len(
                    plain.execute(
                        "SELECT id, display_name, title, interests, could_use_help_with, can_help_with, "
                        "notes, met_through_id FROM people WHERE space_id = ? AND (interests != '[]' OR "
                        "could_use_help_with != '[]' OR can_help_with != '[]')",
                        (network.space_id,),
                    ).fetchall()
                )

            floor, weighed = _timed(floor_rows_plain, args.runs)
        else:
            floor, weighed = _timed(floor_rows, args.runs)
        profiles, _ = _timed(floor_rows, args.runs)

        def cold() -> list[object]:
            with network.reading() as unit:
                return list(suggestions_in(unit, limit=20))  # no key: nothing kept from the last call

        suggested, pairs = _timed(cold, args.runs)
        suggest_introductions(network, limit=20)
        kept, _ = _timed(lambda: suggest_introductions(network, limit=20), args.runs)
        assert isinstance(pairs, list)
        print(
            f"introduction suggestions: {suggested * 1000:7.0f} ms  (floor, reading the {weighed:,} rows "
            f"weighed: {floor * 1000:.0f} ms; through the repository: {profiles * 1000:.0f} ms; "
            f"kept until the network changes: {kept * 1000:.0f} ms)"
        )
        for pair in pairs[:3]:
            print(f"    {pair.score:5.2f}  {pair.why()[:110]}")

        for title, text in ARTICLES:
            terms = article_terms(text, title)
            match = " OR ".join(f'"{term.stem}"*' if term.prefix else f'"{term.stem}"' for term in terms)
            if args.db == "sqlite":

                def fts_floor(match: str = match) -> int:
                    return len(
                        plain.execute(
                            "SELECT rowid FROM people_fts WHERE people_fts MATCH ? ORDER BY bm25(people_fts) "
                            "LIMIT ?",
                            (match, CANDIDATES),
                        ).fetchall()
                    )

                floor_ms, _ = _timed(fts_floor, args.runs)
                shown_floor = f"{floor_ms * 1000:.1f} ms"
            else:

                def pg_floor(terms: tuple[object, ...] = terms) -> int:
                    with network.reading() as unit:
                        return len(unit.introductions.suited_ids(terms, most=CANDIDATES))  # type: ignore[arg-type]

                floor_ms, _ = _timed(pg_floor, args.runs)
                shown_floor = f"{floor_ms * 1000:.1f} ms"
            ranked, found = _timed(
                lambda title=title, text=text: suggest_sharing(network, text, title=title, limit=10),  # type: ignore[misc]
                args.runs,
            )
            best = found.suited[0].why()[:60] if found.suited else "nobody"  # type: ignore[attr-defined]
            print(
                f"article {title[:40]!r:<44} {ranked * 1000:6.1f} ms  (floor, the full-text query: "
                f"{shown_floor}; {len(terms)} terms)  best: {best}"
            )
        if args.db == "sqlite":
            plain.close()
        network.close()
        store.dispose()


if __name__ == "__main__":
    main()
