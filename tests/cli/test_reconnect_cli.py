"""``orchardist reconnect``: suggest the never-contacted, oldest connections first; add several at once;
list them by name."""

from __future__ import annotations

import json

from click.testing import CliRunner

from orchardist.cli.main import cli
from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.services.network import Network
from orchardist.services.people import add_person


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.output


def _connected(network: Network, name: str, year: int) -> int:
    dates = (NamedDate("connected", PartialDate(month=4, day=20, year=year)),)
    person = add_person(network, Person(display_name=name, dates=dates, title="Analyst"))
    assert person.id is not None
    return person.id


def test_suggest_add_several_and_list(network: Network, db_arg: str) -> None:
    newer, older = _connected(network, "Rosa Recent", 2024), _connected(network, "Olga Oldest", 2010)
    code, out = run(db_arg, "reconnect", "suggest")
    assert code == 0 and out.splitlines()[:3] == [
        "2 people never contacted; the oldest connections first:",
        f"#{older}  Olga Oldest · Analyst  connected 2010-04-20",
        f"#{newer}  Rosa Recent · Analyst  connected 2024-04-20",
    ]
    code, out = run(db_arg, "reconnect", "suggest", "--limit", "1", "--offset", "1", "--json")
    found = json.loads(out)
    assert found["total"] == 2 and [c["name"] for c in found["candidates"]] == ["Rosa Recent"]
    assert run(db_arg, "reconnect", "add", str(older), str(newer), str(older)) == (
        0,
        "2 more on the reconnect list\n",
    )
    assert run(db_arg, "reconnect", "add", str(older)) == (0, f"#{older} is on the reconnect list already\n")
    code, out = run(db_arg, "reconnect", "list", "--json")
    assert [(entry["person_id"], entry["name"]) for entry in json.loads(out)] == [
        (older, "Olga Oldest"),
        (newer, "Rosa Recent"),
    ]
    code, out = run(db_arg, "reconnect", "list")
    assert out.splitlines()[0].startswith(f"#{older}  Olga Oldest  since ")
    code, out = run(db_arg, "reconnect", "suggest")
    assert out == "Everyone has a contact logged or is on the reconnect list already.\n"


def test_adding_someone_unknown_adds_no_one(network: Network, db_arg: str) -> None:
    older = _connected(network, "Olga Oldest", 2010)
    code, out = run(db_arg, "reconnect", "add", str(older), "99999")
    assert code == 1 and "no person with id 99999" in out
    assert json.loads(run(db_arg, "reconnect", "list", "--json")[1]) == []
    code, out = run(db_arg, "reconnect", "suggest", "--limit", "0")
    assert code == 2 and "--limit" in out
