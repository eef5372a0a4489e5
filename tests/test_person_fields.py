"""Person fields come from one table: a field added there alone is typed, stored, shown, exported,
imported and merged everywhere a field is."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from orchardist.cli.main import cli
from orchardist.domain import fields
from orchardist.domain.discretion import NOT_FLAGGED
from orchardist.domain.fields import FIELDS, FieldSpec, Group, Kind
from orchardist.domain.merging import merge_people
from orchardist.domain.people import Person
from orchardist.formats import registry
from orchardist.formats.base import NetworkSnapshot
from orchardist.services.exporting import export_network, restore
from orchardist.services.network import Network
from orchardist.services.people import add_person, browse_people, get_person
from orchardist.services.person_input import PersonError, person_from
from orchardist.services.serialisers import listings_to_dicts, listings_to_json, person_to_dict
from orchardist.web.app import create_app
from orchardist.web.security import CSRF_COOKIE

HTML = {"accept": "text/html"}


@pytest.fixture
def custom() -> Iterator[tuple[str, str]]:
    """Two fields the code knows nothing of, added to the table alone: a text and a list."""
    added = (
        FieldSpec(
            "preferred_contact",
            Kind.TEXT,
            "Best way to reach them",
            "How they like to be contacted.",
            "--preferred-contact",
            Group.CONTACT,
            max_length=50,
            custom=True,
        ),
        FieldSpec(
            "languages", Kind.WORDS, "Languages", "A language they speak (repeatable).", "--language",
            Group.HELPING, custom=True,
        ),
    )  # fmt: skip
    for spec in added:
        FIELDS[spec.name] = spec
    yield ("preferred_contact", "languages")
    for spec in added:
        del FIELDS[spec.name]


def _mei(network: Network) -> Person:
    return add_person(
        network,
        person_from({"display_name": "Mei Lin", "preferred_contact": "Signal", "languages": ["fr", "zh"]}),
    )


def test_a_custom_field_is_checked_stored_and_given_back_in_the_json(
    network: Network, custom: object
) -> None:
    mei = _mei(network)
    stored = get_person(network, mei.id or 0)
    assert stored is not None and stored.extra == {"preferred_contact": "Signal", "languages": ("fr", "zh")}
    assert fields.value_of(stored, "languages") == ("fr", "zh")
    assert stored.sources["preferred_contact"] == ("manual",)
    shown = person_to_dict(stored, None, coworker=NOT_FLAGGED)
    assert (shown["preferred_contact"], shown["languages"]) == ("Signal", ["fr", "zh"])
    with pytest.raises(PersonError) as refused:
        add_person(network, person_from({"display_name": "X", "preferred_contact": "s" * 51}))
    assert refused.value.field == "preferred_contact"


def test_the_cli_has_an_option_for_it(db_arg: str, custom: object) -> None:
    added = CliRunner().invoke(
        cli,
        ["--db", db_arg, "people", "add", "--name", "Mei Lin", "--preferred-contact", "Signal",
         "--language", "fr", "--json"],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    person_id = json.loads(added.output)["id"]
    edited = CliRunner().invoke(
        cli,
        ["--db", db_arg, "people", "edit", str(person_id), "--language", "fr", "--language", "es", "--json"],
    )
    assert json.loads(edited.output)["languages"] == ["fr", "es"]
    shown = json.loads(
        CliRunner().invoke(cli, ["--db", db_arg, "people", "show", str(person_id), "--json"]).output
    )
    assert shown["preferred_contact"] == "Signal"
    assert "--preferred-contact" in CliRunner().invoke(cli, ["people", "add", "--help"]).output


def test_the_api_takes_documents_and_answers_with_it(network: Network, custom: object) -> None:
    with TestClient(create_app(network), base_url="http://localhost") as client:
        schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
        assert "preferred_contact" in schema["PersonOut"]["properties"]
        assert schema["PersonFields"]["properties"]["languages"]["type"] == "array"
        headers = {"X-CSRF-Token": client.cookies.get(CSRF_COOKIE) or ""}
        made = client.post(
            "/api/v1/people", json={"name": "Mei Lin", "preferred_contact": "Signal"}, headers=headers
        )
        assert made.status_code == 201, made.text
        assert made.json()["preferred_contact"] == "Signal"
        person_id = made.json()["id"]
        changed = client.patch(f"/api/v1/people/{person_id}", json={"languages": ["fr"]}, headers=headers)
        assert changed.json()["languages"] == ["fr"]
        assert client.get(f"/api/v1/people/{person_id}").json()["preferred_contact"] == "Signal"
        wrong = client.post("/api/v1/people", json={"name": "X", "shoe_size": "11"}, headers=headers)
        assert wrong.status_code == 422


def test_the_api_list_is_written_as_its_response_model_writes_it(network: Network, custom: object) -> None:
    """The people list is written straight from the services' JSON: the same keys, in the same order, with
    the same values as PeoplePage itself would write, custom fields and every kind of value included."""
    from orchardist.domain.interactions import Direction
    from orchardist.services.interactions import log_interaction
    from orchardist.web.api._models import PeoplePage, PersonOut

    mei = _mei(network)
    assert mei.id is not None
    full = person_from(
        {
            "display_name": "Mei Tanaka, PhD",
            "given_name": "Mei",
            "family_name": "Tanaka",
            "pronouns": "she/her",
            "organisation": "Maple Health",
            "title": "Nurse",
            "emails": ["mei@example.org"],
            "phones": ["+1 514 555 0100"],
            "urls": ["https://example.org/mei"],
            "tags": ["mentor", "Montréal"],
            "tier": "active",
            "every_days": 30,
            "interests": ["jazz"],
            "met_through_id": mei.id,
            "birthday": "--03-29",
            "dates": [{"label": "met", "date": "2020-05-01"}],
            "knows_search": True,
            "coworker_override": "no",
            "notes": "line one\nline « two » \u2028 \x1f",
            "languages": ["ja"],
        }
    )
    other = add_person(network, full)
    assert other.id is not None
    log_interaction(network, [other.id], direction=Direction.GAVE, kind="coffee", summary="Coffee")
    found = browse_people(network, limit=50, count=True)
    each = [person_to_dict(p.person, p.last_contact, coworker=p.coworker) for p in found.people]
    assert json.dumps(listings_to_dicts(found.people)) == json.dumps(each)
    assert listings_to_json(found.people) == [json.dumps(item, ensure_ascii=False) for item in each]
    expected = PeoplePage(
        total=found.total or 0,
        limit=50,
        offset=0,
        people=[
            PersonOut.model_validate(person_to_dict(p.person, p.last_contact, coworker=p.coworker))
            for p in found.people
        ],
    ).model_dump_json()
    with TestClient(create_app(network), base_url="http://localhost") as client:
        answered = client.get("/api/v1/people", params={"search": "mei"})
    assert answered.status_code == 200
    assert answered.headers["content-type"] == "application/json"
    assert answered.content == expected.encode()  # byte for byte, key order included
    assert {"languages", "preferred_contact"} <= set(answered.json()["people"][0])


def test_the_pages_show_it_and_the_form_edits_it(network: Network, custom: object) -> None:
    mei = _mei(network)
    with TestClient(create_app(network), base_url="http://localhost") as client:
        page = client.get(f"/people/{mei.id}", headers=HTML)
        assert "Best way to reach them" in page.text and "Signal" in page.text and "fr, zh" in page.text
        form = client.get(f"/people/{mei.id}/edit", headers=HTML)
        assert 'name="preferred_contact"' in form.text and 'name="was:languages"' in form.text
        token = client.cookies.get(CSRF_COOKIE) or ""
        values = {**form.context["values"], **{f"was:{k}": v for k, v in form.context["was"].items()}}  # type: ignore[attr-defined]
        values.update({"csrf_token": token, "preferred_contact": "E-mail", "languages": "fr\nen"})
        saved = client.post(f"/people/{mei.id}", data=values, headers=HTML, follow_redirects=False)
        assert saved.status_code == 303
    after = get_person(network, mei.id or 0)
    assert after is not None and after.extra == {"preferred_contact": "E-mail", "languages": ("fr", "en")}
    assert after.sources["languages"][-1] == "manual"


def test_it_leaves_in_every_export_and_comes_back_from_a_backup(
    network: Network, custom: object, tmp_path: Path
) -> None:
    _mei(network)
    rows = list(csv.DictReader(io.StringIO(export_network(network, "csv").decode("utf-8-sig"))))
    assert (rows[0]["Best way to reach them"], rows[0]["Languages"]) == ("Signal", "fr; zh")
    card = export_network(network, "vcard").decode()
    assert "X-ORCHARDIST-FIELD-PREFERRED-CONTACT:Signal" in card
    read = registry.parse(card.encode(), "contacts.vcf", "vcard").people[0].person
    assert read.extra == {"preferred_contact": "Signal", "languages": ("fr", "zh")}
    backup = tmp_path / "backup.json"
    backup.write_bytes(export_network(network, "json"))
    add_person(network, Person(display_name="Someone Else"))
    restore(network, backup)
    (restored,) = [item.person for item in browse_people(network).people]
    assert restored.extra == {"preferred_contact": "Signal", "languages": ("fr", "zh")}
    assert json.loads(registry.export("json", NetworkSnapshot(people=[restored])))["people"][0][
        "languages"
    ] == [
        "fr",
        "zh",
    ]


def test_merging_keeps_it_as_its_kind_says(custom: object) -> None:
    keep = person_from({"display_name": "Mei Lin", "languages": ["fr"]})
    other = person_from({"display_name": "Mei Lin", "preferred_contact": "Signal", "languages": ["zh", "fr"]})
    merged = merge_people(keep, other)
    assert merged.extra == {"preferred_contact": "Signal", "languages": ("fr", "zh")}
