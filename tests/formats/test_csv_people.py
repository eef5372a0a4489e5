"""Building people from CSV cells: sources recorded per field, LinkedIn profile URLs."""

from __future__ import annotations

import pytest

from orchardist.domain.matching import is_linkedin_url
from orchardist.domain.people import NamedDate, PartialDate, Person, with_sources
from orchardist.formats.csv_people import is_profile_url, person_with_sources


def test_person_with_sources_equals_with_sources_on_the_same_person() -> None:
    fields: dict[str, object] = {
        "given_name": "Ana",
        "family_name": "",
        "emails": ("ana@example.org",),
        "phones": (),
        "birthday": PartialDate(month=3, day=29),
        "dates": (NamedDate("connected", PartialDate(month=1, day=2, year=2020)),),
        "notes": "",
    }
    built = person_with_sources("linkedin:Connections.csv", "Ana", **fields)
    reference = with_sources(Person(display_name="Ana", **fields), "linkedin:Connections.csv")  # type: ignore[arg-type]
    assert built == reference
    assert set(built.sources) == {"display_name", "given_name", "emails", "birthday", "dates"}


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/ana-silva-123",
        "http://ca.linkedin.com/in/ana",
        "HTTPS://WWW.LINKEDIN.COM/IN/ANA",
        "https://www.linkedin.com/pub/ana-silva/1/2/3",
        "linkedin.com/in/ana",
        "https://www.linkedin.com/company/acme",
        "https://example.com/in/ana",
        "https://evil.example/?https://www.linkedin.com/in/ana",
        "",
    ],
)
def test_is_profile_url_agrees_with_matching(url: str) -> None:
    assert is_profile_url(url) == is_linkedin_url(url)
