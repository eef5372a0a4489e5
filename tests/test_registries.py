"""Each registry is the one list of its kind: the CLI's choices, the API's accepted values and the pages'
labels all come from it, and agree."""

from __future__ import annotations

from typing import Any

import click
from fastapi.testclient import TestClient

from orchardist.cli.main import cli
from orchardist.formats import registry
from orchardist.services import reasons
from orchardist.services.network import Network
from orchardist.web import i18n
from orchardist.web.app import create_app
from orchardist.web.routes import exports, imports, today


def _choices(*path: str) -> list[str]:
    command: click.Command = cli
    for name in path[:-1]:
        assert isinstance(command, click.Group)
        with click.Context(command) as ctx:
            found = command.get_command(ctx, name)
        assert found is not None
        command = found
    option = next(param for param in command.params if param.name == path[-1])
    assert isinstance(option.type, click.Choice)
    return list(option.type.choices)


def _schema(document: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"][name]
    return schema


def test_the_formats_agree_everywhere(network: Network) -> None:
    readers = [read.name for read in registry.importers()]
    writers = [written.name for written in registry.exporters()]
    downloads = [written.name for written in registry.downloads()]
    assert _choices("import", "fmt") == ["auto", *readers]
    assert _choices("export", "fmt") == writers
    assert _choices("export", "version") == list(registry.versions()) == ["3.0", "4.0"]
    with TestClient(create_app(network), base_url="http://localhost") as client:
        document = client.get("/api/v1/openapi.json").json()
    upload = _schema(document, "Body_import_file")["properties"]["format"]
    assert upload["enum"] == ["auto", *readers]
    export = document["paths"]["/api/v1/exports/{format}"]["get"]
    assert export["parameters"][0]["schema"]["enum"] == downloads
    version = next(parameter for parameter in export["parameters"] if parameter["name"] == "version")
    assert version["schema"]["anyOf"][0]["enum"] == list(registry.versions())
    assert set(export["responses"]["200"]["content"]) == {spec.media_type for spec in registry.downloads()}
    i18n.set_language("en")
    assert list(imports._format_labels()) == ["auto", *readers]
    assert list(imports._format_names()) == readers
    assert [item["format"] for item in exports._formats()] == downloads
    assert [item["versions"] for item in exports._formats()] == [
        spec.versions for spec in registry.downloads()
    ]
    assert all(spec.title and spec.label for spec in registry.FORMATS)
    assert all(
        spec.media_type and spec.file_name and spec.heading and spec.about for spec in registry.downloads()
    )


def test_the_reasons_agree_everywhere(network: Network) -> None:
    codes = list(reasons.codes())
    with TestClient(create_app(network), base_url="http://localhost") as client:
        document = client.get("/api/v1/openapi.json").json()
    assert _schema(document, "TodayEntryOut")["properties"]["reason"]["enum"] == codes
    assert _schema(document, "DismissalIn")["properties"]["reason"]["enum"] == codes
    i18n.set_language("en")
    assert list(today.reason_labels()) == codes
    assert list(today.log_kinds()) == codes


def test_a_value_outside_a_registry_is_refused_by_the_api(network: Network) -> None:
    with TestClient(create_app(network), base_url="http://localhost") as client:
        assert client.get("/api/v1/exports/pdf").status_code == 422
        assert client.get("/api/v1/exports/csv").status_code == 200


def test_the_person_fields_agree_everywhere(network: Network) -> None:
    from orchardist.cli.people import PersonFieldsCommand
    from orchardist.domain.discretion import NOT_FLAGGED
    from orchardist.domain.fields import FIELDS
    from orchardist.domain.people import PERSON_FIELDS, Person
    from orchardist.formats.csv_export import columns
    from orchardist.services.serialisers import WORKED_OUT, person_to_dict
    from orchardist.web.person_form import form_values, layout

    assert tuple(name for name, spec in FIELDS.items() if not spec.custom) == tuple(
        sorted(PERSON_FIELDS, key=list(FIELDS).index)
    )
    assert set(PERSON_FIELDS) == set(FIELDS)
    shown = person_to_dict(Person(display_name="x", id=1), None, coworker=NOT_FLAGGED)
    keys = set(shown) - {"id", "uid", "sources", "last_contact", *WORKED_OUT}
    assert keys == {spec.key for spec in FIELDS.values()}
    with TestClient(create_app(network), base_url="http://localhost") as client:
        document = client.get("/api/v1/openapi.json").json()
    out = set(_schema(document, "PersonOut")["properties"]) - {
        "id",
        "uid",
        "sources",
        "last_contact",
        *WORKED_OUT,
    }
    assert out == keys
    assert set(_schema(document, "PersonFields")["properties"]) == keys
    for path in (("people", "add"), ("people", "edit")):
        with click.Context(cli) as ctx:
            command = cli.get_command(ctx, path[0])
        assert isinstance(command, click.Group)
        sub = command.commands[path[1]]
        assert isinstance(sub, PersonFieldsCommand)
        with click.Context(sub) as ctx:
            options = {param.name for param in sub.get_params(ctx)}
        assert {name for name, spec in FIELDS.items() if spec.option} <= options
    assert set(form_values(Person(display_name="x"), None)) == set(FIELDS)
    assert sorted(box.name for _group, rows in layout() for row in rows for box in row) == sorted(FIELDS)
    assert columns()[:-1] == tuple(spec.column for spec in FIELDS.values() if spec.column)
