"""Restore fed damaged backups, on SQLite and PostgreSQL: a real backup with a few of its values
replaced by whatever JSON can hold (huge and negative numbers, lone surrogates, NULs, long text,
wrong types), fields dropped or added. Each one is refused whole, the store left exactly as it was,
or restored into a network every page can show: Today, each person, every export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchardist.domain.interactions import Direction
from orchardist.domain.messages import Refused
from orchardist.domain.people import Person, Tier
from orchardist.formats import registry
from orchardist.services.exporting import export_file, restore
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import add_offer
from orchardist.services.people import add_person, list_people, person_overview
from orchardist.services.tending import today

VALUES = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 3650, 3651, 2**31, 2**63, 2**64, 1.5, float("inf")]),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\x00b", "x" * 600, "0001-01-01", "9999-12-31", "2026-02-30", "--03-04", ""]),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@st.composite
def damage(draw: st.DrawFn, backup: dict[str, Any]) -> dict[str, Any]:
    """The backup with one to three of its values changed, dropped or joined by an unknown one."""
    damaged = json.loads(json.dumps(backup))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        table = draw(st.sampled_from(["people", "interactions", "offers", "settings", "top"]))
        if table == "top":
            target: Any = damaged
        elif table == "settings":
            target = damaged.get("settings")
        else:
            rows = damaged.get(table)
            if not isinstance(rows, list) or not rows:
                continue
            target = rows[draw(st.integers(min_value=0, max_value=len(rows) - 1))]
        if not isinstance(target, dict):
            continue  # an earlier change replaced it
        fields = sorted(target) or ["inner_days"]
        field = draw(st.sampled_from([*fields, "unknown_field"]))
        if draw(st.booleans()) and field in target and table != "top":
            del target[field]
        else:
            target[field] = draw(VALUES)
    return damaged


def _fill(network: Network) -> None:
    ana = add_person(
        network,
        Person(
            display_name="Ana Silva",
            emails=("ana@example.org",),
            organisation="Maple Health",
            tier=Tier.INNER,
            every_days=21,
            tags=("data",),
            birthday=None,
        ),
    )
    bo = add_person(network, Person(display_name="Bo Chen", tier=Tier.ACTIVE))
    assert ana.id is not None and bo.id is not None
    log_interaction(
        network,
        [ana.id, bo.id],
        on=date(2026, 3, 1),
        direction=Direction.GAVE,
        kind="coffee",
        summary="Coffee",
    )
    log_interaction(
        network, [bo.id], on=date(2026, 4, 2), direction=Direction.ASKED, kind="call", summary="Advice"
    )
    add_offer(network, "skill", "Reviewing a CV")


def _shown_whole(network: Network) -> None:
    """Everything a page, the API or the feed computes from the network can be computed."""
    today(network, date(2026, 12, 7))
    for item in list_people(network):
        assert item.person.id is not None
        person_overview(network, item.person.id, on=date(2026, 12, 7))
    for written in registry.downloads():
        export_file(network, written.name)


# The backup of the network ``_fill`` makes, by network (one per database the test runs on).
ORIGINAL: dict[int, bytes] = {}


def _state(network: Network) -> bytes:
    return export_file(network, "json").content


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_damaged_backup_is_refused_whole_or_restored_into_a_network_that_works(
    data: st.DataObject, network: Network, tmp_path: Path
) -> None:
    source = tmp_path / "backup.json"
    # Every example damages the same backup (hypothesis replays its draws against it).
    if not list_people(network):
        _fill(network)
        ORIGINAL[id(network)] = _state(network)
    source.write_bytes(ORIGINAL[id(network)])
    restore(network, source)
    before = _state(network)
    assert before == ORIGINAL[id(network)]
    backup = data.draw(damage(json.loads(before)))
    source.write_text(json.dumps(backup), encoding="utf-8")
    try:
        restore(network, source)
    except Refused as refused:
        assert str(refused)  # says why
        assert _state(network) == before
        return
    _shown_whole(network)
    # What was restored is a backup that restores to itself.
    again = _state(network)
    source.write_bytes(again)
    restore(network, source)
    assert _state(network) == again
