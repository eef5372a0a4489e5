"""A JSON backup loses nothing: restored into an empty store on either database, it gives back the same
backup, ids and UIDs and all; every table with what a user made is in it, or left out for a stated reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from orchardist.services.exporting import export_network, restore
from orchardist.services.network import Network
from tests.store_strategies import PlannedNetwork, networks, store

_EXAMPLES = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_MANY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _round_trip(new_network: Callable[[], Network], tmp_path: Path, planned: PlannedNetwork) -> None:
    source = new_network()
    store(source, planned)
    backup = export_network(source, "json")
    assert b"never-in-a-backup" not in backup and b"feed-token-kept-home" not in backup
    path = tmp_path / "backup.json"
    path.write_bytes(backup)
    target = new_network()
    assert restore(target, path) == "json"
    assert export_network(target, "json") == backup
    # Every kind of row came through: the property would hold vacuously for a network of nobody.
    written = json.loads(backup)
    assert len(written["people"]) == len(planned.people)
    # Each person's UID came back too (the bytes are the same), one of their own.
    uids = [person["uid"] for person in written["people"]]
    assert all(uids) and len(set(uids)) == len(uids)
    assert len(written["interactions"]) == len(planned.interactions)
    assert len(written["introductions"]) == len(planned.brokered)


@_EXAMPLES
@given(planned=networks())
def test_a_restored_backup_gives_back_the_same_backup(
    new_network: Callable[[], Network], tmp_path: Path, planned: PlannedNetwork
) -> None:
    _round_trip(new_network, tmp_path, planned)


@pytest.mark.slow
@_MANY
@given(planned=networks(most=12))
def test_a_restored_backup_gives_back_the_same_backup_at_length(
    new_network: Callable[[], Network], tmp_path: Path, planned: PlannedNetwork
) -> None:
    _round_trip(new_network, tmp_path, planned)
