"""The professional self in a backup: what is written reads back the same (a round-trip property), and
what cannot be stored is refused naming where."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain.card import CardChoice, ProfessionalSelf
from orchardist.domain.pitch import PARTS, Practice
from orchardist.domain.presence import PLATFORMS, Profile, Visibility
from orchardist.formats.base import FormatError
from orchardist.formats.json_backup_self import read_self, self_object

# Text as a profile keeps it: no spaces to squeeze (the services tidy them first), no control characters.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=20).map(
    str.strip
)
_URL = st.sampled_from(["", "https://www.linkedin.com/in/amelie", "http://amelie.example/a?b=1"])

profiles = st.builds(
    Profile,
    platform=st.sampled_from(list(PLATFORMS)),
    display_name=_TEXT,
    headline=_TEXT,
    title=_TEXT,
    employer=_TEXT,
    location=_TEXT,
    open_to_work=st.none() | st.booleans(),
    url=_URL,
    position_start=st.sampled_from(["", "2021-03", "1999-12"]),
    visibility=st.sampled_from(list(Visibility)),
    reviewed_on=st.none() | st.dates(date(1990, 1, 1), date(2030, 1, 1)),
    nickname=st.booleans(),
)
practices = st.builds(
    Practice,
    id=st.integers(1, 10_000),
    on=st.dates(date(1990, 1, 1), date(2030, 1, 1)),
    place=_TEXT.filter(bool),
    note=_TEXT,
    created_at=st.just(datetime(2026, 12, 1, 20, 0, tzinfo=UTC)),
)
cards = st.none() | st.builds(
    CardChoice,
    profile=st.sampled_from(["", *PLATFORMS]),
    show_employer=st.booleans(),
    phone=_TEXT,
    email=st.sampled_from(["", "amelie@example.org"]),
    url=_URL,
    line=_TEXT,
)


@given(
    st.lists(profiles, max_size=4, unique_by=lambda profile: profile.platform),
    st.dictionaries(st.sampled_from(list(PARTS)), _TEXT.filter(bool)),
    st.lists(practices, max_size=3),
    cards,
)
def test_what_a_backup_writes_reads_back_the_same(
    found: list[Profile], pitch: dict[str, str], practice: list[Practice], card: CardChoice | None
) -> None:
    written = ProfessionalSelf(
        profiles=tuple(found), pitch=tuple(pitch.items()), practice=tuple(practice), card=card
    )
    document = json.loads(json.dumps({"presence": self_object(written)}))
    again = read_self(document)
    assert again.pitch == written.pitch and again.card == written.card
    assert [(item.on, item.place, item.note, item.id) for item in again.practice] == [
        (item.on, item.place, item.note, item.id) for item in written.practice
    ]
    assert [profile.platform for profile in again.profiles] == [
        profile.platform for profile in written.profiles
    ]
    assert [profile.visibility for profile in again.profiles] == [
        profile.visibility for profile in written.profiles
    ]


@pytest.mark.parametrize(
    ("presence", "where"),
    [
        ({"profiles": [{"platform": "x", "position_start": "March"}]}, "presence.profiles[0].position_start"),
        ({"profiles": [{"platform": "x", "open_to_work": "yes"}]}, "presence.profiles[0].open_to_work"),
        ({"pitch": {"why": "x"}}, "presence.pitch"),
        ({"practice": [{"on": "2026-12-01", "where": ""}]}, "presence.practice[0].where"),
        ({"card": {"colour": "red"}}, "presence.card"),
    ],
)
def test_what_cannot_be_stored_is_refused_naming_where(presence: dict[str, object], where: str) -> None:
    with pytest.raises(FormatError) as refused:
        read_self({"presence": presence})
    assert where in str(refused.value)


def test_an_older_backup_has_none() -> None:
    assert read_self({}) == ProfessionalSelf()
