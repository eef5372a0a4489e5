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
    "presence_profiles": "presence.profiles[] (since version 6)",
    "pitch_parts": "presence.pitch",
    "pitch_practice": "presence.practice[]",
    "calling_cards": "presence.card",
    "leads": "leads[] (since version 6), the person each came from by key",
    "network_groups": "groups[] (since version 6)",
    "events": "events[] (since version 6)",
    "event_people": "events[].met (since version 6)",
    "introductions": "introductions[] (since version 6), their people by key",
    "reconnections": "reconnections[] (since version 6)",
    "settings": "settings, but the SMTP password, the access passcode's hash and the private feed's token "
    "and language and the day the digest last went (secrets and keys kept by their own services)",
}

# Each table the backup leaves out, and why.
LEFT_OUT = {
    "spaces": "the network itself: a backup is restored into one, whose name and id are the store's",
    "weekly_figures": "derived from the interactions and the people; counted again when they are restored",
    # The agency server's own tables: who may sign in and open which network, not a network's data.
    "agencies": "the server's: an agency, not a network",
    "accounts": "the server's: who signs in (a network restored on a server is the account's restoring it)",
    "recovery_codes": "secrets of an account's second factor",
    "one_time_links": "secrets: set-up, invitation and reset links",
    "web_sessions": "secrets: signed-in browsers",
    "sign_in_failures": "the server's throttling, kept 15 minutes",
    "caseloads": "the agency's: which counsellor coaches which client",
    "sharing_grants": "in the client's sharing history (the Sharing page's download), not in a network",
    "access_log": "in the client's sharing history (the Sharing page's download), not in a network",
    "counsellor_notes": "in the client's sharing history (the Sharing page's download), not in a network",
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
