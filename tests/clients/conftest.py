"""Real address-book and calendar clients (khard, khal, Radicale), installed with the test tools
(pyproject's ``[test]``), run on what Orchardist exports: in temporary folders, with configurations of
their own, never the user's, and Radicale only on the loopback address."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.formats import registry
from orchardist.services.importing import import_parsed
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.store.engine import Store
from orchardist.store.spaces import create_space
from tests.exports import vcard

BIN = Path(sys.executable).parent
# Another address book's UID, which is no file name: its card is written under a digest of it.
FOREIGN_UID = "ABC-123:ABPerson/x"


def client(name: str) -> Path:
    """The client's command, installed beside the test's Python (never skipped when missing)."""
    path = BIN / name
    assert path.exists(), f"{name} is not installed: run scripts/bootstrap.sh test"
    return path


def run(*args: str | Path, home: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a client with a home of its own, so it reads no configuration but the one it is given."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
    }
    done = subprocess.run(
        [str(arg) for arg in args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if check:
        assert done.returncode == 0, (done.stdout, done.stderr)
    return done


@pytest.fixture
def local_network(sqlite_template: Path, tmp_path: Path) -> Iterator[Network]:
    """A network on its own SQLite store (the clients read files: one database is enough)."""
    path = tmp_path / "orchardist.sqlite3"
    shutil.copyfile(sqlite_template, path)
    store = Store(f"sqlite:///{path}")
    with store.write() as conn:
        space = create_space(conn, "Alice")
    yield Network(store=store, space_id=space.id)
    store.dispose()


PEOPLE = (
    Person(
        display_name="Ada Lovelace",
        given_name="Ada",
        family_name="Lovelace",
        emails=("ada@example.org", "a.lovelace@work.example"),
        phones=("+44 20 7946 0018",),
        organisation="Analytical Engines",
        title="Analyst",
        birthday=PartialDate(month=12, day=10, year=1815),
    ),
    Person(
        display_name="Grace Okafor, PMP",
        given_name="Grace",
        family_name="Okafor",
        emails=("grace@example.com",),
        phones=("+1 416 555 0142", "(613) 555-0199"),
        tags=("mentor", "jazz; blues"),
        dates=(NamedDate("anniversary", PartialDate(month=2, day=29)),),
    ),
    Person(
        display_name="Zoë Tremblay-Côté",
        given_name="Zoë",
        family_name="Tremblay-Côté",
        emails=("zoe@example.net",),
        notes="Met at the library,\nsecond floor; likes tea.",
        dates=(NamedDate("work anniversary", PartialDate(month=6, day=1, year=2019)),),
    ),
    Person(display_name="Wei Zhang", given_name="Wei", family_name="Zhang", phones=("+86 10 5555 0101",)),
)


def fill(network: Network) -> list[Person]:
    """The people of ``PEOPLE``, and one first imported from another address book (keeping its UID)."""
    for person in PEOPLE:
        add_person(network, person)
    card = vcard(
        {"UID": FOREIGN_UID, "FN": "Omar Haddad", "N": "Haddad;Omar;;;", "EMAIL": "omar@example.org"}
    )
    import_parsed(network, registry.parse(card, "other.vcf"), "other.vcf")
    with network.reading() as unit:
        return unit.people.all()
