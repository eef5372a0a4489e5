"""vCard import (property by property) and export (vCard 3.0), with the round-trip property."""

from __future__ import annotations

import dataclasses

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from vobject.base import ParseError, VObjectError

from orchardist.domain.people import DEFAULT_TIER, NamedDate, PartialDate, Person, Tier, with_sources
from orchardist.formats import vcard
from orchardist.formats.base import FormatError, NetworkSnapshot, ParseResult, Skipped
from orchardist.formats.messages import ROW_HAS_NO_NAME
from orchardist.formats.vcard_writing import uid_of
from tests.strategies import people

SOURCE = "vcard:contacts.vcf"
NOT_CARRIED = {"id", "sources", "met_through_id"}


def read(*lines: str, version: str = "3.0") -> ParseResult:
    text = "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])
    return vcard.parse(text.encode("utf-8"), SOURCE)


def one(*lines: str, version: str = "3.0") -> Person:
    result = read(*lines, version=version)
    assert result.skipped == []
    assert len(result.people) == 1
    return result.people[0].person


def carried(person: Person) -> dict[str, object]:
    """What a card carries of ``person``: every field but the store's own, and the UID the card has
    (someone never stored has one made from who they are)."""
    return {
        field.name: uid_of(person) if field.name == "uid" else getattr(person, field.name)
        for field in dataclasses.fields(person)
        if field.name not in NOT_CARRIED
    }


def round_trip(person: Person) -> Person:
    result = vcard.parse(vcard.export(NetworkSnapshot(people=[person])), SOURCE)
    assert result.skipped == []
    return result.people[0].person


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\n", True),
        (b"begin:vcard\nfn:x\n", True),
        (b"\xef\xbb\xbf\r\n# comment\r\nBEGIN:VCARD\r\n", True),
        ("BEGIN:VCARD\r\n".encode("utf-16"), True),
        (b"First Name,Last Name,Email\r\nBEGIN:VCARD\r\n", False),
        (b'{"people": []}', False),
        (b"", False),
    ],
)
def test_sniff(data: bytes, expected: bool) -> None:
    assert vcard.sniff(data) is expected


def test_names_from_fn_and_n() -> None:
    person = one("FN:Dr. Ada King\\, Countess", "N:King;Ada;Augusta;Dr.;")
    assert (person.display_name, person.given_name, person.family_name) == (
        "Dr. Ada King, Countess",
        "Ada",
        "King",
    )


@pytest.mark.parametrize(
    ("n", "display"),
    [
        ("N:Lovelace;Ada;;;", "Ada Lovelace"),
        ("N:Perreault;Simon;;;ing. jr,M.Sc.", "Simon Perreault ing. jr M.Sc."),
        ("N:Doe;John;Richter,James;Mr.;Sr.", "Mr. John Richter James Doe Sr."),
        ("N:安藤;ロイド;;;", "安藤 ロイド"),
    ],
)
def test_display_name_is_built_from_n_when_fn_is_missing(n: str, display: str) -> None:
    assert one(n).display_name == display


def test_a_card_with_only_an_organisation_is_named_after_it() -> None:
    person = one("ORG:Acme Recruiting;Tech desk", "TEL:+1 555 0100")
    assert (person.display_name, person.organisation, person.given_name) == (
        "Acme Recruiting",
        "Acme Recruiting",
        "",
    )


def test_a_card_with_no_name_is_skipped_with_its_line() -> None:
    data = b"BEGIN:VCARD\r\nFN:Named\r\nEND:VCARD\r\n\r\nBEGIN:VCARD\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n"
    result = vcard.parse(data, SOURCE)
    assert [entry.line for entry in result.people] == [1]
    assert result.skipped == [Skipped(line=5, reason=ROW_HAS_NO_NAME())]
    assert str(result.skipped[0].reason) == "no name"


def test_a_card_known_only_by_its_address_is_named_from_it() -> None:
    data = b"BEGIN:VCARD\r\nEMAIL:who@example.com\r\nEND:VCARD\r\n"
    (entry,) = vcard.parse(data, SOURCE).people
    assert (entry.person.display_name, entry.person.emails) == ("who@example.com", ("who@example.com",))


def test_an_empty_card_is_skipped() -> None:
    assert vcard.parse(b"BEGIN:VCARD\r\nEND:VCARD\r\n", SOURCE).skipped == [
        Skipped(line=1, reason=ROW_HAS_NO_NAME())
    ]


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b"\x00\x01\x02BEGIN:VCARD\x00", b"no card here\r\n"])
def test_files_that_are_not_vcards_are_refused(data: bytes) -> None:
    with pytest.raises(FormatError):
        vcard.parse(data, SOURCE)


def test_a_one_megabyte_line_is_refused_with_its_line_number() -> None:
    with pytest.raises(FormatError) as refused:
        read("FN:Long", "NOTE:" + "x" * 1_048_576)
    assert refused.value.line == 4


def test_work_fields() -> None:
    person = one(
        "FN:Bob",
        "ORG:Acme\\; Sons;Accounting;Floor 3",
        "ORG:Second Employer",
        "TITLE:Head of Things",
        "TITLE:Ignored second title",
        "ROLE:Ignored role",
    )
    assert (person.organisation, person.title) == ("Acme; Sons", "Head of Things")


def test_emails_and_phones_keep_their_text() -> None:
    person = one(
        "FN:Bob",
        "EMAIL;TYPE=INTERNET:bob@example.com",
        'EMAIL;TYPE=INTERNET:"Bob" <bob@work.example>',
        "EMAIL:BOB@example.com",
        "EMAIL:mailto:bob@home.example",
        "TEL;TYPE=CELL:+1 (555) 010-2345",
        "TEL;VALUE=uri:tel:+1-418-656-9254;ext=102",
        "TEL;TYPE=HOME:sip:bob@example.com",
        "TEL:+1 (555) 010-2345",
    )
    assert person.emails == ("bob@example.com", "bob@work.example", "bob@home.example")
    assert person.phones == ("+1 (555) 010-2345", "+1-418-656-9254;ext=102")


def test_linkedin_urls_go_to_linkedin_url_and_the_rest_to_urls() -> None:
    person = one(
        "FN:Bob",
        "URL:https://bob.example/",
        "URL:http\\://www.linkedin.com/in/bob-smith/",
        "X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/Bob-Smith",
        "URL:https://www.linkedin.com/in/someone-else",
        "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/bob",
        "X-SOCIALPROFILE;TYPE=facebook:x-apple:bob",
    )
    assert person.linkedin_url == "http://www.linkedin.com/in/bob-smith/"
    assert person.urls == (
        "https://bob.example/",
        "https://www.linkedin.com/in/someone-else",
        "https://twitter.com/bob",
    )


def test_apple_linkedin_profile_given_by_user_name() -> None:
    person = one("FN:Bob", "X-SOCIALPROFILE;type=linkedin;x-user=bobsmith:x-apple:bobsmith")
    assert person.linkedin_url == "https://www.linkedin.com/in/bobsmith"


@pytest.mark.parametrize(
    ("addresses", "location"),
    [
        (["ADR;TYPE=HOME:;;1 Main St;Montréal;QC;H2X 1Y4;Canada"], "Montréal, QC, Canada"),
        (
            ["ADR;TYPE=HOME:;;1 Main St;Austin;TX;;", "ADR;TYPE=WORK,PREF:;;2 Elm;Boston;MA;;USA"],
            "Boston, MA, USA",
        ),
        (["ADR:;;only a street;;;;", "ADR:;;;Lyon;;;France"], "Lyon, France"),
        (["ADR:;;only a street;;;;"], ""),
        (["X-ORCHARDIST-LOCATION:Greater Montréal", "ADR:;;;Laval;QC;;"], "Greater Montréal"),
    ],
)
def test_location_comes_from_the_preferred_address(addresses: list[str], location: str) -> None:
    assert one("FN:Bob", *addresses).location == location


@pytest.mark.parametrize(
    ("bday", "birthday"),
    [
        ("BDAY:1985-03-29", PartialDate(3, 29, 1985)),
        ("BDAY;VALUE=DATE:19850329", PartialDate(3, 29, 1985)),
        ("BDAY:--0329", PartialDate(3, 29)),
        ("BDAY:--03-29", PartialDate(3, 29)),
        ("BDAY:1985-03-29T10:30:00Z", PartialDate(3, 29, 1985)),
        ("BDAY:19850329T103000", PartialDate(3, 29, 1985)),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-29", PartialDate(3, 29)),
        ("BDAY:1985-02-30", None),
        ("BDAY;VALUE=text:circa 1800", None),
    ],
)
def test_birthday_formats(bday: str, birthday: PartialDate | None) -> None:
    assert one("FN:Bob", bday).birthday == birthday


def test_other_dates_with_their_labels() -> None:
    person = one(
        "FN:Bob",
        "ANNIVERSARY:20090808T1430-0500",
        "X-ANNIVERSARY:1990-04-30",
        "item1.X-ABDATE:1970-06-02",
        "item1.X-ABLabel:_$!<Anniversary>!$_",
        "X-ABDATE:1776-07-04",
        "item2.X-ABLabel:Started at Acme",
        "item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-09-12",
        "item3.X-ABDATE:not a date",
    )
    assert person.dates == (
        NamedDate("anniversary", PartialDate(8, 8, 2009)),
        NamedDate("anniversary", PartialDate(4, 30, 1990)),
        NamedDate("anniversary", PartialDate(6, 2, 1970)),
        NamedDate("other", PartialDate(7, 4, 1776)),
        NamedDate("Started at Acme", PartialDate(9, 12)),
    )


def test_notes_tags_and_pronouns() -> None:
    person = one(
        "FN:Bob",
        "NOTE:Line one\\nLine two\\, with a comma",
        "NOTE: second note ",
        "CATEGORIES:Friends,Work\\, old,Friends",
        "CATEGORIES:Climbing",
        "X-PRONOUNS:they/them",
        "NICKNAME:Bobby",
    )
    assert person.notes == "Line one\nLine two, with a comma\n second note "
    assert person.tags == ("Friends", "Work, old", "Climbing")
    assert person.pronouns == "they/them"


def test_pronouns_property_of_vcard_4() -> None:
    assert one("FN:Bob", "PRONOUNS:she/her", version="4.0").pronouns == "she/her"


def test_every_person_records_its_source() -> None:
    person = one("FN:Bob", "EMAIL:bob@example.com", "TITLE:Chef")
    assert person == with_sources(person, SOURCE)
    assert person.sources["emails"] == (SOURCE,)


def test_vobject_errors_skip_the_card_with_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """vobject raises its base class VObjectError, not only ParseError; both skip the card."""

    def refuse(line: str, number: int | None = None) -> object:
        if line.startswith("FN:Bad"):
            raise VObjectError("This component already has a PROFILE or uses BEGIN.")
        if line.startswith("FN:Worse"):
            raise ParseError("Failed to parse line", number)
        return vobject.base.parseLine(line, number)

    monkeypatch.setattr(vcard, "parseLine", refuse)
    data = b"".join(b"BEGIN:VCARD\r\nFN:%s\r\nEND:VCARD\r\n" % name for name in (b"Good", b"Bad", b"Worse"))
    result = vcard.parse(data, SOURCE)
    assert [entry.person.display_name for entry in result.people] == ["Good"]
    assert [entry.line for entry in result.skipped] == [4, 7]
    assert [entry.reason.code for entry in result.skipped] == ["row.unreadable_card"] * 2
    assert str(result.skipped[0].reason) == (
        "this card could not be read: line 5: This component already has a PROFILE or uses BEGIN."
    )
    assert result.skipped[1].reason.params["problem"].params == {"line": 8, "reason": "Failed to parse line"}


def full_person() -> Person:
    return Person(
        display_name="Dr. Amira Haddad; PhD, \\ 🌳",
        given_name="Amira",
        family_name="Haddad-O’Neil",
        pronouns="she/her",
        emails=("amira@example.com", "a.haddad@work.example"),
        phones=("+1 514 555 0101", "+1 514 555 0102"),
        urls=("https://amira.example/", "https://blog.example/amira"),
        linkedin_url="https://www.linkedin.com/in/amira-haddad",
        organisation="Acme; Sons, Ltd.",
        title="Data Analyst",
        location="Montréal, QC",
        tags=("newcomer", "data"),
        tier=Tier.INNER,
        every_days=21,
        interests=("cycling", "Arabic, poetry"),
        can_help_with=("Excel",),
        could_use_help_with=("networking", "French"),
        how_met="Workshop",
        where_met="Library; room 2",
        birthday=PartialDate(2, 29),
        dates=(
            NamedDate("anniversary", PartialDate(6, 1, 2015)),
            NamedDate("started at Acme", PartialDate(9, 3, 2024)),
        ),
        notes="Met at the library.\nLikes tea\r\nand\tmaps\x00\x0b;,\\ ",
    )


def test_export_writes_vcard_30_with_every_field() -> None:
    text = vcard.export(NetworkSnapshot(people=[full_person()])).decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and text.endswith("END:VCARD\r\n")
    for line in [
        "FN:Dr. Amira Haddad\\; PhD\\, \\\\ 🌳",
        "N:Haddad-O’Neil;Amira;;;",
        "X-PRONOUNS:she/her",
        "ORG:Acme\\; Sons\\, Ltd.",
        "TITLE:Data Analyst",
        "EMAIL;TYPE=INTERNET:amira@example.com",
        "TEL:+1 514 555 0101",
        "URL:https://amira.example/",
        "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/amira-haddad",
        "URL:https://www.linkedin.com/in/amira-haddad",
        "ADR:;;;Montréal\\, QC;;;",
        "X-ORCHARDIST-LOCATION:Montréal\\, QC",
        "BDAY:--0229",
        "item1.X-ABDATE:2015-06-01",
        "item1.X-ABLabel:_$!<Anniversary>!$_",
        "item2.X-ABLabel:started at Acme",
        "CATEGORIES:newcomer,data",
        "NOTE:Met at the library.\\nLikes tea\\nand\tmaps\\;\\,\\\\ ",
        "X-ORCHARDIST-TIER:inner",
        "X-ORCHARDIST-EVERY-DAYS:21",
        "X-ORCHARDIST-INTEREST:Arabic\\, poetry",
        "X-ORCHARDIST-CAN-HELP-WITH:Excel",
        "X-ORCHARDIST-COULD-USE-HELP-WITH:French",
        "X-ORCHARDIST-HOW-MET:Workshop",
        "X-ORCHARDIST-WHERE-MET:Library\\; room 2",
    ]:
        assert f"\r\n{line}\r\n" in unfolded, line
    assert "X-ORCHARDIST-NOTES-BASE64:" in unfolded  # NUL and vertical tab cannot go in NOTE


def test_export_lines_are_crlf_and_folded_at_75_octets() -> None:
    person = dataclasses.replace(full_person(), notes="Très long commentaire — " * 20, title="é" * 60)
    data = vcard.export(NetworkSnapshot(people=[person]))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # folds never split a character


def test_export_of_nobody_is_empty() -> None:
    assert vcard.export(NetworkSnapshot(people=[])) == b""


def test_full_person_round_trips() -> None:
    person = full_person()
    assert carried(round_trip(person)) == carried(person)


def test_defaults_round_trip_without_orchardist_extras() -> None:
    person = Person(display_name="Plain Person")
    back = round_trip(person)
    assert carried(back) == carried(person)
    assert back.tier is DEFAULT_TIER


def test_export_is_read_by_vobject() -> None:
    exported = vcard.export(NetworkSnapshot(people=[full_person(), Person(display_name="B, second")]))
    components = list(vobject.readComponents(exported.decode("utf-8")))
    assert [component.fn.value for component in components] == ["Dr. Amira Haddad; PhD, \\ 🌳", "B, second"]
    assert components[0].n.value.family == "Haddad-O’Neil"
    assert components[0].org.value == ["Acme; Sons, Ltd."]
    assert [email.value for email in components[0].email_list] == [
        "amira@example.com",
        "a.haddad@work.example",
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(people, min_size=1, max_size=4))
def test_import_of_export_gives_the_same_people(originals: list[Person]) -> None:
    result = vcard.parse(vcard.export(NetworkSnapshot(people=originals)), SOURCE)
    assert result.skipped == []
    assert [carried(entry.person) for entry in result.people] == [carried(person) for person in originals]


@settings(max_examples=50, deadline=None)
@given(st.lists(people, min_size=1, max_size=3))
def test_vobject_reads_every_exported_card(originals: list[Person]) -> None:
    exported = vcard.export(NetworkSnapshot(people=originals)).decode("utf-8")
    components = list(vobject.readComponents(exported))
    assert [component.fn.value for component in components] == [person.display_name for person in originals]
    assert all(len(line) <= 75 for line in exported.encode("utf-8").split(b"\r\n"))


def test_a_card_with_a_rhythm_no_one_may_hold_is_passed_over_with_its_field() -> None:
    from orchardist.formats.registry import parse

    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nX-ORCHARDIST-EVERY-DAYS:3730\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nEND:VCARD\r\n"
    )
    result = parse(data, "contacts.vcf", "vcard")
    assert [item.person.display_name for item in result.people] == ["Bo Chen"]
    assert [(item.line, str(item.reason)) for item in result.skipped] == [
        (1, "field 'every_days': must be a number of days from 1 to 3650")
    ]
