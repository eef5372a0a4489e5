"""Page titles are neutral: a person's name stays in the page, not in the browser's history."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.services.people import add_person

NAME = "Zanele Okonkwo-Ruiz"
OTHER = "Zanele O. Ruiz"
ENGLISH = {"accept": "text/html", "accept-language": "en"}
FRENCH = {"accept": "text/html", "accept-language": "fr-CA"}


@pytest.fixture
def pages(network: Network) -> dict[str, str]:
    person = add_person(network, Person(display_name=NAME, organisation="Bluewater Health")).id
    other = add_person(network, Person(display_name=OTHER)).id
    return {
        "person": f"/people/{person}",
        "edit": f"/people/{person}/edit",
        "delete": f"/people/{person}/delete",
        "merge": f"/people/{person}/merge?other_id={other}",
        "write": f"/people/{person}/write?template=check-in",
    }


def title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found, html[:200]
    return found.group(1).strip()


@pytest.mark.parametrize(
    ("page", "english", "french"),
    [
        ("person", "A person", "Une personne"),
        ("edit", "Edit a person", "Modifier une personne"),
        ("delete", "Delete a person", "Supprimer une personne"),
        ("merge", "Merge two records", "Fusionner deux fiches"),
        ("write", "Write a message", "Écrire un message"),
    ],
)
def test_a_page_about_someone_has_a_neutral_title_and_names_them_in_its_heading(
    client: TestClient, pages: dict[str, str], page: str, english: str, french: str
) -> None:
    for headers, expected in ((ENGLISH, english), (FRENCH, french)):
        response = client.get(pages[page], headers=headers)
        assert response.status_code == 200, response.text
        assert title(response.text) == f"{expected} · Orchardist"
        for words in (*NAME.split(), "Okonkwo", "Ruiz", "Bluewater"):
            assert words not in title(response.text)
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)
        assert heading is not None
        if page == "merge":
            assert NAME in response.text and OTHER in response.text
        else:
            assert "Zanele" in heading.group(1)
