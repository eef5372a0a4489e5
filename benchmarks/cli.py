"""Whole-process times of the commands that read, against the floor and against khard on the same people.

    .venv/bin/python -m benchmarks.cli [--rows 30000] [--interactions 300000] [--rounds 7] [--search Raman]

Builds an SQLite store of ``--rows`` generated LinkedIn connections and their interactions, writes the
same people as a folder of vCards (one file each, with a UID, as khard reads an address book) and, in
an environment of its own (``benchmarks/out/khard-venv``, made the first time from PyPI), khard 0.22.
Orchardist's own modules are compiled to bytecode first, as an install leaves them. Then, ``--rounds``
times, each command runs once in turn, so a busy moment of a shared machine falls on all of them alike:

- the floor: ``python -c pass`` (an interpreter starting), and the same search done in plain Python
  (``sqlite3``, the FTS5 index, the matching rows as JSON);
- ``orchardist --help``, ``people list --search S --json``, ``today --json`` and ``people show ID``;
- ``khard list -f -p S``: khard's fastest search (it greps the files first, and prints no table).

It prints each command's median, and the medians of per-round ratios: each command against the
interpreter's floor, and the search against khard's and against the plain-Python search.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import interaction_rows
from benchmarks.seed import arguments, linkedin_store, person_ids, store_interactions

KHARD = "khard==0.22.0"
PEERS = Path(__file__).parent / "out"

_PLAIN_SEARCH = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
match = " ".join(f'"{term}"*' for term in sys.argv[2].lower().split())
rows = conn.execute(
    "SELECT id, display_name, title FROM people WHERE id IN "
    "(SELECT rowid FROM people_fts WHERE people_fts MATCH ?) ORDER BY sort_key, id",
    (match,),
).fetchall()
print(json.dumps([{"id": i, "name": n, "title": t} for i, n, t in rows], ensure_ascii=False))
"""

_KHARD_CONFIG = """[addressbooks]
[[bench]]
path = {vdir}

[general]
debug = no
default_action = list
editor = vi
merge_editor = vimdiff

[contact table]
display = first_name
group_by_addressbook = no
reverse = no
show_nicknames = no
show_uids = yes
sort = last_name
localize_dates = yes
preferred_phone_number_type = pref, cell, home
preferred_email_address_type = pref, work, home

[vcard]
private_objects = Jabber,
preferred_version = 3.0
search_in_source_files = yes
skip_unparsable = no
"""


def khard() -> Path:
    """khard in an environment of its own (made once), never in Orchardist's."""
    venv = PEERS / "khard-venv"
    exe = venv / "bin" / "khard"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", KHARD], check=True)
    return exe


def vdir_of(network: object, folder: Path) -> Path:
    """The network's vCard export split into one file a person, each with a UID (khard needs one)."""
    from orchardist.services.exporting import export_network

    vdir = folder / "vdir"
    vdir.mkdir()
    text = export_network(network, "vcard").decode("utf-8")  # type: ignore[arg-type]
    for number, card in enumerate(text.split("BEGIN:VCARD")[1:]):
        body = "BEGIN:VCARD" + card.rstrip() + "\r\n"
        if "\nUID:" not in body:
            body = body.replace("\r\nEND:VCARD", f"\r\nUID:bench-{number}\r\nEND:VCARD")
        (vdir / f"bench-{number}.vcf").write_text(body, encoding="utf-8")
    return vdir


def compiled(python: str) -> None:
    """Orchardist's own modules as bytecode, as an install leaves them (``scripts/bootstrap.sh`` for
    ``./run``, pip for a wheel): with ``PYTHONDONTWRITEBYTECODE`` set, a module whose bytecode is missing
    or older than its source would be compiled again by every command timed."""
    import orchardist

    package = str(Path(orchardist.__file__).parent)
    subprocess.run([python, "-m", "compileall", "-q", "-j", "0", package], check=True, capture_output=True)


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--interactions", type=int, default=None, help="default: ten per person")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--search", default="Raman")
    args = parser.parse_args()
    if args.db != "sqlite":
        raise SystemExit("the commands are timed on the SQLite store (the local app's)")

    from orchardist.domain.queries import people_filter
    from orchardist.services.importing import import_file
    from orchardist.services.listings import people_pages

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, network, export = linkedin_store("sqlite", args.rows, folder)
        import_file(network, export)
        ids = person_ids(store, network)
        store_interactions(store, network, interaction_rows(ids, args.interactions or 10 * args.rows))
        hits = [item.person.id for page in people_pages(network, people_filter(args.search)) for item in page]
        shown = str(hits[0] if hits else ids[0])
        db = str(store.sqlite_path)
        config = folder / "khard.conf"
        config.write_text(_KHARD_CONFIG.format(vdir=vdir_of(network, folder)), encoding="utf-8")
        store.dispose()
        network.close()
        print(
            f"{args.rows:,} people, {args.interactions or 10 * args.rows:,} interactions; "
            f"'{args.search}' finds {len(hits)}; {args.rounds} rounds, commands taking turns"
        )

        exe = str(Path(sys.executable).with_name("orchardist"))
        python = sys.executable
        compiled(python)
        commands = {
            "python -c pass (floor)": [python, "-c", "pass"],
            "search in plain Python (floor)": [python, "-c", _PLAIN_SEARCH, db, args.search],
            "orchardist --help": [exe, "--help"],
            "people list --search --json": [
                exe,
                "--db",
                db,
                "people",
                "list",
                "--search",
                args.search,
                "--json",
            ],
            "today --json": [exe, "--db", db, "today", "--json"],
            "people show ID": [exe, "--db", db, "people", "show", shown],
            "khard list -f -p (peer)": [str(khard()), "-c", str(config), "list", "-f", "-p", args.search],
        }
        env = {**os.environ, "ORCHARDIST_DEBUG": ""}
        for command in commands.values():  # once each, so every file is in the page cache
            timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(timed(command, env))

    floor = times["python -c pass (floor)"]
    print(f"\n{'command':34} {'median':>9} {'min':>9}  × floor")
    for name, samples in times.items():
        ratio = statistics.median(t / f for t, f in zip(samples, floor, strict=True))
        median, least = statistics.median(samples) * 1000, min(samples) * 1000
        print(f"{name:34} {median:7.0f} ms {least:7.0f} ms  {ratio:6.1f}")
    search = times["people list --search --json"]
    for peer in ("khard list -f -p (peer)", "search in plain Python (floor)"):
        ratio = statistics.median(p / s for p, s in zip(times[peer], search, strict=True))
        print(f"{peer} ÷ people list --search --json, median of rounds: {ratio:.1f}×")


if __name__ == "__main__":
    main()
