"""Importing: all or nothing, idempotent, matching across files and formats, sources kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from orchardist.services.exporting import export_network
from orchardist.services.importing import ImportRefused, import_file
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import edit_person, list_people
from orchardist.store.engine import Store
from orchardist.store.people import PeopleRepository
from orchardist.store.tables import job_changes
from tests.exports import linkedin_2024, vcard

ROWS = [
    (
        "Ada",
        "Lovelace",
        "https://www.linkedin.com/in/ada-lovelace",
        "ada@x.example",
        "Analytical",
        "Engineer",
        "22 Nov 2026",
    ),
    (
        "Grace",
        "Hopper, PhD",
        "https://www.linkedin.com/in/grace-hopper",
        "",
        "Navy",
        "Rear Admiral",
        "01 Oct 2025",
    ),
    (
        "Alan",
        "Turing",
        "https://www.linkedin.com/in/alan-turing",
        "",
        "Bletchley",
        "Cryptanalyst",
        "03 Mar 2024",
    ),
]


@pytest.fixture
def connections(tmp_path: Path, corpus: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_2024(corpus, ROWS))
    return path


def _everyone(network: Network) -> dict[str, object]:
    return {item.person.display_name: item.person for item in list_people(network)}


def test_import_adds_everyone_with_sources(network: Network, connections: Path) -> None:
    report = import_file(network, connections)
    assert (report.format, report.added, report.merged, report.skipped) == ("linkedin", 3, 0, [])
    people = {item.person.family_name: item.person for item in list_people(network)}
    assert set(people) == {"Lovelace", "Hopper", "Turing"}
    assert people["Hopper"].display_name == "Grace Hopper, PhD"
    assert people["Lovelace"].sources["organisation"] == ("linkedin:Connections.csv",)
    assert people["Lovelace"].sources["emails"] == ("linkedin:Connections.csv",)


def test_importing_the_same_file_again_adds_nobody_and_changes_nothing(
    network: Network, connections: Path
) -> None:
    import_file(network, connections)
    before = export_network(network, "json")
    report = import_file(network, connections)
    assert (report.added, report.merged, report.updated) == (0, 3, 0)
    assert export_network(network, "json") == before


def test_a_newer_export_updates_people_who_changed_jobs(
    network: Network, store: Store, tmp_path: Path, corpus: Path
) -> None:
    first = tmp_path / "Connections.csv"
    first.write_bytes(linkedin_2024(corpus, ROWS))
    import_file(network, first)
    newer = tmp_path / "Connections (1).csv"
    moved = list(ROWS)
    moved[0] = (*ROWS[0][:4], "Babbage & Co", "Head of Engineering", ROWS[0][6])
    newer.write_bytes(linkedin_2024(corpus, moved))
    report = import_file(network, newer)
    assert (report.added, report.merged, report.updated) == (0, 3, 1)
    assert [(c.name, c.old_organisation, c.new_organisation) for c in report.job_changes] == [
        ("Ada Lovelace", "Analytical", "Babbage & Co")
    ]
    ada = _everyone(network)["Ada Lovelace"]
    assert (ada.organisation, ada.title) == ("Babbage & Co", "Head of Engineering")  # type: ignore[attr-defined]
    assert ada.sources["organisation"][-1] == "linkedin:Connections (1).csv"  # type: ignore[attr-defined]
    with store.read() as conn:
        recorded = conn.execute(sa.select(job_changes.c.old_title, job_changes.c.new_title)).all()
    assert recorded == [("Engineer", "Head of Engineering")]


def test_a_hand_edit_is_never_overwritten_by_an_import(
    network: Network, connections: Path, tmp_path: Path, corpus: Path
) -> None:
    import_file(network, connections)
    ada = _everyone(network)["Ada Lovelace"]
    edit_person(network, ada.id, {"title": "Countess"})  # type: ignore[attr-defined]
    connections.write_bytes(linkedin_2024(corpus, [(*ROWS[0][:5], "Engineer II", ROWS[0][6])]))
    import_file(network, connections)
    assert _everyone(network)["Ada Lovelace"].title == "Countess"  # type: ignore[attr-defined]


def test_people_are_matched_across_formats(network: Network, connections: Path, tmp_path: Path) -> None:
    import_file(network, connections)
    card = tmp_path / "contacts.vcf"
    card.write_bytes(
        vcard({"FN": "Ada King", "N": "King;Ada;;;", "EMAIL": "ADA@x.example", "TEL": "+1 555 010 2345"})
    )
    report = import_file(network, card)
    assert (report.format, report.added, report.merged) == ("vcard", 0, 1)
    ada = _everyone(network)["Ada Lovelace"]
    assert ada.phones == ("+1 555 010 2345",)  # type: ignore[attr-defined]
    assert ada.sources["phones"] == ("vcard:contacts.vcf",)  # type: ignore[attr-defined]


def test_the_same_person_twice_in_one_file_is_added_once(network: Network, tmp_path: Path) -> None:
    card = tmp_path / "twice.vcf"
    card.write_bytes(
        vcard(
            {"FN": "Bo Chen", "N": "Chen;Bo;;;", "EMAIL": "bo@x.example"},
            {"FN": "Bo Chen", "N": "Chen;Bo;;;", "EMAIL": "bo@x.example", "TITLE": "Recruiter"},
        )
    )
    report = import_file(network, card)
    assert (report.added, report.merged) == (1, 1)
    assert _everyone(network)["Bo Chen"].title == "Recruiter"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (b"Name,Shoe Size\nBob,11\n", "not recognised"),
    ],
)
def test_a_refused_file_stores_nothing(
    network: Network, connections: Path, tmp_path: Path, content: bytes, reason: str
) -> None:
    import_file(network, connections)
    before = export_network(network, "json")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_file(network, bad)
    assert reason in str(refused.value)
    assert refused.value.file == str(bad)
    assert export_network(network, "json") == before


def test_a_failure_while_storing_rolls_everything_back(
    network: Network, connections: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_update(self: PeopleRepository, changed: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(PeopleRepository, "update_many", broken_update)
    with pytest.raises(RuntimeError, match="disk full"):
        import_file(network, connections)
    assert list_people(network) == []


def test_a_dry_run_reports_but_stores_nothing(network: Network, connections: Path) -> None:
    report = import_file(network, connections, dry_run=True)
    assert (report.added, report.merged) == (3, 0)
    assert list_people(network) == []


def test_progress_is_reported_for_long_imports(network: Network, tmp_path: Path, corpus: Path) -> None:
    def export(first: int) -> Path:
        rows = [
            (f"P{i}", f"Q{i}", f"https://www.linkedin.com/in/p{i}", "", "Org", "Role", "1 Jan 2026")
            for i in range(first, first + 4500)
        ]
        path = tmp_path / f"Connections-{first}.csv"
        path.write_bytes(linkedin_2024(corpus, rows))
        return path

    # Into an empty network, people are stored as they are read: the total is the file's lines until
    # the end, when it is the people's.
    seen: list[tuple[str, int, int]] = []
    report = import_file(network, export(0), progress=lambda *args: seen.append(args))
    assert report.added == 4500
    assert [(stage, done) for stage, done, _total in seen[:5]] == [
        ("storing", 250),  # the first batch is small, the next ones each twice the one before
        ("storing", 750),
        ("storing", 1750),
        ("matching", 2000),
        ("storing", 3750),
    ]
    assert [done for _stage, done, _total in seen] == sorted(done for _stage, done, _total in seen)
    assert all(total >= done for _stage, done, total in seen)
    assert seen[-1] == ("storing", 4500, 4500)
    # Into a network with people, the whole file is matched first, then stored.
    seen.clear()
    report = import_file(network, export(4000), progress=lambda *args: seen.append(args))
    assert (report.added, report.merged) == (4000, 500)
    assert ("matching", 4000, 4500) in seen
    assert seen[-1] == ("storing", 4000, 4000)


def test_an_imported_interaction_history_survives_a_json_round_trip(
    network: Network, connections: Path, tmp_path: Path, other_network: Network
) -> None:
    import_file(network, connections)
    ids = {item.person.family_name: item.person.id for item in list_people(network)}
    from datetime import date

    from orchardist.domain.interactions import Direction

    log_interaction(
        network,
        [ids["Lovelace"], ids["Turing"]],
        direction=Direction.MUTUAL,
        kind="meeting",
        summary="Engines",
        on=date(2026, 5, 1),
    )
    edit_person(network, ids["Turing"], {"met_through_id": ids["Lovelace"]})
    backup = tmp_path / "backup.json"
    backup.write_bytes(export_network(network, "json"))
    report = import_file(other_network, backup)
    assert (report.format, report.added, report.interactions) == ("json", 3, 1)
    copied = {item.person.family_name: item for item in list_people(other_network)}
    assert copied["Turing"].last_contact == date(2026, 5, 1)
    assert copied["Turing"].person.met_through_id == copied["Lovelace"].person.id


def test_namesakes_in_one_file_stay_two_people(network: Network, tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(
        linkedin_2024(
            corpus,
            [
                (
                    "Wei",
                    "Zhang",
                    "https://www.linkedin.com/in/wei-zhang-1",
                    "",
                    "Maple Health",
                    "Analyst",
                    "1 Jan 2026",
                ),
                (
                    "Wei",
                    "Zhang",
                    "https://www.linkedin.com/in/wei-zhang-2",
                    "",
                    "Maple Health",
                    "Nurse",
                    "2 Jan 2026",
                ),
                ("Li", "Na", "", "", "", "", "3 Jan 2026"),
                ("Li", "Na", "", "", "", "", "4 Jan 2026"),
            ],
        )
    )
    assert import_file(network, path).added == 4
    assert import_file(network, path).added == 0


def test_a_bare_name_matches_a_unique_person_without_a_contradiction(
    network: Network, tmp_path: Path
) -> None:
    first = tmp_path / "a.vcf"
    first.write_bytes(
        vcard({"FN": "Zoë D’Arcy", "N": "D’Arcy;Zoë;;;"}, {"FN": "Bo Chen", "N": "Chen;Bo;;;", "ORG": "Acme"})
    )
    import_file(network, first)
    second = tmp_path / "b.vcf"
    second.write_bytes(
        vcard(
            {"FN": "Zoe D'Arcy", "N": "D'Arcy;Zoe;;;", "TEL": "+1 555 010 0000"},
            {"FN": "Bo Chen", "N": "Chen;Bo;;;", "ORG": "Initech", "EMAIL": "bo@initech.example"},
        )
    )
    report = import_file(network, second)
    # Zoë gains a phone; the Bo Chen at another organisation may be someone else, so he is added.
    assert (report.added, report.merged) == (1, 1)


def test_importing_the_same_backup_again_adds_no_interaction_twice(
    network: Network, other_network: Network, tmp_path: Path
) -> None:
    from datetime import date

    from orchardist.domain.interactions import Direction
    from orchardist.services.demo import load_demo
    from orchardist.services.interactions import count_interactions
    from orchardist.services.people import count_people

    load_demo(network, today=date(2026, 11, 22))
    first = list_people(network)[0].person.id or 0
    for _ in range(2):  # the same contact logged twice is two contacts, and stays two
        log_interaction(
            network, [first], direction=Direction.GAVE, kind="call", summary="Twice", on=date(2026, 11, 2)
        )
    backup = tmp_path / "backup.json"
    backup.write_bytes(export_network(network, "json"))
    people, interactions = count_people(network), count_interactions(network)
    assert interactions > 2
    reports = [import_file(other_network, backup) for _ in range(3)]
    assert [report.interactions for report in reports] == [interactions, 0, 0]
    assert (count_people(other_network), count_interactions(other_network)) == (people, interactions)
    assert import_file(network, backup).interactions == 0
    assert count_interactions(network) == interactions
