"""A counsellor reads only what each client shares now, every read is logged for the client, and a
withdrawal holds from the next read; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from orchardist.services import caseload, consent
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.server import Server
from orchardist.store.engine import Store
from tests.server_personas import Cast, cast


@pytest.fixture
def the_cast(store: Store, quick_passwords: None) -> Cast:
    return cast(Server(store))


def test_the_caseload_shows_only_the_groups_each_client_shares(the_cast: Cast) -> None:
    seen = caseload.caseload(the_cast.server, the_cast.carol.account)
    rows = {row.name: row for row in seen.rows}
    assert set(rows) == {"Alice", "Bob"}
    alice, bob = rows["Alice"], rows["Bob"]
    assert alice.goal == 3 and alice.gave == 1 and alice.asked == 0
    # Activity is shared by neither: no last activity, no "quiet" flag made from it.
    assert alice.last_activity is None and bob.last_activity is None
    assert "quiet" not in alice.flags
    assert bob.shared == {"progress"}


def test_a_client_file_holds_the_granted_groups_and_nothing_else(the_cast: Cast) -> None:
    alice = caseload.client_file(the_cast.server, the_cast.carol.account, the_cast.alice.account.id)
    assert alice.progress is not None and alice.people is not None and alice.contacts is None
    assert [person.name for person in alice.people] == ["Zephyrine Quartermain"]
    assert alice.people[0].notes == ""  # notes are not shared
    bob = caseload.client_file(the_cast.server, the_cast.carol.account, the_cast.bob.account.id)
    assert bob.progress is not None and bob.people is None and bob.contacts is None


def test_someone_elses_client_is_not_found(the_cast: Cast) -> None:
    for counsellor, client in (
        (the_cast.dave, the_cast.alice),
        (the_cast.carol, the_cast.mallory),
    ):
        with pytest.raises(NotFound):
            caseload.client_file(the_cast.server, counsellor.account, client.account.id)
        with pytest.raises(NotFound):
            caseload.add_note(the_cast.server, counsellor.account, client.account.id, date.today(), "hello")
    # A client is no counsellor, and a counsellor has no Sharing page.
    with pytest.raises(NotFound):
        caseload.caseload(the_cast.server, the_cast.alice.account)
    with pytest.raises(NotFound):
        consent.sharing_overview(the_cast.server, the_cast.carol.account)


def test_a_withdrawal_holds_from_the_next_read(the_cast: Cast) -> None:
    carol, alice = the_cast.carol.account, the_cast.alice.account
    consent.set_sharing(the_cast.server, alice, carol.id, ["progress"])
    after = caseload.client_file(the_cast.server, carol, alice.id)
    assert after.people is None and after.shared == {"progress"}
    consent.set_sharing(the_cast.server, alice, carol.id, [])
    nothing = caseload.client_file(the_cast.server, carol, alice.id)
    assert nothing.progress is None and nothing.people is None
    row = next(row for row in caseload.caseload(the_cast.server, carol).rows if row.client_id == alice.id)
    assert row.tended is None and row.gave is None


def test_every_read_is_logged_and_the_history_of_grants_is_kept(the_cast: Cast) -> None:
    carol, alice = the_cast.carol.account, the_cast.alice.account
    caseload.caseload(the_cast.server, carol)
    caseload.client_file(the_cast.server, carol, alice.id)
    consent.set_sharing(the_cast.server, alice, carol.id, ["progress", "notes"])
    overview = consent.sharing_overview(the_cast.server, alice)
    assert [(read.counsellor, read.group, read.page) for read in reversed(overview.reads)] == [
        ("Carol", "progress", "caseload"),
        ("Carol", "progress", "client"),
        ("Carol", "people", "client"),
    ]
    assert [sorted(groups) for _, _, groups in overview.history] == [
        ["people", "progress"],
        ["notes", "progress"],
    ]
    exported = overview.to_dict()
    assert (
        exported["reads"]
        and exported["grants"]
        and exported["counsellors"][0]["shares"] == ["notes", "progress"]
    )
    # Bob's log holds nothing of Alice's reads.
    assert all(
        read.page != "client"
        for read in consent.sharing_overview(the_cast.server, the_cast.bob.account).reads
    )


def test_notes_about_meetings_are_the_clients_to_read(the_cast: Cast) -> None:
    carol, alice = the_cast.carol.account, the_cast.alice.account
    caseload.add_note(
        the_cast.server, carol, alice.id, date(2026, 12, 1), "Practised the pitch; next: two coffees."
    )
    assert [note.text for note in consent.sharing_overview(the_cast.server, alice).notes] == [
        "Practised the pitch; next: two coffees."
    ]
    with pytest.raises(InputRefused):
        caseload.add_note(the_cast.server, carol, alice.id, date(2026, 12, 1), "   ")


def test_the_monthly_report_holds_what_is_shared(the_cast: Cast) -> None:
    today = date.today()
    month = date(today.year, today.month, 1)
    carol = the_cast.carol.account
    alice = caseload.report(the_cast.server, carol, the_cast.alice.account.id, month)
    assert alice.weeks is not None and alice.gave == 1 and alice.contacts_by_kind is None
    with pytest.raises(InputRefused):
        caseload.month_of("2026-13")
    assert caseload.month_of("2026-02") == date(2026, 2, 1)


def test_unknown_groups_and_strangers_are_refused(the_cast: Cast) -> None:
    alice = the_cast.alice.account
    with pytest.raises(InputRefused):
        consent.set_sharing(the_cast.server, alice, the_cast.carol.account.id, ["everything"])
    with pytest.raises(NotFound):
        consent.set_sharing(the_cast.server, alice, the_cast.dave.account.id, ["progress"])
