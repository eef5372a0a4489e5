"""Every table that holds what a user made is in the JSON backup, or left out for a stated reason: a new
table fails here until the backup carries it (formats/json_backup.py) or it is listed as left out."""

from __future__ import annotations

from orchardist.store.tables import metadata, people

# Each table the backup carries, and where in the backup it is.
CARRIED = {
    "people": "people[], every field (the uid too, since version 5) but the columns kept for search, sorting "
    "and Today",
    "person_emails": "people[].emails",
    "person_phones": "people[].phones",
    "person_urls": "people[].urls",
    "person_tags": "people[].tags",
    "organisations": "organisations[], and people[].organisation by name",
    "interactions": "interactions[]",
    "interaction_people": "interactions[].people",
    "offers": "offers[]",
    "message_templates": "templates[]",
    "reconnect_list": "reconnect[]",
    "snoozes": "snoozes[]",
    "dismissals": "dismissals[]",
    "job_changes": "job_changes[]",
    "reconnections": "reconnections[] (since version 6)",
    "settings": "settings, but the SMTP password, the access passcode's hash and the private feed's token "
    "and language and the day the digest last went (secrets and keys kept by their own services)",
}

# Each table the backup leaves out, and why.
LEFT_OUT = {
    "spaces": "the network itself: a backup is restored into one, whose name and id are the store's",
    "weekly_figures": "derived from the interactions and the people; counted again when they are restored",
}


def test_every_table_is_carried_or_left_out_for_a_reason() -> None:
    tables = set(metadata.tables)
    unknown = sorted(tables - CARRIED.keys() - LEFT_OUT.keys())
    assert unknown == [], (
        f"{unknown}: a new table with user data must be carried by the JSON backup "
        "(formats/json_backup.py, a restore and an import) or listed in LEFT_OUT with the reason"
    )
    assert CARRIED.keys() & LEFT_OUT.keys() == set()
    assert sorted((CARRIED.keys() | LEFT_OUT.keys()) - tables) == [], "a table listed here is gone"


def test_every_column_of_a_person_is_in_their_backup_object() -> None:
    """A column added to ``people`` (the uid, say) is carried by a person's object in the backup, unless
    the store keeps it for its own queries (``person_rows.NOT_LOADED``)."""
    from orchardist.formats.json_backup import _person_keys
    from orchardist.store.person_rows import NOT_LOADED

    by_name = {"organisation_id": "organisation", "met_through_id": "met_through"}
    columns = {
        by_name.get(column.name, column.name) for column in people.columns if column.name not in NOT_LOADED
    }
    # The custom fields' values (extra) are written each under its field's name.
    assert columns - {"space_id", "extra"} <= set(_person_keys())
    assert "uid" in _person_keys()
