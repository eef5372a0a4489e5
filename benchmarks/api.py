"""The API's search beside datasette's, on the same rows and the same search: requests a second,
latency and the server's memory.

    PYTHONPATH=. .venv/bin/python -m benchmarks.api [--db sqlite|postgres] [--rows 30000]
        [--rounds 5] [--seconds 6] [--clients 8]

Orchardist imports a generated LinkedIn file of ``--rows`` people and ten interactions a person, and
serves it with ``orchardist serve``. datasette (pinned below) is installed in a virtual environment
of its own under ``~/.cache/orchardist-benchmarks/`` the first time, and serves an SQLite file made
here from the same people as the API returns them (every field of the API's JSON as a column, lists as
JSON text), with an FTS5 table over the same search words, configured for the table, and facet
suggestions off. Both answer the same searches: the first 50 people whose words start with the term,
by name, with how many match in all (datasette's ``_searchmode=raw`` with the same FTS5 expression
Orchardist sends, ``_sort`` on the same sort key).

Both servers run on 127.0.0.1 at once and are loaded in turn, each round starting with the other, by
the same client: ``--clients`` threads, each on a kept-alive connection, sending one request after
another for ``--seconds``. Printed: requests a second per round and their median, the median of the
per-round ratios (Orchardist / datasette), the median and 95th percentile latency over every round,
each server's processor time per request (user and system, from /proc/PID/stat: steadier than requests a
second on a machine shared with other work), and each server's resident memory after the load (VmRSS)
and at its peak (VmHWM). Loopback only;
every loop is bounded in time.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import interaction_rows
from benchmarks.seed import arguments, linkedin_store, person_ids, store_interactions
from orchardist.services.network import Network

DATASETTE = "datasette==0.65.1"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "orchardist-benchmarks"
SEARCHES = ("tremblay", "gagnon", "chen", "maple", "engineer")
"""Surnames (some 550 people each at 30,000), an organisation's word (1,500) and a title's (4,700)."""
PAGE = 50
COLUMNS = (
    "id",
    "name",
    "given_name",
    "family_name",
    "pronouns",
    "organisation",
    "title",
    "emails",
    "phones",
    "urls",
    "linkedin_url",
    "location",
    "tags",
    "tier",
    "every_days",
    "interests",
    "can_help_with",
    "could_use_help_with",
    "how_met",
    "where_met",
    "met_through_id",
    "birthday",
    "dates",
    "knows_search",
    "coworker_override",
    "notes",
    "coworker",
    "coworker_maybe",
    "sources",
    "last_contact",
)


def datasette_exe() -> Path:
    """datasette's command, installed in its own virtual environment the first time."""
    home = CACHE / DATASETTE.replace("==", "-")
    exe = home / "bin" / "datasette"
    if not exe.exists():
        print(f"installing {DATASETTE} in {home} (once)", flush=True)
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base, "-m", "venv", "--clear", str(home)], check=True)
        pip = [str(home / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        # setuptools for pkg_resources, which datasette 0.65 still imports.
        subprocess.run([*pip, DATASETTE, "setuptools<81"], check=True)
    return exe


def datasette_file(network: Network, path: Path) -> None:
    """The people as the API returns them, in an SQLite file with an FTS5 table datasette finds."""
    from orchardist.domain.search import search_text, sort_key
    from orchardist.services.listings import people_pages
    from orchardist.services.serialisers import listing_to_dict

    db = sqlite3.connect(path)
    names = ", ".join(f"[{name}]" for name in COLUMNS)
    db.execute(f"CREATE TABLE people ({names}, sort_key TEXT, search_text TEXT, PRIMARY KEY (id))")
    db.execute(
        "CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content=\"people\", content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    holes = ", ".join("?" * (len(COLUMNS) + 2))
    for page in people_pages(network):
        rows = []
        for listing in page:
            values = listing_to_dict(listing)
            row = [
                json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for v in values.values()
            ]
            rows.append((*row[: len(COLUMNS)], sort_key(listing.person), search_text(listing.person)))
        db.executemany(f"INSERT INTO people VALUES ({holes})", rows)
    db.execute("INSERT INTO people_fts(rowid, search_text) SELECT id, search_text FROM people")
    db.execute("CREATE INDEX people_sort_key ON people(sort_key, id)")
    db.commit()
    db.execute("ANALYZE")
    db.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    path: str
    rates: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def url(self, term: str) -> str:
        return self.path.format(term=urllib.parse.quote(term))

    def cpu_seconds(self) -> float:
        """Processor time the server has used (user and system), from /proc/PID/stat."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self) -> tuple[float, float]:
        """(VmRSS, VmHWM) in MB."""
        found = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024
        return found["VmRSS"], found["VmHWM"]


def get(conn: http.client.HTTPConnection, path: str) -> bytes:
    conn.request("GET", path, headers={"Accept": "application/json"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {body[:200]!r}")
    return body


def wait_for(server: Server) -> None:
    for _ in range(300):
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} stopped before answering")
        try:
            get(http.client.HTTPConnection("127.0.0.1", server.port, timeout=5), server.url(SEARCHES[0]))
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{server.name} did not answer")


def load(server: Server, clients: int, seconds: float) -> tuple[int, list[float]]:
    """Requests done by ``clients`` threads in ``seconds``, and each one's latency in seconds."""
    done: list[list[float]] = [[] for _ in range(clients)]
    start = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(number: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        paths = [server.url(term) for term in SEARCHES]
        turn = number
        start.wait()
        while time.perf_counter() < deadline[0]:
            started = time.perf_counter()
            get(conn, paths[turn % len(paths)])
            done[number].append(time.perf_counter() - started)
            turn += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    deadline[0] = time.perf_counter() + seconds
    start.wait()
    for thread in threads:
        thread.join(seconds + 60)
    latencies = [value for one in done for value in one]
    return len(latencies), latencies


def same_people(orchardist: Server, datasette: Server) -> bool:
    """Whether both answer the first search with the same people in the same order, and the same total."""
    ours = json.loads(
        get(http.client.HTTPConnection("127.0.0.1", orchardist.port), orchardist.url(SEARCHES[0]))
    )
    theirs = json.loads(
        get(http.client.HTTPConnection("127.0.0.1", datasette.port), datasette.url(SEARCHES[0]))
    )
    return [p["id"] for p in ours["people"]] == [row["id"] for row in theirs["rows"]] and ours[
        "total"
    ] == theirs["filtered_table_rows_count"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--interactions", type=int, help="interactions in all (default: ten a person)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=6.0, help="load time of each server each round")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--database", default="orchardist_bench_api", help="the PostgreSQL database's name")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("orchardist"))
    datasette = datasette_exe()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        store, network, export = linkedin_store(args.db, args.rows, work, database=args.database)
        db = network.describe()
        subprocess.run([exe, "--db", db, "import", str(export)], check=True, capture_output=True)
        interactions = args.interactions if args.interactions is not None else 10 * args.rows
        store_interactions(store, network, interaction_rows(person_ids(store, network), interactions))
        if not store.is_sqlite:
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        datasette_file(network, work / "people.db")
        store.dispose()
        network.close()
        metadata = work / "metadata.json"
        metadata.write_text(
            json.dumps(
                {"databases": {"people": {"tables": {"people": {"fts_table": "people_fts", "fts_pk": "id"}}}}}
            )
        )
        print(
            f"{args.rows:,} people, {interactions:,} interactions; Orchardist on {args.db}, datasette on "
            f"SQLite; {args.clients} clients, {args.rounds} rounds of {args.seconds:g} s each; "
            f"searches: {', '.join(SEARCHES)}",
            flush=True,
        )
        ours_port, theirs_port = free_port(), free_port()
        servers = [
            Server(
                "Orchardist",
                ours_port,
                subprocess.Popen(
                    [exe, "--db", db, "serve", "--port", str(ours_port)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                ),
                f"/api/v1/people?search={{term}}&limit={PAGE}",
            ),
            Server(
                "datasette",
                theirs_port,
                subprocess.Popen(
                    [
                        str(datasette),
                        "serve",
                        str(work / "people.db"),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(theirs_port),
                        "--metadata",
                        str(metadata),
                        "--setting",
                        "suggest_facets",
                        "off",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                ),
                # The FTS5 expression Orchardist sends for one term: a prefix search.
                f"/people/people.json?_search=%22{{term}}%22*&_searchmode=raw&_sort=sort_key&_size={PAGE}&_shape=objects",
            ),
        ]
        try:
            for server in servers:
                wait_for(server)
            print(f"same first page and total from both: {'yes' if same_people(*servers) else 'NO'}")
            for server in servers:
                rss, _ = server.memory()
                load(server, args.clients, 1.0)  # warm both up the same way
                print(f"{server.name}: {rss:.0f} MB resident once started")
            ratios = []
            for number in range(args.rounds):
                order = servers if number % 2 == 0 else servers[::-1]
                for server in order:
                    used = server.cpu_seconds()
                    count, latencies = load(server, args.clients, args.seconds)
                    server.cpu.append((server.cpu_seconds() - used) / count)
                    server.rates.append(count / args.seconds)
                    server.latencies.extend(latencies)
                ratios.append(servers[0].rates[-1] / servers[1].rates[-1])
                print(
                    f"round {number + 1}: "
                    + ", ".join(f"{server.name} {server.rates[-1]:.1f} req/s" for server in servers)
                    + f", ratio {ratios[-1]:.2f}",
                    flush=True,
                )
            heads = (
                ("req/s", 7),
                ("p50 ms", 7),
                ("p95 ms", 7),
                ("CPU ms/req", 11),
                ("RSS MB", 7),
                ("peak MB", 8),
            )
            print(f"{'':12} " + " ".join(f"{head:>{width}}" for head, width in heads))
            for server in servers:
                rss, peak = server.memory()
                print(
                    f"{server.name:12} {statistics.median(server.rates):7.1f} "
                    f"{statistics.median(server.latencies) * 1000:7.1f} "
                    f"{percentile(server.latencies, 0.95) * 1000:7.1f} "
                    f"{statistics.median(server.cpu) * 1000:11.2f} {rss:7.0f} {peak:8.0f}"
                )
            print(
                f"Orchardist / datasette, median of per-round ratios: {statistics.median(ratios):.2f} "
                f"(rounds: {', '.join(f'{ratio:.2f}' for ratio in ratios)})"
            )
        finally:
            for server in servers:
                server.process.terminate()
                server.process.wait(timeout=10)


if __name__ == "__main__":
    main()
